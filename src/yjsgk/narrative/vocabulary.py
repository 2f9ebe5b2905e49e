"""What the narrative talks about: subject names, their canonical ids, and how they nest.

Patterns apply to folded text (see text.fold): no spaces or quotes, ASCII parentheses, colons
and commas. A generic name (基本支出) becomes a subject in the scope of its section
(一般公共预算财政拨款… → gb.basic, 政府性基金… → gov_fund.basic, otherwise expenditure.basic).
"""

from __future__ import annotations

import re
from functools import cache

from ..definitions import function_classes

# (pattern, generic subject). The match ending closest to the number wins; among matches
# ending at the same place, the longest.
ALIASES: tuple[tuple[str, str], ...] = (
    # totals
    (r"财政拨款收[、,]?支总(?:计|预算)|财政拨款收入支出总计", "fiscal.grand_total"),
    (r"收[、,]?支总(?:计|预算)|收入支出总计", "grand_total"),
    (r"本年收入(?:预算)?合计|收入(?:预算)?合计|本年收入总计", "income.total"),
    (
        r"本年支出(?:预算)?合计|(?<!基本)(?<!项目)支出(?:预算)?合计|本年支出总计",
        "expenditure.total",
    ),  # not 基本支出合计
    (r"(?:本部门|本单位)(?:本年)?支出", "expenditure.total"),
    # income items
    (r"本级财政拨款收入|本级财政拨款|财政拨款收入|经费拨款", "income.fiscal"),
    (r"一般公共预算(?:财政)?拨款收入|一般公共预算(?:财政)?拨款|一般公共预算收入", "income.general_budget"),
    (r"政府性基金预算财政拨款收入|政府性基金预算拨款收入|政府性基金收入", "income.gov_fund"),
    (r"上级补助收入", "income.higher_subsidy"),
    (r"(?<!财政专户管理)事业收入", "income.business"),  # not 财政专户管理事业收入, a column of its own
    (r"事业单位经营服务收入|经营收入", "income.operating"),
    (r"附属单位上缴收入", "income.subordinate"),
    (r"其他收入|其它收入", "income.other"),
    # expenditure items
    (r"基本支出", "basic"),
    (r"项目支出", "project"),
    (r"上缴上级支出", "expenditure.to_higher"),
    (r"事业单位经营支出|经营支出", "expenditure.operating"),
    (r"对附属单位补助支出", "expenditure.to_subordinate"),
    (r"一般公共预算财政拨款支出|一般公共预算拨款支出|一般公共预算支出", "gb.expenditure"),
    # all funds (一般公共预算 + 政府性基金 + 国有资本经营); the same as gb.expenditure when the
    # department has no other 财政拨款
    (r"财政拨款(?:预算)?支出", "fiscal_expenditure"),
    (r"(?:一般公共预算)?财政拨款基本支出|一般公共预算基本支出", "gb.basic"),
    (r"(?:一般公共预算)?财政拨款项目支出|一般公共预算项目支出", "gb.project"),
    (r"年初(?:财政拨款)?结转和结余", "opening"),
    # a budget's carry-over by fund: no table prints it by fund (not the fund's 本年拨款)
    (r"上年结转(?:和)?结余的?一般公共预算(?:拨款)?收入", "opening.general_budget"),
    (r"上年结转(?:和)?结余的?政府性基金预算(?:拨款)?收入", "opening.gov_fund"),
    (r"上年结转(?:和)?结余的?国有资本经营预算(?:拨款)?收入", "opening.state_capital"),
    (r"年末(?:财政拨款)?结转和结余", "closing"),
    # basic expenditure by economic nature
    (r"(?<![临聘用职休])人员经费(?:支出)?", "personnel"),  # not 临聘人员经费, 在职人员经费, 离退休人员经费
    (r"公用经费(?:支出)?", "public"),
    (r"机关运行经费(?:支出)?", "admin_cost"),
    (r"会议费", "meeting"),
    (r"培训费", "training"),
    # 三公
    (r"三公经费(?:财政拨款)?(?:支出)?", "three_public.total"),
    (r"因公出国\(境\)费用?|因公出国费", "three_public.abroad"),
    (r"公务用车购置费?及运行(?:维护)?费", "three_public.vehicle"),
    (r"公务用车购置费", "three_public.vehicle_purchase"),
    (r"公务用车运行(?:维护)?费", "three_public.vehicle_operation"),
    (r"公务接待费", "three_public.reception"),
    # 政府采购
    (r"政府采购(?:支出|预算)?总额|政府采购支出|政府采购金额", "procurement.total"),
    (r"政府采购货物支出|货物类?(?:政府)?采购(?:支出|预算|金额)*", "procurement.goods"),
    (r"政府采购工程支出|工程类?(?:政府)?采购(?:支出|预算|金额)*", "procurement.works"),
    (r"政府采购服务支出|服务类?(?:政府)?采购(?:支出|预算|金额)*", "procurement.services"),
    (r"授予中小企业合同(?:金额)?", "procurement.sme"),
    (r"授予小微企业合同(?:金额)?", "procurement.micro"),
)

# generic subject → scope → subject
SCOPED: dict[str, dict[str, str]] = {
    "basic": {
        "all": "expenditure.basic",
        "gb": "gb.basic",
        "gov_fund": "gov_fund.basic",
        "state_capital": "state_capital.basic",
    },
    "project": {
        "all": "expenditure.project",
        "gb": "gb.project",
        "gov_fund": "gov_fund.project",
        "state_capital": "state_capital.project",
    },
    "fiscal_expenditure": {"all": "fiscal.expenditure", "fiscal": "fiscal.expenditure", "gb": "gb.expenditure"},
    "opening": {
        "all": "opening_balance",
        "fiscal": "fiscal.opening",
        "gb": "fiscal.opening",
        "gov_fund": "gov_fund.opening",
    },
    "closing": {
        "all": "closing_balance",
        "fiscal": "fiscal.closing",
        "gb": "fiscal.closing",
        "gov_fund": "gov_fund.closing",
    },
}

# labels that name a subject on their own once years and 本部门 are stripped
BARE: dict[str, str] = {
    "收入预算": "income.total",
    "预算收入": "income.total",
    "收入": "income.total",
    "支出预算": "expenditure.total",
    "预算支出": "expenditure.total",
    "支出": "expenditure.total",
}
BARE_IN_SCOPE: dict[tuple[str, str], str] = {
    ("支出", "gov_fund"): "gov_fund.expenditure",
    ("收入", "gov_fund"): "income.gov_fund",
    ("支出预算", "gb"): "gb.expenditure",
    ("预算支出", "gb"): "gb.expenditure",
}

# A total named only by its budget word (收入预算, 支出预算, 收支总预算), without 本年, 合计 or
# 总计, may be the year's own total (本年收入合计) or the grand total with the carry-over (收入总计):
# the other totals of the same table it may mean.
AMBIGUOUS_TOTALS: dict[str, tuple[str, ...]] = {
    "income.total": ("grand_total",),
    "expenditure.total": ("grand_total",),
    "grand_total": ("income.total", "expenditure.total"),
}
AMBIGUOUS_WORDS = re.compile(r"预算|决算")  # the words that name a total only by its budget
DEFINITE_WORDS = re.compile(r"本年|合计|总计|财政拨款")  # …and those that say which total it is

# counts (辆, 台, 套, 个, 人次, 批次): (pattern on the words before the number, unit class, subject)
COUNTS: tuple[tuple[str, str, str], ...] = (
    (r"(?:主要|部级|省级|局级)?领导干部用车", "vehicle", "vehicles.leader"),
    (r"一般公务用车", "vehicle", "vehicles.general"),
    (r"离退休干部(?:服务)?用车", "vehicle", "vehicles.retired"),
    (r"机要通信用车", "vehicle", "vehicles.confidential"),
    (r"应急保障用车", "vehicle", "vehicles.emergency"),
    (r"执法执勤用车", "vehicle", "vehicles.law"),
    (r"特种专业技术用车", "vehicle", "vehicles.special"),
    (r"其他(?:按照?规定配备的?)?(?:公务)?用车", "vehicle", "vehicles.other"),
    (r"(?:拟)?新增(?:配置|配备)?(?:公务用车|车辆)", "vehicle", "vehicles.new"),
    (r"(?:购置|更新)(?:公务用车|车辆)", "vehicle", "vehicles.purchased"),
    (r"(?:共有|现有|实有)(?:公务用车|车辆)|(?:公务用车|车辆)保有量(?:为)?|保有量(?:为)?", "vehicle", "vehicles.total"),
    (r"(?:新增配[置备])单位价值50万元以上(?:的)?通用设备", "equipment", "equipment.new.general_50"),
    (r"(?:新增配[置备])单位价值100万元以上(?:的)?专用设备", "equipment", "equipment.new.special_100"),
    (r"单位价值50万元以上(?:的)?通用设备", "equipment", "equipment.general_50"),
    (r"单位价值100万元以上(?:的)?通用设备", "equipment", "equipment.general_100"),
    (r"单位价值100万元以上(?:的)?专用设备", "equipment", "equipment.special_100"),
    (r"(?:因公出国\(境\))?团组", "group", "groups"),
    (r"来宾|累计|人次", "persons", "persons"),
    (r"一级项目", "project", "performance.level1_projects"),
    (r"二级项目", "project", "performance.level2_projects"),
)

# labels shown in messages and in `extract`
LABELS: dict[str, str] = {
    "grand_total": "收、支总计",
    "fiscal.grand_total": "财政拨款收、支总计",
    "income.total": "本年收入合计",
    "income.fiscal": "财政拨款收入",
    "income.general_budget": "一般公共预算财政拨款收入",
    "income.gov_fund": "政府性基金预算财政拨款收入",
    "income.higher_subsidy": "上级补助收入",
    "income.business": "事业收入",
    "income.operating": "经营收入",
    "income.subordinate": "附属单位上缴收入",
    "income.other": "其他收入",
    "expenditure.total": "本年支出合计",
    "expenditure.basic": "基本支出",
    "expenditure.project": "项目支出",
    "expenditure.to_higher": "上缴上级支出",
    "expenditure.operating": "经营支出",
    "expenditure.to_subordinate": "对附属单位补助支出",
    "gb.expenditure": "一般公共预算财政拨款支出",
    "fiscal.expenditure": "财政拨款支出",
    "opening.general_budget": "上年结转结余的一般公共预算收入",
    "opening.gov_fund": "上年结转结余的政府性基金预算收入",
    "opening.state_capital": "上年结转结余的国有资本经营预算收入",
    "gb.basic": "一般公共预算财政拨款基本支出",
    "gb.project": "一般公共预算财政拨款项目支出",
    "gov_fund.expenditure": "政府性基金预算财政拨款支出",
    "gov_fund.basic": "政府性基金预算财政拨款基本支出",
    "gov_fund.project": "政府性基金预算财政拨款项目支出",
    "gov_fund.opening": "政府性基金年初结转和结余",
    "gov_fund.closing": "政府性基金年末结转和结余",
    "state_capital.basic": "国有资本经营预算基本支出",
    "state_capital.project": "国有资本经营预算项目支出",
    "opening_balance": "年初结转和结余",
    "closing_balance": "年末结转和结余",
    "fiscal.opening": "年初财政拨款结转和结余",
    "fiscal.closing": "年末财政拨款结转和结余",
    "personnel": "人员经费",
    "public": "公用经费",
    "admin_cost": "机关运行经费",
    "meeting": "会议费",
    "training": "培训费",
    "three_public.total": "“三公”经费",
    "three_public.abroad": "因公出国（境）费",
    "three_public.vehicle": "公务用车购置及运行维护费",
    "three_public.vehicle_purchase": "公务用车购置费",
    "three_public.vehicle_operation": "公务用车运行维护费",
    "three_public.reception": "公务接待费",
    "procurement.total": "政府采购支出总额",
    "procurement.goods": "政府采购货物支出",
    "procurement.works": "政府采购工程支出",
    "procurement.services": "政府采购服务支出",
    "procurement.sme": "授予中小企业合同金额",
    "procurement.micro": "授予小微企业合同金额",
    "vehicles.total": "车辆总数",
    "vehicles.new": "拟新增车辆",
    "vehicles.purchased": "购置（更新）公务用车",
    "vehicles.leader": "主要领导干部用车",
    "vehicles.confidential": "机要通信用车",
    "vehicles.emergency": "应急保障用车",
    "vehicles.law": "执法执勤用车",
    "vehicles.special": "特种专业技术用车",
    "vehicles.other": "其他用车",
    "vehicles.general": "一般公务用车",
    "vehicles.retired": "离退休干部服务用车",
    "equipment.general_50": "单位价值50万元以上通用设备",
    "equipment.general_100": "单位价值100万元以上通用设备",
    "equipment.special_100": "单位价值100万元以上专用设备",
    "equipment.new.general_50": "新增单位价值50万元以上通用设备",
    "equipment.new.general_100": "新增单位价值100万元以上通用设备",
    "equipment.new.special_100": "新增单位价值100万元以上专用设备",
    "three_public.abroad.groups": "因公出国（境）团组",
    "three_public.abroad.persons": "因公出国（境）人次",
    "three_public.reception.groups": "公务接待团组（批次）",
    "three_public.reception.persons": "公务接待人次",
    "performance.level1_projects": "开展绩效评价的一级项目",
    "performance.level2_projects": "开展绩效评价的二级项目",
}

MEASURE_LABELS = {
    "amount": "",
    "budget": "预算数",
    "adjusted_budget": "全年预算数",
    "final": "决算数",
    "spent": "实际支出",
    "remaining": "结余",
}

VEHICLE_TYPES = (
    "vehicles.leader",
    "vehicles.general",
    "vehicles.confidential",
    "vehicles.emergency",
    "vehicles.law",
    "vehicles.special",
    "vehicles.retired",
    "vehicles.other",
)

# a whole and its parts: slots of alternatives (each alternative: subjects that together fill it)
Slot = tuple[tuple[str, ...], ...]
PARTITIONS: dict[str, tuple[Slot, ...]] = {
    "income.total": (
        (("income.fiscal",), ("income.general_budget", "income.gov_fund"), ("income.general_budget",)),
        (("income.higher_subsidy",),),
        (("income.business",),),
        (("income.operating",),),
        (("income.subordinate",),),
        (("income.other",),),
    ),
    "expenditure.total": tuple(
        ((s,),)
        for s in (
            "expenditure.basic",
            "expenditure.project",
            "expenditure.to_higher",
            "expenditure.operating",
            "expenditure.to_subordinate",
        )
    ),
    "gb.expenditure": ((("gb.basic",),), (("gb.project",),)),
    "gb.basic": ((("personnel",),), (("public",),)),
    "expenditure.basic": ((("personnel",),), (("public",),)),
    "gov_fund.expenditure": ((("gov_fund.basic",),), (("gov_fund.project",),)),
    "three_public.total": (
        (("three_public.abroad",),),
        (("three_public.vehicle",), ("three_public.vehicle_purchase", "three_public.vehicle_operation")),
        (("three_public.reception",),),
    ),
    "three_public.vehicle": ((("three_public.vehicle_purchase",),), (("three_public.vehicle_operation",),)),
    "procurement.total": ((("procurement.goods",),), (("procurement.works",),), (("procurement.services",),)),
    "vehicles.total": tuple(((s,),) for s in VEHICLE_TYPES),
    "vehicles.new": tuple(((s,),) for s in VEHICLE_TYPES),
}
# a list that names this member is complete by construction (其他用车 closes a list of vehicles)
CLOSING_MEMBERS = frozenset({"vehicles.other"})

# the whole a bare share (占 X%) of a part is taken of, when the sentence gives no 其中 whole
DEFAULT_WHOLE: dict[str, str] = {
    "income.fiscal": "income.total",
    "income.general_budget": "income.total",
    "income.higher_subsidy": "income.total",
    "income.business": "income.total",
    "income.operating": "income.total",
    "income.subordinate": "income.total",
    "income.other": "income.total",
    "expenditure.basic": "expenditure.total",
    "expenditure.project": "expenditure.total",
    "expenditure.to_higher": "expenditure.total",
    "expenditure.operating": "expenditure.total",
    "expenditure.to_subordinate": "expenditure.total",
    "gb.basic": "gb.expenditure",
    "gb.project": "gb.expenditure",
    "personnel": "gb.basic",
    "public": "gb.basic",
    "three_public.abroad": "three_public.total",
    "three_public.vehicle": "three_public.total",
    "three_public.vehicle_purchase": "three_public.total",
    "three_public.vehicle_operation": "three_public.total",
    "three_public.reception": "three_public.total",
    "procurement.goods": "procurement.total",
    "procurement.works": "procurement.total",
    "procurement.services": "procurement.total",
    "procurement.sme": "procurement.total",
}


def label(subject: str | None) -> str:
    if subject is None:
        return "（未识别）"
    if subject in LABELS:
        return LABELS[subject]
    if subject.startswith(("gb.class.", "expenditure.class.")):
        code = subject.rsplit(".", 1)[1]
        name = next((fc.name for fc in function_classes() if fc.code == code), code)
        return f"{name}（类）"
    if subject.startswith("item."):
        return f"{subject[5:]}（项）"
    if subject.startswith("project:"):
        return f"“{subject[8:]}”"
    return subject


@cache
def alias_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """The alias list plus one pattern per function class (一般公共服务（类）支出 …)."""
    out = [(re.compile(p), s) for p, s in ALIASES]
    for fc in function_classes():
        stem = fc.name[:-2] if fc.name.endswith("支出") else fc.name
        names = [re.escape(stem)] + [re.escape(a[:-2] if a.endswith("支出") else a) for a in fc.aliases]
        stems = "|".join(dict.fromkeys(names))
        out.append((re.compile(rf"(?:{stems})(?:支出)?\(类\)(?:支出)?"), f"class.{fc.code}"))
        if fc.name != "其他支出" and len(fc.name) >= 5:
            out.append((re.compile(re.escape(fc.name)), f"class.{fc.code}"))
    return tuple(out)


@cache
def count_patterns() -> tuple[tuple[re.Pattern[str], str, str], ...]:
    return tuple((re.compile(p), unit, s) for p, unit, s in COUNTS)


# -- text-level slips (check/rules/text.py) -----------------------------------------------------

# words a rate follows directly (增长13.95%): a bare number after them lacks its percent sign
RATE_WORDS = r"增长|下降|增幅|降幅|上升|降低|执行率|完成率|增长率|下降率"

# a template's two directions of a change printed together, left for the department to choose
_DIRECTIONS = r"增加|减少|增长|下降|上升|降低|大于|小于|高于|低于|增|减"
TEMPLATE_ALTERNATIVES = (
    rf"(?:{_DIRECTIONS})\s*[（(]\s*(?:{_DIRECTIONS}|持平)\s*[)）]"
    rf"|(?:增加|减少|增长|下降)\s*[/／]\s*(?:增加|减少|增长|下降|持平)"
    r"|(?:增加|减少|增长|下降)持平"
    r"|[（(]\s*持平\s*[)）]"
)

"""Claim extraction: every number a narrative sentence states, typed and tied to its subject.

Each sentence is read left to right. A number followed by a unit is a claim (万元/元/亿元
amounts, % shares, growth rates and completion rates, 辆/台/个/人次 counts); the words
between the previous number and this one say what it is: the subject (the alias closest to the
number, provided only filler words such as 支出决算为 separate them), the measure (预算数,
决算数, 实际支出, 结余), a change (与上年相比增加 …), a share (占 … 的), a completion rate
(完成年初预算的 …). A number that only bounds a category (单位价值 50 万元以上) and a number
without a unit (years, dates, codes such as 2010301 or 〔2021〕0145号) are never claims.

其中 opens a list of parts: within the sentence, inside the parentheses it opens, or — when it
ends a paragraph — over the following paragraphs of the same section (the 项 of an execution
statement, the items of the 三公 statement). Precision is favored over recall: a claim whose
subject is not named by filler-separated words carries no subject rather than a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..amounts import parse_amount
from ..document import Location
from ..model import Disclosure
from ..textnorm import key
from .model import Claim
from .sections import Narrative, Paragraph, Section
from .text import Folded, fold, tidy
from .vocabulary import BARE, BARE_IN_SCOPE, DEFAULT_WHOLE, SCOPED, alias_patterns, count_patterns

if TYPE_CHECKING:
    from ..recognize.outline import Outline

NUMBER = re.compile(
    r"(?<!\d,)(?<![\d.])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s?"
    r"(万元|亿元|千元|元|%|辆|台\(套\)|台套|台|套|个|人次|批次)"
)
MONEY = {"万元", "亿元", "千元", "元"}
_THRESHOLD_AFTER = re.compile(r"^(?:以上|以下|以内|左右|及以上|及以下|至|-|~|/)")
_THRESHOLD_BEFORE = re.compile(r"(?:价值|标准|限额|不超过|不低于|超过|低于|每人|每次|人均)$")
QIZHONG = re.compile(r"其中|主要用于以下方面")
DIRECTION = re.compile(r"决算数?(大于|高于|超过|超出|多于|小于|低于|少于|等于)(?:年初|全年|调整后)?预算数?|持平")
_SENTENCE_END = re.compile(r"[。！？!?]")
_CLAUSE_END = frozenset(",;:。!?")
# 持平 compares with something: the previous year (上年, 2025年, 同比), its budget, or 保持
_FLAT_COMPARED = re.compile(r"上年|去年|上一年|同比|\d{4}年|相比|预算|决算|保持")
# words that make 持平 approximate: 基本持平, 大体持平, 总体与上年持平 …
_HEDGE = re.compile(r"基本|大体|大致|总体|(?<![战策])略|接近|趋于|较为|小幅")
_CLAUSE = re.compile(r"[,;:、()]")
_CHANGE_TAIL = re.compile(r"(?<!新)(增加|减少|增长|下降|上升|降低|节约|节省|压减|缩减|增支|减支)了?$")
_GROWTH_TAIL = re.compile(r"(增长|下降|上升|降低|增加|减少|增幅|降幅|减幅)(?:了|为|率为|幅度为|率)?$")
_COMPLETION_TAIL = re.compile(
    r"(?:完成|执行)(?:了)?(?:年初|全年|调整后)?预算(?:数)?的?$|预算(?:完成|执行)率(?:为|达到?)?$|(?:执行|完成)率(?:为|达到?)?$"
)
_INCREASE = ("增加", "增长", "上升", "增支", "增幅")
_RELATIONS = {
    "大于": "gt",
    "高于": "gt",
    "超过": "gt",
    "超出": "gt",
    "多于": "gt",
    "小于": "lt",
    "低于": "lt",
    "少于": "lt",
    "等于": "eq",
    "持平": "flat",
}
_UNIT_CLASS = {
    "辆": "vehicle",
    "台(套)": "equipment",
    "台套": "equipment",
    "台": "equipment",
    "套": "equipment",
    "人次": "persons",
    "批次": "group",
}
_COMPARISON = (
    r"(?:与上年相比|与上年|同比|较上年|比上年|较去年|比去年|较上一年|比上一年|较\d{4}年|比\d{4}年)(?:预算数?|决算数?)?"
)
_FILLER_WORDS = (
    "本部门",
    "本单位",
    "我单位",
    "我局",
    "本级",
    "单位",
    "部门",
    "全年",
    "本年",
    "年度",
    "其中",
    "共计",
    "共",
    "合计",
    "总金额",
    "总额",
    "金额",
    "资金",
    "为",
    "是",
    "达到",
    "达",
    "计",
    "的",
    "实际",
    "执行数",
    "执行",
    "完成",
    "使用",
    "决算数",
    "决算",
    "预算数",
    "预算",
    "年初",
    "调整后",
    "支出",
    "开支",
    "数",
    "额",
    "各",  # 收、支总计各增加 …
)
_FILLER_ALT = "|".join(sorted(_FILLER_WORDS, key=len, reverse=True))
FILLER = re.compile(rf"^(?:[,;:、()\s.]|\d{{4}}年度?|{_FILLER_ALT})*$")
CHANGE_FILLER = re.compile(rf"^(?:[,;:、()\s.]|\d{{4}}年度?|{_COMPARISON}|{_FILLER_ALT})*$")
_BLOCK = re.compile(r"涉及|用于|开展|安排|评价|自评|主要是|原因|包括")
_SENTENCE_BLOCK = re.compile(r"涉及|原因|因为|由于")
_BARE_STRIP = re.compile(
    rf"\d{{4}}年度?|本部门|本单位|我单位|单位|部门|本年|{_COMPARISON}|(?<!新)(?:增加|减少|增长|下降|上升|降低)了?$"
)
_REASON = re.compile(r"原因|因为|由于")
_ROW_LABEL = re.compile(r"\((?:类|款|项)\)")
# a part that is money of earlier years: 上年结转, 结余, 上年实户资金余额, 未安排支出的实户资金
_CARRY_OVER = re.compile(r"结转|结余|余额|实户资金")
_CARRIED_ON = re.compile(r"年末|下年")  # 年末结转和结余, 结转下年: what is left for next year, not earlier money
_LOWER_LEVEL = re.compile(r"\((?:款|项)\)")  # a name followed by （款）/（项） is not the 类 of that name
_TOTALS = frozenset({"income.total", "expenditure.total"})
_FUND_WORDS = re.compile(r"一般公共预算|财政拨款|政府性基金|国有资本经营")
_ITEM = re.compile(r"^(.+?)\(类\)(.+?)\(款\)(.+?)\(项\)")
_ITEM_PRINTED = re.compile(r"^.+?[（(]类[）)].+?[（(]款[）)](.+?)[（(]项[）)]")
_ITEM_INLINE = re.compile(
    r"([\u4e00-\u9fff]+)\(类\)((?:[^,;:。(]|\([^)]{1,3}\))+?)\(款\)((?:[^,;:。(]|\([^)]{1,3}\))+?)\(项\)"
)


# a title ends like a heading (…情况说明, …支出) or closes a bracket: not a sentence broken by the line end
_TITLE_END = re.compile(r"(?:说明|情况|概况|解释|分析|报告|表|支出|收入|经费|资金|指标|[（(]项[)）])$")


def rejoin_wrapped_titles(outline: Outline, narrative: Narrative) -> Narrative:
    """A numbered line read as a title that is in fact the first line of its paragraph, wrapped
    at the right margin inside a name (“（33）卫生健康支出（类）其他卫生健康支出（款）其” /
    “他卫生健康支出（项）1027.17 万元，…”): the two are read as one paragraph again, so the name
    broken by the line end is one name.

    A title is wrapped when its line runs to the right margin of the page's text, the paragraph
    after it starts on the very next line (or first on the next page), and it does not end like a
    heading — or, where the page layout tells (`Layout.continues`: paragraphs are indented, the
    next line starts at the margin), whatever its last word (“…其他农业农村支出” / “（项）15.00 万”).

    A heading line that states its body (“1、一般公共服务支出（类）…其他政府办公厅” / “（室）及
    相关机构事务支出（项）。”) already reads on into the next line; its section's title, cut at the
    line end, is completed the same way.
    """
    from ..recognize.outline import heading_marker  # (recognize imports the narrative reader)

    lines = {line.location: line for line in outline.lines}
    layout = outline.layout
    right: dict[int | None, float] = {}
    top: dict[int | None, float] = {}  # the first line of body text on each page
    for line in outline.lines:
        box = line.location.bbox
        if box is not None and not line.running:
            page = line.location.page
            right[page] = max(right.get(page, 0.0), box[2])
            top[page] = min(top.get(page, box[1]), box[1])
    continued = {h.line.location for h in outline.headings if h.tail is not None}
    first: dict[int, Paragraph] = {}
    for para in narrative.paragraphs:
        first.setdefault(para.section.index, para)
    paragraphs = list(narrative.paragraphs)
    for section in narrative.sections:
        opening = first.get(section.index)
        at = section.location
        if opening is None or at is None or at.bbox is None or not opening.spans:
            continue
        if at not in lines or at in continued:
            continue
        found = heading_marker(lines[at].text)
        if found is None:
            continue
        body = found[2].strip()
        if opening.heading:
            # the heading line states its body: a title running to the line end goes on below
            if len(opening.spans) < 2 or _WRAPPED_TITLE.search(body) or opening.spans[0][1] != at:
                continue
            below = lines.get(opening.spans[1][1])
            if below is None or not layout.continues(lines[at], below):
                continue
            section.title = _stated_title(opening.text)
            continue
        below_at = opening.spans[0][1]
        if not body or not _next_line(at, below_at, top):
            continue
        below = lines.get(below_at)
        by_layout = below is not None and layout.continues(lines[at], below)
        if not by_layout:
            if _TITLE_END.search(body):
                continue
            height = at.bbox[3] - at.bbox[1]
            if at.bbox[2] < right.get(at.page, 0.0) - 1.5 * height:
                continue  # the line ends short of the margin: a title
        joined = Paragraph(opening.index, section, heading=True)
        joined.append(body, at)
        section.title = _stated_title(body + opening.text)
        offset = len(joined.text)
        joined.text += opening.text
        joined.spans.extend((start + offset, loc) for start, loc in opening.spans)
        paragraphs[opening.index] = joined
    return Narrative(narrative.root, narrative.sections, paragraphs)


def _stated_title(text: str) -> str:
    """A heading's title read from the paragraph it opens: up to the first colon or full stop, and
    before the amount it states (…（项）1027.17 万元)."""
    stated = _STATED.search(text)  # first: the amount's own commas (31,003.26) are no punctuation
    return _WRAPPED_TITLE.split(text[: stated.start()] if stated else text, maxsplit=1)[0].strip()


_WRAPPED_TITLE = re.compile(r"[。：:；;，,]")
# an amount stated after a title, its unit misprinted too (15.00 万，)
_STATED = re.compile(r"(?<![\d.,])\d[\d,]*(?:\.\d+)?\s?(?:万|亿|千元|元|%)")


def _next_line(a: Location, b: Location, top: dict[int | None, float]) -> bool:
    """b is printed on the line right below a, or first on the next page."""
    if a.bbox is None or b.bbox is None or a.page is None or b.page is None:
        return False
    if b.page == a.page + 1:
        return b.bbox[1] <= top.get(b.page, b.bbox[1])
    height = a.bbox[3] - a.bbox[1]
    return a.page == b.page and 0 < b.bbox[1] - a.bbox[1] <= 2.5 * height


@dataclass(slots=True, eq=False)
class Group:
    id: int
    wholes: dict[str, int]  # measure → claim id
    closes: str  # sentence | paren | section
    section: Section | None = None
    depth: int = 0
    parts: list[int] = field(default_factory=list)

    def single_measure(self) -> str | None:
        return next(iter(self.wholes)) if len(self.wholes) == 1 else None


_ORG = re.compile(r"(?:局|院|中心|所|站|队|馆|校|委员会|办公室|办公厅|本级|协会|学会)$")
_NOT_ORG = re.compile(r"情况|说明|概况|职责|设置|构成|支出|收入|预算|决算|经费|报告|目标|评价|绩效|解释|附件")


def scope_of(section: Section) -> str:
    """The funds a section speaks of, from its innermost heading that says.

    A section headed by an organization (二、深圳市劳动人事争议仲裁院; 一、…局（本级）) speaks of one
    unit of the department: its figures are not the department's tables ("unit:NAME").
    """
    for node in section.path:
        t = key(node.title)
        if node.rank > 0 and len(t) <= 40 and _ORG.search(t) and not _NOT_ORG.search(t):
            return f"unit:{t}"
    for node in reversed(section.path):
        t = key(node.title)
        if "政府性基金" in t:
            return "gov_fund"
        if "国有资本经营" in t:
            return "state_capital"
        if "一般公共预算" in t or "三公" in t:
            return "gb"
    # 财政拨款 alone is all funds (the same as gb only when the department has no other), unless
    # an enclosing heading named the fund
    if any("财政拨款" in key(node.title) for node in section.path):
        return "fiscal"
    return "all"


def scoped(generic: str, scope: str) -> str | None:
    """The subject a generic name takes in a scope; None when the scope leaves it open
    (基本支出 under 财政拨款收入支出总体: no table states the 财政拨款 share of it)."""
    if scope.startswith("unit:") and (generic in SCOPED or generic.startswith("class.")):
        return None
    if generic in SCOPED:
        return SCOPED[generic].get(scope)
    if generic.startswith("class."):
        code = generic[6:]
        return {"gb": f"gb.class.{code}", "all": f"expenditure.class.{code}"}.get(scope)
    return generic


_FUNDS = re.compile(r"一般公共预算|政府性基金预算|国有资本经营预算")


def _measure(words: str, kind: str) -> str:
    words = _FUNDS.sub("", words)  # fund names, not a 预算数
    if re.search(r"结余(?:资金)?$", words) and "结转" not in words:
        return "remaining"
    if re.search(r"实际支出|实际使用|实际执行|执行数|执行", words):
        return "spent"
    if "决算" in words or "完成" in words:
        measure = "final"
    elif re.search(r"全年预算|调整后?的?预算|调整预算", words):
        measure = "adjusted_budget"  # 全年预算数 (调整后), not the 年初预算
    elif "预算" in words:
        measure = "budget"
    else:
        measure = "amount"
    if kind == "budget" and measure in ("budget", "adjusted_budget"):
        return "amount"
    if kind != "budget" and measure == "final":
        return "amount"
    return measure


class Extractor:
    def __init__(self, disclosure: Disclosure, narrative: Narrative, item_resolver=None):
        self.disclosure = disclosure
        self.narrative = narrative
        self.kind = disclosure.kind
        self.claims: list[Claim] = []
        self.groups: list[Group] = []
        self.trailing: list[Group] = []
        self.sentence_no = 0
        self.item_resolver = item_resolver
        self._section_subjects: dict[int, tuple[str | None, str]] = {}
        # the department as the narrative may name it before a subject (with or without 本级)
        name = key(disclosure.department or "")
        self.department_forms = tuple(f for f in dict.fromkeys((name, name.removesuffix("本级"))) if len(f) >= 4)

    # -- driving -------------------------------------------------------------------------

    def run(self) -> list[Claim]:
        for para in self.narrative.paragraphs:
            self.trailing = [g for g in self.trailing if g.section is not None and para.section.within(g.section)]
            self._paragraph(para)
        return self.claims

    def _paragraph(self, para: Paragraph) -> None:
        folded = fold(para.text)
        text = folded.text
        bounds: list[tuple[int, int]] = []
        start = 0
        for m in _SENTENCE_END.finditer(text):
            bounds.append((start, m.end()))
            start = m.end()
        if start < len(text):
            bounds.append((start, len(text)))
        previous: list[Claim] = []
        for i, (s, e) in enumerate(bounds):
            if not text[s:e].strip(" ,;:、。"):
                continue
            self.sentence_no += 1
            previous = self._sentence(para, folded, s, e, previous, last=i == len(bounds) - 1)

    # -- one sentence ----------------------------------------------------------------------

    def _sentence(
        self, para: Paragraph, folded: Folded, s: int, e: int, previous: list[Claim], last: bool
    ) -> list[Claim]:
        text = folded.text
        o_start, o_end = folded.original_span(s, e)
        while o_start > 0 and para.text[o_start - 1] in "“‘「『\"'":
            o_start -= 1  # an opening quote is dropped by folding, not by the sentence
        sentence = tidy(para.text[o_start:o_end])
        section = para.section
        scope = scope_of(section)
        events: list[tuple[int, int, str, re.Match[str] | None]] = []
        for hit in NUMBER.finditer(text, s, e):
            events.append((hit.start(), 0, "num", hit))
        for hit in QIZHONG.finditer(text, s, e):
            events.append((hit.start(), 1, "qz", hit))
        for hit in DIRECTION.finditer(text, s, e):
            events.append((hit.start(), 2, "dir", hit))
        for i in range(s, e):
            if text[i] in "()":
                events.append((i, 3, text[i], None))
        events.sort(key=lambda ev: (ev[0], ev[1]))
        mine: list[Claim] = []
        stack: list[Group] = []
        depth = 0
        prev_end = s
        ctx = _Context(self, para, folded, sentence, section, scope, mine, previous)
        ctx.sentence_start = s
        for pos, _order, what, m in events:
            if what == "(":
                depth += 1
                continue
            if what == ")":
                depth -= 1
                while stack and stack[-1].closes == "paren" and depth < stack[-1].depth:
                    stack.pop()
                continue
            if pos < prev_end:
                continue
            near = text[prev_end:pos]
            if what == "qz":
                assert m is not None
                group = self._open_group(ctx, m, s, e, last, depth, stack)
                if group is not None:
                    if group.closes == "section":
                        self.trailing.append(group)
                    else:
                        stack.append(group)
                prev_end = m.end()
                continue
            if what == "dir":
                assert m is not None
                ctx.direction(m, near)
                prev_end = m.end()
                continue
            assert m is not None
            after = text[m.end() : m.end() + 3]
            if m.group(2) in MONEY and (_THRESHOLD_AFTER.match(after) or _THRESHOLD_BEFORE.search(near)):
                continue  # a bound (单位价值 50 万元以上), not a claim; keep the words for the next number
            if m.group(2) == "%" and re.match(r"^(?:以上|以下|左右)", after):
                prev_end = m.end()
                continue
            ctx.group = stack[-1] if stack else (self.trailing[-1] if self.trailing else None)
            claim = ctx.number(m, near)
            prev_end = m.end()
            if claim is None:
                continue
            group = stack[-1] if stack else (self.trailing[-1] if self.trailing else None)
            if _REASON.search(text[s : m.start()]):
                group = None  # amounts quoted in a reason (主要原因是…新增 X 万元) are not parts
            if (
                group is not None
                and claim.kind in ("amount", "count")
                and claim.id not in group.wholes.values()
                and self._same_kind(group, claim)
            ):
                measure = group.single_measure()
                if (
                    claim.measure == "amount"
                    and measure
                    and measure != "amount"
                    and claim.kind == "amount"
                    and not ctx.explicit_measure
                ):
                    claim.measure = measure
                claim.group = group.id
                group.parts.append(claim.id)
                whole = group.wholes.get(claim.measure)
                if whole is not None:
                    claim.refs["whole"] = whole
                words = _CLAUSE.split(near)[-1]
                if claim.kind == "amount" and _CARRY_OVER.search(words) and not _CARRIED_ON.search(words):
                    # 其中：一般公共预算拨款 …、上年结转 …: the total includes money of earlier years
                    for whole_id in group.wholes.values():
                        self.claims[whole_id].with_carry_over = True
        self._remaining(mine)
        return mine

    def _open_group(
        self, ctx: _Context, m: re.Match[str], s: int, e: int, last: bool, depth: int, stack: list[Group]
    ) -> Group | None:
        text = ctx.folded.text
        before = text[s : m.start()].strip(" ,;:、()")
        rest = text[m.end() : e].strip(" ,;:、。()")
        if not before:
            source = [c for c in ctx.previous if c.kind == "amount"]
        else:
            source = [c for c in ctx.mine if c.kind in ("amount", "count")]
        if not source:
            return None
        if not before:
            lead = source[0]
            if _topic_before(lead, ctx.scope):
                return None  # “三公”经费…决算中，公务接待费 0.20 万元…。其中：the total was never stated
        else:
            lead = source[-1]
        if lead.subject is not None:
            members = [c for c in source if c.subject == lead.subject and unit_kind(c) == unit_kind(lead)]
        else:
            members = [lead]
        wholes: dict[str, int] = {}
        for c in members:
            wholes[c.measure] = c.id
        if m.start() > 0 and text[m.start() - 1] == "(":
            closes = "paren"
        elif not rest and last:
            closes = "section"
        else:
            closes = "sentence"
        group = Group(len(self.groups), wholes, closes, ctx.section if closes == "section" else None, depth)
        self.groups.append(group)
        return group

    def _same_kind(self, group: Group, claim: Claim) -> bool:
        wholes = [self.claims[i] for i in group.wholes.values()]
        return not wholes or any(unit_kind(w) == unit_kind(claim) for w in wholes)

    def _remaining(self, mine: list[Claim]) -> None:
        """预算 X 万元，实际支出 Y 万元，结余 Z 万元: X = Y + Z."""
        amounts = [c for c in mine if c.kind == "amount"]
        for i, r in enumerate(amounts):
            if r.measure != "remaining" or i < 2:
                continue
            spent = amounts[i - 1]
            total = next((c for c in reversed(amounts[: i - 1]) if c.measure in ("amount", "budget")), None)
            if spent.measure != "spent" or total is None:
                continue
            group = Group(len(self.groups), {"amount": total.id}, "sentence")
            self.groups.append(group)
            for part in (spent, r):
                part.group = group.id
                part.refs["whole"] = total.id
                group.parts.append(part.id)

    # -- section subjects ------------------------------------------------------------------

    def section_subject(self, section: Section) -> tuple[str | None, str]:
        """The subject a heading names: the 项 of an execution item, or a project's name."""
        if section.index in self._section_subjects:
            return self._section_subjects[section.index]
        found: tuple[str | None, str] = (None, "")
        title = fold(section.title).text
        if m := _ITEM.match(title):
            code = self.item_resolver(m.group(1), m.group(2), m.group(3)) if self.item_resolver else None
            printed = _ITEM_PRINTED.match(section.title)
            found = (f"item.{code}" if code else None, printed.group(1).strip() if printed else m.group(3))
        elif section.rank >= 4 and section.parent is not None and any("项目" in s.title for s in section.path[:-1]):
            if title and not _matches_alias(title):
                found = (f"project:{key(title)}", section.title)
        self._section_subjects[section.index] = found
        return found


def _topic_before(lead: Claim, scope: str) -> bool:
    """The sentence names the whole of its first amount before stating it (a topic, no number)."""
    whole = DEFAULT_WHOLE.get(lead.subject or "")
    if whole is None or not lead.subject_text:
        return False
    folded = fold(lead.sentence).text
    at = folded.find(fold(lead.subject_text).text)
    head = folded[:at] if at > 0 else ""
    return any(scoped(generic, scope) == whole and pattern.search(head) for pattern, generic in alias_patterns())


def _strip_aliases(text: str) -> str:
    """The words around subject names (一般公共预算支出 names a subject, not a 预算数)."""
    for pattern, _ in alias_patterns():
        text = pattern.sub("", text)
    return text


def _matches_alias(text: str) -> bool:
    return any(p.search(text) for p, _ in alias_patterns())


class _Context:
    """State while reading one sentence."""

    def __init__(
        self,
        ex: Extractor,
        para: Paragraph,
        folded: Folded,
        sentence: str,
        section: Section,
        scope: str,
        mine: list[Claim],
        previous: list[Claim],
    ):
        self.ex = ex
        self.para = para
        self.folded = folded
        self.sentence = sentence
        self.section = section
        self.scope = scope
        self.mine = mine
        self.previous = previous
        self.explicit_measure = False
        self.sentence_start = 0
        self.group: Group | None = None  # the 其中 list open where the number stands

    # -- helpers -----------------------------------------------------------------------

    def _new(self, m_start: int, **kw) -> Claim:
        o_start, _ = self.folded.original_span(m_start, m_start + 1)
        kw.setdefault("segment", self.folded.text[self.sentence_start : m_start].count(";"))
        claim = Claim(
            id=len(self.ex.claims),
            sentence=self.sentence,
            location=self.para.location_at(o_start),
            section=self.section.describe(),
            scope=self.scope,
            paragraph=self.para.index,
            sentence_no=self.ex.sentence_no,
            **kw,
        )
        self.ex.claims.append(claim)
        self.mine.append(claim)
        return claim

    def _sentence_subject(self) -> Claim | None:
        """The amount just stated, when it names its subject (预算为 X 万元，支出决算为 Y 万元)."""
        last = next((c for c in reversed(self.mine) if c.kind == "amount"), None)
        return last if last is not None and last.subject else None

    def _subject(self, lo: int, hi: int, change: bool = False) -> tuple[str | None, str, str]:
        """(subject, words naming it, the words between it and the number)."""
        text = self.folded.text
        best: tuple[tuple[int, int], str, int, int] | None = None
        for pattern, generic in alias_patterns():
            for m in pattern.finditer(text, lo, hi):
                if generic.startswith("class.") and (
                    text[max(lo, m.start() - 2) : m.start()] == "其他" or _LOWER_LEVEL.match(text, m.end())
                ):
                    continue  # 其他社会保障和就业支出（2089999）, 他卫生健康支出（项）: a 款/项 under the class
                rank = (m.end(), m.end() - m.start())
                if best is None or rank > best[0]:
                    best = (rank, generic, m.start(), m.end())
        for m in _ITEM_INLINE.finditer(text, lo, hi):
            # 行政运行（项）：年初预算为 …: a 项 named in the sentence itself
            code = self.ex.item_resolver(m.group(1), m.group(2), m.group(3)) if self.ex.item_resolver else None
            if code and (best is None or m.end() >= best[3]):
                best = ((m.end(), m.end() - m.start()), f"item.{code}", m.start(), m.end())
        quoted = [(a, b) for a, b in self.folded.quotes if lo <= a and b <= hi]
        if quoted:
            a, b = quoted[-1]
            name = text[a:b]
            if (best is None or best[3] < b) and not _matches_alias(name) and len(name) >= 4:
                best = ((b, b - a), f"project:{key(name)}", a, b)
        if best is None:
            return None, "", text[lo:hi]
        _rank, generic, start, end = best
        gap = text[end:hi]
        filler = CHANGE_FILLER if change else FILLER
        if not filler.match(re.sub(r"\([^()]{0,20}\)", "", gap)):  # 政府采购金额（以合同签订为准）为
            return None, "", text[lo:hi]
        clause_start = max([lo] + [i + 1 for i in range(lo, start) if _CLAUSE.match(text[i])])
        if not generic.startswith("project:") and (
            _BLOCK.search(text[clause_start:start]) or _SENTENCE_BLOCK.search(text[self.sentence_start : start])
        ):
            return None, "", text[lo:hi]  # 共涉及资金…, 主要原因是…: not the quantity a table states
        if generic in _TOTALS and _ROW_LABEL.search(text[self.sentence_start : start]):
            return None, "", text[lo:hi]  # 检察（款）：预算支出合计 …: the total of a row, not of the table
        scope = self.scope
        if (
            scope == "all"
            and (generic in SCOPED or generic.startswith("class."))
            and _FUND_WORDS.search(text[self.sentence_start : start])
        ):
            return None, "", text[lo:hi]  # 一般公共预算拨款…支出包括：一般公共服务支出 …: which funds?
        return scoped(generic, scope), text[start:end], gap

    def _list_total(self, last: Claim, near: str) -> Claim | None:
        """The total of the list `last` ends, when a change follows the list in a clause of its
        own (总额 …，其中：A …、B …，较上年减少 X): the sentence states the total, its list, then
        the total's change."""
        if last.group is None or "whole" not in last.refs or not _CLAUSE.search(near):
            return None
        group = self.ex.groups[last.group]
        whole = self.ex.claims[last.refs["whole"]]
        if group.closes == "section" or max(group.parts) != last.id or whole.kind != "amount":
            return None
        if whole.sentence_no != self.ex.sentence_no or last.sentence_no != self.ex.sentence_no:
            return None
        return whole

    def _bare(self, label: str, amount: bool = False) -> str | None:
        """收入预算 / 支出预算 name the totals on their own; a bare 收入 or 支出 only says what
        changed (收入较去年减少 …), never which table cell an amount is (支出 10,000 万元)."""
        words = _BARE_STRIP.sub("", self._without_department(label))
        if (words, self.scope) in BARE_IN_SCOPE:
            return BARE_IN_SCOPE[(words, self.scope)]
        if words in BARE and not (amount and words in ("收入", "支出")):
            return BARE[words]
        return None

    def _without_department(self, label: str) -> str:
        """“湖州市交通运输局2026年收入预算”: the document's own department names nobody else."""
        for form in self.ex.department_forms:
            if label.startswith(form):
                return label[len(form) :]
        return label

    # -- numbers -----------------------------------------------------------------------

    def number(self, m: re.Match[str], near: str) -> Claim | None:
        raw, unit = m.group(1), m.group(2)
        amount = parse_amount(raw)  # NUMBER matches plain forms only (1,234.56): never None
        assert amount is not None
        value, decimals = amount.value, amount.decimals
        label = _CLAUSE.split(near)[-1]  # the words of the number's own clause
        lo = m.start() - len(near)
        self.explicit_measure = False
        printed = f"{raw}%" if unit == "%" else f"{raw} {unit}"
        if unit in MONEY:
            return self._money(m, near, label, lo, value, decimals, unit, printed)
        if unit == "%":
            return self._percent(m, near, label, value, decimals, printed)
        return self._count(m, near, label, lo, value, decimals, unit, printed)

    def _money(self, m, near, label, lo, value, decimals, unit, printed) -> Claim | None:
        change = _CHANGE_TAIL.search(label)
        if change:
            subject, words, _gap = self._subject(lo, m.start() - len(change.group(0)), change=True)
            inherited = False
            if subject is None:
                subject = self._bare(label)
                words = label if subject else ""
                inherited = subject is not None
            if subject is None:
                current = next((c for c in reversed(self.mine) if c.kind == "amount"), None)
                if current is None and CHANGE_FILLER.match(near[: len(near) - len(change.group(0))]):
                    # 收、支总计 125.46 万元。与上年相比，增加 88.31 万元: the quantity of the sentence
                    # before, when it states only one
                    stated = {c.subject for c in self.previous if c.kind == "amount" and c.measure == "amount"}
                    if len(stated) == 1 and None not in stated:
                        current = next(
                            c for c in reversed(self.previous) if c.kind == "amount" and c.measure == "amount"
                        )
                refs: dict[str, int] = {}
                if current is not None:
                    whole = self._list_total(current, near)
                    if whole is not None:
                        # 其中：A …、B …，较上年减少 X: the change of the total the list makes up
                        # (or, read closely, of B alone): both are kept, the rate is judged on either
                        subject, inherited = whole.subject, True
                        refs = {"current": whole.id, "current_alt": current.id}
                    else:
                        subject, inherited = current.subject, True
            else:
                refs = {}
            base = (
                "budget"
                if re.search(r"年初预算|预算数", near) and not re.search(r"上年|去年|上一年|\d{4}年", near)
                else "previous_year"
            )
            sign = 1 if change.group(1) in _INCREASE else -1
            return self._new(
                m.start(),
                kind="change",
                value=value,
                text=printed,
                decimals=decimals,
                unit=unit,
                subject=subject,
                subject_text=words,
                measure="amount",
                sign=sign,
                base=base,
                inherited=inherited,
                refs=refs,
            )
        subject, words, gap = self._subject(lo, m.start())
        inherited = False
        if subject is None and FILLER.match(near[: len(near) - len(label)]):
            bare = self._bare(label, amount=True)
            if bare:
                subject, words, gap = bare, label, label
        if subject is None and self.para.heading and key(near) and key(near) == key(fold(self.section.title).text):
            heading, _ = self.ex.section_subject(self.section)  # （1）某项目经费：10 万元
            if heading is not None:
                subject, words, gap = heading, self.section.title, ""
        if subject is None and FILLER.match(near):
            carried = self._sentence_subject()
            if carried is not None:
                subject, words, inherited = carried.subject, carried.subject_text, True
            else:
                heading, heading_words = self.ex.section_subject(self.section)
                if heading is not None:
                    subject, words, inherited = heading, heading_words, True
            gap = near
        measure_words = gap if subject is not None and not inherited else _strip_aliases(label)
        measure = _measure(measure_words, self.ex.kind)
        self.explicit_measure = measure != "amount" or bool(re.search(r"决算|预算", measure_words))
        claim = self._new(
            m.start(),
            kind="amount",
            value=value,
            text=printed,
            decimals=decimals,
            unit=unit,
            subject=subject,
            subject_text=words,
            measure=measure,
            inherited=inherited,
        )
        return claim

    def _percent(self, m, near, label, value, decimals, printed) -> Claim | None:
        amounts = [c for c in self.mine if c.kind == "amount"]
        at = near.rfind("占")
        if at >= 0 and not re.search(r"[,;。]", near[at:]):
            whole_text = re.sub(r"(?:的)?(?:比重|比例)?(?:为|达到?)?$", "", near[at + 1 :])
            whole_text = re.sub(r"^比(?:重|例)?$", "", whole_text)
            # the part is the amount just stated (财政拨款收入 125.27 万元，占 99%; 决算为 5.12 万元，
            # 完成预算的 85.33%，占…的 73.56%), not a count or a change, nor a quantity named
            # without a number (货物采购授予中小企业合同金额占…的 100%)
            last = next(
                (c for c in reversed(self.mine) if c.kind not in ("share", "execution", "growth", "direction")), None
            )
            part = last if last is not None and last.kind == "amount" and FILLER.match(near[:at]) else None
            claim = self._new(
                m.start(),
                kind="share",
                value=value,
                text=printed,
                decimals=decimals,
                unit="%",
                subject=part.subject if part else None,
                subject_text=part.subject_text if part else "",
                measure=part.measure if part else "amount",
                whole_text=whole_text,
            )
            if part is not None:
                claim.refs["part"] = part.id
            if whole_text:
                claim.whole_subject, claim.whole_measure = self._whole(whole_text)
            return claim
        if _COMPLETION_TAIL.search(label):
            budget = _budget_of(amounts, initial="年初" in label)
            final = next(
                (
                    c
                    for c in reversed(amounts)
                    if c.measure in ("amount", "final", "spent") and (budget is None or c.id > budget.id)
                ),
                None,
            )
            claim = self._new(
                m.start(),
                kind="execution",
                value=value,
                text=printed,
                decimals=decimals,
                unit="%",
                subject=anchor.subject if (anchor := final or budget) is not None else None,
                subject_text="",
                measure="amount",
            )
            if budget is not None:
                claim.refs["budget"] = budget.id
            if final is not None:
                claim.refs["final"] = final.id
            return claim
        growth = _GROWTH_TAIL.search(label)
        if growth:
            used = {c.refs.get("change") for c in self.mine if c.kind == "growth"}
            change = next((c for c in reversed(self.mine) if c.kind == "change" and c.id not in used), None)
            if change is None:
                return None
            sign = 1 if growth.group(1) in _INCREASE else -1
            claim = self._new(
                m.start(),
                kind="growth",
                value=value,
                text=printed,
                decimals=decimals,
                unit="%",
                subject=change.subject,
                subject_text=change.subject_text,
                measure="amount",
                sign=sign,
                base=change.base,
            )
            claim.refs["change"] = change.id
            claim.refs.update(change.refs)  # the current amount, when the change's sentence says
            return claim
        return None

    def _whole(self, whole_text: str) -> tuple[str | None, str]:
        whole_text = re.sub(r"\([^()]*\)", "", whole_text)  # 财政性资金（…项目支出除外）总额
        measure = _measure(_strip_aliases(whole_text), self.ex.kind)
        best: tuple[int, str] | None = None
        for pattern, generic in alias_patterns():
            for mm in pattern.finditer(whole_text):
                length = mm.end() - mm.start()
                if best is None or length > best[0]:
                    best = (length, generic)
        if best is None:
            return None, measure
        return scoped(best[1], self.scope), measure

    def _count(self, m, near, label, lo, value, decimals, unit, printed) -> Claim | None:
        text = self.folded.text
        subject: str | None = None
        words = ""
        unit_class = _UNIT_CLASS.get(unit, "个")
        if unit_class in ("vehicle", "equipment"):
            best = None
            for pattern, cls, subj in count_patterns():
                if cls != unit_class:
                    continue
                for mm in pattern.finditer(text, lo, m.start()):
                    rank = (mm.end(), mm.end() - mm.start())
                    if best is None or rank > best[0]:
                        best = (rank, subj, mm.start(), mm.end())
            if best is not None and FILLER.match(text[best[3] : m.start()]):
                subject, words = best[1], text[best[2] : best[3]]
                clause = text[text.rfind(";", 0, m.start()) + 1 : m.start()]
                if subject.startswith("equipment.") and not subject.startswith("equipment.new.") and "新增" in clause:
                    subject = "equipment.new." + subject[len("equipment.") :]  # 新增配备…通用设备 0 台，…专用设备 0 台
        elif unit_class in ("persons", "group") or (unit == "个" and "团组" in label):
            before = text[: m.start()]
            abroad, reception = before.rfind("出国"), before.rfind("接待")
            if max(abroad, reception) >= 0:
                item = "three_public.abroad" if abroad > reception else "three_public.reception"
                subject = f"{item}.{'persons' if unit_class == 'persons' else 'groups'}"
                words = label
        elif unit == "个":
            after = text[m.end() : m.end() + 4]
            if re.search(r"(一级|二级)项目$", label):
                subject, words = f"performance.level{'1' if '一级' in label[-4:] else '2'}_projects", label
            elif level := re.match(r"(一级|二级)项目", after):
                subject, words = f"performance.level{'1' if level.group(1) == '一级' else '2'}_projects", level.group(0)
        if subject is None and not (unit_class == "vehicle" and self._in_vehicle_list()):
            return None  # (a vehicle of an unknown type in a list by type is kept: the list is incomplete)
        unit = unit.replace("(", "（").replace(")", "）")
        return self._new(
            m.start(),
            kind="count",
            value=value,
            text=f"{m.group(1)} {unit}",
            decimals=decimals,
            unit=unit,
            subject=subject,
            subject_text=words,
            measure="amount",
        )

    def _in_vehicle_list(self) -> bool:
        group = self.group
        return group is not None and any(
            (w := self.ex.claims[i]).kind == "count" and (w.subject or "").startswith("vehicles.")
            for i in group.wholes.values()
        )

    # -- direction words ---------------------------------------------------------------

    def _flat_statement(self, m: re.Match[str]) -> bool:
        """持平 as the word that says a quantity did not change (与上年持平, 与上年预算数持平),
        not a hedged one (基本持平, 基本与上年持平: a small change is compatible with it) nor two
        characters of other words (手持平板电脑)."""
        text = self.folded.text
        start = m.start()
        while start > self.sentence_start and text[start - 1] not in _CLAUSE_END:
            start -= 1
        clause = text[start : m.start()]
        return bool(_FLAT_COMPARED.search(clause)) and not _HEDGE.search(clause)

    def direction(self, m: re.Match[str], near: str) -> Claim | None:
        word = m.group(1) or "持平"
        relation = _RELATIONS[word]
        if relation == "flat" and not self._flat_statement(m):
            return None
        carried = self._sentence_subject()
        subject = carried.subject if carried else self.ex.section_subject(self.section)[0]
        claim = self._new(
            m.start(),
            kind="direction",
            value=None,
            text=m.group(0),
            decimals=0,
            unit="",
            subject=subject,
            subject_text="",
            measure="amount",
            relation=relation,
            inherited=True,
        )
        amounts = [c for c in self.mine if c.kind == "amount"]
        if relation != "flat":  # (持平 is tied to its change in the link phase: same part of the sentence)
            budget = _budget_of(amounts, initial="年初" in m.group(0))
            final = next(
                (
                    c
                    for c in reversed(amounts)
                    if c.measure in ("amount", "final", "spent") and (budget is None or c.id > budget.id)
                ),
                None,
            )
            if budget is not None:
                claim.refs["budget"] = budget.id
            if final is not None:
                claim.refs["final"] = final.id
            rate = next((c for c in reversed(self.mine) if c.kind == "execution"), None)
            if rate is not None:
                claim.refs["execution"] = rate.id
        return claim


def _budget_of(amounts: list[Claim], initial: bool) -> Claim | None:
    """The budget a completion rate or 决算数大于预算数 compares with: 年初预算 when it says so."""
    order = ("budget", "adjusted_budget") if initial else ("adjusted_budget", "budget")
    for measure in order:
        found = next((c for c in reversed(amounts) if c.measure == measure), None)
        if found is not None:
            return found
    return None


def unit_kind(claim: Claim) -> str:
    return "money" if claim.money else claim.unit

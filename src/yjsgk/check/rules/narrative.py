"""Narrative ↔ tables: the claims of the 情况说明 and performance reports, checked.

Every figure is judged at the precision it is printed with. An amount restated from a table
must equal the cell; a percentage must fall within the range that the printed operands allow
(each operand is off its true value by up to half a unit of its last digit), so 11.8% for
5.76 ÷ 49.06 is accepted while 71% for a growth of 237.7% is not. A percentage that misses that
range by less than one unit of its last printed digit (99% printed for 99.85%) is a notice:
truncated or forced to add up to 100, not a wrong base. Claims the extractor could not tie to
a cell or another claim are never errors; `yjsgk check --verbose` lists them as notices.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ...model import Disclosure
from ...narrative.link import CLASS_TABLES, ITEM_TABLES, cells_for, disclosure_family, resolve
from ...narrative.model import KIND_LABELS, MONEY_UNITS, RELATION_LABELS, Claim, Link
from ...narrative.vocabulary import CLOSING_MEMBERS, PARTITIONS, label
from ..compare import (
    HUNDRED,
    Operand,
    fmt,
    growth_range,
    half_unit,
    percent_tail,
    percent_verdict,
    ratio_range,
    restatement,
    rounded,
    rounding_bound,
    rounding_tail,
    within_bound,
)
from ..context import CheckContext
from ..findings import Finding
from ..registry import ANY, rule


def _claims(disclosure: Disclosure) -> list[Claim]:
    return list(getattr(disclosure, "claims", None) or [])


def _by_id(claims: list[Claim]) -> dict[int, Claim]:
    return {c.id: c for c in claims}


def _quote(claim: Claim) -> str:
    sentence = claim.sentence
    if len(sentence) > 120:
        sentence = sentence[:117] + "…"
    return f"“{sentence}”"


def _finding(
    claim: Claim,
    message: str,
    *,
    severity: str = "",
    expected=None,
    found=None,
    related=(),
    column: str | None = None,
) -> Finding:
    """A finding about a claim; the engine stamps the rule and, when `severity` is empty, its
    default severity."""
    difference = found - expected if expected is not None and found is not None else None
    return Finding(
        severity=severity,
        message=message,
        table=None,
        table_title=claim.section,
        row=claim.subject_label(),
        column=column,
        expected=expected,
        found=found,
        difference=difference,
        location=claim.location,
        related=[loc for loc in related if loc is not None],
    )


def _money(value: Decimal) -> str:
    """An amount in 万元 for a message: two decimals unless more are significant."""
    cents = value.quantize(Decimal("0.01"))
    return fmt(cents if cents == value else value.normalize())


def _pct(value: Decimal, decimals: int) -> str:
    return format(rounded(value, decimals), "f")


def _claim_half(claim: Claim, unit: str | None = None) -> Decimal:
    """Half a unit of the claim's last printed digit, in `unit` (default 万元) for money."""
    half = half_unit(claim.decimals)
    if claim.money:
        return half * MONEY_UNITS[claim.unit] / MONEY_UNITS.get(unit or "万元", MONEY_UNITS["万元"])
    return half


def _link_half(link: Link) -> Decimal:
    """Half a unit of the cell's last printed digit (once per printed figure summed), in its unit;
    a printed bare 0 is nothing at all."""
    if link.value == 0 and link.decimals == 0 and not link.blank:
        return Decimal(0)
    return half_unit(link.decimals) * link.terms


def _amount(claim: Claim) -> Operand:
    """A money claim in 万元 with its half unit, or a count as printed. A bare 0 (“0 万元”) is
    nothing at all, not a rounded half-万元."""
    value = claim.in_unit("万元") or Decimal(0)
    half = Decimal(0) if value == 0 and claim.decimals == 0 else _claim_half(claim)
    return Operand(value, half, f"{claim.subject_label()} {claim.text}", claim.location)


def _link_operand(link: Link) -> Operand:
    """A table cell in 万元 with its half unit."""
    factor = MONEY_UNITS[link.unit] / MONEY_UNITS["万元"] if link.unit in MONEY_UNITS else Decimal(1)
    return Operand(link.value * factor, _link_half(link) * factor, link.describe(), link.location)


def _operand(claim: Claim, by_id: dict[int, Claim], ref: str) -> Operand | None:
    """The claim `claim` refers to as `ref`, as an operand."""
    other = by_id.get(claim.refs.get(ref, -1))
    if other is not None and other.value is not None:
        return _amount(other)
    return None


_VERDICT_ORDER = {"ok": 0, "notice": 1, "error": 2}


def _severity(verdict: str) -> str:
    """A percentage's verdict as a severity: a notice, or the rule's own."""
    return "notice" if verdict == "notice" else ""


def _rate_finding(c: Claim, verdict: str, formula: str, expected: Decimal, related: list) -> Finding:
    """A printed rate that the printed operands do not allow: the formula, the rate it gives at
    the printed precision, and what is printed."""
    message = (
        f"{_quote(c)}中{formula}= {_pct(expected, c.decimals + 2)}%，"
        f"按所印精度应为 {_pct(expected, c.decimals)}%，所述为 {c.text}" + percent_tail(verdict)
    )
    return _finding(
        c,
        message,
        severity=_severity(verdict),
        expected=rounded(expected, c.decimals),
        found=c.value,
        related=related,
    )


# -- amount ------------------------------------------------------------------------------


def _amount_findings(disclosure: Disclosure, ctx: CheckContext) -> Iterator[Finding]:
    for c in _claims(disclosure):
        if c.kind != "amount" or c.link is None or not c.money:
            continue
        link = c.link
        value = c.in_unit(link.unit) or Decimal(0)
        difference = value - link.value
        if difference == 0:
            continue
        # printed coarser than the table (0.2 万元 for 0.20, 15621.11 万元 for 156,211,123 元): ok;
        # truncated from it (1,237 万元 for 12,376,671 元): a notice
        judged = restatement(
            difference,
            Operand(value, _claim_half(c, link.unit)),
            Operand(link.value, _link_half(link)),
            ctx.rounding_multiplier,
        )
        if judged.verdict == "ok":
            continue
        # 机关运行经费 covers only 行政单位 (and 参公 units): a department with 事业单位 may differ
        severity = "notice" if judged.verdict == "notice" or link.soft or c.readings else ""
        customary = (
            "（机关运行经费通常即一般公共预算财政拨款基本支出中的公用经费；含事业单位的部门可能不同）"
            if link.soft
            else ""
        )
        message = (
            f"{_quote(c)}称{c.subject_label()}为 {c.text}，{link.describe()}，相差 {_money(difference)} {link.unit}"
            + judged.tail
            + customary
            + (
                f"（“{c.subject_text}”未言明是哪一个总数，可指：{'；'.join(c.readings)}；与其中任何一个都不一致）"
                if c.readings
                else ""
            )
        )
        yield _finding(
            c,
            message,
            severity=severity,
            expected=link.value,
            found=value,
            related=[link.location],
            column=link.column,
        )


@rule(
    "narrative.amount",
    "情况说明中的金额与表格一致",
    kinds=ANY,
    rationale="""Every amount the narrative restates (本年收入合计, 财政拨款收入, 基本支出, a 类 or 项 of
    the execution statement, 人员经费, 公用经费, the 三公 budget and final figures, 政府性基金
    …) must equal the table cell it names, read in the context of its section (基本支出 in the
    一般公共预算 section is 05's, in the 支出决算 section 03's). A blank cell counts as 0 when the
    row's own totals vouch for it. 机关运行经费 is compared with 公用经费合计 as a notice only: the
    two are customarily, not necessarily, equal (a department with 事业单位 may differ). Amounts
    the tables do not contain (年初预算, project funds) are not compared here.""",
)
def narrative_amount(disclosure: Disclosure, ctx: CheckContext) -> Iterator[Finding]:
    yield from _amount_findings(disclosure, ctx)


# -- share ---------------------------------------------------------------------------------


def _whole(c: Claim, by_id: dict[int, Claim]) -> Operand | None:
    if (found := _operand(c, by_id, "whole")) is not None:
        return found
    return _link_operand(c.link) if c.link is not None else None


def _share_findings(disclosure: Disclosure, ctx: CheckContext, used: set[int] | None = None) -> Iterator[Finding]:
    claims = _claims(disclosure)
    by_id = _by_id(claims)
    for c in claims:
        if c.kind != "share" or c.value is None:
            continue
        part = _operand(c, by_id, "part")
        whole = _whole(c, by_id)
        if part is None or whole is None:
            continue
        span = ratio_range(part, whole, ctx.rounding_multiplier)
        _mark(used, c)
        if span is None:
            continue  # 0 ÷ 0
        verdict = percent_verdict(c.value, c.decimals, span)
        if verdict == "ok" or _basis_misnamed(c, claims, ctx):
            continue  # (a rate on the other budget than named: narrative.execution-basis)
        whole_name = label(c.whole_subject) if c.whole_subject else "总数"
        formula = f"“占 {c.text}”：{part.name} ÷ {whole_name} {_money(whole.amount)} 万元 "
        expected = part.amount / whole.amount * HUNDRED
        yield _rate_finding(c, verdict, formula, expected, [part.location, whole.location])


@rule(
    "narrative.share",
    "情况说明中的占比等于部分除以总数",
    kinds=ANY,
    rationale="""A share (占 Z%) is the stated part divided by its whole: the 其中 total of its list,
    the whole named after 占 (占本年支出合计的), or the customary whole of the part (收入 items of
    本年收入合计, 基本支出 and 项目支出 of 本年支出合计, 人员经费 and 公用经费 of 基本支出, a 三公 item
    of the 三公 total). It is judged at the printed precision (0, 1 or 2 decimals) over the
    rounding of both printed operands; missing by less than one unit of the last digit is a
    notice (truncated, or forced to add up to 100%). 0 ÷ 0 is not judged.""",
)
def narrative_share(disclosure: Disclosure, ctx: CheckContext) -> Iterator[Finding]:
    yield from _share_findings(disclosure, ctx)


# -- growth --------------------------------------------------------------------------------


def _growth_findings(disclosure: Disclosure, ctx: CheckContext, used: set[int] | None = None) -> Iterator[Finding]:
    claims = _claims(disclosure)
    by_id = _by_id(claims)
    for c in claims:
        if c.kind != "growth" or c.value is None:
            continue
        change = by_id.get(c.refs.get("change", -1))
        current = _operand(c, by_id, "current")
        if current is None and c.link is not None:
            current = _link_operand(c.link)
        if change is None or current is None or change.value is None:
            continue
        _mark(used, c)
        sign = change.sign or c.sign
        changed = _amount(change)
        readings = [current] + [alt for alt in [_operand(c, by_id, "current_alt")] if alt is not None]
        judged = []  # (verdict, the current amount read) for each reading of the sentence
        for reading in readings:
            span = growth_range(changed, reading, sign, ctx.rounding_multiplier)
            if span is not None:
                judged.append((percent_verdict(c.value, c.decimals, span), reading))
        if not judged or any(verdict == "ok" for verdict, _ in judged):
            continue  # from nothing: no rate; or a reading that makes it right
        verdict, current = min(judged, key=lambda j: _VERDICT_ORDER[j[0]])
        change_value = changed.amount
        base = current.amount - sign * change_value
        expected = change_value / base * HUNDRED
        basis = "年初预算数" if change.base == "budget" else "上年数"
        op = "−" if sign > 0 else "+"
        formula = (
            f"“{c.text}”：增减率 = 增减额 {change.text} ÷ {basis}"
            f"（{current.name} {op} {_money(change_value)} = {_money(base)} 万元）"
        )
        yield _rate_finding(
            c,
            verdict,
            formula,
            expected,
            [change.location, current.location],
        )


@rule(
    "narrative.growth",
    "情况说明中的增减率等于增减额除以上年数",
    kinds=ANY,
    rationale="""与上年相比增加 X 万元，增长 Y%: the previous year is the current amount minus the
    change, so Y = X ÷ (current − X) (for a decrease, X ÷ (current + X)); the same holds for a
    change against the 年初预算数. Computing the rate on the current year (X ÷ current) or
    copying it from elsewhere is a common mistake. Judged at the printed precision over the
    rounding of both printed amounts; missing by less than one unit of the last digit is a
    notice. A change stated after a list (其中：A …、B …，较上年减少 X，下降 Y%) is the total's,
    or read closely B's: the rate is judged right when either reading makes it so.""",
)
def narrative_growth(disclosure: Disclosure, ctx: CheckContext) -> Iterator[Finding]:
    yield from _growth_findings(disclosure, ctx)


# -- execution -----------------------------------------------------------------------------


def _execution_findings(disclosure: Disclosure, ctx: CheckContext, used: set[int] | None = None) -> Iterator[Finding]:
    claims = _claims(disclosure)
    by_id = _by_id(claims)
    for c in claims:
        if c.kind != "execution" or c.value is None:
            continue
        budget = _operand(c, by_id, "budget")
        final = _operand(c, by_id, "final")
        if budget is None or final is None:
            continue
        _mark(used, c)
        span = ratio_range(final, budget, ctx.rounding_multiplier)
        if span is None:
            continue  # a budget of 0: no rate (0 ÷ 0 is often printed as 100%)
        verdict = percent_verdict(c.value, c.decimals, span)
        if verdict == "ok" or _basis_misnamed(c, claims, ctx):
            continue  # (a rate on the other budget than named: narrative.execution-basis)
        formula = f"“完成预算的 {c.text}”：{final.name} ÷ {budget.name} "
        expected = final.amount / budget.amount * HUNDRED
        yield _rate_finding(c, verdict, formula, expected, [budget.location, final.location])


def _basis_misnamed(c: Claim, claims: list[Claim], ctx: CheckContext) -> bool:
    from .execution_basis import misnamed_basis

    return misnamed_basis(c, claims, ctx) is not None


@rule(
    "narrative.execution",
    "情况说明中的预算完成率等于决算数除以预算数",
    kinds=ANY,
    rationale="""年初预算为 A 万元，支出决算为 B 万元，完成年初预算的 C%: C = B ÷ A, for the whole
    一般公共预算财政拨款支出, for each 项, for each 三公 item and for project execution in the
    performance reports (全年预算数 … 执行数 … 完成预算的 …). A budget of 0 gives no rate and is
    not judged (documents print 100% or 0% for 0 ÷ 0).""",
)
def narrative_execution(disclosure: Disclosure, ctx: CheckContext) -> Iterator[Finding]:
    yield from _execution_findings(disclosure, ctx)


# -- direction -----------------------------------------------------------------------------


def _direction_findings(disclosure: Disclosure, ctx: CheckContext, used: set[int] | None = None) -> Iterator[Finding]:
    claims = _claims(disclosure)
    by_id = _by_id(claims)
    for c in claims:
        if c.kind == "direction" and c.relation in ("gt", "lt", "eq"):
            budget = _operand(c, by_id, "budget")
            final = _operand(c, by_id, "final")
            rate = by_id.get(c.refs.get("execution", -1))
            if budget is not None and final is not None:
                actual = "gt" if final.amount > budget.amount else "lt" if final.amount < budget.amount else "eq"
                basis = f"{final.name}，{budget.name}"
                related = [budget.location, final.location]
            elif rate is not None and rate.value is not None:
                actual = "gt" if rate.value > HUNDRED else "lt" if rate.value < HUNDRED else "eq"
                basis = f"完成预算的 {rate.text}"
                related = [rate.location]
            else:
                continue
            _mark(used, c)
            if actual != c.relation:
                message = f"{_quote(c)}称“{c.text}”，但{basis}，应为“{RELATION_LABELS[actual]}”。"
                yield _finding(c, message, related=related)
        elif c.kind == "direction" and c.relation == "flat":
            for ref in ("change", "growth"):
                other = by_id.get(c.refs.get(ref, -1))
                if other is None:
                    continue
                _mark(used, c)
                if other.value:
                    message = (
                        f"{_quote(c)}称“与上年持平”，同一句又称{'增减' if ref == 'change' else '增减率'} {other.text}。"
                    )
                    yield _finding(c, message, related=[other.location])
                    break
        elif c.kind == "growth" and c.sign:
            change = by_id.get(c.refs.get("change", -1))
            if change is None or not change.sign:
                continue  # (agreeing words do not make the rate checked: narrative.growth does)
            if change.sign != c.sign and change.value and c.value:
                words = {1: "增加", -1: "减少"}
                rates = {1: "增长", -1: "下降"}
                message = (
                    f"{_quote(c)}先称{words[change.sign]} {change.text}，又称{rates[c.sign]} {c.text}，增减方向矛盾。"
                )
                yield _finding(c, message, related=[change.location])


@rule(
    "narrative.direction",
    "情况说明中的增减、大小用词与数字一致",
    kinds=ANY,
    rationale="""Words that compare must agree with the numbers they compare: 决算数大于/小于/等于
    (年初)预算数 with the stated budget and final amounts (or the completion rate above, below or
    at 100%); 增加 with 增长 and 减少 with 下降 in the same statement; 与上年持平 with no change
    stated in the same sentence. Copying the 决算数大于年初预算数 sentence of another item is a
    common mistake.""",
)
def narrative_direction(disclosure: Disclosure, ctx: CheckContext) -> Iterator[Finding]:
    yield from _direction_findings(disclosure, ctx)


# -- repeat --------------------------------------------------------------------------------


def _repeat_findings(disclosure: Disclosure, ctx: CheckContext) -> Iterator[Finding]:
    claims = _claims(disclosure)
    by_id = _by_id(claims)
    for c in claims:
        first = by_id.get(c.peer) if c.peer is not None else None
        if first is None or c.value is None or first.value is None:
            continue
        this, other = _amount(c), _amount(first)
        difference = this.amount - other.amount
        if difference == 0:
            continue
        judged = restatement(difference, this, other, ctx.rounding_multiplier)
        if judged.verdict == "ok":
            continue  # the same figure printed to different precision
        # a project's name may recur for another unit or year of a multi-unit report: a warning
        severity = (
            "notice" if judged.verdict == "notice" else ("warning" if (c.subject or "").startswith("project:") else "")
        )
        message = (
            f"{_quote(c)}称{c.subject_label()}为 {c.text}，第{first.location.line}行"
            f"{_quote(first)}称其为 {first.text}，相差 {_money(difference)} 万元" + judged.tail
        )
        yield _finding(
            c, message, severity=severity, expected=other.amount, found=this.amount, related=[first.location]
        )


@rule(
    "narrative.repeat",
    "情况说明中同一数额前后一致",
    kinds=ANY,
    rationale="""A quantity the tables do not contain and the department has only one of (the 年初预算
    of 一般公共预算财政拨款支出 or of a 项, a named project's funds) may be stated more than once, in
    the 情况说明 and in the performance reports; every statement must give the same amount. A
    project's name can recur for another unit of a multi-unit report, so a different amount for it
    is a warning. Amounts that restate a table are compared with the table (narrative.amount).""",
)
def narrative_repeat(disclosure: Disclosure, ctx: CheckContext) -> Iterator[Finding]:
    yield from _repeat_findings(disclosure, ctx)


# -- parts ---------------------------------------------------------------------------------


def _zero_cell(disclosure: Disclosure, subject: str, measure: str) -> bool:
    links = [link for cell in cells_for(disclosure, subject, measure) if (link := resolve(disclosure, cell))]
    return bool(links) and links[0].value == 0


def _slot_parts(disclosure: Disclosure, whole: Claim, parts: list[Claim]) -> tuple[list[Claim], bool, str] | None:
    """(the parts that fill the whole's partition, whether the list is complete).

    A total named by words the reader does not know (纳入绩效目标的金额) is judged only when its
    parts, all known, make up a complete partition (基本支出 + 项目支出 with nothing else spent).
    """
    if whole.subject is None:
        if not parts or any(p.subject is None for p in parts):
            return None
        for subject, slots in PARTITIONS.items():
            members = {s for slot in slots for alternative in slot for s in alternative}
            if {p.subject for p in parts} <= members:
                found = _fill(disclosure, slots, parts, whole.measure)
                if found is not None and found[1]:
                    return found[0], found[1], label(subject)
        return None
    partition = PARTITIONS.get(whole.subject)
    if partition is None:
        return None
    found = _fill(disclosure, partition, parts, whole.measure)
    return None if found is None else (found[0], found[1], whole.subject_label())


def _fill(disclosure: Disclosure, slots, parts: list[Claim], measure: str) -> tuple[list[Claim], bool] | None:
    """Fill each slot of a partition from the listed parts; unlisted members must be 0 in the tables.

    Parts in words the reader does not know (其他资金来源 0.19 万元) make the list incomplete unless
    every slot is named explicitly (then they are details of a part: 主要包括基本工资 19.44 万元).
    """
    listed = {p.subject: p for p in parts if p.subject}
    members = {s for slot in slots for alternative in slot for s in alternative}
    if not any(p.subject in members for p in parts):
        return None
    used: list[Claim] = []
    complete = True
    explicit = True
    closing = any(s in CLOSING_MEMBERS for s in listed)
    for slot in slots:
        ordered = sorted(slot, key=lambda alt: -sum(s in listed for s in alt))
        for alternative in ordered:
            if all(s in listed for s in alternative):
                used.extend(listed[s] for s in alternative)
                break
            if all(s in listed or closing or _zero_cell(disclosure, s, measure) for s in alternative):
                used.extend(listed[s] for s in alternative if s in listed)
                explicit = False
                break
        else:
            complete = False
            used.extend(listed[s] for s in ordered[0] if s in listed)
    if any(p.subject is None for p in parts) and not explicit:
        complete = False
    return used, complete


def _coded_parts(
    disclosure: Disclosure, whole: Claim, parts: list[Claim], prefix: str
) -> tuple[list[Claim], bool, str] | None:
    """项 or 类 listed under a total: complete when every non-zero printed row is listed."""
    if not parts or not all(p.subject and p.subject.startswith(prefix) for p in parts):
        return None
    family = disclosure_family(disclosure)
    if family is None:
        return parts, False, whole.subject_label()
    if prefix == "item.":
        table = disclosure.table(ITEM_TABLES[family])
        length = 7
    else:
        scope = "gb" if prefix == "gb.class." else "expenditure"
        table = disclosure.table(CLASS_TABLES[(family, scope)][0][0])
        length = 3
    if table is None:
        return parts, False, whole.subject_label()
    codes = {
        r.code
        for r in table.coded_rows()
        if r.code and len(r.code) == length and r.values.get("total") and r.values["total"].amount != 0
    }
    if length == 3 and not codes:
        codes = {
            r.code[:3] for r in table.coded_rows() if r.code and r.values.get("total") and r.values["total"].amount != 0
        }
    listed = {p.subject.rsplit(".", 1)[1] for p in parts if p.subject}
    return parts, bool(codes) and codes <= listed, whole.subject_label()


def _groups(claims: list[Claim]) -> dict[tuple[int, int], list[Claim]]:
    out: dict[tuple[int, int], list[Claim]] = {}
    for c in claims:
        if c.group is not None and "whole" in c.refs and c.kind in ("amount", "count") and c.value is not None:
            out.setdefault((c.group, c.refs["whole"]), []).append(c)
    return out


def _parts_findings(disclosure: Disclosure, ctx: CheckContext, used: set[int] | None = None) -> Iterator[Finding]:
    claims = _claims(disclosure)
    by_id = _by_id(claims)
    for (_group, whole_id), parts in _groups(claims).items():
        whole = by_id.get(whole_id)
        if whole is None or whole.value is None:
            continue
        parts = [p for p in parts if (p.money and whole.money) or (p.unit == whole.unit)]
        if not parts:
            continue
        if {p.measure for p in parts} == {"spent", "remaining"} and len(parts) == 2:
            chosen: tuple[list[Claim], bool, str] | None = (parts, True, whole.subject_label())
        else:
            chosen = (
                _coded_parts(disclosure, whole, parts, "item.")
                or _coded_parts(disclosure, whole, parts, "gb.class.")
                or _coded_parts(disclosure, whole, parts, "expenditure.class.")
                or _slot_parts(disclosure, whole, parts)
            )
        if chosen is None:
            continue
        members, complete, whole_name = chosen
        if not members:
            continue
        _mark(used, whole, *members)
        if whole.money:
            stated = _amount(whole)
            values = [_amount(p) for p in members]
        else:  # counts are exact
            stated = Operand(whole.value, Decimal(0))
            values = [Operand(p.value or Decimal(0), Decimal(0)) for p in members]
        total = stated.amount
        expected = sum((v.amount for v in values), Decimal(0))
        bound = rounding_bound([stated.half] + [v.half for v in values], ctx.rounding_multiplier)
        difference = total - expected
        unit = "万元" if whole.money else whole.unit
        show = _money if whole.money else (lambda d: format(d, "f"))
        listing = " + ".join(f"{p.subject_label()} {p.text}" for p in members)
        if complete:
            if difference == 0:
                continue
            within = within_bound(difference, bound)
            message = (
                f"{_quote(whole)}：所列各项 {listing} = {show(expected)} {unit}，所述{whole_name}为 {whole.text}，相差 {show(difference)} {unit}"
                + rounding_tail(within, bound)
            )
            yield _finding(
                whole,
                message,
                severity="notice" if within else "",
                expected=expected,
                found=total,
                related=[p.location for p in members],
            )
        elif expected - total > bound:
            message = (
                f"{_quote(whole)}：其中所列 {listing} = {show(expected)} {unit}，已超过所述{whole_name} {whole.text}。"
            )
            yield _finding(
                whole,
                message,
                expected=expected,
                found=total,
                related=[p.location for p in members],
            )


@rule(
    "narrative.parts",
    "情况说明中各分项之和等于所述总数",
    kinds=ANY,
    rationale="""A total followed by its parts (本年收入合计 …，其中：财政拨款收入 …；其他收入 …;
    基本支出 … 其中人员经费 …，公用经费 …; the 三公 items; 政府采购 货物、工程、服务; vehicles by
    type; the 项 of the execution statement, for the 年初预算 and the 决算 alike; 预算 = 实际支出 +
    结余) must add up to it within rounding. A list is complete when it names every member, or
    the members it leaves out are 0 in the tables (a list of vehicles ending with 其他用车 is
    complete); an incomplete list only may not exceed the total.""",
)
def narrative_parts(disclosure: Disclosure, ctx: CheckContext) -> Iterator[Finding]:
    yield from _parts_findings(disclosure, ctx)


# -- unlinked (verbose) --------------------------------------------------------------------


def _mark(used: set[int] | None, *claims: Claim) -> None:
    if used is None:
        return
    for c in claims:
        used.add(c.id)
        used.update(c.refs.values())


def checked_claims(disclosure: Disclosure, ctx: CheckContext | None = None) -> set[int]:
    """Ids of the claims some narrative rule judged (an operand counts as judged)."""
    ctx = ctx or CheckContext()
    used: set[int] = set()
    claims = _claims(disclosure)
    for c in claims:
        if c.link is not None and c.kind == "amount":
            used.add(c.id)
        if c.peer is not None:
            used.update((c.id, c.peer))
    for produce in (_share_findings, _growth_findings, _execution_findings, _direction_findings, _parts_findings):
        for _ in produce(disclosure, ctx, used):
            pass
    return used


@rule(
    "narrative.unlinked",
    "情况说明中未能核对的数字（仅 --verbose 显示）",
    severity="notice",
    kinds=ANY,
    rationale="""A number of the narrative whose subject could not be tied to a table cell or to
    another statement (an amount no table contains, a share without its whole, words the reader
    does not know) is not checked. Precision is favored over recall, so such claims are never
    errors; `yjsgk check --verbose` lists them so that a reviewer knows what was left to check
    by hand.""",
)
def narrative_unlinked(disclosure: Disclosure, ctx: CheckContext) -> Iterator[Finding]:
    if not ctx.verbose:
        return
    used = checked_claims(disclosure, ctx)
    for c in _claims(disclosure):
        if c.id in used or c.kind == "direction":
            continue
        message = (
            f"{_quote(c)}中的{KIND_LABELS[c.kind]} {c.text}（{c.subject_label()}）未能与表格或其他说明对应，未做核对。"
        )
        yield _finding(c, message)

"""narrative.execution-basis: a completion rate computed on one budget and named after the other.

A final account's 情况说明 may state both budgets of an item (年初预算为 0 万元，全年预算为 321.02
万元，支出决算为 307.82 万元) and then a rate “完成年初预算的 95.89%” that is the 决算 ÷ 全年预算
(307.82 ÷ 321.02), not ÷ 年初预算; or the reverse. The figure is real, its basis is misnamed: a
warning naming both rates. Only when the sentence states both budgets of the same item before the
rate, the rate's words name one of them (年初 / 全年, 调整后), it agrees with the other at the
printed precision and not with the one named (a 年初预算 of 0 gives no rate at all).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from ...model import Disclosure
from ...narrative.model import Claim
from ..compare import HUNDRED, percent_verdict, ratio_range
from ..context import CheckContext
from ..findings import Finding
from ..registry import ANY, rule
from .narrative import _amount, _by_id, _claims, _finding, _pct, _quote

_CLAUSE_END = re.compile(r"[，,；;。：:（(）)]")
_INITIAL = re.compile(r"年初预算")
_ADJUSTED = re.compile(r"(?:全年|调整后?的?|调整)预算")
_BUDGET_WHOLE = re.compile(r"^(?:年初|全年|调整后?的?)预算(?:数)?$")
_NUMBER = re.compile(r"[\d.,]+")
BASIS_NAMES = {"budget": "年初预算", "adjusted_budget": "全年预算"}
OTHER = {"budget": "adjusted_budget", "adjusted_budget": "budget"}


def named_basis(c: Claim) -> str | None:
    """The budget a rate's own words name: "budget" (年初预算) or "adjusted_budget" (全年预算,
    调整后预算); None when they name neither or both, or the rate is printed twice differently."""
    if c.kind == "share":
        words = [c.whole_text or ""]
    else:
        number = _NUMBER.search(c.text)
        if number is None:
            return None
        spots = [m.start() for m in re.finditer(re.escape(number.group(0)) + r"\s*[%％]", c.sentence)]
        words = []
        for at in spots:
            before = c.sentence[:at]
            ends = [m.end() for m in _CLAUSE_END.finditer(before)]
            words.append(before[ends[-1] if ends else 0 :])
    names = set()
    for w in words:
        initial, adjusted = bool(_INITIAL.search(w)), bool(_ADJUSTED.search(w))
        names.add("budget" if initial and not adjusted else "adjusted_budget" if adjusted and not initial else None)
    return names.pop() if len(names) == 1 else None


def _final_of(c: Claim, by_id: dict[int, Claim]) -> Claim | None:
    if c.kind == "execution":
        return by_id.get(c.refs.get("final", -1))
    if c.kind == "share" and _BUDGET_WHOLE.match(c.whole_text or ""):
        return by_id.get(c.refs.get("part", -1))
    return None


def _stated_budgets(c: Claim, final: Claim, claims: list[Claim]) -> dict[str, Claim]:
    """The 年初 and 全年 budgets the sentence states for the item, between the rate before this one
    (if any) and this one: exactly one of each, of the final's subject."""
    window = [
        o
        for o in claims
        if o.paragraph == c.paragraph and o.sentence_no == c.sentence_no and o.id < c.id and o.sentence == c.sentence
    ]
    rates = [o.id for o in window if o.kind in ("execution", "share", "growth")]
    start = max(rates, default=-1)
    out: dict[str, list[Claim]] = {"budget": [], "adjusted_budget": []}
    for o in window:
        if o.id <= start or o.kind != "amount" or not o.money or o.value is None or o.measure not in out:
            continue
        if o.subject != final.subject:
            continue
        out[o.measure].append(o)
    return {m: found[0] for m, found in out.items() if len(found) == 1}


def misnamed_basis(c: Claim, claims: list[Claim], ctx: CheckContext) -> Finding | None:
    """The finding when rate `c` is computed on the budget its words do not name."""
    if c.kind not in ("execution", "share") or c.value is None or c.unit != "%":
        return None
    named = named_basis(c)
    by_id = _by_id(claims)
    final = _final_of(c, by_id)
    if named is None or final is None or final.value is None or not final.money:
        return None
    if final.measure not in ("amount", "final", "spent"):
        return None
    budgets = _stated_budgets(c, final, claims)
    if len(budgets) != 2 or "年初" not in c.sentence:
        return None
    spent, said, other = _amount(final), _amount(budgets[named]), _amount(budgets[OTHER[named]])
    span_other = ratio_range(spent, other, ctx.rounding_multiplier)
    if span_other is None or percent_verdict(c.value, c.decimals, span_other) != "ok":
        return None
    span_said = ratio_range(spent, said, ctx.rounding_multiplier)
    if span_said is not None and percent_verdict(c.value, c.decimals, span_said) != "error":
        return None  # right on the basis it names too (the two budgets are alike)
    name, other_name = BASIS_NAMES[named], BASIS_NAMES[OTHER[named]]
    on_other = spent.amount / other.amount * HUNDRED
    if span_said is None:
        on_said = None
        said_text = f"{name}为 {budgets[named].text}，无法计算完成{name}的比例"
    else:
        on_said = spent.amount / said.amount * HUNDRED
        said_text = f"按{name}计算应为 {_pct(on_said, c.decimals)}%（{_name(final)} ÷ {name} {budgets[named].text} = {_pct(on_said, c.decimals + 2)}%）"
    message = (
        f"{_quote(c)}称完成{name}的 {c.text}，但这是按{other_name}计算的（{_name(final)} ÷ {other_name} "
        f"{budgets[OTHER[named]].text} = {_pct(on_other, c.decimals + 2)}%）；{said_text}。"
        f"比例的口径表述有误（应为“完成{other_name}的 {c.text}”）。"
    )
    return _finding(
        c,
        message,
        severity="",
        expected=None if on_said is None else on_said.quantize(Decimal(1).scaleb(-c.decimals)),
        found=c.value,
        related=[budgets[named].location, budgets[OTHER[named]].location, final.location],
    )


def _name(claim: Claim) -> str:
    return f"{claim.subject_label()}决算 {claim.text}"


@rule(
    "narrative.execution-basis",
    "完成率的口径（年初预算或全年预算）与计算一致",
    severity="warning",
    kinds=ANY,
    rationale="""年初预算为 A 万元，全年预算为 G 万元，支出决算为 F 万元，完成年初预算的 C%: C is F ÷ A.
    When C is F ÷ G instead (at the printed precision) and not F ÷ A, the rate was computed on the
    全年（调整后）预算 and named after the 年初预算 (or the reverse): the figure is real, its basis
    misnamed. A warning with both rates. Only when the sentence states both budgets of the same
    item before the rate and the rate's words name one of them; narrative.execution then does not
    also report the rate as wrong.""",
)
def execution_basis(disclosure: Disclosure, ctx: CheckContext) -> Iterator[Finding]:
    claims = _claims(disclosure)
    for c in claims:
        finding = misnamed_basis(c, claims, ctx)
        if finding is not None:
            yield finding

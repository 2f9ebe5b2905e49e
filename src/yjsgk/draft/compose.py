"""A disclosure's tables (and last year's) → the blocks of a complete draft: cover, contents,
部门概况 placeholders, the tables in their printed layout, the 情况说明 written from the numbers,
名词解释. The structure is the chosen family's profile (data/requirements.toml: which sections,
their titles, table numbers); the words are its phrase table (data/draft/*.toml)."""

from __future__ import annotations

from decimal import Decimal

from ..check.profiles import Profile, load_profile
from ..definitions import table_def
from ..model import Disclosure
from ..textnorm import key
from .blocks import Block, Contents, Heading, PageBreak, Paragraph, TableBlock
from .facts import Amount, Change, Facts, Item, collect, rate
from .layout import layout_of
from .phrases import fill, phrases

CN = "一二三四五六七八九十"
THREE_PUBLIC_ITEMS = ("abroad", "vehicle_purchase", "vehicle_operation", "reception")


def chinese_number(n: int) -> str:
    if n <= 10:
        return CN[n - 1]
    if n < 20:
        return "十" + CN[n - 11]
    tens, ones = divmod(n, 10)
    return CN[tens - 1] + "十" + (CN[ones - 1] if ones else "")


class Writer:
    """Fills the phrase table's templates from the facts."""

    def __init__(self, facts: Facts, table: dict, kind: str):
        self.facts = facts
        self.p = table
        self.kind = kind
        self.labels: dict = table.get("labels", {})

    def placeholder(self, label: str) -> str:
        return self.p["placeholder"].format(label=label)

    def missing(self, name: str) -> str:
        bare = name.split(".", 1)[-1]
        fields = self.labels.get("fields", {})
        if name.startswith("placeholder."):
            label = self.labels.get(bare)
        else:
            label = fields.get(bare) or self.labels.get(bare)
        return self.placeholder(label or "相关数据")

    # -- the pieces ------------------------------------------------------------------------
    def change(self, change: Change | None, name: str = "") -> str:
        words = self.p["change"]
        if change is None:
            return words["none"].format(previous=self.placeholder(self.labels["previous"]))
        unit = self.facts.unit
        reason = self.placeholder(self.labels["change_reason"])
        if change.direction == "same":
            return words["same"]
        if change.rate is None:
            return words["new"].format(diff=change.diff, unit=unit, reason=reason)
        return words[change.direction].format(diff=change.diff, rate=change.rate, unit=unit, reason=reason)

    def execution(self, spent: Amount | None, budget: Amount | None) -> str:
        words = self.p["execution"]
        reason = self.placeholder(self.labels["execution_reason"])
        if spent is None or budget is None:
            return reason
        if budget.value == 0:
            return words["nil"] if spent.value == 0 else words["no_budget"].format(reason=reason)
        value = rate(spent.value, budget.value) or "0"
        if spent.value == budget.value:
            return words["equal"]
        which = "more" if spent.value > budget.value else "less"
        return words[which].format(rate=value, reason=reason)

    def items(self, items: list[Item], style: str) -> str:
        words = self.p["items"]
        unit = self.facts.unit
        return words["join"].join(
            words[style].format(name=i.name, amount=i.amount.text, unit=unit, share=i.share) for i in items
        )

    def resolve(self, name: str, context: dict | None = None) -> str:
        f = self.facts
        if context and name in context:
            return context[name]
        if name in ("year", "department", "unit"):
            return str(getattr(f, name) or "")
        if name == "last_year":
            return str(f.year - 1) if f.year else self.missing(name)
        if name.startswith("placeholder."):
            return self.missing(name)
        if name == "reason":
            return self.placeholder(self.labels["reason"])
        if name.startswith("change."):
            return self.change(f.change(name[7:]))
        if name.startswith("execution."):
            item = name[len("execution.tp_") :]
            return self.execution(f.amounts.get("tp_" + item), f.amounts.get("tp_budget_" + item))
        if name in f.amounts:
            return f.amounts[name].text
        if name.endswith("_share") and f.lists.get(name):
            return f.lists[name][0].share or self.missing(name)
        if name.endswith("_names") and f.lists.get(name):
            return self.p["items"]["names"].join(i.name for i in f.lists[name])
        if f.lists.get(name) and name in self.p.get("lists", {}):
            return self.items(f.lists[name], self.p["lists"][name])
        return self.missing(name)

    def has(self, name: str) -> bool:
        f = self.facts
        return name in f.amounts or bool(f.lists.get(name))

    def text(self, template: str, context: dict | None = None) -> str:
        return fill(template, lambda name: self.resolve(name, context))


def _profile(name: str) -> Profile:
    return load_profile(name, {})


def _sections(
    profile: Profile, kind: str, year: int | None, table: dict, printed: set[str]
) -> list[tuple[str, str, int]]:
    """(id, title, level) in the order printed: the phrase table's `order` (a family's), else the
    profile's; a section is under the one whose id its own extends (final.general_budget.detail)
    or that `nest` names."""
    required = {
        r.id: r
        for r in profile.select("section", kind, year)
        if not r.when.startswith("data:") or r.when[5:] in printed  # 国有资本经营: when its table is printed
    }
    skipped = {r.id for r in profile.select("section", kind, year)} - set(required)
    order = [s for s in table.get("order") or required if s not in skipped]
    order += [s for s in required if s not in order]
    nest: dict = table.get("nest", {})
    titles: dict = table.get("titles", {})
    out = []
    for sid in order:
        parent = nest.get(sid) or next((p for p in order if sid.startswith(p + ".")), None)
        title = titles.get(sid) or (required[sid].title if sid in required else "")
        out.append((sid, title, 2 if parent else 1))
    # children follow their parent
    ordered: list[tuple[str, str, int]] = []
    for entry in out:
        if entry[2] == 1:
            ordered.append(entry)
            parent = entry[0]
            ordered += [
                e
                for e in out
                if e[2] == 2 and (nest.get(e[0]) == parent or (not nest.get(e[0]) and e[0].startswith(parent + ".")))
            ]
    return ordered


def _number(levels: list[str], level: int, n: int) -> str:
    return levels[min(level, len(levels)) - 1].format(cn=chinese_number(n), n=n)


def _section_body(w: Writer, sid: str, spec: dict, kind: str) -> list[Block]:
    f = w.facts
    short = sid.split(".", 1)[1]
    blocks: list[Block] = []
    if short in ("gov_fund", "state_capital"):
        amount = f.amounts.get(short)
        if amount is not None and amount.value == 0:
            return [Paragraph(w.text(w.p["empty"][short]))]
    texts = spec.get("text", [])
    if any(not w.has(n) for n in spec.get("needs", [])):
        texts = spec.get("missing", texts)
    for template in texts:
        blocks.append(Paragraph(w.text(template)))
    if short == "general_budget.detail":
        for n, item in enumerate(f.lists.get("gb_items", []), 1):
            context = {
                "name": f"{n}. {item.name}",
                "amount": item.amount.text,
                "budget": w.missing("gb_budget") if item.budget is None else item.budget.text,
                "execution": w.execution(item.amount, item.budget),
            }
            blocks.append(Paragraph(w.text(spec["item"], context)))
    if short == "three_public" and spec.get("item"):
        names = spec.get("names", {})
        for n, part in enumerate(THREE_PUBLIC_ITEMS, 1):
            spent = f.amounts.get("tp_" + part)
            if spent is None:
                continue
            budget = f.amounts.get("tp_budget_" + part)
            context = {
                "name": f"{n}. {names.get(part, part)}",
                "amount": spent.text,
                "budget": budget.text if budget else w.missing("tp_budget"),
                "execution": w.execution(spent, budget),
                "change": w.change(f.change("tp_" + part)),
            }
            blocks.append(Paragraph(w.text(spec["item"], context)))
        if "detail" in spec:
            blocks.append(Paragraph(w.text(spec["detail"])))
    return blocks


def _glossary(w: Writer, profile: Profile, kind: str, year: int | None) -> list[tuple[str, str]]:
    definitions: dict = w.p.get("glossary", {})
    by_key = {key(term): (term, text) for term, text in definitions.items()}
    terms: list[str] = []
    for req in profile.select("glossary", kind, year):
        terms += [key(t) for t in req.terms]
    terms += [k for k in by_key if k not in terms]
    return [by_key[t] for t in terms if t in by_key]


def compose(
    disclosure: Disclosure,
    *,
    template: str,
    phrase_table: str | None = None,
    previous: Disclosure | None = None,
    warning: str | None = None,
) -> list[Block]:
    kind = "budget" if disclosure.kind == "budget" else "final"
    table = phrases(phrase_table or template)
    spec = table[kind]
    profile = _profile(template)
    labels = {f"income.{k}": v for k, v in table["labels"]["income"].items()}
    labels |= {f"expenditure.{k}": v for k, v in table["labels"]["expenditure"].items()}
    facts = collect(disclosure, labels)
    if previous is not None:
        facts.previous = collect(previous, labels).amounts
    w = Writer(facts, table, kind)
    year = disclosure.year
    blocks: list[Block] = []
    if warning:
        blocks.append(Paragraph(warning, "warning"))
    for line in spec["cover"]:
        blocks.append(Heading(w.text(line), 0))
    blocks.append(PageBreak())
    contents = Contents()
    blocks.append(contents)
    blocks.append(PageBreak())
    levels = table["numbering"]["levels"]
    for part in spec["part"]:
        title = w.text(part["title"])
        blocks.append(Heading(title, 1))
        contents.entries.append((1, title))
        for block in part.get("block", []):
            blocks.append(Heading(block["title"], 2))
            contents.entries.append((2, block["title"]))
            blocks += [Paragraph(w.text(t)) for t in block.get("text", [])]
        if part.get("sections"):
            counters = [part.get("first_number", 1) - 1, 0]
            only = set(part.get("only", ()))  # a family that spreads its sections over two parts (西安)
            parent = ""
            for sid, stitle, level in _sections(profile, kind, year, spec, {t.id for t in disclosure.tables}):
                parent = sid if level == 1 else parent
                if only and parent not in only:
                    continue
                section = spec.get("section", {}).get(sid)
                counters[level - 1] += 1
                if level == 1:
                    counters[1] = 0
                heading = _number(levels, level, counters[level - 1]) + stitle
                blocks.append(Heading(heading, level + 1))
                if level == 1:
                    contents.entries.append((2, heading))
                if section is None:
                    blocks.append(Paragraph(w.missing("other")))
                    continue
                blocks += _section_body(w, sid, section, kind)
            if part.get("glossary"):
                counters[0] += 1
                heading = _number(levels, 1, counters[0]) + part.get("glossary_title", "名词解释")
                blocks.append(Heading(heading, 2))
                contents.entries.append((2, heading))
                blocks += [
                    Paragraph(f"{n}. {term}：{text}")
                    for n, (term, text) in enumerate(_glossary(w, profile, kind, year), 1)
                ]
        elif part.get("glossary"):
            blocks += [
                Paragraph(f"{_number(levels, 1, n)}{term}：{text}")
                for n, (term, text) in enumerate(_glossary(w, profile, kind, year), 1)
            ]
        if part.get("tables"):
            for t in disclosure.tables:
                number = profile.number(t.id, kind, year) or t.number
                layout = layout_of(t, year)
                # 公开NN表 is the final accounts' numbering; budget tables are cited by title
                printed = kind == "final" and table_def(t.id).layout != "raw" and len(number or "") == 2
                layout.number = number if printed else None
                what = table.get("empty_table", {}).get("what", {}).get(t.id)
                if what and not any(v.amount != 0 for r in t.rows for v in r.values.values()):
                    layout.notes.append(w.text(table["empty_table"]["note"], {"what": what}))
                blocks.append(TableBlock(layout, disclosure.department))
                contents.entries.append((2, layout.title))
            if part.get("note"):
                blocks.append(Paragraph(w.text(part["note"])))
            blocks.append(PageBreak())
    return blocks


def zero(amount: Amount | None) -> bool:
    return amount is None or amount.value == Decimal(0)

"""Classification codes against the dictionary: known in the year, official name, right parent.

Like the completeness rules, these run only under a compliance profile (needs_profile).
"""

from __future__ import annotations

from collections.abc import Iterator

from ...definitions import table_def
from ...dictionary import Classification, classification, name_key
from ...model import Disclosure, Row, Table
from ...textnorm import strip_ordinal
from ..context import CheckContext
from ..findings import Finding, row_finding
from ..reading import SCHEME_DIGIT, codes_read_reliably, document_year
from ..registry import rule

SCHEME_LABELS = {"function": "支出功能分类科目", "economic": "部门预算支出经济分类科目"}


def _coded_tables(disclosure: Disclosure, *, with_summary: bool = False) -> Iterator[tuple[Table, Classification]]:
    """Tables whose rows carry classification codes, with the scheme they use. (The code rules
    belong to the compliance checks a profile switches on: the engine runs them only under one.)

    总表 rows get their 类 code from the printed name, so they say nothing about codes; they
    are included only where names are judged.
    """
    for table in disclosure.tables:
        defn = table_def(table.id)
        if defn.layout == "summary":
            if with_summary:
                yield table, classification("function")
            continue
        if defn.codes in ("function", "economic") and codes_read_reliably(table, defn.codes):
            yield table, classification(defn.codes)


def _printed_name(row: Row) -> str:
    return strip_ordinal(row.name).strip()


@rule(
    "code.unknown",
    "科目编码在当年有效",
    severity="warning",
    needs_profile=True,
    rationale="""Every code printed in a table must exist in the classification of the document's
    year. A warning when the code cannot be right: it does not have the scheme's form (an economic
    code not starting with 3) or its 类 does not exist; or when a known code is printed outside its
    years (e.g. 30312 提租补贴 after the 2018 reform of the economic classification: an outdated
    template). A code of a known 类 that our dictionary does not list is a notice saying so: the
    dictionary (curated, plus the pairs harvested from real documents, see
    data/classification/README.md) holds neither every 款 nor every 项, so such a code is most
    likely right but its name is not verified. A 7-digit economic sub-code under a known 款
    (3010201 under 30102) is a local subdivision: a notice when the dictionary does not list it
    either. An unlisted code printed with the name the document gives a known code of the same
    类/款 elsewhere (2019998 其他一般公共服务支出 in one table, 2019999 in the others) is a mistyped
    code: a warning. Runs when a profile is chosen.""",
)
def unknown_code(disclosure: Disclosure, ctx: CheckContext) -> Iterator[Finding]:
    year = document_year(disclosure)
    noticed: set[str] = set()  # a code missing from the dictionary is noted once per document
    printed: dict[str, set[str]] = {}  # code → the names the document prints it with
    for table, _scheme in _coded_tables(disclosure):
        for row in table.coded_rows():
            printed.setdefault(row.code or "", set()).add(name_key(_printed_name(row)))
    for table, scheme in _coded_tables(disclosure):
        for row in table.coded_rows():
            code = row.code or ""
            if len(code) not in (3, 5, 7) or not _printed_name(row):
                continue  # not read as a code of any level, or a number without its name
            found = _unknown(table, row, scheme, year, printed)
            if found is None:
                continue
            severity, message = found
            if severity == "notice":
                if code in noticed:
                    continue
                noticed.add(code)
            yield row_finding("code.unknown", severity, message, table, row, "科目编码")


def _unknown(
    table: Table, row: Row, scheme: Classification, year: int | None, printed: dict[str, set[str]]
) -> tuple[str, str] | None:
    """(severity, message) when the code is not a known code of the year, else None."""
    code = row.code or ""
    label = SCHEME_LABELS[scheme.scheme]
    where = f"{table.display_name}中的科目编码 {code}（{_printed_name(row)}）"
    if code in scheme:
        if scheme.valid_in(code, year):
            return None
        used = "；".join(f"“{e.name}”{e.years}" for e in scheme.entries(code))
        return (
            "warning",
            f"{table.display_name}中的科目 {code} {_printed_name(row)}在 {year} 年不是有效科目（{used}）。",
        )
    digit = SCHEME_DIGIT[scheme.scheme]
    if code[0] != digit:
        return "warning", f"{where}不符合{label}的编码规则（应以 {digit} 开头）。"
    if code[:3] not in scheme:
        return "warning", f"{where}的类级科目 {code[:3]} 不在{label}中。"
    if twin := _sibling_named(scheme, code, _printed_name(row), year, printed):
        # a mistyped code: the document prints the same name under a known code of the same 类/款
        return (
            "warning",
            f"{where}不在{label}中；本文件其他处“{_printed_name(row)}”的编码为 {twin}，编码可能有误。",
        )
    kuan = code[:5]
    if len(code) == 7 and kuan not in scheme:
        # our list of 款 is not complete either (a flat list of 项 never prints its 款 row): the code
        # is not known to be wrong, only not verified
        return (
            "notice",
            f"{where}及其款级科目 {kuan} 未收录在本工具的{label}表中（类级科目 {code[:3]} 已收录），未核对其名称。",
        )
    if scheme.scheme == "economic" and len(code) == 7:
        parent = scheme.lookup(kuan, year)
        parent_name = f" {parent.name}" if parent else ""
        return "notice", f"{where}是款级科目 {kuan}{parent_name} 下的地方细化科目（非全国统一编码），未核对其名称。"
    levels = f"类级科目 {code[:3]}、款级科目 {kuan}" if len(code) == 7 else f"类级科目 {code[:3]}"
    return "notice", f"{where}未收录在本工具的{label}表中（{levels} 已收录），未核对其名称。"


def _sibling_named(
    scheme: Classification, code: str, name: str, year: int | None, printed: dict[str, set[str]]
) -> str | None:
    """A known code of the same parent that this document prints elsewhere under this name, when
    that is the code's official name: the unlisted code is then a mistype of it (2019998 for
    2019999 其他一般公共服务支出). Only the document's own other rows decide: the dictionary alone
    cannot, a renumbered catch-all (2089901 and 2089999 其他社会保障和就业支出) shares its name."""
    wanted = name_key(name)
    for sibling in scheme.children(code[:-2]) if code[:-2] in scheme else ():
        if (
            sibling != code
            and wanted in printed.get(sibling, ())
            and any(name_key(e.name) == wanted for e in scheme.accepted_names(sibling, year))
        ):
            return sibling
    return None


def _codes_with_two_names(disclosure: Disclosure) -> set[str]:
    """Codes printed with different names in one document (reported by name.same-code)."""
    names: dict[str, set[str]] = {}
    for table in disclosure.tables:
        if table_def(table.id).layout == "summary":
            continue
        for row in table.coded_rows():
            k = name_key(row.name)
            if k and row.code:
                names.setdefault(row.code, set()).add(k)
    return {code for code, keys in names.items() if len(keys) > 1}


@rule(
    "code.name",
    "科目名称与规范名称一致",
    severity="notice",
    needs_profile=True,
    rationale="""A code has one official name in a given year. A printed name that differs beyond
    punctuation is truncated, mistyped or outdated (a former name after a renaming); readers
    compare documents by name, so the official one should be printed. When one document prints
    a code with two names, name.same-code reports it instead. Runs when a profile is chosen.""",
)
def official_name(disclosure: Disclosure, ctx: CheckContext) -> Iterator[Finding]:
    year = document_year(disclosure)
    skip = _codes_with_two_names(disclosure)
    reported: set[tuple[str, str]] = set()
    for table, scheme in _coded_tables(disclosure, with_summary=True):
        for row in table.coded_rows():
            code = row.code or ""
            printed = _printed_name(row)
            printed_key = name_key(printed)
            if not printed_key or code in skip or (code, printed_key) in reported:
                continue
            if any(ch.isdigit() for ch in printed):
                continue  # amounts read into the name: not a printed name to judge
            if code not in scheme or not scheme.valid_in(code, year):
                continue  # code.unknown
            if any(not e.confirmed for e in scheme.entries(code)):
                continue  # the dictionary cannot tell the official name
            accepted = scheme.accepted_names(code, year)
            if not accepted or any(name_key(e.name) == printed_key for e in accepted):
                continue
            if any(name_key(part) == name_key(e.name) for part in printed.split() for e in accepted):
                continue  # the official name and a neighbouring cell read as one (烟台: 基本工资 工资奖金津补贴)
            official = scheme.lookup(code, year)
            assert official is not None
            former = scheme.match(code, printed)
            if former is not None:
                message = (
                    f"科目 {code} 在 {year} 年的名称为“{official.name}”，{table.display_name}中印为"
                    f"“{printed}”（该名称{former.years}使用）。"
                )
            else:
                message = f"科目 {code} 的规范名称为“{official.name}”，{table.display_name}中印为“{printed}”。"
            reported.add((code, printed_key))
            yield row_finding("code.name", "notice", message, table, row, "科目名称")


@rule(
    "code.parent",
    "科目列在其上级科目之下",
    severity="error",
    needs_profile=True,
    rationale="""A 款 belongs to the 类 of its first three digits and a 项 to the 款 of its first
    five. A code listed under another 类 or 款 is a wrong code (or a row pasted into the wrong
    place), and the 类/款 subtotals then add up the wrong rows. Runs when a profile is chosen.""",
)
def wrong_parent(disclosure: Disclosure, ctx: CheckContext) -> Iterator[Finding]:
    for table, _scheme in _coded_tables(disclosure):
        for run in _runs(table):
            yield from _misplaced(table, run)


def _position(row: Row) -> tuple[int, int]:
    loc = row.location
    return (loc.page or 0, loc.line or 0) if loc else (0, 0)


def _runs(table: Table) -> list[list[Row]]:
    """Rows in reading order; a side-by-side groups table (公开06表) gives one run per group."""
    if table_def(table.id).layout != "groups":
        return [table.rows]
    groups: dict[int | None, list[Row]] = {}
    for row in table.rows:
        groups.setdefault(row.location.column if row.location else None, []).append(row)
    return [sorted(rows, key=_position) for rows in groups.values()]


def _misplaced(table: Table, rows: list[Row]) -> Iterator[Finding]:
    """Rows listed under another 类 or 款 than their own, judged against the parents the run prints.

    The national hierarchy is the usual case, not the only one: a flat list of 项 without their 款
    rows, or local 7-digit sub-codes (3010201, 3010202 without a 30102 row) belong to the 类 they
    are listed under. Only a parent printed somewhere in the run can be the one a row is missing.
    """
    present = {row.code for row in rows if row.code}
    lei: Row | None = None
    kuan: Row | None = None
    for row in rows:
        code = row.code
        if not code:
            continue
        if len(code) == 3:
            lei, kuan = row, None
            continue
        if len(code) == 5:
            above = lei if code[:3] in present else None
            kuan = row
        elif len(code) == 7:
            if code[:5] in present:
                above = kuan if kuan is not None else lei
            else:
                above = lei if code[:3] in present else None
        else:
            continue
        if above is None or code.startswith(above.code or ""):
            continue
        own = code[:5] if len(code) == 7 and code[:5] in present else code[:3]
        message = f"{table.display_name}中 {code} {_printed_name(row)} 列在 {above.label} 之下，其上级科目应为 {own}。"
        yield row_finding("code.parent", "error", message, table, row, "科目编码")

"""Cut the document's block stream into table sections by title, number and page repeats.

Titles are found in text lines and in one-cell grid rows alike (Word exports put them in
cells). A title starts a section only when grid rows follow soon after, so the contents
page and narrative headings never become tables. A repeated title with the same definition
continues the section (tables spread over pages repeat title and header), except for
performance tables printed once per project. A grid listing the tables (报表目录) is skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..amounts import parse_amount
from ..definitions import TableDef, table_defs
from ..document import Document, Grid, GridRow, Location, TextBlock
from ..textnorm import key, norm

NUMBER = re.compile(r"公开\s*0?(\d{1,2})\s*表|公开表\s*0?(\d{1,2})|[（(]\s*[预决]算表\s*0?(\d{1,2})\s*[）)]")
_TABLE_LABEL = re.compile(r"^表\s*(\d{1,2})$")  # "表1" printed above a title
_PAGE_FURNITURE = re.compile(r"^(?:表\s*\d{1,2}|第\s*\d+\s*页.*|-?\s*\d{1,3}\s*-?)$")
DEPARTMENT = re.compile(
    r"^(?:预算主管部门|主管部门|编制部门|编制单位|预算单位|(?:预算)?(?:部门|单位)(?:\s*[（(](?:部门|单位)[)）])?(?:名称)?)"
    r"\s*[：:]\s*(.+?)\s*$"
)
UNIT = re.compile(r"(?:金额)?单位\s*[：:]\s*(万元|元|千元|亿元)")
_NOTE = re.compile(r"^\s*(?:注|备注|说明)\s*[：:0-9１-９.、]")
# the first cell of a performance table for one project or unit
_PERFORMANCE_ITEM = re.compile(r"^(?:项目(?:支出)?名称|专项(?:资金)?名称|(?:预算)?部门(?:单位)?名称|单位名称)")
_FIELD_LABEL = re.compile(r"(?:名称|金额|目标|代码|编码)$")
# "信访业务培训绩效目标表": a project's name + 绩效目标表, a table only when a project's form follows
_NAMED_TARGET = re.compile(r"^[\u4e00-\u9fff]{2,30}绩效目标表$")
_TARGET_PROJECT = next(d for d in table_defs() if d.id == "performance.target_project")
CANDIDATE_TTL = 6  # text lines a title waits for its grid before it is taken for a heading
NARRATIVE_LENGTH = 60
_FINAL_BY_NUMBER = {d.number: d for d in table_defs() if d.kind == "final" and d.number}


@dataclass(slots=True)
class Section:
    defn: TableDef
    title: str
    location: Location
    number: str | None = None
    unit: str | None = None
    rows: list[GridRow] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    closed: bool = False

    def has_data(self) -> bool:
        return any(_has_amount(r) for r in self.rows)


@dataclass(slots=True)
class Segmentation:
    sections: list[Section]
    departments: list[tuple[str, Location]]
    units: list[tuple[str, Location]]
    numbers: list[tuple[str, Location]]
    orphans: list[GridRow]  # rows with amounts under no recognized title


@lru_cache(maxsize=4096)  # called for every text line and one-cell row: titles repeat per page
def match_title(text: str) -> TableDef | None:
    k = key(text)
    if not k or len(k) > 60:
        return None
    best: tuple[str, TableDef] | None = None
    for defn in table_defs():
        if "三公" in k and "三公" not in defn.title:
            continue  # "…“三公”经费及会议费、培训费支出决算表" is no 支出决算表
        for alias in defn.aliases:
            if alias in k and (best is None or len(alias) > len(best[0])):
                best = (alias, defn)
    if best is None:
        return None
    alias, defn = best
    # the words before a title: year and department, or a project's name (which can be long:
    # "西安市级2022年事业单位离休人员和保健对象医疗费" + "项目绩效自评表")
    slack = 40 if k.endswith(alias) else 24
    if len(k) - len(alias) > slack or ("说明" in k and "说明" not in defn.title):
        return None
    return defn


def _has_amount(row: GridRow) -> bool:
    return any(parse_amount(c.text) is not None for c in row.cells[1:]) or (
        len(row.cells) == 1 and parse_amount(row.cells[0].text) is not None
    )


def _meta(text: str) -> tuple[str | None, str | None, str | None]:
    """(department, unit, number) stated by a caption text."""
    department = unit = number = None
    if m := NUMBER.search(text):
        number = next(g for g in m.groups() if g).zfill(2)
    if m := UNIT.search(text):
        unit = m.group(1)
    if m := DEPARTMENT.match(text.strip()):
        value = m.group(1)
        if not UNIT.search(text.strip()) or not value.startswith(("万元", "元")):
            department = re.split(r"\s{2,}|\t|(?:金额)?单位\s*[：:]", value)[0].strip() or None
        if department in ("万元", "元", "千元", "亿元"):
            department = None
    return department, unit, number


class _Segmenter:
    def __init__(self, numbers_are_final: bool = True) -> None:
        # 公开01–09表 are the final-account tables; budget sets number their own tables
        self.numbers_are_final = numbers_are_final
        self.sections: list[Section] = []
        self.current: Section | None = None
        self.candidate: tuple[TableDef, str, Location] | None = None
        self.candidate_ttl = 0
        self.pending_number: str | None = None
        self.pending_unit: str | None = None
        self.departments: list[tuple[str, Location]] = []
        self.units: list[tuple[str, Location]] = []
        self.numbers: list[tuple[str, Location]] = []
        self.orphans: list[GridRow] = []
        self.after_note = False
        self.previous_text: str | None = None  # the last short text line, for wrapped titles
        self.table_label: str | None = None  # a "表N" line waiting for the title below it
        self.closed_by_previous = False  # the last text line closed the current table
        self.repeat = False  # the candidate is a performance table's title printed again
        self.needs_item = False  # the candidate is a table only if a project's form follows

    # -- captions (text lines and one-cell rows) -------------------------------------

    def caption(self, text: str, location: Location) -> bool:
        """Handle a caption; False when the text is not a caption (narrative, note)."""
        department, unit, number = _meta(text)
        if department:
            self.departments.append((department, location))
        if unit:
            self.units.append((unit, location))
            self.pending_unit = unit
            if self.current is not None and not self.current.has_data():
                self.current.unit = unit
        # "公开 01 表：收支预算总表": the title after the number is read as a title
        title = NUMBER.sub("", text).strip(" ：:") if number else text
        defn = match_title(title) if title and not (department or unit) else None
        named_target = (
            defn is None and bool(title) and not (department or unit) and bool(_NAMED_TARGET.match(key(title)))
        )
        if named_target:
            defn = _TARGET_PROJECT
        if number:
            self.numbers.append((number, location))
            if defn is None:
                self._set_number(number, location)
        if defn is None and (department or unit or number):
            return True
        if defn is None:
            return False
        if self.repeat and self.candidate is not None and self.candidate[0] is defn:
            return True  # the repeated title printed twice over
        if self.current is not None and self.current.defn is defn and not self.current.closed:
            if not defn.id.startswith("performance."):
                self.candidate = None  # a page repeat of the title: continue
                return True
            # one 绩效目标表 per project: a title naming another project starts a new table;
            # the same title printed again is told by the first row: a new project's form
            # ("项目名称 | …") or the same table going on over the page
            self.repeat = key(title) == key(self.current.title)
            self.candidate = (defn, title.strip(), location)
            self.candidate_ttl = CANDIDATE_TTL
            self.needs_item = named_target
            return True
        self.repeat = False
        if self.candidate is not None and self.candidate[0] is defn and self.candidate[1].startswith("公开"):
            self.candidate = (defn, title.strip(), location)  # the title after its number
            self.needs_item = named_target
            return True
        self.candidate = (defn, title.strip(), location)
        self.candidate_ttl = CANDIDATE_TTL
        self.needs_item = named_target
        # a number printed with the title or on the line before it belongs to this table
        self.pending_number = number or self.pending_number
        return True

    def _set_number(self, number: str, location: Location) -> None:
        current = self.current
        # the number of the next table, unless printed under the title of an empty current one
        if (
            self.candidate is not None
            or current is None
            or current.has_data()
            or current.closed
            or current.number not in (None, number)
        ):
            self.pending_number = number
            by_number = _FINAL_BY_NUMBER if self.numbers_are_final else {}
            if self.candidate is None and (defn := by_number.get(number)):
                # a table known only by its number (公开03表) when no title is printed
                self.candidate = (defn, f"公开{number}表", location)
                self.candidate_ttl = CANDIDATE_TTL
                self.needs_item = False
        else:
            current.number = number

    # -- grid rows ---------------------------------------------------------------------

    def row(self, row: GridRow) -> None:
        texts = [c.text.strip() for c in row.cells if c.text.strip()]
        if not texts:
            return
        after_note, self.after_note = self.after_note, False
        self.previous_text = None
        self.table_label = None
        current = self.current
        if after_note and len(texts) == 1 and current is not None and _note_continuation(texts[0]):
            current.notes.append(texts[0])  # "2. 本套报表…" in its own row under the note
            self.after_note = True
            return
        if self._is_note(texts[0]):
            self._note(" ".join(texts))
            return
        if len(texts) <= 3 and not any(parse_amount(t) is not None for t in texts):
            handled = [self.caption(t, row.location) for t in texts]
            if any(handled):
                return
            if len(texts) == 1 and self.caption(" ".join(texts), row.location):
                return
        if self.candidate is not None and self.needs_item and not _starts_item(texts):
            self.candidate = None  # "…绩效目标表" over something else than a project's form
        if self.candidate is not None:
            if self.repeat and self.current is not None and not _starts_item(texts):
                self.candidate = None
                self.current.closed = False  # the repeated title was a page repeat after all
            else:
                self._open(row)
            self.repeat = False
        if self.current is None or self.current.closed:
            if _has_amount(row):
                self.orphans.append(row)
            return
        self.current.rows.append(row)

    def _open(self, first: GridRow) -> None:
        defn, title, location = self.candidate  # type: ignore[misc]
        self.candidate = None
        self.current = Section(defn, title, location, number=self.pending_number, unit=self.pending_unit)
        self.pending_number = None
        self.sections.append(self.current)

    # -- text --------------------------------------------------------------------------

    @staticmethod
    def _is_note(text: str) -> bool:
        return bool(_NOTE.match(text))

    def _note(self, text: str) -> None:
        if self.current is not None and self.candidate is None:
            self.current.notes.append(text.strip())
            self.current.closed = True
            self.after_note = True

    def text(self, block: TextBlock) -> None:
        text = block.text.strip()
        if not text:
            return
        if self._is_note(text) and self.current is not None and self.current.rows:
            self._note(text)
            return
        after_note, self.after_note = self.after_note, False
        previous, self.previous_text = self.previous_text, text if len(text) <= 40 else None
        label, self.table_label = self.table_label, None
        closed_by_previous, self.closed_by_previous = self.closed_by_previous, False
        if m := _TABLE_LABEL.match(key(text)):
            self.table_label = m.group(1).zfill(2)
        # a title wrapped over two lines ("…会议费、培训费" / "支出预算表"), or its bracket closed
        # on the next line ("…明细表（按支出功能分类科" / "目-不含上年结转）"): the second line is
        # the title's, so it neither closes the table (a continuation page) nor is a heading
        if previous and not match_title(text) and _wraps_title(previous, text):
            if (
                closed_by_previous
                and self.current is not None
                and self.current.defn is match_title(NUMBER.sub("", previous + text))
            ):
                self.current.closed = False  # its first line was taken for text that ends the table
            self.caption(previous + text, block.location)
            return
        if self.caption(text, block.location):
            # "表1" on the line above a title that starts a table is that table's number
            if (
                label
                and self.candidate is not None
                and self.candidate[2] is block.location
                and self.pending_number is None
            ):
                self.pending_number = label
            return
        current = self.current
        # only the lines right after a note continue it ("2. 本套报表…", "（说明：本表无数据）")
        if after_note and current is not None and current.closed and _note_continuation(text):
            current.notes.append(text)
            self.after_note = True
            return
        # a running header ("…2026年度部门预算公开"), "表1" or a page number does not end a table
        if current is not None and current.rows and not _is_page_furniture(text, current):
            self.closed_by_previous = not current.closed
            current.closed = True
        if self.candidate is not None:
            self.candidate_ttl -= 1
            if self.candidate_ttl <= 0 or len(text) > NARRATIVE_LENGTH:
                self.candidate = None
                self.repeat = False


def _wraps_title(previous: str, text: str) -> bool:
    """`text` continues the title begun on the line before it."""
    joined = match_title(NUMBER.sub("", previous + text))
    if joined is None:
        return False
    first = match_title(NUMBER.sub("", previous))
    if first is None:
        return True
    # the first line is a title already: the next one continues it only by closing its bracket
    opened = len(re.findall(r"[（(]", previous)) - len(re.findall(r"[）)]", previous))
    return first is joined and opened > 0 and bool(re.search(r"[）)]", text)) and len(key(text)) <= 24


def _starts_item(texts: list[str]) -> bool:
    """ "项目名称 | 接待中心安保服务": one project's form, not a header "单位名称 | 项目名称 | 金额"."""
    return len(texts) >= 2 and bool(_PERFORMANCE_ITEM.match(key(texts[0]))) and not _FIELD_LABEL.search(key(texts[1]))


def _is_page_furniture(text: str, current: Section) -> bool:
    k = key(text)
    if _PAGE_FURNITURE.match(k):
        return True
    # the document's own title repeated at the top of every page
    return len(k) <= 40 and k.endswith(("预算公开", "决算公开", "部门预算", "部门决算")) and not current.closed


def _note_continuation(text: str) -> bool:
    k = key(text)
    return any(w in k for w in ("本表", "无数据", "尾数误差", "本单位没有", "本部门没有")) and len(k) < 160


def _looks_like_budget(document: Document) -> bool:
    """The cover says 预算 and not 决算 (budget sets reuse 公开NN表 for their own tables)."""
    head = "".join(key(b.text) for b in document.blocks[:40] if isinstance(b, TextBlock))
    return "预算" in head and "决算" not in head


_TABLE_NAME = re.compile(r"表(?:\([^()]*\))?$")  # on norm()ed text: brackets are ASCII


def _is_contents_grid(grid: Grid) -> bool:
    """A list of the tables (报表目录 as a grid: "表4 | 财政拨款收支总表 | 是否空表"), not a table.

    It names three or more different standard tables and most of its rows name a table
    ("…明细表（按支出功能分类科目）" too, known or not); a real table's rows never do.
    """
    known: set[str] = set()
    rows = names = 0
    for row in grid.rows:
        texts = [norm(c.text) for c in row.cells if c.text.strip()]
        if not texts:
            continue
        rows += 1
        titles = [NUMBER.sub("", t) for t in texts if len(t) >= 4 and _TABLE_NAME.search(t)]
        names += bool(titles)
        known.update(d.id for t in titles if (d := match_title(t)))
    return len(known) >= 3 and 2 * names >= rows


def segment(document: Document) -> Segmentation:
    seg = _Segmenter(numbers_are_final=not _looks_like_budget(document))
    for block in document.blocks:
        if isinstance(block, Grid):
            if _is_contents_grid(block):
                continue
            for row in block.rows:
                seg.row(row)
        else:
            seg.text(block)
    return Segmentation(seg.sections, seg.departments, seg.units, seg.numbers, seg.orphans)

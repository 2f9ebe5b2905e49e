"""The document outline, read once during recognition: headings, the 目录, the text lines.

The completeness rules and the narrative reader both read it; it is part of the recognized
disclosure, so a disclosure checked after travelling between processes (pickled) gives the same
findings. Line numbers are 1-based lines of ../shared/seeds.
"""

from __future__ import annotations

import pickle

import pytest

from conftest import SEED_FILES, load_disclosure
from yjsgk.check import CheckContext, check
from yjsgk.pipeline import recognize_path


def test_seed_004_outline():
    outline = load_disclosure(SEED_FILES["004"]).outline
    assert outline.format == "text"
    # the 目录 (lines 9–46) is kept apart: its entries are no parts of the body
    assert [(line.location.line, line.text) for line in outline.contents[:2]] == [
        (9, "第一部分单位概况"),
        (11, "一、部门职责"),
    ]
    assert outline.contents[-1].text == "第五部分附件"
    assert all(h.listed for h in outline.headings if h.line.location.line < 48)
    assert min(h.line.location.line for h in outline.parts()) == 48
    by_line = {h.line.location.line: h for h in outline.headings}
    detail = by_line[308]
    assert (detail.level, detail.marker, detail.title, detail.part) == (
        3,
        "(三)",
        "一般公共预算财政拨款支出决算具体情况",
        True,
    )
    # “第四部分” on line 412, its title “名词解释” on line 414: one heading
    part = by_line[412]
    assert (part.level, part.title, part.full_title, part.key, part.tail.location.line) == (
        0,
        "",
        "名词解释",
        "名词解释",
        414,
    )
    assert 414 not in by_line
    # a numbered 项 of the 具体情况 with a title longer than a part's: a heading, not a part
    item = by_line[320]
    assert (item.level, item.marker, item.part) == (4, "3、", False)
    # the part's body runs to the next heading of its level or an outer one
    body = outline.body(by_line[408])
    assert [line.location.line for line in body] == [408, 410]


@pytest.mark.parametrize(
    "name, expected",
    [
        ("000", ["complete.section", "complete.glossary"]),  # no 情况说明, no 名词解释
        ("002", ["complete.budget-variance"]),  # 2010301 left out of the 具体情况
    ],
)
def test_a_disclosure_is_checked_the_same_after_travelling_between_processes(name, expected):
    # `check --jobs N` checks in worker processes and sends the disclosure back pickled; the
    # completeness rules read the outline, which travels with it (there is no document to drop)
    disclosure = recognize_path(SEED_FILES[name])
    assert not hasattr(disclosure, "document")
    context = CheckContext.with_profile("national")
    before = [(f.rule, f.message, f.location) for f in check(disclosure, context)]
    travelled = pickle.loads(pickle.dumps(disclosure))
    after = [(f.rule, f.message, f.location) for f in check(travelled, context)]
    assert after == before
    assert [r for r, _, _ in before if r.startswith("complete.")] == expected

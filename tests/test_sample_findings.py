"""Every error finding on the real samples (../shared/samples), each verified by hand against the
rendered page (`pdftoppm -f N -l N -png FILE out`); every other sample must have none.

An entry is (rule, page, found): the figure the document prints where the finding points.
"""

from __future__ import annotations

import csv
from decimal import Decimal

import pytest

from conftest import SHARED, load_disclosure
from test_performance_samples import XIAN_ERRORS
from yjsgk.check import check

SAMPLES = SHARED / "samples"

VERIFIED_ERRORS: dict[str, list[tuple[str, int, str]]] = {
    "GovBudgetChecker/samples/good/上海市普陀区财政局2024年度部门决算.pdf": [
        # p.21: “财政拨款收入支出总计0.3万元” — 04 prints 总计 2,961.68 (p.11)
        ("narrative.amount", 21, "0.3"),
        # p.21: 一般公共服务支出（类）2106.66 “占71.73%” of 2940.05 = 71.65%
        ("narrative.share", 21, "71.73"),
    ],
    "open-budget/江苏省人民检察院/2017年省检察院部门预算.pdf": [
        # p.19: “此外，基本支出预算数为 12323.46 万元” — 01 (p.10) and 03 (p.11) print 基本支出
        # 12,323.48, as the same narrative does on p.20 (“基本支出 12323.48 万元，占 68.48 %”)
        ("narrative.amount", 19, "12323.46"),
        # p.22: 机关运行经费 6032.55, “增加 3401.59 万元，增长129.97 %” — 3401.59 ÷ 2630.96 = 129.29%
        ("narrative.growth", 22, "129.97"),
    ],
    "renwu/009_武汉/2026年武汉市信访局部门预算.pdf": [
        # p.18: “财政拨款收支总预算 18,728.91 万元” — 04 (p.9) prints 收入总计 18,728.94, and the
        # sentence's own parts 16,474.82 + 2,254.12 = 18,728.94
        ("narrative.amount", 18, "18728.91"),
    ],
    "renwu/008_杭州/2026年杭州市交通运输局部门预算.pdf": [
        # p.22: 01 prints 一般公共服务支出 6651.38 (another font) over its own 1.98 + 6,700.00 = 6,701.98
        # (04 p.28 prints 6,701.98): the 类 rows add up to 665,913.77, 本年支出合计 (p.23) 665,964.37
        ("balance.summary", 23, "665964.37"),
        # p.30: 05 合计 prints 基本支出 82,479.29 (its 人员经费 67,627.51 + 日常公用 14,902.37 =
        # 82,529.88); 06 (p.32) prints 合计 82,529.89
        ("cross.table", 32, "82529.89"),
        # p.30 (read now that 人员经费/日常公用支出 are its columns): 基本支出 小计 ≠ 人员经费 + 日常公用支出 —
        # 合计 82,479.29 vs 67,627.51 + 14,902.37 = 82,529.88; 交通运输支出 and 公路水路运输 both
        # print 51,417.49 vs 41,277.20 + 10,190.89 = 51,468.09
        ("identity.row", 30, "82479.29"),
        ("identity.row", 30, "51417.49"),
        ("identity.row", 30, "51417.49"),
    ],
    "renwu/079_湖州/2026年湖州市交通运输局部门预算.pdf": [
        # p.7: “财政拨款收支总预算192207.76 万元” (52244.36 + 139963.40, as 01 p.21 prints) — 04 (p.28–29)
        # prints 一般公共预算 35673.03, 政府性基金 7000.00, 收入总计 42673.03 although its own
        # expenditure rows add up to 192,207.76
        ("narrative.amount", 7, "192207.76"),
        # p.29: 04's 支出总计 42673.03 while its 类 rows (p.28–29) add up to 192,207.76 (交通运输支出
        # 106247.07 alone exceeds it); it prints no 本年支出合计
        ("balance.summary", 29, "42673.03"),
    ],
    "renwu/020_西安/卫生健康委员会_2026年部门预算.pdf": [
        # p.46: 全年预算数 21143.98, 执行数 21143.98, “完成预算的35%” (100%)
        ("narrative.execution", 46, "35"),
        # the 28 performance errors of its 自评表, each described in test_performance_samples
        *((rule, page, str(found)) for rule, page, _expected, found in XIAN_ERRORS),
    ],
    "renwu/040_长春/2026年长春市信访局部门预算.pdf": [
        # p.17: “2026年预算支出1682.76元” (元 for 万元; 01 prints 1,682.76 万元), and its parts
        # 1208.20 + 474.56 万元 then exceed it
        ("narrative.amount", 17, "0.168276"),
        ("narrative.parts", 17, "0.168276"),
    ],
}


def _samples():
    with (SAMPLES / "MANIFEST.tsv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if "scanned" not in row["format"]:
                yield pytest.param(row["path"], id=row["path"].rsplit("/", 1)[-1][:30])


@pytest.mark.parametrize("path", list(_samples()))
def test_error_findings_are_the_verified_ones(path):
    findings = check(load_disclosure(SAMPLES / path))
    errors = sorted(
        (f.rule, f.location.page if f.location else None, format(f.found, "f") if f.found is not None else "")
        for f in findings
        if f.severity == "error"
    )
    assert errors == sorted(
        (rule, page, format(Decimal(found), "f")) for rule, page, found in VERIFIED_ERRORS.get(path, [])
    )

"""Charts as Plotly figures (JSON), drawn in the browser by the plotly.js that the plotly wheel
ships and the application serves: nothing is fetched from elsewhere."""

from __future__ import annotations

import json
from collections import defaultdict
from decimal import Decimal

from ..store.queries import MEASURES, Result

FAMILY_LABELS = {"final": "决算", "budget": "预算"}
RANK_MEASURES = {m: MEASURES[m].label for m in MEASURES}
_LAYOUT = {
    "margin": {"l": 60, "r": 20, "t": 40, "b": 40},
    "height": 320,
    "font": {"family": "sans-serif", "size": 12},
    "legend": {"orientation": "h"},
}


def _num(value) -> float | None:
    return float(value) if isinstance(value, Decimal | int | float) else None


def _figure(data: list[dict], title: str, **layout) -> str:
    """The figure as JSON safe to put inside a <script type="application/json"> element."""
    figure = {"data": data, "layout": {**_LAYOUT, "title": {"text": title}, **layout}}
    return (
        json.dumps(figure, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    )


def department_figures(overview: Result, classes: Result) -> list[str]:
    rows = sorted((r for r in overview.rows if r.get("year")), key=lambda r: r["year"])
    figures = []
    totals = []
    for family in ("final", "budget"):
        for mid, label in (("expenditure", "支出合计"), ("income", "收入合计")):
            points = [(r["year"], _num(r.get(mid))) for r in rows if r["family"] == family and r.get(mid) is not None]
            if points:
                totals.append(
                    {
                        "type": "scatter",
                        "mode": "lines+markers",
                        "name": f"{FAMILY_LABELS[family]}{label}",
                        "x": [p[0] for p in points],
                        "y": [p[1] for p in points],
                    }
                )
    if totals:
        figures.append(_figure(totals, "收支总额（万元）", xaxis={"dtick": 1}, yaxis={"rangemode": "tozero"}))
    for family in ("final", "budget"):
        these = [r for r in rows if r["family"] == family]
        bars = [
            {"type": "bar", "name": label, "x": [r["year"] for r in these], "y": [_num(r.get(mid)) for r in these]}
            for mid, label in (("basic", "基本支出"), ("project", "项目支出"))
            if any(r.get(mid) is not None for r in these)
        ]
        if bars:
            figures.append(
                _figure(
                    bars, f"基本支出与项目支出（{FAMILY_LABELS[family]}，万元）", barmode="stack", xaxis={"dtick": 1}
                )
            )
    parts = (
        ("three_public_abroad", "因公出国（境）费"),
        ("three_public_vehicle", "公务用车购置及运行费"),
        ("three_public_reception", "公务接待费"),
    )
    for family in ("final", "budget"):
        these = [r for r in rows if r["family"] == family]
        bars = [
            {"type": "bar", "name": label, "x": [r["year"] for r in these], "y": [_num(r.get(mid)) for r in these]}
            for mid, label in parts
            if any(r.get(mid) is not None for r in these)
        ]
        if bars:
            figures.append(
                _figure(bars, f"“三公”经费（{FAMILY_LABELS[family]}，万元）", barmode="stack", xaxis={"dtick": 1})
            )
    by_class: dict[str, dict[int, float]] = defaultdict(dict)
    names: dict[str, str] = {}
    family = "final" if any(r["family"] == "final" for r in classes.rows) else "budget"
    for r in classes.rows:
        code = str(r.get("code") or "")
        if r["family"] != family or len(code) != 3 or r.get("total") is None:
            continue
        by_class[code][r["year"]] = _num(r["total"]) or 0.0
        names.setdefault(code, r.get("name") or code)
    if by_class:
        years = sorted({y for v in by_class.values() for y in v})
        bars = [
            {"type": "bar", "name": f"{code} {names[code]}", "x": years, "y": [by_class[code].get(y) for y in years]}
            for code in sorted(by_class)
        ]
        figures.append(
            _figure(
                bars,
                f"支出功能分类（类，{FAMILY_LABELS[family]}，万元）",
                barmode="stack",
                xaxis={"dtick": 1},
                height=420,
            )
        )
    return figures


SEVERITY_COLORS = {"error": ("错误", "#c62828"), "warning": ("警告", "#b26a00"), "notice": ("提示", "#90a4ae")}


def rule_figure(result: Result) -> str | None:
    """Findings per rule, stacked by severity, the rule with the most at the top."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for r in result.rows:
        counts[r["rule"]][r.get("severity") or "notice"] += int(r.get("count") or 0)
    if not counts:
        return None
    rules = sorted(counts, key=lambda rule: sum(counts[rule].values()))
    data = [
        {
            "type": "bar",
            "orientation": "h",
            "name": label,
            "marker": {"color": color},
            "x": [counts[rule].get(severity, 0) for rule in rules],
            "y": rules,
        }
        for severity, (label, color) in SEVERITY_COLORS.items()
        if any(counts[rule].get(severity) for rule in rules)
    ]
    return _figure(
        data,
        "各规则发现的问题数",
        barmode="stack",
        height=max(300, 22 * len(rules) + 100),
        margin={"l": 260, "r": 20, "t": 40, "b": 40},
    )


def rank_figure(result: Result) -> str | None:
    rows = [r for r in result.rows if r.get("amount") is not None][:40]
    if not rows:
        return None
    rows.reverse()
    data = [
        {
            "type": "bar",
            "orientation": "h",
            "x": [_num(r["amount"]) for r in rows],
            "y": [r["department"] for r in rows],
        }
    ]
    return _figure(
        data, result.title, height=max(300, 22 * len(rows) + 80), margin={"l": 320, "r": 20, "t": 40, "b": 40}
    )

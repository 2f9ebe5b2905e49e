"""Fiscal Data Package (Frictionless, FDP 1.0): `datapackage.json` + `budget-lines.csv`.

One CSV row per amount of a coded row (类/款/项 of the function classification, or the economic
classification of the basic-expenditure tables) in the expenditure tables of budget and final
documents. Totals rows are left out (they are sums of the coded rows); all levels of the code
hierarchy are kept, so sum one level at a time (`function_level` = 类, 款 or 项).

Measures: `budget` (phase "approved": amounts of 部门预算 documents) and `final` (phase
"executed": amounts of 部门决算 documents), CNY, in 万元 (factor 10000; tables printed in 元
are converted exactly). Each row fills exactly one of them.

Dimensions: `date` (year), `administrative` (department, region, level), `function`
(支出功能分类 code, name, level), `economic` (支出经济分类 code, name, level), `fund` (the funds
the table covers: all funds, 一般公共预算, 政府性基金, 国有资本经营), `spending` (合计, 基本支出,
项目支出, 人员经费, …) and `source` (the standard table).

`validate_datapackage(folder)` checks it with the frictionless library: the data against the
table schema (frictionless `validate`), the descriptor against the FDP model rules (frictionless
metadata validation with the JSON schema below) and that every model attribute names a field.
"""

from __future__ import annotations

import csv as _csv
import json
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path

from ..model import LEVEL_BY_LENGTH
from ..records import UNIT_FACTORS, Bundle

RESOURCE = "budget-lines"
DATA_FILE = f"{RESOURCE}.csv"

# standard table → (classification of its codes, fund, {column → spending type})
TABLES: dict[str, tuple[str, str, dict[str, str]]] = {
    "final.expenditure": (
        "function",
        "all",
        {c: c for c in ("total", "basic", "project", "to_higher", "operating", "to_subordinate")},
    ),
    "final.general_budget_expenditure": ("function", "general_budget", {c: c for c in ("total", "basic", "project")}),
    "final.general_budget_basic": ("economic", "general_budget", {"amount": "basic"}),
    "final.gov_fund": (
        "function",
        "gov_fund",
        {"expenditure_total": "total", "expenditure_basic": "basic", "expenditure_project": "project"},
    ),
    "final.state_capital": ("function", "state_capital", {c: c for c in ("total", "basic", "project")}),
    "budget.expenditure": (
        "function",
        "all",
        {c: c for c in ("total", "basic", "project", "operating", "to_subordinate", "to_higher")},
    ),
    "budget.general_budget_expenditure": ("function", "general_budget", {c: c for c in ("total", "basic", "project")}),
    "budget.general_budget_basic": (
        "economic",
        "general_budget",
        {"total": "basic", "personnel": "personnel", "public": "public"},
    ),
    "budget.gov_fund": ("function", "gov_fund", {c: c for c in ("total", "basic", "project")}),
    "budget.state_capital": ("function", "state_capital", {c: c for c in ("total", "basic", "project")}),
}
FUND_LABELS = {
    "all": "全部资金",
    "general_budget": "一般公共预算财政拨款",
    "gov_fund": "政府性基金预算财政拨款",
    "state_capital": "国有资本经营预算财政拨款",
}
SPENDING_LABELS = {
    "total": "合计",
    "basic": "基本支出",
    "project": "项目支出",
    "to_higher": "上缴上级支出",
    "operating": "经营支出",
    "to_subordinate": "对附属单位补助支出",
    "personnel": "人员经费",
    "public": "公用经费",
}
PHASES = {"budget": "approved", "final": "executed"}

FIELDS: list[dict] = [
    {"name": "year", "type": "integer", "title": "年度", "constraints": {"required": True}},
    {"name": "department", "type": "string", "title": "部门", "constraints": {"required": True}},
    {"name": "region", "type": "string", "title": "地区"},
    {"name": "admin_level", "type": "string", "title": "层级"},
    {"name": "function_code", "type": "string", "title": "支出功能分类科目编码"},
    {"name": "function_name", "type": "string", "title": "支出功能分类科目名称"},
    {"name": "function_level", "type": "string", "title": "功能分类级次", "constraints": {"enum": ["类", "款", "项"]}},
    {"name": "economic_code", "type": "string", "title": "支出经济分类科目编码"},
    {"name": "economic_name", "type": "string", "title": "支出经济分类科目名称"},
    {"name": "economic_level", "type": "string", "title": "经济分类级次", "constraints": {"enum": ["类", "款", "项"]}},
    {
        "name": "fund",
        "type": "string",
        "title": "资金来源",
        "constraints": {"required": True, "enum": list(FUND_LABELS)},
    },
    {"name": "fund_label", "type": "string", "title": "资金来源（中文）"},
    {
        "name": "spending",
        "type": "string",
        "title": "支出类型",
        "constraints": {"required": True, "enum": list(SPENDING_LABELS)},
    },
    {"name": "spending_label", "type": "string", "title": "支出类型（中文）"},
    {"name": "table", "type": "string", "title": "来源表", "constraints": {"required": True}},
    {"name": "table_title", "type": "string", "title": "来源表名"},
    {"name": "document", "type": "string", "title": "来源文件"},
    {"name": "budget", "type": "number", "title": "预算数（万元）"},
    {"name": "final", "type": "number", "title": "决算数（万元）"},
]

MODEL = {
    "measures": {
        "budget": {
            "source": "budget",
            "currency": "CNY",
            "factor": 10000,
            "direction": "expenditure",
            "phase": "approved",
        },
        "final": {
            "source": "final",
            "currency": "CNY",
            "factor": 10000,
            "direction": "expenditure",
            "phase": "executed",
        },
    },
    "dimensions": {
        "date": {
            "dimensionType": "datetime",
            "primaryKey": ["year"],
            "attributes": {"year": {"source": "year"}},
        },
        "administrative": {
            "dimensionType": "classification",
            "classificationType": "administrative",
            "primaryKey": ["department"],
            "attributes": {
                "department": {"source": "department"},
                "region": {"source": "region"},
                "level": {"source": "admin_level"},
            },
        },
        "function": {
            "dimensionType": "classification",
            "classificationType": "functional",
            "primaryKey": ["code"],
            "attributes": {
                "code": {"source": "function_code"},
                "name": {"source": "function_name", "labelfor": "code"},
                "level": {"source": "function_level"},
            },
        },
        "economic": {
            "dimensionType": "classification",
            "classificationType": "economic",
            "primaryKey": ["code"],
            "attributes": {
                "code": {"source": "economic_code"},
                "name": {"source": "economic_name", "labelfor": "code"},
                "level": {"source": "economic_level"},
            },
        },
        "fund": {
            "dimensionType": "other",
            "primaryKey": ["fund"],
            "attributes": {"fund": {"source": "fund"}, "label": {"source": "fund_label", "labelfor": "fund"}},
        },
        "spending": {
            "dimensionType": "other",
            "primaryKey": ["spending"],
            "attributes": {
                "spending": {"source": "spending"},
                "label": {"source": "spending_label", "labelfor": "spending"},
            },
        },
        "source": {
            "dimensionType": "other",
            "primaryKey": ["table", "document"],
            "attributes": {
                "table": {"source": "table"},
                "title": {"source": "table_title", "labelfor": "table"},
                "document": {"source": "document"},
            },
        },
    },
}

# The FDP 1.0 rules for a descriptor (profile tabular-data-package, a `model` of measures and
# dimensions), as a JSON schema frictionless validates against, offline.
FDP_SCHEMA = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "title": "Fiscal Data Package 1.0 (descriptor and model)",
    "type": "object",
    "required": ["name", "resources", "model", "profile"],
    "properties": {
        "profile": {"enum": ["tabular-data-package"]},
        "name": {"type": "string", "pattern": "^([-a-z0-9._/])+$"},
        "countryCode": {"type": "string", "pattern": "^[A-Z]{2}$"},
        "granularity": {"enum": ["aggregated", "transactional"]},
        "resources": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["name", "path", "schema", "profile"],
                "properties": {"profile": {"enum": ["tabular-data-resource"]}},
            },
        },
        "model": {
            "type": "object",
            "required": ["measures", "dimensions"],
            "properties": {
                "measures": {
                    "type": "object",
                    "minProperties": 1,
                    "patternProperties": {
                        "^\\w+$": {
                            "type": "object",
                            "required": ["source", "currency"],
                            "properties": {
                                "source": {"type": "string"},
                                "resource": {"type": "string"},
                                "currency": {"type": "string", "pattern": "^[A-Z]{3}$"},
                                "factor": {"type": "number"},
                                "direction": {"enum": ["expenditure", "revenue"]},
                                "phase": {"enum": ["proposed", "approved", "adjusted", "executed"]},
                            },
                        }
                    },
                    "additionalProperties": False,
                },
                "dimensions": {
                    "type": "object",
                    "minProperties": 1,
                    "patternProperties": {
                        "^\\w+$": {
                            "type": "object",
                            "required": ["attributes", "primaryKey"],
                            "properties": {
                                "attributes": {
                                    "type": "object",
                                    "minProperties": 1,
                                    "patternProperties": {
                                        "^\\w+$": {
                                            "type": "object",
                                            "anyOf": [{"required": ["source"]}, {"required": ["constant"]}],
                                            "properties": {
                                                "source": {"type": "string"},
                                                "resource": {"type": "string"},
                                                "constant": {"type": ["string", "number"]},
                                                "parent": {"type": "string"},
                                                "labelfor": {"type": "string"},
                                            },
                                        }
                                    },
                                    "additionalProperties": False,
                                },
                                "primaryKey": {
                                    "oneOf": [
                                        {"type": "string"},
                                        {"type": "array", "minItems": 1, "items": {"type": "string"}},
                                    ]
                                },
                                "dimensionType": {
                                    "enum": [
                                        "datetime",
                                        "entity",
                                        "classification",
                                        "activity",
                                        "fact",
                                        "location",
                                        "other",
                                    ]
                                },
                                "classificationType": {"enum": ["functional", "administrative", "economic"]},
                            },
                        }
                    },
                    "additionalProperties": False,
                },
            },
        },
    },
}


def budget_lines(bundles: Iterable[Bundle], skipped: dict | None = None) -> Iterable[dict]:
    """The CSV rows. `skipped` (if given) counts what was left out and why."""
    for b in bundles:
        d = b.disclosure
        phase_field = b.meta.get("family")
        if phase_field not in PHASES or d.year is None:
            if skipped is not None:
                skipped["not a budget/final document with a year"] = (
                    skipped.get("not a budget/final document with a year", 0) + 1
                )
            continue
        department = b.meta.get("department") or d.department or ""
        for t in d.tables:
            spec = TABLES.get(t.id)
            if spec is None:
                continue
            classification, fund, columns = spec
            unit = t.unit or d.unit
            factor = UNIT_FACTORS.get(unit or "")
            if factor is None:
                if skipped is not None:
                    skipped[f"unknown unit ({unit})"] = skipped.get(f"unknown unit ({unit})", 0) + 1
                continue
            for r in t.rows:
                if not r.code:
                    continue
                level = LEVEL_BY_LENGTH.get(len(r.code))
                for column in t.columns:
                    spending = columns.get(column)
                    value = r.values.get(column)
                    if spending is None or value is None:
                        continue
                    amount = value.amount * factor
                    yield {
                        "year": d.year,
                        "department": department,
                        "region": b.meta.get("region"),
                        "admin_level": b.meta.get("level"),
                        "function_code": r.code if classification == "function" else None,
                        "function_name": r.name if classification == "function" else None,
                        "function_level": level if classification == "function" else None,
                        "economic_code": r.code if classification == "economic" else None,
                        "economic_name": r.name if classification == "economic" else None,
                        "economic_level": level if classification == "economic" else None,
                        "fund": fund,
                        "fund_label": FUND_LABELS[fund],
                        "spending": spending,
                        "spending_label": SPENDING_LABELS[spending],
                        "table": t.id,
                        "table_title": t.display_name,
                        "document": b.meta.get("filename") or Path(d.source).name,
                        "budget": amount if phase_field == "budget" else None,
                        "final": amount if phase_field == "final" else None,
                    }


def descriptor(title: str = "部门预决算公开：支出明细") -> dict:
    return {
        "profile": "tabular-data-package",
        "name": "yjsgk-budget-lines",
        "title": title,
        "description": (
            "Expenditure by classification code from Chinese departmental budget (部门预算) and "
            "final-account (部门决算) disclosures, read and checked by yjsgk. Amounts in 万元 "
            "(factor 10000 CNY); every level of the code hierarchy is present, so sum one level at a time."
        ),
        "countryCode": "CN",
        "granularity": "aggregated",
        "resources": [
            {
                "name": RESOURCE,
                "path": DATA_FILE,
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {"fields": FIELDS, "missingValues": [""]},
            }
        ],
        "model": MODEL,
    }


def write_datapackage(bundles: Iterable[Bundle], folder: str | Path, *, title: str | None = None) -> Path:
    """Write `datapackage.json` and the data into `folder`; returns the descriptor's path."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    names = [f["name"] for f in FIELDS]
    with (folder / DATA_FILE).open("w", encoding="utf-8", newline="") as handle:
        writer = _csv.writer(handle, lineterminator="\n")
        writer.writerow(names)
        for record in budget_lines(bundles):
            writer.writerow(["" if record[n] is None else _text(record[n]) for n in names])
    path = folder / "datapackage.json"
    path.write_text(
        json.dumps(descriptor(title) if title else descriptor(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return path


def _text(value) -> str:
    return format(value, "f") if isinstance(value, Decimal) else str(value)


def validate_datapackage(path: str | Path) -> list[str]:
    """Problems found by frictionless (data and table schema, FDP model rules, model ↔ fields);
    an empty list means the package is valid."""
    import frictionless
    from frictionless import Package

    path = Path(path)
    if path.is_dir():
        path = path / "datapackage.json"
    problems: list[str] = []
    report = frictionless.validate(str(path))
    if not report.valid:
        for task in report.tasks:
            for error in task.errors:
                problems.append(f"{task.name}: {error.type}: {error.message}")
        for error in report.errors:
            problems.append(f"package: {error.type}: {error.message}")
    data = json.loads(path.read_text(encoding="utf-8"))
    # the generic metadata validation (a JSON schema as profile), as Package itself uses it. The
    # ignore: mypy binds two-argument super() on a class to Package's own override (no profile);
    # at run time it is Metadata.metadata_validate, which takes one
    for error in super(Package, Package).metadata_validate(data, profile=FDP_SCHEMA):  # type: ignore[call-arg]
        problems.append(f"fiscal-data-package: {error.message}")
    problems.extend(_model_problems(data))
    return problems


def _model_problems(data: dict) -> list[str]:
    fields: dict[str, str] = {}
    for resource in data.get("resources", []):
        schema = resource.get("schema") or {}
        for f in schema.get("fields", []) if isinstance(schema, dict) else []:
            fields[f.get("name")] = f.get("type", "string")
    model = data.get("model") or {}
    out = []
    for name, m in (model.get("measures") or {}).items():
        source = m.get("source")
        if source not in fields:
            out.append(f"model: measure {name} names field {source!r}, which no resource has")
        elif fields[source] not in ("number", "integer"):
            out.append(f"model: measure {name} field {source!r} is {fields[source]}, not a number")
    for name, dim in (model.get("dimensions") or {}).items():
        attributes = dim.get("attributes") or {}
        for attr, spec in attributes.items():
            if "source" in spec and spec["source"] not in fields:
                out.append(f"model: dimension {name}.{attr} names field {spec['source']!r}, which no resource has")
            if "labelfor" in spec and spec["labelfor"] not in attributes:
                out.append(f"model: dimension {name}.{attr} is a label for {spec['labelfor']!r}, not an attribute")
        keys = dim.get("primaryKey")
        for key in [keys] if isinstance(keys, str) else keys or []:
            if key not in attributes:
                out.append(f"model: dimension {name} primaryKey {key!r} is not one of its attributes")
    return out

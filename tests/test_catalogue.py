"""The rule catalogue as a product feature: listing, explaining, reference, config, baseline."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from conftest import EXAMPLES, ROOT, SEED_FILES
from conftest import run_cli as run
from yjsgk.baseline import apply_baseline, document_hash, read_baseline, write_baseline
from yjsgk.check import RULES, CheckContext, check
from yjsgk.check.cases import example
from yjsgk.check.findings import SEVERITIES
from yjsgk.config import ConfigError, load_config, parse_config
from yjsgk.pipeline import load
from yjsgk.report.rules_report import reference_markdown

SAMPLE = EXAMPLES / "sample_final_accounts.txt"


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_every_rule_is_documented(rule_id):
    rule = RULES[rule_id]
    assert rule.id == rule_id
    assert rule.title.strip()
    assert example(rule_id) is not None  # the example is generated: the rule's finding on its bad case
    assert rule.severity in SEVERITIES
    assert len(rule.rationale.split()) >= 5
    assert rule.kinds


def test_rules_lists_every_rule():
    listing = run("rules").stdout.splitlines()
    assert sorted(line.split()[0] for line in listing) == sorted(RULES)
    assert any(
        line.startswith("sum.hierarchy") and "error" in line and "类、款等于下级科目之和" in line for line in listing
    )


def test_rules_explains_one_rule():
    result = run("rules", "identity.row")
    assert result.returncode == 0
    assert result.stdout.startswith("identity.row  行内合计等于各分项之和\n级别 severity: error（错误）")
    assert "示例 example:" in result.stdout
    unknown = run("rules", "no.such-rule")
    assert unknown.returncode == 2 and "没有编号为 no.such-rule 的规则" in unknown.stderr


def test_generated_reference_covers_every_rule_and_is_current():
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == reference_markdown(), "regenerate: yjsgk rules --format markdown > docs/rules.md"
    for rule_id in RULES:
        assert f"\n## {rule_id}\n" in committed
    assert "docs/rules.md" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_config_file_selects_ignores_and_overrides(tmp_path):
    (tmp_path / "yjsgk.toml").write_text(
        'ignore = ["name."]\n[severity]\n"format.number" = "error"\n', encoding="utf-8"
    )
    config = load_config(start=tmp_path)
    assert config.ignore == ["name."] and config.severity == {"format.number": "error"}
    _, findings = load(SAMPLE, config)
    assert not any(f.rule.startswith("name.") for f in findings)
    comma = next(f for f in findings if f.rule == "format.number")
    assert comma.severity == "error" and comma.found == Decimal("36.50")


def test_config_in_pyproject_and_cli_flags_add_to_it(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.yjsgk]\nselect = ["sum."]\n', encoding="utf-8")
    result = run("check", "--format", "json", "--select", "format.", str(SAMPLE), cwd=tmp_path)
    rules = {f["rule"] for f in json.loads(result.stdout)["documents"][0]["findings"]}
    assert rules == {"sum.hierarchy", "format.number"}


def test_rounding_policy():
    disclosure = load(SAMPLE)[0]
    default = [f for f in check(disclosure) if f.rule == "sum.hierarchy" and f.table == "final.general_budget_basic"]
    assert [(f.severity, f.difference) for f in default] == [("notice", Decimal("-0.01"))]
    strict = [
        f
        for f in check(disclosure, CheckContext(rounding_multiplier=Decimal(0)))
        if f.rule == "sum.hierarchy" and f.table == "final.general_budget_basic"
    ]
    assert [(f.severity, f.difference) for f in strict] == [("error", Decimal("-0.01"))]
    assert parse_config({"rounding": {"policy": "strict"}}).rounding_multiplier == 0
    assert parse_config({"rounding": {"policy": "scaled", "factor": 2}}).rounding_multiplier == 2


@pytest.mark.parametrize(
    "data, message",
    [
        ({"select": ["nope."]}, "没有编号或前缀为 nope. 的规则"),
        ({"severity": {"sum.hierarchy": "fatal"}}, "级别应为 error/warning/notice"),
        ({"rounding": {"policy": "lenient"}}, "rounding.policy 应为"),
        ({"colour": True}, "未知的配置项：colour"),
    ],
)
def test_bad_config_is_a_clear_error(data, message):
    with pytest.raises(ConfigError, match=message):
        parse_config(data)


def test_baseline_suppresses_exactly_what_it_lists(tmp_path):
    disclosure, findings = load(SAMPLE)
    accepted = [f for f in findings if f.rule == "identity.row"]
    path = tmp_path / "baseline.json"
    assert write_baseline(path, [(document_hash(SAMPLE), accepted)]) == len(accepted) == 3
    kept, hidden = apply_baseline(load(SAMPLE)[1], read_baseline(path), document_hash(SAMPLE))
    assert hidden == 3
    assert [f.rule for f in kept] == [f.rule for f in findings if f.rule != "identity.row"]
    # the same findings in another document are not suppressed: the key names the document
    other = load(SEED_FILES["002"])[1]
    assert apply_baseline(other, read_baseline(path), document_hash(SEED_FILES["002"]))[1] == 0


def test_baseline_from_the_command_line(tmp_path):
    base = tmp_path / "b.json"
    written = run("check", "--write-baseline", str(base), str(SAMPLE))
    assert written.returncode == 0 and "条问题写入基线" in written.stderr
    entries = json.loads(base.read_text(encoding="utf-8"))["accepted"]
    # 6 errors, 2 warnings and 1 notice of the tables, and 2 completeness warnings (national profile)
    assert len({e["fingerprint"] for e in entries}) == len(entries) == 11
    again = run("check", "--baseline", str(base), str(SAMPLE))
    assert again.returncode == 0 and "未发现问题" in again.stdout
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    bad = run("check", "--baseline", str(broken), str(SAMPLE))
    assert bad.returncode == 2 and "基线文件格式不正确" in bad.stderr

"""Configuration from `yjsgk.toml` or `[tool.yjsgk]` in `pyproject.toml`, nearest first.

```toml
select = ["sum.", "cross."]        # rule ids or prefixes to run (default: all); "sum.,cross." too
ignore = ["name.same-code"]
baseline = "yjsgk-baseline.json"   # accepted findings, suppressed on the next run
profile = "hunan"                  # compliance profile ("national", "hunan" or one of [profiles]):
                                   # turns on the complete.* and code.* rules
[severity]                         # per-rule overrides
"format.number" = "error"
[rounding]
policy = "bound"                   # "bound" (half unit × figures), "strict" (none), "scaled"
factor = 2                         # with "scaled": the bound multiplied by this
[grades]                           # performance grades when a document states no scale
"优秀" = 90                         # label = the lowest total score of its band
"良好" = 80                         # (default: 优 90, 良 80, 中 60, 差 0)
"合格" = 60
"不合格" = 0
[profiles.my-province]             # a profile of your own, same keys as data/requirements.toml
extends = "national"
drop = ["section:budget.fiscal"]
```
Command-line flags add to (select, ignore) or replace (baseline) what the file says.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from .check.findings import SEVERITIES
from .check.profiles import ProfileError, load_profile
from .check.registry import RULES, canonical
from .errors import YjsgkError

DEFAULT_PROFILE = "national"
NO_PROFILE = "none"
POLICIES = ("bound", "strict", "scaled")


class ConfigError(YjsgkError):
    pass


@dataclass(slots=True)
class Config:
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    rounding_policy: str = "bound"
    rounding_factor: Decimal = Decimal(1)
    baseline: Path | None = None
    # compliance profile the complete.* and code.* rules run under; "none" turns them off; None (not
    # chosen): DEFAULT_PROFILE, each document checked under the template family it follows
    profile: str | None = None
    profiles: dict = field(default_factory=dict)  # profiles defined in the file
    source: Path | None = None
    grades: dict[str, Decimal] = field(default_factory=dict)  # label → lowest score; empty: the default scale

    @property
    def rounding_multiplier(self) -> Decimal:
        return {"bound": Decimal(1), "strict": Decimal(0), "scaled": self.rounding_factor}[self.rounding_policy]


def find_config(start: Path) -> tuple[Path, dict] | None:
    for folder in [start, *start.parents]:
        own = folder / "yjsgk.toml"
        if own.is_file():
            return own, _load(own)
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            data = _load(pyproject).get("tool", {}).get("yjsgk")
            if data is not None:
                return pyproject, data
    return None


def _load(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: 配置文件无法读取：{exc}") from exc


def load_config(explicit: Path | None = None, start: Path | None = None) -> Config:
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigError(f"{explicit}: 配置文件不存在")
        data = _load(explicit)
        if explicit.name == "pyproject.toml":
            data = data.get("tool", {}).get("yjsgk", {})
        return parse_config(data, explicit)
    found = find_config((start or Path.cwd()).resolve())
    if found is None:
        return Config()
    return parse_config(found[1], found[0])


def parse_config(data: dict, source: Path | None = None) -> Config:
    where = f"{source}: " if source else ""
    known = {"select", "ignore", "severity", "rounding", "baseline", "grades", "profile", "profiles"}
    unknown = set(data) - known
    if unknown:
        raise ConfigError(f"{where}未知的配置项：{', '.join(sorted(unknown))}")
    config = Config(source=source)
    for name in ("select", "ignore"):
        values = data.get(name, [])
        if isinstance(values, str):
            values = [values]
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise ConfigError(f"{where}{name} 应为规则编号列表")
        setattr(config, name, rule_list(values, where, name))
    severity = data.get("severity", {})
    for rule_id, level in severity.items():
        _check_rule_ids([rule_id], where)
        if level not in SEVERITIES:
            raise ConfigError(f"{where}规则 {rule_id} 的级别应为 {'/'.join(SEVERITIES)}，而不是 {level}")
    config.severity = dict(severity)
    rounding = data.get("rounding", {})
    policy = rounding.get("policy", "bound")
    if policy not in POLICIES:
        raise ConfigError(f"{where}rounding.policy 应为 {'/'.join(POLICIES)}")
    config.rounding_policy = policy
    config.rounding_factor = Decimal(str(rounding.get("factor", 1)))
    config.grades = _grades(data.get("grades", {}), where)
    profiles = data.get("profiles", {})
    if not isinstance(profiles, dict) or not all(isinstance(v, dict) for v in profiles.values()):
        raise ConfigError(f"{where}profiles 应为 [profiles.名称] 表")
    config.profiles = dict(profiles)
    if "profile" in data:
        name = data["profile"]
        if not isinstance(name, str):
            raise ConfigError(f"{where}profile 应为配置档名称")
        try:
            if name != NO_PROFILE:
                load_profile(name, config.profiles)
        except ProfileError as exc:
            raise ConfigError(f"{where}{exc}") from exc
        config.profile = name
    if "baseline" in data:
        base = Path(data["baseline"])
        config.baseline = base if base.is_absolute() or source is None else source.parent / base
    return config


def _grades(data: object, where: str) -> dict[str, Decimal]:
    """`[grades]`: performance grade label → the lowest total score of its band."""
    if not isinstance(data, dict):
        raise ConfigError(f'{where}grades 应为“等级 = 最低分”的表，如 "优" = 90')
    out: dict[str, Decimal] = {}
    for label, lower in data.items():
        if isinstance(lower, bool) or not isinstance(lower, (int, float)) or not 0 <= lower <= 100:
            raise ConfigError(f"{where}grades.{label} 应为 0 到 100 之间的分数，而不是 {lower!r}")
        out[str(label)] = Decimal(str(lower))
    if out and (len(out) < 2 or len(set(out.values())) != len(out)):
        raise ConfigError(f"{where}grades 至少需要两个等级，且各等级的最低分不能相同")
    return out


def rule_list(values: list[str], where: str = "", name: str = "select") -> list[str]:
    """Rule ids or prefixes as given, comma lists split ("sum.,identity."); an unknown one is an error."""
    out = [part.strip() for value in values for part in value.split(",") if part.strip()]
    if values and not out:
        raise ConfigError(f"{where}{name} 需要规则编号或前缀，如 sum. 或 identity.row")
    _check_rule_ids(out, where)
    return out


def _check_rule_ids(values: list[str], where: str) -> None:
    for value in values:
        if not any(rule_id.startswith(canonical(value)) for rule_id in RULES):
            raise ConfigError(f"{where}没有编号或前缀为 {value} 的规则（yjsgk rules 列出全部规则）")

"""The one explicit context a check runs in: everything a rule may depend on besides the disclosure.

Built once per run from the configuration (`CheckContext.from_config`) and passed to every rule,
so no rule reads global or context-local state.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from ..performance.grades import Grading, default_scale, scale_from_mapping
from .profiles import Profile, load_profile

if TYPE_CHECKING:
    from ..config import Config


@dataclass(frozen=True, slots=True)
class CheckContext:
    # the compliance profile the complete.* and code.* rules run under; None turns them off
    profile: Profile | None = None
    # 绩效自评 grades for documents that state no scale of their own
    grading: Grading = field(default_factory=default_scale)
    # the rounding policy: 1 = the bound (half a unit × figures), 0 = strict, k = k times the bound
    rounding_multiplier: Decimal = Decimal(1)
    # list what could not be linked (narrative.unlinked)
    verbose: bool = False

    @classmethod
    def from_config(cls, config: Config, *, verbose: bool = False) -> CheckContext:
        from ..config import NO_PROFILE

        profile = None if config.profile == NO_PROFILE else load_profile(config.profile, config.profiles)
        return cls(
            profile=profile,
            grading=scale_from_mapping(config.grades) if config.grades else default_scale(),
            rounding_multiplier=config.rounding_multiplier,
            verbose=verbose,
        )

    @classmethod
    def with_profile(cls, name: str, custom: Mapping | None = None, **kw) -> CheckContext:
        return cls(profile=load_profile(name, dict(custom or {})), **kw)

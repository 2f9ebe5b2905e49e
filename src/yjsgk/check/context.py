"""The one explicit context a check runs in: everything a rule may depend on besides the disclosure.

Built once per run from the configuration (`CheckContext.from_config`) and passed to every rule,
so no rule reads global or context-local state.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from ..performance.grades import Grading, default_scale, scale_from_mapping
from .profiles import DEFAULT_PROFILE, Profile, builtin_profile, load_profile

if TYPE_CHECKING:
    from ..config import Config
    from ..model import Disclosure


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
    # the profile was not chosen: each document is checked under the template family it follows
    # (recognize/family.py), and under `profile` with notices only when no family is recognized
    by_family: bool = False
    # the related documents a disclosure is read with (`check FILE --with OTHER…`, `check --db`):
    # other years, the budget of a final account, another printing of the same one. The
    # cross.year.* and cross.document.* rules pair them with it (check/rules/cross.py); empty, they
    # say nothing
    neighbours: tuple[Disclosure, ...] = ()

    def with_neighbours(self, neighbours: Iterable[Disclosure]) -> CheckContext:
        """The same context with these related documents (the disclosure itself is skipped by the rules)."""
        return dataclasses.replace(self, neighbours=tuple(neighbours))

    def profile_for(self, disclosure: Disclosure) -> tuple[Profile | None, bool]:
        """(the profile to check the document under, whether its findings can be warnings).

        A chosen profile applies as asked. Without one, the document's template family applies
        when it was recognized for sure; otherwise the default profile, whose findings are then
        notices (the document may follow a template this checker does not know).
        """
        if not self.by_family or self.profile is None:
            return self.profile, True
        family = disclosure.template_family
        if family is None or not family.sure:
            return self.profile, False
        return builtin_profile(family.name), True

    @classmethod
    def from_config(cls, config: Config, *, verbose: bool = False) -> CheckContext:
        from ..config import NO_PROFILE

        name = config.profile or DEFAULT_PROFILE
        profile = None if name == NO_PROFILE else load_profile(name, config.profiles)
        return cls(
            profile=profile,
            by_family=config.profile is None,
            grading=scale_from_mapping(config.grades) if config.grades else default_scale(),
            rounding_multiplier=config.rounding_multiplier,
            verbose=verbose,
        )

    @classmethod
    def with_profile(cls, name: str, custom: Mapping | None = None, **kw) -> CheckContext:
        return cls(profile=load_profile(name, dict(custom or {})), **kw)

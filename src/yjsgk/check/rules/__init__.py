"""Importing this package registers every rule in `registry.RULES`."""

from . import (  # noqa: F401
    codes,
    completeness,
    cross,
    crosstable,
    execution_basis,
    narrative,
    performance,
    performance_funds,
    presentation,
    recognition,
    summary,
    sums,
    text,
)

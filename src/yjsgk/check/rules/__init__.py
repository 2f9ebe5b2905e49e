"""Importing this package registers every rule in `registry.RULES`."""

from . import codes, completeness, cross, crosstable, narrative, performance, presentation, recognition, summary, sums  # noqa: F401

"""Importing this package registers every rule in `registry.RULES`."""

from . import codes, completeness, crosstable, narrative, performance, presentation, recognition, summary, sums, text  # noqa: F401

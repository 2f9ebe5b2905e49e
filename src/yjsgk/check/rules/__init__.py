"""Importing this package registers every rule in `registry.RULES`."""

from . import crosstable, presentation, recognition, summary, sums  # noqa: F401

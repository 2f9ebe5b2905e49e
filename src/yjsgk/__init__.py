"""yjsgk: read, recognize and audit Chinese budget and final-account disclosures (预决算公开)."""

__version__ = "0.1.0"

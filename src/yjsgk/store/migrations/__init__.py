"""Alembic migrations of the corpus schema (applied automatically when a store is opened)."""

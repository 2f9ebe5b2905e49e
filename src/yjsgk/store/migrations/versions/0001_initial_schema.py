"""Corpus schema: departments, documents, tables, rows, line items, claims, findings

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-21
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import yjsgk.store.types

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "departments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("region", sa.String(length=100), nullable=True),
        sa.Column("level", sa.String(length=8), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_departments")),
        sa.UniqueConstraint("name", name=op.f("uq_departments_name")),
    )
    op.create_index(op.f("ix_departments_region"), "departments", ["region"], unique=False)

    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=True),
        sa.Column("department_printed", sa.String(length=300), nullable=True),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("family", sa.String(length=16), nullable=False),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("unit", sa.String(length=32), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("format", sa.String(length=16), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("errors", sa.Integer(), nullable=False),
        sa.Column("warnings", sa.Integer(), nullable=False),
        sa.Column("notices", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["department_id"], ["departments.id"], name=op.f("fk_documents_department_id_departments")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
        sa.UniqueConstraint("content_hash", name=op.f("uq_documents_content_hash")),
        sa.UniqueConstraint(
            "department_id", "year", "family", "version", name=op.f("uq_documents_department_id_year_family_version")
        ),
    )
    op.create_index(op.f("ix_documents_year_family"), "documents", ["year", "family"], unique=False)

    op.create_table(
        "narrative_claims",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=True),
        sa.Column("subject", sa.String(length=64), nullable=True),
        sa.Column("value", sa.String(length=64), nullable=True),
        sa.Column("unit", sa.String(length=16), nullable=True),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("line", sa.Integer(), nullable=True),
        sa.Column("page", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_narrative_claims_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_narrative_claims")),
    )
    op.create_index(op.f("ix_narrative_claims_document_id"), "narrative_claims", ["document_id"], unique=False)
    op.create_index(op.f("ix_narrative_claims_subject"), "narrative_claims", ["subject"], unique=False)

    op.create_table(
        "tables",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("standard_id", sa.String(length=64), nullable=False),
        sa.Column("number", sa.String(length=16), nullable=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("standard_title", sa.Text(), nullable=False),
        sa.Column("unit", sa.String(length=32), nullable=True),
        sa.Column("columns", sa.JSON(), nullable=False),
        sa.Column("column_labels", sa.JSON(), nullable=False),
        sa.Column("notes", sa.JSON(), nullable=False),
        sa.Column("line", sa.Integer(), nullable=True),
        sa.Column("page", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_tables_document_id_documents"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tables")),
    )
    op.create_index(op.f("ix_tables_document_id_standard_id"), "tables", ["document_id", "standard_id"], unique=False)

    op.create_table(
        "table_rows",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("table_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=True),
        sa.Column("side", sa.String(length=16), nullable=True),
        sa.Column("line", sa.Integer(), nullable=True),
        sa.Column("page", sa.Integer(), nullable=True),
        sa.Column("cells", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["table_id"], ["tables.id"], name=op.f("fk_table_rows_table_id_tables"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_table_rows")),
    )
    op.create_index(op.f("ix_table_rows_table_id_position"), "table_rows", ["table_id", "position"], unique=False)

    op.create_table(
        "findings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("rule", sa.String(length=64), nullable=False),
        sa.Column("severity", sa.String(length=8), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("table_ref", sa.String(length=64), nullable=True),
        sa.Column("table_title", sa.Text(), nullable=True),
        sa.Column("table_id", sa.Integer(), nullable=True),
        sa.Column("row_id", sa.Integer(), nullable=True),
        sa.Column("row_label", sa.Text(), nullable=True),
        sa.Column("column_label", sa.Text(), nullable=True),
        sa.Column("expected", sa.String(length=64), nullable=True),
        sa.Column("found", sa.String(length=64), nullable=True),
        sa.Column("difference", sa.String(length=64), nullable=True),
        sa.Column("fingerprint", sa.String(length=32), nullable=False),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("line", sa.Integer(), nullable=True),
        sa.Column("col", sa.SmallInteger(), nullable=True),
        sa.Column("page", sa.Integer(), nullable=True),
        sa.Column("related", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_findings_document_id_documents"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["row_id"], ["table_rows.id"], name=op.f("fk_findings_row_id_table_rows"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["table_id"], ["tables.id"], name=op.f("fk_findings_table_id_tables"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_findings")),
    )
    op.create_index(op.f("ix_findings_document_id"), "findings", ["document_id"], unique=False)
    op.create_index(op.f("ix_findings_fingerprint"), "findings", ["fingerprint"], unique=False)
    op.create_index(op.f("ix_findings_rule_severity"), "findings", ["rule", "severity"], unique=False)
    op.create_index(op.f("ix_findings_severity"), "findings", ["severity"], unique=False)

    op.create_table(
        "line_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("table_id", sa.Integer(), nullable=False),
        sa.Column("row_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=True),
        sa.Column("column", sa.String(length=64), nullable=False),
        sa.Column("amount", yjsgk.store.types.ExactDecimal(), nullable=False),
        sa.Column("decimals", sa.SmallInteger(), nullable=False),
        sa.Column("text", sa.String(length=64), nullable=True),
        sa.Column("issue", sa.String(length=200), nullable=True),
        sa.Column("line", sa.Integer(), nullable=True),
        sa.Column("col", sa.SmallInteger(), nullable=True),
        sa.Column("page", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_line_items_document_id_documents"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["row_id"], ["table_rows.id"], name=op.f("fk_line_items_row_id_table_rows"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["table_id"], ["tables.id"], name=op.f("fk_line_items_table_id_tables"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_line_items")),
    )
    op.create_index(op.f("ix_line_items_code"), "line_items", ["code"], unique=False)
    op.create_index(op.f("ix_line_items_document_id_code"), "line_items", ["document_id", "code"], unique=False)
    op.create_index(
        op.f("ix_line_items_table_id_key_column"), "line_items", ["table_id", "key", "column"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_line_items_table_id_key_column"), table_name="line_items")
    op.drop_index(op.f("ix_line_items_document_id_code"), table_name="line_items")
    op.drop_index(op.f("ix_line_items_code"), table_name="line_items")
    op.drop_table("line_items")
    op.drop_index(op.f("ix_findings_severity"), table_name="findings")
    op.drop_index(op.f("ix_findings_rule_severity"), table_name="findings")
    op.drop_index(op.f("ix_findings_fingerprint"), table_name="findings")
    op.drop_index(op.f("ix_findings_document_id"), table_name="findings")
    op.drop_table("findings")
    op.drop_index(op.f("ix_table_rows_table_id_position"), table_name="table_rows")
    op.drop_table("table_rows")
    op.drop_index(op.f("ix_tables_document_id_standard_id"), table_name="tables")
    op.drop_table("tables")
    op.drop_index(op.f("ix_narrative_claims_subject"), table_name="narrative_claims")
    op.drop_index(op.f("ix_narrative_claims_document_id"), table_name="narrative_claims")
    op.drop_table("narrative_claims")
    op.drop_index(op.f("ix_documents_year_family"), table_name="documents")
    op.drop_table("documents")
    op.drop_index(op.f("ix_departments_region"), table_name="departments")
    op.drop_table("departments")

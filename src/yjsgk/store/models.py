"""The corpus schema (SQLAlchemy 2). Changes go through an Alembic migration in `migrations/`."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import (
    JSON,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from .types import ExactDecimal

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Department(Base):
    """A publishing department, by normalized name; region and level derived from the name."""

    __tablename__ = "departments"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    region: Mapped[str | None] = mapped_column(String(100), index=True)
    level: Mapped[str | None] = mapped_column(String(8))

    documents: Mapped[list[Document]] = relationship(back_populates="department")


class Document(Base):
    """One ingested file. The same department/year/family published again is a new version."""

    __tablename__ = "documents"
    __table_args__ = (
        UniqueConstraint("department_id", "year", "family", "version"),
        Index(None, "year", "family"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"))
    department_printed: Mapped[str | None] = mapped_column(String(300))  # as recognized
    kind: Mapped[str] = mapped_column(String(32))  # final | final_with_performance | budget | …
    family: Mapped[str] = mapped_column(String(16))  # final | budget | performance | unknown
    year: Mapped[int | None] = mapped_column(Integer)
    unit: Mapped[str | None] = mapped_column(String(32))
    version: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(Text)  # the path as given when ingested
    filename: Mapped[str] = mapped_column(String(255))
    format: Mapped[str] = mapped_column(String(16))  # file suffix without the dot
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)  # sha256 of the bytes
    size_bytes: Mapped[int] = mapped_column(Integer)
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    errors: Mapped[int] = mapped_column(Integer, default=0)
    warnings: Mapped[int] = mapped_column(Integer, default=0)
    notices: Mapped[int] = mapped_column(Integer, default=0)

    department: Mapped[Department | None] = relationship(back_populates="documents")


class StoredTable(Base):
    __tablename__ = "tables"
    __table_args__ = (Index(None, "document_id", "standard_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)  # order in the document
    standard_id: Mapped[str] = mapped_column(String(64))  # e.g. final.expenditure
    number: Mapped[str | None] = mapped_column(String(16))  # 03 of 公开03表
    title: Mapped[str] = mapped_column(Text)  # as printed
    standard_title: Mapped[str] = mapped_column(Text)
    unit: Mapped[str | None] = mapped_column(String(32))
    columns: Mapped[list] = mapped_column(JSON)  # canonical column ids, in order
    column_labels: Mapped[dict] = mapped_column(JSON)
    notes: Mapped[list] = mapped_column(JSON)
    line: Mapped[int | None] = mapped_column(Integer)
    page: Mapped[int | None] = mapped_column(Integer)
    # how the table was read, where it matters to a check: uncertain columns, codes printed twice,
    # columns that are parts of another, headers not mapped (None: all empty, or stored before)
    reading: Mapped[dict | None] = mapped_column(JSON)


class StoredRow(Base):
    __tablename__ = "table_rows"
    __table_args__ = (Index(None, "table_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    table_id: Mapped[int] = mapped_column(ForeignKey("tables.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    code: Mapped[str | None] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(Text)
    key: Mapped[str | None] = mapped_column(String(64))
    side: Mapped[str | None] = mapped_column(String(16))
    line: Mapped[int | None] = mapped_column(Integer)
    page: Mapped[int | None] = mapped_column(Integer)
    cells: Mapped[list | None] = mapped_column(JSON)  # raw cells of tables not typed yet
    unit_code: Mapped[str | None] = mapped_column(String(64))  # 单位编码 of a row listing a unit


class LineItem(Base):
    """One amount: a (row, canonical column) cell of a standard table."""

    __tablename__ = "line_items"
    __table_args__ = (
        Index(None, "document_id", "code"),
        Index(None, "table_id", "key", "column"),
        Index(None, "code"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    table_id: Mapped[int] = mapped_column(ForeignKey("tables.id", ondelete="CASCADE"))
    row_id: Mapped[int] = mapped_column(ForeignKey("table_rows.id", ondelete="CASCADE"))
    code: Mapped[str | None] = mapped_column(String(32))  # classification code of the row
    name: Mapped[str] = mapped_column(Text)  # the row's name as printed (repeated for plain SQL use)
    key: Mapped[str | None] = mapped_column(String(64))  # canonical item of uncoded rows
    column: Mapped[str] = mapped_column(String(64))
    amount: Mapped[Decimal] = mapped_column(ExactDecimal)
    decimals: Mapped[int] = mapped_column(SmallInteger)  # digits printed after the point
    text: Mapped[str | None] = mapped_column(String(64))  # as printed, only when it differs
    issue: Mapped[str | None] = mapped_column(String(200))
    line: Mapped[int | None] = mapped_column(Integer)
    col: Mapped[int | None] = mapped_column(SmallInteger)
    page: Mapped[int | None] = mapped_column(Integer)


class Claim(Base):
    """A statement of the narrative (情况说明), kept as recognized."""

    __tablename__ = "narrative_claims"
    __table_args__ = (Index(None, "document_id"), Index(None, "subject"))

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str | None] = mapped_column(String(16))  # amount | share | growth | …
    subject: Mapped[str | None] = mapped_column(String(64))  # canonical subject id
    value: Mapped[str | None] = mapped_column(String(64))  # exact decimal text, in `unit`
    unit: Mapped[str | None] = mapped_column(String(16))
    text: Mapped[str | None] = mapped_column(Text)  # the sentence, as printed
    data: Mapped[dict] = mapped_column(JSON)  # everything the claim records
    line: Mapped[int | None] = mapped_column(Integer)
    page: Mapped[int | None] = mapped_column(Integer)


class Narrative(Base):
    """What a document holds beyond its tables, for the checks across documents (`check --db`): its
    outline, from which the claims are extracted again, its template facts and performance tables
    (store/snapshot.py; zlib-compressed JSON)."""

    __tablename__ = "narratives"

    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    snapshot: Mapped[bytes] = mapped_column(LargeBinary)


class StoredFinding(Base):
    __tablename__ = "findings"
    __table_args__ = (
        Index(None, "rule", "severity"),
        Index(None, "severity"),
        Index(None, "document_id"),
        Index(None, "fingerprint"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    rule: Mapped[str] = mapped_column(String(64))
    severity: Mapped[str] = mapped_column(String(8))
    message: Mapped[str] = mapped_column(Text)
    table_ref: Mapped[str | None] = mapped_column(String(64))  # standard table id
    table_title: Mapped[str | None] = mapped_column(Text)
    table_id: Mapped[int | None] = mapped_column(ForeignKey("tables.id", ondelete="CASCADE"))
    row_id: Mapped[int | None] = mapped_column(ForeignKey("table_rows.id", ondelete="CASCADE"))
    row_label: Mapped[str | None] = mapped_column(Text)
    column_label: Mapped[str | None] = mapped_column(Text)
    # exact decimal text: never summed, and a rule may compute more digits than an amount has
    expected: Mapped[str | None] = mapped_column(String(64))
    found: Mapped[str | None] = mapped_column(String(64))
    difference: Mapped[str | None] = mapped_column(String(64))
    fingerprint: Mapped[str] = mapped_column(String(32))
    source: Mapped[str | None] = mapped_column(Text)  # None: the finding has no location
    line: Mapped[int | None] = mapped_column(Integer)
    col: Mapped[int | None] = mapped_column(SmallInteger)
    page: Mapped[int | None] = mapped_column(Integer)
    related: Mapped[list] = mapped_column(JSON)


from . import web_models as _web_models  # noqa: E402,F401  (the web application's tables, same metadata)

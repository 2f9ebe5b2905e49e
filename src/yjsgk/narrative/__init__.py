"""Narrative ↔ tables: the numeric claims of the 情况说明 and performance reports.

sections.py cuts the document's outline (recognize/outline.py) into numbered sections and paragraphs; claims.py reads each sentence
into typed claims (amount, share, change, growth, execution, direction, count) with their
subject, quoted sentence and location; link.py ties each claim to the table cell it restates
and to the claims it depends on. The rules live in check/rules/narrative.py.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from ..document import Document
from ..model import Disclosure
from .claims import Extractor, rejoin_wrapped_titles
from .link import link_claims, resolve_item
from .model import KIND_LABELS, Claim, Link
from .sections import split_sections

if TYPE_CHECKING:
    from ..recognize.outline import Outline

__all__ = ["Claim", "Link", "KIND_LABELS", "extract_claims"]


def extract_claims(source: Outline | Document, disclosure: Disclosure) -> list[Claim]:
    """Every numeric claim of the document's narrative (read from its outline), linked to the
    recognized tables."""
    if isinstance(source, Document):
        from ..recognize.outline import build_outline

        source = build_outline(source)
    narrative = rejoin_wrapped_titles(source, split_sections(source))
    claims = Extractor(disclosure, narrative, item_resolver=partial(resolve_item, disclosure)).run()
    link_claims(disclosure, claims)
    return claims

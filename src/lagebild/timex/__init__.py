"""The time stage: temporal expressions (TIMEX3) and the publication date.

``doc.timexes`` gets one dict per expression: ``start``, ``end``, ``type``
(DATE, TIME, DURATION, SET), ``value`` (TIMEX3) and ``mod`` (or None), sorted by
start. ``doc.published`` is the reference date; where the input gave none, it
is inferred from the text and ``doc.published_inferred`` is set.

The rules are data (``resources/<lang>/time/``): see ``grammar`` for how they
are compiled, ``normalize`` for the value of each kind of expression.
"""

from __future__ import annotations

from lagebild.model import Document
from lagebild.pipeline import register
from lagebild.timex.tagger import tag
from lagebild.timex.timeml import to_timeml

__all__ = ["tag_document", "tag", "to_timeml"]


def tag_document(doc: Document) -> None:
    """Fill ``doc.timexes`` (and ``doc.published`` where it must be inferred)."""
    doc.timexes = tag(doc)


register("time", requires=("sentences", "language", "published"),
         assigns=("timexes", "published"))(tag_document)

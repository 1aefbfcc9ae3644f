"""The document model that travels through the pipeline.

Offsets are Python string indices into ``Document.text``, which is the text exactly
as read; ``text[start:end]`` is always a span's surface form.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple


class Span(NamedTuple):
    """A half-open character range ``[start, end)`` into the document text."""

    start: int
    end: int

    def as_dict(self) -> dict[str, int]:
        return {"start": self.start, "end": self.end}


def trim(text: str, start: int, end: int) -> Span:
    """``[start, end)`` without leading and trailing whitespace (empty if all space)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


@dataclass
class Record:
    """One input item as a reader produced it, before analysis."""

    id: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    # spans of the text that a reader already knows to be furniture (header lines)
    header: list[Span] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass
class Document:
    """A news document and everything the stages found in it."""

    id: str
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None
    published_inferred: bool = False
    language: str | None = None
    boilerplate: list[Span] = field(default_factory=list)
    headings: list[Span] = field(default_factory=list)
    paragraphs: list[Span] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    # tokens are internal working data (written only on request): see README
    tokens: list[Span] = field(default_factory=list)
    timexes: list[dict[str, Any]] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    # office, membership, treaty-party and deployment relations derived from events
    relations: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @classmethod
    def from_record(cls, record: Record) -> "Document":
        """Build a document from a reader's record, taking over its metadata."""
        meta = record.meta
        return cls(
            id=record.id,
            text=record.text,
            title=meta.get("title"),
            source=meta.get("source"),
            url=meta.get("url"),
            published=meta.get("published"),
            language=meta.get("language"),
            boilerplate=list(record.header),
            warnings=list(record.warnings),
        )

    def surface(self, span: Span) -> str:
        """The text of ``span``."""
        return self.text[span.start:span.end]

    def sentence_texts(self) -> list[str]:
        """The surface form of every sentence, in order."""
        return [self.text[s.start:s.end] for s in self.sentences]

    def to_json(self, with_tokens: bool = False) -> dict[str, Any]:
        """The document as the public JSON contract (``contract.md``)."""
        out: dict[str, Any] = {
            "id": self.id,
            "title": self.title,
            "source": self.source,
            "url": self.url,
            "published": self.published,
            "published_inferred": self.published_inferred,
            "language": self.language,
            "text": self.text,
            "boilerplate": [s.as_dict() for s in self.boilerplate],
            "headings": [s.as_dict() for s in self.headings],
            "paragraphs": [s.as_dict() for s in self.paragraphs],
            "sentences": [s.as_dict() for s in self.sentences],
            "timexes": self.timexes,
            "entities": self.entities,
            "quotes": self.quotes,
            "events": self.events,
            "relations": self.relations,
        }
        if with_tokens:
            out["tokens"] = [s.as_dict() for s in self.tokens]
        if self.warnings:
            out["warnings"] = self.warnings
        return out

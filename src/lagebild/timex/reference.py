"""The reference date of a document: its publication date, given or inferred.

Where the input gives no date, it is inferred from what the text says:
an anniversary ("25. Jahrestag ... im Jahr 1999" is 2024), else the latest year
the text names as a date; the latest year-less date that fits that year gives
the month ("am 6. Dezember" -> 2024-12). Site furniture around the article
(a "Stand: 06.12.2024" line) is read first, since it states the date outright.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lagebild.metadata import normalize_date
from lagebild.model import Document
from lagebild.timex.calendar import Partial

# "25. Jahrestag", "zum 30. Jubiläum", "the 25th anniversary": the ordinal counts years
_ANNIVERSARY = re.compile(
    r"\b(?P<n>\d{1,3})(?:\.|st|nd|rd|th)?\s+(?:Jahrestag\w*|Jubiläum\w*|Geburtstag\w*|Todestag\w*|anniversary)"
    r"(?P<rest>.{0,200}?)\b(?P<year>1[0-9]\d\d|20\d\d)\b", re.IGNORECASE | re.DOTALL)
_META_DATE = re.compile(
    r"\b(\d{1,2}\.\s?\d{1,2}\.\s?(?:19|20)\d\d|(?:19|20)\d\d-\d\d-\d\d|\d{1,2}\.\s+[A-ZÄÖÜ][a-zäöü]+\s+(?:19|20)\d\d)\b")
# a metadata line at the head of the text: "date 2023-05", "Datum: 06.12.2024"
_HEADER = re.compile(
    r"\A\s*(?:date|datum|published|veröffentlicht|stand)\s*:?\s+"
    r"(?P<v>(?:19|20)\d\d(?:-\d\d(?:-\d\d)?)?|\d{1,2}\.\s?\d{1,2}\.\s?(?:19|20)\d\d)(?![\d-])",
    re.IGNORECASE)
# no news is older than this, none from the far future: years outside are not publication years
MIN_YEAR, MAX_YEAR = 1900, 2100


@dataclass(frozen=True)
class Mention:
    """A date the text names: its partial value and whether the year was written out."""

    year: int | None
    month: int | None
    day: int | None
    explicit_year: bool
    # whether the sentence speaks of the future ("bis 2030 soll ..."): such years
    # say nothing about when the text was written
    future: bool = False


def header_date(text: str) -> tuple[str, int] | None:
    """The date of a metadata header at the start of the text, and where the header ends."""
    m = _HEADER.match(text)
    if not m:
        return None
    v = normalize_date(m.group("v"))
    return (v, m.end()) if v else None


def from_furniture(doc: Document) -> str | None:
    """A full date found in the document's boilerplate lines (bylines, "Stand:" lines)."""
    for span in doc.boilerplate:
        m = _META_DATE.search(doc.text, span.start, span.end)
        if m:
            v = normalize_date(m.group(1))
            if v:
                return v
    return None


def anniversary_year(doc: Document) -> int | None:
    """The year of an anniversary the text celebrates: the ordinal plus the year it counts from."""
    best = None
    for span in doc.sentences:
        for m in _ANNIVERSARY.finditer(doc.text, span.start, span.end):
            n, y = int(m.group("n")), int(m.group("year"))
            if 1 <= n <= 500 and MIN_YEAR <= n + y <= MAX_YEAR:
                best = max(best or 0, n + y)
    return best


def infer(doc: Document, mentions: list[Mention]) -> str | None:
    """A publication date that fits the dates the text mentions, or None."""
    meta = from_furniture(doc)
    if meta:
        return meta
    year = anniversary_year(doc)
    dated = [m for m in mentions if m.explicit_year and m.year and MIN_YEAR <= m.year <= MAX_YEAR]
    if year is None:
        # the latest year named as a fact; a text rarely names a later year except as a plan
        years = [m.year for m in dated if not m.future] or [m.year for m in dated]
        if not years:
            return None
        year = max(y for y in years if y is not None)
    months = [m.month for m in mentions if m.month and (m.year == year or not m.explicit_year)]
    if months:
        return f"{year:04d}-{max(months):02d}"
    return f"{year:04d}"


def reference(doc: Document) -> Partial | None:
    """The document's reference date as a partial date."""
    return Partial.parse(doc.published)

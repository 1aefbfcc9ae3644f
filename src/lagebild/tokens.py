"""A fast rule-based tokenizer for German and English news text."""

from __future__ import annotations

import re
from functools import lru_cache

from lagebild.model import Span
from lagebild.resources import LANGUAGES, load_rows

_TOKEN = re.compile(r"""
    (?P<url>(?:https?://|www\.)[^\s<>"“”„«»]*[^\s<>"“”„«».,;:!?)\]'])
  | (?P<mail>[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.\w+)
  | (?P<word>\d+(?:[.,:/]\d+)*                                     # number, 24.02.2022, 2:1, 3,5
      | \w+(?:[-'’.&/]\w+)*-?)                                      # word, inner hyphens and dots
  | \.{2,}|…                                                       # ellipsis
  | \S                                                             # any other character
""", re.VERBOSE)


@lru_cache(maxsize=1)
def abbreviations() -> dict[str, bool]:
    """Known abbreviations (with their period) -> whether they may end a sentence."""
    out: dict[str, bool] = {}
    for lang in LANGUAGES:
        for row in load_rows(f"{lang}/abbreviations.tsv"):
            out[row[0]] = out.get(row[0], False) or (len(row) > 1 and row[1] == "end")
    return out


def _takes_period(word: str, abbrevs: dict[str, bool]) -> bool:
    """Whether a period right after ``word`` belongs to it (abbreviation, initial, ordinal)."""
    return (word + "." in abbrevs or (len(word) == 1 and word.isalpha())
            or (word.isdigit() and len(word) <= 3) or "." in word)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Token spans of ``text[start:end]``.

    A period after an abbreviation, an initial or an ordinal number stays with its
    word unless it is the last character of the span (the sentence's own period).
    """
    end = len(text) if end is None else end
    abbrevs = abbreviations()
    out: list[Span] = []
    last = end
    while last > start and not text[last - 1].isalnum() and text[last - 1] != ".":
        last -= 1  # closing quotes/brackets after the final period
    for m in _TOKEN.finditer(text, start, end):
        a, b = m.span()
        if b < end and text[b] == "." and b + 1 != last and m.lastgroup == "word" \
                and _takes_period(text[a:b], abbrevs):
            b += 1
        if out and a < out[-1].end:  # the period was taken by the previous token
            if b <= out[-1].end:
                continue
            a = out[-1].end
        out.append(Span(a, b))
    return out

"""Rule-based sentence splitting for German (and English) news paragraphs.

A boundary candidate is terminal punctuation (. ! ? … ; and some colons),
optionally followed by closing quotes or brackets, then whitespace. Candidates
after abbreviations, initials and ordinal numbers ("am 24. Februar") are split
only when a typical sentence opener follows. A missing space after a period
("zerstört.Sicherheitsgarantien") is a boundary too.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lagebild.model import Span, trim
from lagebild.resources import merged_words
from lagebild.tokens import abbreviations

# candidate: punctuation, closing marks, whitespace; the next non-space char is looked at
_CANDIDATE = re.compile(r"(\.{2,}|…|[.!?]+|[;:])([“”\"'’»«)\]]*)\s+|(?<=[a-zäöüß]{3})\.(?=[A-ZÄÖÜ][a-zäöüß])")
_OPENING = "„“\"'‚‘»«([–-"
_PREV_WORD = re.compile(r"(\S+)$")
_ROMAN = re.compile(r"^[IVXLC]+$")
_INITIALS = re.compile(r"^(?:[^\W\d_]\.)+[^\W\d_]$")  # "J.P" of "J.P. Morgan"
# colon splits only after a clause this long and before an upper-case word, never before a quote
COLON_MIN_WORDS = 5
# sentences longer than this are cut at a space, so that no stage meets a runaway sentence
MAX_SENTENCE_CHARS = 2000


@lru_cache(maxsize=1)
def openers() -> frozenset[str]:
    """Words that typically open a sentence."""
    return merged_words("sentence_openers.txt")


def _next_word(text: str, pos: int, end: int) -> str:
    """The word at ``pos``, without opening quotes or brackets."""
    while pos < end and text[pos] in _OPENING:
        pos += 1
    m = re.compile(r"[\w-]+").match(text, pos, end)
    return m.group() if m else text[pos:pos + 1]


def _is_boundary(text: str, m: re.Match[str], sent_start: int, end: int) -> bool:
    """Decide whether candidate ``m`` ends a sentence."""
    nxt_pos = m.end()
    if nxt_pos >= end:
        return True
    punct = m.group(1)
    if punct is None:  # missing space after a period, the lookahead already checked the case
        word = _PREV_WORD.search(text, sent_start, m.start())
        return not (word and word.group(1) + "." in abbreviations())
    nxt = _next_word(text, nxt_pos, end)
    first = nxt[:1]
    if not first:
        return False
    if punct == ";":
        return True
    if punct == ":":
        return (first.isupper() and text[nxt_pos] not in _OPENING
                and text.count(" ", sent_start, m.start()) + 1 >= COLON_MIN_WORDS
                and not _inside_quote(text, sent_start, m.start()))
    if first.islower() or first in ",;:":
        return False
    if punct != ".":
        return True
    word_m = _PREV_WORD.search(text, sent_start, m.start())
    word = word_m.group(1).lstrip(_OPENING) if word_m else ""
    abbrev_end = abbreviations().get(word + ".")
    weak = (abbrev_end is not None or (len(word) == 1 and word.isalpha())
            or (word.isdigit() and len(word) <= 3) or bool(_ROMAN.match(word))
            or bool(_INITIALS.match(word)))
    if abbrev_end is False:
        return False
    if weak:
        return nxt in openers()
    return True


def _inside_quote(text: str, a: int, b: int) -> bool:
    """Whether a quotation opened in ``text[a:b]`` is still open at ``b``."""
    seg = text[a:b]
    low, high = seg.count("„"), seg.count("“")
    if low or high:
        return low > high
    return seg.count('"') % 2 == 1 or seg.count("»") > seg.count("«")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentence spans in ``text[start:end]`` (one paragraph), trimmed of whitespace."""
    end = len(text) if end is None else end
    out: list[Span] = []
    sent_start = start
    for m in _CANDIDATE.finditer(text, start, end):
        if m.start() < sent_start:
            continue
        if _is_boundary(text, m, sent_start, end):
            stop = m.end(2) if m.group(1) is not None else m.end()
            _add(text, sent_start, stop, out)
            sent_start = m.end()
    _add(text, sent_start, end, out)
    return out


def _add(text: str, a: int, b: int, out: list[Span]) -> None:
    """Append the trimmed span [a, b), cut into pieces if it is too long."""
    a, b = trim(text, a, b)
    while b - a > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", a, a + MAX_SENTENCE_CHARS)
        cut = cut if cut > a else a + MAX_SENTENCE_CHARS
        out.append(Span(a, cut))
        a, b = trim(text, cut, b)
    if b > a:
        out.append(Span(a, b))

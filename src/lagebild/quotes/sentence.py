"""A light view of one sentence for the quote rules: its tokens, words and marks."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from lagebild.model import Document, Span
from lagebild.quotes.marks import Mark

QUOTE_CHARS = frozenset("„“”\"»«‚‘’'")
PUNCT_BOUNDARY = frozenset({",", ":", ";", "–", "—", "(", ")", "-"})
FINAL = frozenset({".", "!", "?", "…", "..."})


@dataclass
class Sent:
    """One sentence: token spans, their words, and which tokens lie inside quotation marks."""

    index: int
    span: Span
    para: int
    toks: list[Span]
    words: list[str]
    low: list[str] = field(default_factory=list)
    quoted: list[bool] = field(default_factory=list)  # inside (or on) a quotation mark pair

    def __post_init__(self) -> None:
        self.low = [w.lower() for w in self.words]

    def __len__(self) -> int:
        return len(self.toks)

    def is_mark(self, i: int) -> bool:
        return len(self.words[i]) == 1 and self.words[i] in QUOTE_CHARS

    def content_end(self) -> int:
        """Token index after the last word, before the final punctuation."""
        j = len(self.toks)
        while j > 0 and (self.words[j - 1] in FINAL or self.words[j - 1] in ",;:"):
            j -= 1
        return j


def build_sentences(doc: Document, marks: list[Mark]) -> list[Sent]:
    """The sentences of ``doc`` with their tokens; tokens inside marks are flagged."""
    text = doc.text
    tok_starts = [t.start for t in doc.tokens]
    para_starts = [p.start for p in doc.paragraphs]
    # inside-quote flags by character: a difference array over mark spans
    out: list[Sent] = []
    spans = sorted((m.span for m in marks))
    mi = 0
    active: list[int] = []  # end positions of marks covering the current token
    for si, s in enumerate(doc.sentences):
        a = bisect_left(tok_starts, s.start)
        b = bisect_left(tok_starts, s.end)
        toks = doc.tokens[a:b]
        words = [text[t.start:t.end] for t in toks]
        quoted = []
        for t in toks:
            while mi < len(spans) and spans[mi].start <= t.start:
                active.append(spans[mi].end)
                mi += 1
            active = [e for e in active if e > t.start]
            quoted.append(bool(active))
        para = max(0, bisect_left(para_starts, s.start + 1) - 1)
        out.append(Sent(si, s, para, toks, words, quoted=quoted))
    return out

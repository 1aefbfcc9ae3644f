"""The segmentation stage: paragraphs, headings, boilerplate, sentences, tokens."""

from __future__ import annotations

import re

from lagebild.boilerplate import furniture_flags
from lagebild.model import Document, Span, trim
from lagebild.pipeline import register
from lagebild.sentences import split_sentences
from lagebild.tokens import tokenize

_LINE = re.compile(r"[^\n]+")
_HEADING_MAX_WORDS = 10
_HEADING_MAX_CHARS = 100
_TERMINAL = ".!?:;,…-–"


def _lines(text: str, skip: list[Span]) -> list[Span]:
    """Non-empty lines of ``text`` as trimmed spans, outside the ``skip`` spans.

    A header may share its line with the first sentence ("date 2023-05 Der ..."),
    so the header is cut out rather than its whole line.
    """
    out: list[Span] = []
    pos = 0
    for stop in sorted(skip) + [Span(len(text), len(text))]:
        for m in _LINE.finditer(text, pos, stop.start):
            line = trim(text, *m.span())
            if line.end > line.start:
                out.append(line)
        pos = max(pos, stop.end)
    return out


def _paragraphs(text: str, lines: list[Span]) -> list[Span]:
    """Join hard-wrapped lines (no end punctuation, next line lower-case) into paragraphs."""
    paras: list[Span] = []
    for ln in lines:
        if paras:
            prev = paras[-1]
            joined = text[prev.end:ln.start]
            if joined.count("\n") == 1 and text[prev.end - 1] not in ".!?:;“”\"»«)" \
                    and text[ln.start].islower():
                paras[-1] = Span(prev.start, ln.end)
                continue
        paras.append(ln)
    return paras


def _is_heading(text: str, para: Span, is_last: bool) -> bool:
    """A short line with no sentence end that opens with a capital and is followed by more text."""
    s = text[para.start:para.end]
    if is_last or len(s) > _HEADING_MAX_CHARS or s[-1] in _TERMINAL:
        return False
    if not (s[0].isupper() or s[0].isdigit()):
        return False
    return len(s.split()) <= _HEADING_MAX_WORDS


def segment_document(doc: Document) -> None:
    """Fill paragraphs, headings, boilerplate, sentences and tokens of ``doc``."""
    text = doc.text
    header = list(doc.boilerplate)
    lines = _lines(text, header)
    paras = _paragraphs(text, lines)
    flags = furniture_flags([text[p.start:p.end] for p in paras], len(text), [p.start for p in paras])
    body = [p for p, f in zip(paras, flags) if not f]
    doc.boilerplate = sorted(header + [p for p, f in zip(paras, flags) if f])
    doc.paragraphs = body
    doc.headings, doc.sentences, doc.tokens = [], [], []
    for i, para in enumerate(body):
        if _is_heading(text, para, i == len(body) - 1):
            doc.headings.append(para)
            sents = [para]
        else:
            sents = split_sentences(text, para.start, para.end)
        doc.sentences.extend(sents)
        for s in sents:
            doc.tokens.extend(tokenize(text, s.start, s.end))


register("segment", requires=("text", "boilerplate"),
         assigns=("paragraphs", "headings", "sentences", "tokens"))(segment_document)

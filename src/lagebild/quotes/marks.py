"""Pairing of quotation marks into direct-quote spans.

German news uses „…“ (or „…" and „…”), »…« and the Swiss «…», nested ‚…‘;
English uses “…” and straight "…" or '…'. The pairing is a stack over the body
paragraphs, so nested quotes come out with their depth. A mark that is never
closed closes at the end of its paragraph, unless the next paragraph opens with
the same mark (the typographic convention for a quote running over paragraphs),
so a stray mark never swallows the rest of the document.
"""

from __future__ import annotations

from dataclasses import dataclass

from lagebild.model import Span

# opener -> the closers that may end it
_PAIRS: dict[str, str] = {
    "„": "“\"”",
    "»": "«",
    "«": "»",
    "‚": "‘’",
    "“": "”",
    '"': '"',
    "'": "'",
}
_ALL_MARKS = frozenset("„“”\"»«‚‘’'")
# a quote longer than this (characters) is cut at its paragraph end: a runaway pairing
MAX_QUOTE_CHARS = 6000


@dataclass
class Mark:
    """A quotation in marks: ``span`` includes the marks, ``inner`` excludes them."""

    span: Span
    inner: Span
    depth: int
    closed: bool


def _is_open_context(text: str, i: int) -> bool:
    """A straight mark opens when it follows a space, a bracket or the line start."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{–-—/:") and not after.isspace()


def _is_close_context(text: str, i: int) -> bool:
    after = text[i + 1] if i + 1 < len(text) else " "
    return not after.isalnum()


def find_marks(text: str, paragraphs: list[Span]) -> list[Mark]:
    """All quotations in marks in the ``paragraphs`` of ``text``, in text order."""
    has_low = "„" in text or "»" in text
    out: list[Mark] = []
    stack: list[tuple[str, int, int]] = []  # (opener, position, paragraph index)
    skip = -1

    def close(pos_end: int, closed: bool) -> None:
        op, start, _ = stack.pop()
        inner_end = pos_end - 1 if closed else pos_end
        out.append(Mark(Span(start, pos_end), Span(start + 1, max(start + 1, inner_end)),
                        len(stack), closed))

    for pi, para in enumerate(paragraphs):
        for i in range(para.start, para.end):
            ch = text[i]
            if ch not in _ALL_MARKS:
                continue
            if i == skip:
                continue  # the repeated opener of a quote running over paragraphs
            top = stack[-1][0] if stack else None
            opens_straight = ch in "\"'" and _is_open_context(text, i) and not _is_close_context(text, i)
            if top is not None and ch in _PAIRS[top] and not opens_straight \
                    and (ch not in "'’\"" or _is_close_context(text, i)):
                close(i + 1, True)
                continue
            if ch in "'’":
                # an apostrophe ("geht's", "Putin's") unless it clearly opens
                if ch == "'" and _is_open_context(text, i) and text[i + 1:i + 2].isalpha() \
                        and "'" in text[i + 1:para.end]:
                    stack.append((ch, i, pi))
                continue
            if ch in "”‘":
                continue  # a closer with nothing to close
            if ch == "“" and has_low:
                continue  # German closer without an opener
            if ch == '"' and not _is_open_context(text, i):
                continue
            if ch == "«" and top == "»":
                continue
            stack.append((ch, i, pi))
        # end of paragraph: close what is open unless the next paragraph continues it
        nxt = paragraphs[pi + 1] if pi + 1 < len(paragraphs) else None
        while stack:
            op, start, spi = stack[-1]
            continues = (nxt is not None and text[nxt.start] == op and len(stack) == 1
                         and nxt.end - start < MAX_QUOTE_CHARS)
            if continues:
                skip = nxt.start
                break
            if op in "\"'" and spi == pi and text.count(op, start + 1, para.end) == 0 and para.end - start < 3:
                stack.pop()
                continue
            close(para.end, False)
    while stack:
        close(paragraphs[-1].end if paragraphs else len(text), False)
    out.sort(key=lambda m: (m.span.start, -m.span.end))
    return out

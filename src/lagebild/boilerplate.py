"""Recognition of site furniture lines (related links, captions, share buttons)."""

from __future__ import annotations

import re
from functools import lru_cache

from lagebild.resources import load_yaml

# lines after a tail marker count as furniture while they look like links:
# short and without a sentence end
_LINKLIKE_MAX_WORDS = 16


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...]]:
    data = load_yaml("common/boilerplate.yaml")
    comp = lambda key: tuple(re.compile(e["pattern"], re.I) for e in data[key])  # noqa: E731
    return comp("tail"), comp("line")


def is_tail_marker(line: str) -> bool:
    """Whether ``line`` opens the end-of-page furniture ("Mehr zum Thema – …")."""
    s = line.strip()
    return any(p.search(s) for p in _patterns()[0])


def is_furniture_line(line: str) -> bool:
    """Whether ``line`` is a single furniture line (caption credit, share button, …)."""
    s = line.strip()
    return any(p.search(s) for p in _patterns()[1])


def is_linklike(line: str) -> bool:
    """Short line without a sentence end, as in a list of related headlines."""
    s = line.strip()
    return len(s.split()) <= _LINKLIKE_MAX_WORDS and not re.search(r"[.!?:;]$", s)


def furniture_flags(lines: list[str], text_len: int, offsets: list[int]) -> list[bool]:
    """For each line, whether it is furniture.

    A tail marker only counts in the second half of the document, so that a
    "Lesen Sie auch" box in the middle does not swallow the rest of the article.
    """
    flags = [is_furniture_line(ln) for ln in lines]
    in_tail = False
    for i, line in enumerate(lines):
        if not in_tail and offsets[i] >= text_len // 2 and is_tail_marker(line):
            in_tail = True
            flags[i] = True
        elif in_tail:
            if is_linklike(line) or is_tail_marker(line):
                flags[i] = True
            else:
                in_tail = False
    return flags

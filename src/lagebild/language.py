"""Language identification by function-word counts (German, English and neighbours)."""

from __future__ import annotations

import re
from functools import lru_cache

from lagebild.model import Document
from lagebild.pipeline import register
from lagebild.resources import load_yaml

_WORD = re.compile(r"[^\W\d_]+")
SAMPLE_CHARS = 3000
MIN_HITS = 3


@lru_cache(maxsize=1)
def _stopwords() -> dict[str, frozenset[str]]:
    return {lang: frozenset(v["words"]) for lang, v in load_yaml("common/stopwords.yaml").items()}


def identify(text: str) -> str:
    """ISO 639-1 code of the language of ``text``, or ``"und"`` when it cannot be told."""
    counts = dict.fromkeys(_stopwords(), 0)
    for m in _WORD.finditer(text[:SAMPLE_CHARS]):
        w = m.group().lower()
        for lang, words in _stopwords().items():
            if w in words:
                counts[lang] += 1
    best = max(counts, key=counts.__getitem__)
    return best if counts[best] >= MIN_HITS else "und"


def _body_sample(doc: Document) -> str:
    parts, size = [], 0
    for p in doc.paragraphs:
        parts.append(doc.text[p.start:p.end])
        size += p.end - p.start
        if size >= SAMPLE_CHARS:
            break
    return " ".join(parts) if parts else doc.text


def identify_document(doc: Document) -> None:
    """Set ``doc.language`` from the text unless the input gave it."""
    if doc.language:
        doc.language = doc.language.strip().lower()[:2]
        return
    doc.language = identify(_body_sample(doc))


register("language", requires=("paragraphs",), assigns=("language",))(identify_document)

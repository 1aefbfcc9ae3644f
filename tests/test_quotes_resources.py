"""Every entry of the quote stage's word lists is exercised by its own example."""

from __future__ import annotations

import pytest

from lagebild.model import Document
from lagebild.quotes import extract_quotes
from lagebild.quotes.lexicon import lexicon
from lagebild.segment import segment_document

LEX = lexicon("de")


def quotes_of(text: str, lang: str = "de") -> tuple[Document, list[dict]]:
    doc = Document(id="t", text=text, language=lang)
    segment_document(doc)
    return doc, extract_quotes(doc)


def cue_words(doc: Document, quotes: list[dict]) -> set[str]:
    out: set[str] = set()
    for q in quotes:
        if q["cue"]:
            out.update(doc.text[q["cue"]["start"]:q["cue"]["end"]].lower().split())
    return out


@pytest.mark.parametrize("lemma,example", LEX.verb_examples, ids=[v for v, _ in LEX.verb_examples])
def test_speech_verb_example(lemma: str, example: str) -> None:
    doc, quotes = quotes_of(example)
    assert quotes, example
    forms = {f for f, readings in LEX.verbs.items() if any(r.lemma == lemma for r in readings)}
    assert cue_words(doc, quotes) & forms, (example, quotes)


@pytest.mark.parametrize("noun,example", LEX.noun_examples, ids=[f"{n}:{e[:12]}" for n, e in LEX.noun_examples])
def test_speech_noun_example(noun: str, example: str) -> None:
    doc, quotes = quotes_of(example)
    assert quotes and quotes[0]["speaker"], example
    speaker = doc.text[quotes[0]["speaker"]["start"]:quotes[0]["speaker"]["end"]]
    assert noun.lower() in speaker.lower(), (example, speaker)


@pytest.mark.parametrize("word,example", LEX.cue_examples, ids=[f"{w}:{e[:12]}" for w, e in LEX.cue_examples])
def test_cue_word_example(word: str, example: str) -> None:
    doc, quotes = quotes_of(example)
    assert word.lower() in cue_words(doc, quotes), (example, quotes)


def test_english_examples() -> None:
    lex = lexicon("en")
    for lemma, example in lex.verb_examples:
        doc, quotes = quotes_of(example, "en")
        assert quotes and quotes[0]["cue"], example


@pytest.mark.parametrize("lemma,example", LEX.reported_examples, ids=[v for v, _ in LEX.reported_examples])
def test_reported_verb_example(lemma: str, example: str) -> None:
    doc, quotes = quotes_of(example)
    assert any(q["kind"] == "reported" and q["speaker"] for q in quotes), (example, quotes)

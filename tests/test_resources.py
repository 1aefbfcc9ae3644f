"""Every entry of the language resources is exercised by its own example."""

from __future__ import annotations

import pytest

from lagebild.boilerplate import is_furniture_line, is_tail_marker
from lagebild.language import identify
from lagebild.resources import load_rows, load_yaml
from lagebild.sentences import split_sentences

ABBREVIATIONS = [(lang, row) for lang in ("de", "en") for row in load_rows(f"{lang}/abbreviations.tsv")]


@pytest.mark.parametrize("lang,row", ABBREVIATIONS, ids=[f"{lang}:{row[0]}" for lang, row in ABBREVIATIONS])
def test_abbreviation_does_not_split(lang: str, row: tuple[str, ...]) -> None:
    text = f"Wir sahen {row[0]} Test dort." if lang == "de" else f"We saw {row[0]} test there."
    assert len(split_sentences(text)) == 1, text


@pytest.mark.parametrize("lang", ["de", "en"])
def test_sentence_openers_split_after_an_ordinal(lang: str) -> None:
    for (word,) in load_rows(f"{lang}/sentence_openers.txt"):
        text = f"Er wurde 3. {word} kam." if lang == "de" else f"He came 3. {word} left."
        assert len(split_sentences(text)) == 2, text


BOILERPLATE = load_yaml("common/boilerplate.yaml")


@pytest.mark.parametrize("kind", ["tail", "line"])
def test_boilerplate_examples(kind: str) -> None:
    check = is_tail_marker if kind == "tail" else is_furniture_line
    for entry in BOILERPLATE[kind]:
        for example in entry["examples"]:
            assert check(example), (entry["pattern"], example)
        for counter in entry.get("counter", []):
            assert not check(counter), (entry["pattern"], counter)


@pytest.mark.parametrize("lang", sorted(load_yaml("common/stopwords.yaml")))
def test_language_examples(lang: str) -> None:
    for example in load_yaml("common/stopwords.yaml")[lang]["examples"]:
        assert identify(example) == lang, example


def test_too_little_text_is_undetermined() -> None:
    assert identify("NATO") == "und"

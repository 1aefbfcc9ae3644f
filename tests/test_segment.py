"""Segmentation: paragraphs, headings, boilerplate, sentences and tokens."""

from __future__ import annotations

import pytest

from lagebild.model import Document, Record
from lagebild.pipeline import Pipeline
from lagebild.readers import ReaderOptions, read_inputs
from lagebild.sentences import split_sentences
from lagebild.tokens import tokenize

from conftest import shared_path

SEGMENT = Pipeline(["segment"])


def sents(text: str) -> list[str]:
    return [text[s.start:s.end] for s in split_sentences(text)]


def toks(text: str) -> list[str]:
    return [text[s.start:s.end] for s in tokenize(text)]


@pytest.mark.parametrize("text", [
    "Die Invasion hat am 24. Februar 2022 begonnen.",
    "Putin sprach am 6. Dezember in Minsk.",
    "Das Team belegte den 3. Platz in der Wertung.",
    "Sie traf z. B. Dr. Müller und Prof. Meier vom Institut.",
    "Es gab ca. 300 Teilnehmer, u.a. aus Polen.",
    "Die Bank J.P. Morgan Chase übernahm das Geschäft.",
    "George W. Bush besuchte die Stadt.",
    "Wenn sich jemand Sorgen macht ... (dann) ist es ganz einfach.",
    "„Wer?“, fragte er.",
    "Er sagte: „Wir kommen.“",
])
def test_one_sentence(text: str) -> None:
    assert sents(text) == [text]


@pytest.mark.parametrize("text,expected", [
    ("Das war 1999. Die Lage ist heute anders.", ["Das war 1999.", "Die Lage ist heute anders."]),
    ("Er belegte Platz 3. Danach ging er.", ["Er belegte Platz 3.", "Danach ging er."]),
    ('"Wir sind bereit. Das ist alles." Russland treibt den Plan voran.',
     ['"Wir sind bereit.', 'Das ist alles."', "Russland treibt den Plan voran."]),
    ("„Es reicht!“ Die Menge jubelte.", ["„Es reicht!“", "Die Menge jubelte."]),
    ("Die Waffen wurden zerstört.Sicherheitsgarantien gelten weiter.",
     ["Die Waffen wurden zerstört.", "Sicherheitsgarantien gelten weiter."]),
    ("Das Ergebnis ist eindeutig und für alle sichtbar: Die Regierung hat die Wahl verloren.",
     ["Das Ergebnis ist eindeutig und für alle sichtbar:", "Die Regierung hat die Wahl verloren."]),
    ("Die Linke gewann; die Rechte verlor.", ["Die Linke gewann;", "die Rechte verlor."]),
    ("Wirklich? Ja. Gut so!", ["Wirklich?", "Ja.", "Gut so!"]),
    ("Es kamen Äpfel, Birnen usw. Die Kinder freuten sich.",
     ["Es kamen Äpfel, Birnen usw.", "Die Kinder freuten sich."]),
])
def test_split(text: str, expected: list[str]) -> None:
    assert sents(text) == expected


def test_colon_before_a_quote_stays_in_the_sentence() -> None:
    text = "Bezüglich etwaiger Reaktionen aus dem Westen erklärte Lukaschenko: „Sie haben es bemerkt.“"
    assert sents(text) == [text]


def test_runaway_sentence_is_cut() -> None:
    text = "wort " * 2000
    spans = split_sentences(text)
    assert len(spans) > 1 and all(s.end - s.start <= 2000 for s in spans)


def test_tokens() -> None:
    assert toks("Am 24. Februar 2022 begann z.B. die Invasion.") == \
        ["Am", "24.", "Februar", "2022", "begann", "z.B.", "die", "Invasion", "."]
    assert toks("Das S-400-System (US-amerikanisch) kostet 3,5 Mio. Euro.") == \
        ["Das", "S-400-System", "(", "US-amerikanisch", ")", "kostet", "3,5", "Mio.", "Euro", "."]
    assert toks("Siehe https://example.org/a?b=1. Oder schreib an a.b@example.org!") == \
        ["Siehe", "https://example.org/a?b=1", ".", "Oder", "schreib", "an", "a.b@example.org", "!"]
    assert toks('„Nein“, sagte er... Ende') == ["„", "Nein", "“", ",", "sagte", "er", "...", "Ende"]
    assert toks("Sie kam 2023.") == ["Sie", "kam", "2023", "."]
    assert toks("Er wurde 3.") == ["Er", "wurde", "3", "."]


def test_heading_and_furniture() -> None:
    text = ("Erster Absatz mit einem Satz.\n\nZwischentitel hier\n\nZweiter Absatz. Noch ein Satz.\n"
            "Foto: Agentur\nMehr zum Thema – Etwas anderes\nMeist kommentiert")
    doc = SEGMENT(Document(id="x", text=text))
    assert [text[s.start:s.end] for s in doc.headings] == ["Zwischentitel hier"]
    assert [text[s.start:s.end] for s in doc.boilerplate] == \
        ["Foto: Agentur", "Mehr zum Thema – Etwas anderes", "Meist kommentiert"]
    assert all(not (b.start < s.end and s.start < b.end) for s in doc.sentences for b in doc.boilerplate)


def test_hard_wrapped_lines_form_one_paragraph() -> None:
    text = "Die Regierung hat am Montag\nbeschlossen, die Steuern zu senken.\nEin neuer Absatz."
    doc = SEGMENT(Document(id="x", text=text))
    assert len(doc.paragraphs) == 2
    assert doc.sentence_texts()[0] == "Die Regierung hat am Montag\nbeschlossen, die Steuern zu senken."


def test_spans_are_inside_the_text_and_ordered() -> None:
    text = "  Ein Satz.   Zwei Sätze!\n\n\n„Drei“ – vier...  \n"
    doc = SEGMENT(Document(id="x", text=text))
    for layer in (doc.paragraphs, doc.sentences, doc.tokens):
        assert layer == sorted(layer)
        for s in layer:
            assert 0 <= s.start < s.end <= len(text)
            assert text[s.start:s.end] == text[s.start:s.end].strip()


def _seed_docs() -> dict[str, Document]:
    seeds = shared_path("seeds")
    pipeline = Pipeline()
    out = {}
    for item in read_inputs([str(seeds)], ReaderOptions()):
        assert isinstance(item, Record)
        out[item.id] = pipeline(Document.from_record(item))
    return out


def test_seed_documents() -> None:
    docs = _seed_docs()
    first, second = docs["000_4b6b8be258251114"], docs["003_fba5388a89c07daf"]
    assert first.published == "2023-05" and first.language == "de"
    assert [first.surface(b) for b in first.boilerplate] == ["date 2023-05"]
    assert any("am 24. Februar 2022 begonnen hat." in s for s in first.sentence_texts())
    assert [first.surface(h) for h in first.headings] == ["Engster Verbündeter"]
    assert first.sentence_texts()[0].startswith("Der belarussische Präsident")
    assert [second.surface(b) for b in second.boilerplate] == \
        ["Mehr zum Thema – Putin billigt Vertrag über Sicherheitsgarantien für Weißrussland",
         "Meist kommentiert"]
    assert any(s.startswith("Sicherheitsgarantien zwischen Russland") and "am 6. Dezember in Minsk." in s
               for s in second.sentence_texts())

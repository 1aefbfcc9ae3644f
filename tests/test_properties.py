"""Property-based tests: arbitrary input never crashes a reader or a stage, and the
output keeps its invariants (offsets inside the text, spans ordered, the contract's
shape)."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lagebild.model import Record
from lagebild.pipeline import Outcome, Pipeline
from lagebild.readers import ReaderOptions, parse_header, read_inputs
from lagebild.sentences import split_sentences
from lagebild.tokens import tokenize

PIPELINE = Pipeline()
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

# text with the characters that break naive code: quotes of every kind, control
# characters, line breaks, punctuation runs, digits and letters with umlauts
PIECES = st.sampled_from(["„", "“", "”", '"', "»", "«", "‚", "‘", "'", ".", "...", "…", "!", "?", ":", ";", "\n", "\n\n",
                          "\r\n", "\t", "\x00", "\x1b", "\u200b", "\ufeff", " ", "-", "–", "(", ")", "24.", "Februar",
                          "am", "Dr.", "z.B.", "sagte", "er", "Putin", "dass", "sei", "2023", "Mitte", "Juni",
                          "Russland", "Weißrussland", "NATO", "date 2023-05 ", "Mehr zum Thema – x"])
TEXTS = st.one_of(st.text(max_size=400), st.lists(PIECES, max_size=120).map("".join),
                  st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=80).map(" ".join))


def check_document(doc: dict, text: str) -> None:
    """The contract's shape and the invariants of every span."""
    assert doc["text"] == text
    n = len(text)
    for key in ("boilerplate", "sentences", "timexes", "quotes", "entities", "events"):
        assert isinstance(doc[key], list), key
    spans = [("boilerplate", s) for s in doc["boilerplate"]] + [("sentences", s) for s in doc["sentences"]]
    spans += [("timexes", t) for t in doc["timexes"]] + [("quotes", q) for q in doc["quotes"]]
    spans += [("mentions", m) for e in doc["entities"] for m in e["mentions"]]
    spans += [("evidence", e["evidence"]) for e in doc["events"] if e.get("evidence")]
    for layer, s in spans:
        assert 0 <= s["start"] <= s["end"] <= n, (layer, s)
    for q in doc["quotes"]:
        for a, b in q.get("spans") or []:
            assert 0 <= a <= b <= n
        for part in ("speaker", "cue"):
            if q.get(part) and q[part].get("start") is not None:
                assert 0 <= q[part]["start"] <= q[part]["end"] <= n
    starts = [s["start"] for s in doc["sentences"]]
    assert starts == sorted(starts)
    for t in doc["timexes"]:
        assert t["type"] in ("DATE", "TIME", "DURATION", "SET") and isinstance(t["value"], str)
    json.dumps(doc, ensure_ascii=False)


@SETTINGS
@given(TEXTS)
def test_pipeline_never_raises_and_keeps_invariants(text: str) -> None:
    outcome = PIPELINE.analyze(Record(id="x", text=text))
    assert isinstance(outcome, Outcome)
    if outcome.document is not None:
        check_document(outcome.document.to_json(), text)


@SETTINGS
@given(TEXTS, st.sampled_from([None, "2023-05", "2024-12-06", "1999"]))
def test_pipeline_with_a_publication_date(text: str, published: str | None) -> None:
    outcome = PIPELINE.analyze(Record(id="x", text=text, meta={"published": published}))
    if outcome.document is not None:
        check_document(outcome.document.to_json(), text)


@SETTINGS
@given(TEXTS)
def test_sentences_and_tokens_are_trimmed_ordered_and_disjoint(text: str) -> None:
    for layer in (split_sentences(text), tokenize(text)):
        prev_end = 0
        for s in layer:
            assert prev_end <= s.start < s.end <= len(text)
            assert text[s.start:s.end] == text[s.start:s.end].strip()
            prev_end = s.end


@SETTINGS
@given(TEXTS)
def test_header_spans_lie_in_the_text(text: str) -> None:
    meta, spans, body = parse_header(text)
    assert 0 <= body <= len(text)
    for s in spans:
        assert 0 <= s.start < s.end <= len(text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=600), st.sampled_from([".txt", ".jsonl", ".json", ".csv", ".tsv", ".html", ".dat"]))
def test_readers_turn_any_bytes_into_records_or_errors(tmp_path_factory, data: bytes, ext: str) -> None:  # type: ignore[no-untyped-def]
    path = Path(tmp_path_factory.mktemp("fuzz")) / f"input{ext}"
    path.write_bytes(data)
    for item in read_inputs([str(path)], ReaderOptions(max_chars=10_000)):
        assert isinstance(item, (Record, Outcome))
        if isinstance(item, Record):
            assert isinstance(item.text, str) and item.text.strip()
        else:
            assert item.error


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 60))
def test_deeply_nested_markup(depth: int) -> None:
    from lagebild.readers import read_html_text

    html = "<div>" * (depth * 50) + "Ein Satz im Inneren. Noch einer hier." + "</div>" * (depth * 50)
    result = read_html_text(html, "nested")
    assert isinstance(result, (Record, Outcome))

"""Readers: every input format, metadata, and bad input that must not end a batch."""

from __future__ import annotations

import json
from pathlib import Path

from lagebild.metadata import normalize_date
from lagebild.model import Record
from lagebild.pipeline import Outcome
from lagebild.readers import ReaderOptions, parse_header, read_inputs

from conftest import EXAMPLES


def _read(*inputs: str, **opts: object) -> list[Record | Outcome]:
    return list(read_inputs(list(inputs), ReaderOptions(**opts)))  # type: ignore[arg-type]


def test_txt_header_on_the_same_line_as_the_first_sentence(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(" date 2023-05 Der Präsident lädt andere Länder ein.\n\nZweiter Absatz.", encoding="utf-8")
    (rec,) = _read(str(f))
    assert isinstance(rec, Record)
    assert rec.id == "a"
    assert rec.meta["published"] == "2023-05"
    assert [rec.text[s.start:s.end] for s in rec.header] == ["date 2023-05"]
    assert rec.text == f.read_text(encoding="utf-8")


def test_txt_header_lines() -> None:
    text = "date 2024-03-07\nsource Beispiel\ntitle Ein Titel\nurl https://x.example/a\n\nText."
    meta, spans, body = parse_header(text)
    assert meta == {"published": "2024-03-07", "source": "Beispiel", "title": "Ein Titel",
                    "url": "https://x.example/a"}
    assert len(spans) == 4 and text[body:] == "\nText."


def test_running_text_is_not_a_header() -> None:
    assert parse_header("Title fight ends in a draw.")[0] == {}
    assert parse_header("Datum und Uhrzeit sind noch offen.")[0] == {}


def test_normalize_date() -> None:
    assert normalize_date("2023-05") == "2023-05"
    assert normalize_date("2024-12-06T10:00:00Z") == "2024-12-06T10:00:00"
    assert normalize_date("06.12.2024") == "2024-12-06"
    assert normalize_date("6. Dezember 2024") == "2024-12-06"
    assert normalize_date("Mai 2023") == "2023-05"
    assert normalize_date("2023-13-01") is None
    assert normalize_date("gestern") is None


def test_jsonl_with_renamed_fields_and_bad_lines(tmp_path: Path) -> None:
    f = tmp_path / "batch.jsonl"
    lines = [json.dumps({"uuid": "a1", "body": "Ein Text.", "date": "2024-01-02"}),
             "{not json",
             json.dumps({"uuid": "a2"}),
             json.dumps({"uuid": "a3", "body": "   "}),
             json.dumps(["a", "list"]),
             json.dumps({"uuid": "a4", "body": "Noch ein Text."})]
    f.write_text("\n".join(lines), encoding="utf-8")
    out = _read(str(f), fields={"id": "uuid", "text": "body"})
    ok = [r for r in out if isinstance(r, Record)]
    bad = [r for r in out if isinstance(r, Outcome)]
    assert [r.id for r in ok] == ["a1", "a4"]
    assert ok[0].meta["published"] == "2024-01-02"
    assert [b.id for b in bad] == ["batch:2", "a2", "a3", "batch-5"]
    assert all(b.error for b in bad)


def test_json_array_and_single_object(tmp_path: Path) -> None:
    (tmp_path / "arr.json").write_text(json.dumps([{"text": "Eins."}, {"text": "Zwei."}]), encoding="utf-8")
    (tmp_path / "one.json").write_text(json.dumps({"id": "x", "text": "Drei."}, indent=2), encoding="utf-8")
    out = _read(str(tmp_path / "arr.json"), str(tmp_path / "one.json"))
    assert [r.text for r in out if isinstance(r, Record)] == ["Eins.", "Zwei.", "Drei."]
    assert [r.id for r in out] == ["arr-1", "arr-2", "x"]


def test_csv_and_tsv(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text('id;text;published\n1;"Ein Text; mit Semikolon.";2024-05-01\n2;;\n',
                                    encoding="utf-8")
    (tmp_path / "b.tsv").write_text("id\ttext\nt1\tTab-getrennt.\n", encoding="utf-8")
    out = _read(str(tmp_path / "a.csv"), str(tmp_path / "b.tsv"))
    assert isinstance(out[0], Record) and out[0].text == "Ein Text; mit Semikolon."
    assert isinstance(out[1], Outcome) and out[1].id == "2"
    assert isinstance(out[2], Record) and out[2].id == "t1"


def test_html_with_trafilatura() -> None:
    (rec,) = _read(str(EXAMPLES / "gipfel-vilnius-2023.html"))
    assert isinstance(rec, Record)
    assert rec.meta["published"] == "2023-07-12"
    assert rec.meta["title"] == "NATO-Gipfel in Vilnius beendet"
    assert rec.meta["source"] == "Beispiel-Nachrichten"
    assert "litauischen Hauptstadt Vilnius" in rec.text
    assert "Impressum" not in rec.text and "Startseite" not in rec.text


def test_directories_globs_and_missing_inputs(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "x.txt").write_text("Eins.", encoding="utf-8")
    (tmp_path / "y.txt").write_text("Zwei.", encoding="utf-8")
    (tmp_path / "ignored.bin").write_bytes(b"\x00\x01")
    out = _read(str(tmp_path), str(tmp_path / "*.txt"), str(tmp_path / "nothing-*.txt"))
    assert [r.id for r in out] == ["y", "x", "y", str(tmp_path / "nothing-*.txt")]
    assert isinstance(out[-1], Outcome) and "no such file" in (out[-1].error or "")


def test_binary_empty_and_invalid_utf8(tmp_path: Path) -> None:
    (tmp_path / "fake.txt").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "latin.txt").write_bytes("Die Straße in Köln.".encode("cp1252"))
    (tmp_path / "good.txt").write_text("Alles gut.", encoding="utf-8")
    out = {r.id: r for r in _read(str(tmp_path))}
    assert isinstance(out["fake"], Outcome) and "PDF" in (out["fake"].error or "")
    assert isinstance(out["empty"], Outcome) and "no text" in (out["empty"].error or "")
    latin = out["latin"]
    assert isinstance(latin, Record) and latin.text == "Die Straße in Köln."
    assert any("Windows-1252" in w for w in latin.warnings)
    assert isinstance(out["good"], Record)


def test_too_large_document_is_reported(tmp_path: Path) -> None:
    f = tmp_path / "big.txt"
    f.write_text("Ein Satz. " * 1000, encoding="utf-8")
    (out,) = _read(str(f), max_chars=5000)
    assert isinstance(out, Outcome) and "too large" in (out.error or "") and "--max-chars" in (out.error or "")

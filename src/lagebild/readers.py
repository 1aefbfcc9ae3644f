"""Readers: turn files, directories, globs and stdin into records.

Every reader yields ``Record`` objects, or an ``Outcome`` carrying the error for a
record that cannot be read, so that one bad item never ends the batch.
"""

from __future__ import annotations

import csv
import glob
import io
import json
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

from lagebild.decoding import decode
from lagebild.errors import InputError
from lagebild.metadata import normalize_date
from lagebild.model import Record, Span
from lagebild.pipeline import Outcome

TEXT_EXT = {".txt", ".text", ".md"}
JSON_EXT = {".jsonl", ".ndjson", ".json"}
CSV_EXT = {".csv", ".tsv"}
HTML_EXT = {".html", ".htm", ".xhtml"}
KNOWN_EXT = TEXT_EXT | JSON_EXT | CSV_EXT | HTML_EXT

FIELDS = ("id", "text", "published", "title", "source", "url", "language")
# other names the same field often has in crawler and archive dumps
FIELD_ALIASES = {
    "text": ("text", "body", "content", "article", "maintext"),
    "id": ("id", "doc_id", "uuid", "guid"),
    "published": ("published", "date", "date_publish", "pubdate", "datetime", "timestamp"),
    "title": ("title", "headline"),
    "source": ("source", "sitename", "outlet", "publisher"),
    "url": ("url", "link"),
    "language": ("language", "lang"),
}

DEFAULT_MAX_CHARS = 5_000_000


@dataclass
class ReaderOptions:
    """How to read inputs: field names for structured records and size limits."""

    fields: dict[str, str] = field(default_factory=dict)  # our name -> the input's name
    max_chars: int = DEFAULT_MAX_CHARS

    def lookup(self, rec: dict[str, Any], name: str) -> Any:
        """The value of field ``name`` in ``rec``, by configured name or known alias."""
        if name in self.fields:
            return rec.get(self.fields[name])
        for alias in FIELD_ALIASES.get(name, (name,)):
            if alias in rec:
                return rec[alias]
        return None


# ---------------------------------------------------------------- sources

def expand_inputs(inputs: Iterable[str]) -> Iterator[str | Outcome]:
    """Files to read for a mix of files, directories (recursive), globs and ``-``.

    An input that names nothing yields an ``Outcome`` with the error, so that the
    other inputs are still read.
    """
    for item in inputs:
        if item == "-" or os.path.isfile(item):
            yield item
        elif os.path.isdir(item):
            yield from _walk(item)
        else:
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                yield Outcome(item, error=f"{item}: no such file, directory or glob match")
            for m in matches:
                if os.path.isdir(m):
                    yield from _walk(m)
                else:
                    yield m


def _walk(directory: str) -> Iterator[str]:
    for root, dirs, files in os.walk(directory):
        dirs.sort()
        for name in sorted(files):
            if Path(name).suffix.lower() in KNOWN_EXT and not name.startswith("."):
                yield os.path.join(root, name)


def read_inputs(inputs: Iterable[str], options: ReaderOptions | None = None) -> Iterator[Record | Outcome]:
    """Records (or per-record errors) from every input, in order."""
    options = options or ReaderOptions()
    for path in expand_inputs(inputs):
        if isinstance(path, Outcome):
            yield path
        else:
            yield from read_source(path, options)


def read_source(path: str, options: ReaderOptions) -> Iterator[Record | Outcome]:
    """Records of one file (or ``-`` for stdin), chosen by extension or content."""
    name = "stdin" if path == "-" else Path(path).stem
    try:
        data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except OSError as exc:
        yield Outcome(name, error=f"cannot read {path}: {exc.strerror or exc}")
        return
    kind = _kind(path, data)
    try:
        text, warning = decode(data)
    except InputError as exc:
        yield Outcome(name, error=f"{path}: {exc}")
        return
    warnings = [warning] if warning else []
    if kind == "json":
        yield from read_json_text(text, name, options, warnings)
    elif kind == "csv":
        delim = "\t" if path.lower().endswith(".tsv") else None
        yield from read_csv_text(text, name, options, warnings, delim)
    elif kind == "html":
        yield _checked(read_html_text(text, name, warnings), options)
    else:
        yield _checked(read_txt_text(text, name, warnings), options)


def _kind(path: str, data: bytes) -> str:
    ext = Path(path).suffix.lower()
    if ext in JSON_EXT:
        return "json"
    if ext in CSV_EXT:
        return "csv"
    if ext in HTML_EXT:
        return "html"
    if ext in TEXT_EXT:
        return "txt"
    head = data[:512].lstrip().lower()
    if head[:1] in (b"{", b"["):
        return "json"
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    return "txt"


def _checked(record: Record | Outcome, options: ReaderOptions) -> Record | Outcome:
    """Reject records with no usable text or more text than allowed."""
    if isinstance(record, Outcome):
        return record
    if not record.text or not record.text.strip():
        return Outcome(record.id, error="no text: the record is empty or whitespace only")
    if len(record.text) > options.max_chars:
        return Outcome(record.id, error=(f"document too large: {len(record.text):,} characters, "
                                         f"limit {options.max_chars:,} (raise it with --max-chars)"))
    return record


# ---------------------------------------------------------------- plain text

# `key value` header lines at the start of a .txt file; date and url take one
# token, so that text may follow on the same line (as in "date 2023-05 Der ...")
_HEADER_KEYS = {"date": "published", "datum": "published", "published": "published",
                "source": "source", "quelle": "source", "url": "url", "title": "title",
                "titel": "title"}
_HEADER = re.compile(
    r"[ \t]*(?P<key>(?i:date|datum|published|source|quelle|url|title|titel))"
    r"(?:[ \t]*:[ \t]*|[ \t]+)(?P<value>\S[^\n]*)")
_DATE_TOKEN = re.compile(r"\d{4}(?:-\d{1,2}(?:-\d{1,2}(?:T[\d:.+\-Z]+)?)?)?|\d{1,2}\.\d{1,2}\.\d{4}")


def parse_header(text: str) -> tuple[dict[str, str], list[Span], int]:
    """Metadata from leading header lines, their spans, and where the body begins."""
    meta: dict[str, str] = {}
    spans: list[Span] = []
    pos = 0
    while True:
        m = _HEADER.match(text, pos)
        if not m:
            break
        key = m.group("key")
        if key != key.lower() and text[m.end("key"):m.start("value")].strip() != ":":
            break  # "Title fight ..." is running text, not a header
        field_name = _HEADER_KEYS[key.lower()]
        value_start = m.start("value")
        if field_name in ("published", "url"):
            tok = (_DATE_TOKEN if field_name == "published" else re.compile(r"\S+")).match(text, value_start)
            if not tok or (field_name == "url" and not re.match(r"(https?://|www\.)", tok.group())):
                break
            value, end = tok.group(), tok.end()
        else:
            end = m.end("value")
            value = m.group("value").strip()
        if field_name in meta:
            break
        meta[field_name] = value
        spans.append(Span(m.start("key"), end))
        rest = re.match(r"[ \t]*\n?", text[end:])
        pos = end + (rest.end() if rest else 0)
        if text[end:pos].find("\n") < 0 and pos < len(text):
            break  # the body starts on the header's own line
    return meta, spans, pos


def read_txt_text(text: str, name: str, warnings: list[str] | None = None) -> Record:
    """A .txt document: the whole text, metadata from its header lines."""
    header, spans, _ = parse_header(text)
    meta: dict[str, Any] = dict(header)
    if "published" in meta:
        raw = meta["published"]
        meta["published"] = normalize_date(raw)
    return Record(id=name, text=text, meta=meta, header=spans, warnings=list(warnings or []))


# ---------------------------------------------------------------- JSON / JSONL

def read_json_text(text: str, name: str, options: ReaderOptions,
                   warnings: list[str] | None = None) -> Iterator[Record | Outcome]:
    """Records of a JSON array, a single JSON object, or JSON Lines."""
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            yield Outcome(name, error=f"invalid JSON: {exc}")
            return
        for i, rec in enumerate(data if isinstance(data, list) else [data], 1):
            yield record_from_mapping(rec, f"{name}-{i}", options, warnings)
        return
    lines = text.splitlines()
    if stripped.startswith("{") and len([ln for ln in lines if ln.strip()]) > 1:
        try:  # a pretty-printed single object spans several lines
            yield record_from_mapping(json.loads(text), f"{name}-1", options, warnings)
            return
        except json.JSONDecodeError:
            pass
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Outcome(f"{name}:{lineno}", error=f"invalid JSON on line {lineno}: {exc.msg}")
            continue
        yield record_from_mapping(rec, f"{name}-{lineno}", options, warnings)


def record_from_mapping(rec: Any, fallback_id: str, options: ReaderOptions,
                        warnings: list[str] | None) -> Record | Outcome:
    """A record from a JSON object, CSV row or Parquet row (or the reason it has none)."""
    if not isinstance(rec, dict):
        return Outcome(fallback_id, error=f"record is a {type(rec).__name__}, not an object")
    rid = options.lookup(rec, "id")
    rid = str(rid) if rid not in (None, "") else fallback_id
    text = options.lookup(rec, "text")
    if not isinstance(text, str):
        what = "missing" if text is None else f"a {type(text).__name__}, not a string"
        return Outcome(rid, error=f"no text: field {options.fields.get('text', 'text')!r} is {what}")
    meta: dict[str, Any] = {}
    for key in ("title", "source", "url", "language"):
        val = options.lookup(rec, key)
        if val not in (None, ""):
            meta[key] = str(val)
    pub = options.lookup(rec, "published")
    if pub not in (None, ""):
        meta["published"] = normalize_date(pub)
        if meta["published"] is None:
            warnings = list(warnings or []) + [f"unreadable publication date {pub!r} ignored"]
    return _checked(Record(id=rid, text=text, meta=meta, warnings=list(warnings or [])), options)


# ---------------------------------------------------------------- CSV

def read_csv_text(text: str, name: str, options: ReaderOptions, warnings: list[str] | None = None,
                  delimiter: str | None = None) -> Iterator[Record | Outcome]:
    """Records of a CSV/TSV table with a header row; the delimiter is sniffed if not given."""
    if delimiter is None:
        try:
            delimiter = csv.Sniffer().sniff(text[:8192], delimiters=",;\t|").delimiter
        except csv.Error:
            delimiter = ","
    csv.field_size_limit(max(options.max_chars * 4, 1 << 20))
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for i, row in enumerate(reader, 1):
            yield record_from_mapping(row, f"{name}-{i}", options, warnings)
    except csv.Error as exc:
        yield Outcome(f"{name}:{reader.line_num}", error=f"malformed CSV: {exc}")


# ---------------------------------------------------------------- HTML

def read_html_text(html: str, name: str, warnings: list[str] | None = None) -> Record | Outcome:
    """Main text and metadata of a web page, extracted with trafilatura."""
    import trafilatura  # imported here: loading it costs time that text-only runs need not pay

    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                          include_tables=False, fast=False)
    except (ValueError, TypeError, RecursionError) as exc:
        return Outcome(name, error=f"HTML extraction failed: {exc}")
    if doc is None:
        return Outcome(name, error="no text: trafilatura found no main text in the page")
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = data.get("text") or ""
    title = data.get("title")
    meta = {"title": title, "source": data.get("sitename"), "url": data.get("url"),
            "published": normalize_date(data.get("date")), "language": None}
    meta = {k: v for k, v in meta.items() if v}
    return Record(id=name, text=text, meta=meta, warnings=list(warnings or []))

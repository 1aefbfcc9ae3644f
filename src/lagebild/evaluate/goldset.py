"""What every gold reader produces, and reading a system's JSONL output.

A ``GoldSet`` pairs the input records (what the pipeline analyses) with the gold
annotations of the same documents, keyed by document id. The annotation objects
are format-specific; each format module reads and scores its own.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

from lagebild.errors import InputError, UsageError
from lagebild.metadata import normalize_date
from lagebild.model import Record

KINDS = ("timeml", "wikinews", "seeds", "germeval")


@dataclass
class GoldSet:
    """Input records and gold annotations of one development set."""

    kind: str  # one of KINDS
    path: str
    records: list[Record] = field(default_factory=list)
    gold: dict[str, Any] = field(default_factory=dict)

    @property
    def name(self) -> str:
        """A short label: the kind and the directory or file name."""
        base = os.path.basename(os.path.normpath(self.path))
        return f"{self.kind}:{os.path.splitext(base)[0] if self.kind == 'germeval' else base}"


def make_record(doc_id: str, text: str, published: str | None = None,
                title: str | None = None) -> Record:
    """A record as ``lagebild analyze`` builds it from a JSONL line with these fields.

    The JSONL reader normalises the date and leaves empty fields out; doing the same
    here means the harness scores exactly what ``analyze`` would write.
    """
    meta: dict[str, Any] = {}
    if title:
        meta["title"] = title
    if published:
        norm = normalize_date(published)
        if norm is not None:
            meta["published"] = norm
    return Record(id=doc_id, text=text, meta=meta)


def require_dir(path: str, what: str) -> None:
    """Raise a ``UsageError`` naming the option unless ``path`` is a directory."""
    if not os.path.exists(path):
        raise UsageError(f"{what}: {path}: no such directory")
    if not os.path.isdir(path):
        raise UsageError(f"{what}: {path}: not a directory")


def require_file(path: str, what: str) -> None:
    """Raise a ``UsageError`` naming the option unless ``path`` is a file."""
    if not os.path.exists(path):
        raise UsageError(f"{what}: {path}: no such file")
    if not os.path.isfile(path):
        raise UsageError(f"{what}: {path}: not a file")


def sorted_files(directory: str, suffix: str) -> list[str]:
    """Files in ``directory`` (not recursive) ending in ``suffix``, in name order."""
    return [os.path.join(directory, n) for n in sorted(os.listdir(directory))
            if n.endswith(suffix) and os.path.isfile(os.path.join(directory, n))]


def gold_files(directory: str, suffix: str, what: str, kind: str) -> list[str]:
    """The gold files of a directory given with option ``what``; a clear error if none."""
    require_dir(directory, what)
    files = sorted_files(directory, suffix)
    if not files:
        raise InputError(f"{what}: {directory}: no {kind}")
    return files


def load_system(path: str) -> dict[str, dict[str, Any]]:
    """Documents of a JSONL analysis output by id (a later line with the same id wins)."""
    require_file(path, "--system")
    docs: dict[str, dict[str, Any]] = {}
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                doc = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}, line {lineno}: invalid JSON: {exc.msg}") from None
            if not isinstance(doc, dict):
                raise InputError(f"{path}, line {lineno}: a document must be a JSON object")
            docs[str(doc.get("id"))] = doc
    return docs


def check_texts(gold_texts: Iterable[tuple[str, str]], system: Mapping[str, dict[str, Any]]) -> None:
    """Refuse to score a system document whose text is not the gold text.

    Offsets only mean the same thing on the same text; a silently different text
    (stripped, re-encoded) would turn every span into a miss.
    """
    for doc_id, text in gold_texts:
        sys_text = (system.get(doc_id) or {}).get("text")
        if sys_text is not None and sys_text != text:
            raise InputError(f"the system's text of {doc_id!r} differs from the gold text: "
                             "offsets cannot be scored (was the input changed?)")

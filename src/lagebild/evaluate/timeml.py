"""TimeML gold (``*.tml`` with inline TIMEX3 and a DCT), e.g. the KRAUTS corpus.

The document text is the content of ``<TEXT>`` with every tag removed and HTML
entities resolved; a TIMEX3 element with non-blank content becomes a gold timex
over its (tag-free) content. The creation time (``<DCT>``) is the publication date.
"""

from __future__ import annotations

import html
import os
import re
from typing import Any, Mapping

from lagebild.evaluate.goldset import GoldSet, check_texts, make_record, gold_files
from lagebild.evaluate.timexes import score_timexes
from lagebild.errors import InputError

_TAG = re.compile(r"<[^>]+>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_DCT = re.compile(r"<DCT>(.*?)</DCT>", re.S)
_VALUE = re.compile(r'value="([^"]*)"')


def doc_id(path: str) -> str:
    """The document id of a ``.tml`` file: its name without up to two extensions.

    KRAUTS names files ``1004479_text.txt.tml``: the id is ``1004479_text``.
    """
    stem = os.path.splitext(os.path.basename(path))[0]
    return os.path.splitext(stem)[0]


def parse_timeml(raw: str) -> tuple[str, str | None, list[dict[str, Any]]]:
    """Text, creation date and gold timexes (with offsets into the text) of a TimeML string."""
    dct_match = _DCT.search(raw)
    dct = None
    if dct_match:
        value = _VALUE.search(dct_match.group(1))
        dct = value.group(1) if value else None
    start, end = raw.find("<TEXT>"), raw.rfind("</TEXT>")
    if start < 0 or end < start:
        raise InputError("no <TEXT> element")
    body = raw[start + len("<TEXT>"):end]

    out: list[str] = []  # finished text pieces
    length = 0
    pending: list[str] = []  # raw text since the last TIMEX3 boundary, tags removed
    open_attrs: dict[str, str] | None = None  # attributes of the TIMEX3 we are inside
    timexes: list[dict[str, Any]] = []
    pos = 0

    def flush() -> str:
        # entities are resolved per stretch, after the tags inside it are gone
        nonlocal length
        piece = html.unescape("".join(pending))
        pending.clear()
        out.append(piece)
        length += len(piece)
        return piece

    for tag in _TAG.finditer(body):
        pending.append(body[pos:tag.start()])
        pos = tag.end()
        name = tag.group()
        if open_attrs is None and name.startswith("<TIMEX3") and not name.endswith("/>"):
            if _closes_later(body, pos):
                flush()
                open_attrs = dict(_ATTR.findall(name[len("<TIMEX3"):-1]))
        elif open_attrs is not None and name == "</TIMEX3>":
            begin = length
            inner = flush()
            if inner.strip():
                timexes.append({"start": begin, "end": length, "type": open_attrs.get("type"),
                                "value": open_attrs.get("value"), "mod": open_attrs.get("mod")})
            open_attrs = None
    pending.append(body[pos:])
    flush()
    return "".join(out), dct, timexes


def _closes_later(body: str, pos: int) -> bool:
    # an opening TIMEX3 that is never closed is an ordinary tag: dropped, text kept
    return body.find("</TIMEX3>", pos) >= 0


def load_timeml(directory: str) -> GoldSet:
    """Records and gold timexes of every ``*.tml`` file in ``directory``."""
    files = gold_files(directory, ".tml", "--timeml", ".tml files")
    gold = GoldSet("timeml", directory)
    for path in files:
        with open(path, encoding="utf-8") as fh:
            raw = fh.read()
        try:
            text, dct, timexes = parse_timeml(raw)
        except InputError as exc:
            raise InputError(f"{path}: {exc}") from None
        did = doc_id(path)
        gold.records.append(make_record(did, text, published=dct))
        gold.gold[did] = (text, timexes)
    return gold


def score_timeml(gold: GoldSet, system: Mapping[str, dict[str, Any]]) -> dict[str, Any]:
    """Timex figures of ``system`` on a TimeML set (strict = identical offsets)."""
    check_texts(((did, text) for did, (text, _) in gold.gold.items()), system)
    return score_timexes(gold.gold, system)

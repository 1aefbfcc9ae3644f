"""TimeML output: a document's text with inline TIMEX3 tags and its DCT.

The text between tags is the document text, XML-escaped, so that a TimeML
reader that strips the tags gets ``doc.text`` back and offsets agree.
"""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape, quoteattr

from lagebild.model import Document


def _attrs(tid: str, tx: dict[str, Any]) -> str:
    out = f"tid={quoteattr(tid)} type={quoteattr(str(tx.get('type') or 'DATE'))} " \
          f"value={quoteattr(str(tx.get('value') or ''))}"
    if tx.get("mod"):
        out += f" mod={quoteattr(str(tx['mod']))}"
    return out


def to_timeml(doc: Document) -> str:
    """The document as a TimeML string (TimeML 1.2.1 layout: DOCID, DCT, TEXT)."""
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<TimeML>\n',
             f"<DOCID>{escape(doc.id)}</DOCID>\n"]
    if doc.published:
        extra = ' comment="inferred"' if doc.published_inferred else ""
        parts.append(f'<DCT><TIMEX3 tid="t0" type="DATE" value={quoteattr(doc.published)} '
                     f'temporalFunction="false" functionInDocument="CREATION_TIME"{extra}>'
                     f"{escape(doc.published)}</TIMEX3></DCT>\n")
    parts.append("<TEXT>")
    pos = 0
    for i, tx in enumerate(sorted(doc.timexes, key=lambda t: t["start"]), 1):
        if tx["start"] < pos:  # overlapping expressions cannot nest in inline markup
            continue
        parts.append(escape(doc.text[pos:tx["start"]]))
        parts.append(f"<TIMEX3 {_attrs(f't{i}', tx)}>{escape(doc.text[tx['start']:tx['end']])}</TIMEX3>")
        pos = tx["end"]
    parts.append(escape(doc.text[pos:]))
    parts.append("</TEXT>\n</TimeML>\n")
    return "".join(parts)


def doc_from_json(obj: dict) -> Document:
    """A document (id, text, published, timexes) from one line of the JSON output."""
    return Document(id=str(obj.get("id")), text=obj.get("text") or "", published=obj.get("published"),
                    published_inferred=bool(obj.get("published_inferred")),
                    timexes=list(obj.get("timexes") or []))


def main(argv: list[str] | None = None) -> int:
    """``python -m lagebild.timex OUT.jsonl DIR``: one TimeML file per analysed document."""
    import argparse
    import json
    import re
    from pathlib import Path

    ap = argparse.ArgumentParser(description="Write the timexes of lagebild's JSON output as TimeML files.")
    ap.add_argument("jsonl", help="output of `lagebild analyze`")
    ap.add_argument("outdir", help="directory for the .tml files (created)")
    args = ap.parse_args(argv)
    out = Path(args.outdir)
    out.mkdir(parents=True, exist_ok=True)
    n = 0
    with open(args.jsonl, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                doc = doc_from_json(json.loads(line))
                name = re.sub(r"[^\w.-]+", "_", doc.id) or f"doc{n}"
                (out / f"{name}.tml").write_text(to_timeml(doc), encoding="utf-8")
                n += 1
    print(f"{n} TimeML files in {out}")
    return 0

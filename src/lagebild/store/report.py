"""A readable situation report of the store, in Markdown and self-contained HTML.

Every statement carries a reference to its evidence: the document id and the
character range of the sentence it rests on, and the sentence itself.
"""

from __future__ import annotations

import html
import re
from typing import Any

from lagebild.store.compare import compare
from lagebild.store.db import Store
from lagebild.store.queries import Filters, quotes, timeline

TOP_ACTORS = 30
GROUPS = ("ALLIANCE", "ORGANIZATION", "TREATY", "DOCUMENT")


def _ref(doc_id: str, start: Any, end: Any) -> str:
    return f"[{doc_id}:{start}-{end}]" if start is not None else f"[{doc_id}]"


def build_report(store: Store, f: Filters | None = None) -> str:
    """The report as Markdown."""
    f = f or Filters()
    docs = store.query("SELECT count(*) AS n, min(published) AS first, max(published) AS last, "
                       "count(DISTINCT coalesce(source, id)) AS sources FROM documents")[0]
    out = ["# Lagebild — situation report", "",
           f"{docs['n']} documents from {docs['sources']} sources, published {docs['first']} to {docs['last']}.", ""]
    out += _actors_section(store) + _groups_section(store) + _timeline_section(store, f)
    out += _quotes_section(store, f) + _compare_section(store, f)
    return "\n".join(out) + "\n"


def _actors_section(store: Store) -> list[str]:
    rows = store.query("SELECT id, name, type, n_mentions, n_documents FROM actors "
                       "ORDER BY n_documents DESC, n_mentions DESC, name LIMIT ?", [TOP_ACTORS])
    out = ["## Actors", "", "| actor | type | mentions | documents |", "| --- | --- | --- | --- |"]
    out += [f"| {r['name']} (`{r['id']}`) | {r['type']} | {r['n_mentions']} | {r['n_documents']} |" for r in rows]
    return out + [""]


def _groups_section(store: Store) -> list[str]:
    rows = store.query("SELECT a.id, a.name, a.type FROM actors a WHERE a.type IN (SELECT unnest(?)) "
                       "ORDER BY a.type, a.n_documents DESC, a.name", [list(GROUPS)])
    out = ["## Alliances, organisations and treaties", ""]
    for r in rows:
        # members and parties as the relations state them, else the parties of its events
        rels = store.query("SELECT DISTINCT subject, date FROM relations WHERE object = ? AND type IN "
                           "('member', 'party') ORDER BY subject", [r["id"]])
        events = store.query("SELECT DISTINCT c.actor, c.target, c.date FROM event_clusters c "
                             "WHERE ? IN (c.actor, c.target, c.object) ORDER BY c.date NULLS LAST", [r["id"]])
        parties = sorted({x["subject"] for x in rels} or
                         ({e["actor"] for e in events} | {e["target"] for e in events if e["target"]}) - {r["id"]})
        dates = sorted({x["date"] for x in rels if x["date"]} | {e["date"] for e in events if e["date"]})
        line = f"- **{r['name']}** ({r['type'].lower()})"
        if parties:
            label = "members" if r["type"] == "ALLIANCE" else "parties"
            line += f" — {label}: {', '.join(_names(store, parties))}"
        if dates:
            line += f"; dates: {', '.join(dates)}"
        out.append(line)
    return out + [""]


def _names(store: Store, ids: list[str]) -> list[str]:
    """Canonical names of actor ids (the id itself where the store has no such actor)."""
    known = {r["id"]: r["name"] for r in store.query("SELECT id, name FROM actors WHERE list_contains(?, id)", [ids])}
    return [known.get(i, i) for i in ids]


def _timeline_section(store: Store, f: Filters) -> list[str]:
    out = ["## Timeline", ""]
    for e in timeline(store, f):
        target = f" → {e['target']}" if e["target"] else ""
        mode = f" ({e['mode']})" if e["mode"] else ""
        out.append(f"- **{e['date'] or 'undated'}** {e['type']}{mode}: {e['actor']}{target}, "
                   f"*{e['status']}* — {', '.join(e['sources'])}")
        for r in e["reports"][:3]:
            out.append(f"  - “{r['evidence']}” {_ref(r['doc_id'], r['start'], r['end'])}")
    return out + [""]


def _quotes_section(store: Store, f: Filters) -> list[str]:
    by_speaker: dict[str, list[dict[str, Any]]] = {}
    for q in quotes(store, None, f):
        by_speaker.setdefault(q["speaker_name"] or q["speaker_text"] or "unknown speaker", []).append(q)
    out = ["## Quotes by speaker", ""]
    for speaker, qs in sorted(by_speaker.items(), key=lambda kv: -len(kv[1])):
        out.append(f"### {speaker} ({len(qs)})")
        out += [f"- “{q['text']}” ({q['kind']}, {q['source']}, {q['published'] or 'undated'}) "
                f"{_ref(q['doc_id'], q['start_char'], q['end_char'])}" for q in qs]
        out.append("")
    return out


def _compare_section(store: Store, f: Filters) -> list[str]:
    c = compare(store, f)
    out = ["## How the sources differ", "", "### Names for the same actor", ""]
    for rows in c["names"]:
        out.append(f"- {rows[0]['actor']}: " + "; ".join(f"{r['source']}: {', '.join(r['names'])}" for r in rows))
    out += ["", "### Whom each source quotes", ""]
    out += [f"- {s['source']}: {s['speaker']} ({s['n']})" for s in c["speakers"]]
    out += ["", "### Reported by one source only", ""]
    out += [f"- {e['source']}: {e['type']} {e['actor']} → {e['target'] or '—'} ({e['date'] or 'undated'}): "
            f"“{e['evidence']}”" for e in c["exclusive_events"]]
    out += ["", "### Dates that disagree", ""]
    out += [f"- {d['type']} {d['actor']} → {d['target'] or '—'}: "
            + ", ".join(f"{x['date']} ({x['source']})" for x in d["dates"]) for d in c["date_conflicts"]]
    return out + [""]


def markdown_to_html(md: str) -> str:
    """A self-contained HTML page for the report's Markdown subset (headings, lists, tables)."""
    body: list[str] = []
    in_list = in_table = False
    for line in md.splitlines():
        if in_list and not line.lstrip().startswith("- "):
            body.append("</ul>")
            in_list = False
        if in_table and not line.startswith("|"):
            body.append("</table>")
            in_table = False
        if line.startswith("#"):
            level = len(line) - len(line.lstrip("#"))
            body.append(f"<h{level}>{_inline(line[level:].strip())}</h{level}>")
        elif line.lstrip().startswith("- "):
            if not in_list:
                body.append("<ul>")
                in_list = True
            cls = ' class="evidence"' if line.startswith("  ") else ""
            body.append(f"<li{cls}>{_inline(line.strip()[2:])}</li>")
        elif line.startswith("|"):
            cells = [c.strip() for c in line.strip("|").split("|")]
            if set("".join(cells)) <= set("- "):
                continue
            tag = "th" if not in_table else "td"
            if not in_table:
                body.append("<table>")
                in_table = True
            body.append("<tr>" + "".join(f"<{tag}>{_inline(c)}</{tag}>" for c in cells) + "</tr>")
        elif line.strip():
            body.append(f"<p>{_inline(line)}</p>")
    body.append("</ul>" if in_list else "")
    body.append("</table>" if in_table else "")
    return (f"<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>Lagebild</title>"
            f"<style>{_CSS}</style></head><body>{''.join(body)}</body></html>\n")


def _inline(s: str) -> str:
    s = html.escape(s, quote=False)
    s = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", s)
    s = re.sub(r"\*(.+?)\*", r"<em>\1</em>", s)
    s = re.sub(r"`(.+?)`", r"<code>\1</code>", s)
    return re.sub(r"\[([^\]\s]+:\d+-\d+)\]", r'<span class="ref">\1</span>', s)


_CSS = ("body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}"
        "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:left}"
        "li.evidence{color:#555;font-size:.9em;list-style:circle}.ref{color:#06c;font-size:.8em}")

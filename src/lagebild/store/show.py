"""Plain-text rendering of query results for the terminal."""

from __future__ import annotations

from typing import Any


def _event_line(e: dict[str, Any]) -> str:
    target = f" → {e['target']}" if e.get("target") else ""
    mode = f"/{e['mode']}" if e.get("mode") else ""
    return f"{e.get('date') or '?':<12} {e['type']}{mode}: {e['actor']}{target} [{e.get('status')}]"


def _timeline(rows: list[dict[str, Any]]) -> str:
    out = []
    for e in rows:
        out.append(_event_line(e) + f"  ({', '.join(e['sources'])})")
        for r in e["reports"][:3]:
            out.append(f"    “{(r['evidence'] or '')[:160]}” — {r['doc_id']}")
    return "\n".join(out) + "\n" if out else "no events\n"


def _quotes(rows: list[dict[str, Any]]) -> str:
    out = [f"{q.get('speaker_name') or q.get('speaker_text') or '?'} ({q['kind']}, {q['source']}, "
           f"{q.get('published') or '?'}): “{q['text'][:200]}”" for q in rows]
    return "\n".join(out) + "\n" if out else "no quotes\n"


def _actor(a: dict[str, Any]) -> str:
    out = [f"{a['name']} [{a['id']}, {a['type']}] — {a['n_mentions']} mentions in {a['n_documents']} documents",
           "names used:"]
    out += [f"  {n['surface']} ({n['kind']}, {n['source']}): {n['n']}" for n in a["names"][:40]]
    if a["roles"]:
        out.append("roles: " + "; ".join(f"{r['role']}{' of ' + r['of'] if r.get('of') else ''} ({r['published']})"
                                         for r in a["roles"]))
    out.append(f"events ({len(a['events'])}):")
    out += ["  " + _event_line(e) for e in a["events"][:50]]
    out.append(f"quotes ({len(a['quotes'])}):")
    out += ["  " + line for line in _quotes(a["quotes"][:50]).splitlines()]
    return "\n".join(out) + "\n"


def _compare(c: dict[str, Any]) -> str:
    out = ["names for the same actor:"]
    for rows in c["names"]:
        out.append(f"  {rows[0]['actor']}: " + "; ".join(f"{r['source']}: {', '.join(r['names'])}" for r in rows))
    out.append("whom each source quotes:")
    out += [f"  {s['source']}: {s['speaker']} ({s['n']})" for s in c["speakers"]]
    out.append("events only one source reports:")
    out += [f"  {e['source']}: " + _event_line(e) for e in c["exclusive_events"]]
    out.append("dates that disagree:")
    out += [f"  {d['type']} {d['actor']} → {d.get('target')}: "
            + ", ".join(f"{x['date']} ({x['source']})" for x in d["dates"]) for d in c["date_conflicts"]]
    return "\n".join(out) + "\n"


def _search(rows: list[dict[str, Any]]) -> str:
    out = [f"{r['score']:.2f}  {r['source']} {r.get('published') or ''}: {r['text'][:200]}" for r in rows]
    return "\n".join(out) + "\n" if out else "no matches\n"


def show(command: str, result: Any) -> str:
    """The text a query command prints."""
    render = {"timeline": _timeline, "quotes": _quotes, "actor": _actor, "compare": _compare, "search": _search}
    return render[command](result)

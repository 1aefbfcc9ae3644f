"""Relations that make up the system the news describes.

Derived from the text and from coded events, each with an evidence span:

- ``office``: a person holds an office of a state ("der russische Präsident
  Wladimir Putin", "Weißrusslands Präsident Alexander Lukaschenko");
- ``member``: a state belongs to an alliance or union ("der Unionsstaat von
  Belarus und Russland", "Russland und Belarus bilden einen Unionsstaat", joining);
- ``party``: a state is party to a treaty it signed, with the date;
- ``deployment``: who stations what where, since when and how certain.
"""

from __future__ import annotations

import re
from typing import Any

from lagebild.events.context import DocContext
from lagebild.events.lexicon import Lexicon
from lagebild.model import Document

_STATE_TYPES = frozenset({"COUNTRY"})
_UNION_TYPES = frozenset({"ALLIANCE", "ORGANIZATION"})


def _role_regex(lex: Lexicon) -> re.Pattern[str]:
    roles = sorted(lex.cues.get("office_roles", []), key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(r) for r in roles) + r")\w*\s+$", re.IGNORECASE)


def office_holders(doc: Document, ctx: DocContext, lex: Lexicon) -> list[dict[str, Any]]:
    """Persons introduced with a state office: "<demonym|Land-s> <Rolle> <Name>"."""
    out: list[dict[str, Any]] = []
    if not lex.cues.get("office_roles"):
        return out
    role_re = _role_regex(lex)
    by_end = {r[1]: r for r in ctx.rows}
    seen: set[str] = set()
    text = doc.text
    for start, end, eid, kind, etype in ctx.rows:
        if etype != "PERSON" or kind != "name" or eid in seen:
            continue
        m = role_re.search(text, max(0, start - 40), start)
        if not m:
            continue
        # the state: a mention right before the role word, or "von X" right after it
        pre = text[:m.start()].rstrip()
        state = by_end.get(len(pre))
        if state is None:
            post = re.match(r"\s*(?:von|of)\s+", text[m.end(1):start])
            if post:
                state = next((r for r in ctx.rows if r[0] == m.end(1) + post.end()), None)
        if state is None or state[4] not in _STATE_TYPES:
            continue
        seen.add(eid)
        ctx.office[eid] = state[2]
        out.append({"type": "office", "subject": eid, "object": state[2], "role": m.group(1),
                    "evidence": {"start": state[0] if state[0] < m.start() else m.start(), "end": end}})
    return out


def membership(doc: Document, ctx: DocContext, lex: Lexicon) -> list[dict[str, Any]]:
    """States named inside or next to a union's name, or that "form" one together."""
    out: list[dict[str, Any]] = []
    names: dict[str, str] = {}
    for start, end, eid, kind, etype in ctx.rows:
        if etype in _STATE_TYPES and kind in ("name", "demonym"):
            names[doc.text[start:end].lower()] = eid
    form = re.compile(lex.cues.get("form_union", r"(?!x)x"), re.IGNORECASE)
    seen: set[tuple[str, str]] = set()
    for start, end, eid, kind, etype in ctx.rows:
        if etype != "ALLIANCE":
            continue
        # the union's own name ("Unionsstaat von Belarus und Russland") or what follows it
        window = doc.text[start:min(len(doc.text), end + 45)]
        window = re.split(r"[,.;:]", window)[0].lower()
        members = {names[w] for w in re.findall(r"[\w-]+", window) if w in names}
        for part in re.findall(r"[\w]+(?=-)", window):   # "russisch-weißrussischen"
            for n, e in names.items():
                if n.startswith(part) and len(part) >= 5:
                    members.add(e)
        if len(members) < 2:
            # "Russland und Belarus bilden einen Unionsstaat"
            lo = max(0, start - 80)
            head = doc.text[lo:start]
            if form.search(head):
                members |= {r[2] for r in ctx.in_sentence(lo, start) if r[4] in _STATE_TYPES}
        for mem in sorted(members):
            if (mem, eid) in seen:
                continue
            seen.add((mem, eid))
            out.append({"type": "member", "subject": mem, "object": eid,
                        "evidence": {"start": start, "end": end}})
    return out


def from_events(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Treaty parties, deployments and accessions implied by coded events."""
    out: list[dict[str, Any]] = []
    for ev in events:
        base = {"evidence": ev["evidence"], "date": ev.get("date"), "status": ev["status"]}
        obj = ev.get("object") or ev.get("object_text")
        if ev["type"] == "AGREE" and ev.get("mode") == "sign" and obj:
            for party in [ev["actor"], ev.get("target")] + ev.get("co_actors", []):
                if party:
                    out.append({"type": "party", "subject": party, "object": obj, **base})
        elif ev["type"] == "MOBILIZE" and ev.get("mode") == "deploy":
            out.append({"type": "deployment", "subject": ev["actor"], "object": obj,
                        "location": ev.get("location") or ev.get("target"), **base})
        elif ev["type"] == "COOPERATE" and ev.get("mode") == "join" and ev.get("target") \
                and ev["status"] == "asserted":
            out.append({"type": "member", "subject": ev["actor"], "object": ev["target"], **base})
    return out


def dedupe(relations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One relation per (type, subject, object, location, date); the first evidence wins."""
    seen: set[tuple[Any, ...]] = set()
    out = []
    for r in relations:
        key = (r["type"], r["subject"], str(r.get("object")), r.get("location"), r.get("date"))
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out

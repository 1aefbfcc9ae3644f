"""The ``events`` stage: PLOVER-coded who-did-what-to-whom, dated and with status.

One regular-expression scan per sentence finds trigger words; only sentences with
a trigger get a token view, mentions and argument frames. Arguments are entity
ids of ``doc.entities``; an event without an actor is dropped unless it is the
continuation of an event already coded ("die Stationierung" after "verlegt").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any

from lagebild.events import relations as rel
from lagebild.events.arguments import Frame, Trigger, assign
from lagebild.events.context import DocContext, add_pronouns, build_context
from lagebild.events.lexicon import OBJECT_TYPES, Lexicon, lexicon
from lagebild.events.ontology import intent_type
from lagebild.events.sentence import SentenceView, attach_mentions, build_view
from lagebild.events.status import date_of, status_of
from lagebild.events.surface import surface_rows
from lagebild.events.triggers import find_triggers
from lagebild.model import Document, Span
from lagebild.pipeline import register
from lagebild.tokens import tokenize

# an event coded earlier can lend its actors to a later mention of the same event
# ("die Stationierung", "diesen Vertrag zu unterzeichnen") within this many sentences
INHERIT_WINDOW = 12
# code a reciprocal event ("zwischen X und Y") once, marked reciprocal, with the
# party the document is more about as its actor; True codes it in both directions
# instead, as PETRARCH codes compound actors pairwise (at the price of duplicates)
RECIPROCAL_BOTH = False
_MATERIAL = frozenset({"MOBILIZE", "FIGHT", "ASSAULT", "AID", "COERCE", "SANCTION", "RETREAT"})


def _language(doc: Document) -> str:
    return doc.language if doc.language in ("de", "en") else "de"


def _bare_subject(view: SentenceView, clause: int, require_reporting: bool, lex: Lexicon) -> list:
    """The bare noun phrase of a governing clause (its subject, by position)."""
    words = view.words[view.clauses[clause][0]:view.clauses[clause][1]]
    if require_reporting and not any(w in lex.words_of("reporting") for w in words):
        return []
    for m in view.mentions:
        if view.clause_of[m.tok] == clause and m.marker is None and m.attribute_of is None \
                and m.etype not in OBJECT_TYPES:
            return [m]
    return []


def _generic_target(doc: Document, ctx: DocContext, view: SentenceView, trig: Trigger, lex: Lexicon,
                    sent: Span) -> str | None:
    """Resolve "andere Länder" to the state named as its example nearby."""
    groups = lex.cues.get("generic_groups", [])
    tail = " ".join(view.words[trig.tok + 1:trig.tok + 4])
    phrase = next((g for g in groups if tail.startswith(g)), None)
    if phrase is None:
        return None
    lo, hi = max(0, sent.start - 600), min(len(doc.text), sent.end + 600)
    for m in re.finditer(r"(?:und|and)\s+" + re.escape(phrase.split()[0]) + r"\w*\s+" +
                         re.escape(phrase.split()[-1]), doc.text[lo:hi], re.IGNORECASE):
        at = lo + m.start()
        for row in ctx.in_sentence(max(0, at - 40), at):
            if doc.text[row[1]:at].strip() == "" and row[4] == "COUNTRY":
                return row[2]
    return None


def code_events(doc: Document, surface_fallback: bool = False) -> list[dict[str, Any]]:
    """Code the events of ``doc`` into ``doc.events`` (and ``relations``); returns the events.

    ``surface_fallback`` (for scoring text whose actors no entity stage knows)
    takes unlinked noun phrases as arguments and reports them as ``actor_text``.
    """
    doc.events = []
    if not doc.sentences:
        return doc.events
    lex = lexicon(_language(doc))
    ctx = build_context(doc)
    relations: list[dict[str, Any]] = rel.office_holders(doc, ctx, lex)
    tok_starts = [t.start for t in doc.tokens]
    history: list[tuple[int, dict[str, Any]]] = []
    for si, sent in enumerate(doc.sentences):
        hits = list(lex.regex.finditer(doc.text, sent.start, sent.end))
        if not hits:
            continue
        a, b = bisect_right(tok_starts, sent.start - 1), bisect_right(tok_starts, sent.end - 1)
        toks = [t for t in doc.tokens[a:b] if t.end <= sent.end] or tokenize(doc.text, sent.start, sent.end)
        view = build_view(doc.text, sent, toks, lex)
        rows = list(ctx.in_sentence(sent.start, sent.end))
        if surface_fallback:
            rows += surface_rows(view, rows, lex)
        attach_mentions(view, doc.text, rows, lex)
        pron = add_pronouns(view, ctx, lex)
        if pron:
            attach_mentions(view, doc.text, rows + pron, lex)
        spans = [(t["start"], t["end"]) for t in ctx.timexes if sent.start <= t["start"] < sent.end]
        for m in view.mentions:
            m.in_timex = any(a <= m.start < b for a, b in spans)
        triggers = find_triggers(view, hits, lex)
        coded: list[dict[str, Any]] = []
        governor: dict[str, Any] | None = None
        verbal = {view.clause_of[t.tok] for t in triggers if not t.nominal}
        for trig in triggers:
            if governor is not None and view.clause_of[trig.tok] in governor["_clauses"]:
                _fill_governor(governor, view, trig, lex)
                if trig.infinitive:
                    continue   # "lädt ... ein, ... beizutreten": the content, not an event
            ev = _code_one(doc, ctx, view, trig, lex, sent, si, history, surface_fallback,
                           object_of_verb=lex.lang == "de" and trig.nominal and view.clause_of[trig.tok] in verbal)
            if ev is None:
                continue
            if trig.pattern.governs and ev.get("target") is None and not ev.get("target_text"):
                _that_clause_target(ev, view, trig, lex)
            if trig.pattern.governs:
                governor = ev
                c = view.clause_of[trig.tok]
                ev["_clauses"] = (c, c + 1)
            if any(e["type"] == ev["type"] and e["actor"] == ev["actor"] and e.get("target") == ev.get("target")
                   and e.get("status") == ev.get("status") and ev.get("date") in (None, e.get("date"))
                   for e in coded):
                continue   # "Zusammenarbeit ... mit gemeinsamen Manövern": one event
            # (but "… verlegt wurden und dass die Stationierung bis Ende des Jahres beendet sein
            # werde" is two steps of one deployment: other date or status, other event)
            coded.append(ev)
            history.append((si, ev))
        for ev in coded:
            ev.pop("_clauses", None)
            doc.events.append(ev)
            if ev.get("_reciprocal") and ev.get("target") and ev.get("actor"):
                ev["reciprocal"] = True
                if not RECIPROCAL_BOTH and ctx.salience(ev["target"]) > ctx.salience(ev["actor"]):
                    ev["actor"], ev["target"] = ev["target"], ev["actor"]
            if ev.pop("_reciprocal", False) and RECIPROCAL_BOTH and ev.get("target"):
                mirror = dict(ev, actor=ev["target"], target=ev["actor"], mirrored=True)
                if "actor_text" in ev:
                    mirror["actor_text"], mirror["target_text"] = ev.get("target_text"), ev.get("actor_text")
                doc.events.append(mirror)
    relations += rel.membership(doc, ctx, lex) + rel.from_events(doc.events)
    doc.relations = rel.dedupe(relations)  # type: ignore[attr-defined]
    return doc.events


def _that_clause_target(ev: dict[str, Any], view: SentenceView, trig: Trigger, lex: Lexicon) -> None:
    """"demanded that the US cancel ...": the subject of the that-clause is the target."""
    c = view.clause_of[trig.tok] + 1
    if c >= len(view.clauses) or view.words[view.clauses[c][0]] not in ("that", "dass", "daß"):
        return
    subj = _bare_subject(view, c, False, lex)
    if subj and subj[0].entity != ev["actor"]:
        if subj[0].kind == "surface":
            ev["target_text"] = subj[0].surface
        else:
            ev["target"] = subj[0].entity


def _fill_governor(gov: dict[str, Any], view: SentenceView, trig: Trigger, lex: Lexicon) -> None:
    """A zu-infinitive under "einladen", "fordern", "Anfrage" is the governor's content:
    who is to act becomes the target if the governor has none."""
    frame = assign(view, trig, lex)
    gov.setdefault("content", {"type": trig.pattern.type, "mode": trig.pattern.mode})
    if gov.get("target") is not None or gov.get("target_text"):
        return
    own = frame.actor[0] if frame.actor else None
    same = own is None or own.entity == gov["actor"] or (own.kind == "surface" and own.surface == gov.get("actor_text"))
    if not same and own.kind != "surface":
        gov["target"] = own.entity          # "bat, ... russische Atomwaffen zu verlegen": Russia is asked
    elif frame.target and (same or own.kind == "surface"):
        t = frame.target[0]                 # "agreed to provide aid for Romania"
        if t.kind == "surface":
            gov["target_text"] = t.surface
        else:
            gov["target"] = t.entity


def _code_one(doc: Document, ctx: DocContext, view: SentenceView, trig: Trigger, lex: Lexicon,
              sent: Span, si: int, history: list[tuple[int, dict[str, Any]]],
              surface_fallback: bool, object_of_verb: bool = False) -> dict[str, Any] | None:
    pat = trig.pattern
    frame = assign(view, trig, lex)
    if frame.subject_fallback and object_of_verb:
        return None   # "Mussawi hat die Demonstration abgesagt": the noun is the verb's object
    clause = view.clause_of[trig.tok]
    a0 = view.clauses[clause][0]
    pronoun_subject = any(w in lex.words_of("subject_pronouns") for w in view.words[a0:trig.tok])
    if not frame.actor and (trig.infinitive or trig.nominal or trig.passive or pronoun_subject):
        # a relative clause after the trigger is not its governor, except for a
        # fronted infinitive ("Den Plan, ... zu stationieren, hatte Putin angekündigt")
        for j in ((clause - 1, 0, clause + 1) if trig.infinitive else (clause - 1, 0)):
            if 0 <= j < len(view.clauses) and j != clause:
                frame.actor = _bare_subject(view, j, trig.passive and not trig.nominal and not pronoun_subject, lex)
                if frame.actor:
                    frame.derived_actor = True
                    break
    weak = all(m.kind in ("pronoun", "possessive") for m in frame.actor + frame.target)
    governed = trig.nominal or trig.infinitive
    if governed and (not frame.actor or weak or frame.derived_actor or not frame.target) and not frame.reciprocal:
        ante = next((e for s, e in reversed(history) if si - s <= INHERIT_WINDOW
                     and e["type"] == pat.type and e.get("mode") == pat.mode), None)
        if ante is not None and (not frame.actor or weak or frame.derived_actor
                                 or ante["actor"] == frame.actor[0].entity):
            return _event(doc, ctx, view, trig, lex, sent, frame, inherit=ante)
    if not frame.actor:
        return None
    return _event(doc, ctx, view, trig, lex, sent, frame)


def _event(doc: Document, ctx: DocContext, view: SentenceView, trig: Trigger, lex: Lexicon,
           sent: Span, frame: Frame, inherit: dict[str, Any] | None = None) -> dict[str, Any] | None:
    pat = trig.pattern
    tok = view.tokens[trig.tok]
    if inherit is not None:
        actor, target = inherit["actor"], inherit.get("target")
        co_actors = list(inherit.get("co_actors", []))
    else:
        actor = frame.actor[0].entity
        if frame.derived_actor and actor in ctx.office and pat.type in _MATERIAL:
            actor = ctx.office[actor]     # "meldete Putin, dass ... verlegt wurden": Russia acted
        target = frame.target[0].entity if frame.target else None
        co_actors = [m.entity for m in frame.actor[1:] if m.entity != actor]
        if target is None:
            target = _generic_target(doc, ctx, view, trig, lex, sent)
        if target is None and pat.type == "AID":
            # delivered to whoever reports receiving it ("das belarussische
            # Verteidigungsministerium teilte mit, ... eingetroffen")
            others = [ctx.country_of(m.entity) if m.etype != "COUNTRY" else m.entity for m in view.mentions]
            others = [e for e in others if e and e != actor and e != _state(ctx, actor)]
            target = others[0] if others else None
    if target == actor:
        target = None
    status = status_of(view, trig, lex)
    quote = ctx.quote_at(tok.start)
    ev: dict[str, Any] = {"type": pat.type, "mode": pat.mode, "actor": actor, "target": target,
                          "date": None, "location": frame.location.entity if frame.location else None,
                          "status": status}
    if pat.military_type and _is_military(ctx, actor, frame, lex, view):
        ev["type"] = pat.military_type
    intended = status == "planned" or status == "hypothetical" and lex.lang == "en" \
        or status == "announced" and trig.infinitive   # "kündigte an, gegen X vorzugehen"
    if not trig.nominal and intended and lex.lang == "en" and _conditional(view, trig):
        ev["type"], ev["intended"] = "THREATEN", pat.type   # "will withdraw ... unless": a threat
    elif not trig.nominal and intended:
        new_type = intent_type(ev["type"])
        if new_type != ev["type"]:
            ev["type"], ev["intended"] = new_type, pat.type
    elif status == "negated" and lex.lang == "en" and intent_type(ev["type"]) == "AGREE":
        ev["type"], ev["refused"] = "REJECT", pat.type   # "will not accept", "would not meet"
    if quote is not None:
        if quote[3]:
            ev["speaker"] = quote[3]
        if quote[2] == "direct":
            ev["status"] = "reported"
    tx = date_of(view, trig, ctx.timexes)
    if tx is not None and tx["value"].startswith("XXXX") and doc.published:
        # "am Sonntag" left unanchored: the article's date is the better estimate
        ev["date"], ev["date_source"], ev["date_timex"] = doc.published, "document", tx["value"]
    elif tx is not None:
        ev["date"], ev["date_source"] = tx["value"], "sentence"
    elif doc.published:
        ev["date"], ev["date_source"] = doc.published, "document"
    if frame.obj is not None:
        # an entity id where the entity stage knows the thing, so that reports from
        # different documents can be merged on it; the words themselves beside it
        ev["object"] = _object_id(ctx, frame.obj)
        ev["object_text"] = doc.text[frame.obj[0]:frame.obj[1]]
    if co_actors:
        ev["co_actors"] = co_actors
    co_targets = [m.entity for m in frame.target[1:] if m.entity not in (target, actor)] if inherit is None else []
    if co_targets:
        ev["co_targets"] = co_targets
    if inherit is not None:
        ev["inherited"] = True
    spans = [tok.start, tok.end]
    for m in (frame.actor + frame.target) if inherit is None else []:
        if m.kind != "pronoun":
            spans += [m.start, m.end]
    c = view.clause_of[trig.tok]
    ca, cb = view.clauses[c]
    lo = min(spans + [view.tokens[ca].start])
    hi = max(spans + [view.tokens[cb - 1].end])
    ev["evidence"] = {"start": lo, "end": hi}
    ev["trigger"] = {"start": tok.start, "end": tok.end}
    if frame.reciprocal or (pat.reciprocal and inherit is None and frame.target and
                            frame.actor and frame.actor[0].group == frame.target[0].group):
        ev["_reciprocal"] = True
    if any(m.kind == "surface" for m in frame.actor + frame.target) and inherit is None:
        ev["actor_text"] = frame.actor[0].surface if frame.actor else None
        ev["target_text"] = frame.target[0].surface if frame.target else None
        if frame.actor and frame.actor[0].kind == "surface":
            ev["actor"] = None
        if frame.target and frame.target[0].kind == "surface":
            ev["target"] = None
    return ev


def _conditional(view: SentenceView, trig: Trigger) -> bool:
    """Whether an "unless" or "if" clause follows the trigger's clause."""
    c = view.clause_of[trig.tok] + 1
    return c < len(view.clauses) and view.words[view.clauses[c][0]] in ("unless", "if")


def _is_military(ctx: DocContext, actor: str | None, frame: Frame, lex: Lexicon, view: SentenceView) -> bool:
    """Whether the actor is an armed force ("Serb forces", "israelische Soldaten")."""
    words = set(lex.cues.get("military_actors", ()))
    text = " ".join(m.surface.lower() for m in frame.actor)
    text += " " + " ".join(view.words[m.attribute_of] for m in frame.actor if m.attribute_of is not None)
    if actor and actor in ctx.entities:
        text += " " + (ctx.entities[actor].get("name") or "").lower()
    return any(w in words for w in text.split())


def _state(ctx: DocContext, eid: str) -> str | None:
    """The state an entity stands for (a capital's metonym, an office holder)."""
    return ctx.office.get(eid) or ctx.country_of(eid)


def _object_id(ctx: DocContext, span: tuple[int, int]) -> str | None:
    for row in ctx.in_sentence(span[0] - 80, span[1]):
        if row[4] in OBJECT_TYPES and row[0] <= span[0] < row[1] + 1:
            return row[2]
    return None


def events_stage(doc: Document) -> None:
    """Pipeline entry point: fills ``doc.events`` (and ``doc.relations``)."""
    code_events(doc)


register("events", requires=("sentences", "tokens"), assigns=("events",))(events_stage)

"""Counts for one seed-gold document: quotes, entity mentions, events.

Each ``score_*`` function returns counts that ``seeds.score_seeds`` sums over
the set. Gold spans are surface forms, placed in the text by ``locate``. Names
are compared after lower-casing and collapsing white space, so that an entity is
recognised by its canonical name or by any form it is mentioned by.
"""

from __future__ import annotations

import re
from typing import Any, Iterable

from lagebild.evaluate.metrics import spans_of

_WORDS = re.compile(r"\w+")


def norm_name(name: str | None) -> str:
    """A name in comparable form: trimmed, lower case, single spaces."""
    return re.sub(r"\s+", " ", (name or "").strip().lower())


def _names(values: Iterable[str | None]) -> set[str]:
    # a blank name identifies no one: it must never make two entities "the same"
    return {n for n in (norm_name(v) for v in values) if n}


def _mention_text(mention: Any, text: str) -> str | None:
    """The surface of a mention given as a string, or as an object with text or offsets."""
    if isinstance(mention, str):
        return mention
    if mention.get("text"):
        return str(mention["text"])
    if mention.get("start") is None:
        return None
    return text[mention["start"]:mention["end"]]


def locate(text: str, surfaces: list[str]) -> list[tuple[int, int] | None]:
    """Offsets of each surface form: the n-th time a form is listed, its n-th occurrence.

    Occurrences may overlap ("aa" occurs twice in "aaa"); a form listed more often
    than it occurs is not located (None) from then on.
    """
    seen: dict[str, int] = {}
    out: list[tuple[int, int] | None] = []
    for surface in surfaces:
        nth = seen.get(surface, 0)
        seen[surface] = nth + 1
        idx = -1
        for _ in range(nth + 1):
            idx = text.find(surface, idx + 1)
            if idx < 0:
                break
        out.append((idx, idx + len(surface)) if idx >= 0 else None)
    return out


# ---------------------------------------------------------------- quotes

def _quote_words(s: str) -> set[str]:
    return set(_WORDS.findall(s.lower()))


def _speaker_names(quote: dict[str, Any], text: str, sys_entities: dict[Any, Any]) -> set[str]:
    """Every name the system gives the speaker: its phrase, and its entity's name and mentions."""
    speaker = quote.get("speaker") or {}
    names = [speaker.get("text")]
    if speaker.get("start") is not None:
        names.append(text[speaker["start"]:speaker["end"]])
    entity_id = speaker.get("entity")
    entity = sys_entities.get(entity_id) if isinstance(entity_id, str) else None
    if entity:
        names.append(entity.get("name"))
        names.extend(_mention_text(m, text) for m in entity.get("mentions") or [])
    return _names(names)


def score_quotes(gold: dict[str, Any], system: dict[str, Any], text: str) -> dict[str, int]:
    """Gold quotes found (a system quote shares at least half the words of the longer
    of the two) and, of those, with the speaker right."""
    sys_entities = {e.get("id"): e for e in system.get("entities") or []}
    gold_entities = gold.get("entities") or []
    sys_quotes = [(q, _quote_words(" ".join(text[a:b] for a, b in spans_of(q))))
                  for q in system.get("quotes") or []]
    n = {"quotes": 0, "quotes_found": 0, "speaker_right": 0}
    for gq in gold.get("quotes") or []:
        if gq.get("optional"):
            continue
        n["quotes"] += 1
        words = _quote_words(gq["text"])
        best, best_quote = 0.0, None
        for q, q_words in sys_quotes:
            share = len(words & q_words) / max(len(words), len(q_words), 1)
            if share > best:  # the first of equally good quotes
                best, best_quote = share, q
        if best_quote is None or best < 0.5:
            continue
        n["quotes_found"] += 1
        speaker = next((e for e in gold_entities if e.get("name") == gq.get("speaker")), None)
        right = _names([gq.get("speaker"), *(speaker.get("mentions", []) if speaker else [])])
        if _speaker_names(best_quote, text, sys_entities) & right:
            n["speaker_right"] += 1
    return n


# ---------------------------------------------------------------- entities

def score_entities(gold: dict[str, Any], system: dict[str, Any], text: str) -> dict[str, int]:
    """Gold name mentions found at the same offsets, and linked to an entity of the right name.

    The system entity holding the first mention with those offsets decides the link;
    it is right when its name or one of its mentions' surfaces is a name of the
    gold entity.
    """
    n = {"mentions": 0, "mentions_found": 0, "linked_right": 0}
    sys_mentions = [(se, (m.get("start"), m.get("end")))
                    for se in system.get("entities") or [] for m in se.get("mentions") or []]
    for entity in gold.get("entities") or []:
        if entity.get("optional"):
            continue
        right = _names([entity.get("name"), *entity.get("mentions", [])])
        for where in locate(text, entity.get("mentions", [])):
            if where is None:
                continue  # a mention the text does not have is a gold error, not a miss
            n["mentions"] += 1
            holder = next((se for se, offsets in sys_mentions if offsets == where), None)
            if holder is None:
                continue
            n["mentions_found"] += 1
            names = _names([holder.get("name"), *(text[m["start"]:m["end"]]
                                                   for m in holder.get("mentions") or [])])
            if names & right:
                n["linked_right"] += 1
    return n


# ---------------------------------------------------------------- events

def _entity_names(entity_id: Any, table: dict[Any, Any], text: str) -> set[str]:
    """Names of an entity id: of the entity in ``table`` (name, mentions, demonyms,
    metonyms), or the id itself where the table has no such entity."""
    entity = table.get(entity_id) if isinstance(entity_id, str) else None
    if not entity:
        return _names([entity_id if isinstance(entity_id, str) else None])
    names = [entity.get("name")]
    for key in ("mentions", "demonym_mentions", "metonym_mentions"):
        names.extend(_mention_text(m, text) for m in entity.get(key) or [])
    return _names(names)


def date_compatible(gold: str | None, system: str | None) -> bool:
    """A system date is right if it equals the gold date or is a prefix of it at month
    precision or finer (system 2023-05 for gold 2023-05-28; a bare year only for a year)."""
    if gold is None:
        return True
    if system is None:
        return False
    g, s = str(gold), str(system)
    return g == s or (len(s) >= 7 and g.startswith(s))


def score_events(gold: dict[str, Any], system: dict[str, Any], text: str) -> dict[str, int]:
    """Gold events found (a system event of the type or an ``alt_type``, with an actor and,
    where the gold has one, a target of the same names), their dates, and system
    events that match any gold event (optional ones included)."""
    gold_table = {e.get("id"): e for e in gold.get("entities") or []}
    sys_table = {e.get("id"): e for e in system.get("entities") or []}
    sys_events = system.get("events") or []

    def matches(ge: dict[str, Any], se: dict[str, Any]) -> bool:
        if se.get("type") not in {ge.get("type"), *(ge.get("alt_type") or [])}:
            return False
        if not _entity_names(se.get("actor"), sys_table, text) & _entity_names(ge.get("actor"), gold_table, text):
            return False
        return not ge.get("target") or bool(
            _entity_names(se.get("target"), sys_table, text) & _entity_names(ge["target"], gold_table, text))

    gold_events = gold.get("events") or []
    n = {"events": 0, "events_found": 0, "events_dated": 0, "events_date_right": 0,
         "events_system": len(sys_events),
         "events_system_matched": sum(1 for se in sys_events if any(matches(ge, se) for ge in gold_events))}
    for ge in gold_events:
        if ge.get("optional"):
            continue
        n["events"] += 1
        hits = [se for se in sys_events if matches(ge, se)]
        if not hits:
            continue
        n["events_found"] += 1
        if ge.get("date"):
            n["events_dated"] += 1
            n["events_date_right"] += int(any(date_compatible(ge["date"], se.get("date")) for se in hits))
    return n

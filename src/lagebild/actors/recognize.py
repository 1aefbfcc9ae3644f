"""Recognition and linking of actors in one document.

Order of work per sentence: knowledge-base matches (longest first), then the
discovery rules on the tokens left over, then linking: short forms of persons
met earlier (in this document or, for distinctive surnames, in an earlier one),
pronouns to the last person of their gender, "der Republik" to the last state
whose official name it heads.  The result is the contract's entity list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from lagebild.actors.cues import FUNCTION_WORDS, Cues, cues
from lagebild.actors.discover import find_persons, find_unknown_names
from lagebild.actors.kb import KnowledgeBase
from lagebild.actors.lexicon import COMPASS, LOC_SUFFIXES, ROMAN, Found, known_word
from lagebild.actors.matcher import Index, city_id, match
from lagebild.actors.orgs import find_orgs
from lagebild.actors.places import find_places, find_streets_and_sites
from lagebild.actors.util import slug
from lagebild.model import Document, Span
from lagebild.resources import load_rows

CAPITAL_PLACE_CUES = frozenset({"in", "nach", "aus", "bei", "im", "nahe", "via", "gen", "von", "In", "Aus", "Nach",
                                "Im", "Bei", "Stadt", "Kreisstadt", "Gemeinde", "Dorf", "Ortsteil", "Landkreis"})
PRONOUN_WINDOW = 3          # sentences back in which er/sie look for their person
_MEMORY_LIMIT = 50_000
_NEEDS_ARTICLE = frozenset({"the-west", "cdu-csu"})  # "der Westen", "die Union": with a definite article
_NESTING = frozenset({"ALLIANCE", "ORGANIZATION"})
_NESTED = frozenset({"COUNTRY", "ALLIANCE", "ORGANIZATION"})
_PLACES = frozenset({"CITY", "REGION"})
_LIST_JOINERS = frozenset({",", "und", "oder", "sowie", "/"})
_COARSE = {"CITY": "LOCATION", "REGION": "LOCATION", "COUNTRY": "LOCATION", "LOCATION": "LOCATION",
           "ORGANIZATION": "ORGANIZATION", "PARTY": "ORGANIZATION"}


@dataclass
class _Entity:
    id: str
    name: str
    type: str
    gender: str | None = None
    mentions: list[tuple[int, int, str]] = field(default_factory=list)


@lru_cache(maxsize=1)
def _never_places() -> frozenset[str]:
    return frozenset(r[0] for r in load_rows("de/actors/never_place_names.txt"))


class Linker:
    """A person first met in full is the same node when named by surname later."""

    def __init__(self) -> None:
        self.surnames: dict[str, tuple[str, str, str | None]] = {}

    def remember(self, surname: str, entity: _Entity) -> None:
        if len(self.surnames) < _MEMORY_LIMIT:
            self.surnames.setdefault(surname, (entity.id, entity.name, entity.gender))

    def recall(self, word: str) -> tuple[str, str, str | None] | None:
        return self.surnames.get(word)


class DocumentRecognizer:
    """Finds and links the actors of one document."""

    def __init__(self, doc: Document, kb: KnowledgeBase, index: Index, linker: Linker) -> None:
        self.doc, self.kb, self.index, self.linker = doc, kb, index, linker
        self.c: Cues = cues()
        self.entities: dict[str, _Entity] = {}
        self.surnames: dict[str, str] = {}      # surname -> entity id, this document
        self.persons: list[tuple[int, str]] = []  # (sentence number, entity id) in order
        self.countries: list[str] = []          # states in order of mention
        self.never_places = _never_places()

    # -- entities -------------------------------------------------------------------------
    def _entity(self, eid: str, name: str, type_: str, gender: str | None = None) -> _Entity:
        e = self.entities.get(eid)
        if e is None:
            e = self.entities[eid] = _Entity(eid, name, type_, gender)
        return e

    def _kb_entity(self, aid: str) -> _Entity:
        if aid.startswith("geo:"):
            return self._entity(city_id(aid), aid[4:], "CITY")
        a = self.kb.actors[aid]
        return self._entity(a.id, a.name, a.type, a.gender)

    def _add(self, e: _Entity, start: int, end: int, kind: str, sent: int) -> None:
        e.mentions.append((start, end, kind))
        coarse = _COARSE.get(e.type)
        if coarse and kind == "name":
            self._sent_mentions[("end", end)] = coarse
            self._sent_mentions[("start", start)] = coarse
        if e.type == "PERSON" and kind in ("name", "pronoun"):
            self.persons.append((sent, e.id))
        if e.type == "COUNTRY" and kind in ("name", "demonym", "metonym"):
            self.countries.append(e.id)

    # -- the passes -------------------------------------------------------------------------
    def run(self) -> list[dict[str, Any]]:
        """The document's entities in the contract's form, in order of first mention."""
        text, toks = self.doc.text, self.doc.tokens
        k = 0
        for n, sent in enumerate(self.doc.sentences):
            while k < len(toks) and toks[k].start < sent.start:
                k += 1
            first = k
            while k < len(toks) and toks[k].end <= sent.end:
                k += 1
            spans = toks[first:k]
            if spans:
                self._sentence(n, [text[s.start:s.end] for s in spans], spans)
        out = []
        for e in sorted(self.entities.values(), key=lambda e: min(m[0] for m in e.mentions)):
            ms = sorted(set(e.mentions))
            out.append({"id": e.id, "name": e.name, "type": e.type,
                        "mentions": [{"start": a, "end": b, "kind": kd} for a, b, kd in ms]})
        return out

    def _sentence(self, n: int, words: list[str], spans: list[Span]) -> None:
        end = len(words)
        self._sent_mentions: dict[tuple[str, int], str] = {}
        free = [True] * end
        hits = match(words, self.index)
        cities = [h for h in hits if h.actor.startswith("geo:")]
        demonyms: set[int] = set()
        places = [h for h in hits if h.kind == "capital" or (h.actor in self.kb.actors and h.kind == "name"
                                                               and self.kb.actors[h.actor].type in _PLACES)]
        for h in hits:
            if h.actor.startswith("geo:") or (h in places and h.i > 0 and words[h.i - 1] in self.c.org_heads):
                continue  # towns yield to names and organisations found below ("FC Chelsea London")
            if h.kind == "capital":
                self._capital(h.i, h.j, h.actor, words, spans, n)
            elif h.actor in _NEEDS_ARTICLE and h.j - h.i == 1 and words[h.i] in ("Union", "Westen", "Westens") \
                    and not (h.i > 0 and words[h.i - 1] in self.c.anaphor_articles):
                continue  # "im Westen" is a direction, "der Westen" an actor
            else:
                e = self._kb_entity(h.actor)
                self._add(e, spans[h.i].start, spans[h.j - 1].end, h.kind, n)
                if h.kind == "demonym":
                    demonyms.update(range(h.i, h.j))
                if h.kind == "demonym" and h.j < end and words[h.j] in self.c.institutions:
                    self._institution(e, h.i, h.j, words, spans, n)
                    free[h.j] = False
                if e.type == "PERSON" and h.j - h.i >= 2:
                    self._register_surname(words[h.j - 1], e)
                if e.type in _NESTING and h.j - h.i >= 3:
                    self._nested(h.i, h.j, words, spans, n)
            for t in range(h.i, h.j):
                free[t] = False
        # an organisation may contain a state's adjective ("Bundesverband deutscher Banken")
        org_free = [f or t in demonyms for t, f in enumerate(free)]
        for f in find_orgs(words, 0, end, org_free, self.c, lambda w: self._place_of(w) is not None):
            if all(org_free[t] for t in range(f.i, f.j)):
                for t in range(f.i, f.j):
                    free[t] = True  # the nested adjective stays a demonym mention of its state
                self._found(f, spans, n, free)
        for h in places:
            if h.i > 0 and words[h.i - 1] in self.c.org_heads and all(free[t] for t in range(h.i, h.j)):
                cities.append(h)  # the head found no organisation after all: a place again
        for f in find_persons(words, 0, end, free, self.c, lambda w: self._place_of(w) is not None):
            self._person(f.i, f.j, words, spans, n, free)
        for h in cities:
            if h.kind == "capital" and all(free[t] for t in range(h.i, h.j)):
                self._capital(h.i, h.j, h.actor, words, spans, n)
                continue
            if all(free[t] for t in range(h.i, h.j)) and (not h.actor.startswith("geo:")
                                                          or self._city_ok(words, h.i, h.j, h.weak)):
                self._add(self._kb_entity(h.actor), spans[h.i].start, spans[h.j - 1].end, "name", n)
                for t in range(h.i, h.j):
                    free[t] = False
        for f in find_places(words, 0, end, free, self.c) + find_streets_and_sites(words, 0, end, free, self.c):
            self._found(f, spans, n, free)
        self._compounds_of_places(words, spans, free, n)
        self._short_forms(words, spans, free, n)
        for f in find_unknown_names(words, 0, end, free, self.c):
            f.type = self._coordinated_type(f, words, spans) or f.type
            if f.type == "PERSON":
                self._person(f.i, f.j, words, spans, n, free)
            else:
                self._found(f, spans, n, free)
        self._pronouns_and_anaphors(words, spans, free, n)

    def _coordinated_type(self, f: Found, words: list[str], spans: list[Span]) -> str | None:
        """The kind of a neighbour in a list ("Oikari, Peuralinna und Torgau"): lists are of one kind."""
        sent = self._sent_mentions
        if f.i >= 2 and words[f.i - 1] in _LIST_JOINERS:
            t = sent.get(("end", spans[f.i - 2].end))
            if t:
                return t
        if f.j + 1 < len(words) and words[f.j] in _LIST_JOINERS:
            return sent.get(("start", spans[f.j + 1].start))
        return None

    def _place_of(self, word: str) -> tuple[str, str] | None:
        """(actor key, type) when ``word`` alone is the name of a place in the index
        (a curated one, or a large town of the gazetteer)."""
        for toks, aid, kind, weak in self.index.by_first.get(word, ()):
            if len(toks) == 1 and kind in ("name", "capital"):
                if aid.startswith("geo:"):
                    return (aid, "CITY") if not weak else None
                t = self.kb.actors[aid].type
                if t in ("COUNTRY", "CITY", "REGION", "LOCATION"):
                    return aid, t
        return None

    def _compounds_of_places(self, words: list[str], spans: list[Span], free: list[bool], n: int) -> None:
        """"München/Hamburg", "Bremen-Vegesack", "Süditalien", "Nordafrikas": places built on places."""
        for t, w in enumerate(words):
            if not free[t] or not w[:1].isupper():
                continue
            if not ("-" in w or "/" in w or w.startswith(COMPASS)):
                continue  # the common case: no compound of a place
            parts = re.split(r"[-/]", w)
            if len(parts) > 1 and all(p[:1].isupper() for p in parts) and self._place_of(parts[0]) \
                    and all(self._place_of(p) or not known_word(p) for p in parts[1:]):
                e = self._entity(slug(w), w, "LOCATION")
            else:
                stem = next((w[len(c):] for c in COMPASS if w.startswith(c) and len(w) > len(c) + 3
                             and w[len(c)].islower()), None)
                if stem is None:
                    continue
                base = self._place_of(stem[0].upper() + stem[1:])
                if base is None and stem.endswith("s"):
                    base = self._place_of(stem[0].upper() + stem[1:-1])
                if base is None:
                    continue
                name = w[:-1] if stem.endswith("s") and self._place_of(stem[0].upper() + stem[1:]) is None else w
                e = self._entity(slug(name), name, "REGION")
            self._add(e, spans[t].start, spans[t].end, "name", n)
            free[t] = False

    def _found(self, f: Found, spans: list[Span], n: int, free: list[bool]) -> None:
        if all(free[t] for t in range(f.i, f.j)):
            e = self._entity(slug(f.name), f.name, f.type)
            self._add(e, spans[f.i].start, spans[f.j - 1].end, "name", n)
            for t in range(f.i, f.j):
                free[t] = False

    def _nested(self, i: int, j: int, words: list[str], spans: list[Span], n: int) -> None:
        """States named inside an alliance's or institution's name are mentions of them too
        ("Unionsstaat von Belarus und Russland")."""
        for h in match(words, self.index, i + 1, j):
            if h.actor in self.kb.actors and self.kb.actors[h.actor].type in _NESTED and h.kind == "name":
                self._add(self._kb_entity(h.actor), spans[h.i].start, spans[h.j - 1].end, "name", n)

    def _city_ok(self, words: list[str], i: int, j: int, weak: bool) -> bool:
        """A small town, or a town whose name is also a common word, needs a cue before it."""
        w = words[i]
        if w.lower() in FUNCTION_WORDS or (i + 1 < len(words) and w in self.c.first_names
                                           and words[i + 1][:1].isupper()):
            return False
        if w in self.never_places:
            return False
        if i > 0 and words[i - 1] in CAPITAL_PLACE_CUES:
            return True
        if i == 0 and weak and known_word(w):
            return False  # a sentence opener that a dictionary knows is most often a word
        # a small town is a place where no dictionary knows the word, or where it looks like one
        return not weak or (j - i == 1 and w.lower().endswith(LOC_SUFFIXES) and w not in self.c.first_names)

    def _capital(self, i: int, j: int, aid: str, words: list[str], spans: list[Span], n: int) -> None:
        state = self.kb.actors[aid]
        city = self.kb.actors.get(state.extra.get("capital_id", ""))
        if city is not None and i > 0 and words[i - 1] in CAPITAL_PLACE_CUES:
            self._add(self._kb_entity(city.id), spans[i].start, spans[j - 1].end, "name", n)
        else:  # "Moskau warnte", "zwischen Moskau und Minsk": the government
            self._add(self._kb_entity(aid), spans[i].start, spans[j - 1].end, "metonym", n)

    def _institution(self, state: _Entity, i: int, j: int, words: list[str], spans: list[Span], n: int) -> None:
        suffix = self.c.institutions[words[j]]
        e = self._entity(f"{state.id}-{suffix}", f"{words[j]} ({state.name})", "ORGANIZATION")
        self._add(e, spans[i].start, spans[j].end, "name", n)

    def _register_surname(self, surname: str, e: _Entity) -> None:
        if surname[:1].isupper() and len(surname) > 2:
            self.surnames.setdefault(surname, e.id)
            if not known_word(surname):
                self.linker.remember(surname, e)

    def _person(self, i: int, j: int, words: list[str], spans: list[Span], n: int, free: list[bool]) -> None:
        if j - i == 1 and words[i] in self.surnames:
            e = self.entities[self.surnames[words[i]]]
        elif j - i == 1 and self.linker.recall(words[i]):
            eid, name, gender = self.linker.recall(words[i])  # type: ignore[misc]
            e = self._entity(eid, name, "PERSON", gender)
        else:
            name = " ".join(words[i:j])
            gender = self.c.first_names.get(words[i].split("-")[0]) if j - i > 1 else None
            e = self._entity(slug(name), name, "PERSON", gender)
            if j - i >= 2:
                self._register_surname(words[j - 1], e)
        stop = spans[j - 1].end
        if words[j - 1] in ROMAN and self.doc.text[stop:stop + 1] == ".":
            stop += 1  # the regnal number's period belongs to the name ("Bernhard IV.")
        self._add(e, spans[i].start, stop, "name", n)
        for t in range(i, j):
            free[t] = False

    def _short_forms(self, words: list[str], spans: list[Span], free: list[bool], n: int) -> None:
        """Surnames of persons met before ("Katzian" after "Wolfgang Katzian"), also genitive -s."""
        for t, w in enumerate(words):
            if not free[t] or not w[:1].isupper():
                continue
            key = w if w in self.surnames else (w[:-1] if w.endswith("s") and w[:-1] in self.surnames else None)
            if key is not None:
                e = self.entities[self.surnames[key]]
            else:
                mem = self.linker.recall(w)
                if mem is None or (t == 0 and known_word(w)):
                    continue
                e = self._entity(mem[0], mem[1], "PERSON", mem[2])
            self._add(e, spans[t].start, spans[t].end, "name", n)
            free[t] = False

    def _pronouns_and_anaphors(self, words: list[str], spans: list[Span], free: list[bool], n: int) -> None:
        for t, w in enumerate(words):
            if not free[t]:
                continue
            gender = self.c.pronouns.get(w)
            if gender is not None:
                e = self._last_person(gender, n, before=spans[t].start)
                if e is not None:
                    self._add(e, spans[t].start, spans[t].end, "pronoun", n)
                continue
            if t > 0 and words[t - 1] in self.c.anaphor_articles and w[:1].isupper():
                for cid in reversed(self.countries):
                    actor = self.kb.actors.get(cid)
                    if actor is not None and actor.official_head == w:
                        self._add(self.entities[cid], spans[t].start, spans[t].end, "anaphor", n)
                        break

    def _last_person(self, gender: str, n: int, before: int) -> _Entity | None:
        """The person a pronoun refers to: the latest fitting person before it in its own
        sentence, else the first fitting one (most often the subject) of the nearest earlier
        sentence that names a person, within a few sentences."""
        def fits(e: _Entity) -> bool:
            return e.gender == gender or (e.gender in (None, "?") and gender == "m")

        start = self.doc.sentences[n].start
        same = [self.entities[eid] for sent, eid in self.persons if sent == n]
        same = [e for e in same if any(start <= m[0] < before and m[2] == "name" for m in e.mentions)]
        if same:
            e = same[-1]
            return e if fits(e) else None  # "sie" after a man is most often a plural: leave it
        earlier = [(sent, eid) for sent, eid in self.persons if sent < n and n - sent <= PRONOUN_WINDOW]
        if not earlier:
            return None
        last = earlier[-1][0]
        for sent, eid in earlier:
            if sent == last and fits(self.entities[eid]):
                return self.entities[eid]
        return None

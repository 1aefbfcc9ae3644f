"""Who a speaker phrase refers to: a name, a resolved pronoun, and an entity id.

Where the entity stage has filled ``doc.entities``, a speaker is linked to the entity
whose mention covers it (or whose name it matches). Without entities, a pronoun is
resolved to the last person named before it, a surname to the full name used
earlier, and the id is a slug of the full name; the stage then adds a minimal
entity for each speaker so that consumers can resolve the id.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from lagebild.model import Span
from lagebild.quotes.lexicon import Lexicon

# heads that name an organisation or a thing, not a person ("das Ministerium")
_ORG_SUFFIXES = ("ung", "ium", "heit", "keit", "schaft", "tion", "tät", "amt", "gericht", "polizei",
                 "behörde", "partei", "agentur", "zeitung", "angaben", "berichten", "bericht", "rat",
                 "ministerium", "regierung", "kommission", "verband", "bund", "union", "institut",
                 "gruppe", "fernsehen", "sender", "konzern", "unternehmen", "büro", "dienst", "medien",
                 "staaten", "ländern", "land", "armee", "militär", "kreml", "nato", "uno", "un", "eu")
_TITLE_SUFFIXES = ("präsident", "präsidentin", "minister", "ministerin", "sprecher", "sprecherin",
                   "chef", "chefin", "kanzler", "kanzlerin", "vorsitzende", "vorsitzender", "leiter", "leiterin",
                   "direktor", "direktorin", "sekretär", "sekretärin", "führer", "führerin", "meister",
                   "meisterin", "berater", "beraterin", "anwalt", "anwältin", "richter", "richterin",
                   "trainer", "trainerin", "politiker", "politikerin", "experte", "expertin", "autor",
                   "autorin", "kommissar", "kommissarin", "botschafter", "botschafterin", "executive")
_PARTICLES = ("van", "von", "de", "da", "al", "bin", "der", "le", "la", "del", "di", "zu", "ter")
# heads of organisation names worth an entity of their own ("Verteidigungsministerium")
_ORG_HEADS = ("ministerium", "polizei", "regierung", "kommission", "behörde", "partei", "agentur",
              "gericht", "amt", "armee", "verband", "institut", "konzern", "staatsanwaltschaft", "kreml")
_SLUG = re.compile(r"[^a-z0-9]+")
_UMLAUT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "ae", "Ö": "oe", "Ü": "ue"})


# entity types of places: a speaker is a place only when its name is the place
# ("Minsk erklärte"), not when a place qualifies it ("die Interessengemeinschaft Region Basel")
_PLACE_TYPES = frozenset({"COUNTRY", "CITY", "LOCATION", "REGION", "PLACE", "GPE"})
# prepositions that attach a place or an institution after the head of a speaker phrase
_PP_HEADS = frozenset("in im aus von vom bei beim".split())


def _namey(w: str) -> bool:
    return (w[:1].isupper() and w.replace(".", "").replace("-", "").replace("'", "").isalpha()) \
        or w.lower() in _PARTICLES


def _name_run(ws: list[str]) -> list[str]:
    """The trailing run of name words ("Wladimir Putin", "Heike van Laak"), up to a title."""
    i = len(ws)
    while i > 0 and _namey(ws[i - 1]) and not ws[i - 1].lower().endswith(_TITLE_SUFFIXES):
        i -= 1
    run = ws[i:]
    while run and not run[0][:1].isupper():
        run = run[1:]
    return run


def slug(name: str) -> str:
    """A stable id for a name: lower case ASCII words joined by hyphens."""
    s = unicodedata.normalize("NFKD", name.translate(_UMLAUT).lower())
    s = s.encode("ascii", "ignore").decode()
    return _SLUG.sub("-", s).strip("-")


@dataclass
class Person:
    name: str
    pos: int


@dataclass
class Speaker:
    """A resolved speaker: its phrase span, the name it stands for and an entity id."""

    span: Span
    name: str | None
    entity: str | None
    person: bool


@dataclass
class Resolver:
    """Resolves speaker phrases of one document in text order."""

    text: str
    lex: Lexicon
    entities: list[dict[str, Any]]
    persons: list[Person] = field(default_factory=list)
    found: dict[str, tuple[str, str, list[Span]]] = field(default_factory=dict)  # id -> name, type, spans

    def _is_title(self, w: str) -> bool:
        lw = w.lower()
        return lw in self.lex.titles or lw.endswith(_TITLE_SUFFIXES)

    def _name_of(self, words: list[tuple[str, int]]) -> tuple[str | None, bool]:
        """The name in a phrase, and whether it names a person.

        "der russische Präsident Wladimir Putin" -> Wladimir Putin (a title precedes);
        "die Sprecherin, Heike van Laak" -> Heike van Laak (apposition);
        "Lukaschenko" -> Lukaschenko; "das belarussische Verteidigungsministerium" ->
        "belarussische Verteidigungsministerium", not a person.
        """
        ws = [w for w, _ in words]
        if "(" in ws:  # "(CDU)" says the party, not the name
            ws = ws[:ws.index("(")]
        if "," in ws:
            i = ws.index(",")
            head, tail = ws[:i], [w for w in ws[i + 1:] if w != ","]
            if tail and tail[0].lower() not in self.lex.determiners and not self._is_title(tail[0]) \
                    and all(_namey(w) for w in tail[:4]):
                run = _name_run(tail)
                if run:
                    return " ".join(run), True
            ws = head
        cut = next((i for i, w in enumerate(ws) if i > 0 and w in _PP_HEADS), None)
        if cut is not None:  # "Romney in Arbutus", "Ken Rice vom Institut …": the head comes first
            ws = ws[:cut]
        if not ws:
            return None, False
        run = _name_run(ws)
        before = ws[:len(ws) - len(run)]
        if run and before and (self._is_title(before[-1]) or before[-1].endswith(("s", "s'")) and len(before) == 1
                               and len(run) >= 2):
            return " ".join(run[-3:]), True
        if run and len(run) == len(ws) and len(ws) <= 3 and not ws[-1].lower().endswith(_ORG_SUFFIXES) \
                and ws[0].lower() not in self.lex.determiners and not self._is_title(ws[-1]):
            return " ".join(run), True
        rest = ws[1:] if ws[0].lower() in self.lex.determiners else ws
        return (" ".join(rest) or None), False

    def _full(self, name: str) -> str:
        """A surname expanded to the full name used for the same person before."""
        if " " in name:
            return name
        for p in reversed(self.persons):
            if p.name.endswith(" " + name):
                return p.name
        return name

    def note_person(self, name: str, pos: int) -> None:
        self.persons.append(Person(name, pos))

    def _entity_at(self, span: Span, name: str | None, person: bool) -> str | None:
        """The entity the phrase at ``span`` names: the one whose name mention covers the
        name (or the head) of the phrase; a demonym inside the phrase ("der russische
        Präsident") does not count. Failing that, the entity with the same name."""
        target = span
        if name:
            at = self.text.find(name, span.start, span.end)
            if at >= 0:
                target = Span(at, at + len(name))
        head_start = self.text.rfind(" ", target.start, target.end) + 1 or target.start
        best, best_score = None, 0.0
        for e in self.entities:
            place = e.get("type") in _PLACE_TYPES
            for m in e.get("mentions", []):
                a, b = m.get("start", -1), m.get("end", -1)
                if not (a < target.end and target.start < b) or m.get("kind") in ("demonym",):
                    continue
                if place and a > target.start and self.text[target.start:a].strip():
                    continue  # "Region Basel", "der Trainer Ghanas": the place only qualifies the head
                score = min(b, target.end) - max(a, target.start)
                if a < target.end and head_start < b:
                    score += 100  # covers the head word
                if person and e.get("type") == "PERSON":
                    score += 50
                if score > best_score:
                    best, best_score = e.get("id"), score
        if best is None and name:
            for e in self.entities:
                ename = str(e.get("name", ""))
                if ename == name or (" " not in name and ename.endswith(" " + name)):
                    return e.get("id")
        return best

    def resolve(self, span: Span, tokens: list[tuple[str, int]]) -> Speaker:
        """Resolve the phrase at ``span`` with its (word, start) ``tokens``."""
        if len(tokens) == 1 and tokens[0][0].lower() in self.lex.pronouns:
            person = self.persons[-1] if self.persons else None
            for p in reversed(self.persons):
                if p.pos < span.start:
                    person = p
                    break
            if person is None:
                return Speaker(span, None, None, True)
            eid = self._entity_at(Span(person.pos, person.pos + len(person.name)), person.name, True) \
                if self.entities else None
            if eid is None:
                eid = slug(person.name)
                self.found.setdefault(eid, (person.name, "PERSON", []))
            return Speaker(span, person.name, eid, True)
        if len(tokens) == 1 and self.lex.prepositions.get(tokens[0][0].lower()) == ["self"]:
            return Speaker(span, None, None, False)  # "demnach": the source is in the sentence before
        name, is_person = self._name_of(tokens)
        if name is None:
            return Speaker(span, None, None, False)
        if is_person:
            name = self._full(name)
            start = self.text.find(name.split()[-1], span.start, span.end + 1)
            self.note_person(name, start if start >= 0 else span.start)
        eid = self._entity_at(span, name, is_person) if self.entities else None
        if eid is None:
            eid = slug(name)
            if is_person or name.split()[-1].lower().endswith(_ORG_HEADS):
                self.found.setdefault(eid, (name, "PERSON" if is_person else "ORGANIZATION", []))
        return Speaker(span, name, eid, is_person)


def add_entities(text: str, entities: list[dict[str, Any]], found: dict[str, tuple[str, str, list[Span]]]) -> None:
    """Add a minimal entity for each resolved speaker whose id is not there yet."""
    have = {e.get("id") for e in entities}
    for eid, (name, etype, _) in found.items():
        if eid in have or not eid:
            continue
        forms = {name}
        if etype == "PERSON" and " " in name:
            forms.add(name.split()[-1])
        mentions = []
        for form in sorted(forms, key=len, reverse=True):
            for m in re.finditer(r"(?<!\w)" + re.escape(form) + r"(?!\w)", text):
                if not any(x["start"] <= m.start() < x["end"] for x in mentions):
                    mentions.append({"start": m.start(), "end": m.end(), "kind": "name"})
        mentions.sort(key=lambda x: x["start"])
        entities.append({"id": eid, "name": name, "type": etype, "mentions": mentions})

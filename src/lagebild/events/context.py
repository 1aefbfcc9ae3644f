"""Document-level context the event coder needs: mentions, quotes, pronouns.

Everything here is read from other stages' output fields (``entities``,
``quotes``, ``timexes``) only; when a field is empty the coder still runs and
simply finds fewer arguments.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Any

from lagebild.events.lexicon import Lexicon
from lagebild.events.sentence import SentenceView
from lagebild.model import Document

_ANTECEDENT_TYPES = frozenset({"COUNTRY", "PERSON", "ORGANIZATION", "ALLIANCE", "GROUP", "CITY"})

MentionRow = tuple[int, int, str, str, str]   # start, end, entity id, kind, entity type


@dataclass
class DocContext:
    """Sorted mentions, entity table and quotation spans of one document."""

    rows: list[MentionRow]
    starts: list[int]
    entities: dict[str, dict[str, Any]]
    quotes: list[tuple[int, int, str, str | None]]   # start, end, kind, speaker entity
    timexes: list[dict[str, Any]]
    office: dict[str, str] = field(default_factory=dict)   # person id -> state id
    surfaces: dict[MentionRow, str] = field(default_factory=dict)
    _country_cache: dict[str, str | None] = field(default_factory=dict)
    _salience: dict[str, int] = field(default_factory=dict)

    def in_sentence(self, start: int, end: int) -> list[MentionRow]:
        """Mentions that start inside ``[start, end)``."""
        return self.rows[bisect_left(self.starts, start):bisect_left(self.starts, end)]

    def before(self, offset: int, types: frozenset[str] = _ANTECEDENT_TYPES) -> MentionRow | None:
        """The last name-like mention that ends before ``offset`` (an antecedent)."""
        i = bisect_right(self.starts, offset) - 1
        while i >= 0:
            row = self.rows[i]
            if row[1] <= offset and row[4] in types and row[3] in ("name", "metonym", "anaphor"):
                return row
            i -= 1
        return None

    def country_of(self, eid: str) -> str | None:
        """The state an organisation or city belongs to, read off its own mentions:
        "belarussische Verteidigungsministerium" -> Belarus (by the demonym's stem)."""
        if eid in self._country_cache:
            return self._country_cache[eid]
        found = None
        ent = self.entities.get(eid)
        if ent is not None and (ent.get("type") or "").upper() != "COUNTRY":
            words = {w[:6].lower() for r in self.rows if r[2] == eid for w in self.surfaces.get(r, "").split()
                     if len(w) >= 6}
            for (start, end, other, kind, etype), surf in self.surfaces.items():
                if etype == "COUNTRY" and other != eid and surf[:6].lower() in words and len(surf) >= 6:
                    found = other
                    break
        self._country_cache[eid] = found
        return found

    def salience(self, eid: str) -> int:
        """How many mentions an entity has in the document (its prominence)."""
        if not self._salience:
            for row in self.rows:
                self._salience[row[2]] = self._salience.get(row[2], 0) + 1
        return self._salience.get(eid, 0)

    def quote_at(self, offset: int) -> tuple[int, int, str, str | None] | None:
        """The quotation whose span contains ``offset``, if any."""
        for q in self.quotes:
            if q[0] <= offset < q[1]:
                return q
        return None


def build_context(doc: Document) -> DocContext:
    """Collect what the event coder reads from the earlier stages."""
    rows: list[MentionRow] = []
    table: dict[str, dict[str, Any]] = {}
    for ent in doc.entities or []:
        eid = ent.get("id")
        if not eid:
            continue
        table[eid] = ent
        etype = (ent.get("type") or "").upper()
        for m in ent.get("mentions") or []:
            if m.get("start") is None or m.get("end") is None:
                continue
            rows.append((m["start"], m["end"], eid, m.get("kind") or "name", etype))
    rows.sort()
    quotes: list[tuple[int, int, str, str | None]] = []
    for q in doc.quotes or []:
        spans = q.get("spans") or ([[q["start"], q["end"]]] if q.get("start") is not None else [])
        speaker = (q.get("speaker") or {}).get("entity")
        for a, b in spans:
            quotes.append((a, b, q.get("kind") or "direct", speaker))
    surfaces = {r: doc.text[r[0]:r[1]] for r in rows}
    return DocContext(rows, [r[0] for r in rows], table, quotes, list(doc.timexes or []), surfaces=surfaces)


def add_pronouns(view: SentenceView, ctx: DocContext, lex: Lexicon) -> list[MentionRow]:
    """Resolve pronouns the entity stage left unlinked, for argument slots only.

    A pronoun that opens a clause ("Dessen Militär ...", "Er sagte ...") stands for
    the last named actor before it; a possessive further in ("für seine Invasion")
    for the subject of its own clause. First-person words inside a quotation stand
    for the quotation's speaker. These links are weak: the coder prefers named
    arguments and uses them to inherit a known event's actors.
    """
    poss = lex.words_of("possessives")
    subj = lex.words_of("subject_pronouns")
    first = lex.words_of("first_person")
    taken = {(m.start) for m in view.mentions}
    out: list[MentionRow] = []
    clause_subject: dict[int, MentionRow] = {}
    for i, w in enumerate(view.words):
        tok = view.tokens[i]
        if tok.start in taken:
            continue
        quote = ctx.quote_at(tok.start)
        if w in first and quote is not None and quote[2] == "direct" and quote[3]:
            ent = ctx.entities.get(quote[3], {})
            out.append((tok.start, tok.end, quote[3], "pronoun", (ent.get("type") or "PERSON").upper()))
            continue
        if quote is not None and quote[2] == "direct":
            continue   # "Treten Sie ... bei": the addressee, not a third party
        if w not in poss and w not in subj:
            continue
        nxt = view.raw[i + 1] if i + 1 < len(view.raw) else ""
        if w in poss and w not in ("dessen", "deren") and not (nxt[:1].isupper() or nxt[:1].islower()
                                                              and i + 2 < len(view.raw) and view.raw[i + 2][:1].isupper()):
            continue   # "kampfbereit sein sollen": the verb, not a possessive
        c = view.clause_of[i]
        a = view.clauses[c][0]
        opener = i == a or (i - a <= 1 and view.words[a] in lex.words_of("clause_openers"))
        row = None
        if not opener and c in clause_subject and w in poss:
            row = clause_subject[c]
        elif opener or w in poss:
            ante = ctx.before(tok.start)
            if ante is not None:
                row = ante
        if row is None:
            continue
        kind = "pronoun" if opener or w in subj else "possessive"
        new = (tok.start, tok.end, row[2], kind, row[4])
        out.append(new)
        if opener:
            clause_subject[c] = new
    return out

"""Who did it to whom: actor, target, location and object of one trigger.

No parser is available offline for German, so the frame is read from cheap
surface cues that German and English news style make reliable enough: the
preposition or article in front of each entity mention, coordination, word order
(English subject before the verb; German bare noun phrase first, object after),
passive voice, and the form of the trigger (a capitalised German noun is a
nominalisation whose actor is a possessive or demonym in front and whose target
is the genitive after it: "seine Invasion der Ukraine").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lagebild.events.lexicon import OBJECT_TYPES, Lexicon, Pattern
from lagebild.events.sentence import Mention, SentenceView

_PERSONISH = frozenset({"PERSON"})
_PLACE_TYPES = frozenset({"COUNTRY", "CITY", "LOCATION", "REGION", "GPE", "LOC"})


@dataclass
class Trigger:
    """A trigger word in a sentence view."""

    tok: int
    pattern: Pattern
    nominal: bool
    passive: bool
    infinitive: bool


@dataclass
class Frame:
    """The arguments found for one trigger; ``weak`` marks pronoun-derived actors."""

    actor: list[Mention] = field(default_factory=list)
    target: list[Mention] = field(default_factory=list)
    location: Mention | None = None
    obj: tuple[int, int] | None = None     # character span of the object noun
    obj_kind: str | None = None
    reciprocal: bool = False
    derived_actor: bool = False            # taken from outside the trigger's own clause
    subject_fallback: bool = False         # a nominal trigger's actor read off the clause subject
    weak: bool = False
    generic_target: tuple[int, int] | None = None


def role_of(m: Mention, pat: Pattern, lex: Lexicon) -> str:
    """The role a mention's marker gives it under this pattern."""
    mk = m.marker
    if m.territory and (mk is None or lex.cues.get("markers", {}).get(mk) in ("location", "destination")):
        return pat.roles.get("location", "location")
    if mk is None:
        return "bare"
    if mk in pat.roles:
        return pat.roles[mk]
    if mk in ("dat", "gen", "of"):
        return mk
    return lex.cues.get("markers", {}).get(mk, "other")


def _source_end(view: SentenceView, clause: int) -> int:
    """End of a leading source phrase ("Nach Informationen des Spiegel hat ...",
    "According to the BBC, ..."): the names in it report, they do not act."""
    a, b = view.clauses[clause]
    w = view.words
    if not (w[a:a + 2] in (["nach", "angaben"], ["nach", "informationen"], ["nach", "berichten"],
                            ["according", "to"]) or w[a] == "laut"):
        return a
    i = a + 2
    while i < b and (view.raw[i][:1].isupper() or not view.raw[i][:1].isalpha() or w[i] in _INNER):
        i += 1
    return i


_INNER = frozenset({"der", "die", "das", "des", "dem", "den", "the", "a", "an", "of", "von"})


def _candidates(view: SentenceView, clause: int, trig: Trigger) -> list[Mention]:
    """Mentions in the trigger's clause that can be actors or targets."""
    out = []
    skip_to = _source_end(view, clause)
    for m in view.mentions:
        if m.tok < skip_to:
            continue
        if view.clause_of[m.tok] != clause or m.etype in OBJECT_TYPES or m.in_timex:
            continue
        if m.attribute_of is not None and m.attribute_of != trig.tok and not m.acts_as:
            continue  # "der belarussische Präsident ...": a modifier, handled as owner/office
        if m.role_attr:
            continue  # "Brandenburgs Wirtschaftsminister Ulrich Junghanns": the person acts
        if m.kind == "possessive" and not (trig.nominal and m.last == trig.tok - 1 and trig.pattern.poss == "actor"):
            continue  # "in seinem Nachbarland Belarus": a modifier, not an argument
        out.append(m)
    return out


def _group(ms: list[Mention], first: Mention) -> list[Mention]:
    return [m for m in ms if m.group == first.group]


def find_object(view: SentenceView, trig: Trigger, lex: Lexicon) -> tuple[int, str] | None:
    """The nearest object noun (weapon, force, treaty, aid) in the trigger's clause."""
    clause = view.clause_of[trig.tok]
    a, b = view.clauses[clause]
    best: tuple[int, str] | None = None
    for i in range(a, b):
        if i == trig.tok or not view.raw[i][:1].isalnum():
            continue
        kind = lex.object_kind(view.words[i])
        if kind and (best is None or abs(i - trig.tok) < abs(best[0] - trig.tok)):
            best = (i, kind)
    return best


def owner_of_object(view: SentenceView, obj_tok: int) -> Mention | None:
    """A demonym in front of the object noun: "russische Atomwaffen" -> Russia."""
    for m in view.mentions:
        if m.kind == "demonym" and m.attribute_of == obj_tok:
            return m
        if m.marker in ("von", "of") and 0 < m.tok - obj_tok <= 2:
            return m   # "die Stationierung von US-amerikanischen Atomwaffen"
    return None


def assign(view: SentenceView, trig: Trigger, lex: Lexicon) -> Frame:
    """Actor, target, location and object of ``trig`` from its own clause."""
    pat = trig.pattern
    clause = view.clause_of[trig.tok]
    cands = _candidates(view, clause, trig)
    frame = Frame()
    english = lex.lang == "en"
    roles = [(m, role_of(m, pat, lex)) for m in cands]

    obj = find_object(view, trig, lex)
    if obj is not None:
        frame.obj = (view.tokens[obj[0]].start, view.tokens[obj[0]].end)
        frame.obj_kind = obj[1]
        owner = owner_of_object(view, obj[0])
    else:
        owner = None

    # reciprocal "zwischen X und Y" / "between X and Y": the two parties of a
    # reciprocal act, unless the clause has its own subject ("lifted a blockade
    # ... between Gaza and ...")
    has_subject = any(r == "bare" and (m.tok < trig.tok or not english) for m, r in roles)
    for m, r in roles:
        if r == "reciprocal" and (pat.reciprocal or not has_subject):
            grp = _group(cands, m)
            if len(grp) >= 2:
                frame.actor, frame.target, frame.reciprocal = [grp[0]], [grp[1]], True
                break
    actor_roles = {"actor"} | ({"agent"} if trig.passive or trig.nominal else set())
    explicit_actor = [m for m, r in roles if r in actor_roles]
    # English: the pattern's own prepositions, then the direct object, then the
    # default "to"/"against" phrases; German: any target-marking preposition
    explicit_target = [m for m, r in roles if r == "target" and (not english or m.marker in pat.roles
                                                                 or m.territory)]
    if not frame.actor:
        if explicit_actor:
            frame.actor = _group(cands, explicit_actor[0])
        elif trig.nominal:
            frame.actor = _nominal_actor(view, trig, cands)
            if not frame.actor and pat.poss == "actor":
                # a support-verb construction: "Lukaschenko hat die Anfrage gestellt",
                # "Workers in Serbia began a strike"
                subj = [m for m, r in roles if r == "bare" and m.tok < trig.tok] or \
                    [m for m in cands if english and m.marker in ("of", "from", "in") and m.tok < trig.tok]
                if subj:
                    frame.actor = _group(cands, subj[0])
                    frame.subject_fallback = True
        else:
            bare = [m for m, r in roles if r == "bare" and not (trig.passive and not english and m.tok > trig.tok)]
            if trig.passive:
                bare = []       # the bare phrase of a passive is its patient
            elif english:
                before = [m for m in bare if m.tok < trig.tok]
                bare = before[-1:] if before else []
                if bare:
                    bare = _group(cands, _np_head(view, cands, bare[0]))
            mods = ("gen", "of", "from", "in") if english else ("gen",)
            early = [m for m in cands if m.marker in mods and m.tok < trig.tok]
            if bare and not english and bare[0].tok > trig.tok and early and not trig.passive and not trig.infinitive:
                frame.actor = _group(cands, early[0])   # "Die Armee Syriens eroberte Aleppo"
            elif bare:
                frame.actor = _group(cands, bare[0])
            elif not trig.passive and not trig.infinitive and early:
                # "Jagdflugzeuge der israelischen Luftwaffe haben ... angepeilt",
                # "Militants from Chad attacked": the state named inside the subject phrase
                frame.actor = _group(cands, early[0])
    if pat.subject_is_target:
        # "Russia said Sudan must return ...": the speaker demands, the subject of "must" is asked
        before = [m for m, r in roles if r == "bare" and m.tok < trig.tok]
        if len(before) >= 2 and before[0].group != before[-1].group:
            frame.actor, frame.target = _group(cands, before[0]), _group(cands, before[-1])
    if owner is not None and pat.type in ("MOBILIZE", "AID") and \
            (not frame.actor or frame.actor[0].etype in _PERSONISH or frame.actor[0] is owner):
        frame.actor = [owner]
    if not frame.target:
        taken = {id(m) for m in frame.actor}
        if explicit_target:
            frame.target = _group(cands, explicit_target[0])
        elif trig.nominal:
            gens = [m for m, r in roles if r in ("gen", "of") and 0 < m.tok - trig.tok <= 3]
            if gens and pat.gen == "target" and gens[0] not in frame.actor:
                frame.target = _group(cands, gens[0])
        if not frame.target:
            rest = [m for m, r in roles if id(m) not in taken and m is not owner
                    and r in ("bare", "dat", "gen", "of", "partner", "destination", "target")
                    and (r != "bare" or not english or m.tok > trig.tok or trig.passive)
                    and (r != "bare" or not trig.nominal)
                    and (r not in ("gen", "of") or frame.actor or trig.infinitive)]
            if trig.passive:
                rest.sort(key=lambda m: (role_of(m, pat, lex) != "bare", m.tok))
            else:
                # "rejected a request from the United States", "Mitglieder von Hamas"
                rest += [m for m, r in roles if r in ("origin", "agent") and m.tok > trig.tok
                         and id(m) not in taken and m is not owner and (english or r == "agent")
                         and not trig.nominal]   # "Kritik kam von X und von Y": both speak
            if trig.passive:
                pass
            elif english:
                rest.sort(key=lambda m: ({"bare": 0, "target": 1, "partner": 2}.get(role_of(m, pat, lex), 3), m.tok))
            else:
                rest.sort(key=lambda m: ({"gen": 1, "of": 1, "agent": 2}.get(role_of(m, pat, lex), 0), m.tok))
            if rest:
                frame.target = _group(cands, rest[0])
        if not frame.target and pat.reciprocal and len(frame.actor) >= 2:
            frame.actor, frame.target, frame.reciprocal = frame.actor[:1], frame.actor[1:2], True
    locs = [m for m, r in roles if r in ("location", "destination") and m.etype in _PLACE_TYPES]
    if locs:
        frame.location = locs[0]
        if not frame.target and pat.roles.get("location") == "target":
            frame.target = [locs[0]]
    return frame


def _np_head(view: SentenceView, cands: list[Mention], m: Mention) -> Mention:
    """The named part of a noun phrase: "European Community foreign ministers" -> the
    European Community, not "ministers" (English surface fallback only)."""
    if m.kind != "surface":
        return m
    for prev in reversed([c for c in cands if c.last < m.tok]):
        gap = view.words[prev.last + 1:m.tok]
        if len(gap) <= 2 and all(w.isalpha() and w.islower() or w in ("'s", "(", ")") for w in gap):
            return prev
        break
    return m


def _nominal_actor(view: SentenceView, trig: Trigger, cands: list[Mention]) -> list[Mention]:
    """Actor of a nominalisation: demonym or genitive in front ("russische Invasion",
    "Russlands Invasion"), or the agent after it ("durch Russland")."""
    for m in cands:
        if m.kind == "demonym" and m.attribute_of == trig.tok:
            return [m]
        if m.marker in ("gen", "of") and 0 < m.tok - trig.tok <= 3 and trig.pattern.gen == "actor":
            return [m]   # "der Aufmarsch Russlands", "der Rücktritt des Präsidenten"
        if m.marker in ("gen", "of") and 0 < m.tok - trig.tok <= 3 and trig.pattern.gen == "target" \
                and m.etype not in _PLACE_TYPES and not any(x.marker in ("auf", "gegen", "on", "against")
                                                            for x in cands if x.tok > trig.tok):
            return [m]   # "die Angriffe der Taliban", "eine Forderung der EU": who acts, not whom
        if m.last == trig.tok - 1 and m.etype not in OBJECT_TYPES:
            return [m]
        if m.marker in ("durch", "von", "seitens", "by") and 0 < m.tok - trig.tok <= 4:
            return [m]
    return []

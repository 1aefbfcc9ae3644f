"""The context cues of ``resources/de/actors/cues.yaml``, prepared for fast lookup."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from lagebild.actors.gazetteer import gazetteers
from lagebild.actors.kb import _yaml
from lagebild.resources import load_rows

# closed-class words that are capitalised at a sentence start but never start a name
FUNCTION_WORDS = frozenset(["der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines", "und", "oder", "aber", "auch", "nach", "wie", "wenn", "weil", "vor", "von", "bei", "mit", "am", "im", "in", "an", "auf", "aus", "für", "über", "unter", "zum", "zur", "vom", "beim", "ins", "ist", "sind", "war", "waren", "wird", "werden", "wurde", "wurden", "hat", "haben", "hatte", "hatten", "sie", "er", "es", "wir", "ihr", "ich", "man", "nicht", "noch", "nur", "schon", "so", "als", "dass", "da", "doch", "denn", "dann", "jetzt", "heute", "hier", "dort", "seit", "bis", "um", "gegen", "ohne", "durch", "zwischen", "trotz", "während", "wegen", "dies", "diese", "dieser", "dieses", "jener", "jede", "jeder", "jedes", "alle", "alles", "viele", "einige", "kein", "keine", "sein", "seine", "ihre", "ihren", "unser", "unsere", "mehr", "sehr", "bereits", "zudem", "dabei", "damit", "daher", "deshalb", "jedoch", "laut", "wo", "wer", "was", "warum", "wieso", "welche", "welcher", "welches", "the", "a", "an", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with", "dabei", "dazu", "davon", "daran", "darauf", "darin", "darum", "dafür", "dagegen", "danach", "zwar", "sogar", "etwa", "rund", "fast", "kaum", "also", "nie", "immer", "oft", "wieder", "erst", "selbst", "ebenso", "außerdem", "trotzdem", "allerdings", "bisher", "inzwischen"])


@dataclass(frozen=True)
class Cues:
    """Word sets that the discovery rules consult."""

    roles: frozenset[str]
    role_suffixes: tuple[str, ...]
    org_suffixes: tuple[str, ...]
    org_designators: frozenset[str]
    org_heads: dict[str, tuple[tuple[str, ...], ...]]
    place_cues: frozenset[str]
    institutions: dict[str, str]
    pronouns: dict[str, str]
    anaphor_articles: frozenset[str]
    first_names: dict[str, str]
    org_cues: frozenset[str]
    speech_verbs: frozenset[str]
    place_heads: frozenset[str]
    not_acronyms: frozenset[str]


@lru_cache(maxsize=1)
def cues() -> Cues:
    """The cues, loaded once per process."""
    data = _yaml("de/actors/cues.yaml")
    heads: dict[str, list[tuple[str, ...]]] = {}
    for h in data["org_heads"]:
        toks = tuple(h.split())
        heads.setdefault(toks[0], []).append(toks)
    return Cues(
        roles=frozenset(data["roles"]),
        role_suffixes=tuple(data["role_suffixes"]),
        org_suffixes=tuple(data["org_suffixes"]),
        org_designators=frozenset(data["org_designators"]),
        org_heads={k: tuple(sorted(v, key=len, reverse=True)) for k, v in heads.items()},
        place_cues=frozenset(data["place_cues"]),
        institutions=dict(data["institutions"]),
        pronouns=dict(data["pronouns"]),
        anaphor_articles=frozenset(data["anaphor_articles"]),
        first_names=gazetteers()["first_names"],
        org_cues=frozenset(data["org_cues"]),
        speech_verbs=frozenset(data["speech_verbs"]),
        place_heads=frozenset(data["place_heads"]),
        not_acronyms=frozenset(r[0] for r in load_rows("de/actors/not_org_acronyms.txt")),
    )


def is_role(word: str, c: Cues) -> bool:
    """Whether ``word`` is a title or role that may stand before a person's name."""
    if word in c.roles:
        return True
    low = word.lower()
    return word[:1].isupper() and len(word) > 5 and low.endswith(c.role_suffixes)


def is_name_word(word: str) -> bool:
    """A capitalised word that could be part of a name (not a function word, not a number)."""
    return (len(word) > 1 and word[0].isupper() and word.lower() not in FUNCTION_WORDS
            and any(ch.isalpha() for ch in word[1:]) and not word.isupper() or
            (len(word) > 1 and word.isupper() and word.isalpha() and word.lower() not in FUNCTION_WORDS))

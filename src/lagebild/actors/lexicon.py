"""Word knowledge shared by the discovery rules: dictionaries, word shapes, name suffixes."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from lagebild.actors.cues import FUNCTION_WORDS, is_name_word

ROMAN = frozenset(["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI"])

PARTICLES = frozenset({"von", "van", "de", "der", "den", "zu", "del", "da", "di", "dos", "du", "le", "la",
                       "bin", "ibn", "al", "el", "ter", "vom", "zur", "Van", "De", "Di", "Le", "La", "Al"})


@dataclass

class Found:
    """A discovered mention: tokens ``[i, j)`` of ``type``; ``name`` is its canonical text."""

    i: int
    j: int
    type: str
    name: str

@lru_cache(maxsize=1 << 15)
def known_word(word: str) -> bool:
    """Whether a dictionary of German knows ``word`` (names the base lacks mostly are not)."""
    try:
        import simplemma
    except ImportError:  # pragma: no cover - simplemma is a dependency
        return True
    return simplemma.is_known(word, lang="de")

@lru_cache(maxsize=1 << 15)
def inflected_word(word: str) -> bool:
    """Whether the dictionary reads ``word`` as a form of another word ("Tage" -> "Tag")."""
    try:
        import simplemma
    except ImportError:  # pragma: no cover
        return False
    return simplemma.lemmatize(word, lang="de") != word

def load_dictionaries() -> None:
    """Load simplemma's German, English and French tables now rather than on the first
    word that needs them (half a second that would fall on one document)."""
    try:
        import simplemma
    except ImportError:  # pragma: no cover
        return
    for lang in ("de", "en", "fr"):
        simplemma.is_known("Haus", lang=lang)


@lru_cache(maxsize=1 << 15)
def known_foreign(word: str) -> bool:
    """Whether an English or French dictionary knows ``word`` ("School", "Script"): not a safe name."""
    try:
        import simplemma
    except ImportError:  # pragma: no cover
        return False
    return simplemma.is_known(word, lang="en") or simplemma.is_known(word, lang="fr")

@lru_cache(maxsize=1 << 15)
def is_compound(word: str) -> bool:
    """Whether ``word`` is two words the dictionary knows ("Kapazitäts|gründen"), unlike a
    surname that merely ends in one ("Pink|wart")."""
    if len(word) < 7:
        return False
    for k in range(3, len(word) - 3):
        tail = word[k:]
        head = word[:k]
        if known_word(tail[0].upper() + tail[1:]) and (
                _known_stem(head) or (len(head) >= 7 and is_compound(head))
                or (len(tail) >= 7 and len(head) >= 5 and _known_stem(head[:-1]))):
            return True
    return False


def _known_stem(head: str) -> bool:
    """A compound's first part, with or without its linking -s-, -n-, -es-, -en-."""
    cands = [head, head[0].upper() + head[1:]]
    if head.endswith(("s", "n")):
        cands.append(head[0].upper() + head[1:-1])
    if head.endswith(("es", "en")):
        cands.append(head[0].upper() + head[1:-2])
    return any(len(c) >= 3 and known_word(c) for c in cands)


LOC_SUFFIXES = ("burg", "berg", "stadt", "dorf", "hausen", "heim", "ingen", "feld", "furt", "see", "tal",
                "wald", "bach", "hafen", "kirchen", "brück", "stedt", "leben", "rode", "hagen", "straße",
                "strasse", "platz", "gasse", "allee", "weg", "ufer", "damm", "hütte", "kapelle", "markt",
                "tals", "bergs", "sees", "walds", "bachs", "kopf", "horn", "spitze", "bahnhof")

TOWN_SUFFIXES = ("burg", "berg", "stadt", "dorf", "hausen", "heim", "ingen", "feld", "furt", "stedt", "leben",
                 "rode", "hagen", "kirchen", "brück", "bach", "au", "ow", "itz", "hof")
STREET_SUFFIXES = ("straße", "strasse", "gasse", "allee", "platz", "chaussee", "damm", "ufer", "ring", "bahnhof")

COMPASS = ("Nord", "Süd", "Ost", "West", "Mittel", "Zentral", "Südost", "Nordost", "Südwest", "Nordwest", "Inner")

ARTICLES = frozenset({"der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "einen", "einem", "eines"})

STREET_WORDS = frozenset({"Straße", "Strasse", "Weg", "Platz", "Allee", "Gasse", "Ring", "Ufer", "Damm", "Chaussee"})

@lru_cache(maxsize=1 << 15)
def unknown_word(word: str) -> bool:
    """A capitalised word that no German dictionary knows and that is no compound of known words."""
    if "-" in word:
        parts = word.split("-")
        return all(p and unknown_word(p) for p in parts)
    return (len(word) > 2 and word[0].isupper() and not word.isupper() and word.isalpha()
            and not (len(word) <= 4 and any(ch.isupper() for ch in word[1:]))  # units: "MHz"
            and not known_word(word) and not is_compound(word))

def name_run(words: list[str], j: int, end: int, free: list[bool], limit: int = 3) -> int:
    """End of a run of up to ``limit`` capitalised words or numbers starting at ``j``."""
    k = j
    while k < end and k - j < limit and free[k] and (is_name_word(words[k]) or words[k].isdigit()) \
            and words[k].lower() not in FUNCTION_WORDS:
        k += 1
    return k

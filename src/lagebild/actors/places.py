"""Discovery of places the knowledge base and the gazetteer lack, by context and form."""

from __future__ import annotations

from lagebild.actors.cues import FUNCTION_WORDS, Cues, is_name_word
from lagebild.actors.lexicon import (
    STREET_SUFFIXES,
    STREET_WORDS,
    TOWN_SUFFIXES,
    Found,
    inflected_word,
    is_compound,
    known_word,
    name_run,
)


def find_places(words: list[str], start: int, end: int, free: list[bool], c: Cues) -> list[Found]:
    """Places named after a locative preposition that no dictionary knows ("nach Ulaanbaatar")."""
    out: list[Found] = []
    for i in range(start + 1, end):
        w = words[i]
        if free[i] and words[i - 1] in c.place_cues and is_name_word(w) and not w.isupper() \
                and w not in c.first_names and w[-1].isalpha() \
                and not (i + 1 < end and words[i + 1][:1].isupper()) \
                and ((not known_word(w) and not is_compound(w))
                     or (len(w) > 6 and w.lower().endswith(TOWN_SUFFIXES) and not inflected_word(w))):
            # a known word counts only with a town's ending ("in Burgsteinfurt", "in Weinsberg")
            out.append(Found(i, i + 1, "LOCATION", w))
    return out


def find_streets_and_sites(words: list[str], start: int, end: int, free: list[bool], c: Cues) -> list[Found]:
    """Streets and squares ("Neuendorfer Straße 90c", "Gendarmenmarkt") and saints' sites ("St. Peter")."""
    out: list[Found] = []
    i = start
    while i < end:
        w = words[i]
        if not free[i] or not w[:1].isupper():
            i += 1  # every rule below starts at a free capitalised word
            continue
        if (w in ("St.", "Sankt") or w in c.place_heads) and i + 1 < end and free[i + 1] \
                and words[i + 1][:1].isupper() and words[i + 1].lower() not in FUNCTION_WORDS:
            j = name_run(words, i + 1, end, free, 2)
            out.append(Found(i, j, "LOCATION", " ".join(words[i:j])))
            i = j
            continue
        low = w.lower()
        suffix = next((x for x in STREET_SUFFIXES if low.endswith(x)), None) \
            if free[i] and w[:1].isupper() and low.endswith(STREET_SUFFIXES) else None
        if suffix and w[:1].isupper() and len(w) > len(suffix) + 2:
            k = i - 1 if i > start and free[i - 1] and words[i - 1].endswith("er") and words[i - 1][:1].isupper() \
                else i
            stem = w[:-len(suffix)].rstrip("-")
            # "Schwanitzstraße" names a street; "Flugplatz", "Hauptbahnhof" are common nouns unless
            # a proper adjective goes before them ("Frankfurter Hauptbahnhof")
            if k == i and (known_word(stem[:1].upper() + stem[1:]) or known_word(stem[:1].upper() + stem[1:-1])):
                i += 1
                continue
            j = i + 1
            if j < end and words[j][:1].isdigit() and len(words[j]) <= 4:
                j += 1  # the house number
            out.append(Found(k, j, "LOCATION", " ".join(words[k:j])))
            i = j
            continue
        if free[i] and w in STREET_WORDS and i > start and free[i - 1] and words[i - 1].endswith("er") \
                and words[i - 1][:1].isupper():
            j = i + 1
            if j < end and words[j][:1].isdigit() and len(words[j]) <= 4:
                j += 1
            out.append(Found(i - 1, j, "LOCATION", " ".join(words[i - 1:j])))
            i = j
            continue
        i += 1
    return out

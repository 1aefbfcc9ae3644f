"""Discovery of persons the knowledge base does not know, from their form and context.

German capitalises every noun, so a capital letter alone says little.  Each rule
therefore needs a second signal: a known first name ("Wolfgang Katzian"), a title,
role or speech verb before the name ("GPA-djp-Chef Katzian", "sagte Möller"), or a
word that no German, English or French dictionary knows.  Organisations are found
in ``orgs.py``, places in ``places.py``.
"""

from __future__ import annotations

from collections.abc import Callable

from lagebild.actors.cues import FUNCTION_WORDS, Cues, is_name_word, is_role
from lagebild.actors.lexicon import (
    ARTICLES,
    LOC_SUFFIXES,
    PARTICLES,
    ROMAN,
    STREET_WORDS,
    Found,
    inflected_word,
    known_foreign,
    known_word,
    unknown_word,
)


def _first(word: str, c: Cues) -> bool:
    if len(word) < 3 or word.lower() in FUNCTION_WORDS or word.isupper():
        return False
    if word in c.first_names:
        return True
    if "-" in word:  # Frank-Walter, Karl-Heinz
        parts = word.split("-")
        return all(p in c.first_names for p in parts)
    return False

def _surname_ok(word: str) -> bool:
    return is_name_word(word) and not word.endswith((".", "-")) and word not in ("Präsident", "Minister")

def person_at(words: list[str], i: int, end: int, free: list[bool], c: Cues, after_role: bool,
              is_place: Callable[[str], bool] = lambda w: False) -> int:
    """End of a person's name starting at ``i``, or ``i`` when there is none.

    A name is one or more first names (or initials), optional particles (von der,
    de, al-) and a capitalised surname.  After a role a lone surname is enough.
    """
    j = i
    given = 0
    while j < end and free[j] and (_first(words[j], c) or (len(words[j]) == 2 and words[j][1] == "."
                                                             and words[j][0].isupper())):
        j += 1  # first names, and initials ("W. Müller", "George W. Bush")
        given += 1
    k = j
    while k < end and words[k] in PARTICLES and k + 1 < end:
        k += 1
    if given and k < end and free[k] and _surname_ok(words[k]) and not _first(words[k], c) \
            and (words[k] not in c.roles or k + 1 == end or not words[k + 1][:1].isupper()):  # "Steffi Graf"
        k += 1
        while k < end and words[k] in ROMAN:
            k += 1  # "Bernhard IV."
        return k
    if given and j < end and words[j] in ROMAN:
        while j < end and words[j] in ROMAN:
            j += 1
        return j
    if given >= 2 and j > i and _surname_ok(words[j - 1]):
        return j  # "Angela Merkel"-like where the surname is itself a first name ("Thomas Hermann")
    if given == 1 and j == i + 1 and not words[i].endswith(".") and c.first_names.get(words[i]) in ("m", "f") \
            and (j == end or not words[j][:1].isupper()) and not known_foreign(words[i]) \
            and not inflected_word(words[i]):
        return j  # a first name alone ("sagte Judith", "Laura hat"): in news most often a person
    if after_role and free[i] and _surname_ok(words[i]) and not words[i].isupper() and not is_place(words[i]) \
            and not is_role(words[i], c) and not inflected_word(words[i]):
        j = i + 1
        # a second capitalised unknown word continues a name ("Präsident Lee Myung-bak")
        if j < end and free[j] and _surname_ok(words[j]) and not known_word(words[j]) and not known_word(words[i]):
            j += 1
        return j
    return i

def find_persons(words: list[str], start: int, end: int, free: list[bool], c: Cues,
                 is_place: Callable[[str], bool] = lambda w: False) -> list[Found]:
    """Persons by first name, or by a title or role before a capitalised name."""
    out: list[Found] = []
    i = start
    while i < end:
        if not free[i] or not words[i][:1].isupper():
            i += 1
            continue
        if i > start and words[i - 1] in ("St.", "Sankt", "San", "Santa", "Hagia"):
            i += 1  # "St. Johann": a church or a place, not a person
            continue
        after_role = i > start and (is_role(words[i - 1], c) or words[i - 1] in c.speech_verbs)
        j = person_at(words, i, end, free, c, after_role, is_place)
        if j > i:
            if j - i >= 2 and i > start and free[i - 1] and unknown_word(words[i - 1]) and not known_foreign(words[i - 1]) \
                    and words[i - 2 if i >= 2 else 0] not in ARTICLES:
                i -= 1  # a first name the dictionary lacks before a known one: "Tayler Jane Geddes"
            # a sentence-initial first name that is only a first name + a noun is too weak
            if not (i == start and j - i == 1 and not after_role and not (j < end and words[j][:1].islower())):
                out.append(Found(i, j, "PERSON", " ".join(words[i:j])))
            i = j
            continue
        i += 1
    return out

def find_unknown_names(words: list[str], start: int, end: int, free: list[bool], c: Cues) -> list[Found]:
    """Capitalised words that no dictionary knows, inside a sentence: most often names.

    A run of such words is one name; its form decides the type (``-burg``, ``-straße``:
    a place), else it is taken for a person, the commonest kind of unknown name in news.
    """
    out: list[Found] = []
    i = start
    while i < end:
        if not free[i] or not words[i][:1].isupper():
            i += 1  # every rule below starts at a free capitalised word
            continue
        opener = i == start or words[i - 1] in ('"', "„", "“", ":", ".", "!", "?", "(", "-", "–")
        # a sentence opener no dictionary knows is a name when a verb or comma follows it
        if opener and free[i] and unknown_word(words[i]) and i + 1 < end and (words[i + 1][:1].islower()
                                                                           or words[i + 1] == ",") \
                and not known_foreign(words[i]):
            w = words[i]
            type_ = "LOCATION" if w.lower().endswith(LOC_SUFFIXES) else "PERSON"
            out.append(Found(i, i + 1, type_, w))
            i += 1
            continue
        if not opener and free[i] and unknown_word(words[i]):
            j = i + 1
            while j < end and free[j] and unknown_word(words[j]):
                j += 1
            w = words[j - 1]
            if w.endswith("er") and j < end and words[j] in STREET_WORDS:
                out.append(Found(i, j + 1, "LOCATION", " ".join(words[i:j + 1])))  # "Gubener Straße"
                i = j + 1
                continue
            loc_like = w.lower().endswith(LOC_SUFFIXES)
            if (words[i - 1] in ARTICLES and not loc_like) or (w.endswith("er") and j < end and words[j][:1].isupper()):
                i = j  # "der Palmeral", "Wülfrather Polizei": not a person's name
                continue
            if j - i == 1 and not loc_like and known_foreign(w):
                i = j
                continue
            type_ = "LOCATION" if loc_like else "PERSON"
            out.append(Found(i, j, type_, " ".join(words[i:j])))
            i = j
            continue
        i += 1
    return out

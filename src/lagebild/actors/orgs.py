"""Discovery of organisations the knowledge base lacks, by their form.

An institution noun with its "für ..." phrase ("Bundesamt für Gesundheit"), a head
that opens a name ("FC", "Universität"), a designator that closes one ("AG",
"Verlag"), a cue noun before one ("das Unternehmen X"), an unknown acronym.
"""

from __future__ import annotations

from collections.abc import Callable

from lagebild.actors.cues import FUNCTION_WORDS, Cues, is_name_word
from lagebild.actors.lexicon import Found, known_foreign, known_word, name_run

_OPENERS = frozenset({'"', "„", "“", ":", ".", "!", "?", "(", "-", "–", "»", "«"})


def is_acronym(word: str, c: Cues) -> bool:
    """An unknown abbreviation of 3-5 capitals ("KSV", "EKD"): in news most often an organisation."""
    if not (3 <= len(word) <= 5 and word.isupper() and word.isalnum() and word[0].isalpha()
            and word[-1].isalpha()):
        return False
    return sum(ch.isalpha() for ch in word) >= 3 and word not in c.not_acronyms

def _acronym_context(words: list[str], i: int, end: int, free: list[bool]) -> bool:
    """Not a unit ("32 KB", "CO 2"), and in parentheses only after a name ("Bundesamt (BAG)")."""
    if words[i - 1][:1].isdigit() or (i + 1 < end and words[i + 1][:1].isdigit()):
        return False
    if words[i - 1] == "(":
        # an abbreviation in brackets names what stands before it: a name, if that has capitals
        return i >= 2 and (not free[i - 2] or any(is_name_word(w) for w in words[max(0, i - 4):i - 1]))
    return True

def _of_phrase(words: list[str], j: int, end: int, free: list[bool]) -> int:
    """Extend an organisation over "für Technik und Wirtschaft" after its head noun."""
    k = j
    while k + 1 < end and free[k + 1] and words[k + 1][:1].isupper() and words[k + 1].lower() not in FUNCTION_WORDS \
            and (words[k] in ("für", "der", "des", "und")
                 or (words[k].endswith("er") and words[k].isalpha() and len(words[k]) > 4)):
        k += 2  # "für Technik und Wirtschaft", "deutscher Banken"
    return k

def _is_org_noun(word: str, c: Cues) -> bool:
    """A compound that ends in an institution's noun ("Umweltbundesamt"), not the bare noun."""
    if not word[:1].isupper():
        return False
    if "-" in word:  # "Otto-Schott-Gymnasium", "Max-Planck-Institut": every part a name
        parts = word.split("-")
        return all(p[:1].isupper() for p in parts) and parts[-1] in c.org_heads
    low = word.lower()
    if low.endswith(("es", "s")) and not low.endswith(c.org_suffixes):
        low = low[:-2] if low.endswith("es") and low[:-2].endswith(c.org_suffixes) else low[:-1]
    if not low.endswith(c.org_suffixes):  # one C-level test before looking for which suffix
        return False
    suffix = next(x for x in c.org_suffixes if low.endswith(x))
    return len(low) > len(suffix) + 2

def _adjective_before(words: list[str], i: int, start: int, free: list[bool]) -> int:
    """Include a capitalised adjective before an organisation ("Bayerischen Staatsministerium")."""
    k = i
    if k > start and free[k - 1] and words[k - 1][:1].isupper() and words[k - 1].isalpha() \
            and words[k - 1].lower().endswith(
            ("ische", "ischen", "isches", "ischer", "er", "en", "e")) and words[k - 1].lower() not in FUNCTION_WORDS \
            and len(words[k - 1]) > 4:
        k -= 1
    return k

def find_orgs(words: list[str], start: int, end: int, free: list[bool], c: Cues,
              is_place: Callable[[str], bool] = lambda w: False) -> list[Found]:
    """Organisations by their form: a head (``FC``, ``Universität``), a designator (``AG``,
    ``Verlag``), a cue noun before the name ("das Unternehmen X"), an institution noun
    with its "für ..." phrase, an unknown acronym (with a club's town after it)."""
    out: list[Found] = []
    i = start
    while i < end:
        w = words[i]
        if not free[i] or (w[:1].islower() and w not in c.org_designators):
            i += 1  # names, heads and cue nouns are capitalised
            continue
        if w in c.org_cues and i + 1 < end and free[i + 1] and is_name_word(words[i + 1]) \
                and (not known_word(words[i + 1]) or words[i + 1].isupper()):
            j = name_run(words, i + 1, end, free)
            if j < end and words[j][:1].isupper():
                # the run does not end before a verb or a comma: keep only the surely-name part
                j = i + 2
                while j < end and free[j] and is_name_word(words[j]) and (not known_word(words[j])
                                                                         or words[j].isupper()):
                    j += 1
            out.append(Found(i + 1, j, "ORGANIZATION", " ".join(words[i + 1:j])))
            i = j
            continue
        heads = [h for h in c.org_heads.get(w, ()) if tuple(words[i:i + len(h)]) == h and i + len(h) < end
                 and (is_name_word(words[i + len(h)]) or words[i + len(h)].isdigit())]
        if heads:
            n = len(heads[0])
            j = name_run(words, i + n, end, free)
            j = _of_phrase(words, j, end, free)
            k = _adjective_before(words, i, start, free)
            if k == i and i > start and free[i - 1] and words[i - 1][:-1].isdigit() and words[i - 1].endswith("."):
                k = i - 1  # "1. FC Nürnberg"
            out.append(Found(k, j, "ORGANIZATION", " ".join(words[k:j])))
            i = j
            continue
        if is_acronym(w, c) and i > start and _acronym_context(words, i, end, free):
            j = i + 1
            if j < end and free[j] and (is_acronym(words[j], c) or (is_name_word(words[j]) and not known_word(words[j]))
                                        or words[j].isdigit() or is_place(words[j])):
                j = name_run(words, j, end, free, 2)  # "THW Kiel", "PKN Orlen", "SG 01 Höchst"
            out.append(Found(i, j, "ORGANIZATION", " ".join(words[i:j])))
            i = j
            continue
        if is_place(w) and i + 1 < end and free[i + 1] and words[i + 1][:1].isupper():
            j = i + 1
            while j < end and j - i <= 2 and free[j] and words[j][:1].isupper() \
                    and (not known_word(words[j]) or known_foreign(words[j])):
                j += 1
            if j > i + 1 and words[j - 1].endswith("s") and words[j - 1].isalpha():
                out.append(Found(i, j, "ORGANIZATION", " ".join(words[i:j])))  # "Chicago Bulls"
                i = j
                continue
        if i + 1 < end and len(words[i + 1]) == 2 and words[i + 1].isdigit() and is_place(w) and free[i + 1]:
            out.append(Found(i, i + 2, "ORGANIZATION", f"{w} {words[i + 1]}"))  # a club: "Mainz 05"
            i += 2
            continue
        if w in c.org_designators and i > start and is_name_word(words[i - 1]) and free[i - 1]:
            k = i
            while k > start and k > i - 4 and free[k - 1] and is_name_word(words[k - 1]) \
                    and words[k - 1].lower() not in FUNCTION_WORDS and words[k - 1] not in c.org_cues:
                k -= 1  # "die Firma Century Media": the cue noun is not part of the name
            out.append(Found(k, i + 1, "ORGANIZATION", " ".join(words[k:i + 1])))
            i += 1
            continue
        if _is_org_noun(w, c):
            j = _of_phrase(words, i + 1, end, free)
            k = _adjective_before(words, i, start, free)
            low = w.lower()
            # an institution noun is a name with its "für ..." phrase or a proper adjective before it
            # ("Bundesamt für Gesundheit", "Hamburger Mieterverein"), or as a federal or state body
            # ("Bundesjustizministerium"); a bare "Gesundheitsministerium" is a common noun
            # a capitalised adjective inside a sentence belongs to a name ("des Evangelischen
            # Presseverbandes"): German writes adjectives in lower case otherwise
            proper_adj = k < i and k > start and words[k - 1] not in _OPENERS
            if j > i + 1 or "-" in w or proper_adj \
                    or (k < i and words[k].endswith("er") and (not known_word(words[k]) or is_place(words[k][:-2]))) \
                    or (len(w) > 8 and ("bundes" in low or low.startswith(("landes", "eu-", "un-")))):
                out.append(Found(k, j, "ORGANIZATION", " ".join(words[k:j])))
                i = j
                continue
        i += 1
    return out

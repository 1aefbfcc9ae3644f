"""Speaker phrases: the noun phrase that names a source next to its cue.

Without a parser, a phrase is grown token by token: determiners, adjectives (a
lower-case word with an adjective ending before a capitalised word), capitalised
words (German nouns and names), genitive attributes ("des Ministeriums"), a short
name in quotation marks ("des Magazins „Der Spiegel“") and a name in apposition
("der Sprecher der Fraktion, Jens Nacke,"). It stops at prepositions, adverbs,
verbs and punctuation.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lagebild.quotes.lexicon import Lexicon
from lagebild.quotes.sentence import FINAL, Sent

_ADJ_ENDINGS = ("e", "en", "er", "es", "em")
_TITLE_ENDS = ("sprecher", "sprecherin", "leiter", "leiterin", "präsident", "präsidentin", "minister",
               "ministerin", "chef", "chefin", "direktor", "direktorin", "vorsitzende", "vorsitzender")
MAX_PHRASE = 14
_DEMONSTRATIVES = frozenset("dieser diese jener jene letzterer letztere ersterer erstere".split())
_NAME_PARTICLES = frozenset("al el van von de da di del le la bin ibn ter".split())
# adjective stems that a phrase may open with when read backwards ("behördlichen Angaben zufolge")
_DOMAIN = re.compile(r"^[\w-]+\.(de|com|org|net|at|ch|eu|info)$")
_ADJ_SUFFIX = re.compile(r"(lich|isch|ig|iv|al|ell|ant|ent|eigen|offiziell)(e|en|er|es|em)$")


def _capital(w: str) -> bool:
    """A noun or a name: capitalised, or a compound/name with a capital after its hyphen
    ("dpa-Meldung", "al-Dschasira"), or a web address ("worldreferee.com")."""
    if w[:1].isupper() or w[:1].isdigit():
        return True
    if "-" in w:
        tail = w.rsplit("-", 1)[1]
        return tail[:1].isupper()
    return bool(_DOMAIN.match(w))


@lru_cache(maxsize=4096)
def _common_word(low: str) -> bool:
    """A German word that is not a noun or a name: the dictionary's lemma of its
    capitalised form is lower case ("Erst" -> "erst", "Besorgt" -> "besorgt")."""
    import simplemma

    return simplemma.lemmatize(low.capitalize(), lang="de")[:1].islower()


def _participle_attribute(sent: Sent, a: int, end: int, lex: Lexicon) -> int:
    """After an article: the inflected participle that closes an extended attribute
    ("am Dienstag veröffentlichten", "in Berlin lebenden") before its noun, or -1."""
    if a >= end or _capital(sent.words[a]) or sent.low[a].endswith(_ADJ_ENDINGS):
        return -1
    for j in range(a + 1, min(end - 1, a + 7)):
        w, lw = sent.words[j], sent.low[j]
        if not any(c.isalnum() for c in w) or sent.is_mark(j) or lw in lex.verbs or lw in lex.auxiliaries:
            return -1
        if w.isalpha() and w.islower() and lw.endswith(("te", "ten", "ter", "tes", "tem", "nde", "nden", "nder",
                                                        "ndes", "ndem", "ene", "enen", "ener", "enes", "enem")) \
                and _capital(sent.words[j + 1]) and sent.low[j + 1] not in lex.stops:
            return j
    return -1


def _adjective(sent: Sent, k: int, end: int, lex: Lexicon) -> bool:
    """A lower-case word that modifies a following capitalised word."""
    w = sent.low[k]
    if not w.isalpha() or not w.endswith(_ADJ_ENDINGS) or w in lex.stops or w in lex.verbs \
            or w in lex.auxiliaries:
        return False
    for j in range(k + 1, min(end, k + 4)):
        if _capital(sent.words[j]):
            return True
        if sent.low[j] in lex.determiners or sent.low[j] in lex.stops \
                or not sent.low[j].endswith(_ADJ_ENDINGS) and sent.low[j] != ",":
            return False
    return False


@lru_cache(maxsize=4096)
def _adjective_lemma(word: str) -> bool:
    """Whether a lower-case word in -e/-en/-er/-es/-em is an inflected adjective ("ersten"),
    not a verb ("starben"): a verb's lemma is its infinitive in -en."""
    import simplemma  # only for the few words before "zufolge" that get here
    lemma = simplemma.lemmatize(word, lang="de")
    return lemma != word and not lemma.endswith("en") and word.startswith(lemma[:3])


def _short_mark(sent: Sent, k: int, end: int) -> int:
    """The token after a short quoted name opening at ``k`` ("„heise online“"), or -1."""
    for j in range(k + 1, min(end, k + 7)):
        if sent.words[j] in FINAL or sent.words[j] in ",;:":
            return -1
        if sent.is_mark(j):
            return j + 1 if j > k + 1 and _capital(sent.words[k + 1]) else -1
    return -1



def phrase_after(sent: Sent, start: int, end: int, lex: Lexicon) -> tuple[int, int] | None:
    """The speaker phrase that begins at token ``start`` (before ``end``), or None."""
    k = start
    while k < end and sent.low[k] in ("sich", "selbst"):
        k += 1
    if k >= end:
        return None
    if sent.low[k] in lex.pronouns:
        return None if lex.pronouns[sent.low[k]] == "none" else (k, k + 1)
    if sent.low[k] in _DEMONSTRATIVES and (k + 1 >= end or not sent.words[k + 1][:1].isalnum()
                                          or sent.low[k + 1] in lex.stops):
        return (k, k + 1)  # "sagte dieser, dass …"
    first = k
    last_noun = -1
    feminine_genitive = False
    if _DOMAIN.match(sent.words[k]):
        return (k, k + 1)  # "Wie t-online.de berichtet"
    while k < end and k - first < MAX_PHRASE:
        w, lw = sent.words[k], sent.low[k]
        if sent.is_mark(k):
            nxt = _short_mark(sent, k, end)
            if nxt < 0:
                break
            k = last_noun = nxt - 1
        elif lw in ("in", "aus") and last_noun == k - 1 and k + 1 < end and _capital(sent.words[k + 1]) \
                and sent.words[k + 1].isalpha() and sent.low[k + 1] not in lex.determiners \
                and sent.low[k + 1] not in lex.time_words and not sent.low[k + 1].endswith(("ung", "heit", "keit")) \
                and (k + 2 >= end or not _capital(sent.words[k + 2])):
            k += 1  # "ein Regierungssprecher in Berlin"
            last_noun = k
        elif lw in ("von", "vom") and last_noun == k - 1 and k + 1 < end \
                and (_capital(sent.words[k + 1]) or sent.low[k + 1] in lex.determiners
                     or _adjective(sent, k + 1, end, lex)):
            pass  # "Ken Rice vom Institut für Astronomie", "Verteidigungsministerium von Belarus"
        elif lw in lex.determiners:
            if last_noun >= 0 and lw not in ("des", "der", "eines", "einer"):
                break  # a second phrase (an object) begins
            if last_noun >= 0 and lw in ("der", "einer") and feminine_genitive:
                # "Auskunft der NASA der überwiegende Teil": a second "der" after a
                # genitive in "der" opens the next phrase rather than another attribute
                break
            if last_noun >= 0:
                feminine_genitive = lw in ("der", "einer")
            j = _participle_attribute(sent, k + 1, end, lex)
            if j > 0:
                k = j - 1  # "einer am Dienstag veröffentlichten Pressemitteilung": on to the participle
        elif lw in lex.stops and not _capital(w) or lw in lex.stops and k == first and lw not in ("die", "der"):
            break
        elif w == "(" and last_noun >= 0:
            j = k + 1
            while j < min(end, k + 6) and sent.words[j] != ")":
                j += 1
            if j >= end or sent.words[j] != ")":
                break
            k = last_noun = j
        elif _capital(w) and any(c.isalpha() for c in w):
            if lw in lex.stops or lw in lex.subordinators:
                break
            last_noun = k
        elif lw in _NAME_PARTICLES and last_noun == k - 1 and k + 1 < end and sent.words[k + 1][:1].isupper():
            pass  # "Abdalla al Badri", "Heike van Laak"
        elif w == "," and last_noun >= 0:
            j = _apposition(sent, k, end, lex)
            if j < 0:
                break
            k = last_noun = j - 1
        elif lex.lang == "en" and w.isalpha() and lw not in lex.verbs and lw not in lex.auxiliaries:
            last_noun = k  # English: any word that is not a stop word or a verb
        elif last_noun != k - 1 and _adjective(sent, k, end, lex):
            pass  # (an adjective never follows the noun it would modify)
        else:
            break
        k += 1
    if last_noun < first:
        return None
    return (first, last_noun + 1)


def _apposition(sent: Sent, k: int, end: int, lex: Lexicon) -> int:
    """After a comma at ``k``: a name of capitalised words closed by a comma; the end or -1."""
    j = k + 1
    if j < len(sent) and (sent.low[j] in lex.titles or sent.low[j].endswith(_TITLE_ENDS)) \
            and sent.words[j][:1].isupper():
        # "Matthias Freude, Präsident des Landesumweltamtes"
        sub = phrase_after(sent, j, len(sent), lex)
        if sub and (sub[1] >= len(sent) or sent.words[sub[1]] in ",.:" or sent.words[sub[1]] in FINAL):
            return sub[1]
        return -1
    if k >= 2 and sent.words[k - 1][:1].isupper() and sent.words[k - 2][:1].isupper() \
            and sent.low[k - 2] not in lex.determiners and j < len(sent) and sent.low[j] not in lex.pronouns:
        # after a full name, any noun phrase closed by a comma is an apposition
        # ("Charles Bouchard, kanadischer General und Kommandeur des Einsatzes,")
        sub = phrase_after(sent, j, len(sent), lex)
        while sub and sub[1] + 1 < len(sent) and sent.low[sub[1]] == "und":
            more = phrase_after(sent, sub[1] + 1, len(sent), lex)
            if not more:
                break
            sub = (sub[0], more[1])
        if sub and sub[0] == j and (sub[1] >= len(sent) or sent.words[sub[1]] in ",.:" or sent.words[sub[1]] in FINAL):
            return sub[1]
    if j < len(sent) and sent.low[j] in lex.determiners:
        # ", die Leiterin der Fachstelle," / ", ein Sprecher des Zentrums,"
        m = j + 1
        while m < len(sent) and _adjective(sent, m, len(sent), lex):
            m += 1
        if m < len(sent) and (sent.low[m] in lex.titles or sent.low[m].endswith(_TITLE_ENDS)):
            sub = phrase_after(sent, j, len(sent), lex)
            if sub and sub[1] < len(sent) and (sent.words[sub[1]] in ",." or sent.words[sub[1]] in FINAL):
                return sub[1]
        return -1
    while j < len(sent) and (_name_word(sent, j, lex) or sent.low[j] in _NAME_PARTICLES):
        j += 1
    if j == k + 1 or j - k > 4 or j >= len(sent):
        return -1
    if sent.words[j] == "," or sent.words[j] in FINAL:
        return j
    return -1


def _name_word(sent: Sent, j: int, lex: Lexicon) -> bool:
    """A capitalised word of a name ("C.Y.", "Koch-Mehrin"), not an article or a stop word."""
    w = sent.words[j]
    return _capital(w) and w.replace(".", "").replace("-", "").isalpha() \
        and sent.low[j] not in lex.determiners and sent.low[j] not in lex.stops


def phrase_before(sent: Sent, end: int, lex: Lexicon) -> tuple[int, int] | None:
    """The phrase that ends just before token ``end`` ("der Polizei zufolge")."""
    k = end - 1
    first = end
    while k >= 0 and end - k <= MAX_PHRASE:
        w, lw = sent.words[k], sent.low[k]
        if w == ")" and first == end or w == ")" and k == first - 1:
            j = k - 1
            while j >= 0 and sent.words[j] != "(" and k - j < 8:
                j -= 1
            if j < 0 or sent.words[j] != "(":
                break
            first = k = j
        elif sent.is_mark(k):
            j = k - 1
            while j >= 0 and not sent.is_mark(j) and k - j < 7:
                j -= 1
            if j < 0 or not sent.is_mark(j):
                break
            first = k = j
        elif lw in lex.determiners or (_capital(w) and lw not in lex.stops and lw not in lex.adverbials):
            first = k
        elif lw in ("von", "vom") and first < end:
            first = k
        elif _adjective(sent, k, end, lex) and (_ADJ_SUFFIX.search(lw) or k > 0 and sent.low[k - 1] in lex.determiners
                                                  or k + 1 == first and _adjective_lemma(lw)):
            first = k
        else:
            break
        k -= 1
    if first >= end:
        return None
    while first < end and (sent.low[first] in ("von", "vom")):
        first += 1
    return (first, end) if first < end else None


def subject_before(sent: Sent, start: int, verb: int, lex: Lexicon) -> tuple[int, int] | None:
    """The subject between a clause start and its finite verb ("Lukaschenko fügte hinzu")."""
    k = start
    while k < verb and (sent.low[k] in ("und", "aber", "doch", "sondern", "denn", "auch", "so", "zudem")
                        or sent.low[k] == "indem"):
        k += 1  # "indem er sagte": the subject follows the conjunction
    if k >= verb:
        return None
    if sent.low[k] in lex.pronouns:
        return None if lex.pronouns[sent.low[k]] == "none" else (k, k + 1)
    if lex.lang == "en" and verb - k <= 6:
        return (k, verb)  # English nouns are lower case: the whole stretch before the verb
    span = phrase_after(sent, k, verb, lex)
    if span is None or span[1] != verb:
        # the whole stretch before the verb is not one phrase: take it only if it is a name
        if span is None or span[0] != k:
            return None
        if k == 0 and span[1] - k == 1 and _common_word(sent.low[k]):
            return None  # "Erst …", "Besorgt …": an adverb capitalised at the sentence start
        return span
    return span


def subject_of(sent: Sent, lex: Lexicon) -> tuple[int, int] | None:
    """The phrase that opens a sentence as its subject ("Der Iran streitet dies ab."), or None.

    Only a phrase followed by a lower-case word (the finite verb) counts; a sentence
    that opens with an adverbial or a preposition has no subject up front.
    """
    if len(sent) < 3 or sent.low[0] in lex.adverbials or sent.low[0] in lex.stops \
            or sent.low[0] in lex.subordinators or sent.quoted[0]:
        return None
    if sent.low[0] in lex.pronouns:
        return (0, 1) if lex.pronouns[sent.low[0]] != "none" else None
    span = phrase_after(sent, 0, len(sent), lex)
    if span is None or span[1] >= len(sent):
        return None
    nxt = sent.words[span[1]]
    if nxt == ",":
        nxt = sent.words[span[1] + 1] if span[1] + 1 < len(sent) else ""
    return span if nxt[:1].islower() and nxt.isalpha() else None

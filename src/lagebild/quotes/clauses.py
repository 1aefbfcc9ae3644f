"""Clause limits inside one sentence, and the words around a cue that belong to it.

Without a parser, a clause is the stretch between punctuation marks; short
parentheses ("(CDU)"), short names in quotation marks ("„Die Zeit“") and a name in
apposition stay inside it.
"""

from __future__ import annotations

from lagebild.quotes.lexicon import Lexicon
from lagebild.quotes.sentence import FINAL, PUNCT_BOUNDARY, Sent


def paren_start(sent: Sent, k: int) -> int:
    """If token ``k`` closes a short parenthesis ("(CDU)"), the index of its "(", else -1."""
    if sent.words[k] != ")":
        return -1
    for j in range(k - 1, max(-1, k - 16), -1):
        if sent.words[j] == "(":
            return j
    return -1


def _paren_end(sent: Sent, k: int) -> int:
    """The token after a short parenthesis opening at ``k`` ("(CDU)"), or -1."""
    for j in range(k + 1, min(len(sent), k + 6)):
        if sent.words[j] == ")":
            return j + 1
        if sent.words[j] in ",;:" or sent.is_mark(j):
            return -1
    return -1


def _short_quoted_before(sent: Sent, k: int) -> int:
    """If token ``k`` closes a short quoted name ("„Aktion Deutschland hilft“"), its opener, else -1."""
    if not sent.is_mark(k):
        return -1
    for j in range(k - 1, max(-1, k - 6), -1):
        if sent.words[j] in FINAL or sent.words[j] in ",;:":
            return -1  # a sentence or clause in marks is a quotation, not a name
        if sent.is_mark(j):
            return j if j < k - 1 and sent.words[j + 1][:1].isupper() else -1
    return -1


def _short_quoted_after(sent: Sent, k: int) -> int:
    """If token ``k`` opens a short quoted name, the index after its closer, else -1."""
    for j in range(k + 1, min(len(sent), k + 6)):
        if sent.words[j] in FINAL or sent.words[j] in ",;:":
            return -1  # a sentence or clause in marks is a quotation, not a name
        if sent.is_mark(j):
            named = j > k + 1 and sent.words[k + 1][:1].isupper()
            return j + 1 if named and j + 1 < len(sent) and sent.words[j + 1] not in FINAL else -1
    return -1


def clause(sent: Sent, i: int, lex: Lexicon) -> tuple[int, int]:
    """Token range of the clause around token ``i``, bounded by punctuation and marks.

    A short parenthesis ("Thomas de Maizière (CDU)") and a name in apposition before
    the verb ("Die Sprecherin, Heike van Laak, sagte") stay inside the clause.
    """
    left = i
    while left > 0:
        w = sent.words[left - 1]
        p = paren_start(sent, left - 1)
        if p < 0:
            p = _short_quoted_before(sent, left - 1)
        if p >= 0:
            left = p
            continue
        if w in PUNCT_BOUNDARY or sent.is_mark(left - 1) or sent.quoted[left - 1]:
            break
        left -= 1
    if left >= 2 and (left == i or sent.low[left] in lex.auxiliaries) and sent.words[left - 1] == ",":
        # "Die Sprecherin der Stiftung, Heike van Laak, sagte" / "Henk Meijer, Laborleiter der
        # Firma, erklärte": an apposition before the verb
        j = left - 2
        while j >= 0 and (is_name(sent.words[j]) or sent.low[j] in ("van", "von", "de", "der", "da")):
            j -= 1
        if j >= 1 and sent.words[j] != ",":
            k = j
            while k >= 0 and left - k <= 14 and sent.words[k] not in PUNCT_BOUNDARY and not sent.is_mark(k):
                k -= 1
            first = k + 1
            while first < left and sent.low[first] in lex.determiners:
                first += 1
            if k >= 1 and sent.words[k] == "," and first < left and (
                    sent.low[first] in lex.titles or sent.low[first].endswith(_TITLE_WORDS)
                    or _adjective_like(sent.low[first]) and any(
                        sent.low[m] in lex.titles or sent.low[m].endswith(_TITLE_WORDS) for m in range(first, left))):
                j = k
        if 0 <= j < left - 2 and left - 2 - j <= 14 and sent.words[j] == "," and j >= 1:
            left2 = j
            while left2 > 0:
                p = paren_start(sent, left2 - 1)
                if p >= 0:
                    left2 = p
                    continue
                if sent.words[left2 - 1] in PUNCT_BOUNDARY or sent.is_mark(left2 - 1):
                    break
                left2 -= 1
            if left2 < j:
                left = left2
    right = i + 1
    n = len(sent)
    while right < n and sent.is_mark(right) and (close := _short_quoted_after(sent, right)) > 0:
        right = close  # "schrieb „Die Zeit“ in einem Nachruf"
    while right < n:
        if sent.words[right] == "(" and (close := _paren_end(sent, right)) > 0:
            right = close  # "warf dem Minister Schäuble (CDU) vor": a short parenthesis stays inside
            continue
        if sent.words[right] in PUNCT_BOUNDARY or sent.is_mark(right) or sent.quoted[right] \
                or (sent.words[right] in FINAL and right == n - 1) \
                or sent.low[right] == "that":  # English reported speech needs no comma
            break
        right += 1
    return left, right


_TITLE_WORDS = ("sprecher", "sprecherin", "leiter", "leiterin", "präsident", "präsidentin", "minister",
                "ministerin", "chef", "chefin", "direktor", "direktorin", "vorsitzende", "vorsitzender",
                "experte", "expertin", "politiker", "politikerin", "mitglied", "gründer", "gründerin")


def _adjective_like(w: str) -> bool:
    return w.isalpha() and w.islower() and w.endswith(("e", "en", "er", "es", "em"))


def is_name(w: str) -> bool:
    """A capitalised word, possibly with dots or hyphens ("C.Y.", "Koch-Mehrin")."""
    return w[:1].isupper() and w.replace(".", "").replace("-", "").isalpha()


def trim(sent: Sent, a: int, b: int) -> tuple[int, int]:
    """Drop boundary punctuation at both ends of a content range."""
    while a < b and sent.words[a] in PUNCT_BOUNDARY:
        a += 1
    while b > a and (sent.words[b - 1] in PUNCT_BOUNDARY or sent.words[b - 1] in FINAL):
        b -= 1
    return a, b


# words that belong to the verb's phrase: "geht davon aus", "äußerte sich", "wies darauf hin"
_CUE_ADVERBS = frozenset("davon darauf damit darüber dafür daran dazu dahingehend sich".split())
# the preposition a verb takes for its content: "bezeichnete … als", "sprach von", "warnte vor"
_CUE_PREPS = {"bezeichnen": "als", "nennen": "als", "sprechen": "von", "warnen": "vor", "berichten": "von",
              "begründen": "mit", "zitieren": "mit"}


def extend_cue(sent: Sent, cue: list[int], i: int, finite: int, left: int, right: int, lemma: str,
                lex: Lexicon) -> None:
    """Add the words the corpus counts as part of a cue to ``cue`` (token indices)."""
    if i + 1 < right and sent.low[i + 1] in lex.auxiliaries and i + 1 not in cue and finite == i:
        cue.append(i + 1)  # verb-final "aufgefordert wurde"
    for k in range(finite + 1, min(right, finite + 6)):
        if sent.low[k] in _CUE_ADVERBS and k not in cue:
            cue.append(k)
            break
    prep = _CUE_PREPS.get(lemma)
    if prep:
        for k in range(i + 1, right):
            if sent.low[k] == prep:
                cue.append(k)
                break
    if finite == left + 1 and sent.low[left] == "es" and left not in cue:
        cue.append(left)  # "Es wird vermutet"


def mark_in_clause(sent: Sent, left: int, right: int) -> tuple[int, int] | None:
    """A quotation in marks that opens where the clause stops (``right``) or closes where
    it starts (``left``): the object of "bezeichnete … als „…“"."""
    if right < len(sent) and sent.is_mark(right) and sent.quoted[right]:
        j = right + 1
        while j < len(sent) and not (sent.is_mark(j) and j > right + 1):
            j += 1
        if j < len(sent) and j - right >= 2:
            return (right, j + 1)
    if left >= 2 and sent.is_mark(left - 1):
        j = left - 2
        while j >= 0 and not sent.is_mark(j):
            j -= 1
        if j >= 0 and left - 1 - j >= 2:
            return (j, left)
    return None


def relative_clause(sent: Sent, a: int, b: int, lex: Lexicon) -> bool:
    """ "…, die mit 70 Mann anrückte": a relative clause, not reported speech.

    An article is followed by a noun or an adjective; a relative pronoun by a
    preposition, an adverb, an article, a number or "sich".
    """
    if b - a < 3 or sent.low[a] not in ("der", "die", "das", "dem", "den", "welche", "welcher", "welches"):
        return False
    nxt = sent.words[a + 1]
    return nxt[:1].isdigit() or sent.low[a + 1] in ("sich", "nicht", "auch", "noch", "bereits", "schon") \
        or (nxt[:1].islower() and (sent.low[a + 1] in lex.stops or sent.low[a + 1] in lex.determiners))

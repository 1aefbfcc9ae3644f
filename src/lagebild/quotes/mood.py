"""The grammatical marks of reported speech in a sentence without a cue.

Konjunktiv I ("sei", "habe", "gebe") carries reported speech over from a cue into
the sentences that follow; "soll … gewesen sein" reports a claim without naming
its source. A title in quotation marks is told from quoted words by its capitals.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lagebild.quotes.lexicon import Lexicon
from lagebild.quotes.sentence import Sent

@lru_cache(maxsize=4096)
def _e_verb(word: str) -> bool:
    """A lower-case verb form in -e ("gebe", "bestehe"): 3rd person Konjunktiv I in news."""
    import simplemma  # loaded on first use only: most words never get here
    lemma = simplemma.lemmatize(word, lang="de")
    return lemma == word + "n" or (word.endswith(("ele", "ere")) and lemma == word[:-2] + word[-2:-1] + "n")


def subjunctive(sent: Sent, lex: Lexicon, weak: bool = False) -> bool:
    """Whether the sentence has a Konjunktiv I verb outside quotation marks.

    With ``weak``, the Konjunktiv II forms that stand in for it ("hätten", "würde")
    count too: right after reported speech they usually continue it.
    """
    return subjunctive_at(sent, lex, weak) >= 0


def subjunctive_at(sent: Sent, lex: Lexicon, weak: bool = False) -> int:
    """The index of the first Konjunktiv I verb outside quotation marks, or -1."""
    if sent.words and sent.words[-1] == "?":
        return -1  # a question put to the reader, not reported speech
    prev = ""
    for k, (w, q) in enumerate(zip(sent.low, sent.quoted)):
        if q:
            prev = w
            continue
        if w in lex.subjunctive or (weak and w in lex.subjunctive_weak):
            return k
        if len(w) > 3 and w[-1] == "e" and sent.words[k][0].islower() and w.isalpha() \
                and prev not in lex.determiners and w not in lex.determiners and w not in lex.stops \
                and _e_verb(w):
            return k
        prev = w
    return -1


def reported_clause_start(sent: Sent, first: int) -> int:
    """Where the reported part of a sentence begins: after a main clause in the indicative
    that a coordinating conjunction joins to it ("Sie ist operiert worden, und er wolle …")."""
    k = first - 3  # ", und er wolle": conjunction, pronoun, verb
    if k > 0 and sent.words[k] in ",;" and sent.low[k + 1] in ("und", "aber", "doch", "denn") \
            and sent.low[k + 2] in ("er", "sie", "es", "man", "wir"):
        return k + 1
    return 0


_FUNCTION = frozenset("der die das des dem den ein eine einer eines einem und oder für im in am an auf aus "
                      "von vom zu zur zum mit bei über unter nach gegen ohne um of the and for de la le du "
                      "del di da e y et a an in on at to".split())
_WORD = re.compile(r"[^\W\d_]+")


# function words of other languages: a phrase in marks that has them and no German
# verb is a name ("„United Front for Democracy“", "„La face de Bellevarde“")
_FOREIGN = frozenset("the of for and with les la le du et el los las del della degli y".split())


def foreign_name(inner: str) -> bool:
    """A short foreign-language name in marks, not words said in a German text."""
    if any(c in inner for c in ".!?:;"):
        return False
    words = _WORD.findall(inner)
    return 2 <= len(words) <= 8 and any(w.lower() in _FOREIGN for w in words) \
        and not any(w.lower() in ("der", "die", "das", "ist", "sind", "sei", "wir", "ich") for w in words)


def title_like(inner: str) -> bool:
    """A name or title in marks ("„Der Einsatz der Trümmerbahnen 1946 – 1958“"), not speech.

    Titles capitalise every content word; speech has lower-case verbs and adverbs.
    Sentence punctuation inside marks speaks for speech.
    """
    if any(c in inner for c in ".!?:,;") and not inner.rstrip().endswith(("e.V.", "S.E.")):
        return False
    words = _WORD.findall(inner)
    return bool(words) and not any(w[0].islower() and w.lower() not in _FUNCTION for w in words)


def reportative(sent: Sent) -> bool:
    """ "soll … gewesen sein": the modal that reports a claim without naming its source."""
    end = sent.content_end()
    for k, (w, q) in enumerate(zip(sent.low[:end], sent.quoted)):
        if w in ("soll", "sollen") and not q:
            # the perfect infinitive marks the claim about the past: "soll … gewesen sein"
            return any(x in ("haben", "sein") and sent.low[j - 1] not in ("zu",)
                       for j, x in enumerate(sent.low[k + 2:end], k + 2))
    return False

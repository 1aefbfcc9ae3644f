"""The quote stage's language knowledge, read from ``resources/<lang>/quotes/``.

Speech verbs are listed by lemma; their inflected forms are generated here so that
the data file stays short and a new verb is a one-line change.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from lagebild.resources import load_rows, load_yaml

# inseparable prefixes take no "ge-" in the participle ("erklärt", not "geerklärt")
_INSEPARABLE = ("be", "er", "ver", "zer", "ent", "emp", "ge", "miss", "über", "unter", "hinter", "wider")


@dataclass(frozen=True)
class VerbForm:
    """One surface form of a speech verb."""

    lemma: str
    particle: str | None  # a separated particle that must close the clause ("fügte ... hinzu")
    participle: bool


@dataclass
class Lexicon:
    """All word lists the quote stage uses for one language."""

    lang: str = "de"
    verbs: dict[str, list[VerbForm]] = field(default_factory=dict)
    nouns: frozenset[str] = frozenset()
    prepositions: dict[str, list[str]] = field(default_factory=dict)  # word -> source kinds
    determiners: frozenset[str] = frozenset()
    pronouns: dict[str, str] = field(default_factory=dict)
    stops: frozenset[str] = frozenset()
    adverbials: frozenset[str] = frozenset()
    titles: frozenset[str] = frozenset()
    subordinators: frozenset[str] = frozenset()
    auxiliaries: frozenset[str] = frozenset()
    subjunctive: frozenset[str] = frozenset()
    subjunctive_weak: frozenset[str] = frozenset()
    time_words: frozenset[str] = frozenset()
    reported_verbs: frozenset[str] = frozenset()
    reported_examples: list[tuple[str, str]] = field(default_factory=list)
    verb_examples: list[tuple[str, str]] = field(default_factory=list)
    noun_examples: list[tuple[str, str]] = field(default_factory=list)
    cue_examples: list[tuple[str, str]] = field(default_factory=list)


def _weak_forms(lemma: str) -> list[str]:
    """Present, past, infinitive, participle and subjunctive of a regular verb."""
    stem = lemma[:-2] if lemma.endswith("en") else lemma[:-1]
    # "erklärte" but "bezeichnete", "antwortete": an e after d, t and consonant + n (not "mahnte")
    e = "e" if stem.endswith(("d", "t")) or (stem.endswith("n") and not stem.endswith(("rn", "ln"))
                                               and stem[-2:-1] not in "aeiouäöü"
                                               and not (stem.endswith("hn") and not stem.endswith("chn"))) else ""
    past = stem + e + "te"
    part = stem + e + "t"
    if not lemma.startswith(_INSEPARABLE) and not lemma.endswith("ieren"):
        part = "ge" + part
    return [stem + e + "t", past, past + "n", lemma, part, stem + "e"]


def _add_verb(lex: Lexicon, lemma: str, particle: str | None, forms: list[str]) -> None:
    base = lemma[len(particle):] if particle and lemma.startswith(particle) else lemma
    if forms == ["weak"]:
        forms = _weak_forms(base)
        participles = {forms[4]}
    else:
        participles = {f for f in forms if f.startswith("ge") and not base.startswith("ge")}

    def add(form: str, vf: VerbForm) -> None:
        if vf not in lex.verbs.setdefault(form, []):
            lex.verbs[form].append(vf)

    for f in forms:
        is_part = f in participles
        if particle:
            # separated: "fügte" needs "hinzu" later; joined: "hinzufügte", "hinzugefügt"
            add(f, VerbForm(lemma, particle, is_part))
            add(particle + f, VerbForm(lemma, None, is_part))
            if f == base:
                add(particle + "zu" + f, VerbForm(lemma, None, False))
        else:
            add(f, VerbForm(lemma, None, is_part))


@lru_cache(maxsize=None)
def lexicon(lang: str) -> Lexicon:
    """The lexicon for ``lang`` (German where there is no list of its own)."""
    if lang not in ("de", "en"):
        lang = "de"
    lex = Lexicon(lang=lang)
    for row in load_rows(f"{lang}/quotes/speech_verbs.tsv"):
        lemma, particle, forms = row[0], (None if row[1] == "-" else row[1]), row[2].split(",")
        _add_verb(lex, lemma, particle, [f.strip() for f in forms])
        lex.verb_examples.append((lemma, row[3] if len(row) > 3 else ""))
    nouns = load_rows(f"{lang}/quotes/speech_nouns.tsv")
    lex.nouns = frozenset(r[0].lower() for r in nouns)
    lex.noun_examples = [(r[0], r[1] if len(r) > 1 else "") for r in nouns]
    cues = load_yaml(f"{lang}/quotes/cues.yaml")
    for entry in cues.get("prepositions", []):
        lex.prepositions.setdefault(entry["word"].lower(), []).append(entry["source"])
        lex.cue_examples.append((entry["word"], entry["example"]))
    for entry in cues.get("reported_verbs") or []:
        lex.reported_examples.append((entry["lemma"], entry["example"]))
    lex.reported_verbs = frozenset(lemma for lemma, _ in lex.reported_examples)
    g = load_yaml(f"{lang}/quotes/grammar.yaml")

    def words(key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in g.get(key, []))

    lex.determiners = words("determiners")
    lex.pronouns = {k.lower(): v for k, v in (g.get("pronouns") or {}).items()}
    lex.stops = words("phrase_stops")
    lex.adverbials = words("adverbials")
    lex.titles = words("titles")
    lex.subordinators = words("subordinators")
    lex.auxiliaries = words("auxiliaries")
    lex.subjunctive = words("subjunctive")
    lex.subjunctive_weak = words("subjunctive_weak")
    lex.time_words = words("time_words")
    return lex

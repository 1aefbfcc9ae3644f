"""Cues in one sentence and the frame each one sets up: cue, speaker, content.

A frame is the "sagte Putin" part of a sentence: the cue words, the speaker phrase
and the stretch of the sentence that holds what was said (one or two token ranges:
before the cue, after it, or both when the frame is inserted).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lagebild.quotes.clauses import clause, extend_cue, is_name, mark_in_clause, relative_clause, trim
from lagebild.quotes.lexicon import Lexicon
from lagebild.quotes.phrases import phrase_after, phrase_before, subject_before
from lagebild.quotes.sentence import FINAL, PUNCT_BOUNDARY, Sent
from lagebild.quotes.subjects import RELATIVE as _RELATIVE
from lagebild.quotes.subjects import subject_after_adverbs, subject_over_relative, verb_second

# separable particles: a clause that ends in one the verb does not take is another verb
# ("sagte das Treffen ab" is not "sagen")
_PARTICLES = frozenset("ab an auf aus bei ein fest mit nach vor weg zu zurück hinzu hin hervor dar "
                       "klar bekannt los statt teil zusammen entgegen heraus vorbei".split())
# clauses that follow a speech verb without being what was said
_NOT_CONTENT = frozenset("weil nachdem als wenn obwohl da um während bevor sobald falls sodass und "
                         "dessen deren denen darunter wobei womit worauf wodurch weshalb weswegen".split())
# verbs that are speech verbs only with their adverb: "geht davon aus", not "geht vom Bahnhof aus"
_NEEDS_ADVERB = {"ausgehen": "davon", "hervorgehen": "aus"}
# a clause before the cue that opens with these is a condition or a question left open, not what was said
_LEFT_NOT_CONTENT = frozenset("obwohl wenn falls nachdem weil da als während ob warum wieso weshalb was wer "
                              "wann wo inwiefern".split())
# "…, so viele Menschen wie nie": words after "so" that open a comparison, not a source
_NOT_SOURCE = frozenset("viele wenige lange weit oft sehr gut schnell groß klein hoch".split())
# "sagte aber", "erklärte jedoch": the verb continues a clause before, it is not inserted
_COORDINATED = frozenset("aber jedoch zudem außerdem dann".split())


@dataclass
class Frame:
    """A cue with its speaker and content in sentence ``sent`` (token indices)."""

    sent: int
    cue: list[int]
    speaker: tuple[int, int] | None
    content: list[tuple[int, int]] = field(default_factory=list)
    colon: bool = False        # "führte er aus:" with the content in what follows
    previous: bool = False     # "Dies teilte X mit": the content is the sentence before
    kind: str = "verb"         # verb | prep | self
    elided: bool = False       # "… und führte aus:": the subject is the one of the clause before


def _is_content(sent: Sent, a: int, b: int, lex: Lexicon) -> bool:
    return b - a >= 2 and sent.low[a] not in _NOT_CONTENT


# verbs that also give a name rather than report words: "nennt sich", "auch X genannt"
_NAMING = frozenset({"nennen"})


def _names_something(sent: Sent, i: int, left: int, right: int, lex: Lexicon) -> bool:
    """ "… nennt sich „documenta 12“", "das Profil 1.1, auch „Bonus View“ genannt", "wie er
    genannt wird", "nannte man": the verb names something; nobody is quoted."""
    clause = sent.low[left:right]
    start = i  # quotation marks do not end this clause: "die sich selbst „…“ nennt"
    while start > 0 and sent.words[start - 1] not in ",;:" and sent.words[start - 1] not in FINAL:
        start -= 1
    if "sich" in sent.low[start:right] or "man" in sent.low[start:right]:
        return True
    participle = not any(sent.low[k] in lex.auxiliaries for k in range(left, right))
    return sent.low[i] == "genannt" and (participle or any(w in ("wird", "wurde", "werden", "wurden") for w in clause))


def _verb_frame(sent: Sent, i: int, lex: Lexicon) -> Frame | None:
    readings = lex.verbs.get(sent.words[i]) or (lex.verbs.get(sent.low[i]) if i == 0 else None)
    if not readings:
        return None
    left, right = clause(sent, i, lex)
    cue = [i]
    end = sent.content_end()
    chosen = None
    for vf in readings:
        if vf.particle is None:
            chosen = chosen or vf
            continue
        for j in range(i + 1, right):
            if sent.low[j] == vf.particle:
                chosen, cue = vf, [i, j]
                break
        else:
            if i > left and sent.low[i - 1] == vf.particle:  # verb-final "wie X bekannt gab"
                chosen, cue = vf, [i - 1, i]
                break
            # "teilte der Sprecher der Fraktion, Jens Nacke, mit."
            if end > 0 and end - 1 > i and sent.low[end - 1] == vf.particle and end - 1 >= right:
                chosen, cue, right = vf, [i, end - 1], end
        if len(cue) > 1:
            break
    if chosen is None:
        return None
    needed = _NEEDS_ADVERB.get(chosen.lemma)
    if needed and needed not in sent.low[left:right]:
        return None
    if chosen.lemma in _NAMING and _names_something(sent, i, left, right, lex):
        return None
    if len(cue) == 1 and right - 1 > i and sent.low[right - 1] in _PARTICLES:
        return None  # another verb with this stem ("sagte ... ab")
    if len(cue) == 1 and i + 1 < len(sent) and sent.low[i + 1] in ("zu",) and right == i + 1:
        return None
    # the finite position: an auxiliary before a participle or infinitive
    finite = i
    for j in range(left, i):
        if sent.low[j] in lex.auxiliaries and not sent.quoted[j]:
            finite = j
            cue.insert(0, j)
            break
    if sent.low[i] in ("heißt", "hieß") or (finite < len(sent) - 1 and readings[0].lemma == "heißen"):
        if finite + 1 < len(sent) and sent.low[finite + 1] == "es":
            cue.append(finite + 1)
        else:
            return None
    if any(sent.low[k] in ("nicht", "kein", "keine", "nie", "niemals") for k in range(finite, max(cue) + 1)) \
            and finite != cue[-1]:
        return None  # "wollte das nicht bestätigen": nothing was said
    extend_cue(sent, cue, i, finite, left, right, chosen.lemma, lex)
    cue.sort()
    sub = sent.low[left] in ("wie", "was") and finite > left
    if sub and sent.low[left] == "wie":
        cue.insert(0, left)  # the corpus takes "Wie … mitteilte" as the cue
    # speaker
    speaker: tuple[int, int] | None = None
    if sub:
        speaker = phrase_after(sent, left + 1, finite, lex)
    elif chosen.lemma == "hervorgehen":
        # "Dies geht aus einer Mitteilung der Polizei hervor"
        speaker = None
        for k in range(finite + 1, right):
            if sent.low[k] == "aus":
                speaker = phrase_after(sent, k + 1, len(sent), lex)
                break
    elif readings[0].lemma == "heißen":
        # "hieß es bei Russland Aktuell", "In der Erklärung heißt es"
        speaker = None
        k = cue[-1] + 1
        if k < right and sent.low[k] in ("bei", "von", "vom", "seitens", "aus", "in", "im"):
            speaker = phrase_after(sent, k + 1, len(sent), lex)
        elif left < finite and sent.low[left] in ("in", "im", "bei", "laut", "aus"):
            speaker = phrase_after(sent, left + 1, finite, lex)
    elif finite + 1 < right and sent.low[finite + 1] in lex.pronouns and sent.low[finite + 1] != "es":
        speaker = (finite + 1, finite + 2) if lex.pronouns[sent.low[finite + 1]] != "none" else None
    elif finite == left or sent.low[left] in lex.adverbials or sent.low[left] in lex.determiners \
            and sent.low[left] in ("dies", "das") :
        speaker = phrase_after(sent, finite + 1, len(sent), lex) \
            or subject_after_adverbs(sent, finite + 1, right, lex)
        if speaker is None and finite > left:
            speaker = subject_before(sent, left, finite, lex)
    elif any(sent.low[k] in lex.time_words or sent.words[k][:1].isdigit() for k in range(left, finite)) \
            and (post := phrase_after(sent, finite + 1, len(sent), lex)) is not None:
        speaker = post  # "Mitte Juni 2023 meldete Putin"
    else:
        speaker = subject_before(sent, left, finite, lex)
        if speaker is None:
            speaker = phrase_after(sent, finite + 1, len(sent), lex)
    if speaker is None and not sub and finite > left and finite - left <= 2 \
            and sent.low[finite - 1] in ("dieser", "diese", "letzterer", "letztere", "jener", "jene"):
        speaker = (finite - 1, finite)  # "Dieser behauptete, …"
    if speaker is None and not sub and cue[0] > left and max(cue) >= right - 1 and finite >= cue[0]:
        # verb-final: "in dessen Folge das Gericht festgestellt hatte, …"
        before = phrase_before(sent, cue[0], lex)
        if before is not None and any(sent.low[k] in lex.time_words or sent.words[k][:1].isdigit()
                                      for k in range(*before)):
            before = None  # "Im Mai wurde bekannt": a date, not a source
        if before is not None and before[0] >= left:
            for k in range(before[1] - 1, before[0], -1):
                if sent.low[k] in ("das", "die", "ein", "eine", "dem", "den"):
                    before = (k, before[1])
                    break
            speaker = before
    over_relative = False
    if speaker is None and not sub and finite == left:
        speaker = subject_over_relative(sent, left, lex)
        over_relative = speaker is not None
    if speaker is not None and speaker[0] == left and left >= 2 and sent.words[left - 1] == ",":
        # "Rob Mueller, Klub-Sekretär der Buitenboys sagte": a name before an apposition
        # whose closing comma is missing
        j = left - 1
        while j > 0 and is_name(sent.words[j - 1]) and left - j <= 4:
            j -= 1
        if j < left - 1 and (j == 0 or sent.words[j - 1] in PUNCT_BOUNDARY or sent.words[j - 1] in FINAL):
            speaker = (j, speaker[1])
    if speaker is not None and (set(range(*speaker)) & set(cue)):
        speaker = None
    if speaker is not None and speaker[1] >= right:
        # the clause goes on after the speaker up to the next punctuation
        right = speaker[1]
        while right < len(sent) and sent.words[right] not in PUNCT_BOUNDARY and not sent.is_mark(right) \
                and not (sent.words[right] in FINAL and right == len(sent) - 1) and sent.low[right] != "that":
            right += 1
    # content
    frame = Frame(sent.index, cue, speaker)
    frame.elided = speaker is None and finite == left and left > 0 and sent.low[left - 1] in ("und", "sowie", "aber") \
        or speaker is None and finite > left and sent.low[finite - 1] in ("und", "sowie", "aber")
    after = right + 1 if right < len(sent) and sent.words[right] in PUNCT_BOUNDARY else right
    la, lb = trim(sent, 0, left)
    ra, rb = trim(sent, after, end)
    has_left, has_right = lb - la >= 2, rb - ra >= 1
    if right < len(sent) and sent.words[right] == ":" and not has_right:
        frame.colon = True
        return frame
    if sub and speaker is None:
        return None  # "wie man sagt"
    if sub:
        if has_right and _is_content(sent, ra, rb, lex):
            frame.content = [(ra, rb)]
        elif has_left:
            frame.content = [(la, lb)]
        return frame if frame.content else None
    if has_right and (sent.low[ra] in _NOT_CONTENT or relative_clause(sent, ra, rb, lex)):
        has_right = False
    verb_first = finite == left and not over_relative
    if has_left and verb_first and sent.low[la] == "als" and sent.is_mark(la + 1) and sent.is_mark(lb - 1):
        frame.content = [(la + 1, lb)]  # "Als „unerwartetes Geschenk“ bezeichnet die Archäologin den Fund"
        return frame
    if not has_left and not has_right:
        inner = mark_in_clause(sent, left, right)
        if inner is not None:
            # "kritisierte den Plan als „völlig unrealistisch“": the words in marks are the quote
            frame.content = [inner]
            return frame
        if left <= 1 and finite == left + 1 and sent.low[left] in ("dies", "das", "dieses") :
            frame.previous = True
            frame.content = [(left, left + 1)]
            return frame
        if chosen.lemma in lex.reported_verbs and not chosen.participle and speaker is not None and left == 0 \
                and end >= 4 and not any(sent.quoted[k] for k in range(len(sent))) \
                and not any(w in ("nicht", "kein", "keine", "keinen", "nie") for w in sent.low):
            # "Die Brauer warnen vor dem Verfahren.": a speech act reported without its words
            # (but "Einen Zeitplan nannte sie nicht.": nothing was said)
            frame.kind = "reported"
            frame.content = [(0, len(sent))]
            return frame
        return None
    if has_left and not has_right and finite == left + 1 and sent.low[left] in ("das", "dies"):
        # "Die Kamera ist ausgefallen, das teilte das Institut mit."
        frame.content = [(la, lb), (left, left + 1)]
        return frame
    if has_right and (not has_left or not verb_first):
        if sent.low[ra] in _RELATIVE and not verb_first and left > 0 and not verb_second(sent, ra, rb, lex):
            return None
        frame.content = [(ra, rb)]
    elif has_left and (verb_first or sent.is_mark(left - 1) or left >= 2 and sent.is_mark(left - 2)) \
            and sent.low[la] not in _LEFT_NOT_CONTENT:
        frame.content = [(la, lb)] + ([(ra, rb)] if has_right and sent.low[ra] not in ("dass", "ob") else [])
        if has_right and (sent.low[ra] in ("dass", "ob") or sent.low[i + 1] in _COORDINATED):
            # "…, sagte aber, die Republikaner müssten …": a second verb of the subject before
            frame.content = [(ra, rb)]
    else:
        return None
    return frame


def _prep_frame(sent: Sent, i: int, lex: Lexicon) -> Frame | None:
    w = sent.low[i]
    kinds = lex.prepositions.get(w)
    if not kinds:
        return None
    end = sent.content_end()
    speaker = None
    span = None  # the whole frame's token range
    for kind in kinds:
        if kind == "after":
            if w == "so" and (i == 0 or not (sent.words[i - 1] == "," or sent.is_mark(i - 1))):
                continue
            speaker = phrase_after(sent, i + 1, len(sent), lex)
            if speaker and sent.low[speaker[0]] in lex.pronouns and w != "so":
                speaker = None
            if speaker and w == "so" and (sent.low[speaker[0]] in _NOT_SOURCE or not (
                    speaker[1] >= end or sent.words[speaker[1]] in ",;:"
                    or sent.low[speaker[1]] in lex.stops)):
                speaker = None
            if speaker:
                span = (i, speaker[1])
        elif kind == "before" and i > 0:
            speaker = phrase_before(sent, i, lex)
            if speaker:
                span = (speaker[0], i + 1)
        elif kind == "noun" and i + 1 < len(sent):
            if i > 0 and sent.low[i - 1] in _BEFORE_TEMPORAL:
                continue  # "erst nach umfangreichen Ermittlungen", "sechs Tage nach der Veröffentlichung"
            k = i + 1
            while k < min(len(sent), i + 3) and sent.low[k].endswith(_ADJ) and not sent.words[k][:1].isupper():
                k += 1
            if k + 1 < len(sent) and sent.words[k][:1].isupper() and sent.words[k].endswith("s") \
                    and sent.low[k + 1] in lex.nouns:
                k += 1  # "Nach Grupps Meinung": a name in the genitive before the noun
            if k < len(sent) and any(sent.low[k].endswith(n) for n in lex.nouns):
                speaker = phrase_after(sent, i + 1, len(sent), lex) or (i + 1, k + 1)
                span = (i, speaker[1])
        elif kind == "noun_before" and i >= 2:
            if any(sent.low[i - 1].endswith(n) for n in lex.nouns) and sent.low[i - 1] in lex.nouns:
                speaker = (i - 2, i) if sent.low[i - 2] in lex.determiners else (i - 1, i)
                span = (speaker[0], i + 1)
        elif kind == "self":
            speaker = (i, i + 1)
            span = (i, i + 1)
            if w == "wonach" and i >= 2 and sent.words[i - 1] == ",":
                # "es gibt eine Schätzung, wonach ...": the noun before is the source
                speaker = phrase_before(sent, i - 1, lex) or speaker
                span = (0, i + 1)
        if span:
            break
    if not span:
        return None
    frame = Frame(sent.index, [i], speaker, kind="self" if speaker == (i, i + 1) else "prep")
    parts = []
    a, b = trim(sent, 0, span[0])
    if b - a >= 1:
        parts.append((a, b))
    a, b = trim(sent, span[1], end)
    if b - a >= 1:
        parts.append((a, b))
    if sum(b - a for a, b in parts) < 3:
        return None
    frame.content = parts
    return frame


_ADJ = ("e", "en", "er", "es", "em")
# words before "nach" that make it a time ("kurz nach der Veröffentlichung"), not a source
_BEFORE_TEMPORAL = frozenset("erst kurz bereits schon unmittelbar gleich noch bald direkt sofort tage wochen "
                             "monate jahre stunden minuten tag woche monat jahr".split())


def _inverted_frame(sent: Sent, i: int, lex: Lexicon) -> Frame | None:
    """ "„…“, zeigte sich der Trainer zufrieden": after a quotation that opens the sentence,
    a verb and its subject inverted behind the comma attribute it, whatever the verb."""
    if i < 3 or sent.words[i - 1] != "," or not sent.is_mark(i - 2) or not sent.quoted[0] \
            or not sent.words[i].isalpha() or sent.low[i] in lex.stops or sent.low[i] in lex.subordinators \
            or sent.low[i] in _NOT_CONTENT or sent.low[i] in lex.pronouns or sent.low[i] in lex.adverbials:
        return None
    if any(not sent.quoted[k] for k in range(0, i - 2)):
        return None  # the quotation is not all that stands before the verb
    cue = [i]
    k = i + 1
    if k < len(sent) and sent.low[k] == "sich":
        cue.append(k)
        k += 1
    speaker = phrase_after(sent, k, len(sent), lex)
    if speaker is None or speaker[0] != k:
        return None
    end = speaker[1]
    while end < len(sent) and sent.words[end] not in PUNCT_BOUNDARY and sent.words[end] not in FINAL \
            and not sent.is_mark(end):
        end += 1
    if end - 1 >= speaker[1] and sent.words[end - 1].islower() and sent.words[end - 1].isalpha() \
            and sent.low[end - 1] not in lex.stops:
        cue.append(end - 1)  # "strich Romney heraus", "zeigte sich X zufrieden"
    return Frame(sent.index, cue, speaker, [(0, i - 1)])


def find_frames(sent: Sent, lex: Lexicon) -> list[Frame]:
    """All frames of ``sent``, outside quotation marks, in token order."""
    out: list[Frame] = []
    taken: set[int] = set()
    for i, w in enumerate(sent.words):
        if sent.quoted[i] or i in taken:
            continue
        f = None
        if w[:1].islower() or i == 0:
            f = _verb_frame(sent, i, lex)
        if f is None and sent.low[i] in lex.prepositions:
            f = _prep_frame(sent, i, lex)
        if f is None and w[:1].islower():
            f = _inverted_frame(sent, i, lex)
        if f is not None:
            out.append(f)
            taken.update(f.cue)
            if f.speaker:
                taken.update(range(*f.speaker))
    return out

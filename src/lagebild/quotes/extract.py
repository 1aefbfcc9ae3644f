"""Assembling quotes from marks, frames and carried-over subjunctive sentences."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Any

from lagebild.model import Document, Span
from lagebild.quotes import ranker
from lagebild.quotes.cues import Frame, find_frames
from lagebild.quotes.lexicon import lexicon
from lagebild.quotes.marks import MAX_QUOTE_CHARS, Mark, find_marks
from lagebild.quotes.mood import foreign_name, reported_clause_start, reportative, subjunctive_at, title_like
from lagebild.quotes.phrases import phrase_after, subject_of
from lagebild.quotes.sentence import Sent, build_sentences
from lagebild.quotes.speakers import Resolver, Speaker, add_entities

# a quotation in marks shorter than this (words) is a term or a scare quote unless a cue claims it
MIN_DIRECT_WORDS = 2
# words in marks inside reported speech that count as a quoted fragment of their own
NESTED_MIN_WORDS = 2
# a subjunctive sentence carries the last speaker on only this far (sentences)
MAX_CARRY = 1
# a quotation in marks without a cue takes the speaker of a quote this close (sentences),
# if it is this long (words): a short fragment is more often a term than someone's words
DIRECT_CARRY = 1
CARRY_MIN_WORDS = 4
# consecutive carried-over sentences of one speaker form one quote (as the corpus annotates them)
MERGE = True


# words before marks that make what follows words said, not a name: "als „Schatten-CIA“",
# "sprach von einer „Gefahr für Leib und Leben“", "nannte den Bericht eine „Zeitungsente“"
_INTRODUCES_WORDS = frozenset("als von zu wie ein eine einer einen einem eines".split())


@dataclass
class Quote:
    """A quote under construction (character spans)."""

    spans: list[Span]
    kind: str
    sent: int
    speaker: Speaker | None = None
    cue: list[Span] = field(default_factory=list)
    mark: Mark | None = None
    inherited: bool = False
    elided: bool = False  # its frame had no subject of its own ("und führte aus")

    @property
    def start(self) -> int:
        return min(s.start for s in self.spans)

    @property
    def end(self) -> int:
        return max(s.end for s in self.spans)


class Extractor:
    """Finds the quotes of one document."""

    def __init__(self, doc: Document, rank: bool = True) -> None:
        self.doc = doc
        self.rank = rank
        self.text = doc.text
        self.lex = lexicon(doc.language or "de")
        self.marks = find_marks(doc.text, doc.paragraphs)
        self.sents = build_sentences(doc, self.marks)
        self.sent_starts = [s.span.start for s in self.sents]
        self.mark_starts = [m.span.start for m in self.marks]
        self.resolver = Resolver(doc.text, self.lex, list(doc.entities))
        self.quotes: list[Quote] = []
        self.mark_quote: dict[int, Quote] = {}
        self.last_frame_speaker: tuple[int, Speaker] | None = None

    # ------------------------------------------------------------ helpers
    def _chars(self, sent: Sent, a: int, b: int) -> Span:
        return Span(sent.toks[a].start, sent.toks[b - 1].end)

    def _speaker(self, sent: Sent, rng: tuple[int, int] | None) -> Speaker | None:
        if rng is None:
            return None
        a, b = rng
        span = self._chars(sent, a, b)
        return self.resolver.resolve(span, [(sent.words[k], sent.toks[k].start) for k in range(a, b)])

    def _mark_words(self, m: Mark) -> int:
        return len(self.text[m.inner.start:m.inner.end].split())

    def _named_title(self, m: Mark) -> bool:
        """A title or name in marks ("nennt sein Auto „Touareg“"), unless a word such as
        "als" or an indefinite article introduces it as words ("bezeichnete ihn als „Schatten-CIA“")."""
        if not title_like(self.text[m.inner.start:m.inner.end]):
            return False
        before = self.text[max(0, m.span.start - 8):m.span.start].split()
        return not (before and before[-1].lower() in _INTRODUCES_WORDS)

    def _marks_near(self, a: int, b: int) -> list[Mark]:
        """Marks that overlap ``[a, b)`` (found by start position, not by a scan of all)."""
        lo = bisect_left(self.mark_starts, a - MAX_QUOTE_CHARS)
        hi = bisect_left(self.mark_starts, b)
        return [m for m in self.marks[lo:hi] if m.span.end > a]

    def _marks_in(self, span: Span) -> list[Mark]:
        out = []
        for k in range(bisect_left(self.mark_starts, span.start), len(self.marks)):
            m = self.marks[k]
            if m.span.start >= span.end:
                break
            if m.span.end <= span.end:
                out.append(m)
        return out

    def _direct(self, m: Mark, sent: int) -> Quote:
        q = self.mark_quote.get(id(m))
        if q is None:
            q = Quote([m.span], "direct", sent, mark=m)
            self.mark_quote[id(m)] = q
        return q

    def _sent_of(self, pos: int) -> int:
        """Index of the sentence at (or last before) character ``pos``."""
        return max(0, bisect_right(self.sent_starts, pos) - 1)

    # ------------------------------------------------------------ frames
    def _apply(self, f: Frame) -> None:
        sent = self.sents[f.sent]
        speaker = self._speaker(sent, f.speaker)
        if speaker is None and f.elided:
            if self.last_frame_speaker is not None and self.last_frame_speaker[0] >= f.sent - 1:
                speaker = self.last_frame_speaker[1]
            else:  # "Der Minister kam und sagte: …": the subject of the first clause
                speaker = self._speaker(sent, subject_of(sent, self.lex))
        if speaker is not None:
            self.last_frame_speaker = (f.sent, speaker)
        cue = [self._chars(sent, k, k + 1) for k in f.cue]
        if f.colon:
            after = sent.toks[-1].end
            nxt = [m for m in self._marks_near(after, after + 3) if m.depth == 0 and after <= m.span.start]
            if nxt:
                q = self._direct(nxt[0], self._sent_of(nxt[0].span.start))
                q.speaker, q.cue = speaker, cue
            elif f.sent + 1 < len(self.sents):
                ns = self.sents[f.sent + 1]
                self.quotes.append(Quote([ns.span], "indirect", ns.index, speaker, cue))
            return
        spans = [self._chars(sent, a, b) for a, b in f.content]
        if f.previous:
            if f.sent == 0:
                return
            prev = self.sents[f.sent - 1]
            marked = [m for m in self._marks_near(prev.span.start, prev.span.end) if m.depth == 0]
            if sum(min(m.span.end, prev.span.end) - max(m.span.start, prev.span.start) for m in marked) \
                    >= 0.5 * (prev.span.end - prev.span.start):
                # "„…“ Dies sagte der Präsident.": the sentence before is a quotation in marks
                for m in marked:
                    q = self._direct(m, f.sent - 1)
                    if not q.cue:
                        q.speaker, q.cue = speaker, cue
                return
            spans = [prev.span] + spans
        # content that is (nearly) all in marks is a direct quote the frame attributes
        inside = sum(sent.toks[k].end - sent.toks[k].start for a, b in f.content for k in range(a, b)
                     if sent.quoted[k])
        total = sum(sent.toks[k].end - sent.toks[k].start for a, b in f.content for k in range(a, b))
        attached = False
        if not f.previous and total and inside / total >= 0.8:
            for m in self._marks_near(min(x.start for x in spans), max(x.end for x in spans)):
                if m.depth == 0 and any(s.start <= m.span.start < s.end or m.span.start <= s.start < m.span.end
                                        for s in spans) and not self._named_title(m):
                    q = self._direct(m, f.sent)
                    if not q.cue:
                        q.speaker, q.cue = speaker, cue
                    attached = True
        if attached or (not f.previous and total and inside == total):
            return  # a direct quote was attributed, or the only words in marks are a name
        if f.kind == "reported":
            # the corpus convention: a reported speech act has no cue apart from itself
            self.quotes.append(Quote(spans, "reported", f.sent, speaker, []))
            return
        q = Quote(spans, "indirect", f.sent, speaker, cue)
        self.quotes.append(q)
        for s in spans:
            for m in self._marks_in(s):
                fragment = self._mark_words(m) >= NESTED_MIN_WORDS or m.depth > 0
                if fragment and not title_like(self.text[m.inner.start:m.inner.end]):
                    d = self._direct(m, f.sent)
                    if not d.cue:
                        d.speaker, d.cue = speaker, cue

    # ------------------------------------------------------------ main
    def run(self) -> list[dict[str, Any]]:
        frames_by_sent: dict[int, list[Frame]] = {}
        for sent in self.sents:
            if len(sent) == 0:
                continue
            frames = find_frames(sent, self.lex)
            frames_by_sent[sent.index] = frames
            self._note_titled_persons(sent)
            for f in frames:
                self._apply(f)
        self._colon_speakers()
        # quotations in marks that no frame claimed
        for m in self.marks:
            if id(m) in self.mark_quote or m.depth > 0:
                continue
            inner = self.text[m.inner.start:m.inner.end]
            if self._mark_words(m) >= MIN_DIRECT_WORDS and not title_like(inner) and not foreign_name(inner):
                self._direct(m, self._sent_of(m.span.start))
        self.quotes.extend(self.mark_quote.values())
        self.quotes.sort(key=lambda q: (q.start, -q.end))
        self._carry()
        if self.rank:
            self._rank_speakers()
        self._share_speakers()
        return self._output()

    def _share_speakers(self) -> None:
        """Words in marks inside reported speech ("Sein Land werde „so bald wie möglich“
        folgen") are the reported speaker's, when nothing else named theirs."""
        for q in self.quotes:
            if q.kind == "direct" or q.speaker is None:
                continue
            for s in q.spans:
                for m in self._marks_in(s):
                    d = self.mark_quote.get(id(m))
                    if d is not None and d.speaker is None:
                        d.speaker = q.speaker

    # ------------------------------------------------------------ speaker ranking
    def _rank_speakers(self) -> None:
        """Let the learnt model choose each quote's speaker among the phrases around it.

        It fills in speakers the rules left open and may replace theirs with another
        phrase, but never removes one: measured on the corpus's development split,
        removing cost more right speakers than wrong ones.
        """
        w = ranker.weights(self.lex.lang)
        if not w:
            return
        pool = self.pool()
        for q in self.quotes:
            ctx = self.context(q, pool)
            best = ranker.choose(w, ctx, pool)
            if best is not None and best != ctx.rule:
                q.speaker = self._speaker(self.sents[best.sent], (best.start, best.end))

    def pool(self) -> ranker.Pool:
        """The candidate speaker phrases of the document, with the entity type of each mention."""
        types = {m["start"]: str(e.get("type")) for e in self.doc.entities for m in e.get("mentions", [])}
        return ranker.Pool(self.sents, self.lex, types)

    def _token_at(self, pool: ranker.Pool, pos: int, end: bool = False) -> tuple[int, int]:
        """(sentence, global token position) of the token at character ``pos``; with ``end``,
        the position after the last token that starts before ``pos``."""
        si = self._sent_of(pos - 1 if end else pos)
        k = bisect_left(self.sents[si].toks, pos, key=lambda t: t.start)  # no list of starts per call
        return si, pool.offset[si] + k

    def context(self, q: Quote, pool: ranker.Pool) -> ranker.Context:
        """What the ranker's features see of quote ``q``."""
        qs, qa = self._token_at(pool, q.start)
        qb = self._token_at(pool, q.end, end=True)[1]
        cue, cue_sent = None, -1
        if q.cue:
            cue_sent, ca = self._token_at(pool, min(c.start for c in q.cue))
            cue = (ca, self._token_at(pool, max(c.end for c in q.cue), end=True)[1])
        rule = self._candidate_at(q.speaker.span) if q.speaker else None
        words = tuple(self.text[c.start:c.end].lower() for c in q.cue)
        return ranker.Context(qs, (qa, qb), q.kind, cue, cue_sent, rule, words)

    def _candidate_at(self, span: Span) -> ranker.Candidate | None:
        sent = self.sents[self._sent_of(span.start)]
        inside = [k for k, t in enumerate(sent.toks) if span.start <= t.start and t.end <= span.end]
        return ranker.Candidate(sent.index, inside[0], inside[-1] + 1) if inside else None

    def _colon_speakers(self) -> None:
        """ "BKA-Präsident Ziercke: „…“": a phrase and a colon before a quotation name its speaker."""
        for m in self.marks:
            if m.depth > 0 or id(m) in self.mark_quote:
                continue
            j = m.span.start - 1
            while j >= 0 and self.text[j] in " \t\n":
                j -= 1
            if j < 0 or self.text[j] != ":":
                continue
            sent = self.sents[self._sent_of(j)]
            colon = next((k for k, t in enumerate(sent.toks) if t.start == j), -1)
            if colon <= 0:
                continue
            start = colon - 1
            while start > 0 and sent.words[start - 1] not in ".;:!?" and not sent.quoted[start - 1]:
                start -= 1
            rng = phrase_after(sent, start, colon, self.lex)
            cue: list[Span] = []
            if rng is None or rng[1] != colon or rng[0] != start:
                # a clause before the colon: "Die Firma empfindet die Kritik als falsch: „…“"
                rng = subject_of(sent, self.lex) or self._inverted_subject(sent, colon)
                if rng is None or rng[1] > colon:
                    continue
                cue = self._clause_cue(sent, rng, colon)
            q = self._direct(m, self._sent_of(m.span.start))
            q.speaker = self._speaker(sent, rng)
            if not q.cue:
                q.cue = cue

    def _clause_cue(self, sent: Sent, subject: tuple[int, int], colon: int) -> list[Span]:
        """The verb of the clause before a colon ("Ein Sprecher schätzte ein:", "zeigte sich
        der Trainer zufrieden:"): the finite verb next to the subject and a particle or
        predicate word that closes the clause."""
        a, b = subject
        before = a - 2 if a > 1 and sent.low[a - 1] == "sich" else a - 1  # "zeigt sich der Trainer"
        verb = b if b < colon and sent.words[b].islower() else before if before >= 0 and sent.words[before].islower() \
            else -1
        if verb < 0 or not sent.words[verb].isalpha() or sent.low[verb] in self.lex.stops:
            return []
        out = [Span(sent.toks[verb].start, sent.toks[verb].end)]
        last = colon - 1
        if last > max(verb, b - 1) and sent.words[last].isalpha() and sent.words[last].islower() \
                and sent.low[last] not in self.lex.stops and sent.low[last] not in ("dazu", "so", "auch"):
            out.append(Span(sent.toks[last].start, sent.toks[last].end))
        return out

    def _inverted_subject(self, sent: Sent, end: int) -> tuple[int, int] | None:
        """The subject after the finite verb of a clause that opens with an adverbial
        ("Dabei griff sie …", "Im Kongress warb Obama …")."""
        if not sent.words or sent.low[0] not in self.lex.adverbials:
            return None
        for k in range(1, min(end, 8)):
            w = sent.words[k]
            if w.isalpha() and w.islower() and w not in self.lex.determiners and w not in self.lex.stops:
                if k + 1 < end and sent.low[k + 1] in self.lex.pronouns \
                        and self.lex.pronouns[sent.low[k + 1]] != "none":
                    return (k + 1, k + 2)
                rng = phrase_after(sent, k + 1, end, self.lex)
                if rng is not None and rng[0] == k + 1:
                    return rng
                return None
        return None

    def _note_titled_persons(self, sent: Sent) -> None:
        """Names after a title ("Präsident Wladimir Putin") are antecedents for pronouns."""
        for k, w in enumerate(sent.low[:-1]):
            if w in self.lex.titles and sent.words[k + 1][:1].isupper() and not sent.quoted[k]:
                j = k + 1
                while j < len(sent) and sent.words[j][:1].isupper() and sent.words[j].replace("-", "").isalpha() \
                        and sent.low[j] not in self.lex.determiners:
                    j += 1
                if 1 <= j - k - 1 <= 3:
                    name = " ".join(sent.words[k + 1:j])
                    self.resolver.note_person(self.resolver._full(name), sent.toks[k + 1].start)

    def _carry(self) -> None:
        """Speakers carried over: to quotes in marks without a cue, and to subjunctive sentences."""
        covered = [False] * len(self.sents)
        by_sent: dict[int, list[Quote]] = {}
        for q in self.quotes:
            for s in self.sents[q.sent:]:
                if s.span.start >= q.end:
                    break
                overlap = sum(max(0, min(x.end, s.span.end) - max(x.start, s.span.start)) for x in q.spans)
                if overlap * 2 >= s.span.end - s.span.start:
                    covered[s.index] = True
            by_sent.setdefault(q.sent, []).append(q)
        last: Speaker | None = None
        last_sent = -10
        prev_new: Quote | None = None
        new: list[Quote] = []
        for s in self.sents:
            qs = by_sent.get(s.index, [])
            for q in qs:
                if q.speaker is None and not q.cue and q.kind == "direct" and last is not None \
                        and s.index - last_sent <= DIRECT_CARRY and q.mark and q.mark.depth == 0 \
                        and self._mark_words(q.mark) >= CARRY_MIN_WORDS:
                    q.speaker, q.inherited = last, True
                if q.speaker is not None:
                    last, last_sent = q.speaker, max(last_sent, self._sent_of(q.end - 1))
            # a sentence with a quote of its own is not carried over, unless all it has is a
            # short fragment in marks ("Außerdem halte die Fraktion den Schritt für „überfällig“.")
            if covered[s.index] or any(q.cue or q.kind != "direct" for q in qs):
                prev_new = None
                continue
            near = last is not None and s.index - last_sent <= MAX_CARRY
            first = subjunctive_at(s, self.lex, weak=near and s.index - last_sent <= 1)
            if first >= 0 or reportative(s):
                speaker = last if near else None
                if s.index - last_sent > 1 and s.index > 0 and not covered[s.index - 1] \
                        and not by_sent.get(s.index - 1):
                    # "Der Iran streitet dies ab. Sein Programm diene …": the subject just named
                    prev = self.sents[s.index - 1]
                    rng = subject_of(prev, self.lex) if any(w in self.lex.verbs for w in prev.low) else None
                    if rng is not None:
                        speaker = self._speaker(prev, rng) or speaker
                if MERGE and prev_new is not None and prev_new.speaker is speaker and prev_new.sent == s.index - 1 \
                        and self.sents[prev_new.sent].para == s.para:
                    prev_new.spans = [Span(prev_new.start, s.span.end)]
                    prev_new.sent = s.index
                else:
                    begin = reported_clause_start(s, first) if first > 0 else 0
                    span = Span(s.toks[begin].start, s.span.end) if begin else s.span
                    prev_new = Quote([span], "indirect" if speaker else "free_indirect", s.index, speaker, [],
                                     inherited=True)
                    new.append(prev_new)
                if speaker is not None:
                    last, last_sent = speaker, s.index
            else:
                prev_new = None
        self.quotes.extend(new)
        self.quotes.sort(key=lambda q: (q.start, -q.end))

    def _output(self) -> list[dict[str, Any]]:
        out = []
        for q in self.quotes:
            d: dict[str, Any] = {"start": q.start, "end": q.end,
                                 "spans": [[s.start, s.end] for s in sorted(q.spans)],
                                 "kind": q.kind, "speaker": None, "cue": None}
            if q.speaker is not None:
                sp = q.speaker
                # text: who it is, readable ("Wladimir Putin" for "er"); start/end: the phrase as it stands
                d["speaker"] = {"start": sp.span.start, "end": sp.span.end, "entity": sp.entity,
                                "text": sp.name or self.text[sp.span.start:sp.span.end]}
            if q.cue:
                d["cue"] = {"start": min(c.start for c in q.cue), "end": max(c.end for c in q.cue)}
                if len(q.cue) > 1:
                    d["cue"]["spans"] = [[c.start, c.end] for c in q.cue]
            out.append(d)
        if not self.doc.entities:
            add_entities(self.text, self.doc.entities, self.resolver.found)
        return out


def extract_quotes(doc: Document) -> list[dict[str, Any]]:
    """The quotes of ``doc`` as contract dictionaries (and speaker entities added to it)."""
    if not doc.sentences or not doc.tokens:
        return []
    return Extractor(doc).run()

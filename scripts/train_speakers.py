"""Learn the weights of the speaker ranker (``lagebild/quotes/ranker.py``).

Usage: python scripts/train_speakers.py [--corpus DIR] [--epochs N] [--out FILE]

Reads the training split of the German WikiNews quotation corpus (by default
../shared/corpora/wikinews-quotes/train beside the project), runs the quote stage
with its rules alone, and pairs each quote it finds with the corpus's annotation
that shares the most tokens. The annotated speaker is the candidate phrase whose
tokens overlap it best (at least half of their union); "no speaker" is the answer
for quotes with no annotated speaker, none among the candidates, or no annotation.
A linear model over the candidates' features is fitted to these answers with
softmax loss (stochastic gradient descent, L2, a fixed seed), and its weights are
written as a tab-separated list. Only the training split is read: the development
split stays for measuring (``lagebild eval --wikinews``).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

from lagebild.model import Record
from lagebild.pipeline import Pipeline
from lagebild.quotes import ranker
from lagebild.quotes.extract import Extractor

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "wikinews-quotes" / "train"
OUT = ROOT / "src" / "lagebild" / "resources" / "de" / "quotes" / "speaker_weights.tsv"
MIN_OVERLAP = 0.5


def _token_ids(start: int, end: int, tokens: list[dict]) -> frozenset[int]:
    return frozenset(t["id"] for t in tokens if t["charBegin"] < end and start < t["charEnd"])


def _jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def _match(system: list[frozenset[int]], gold: list[frozenset[int]]) -> dict[int, int]:
    """One-to-one pairs of system and gold quotes, largest token overlap first."""
    pairs = sorted(((len(a & b), i, j) for i, a in enumerate(system) for j, b in enumerate(gold) if a & b),
                   reverse=True)
    used_i, used_j, out = set(), set(), {}
    for _, i, j in pairs:
        if i not in used_i and j not in used_j:
            used_i.add(i)
            used_j.add(j)
            out[i] = j
    return out


def examples(corpus: Path) -> list[list[list[str]]]:
    """Per quote: the feature lists of its options, the right one first."""
    pipeline = Pipeline(["segment", "language", "time", "entities"])
    out = []
    for path in sorted(corpus.glob("*.json")):
        g = json.loads(path.read_text(encoding="utf-8"))
        tokens = g["tokens"]
        doc = pipeline.analyze(Record(id=g["documentName"], text=g["originalText"], meta={})).document
        ex = Extractor(doc, rank=False)
        found = ex.run()
        system = [frozenset().union(*[_token_ids(a, b, tokens) for a, b in q["spans"]]) for q in found]
        gold = [frozenset(a["quote"]["tokenIds"]) for a in g["annotations"]]
        speakers = [frozenset(a["speaker"]["tokenIds"]) for a in g["annotations"]]
        match = _match(system, gold)
        pool = ex.pool()
        for i, q in enumerate(ex.quotes):
            ctx = ex.context(q, pool)
            target = speakers[match[i]] if i in match else frozenset()
            best, best_overlap = None, MIN_OVERLAP
            for p in pool.near(ctx.quote_sent):
                s = ex.sents[p.cand.sent]
                ids = _token_ids(s.toks[p.cand.start].start, s.toks[p.cand.end - 1].end, tokens)
                overlap = _jaccard(ids, target)
                if overlap >= best_overlap:
                    best, best_overlap = p, overlap
            if best is None and target:
                continue  # the annotated speaker is none of the candidates: nothing to learn
            options = [ranker.features(ctx, p, pool) for p in pool.near(ctx.quote_sent) if p is not best]
            none = ranker.none_features(ctx)
            out.append([ranker.features(ctx, best, pool), none, *options] if best else [none, *options])
    return out


def train(data: list[list[list[str]]], epochs: int, rate: float = 0.3, l2: float = 1e-3) -> dict[str, float]:
    """Softmax regression over each quote's options by stochastic gradient descent."""
    w: dict[str, float] = defaultdict(float)
    rng = random.Random(0)
    order = list(range(len(data)))
    for epoch in range(epochs):
        rng.shuffle(order)
        step = rate / (1 + epoch)
        for i in order:
            options = data[i]
            probs = ranker.softmax([ranker.score(w, f) for f in options])
            for k, feats in enumerate(options):
                grad = (1.0 if k == 0 else 0.0) - probs[k]
                if abs(grad) > 1e-6:
                    for x in feats:
                        w[x] += step * (grad - l2 * w[x])
    return dict(w)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--epochs", type=int, default=40)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    data = examples(args.corpus)
    w = train(data, args.epochs)
    right = sum(1 for options in data
                if max(range(len(options)), key=lambda k: ranker.score(w, options[k])) == 0)
    print(f"{len(data)} quotes, {len(w)} features; training accuracy {right / len(data):.3f}")
    lines = [f"{name}\t{value:.4f}" for name, value in sorted(w.items()) if abs(value) >= 0.01]
    header = ("# Weights of the speaker ranker (lagebild/quotes/ranker.py): feature, weight.\n"
              "# Learnt by scripts/train_speakers.py from the training split of the German WikiNews\n"
              "# quotation corpus (GermEval 2023 SpkAtt); regenerate with that script.\n")
    args.out.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

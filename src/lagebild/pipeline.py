"""Stages and the pipeline that runs them over a stream of documents.

Each stage is a plain function ``Document -> None`` that reads some fields and
fills others; it declares which (``requires``/``assigns``, as spaCy's pipeline
components do) so that a pipeline can check its order before it runs.  Later
stages (time, entities, quotes, events) register themselves the same way.
"""

from __future__ import annotations

import gc
import time
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

from lagebild.errors import LagebildError, StageError, UsageError
from lagebild.model import Document, Record

StageFunc = Callable[[Document], None]

_REGISTRY: dict[str, "Stage"] = {}
# the order stages run in when a pipeline is built from defaults; a stage that
# is not registered (not yet built, or optional) is left out
STAGE_ORDER = ("segment", "language", "time", "entities", "quotes", "events")


@dataclass(frozen=True)
class Stage:
    """A named processing step with its declared inputs and outputs."""

    name: str
    func: StageFunc
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()


def register(name: str, requires: Iterable[str] = (),
             assigns: Iterable[str] = ()) -> Callable[[StageFunc], StageFunc]:
    """Decorator that registers ``func`` as the stage ``name``."""

    def wrap(func: StageFunc) -> StageFunc:
        _REGISTRY[name] = Stage(name, func, tuple(requires), tuple(assigns))
        return func

    return wrap


def _load_stages() -> None:
    # importing the stage modules registers them, in pipeline order
    from lagebild import actors, events, language, quotes, segment, timex  # noqa: F401


def available_stages() -> list[str]:
    """Names of all registered stages in default order."""
    _load_stages()
    return [n for n in STAGE_ORDER if n in _REGISTRY]


@dataclass
class Outcome:
    """The result of analysing one record: a document, or the reason it failed."""

    id: str
    document: Document | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


class Pipeline:
    """An ordered list of stages applied to each document."""

    def __init__(self, stages: Iterable[str] | None = None, time_limit: float | None = None) -> None:
        """``time_limit``: seconds one document may take; checked after each stage, so a
        document over the limit is reported as failed and the batch goes on."""
        self.time_limit = time_limit
        _load_stages()
        names = list(stages) if stages is not None else available_stages()
        unknown = [n for n in names if n not in _REGISTRY]
        if unknown:
            raise UsageError(f"unknown stage(s): {', '.join(unknown)}; "
                             f"available: {', '.join(available_stages())}")
        self.stages = [_REGISTRY[n] for n in names]
        self._check_order()
        if time_limit is not None:
            self.warm_up()

    def warm_up(self) -> None:
        """Run every stage once on a short text, so that loading resources (patterns,
        the actor base) is not charged to the first document's time limit."""
        # touches every lazily loaded resource: dictionaries for unknown capitalised
        # words, gazetteers, speech verbs, event patterns, time rules
        sample = ("Der Präsident sagte am 6. Dezember 2024 in Minsk: „Wir unterzeichnen den Vertrag.“ "
                  "Gewerkschaftschef Wolfgang Katzian kritisierte in Bregenz die Firma Quandorix, "
                  "erklärte er, dass Russland Truppen verlege. Mitte Juni sei alles vorbei gewesen.")
        english = ("The president said on Sunday in Minsk that the two states signed the treaty. "
                   "They will deploy the weapons by the end of the year, he added.")
        limit, self.time_limit = self.time_limit, None
        try:
            for text in (sample, english):  # each language loads its own rules
                self(Document(id="warm-up", text=text, published="2024-12-06"))
        finally:
            self.time_limit = limit
        # the loaded resources live as long as the process: keep them out of the
        # garbage collector's full passes, which otherwise stall a random document
        gc.collect()
        gc.freeze()

    def _check_order(self) -> None:
        have = {"text", "id", "published", "language", "boilerplate"}
        for stage in self.stages:
            missing = [r for r in stage.requires if r not in have]
            if missing:
                raise UsageError(f"stage {stage.name!r} needs {', '.join(missing)}, "
                                 "which no earlier stage provides")
            have.update(stage.assigns)

    def __call__(self, doc: Document) -> Document:
        """Run every stage on ``doc`` in place and return it."""
        start = time.monotonic()
        for stage in self.stages:
            try:
                stage.func(doc)
            except LagebildError:
                raise
            except Exception as exc:  # a stage bug must not end the batch
                raise StageError(f"stage {stage.name} failed: {type(exc).__name__}: {exc}") from exc
            if self.time_limit is not None and time.monotonic() - start > self.time_limit:
                raise StageError(f"time limit of {self.time_limit:g} s exceeded (after stage {stage.name}); "
                                 "raise it with --time-limit")
        return doc

    def analyze(self, record: Record) -> Outcome:
        """Analyse one record; never raises for a problem with the document itself."""
        try:
            return Outcome(record.id, document=self(Document.from_record(record)))
        except LagebildError as exc:
            return Outcome(record.id, error=str(exc))
        except RecursionError:
            return Outcome(record.id, error="document too deeply nested to analyse")

    def pipe(self, records: Iterable[Record | Outcome]) -> Iterator[Outcome]:
        """Stream outcomes; holds one document at a time, never the corpus.

        Reader failures arrive as ``Outcome`` objects and pass straight through.
        """
        for item in records:
            yield item if isinstance(item, Outcome) else self.analyze(item)


def pipe(records: Iterable[Record | Outcome], stages: Iterable[str] | None = None) -> Iterator[Outcome]:
    """Analyse a stream of records with the default (or given) stages."""
    return Pipeline(stages).pipe(records)


def analyze_records(records: Iterable[Record | Outcome]) -> list[Outcome]:
    """Analyse a small batch and return all outcomes (convenience for tests and notebooks)."""
    return list(pipe(records))

"""pipe() streams: it pulls one record at a time and its memory does not grow with the corpus."""

from __future__ import annotations

import tracemalloc
from typing import Iterator

from lagebild.model import Record
from lagebild.pipeline import Pipeline

TEXT = ("Der Präsident sagte am 6. Dezember in Minsk, die Lage sei ernst. "
        "„Wir sind bereit“, erklärte er. Die Gespräche gehen weiter.\n\n") * 5


def records(n: int, pulled: list[int]) -> Iterator[Record]:
    for i in range(n):
        pulled.append(i)
        yield Record(id=f"d{i}", text=TEXT)


def peak_memory(n: int) -> int:
    pipeline = Pipeline()
    tracemalloc.start()
    for outcome in pipeline.pipe(records(n, [])):
        assert outcome.ok
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def test_pipe_is_lazy() -> None:
    pulled: list[int] = []
    stream = Pipeline().pipe(records(1000, pulled))
    next(stream)
    assert len(pulled) == 1


def test_memory_does_not_grow_with_the_number_of_documents() -> None:
    peak_memory(50)  # warm caches (resources, compiled patterns)
    small, large = peak_memory(200), peak_memory(4000)
    assert large < small * 1.5 + 200_000, (small, large)

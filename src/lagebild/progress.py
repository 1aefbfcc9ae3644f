"""A minimal progress line on stderr, shown only when stderr is a terminal."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    """Counts documents and redraws one status line at most every 0.2 s."""

    def __init__(self, enabled: bool | None = None, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.done = self.failed = self.words = 0
        self.t0 = self._last = time.monotonic()

    def update(self, ok: bool, words: int = 0) -> None:
        self.done += 1
        self.failed += 0 if ok else 1
        self.words += words
        now = time.monotonic()
        if self.enabled and now - self._last >= 0.2:
            self._last = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        rate = self.done / max(now - self.t0, 1e-9)
        self.stream.write(f"\r{self.done:,} documents ({self.failed:,} failed), "
                          f"{rate:,.0f} docs/s, {self.words:,} words")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self._draw(time.monotonic())
            self.stream.write("\n")
            self.stream.flush()

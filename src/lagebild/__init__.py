"""Lagebild: turn news reports into a sourced, time-anchored situation picture."""

from lagebild.model import Document, Span
from lagebild.pipeline import Pipeline, analyze_records, pipe

__version__ = "0.1.0"
__all__ = ["Document", "Span", "Pipeline", "pipe", "analyze_records", "__version__"]

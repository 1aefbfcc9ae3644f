"""The quotes stage: who said what, with speaker and cue.

Direct quotations come from paired quotation marks; reported speech from frames
(a speech verb, "laut X", "X zufolge", "nach Angaben von X", "so X", "wie X
mitteilte") and the clause they attribute; subjunctive sentences that follow carry
the speaker on. See ``extract.py`` for the assembly and the README for the design.
"""

from __future__ import annotations

from lagebild.model import Document
from lagebild.pipeline import register
from lagebild.quotes.extract import extract_quotes


def quotes_stage(doc: Document) -> None:
    """Fill ``doc.quotes`` (and add minimal speaker entities when there are none)."""
    doc.quotes = extract_quotes(doc)


register("quotes", requires=("sentences", "tokens"), assigns=("quotes",))(quotes_stage)

__all__ = ["extract_quotes", "quotes_stage"]

"""The events stage: PLOVER-coded events and the relations they imply.

Importing this package registers the stage ``events`` with the pipeline.
``code_events(doc)`` runs it on one document directly.
"""

from lagebild.events.stage import code_events

__all__ = ["code_events"]

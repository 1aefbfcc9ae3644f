"""Actors: the knowledge base of states, places, organisations, persons, treaties and
weapons, and the ``entities`` stage that finds and links them in documents.

Public API:

* :func:`recognize` - the pipeline stage (``Document -> None``, fills ``doc.entities``)
* :func:`load_user_base` - extend the base with a user's YAML file (``--actors FILE``)
* :func:`bundled_base` - the bundled :class:`KnowledgeBase`
"""

from lagebild.actors.kb import Actor, Alias, KnowledgeBase, bundled_base
from lagebild.actors.stage import load_user_base, recognize

__all__ = ["Actor", "Alias", "KnowledgeBase", "bundled_base", "load_user_base", "recognize"]

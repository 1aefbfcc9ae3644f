"""The ``entities`` pipeline stage and the process-wide base it uses."""

from __future__ import annotations

import gc
import hashlib
import marshal
import os
import pickle
import threading
from importlib import resources
from pathlib import Path

from lagebild.actors.gazetteer import _cache_path
from lagebild.actors.kb import KnowledgeBase, build_base, bundled_base
from lagebild.actors.lexicon import load_dictionaries
from lagebild.actors.matcher import Index, build_index
from lagebild.actors.recognize import DocumentRecognizer, Linker
from lagebild.actors.userbase import load_user_file
from lagebild.model import Document
from lagebild.pipeline import register

_lock = threading.Lock()
_CACHE_FORMAT = 2   # bump when the pickled classes change shape
_state: dict[str, object] = {}


def _resource_key() -> str:
    """A digest of every knowledge-base file, so that a changed file invalidates the cache."""
    h = hashlib.sha1(str(_CACHE_FORMAT).encode())
    root = resources.files("lagebild").joinpath("resources")
    for lang in ("common", "de", "en"):
        folder = root.joinpath(lang, "actors")
        if folder.is_dir():
            for f in sorted(folder.iterdir(), key=lambda f: f.name):
                h.update(f.name.encode())
                h.update(f.read_bytes())
    return h.hexdigest()[:16]


def _bundled_with_index() -> tuple[KnowledgeBase, Index]:
    """The bundled base and its index, from the user cache when its files are unchanged.

    The index (plain dicts, lists, tuples and strings) is cached with ``marshal``, which
    loads it twice as fast as ``pickle``; the small base itself is pickled.
    """
    path = _cache_path().with_name(f"actors-{_resource_key()}.cache")
    gc.disable()  # unpickling many small objects is much faster without the cycle collector
    try:
        with open(path, "rb") as fh:
            kb = pickle.load(fh)
            idx = Index()
            idx.by_first = marshal.loads(fh.read())  # one read: marshal.load(fh) reads piecemeal
            return kb, idx
    except (OSError, ValueError, EOFError, TypeError, pickle.PickleError, AttributeError, ImportError):
        pass
    finally:
        gc.enable()
    kb = bundled_base()
    idx = build_index(kb)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            pickle.dump(kb, fh, protocol=pickle.HIGHEST_PROTOCOL)
            fh.write(marshal.dumps(idx.by_first))
        os.replace(tmp, path)
        for old in path.parent.glob("actors-*.cache"):
            if old != path:  # a cache of an earlier version of the base
                old.unlink(missing_ok=True)
    except OSError:
        pass  # no writable cache: build each time
    return kb, idx


def _current() -> tuple[KnowledgeBase, Index]:
    with _lock:
        if "index" not in _state:
            if "kb" in _state:  # a user base: built fresh, never cached
                _state["index"] = build_index(_state["kb"])  # type: ignore[arg-type]
            else:
                _state["kb"], _state["index"] = _bundled_with_index()
            load_dictionaries()
    return _state["kb"], _state["index"]  # type: ignore[return-value]


def load_user_base(path: str | Path | None) -> KnowledgeBase:
    """Extend the base the stage uses with the user's YAML actors (``--actors FILE``).

    Raises :class:`lagebild.errors.UsageError` with every problem of the file.
    ``None`` resets the stage to the bundled base.
    """
    with _lock:
        _state.clear()
        if path is None:
            return bundled_base()
        kb = build_base()          # a fresh copy: the cached bundled base stays untouched
        kb.merge(load_user_file(path))
        _state["kb"] = kb
        return kb


def recognize(doc: Document) -> None:
    """Fill ``doc.entities`` with the actors found in the document and their mentions."""
    kb, index = _current()
    # a fresh memory per document: the stage is a pure function of the document, so
    # that every engine gives the same output; across documents, one id per person
    # (a slug of the full name) is what links them
    doc.entities = DocumentRecognizer(doc, kb, index, Linker()).run()


register("entities", requires=("sentences", "tokens"), assigns=("entities",))(recognize)

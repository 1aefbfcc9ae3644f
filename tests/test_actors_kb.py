"""The actor knowledge base: every data file's examples run, every alias is matchable."""

from __future__ import annotations

import subprocess
import sys

import pytest

from lagebild.actors.kb import KnowledgeBase, bundled_base, file_examples
from lagebild.actors.matcher import _split, build_index, match
from lagebild.model import Document
from lagebild.pipeline import Pipeline

FILES = ["de/actors/countries.yaml", "en/actors/countries.yaml", "common/actors/organisations.yaml",
         "common/actors/persons.yaml", "common/actors/treaties.yaml", "common/actors/places.yaml"]
PIPE = Pipeline(["segment", "language", "entities"])


def analyse(text: str) -> Document:
    return PIPE(Document(id="t", text=text))


def mention_ids(doc: Document) -> dict[str, set[str]]:
    """surface -> ids of the entities that have a mention with that surface."""
    out: dict[str, set[str]] = {}
    for e in doc.entities:
        for m in e["mentions"]:
            out.setdefault(doc.text[m["start"]:m["end"]], set()).add(e["id"])
    return out


EXAMPLES = [(f, ex) for f in FILES for ex in file_examples(f)]


@pytest.mark.parametrize("relpath,example", EXAMPLES, ids=[f"{f}:{i}" for i, (f, _) in enumerate(EXAMPLES)])
def test_file_examples(relpath: str, example: dict) -> None:
    found = mention_ids(analyse(example["text"]))
    for surface, eid in example["expect"]:
        assert eid in found.get(surface, set()), (relpath, example["text"], surface, eid, found)


def test_every_actor_has_a_source_type_and_alias() -> None:
    kb = bundled_base()
    for actor in kb.actors.values():
        assert actor.type in ("PERSON", "COUNTRY", "CITY", "REGION", "LOCATION", "ORGANIZATION", "ALLIANCE",
                              "PARTY", "TREATY", "WEAPON", "DOCUMENT", "GROUP"), actor.id
        assert actor.source, actor.id
        assert actor.aliases, actor.id


def test_every_alias_is_in_the_index() -> None:
    kb = bundled_base()
    idx = build_index(kb, with_cities=False)
    missing = []
    for actor in kb.actors.values():
        for alias in actor.aliases:
            toks = _split(alias.text)
            if not any(e[0] == tuple(toks) for e in idx.by_first.get(toks[0], [])):
                missing.append((actor.id, alias.text))
    assert not missing, missing[:20]


def test_country_names_belong_to_their_country() -> None:
    kb = bundled_base()
    idx = build_index(kb, with_cities=False)
    for surface, eid in [("Weißrussland", "belarus"), ("Belarus", "belarus"), ("Russische Föderation", "russia"),
                         ("Großbritannien", "uk"), ("Vereinigtes Königreich", "uk"), ("USA", "usa"),
                         ("Vereinigte Staaten", "usa"), ("Sowjetunion", "soviet-union"), ("UdSSR", "soviet-union"),
                         ("Kyjiw", "ukraine"), ("Kreml", "russia"), ("Weißes Haus", "usa")]:
        words = _split(surface)
        hits = match(words, idx)
        assert hits and hits[0].actor == eid and hits[0].j == len(words), (surface, hits)


@pytest.mark.parametrize("stem,forms", [("belarussisch", ["belarussische", "belarussischen", "belarussischem",
                                                          "belarussisches", "belarussischer"]),
                                        ("weißrussisch", ["weißrussische", "weißrussischen"]),
                                        ("US-amerikanisch", ["US-amerikanischen"])])
def test_demonyms_in_all_inflections(stem: str, forms: list[str]) -> None:
    doc = analyse(" ".join(f"Die {f} Seite." for f in forms))
    kinds = {doc.text[m["start"]:m["end"]]: m["kind"] for e in doc.entities for m in e["mentions"]}
    for f in forms:
        assert kinds.get(f) == "demonym", (f, kinds)


def test_genitive_and_weak_forms() -> None:
    found = mention_ids(analyse("Die Lage Russlands, der Russischen Föderation und des Vereinigten Königreichs."))
    assert found["Russlands"] == {"russia"}
    assert found["Russischen Föderation"] == {"russia"}
    assert found["Vereinigten Königreichs"] == {"uk"}


def test_office_holders_have_roles_with_dates() -> None:
    kb = bundled_base()
    putin = kb.get("vladimir-putin")
    assert putin is not None and putin.gender == "m"
    assert any(r["of"] == "russia" and str(r.get("from", "")).startswith("2012") for r in putin.roles)


def test_merge_adds_aliases() -> None:
    kb = KnowledgeBase()
    a = kb.upsert("x", "PERSON", "X", "test")
    a.add("X")
    other = KnowledgeBase()
    other.upsert("x", "PERSON", "X Y", "test").add("X Y")
    kb.merge(other)
    assert {al.text for al in kb.actors["x"].aliases} == {"X", "X Y"}


def test_knowledge_base_load_time_is_reported() -> None:
    """Not a timed assertion (speed is a benchmark): prints the cold load time of the base."""
    code = ("import time; t=time.perf_counter(); from lagebild.actors.stage import _current; "
            "kb, idx = _current(); print(round(time.perf_counter()-t, 3), len(kb))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    secs, n = out.split()
    print(f"\nknowledge base: {n} actors loaded in {secs} s in a fresh process")
    assert int(n) > 900

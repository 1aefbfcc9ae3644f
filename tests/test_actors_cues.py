"""Discovery of actors the base does not know, and linking inside and across documents."""

from __future__ import annotations

from test_actors_kb import analyse, mention_ids

from lagebild.actors.kb import _yaml

CUES = _yaml("de/actors/cues.yaml")


def test_role_examples() -> None:
    for ex in CUES["role_examples"]:
        found = mention_ids(analyse(ex["text"]))
        assert ex["person"] in found, (ex, found)


def test_speech_examples() -> None:
    for ex in CUES["speech_examples"]:
        found = mention_ids(analyse(ex["text"]))
        assert ex["person"] in found, (ex, found)


def test_org_examples() -> None:
    for ex in CUES["org_examples"]:
        found = mention_ids(analyse(ex["text"]))
        for org in ex["orgs"]:
            assert org in found, (ex, found)
    for ex in CUES["org_cue_examples"]:
        assert ex["org"] in mention_ids(analyse(ex["text"]))


def test_place_examples() -> None:
    for ex in CUES["place_examples"]:
        doc = analyse(ex["text"])
        types = {doc.text[m["start"]:m["end"]]: e["type"] for e in doc.entities for m in e["mentions"]}
        assert types.get(ex["place"]) == "LOCATION", types


def test_institution_examples() -> None:
    for ex in CUES["institution_examples"]:
        found = mention_ids(analyse(ex["text"]))
        assert ex["id"] in found.get(ex["surface"], set()), found


def test_person_by_first_name_and_later_surname() -> None:
    doc = analyse("Gestern sprach Wolfgang Katzian in Wien. Danach sagte Katzian, er sei zufrieden.")
    ent = next(e for e in doc.entities if e["name"] == "Wolfgang Katzian")
    surfaces = [(doc.text[m["start"]:m["end"]], m["kind"]) for m in ent["mentions"]]
    assert surfaces == [("Wolfgang Katzian", "name"), ("Katzian", "name"), ("er", "pronoun")]


def test_surname_links_across_documents_in_the_store(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # the stage is a pure function of one document: a later article that names only
    # "Katzian" is linked to Wolfgang Katzian where the corpus is merged, in the store
    from lagebild.store import Store
    from test_store import run

    (tmp_path / "a.txt").write_text("Der Gewerkschafter Wolfgang Katzian kritisierte den Plan.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Am Montag widersprach Katzian erneut.", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    assert run("ingest", str(tmp_path), "--db", str(db))[0] == 0
    with Store(db, read_only=True) as store:
        rows = store.query("SELECT doc_id, surface FROM mentions WHERE entity_id = 'wolfgang-katzian' ORDER BY doc_id")
    assert rows == [{"doc_id": "a", "surface": "Wolfgang Katzian"}, {"doc_id": "b", "surface": "Katzian"}]

def test_republic_anaphor_and_pronoun() -> None:
    doc = analyse("Wladimir Putin sprach über Weißrussland. Die Waffen seien auf dem Gebiet der Republik. "
                  "Er betonte das.")
    found = {(doc.text[m["start"]:m["end"]], m["kind"]): e["id"] for e in doc.entities for m in e["mentions"]}
    assert found[("Republik", "anaphor")] == "belarus"
    assert found[("Er", "pronoun")] == "vladimir-putin"


def test_capital_is_place_or_government_by_context() -> None:
    doc = analyse("Moskau warnte. Die Delegation reiste nach Moskau.")
    kinds = [(e["id"], m["kind"]) for e in doc.entities for m in e["mentions"]]
    assert ("russia", "metonym") in kinds and ("moskau", "name") in kinds


def test_common_words_are_not_places_or_persons() -> None:
    doc = analyse("Im Mai kam er in Sorge nach Hause, in der Zeit danach blieb er.")
    assert not [e for e in doc.entities if e["type"] in ("CITY", "LOCATION", "PERSON")], doc.entities


def test_pronouns_prefer_the_subject_of_the_previous_sentence() -> None:
    doc = analyse("Angela Merkel traf Olaf Scholz. Sie lobte ihn.")
    found = {(doc.text[m["start"]:m["end"]], m["kind"]): e["id"] for e in doc.entities for m in e["mentions"]}
    assert found[("Sie", "pronoun")] == "angela-merkel"
    assert found[("ihn", "pronoun")] == "olaf-scholz"
    doc = analyse("The White House said President Joe Biden met Vladimir Putin in Geneva. He said it went well.")
    found = {(doc.text[m["start"]:m["end"]], m["kind"]): e["id"] for e in doc.entities for m in e["mentions"]}
    assert found[("He", "pronoun")] == "joe-biden"
    assert found[("White House", "metonym")] == "usa"

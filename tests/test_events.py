"""The events stage on documents built by hand: every pattern's own example, the
argument frames, status, dates, reciprocity, inheritance and relations."""

from __future__ import annotations

import re
from typing import Any

import pytest

from lagebild.events import code_events
from lagebild.events.ontology import cameo_table, categories, intent_type, ontology
from lagebild.model import Document, Record
from lagebild.resources import load_yaml
from lagebild.segment import segment_document

PLOVER_18 = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE", "DEMAND", "DISAPPROVE",
             "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "FIGHT", "INVESTIGATE"}


def slug(name: str) -> str:
    return re.sub(r"\W+", "-", name.lower()).strip("-")


def make_doc(text: str, entities: dict[str, Any] | None = None, lang: str = "de",
             timexes: list[dict[str, Any]] | None = None, published: str | None = None,
             quotes: list[dict[str, Any]] | None = None) -> Document:
    """A segmented document with entities given as {surface: (id, type, kind)} or {surface: type}.

    Every occurrence of each surface becomes a mention, so tests read like the text.
    """
    doc = Document.from_record(Record("t", text, {"language": lang, "published": published}))
    segment_document(doc)
    table: dict[str, dict[str, Any]] = {}
    for surface, spec in (entities or {}).items():
        eid, etype, kind = (spec if isinstance(spec, tuple) else (slug(surface), spec, "name"))
        ent = table.setdefault(eid, {"id": eid, "name": surface, "type": etype, "mentions": []})
        # a genitive -s belongs to the mention ("Russlands"), as the entity stage has it
        for m in re.finditer(r"(?<!\w)" + re.escape(surface) + r"s?(?!\w)", text):
            ent["mentions"].append({"start": m.start(), "end": m.end(), "kind": kind})
    doc.entities = list(table.values())
    for t in timexes or []:
        i = text.index(t["text"])
        doc.timexes.append({"start": i, "end": i + len(t["text"]), "type": t.get("type", "DATE"),
                            "value": t["value"], "mod": None})
    doc.quotes = quotes or []
    return doc


def events_of(doc: Document, **kw: Any) -> list[dict[str, Any]]:
    return [e for e in code_events(doc) if not e.get("mirrored")
            and all(e.get(k) == v for k, v in kw.items())]


# --- the ontology ---------------------------------------------------------

def test_ontology_has_the_18_categories_with_modes_and_definitions() -> None:
    assert categories() == PLOVER_18
    for name, cat in ontology()["categories"].items():
        assert cat["definition"] and cat["modes"], name


def test_cameo_table_maps_onto_the_ontology() -> None:
    table = cameo_table()
    assert table["0841"] == ("RETREAT", "release")
    assert {t for t, _ in table.values()} <= PLOVER_18


def test_intent_types() -> None:
    assert intent_type("CONSULT") == "AGREE"
    assert intent_type("SANCTION") == "THREATEN"
    assert intent_type("MOBILIZE") == "MOBILIZE"


# --- every pattern's own example -------------------------------------------

PATTERNS = [(lang, p) for lang in ("de", "en") for p in load_yaml(f"{lang}/events/patterns.yaml")["patterns"]]


@pytest.mark.parametrize("lang,pat", PATTERNS, ids=[f"{lang}:{p['lemma']}" for lang, p in PATTERNS])
def test_pattern_example(lang: str, pat: dict[str, Any]) -> None:
    expect = pat["expect"]
    names = {v: "COUNTRY" for v in expect.values() if v}
    doc = make_doc(pat["example"], names, lang)
    assert pat["type"] in PLOVER_18
    found = [e for e in code_events(doc) if not e.get("mirrored")
             and pat["type"] in (e["type"], e.get("intended"), e.get("refused"))]
    if expect.get("actor") is None:
        assert not found, (pat["example"], found)
        return
    assert found, pat["example"]
    ev = found[0]
    assert ev["actor"] == slug(expect["actor"]), (pat["example"], ev)
    if expect.get("target"):
        assert ev["target"] == slug(expect["target"]), (pat["example"], ev)


# --- argument frames -------------------------------------------------------

def test_passive_with_zwischen_gives_both_parties() -> None:
    text = "Minsk liegt fern. Dort wurde der Vertrag zwischen Minsk und Moskau unterzeichnet. Moskau und Moskau."
    ents = {"Moskau": ("russia", "COUNTRY", "metonym"), "Minsk": ("belarus", "COUNTRY", "metonym")}
    evs = code_events(make_doc(text, ents))
    # one reciprocal event; the party the document names more often is its actor
    assert [(e["type"], e["mode"], e["actor"], e["target"], e["reciprocal"]) for e in evs] == \
        [("AGREE", "sign", "russia", "belarus", True)]


def test_reciprocal_events_in_both_directions_on_request(monkeypatch: pytest.MonkeyPatch) -> None:
    from lagebild.events import stage
    monkeypatch.setattr(stage, "RECIPROCAL_BOTH", True)
    doc = make_doc("Dort wurde der Vertrag zwischen Moskau und Minsk unterzeichnet.",
                   {"Moskau": ("russia", "COUNTRY", "metonym"), "Minsk": ("belarus", "COUNTRY", "metonym")})
    pairs = {(e["actor"], e["target"]) for e in code_events(doc)}
    assert pairs == {("russia", "belarus"), ("belarus", "russia")}


def test_nominal_trigger_with_possessive_and_genitive() -> None:
    text = "Russland ist groß. Dessen Militär nutzte Belarus für seine Invasion der Ukraine."
    doc = make_doc(text, {"Russland": "COUNTRY", "Belarus": "COUNTRY", "Ukraine": "COUNTRY"})
    ev = events_of(doc, type="FIGHT")[0]
    assert (ev["actor"], ev["target"], ev["mode"]) == ("russland", "ukraine", "invade")


def test_separable_verb_needs_its_particle() -> None:
    assert events_of(make_doc("Polen lädt Ungarn ein.", {"Polen": "COUNTRY", "Ungarn": "COUNTRY"}), type="DEMAND")
    assert not events_of(make_doc("Polen lädt Ungarn.", {"Polen": "COUNTRY", "Ungarn": "COUNTRY"}), type="DEMAND")


def test_weapon_owner_is_the_actor_of_a_deployment() -> None:
    text = "Den Plan, russische Atomwaffen auf weißrussischem Territorium zu stationieren, hatte Putin angekündigt."
    doc = make_doc(text, {"russische": ("russia", "COUNTRY", "demonym"),
                          "weißrussischem": ("belarus", "COUNTRY", "demonym"), "Putin": "PERSON"})
    ev = events_of(doc, type="MOBILIZE")[0]
    assert (ev["actor"], ev["target"], ev["status"]) == ("russia", "belarus", "announced")
    assert ev["object"] is None and ev["object_text"] == "Atomwaffen"


def test_generic_target_is_resolved_to_the_named_example() -> None:
    text = ("Lukaschenko lädt andere Länder ein, dem Bund beizutreten. "
            "Niemand ist dagegen, dass Kasachstan und andere Länder mitmachen.")
    doc = make_doc(text, {"Lukaschenko": "PERSON", "Kasachstan": "COUNTRY"})
    evs = events_of(doc, type="DEMAND")
    assert len(evs) == 1 and evs[0]["target"] == "kasachstan"   # "beizutreten" is its content


def test_no_actor_no_event() -> None:
    assert code_events(make_doc("In Belarus waren damals Atomwaffen stationiert.", {"Belarus": "COUNTRY"})) == []


def test_degrades_without_entities() -> None:
    doc = make_doc("Russland stationiert Raketen in Belarus.")
    assert code_events(doc) == []


def test_english_frame() -> None:
    doc = make_doc("Israel shelled Lebanon on Monday.", {"Israel": "COUNTRY", "Lebanon": "COUNTRY"}, "en")
    ev = events_of(doc)[0]
    assert (ev["type"], ev["actor"], ev["target"]) == ("FIGHT", "israel", "lebanon")


def test_english_passive_and_intent() -> None:
    doc = make_doc("Chad was attacked by Niger.", {"Chad": "COUNTRY", "Niger": "COUNTRY"}, "en")
    ev = events_of(doc)[0]
    assert (ev["actor"], ev["target"]) == ("niger", "chad")
    doc = make_doc("Japan will send aid to Ghana.", {"Japan": "COUNTRY", "Ghana": "COUNTRY"}, "en")
    ev = events_of(doc)[0]
    assert (ev["type"], ev["intended"], ev["status"]) == ("AGREE", "AID", "planned")


# --- status ----------------------------------------------------------------

@pytest.mark.parametrize("text,status", [
    ("Russland stationiert Raketen in Belarus.", "asserted"),
    ("Russland will Raketen in Belarus stationieren.", "planned"),
    ("Russland stationiert keine Raketen in Belarus.", "negated"),
    ("Russland könnte Raketen in Belarus stationieren, falls es bedroht wird.", "hypothetical"),
    ("Russland hat angekündigt, Raketen in Belarus zu stationieren.", "announced"),
])
def test_status(text: str, status: str) -> None:
    doc = make_doc(text, {"Russland": "COUNTRY", "Belarus": "COUNTRY"})
    assert events_of(doc, type="MOBILIZE")[0]["status"] == status


def test_reported_inside_a_direct_quote_with_speaker() -> None:
    text = 'Putin sagte: "Russland stationiert Raketen in Belarus."'
    start = text.index('"') + 1
    quote = {"start": start, "end": len(text) - 2, "spans": [[start, len(text) - 2]], "kind": "direct",
             "speaker": {"start": 0, "end": 5, "entity": "putin"}, "cue": None}
    doc = make_doc(text, {"Putin": "PERSON", "Russland": "COUNTRY", "Belarus": "COUNTRY"}, quotes=[quote])
    ev = events_of(doc, type="MOBILIZE")[0]
    assert ev["status"] == "reported" and ev["speaker"] == "putin"


# --- dates -----------------------------------------------------------------

def test_date_from_own_clause_then_document() -> None:
    text = ("Mitte Juni 2023 meldete Putin, dass Raketen nach Belarus verlegt wurden und dass "
            "die Stationierung bis Ende des Jahres beendet sein werde.")
    doc = make_doc(text, {"Putin": "PERSON", "Belarus": "COUNTRY"}, published="2024-12",
                   timexes=[{"text": "Mitte Juni 2023", "value": "2023-06"},
                            {"text": "Ende des Jahres", "value": "2023"}])
    ev = events_of(doc, type="MOBILIZE")[0]
    assert ev["date"] == "2023-06" and ev["date_source"] == "sentence"
    doc = make_doc("Putin kritisiert Polen.", {"Putin": "PERSON", "Polen": "COUNTRY"}, published="2024-12")
    ev = events_of(doc)[0]
    assert ev["date"] == "2024-12" and ev["date_source"] == "document"


def test_relative_clause_dates_a_nominal_trigger() -> None:
    text = "Russland begann seine Invasion der Ukraine, die am 24. Februar 2022 begonnen hat."
    doc = make_doc(text, {"Russland": "COUNTRY", "Ukraine": "COUNTRY"},
                   timexes=[{"text": "24. Februar 2022", "value": "2022-02-24"}])
    assert events_of(doc, type="FIGHT")[0]["date"] == "2022-02-24"


# --- inheritance and relations ---------------------------------------------

def test_a_later_nominal_mention_inherits_the_event() -> None:
    text = ("Russland stationiert Raketen in Belarus. Die Stationierung soll bis Ende des Jahres dauern.")
    doc = make_doc(text, {"Russland": "COUNTRY", "Belarus": "COUNTRY"})
    evs = events_of(doc, type="MOBILIZE")
    assert len(evs) == 2 and evs[1]["inherited"] and evs[1]["actor"] == "russland"


def test_relations_office_membership_party_deployment() -> None:
    text = ("Der russische Präsident Wladimir Putin kam nach Minsk. Russland und Belarus bilden einen "
            "Unionsstaat. Russland und Belarus unterzeichnen einen Vertrag über Sicherheit. "
            "Russland stationiert Atomwaffen in Belarus.")
    doc = make_doc(text, {"russische": ("russland", "COUNTRY", "demonym"), "Russland": "COUNTRY",
                          "Belarus": "COUNTRY", "Wladimir Putin": "PERSON", "Unionsstaat": "ALLIANCE"})
    code_events(doc)
    rels = {(r["type"], r["subject"], r["object"] if isinstance(r["object"], str) else None)
            for r in doc.relations}  # type: ignore[attr-defined]
    assert ("office", "wladimir-putin", "russland") in rels
    assert ("member", "russland", "unionsstaat") in rels and ("member", "belarus", "unionsstaat") in rels
    assert ("party", "russland", "Vertrag") in rels
    assert ("deployment", "russland", "Atomwaffen") in rels
    assert all(r["evidence"]["end"] > r["evidence"]["start"] for r in doc.relations)  # type: ignore[attr-defined]


def test_every_event_has_evidence_and_trigger_inside_it() -> None:
    doc = make_doc("Polen kritisiert Ungarn. Ungarn droht Polen mit Sanktionen.",
                   {"Polen": "COUNTRY", "Ungarn": "COUNTRY"})
    for ev in code_events(doc):
        ev_span, trig = ev["evidence"], ev["trigger"]
        assert ev_span["start"] <= trig["start"] < trig["end"] <= ev_span["end"]


def test_stage_is_registered_in_the_pipeline() -> None:
    from lagebild.pipeline import available_stages
    assert available_stages()[-1] == "events"

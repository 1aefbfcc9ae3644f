"""Normalisation against the reference date: anchoring, tense, partial dates,
expressions that refer back, publication-date inference, TimeML output."""

from __future__ import annotations

import re

import pytest

from lagebild.model import Document
from lagebild.timex import to_timeml
from lagebild.timex.calendar import Partial, easter, holiday, weekday_near
from lagebild.timex.context import FUTURE, PAST, PRESENT, tense_of
from test_time_support import analyse, find


def value(text: str, surface: str, published: str | None = "2024-12-06", lang: str = "de") -> tuple:
    tx = find(analyse(text, published, lang), surface)
    assert tx is not None, (text, surface)
    return tx["value"], tx["mod"]


def test_anchoring_on_the_publication_date() -> None:
    assert value("Das war gestern.", "gestern") == ("2024-12-05", None)
    assert value("Er kam vergangene Woche.", "vergangene Woche") == ("2024-W48", None)
    assert value("Das Treffen ist im nächsten Jahr.", "nächsten Jahr") == ("2025", None)
    assert value("Er sprach am 6. Dezember in Minsk.", "6. Dezember") == ("2024-12-06", None)


@pytest.mark.parametrize("sentence,expected", [
    ("Am Sonntag hatte das Ministerium mitgeteilt, dass es kommt.", "2024-12-01"),
    ("Am Sonntag wird das Ministerium entscheiden.", "2024-12-08"),
])
def test_tense_places_a_weekday(sentence: str, expected: str) -> None:
    assert value(sentence, "Sonntag")[0] == expected


def test_tense_places_a_bare_month() -> None:
    assert value("Im Dezember war die Lage angespannt.", "Dezember", "2014-07-19")[0] == "2013-12"
    assert value("Im April wird der Kurs beginnen.", "April", "2014-10-20")[0] == "2015-04"
    assert value("Im Juni war es heiß.", "Juni", "2014-07-19")[0] == "2014-06"


def test_tense_cues() -> None:
    assert tense_of("Er hatte es gesagt.", "de") == PAST
    assert tense_of("Er wird kommen.", "de") == FUTURE
    assert tense_of("Das Haus steht am Markt.", "de") == PRESENT


def test_partial_publication_date_leaves_the_day_open() -> None:
    # month precision only: a weekday is known, its day is not
    assert value("Am Sonntag hatte er gesprochen.", "Sonntag", "2023-05")[0] == "XXXX-WXX-7"
    assert value("Er sprach am Sonntagabend.", "Sonntagabend", "2023-05")[0] == "XXXX-WXX-7TEV"
    assert value("Er sprach im Jahr darauf vergangene Woche.", "vergangene Woche", "2023")[0] == "XXXX-WXX"


def test_no_publication_date_gives_underspecified_values() -> None:
    doc = Document(id="x", text="Er kam am 6. Dezember.", language="de")
    from lagebild.pipeline import Pipeline
    Pipeline(["segment", "language", "time"])(doc)
    assert find(doc, "6. Dezember")["value"] == "XXXX-12-06"
    assert doc.published is None and not doc.published_inferred


def test_refer_back_to_the_year_just_named() -> None:
    text = "Mitte Juni 2023 meldete Putin, dass die Stationierung bis Ende des Jahres beendet sein werde."
    assert value(text, "Mitte Juni 2023", "2024-12") == ("2023-06", "MID")
    assert value(text, "Ende des Jahres", "2024-12") == ("2023", "END")
    # with no date in the sentence the year is the publication's
    assert value("Das dauert bis Ende des Jahres.", "Ende des Jahres", "2024-12") == ("2024", "END")


def test_refer_back_to_the_day_just_named() -> None:
    text = "Am 18. Juni 2009 wurde er verhaftet. Tags darauf kam er frei."
    assert value(text, "Tags darauf", "2010-08-12")[0] == "2009-06-19"


def test_year_less_date_takes_an_earlier_year_when_far_from_publication() -> None:
    text = ("Im März 1992 betrat ich das Amtszimmer. Es war groß. Die Sitzung fiel auf Stalins "
            "Todestag am 5. März.")
    assert value(text, "5. März", "2001-08-23")[0] == "1992-03-05"


def test_inferred_publication_date_from_an_anniversary() -> None:
    text = ("Putin sprach am 6. Dezember in Minsk. Die Sitzung findet anlässlich des 25. Jahrestags "
            "der Unterzeichnung des Vertrags im Jahr 1999 statt. Mitte Juni 2023 meldete er, dass "
            "die Stationierung bis Ende des Jahres beendet sein werde. Am 19. November hatte "
            "Russland seine Doktrin aktualisiert.")
    doc = analyse(text, None)
    assert (doc.published, doc.published_inferred) == ("2024-12", True)
    assert find(doc, "6. Dezember")["value"] == "2024-12-06"
    assert find(doc, "19. November")["value"] == "2024-11-19"
    assert (find(doc, "Ende des Jahres")["value"], find(doc, "Ende des Jahres")["mod"]) == ("2023", "END")


def test_inferred_publication_date_from_the_latest_date() -> None:
    doc = analyse("Im März 2021 begann der Bau. Im Mai 2022 war er fertig. Das Haus stammt von 1900.", None)
    assert (doc.published, doc.published_inferred) == ("2022-05", True)


def test_publication_date_from_a_metadata_header() -> None:
    doc = analyse(" date 2023-05 Der Präsident sprach am Sonntag.", None)
    assert (doc.published, doc.published_inferred) == ("2023-05", True)
    assert all(doc.text[t["start"]:t["end"]] != "2023" for t in doc.timexes)


def test_given_publication_date_is_kept() -> None:
    doc = analyse("Im Mai 2030 wird es fertig.", "2024-01-02")
    assert (doc.published, doc.published_inferred) == ("2024-01-02", False)


def test_extents_follow_krauts() -> None:
    doc = analyse("Er kam am Montag. In den vergangenen Jahren wuchs es seit mehr als zehn Jahren.")
    surfaces = [doc.text[t["start"]:t["end"]] for t in doc.timexes]
    assert "Montag" in surfaces  # no leading preposition
    assert "den vergangenen Jahren" in surfaces  # the article belongs to it
    assert "mehr als zehn Jahren" in surfaces  # and so does a quantity modifier
    assert find(doc, "mehr als zehn Jahren")["mod"] == "MORE_THAN"


def test_timexes_are_sorted_and_well_formed() -> None:
    doc = analyse("Heute, am 6. Dezember 2024, um 20 Uhr, täglich, seit drei Jahren, derzeit.")
    starts = [t["start"] for t in doc.timexes]
    assert starts == sorted(starts)
    for t in doc.timexes:
        assert set(t) == {"start", "end", "type", "value", "mod"}
        assert t["type"] in ("DATE", "TIME", "DURATION", "SET")


def test_calendar_helpers() -> None:
    assert easter(2024).isoformat() == "2024-03-31"
    assert holiday("E-7", 1995) == "1995-04-09"  # Palmsonntag
    assert holiday("12-24", None) == "XXXX-12-24"
    assert Partial.parse("2023-05").iso() == "2023-05"
    assert Partial.parse("2024-02-30") == Partial(2024, 2, None)
    from datetime import date
    assert weekday_near(date(2024, 12, 6), 5, -1) == date(2024, 12, 6)


def test_timeml_output_round_trips() -> None:
    doc = analyse("Am 6. Dezember & morgen <bald> kam er.", "2024-12-05")
    xml = to_timeml(doc)
    assert '<DCT><TIMEX3 tid="t0" type="DATE" value="2024-12-05"' in xml
    assert '<TIMEX3 tid="t1" type="DATE" value="2024-12-06">6. Dezember</TIMEX3>' in xml
    body = re.search(r"<TEXT>(.*)</TEXT>", xml, re.S).group(1)
    from xml.sax.saxutils import unescape
    assert unescape(re.sub(r"<[^>]+>", "", body)) == doc.text


@pytest.mark.parametrize("text", ["", "31. Februar 2024", "am 99. Dezember", "Jahr 0000", "im Jahr 99999",
                                  "vom 30. bis 31. Februar", "halb dreizehn", "25 Uhr", "\x00\ufeff 2024"])
def test_odd_input_never_raises(text: str) -> None:
    for pub in ("2024-12-06", "2024", None, "garbage"):
        analyse(text, pub)


def test_timeml_files_from_json_output(tmp_path) -> None:
    import json
    from lagebild.timex.timeml import main
    doc = analyse("Am 6. Dezember kam er.", "2024-12-05")
    src = tmp_path / "out.jsonl"
    src.write_text(json.dumps(doc.to_json()) + "\n", encoding="utf-8")
    assert main([str(src), str(tmp_path / "tml")]) == 0
    xml = (tmp_path / "tml" / "t.tml").read_text(encoding="utf-8")
    assert '<TIMEX3 tid="t1" type="DATE" value="2024-12-06">6. Dezember</TIMEX3>' in xml

"""Users extend the base with their own YAML; every problem is reported clearly."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_actors_kb import analyse, mention_ids

from lagebild.actors import load_user_base
from lagebild.actors.userbase import validate
from lagebild.errors import UsageError

GOOD = """
actors:
  - id: quandora-systems
    type: ORGANIZATION
    name: Quandora Systems
    de: [Quandora Systems, Quandora]
  - id: belarus
    type: COUNTRY
    name: Belarus
    de: [Belarussische Republik]
"""


@pytest.fixture
def user_file(tmp_path: Path):
    path = tmp_path / "actors.yaml"
    path.write_text(GOOD, encoding="utf-8")
    yield path
    load_user_base(None)


def test_user_actors_are_recognised_and_extend_existing_ones(user_file: Path) -> None:
    kb = load_user_base(user_file)
    assert "quandora-systems" in kb
    found = mention_ids(analyse("Quandora lieferte an die Belarussische Republik."))
    assert found["Quandora"] == {"quandora-systems"}
    assert found["Belarussische Republik"] == {"belarus"}


def test_reset_returns_to_the_bundled_base(user_file: Path) -> None:
    load_user_base(user_file)
    load_user_base(None)
    assert "quandora-systems" not in mention_ids(analyse("Am Montag kam Quandora.")).get("Quandora", set())


@pytest.mark.parametrize("text,message", [
    ("- a\n- b\n", "expected a mapping with a list under 'actors:'"),
    ("actors:\n  - id: Bad Id\n    type: PERSON\n    name: X\n", "'id' must be a slug"),
    ("actors:\n  - id: x\n    type: PEOPLE\n    name: X\n", "'type' must be one of"),
    ("actors:\n  - id: x\n    type: PERSON\n", "'name' (the canonical name) is required"),
    ("actors:\n  - id: x\n    type: PERSON\n    name: X\n    de: Xaver\n", "'de' must be a list"),
    ("actors:\n  - id: x\n    type: PERSON\n    name: X\n    colour: red\n", "unknown field(s) colour"),
    ("actors:\n  - id: x\n    type: PERSON\n    name: X\n  - id: x\n    type: PERSON\n    name: Y\n",
     "duplicate id 'x'"),
    ("actors:\n  - id: x\n    type: PERSON\n    name: X\n    gender: q\n", "'gender' must be 'm' or 'f'"),
])
def test_invalid_files_are_reported_clearly(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UsageError) as err:
        load_user_base(path)
    assert message in str(err.value)
    assert "bad.yaml" in str(err.value)


def test_all_problems_at_once() -> None:
    with pytest.raises(UsageError) as err:
        validate({"actors": [{"id": "A"}, {"id": "b", "type": "X", "name": "B"}]}, "f.yaml")
    text = str(err.value)
    assert "entry 1" in text and "entry 2 (b)" in text


def test_bad_yaml_and_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("actors: [\n", encoding="utf-8")
    with pytest.raises(UsageError, match="not valid YAML"):
        load_user_base(path)
    with pytest.raises(UsageError, match="cannot read actors file"):
        load_user_base(tmp_path / "nope.yaml")


def test_actors_option_on_the_command_line_and_on_an_engine(user_file: Path, tmp_path: Path) -> None:
    import io
    import json

    from lagebild.cli import main

    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"id": "q", "text": "Die Firma Quandora Systems wächst. Quandora stellt ein."}) + "\n",
                   encoding="utf-8")
    for engine in ("local", "processes"):
        out, err = io.StringIO(), io.StringIO()
        code = main(["analyze", str(src), "--actors", str(user_file), "--engine", engine, "--workers", "1"],
                    stdout=out, stderr=err)
        assert code == 0, err.getvalue()
        ids = {e["id"] for e in json.loads(out.getvalue())["entities"]}
        assert "quandora-systems" in ids, engine
    bad = tmp_path / "bad.yaml"
    bad.write_text("actors:\n  - id: x\n    type: PEOPLE\n    name: X\n", encoding="utf-8")
    err = io.StringIO()
    assert main(["analyze", str(src), "--actors", str(bad)], stdout=io.StringIO(), stderr=err) == 2
    assert "'type' must be one of" in err.getvalue()
    load_user_base(None)

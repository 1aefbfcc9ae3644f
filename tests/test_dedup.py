"""Near-duplicate fingerprints."""

from __future__ import annotations

from lagebild.store.dedup import MAX_DISTANCE, simhash

from conftest import EXAMPLES


def distance(a: int, b: int) -> int:
    return bin(a ^ b).count("1")


def test_copies_are_near_and_other_articles_far() -> None:
    a = (EXAMPLES / "finnland-nato-2023.txt").read_text(encoding="utf-8")
    b = (EXAMPLES / "schweden-nato-2024.txt").read_text(encoding="utf-8")
    syndicated = "Von unserer Agentur.\n" + a.replace("Dienstag", "dem 4. April") + "\nMehr dazu morgen."
    assert simhash(a) == simhash(a.replace("\n", "\n\n"))
    assert distance(simhash(a), simhash(syndicated)) <= MAX_DISTANCE
    assert distance(simhash(a), simhash(b)) > 10
    assert simhash("") == 0 and simhash("Ein Wort") != 0


def test_the_store_links_a_syndicated_copy(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from test_store import run

    a = (EXAMPLES / "finnland-nato-2023.txt").read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(a, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Von unserer Agentur.\n" + a.replace("Dienstag", "dem 4. April"),
                                    encoding="utf-8")
    (tmp_path / "c.txt").write_text((EXAMPLES / "schweden-nato-2024.txt").read_text(encoding="utf-8"),
                                    encoding="utf-8")
    db = tmp_path / "s.duckdb"
    assert run("ingest", str(tmp_path / "a.txt"), "--db", str(db))[0] == 0
    assert run("ingest", str(tmp_path / "b.txt"), str(tmp_path / "c.txt"), "--db", str(db))[0] == 0
    from lagebild.store import Store

    with Store(db, read_only=True) as store:
        assert store.query("SELECT doc_id, duplicate_of, kind FROM duplicates") == \
            [{"doc_id": "b", "duplicate_of": "a", "kind": "near"}]

"""Bad input gives a clear per-document message or a result, never a traceback."""

from __future__ import annotations

import io
import json
from pathlib import Path

from lagebild.cli import main


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_a_mixed_bad_batch(tmp_path: Path) -> None:
    (tmp_path / "a_binary.txt").write_bytes(bytes(range(256)) * 50)
    (tmp_path / "b_invalid.txt").write_bytes(b"Gr\xfc\xdfe aus M\xfcnchen. \xff\xfe\x81 Ende.")
    (tmp_path / "c_empty.txt").write_bytes(b"")
    (tmp_path / "d_good.txt").write_text("Ein ganz normaler Text.", encoding="utf-8")
    (tmp_path / "e_big.txt").write_text("Ein Satz ohne Ende und noch mehr Wörter " * 1_350_000, encoding="utf-8")
    (tmp_path / "f_nopunct.txt").write_text("wort " * 200_000, encoding="utf-8")
    (tmp_path / "g_broken.html").write_text("<html><body><div><p>Kaputt <b>und <i>offen", encoding="utf-8")
    (tmp_path / "h_nested.html").write_text("<div>" * 5000 + "Tief." + "</div>" * 5000, encoding="utf-8")
    assert (tmp_path / "e_big.txt").stat().st_size > 50_000_000
    code, out, err = run("analyze", str(tmp_path), "--progress", "off")
    assert "Traceback" not in err
    assert code == 1
    ids = [json.loads(line)["id"] for line in out.splitlines()]
    assert "d_good" in ids and "b_invalid" in ids and "f_nopunct" in ids
    assert "a_binary: " in err and "e_big: document too large" in err
    assert "c_empty: no text" in err


def test_a_document_over_the_time_limit_is_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    # the long document comes first: it also pays for loading the stages' resources
    (tmp_path / "a.txt").write_text("Ein langer Satz mit vielen Wörtern. " * 20000, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Ein kurzer Text.", encoding="utf-8")
    code, out, err = run("analyze", str(tmp_path), "--time-limit", "0.05", "--progress", "off")
    assert code == 1
    assert [json.loads(x)["id"] for x in out.splitlines()] == ["b"]
    assert "a: time limit of 0.05 s exceeded" in err

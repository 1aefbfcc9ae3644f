"""The README's commands are the ones CI runs."""

from __future__ import annotations

from conftest import ROOT


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = next(line.strip() for line in ci.splitlines() if ".venv/bin/pytest" in line)
    assert command in readme


def test_readme_main_command_uses_shipped_examples() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "lagebild ingest examples/ && .venv/bin/lagebild report" in readme
    assert any((ROOT / "examples").iterdir())

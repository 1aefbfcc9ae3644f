"""Shared test helpers: where the development data lives and how to skip without it."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path
from typing import Any, Iterator

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with a clear message when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"development data not present: {path} (tests that read ../shared are skipped)")
    return path


@pytest.fixture
def seeds_dir() -> Path:
    return shared_path("seeds")


# ------------------------------------------------------------------ web view

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]


def serve(db: Path) -> tuple[str, Any]:
    """Serve the store ``db`` on a free loopback port in a thread; return its URL and the server."""
    from lagebild.web.server import make_server

    server = make_server(str(db), port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}", server


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists() or shutil.which("chromium") is None:
        pytest.skip("Debian's chromium is not installed (apt-get install chromium): browser tests skipped")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield b
        b.close()


def open_view(browser: Any, url: str) -> Any:
    """A new page at ``url``, once the view has rendered without errors."""
    page = browser.new_page(viewport={"width": 1366, "height": 850})  # type: ignore[attr-defined]
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url)
    page.wait_for_selector("#view[data-ready='1']", timeout=15_000)
    assert not errors, errors
    assert page.locator(".error").count() == 0, page.inner_text("#view")
    return page




def ingested_site(tmp_path_factory: pytest.TempPathFactory, inputs: Path, name: str) -> Iterator[str]:
    """Ingest ``inputs`` into a fresh store, serve it, yield its URL, then stop the server."""
    from test_store import run

    db = tmp_path_factory.mktemp("web") / f"{name}.duckdb"
    assert run("ingest", str(inputs), "--db", str(db))[0] == 0
    url, server = serve(db)
    yield url
    server.shutdown()

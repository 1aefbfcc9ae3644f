"""The web view, driven in headless Chromium (Debian's chromium package) with Playwright."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from pathlib import Path
from typing import Iterator

import pytest

from lagebild.web.api import ROUTES
from lagebild.web.server import make_server

from conftest import EXAMPLES, ingested_site, open_view
from test_store import run

@pytest.fixture(scope="module")
def examples_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from ingested_site(tmp_path_factory, EXAMPLES, "examples")


def test_every_view_renders_and_switches_language(browser: object, examples_site: str) -> None:
    page = open_view(browser, examples_site + "/#/timeline")
    assert page.inner_text("nav") .startswith("Zeitleiste")
    page.click("#lang")
    page.wait_for_selector("#view[data-ready='1']")
    assert page.inner_text("nav").startswith("Timeline")
    for view in ("graph", "quotes", "compare", "search?q=NATO"):
        page = open_view(browser, f"{examples_site}/#/{view}")
    assert page.locator("#search-results .quote").count() > 0


# --------------------------------------------------------------------------- safety

INJECTIONS = ["' OR 1=1 --", "\"; DROP TABLE documents; --", "1; SELECT * FROM documents", "%00", "../../etc/passwd",
              "<script>alert(1)</script>", "x" * 5000, "-1", "99999999999", "2023-13-45' --"]


def get(url: str) -> tuple[int, object]:
    try:
        with urllib.request.urlopen(url, timeout=10) as res:
            return res.status, json.loads(res.read() or b"null")
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read() or b"null")


def test_injection_strings_on_every_parameter_are_refused_or_harmless(examples_site: str) -> None:
    from urllib.parse import quote

    before = get(examples_site + "/api/summary")[1]["counts"]  # type: ignore[index]
    for path, (spec, _) in ROUTES.items():
        for name in spec.parsers:
            for value in INJECTIONS:
                code, body = get(f"{examples_site}{path}?{name}={quote(value)}")
                assert code in (200, 400, 404), (path, name, value, code)
                if code != 200:
                    assert isinstance(body, dict) and body.get("error"), (path, name, body)
    assert get(examples_site + "/api/summary")[1]["counts"] == before  # type: ignore[index]
    assert get(examples_site + "/api/timeline?nope=1")[0] == 400
    assert get(examples_site + "/api/timeline?limit=1&limit=2")[0] == 400


def test_static_files_cannot_escape(examples_site: str) -> None:
    for path in ("/static/../server.py", "/static/%2e%2e/server.py", "/static/vendor/../../api.py", "/etc/passwd",
                 "/static/app.js/../../__init__.py"):
        assert get(examples_site + path)[0] == 404, path
    with urllib.request.urlopen(examples_site + "/static/vendor/cytoscape.min.js") as res:
        assert res.status == 200 and "javascript" in res.headers["Content-Type"]


def test_default_binding_is_loopback(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    assert run("ingest", str(EXAMPLES / "articles.jsonl"), "--db", str(db))[0] == 0
    server = make_server(str(db), port=0)
    try:
        assert server.server_address[0] == "127.0.0.1"
    finally:
        server.server_close()

"""``lagebild serve``: a small read-only HTTP server for the web view.

It binds to 127.0.0.1 unless told otherwise, serves the page and its static files
from the package (JavaScript libraries included: nothing comes from a CDN), and
answers JSON queries over the store, each request on its own cursor.
"""

from __future__ import annotations

import json
import mimetypes
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

from lagebild.store.db import Store
from lagebild.web.api import handle

STATIC = resources.files("lagebild.web").joinpath("static")
CACHE_SIZE = 512


def _static_files() -> dict[str, tuple[bytes, str]]:
    """Every static file by URL path, read once: requests can only name these."""
    out: dict[str, tuple[bytes, str]] = {}

    def walk(node: Any, prefix: str) -> None:
        for child in node.iterdir():
            if child.is_dir():
                walk(child, f"{prefix}{child.name}/")
            else:
                kind = mimetypes.guess_type(child.name)[0] or "application/octet-stream"
                if kind.startswith("text/") or kind.endswith(("javascript", "json")):
                    kind += "; charset=utf-8"
                out[f"/static/{prefix}{child.name}"] = (child.read_bytes(), kind)

    walk(STATIC, "")
    out["/"] = out["/static/index.html"]
    return out


class ViewServer(ThreadingHTTPServer):
    """The HTTP server, holding the store and the static files."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], store: Store, quiet: bool = True) -> None:
        super().__init__(address, Handler)
        self.store = store
        self.files = _static_files()
        self.quiet = quiet
        self.local = threading.local()
        self.lock = threading.Lock()
        self.cache: dict[tuple[str, str], tuple[int, bytes]] = {}

    def api(self, path: str, query: str) -> tuple[int, bytes]:
        """The JSON answer to an API request, cached: the store cannot change while it is
        served (a writer needs the lock that this read-only server holds)."""
        key = (path, query)
        with self.lock:
            hit = self.cache.get(key)
        if hit is not None:
            return hit
        code, body = handle(self.thread_store(), path, query)
        answer = code, json.dumps(body, ensure_ascii=False, default=str).encode("utf-8")
        with self.lock:
            if len(self.cache) >= CACHE_SIZE:
                self.cache.pop(next(iter(self.cache)))
            self.cache[key] = answer
        return answer

    def thread_store(self) -> Store:
        if not hasattr(self.local, "store"):
            self.local.store = self.store.for_thread()
        return self.local.store


class Handler(BaseHTTPRequestHandler):
    """GET only: static files and /api/ queries."""

    server: ViewServer
    server_version = "Lagebild"

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        url = urlsplit(self.path)
        if url.path.startswith("/api/"):
            code, body = self.server.api(url.path, url.query)
            self._send(code, body, "application/json; charset=utf-8")
        elif url.path == "/favicon.ico":
            self._send(204, b"", "image/x-icon")
        elif url.path in self.server.files:
            data, kind = self.server.files[url.path]
            self._send(200, data, kind)
        else:
            self._send(404, b'{"error": "not found"}', "application/json; charset=utf-8")

    def do_POST(self) -> None:  # noqa: N802
        self._send(405, b'{"error": "the web view is read-only"}', "application/json; charset=utf-8")

    def _send(self, code: int, body: bytes, kind: str) -> None:
        self.send_response(code)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        if not self.server.quiet:
            sys.stderr.write("%s - %s\n" % (self.address_string(), format % args))


def make_server(db: str, host: str = "127.0.0.1", port: int = 8765, quiet: bool = True) -> ViewServer:
    """A server over the store ``db`` (opened read-only); call ``serve_forever()``."""
    return ViewServer((host, port), Store(db, read_only=True), quiet)

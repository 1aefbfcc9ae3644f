"""Load run of the web view on loopback: a bounded number of requests from a second process.

Usage: python benchmarks/bench_web.py DB [--requests N] [--concurrency C]

Starts ``lagebild serve`` on DB in a subprocess, then sends N requests (spread over
every API endpoint and the page itself) from this process with C concurrent
clients, and reports errors and the latency distribution per endpoint and overall.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import quote

PATHS = ["/", "/api/summary", "/api/timeline?limit=500", "/api/timeline?type=MOBILIZE&limit=200", "/api/graph?limit=80",
         "/api/actors?limit=100", "/api/actor?id={actor}", "/api/quotes?limit=100", "/api/quotes?speaker={actor}",
         "/api/compare", "/api/search?q=Regierung", "/api/evidence?doc={doc}&start=0&end=200"]


def fetch(url: str) -> tuple[int, float]:
    t0 = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=30) as res:
            res.read()
            code = res.status
    except urllib.error.HTTPError as exc:
        code = exc.code
    except OSError:
        code = 0
    return code, time.perf_counter() - t0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("db")
    parser.add_argument("--requests", type=int, default=1200)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--port", type=int, default=8791)
    args = parser.parse_args()
    server = subprocess.Popen([sys.executable, "-m", "lagebild", "serve", "--db", args.db, "--port", str(args.port)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert server.stdout is not None
        server.stdout.readline()  # the banner: the server is listening
        base = f"http://127.0.0.1:{args.port}"
        import json
        summary = json.loads(urllib.request.urlopen(base + "/api/summary").read())
        actor = quote(summary["actors"][0]["name"]) if summary["actors"] else "x"
        doc = quote(json.loads(urllib.request.urlopen(base + "/api/search?q=Regierung&limit=1").read() or b"[]")[0]["doc_id"]
                    if summary["documents"] else "x")
        cold = [(p, fetch(base + p.format(actor=actor, doc=doc))) for p in PATHS]
        print("first request of each page (nothing cached):")
        for path, (code, t) in cold:
            print(f"  {path:<45} {1000 * t:7.1f} ms{'' if code == 200 else f'  HTTP {code}'}")
        urls = [base + PATHS[i % len(PATHS)].format(actor=actor, doc=doc) for i in range(args.requests)]
        t0 = time.perf_counter()
        with ThreadPoolExecutor(args.concurrency) as pool:
            results = list(pool.map(fetch, urls))
        wall = time.perf_counter() - t0
    finally:
        server.terminate()
        server.wait()
    errors = sum(1 for code, _ in results if code != 200)
    lat = sorted(t for _, t in results)
    p95 = lat[int(0.95 * (len(lat) - 1))]
    print(f"{len(results)} requests, {args.concurrency} clients, {errors} errors, {len(results) / wall:.0f} requests/s")
    print(f"latency ms: median {1000 * statistics.median(lat):.1f}, p95 {1000 * p95:.1f}, max {1000 * lat[-1]:.1f}")
    for i, path in enumerate(PATHS):
        mine = sorted(t for j, (_, t) in enumerate(results) if j % len(PATHS) == i)
        print(f"  {path:<45} p95 {1000 * mine[int(0.95 * (len(mine) - 1))]:7.1f} ms")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark: what a phone downloads for its first search, on archives of 5, 10 and 20 fiscal years.

Run from the repository root after ``scripts/test.sh`` (it needs Playwright and Debian's
chromium, as the tests do):

    .venv/bin/python benchmarks/search_index.py            # 5, 10 and 20 years
    .venv/bin/python benchmarks/search_index.py --years 10 # one size only

The archives are written by the generator of ``benchmarks/build_archive.py`` (same shape,
same seed) and built with the hook. Each is served locally and the search page is opened in
real Chromium at 360 x 740 px, once per query, in a fresh browser context (nothing cached):
the figure is the bytes of every file under ``search/`` the page fetched for its first view
(the table of pages and words, the shards of the query's words, the parts of text of the
results on the screen), as served (uncompressed) and as a host compressing with gzip would
send them, beside the size of the whole index.
The last line is the summary:

    SEARCH first_query_kb_5=... first_query_kb_10=... first_query_kb_20=... index_kb_10=...

(the largest first query of the set, uncompressed KB).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import shutil
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from build_archive import _best_build, prongsai_project, synth  # noqa: E402

# Queries a citizen might type first: a topic, a phrase without spaces, a code, two words.
QUERIES = ["ร้องเรียนการทุจริต", "การจัดซื้อจัดจ้าง", "O27", "ความพึงพอใจ ประชาชน", "คู่มือ"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def index_bytes(site: Path) -> tuple[int, int]:
    """The whole index (table, shards, texts): bytes and files."""
    files = [site / "search/th-index.json", *(p for p in (site / "search/th").rglob("*") if p.is_file())]
    return sum(p.stat().st_size for p in files), len(files)


def first_queries(site: Path, queries: list[str]) -> list[dict[str, Any]]:
    """Per query, what the search page fetched from ``search/`` in a browser that had nothing cached."""
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    out = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(
                executable_path=shutil.which("chromium"), args=["--no-sandbox", "--disable-gpu"]
            )
            for query in queries:
                context = browser.new_context(viewport={"width": 360, "height": 740})  # a phone
                page = context.new_page()
                fetched: dict[str, bytes] = {}

                def seen(response: Any, fetched: dict[str, bytes] = fetched) -> None:
                    path = urlsplit(response.url).path
                    if path.startswith("/search/th") and response.ok:
                        fetched[path] = response.body()

                page.on("response", seen)
                page.goto(f"{base}search/?q={quote(query)}")
                page.wait_for_function(
                    "document.querySelector('#ps-search-status').textContent.startsWith('พบ') || "
                    "document.querySelector('#ps-search-status').textContent.startsWith('ไม่พบ')"
                )
                if page.locator("#ps-search-results > li").count():
                    page.locator(".ps-search-snippet[data-ready]").first.wait_for()
                page.wait_for_load_state("networkidle")
                results = page.locator("#ps-search-results > li").count()
                out.append(
                    {
                        "query": query,
                        "results": results,
                        "files": len(fetched),
                        "bytes": sum(len(b) for b in fetched.values()),
                        "gzip": sum(len(gzip.compress(b, 6)) for b in fetched.values()),
                    }
                )
                context.close()
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--years", type=int, nargs="+", default=[5, 10, 20])
    ap.add_argument("--keep", type=Path, help="keep the synthetic projects in this folder")
    args = ap.parse_args()
    root = Path(tempfile.mkdtemp(prefix="prongsai-search-bench-")) if args.keep is None else args.keep
    root.mkdir(parents=True, exist_ok=True)
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]
    summary: dict[int, tuple[float, float]] = {}
    for n in sorted(set(args.years)):
        work = root / f"{n}y"
        shutil.rmtree(work, ignore_errors=True)
        data = work / "data"
        data.mkdir(parents=True)
        synth(data, n)
        site = work / "site"
        _best_build(prongsai_project(work, data), site, 1)
        whole, files = index_bytes(site)
        rows = first_queries(site, QUERIES)
        print(f"{n:>2} years: whole index {whole / 1024:.0f} KB in {files} files (gzip per file as a host sends them)")
        for r in rows:
            print(
                f"          first query {r['query']!r}: {r['results']} results, fetched {r['files']} files, "
                f"{r['bytes'] / 1024:.1f} KB ({r['gzip'] / 1024:.1f} KB gzip), {100 * r['bytes'] / whole:.1f}% of the index"
            )
        summary[n] = (max(r["bytes"] for r in rows) / 1024, whole / 1024)
    print(
        "SEARCH "
        + " ".join(f"first_query_kb_{n}={kb:.0f}" for n, (kb, _) in sorted(summary.items()))
        + (f" index_kb_10={summary[10][1]:.0f}" if 10 in summary else "")
    )
    if args.keep is None:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()

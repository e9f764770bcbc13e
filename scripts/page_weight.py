"""How heavy each page type is for a citizen on a slow phone network.

    .venv/bin/python scripts/page_weight.py            # build the example and report
    .venv/bin/python scripts/page_weight.py --site DIR # report on a built site

For each page type: the HTML size (raw and gzip) and the transfer of a first view with an
empty cache: every file Chromium (Debian's, headless) requests for that page, HTML + CSS +
JS + fonts (+ the search index on the results page), each counted gzip-compressed as a
server would send it (woff2 as is: it is compressed already). Then every HTML page of the
site over the 40 KB budget, the print editions apart (tests/test_realdocs_fixtures.py holds
the example and the three real-length fixture agencies to it).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import os
import shutil
import sys
import tempfile
import threading
from pathlib import Path
from urllib.parse import unquote, urlparse

REPO = Path(__file__).resolve().parents[1]
PAGE_TYPES = {
    "home": "",
    "year": "2568/",
    "issue": "2568/issues/1/",
    "measure": "2568/measures/m01/",
    "measures document": "2568/measures/",
    "report": "2568/report/",
    "analysis": "2568/analysis/",
    "OIT index": "oit/2568/",
    "OIT item (O27, measures document)": "oit/2568/o27/",
    "OIT item (O1)": "oit/2568/o1/",
    "search results": "search/?q=ทรัพย์สิน",
    "open data": "open-data/",
}


def transfer_size(path: Path) -> int:
    data = path.read_bytes()
    return len(data) if path.suffix == ".woff2" else len(gzip.compress(data, 6))


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def measure(site: Path, browser: object) -> list[dict[str, object]]:
    """One row per page type: html, html_gzip, first_view (bytes), requests."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    rows = []
    try:
        for kind, path in PAGE_TYPES.items():
            page = browser.new_page()  # type: ignore[attr-defined]
            urls: list[str] = []
            page.on("request", lambda r, urls=urls: urls.append(r.url))
            page.goto(base + path, wait_until="networkidle")
            page.close()
            files = []
            for u in urls:
                rel = unquote(urlparse(u).path).lstrip("/")
                f = site / rel
                files.append(f / "index.html" if f.is_dir() else f)
            html = site / path.split("?")[0] / "index.html"
            rows.append(
                {
                    "page": kind,
                    "html": html.stat().st_size,
                    "html_gzip": transfer_size(html),
                    "first_view": sum(transfer_size(f) for f in files if f.is_file()),
                    "requests": len(files),
                }
            )
    finally:
        server.shutdown()
        server.server_close()
    return rows


HTML_BUDGET = 40 * 1024  # bytes of HTML a page, the print editions apart (issue 6)


def over_budget(site: Path) -> dict[str, int]:
    """Every HTML page of ``site`` over ``HTML_BUDGET``, the print editions apart."""
    pages = {p.relative_to(site).as_posix(): p.stat().st_size for p in site.rglob("*.html")}
    return {page: size for page, size in sorted(pages.items()) if size > HTML_BUDGET and "/print/" not in f"/{page}"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, help="a built site (default: build the example)")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if site is None:
            os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
            from mkdocs.commands.build import build
            from mkdocs.config import load_config

            site = Path(tmp) / "site"
            build(load_config(config_file=str(REPO / "mkdocs.yml"), site_dir=str(site), strict=True))
        with sync_playwright() as pw:
            browser = pw.chromium.launch(
                executable_path=shutil.which("chromium"), args=["--no-sandbox", "--disable-gpu"]
            )
            rows = measure(site, browser)
            browser.close()
        heavy = over_budget(site)
    kb = lambda n: f"{n / 1024:.1f} KB"  # noqa: E731
    print(f"{'page type':34} {'HTML':>10} {'HTML gzip':>10} {'first view (gzip)':>18} {'requests':>8}")
    for r in rows:
        print(
            f"{r['page']:34} {kb(r['html']):>10} {kb(r['html_gzip']):>10} {kb(r['first_view']):>18} {r['requests']:>8}"
        )
    print(f"pages over {kb(HTML_BUDGET)} of HTML (print editions apart): {len(heavy)}")
    for page, size in heavy.items():
        print(f"  {page} {kb(size)}")
    return 1 if heavy else 0


if __name__ == "__main__":
    sys.exit(main())

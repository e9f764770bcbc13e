"""Held-out search queries: words and phrases sampled (seeded) from the pages of the built
sites, each distinctive to its page, must find that page in the first three results.

The hand-written queries (tests/search_queries.tsv) were written by someone who had seen
the ranking; these were not. The sampler reads what the site publishes (each page's title
and text, from the search index), so it samples the example and every real-length fixture
under tests/fixtures/ (a folder with a data/ tree and its own docs/, as the real-documents
checks add them) alike.
"""

from __future__ import annotations

import itertools
import json
import random
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from prongsai.search import normalise, tokens

from .conftest import FIXTURES, build, make_project

SEED = 15
PER_SITE = 150  # queries sampled per site (fewer where the site has fewer pages)
RARE = 3  # distinctive: on at most this many pages


def real_length_fixtures() -> list[str]:
    """Fixture projects under tests/fixtures/ but the mini one (a few records for unit tests)."""
    return sorted(
        p.name for p in FIXTURES.iterdir() if (p / "data" / "organization.yml").is_file() and p.name != "mini"
    )


def _pages(site_dir: Path) -> list[tuple[str, str, str]]:
    """(url, title, text) of every indexed page, as published."""
    table = json.loads((site_dir / "search" / "th-index.json").read_text("utf-8"))
    folder = site_dir / "search" / "th" / "text"
    parts: dict[int, list[tuple[int, str]]] = {}
    for path in folder.glob("*.txt"):
        n, k = map(int, path.stem.split("-"))
        parts.setdefault(n, []).append((k, path.read_text("utf-8")))
    titles = published_titles(site_dir)
    return [(d[0], titles[n], " ".join(t for _, t in sorted(parts.get(n, [])))) for n, d in enumerate(table["docs"])]


def published_titles(site_dir: Path) -> dict[int, str]:
    """Page -> title, from the index's title files (one per year)."""
    out: dict[int, str] = {}
    for path in (site_dir / "search" / "th" / "titles").glob("*.json"):
        out.update({int(n): t for n, t in json.loads(path.read_text("utf-8")).items()})
    return out


_THAI = re.compile("[\u0e01-\u0e4e]+")


def sample_queries(site_dir: Path, n: int, seed: int = SEED) -> list[tuple[str, str]]:
    """(query, url) pairs: per sampled page, a word of it (four letters or more) on at most
    RARE pages, or two Thai words that stand together in its text (typed as they stand,
    without a space), each on at most a tenth of the pages, together on at most RARE."""
    pages = _pages(site_dir)
    pieces = [normalise(title + " " + text).split(" ") for _, title, text in pages]
    chunks = [[tokens(c) for c in page] for page in pieces]
    flat = [normalise(title + " " + text).replace(" ", "") for _, title, text in pages]
    df = Counter(w for page in chunks for w in {w for c in page for w in c})
    common = len(pages) / 10
    rng = random.Random(seed)
    order = list(range(len(pages)))
    rng.shuffle(order)
    out: list[tuple[str, str]] = []
    for k in order:
        if len(out) >= n:
            break
        if rng.random() < 0.5:
            found = {w for c in chunks[k] for w in c if len(w) >= 4 and df[w] <= RARE}
        else:
            found = {
                a + b
                for c, piece in zip(chunks[k], pieces[k], strict=True)
                for a, b in itertools.pairwise(c)
                if _THAI.fullmatch(a + b) and a + b in piece and df[a] <= common and df[b] <= common
            }
        candidates = sorted(q for q in found if sum(q in f for f in flat) <= RARE)
        if candidates:
            out.append((rng.choice(candidates), pages[k][0]))
    return out


@pytest.fixture(scope="module")
def sites(example_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, Path]]:
    out = [("example", example_dir)]
    for name in real_length_fixtures():
        out.append((name, build(make_project(tmp_path_factory.mktemp(name), name))))
    return out


def test_sampled_words_find_their_page_in_the_top_three(
    browser: Any, serve: Callable[[Path], str], sites: list[tuple[str, Path]], capsys: pytest.CaptureFixture[str]
) -> None:
    total = found = 0
    lines = []
    for name, site_dir in sites:
        queries = sample_queries(site_dir, PER_SITE)
        texts = {url: normalise(title + " " + text).replace(" ", "") for url, title, text in _pages(site_dir)}
        page = browser.new_page()
        page.goto(serve(site_dir) + "search/")
        page.wait_for_function("window.prongsaiSearch !== undefined")
        page.evaluate("window.prongsaiSearch.ready()")
        misses = []
        hits = near = 0
        for query, url in queries:
            top = page.evaluate("q => window.prongsaiSearch.results(q).then(r => r.slice(0, 3))", query)
            if any(r["url"] == url for r in top):
                hits += 1
            elif any(url in r["others"] and query in texts[r["url"]] for r in top):
                near += 1  # the same item of another year, which has the words too, in its place
            else:
                misses.append(f"{query!r} -> {url}: {[r['url'] for r in top]}")
        page.close()
        total += len(queries)
        found += hits + near
        lines.append(
            f"{name}: {hits}/{len(queries)} in the first three results, {near} more as another year of one of them "
            "(the same item, whose shown year has the words too)"
        )
        lines += [f"  miss: {m}" for m in misses]
    with capsys.disabled():
        print(
            f"\nheld-out queries: {found}/{total} ({100 * found / total:.1f}%) find their page in the first three results"
        )
        print("\n".join(lines))
    assert total >= 100
    assert found / total >= 0.95, "\n".join(lines)


def test_the_sampler_picks_distinctive_words_from_every_site(sites: list[tuple[str, Path]]) -> None:
    for _, site_dir in sites:
        queries = sample_queries(site_dir, 40)
        assert 30 <= len(queries) <= 40  # a short fixture has fewer words found on at most three pages
        assert sample_queries(site_dir, 40) == queries  # seeded: the same set every run
        texts = {url: normalise(title + " " + text).replace(" ", "") for url, title, text in _pages(site_dir)}
        for query, url in queries:
            assert query in texts[url]
            assert sum(query in t for t in texts.values()) <= RARE

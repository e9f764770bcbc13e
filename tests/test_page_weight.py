"""Light pages: the first view of every page type stays within a budget for slow networks
(measured by scripts/page_weight.py in Chromium, gzip as a server sends it)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

from .conftest import REPO

BUDGET_KB = 150  # HTML + CSS + JS + fonts of a first view, gzip
SEARCH_BUDGET_KB = 200  # the results page also fetches the search index
# ... in pieces: its table of pages, the shards of the query's words and the text of each
# result on the screen (for the snippet), each a small file (prongsai/search.py)
SEARCH_REQUESTS = 21  # with the Latin bold subset of Sarabun (bold codes and digits in the results)


def test_every_page_type_loads_within_the_budget(browser: Any, example_dir: Path) -> None:
    spec = importlib.util.spec_from_file_location("page_weight", REPO / "scripts" / "page_weight.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rows = module.measure(example_dir, browser)
    assert len(rows) == len(module.PAGE_TYPES)
    for row in rows:
        budget = SEARCH_BUDGET_KB if row["page"] == "search results" else BUDGET_KB
        assert row["first_view"] < budget * 1024, row
        assert row["requests"] <= (SEARCH_REQUESTS if row["page"] == "search results" else 12), row
    # the search index is fetched by the results page only
    assert max(rows, key=lambda r: r["first_view"])["page"] == "search results"

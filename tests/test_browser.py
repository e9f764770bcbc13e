"""The example site as a citizen's browser meets it."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlparse

import pytest

from .conftest import REPO

PAGES = ["", "2568/", "2568/measures/", "2568/issues/1/", "2568/measures/m01/", "2568/report/", "oit/2568/", "oit/2568/o27/"]


@pytest.fixture(scope="module")
def example_url(tmp_path_factory: pytest.TempPathFactory, serve: Any) -> str:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    site_dir = tmp_path_factory.mktemp("browser") / "site"
    mkdocs_build(load_config(config_file=str(REPO / "mkdocs.yml"), site_dir=str(site_dir), strict=True))
    return str(serve(site_dir))


@pytest.mark.parametrize("path", PAGES)
def test_pages_load_in_chromium_without_errors_or_third_party_requests(browser: Any, example_url: str, path: str) -> None:
    page = browser.new_page()
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    response = page.goto(example_url + path, wait_until="networkidle")
    assert response is not None and response.status == 200
    assert page.locator("html").get_attribute("lang") == "th"
    assert page.locator("h1").first.inner_text().strip()
    hosts = {urlparse(u).hostname for u in requests if not u.startswith("data:")}
    assert hosts == {"127.0.0.1"}, hosts
    assert errors == []
    page.close()


def test_the_report_table_scrolls_in_its_box_not_the_page_on_a_phone(browser: Any, example_url: str) -> None:
    page = browser.new_page(viewport={"width": 360, "height": 800})
    page.goto(example_url + "2568/report/")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360
    page.close()



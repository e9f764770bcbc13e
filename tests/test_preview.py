"""The pull request's preview: the built site opened from disk (``file://``), as an editor
opens the downloaded artifact, links followed in Chromium."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from prongsai.preview import make_preview, rewrite

from .conftest import REPO, build


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    root = tmp_path_factory.mktemp("preview")
    mkdocs_build(load_config(config_file=str(REPO / "mkdocs.yml"), site_dir=str(root / "site"), strict=True))
    make_preview(root / "site", root / "preview")
    return root / "preview"


def test_links_to_folders_get_index_html_and_nothing_else_changes() -> None:
    page = (
        '<a href="../o1/">a</a><a href="../../..">b</a><a href=".">c</a><a href="x/#top">d</a>'
        '<a href="#top">e</a><a href="https://a.example/x/">f</a><a href="tel:0550">g</a><img src="../i.png">'
        "<form action='../search/'>"
    )
    assert rewrite(page) == (
        '<a href="../o1/index.html">a</a><a href="../../../index.html">b</a><a href="./index.html">c</a>'
        '<a href="x/index.html#top">d</a><a href="#top">e</a><a href="https://a.example/x/">f</a>'
        "<a href=\"tel:0550\">g</a><img src=\"../i.png\"><form action='../search/index.html'>"
    )


def test_every_relative_link_of_the_preview_is_a_file_on_disk(preview: Path) -> None:
    checked = 0
    for page in preview.rglob("*.html"):
        if page.name == "404.html":  # served by a web server only, from the site's root
            continue
        for url in re.findall(r'\s(?:href|src)="([^"#?]+)[^"]*"', page.read_text("utf-8")):
            if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", url) or url.startswith("/"):
                continue
            target = Path(unquote(urlsplit(urljoin(page.as_uri(), url)).path))
            assert target.is_file(), (page.relative_to(preview), url)
            checked += 1
    assert checked > 10_000


def test_an_editor_opens_the_preview_from_disk_and_follows_links(preview: Path, browser: Any) -> None:
    for width in (360, 1280):
        page = browser.new_page(viewport={"width": width, "height": 900})
        page.goto((preview / "index.html").as_uri())
        assert "ห้วยสายธาร" in page.locator("h1").first.inner_text()
        # the stylesheet and the self-hosted font load from disk too
        assert page.evaluate("getComputedStyle(document.body).fontFamily").startswith("Sarabun")
        page.locator('.md-content a[href="2569/index.html"]').first.click()
        page.wait_for_load_state()
        assert page.url.endswith("/2569/index.html")
        assert "๒๕๖๙" in page.locator("h1").first.inner_text()
        page.locator('.md-content a[href$="measures/index.html"]').first.click()
        page.wait_for_load_state()
        assert page.url.endswith("/2569/measures/index.html") and page.locator("h1").count() == 1
        page.goto((preview / "oit/2569/o1/index.html").as_uri())
        page.locator('.md-content a[href$="2568/o1/index.html"]').first.click()  # the crosswalk to the year before
        page.wait_for_load_state()
        assert page.url.endswith("/oit/2568/o1/index.html") and "O1" in page.locator("h1").first.inner_text()
        page.screenshot(path=str(preview.parent / f"preview-{width}.png"))
        page.close()


def test_the_preview_command_says_where_to_open_it(tmp_path: Path) -> None:
    from .test_scaffold import run

    site = build(_mini(tmp_path))
    code, out, _ = run("preview", "--site", str(site), "--out", str(tmp_path / "preview"))
    assert code == 0 and f"{(tmp_path / 'preview').as_posix()}/index.html" in out
    assert (tmp_path / "preview/index.html").is_file()
    code, _, err = run("preview", "--site", str(tmp_path / "nothing"), "--out", str(tmp_path / "p2"))
    assert code == 1 and "ไม่พบเว็บไซต์ที่สร้างแล้ว" in err


def _mini(tmp_path: Path) -> Path:
    from .conftest import make_project

    return make_project(tmp_path / "mini")

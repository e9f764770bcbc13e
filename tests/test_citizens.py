"""What a citizen meets: accessibility (axe-core in Chromium), phones, keyboard, fonts served
by the site itself and nothing from a third party, the Thai 404 page."""

from __future__ import annotations

import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

from .citizens import AXE, REPO

# Every page type, with a page of the example that has it.
PAGE_TYPES = {
    "home": "",
    "year": "2568/",
    "issue": "2568/issues/1/",
    "measure": "2568/measures/m01/",
    "measures document": "2568/measures/",
    "report": "2568/report/",
    "analysis": "2568/analysis/",
    "measures document, whole (print edition)": "2568/print/measures/",
    "report, whole (print edition)": "2568/print/report/",
    "OIT index": "oit/2568/",
    "OIT item": "oit/2568/o27/",
    "search results": "search/?q=ทรัพย์สิน",
    "open data": "open-data/",
    "answer sheet": "itas/2568/",
    "not found (404)": "404.html",
}


def _open(browser: Any, base: str, path: str, **kwargs: Any) -> Any:
    page = browser.new_page(**kwargs)
    response = page.goto(base + path, wait_until="networkidle")
    assert response is not None and response.status == 200
    if path.startswith("search/"):
        page.locator("#ps-search-results li").first.wait_for()
    return page


def _skip_if_missing(example_dir: Path, path: str) -> None:
    target = example_dir / path.split("?")[0]
    if path.endswith("/") and not (target / "index.html").is_file():
        pytest.skip(f"{path} is not built yet (the ITAS answer sheet is another issue): enable when it exists")


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_axe_finds_no_serious_or_critical_violation(
    browser: Any, example_site_path_base: str, example_dir: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = PAGE_TYPES[kind]
    _skip_if_missing(example_dir, path)
    assert AXE.is_file(), "axe-core is missing: scripts/test.sh runs npm ci"
    page = _open(browser, example_site_path_base, path)
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") != "static", "unstyled"
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    page.close()
    bad = [v for v in result["violations"] if v["impact"] in ("serious", "critical")]
    minor = [v["id"] for v in result["violations"] if v not in bad]
    with capsys.disabled():
        print(f"\naxe {kind} (/{path}): {len(bad)} serious/critical, {len(minor)} minor {minor}")
    detail = [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:3]]}" for v in bad]
    assert bad == [], "\n".join(detail)


@pytest.mark.parametrize(
    "kind",
    ["home", "year", "measure", "measures document", "report", "OIT index", "OIT item", "search results", "open data"],
)
def test_no_page_scrolls_sideways_on_a_360px_phone(browser: Any, example_base: str, kind: str) -> None:
    page = _open(browser, example_base, PAGE_TYPES[kind], viewport={"width": 360, "height": 740})
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    # a wide table scrolls inside its own box, which a keyboard user can reach
    page.close()


def test_keyboard_reaches_the_skip_link_and_the_search_box_with_a_visible_focus(
    browser: Any, example_base: str
) -> None:
    page = _open(browser, example_base, "2568/", viewport={"width": 1280, "height": 900})
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "ข้ามไปที่เนื้อหา"
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "ps-header-q":
            break
    else:
        pytest.fail("Tab never reaches the search box")
    style = page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth]; })()"
    )
    assert style[0] != "none" and float(style[1].rstrip("px")) >= 2
    page.keyboard.type("ครุภัณฑ์")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=*")
    page.locator("#ps-search-results li").first.wait_for()
    page.close()


def test_pages_are_thai_and_set_in_the_self_hosted_sarabun(browser: Any, example_base: str) -> None:
    page = browser.new_page()
    fonts: list[str] = []
    page.on("request", lambda r: fonts.append(r.url) if r.resource_type == "font" else None)
    page.goto(example_base + "2568/measures/m01/", wait_until="networkidle")
    assert page.locator("html").get_attribute("lang") == "th"
    assert page.evaluate("document.fonts.check('16px Sarabun', 'มาตรการ')")
    family = page.evaluate("getComputedStyle(document.querySelector('.md-typeset')).fontFamily")
    assert family.startswith('"Sarabun"') or family.startswith("Sarabun")
    assert fonts and all(urlparse(u).hostname == "127.0.0.1" and u.endswith(".woff2") for u in fonts), fonts
    page.close()


def test_the_committed_fonts_are_the_npm_package_files() -> None:
    package = REPO / "node_modules" / "@fontsource" / "sarabun" / "files"
    assert package.is_dir(), "scripts/test.sh runs npm ci"
    shipped = sorted((REPO / "overrides" / "assets" / "fonts").glob("*.woff2"))
    assert len(shipped) == 3
    for f in shipped:
        assert (
            hashlib.sha256(f.read_bytes()).digest() == hashlib.sha256((package / f.name).read_bytes()).digest()
        ), f.name
    assert "SIL Open Font License" in (REPO / "overrides" / "assets" / "fonts" / "OFL.txt").read_text("utf-8")


# --- nothing from a third party ----------------------------------------------------------

_LOADING = {
    "script": ["src"], "img": ["src", "srcset"], "iframe": ["src"], "source": ["src", "srcset"], "audio": ["src"],
    "video": ["src", "poster"], "embed": ["src"], "object": ["data"], "link": ["href"], "form": ["action"],
}  # fmt: skip


class _Resources(HTMLParser):
    """URLs a page makes the browser fetch (links a reader clicks are content, not loads)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "link" and not {
            "stylesheet",
            "preload",
            "icon",
            "preconnect",
            "dns-prefetch",
            "manifest",
            "modulepreload",
        } & set((values.get("rel") or "").split()):
            return
        for attr in _LOADING.get(tag, []):
            if values.get(attr):
                self.urls += [u.strip().split(" ")[0] for u in (values[attr] or "").split(",")]
        if values.get("style"):
            self.urls += re.findall(r"url\(\s*['\"]?([^'\")]+)", values["style"] or "")


def _third_party(url: str, own_host: str) -> bool:
    if url.startswith(("data:", "#", "mailto:", "tel:")):
        return False
    host = urlparse(url if not url.startswith("//") else "https:" + url).hostname
    return host is not None and host != own_host


def test_no_page_stylesheet_or_script_loads_from_a_third_party_host(example_dir: Path) -> None:
    import yaml

    config = yaml.safe_load((REPO / "mkdocs.yml").read_text("utf-8"))
    own = urlparse(config["site_url"]).hostname or ""
    found = []
    for html_file in example_dir.rglob("*.html"):
        parser = _Resources()
        parser.feed(html_file.read_text("utf-8"))
        found += [f"{html_file.relative_to(example_dir)}: {u}" for u in parser.urls if _third_party(u, own)]
    for css in example_dir.rglob("*.css"):
        text = css.read_text("utf-8")
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", text) + re.findall(r"@import\s+['\"]([^'\"]+)", text):
            if _third_party(url, own):
                found.append(f"{css.relative_to(example_dir)}: {url}")
    # Our own scripts: no absolute URL at all.
    for js in (REPO / "overrides" / "assets").glob("*.js"):
        found += [f"{js.name}: {u}" for u in re.findall(r"https?://[^\s\"')]+", js.read_text("utf-8"))]
    assert found == []
    # Material's bundle calls two hosts, each only for a feature this site leaves off: GitHub's
    # API for repository facts (repo_url) and unpkg for Mermaid diagrams.
    assert "repo_url" not in config
    assert not any("mermaid" in p.read_text("utf-8") for p in example_dir.rglob("index.html"))


@pytest.mark.parametrize("kind", ["home", "search results", "report", "OIT item", "not found (404)"])
def test_a_first_view_requests_nothing_from_another_host(browser: Any, example_site_path_base: str, kind: str) -> None:
    page = browser.new_page()
    hosts: set[str | None] = set()
    page.on("request", lambda r: hosts.add(urlparse(r.url).hostname) if not r.url.startswith("data:") else None)
    page.goto(example_site_path_base + PAGE_TYPES[kind], wait_until="networkidle")
    page.close()
    assert hosts == {"127.0.0.1"}


# --- the Thai 404 page --------------------------------------------------------------------


def test_the_not_found_page_is_thai_and_leads_home_and_to_search(example_dir: Path) -> None:
    text = (example_dir / "404.html").read_text("utf-8")
    assert "<h1>ไม่พบหน้าที่ต้องการ</h1>" in text
    assert 'lang="th"' in text
    assert 'href="https://www.saithan.example/ita/">กลับไปหน้าแรก' in text
    assert 'action="https://www.saithan.example/ita/search/"' in text
    assert "Not found" not in text

"""The navigation rendered in Python (prongsai_mkdocs.navhtml) is Material's, element for element.

Three layers: random navigation trees rendered by Material 9.8.1's own macros and by
navhtml; the example site built with the hook as it is and with the hook's Python
navigation and whitespace collapsing switched off (Material's rendering), every page compared;
and the same two builds in Chromium on a 360 px phone: drawer, nested section, table of
contents, and the text a reader sees.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prongsai_mkdocs import navhtml

from .conftest import REPO
from .htmldom import Event, dom, primary_nav

MATERIAL = Path(__import__("material").__file__).parent / "templates"

# --- random trees against Material's macros ----------------------------------------------


@dataclass(eq=False)
class Anchor:
    title: str
    id: str
    level: int
    children: list[Anchor] = field(default_factory=list)

    @property
    def url(self) -> str:
        return "#" + self.id


@dataclass(eq=False)
class Typeset:
    title: str


@dataclass(eq=False)
class Item:
    """A page (children None), a section (children) or a link (is_page False, no meta)."""

    title: str
    url: str | None = None
    children: list[Item] | None = None
    meta: dict[str, Any] | None = None
    is_index: bool = False
    active: bool = False
    toc: list[Anchor] = field(default_factory=list)
    typeset: Typeset | None = None
    encrypted: bool = False


TITLES = st.sampled_from(["หน้าแรก", "ปี 2568", "<b>ตัวหนา</b>", "A &amp; B", "x&lt;y", "ข้อ &quot;๑&quot;"])


@st.composite
def anchors(draw: st.DrawFn, level: int, depth: int) -> list[Anchor]:
    out = []
    for i in range(draw(st.integers(0, 3 if depth else 0))):
        a = Anchor(draw(TITLES), f"h{level}-{i}-{draw(st.integers(0, 99))}", level)
        a.children = draw(anchors(level + 1, depth - 1))
        out.append(a)
    return out


@st.composite
def pages(draw: st.DrawFn, path: str) -> Item:
    meta: dict[str, Any] = {}
    if draw(st.integers(0, 5)) == 0:
        meta["subtitle"] = draw(TITLES)
    if draw(st.integers(0, 5)) == 0:
        meta["status"] = draw(st.sampled_from(["new", "deprecated"]))
    if draw(st.integers(0, 8)) == 0:
        meta["icon"] = "material/abacus"
    toc = draw(anchors(1, 2)) if draw(st.booleans()) else [Anchor("ชื่อหน้า", "top", 1, draw(anchors(2, 2)))]
    return Item(
        draw(TITLES),
        url=path,
        meta=meta if meta or draw(st.booleans()) else None,
        is_index=path.endswith("/"),
        toc=toc,
        typeset=Typeset("<em>พิมพ์</em>") if draw(st.integers(0, 8)) == 0 else None,
        encrypted=draw(st.integers(0, 8)) == 0,
    )


@st.composite
def trees(draw: st.DrawFn, path: str = "", depth: int = 3) -> list[Item]:
    items: list[Item] = []
    for i in range(draw(st.integers(1 if not depth else 0, 4))):
        here = f"{path}s{i}/"
        kind = draw(st.sampled_from(["page", "section", "link"] if depth else ["page", "link"]))
        if kind == "section":
            children = draw(trees(here, depth - 1))
            if draw(st.booleans()):  # a section index page (navigation.indexes)
                children.insert(draw(st.integers(0, len(children))), draw(pages(here)))
            items.append(Item(draw(TITLES), children=children))
        elif kind == "link":
            items.append(Item(draw(TITLES), url="https://example.org/" + here))
        else:
            items.append(draw(pages(f"{path}p{i}.html" if draw(st.booleans()) else here)))
    return items


def _walk(items: list[Item], parents: tuple[Item, ...] = ()) -> list[tuple[Item, tuple[Item, ...]]]:
    out = []
    for item in items:
        if item.children is not None:
            out += _walk(item.children, (*parents, item))
        elif item.meta is not None or item.url and not item.url.startswith("https:"):
            out.append((item, parents))
    return out


def _url(page: Item | None) -> Callable[[str], str]:
    def url(u: Any) -> str:  # stands for MkDocs' url filter: relative to the page
        u = str(u)
        if u.startswith("https:"):
            return u
        base = posixpath.dirname(page.url) if page and page.url else ""
        return posixpath.relpath(u or ".", base or ".")

    return url


@dataclass
class _Nav:
    items: list[Item]


class _Lang:
    def t(self, key: str) -> str:
        return {"toc": "สารบัญ"}[key]


_MACROS = """{% import "partials/nav-item.html" as item with context -%}
{% for nav_item in nav.items %}{% set path = "__nav_" ~ loop.index %}{{ item.render(nav_item, path, 1) }}{% endfor %}"""


_ENV = jinja2.Environment(loader=jinja2.FileSystemLoader(str(MATERIAL)))
_ENV.filters["url"] = jinja2.pass_context(lambda context, value: _url(context["page"])(value))


def material_items(items: list[Item], page: Item | None, features: list[str], status: dict[str, str]) -> str:
    config = {"extra": {"status": status}, "mdx_configs": {"toc": {"permalink": True}}}
    return _ENV.from_string(_MACROS).render(nav=_Nav(items), page=page, features=features, config=config, lang=_Lang())


def python_items(items: list[Item], page: Item | None, features: list[str], status: dict[str, str]) -> str:
    def icon(name: str) -> str:
        return (MATERIAL / ".icons" / f"{name}.svg").read_text("utf-8")

    return navhtml.render(items, page, url=_url(page), toc_title="สารบัญ", features=features, status=status, icon=icon)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    items=trees(),
    choice=st.integers(0, 10**6),
    features=st.sets(st.sampled_from(["navigation.indexes", "navigation.prune", "toc.integrate"])),
    status=st.sampled_from([{}, {"new": "ใหม่"}]),
)
def test_random_navigations_render_as_materials_macros(
    items: list[Item], choice: int, features: set[str], status: dict[str, str]
) -> None:
    candidates = _walk(items)
    page = None
    if candidates and choice % 5:  # sometimes no page of the tree is the current one
        page, parents = candidates[choice % len(candidates)]
        for p in (*parents, page):
            p.active = True
    expected = material_items(items, page, sorted(features), status)
    got = python_items(items, page, sorted(features), status)
    assert dom(got) == dom(expected)
    assert got.count("\n") <= expected.count("\n") // 20 + 5 * got.count("<svg")  # compact: no indentation


def test_the_comparison_sees_a_changed_attribute_or_text() -> None:
    page = Item("หน้า", url="b/", active=True, toc=[Anchor("หัวข้อ", "h", 2)])
    items = [Item("หมวด", children=[Item("ดัชนี", url="a/", is_index=True), page], active=True)]
    html = python_items(items, page, ["navigation.indexes", "navigation.prune"], {})
    assert dom(html) == dom(material_items(items, page, ["navigation.indexes", "navigation.prune"], {}))
    assert dom(html.replace('aria-expanded="true"', 'aria-expanded="false"', 1)) != dom(html)
    assert dom(html.replace("หัวข้อ", "หัวข้อ!", 1)) != dom(html)
    assert dom(html.replace("<span", "<b", 1).replace("</span>", "</b>", 1)) != dom(html)


def test_unsupported_features_are_refused() -> None:
    assert navhtml.supports(["navigation.indexes", "navigation.prune", "navigation.footer", "toc.integrate"])
    for feature in ("navigation.tabs", "navigation.sections", "navigation.expand"):
        assert not navhtml.supports(["navigation.indexes", feature])
        with pytest.raises(ValueError):
            navhtml.render([], None, url=str, toc_title="", features=[feature])


# --- the example site: as built now against Material's rendering -------------------------


@pytest.fixture(scope="module")
def material_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example built with the Python navigation and the whitespace pass switched off
    (``PRONGSAI_TWINS_OFF``): the navigation and pages exactly as Material renders them."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    site_dir = tmp_path_factory.mktemp("material") / "site"
    with pytest.MonkeyPatch.context() as env:
        env.setenv("PRONGSAI_TWINS_OFF", "navhtml,whitespace")
        mkdocs_build(load_config(config_file=str(REPO / "mkdocs.yml"), site_dir=str(site_dir), strict=True))
    return site_dir


def _pages(site: Path) -> dict[str, list[Event]]:
    # admin/: the editors' forms (Decap CMS), a page of its own with no theme
    files = [f for f in sorted(site.rglob("*.html")) if f.relative_to(site).parts[0] != "admin"]
    return {f.relative_to(site).as_posix(): dom(f.read_text("utf-8")) for f in files}


def test_every_page_has_materials_navigation_and_dom(example_dir: Path, material_dir: Path) -> None:
    ours, theirs = _pages(example_dir), _pages(material_dir)
    assert ours.keys() == theirs.keys() and len(ours) > 30
    navs = 0
    for name, events in theirs.items():
        if any(e[:2] == ("start", "nav") and "class='md-nav md-nav--primary'" in e for e in events):
            navs += 1
            assert primary_nav(ours[name]) == primary_nav(events), name
        assert ours[name] == events, name  # and the whole page, after whitespace
    assert navs == len(ours)  # the 404 page too
    # what was compared is a real navigation: nested, pruned, checked, with a page's TOC
    measure = next(n for n in theirs if re.fullmatch(r"\d{4}/measures/[^/]+/index\.html", n))
    nav = primary_nav(theirs[measure])
    assert sum(e[:2] == ("start", "li") for e in nav) > 10
    assert any("checked=None" in e for e in nav) and any("md-nav__item--pruned" in " ".join(e) for e in nav)
    assert any("data-md-component='toc'" in e for e in nav)


def test_the_pages_are_lighter(example_dir: Path, material_dir: Path) -> None:
    for name in ("index.html", "2568/measures/index.html", "about/index.html"):
        ours = (example_dir / name).stat().st_size
        theirs = (material_dir / name).stat().st_size
        assert ours < theirs * 0.9, (name, ours, theirs)
    text = (example_dir / "2568/measures/index.html").read_text("utf-8")
    assert "\n  " not in text.split("<body", 1)[1].split("<script", 1)[0]  # no indentation left


# --- in Chromium, on a phone --------------------------------------------------------------

PHONE = {"width": 360, "height": 740}


def _drawer_steps(page: Any, url: str) -> list[str]:
    """Open the drawer, go up from the current section and back into it, open the page's
    table of contents; the text of the drawer's visible levels after each step."""
    page.goto(url)
    seen = []
    drawer = page.locator(".md-sidebar--primary")
    assert drawer.bounding_box()["x"] < -100  # closed: off the screen to the left

    def settle() -> None:
        page.wait_for_timeout(400)  # Material's sliding transitions take 250 ms

    def visible_text() -> str:
        return page.evaluate(
            """() => [...document.querySelectorAll('.md-nav--primary a, .md-nav--primary label')]
                .filter(e => { const r = e.getBoundingClientRect();
                               return r.width > 0 && r.height > 0 && r.left >= 0 && r.right <= innerWidth + 1; })
                .map(e => e.innerText.trim()).filter(Boolean).join(' | ')"""
        )

    page.locator("label.md-header__button[for='__drawer']").click()
    settle()
    box = drawer.bounding_box()
    assert box["x"] >= 0 and box["width"] > 200  # open
    seen.append(visible_text())
    # the deepest open section of the current page; its title label goes up one level
    toggle = page.locator(".md-nav--primary input.md-nav__toggle:checked").last
    section = toggle.get_attribute("id")
    assert section and section.startswith("__nav_")
    page.locator(f"nav[aria-labelledby='{section}_label'] > label.md-nav__title").click()
    settle()
    assert not page.locator(f"#{section}").is_checked()
    seen.append(visible_text())
    page.locator(f"#{section}_label").click()  # and back into it
    settle()
    assert page.locator(f"#{section}").is_checked()
    seen.append(visible_text())
    # the current page's table of contents, inside the drawer
    page.locator(".md-nav--primary label.md-nav__link[for='__toc']").click()
    settle()
    link = page.locator(".md-nav--primary .md-nav--secondary a.md-nav__link").first
    assert link.is_visible()
    href = link.get_attribute("href")
    seen.append(visible_text())
    link.click()
    page.wait_for_function("h => location.hash === h", arg=href)
    return seen


def test_the_drawer_works_on_a_phone_as_materials(
    browser: Any, example_dir: Path, material_dir: Path, serve: Callable[[Path], str], tmp_path: Path
) -> None:
    ours, theirs = serve(example_dir), serve(material_dir)
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        for url in ("2568/assessment/", "2568/report/"):  # pages with a contents list
            steps = _drawer_steps(page, ours + url)
            page.screenshot(path=str(tmp_path / f"{url.strip('/').replace('/', '-')}-drawer.png"))
            assert steps == _drawer_steps(page, theirs + url), url
            assert len(set(steps)) >= 3 and all(steps)  # each step showed something else
        measure = next(
            p.parent.relative_to(example_dir).as_posix() for p in example_dir.glob("2568/measures/*/index.html")
        )
        assert _drawer_steps(page, ours + measure + "/") == _drawer_steps(page, theirs + measure + "/")
    finally:
        context.close()


def test_each_kind_of_page_reads_the_same_in_chromium(
    browser: Any, example_dir: Path, material_dir: Path, serve: Callable[[Path], str]
) -> None:
    """What a reader sees (innerText: the text laid out, with its spaces and line breaks) of
    a page of each kind, on a phone and on a desktop, is Material's."""
    ours, theirs = serve(example_dir), serve(material_dir)
    shapes: dict[str, str] = {}  # one page of each kind: a year, a measure, an OIT item...
    for p in sorted(example_dir.rglob("index.html")):
        url = p.parent.relative_to(example_dir).as_posix()
        if url == "admin":  # the editors' forms: no theme, no navigation
            continue
        parts = url.split("/")
        shape = "/".join(parts[:-1] + ["*"]) if len(parts) > 2 else url
        shapes.setdefault(re.sub(r"\d{4}", "N", shape), url)
    urls = sorted(shapes.values())
    assert len(urls) > 10
    for viewport in (PHONE, {"width": 1280, "height": 900}):
        context = browser.new_context(viewport=viewport, java_script_enabled=False)
        try:
            page = context.new_page()
            for url in urls:
                url = "" if url == "." else url + "/"
                texts = []
                for base in (ours, theirs):
                    page.goto(base + url)
                    texts.append(page.evaluate("() => document.body.innerText"))
                assert texts[0] == texts[1], url
                assert len(texts[0]) > 200
        finally:
            context.close()

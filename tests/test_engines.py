"""The example built three ways agrees page for page; what each engine cannot do is named here.

- MkDocs 1.6 + Material 9 with the hook (the README's build);
- ProperDocs (the MkDocs 1.6 fork that keeps hooks) + Material 9 with the same hook;
- Zensical on the tree written by ``python -m prongsai export-markdown`` (it runs no hooks),
  and plain MkDocs on that same tree, with prongsai made unimportable: the export needs neither.

Each build runs as its command does (a subprocess, strict), timed; the times are printed
at the end of the module. The README's table "Engines" says the same as ``GIVEN_UP``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from prongsai import load_site
from prongsai.export import read_config
from prongsai.options import Options
from prongsai.output import generate

from .conftest import REPO
from .conftest import build as build_in_process
from .engines import PageView, differences, read_site

# what the scripts export (scripts/_venv.sh): no end-of-life / MkDocs 2 banners in build logs
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}

# Runs an engine's command with prongsai unimportable: proves the exported tree stands alone.
WITHOUT_PRONGSAI = "import runpy, sys; sys.modules['prongsai'] = None; sys.argv[0] = sys.argv[1]; del sys.argv[1]; runpy.run_module(sys.argv[0], run_name='__main__')"


@dataclass(frozen=True)
class Build:
    engine: str
    site: Path
    seconds: float
    log: str


def _run(args: list[str], cwd: Path, *, alone: bool = False) -> tuple[float, str]:
    cmd = [sys.executable, "-c", WITHOUT_PRONGSAI, *args] if alone else [sys.executable, "-m", *args]
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, env=ENV, capture_output=True, text=True, timeout=600)
    seconds = time.perf_counter() - start
    log = done.stdout + done.stderr
    assert done.returncode == 0, f"{' '.join(args)} failed:\n{log[-3000:]}"
    return seconds, log


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Iterator[dict[str, Build]]:
    tmp = tmp_path_factory.mktemp("engines")
    config = str(REPO / "mkdocs.yml")
    b: dict[str, Build] = {}
    for engine in ("mkdocs", "properdocs"):
        seconds, log = _run([engine, "build", "--strict", "-f", config, "-d", str(tmp / engine)], REPO)
        b[engine] = Build(engine, tmp / engine, seconds, log)
    export = tmp / "export"
    seconds, log = _run(["prongsai", "export-markdown", str(export), "--config", config], REPO)
    b["export"] = Build("export-markdown", export, seconds, log)
    seconds, log = _run(["mkdocs", "build", "--strict", "-d", str(tmp / "mkdocs-export")], export, alone=True)
    b["mkdocs-export"] = Build("mkdocs (export)", tmp / "mkdocs-export", seconds, log)
    seconds, log = _run(["zensical", "build", "--strict"], export, alone=True)
    b["zensical"] = Build("zensical (export)", export / "site", seconds, log)
    yield b
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if reporter is not None and capture is not None:
        pages = len(list(b["mkdocs"].site.rglob("index.html")))
        times = ", ".join(f"{x.engine} {x.seconds:.1f} s" for x in b.values())
        with capture.global_and_fixture_disabled():  # to the terminal, not into a test's captured output
            reporter.write_line(f"\nbuild times of the example ({pages} pages): {times}")


@pytest.fixture(scope="module")
def views(builds: dict[str, Build]) -> dict[str, dict[str, PageView]]:
    return {name: read_site(x.site) for name, x in builds.items() if name != "export"}


def test_each_engine_really_built_its_site(builds: dict[str, Build]) -> None:
    generator = {
        "mkdocs": "mkdocs-1.6",
        "properdocs": "ProperDocs 1.6",  # and not MkDocs behind it: ProperDocs serves the mkdocs.* imports
        "mkdocs-export": "mkdocs-1.6",
        "zensical": "zensical-",
    }
    for name, expected in generator.items():
        meta = re.search(
            r'<meta name="generator" content="([^"]+)"', (builds[name].site / "index.html").read_text("utf-8")
        )
        assert meta and expected in meta.group(1), (name, meta and meta.group(1))
    for build in builds.values():  # the variables the scripts set keep every banner out of the log
        assert (
            "end of life" not in build.log and "MkDocs 2" not in build.log and "ProperDocs" not in build.log
        ), build.engine


def test_the_three_engines_agree_page_for_page(views: dict[str, dict[str, PageView]]) -> None:
    reference = views["mkdocs"]
    pages = generate(load_site(REPO / "data", REPO / "docs")).pages
    expected = {p.url for p in pages} | {"about/"}
    assert expected <= set(reference)  # every generated page, and the hand-written one, was built
    found = []
    for name in ("properdocs", "mkdocs-export", "zensical"):
        found += differences(reference, views[name], name)
    assert found == []
    # what the comparison saw is real content, not empty articles
    m = next(p for p in pages if p.kind == "measure")
    assert (
        m.title in reference[m.url].text and "ปรับปรุงข้อมูลล่าสุด" in views["zensical"][m.url].text
    )  # the theme override too
    assert any(v.toc_hidden for v in views["zensical"].values())  # `hide: [toc]` of the report pages
    assert sum(len(v.links) for v in reference.values()) > 1000 and len(reference[m.url].nav) > 10


def test_the_comparison_notices_what_a_reader_would(views: dict[str, dict[str, PageView]]) -> None:
    reference = views["mkdocs"]
    url = "2568/measures/"
    changed = dict(reference)
    v = reference[url]
    changed[url] = PageView(v.title, v.text.replace("มาตรการ", "มาตรฐาน", 1), v.links[1:], v.nav, not v.toc_hidden)
    del changed["about/"]
    found = differences(reference, changed, "x")
    assert found[0] == "x: missing page /about/"
    assert any("text differs" in f and "มาตรฐาน" in f for f in found)
    assert any("links differ" in f for f in found) and any("table of contents" in f for f in found)


def test_attached_files_and_exports_are_in_every_build(builds: dict[str, Build]) -> None:
    config = read_config(REPO / "mkdocs.yml")
    options = Options.from_config((config.get("extra") or {}).get("prongsai"), site_url=config.get("site_url"), docs_dir=str(REPO / "docs"))
    out = generate(load_site(REPO / "data", REPO / "docs"), options)
    expected = {f.path: f.content for f in out.files}
    for file in (REPO / "docs").rglob("*"):
        if file.is_file() and file.suffix != ".md":
            expected[file.relative_to(REPO / "docs").as_posix()] = file.read_bytes()
    assert any(p.endswith(".pdf") for p in expected)
    for name in ("mkdocs", "properdocs", "mkdocs-export", "zensical"):
        site = builds[name].site
        wrong = [p for p, content in expected.items() if not (site / p).is_file() or (site / p).read_bytes() != content]
        assert wrong == [], name
        assert (site / "assets/prongsai.css").read_bytes() == (REPO / "overrides/assets/prongsai.css").read_bytes()


def test_the_export_is_a_plain_project(builds: dict[str, Build]) -> None:
    export = builds["export"].site
    config = yaml.safe_load((export / "mkdocs.yml").read_text("utf-8"))
    assert "hooks" not in config and "watch" not in config and "prongsai" not in config.get("extra", {})
    assert config["site_name"] == "เทศบาลตำบลห้วยสายธาร" and config["theme"]["custom_dir"] == "overrides"
    assert (export / "overrides/main.html").is_file() and (export / "docs/about.md").is_file()
    page = (export / "docs/2568/measures/index.md").read_text("utf-8")
    assert page.startswith("---\ntitle: ") and "{%" not in page  # plain Markdown with front matter, no template left
    # `validation.omitted_files: warn` + strict: the written-out nav reaches every page, or the builds above failed
    assert config["validation"]["omitted_files"] == "warn" and config["strict"] is True


# --- what each engine cannot do, named -----------------------------------------------

GIVEN_UP = {
    # feature: {engine: what a citizen or an editor gets}
    "generated pages straight from data/ (hooks)": {
        "mkdocs": "yes",
        "properdocs": "yes",
        "zensical": "no: build the export",
    },
    "search finds a Thai word that starts a phrase (คู่มือ)": {"mkdocs": "yes", "properdocs": "yes", "zensical": "yes"},
    "search finds a Thai word inside a phrase (จัดซื้อ)": {"mkdocs": "yes", "properdocs": "yes", "zensical": "yes"},
    "search finds an OIT code (O27)": {"mkdocs": "yes", "properdocs": "yes", "zensical": "yes"},
    "search box speaks Thai": {"mkdocs": "yes", "properdocs": "yes", "zensical": "yes"},
    "sitemap.xml.gz": {"mkdocs": "yes", "properdocs": "yes", "zensical": "no"},
}


def test_zensical_runs_no_hooks_so_it_builds_the_export(tmp_path: Path) -> None:
    """Zensical on the project itself: the hand-written page only, not one generated page."""
    project = tmp_path / "project"
    for part in ("data", "docs", "overrides", "hooks"):
        shutil.copytree(REPO / part, project / part)
    # not strict: the staff guide links to its generated field reference, which, without
    # hooks, does not exist (one more thing Zensical cannot build from the project itself)
    config = (REPO / "mkdocs.yml").read_text("utf-8").replace("strict: true", "strict: false")
    (project / "mkdocs.yml").write_text(config, "utf-8")
    _run(["zensical", "build"], project)
    site = project / "site"
    assert (site / "about/index.html").is_file()
    has_generated = (site / "2568/measures/index.html").is_file()
    assert ("yes" if has_generated else "no: build the export") == GIVEN_UP[
        "generated pages straight from data/ (hooks)"
    ]["zensical"]


def test_the_sitemaps_each_engine_writes(builds: dict[str, Build]) -> None:
    for engine, build in (("mkdocs", "mkdocs"), ("properdocs", "properdocs"), ("zensical", "zensical")):
        site = builds[build].site
        assert (site / "sitemap.xml").is_file(), engine
        got = "yes" if (site / "sitemap.xml.gz").is_file() else "no"
        assert got == GIVEN_UP["sitemap.xml.gz"][engine], engine


def _search(page: object, base: str, query: str) -> tuple[int, str]:
    """Search as a citizen does on every engine: the Thai search page (the header's search
    box submits to it) with the query; return (results shown, the status line)."""
    from urllib.parse import quote

    from playwright.sync_api import Page

    assert isinstance(page, Page)
    page.goto(f"{base}search/?q={quote(query)}")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    status = page.locator("#ps-search-status").inner_text(timeout=5000) if page.locator("#ps-search-status").count() else ""
    return page.locator("#ps-search-results li").count(), status


def test_search_on_each_engine_as_a_citizen_uses_it(
    builds: dict[str, Build], browser: object, serve: Callable[[Path], str]
) -> None:
    from playwright.sync_api import Browser

    assert isinstance(browser, Browser)
    thai_status = re.compile(r"[\u0e00-\u0e7f]")
    for engine, build in (("mkdocs", "mkdocs"), ("properdocs", "properdocs"), ("zensical", "zensical")):
        base = serve(builds[build].site)
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        outside: list[str] = []
        page.on(
            "request", lambda r, base=base: outside.append(r.url) if not r.url.startswith((base, "data:")) else None
        )
        seen = {}
        for feature, query in (
            ("search finds a Thai word that starts a phrase (คู่มือ)", "คู่มือ"),
            ("search finds a Thai word inside a phrase (จัดซื้อ)", "จัดซื้อ"),
            ("search finds an OIT code (O27)", "O27"),
        ):
            n, status = _search(page, base, query)
            seen[feature] = "yes" if n > 0 else "no"
            if feature.endswith("(O27)"):
                seen["search box speaks Thai"] = "yes" if thai_status.search(status) else "no"
        page.close()
        assert seen == {f: GIVEN_UP[f][engine] for f in seen}, engine
        assert outside == [], engine  # no third party is called, whichever engine built the site


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_a_broken_link_in_the_export_fails_a_strict_build(engine: str, mini: Path, tmp_path: Path) -> None:
    """Both engines check links and anchors: a broken link never reaches citizens unnoticed."""
    export = tmp_path / "export"
    _run(["prongsai", "export-markdown", str(export), "--config", str(mini / "mkdocs.yml")], mini)
    about = export / "docs/about.md"
    about.write_text("# เกี่ยวกับ\n\n[รายงาน](2568/report/index.md)\n\n[ไม่มีหน้านี้](2568/nowhere.md)\n", "utf-8")
    config = export / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("\nnav:\n", "\nnav:\n- about.md\n", 1), "utf-8")
    args = [engine, "build", "--strict"] + (["-d", str(tmp_path / "site")] if engine == "mkdocs" else [])
    done = subprocess.run(
        [sys.executable, "-m", *args], cwd=export, env=ENV, capture_output=True, text=True, timeout=300
    )
    assert done.returncode != 0
    log = re.sub(r"\x1b\[[0-9;]*m", "", done.stdout + done.stderr)  # Zensical colours every character
    assert "nowhere.md" in log and "report/index.md" not in log  # the broken link is named, the good one is not


def test_text_from_yaml_stays_escaped_on_zensical(mini: Path) -> None:
    """Titles reach Zensical through the written-out nav and front matter: still text, never a tag."""
    m = mini / "data/years/2568/measures.yml"
    m.write_text(
        m.read_text("utf-8").replace(
            "title: ปรับปรุงระบบ E-Service", 'title: "ระบบ <img src=x onerror=alert(1)> E-Service & ภาษี"'
        ),
        "utf-8",
    )
    export = mini / "export"
    _run(["prongsai", "export-markdown", str(export)], mini)
    _run(["zensical", "build", "--strict"], export, alone=True)
    reference = read_site(build_in_process(mini))
    # the fixture's project points its theme at this repository's overrides by an absolute
    # path, which the export does not carry: Zensical titles its home page "name - name" there
    # (the example's export, with its own overrides, agrees: test_the_three_engines_agree_page_for_page)
    found = differences(reference, read_site(export / "site"), "zensical")
    assert [d for d in found if not re.fullmatch(r"zensical: /: title '(.+)' != '\1 - \1'", d)] == []
    html = (export / "site/2568/measures/m02/index.html").read_text("utf-8")
    assert "<img src=x" not in html and "ระบบ &lt;img src=x onerror=alert(1)&gt; E-Service &amp; ภาษี" in html

"""No script from data: a site whose every free-text field, title, label and name carries
hostile markup is opened in headless Chromium, and nothing of it runs.

The payload tries every way in: <script>, event handlers (img onerror, svg onload),
javascript: and data: links (HTML and Markdown), iframes, <style> and style attributes,
Markdown attribute lists ({: onclick=...}) and an attribute break-out with quotes. Each
would set window.__pwned or open a dialog.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from prongsai import load_site
from prongsai.audit import audit_site

from .conftest import build, make_project

PAYLOAD = (
    "ข้อความ <script>window.__pwned='script'</script>"
    '<img src=x onerror="window.__pwned=\'img\'">'
    "<svg onload=window.__pwned='svg'></svg>"
    '<iframe src="javascript:parent.__pwned=\'iframe\'"></iframe>'
    '<a href="javascript:window.__pwned=\'a\'">ลิงก์</a> [md](javascript:window.__pwned=\'md\') '
    '<a href="data:text/html,<script>alert(1)</script>">data</a> '
    "<style>body{display:none}</style>"
    '<div style="position:fixed;inset:0;background:red">ทับ</div> '
    '"><script>window.__pwned=\'quote\'</script> '
    "*เน้น*{: onclick=window.__pwned='attr' } "
    "{: onmouseover=window.__pwned='attr2' }"
)
# Fields holding free text (everything else is an id, code, date, number, URL, file or enum,
# which the schema already restricts).
TEXT_FIELDS = {
    "name", "short_name", "subdistrict", "district", "province", "address", "label", "phone", "email",
    "title", "preface", "summary", "by", "description", "limitation", "impact", "approach", "text", "output",
    "outcome", "problems", "suggestions", "note", "monitoring", "reporting", "responsible_note", "value",
    "steps", "assessed", "to_develop", "subgroup", "elements",
}  # fmt: skip


def _poison(value: Any, key: str = "") -> Any:
    if isinstance(value, dict):
        # bands are matched by label against assessment.band: keep them as they are
        return {k: v if k == "bands" else _poison(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_poison(v, key) for v in value]
    if isinstance(value, str) and key in TEXT_FIELDS:
        return f"{value} {PAYLOAD}"
    return value


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    project = make_project(tmp_path_factory.mktemp("xss") / "p")
    for path in (project / "data").rglob("*.yml"):
        data = yaml.safe_load(path.read_text("utf-8"))
        # PyYAML (1.1) reads the fixture's dates as dates; write them back as text
        path.write_text(yaml.safe_dump(_poison(data), allow_unicode=True, sort_keys=False), "utf-8")
    return project, build(project)


PAGES = [
    "",
    "2568/",
    "2568/measures/",
    "2568/measures/m01/",
    "2568/issues/1/",
    "2568/report/",
    "2568/assessment/",
    "2568/limitations/",
    "oit/2568/",
    "oit/2568/o1/",
    "oit/2568/o27/",
    "oit/2568/o28/",
    "2567/indicators/1/",
    "2568/analysis/",
    # the print editions: every part of the document on one page, rendered at build time
    "2568/print/measures/",
    "2568/print/report/",
]

CHECK_DOM = """() => {
  const bad = [];
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      if (a.name.startsWith('on')) bad.push(el.tagName + ' ' + a.name);
      if (/^\\s*(javascript|data):/i.test(a.value) && ['href', 'src', 'action', 'formaction'].includes(a.name))
        bad.push(el.tagName + ' ' + a.name + '=' + a.value.slice(0, 30));
    }
  }
  for (const el of document.querySelectorAll('iframe, object, embed, svg script, article form:not(.ps-search-page), base, meta[http-equiv]'))
    bad.push(el.tagName);
  for (const el of document.querySelectorAll('script, style'))
    if (el.textContent.includes('__pwned') || el.textContent.includes('display:none')) bad.push(el.tagName + ' from data');
  for (const el of document.querySelectorAll('[style]')) {
    // a stacked table names its columns in custom properties (--c1: 'label'): the data's text
    // sits inside CSS strings there, and the attribute may set nothing else
    const props = [...el.style];
    if (el.matches('table.ps-stack') && props.length && props.every(p => /^--c[0-9]+$/.test(p))) continue;
    if (el.getAttribute('style').includes('inset')) bad.push('style attribute from data');
  }
  return bad;
}"""


def _visit(browser: Any, url: str) -> Iterator[Any]:
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(url, wait_until="networkidle")
    yield page, dialogs
    page.close()


def test_the_hostile_data_is_valid_and_nothing_of_it_is_dropped(hostile_site: tuple[Path, Path]) -> None:
    project, site_dir = hostile_site
    site = load_site(project / "data", project / "docs")
    assert site.years[2568].measures[0].title.endswith(PAYLOAD)
    assert [str(m) for m in audit_site(site, site_dir)] == []  # shown as text, not removed


@pytest.mark.parametrize("path", PAGES)
def test_no_script_from_data_runs_in_chromium(browser: Any, serve: Any, hostile_site: tuple[Path, Path], path: str) -> None:
    _, site_dir = hostile_site
    for page, dialogs in _visit(browser, serve(site_dir) + path):
        # hover and click what the payload would have made live
        for selector in ("article em", "article li", "article a[href^='javascript']"):
            for el in page.locator(selector).all()[:5]:
                el.hover(timeout=2000)
        assert page.evaluate("window.__pwned") is None
        assert dialogs == []
        assert page.evaluate(CHECK_DOM) == []
        assert page.locator("body").is_visible()
        # the editor's words are still there for the reader (escaped in titles, sanitized in text)
        assert "ทับ" in page.locator("article").inner_text()


def test_searching_for_the_payload_renders_results_without_running_it(
    browser: Any, serve: Any, hostile_site: tuple[Path, Path]
) -> None:
    _, site_dir = hostile_site
    for page, dialogs in _visit(browser, serve(site_dir) + "search/?q=onerror"):
        results = page.locator("#ps-search-results li")  # the Thai search page (prongsai.search)
        results.first.wait_for(timeout=30000)
        assert results.count() > 0
        assert "onerror" in results.first.inner_text()  # the payload is shown in the result, as text
        assert page.evaluate("window.__pwned") is None
        assert dialogs == []
        assert page.evaluate(CHECK_DOM) == []

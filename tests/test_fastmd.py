"""The fast path renders generated pages exactly as Python-Markdown does."""

from __future__ import annotations

import re

import markdown
import pytest

from prongsai import load_site
from prongsai.options import Options
from prongsai.output import generate
from prongsai_mkdocs import fastmd

from .conftest import REPO


def _python_markdown(text: str) -> tuple[str, list[dict[str, object]]]:
    md = markdown.Markdown(extensions=["attr_list", "md_in_html", "tables", "toc"], extension_configs={"toc": {"permalink": True}})
    return md.convert(text), md.toc_tokens  # type: ignore[attr-defined]


def _norm(html: str) -> str:
    # whitespace between tags matters: it is the space between words in the page's text
    return re.sub(r"\s+", " ", html).strip()


def _body(page_markdown: str) -> str:
    return page_markdown.split("\n---\n", 1)[1] if page_markdown.startswith("---\n") else page_markdown


def _strip_ids(tokens: list[dict[str, object]]) -> list[tuple[object, ...]]:
    return [(t["level"], t["id"], t["name"], tuple(_strip_ids(t["children"]))) for t in tokens]  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def pages() -> list[object]:
    options = Options(site_url="https://www.saithan.example/ita/", staff_guide="staff", docs_dir=str(REPO / "docs"))
    return generate(load_site(REPO / "data", REPO / "docs"), options).pages


def test_every_generated_page_renders_the_same_html_and_toc(pages: list[object]) -> None:
    checked = 0
    for page in [p for p in pages if p.templated]:  # type: ignore[attr-defined]
        body = _body(page.markdown)  # type: ignore[attr-defined]
        fast_html, fast_toc = fastmd.render(body)
        slow_html, slow_toc = _python_markdown(body)
        assert _norm(fast_html) == _norm(slow_html), page.src  # type: ignore[attr-defined]
        assert _strip_ids(fast_toc) == _strip_ids(slow_toc), page.src  # type: ignore[attr-defined]
        checked += 1
    assert checked > 200


def test_headings_keep_their_escaped_text() -> None:
    html, toc = fastmd.render("# ระบบ &lt;img&gt; \\*ดาว\\* {#x}\n\n<p>ย่อหน้า</p>")
    assert html.startswith('<h1 id="x">ระบบ &lt;img&gt; *ดาว*<a class="headerlink" href="#x"')
    assert toc[0]["name"] == "ระบบ &lt;img&gt; *ดาว*"


def test_anchors_of_fast_pages_are_known_to_link_checks() -> None:
    html, _ = fastmd.render('## ก {#a}\n\n<div class="x" id="b"><a name="c"></a><p>x</p></div>')
    assert fastmd.anchor_ids(html) == {"a", "b", "c"}


def test_only_template_pages_take_the_fast_path(pages: list[object]) -> None:
    kinds = {p.kind for p in pages if not p.templated}  # type: ignore[attr-defined]
    assert "staff" in kinds  # the generated field reference is ordinary Markdown
    assert all(p.templated for p in pages if p.kind in ("measure", "oit_item", "report"))  # type: ignore[attr-defined]

"""Render the Markdown that prongsai generates, without a Markdown parser.

Generated pages use a fixed subset of Markdown: ATX headings with an explicit anchor
(``## ชื่อ {#id}``), whose text is already HTML-escaped with Markdown specials
backslash-escaped, and raw HTML blocks for everything else. Converting that subset is
a line scan; Python-Markdown spends most of a build's time re-parsing the HTML blocks.
The output equals Python-Markdown's with the ``toc`` (permalink) and ``attr_list``
extensions (a test compares them page by page), so engines without this fast path,
and the exported Markdown, show the same pages.
"""

from __future__ import annotations

import html as html_lib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)(?:\s+\{#([A-Za-z0-9_.:-]+)\})?\s*#*\s*$")
_UNESCAPE = re.compile(r"\\([\\`*_{}\[\]#+!|~-])")
_TAGS = re.compile(r"<[^>]+>")


@dataclass
class TocItem:
    level: int
    id: str
    name: str
    children: list[TocItem] = field(default_factory=list)

    def as_token(self) -> dict[str, Any]:
        """The shape of Python-Markdown's ``toc_tokens`` (what MkDocs' get_toc reads)."""
        return {
            "level": self.level,
            "id": self.id,
            "name": self.name,
            "html": self.name,
            "data-toc-label": "",
            "children": [c.as_token() for c in self.children],
        }


def _slug(text: str, used: set[str]) -> str:
    # Python-Markdown's default slugify drops non-ASCII: Thai headings become "_1", "_2" ...
    plain = unicodedata.normalize("NFKD", html_lib.unescape(_TAGS.sub("", text)))
    base = re.sub(r"[^\w\s-]", "", plain.encode("ascii", "ignore").decode()).strip().lower()
    base = re.sub(r"[-\s]+", "-", base)
    slug, n = base, 0
    while slug in used or not slug:
        n += 1
        slug = f"{base}_{n}"
    return slug


_ANCHOR = re.compile(r"<(?:[a-zA-Z][\w-]*)\s[^>]*?\bid=\"([^\"]+)\"|<a\s[^>]*?\bname=\"([^\"]+)\"")


def anchor_ids(html: str) -> set[str]:
    """Every ``id`` (and ``<a name>``) in the HTML: what links into the page may point at."""
    return {a or b for a, b in _ANCHOR.findall(html)}


_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_TAG = re.compile(r"<(/?)([a-zA-Z][\w-]*)\b[^>]*?(/?)>")


def _split_top_level(line: str, depth: int) -> tuple[str, int]:
    """Python-Markdown puts each top-level HTML block on its own line: ``<p>a</p><div>b</div>``
    becomes ``<p>a</p>\n<div>b</div>``. Do the same (``depth`` carries across lines)."""
    cuts: list[int] = []
    for m in _TAG.finditer(line):
        closing, name, self_closing = m.group(1), m.group(2).lower(), m.group(3)
        if name in _VOID or self_closing:
            continue
        if closing:
            depth = max(depth - 1, 0)
            continue
        if depth == 0 and m.start() > 0 and line[: m.start()].rstrip().endswith(">"):
            cuts.append(m.start())
        depth += 1
    for cut in reversed(cuts):
        line = line[:cut].rstrip() + "\n" + line[cut:]
    return line, depth


def render(markdown: str, permalink: str = "&para;") -> tuple[str, list[dict[str, Any]]]:
    """HTML and TOC tokens for generated Markdown."""
    out: list[str] = []
    roots: list[TocItem] = []
    stack: list[TocItem] = []
    used: set[str] = set()
    depth = 0
    for line in markdown.split("\n"):
        m = _HEADING.match(line) if line.startswith("#") and depth == 0 else None
        if not m:
            line, depth = _split_top_level(line, depth)
            out.append(line)
            continue
        level = len(m.group(1))
        text = _UNESCAPE.sub(r"\1", m.group(2))
        anchor = m.group(3) or _slug(text, used)
        used.add(anchor)
        out.append(
            f'<h{level} id="{anchor}">{text}<a class="headerlink" href="#{anchor}" title="Permanent link">{permalink}</a></h{level}>'
        )
        item = TocItem(level, anchor, _TAGS.sub("", text))
        while stack and stack[-1].level >= level:
            stack.pop()
        (stack[-1].children if stack else roots).append(item)
        stack.append(item)
    html = re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip()
    return html, [t.as_token() for t in roots]

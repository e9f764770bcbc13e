"""User text to safe HTML: Markdown is allowed in text fields, raw HTML never runs.

Python-Markdown renders the text; nh3 (the Rust ``ammonia`` sanitizer) then keeps
only a small allow-list of tags and URL schemes, so ``<script>``, event handlers,
``javascript:`` links, iframes and inline styles from the data cannot reach a page.
"""

from __future__ import annotations

import html
import re

import markdown
import nh3
from markupsafe import Markup

from . import twins

_ALLOWED_TAGS = {
    "p", "br", "strong", "em", "b", "i", "u", "s", "del", "ins", "code", "pre", "blockquote",
    "ul", "ol", "li", "a", "h3", "h4", "h5", "h6", "hr", "sub", "sup",
    "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
_ALLOWED_ATTRS = {"a": {"href", "title"}, "ol": {"start"}, "th": {"align"}, "td": {"align"}}
_SCHEMES = {"http", "https", "mailto", "tel"}


class TextRenderer:
    """Renders text fields once per build (the same text often appears on several pages)."""

    def __init__(self) -> None:
        self._md = markdown.Markdown(extensions=["sane_lists", "tables"], output_format="html")
        self._cache: dict[str, Markup] = {}
        # a fast twin, kept because the ten-year benchmark shows it pays (prongsai/twins.py)
        self._shortcut = "plaintext" not in twins.named_off()

    def block(self, text: str | None) -> Markup:
        """Multi-paragraph Markdown to sanitized HTML."""
        if not text:
            return Markup("")
        found = self._cache.get(text)
        if found is None:
            found = self._cache[text] = Markup(f"<p>{text}</p>") if self._shortcut and _plain(text) else self._convert(text)
        return found

    def _convert(self, text: str) -> Markup:
        rendered = self._md.reset().convert(text)
        clean = nh3.clean(
            rendered,
            tags=_ALLOWED_TAGS,
            attributes=_ALLOWED_ATTRS,
            url_schemes=_SCHEMES,
            link_rel="noopener noreferrer nofollow",
        )
        return Markup(_no_blank_lines(clean))

    def inline(self, text: str | None) -> Markup:
        """A one-line value (a title, a step) with Markdown emphasis allowed, no paragraphs."""
        rendered = self.block(text)
        if rendered.startswith("<p>") and rendered.endswith("</p>") and rendered.count("<p>") == 1:
            return Markup(rendered[3:-4])
        return rendered


# Characters that mean something to Markdown (or to HTML) anywhere in a line, and the starts
# of a line that make it a block (heading, quote, list, rule, table, numbered list).
_MARKUP = re.compile(r"[\\`*_\[\]<>&]")
_BLOCK_START = re.compile(r"[#>\-+*=|:~]|\d+[.)](?: |$)")


def _plain(text: str) -> bool:
    """True when ``text`` is one paragraph with nothing for Markdown to do: its HTML is the text
    itself inside <p>, which is what Python-Markdown and nh3 make of it (a test compares them
    over many texts). Most texts in the data are such sentences; converting one costs ~0.2 ms.

    Only printable characters (no tab, line break, no-break space or other space than U+0020,
    no invisible format character), no surrounding space, and nothing that Markdown or HTML
    reads as markup."""
    return (
        text.isprintable()
        and text == text.strip()
        and _MARKUP.search(text) is None
        and _BLOCK_START.match(text) is None
    )


def _no_blank_lines(fragment: str) -> str:
    # A blank line would end a raw HTML block in the page's Markdown; <pre> keeps its lines
    # as &#10; so nothing of the user's text changes.
    def keep_pre(m: re.Match[str]) -> str:
        return m.group(0).replace("\n", "&#10;")

    fragment = re.sub(r"<pre>.*?</pre>", keep_pre, fragment, flags=re.S)
    return re.sub(r"\n\s*\n", "\n", fragment).strip()


def heading(text: str) -> str:
    """Text for a Markdown heading or link label: HTML-escaped, Markdown specials neutralised."""
    escaped = html.escape(text, quote=False)
    return re.sub(r"([\\`*_{}\[\]#+!|~])", r"\\\1", escaped)

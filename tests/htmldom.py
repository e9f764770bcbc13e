"""HTML reduced to what a browser builds from it, for comparing two renderings.

``dom(html)`` is the list of start tags (name and attributes, exactly), end tags and text
nodes. Text is compared as a browser lays it out where whitespace collapses: a run of
whitespace is one space, and whitespace at the edges of a text node or a text node of
whitespace alone is dropped, except inside elements that keep their whitespace (``<pre>``,
``<code>``...), whose text is kept exactly.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

Event = tuple[str, ...]

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_KEEP = {"pre", "code", "kbd", "textarea", "script", "style", "listing", "xmp"}
_RUN = re.compile(r"[ \t\n\r\f]+")


class _Dom(HTMLParser):
    CDATA_CONTENT_ELEMENTS = ("script", "style", "textarea", "xmp")  # as a browser: their text holds no tags

    def __init__(self, strip_edges: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.events: list[Event] = []
        self.keep = 0
        self.strip_edges = strip_edges

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.events.append(("start", tag, *(f"{k}={v!r}" for k, v in attrs)))
        if tag in _KEEP:
            self.keep += 1
        if tag in _VOID:
            self.events.append(("end", tag))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        if tag in _KEEP and self.keep:
            self.keep -= 1
        self.events.append(("end", tag))

    def handle_data(self, data: str) -> None:
        if not self.keep:
            data = _RUN.sub(" ", data)
            if self.strip_edges:
                data = data.strip()
            if not data:
                return
        if self.events and self.events[-1][0] == "text":
            self.events[-1] = ("text", self.events[-1][1] + data)
        else:
            self.events.append(("text", data))

    def handle_comment(self, data: str) -> None:
        pass


def dom(html: str, *, strip_edges: bool = True) -> list[Event]:
    """The events of ``html``; ``strip_edges=False`` keeps a collapsed space at the edges of text."""
    parser = _Dom(strip_edges)
    parser.feed(html)
    parser.close()
    return parser.events


def primary_nav(events: list[Event]) -> list[Event]:
    """The events of the site's primary navigation (Material's ``nav.md-nav--primary``)."""
    start = next(i for i, e in enumerate(events) if e[:2] == ("start", "nav") and "class='md-nav md-nav--primary'" in e)
    depth = 0
    for i in range(start, len(events)):
        if events[i][:2] == ("start", "nav"):
            depth += 1
        elif events[i] == ("end", "nav"):
            depth -= 1
            if depth == 0:
                return events[start : i + 1]
    raise ValueError("the primary navigation is not closed")

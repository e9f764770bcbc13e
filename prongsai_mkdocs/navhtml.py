"""The site's primary navigation as HTML, rendered in Python.

Material renders the navigation sidebar with recursive Jinja macros (``partials/nav.html``
and ``partials/nav-item.html``), on every page: on a ten-year archive that is two thirds of
MkDocs' page-rendering time and 17-27 KB of HTML per page, half of it indentation. This
module produces the same elements, attributes and text as Material 9.8.1's macros for the
features this site uses (``navigation.indexes``, ``navigation.prune``; not tabs, sections
or expand), without the indentation. ``overrides/partials/nav.html`` calls it through the
hook and keeps Material's own macros for builds without the hook (the exported tree).

Plain Python, no MkDocs import: the items are duck-typed like MkDocs' navigation (``title``,
``url``, ``children``, ``is_index``, ``active``, ``meta``) and the page like MkDocs' page
(``toc``: anchors with ``title``, ``url``, ``level``, ``children``). Titles are printed as
they are, as Material does (they are HTML already: ``NavNode.to_mkdocs`` escapes text
from the data); the caller gives the ``url`` function that Material's ``url`` filter is.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from markupsafe import Markup, escape

# Features whose markup this module produces; any of UNSUPPORTED means: use Material's macros.
SUPPORTED = frozenset({"navigation.indexes", "navigation.prune"})
UNSUPPORTED = frozenset({"navigation.tabs", "navigation.sections", "navigation.expand"})


def supports(features: Iterable[str]) -> bool:
    """Whether :func:`render` gives Material's markup for a theme with these ``features``."""
    return not UNSUPPORTED.intersection(features)


def render(
    items: Iterable[Any],
    page: Any,
    *,
    url: Callable[[str], str],
    toc_title: str,
    features: Iterable[str] = SUPPORTED,
    status: Mapping[str, str] | None = None,
    icon: Callable[[str], str] | None = None,
) -> str:
    """The ``<li>`` items of the primary navigation list, for ``page`` (None: no page).

    ``url`` makes a navigation URL relative to the page (Material's ``url`` filter);
    ``toc_title`` labels the active page's table of contents; ``status`` is
    ``extra.status`` (titles of page statuses); ``icon(name)`` returns the SVG of a
    page's ``icon`` (only needed when a page sets one).
    """
    features = set(features)
    if not supports(features):
        raise ValueError(f"navigation features not rendered here: {sorted(UNSUPPORTED & features)}")
    r = _Renderer(
        page, url, toc_title, "navigation.indexes" in features, "navigation.prune" in features, status or {}, icon
    )
    for i, item in enumerate(items, 1):
        r.item(item, f"__nav_{i}", 1)
    return "".join(r.out)


_MISSING: Any = object()  # an attribute the item does not have: Jinja's undefined


def _lookup(obj: Any, name: str) -> Any:
    """Jinja's ``obj.name``: an attribute, else an item (``page.meta`` is a dict), else undefined."""
    try:
        return getattr(obj, name)
    except AttributeError:
        pass
    try:
        return obj[name]
    except (TypeError, LookupError):
        return _MISSING


def _text(value: Any) -> str:
    """A value as Jinja prints it (without autoescape): undefined prints nothing, None "None"."""
    return "" if value is _MISSING else str(value)


def _true(value: Any) -> bool:
    return value is not _MISSING and bool(value)


class _Renderer:
    def __init__(
        self,
        page: Any,
        url: Callable[[str], str],
        toc_title: str,
        indexes: bool,
        prune: bool,
        status: Mapping[str, str],
        icon: Callable[[str], str] | None,
    ) -> None:
        self.page = page
        self.url = url
        self.toc_title = toc_title
        self.indexes = indexes
        self.prune = prune
        self.status = status
        self.icon = icon
        self.out: list[str] = []

    # partials/nav-item.html: render_status, render_title, render_content, render_pruned
    def render_status(self, kind: str) -> None:
        title = self.status.get(kind) if isinstance(self.status, Mapping) else None
        if title:
            self.out.append(f'<span class="md-status md-status--{kind}" title="{title}"></span>')
        else:
            self.out.append(f'<span class="md-status md-status--{kind}"></span>')

    def render_title(self, item: Any) -> None:
        typeset = getattr(item, "typeset", _MISSING)
        if _true(typeset):
            self.out.append(f'<span class="md-typeset">{_text(_lookup(typeset, "title"))}</span>')
        else:
            self.out.append(_text(getattr(item, "title", _MISSING)))

    def render_content(self, item: Any, ref: Any = None) -> None:
        ref = ref or item
        meta = getattr(item, "meta", _MISSING)
        has_meta = _true(meta)
        if has_meta and _true(_lookup(meta, "icon")):
            if self.icon is None:
                raise ValueError("a page sets an icon: pass render(icon=...)")
            self.out.append(self.icon(str(_lookup(meta, "icon"))))
        self.out.append('<span class="md-ellipsis">')
        self.render_title(ref)
        if has_meta and _true(_lookup(meta, "subtitle")):
            self.out.append(f"<br><small>{_text(_lookup(meta, 'subtitle'))}</small>")
        self.out.append("</span>")
        if has_meta and _true(getattr(item, "encrypted", _MISSING)):
            self.render_status("encrypted")
        if has_meta and _true(_lookup(meta, "status")):
            self.render_status(str(_lookup(meta, "status")))

    def render_pruned(self, item: Any, ref: Any = None) -> None:
        ref = ref or item
        children = getattr(item, "children", _MISSING)
        first = next(iter(children), None) if _true(children) else None
        if first is not None and _true(getattr(first, "children", _MISSING)):
            self.render_pruned(first, ref)
            return
        self.out.append(f'<a href="{self.url(_text(getattr(first, "url", _MISSING)))}" class="md-nav__link">')
        self.render_content(ref)
        if _true(children) and len(children) > 0:
            self.out.append('<span class="md-nav__icon md-icon"></span>')
        self.out.append("</a>")

    # partials/nav-item.html: render
    def item(self, item: Any, path: str, level: int) -> None:
        out = self.out
        active = _true(getattr(item, "active", _MISSING))
        cls = "md-nav__item md-nav__item--active" if active else "md-nav__item"
        pages = getattr(item, "pages", _MISSING)
        if _true(pages) and self.page in pages:
            item = self.page  # Material goes on with the page (and its ``active``) in place of the item
            active = _true(getattr(item, "active", _MISSING))
        children = getattr(item, "children", _MISSING)
        if _true(children):
            index = None
            if self.indexes:
                index = next((c for c in children if _true(getattr(c, "is_index", _MISSING))), None)
            pruned = self.prune and not active
            if pruned:
                cls += " md-nav__item--pruned"
            out.append(f'<li class="{cls} md-nav__item--nested">')
            if pruned:
                self.render_pruned(item)
                out.append("</li>")
                return
            checked = " checked" if active else ""
            out.append(f'<input class="md-nav__toggle md-toggle " type="checkbox" id="{path}"{checked}>')
            if index is None:
                out.append(f'<label class="md-nav__link" for="{path}" id="{path}_label" tabindex="0">')
                self.render_content(item)
                out.append('<span class="md-nav__icon md-icon"></span></label>')
            else:
                link_cls = "md-nav__link--active" if index == self.page else ""
                out.append(
                    f'<div class="md-nav__link md-nav__container"><a href="{self.url(_text(getattr(index, "url", _MISSING)))}" class="md-nav__link {link_cls}">'
                )
                self.render_content(index, item)
                out.append("</a>")
                if len(children) > 1:
                    out.append(
                        f'<label class="md-nav__link {link_cls}" for="{path}" id="{path}_label" tabindex="0"><span class="md-nav__icon md-icon"></span></label>'
                    )
                out.append("</div>")
            out.append(
                f'<nav class="md-nav" data-md-level="{level}" aria-labelledby="{path}_label" aria-expanded="{json.dumps(active)}">'
                f'<label class="md-nav__title" for="{path}"><span class="md-nav__icon md-icon"></span>'
            )
            self.render_title(item)
            out.append('</label><ul class="md-nav__list" data-md-scrollfix>')
            for i, child in enumerate(children, 1):
                if index is None or child != index:
                    self.item(child, f"{path}_{i}", level + 1)
            out.append("</ul></nav></li>")
        elif self.page is not None and item == self.page:
            out.append(f'<li class="{cls}"><input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">')
            toc = self.toc_items()
            if toc:
                out.append('<label class="md-nav__link md-nav__link--active" for="__toc">')
                self.render_content(item)
                out.append('<span class="md-nav__icon md-icon"></span></label>')
            out.append(
                f'<a href="{self.url(_text(getattr(item, "url", _MISSING)))}" class="md-nav__link md-nav__link--active">'
            )
            self.render_content(item)
            out.append("</a>")
            if toc:
                self.toc(toc)
            out.append("</li>")
        else:
            out.append(
                f'<li class="{cls}"><a href="{self.url(_text(getattr(item, "url", _MISSING)))}" class="md-nav__link">'
            )
            self.render_content(item)
            out.append("</a></li>")

    # partials/toc.html and toc-item.html, as included by the active page's item
    def toc_items(self) -> list[Any]:
        toc = getattr(self.page, "toc", _MISSING)
        items = list(toc) if _true(toc) else []
        first = items[0] if items else None
        if first is not None and getattr(first, "level", _MISSING) == 1:
            children = getattr(first, "children", _MISSING)
            items = list(children) if _true(children) else []
        return items

    def toc(self, items: list[Any]) -> None:
        title = self.toc_title
        self.out.append(
            f'<nav class="md-nav md-nav--secondary" aria-label="{escape(title)}">'
            f'<label class="md-nav__title" for="__toc"><span class="md-nav__icon md-icon"></span>{title}</label>'
            '<ul class="md-nav__list" data-md-component="toc" data-md-scrollfix>'
        )
        for anchor in items:
            self.toc_item(anchor)
        self.out.append("</ul></nav>")

    def toc_item(self, anchor: Any) -> None:
        out = self.out
        out.append(
            f'<li class="md-nav__item"><a href="{_text(getattr(anchor, "url", _MISSING))}" class="md-nav__link"><span class="md-ellipsis">'
        )
        self.render_title(anchor)
        out.append("</span></a>")
        children = getattr(anchor, "children", _MISSING)
        if _true(children):
            label = escape(Markup(_text(getattr(anchor, "title", _MISSING))).striptags())
            out.append(f'<nav class="md-nav" aria-label="{label}"><ul class="md-nav__list">')
            for child in children:
                self.toc_item(child)
            out.append("</ul></nav>")
        out.append("</li>")

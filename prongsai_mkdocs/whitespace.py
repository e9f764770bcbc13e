"""Lighter HTML: the theme's indentation taken out of every built page.

Material's templates indent their output: 2-3 KB of every page, more where the theme's
macros render long lists. :func:`collapse` turns every run of whitespace that contains a
line break into one line break, which a browser renders exactly as before (both are one
collapsible space, or nothing between blocks), except where whitespace is kept as written:
the text of ``<pre>``, ``<textarea>``, ``<script>``, ``<style>`` (and the old ``<listing>``,
``<xmp>``, ``<plaintext>``), and ``<code>`` and ``<kbd>``, which Material's stylesheet sets
to ``white-space: pre-wrap``. Those are left byte for byte, as is the inside of tags
(attribute values keep their line breaks).

Plain Python over a string, no parser, for HTML as MkDocs, Material and the sanitizer write
it: what it cannot read as a tag it leaves as it is, so malformed input mostly means less
is collapsed. One thing it does not follow the browser in: a raw "<" followed by a letter
inside a tag or an attribute value (``title="</pre>"``) is read as a tag there.
"""

from __future__ import annotations

import re

_WS = "\t\n\f\r "
# A start or end tag with its attributes (quoted values may hold ">"); split out of the text
# so that only text is collapsed. A stray quote makes it run on: less is collapsed, no harm.
_TAG = re.compile(r"""(<[A-Za-z/][^>"']*+(?:(?:"[^"]*+"|'[^']*+')[^>"']*+)*+>)""")
# A run of whitespace holding a line break (written to start with a character class, which
# the regular expression engine finds fast); the same runs as the two below together, which
# are faster on text that is mostly indentation (a literal first, and mostly no second).
_RUN = re.compile(r"[\t\n\f\r ](?:(?<=\n)[\t\n\f\r ]*|[\t\f\r ]*\n[\t\n\f\r ]*)")
_AFTER_BREAK = re.compile(r"\n[\t\n\f\r ]+")
_BEFORE_BREAK = re.compile(r"[\t\f\r ]+\n")
_SEP = "\x00"  # joins the text between tags: no run of whitespace spans it
# A tag that may hold a line break: one outside quotes, or in a quoted value (the quote
# that opens it is matched, as is any stray quote). Mostly none: then all runs are text.
_BREAK_IN_TAG = re.compile(r"""<[A-Za-z/][^>"'\n]*+(?:(?:"[^"\n]*+"|'[^'\n]*+')[^>"'\n]*+)*+[\n"']""")
# Elements whose whitespace is kept: raw text ones run to their end tag whatever they hold,
# the others can nest (a <code> inside a <pre>).
_RAW = frozenset({"script", "style", "textarea", "xmp", "plaintext"})
_KEEP = frozenset({"pre", "listing", "code", "kbd"}) | _RAW
_KEPT = re.compile(rf"<(?:!--.*?-->|(/?)({'|'.join(sorted(_KEEP))})(?=[{_WS}/>]))", re.I | re.S)


def _collapse_text(html: str) -> str:
    """Collapse the runs in the text of ``html``, leaving its tags as they are."""
    if not _BREAK_IN_TAG.search(html):
        html = _AFTER_BREAK.sub("\n", html)
        if " \n" in html or "\t\n" in html or "\r\n" in html or "\f\n" in html:
            html = _BEFORE_BREAK.sub("\n", html)
        return html
    parts = _TAG.split(html)  # text, tag, text, tag, ..., text
    if _SEP in html:
        parts[0::2] = [_RUN.sub("\n", text) for text in parts[0::2]]
    else:
        parts[0::2] = _RUN.sub("\n", _SEP.join(parts[0::2])).split(_SEP)
    return "".join(parts)


def collapse(html: str) -> str:
    """``html`` with each run of whitespace holding a line break made one line break,
    outside tags, comments and the elements that keep their whitespace."""
    out: list[str] = []
    start = 0  # of the text not yet written out
    pos = 0  # where to look for the next element that keeps its whitespace
    open_: dict[str, int] = {}  # such elements open at pos, by name
    while m := _KEPT.search(html, pos):
        if m.group(2) is None:  # a comment: what it holds is no element
            pos = m.end()
            continue
        closing, name = m.group(1), m.group(2).lower()
        tag = _TAG.match(html, m.start())
        tag_end = tag.end() if tag else m.end()
        kept = any(open_.values())
        if closing:
            pos = tag_end
            if open_.get(name):
                open_[name] -= 1
                if not any(open_.values()):  # the kept stretch ends with this end tag
                    out.append(html[start:pos])
                    start = pos
            continue
        if not kept:  # a kept stretch begins: collapse the text before it
            out.append(_collapse_text(html[start : m.start()]))
            start = m.start()
        if name in _RAW:
            end = re.compile(rf"</{name}(?=[{_WS}/>])", re.I).search(html, tag_end)
            if end is None or name == "plaintext":
                return "".join(out) + html[start:]  # raw to the end of the document
            close = _TAG.match(html, end.start())
            pos = close.end() if close else end.end()
            if not kept:
                out.append(html[start:pos])
                start = pos
            continue
        open_[name] = open_.get(name, 0) + 1
        pos = tag_end
    if any(open_.values()):  # an element left open keeps its whitespace to the end
        out.append(html[start:])
    else:
        out.append(_collapse_text(html[start:]))
    return "".join(out)

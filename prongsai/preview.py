"""A copy of the built site that an editor opens from disk (``file://``), for a pull request.

Why a browsable artifact, not a preview deployment: GitHub Pages serves one site per
repository (the municipality's real one), and a preview host per pull request would be a
third party holding unpublished records and a token. The artifact needs nothing: the
editor downloads ``preview`` from the pull request's check, unzips it and double-clicks
``index.html``.

What changes from the built site: every page links to folders (``../o1/``), which a web
server answers with ``index.html`` but a browser reading files shows as a directory
listing, so each relative link to a folder gets ``index.html`` appended. Everything else
is byte for byte the built site. What cannot work from disk is said on the pull request:
the Thai search and the print editions fetch other files, which browsers refuse to
scripts of ``file://`` pages.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

# href="...", src="...", action="..." (double or single quotes), as the theme and the pages write them
_ATTR = re.compile(r"""(\s(?:href|src|action)=)(["'])([^"'<>]*)\2""")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def _to_file(url: str) -> str:
    """``../o1/#x`` -> ``../o1/index.html#x``; absolute, scheme and in-page links unchanged."""
    if not url or url.startswith(("#", "/", "?")) or _SCHEME.match(url):
        return url
    cut = min((i for i in (url.find("#"), url.find("?")) if i >= 0), default=len(url))
    path, rest = url[:cut], url[cut:]
    if path.rsplit("/", 1)[-1] in ("", ".", ".."):  # a folder: ``../o1/``, ``..``, ``../../..``
        path = path.rstrip("/") + "/index.html" if path.strip("/") else "index.html"
    return path + rest


def rewrite(html: str) -> str:
    return _ATTR.sub(lambda m: f"{m[1]}{m[2]}{_to_file(m[3])}{m[2]}", html)


def make_preview(site: Path, out: Path) -> int:
    """Copy ``site`` to ``out`` with links that work from disk; the number of pages rewritten."""
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(site, out)
    pages = 0
    for page in sorted(out.rglob("*.html")):
        text = page.read_text("utf-8")
        new = rewrite(text)
        if new != text:
            page.write_text(new, "utf-8")
            pages += 1
    return pages

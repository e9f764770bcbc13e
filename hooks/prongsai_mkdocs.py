"""MkDocs adapter over the prongsai core: load the data, add the pages, set the navigation.

Thin on purpose (MkDocs 2 drops hooks): everything that knows about the data lives in
the ``prongsai`` package, which imports nothing from MkDocs.
"""

from __future__ import annotations

import html
import json
import os
import time
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import normalize_url

from prongsai import DataError, fastmd, load_site, navhtml, whitespace
from prongsai.output import Output, engine_options, generate
from prongsai.pages import site_description

log = get_plugin_logger(__name__)

# Output of the build in progress: set in on_config, read in on_files. Made anew on every
# build (mkdocs serve reloads the config on each change), never cached across builds.
_output = Output()
# The sitemap's lastmod of each page: the newest date in its data, so that two builds of
# the same data are byte-identical. Pages without one (hand-written) get SOURCE_DATE_EPOCH
# (set by scripts/site.sh from the last commit) or, without it, the newest date in the data.
_dates: dict[str, str] = {}
_fallback_date: str | None = None
# Generated pages rendered by the fast path (src -> html and TOC), see on_page_markdown.
_generated: set[str] = set()
_rendered: dict[str, tuple[str, list[dict]]] = {}


# Where the hook's time goes, for benchmarks/build_archive.py: written as JSON to the file
# named by PRONGSAI_BUILD_TIMES at the end of a build (nothing is written without it).
_times: dict[str, float] = {}


def _timed(name: str) -> Any:
    def wrap(fn: Any) -> Any:
        def run(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                _times[name] = _times.get(name, 0.0) + time.perf_counter() - start

        run.__name__, run.__doc__ = fn.__name__, fn.__doc__
        return run

    return wrap


@_timed("load_validate_generate")
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _output, _dates, _fallback_date, _generated
    _times.clear()
    root = Path(config.config_file_path).parent
    options = engine_options(config.extra.get("prongsai"), site_url=config.site_url, docs_dir=config.docs_dir)
    try:
        site = load_site(root / options.get("data", "data"), Path(config.docs_dir))
        _output = generate(site, options)
    except DataError as exc:
        raise PluginError(str(exc)) from None
    for notice in _output.notices:
        log.info(notice)
    for warning in _output.warnings:
        log.warning(warning)
    # the theme prints both as raw HTML (in the header, <title>, attributes and footer)
    config.site_name = html.escape(site.organization.name)
    config.copyright = config.copyright or html.escape(site.organization.name)
    config.site_description = config.site_description or html.escape(site_description(site))
    _dates = {p.src: p.updated.isoformat() for p in _output.pages if p.updated}
    newest = max(_dates.values(), default=None)
    _fallback_date = None if "SOURCE_DATE_EPOCH" in os.environ else newest
    config.nav = [node.to_mkdocs() for node in _output.nav] + list(config.nav or [])
    _generated = {page.src for page in _output.pages if page.templated}
    _rendered.clear()
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    in_nav = {src for node in _output.nav for src in node.sources()}
    # collisions by destination: a hand-written 2568/report.md would take the URL of 2568/report/index.md
    taken = {f.dest_uri: f.src_uri for f in files}
    pages = [(p.src, p.markdown, p.src in in_nav) for p in _output.pages]
    for src, content, listed in pages + [(f.path, f.content, True) for f in _output.files]:
        # a generated page left out of the navigation on purpose (search results) is no omission
        inclusion = InclusionLevel.UNDEFINED if listed else InclusionLevel.NOT_IN_NAV
        file = File.generated(config, src, content=content, inclusion=inclusion)
        if file.dest_uri in taken:
            raise PluginError(
                f"docs/{taken[file.dest_uri]} ซ้ำกับหน้าที่ระบบสร้างจากข้อมูล ให้ลบหรือเปลี่ยนชื่อไฟล์นี้ "
                "(a hand-written file collides with a generated one)"
            )
        files.append(file)
    return files


def on_env(env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    """The primary navigation rendered in Python (prongsai.navhtml) instead of Material's
    recursive macros: overrides/partials/nav.html calls ``prongsai_nav`` when it is defined."""
    features = list(config.theme.get("features") or [])
    if not navhtml.supports(features):
        return env  # tabs, sections or expand: Material's own macros render the navigation
    status = config.extra.get("status") or {}

    @jinja2.pass_context
    @_timed("page_hooks")
    def prongsai_nav(context: jinja2.runtime.Context, items: Any, toc_title: str) -> Markup:
        page = context.get("page")
        base = context.get("base_url", "")

        def icon(name: str) -> str:  # Material's {% include ".icons/" ~ icon ~ ".svg" %}
            return env.get_template(f".icons/{name}.svg").render(context.get_all())

        return Markup(
            navhtml.render(
                items,
                page,
                url=lambda u: normalize_url(u, page=page, base=base),
                toc_title=toc_title,
                features=features,
                status=status,
                icon=icon,
            )
        )

    env.globals["prongsai_nav"] = prongsai_nav
    return env


def on_pre_page(page: Page, *, config: MkDocsConfig, files: Files) -> Page:
    date = _dates.get(page.file.src_uri) or _fallback_date
    if date:
        page.update_date = date
    return page


@_timed("page_hooks")
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Generated pages skip Python-Markdown: their fixed subset (headings and HTML blocks)
    is rendered by prongsai.fastmd, to the same HTML, in a fraction of the time."""
    if page.file.src_uri not in _generated:
        return markdown
    permalink = (config.mdx_configs.get("toc") or {}).get("permalink", True)
    _rendered[page.file.src_uri] = fastmd.render(markdown, "&para;" if permalink is True else str(permalink))
    return ""


@_timed("page_hooks")
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    found = _rendered.pop(page.file.src_uri, None)
    if found is None:
        return html
    content, tokens = found
    page.toc = get_toc(tokens)  # type: ignore[arg-type]
    page.present_anchor_ids = fastmd.anchor_ids(content)  # so links into this page are checked
    return content


@_timed("page_hooks")
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    """The theme's indentation out of every page (prongsai.whitespace), with no change a reader sees."""
    return whitespace.collapse(output)


def on_post_build(*, config: MkDocsConfig) -> None:
    target = os.environ.get("PRONGSAI_BUILD_TIMES")
    if target:
        Path(target).write_text(json.dumps(_times), "utf-8")

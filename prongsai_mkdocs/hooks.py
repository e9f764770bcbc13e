"""The MkDocs events of prongsai: load the data, apply the site configuration, add the pages.

Everything about the data is decided by ``prongsai.output.generate``; these functions
only place its frozen result in MkDocs (and render it faster where Material allows).
"""

from __future__ import annotations

import os
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

from prongsai import DataError, load_site
from prongsai.options import Options
from prongsai.output import Output, generate

from . import fastmd, navhtml, timing, twins, whitespace
from .timing import timed

log = get_plugin_logger("prongsai")


class _Build:
    """What one build knows: made anew in on_config (``mkdocs serve`` reloads the config on
    each change), never cached across builds."""

    def __init__(self, output: Output | None = None, off: frozenset[str] = frozenset()) -> None:
        self.output = output
        self.off = off
        # the sitemap's lastmod of each page: the newest date in its data, so that two builds
        # of the same data are byte-identical; hand-written pages get SOURCE_DATE_EPOCH (set
        # by scripts/site.sh from the last commit) or, without it, the newest date in the data
        self.dates = {p.src: p.updated.isoformat() for p in output.pages if p.updated} if output else {}
        newest = max(self.dates.values(), default=None)
        self.fallback_date = None if "SOURCE_DATE_EPOCH" in os.environ else newest
        # generated pages rendered by prongsai_mkdocs.fastmd (src -> html and TOC)
        self.fast = {p.src for p in output.pages if p.templated} if output and "fastmd" not in off else set()
        self.rendered: dict[str, tuple[str, list[dict]]] = {}


_build = _Build()


@timed("load_validate_generate")
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build
    timing.times.clear()
    root = Path(config.config_file_path).parent
    try:
        off = twins.switched_off()
        options = Options.from_config(
            config.extra.get("prongsai"),
            site_url=config.site_url,
            docs_dir=config.docs_dir,
            config_file=config.config_file_path,
        )
        output = generate(load_site(root / options.data, Path(config.docs_dir)), options)
    except (DataError, ValueError) as exc:
        raise PluginError(str(exc)) from None
    for notice in output.notices:
        log.info(notice)
    for warning in output.warnings:
        log.warning(warning)
    for key, value in output.config.settings(config).items():
        config[key] = value
    _build = _Build(output, off)
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    assert _build.output is not None
    out = _build.output
    # collisions by destination: a hand-written 2568/report.md would take the URL of 2568/report/index.md
    taken = {f.dest_uri: f.src_uri for f in files}
    left_out = set(out.config.not_in_nav)
    for src, content in [(p.src, p.markdown) for p in out.pages] + [(f.path, f.content) for f in out.files]:
        # a generated page left out of the navigation on purpose (search results) is no omission
        inclusion = InclusionLevel.NOT_IN_NAV if src in left_out else InclusionLevel.UNDEFINED
        file = File.generated(config, src, content=content, inclusion=inclusion)
        if file.dest_uri in taken:
            raise PluginError(
                f"docs/{taken[file.dest_uri]} ซ้ำกับหน้าที่ระบบสร้างจากข้อมูล ให้ลบหรือเปลี่ยนชื่อไฟล์นี้ "
                "(a hand-written file collides with a generated one)"
            )
        files.append(file)
    return files


def on_env(env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    """The primary navigation rendered in Python (prongsai_mkdocs.navhtml) instead of Material's
    recursive macros: overrides/partials/nav.html calls ``prongsai_nav`` when it is defined."""
    features = list(config.theme.get("features") or [])
    if "navhtml" in _build.off or not navhtml.supports(features):
        return env  # tabs, sections or expand: Material's own macros render the navigation
    status = config.extra.get("status") or {}

    @jinja2.pass_context
    @timed("page_hooks")
    def prongsai_nav(context: jinja2.runtime.Context, items: Any, toc_title: str) -> Markup:
        page = context.get("page")
        base = context.get("base_url", "")

        def icon(name: str) -> str:  # Material's {% include ".icons/" ~ icon ~ ".svg" %}
            return env.get_template(f".icons/{name}.svg").render(context.get_all())

        url = lambda u: normalize_url(u, page=page, base=base)  # noqa: E731 - Material's url filter
        return Markup(navhtml.render(items, page, url=url, toc_title=toc_title, features=features, status=status, icon=icon))

    env.globals["prongsai_nav"] = prongsai_nav
    return env


def on_pre_page(page: Page, *, config: MkDocsConfig, files: Files) -> Page:
    date = _build.dates.get(page.file.src_uri) or _build.fallback_date
    if date:
        page.update_date = date
    return page


@timed("page_hooks")
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Generated pages skip Python-Markdown: their fixed subset (headings and HTML blocks)
    is rendered by prongsai_mkdocs.fastmd, to the same HTML, in a fraction of the time."""
    if page.file.src_uri not in _build.fast:
        return markdown
    permalink = (config.mdx_configs.get("toc") or {}).get("permalink", True)
    _build.rendered[page.file.src_uri] = fastmd.render(markdown, "&para;" if permalink is True else str(permalink))
    return ""


@timed("page_hooks")
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    found = _build.rendered.pop(page.file.src_uri, None)
    if found is None:
        return html
    content, tokens = found
    page.toc = get_toc(tokens)  # type: ignore[arg-type]
    page.present_anchor_ids = fastmd.anchor_ids(content)  # so links into this page are checked
    return content


@timed("page_hooks")
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    """The theme's indentation out of every page (prongsai_mkdocs.whitespace), with no change a reader sees."""
    return output if "whitespace" in _build.off else whitespace.collapse(output)


def on_post_build(*, config: MkDocsConfig) -> None:
    timing.write()

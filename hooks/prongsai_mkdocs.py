"""MkDocs adapter over the prongsai core: load the data, add the pages, set the navigation.

Thin on purpose (MkDocs 2 drops hooks): everything that knows about the data lives in
the ``prongsai`` package, which imports nothing from MkDocs.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from prongsai import DataError, fastmd, load_site
from prongsai.output import Output, generate

log = get_plugin_logger(__name__)

# Output of the build in progress: set in on_config, read in on_files. Made anew on every
# build (mkdocs serve reloads the config on each change), never cached across builds.
_output = Output()
# Generated pages rendered by the fast path (src -> html and TOC), see on_page_markdown.
_generated: set[str] = set()
_rendered: dict[str, tuple[str, list[dict]]] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _output, _generated
    root = Path(config.config_file_path).parent
    options = dict(config.extra.get("prongsai") or {})
    options.setdefault("site_url", config.site_url or "")
    try:
        site = load_site(root / options.get("data", "data"), Path(config.docs_dir))
        _output = generate(site, options)
    except DataError as exc:
        raise PluginError(str(exc)) from None
    for notice in _output.notices:
        log.info(notice)
    for warning in _output.warnings:
        log.warning(warning)
    config.site_name = site.organization.name
    config.copyright = config.copyright or site.organization.name
    config.nav = [node.to_mkdocs() for node in _output.nav] + list(config.nav or [])
    _generated = {page.src for page in _output.pages}
    _rendered.clear()
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    for page in _output.pages:
        _refuse_collision(files, page.src)
        files.append(File.generated(config, page.src, content=page.markdown))
    for extra in _output.files:
        _refuse_collision(files, extra.path)
        files.append(File.generated(config, extra.path, content=extra.content))
    return files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Generated pages skip Python-Markdown: their fixed subset (headings and HTML blocks)
    is rendered by prongsai.fastmd, to the same HTML, in a fraction of the time."""
    if page.file.src_uri not in _generated:
        return markdown
    permalink = (config.mdx_configs.get("toc") or {}).get("permalink", True)
    _rendered[page.file.src_uri] = fastmd.render(markdown, "&para;" if permalink is True else str(permalink))
    return ""


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    found = _rendered.pop(page.file.src_uri, None)
    if found is None:
        return html
    content, tokens = found
    page.toc = get_toc(tokens)  # type: ignore[arg-type]
    return content


def _refuse_collision(files: Files, src: str) -> None:
    if files.get_file_from_path(src) is not None:
        raise PluginError(
            f"docs/{src} ซ้ำกับหน้าที่ระบบสร้างจากข้อมูล ให้ลบหรือเปลี่ยนชื่อไฟล์นี้ "
            "(a hand-written file collides with a generated one)"
        )

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

from prongsai import DataError, load_site
from prongsai.pages import Page, build_pages

log = get_plugin_logger(__name__)

# Pages of the build in progress: set in on_config, read in on_files. Rebuilt every build
# (mkdocs serve reloads the config on each change), never cached across builds.
_pages: list[Page] = []


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _pages
    root = Path(config.config_file_path).parent
    settings = config.extra.get("prongsai") or {}
    data_dir = root / settings.get("data", "data")
    try:
        site = load_site(data_dir, Path(config.docs_dir))
    except DataError as exc:
        raise PluginError(str(exc)) from None
    _pages, nav = build_pages(site)
    config.site_name = site.organization.name
    config.copyright = config.copyright or f"{site.organization.name}"
    config.nav = [node.to_mkdocs() for node in nav] + list(config.nav or [])
    log.debug("generated %d pages", len(_pages))
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    for page in _pages:
        if files.get_file_from_path(page.src) is not None:
            raise PluginError(
                f"docs/{page.src} ซ้ำกับหน้าที่ระบบสร้างจากข้อมูล ให้ลบหรือเปลี่ยนชื่อไฟล์นี้ "
                "(a hand-written page collides with a generated one)"
            )
        files.append(File.generated(config, page.src, content=page.markdown))
    return files

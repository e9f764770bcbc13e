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
from prongsai.output import Output, generate

log = get_plugin_logger(__name__)

# Output of the build in progress: set in on_config, read in on_files. Made anew on every
# build (mkdocs serve reloads the config on each change), never cached across builds.
_output = Output()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _output
    root = Path(config.config_file_path).parent
    options = dict(config.extra.get("prongsai") or {})
    try:
        site = load_site(root / options.get("data", "data"), Path(config.docs_dir))
    except DataError as exc:
        raise PluginError(str(exc)) from None
    _output = generate(site, options)
    for warning in _output.warnings:
        log.warning(warning)
    config.site_name = site.organization.name
    config.copyright = config.copyright or site.organization.name
    config.nav = [node.to_mkdocs() for node in _output.nav] + list(config.nav or [])
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    # by destination: a hand-written 2568/report.md would take the URL of 2568/report/index.md
    taken = {f.dest_uri: f.src_uri for f in files}
    generated = [(p.src, p.markdown) for p in _output.pages] + [(f.path, f.content) for f in _output.files]
    for src, content in generated:
        file = File.generated(config, src, content=content)
        if file.dest_uri in taken:
            raise PluginError(
                f"docs/{taken[file.dest_uri]} ซ้ำกับหน้าที่ระบบสร้างจากข้อมูล ให้ลบหรือเปลี่ยนชื่อไฟล์นี้ "
                "(a hand-written file collides with a generated one)"
            )
        files.append(file)
    return files

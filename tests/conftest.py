from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"

MKDOCS_YML = """\
site_name: test
site_url: {site_url}
strict: true
theme:
  name: material
  language: th
  custom_dir: {repo}/overrides
  font: false
  features: [navigation.indexes, navigation.prune]
extra_css: [assets/prongsai.css]
markdown_extensions: [attr_list, md_in_html, tables, {{toc: {{permalink: true}}}}]
plugins: [search]
hooks: [{repo}/hooks/prongsai_mkdocs.py]
validation: {{omitted_files: warn, absolute_links: warn, unrecognized_links: warn, anchors: warn}}
"""


def make_project(dest: Path, fixture: str = "mini", site_url: str = "https://test.example/sub/path/") -> Path:
    """Copy a fixture data tree to ``dest`` with an mkdocs.yml pointing at this repo's hooks."""
    shutil.copytree(FIXTURES / fixture, dest, dirs_exist_ok=True)
    (dest / "docs").mkdir(exist_ok=True)
    (dest / "mkdocs.yml").write_text(MKDOCS_YML.format(repo=REPO.as_posix(), site_url=site_url), "utf-8")
    return dest


def build(project: Path) -> Path:
    """Build a project in-process, as ``mkdocs build --strict`` does; return the site folder."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    site_dir = project / "site"
    cfg = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
    mkdocs_build(cfg)
    return site_dir


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    return make_project(tmp_path / "mini")


def write(project: Path, rel: str, text: str) -> None:
    path = project / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")


pytest_plugins = ["tests.browser", "tests.citizens"]

"""Fixtures for the citizen-facing tests: the bundled example built once per session and served.

The search, accessibility, print and page-weight tests all look at the same site, so it is
built once (``mkdocs build --strict`` in-process, as the README's command builds it).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="session")
def example_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    site_dir = tmp_path_factory.mktemp("citizens") / "site"
    mkdocs_build(load_config(config_file=str(REPO / "mkdocs.yml"), site_dir=str(site_dir), strict=True))
    return site_dir


@pytest.fixture(scope="session")
def example_base(example_dir: Path, serve: Callable[[Path], str]) -> str:
    return serve(example_dir)


@pytest.fixture(scope="session")
def example_site_path_base(
    example_dir: Path, serve: Callable[[Path], str], tmp_path_factory: pytest.TempPathFactory
) -> str:
    """The site served under the path of its site_url (/ita/), as a server with the real
    address would: the 404 page, sent for any missing address, links its assets from there."""
    root = tmp_path_factory.mktemp("root")
    (root / "ita").symlink_to(example_dir, target_is_directory=True)
    return serve(root) + "ita/"

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

"""The core outlives the engine: it validates and exports with nothing but its declared dependencies.

A Python is started without site-packages (``-S``) and given only prongsai and the
distributions its ``pyproject.toml`` requires (followed transitively through their
metadata): no MkDocs, no Material, no ProperDocs, no Zensical. It must validate the
data and write the exported Markdown, exactly as with everything installed.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement

from .conftest import REPO, make_project


def _closure(name: str) -> set[str]:
    """The distribution ``name`` needs at run time (no extras), itself included."""
    seen: set[str] = set()
    todo = [name]
    while todo:
        dist = metadata.distribution(todo.pop())
        key = dist.metadata["Name"].lower().replace("_", "-")
        if key in seen:
            continue
        seen.add(key)
        for req in dist.requires or []:
            r = Requirement(req)
            if r.marker is None or r.marker.evaluate({"extra": ""}):
                todo.append(r.name)
    return seen


def _top_level(dist: metadata.Distribution) -> set[str]:
    names = set()
    for f in dist.files or []:
        top = f.parts[0]
        if top in ("..", "__pycache__") or f.suffix == ".pth":  # dist-info stays: Markdown finds extensions by entry point
            continue
        names.add(top)
    return names


def test_the_core_runs_with_only_its_own_dependencies(tmp_path: Path) -> None:
    needed = _closure("prongsai") - {"prongsai"}
    assert {"pydantic", "jinja2", "markdown", "nh3"} <= needed
    assert not needed & {"mkdocs", "mkdocs-material", "properdocs", "zensical"}
    lib = tmp_path / "lib"
    lib.mkdir()
    for name in needed:
        dist = metadata.distribution(name)
        for top in _top_level(dist):
            (lib / top).symlink_to(Path(str(dist.locate_file(top))))
    project = make_project(tmp_path / "project")
    boot = f"import sys; sys.path[:0] = [{str(lib)!r}, {str(REPO)!r}]; import runpy; runpy.run_module('prongsai', run_name='__main__')"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
        return subprocess.run(
            [sys.executable, "-S", "-E", "-c", boot, *args],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )

    probe = subprocess.run(
        [sys.executable, "-S", "-E", "-c", f"import sys; sys.path[:0] = [{str(lib)!r}]; import mkdocs"],
        capture_output=True,
        text=True,
    )
    assert "No module named 'mkdocs'" in probe.stderr  # the engine is really absent here
    validated = run("validate")
    assert validated.returncode == 0, validated.stderr
    assert "ข้อมูลถูกต้อง" in validated.stdout
    exported = run("export-markdown", str(tmp_path / "export"))
    assert exported.returncode == 0, exported.stderr
    pages = sorted((tmp_path / "export/docs").rglob("*.md"))
    assert len(pages) > 20 and re.search(r"\d+ pages", exported.stdout)

"""Pins and ranges: the upgrade path of the README ("Versions") holds.

``pyproject.toml`` says what the code works with (ranges with upper bounds);
``requirements*.txt`` say what it is built and tested with (exact pins). An upgrade
changes a pin (and the range, if it crosses a bound) and runs the test command: these
tests then say whether the pins still sit inside the ranges, whether the venv really
holds the pins, and whether the installed set is consistent.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from .conftest import REPO, make_project

REQUIREMENTS = ("requirements.txt", "requirements-engines.txt", "requirements-test.txt")


def _ranges() -> dict[str, Requirement]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]
    reqs = list(project["dependencies"])
    for group in project["optional-dependencies"].values():
        reqs += group
    return {canonicalize_name(r.name): r for r in map(Requirement, reqs)}


def _pins() -> dict[str, tuple[str, str]]:
    """name -> (version, file) for every ``name==version`` line; anything else is refused."""
    pins: dict[str, tuple[str, str]] = {}
    for name in REQUIREMENTS:
        for n, line in enumerate((REPO / name).read_text("utf-8").splitlines(), 1):
            line = line.split("#", 1)[0].strip()
            if not line or line.startswith("-r "):
                continue
            line, _, marker = line.partition(";")  # a platform condition (nlpo3: where it has a wheel)
            m = re.fullmatch(r"([A-Za-z0-9_.\-]+)==([A-Za-z0-9_.\-+!]+)", line.strip())
            assert m, f"{name}:{n}: pin exactly, name==version: {line!r}"
            key = canonicalize_name(m.group(1))
            assert key not in pins, f"{name}:{n}: {key} is pinned twice"
            if marker and not Marker(marker).evaluate():
                continue  # not installed on this platform
            pins[key] = (m.group(2), name)
    return pins


def test_every_range_has_an_upper_bound() -> None:
    for name, req in _ranges().items():
        assert any(s.operator in ("<", "<=", "~=", "==") for s in req.specifier), f"{name}: add an upper bound ({req})"


def test_every_range_is_pinned_and_every_pin_sits_in_its_range() -> None:
    pins = _pins()
    for name, req in _ranges().items():
        if req.marker and not req.marker.evaluate({"extra": ""}):
            continue
        assert name in pins, f"{name} ({req}) has no pin in {', '.join(REQUIREMENTS)}"
        version, file = pins[name]
        assert req.specifier.contains(
            version, prereleases=True
        ), f"{file}: {name}=={version} is outside pyproject's {req}"


def test_the_environment_holds_exactly_the_pins() -> None:
    for name, (version, file) in _pins().items():
        assert (
            metadata.version(name) == version
        ), f"{file}: {name}=={version} but {metadata.version(name)} is installed: run scripts/test.sh"


def test_the_installed_set_is_consistent() -> None:
    out = subprocess.run([sys.executable, "-m", "pip", "check"], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def test_the_engine_banners_are_silenced_by_the_scripts_and_only_there(tmp_path: Path) -> None:
    """Material prints an end-of-life banner when run as ``mkdocs``; the scripts' variables keep logs for editors."""
    venv_sh = (REPO / "scripts/_venv.sh").read_text("utf-8")
    assert "export NO_MKDOCS_2_WARNING=1" in venv_sh and "export DISABLE_MKDOCS_2_WARNING=true" in venv_sh
    project = make_project(tmp_path / "mini")
    mkdocs = str(Path(sys.executable).parent / "mkdocs")
    bare = {k: v for k, v in os.environ.items() if k not in ("NO_MKDOCS_2_WARNING", "DISABLE_MKDOCS_2_WARNING")}
    args = [mkdocs, "build", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(tmp_path / "site")]
    loud = subprocess.run(args, env=bare, capture_output=True, text=True, timeout=120)
    quiet = subprocess.run(
        args,
        env={**bare, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert loud.returncode == 0 and quiet.returncode == 0, loud.stderr + quiet.stderr
    assert "Material for MkDocs reaches end of life" in loud.stderr
    assert "end of life" not in quiet.stderr and "ProperDocs" not in quiet.stderr

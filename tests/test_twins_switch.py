"""``PRONGSAI_TWINS_OFF``: a build without the fast twins is the same site, slower.

The benchmark measures what each twin (fastmd, navhtml, whitespace, plaintext) saves by
building without it; this checks that the switch really takes each one out and changes
nothing a reader gets: not a byte where the twin only saves time (fastmd, plaintext), not
the elements and text where it also makes pages lighter (navhtml, whitespace).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from prongsai_mkdocs import fastmd, navhtml, whitespace

from .conftest import build
from .engines import differences, read_site


def _build(project: Path, site: Path, off: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PRONGSAI_TWINS_OFF": off}
    args = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site)]
    return subprocess.run(args, capture_output=True, text=True, env=env, timeout=300)


def test_without_the_fast_paths_the_site_reads_the_same(mini: Path, tmp_path: Path) -> None:
    fast, slow = tmp_path / "fast", tmp_path / "slow"
    assert _build(mini, fast, "").returncode == 0
    result = _build(mini, slow, "fastmd, navhtml,whitespace,plaintext")
    assert result.returncode == 0, result.stderr
    assert differences(read_site(fast), read_site(slow), "twins off") == []
    fast_home, slow_home = ((s / "index.html").read_text("utf-8") for s in (fast, slow))
    assert "\n  " not in fast_home.split("<body", 1)[1].split("<script", 1)[0]
    assert "\n  " in slow_home.split("<body", 1)[1]  # the theme's indentation is back: whitespace was off
    assert "md-nav__link" in slow_home and len(slow_home) > len(fast_home)


def test_an_unknown_twin_is_a_clean_error(mini: Path, tmp_path: Path) -> None:
    result = _build(mini, tmp_path / "site", "fastmdd")
    assert result.returncode == 1 and "PRONGSAI_TWINS_OFF: ไม่รู้จัก fastmdd" in result.stderr
    assert "Traceback" not in result.stderr


ENGINE_TWINS = ("fastmd", "navhtml", "whitespace")


@pytest.mark.parametrize("twin", ENGINE_TWINS)
def test_each_switch_takes_out_its_shortcut_only(twin: str, mini: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: dict[str, int] = dict.fromkeys(ENGINE_TWINS, 0)
    for name, module, function in (
        ("fastmd", fastmd, "render"),
        ("navhtml", navhtml, "render"),
        ("whitespace", whitespace, "collapse"),
    ):
        real = getattr(module, function)

        def counted(*args: Any, _real: Any = real, _name: str = name, **kwargs: Any) -> Any:
            calls[_name] += 1
            return _real(*args, **kwargs)

        monkeypatch.setattr(module, function, counted)
    monkeypatch.setenv("PRONGSAI_TWINS_OFF", twin)
    build(mini)
    assert calls[twin] == 0
    assert all(calls[other] > 20 for other in ENGINE_TWINS if other != twin), calls


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_without_the_markdown_shortcuts_every_file_is_the_same(tmp_path: Path) -> None:
    """The example: Python-Markdown (and nh3, for the text fields) give every byte the shortcuts give."""
    from .conftest import REPO

    fast, slow = tmp_path / "fast", tmp_path / "slow"
    for site, off in ((fast, ""), (slow, "fastmd,plaintext")):
        result = _build(REPO, site, off)
        assert result.returncode == 0, result.stderr
    fast_files, slow_files = _files(fast), _files(slow)
    assert len(fast_files) > 200
    assert [n for n in fast_files.keys() | slow_files.keys() if fast_files.get(n) != slow_files.get(n)] == []

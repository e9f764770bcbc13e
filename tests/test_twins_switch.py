"""``PRONGSAI_TWINS_OFF``: a build without the adapter's fast paths is the same site, slower.

The benchmark measures what each shortcut (fastmd, navhtml, whitespace) saves by building
without it; this checks that the switch really takes each one out and changes nothing a
reader gets.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .engines import differences, read_site


def _build(project: Path, site: Path, off: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PRONGSAI_TWINS_OFF": off}
    args = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site)]
    return subprocess.run(args, capture_output=True, text=True, env=env, timeout=300)


def test_without_the_fast_paths_the_site_reads_the_same(mini: Path, tmp_path: Path) -> None:
    fast, slow = tmp_path / "fast", tmp_path / "slow"
    assert _build(mini, fast, "").returncode == 0
    result = _build(mini, slow, "fastmd, navhtml,whitespace")
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

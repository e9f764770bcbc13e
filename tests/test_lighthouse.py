"""Lighthouse 12 (mobile, simulated slow 4G) on every page type of the example, served
compressed as a static host serves it (scripts/lighthouse.py): performance >= 95,
accessibility, best practices and SEO 100 (issue 15)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .citizens import REPO


def test_every_page_type_meets_the_lighthouse_targets(example_dir: Path) -> None:
    run = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "lighthouse.py"), "--site", str(example_dir)],
        capture_output=True,
        text=True,
        timeout=1500,
    )
    print(run.stdout)  # the table, for the record (pytest -s)
    assert run.returncode == 0, run.stdout + run.stderr
    rows = [line for line in run.stdout.splitlines() if line.startswith("| ") and not line.startswith("| page")]
    assert len(rows) >= 15

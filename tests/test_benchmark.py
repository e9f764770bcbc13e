"""The benchmark script keeps working (figures are printed by the script, never asserted here)."""

from __future__ import annotations

import re
import subprocess
import sys

from .conftest import REPO

BENCH = re.compile(
    r"^BENCH ratio=\d+\.\d\d growth=(\d+\.\d\d|nan) overhead_pct=\d+\.\d peak_mb=\d+ max_page_kb=\d+\.\d first_view_kb=\d+$"
)


def test_the_benchmark_builds_a_small_archive_and_prints_its_summary() -> None:
    out = subprocess.run(
        [sys.executable, "benchmarks/build_archive.py", "--years", "2", "--no-serve", "--repeat", "1", "--twins", "1"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    lines = out.stdout.strip().splitlines()
    assert BENCH.match(lines[-1]), lines[-1]
    assert any("largest HTML per page type" in line for line in lines)
    assert any("baseline" in line for line in lines)
    # each fast twin still kept says what it saves, measured by building without it
    for twin in ("fastmd", "navhtml", "whitespace", "plaintext"):
        assert any(re.match(rf"twin {twin}: build with \d+\.\d\d s, without \d+\.\d\d s \(saves -?\d+%", line) for line in lines), twin

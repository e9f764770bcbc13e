"""The hostile-input corpus: each case in tests/hostile/ is the small fixture tree with a few
files replaced (or deleted), and the exact lines the loader must answer with.

A case folder holds the files that differ from tests/fixtures/mini (same paths), an optional
``delete.txt`` (paths to remove, one a line) and ``expected.txt``: the exact problems, one a
line, in the order the loader reports them. An empty ``expected.txt`` means the tree must be
accepted (a BOM, CRLF, Thai digits ... that are fine). The category is the name's part
before ``--``; README.md in the folder lists them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from prongsai import DataError, load_site

from .conftest import make_project

HOSTILE = Path(__file__).parent / "hostile"
CASES = sorted(p.name for p in HOSTILE.iterdir() if p.is_dir())
CATEGORIES = {
    "syntax", "duplicate-key", "bom", "crlf", "thai-digits", "era", "yaml11", "unknown-field", "wrong-type",
    "empty-file", "missing-field", "unknown-measure", "unknown-oit", "unknown-unit", "out-of-year", "percent",
    "duplicate-id", "long-text", "deep-nesting", "encoding", "privacy", "evidence", "unknown-file", "injection",
}  # fmt: skip


def apply_case(case: str, dest: Path) -> Path:
    """The fixture project with the case's files laid over it."""
    project = make_project(dest)
    folder = HOSTILE / case
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_file() and rel not in ("expected.txt", "delete.txt"):
            target = project / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
    deletions = folder / "delete.txt"
    for rel in deletions.read_text("utf-8").split() if deletions.is_file() else []:
        (project / rel).unlink()
    return project


def outcome(project: Path) -> list[str]:
    try:
        load_site(project / "data", project / "docs")
    except DataError as exc:
        return [str(p) for p in exc.problems]
    return []


def expected(case: str) -> list[str]:
    return [line for line in (HOSTILE / case / "expected.txt").read_text("utf-8").splitlines() if line]


@pytest.mark.parametrize("case", CASES)
def test_hostile_case_gives_exactly_the_expected_messages(case: str, tmp_path: Path) -> None:
    assert outcome(apply_case(case, tmp_path / "p")) == expected(case)


def test_the_corpus_covers_every_category_with_forty_cases_or_more() -> None:
    counts = Counter(c.split("--")[0] for c in CASES)
    assert len(CASES) >= 40
    assert set(counts) == CATEGORIES, set(counts) ^ CATEGORIES
    for case in CASES:
        assert (HOSTILE / case / "expected.txt").is_file(), case
        assert "--" in case, case


def test_every_failing_case_names_a_file_and_every_message_is_thai_with_a_gloss() -> None:
    for case in CASES:
        for line in expected(case):
            assert line.startswith(("data/", "docs/")), (case, line)
            assert any("\u0e00" <= ch <= "\u0e7f" for ch in line), (case, line)
            assert line.endswith(")"), (case, line)  # (English gloss)


# Through the real command, as CI and editors run it: exit 1, the message, no traceback,
# nothing published.
BUILD_CASES = [
    "syntax--tab-indent",
    "syntax--tab-with-other-problems",
    "deep-nesting--flow-brackets",
    "encoding--tis620",
    "privacy--national-id",
    "duplicate-id--round-across-files",
    "duplicate-id--ita-year-answered-twice",
    "long-text--huge-number",
]


@pytest.mark.parametrize("case", BUILD_CASES)
def test_mkdocs_build_strict_fails_cleanly_on_hostile_data(case: str, tmp_path: Path) -> None:
    project = apply_case(case, tmp_path / "p")
    out_dir = tmp_path / "out"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(out_dir)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    for line in expected(case):
        assert line in output
    assert "Traceback" not in output
    assert not out_dir.exists() or not any(out_dir.iterdir())  # no half site


def test_validate_command_prints_every_line_and_exits_1(tmp_path: Path) -> None:
    project = apply_case("privacy--id-in-file-name", tmp_path / "p")
    result = subprocess.run(
        [sys.executable, "-m", "prongsai", "validate"], cwd=project, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1
    for line in expected("privacy--id-in-file-name"):
        assert f"  {line}" in result.stderr

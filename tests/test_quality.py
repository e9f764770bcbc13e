"""The habits of STYLE.md, enforced: ruff over everything, mypy over the core, the adapter and the hooks."""

import subprocess
import sys

from .conftest import REPO


def test_ruff_is_clean() -> None:
    out = subprocess.run([sys.executable, "-m", "ruff", "check", "prongsai", "prongsai_mkdocs", "hooks", "tests"], cwd=REPO, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def test_mypy_is_clean() -> None:
    # the shim apart: mypy would take hooks/prongsai_mkdocs.py for the package of that name
    for targets in (["prongsai", "prongsai_mkdocs"], ["hooks"]):
        out = subprocess.run([sys.executable, "-m", "mypy", *targets], cwd=REPO, capture_output=True, text=True)
        assert out.returncode == 0, out.stdout + out.stderr

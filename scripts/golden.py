"""Golden manifests: the sha256 of every file of the built example and fixture sites.

A refactor must not change a byte of what citizens get. This script builds each site
(the example of the repository, tests/fixtures/mini, the mini fixture exported with
``export-markdown`` and built by plain MkDocs, and every case of the hostile corpus the
loader accepts) and compares its files with ``tests/golden/<site>.json``.

    .venv/bin/python scripts/golden.py             # compare (exit 1 and the differing files)
    .venv/bin/python scripts/golden.py --update    # re-bless: write the manifests anew
    .venv/bin/python scripts/golden.py --site mini # one site only

Re-bless after a change that alters pages on purpose, and say so in the commit.
tests/test_golden.py runs the comparison.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GOLDEN = REPO / "tests" / "golden"
HOSTILE = REPO / "tests" / "hostile"
# hand-written pages' sitemap date (scripts/site.sh takes it from the last commit): fixed
# here, so that a commit on any branch does not change the example's manifest
EPOCH = "1735689600"  # 2025-01-01
UPDATE_HINT = ".venv/bin/python scripts/golden.py --update"

sys.path.insert(0, str(REPO))


def _run(args: list[str], cwd: Path | None = None) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": EPOCH}
    result = subprocess.run(args, cwd=cwd, capture_output=True, text=True, env=env, timeout=600)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed:\n{result.stdout}{result.stderr}")


def _mkdocs(config: Path, site: Path) -> None:
    _run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config), "-d", str(site)])


def _example(work: Path) -> Path:
    _mkdocs(REPO / "mkdocs.yml", work / "site")
    return work / "site"


def _mini(work: Path) -> Path:
    from tests.conftest import make_project

    project = make_project(work / "p")
    _mkdocs(project / "mkdocs.yml", work / "site")
    return work / "site"


def _mini_export(work: Path) -> Path:
    from tests.conftest import make_project

    project = make_project(work / "p")
    _run([sys.executable, "-m", "prongsai", "export-markdown", str(work / "export"), "--config", str(project / "mkdocs.yml")])
    _mkdocs(work / "export" / "mkdocs.yml", work / "site")
    return work / "site"


def _hostile(case: str) -> Callable[[Path], Path]:
    def build(work: Path) -> Path:
        from tests.test_hostile import apply_case

        project = apply_case(case, work / "p")
        _mkdocs(project / "mkdocs.yml", work / "site")
        return work / "site"

    return build


def sites() -> dict[str, Callable[[Path], Path]]:
    """Every site with a manifest: name -> a function building it under a work folder."""
    out: dict[str, Callable[[Path], Path]] = {"example": _example, "mini": _mini, "mini-export": _mini_export}
    for case in sorted(p.name for p in HOSTILE.iterdir() if p.is_dir()):
        if not (HOSTILE / case / "expected.txt").read_text("utf-8").strip():  # accepted by the loader
            out[f"hostile-{case}"] = _hostile(case)
    return out


def manifest(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def build_manifest(name: str) -> dict[str, str]:
    work = Path(tempfile.mkdtemp(prefix=f"golden-{name}-"))
    try:
        return manifest(sites()[name](work))
    finally:
        shutil.rmtree(work, ignore_errors=True)


def differences(name: str, got: dict[str, str]) -> list[str]:
    """What differs from the blessed manifest of ``name``, one line per file (empty: identical)."""
    path = GOLDEN / f"{name}.json"
    if not path.is_file():
        return [f"{name}: no manifest {path.relative_to(REPO)}"]
    want = json.loads(path.read_text("utf-8"))
    lines = [f"{name}: changed {f}" for f in sorted(want) if f in got and got[f] != want[f]]
    lines += [f"{name}: missing {f}" for f in sorted(set(want) - set(got))]
    lines += [f"{name}: new {f}" for f in sorted(set(got) - set(want))]
    return lines


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--update", action="store_true", help="write the manifests anew (re-bless)")
    ap.add_argument("--site", action="append", help="only this site (repeatable)")
    args = ap.parse_args()
    names = args.site or list(sites())
    failed = False
    for name in names:
        got = build_manifest(name)
        if args.update:
            GOLDEN.mkdir(parents=True, exist_ok=True)
            (GOLDEN / f"{name}.json").write_text(json.dumps(got, indent=0, sort_keys=True) + "\n", "utf-8")
            print(f"{name}: {len(got)} files blessed")
            continue
        diff = differences(name, got)
        failed = failed or bool(diff)
        print("\n".join(diff) if diff else f"{name}: identical ({len(got)} files)")
    if failed:
        print(f"re-bless, if the change is on purpose: {UPDATE_HINT}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

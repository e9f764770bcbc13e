"""Byte for byte: the example and the fixture sites build to the blessed files (tests/golden/).

A change to how the site is made (the seam refactor, a faster path) must not change a byte
citizens get; a change that alters pages on purpose re-blesses the manifests in the same
commit, with one command, and says so.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scripts import golden

SITES = sorted(golden.sites())


def test_every_site_has_a_manifest_and_every_manifest_a_site() -> None:
    blessed = {p.stem for p in golden.GOLDEN.glob("*.json")}
    assert blessed == set(SITES), f"re-bless with {golden.UPDATE_HINT}"
    assert {"example", "mini", "mini-export"} <= blessed and len(blessed) >= 8
    example = json.loads((golden.GOLDEN / "example.json").read_text("utf-8"))
    assert "index.html" in example and "oit/2569/o1/index.html" in example and len(example) > 300


@pytest.mark.parametrize("name", SITES)
def test_the_site_builds_to_the_blessed_files(name: str) -> None:
    diff = golden.differences(name, golden.build_manifest(name))
    assert not diff, "\n".join([*diff[:40], f"on purpose? re-bless: {golden.UPDATE_HINT} --site {name}"])


def test_a_difference_names_the_file_and_what_happened(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(golden, "GOLDEN", tmp_path)
    (golden.GOLDEN / "s.json").write_text(json.dumps({"a.html": "1", "b.html": "2", "c.html": "3"}), "utf-8")
    assert golden.differences("s", {"a.html": "1", "b.html": "9", "d.html": "4"}) == [
        "s: changed b.html",
        "s: missing c.html",
        "s: new d.html",
    ]
    assert golden.differences("s", {"a.html": "1", "b.html": "2", "c.html": "3"}) == []

"""Nothing lost, nothing broken, reproducible: checks over the build output."""

from __future__ import annotations

import gzip
import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from prongsai.linkcheck import check_external, check_site, external_links

from .conftest import REPO, build

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


@pytest.fixture(scope="module")
def example_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled example built by the real command, without SOURCE_DATE_EPOCH."""
    site_dir = tmp_path_factory.mktemp("example") / "site"
    env = {k: v for k, v in ENV.items() if k != "SOURCE_DATE_EPOCH"}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site_dir)], cwd=REPO, env=env, check=True
    )
    return site_dir


def _run(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "prongsai", *args], cwd=cwd, capture_output=True, text=True, env=ENV, timeout=300)


# --- nothing lost ------------------------------------------------------------------------


def test_audit_command_passes_on_the_example(example_build: Path) -> None:
    result = _run("audit", "--site", str(example_build))
    assert result.returncode == 0, result.stderr
    assert "ครบถ้วน" in result.stdout


def test_audit_command_fails_when_a_record_is_missing(example_build: Path, tmp_path: Path) -> None:
    victim = tmp_path / "site"
    shutil.copytree(example_build, victim)
    shutil.rmtree(victim / "2568/measures/m01")  # a measure's page never published
    result = _run("audit", "--site", str(victim))
    assert result.returncode == 1
    assert "data/years/2568/measures/m01.yml: title: ไม่พบ" in result.stderr  # the measure's own file


def test_audit_command_without_a_built_site_says_so(tmp_path: Path) -> None:
    result = _run("audit", "--site", str(tmp_path / "none"))
    assert result.returncode == 2
    assert "ให้สร้างก่อนด้วย mkdocs build" in result.stderr


# --- nothing broken ----------------------------------------------------------------------


def test_the_example_has_no_broken_internal_link_or_anchor(example_build: Path) -> None:
    assert [str(b) for b in check_site(example_build)] == []
    result = _run("links", "--site", str(example_build))
    assert result.returncode == 0, result.stderr


def test_broken_links_and_anchors_are_found(example_build: Path, tmp_path: Path) -> None:
    victim = tmp_path / "site"
    shutil.copytree(example_build, victim)
    shutil.rmtree(victim / "2568/report")
    page = victim / "2568/measures/m01/index.html"
    page.write_text(page.read_text("utf-8").replace('href="#steps"', 'href="#no-such-part"'), "utf-8")
    broken = {(b.page, b.target) for b in check_site(victim)}
    assert ("2568/measures/m01/index.html", "../../report/") in broken
    assert ("2568/measures/m01/index.html", "#no-such-part") in broken
    assert ("sitemap.xml", "https://www.saithan.example/ita/2568/report/") in broken
    result = _run("links", "--site", str(victim))
    assert result.returncode == 1
    assert "ไม่พบตำแหน่ง #no-such-part ในหน้า 2568/measures/m01/index.html (anchor not found)" in result.stderr


def test_external_links_are_collected_and_checked_apart(example_build: Path, serve: Any, tmp_path: Path) -> None:
    found = external_links(example_build)
    assert "https://www.saithan.example/manual/citizen" in found
    assert not any(u.startswith("https://www.saithan.example/ita/") for u in found)  # the site itself
    # no internet here: a local server stands in for the other sites
    (tmp_path / "ok.html").write_text("ok", "utf-8")
    base = serve(tmp_path)
    ok, missing = check_external([base + "ok.html", base + "gone.html"], timeout=5)
    assert ok.ok and ok.detail == "200"
    assert not missing.ok and missing.detail == "HTTP 404"


# --- reproducible ------------------------------------------------------------------------


def _digest(site_dir: Path) -> dict[str, str]:
    return {
        p.relative_to(site_dir).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site_dir.rglob("*"))
        if p.is_file()
    }


def test_two_builds_of_the_same_data_are_byte_identical(example_build: Path, tmp_path: Path) -> None:
    env = {k: v for k, v in ENV.items() if k != "SOURCE_DATE_EPOCH"}
    again = tmp_path / "again"
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(again)], cwd=REPO, env=env, check=True)
    first, second = _digest(example_build), _digest(again)
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_sitemap_dates_come_from_the_data_never_the_clock(mini: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    site = build(mini)
    sitemap = (site / "sitemap.xml").read_text("utf-8")
    # the fixture's newest date is the 2568 round's as_of, 31 March 2568 = 2025-03-31
    assert "<lastmod>2025-03-31</lastmod>" in sitemap
    # each page: the newest date of its fiscal year's data (2567: 2024-03-31); others: the newest of all
    assert set(re.findall(r"<lastmod>([^<]+)</lastmod>", sitemap)) == {"2025-03-31", "2024-03-31"}
    with gzip.open(site / "sitemap.xml.gz") as gz:
        assert gz.read().decode("utf-8") == sitemap


def test_hand_written_pages_take_the_date_of_the_last_commit(mini: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (mini / "docs/about.md").write_text("# เกี่ยวกับ\n", "utf-8")
    with (mini / "mkdocs.yml").open("a", encoding="utf-8") as f:
        f.write("nav: [about.md]\n")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14, as scripts/site.sh sets it from git
    sitemap = (build(mini) / "sitemap.xml").read_text("utf-8")
    about = sitemap[sitemap.index("/about/") :]
    assert about.split("<lastmod>")[1].startswith("2023-11-14")
    assert "<lastmod>2025-03-31</lastmod>" in sitemap  # data pages keep their data's date

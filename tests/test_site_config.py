"""One site configuration for every engine, and typed options.

The organisation's name becomes the site's name and copyright: the hook and
``export-markdown`` apply the same :class:`prongsai.output.SiteConfig`, so a name that
holds markup is escaped in both builds. An unknown ``extra.prongsai`` key stops the build.
"""

from __future__ import annotations

import os
import re
from html import unescape
import subprocess
import sys
from pathlib import Path

import pytest

from prongsai.errors import DataError
from prongsai.export import export_markdown
from prongsai.options import Options

from .conftest import build, write

HOSTILE_NAME = "เทศบาล <img src=x onerror=alert(1)> \"ก\" & 'ข' </title><script>alert(2)</script>"
ESCAPED = "&lt;img src=x onerror=alert(1)&gt;"  # the part every form of escaping writes alike


def _mkdocs(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "mkdocs", *args], capture_output=True, text=True, env=env, timeout=300)


def _name(project: Path, name: str) -> None:
    org = project / "data/organization.yml"
    text = org.read_text("utf-8")
    write(project, "data/organization.yml", text.replace("name: เทศบาลตำบลทดสอบ", f"name: '{name.replace(chr(39), chr(39) * 2)}'", 1))


def _unescaped(html: str) -> list[str]:
    return [bad for bad in ("<img src=x", "<script>alert(2)", "</title><script>") if bad in html]


@pytest.fixture(scope="module")
def hostile_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The mini site with a hostile organisation name, built by the hook and exported then built by plain MkDocs."""
    from .conftest import make_project

    project = make_project(tmp_path_factory.mktemp("name") / "p")
    _name(project, HOSTILE_NAME)
    hooked = build(project)
    export = tmp_path_factory.mktemp("export") / "e"
    export_markdown(project / "mkdocs.yml", export)
    out = export.parent / "site"
    result = _mkdocs("build", "--strict", "-f", str(export / "mkdocs.yml"), "-d", str(out))
    assert result.returncode == 0, result.stderr
    return hooked, out


@pytest.mark.parametrize("page", ["index.html", "2568/index.html", "oit/2568/o1/index.html", "search/index.html"])
def test_a_hostile_name_is_text_in_both_builds(hostile_builds: tuple[Path, Path], page: str) -> None:
    for site in hostile_builds:
        html = (site / page).read_text("utf-8")
        assert _unescaped(html) == [], (site, page)
        title = re.search(r"<title>(.*?)</title>", html, re.S)
        assert title and HOSTILE_NAME in unescape(title.group(1)), (site, page)  # the reader sees the name as written
        assert html.count(ESCAPED) >= 3, (site, page)  # <title>, the header, the footer's copyright ...


def test_both_builds_print_the_name_the_same_way(hostile_builds: tuple[Path, Path]) -> None:
    hooked, exported = ((site / "index.html").read_text("utf-8") for site in hostile_builds)
    assert hooked.count(ESCAPED) == exported.count(ESCAPED) >= 6
    footer = [re.search(r'<div class="md-copyright__highlight">(.*?)</div>', h, re.S) for h in (hooked, exported)]
    assert footer[0] and footer[1] and footer[0].group(1).strip() == footer[1].group(1).strip()
    assert unescape(footer[0].group(1).strip()) == HOSTILE_NAME


# --- typed options ------------------------------------------------------------------------


def test_an_unknown_option_fails_the_build_with_one_thai_line(mini: Path, tmp_path: Path) -> None:
    with (mini / "mkdocs.yml").open("a", encoding="utf-8") as f:
        f.write("extra:\n  prongsai:\n    gap: fail\n")
    result = _mkdocs("build", "--strict", "-f", str(mini / "mkdocs.yml"), "-d", str(tmp_path / "site"))
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    line = len((mini / "mkdocs.yml").read_text("utf-8").splitlines())  # the last line: "    gap: fail"
    assert f"mkdocs.yml:{line}: extra.prongsai.gap: ไม่มีตัวเลือกชื่อ gap ให้ตรวจการสะกด ตัวเลือกที่มี: data, gaps, staff_guide, forms (unknown option)" in output
    assert "Traceback" not in output
    assert not (tmp_path / "site").exists() or not any((tmp_path / "site").iterdir())
    with pytest.raises(DataError, match="extra.prongsai.gap: ไม่มีตัวเลือกชื่อ gap"):  # the export reads the same record
        export_markdown(mini / "mkdocs.yml", tmp_path / "export")


@pytest.mark.parametrize(
    ("extra", "line"),
    [
        ({"gaps": "loud"}, "extra.prongsai.gaps: ค่า gaps ต้องเป็นหนึ่งใน: info, warn, fail, off แต่พบ 'loud'"),
        ({"staff_guide": ["staff"]}, "extra.prongsai.staff_guide: ค่าของตัวเลือกนี้ต้องเป็นข้อความ"),
        ({"site_url": "https://x.example/"}, "extra.prongsai.site_url: ไม่มีตัวเลือกชื่อ site_url"),
        ("gaps: fail", "extra.prongsai: ต้องเป็นรายการหัวข้อ"),
    ],
)
def test_a_bad_option_is_named(extra: object, line: str) -> None:
    with pytest.raises(DataError) as exc:
        Options.from_config(extra)
    assert line in str(exc.value)


def test_options_are_read_with_their_defaults() -> None:
    options = Options.from_config({"gaps": " WARNING ", "staff_guide": "staff"}, site_url="https://x.example/", docs_dir="docs")
    assert (options.data, options.gaps, options.staff_guide, options.site_url) == ("data", "warn", "staff", "https://x.example/")
    assert Options.from_config(None) == Options()

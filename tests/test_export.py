"""``python -m prongsai export-markdown``: a plain project that builds the same site without the hook."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import types
from pathlib import Path

import pytest

from prongsai import export, output
from prongsai.errors import DataError
from prongsai.export import export_markdown, read_config
from prongsai.output import StaticFile

from .conftest import build, write
from .engines import differences, read_site


def _export(project: Path, dest: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "prongsai", "export-markdown", str(dest), "--config", str(project / "mkdocs.yml")],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=120,
    )


def test_the_export_builds_the_same_site_without_the_hook(mini: Path, tmp_path: Path) -> None:
    result = _export(mini, tmp_path / "export")
    assert result.returncode == 0, result.stderr
    assert "ส่งออกแล้วที่" in result.stdout and "หน้า" in result.stdout
    export = tmp_path / "export"
    config = (export / "mkdocs.yml").read_text("utf-8")
    assert "hooks:" not in config and "prongsai_mkdocs" not in config
    assert (export / "docs/2568/measures/m01/index.md").is_file() and (export / "docs/files/guide.pdf").is_file()
    assert (export / "overrides/main.html").is_file() and "zensical build" in (export / "README.md").read_text("utf-8")
    assert differences(read_site(build(mini)), read_site(build(export)), "export") == []


def test_exporting_again_replaces_the_earlier_export(mini: Path, tmp_path: Path) -> None:
    dest = tmp_path / "export"
    assert _export(mini, dest).returncode == 0
    (dest / "docs/stale.md").write_text("# old\n", "utf-8")
    assert _export(mini, dest).returncode == 0
    assert not (dest / "docs/stale.md").exists()


def test_the_export_never_overwrites_a_folder_it_did_not_write(mini: Path, tmp_path: Path) -> None:
    dest = tmp_path / "mine"
    write(dest, "notes.txt", "keep me")
    result = _export(mini, dest)
    assert result.returncode == 1
    assert "มีไฟล์อื่นอยู่ในโฟลเดอร์ปลายทางแล้ว" in result.stderr and "Traceback" not in result.stderr
    assert sorted(p.name for p in dest.iterdir()) == ["notes.txt"]


def test_the_export_stays_out_of_the_sources(mini: Path) -> None:
    result = _export(mini, mini / "docs/export")
    assert result.returncode == 1 and "โฟลเดอร์ปลายทางต้องอยู่นอก docs/ และ data/" in result.stderr
    assert not (mini / "docs/export").exists()


def test_a_hand_written_page_cannot_shadow_a_generated_one(mini: Path, tmp_path: Path) -> None:
    write(mini, "docs/2568/report.md", "# mine\n")  # would take the URL 2568/report/
    result = _export(mini, tmp_path / "export")
    assert result.returncode == 1
    assert "docs/2568/report.md: ซ้ำกับหน้าที่ระบบสร้างจากข้อมูล" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mini"]  # no export, no half-written leftovers


def test_bad_data_is_reported_like_validate_and_nothing_is_written(mini: Path, tmp_path: Path) -> None:
    r = mini / "data/years/2568/rounds/r6.yml"
    r.write_text(r.read_text("utf-8").replace("percent: ๖๐", "percent: 120"), "utf-8")
    result = _export(mini, tmp_path / "export")
    assert result.returncode == 1
    assert "data/years/2568/rounds/r6.yml:8: entries[0].percent: ร้อยละความก้าวหน้าต้องอยู่ระหว่าง 0 ถึง 100" in result.stderr
    assert "ยังไม่ได้ส่งออก" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "export").exists()


def test_tags_in_mkdocs_yml_are_kept_for_the_engine(mini: Path, tmp_path: Path) -> None:
    cfg = mini / "mkdocs.yml"
    text = cfg.read_text("utf-8").replace(
        "site_url: https://test.example/sub/path/", "site_url: !ENV [PS_SITE_URL, 'https://test.example/sub/path/']"
    )
    cfg.write_text(text + "markdown_extensions_extra: !!python/name:material.extensions.emoji.twemoji\n", "utf-8")
    config = read_config(cfg)
    assert config["site_url"].tag == "!ENV" and config["site_url"].value == [
        "PS_SITE_URL",
        "https://test.example/sub/path/",
    ]
    cfg.write_text(text, "utf-8")
    assert _export(mini, tmp_path / "export").returncode == 0
    exported = (tmp_path / "export/mkdocs.yml").read_text("utf-8")
    assert "site_url: !ENV\n- PS_SITE_URL\n- https://test.example/sub/path/" in exported
    html = (build(tmp_path / "export") / "2568/index.html").read_text("utf-8")  # MkDocs still reads the tag
    assert '<link rel="canonical" href="https://test.example/sub/path/2568/">' in html


@pytest.fixture
def contributor(monkeypatch: pytest.MonkeyPatch) -> types.SimpleNamespace:
    """One more builder in the pipeline: its file and its warnings are in what ``generate`` returns."""
    probe = types.SimpleNamespace(warnings=[])
    real = export.generate

    def generate(site: object, options: object) -> output.Output:
        out = real(site, options)  # type: ignore[arg-type]
        part = output.Part(
            files=(StaticFile("exports/measures-2568.csv", "รหัส,ชื่อ\nm01,ทดสอบ\n".encode()),),
            warnings=tuple(probe.warnings),
        )
        return dataclasses.replace(
            out, files=out.files + part.files, warnings=out.warnings + part.warnings
        )

    monkeypatch.setattr(export, "generate", generate)
    return probe


def test_whatever_a_contributor_publishes_is_exported(
    mini: Path, tmp_path: Path, contributor: types.SimpleNamespace
) -> None:
    export_markdown(mini / "mkdocs.yml", tmp_path / "export")
    assert (tmp_path / "export/docs/exports/measures-2568.csv").read_text("utf-8") == "รหัส,ชื่อ\nm01,ทดสอบ\n"


def test_a_warning_fails_a_strict_export_before_anything_is_written(
    mini: Path, tmp_path: Path, contributor: types.SimpleNamespace
) -> None:
    contributor.warnings.append("ข้อ O3 ยังไม่มีเอกสาร")
    with pytest.raises(DataError) as exc:
        export_markdown(mini / "mkdocs.yml", tmp_path / "export")
    assert "mkdocs.yml: ข้อ O3 ยังไม่มีเอกสาร (strict: true" in str(exc.value)
    assert not (tmp_path / "export").exists()

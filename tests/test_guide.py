"""The editor guide: built at /staff/, out of the citizens' navigation, generated reference, real messages."""

from __future__ import annotations

import json

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from prongsai import DataError, load_site, schema
from prongsai.guide import file_markdown

from .conftest import REPO

GUIDE = REPO / "docs/staff"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    site_dir = tmp_path_factory.mktemp("guide") / "site"
    mkdocs_build(load_config(config_file=str(REPO / "mkdocs.yml"), site_dir=str(site_dir), strict=True))
    return site_dir


def test_the_guide_is_published_for_staff_but_not_in_the_citizens_navigation(built: Path) -> None:
    for page in ("staff", "staff/editing", "staff/errors", "staff/deploy", "staff/import-docx", "staff/reference"):
        assert (built / page / "index.html").is_file(), page
    home = (built / "index.html").read_text("utf-8")
    assert "staff/" not in home  # no link from the citizens' pages
    nav = (built / "2569/index.html").read_text("utf-8")
    assert "คู่มือผู้ดูแลข้อมูล" not in nav
    index = json.loads((built / "search/th-index.json").read_text("utf-8"))
    assert not [d for d in index["docs"] if d[0].startswith("staff/")]  # citizens' search does not find it
    guide = (built / "staff/index.html").read_text("utf-8")
    assert 'href="../staff/reference/"' in guide or 'href="reference/"' in guide


def test_the_field_reference_is_generated_from_the_schema(built: Path) -> None:
    index = (built / "staff/reference/index.html").read_text("utf-8")
    for name in ("organization", "year", "measures", "round", "disclosures", "assessment"):
        assert f'href="{name}/"' in index  # one page per kind of file, listed on the first
        page = (built / f"staff/reference/{name}/index.html").read_text("utf-8")
        text = re.sub(r"<[^>]+>", "", page)
        doc = schema.build_schema(name)
        for record in [doc, *(d for d in doc["$defs"].values() if d.get("type") == "object")]:
            for field, prop in record.get("properties", {}).items():
                assert field in text, (name, field)
                assert prop["description"] in text, (name, field)
    assert "เขียนแบบ 2568-03-31 (ปี-เดือน-วัน)" in re.sub(r"<[^>]+>", "", index)  # the date type explained once
    # never written twice: no hand-written page lists the fields
    for md in GUIDE.glob("*.md"):
        assert "| หัวข้อ | ต้องมี |" not in md.read_text("utf-8")
    assert "| `percent` | - | [ตัวเลข 0–100](../index.md#type-score)" in file_markdown("round")


def _replace(rel: str, old: str, new: str) -> Callable[[Path], None]:
    def apply(data: Path) -> None:
        path = data / rel
        text = path.read_text("utf-8")
        assert old in text, (rel, old)
        path.write_text(text.replace(old, new, 1), "utf-8")

    return apply


def _percent(data: Path) -> None:
    path = data / "years/2568/rounds/r12m.yml"
    text = path.read_text("utf-8")
    i = text.index("percent:")
    path.write_text(text[:i] + "percent: 120\n" + text[text.index("\n", i) + 1 :], "utf-8")


# The mistakes shown on the errors page, made again: each message quoted there must be what
# prongsai prints today. (Field errors in a file hide that file's cross-checks, hence two sets.)
MISTAKES = [
    [
        _replace("years/2569/rounds/r6m.yml", "  - measure: m01\n    status: in_progress", "  - measure: m01\n    status: เสร็จ"),
        _replace("years/2569/measures/m01.yml", "responsible: [clerk, engineering, finance]", "responsible: [clerk, engineering, finance]\nreponsible_note: x"),
        _replace("years/2569/measures/m01.yml", "  end: 2569-06-30", "  end: 2569-06-31"),
        _replace("years/2569/disclosures.yml", "        url: https://www.saithan.example/about/structure", "        file: files/2569/structure.pdf"),
        _replace("years/2569/disclosures.yml", "  - item: O2\n", "  - item: O99\n"),
        _percent,
        _replace("years/2568/year.yml", "grouping: issues", "grouping: issues\n\tpreface: x"),
        _replace("years/2567/measures/m01.yml", "\ntitle:", '\ntitle: "ยังไม่ปิดคำพูด'),
    ],
    [
        _replace("years/2569/rounds/r6m.yml", "  - measure: m01\n", "  - measure: m1\n"),
        _replace("years/2569/measures/m01.yml", "responsible: [clerk, engineering, finance]", "responsible: [clerk, engineer]"),
        _replace("years/2569/measures/m01.yml", "  end: 2569-06-30", "  end: 2570-06-30"),
        _replace("years/2569/measures/m01.yml", "\ngroup: 1\n", "\ngroup: 8\n"),
        _replace("years/2569/rounds/r6m.yml", "problems: การเปิดบัญชีรับชำระผ่านคิวอาร์โค้ดต้องรอเอกสารอนุมัติจากธนาคารนานกว่าที่คาด", "problems: ปัญหาอุปสรรคในภาพรวม (แก้ข้อความนี้)"),
    ],
]


def test_the_errors_page_quotes_the_messages_prongsai_prints(tmp_path: Path) -> None:
    page = (GUIDE / "errors.md").read_text("utf-8")
    quoted = re.findall(r"```text\n(data/[^\n]+)\n```", page)
    assert len(quoted) == 13
    printed: list[str] = []
    for n, mistakes in enumerate(MISTAKES):
        root = tmp_path / str(n)
        shutil.copytree(REPO / "data", root / "data")
        for mistake in mistakes:
            mistake(root / "data")
        with pytest.raises(DataError) as exc:
            load_site(root / "data", REPO / "docs")
        printed += [str(p) for p in exc.value.problems]
    assert sorted(quoted) == sorted(printed)

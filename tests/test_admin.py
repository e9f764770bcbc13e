"""The forms' configuration follows the model; /admin/ is published only when configured, from
the pinned bundles; the committed form description is not stale."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, Field

from prongsai import DataError, admin, forms, load_site, schema
from prongsai.model import STATUS_LABELS, RoundFile, record_of
from prongsai.options import FormsSettings, Options
from prongsai.types import Text

from .conftest import REPO


def _by_name(fields: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {f["name"]: f for f in fields}


def _check_record(record: type[BaseModel], fields: list[dict[str, Any]], where: str) -> None:
    """Every field of the record, in its order, required as in the model, labelled in Thai."""
    assert [f["name"] for f in fields] == list(record.model_fields), where
    for name, info in record.model_fields.items():
        field = _by_name(fields)[name]
        assert field["required"] == info.is_required(), f"{where}.{name}"
        assert re.search("[ก-๙]", field["label"]), f"{where}.{name}: label {field['label']!r} is not Thai"
        inner = record_of(info.annotation)
        if inner is not None:
            sub = field.get("fields") or field.get("field", {}).get("fields")
            if not sub and field.get("field", {}).get("widget") in ("text", "string"):
                continue  # written as a text or as a record (a step): the form edits the text (docs/staff/forms.md)
            assert sub, f"{where}.{name}: a record without its fields"
            _check_record(inner, sub, f"{where}.{name}")


@pytest.mark.parametrize("name", list(forms.FORMS))
def test_every_field_of_the_model_is_in_its_form(name: str) -> None:
    _check_record(schema.FILES[name], forms.form_fields(name), name)


def _entry_fields() -> dict[str, dict[str, Any]]:
    return _by_name(_by_name(forms.form_fields("round"))["entries"]["fields"])


def test_values_have_the_widgets_an_editor_needs() -> None:
    entry = _entry_fields()
    assert entry["percent"].items() >= {"widget": "number", "min": 0, "max": 100}.items()
    assert entry["status"]["options"] == [{"label": v, "value": k} for k, v in STATUS_LABELS.items()]
    evidence = _by_name(entry["evidence"]["fields"])
    assert evidence["file"]["widget"] == "file" and evidence["title"]["widget"] == "string"
    assert entry["output"]["widget"] == "text" and entry["output"]["hint"] == "ผลการดำเนินการ (Output)"
    kind = _by_name(forms.form_fields("round"))["kind"]
    assert [o["label"] for o in kind["options"]] == ["รอบ 6 เดือน", "รอบ 12 เดือน", "รายไตรมาส", "รอบอื่น ๆ"]
    instrument = _by_name(_by_name(forms.form_fields("year"))["limitations"]["fields"])["instrument"]
    assert [o["value"] for o in instrument["options"]] == ["IIT", "EIT", "OIT"]
    measure = _by_name(_by_name(forms.form_fields("measures"))["measures"]["fields"])
    assert measure["steps"]["widget"] == "list" and measure["steps"]["field"]["widget"] == "text"
    # responsible may be empty when the document names the units in words (responsible_text)
    assert "min" not in measure["responsible"] and "responsible_text" in measure
    assert _by_name(forms.form_fields("measures"))["measures"]["summary"] == "{{fields.id}} · {{fields.title}}"


def test_a_date_is_typed_as_the_validator_reads_it() -> None:
    """A one-line box with the validator's pattern: Buddhist-era dates, Thai digits, month names."""
    as_of = _by_name(forms.form_fields("round"))["as_of"]
    assert as_of["widget"] == "string"
    pattern, message = as_of["pattern"]
    for typed in ("2568-03-31", "31/3/2568", "31 มีนาคม 2568", "๓๑ มี.ค. ๒๕๖๘", "2025-03-31"):
        assert re.match(pattern, typed), typed
    for typed in ("31-03-2568", "2568/03/31", "มีนาคม 2568", "30 กุมภาพันธ์ 2568"):
        assert not re.match(pattern, typed), typed
    assert message.startswith("วันที่: เขียนแบบ 2568-03-31")


def test_a_field_added_to_the_model_appears_in_the_form(monkeypatch: pytest.MonkeyPatch) -> None:
    class Round(RoundFile):
        reviewer_note: Text | None = Field(None, description="บันทึกของผู้ตรวจทาน เช่น ตรวจแล้ว")

    monkeypatch.setitem(schema.FILES, "round", Round)
    field = _by_name(forms.form_fields("round"))["reviewer_note"]
    assert field == {
        "name": "reviewer_note",
        "label": "บันทึกของผู้ตรวจทาน",
        "hint": "บันทึกของผู้ตรวจทาน เช่น ตรวจแล้ว",
        "required": False,
        "widget": "text",
    }


def test_the_committed_form_description_is_not_stale() -> None:
    assert not forms.stale(REPO / "schema"), "run: python -m prongsai schema (and commit schema/forms.json)"


def test_the_schema_command_notices_stale_forms(tmp_path: Path) -> None:
    from prongsai.cli import main

    assert main(["schema", "--out", str(tmp_path)]) == 0
    (tmp_path / "forms.json").write_text("{}\n", "utf-8")
    assert main(["schema", "--out", str(tmp_path), "--check"]) == 1


# --- what /admin/ publishes --------------------------------------------------------------


@pytest.fixture(scope="module")
def example() -> Any:
    return load_site(REPO / "data", REPO / "docs")


def _options(**forms_options: Any) -> Options:
    return Options(docs_dir=str(REPO / "docs"), site_url="https://x.example/ita/", forms=FormsSettings(**forms_options))


def test_no_forms_without_a_repository(example: Any) -> None:
    assert admin.admin_files(example, Options(docs_dir=str(REPO / "docs"))) == []
    with pytest.raises(DataError, match="ต้องรู้ชื่อ repository ใน GitHub ให้ใส่ repo:"):
        admin.admin_files(example, _options(branch="main"))
    with pytest.raises(DataError, match="ไม่มีตัวเลือกชื่อ forms.repository"):
        Options.from_config({"forms": {"repository": "a/b"}})


def test_one_form_per_data_file_newest_year_first(example: Any) -> None:
    options = _options(repo="a/b", base_url="https://auth.example")
    assert options.forms is not None
    config = admin.decap_config(example, options, options.forms)
    want = {"name": "github", "repo": "a/b", "branch": "main", "base_url": "https://auth.example"}
    assert config["backend"].items() >= want.items()
    assert config["publish_mode"] == "editorial_workflow" and config["locale"] == "th"
    assert "local_backend" not in config
    rounds = next(c for c in config["collections"] if c["name"] == "round")
    assert [f["file"] for f in rounds["files"]][:2] == [
        "data/years/2569/rounds/r6m.yml",
        "data/years/2568/rounds/r12m.yml",
    ]
    assert rounds["files"][0]["label"] == "ปีงบประมาณ 2569 · รอบ 6 เดือน"
    evidence = _by_name(_by_name(_by_name(rounds["files"][0]["fields"])["entries"]["fields"])["evidence"]["fields"])
    assert evidence["file"]["media_folder"] == "/docs/files/2569" and evidence["file"]["public_folder"] == "files/2569"
    names = [c["name"] for c in config["collections"]]
    years = ["measures-2569", "measures-2568", "measures-2567", "measures-2566"]
    assert names == ["round", *years, "year", "assessment", "disclosures", "organization"]
    # one form per measure (one file each): a new measure is saved as <id>.yml, none is deleted
    measures = next(c for c in config["collections"] if c["name"] == "measures-2569")
    assert measures["folder"] == "data/years/2569/measures" and measures["slug"] == "{{fields.id}}"
    assert measures["format"] == "prongsai-measure" and measures["create"] and not measures["delete"]
    assert [f["name"] for f in measures["fields"]][:4] == ["id", "group", "number", "title"]
    # the rules measures.yml kept in comments, which a save would drop
    assert "1 ตุลาคม 2568 ถึง 30 กันยายน 2569" in measures["description"]
    assert "ITA 2569 (O1–O26)" in measures["description"]


def test_a_year_not_split_keeps_its_measures_file_form() -> None:
    mini = REPO / "tests" / "fixtures" / "mini"
    site = load_site(mini / "data")
    options = Options(docs_dir=str(mini / "docs"), forms=FormsSettings(repo="a/b"))
    config = admin.decap_config(site, options, options.forms)  # type: ignore[arg-type]
    legacy = next(c for c in config["collections"] if c["name"] == "measures")
    assert legacy["files"][0]["file"].endswith("/measures.yml") and legacy["label"] == "มาตรการ (ไฟล์ measures.yml)"
    assert not [c for c in config["collections"] if c["name"].startswith("measures-")]


def test_the_admin_page_is_for_staff_only(example: Any) -> None:
    files = {f.path: f.content for f in admin.admin_files(example, _options(repo="a/b"))}
    assert set(files) == {
        "admin/index.html",
        "admin/config.json",
        "admin/forms.js",
        "admin/decap-cms.js",
        "admin/yaml.js",
    }
    page = files["admin/index.html"].decode()
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert "เทศบาลตำบลห้วยสายธาร" in page
    # everything it loads is its own file: no CDN, no font service
    assert re.findall(r'src="([^"]+)"', page) == ["decap-cms.js", "yaml.js", "forms.js"]


# --- the committed bundles are the pinned packages' ---------------------------------------

NODE = REPO / "node_modules"
needs_npm = pytest.mark.skipif(not (NODE / "decap-cms").is_dir(), reason="npm ci has not run (scripts/test.sh runs it)")


@needs_npm
def test_the_decap_bundle_is_the_pinned_packages() -> None:
    assert (
        admin.BUNDLE.read_bytes() == (NODE / "decap-cms" / "dist" / "decap-cms.js").read_bytes()
    ), "run scripts/decap.sh"
    assert "decap-cms 3.16.3" in (admin.BUNDLE.parent / "VERSION").read_text("utf-8")


@needs_npm
def test_the_yaml_bundle_is_the_pinned_packages(tmp_path: Path) -> None:
    out = tmp_path / "yaml.js"
    subprocess.run(
        [str(NODE / ".bin" / "esbuild"), str(NODE / "yaml" / "browser" / "index.js"), "--bundle", "--minify",
         "--format=iife", "--global-name=YAML", "--legal-comments=none", "--log-level=warning", f"--outfile={out}"],
        check=True,
    )  # fmt: skip
    assert admin.YAML_JS.read_bytes() == out.read_bytes(), "run scripts/decap.sh"

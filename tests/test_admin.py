"""The forms' configuration follows the model; /admin/ is published only when configured, from
the pinned bundles; the committed form description is not stale."""

from __future__ import annotations

import difflib
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel, Field

from prongsai import DataError, admin, forms, load_site, schema
from prongsai.model import (
    MEASURE_COLUMNS,
    REPORT_COLUMNS,
    SECTION_KINDS,
    STATUS_LABELS,
    Measure,
    RoundFile,
    record_of,
)
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
    # a step is its text alone or a record with its own period and unit: the record, marked
    steps = measure["steps"]
    assert steps["widget"] == "list" and steps["as_text"] == "text" and steps["summary"] == "{{fields.text}}"
    assert [(f["name"], f["widget"], f["required"]) for f in steps["fields"]] == [
        ("text", "text", True),
        ("period", "string", False),
        ("responsible", "string", False),
    ]
    # responsible may be empty when the document names the units in words (responsible_text)
    assert "min" not in measure["responsible"] and "responsible_text" in measure
    assert _by_name(forms.form_fields("measures"))["measures"]["summary"] == "{{fields.id}} · {{fields.title}}"


def test_the_document_s_own_sections_and_columns_are_menus_in_thai() -> None:
    year = _by_name(forms.form_fields("year"))
    sections = year["sections"]
    assert sections["summary"] == "{{fields.kind}} · {{fields.number}} {{fields.heading | default('(ชื่อมาตรฐาน)')}}"
    section = _by_name(sections["fields"])
    assert section["kind"]["options"] == [{"label": v, "value": k} for k, v in SECTION_KINDS.items()]
    assert section["number"]["widget"] == "string" and section["heading"]["widget"] == "string"
    assert section["text"]["widget"] == "text"
    column = _by_name(year["measures_columns"]["fields"])["field"]
    assert column["options"] == [{"label": v, "value": k} for k, v in MEASURE_COLUMNS.items()]
    column = _by_name(_by_name(forms.form_fields("round"))["columns"]["fields"])["field"]
    assert column["options"] == [{"label": v, "value": k} for k, v in REPORT_COLUMNS.items()]
    contents = _by_name(year["contents"]["fields"])
    assert contents["page"]["widget"] == "string" and contents["section"]["widget"] == "string"


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


# --- what a form saves (forms.js in Node: tests/forms_format.js) --------------------------

needs_node = pytest.mark.skipif(shutil.which("node") is None, reason="node is missing (scripts/test.sh installs it)")


def _save(config: dict[str, Any], cases: list[dict[str, Any]]) -> list[str]:
    return [c["saved"] for c in _forms_js(config, cases)]


def _forms_js(config: dict[str, Any], cases: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = subprocess.run(
        ["node", str(REPO / "tests" / "forms_format.js")],
        input=json.dumps({"config": config, "cases": cases}),
        capture_output=True,
        text=True,
        check=True,
    )
    return list(json.loads(out.stdout))


@pytest.fixture(scope="module")
def data_files(example: Any) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    options = _options(repo="a/b")
    assert options.forms is not None
    config = admin.decap_config(example, options, options.forms)
    files = [(c["name"], f["name"], f["file"]) for c in config["collections"] for f in c.get("files", [])]
    files += [  # a folder collection's entries: each measure's own file, its id the slug
        (c["name"], path.stem, path.relative_to(REPO).as_posix())
        for c in config["collections"]
        if "folder" in c
        for path in sorted((REPO / c["folder"]).glob(f"*.{c['extension']}"))
    ]
    cases = [{"collection": c, "slug": slug, "raw": (REPO / file).read_text("utf-8"), "file": file} for c, slug, file in files]
    assert any("/measures/" in c["file"] for c in cases), "the measures' own files are among the cases"
    return config, cases


def _changed(before: str, after: str) -> list[str]:
    diff = difflib.unified_diff(before.splitlines(), after.splitlines(), n=0, lineterm="")
    return [line for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---")]


@needs_node
def test_a_file_saved_unchanged_is_the_same_file(data_files: Any) -> None:
    config, cases = data_files
    assert len(cases) > 20
    saved = _save(config, cases)
    assert [c["file"] for c, text in zip(cases, saved) if text != c["raw"]] == []


@needs_node
def test_a_change_leaves_the_rest_of_the_file_as_written(data_files: Any) -> None:
    """Comments, flow lists, quotes, blank lines, Thai digits and dates of every data file stay as
    written when the form adds one value to it; a changed value changes its own lines only."""
    config, cases = data_files
    added = _save(config, [{**c, "set": [[["zz"], "ค่าใหม่"]]} for c in cases])
    wrong = {c["file"]: _changed(c["raw"], text) for c, text in zip(cases, added)}
    assert {f: d for f, d in wrong.items() if d not in (["+zz: ค่าใหม่"], ["+", "+zz: ค่าใหม่"])} == {}
    r6m = next(c for c in cases if c["file"] == "data/years/2569/rounds/r6m.yml")
    m03 = next(i for i, e in enumerate(yaml.safe_load(r6m["raw"])["entries"]) if e["measure"] == "m03")
    at = ["entries", m03]
    evidence = [{"title": "หนังสือ", "file": "files/2569/a.pdf"}]
    edits = [[[*at, "percent"], 100], [[*at, "evidence"], evidence], [[*at, "problems"], None]]
    (text,) = _save(config, [{**r6m, "set": edits}])
    assert _changed(r6m["raw"], text) == [
        "-    percent: 30",
        "+    percent: 100",
        "-    problems: ธนาคารขอเอกสารประกอบเพิ่มเติม 2 ครั้ง",
        "+    evidence:",
        "+      - title: หนังสือ",
        "+        file: files/2569/a.pdf",
    ]


STEPS = """\
# yaml-language-server: $schema=../../../../schema/measure.schema.json

id: m01
group: "1"
title: มาตรการหนึ่ง
steps:
  - ๑. แจ้งเวียน
  - text: ๒. ประชุม
    period: ต.ค. ๒๕๖๘
    responsible: กองคลัง
  - 3
"""


@needs_node
def test_a_step_stays_a_text_unless_it_gets_its_own_period_or_unit(data_files: Any) -> None:
    config, _ = data_files
    steps = ["steps"]
    case = {"collection": "measures-2569", "slug": "m01", "raw": STEPS}
    saved = _save(
        config,
        [
            case,
            {**case, "set": [[[*steps, 0, "period"], "พ.ย. ๒๕๖๘"]]},  # a text step gets a period
            {**case, "set": [[[*steps, 1, "period"], None], [[*steps, 1, "responsible"], None]]},
            {**case, "set": [[[*steps, 3], {"text": "๔. รายงาน"}]]},  # added in the form
        ],
    )
    assert saved[0] == STEPS
    assert _changed(STEPS, saved[1]) == [
        "-  - ๑. แจ้งเวียน",
        "+  - text: ๑. แจ้งเวียน",
        "+    period: พ.ย. ๒๕๖๘",
    ]
    assert _changed(STEPS, saved[2]) == [
        "-  - text: ๒. ประชุม",
        "-    period: ต.ค. ๒๕๖๘",
        "-    responsible: กองคลัง",
        "+  - ๒. ประชุม",
    ]
    assert _changed(STEPS, saved[3]) == ["+  - ๔. รายงาน"]
    # what the form saves is what the validator reads
    for text in saved:
        data = yaml.safe_load(text)
        Measure.model_validate(data)


@needs_node
def test_a_number_in_thai_digits_is_shown_in_its_box_and_kept(data_files: Any) -> None:
    """The number box of Decap shows nothing for "๕๐": the form reads it as 50, the file keeps ๕๐."""
    config, cases = data_files
    r6m = next(c for c in cases if c["file"] == "data/years/2569/rounds/r6m.yml")
    assessment = next(c for c in cases if c["file"] == "data/years/2569/assessment.yml")
    assert "    percent: ๕๐\n" in r6m["raw"] and 'previous_score: "๙๑.๖๐"' in assessment["raw"]
    m10 = next(i for i, e in enumerate(yaml.safe_load(r6m["raw"])["entries"]) if e["measure"] == "m10")
    (round_, scores) = _forms_js(config, [{**r6m, "set": [[["entries", m10, "status"], "completed"]]}, assessment])
    assert round_["read"]["entries"][m10]["percent"] == 50
    assert scores["read"]["assessment"]["previous_score"] == 91.6
    assert _changed(r6m["raw"], round_["saved"]) == ["-    status: in_progress", "+    status: completed"]

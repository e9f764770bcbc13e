"""The JSON Schema editors' tools read agrees with the build: same files, same values, same paths.

``check-jsonschema`` (what an editor or CI runs) reads YAML with ruamel.yaml; the build
reads it with prongsai.yamlio. These tests run the real tool on real files.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from prongsai import schema
from prongsai.model import ProgressRound
from prongsai.validation import validate_doc
from prongsai.yamlio import YamlProblem, read_yaml

from .conftest import REPO

SCHEMA_DIR = REPO / "schema"
CHECK = [sys.executable, "-m", "check_jsonschema"]


def schema_for(path: Path) -> str:
    rel = path.relative_to(REPO / "data").parts
    if rel[0] == "catalog":
        return "catalog"
    if rel[0] == "organization.yml":
        return "organization"
    if rel[0] == "privacy-allowlist.yml":
        return "privacy-allowlist"
    if rel[-2] == "rounds":
        return "round"
    if rel[-2] == "measures":
        return "measure"
    return rel[-1].removesuffix(".yml")


def data_files() -> list[Path]:
    return sorted((REPO / "data").rglob("*.yml"))


def check_jsonschema(schema_name: str, files: list[Path]) -> dict[str, list[str]]:
    """Run check-jsonschema; return the error paths per file name, as the build writes them."""
    out = subprocess.run(
        [*CHECK, "-o", "json", "--schemafile", str(SCHEMA_DIR / f"{schema_name}.schema.json"), *map(str, files)],
        capture_output=True,
        text=True,
    )
    report = json.loads(out.stdout)
    assert report.get("parse_errors", []) == [], report["parse_errors"]
    errors: dict[str, list[str]] = {str(f): [] for f in files}
    for err in report.get("errors", []):
        errors[err["filename"]].append(build_style_path(err["path"], err["message"]))
    return errors


def build_style_path(path: str, message: str) -> str:
    """``$.entries[0]`` + "'status' is a required property" -> ``entries[0].status``."""
    path = path.removeprefix("$").removeprefix(".")
    named = re.match(r"'([^']+)' is a required property", message) or re.search(r"\('([^']+)' was unexpected\)", message)
    if named:
        path = f"{path}.{named[1]}" if path else named[1]
    return path


def test_the_committed_schemas_are_generated_from_the_current_models() -> None:
    assert schema.stale(SCHEMA_DIR) == [], "run: python -m prongsai schema (and commit schema/)"


def test_the_schema_command_notices_a_stale_file(tmp_path: Path) -> None:
    from prongsai.cli import main

    assert main(["schema", "--out", str(tmp_path)]) == 0
    assert main(["schema", "--check", "--out", str(tmp_path)]) == 0
    path = tmp_path / "round.schema.json"
    path.write_text(path.read_text("utf-8").replace('"percent"', '"percentage"'), "utf-8")
    assert main(["schema", "--check", "--out", str(tmp_path)]) == 1


def test_every_data_file_names_its_schema_on_its_first_line() -> None:
    for path in data_files():
        first = path.read_text("utf-8").splitlines()[0]
        m = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
        assert m, f"{path}: first line must be the yaml-language-server $schema line"
        target = (path.parent / m[1]).resolve()
        assert target == SCHEMA_DIR / f"{schema_for(path)}.schema.json", path


def test_fields_have_thai_titles_and_descriptions() -> None:
    thai = re.compile("[\u0e00-\u0e7f]")
    for name in schema.FILES:
        doc = schema.build_schema(name)
        assert thai.search(doc["title"])
        for def_name, sub in doc["$defs"].items():
            assert thai.search(sub.get("title", "")), (name, def_name)
            for field, prop in sub.get("properties", {}).items():
                if name == "catalog":
                    continue  # shipped reference data, not written by editors
                assert thai.search(prop.get("title", "")), (name, def_name, field)
                assert thai.search(prop.get("description", "")), (name, def_name, field)
        measure = schema.build_schema("measures")["$defs"]["Measure"]["properties"]["id"]
        assert measure["title"] == "รหัสมาตรการ ไม่ซ้ำในปีเดียวกัน" and measure["examples"] == ["m01"]


def test_check_jsonschema_accepts_every_bundled_data_file() -> None:
    by_schema: dict[str, list[Path]] = {}
    for path in data_files():
        by_schema.setdefault(schema_for(path), []).append(path)
    # a year not yet split (the mini fixture) still has one measures.yml
    by_schema["measures"] = sorted((REPO / "tests/fixtures/mini/data/years").glob("*/measures.yml"))
    assert set(by_schema) == set(schema.FILES) and by_schema["measures"]
    for name, files in by_schema.items():
        assert all(errors == [] for errors in check_jsonschema(name, files).values()), name


ROUND = """\
id: r6m
kind: six_month
period:
  start: 2567-10-01
  end: 2568-03-31
as_of: 2568-03-31
entries:
  - measure: m01
    status: completed
    percent: 80
    evidence:
      - title: รายงาน
        url: https://www.saithan.example/ไฟล์/รายงาน.pdf
      - title: ภาพกิจกรรม
        file: files/2568/ภาพ.pdf
        covers: 2568
"""

# (field line as written in ROUND, replacement values): the values an editor may type.
CASES: dict[str, list[str]] = {
    "    percent: 80": [
        "80", '"๘๐"', "๘๐.๕", "80.5", '"80%"', "100", "0", "100.0", ".5", "5.", "120", "-1", "101", '"abc"',
        "no", "true", "~", '"๑๒๐"', "1e3", '"80 %"', "[80]",
    ],
    "    status: completed": [
        "completed", "ดำเนินการแล้วเสร็จ", "Completed", "COMPLETED", "in_progress", '"in progress"', "done", "no",
        "เสร็จสิ้น", '" completed "', "1", "~", "ยกเลิก",
    ],
    "kind: six_month": ["six_month", "6", "12", '"6"', "7", "รอบ 6 เดือน", "Six_Month", "twelve month", "yes"],
    "as_of: 2568-03-31": [
        "2568-03-31", "2025-03-31", "31/3/2568", "31 มีนาคม 2568", "๓๑ มี.ค. ๒๕๖๘", "31 มีนาคม พ.ศ. 2568",
        "2568-3-31", "2568-02-30", "31/4/2568", "2568-13-01", "31-03-2568", "no", "20250331", "2568-03-31 10:00",
        '"๒๕๖๘-๐๓-๓๑"', "2567-02-29",
    ],
    "id: r6m": ["r6m", "round-6m", "R6M", '"r 6"', "6", "08", "r_6", "-r6", "รอบ6", "no", "r๖m"],
    "  - measure: m01": ["  - measure: m02", "  - measure: no", "  - measure: 1", "  - measure: M01"],
    "        covers: 2568": [
        "        covers: 2568", "        covers: ๒๕๖๘", "        covers: 2025", "        covers: 1800",
        '        covers: "2568"', "        covers: 2568.0", "        covers: 3000", "        covers: no",
    ],
    "        url: https://www.saithan.example/ไฟล์/รายงาน.pdf": [
        "        url: https://example.org/a b", "        url: www.example.org", "        url: HTTP://EXAMPLE.ORG",
        "        url: ftp://example.org", "        url: http://",
    ],
    "        file: files/2568/ภาพ.pdf": [
        "        file: /files/a.pdf", "        file: files/../a.pdf", r"        file: files\2568\a.pdf",
        "        file: ../a.pdf", "        file: https://x.org/a.pdf", "        file: files/2568/..hidden.pdf",
    ],
}


def _variants() -> list[tuple[str, str]]:
    out = []
    for line, values in CASES.items():
        key = line.split(":")[0]
        for value in values:
            new = value if value.startswith(" ") else f"{key}: {value}"
            assert line in ROUND
            out.append((new.strip(), ROUND.replace(line, new, 1)))
    return out


def test_the_schema_and_the_build_accept_and_refuse_the_same_values(tmp_path: Path) -> None:
    """Thai digits, Buddhist-era dates, ``no``, Thai labels ...: an editor never sees the two disagree."""
    variants = _variants()
    files = []
    for n, (_, text) in enumerate(variants):
        path = tmp_path / f"case{n:03}.yml"
        path.write_text(text, "utf-8")
        files.append(path)
    by_schema = check_jsonschema("round", files)
    disagreements = []
    accepted = 0
    for (label, _), path in zip(variants, files, strict=True):
        problems: list = []
        try:
            validate_doc(read_yaml(path, path.name), ProgressRound, problems)
        except YamlProblem as exc:
            problems.append(exc.problem)
        build_ok, schema_ok = not problems, not by_schema[str(path)]
        accepted += build_ok
        if label == "as_of: 2567-02-29":
            # 29 Feb 2567 BE (2024) exists; a regex cannot know leap years, so the schema lets
            # every 29 February through and the build is the judge. 2568 (2025) must still fail.
            assert build_ok and schema_ok
            continue
        if build_ok != schema_ok:
            disagreements.append(f"{label}: build {'ok' if build_ok else problems}, schema {by_schema[str(path)] or 'ok'}")
    assert disagreements == []
    assert 20 < accepted < len(variants) - 20  # the table holds both kinds


@pytest.mark.parametrize(
    ("line", "broken", "path"),
    [
        ("    percent: 80", "    percent: 120", "entries[0].percent"),
        ("    status: completed", "    status: เสร็จ", "entries[0].status"),
        ("    status: completed", "    statsu: completed", "entries[0].statsu"),
        ("as_of: 2568-03-31", "as_of: 31 เมษายน 2568", "as_of"),
        ("        covers: 2568", "        covers: 2800", "entries[0].evidence[1].covers"),
    ],
)
def test_a_broken_file_is_refused_by_both_at_the_same_field(tmp_path: Path, line: str, broken: str, path: str) -> None:
    file = tmp_path / "r6m.yml"
    file.write_text(ROUND.replace(line, broken), "utf-8")
    problems: list = []
    validate_doc(read_yaml(file, "r6m.yml"), ProgressRound, problems)
    build_paths = {p.path for p in problems}
    schema_paths = set(check_jsonschema("round", [file])[str(file)])
    assert path in build_paths, problems
    assert path in schema_paths, schema_paths


def test_the_bundled_example_broken_is_refused_with_the_builds_field_path(tmp_path: Path) -> None:
    """A real data file of the example, broken as an editor would, through both checks."""
    from prongsai import DataError, load_site

    import shutil

    shutil.copytree(REPO / "data", tmp_path / "data")
    measures = tmp_path / "data/years/2569/measures/m01.yml"
    text = measures.read_text("utf-8")
    measures.write_text(text.replace("  end: 2569-06-30", "  end: 2569-06-31", 1), "utf-8")
    with pytest.raises(DataError) as exc:
        load_site(tmp_path / "data")
    build = {(p.file, p.path) for p in exc.value.problems}
    schema_paths = set(check_jsonschema("measure", [measures])[str(measures)])
    assert ("data/years/2569/measures/m01.yml", "period.end") in build
    assert schema_paths == {"period.end"}

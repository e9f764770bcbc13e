from pathlib import Path

import pytest

from prongsai.yamlio import YamlProblem, read_yaml


def read(tmp_path: Path, text: str | bytes):  # type: ignore[no-untyped-def]
    p = tmp_path / "f.yml"
    p.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return read_yaml(p, "data/f.yml")


def problem(tmp_path: Path, text: str | bytes) -> str:
    with pytest.raises(YamlProblem) as exc:
        read(tmp_path, text)
    return str(exc.value.problem)


def test_yaml_1_1_surprises_do_not_change_meaning(tmp_path: Path) -> None:
    doc = read(tmp_path, "a: no\nb: on\nc: 2568-01-15\nd: 1:30\ne: 010\nf: true\ng: 80\nh: 90.5\ni: ~\n")
    assert doc.data == {"a": "no", "b": "on", "c": "2568-01-15", "d": "1:30", "e": "010", "f": True, "g": 80, "h": 90.5, "i": None}


def test_lines_are_kept_for_every_field(tmp_path: Path) -> None:
    doc = read(tmp_path, "a:\n  - x: 1\n  - x: 2\n    y: 3\n")
    assert doc.line_of(("a", 1, "y")) == 4
    assert doc.line_of(("a", 1, "missing")) == 3


def test_duplicate_keys_are_refused_with_both_lines(tmp_path: Path) -> None:
    assert problem(tmp_path, "title: ก\nother: 1\ntitle: ข\n") == (
        "data/f.yml:3: title: หัวข้อ 'title' ซ้ำกับบรรทัด 1 ให้ลบหรือรวมเหลือหัวข้อเดียว (duplicate key)"
    )


def test_tabs_get_a_thai_explanation_and_the_file_is_still_read(tmp_path: Path) -> None:
    doc = read(tmp_path, "a:\n\tb: 1\nc:\n  - x\n\t- y\n")
    msgs = [str(p) for p in doc.problems]
    assert [m.split(": ", 1)[0] for m in msgs] == ["data/f.yml:2", "data/f.yml:5"]  # one a line
    assert msgs[0].startswith("data/f.yml:2: รูปแบบ YAML ไม่ถูกต้อง: มีตัวอักษรแท็บ (Tab)")
    assert "(tab character; indent with spaces)" in msgs[0]
    assert doc.data == {"a": {"b": 1}, "c": ["x", "y"]}  # read as the editor meant, to check the rest
    assert doc.line_of(("c", 1)) == 5


def test_a_tab_that_no_reading_explains_is_the_one_problem(tmp_path: Path) -> None:
    msg = problem(tmp_path, 'a: "open\n\tb: 1\n')
    assert msg.startswith("data/f.yml:1: รูปแบบ YAML ไม่ถูกต้อง: เครื่องหมายคำพูด")


def test_unclosed_quote(tmp_path: Path) -> None:
    assert "เครื่องหมายคำพูด" in problem(tmp_path, 'a: "ไม่ปิด\nb: 1\n')


def test_not_utf8(tmp_path: Path) -> None:
    msg = problem(tmp_path, "a: 1\nb: ".encode() + "ไทย".encode("cp874"))
    assert msg.startswith("data/f.yml:2: ไฟล์นี้ไม่ได้บันทึกเป็น UTF-8")


def test_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    doc = read(tmp_path, "\ufeffa: 1\r\nb: สอง\r\n")
    assert doc.data == {"a": 1, "b": "สอง"}


def test_aliases_are_refused(tmp_path: Path) -> None:
    assert "anchor/alias" in problem(tmp_path, "a: &x {b: 1}\nc: *x\n")


def test_empty_file_reads_as_nothing(tmp_path: Path) -> None:
    assert read(tmp_path, "# only a comment\n").data is None

"""The editors' commands: new-year, new-measure, new-round, new-disclosure and status."""

from __future__ import annotations

import contextlib
import io
import shutil
from pathlib import Path

import pytest

from prongsai import load_site
from prongsai.cli import main
from prongsai.commands import COMMANDS
from prongsai.load import natural_key
from prongsai.placeholders import MARK

from .conftest import REPO, build


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(argv))
        except SystemExit as exc:  # --help
            code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def example(tmp_path: Path) -> Path:
    """A copy of the bundled example, as a municipality's repository holds it."""
    project = tmp_path / "town"
    shutil.copytree(REPO / "data", project / "data")
    shutil.copytree(REPO / "docs", project / "docs")
    config = (REPO / "mkdocs.yml").read_text("utf-8")
    config = config.replace("custom_dir: overrides", f"custom_dir: {REPO.as_posix()}/overrides")
    config = config.replace("  - hooks/prongsai_mkdocs.py", f"  - {REPO.as_posix()}/hooks/prongsai_mkdocs.py")
    config = config.replace("  - prongsai_mkdocs\n", "").replace("  - prongsai\n", "").replace("  - overrides\n", "")
    (project / "mkdocs.yml").write_text(config, "utf-8")
    return project


def test_every_command_has_thai_help() -> None:
    for module in COMMANDS:
        name = module.replace("_", "-")
        code, out, _ = run(name, "--help")
        assert code == 0
        assert out.startswith("วิธีใช้: python -m prongsai " + name)
        assert "ตัวเลือก:" in out and "แสดงวิธีใช้แล้วจบ" in out
        assert "usage:" not in out and "show this help" not in out


def fill_placeholders(data: Path) -> None:
    """What an editor does next: write real text where the commands left their mark."""
    for path in data.rglob("*.yml"):
        text = path.read_text("utf-8")
        if MARK in text:
            path.write_text(text.replace(" " + MARK, " ที่หน่วยงานเขียนเอง"), "utf-8")


def test_scaffolded_files_fail_validation_on_each_placeholder_until_filled_then_build(example: Path) -> None:
    data = str(example / "data")
    docs = str(example / "docs")
    code, out, err = run("new-year", "2570", "--provisional-catalog", "--data", data)
    assert code == 0, err
    assert "มาตรการที่ยังไม่เสร็จยกมา 8 รายการ" in out
    code, _, err = run("new-measure", "--year", "2570", "--group", "3", "--title", "มาตรการเปิดข้อมูลงบประมาณ", "--data", data)
    assert code == 0, err
    code, out, err = run("new-round", "6", "--year", "2570", "--data", data)
    assert code == 0, err
    assert "มาตรการ 9 รายการ" in out
    code, out, err = run(
        "new-disclosure", "O1", "--year", "2570", "--title", "โครงสร้างองค์กร", "--url", "https://x.example/s", "--covers", "๒๕๗๐", "--data", data
    )
    assert code == 0, err

    # nothing unfinished passes: every placeholder is a line naming its file, line and field
    code, out, err = run("validate", "--data", data, "--docs", docs)
    assert code == 1 and out == ""
    lines = [line.strip() for line in err.splitlines() if "(placeholder left by a scaffolding command)" in line]
    fields = [line.split(": ", 2)[:2] for line in lines]
    # the new measure is a file of its own (one file per measure), named by its id
    measures, r6m = "data/years/2570/measures/m11.yml", "data/years/2570/rounds/r6m.yml"
    m11 = Path(data, "years/2570/measures/m11.yml").read_text("utf-8").splitlines()
    assert m11[0] == "# yaml-language-server: $schema=../../../../schema/measure.schema.json"
    steps_line = next(n for n, line in enumerate(m11, 1) if "ขั้นตอนที่ 1 " + MARK in line)
    assert fields[:2] == [[f"{measures}:{steps_line}", "steps[0]"], [f"{measures}:{steps_line + 3}", "targets[0].text"]]
    assert [f for _, f in fields[2:]] == ["summary", *(f"entries[{n}].output" for n in range(9))]
    assert all(where.startswith(r6m + ":") for where, _ in fields[2:])
    assert len(lines) == 12 and "พบข้อผิดพลาดในข้อมูล 12 รายการ" in err  # nothing else is wrong with the scaffolded files
    assert "ยังเป็นข้อความตัวอย่างที่คำสั่งสร้างไว้ 'สรุปภาพรวมของรอบ (แก้ข้อความนี้)' ให้เขียนข้อความจริงแทน" in err

    fill_placeholders(example / "data")
    code, out, err = run("validate", "--data", data, "--docs", docs)
    assert code == 0, err
    site = load_site(example / "data", example / "docs")
    fy = site.years[2570]
    # what carries over: units, grouping, unfinished measures (latest status not completed/cancelled)
    assert [u.id for u in fy.info.units] == [u.id for u in site.years[2569].info.units]
    assert fy.taxonomy.key == "issues"
    ids = [m.id for m in fy.measures]
    assert "m06" not in ids and "m08" not in ids  # completed in 2569's last round
    assert ids[:2] == ["m01", "m02"] and ids[-1] == "m11"
    assert sorted(p.name for p in (example / "data/years/2570/measures").iterdir()) == ["README.md", *(f"{i}.yml" for i in ids)]
    readme = (example / "data/years/2570/measures/README.md").read_text("utf-8")
    assert "วันที่ใน period ต้องอยู่ระหว่าง 1 ตุลาคม 2569 ถึง 30 กันยายน 2570" in readme
    assert all(m.period.start == fy.span.start and m.period.end == fy.span.end for m in fy.measures)
    assert [e.measure for e in fy.rounds[0].entries] == ids
    assert fy.disclosure("O1").documents[0].covers == 2570  # type: ignore[union-attr]

    site_dir = build(example)
    html = (site_dir / "2570/measures/m11/index.html").read_text("utf-8")
    assert "มาตรการเปิดข้อมูลงบประมาณ" in html and MARK not in html
    assert (site_dir / "2570/report/index.html").is_file()
    assert (site_dir / "oit/2570/index.html").is_file()


def test_a_placeholder_an_editor_leaves_stops_the_strict_build(example: Path, caplog: pytest.LogCaptureFixture) -> None:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, PluginError

    assert run("new-round", "12", "--year", "2569", "--data", str(example / "data"))[0] == 0
    cfg = load_config(config_file=str(example / "mkdocs.yml"), site_dir=str(example / "site"), strict=True)
    with pytest.raises((PluginError, Abort)):
        mkdocs_build(cfg)
    assert "data/years/2569/rounds/r12m.yml:19: summary: ยังเป็นข้อความตัวอย่างที่คำสั่งสร้างไว้" in caplog.text
    assert not (example / "site/2569/report/index.html").exists()


def test_new_disclosure_takes_the_year_it_covers_and_says_whether_the_item_now_scores(example: Path) -> None:
    data = str(example / "data")
    # ITA 2569's O24 asks for fiscal 2568; the example still links the 2567 report
    code, out, err = run("new-disclosure", "O24", "--year", "2569", "--title", "รายงานปี 2568", "--url", "https://x.example/r", "--data", data)
    assert code == 0, err
    assert "ข้อ O24 ตอนนี้: ข้อมูลไม่ตรงปี" in out and "covers: 2568" in out
    code, out, err = run(
        "new-disclosure", "O24", "--year", "2569", "--title", "รายงานปี 2568 ฉบับแก้", "--url", "https://x.example/r2", "--covers", "2568", "--data", data
    )
    assert code == 0, err
    assert out.rstrip().endswith("ข้อ O24 ตอนนี้: ครบถ้วน")
    assert "    covers: 2568\n" in Path(data, "years/2569/disclosures.yml").read_text("utf-8")


def test_new_year_refuses_an_ita_year_already_answered(example: Path) -> None:
    code, _, err = run("new-year", "2570", "--ita-year", "2569", "--data", str(example / "data"))
    assert code == 1
    assert "ปีงบประมาณ 2569 ตอบการประเมิน ITA 2569 อยู่แล้ว" in err
    assert not (example / "data/years/2570").exists()


def _is_subsequence(old: list[str], new: list[str]) -> bool:
    it = iter(new)
    return all(line in it for line in old)


def unsplit(ydir: Path) -> None:
    """The year's measures back in one measures.yml, as before ``split-measures``."""
    lines = ["measures:"]
    for path in sorted((ydir / "measures").glob("*.yml"), key=lambda p: natural_key(p.stem)):
        body = path.read_text("utf-8").split("\n", 2)[2]  # after the schema line and a blank line
        lines += [("  - " if ln.startswith("id:") else "    ") + ln if ln else "" for ln in body.splitlines()]
    shutil.rmtree(ydir / "measures")
    (ydir / "measures.yml").write_text("\n".join(lines) + "\n", "utf-8")


def test_commands_keep_comments_order_and_quoting_of_the_files_they_edit(example: Path) -> None:
    data = example / "data"
    # a year still in one measures.yml (before split-measures): new-measure appends to it
    unsplit(data / "years/2569")
    measures = data / "years/2569/measures.yml"
    disclosures = data / "years/2569/disclosures.yml"
    # an editor's own touches: a comment, quoted values, a flow list
    text = measures.read_text("utf-8").replace(
        "    responsible: [clerk, engineering, finance]",
        "    # ผู้รับผิดชอบตกลงในที่ประชุม 5 พ.ย.\n    responsible: [clerk, engineering, finance]",
        1,
    )
    text = text.replace("    reporting: รายงานผลในรอบ 6 เดือนและ 12 เดือน", "    reporting: 'รายงานทุกรอบ'", 1)
    measures.write_text(text, "utf-8")
    disclosures.write_text(disclosures.read_text("utf-8").replace("  - item: O2\n", '  - item: "O2"  # ผู้บริหาร\n', 1), "utf-8")
    before = {p: p.read_text("utf-8").splitlines() for p in (measures, disclosures)}

    assert run("new-measure", "--year", "2569", "--group", "2", "--title", "มาตรการใหม่", "--data", str(data))[0] == 0
    assert run("new-disclosure", "O2", "--year", "2569", "--title", "ประวัติผู้บริหาร", "--url", "https://x.example/a", "--data", str(data))[0] == 0
    assert run("new-disclosure", "O19", "--year", "2569", "--title", "เวทีรับฟัง", "--file", "files/2569/ita-measures-2569.pdf", "--data", str(data))[0] == 0

    for path, old in before.items():
        new = path.read_text("utf-8").splitlines()
        assert _is_subsequence(old, new), path  # nothing removed, reworded, requoted or reordered
        assert len(new) > len(old)
    m = measures.read_text("utf-8")
    assert "    # ผู้บริหาร" not in m and "reporting: 'รายงานทุกรอบ'" in m and "# ผู้รับผิดชอบตกลงในที่ประชุม 5 พ.ย." in m
    assert m.rstrip().endswith("- text: เป้าหมายของมาตรการ (แก้ข้อความนี้)")
    d = disclosures.read_text("utf-8")
    assert '  - item: "O2"  # ผู้บริหาร' in d
    # O19 goes between O18 and O20, in the catalogue's order
    assert d.index("item: O18") < d.index("item: O19") < d.index("item: O20")
    fill_placeholders(data)
    fy = load_site(data, example / "docs").years[2569]
    assert [doc.title for doc in fy.disclosure("O2").documents][-1] == "ประวัติผู้บริหาร"  # type: ignore[union-attr]
    assert fy.disclosure("O19").documents[0].file == "files/2569/ita-measures-2569.pdf"  # type: ignore[union-attr]
    assert fy.measures[-1].title == "มาตรการใหม่" and fy.measures[-1].id == "m12"


def test_new_files_say_what_each_field_is_in_thai(example: Path) -> None:
    data = example / "data"
    assert run("new-year", "2570", "--provisional-catalog", "--data", str(data))[0] == 0
    year = (data / "years/2570/year.yml").read_text("utf-8")
    assert year.startswith("# yaml-language-server: $schema=../../../schema/year.schema.json\n")
    assert "# ปีงบประมาณ (พ.ศ.)\nfiscal_year: 2570\n" in year
    assert "# ส่วนราชการที่รับผิดชอบมาตรการ แต่ละรายการมี: id = รหัสหน่วยงาน" in year
    assert run("new-round", "12", "--year", "2570", "--data", str(data))[0] == 0
    rnd = (data / "years/2570/rounds/r12m.yml").read_text("utf-8")
    assert "# ชนิดของรอบ: six_month, twelve_month, quarter หรือ other\nkind: twelve_month\n" in rnd
    assert "  # m01 มาตรการลดขั้นตอนของงานบริการที่ผู้รับบริการรอนานที่สุด" in rnd
    assert "start: 2569-10-01\n" in rnd and "end: 2570-09-30\n" in rnd  # Buddhist era, unquoted


def test_commands_refuse_bad_input_in_thai(example: Path) -> None:
    data = str(example / "data")
    code, _, err = run("new-measure", "--year", "2569", "--group", "9", "--title", "x", "--data", data)
    assert code == 1 and "ไม่มีประเด็นที่ 9 ในปี 2569" in err
    code, _, err = run("new-measure", "--year", "2569", "--group", "1", "--title", "x", "--id", "m01", "--data", data)
    assert code == 1 and "มีมาตรการรหัส 'm01'" in err
    code, _, err = run("new-disclosure", "O99", "--title", "x", "--url", "https://a.example", "--data", data)
    assert code == 1 and "ไม่มีข้อ O99" in err
    code, _, err = run("new-round", "6", "--year", "2569", "--data", data)
    assert code == 1 and "มีรอบรหัส 'r6m'" in err
    code, _, err = run("new-year", "๒๕๗๐x", "--data", data)
    assert code == 2 and "ให้เขียนปี พ.ศ. 4 หลัก" in err


def test_status_lists_what_is_missing_or_late(example: Path) -> None:
    data = str(example / "data")
    code, out, _ = run("status", "--today", "2569-11-21", "--data", data)
    assert code == 0
    assert out.startswith("สถานะข้อมูลปีงบประมาณ 2569 (ตรวจเมื่อ 21 พฤศจิกายน 2569)")
    assert "ให้เริ่มปีใหม่ด้วยคำสั่ง python -m prongsai new-year 2570 --provisional-catalog" in out
    assert "ยังไม่มีรายงานรอบ 12 เดือน (สิ้นสุด 30 กันยายน 2569)" in out
    assert "มาตรการ m03 มาตรการชำระภาษีและค่าธรรมเนียมผ่านช่องทางอิเล็กทรอนิกส์: ล่าช้ากว่าแผน (รอบ r6m)" in out
    # the OIT section reports the completeness check's verdicts (the example's deliberate gaps)
    assert "O19 ผลการเปิดโอกาสให้มีส่วนร่วมในการดำเนินงาน: ยังไม่มีข้อมูล" in out
    assert "O1 โครงสร้าง หน้าที่และอำนาจ: องค์ประกอบไม่ครบ" in out
    assert "O24 รายงานผลการดำเนินการป้องกันการทุจริต: ข้อมูลไม่ตรงปี" in out
    # in April the 12-month round is not due yet; a measure missing from the latest round is named
    rnd = example / "data/years/2569/rounds/r6m.yml"
    text = rnd.read_text("utf-8")
    start = text.index("  - measure: m05")
    end = text.index("  - measure: m06")
    rnd.write_text(text[:start] + text[end:], "utf-8")
    code, out, _ = run("status", "--today", "2569-04-15", "--format", "markdown", "--data", data)
    assert "12 เดือน" not in out and "new-year" not in out
    assert out.startswith("## สถานะข้อมูลปีงบประมาณ 2569")
    assert "- [ ] มาตรการ m05 มาตรการสื่อสารข้อมูลข่าวสารผ่านผู้นำชุมชนและหอกระจายข่าว: ไม่มีผลการดำเนินการในรอบล่าสุด (r6m)" in out

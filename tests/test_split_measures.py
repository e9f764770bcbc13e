"""One file per measure: ``split-measures`` moves each measure as written; the loader reads
``measures/<id>.yml`` in file-name order, or an older single ``measures.yml``, never both."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from prongsai import DataError, load_site

from .conftest import REPO
from .test_scaffold import run, unsplit


@pytest.fixture
def data(tmp_path: Path) -> Path:
    shutil.copytree(REPO / "data", tmp_path / "data")
    return tmp_path / "data"


def _problems(data: Path) -> list[str]:
    with pytest.raises(DataError) as exc:
        load_site(data)
    return [str(p) for p in exc.value.problems]


def test_split_moves_each_measure_as_written_and_the_site_reads_the_same(data: Path) -> None:
    before = load_site(REPO / "data").years[2569].measures
    unsplit(data / "years/2569")
    assert load_site(data).years[2569].measures == before  # the older layout is still read
    assert not load_site(data).years[2569].measures_split
    code, out, err = run("split-measures", "--year", "2569", "--data", str(data))
    assert code == 0, err
    assert "แยก measures.yml เป็น 11 ไฟล์" in out and not (data / "years/2569/measures.yml").exists()
    # byte for byte the committed files: quotes, Thai digits, the comments inside and above each
    for path in sorted((REPO / "data/years/2569/measures").glob("*.yml")):
        assert (data / "years/2569/measures" / path.name).read_text("utf-8") == path.read_text("utf-8"), path.name
    assert load_site(data).years[2569].measures == before
    assert run("split-measures", "--year", "2569", "--data", str(data))[0] == 1  # nothing left to split


def test_a_year_with_both_layouts_is_refused_in_thai(data: Path) -> None:
    shutil.copy(REPO / "tests/fixtures/mini/data/years/2568/measures.yml", data / "years/2569/measures.yml")
    problems = _problems(data)
    assert any(
        p.startswith("data/years/2569/measures.yml: ปีนี้มีทั้งไฟล์ measures.yml และโฟลเดอร์ measures/") and "split-measures" in p
        for p in problems
    ), problems


def test_a_measure_file_named_otherwise_than_its_id_is_refused(data: Path) -> None:
    folder = data / "years/2569/measures"
    (folder / "m03.yml").rename(folder / "m3x.yml")
    problems = _problems(data)
    assert any(
        p.startswith("data/years/2569/measures/m3x.yml:4: id: รหัสมาตรการ 'm03' ไม่ตรงกับชื่อไฟล์ (m3x.yml)") for p in problems
    ), problems


def test_measures_follow_the_natural_order_of_their_file_names(data: Path) -> None:
    folder = data / "years/2569/measures"
    text = (folder / "m11.yml").read_text("utf-8").replace("id: m11", "id: m100")
    (folder / "m11.yml").unlink()
    (folder / "m100.yml").write_text(text, "utf-8")
    for name in ("r6m", "r12m"):
        rnd = data / "years/2569/rounds" / f"{name}.yml"
        if rnd.is_file():
            rnd.write_text(rnd.read_text("utf-8").replace("measure: m11", "measure: m100"), "utf-8")
    ids = [m.id for m in load_site(data).years[2569].measures]
    assert ids[-2:] == ["m10", "m100"] and ids[:2] == ["m01", "m02"]


def test_split_refuses_a_year_whose_order_the_file_names_would_change(data: Path) -> None:
    unsplit(data / "years/2569")
    path = data / "years/2569/measures.yml"
    text = path.read_text("utf-8")
    head, rest = text.split("  - id: m11", 1)
    path.write_text(head.replace("measures:\n", "measures:\n  - id: m11" + rest.rstrip("\n") + "\n\n", 1).rstrip() + "\n", "utf-8")
    assert [m.id for m in load_site(data).years[2569].measures][0] == "m11"
    code, _, err = run("split-measures", "--data", str(data))
    assert code == 1 and "มาตรการเรียงไม่ตรงกับลำดับรหัส" in err
    assert path.is_file() and not (data / "years/2569/measures").exists()

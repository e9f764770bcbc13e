"""``python -m prongsai split-measures``: one file per measure instead of one ``measures.yml``.

``data/years/<ปี>/measures.yml`` becomes ``data/years/<ปี>/measures/<รหัส>.yml``, one measure
each, so that the editors' form of a measure opens in a moment (Decap CMS draws every field of
every measure of a file, folded or not: 30 measures took 10 s and more) and two editors who
change two measures open two pull requests that do not collide.

Each measure's lines are moved as written (quotes, Thai digits, comments inside it and the
comments just above it, such as ``# ===== ประเด็นที่ 1 ...``), only shifted left; a measure the
text cannot be cut from (a list written in ``[...]``) is written out again by ruamel.yaml.
The comments at the top of ``measures.yml`` (the year's rules) go into ``measures/README.md``,
which the forms never rewrite. The measures are read in the order of their file names, so the
command refuses a year whose order would change (the site's pages stay exactly the same).
"""

from __future__ import annotations

import argparse
import io
from dataclasses import dataclass
from pathlib import Path

from .. import scaffold
from ..errors import DataError
from ..load import load_site, natural_key
from ..site import MEASURES_FOLDER
from ._common import add_data, fail, load, year_arg

NAME = "split-measures"
HELP = "แยก measures.yml ของปีงบประมาณเป็นไฟล์ละหนึ่งมาตรการ (measures/<รหัส>.yml) ให้แบบฟอร์มเปิดได้เร็ว"
DESCRIPTION = (
    "ย้ายมาตรการแต่ละข้อใน data/years/<ปี>/measures.yml ไปเป็นไฟล์ data/years/<ปี>/measures/<รหัสมาตรการ>.yml "
    "ตามที่เขียนไว้ทุกตัวอักษร (รวมหมายเหตุ) หมายเหตุส่วนหัวของไฟล์ย้ายไปไว้ใน measures/README.md "
    "แล้วลบ measures.yml หน้าเว็บไซต์ไม่เปลี่ยน ตรวจผลด้วย git diff แล้ว commit ตามปกติ"
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--year", type=year_arg, help="ปีงบประมาณ (ค่าเริ่มต้น: ทุกปีที่ยังมี measures.yml)")
    add_data(p)


@dataclass(frozen=True)
class Split:
    header: list[str]  # the comment lines above ``measures:`` (without the schema line)
    measures: list[tuple[str, str]]  # (id, the measure's YAML text, without the schema line)


def _comment(line: str) -> bool:
    return line.strip().startswith("#") or not line.strip()


def split_text(text: str) -> Split:
    """Cut ``measures.yml``'s text into one text per measure (see the module's docstring)."""
    doc = scaffold.yaml_rt().load(text)
    lines = text.splitlines()
    seq = doc.get("measures") if doc else None
    top = doc.lc.key("measures")[0] if doc and "measures" in doc else len(lines)
    header = [ln.strip().lstrip("#").strip() for ln in lines[:top] if ln.strip().startswith("#")]
    header = [ln for ln in header if not ln.startswith("yaml-language-server")]
    while header and not header[0]:
        header.pop(0)
    if not seq:
        return Split(header, [])
    flow = seq.fa.flow_style()
    starts = [seq.lc.item(i) for i in range(len(seq))]
    out: list[tuple[str, str]] = []
    for i, item in enumerate(seq):
        text_i = None if flow else _cut(lines, starts, i, top)
        if text_i is None or scaffold.yaml_rt().load(text_i) != item:
            buf = io.StringIO()
            scaffold.yaml_rt().dump(item, buf)
            text_i = buf.getvalue()
        out.append((str(item["id"]), text_i))
    return Split(header, out)


def _cut(lines: list[str], starts: list[tuple[int, int]], i: int, top: int) -> str | None:
    """The lines of item ``i`` (and the comments just above it), moved left to column 0."""
    line, col = starts[i]
    end = starts[i + 1][0] if i + 1 < len(starts) else len(lines)
    begin = line
    floor = starts[i - 1][0] + 1 if i else top + 1
    while begin > floor and _comment(lines[begin - 1]):  # the comments above belong to this item
        begin -= 1
    while end > line + 1 and _comment(lines[end - 1]):  # ... and those below to the next one
        end -= 1
    if i + 1 == len(starts):
        end = len(lines)
        while end > line + 1 and not lines[end - 1].strip():
            end -= 1
    head = lines[line]
    if head[:col].strip() != "-":
        return None
    chunk = [*lines[begin:line], " " * col + head[col:], *lines[line + 1 : end]]
    moved = []
    for ln in chunk:
        if not ln.strip():
            moved.append("")
        elif ln[:col].strip() == "":
            moved.append(ln[col:])
        elif _comment(ln):
            moved.append(ln.strip())
        else:
            return None
    while moved and not moved[0]:
        moved.pop(0)
    return "\n".join(moved) + "\n"




def run(args: argparse.Namespace) -> int:
    site = load(args.data, drafts=True)
    if site is None:
        return 1
    data = Path(args.data)
    years = [args.year] if args.year else sorted(site.years)
    todo = [y for y in years if (data / "years" / str(y) / "measures.yml").is_file()]
    if args.year and not todo:
        return fail(f"ปีงบประมาณ {args.year} ไม่มีไฟล์ measures.yml (แยกแล้ว หรือยังไม่มีมาตรการ)")
    writes: dict[Path, str] = {}
    for y in todo:
        source = data / "years" / str(y) / "measures.yml"
        split = split_text(source.read_text("utf-8"))
        ids = [mid for mid, _ in split.measures]
        if ids != sorted(ids, key=natural_key):
            return fail(
                f"{source.as_posix()}: มาตรการเรียงไม่ตรงกับลำดับรหัส ({', '.join(ids)}) "
                "เมื่อแยกไฟล์ เว็บไซต์จะเรียงมาตรการตามชื่อไฟล์ (รหัส) หน้าเว็บจึงจะเปลี่ยนลำดับ "
                "ให้เรียงมาตรการในไฟล์ตามรหัสก่อน แล้วสั่งอีกครั้ง (measures are not in the order of their ids)"
            )
        folder = source.parent / MEASURES_FOLDER
        for mid, text in split.measures:
            path = folder / f"{mid}.yml"
            writes[path] = scaffold.schema_line(path, data, "measure") + "\n\n" + text
        writes[folder / "README.md"] = scaffold.measures_readme(y, split.header)
    exists = [p for p in writes if p.exists()]
    if exists:
        return fail(f"มีไฟล์ {exists[0].as_posix()} อยู่แล้ว ไม่เขียนทับ (file exists)")
    sources = {y: (data / "years" / str(y) / "measures.yml") for y in todo}
    kept = {y: p.read_text("utf-8") for y, p in sources.items()}
    for path, text in writes.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    for p in sources.values():
        p.unlink()
    try:
        after = load_site(data, drafts=True)
    except DataError as exc:  # never leave a tree the validator refuses: put it back
        for path in writes:
            path.unlink()
        for folder in {path.parent for path in writes}:
            folder.rmdir()
        for y, p in sources.items():
            p.write_text(kept[y], "utf-8")
        return fail(f"{exc}\n\nแยกไฟล์แล้วข้อมูลไม่ผ่านการตรวจ จึงคืนไฟล์ measures.yml ไว้ตามเดิม (split undone)")
    for y in todo:
        before = [m.model_dump() for m in site.years[y].measures]
        if before != [m.model_dump() for m in after.years[y].measures]:  # pragma: no cover - split_text checks each item
            raise AssertionError(f"split-measures changed the measures of {y}")
        print(f"ปีงบประมาณ {y}: แยก measures.yml เป็น {len(site.years[y].measures)} ไฟล์ใน {sources[y].parent.as_posix()}/{MEASURES_FOLDER}/")
    if not todo:
        print("ไม่มีปีที่ยังใช้ measures.yml (nothing to split)")
    return 0

"""import-docx: the time, memory and share of text placed for each test document and a 5 MB one.

    .venv/bin/python benchmarks/import_docx.py [--measures 1200] [--keep DIR]

Each document is made with python-docx from invented records (tests/docx_fixture.py), then
imported in-process as ``python -m prongsai import-docx`` does (read, interpret, write the YAML
and import-report.md into a fresh data tree). The 5 MB document is a measures document of
``--measures`` measures with long cells and the agency's logo and signature as pictures (as
real Word files carry; the pictures make most of the bytes, the text most of the work).
Figures are printed, never asserted: this is a benchmark, not a test.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import struct
import sys
import tempfile
import time
import tracemalloc
import zlib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from prongsai.docximport import Context, existing_measures, import_docx, write_all  # noqa: E402
from prongsai.load import load_site  # noqa: E402
from prongsai.scaffold import load as load_yaml  # noqa: E402
from tests import docx_fixture as fx  # noqa: E402


def _noise_png(path: Path, side: int, seed: int) -> Path:
    """A PNG of random pixels (incompressible, like a scanned signature)."""
    import random

    rnd = random.Random(seed)
    raw = b"".join(b"\x00" + rnd.randbytes(side * 3) for _ in range(side))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(raw, 1)) + chunk(b"IEND", b"")
    path.write_bytes(png)
    return path


def _import(doc: Path, kind: str, tree: Path) -> dict[str, object]:
    data = tree / "data"
    out = data / "years/2568"
    year_raw = load_yaml(out / "year.yml") if (out / "year.yml").is_file() else {}
    measures = existing_measures(out)
    ctx = Context(
        2568,
        load_yaml(data / "catalog/ita-2568.yml"),
        [dict(u) for u in (year_raw or {}).get("units", [])],
        measures,
    )
    t0 = time.perf_counter()
    result = import_docx(doc, ctx, kind)
    t1 = time.perf_counter()
    if result.measures or result.round:
        write_all(
            result, out, doc, tree / "schema", force=True, have_year=bool(year_raw), have_measures=bool(measures)
        )
    t2 = time.perf_counter()
    # memory in a second reading (tracemalloc slows Python down: not while timing)
    tracemalloc.start()
    import_docx(doc, ctx, kind)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    try:
        load_site(data)
        valid = "ผ่าน"
    except Exception as exc:  # DataError: the figures still count
        valid = f"ไม่ผ่าน ({str(exc).count(chr(10)) + 1} บรรทัด)"
    led = result.ledger
    total = led.chars() or 1
    return {
        "read+interpret s": t1 - t0,
        "write s": t2 - t1,
        "peak MB (Python)": peak / 1e6,
        "chars": led.chars(),
        "placed %": 100 * led.chars("placed") / total,
        "frame %": 100 * led.chars("frame") / total,
        "unplaced": len(led.unplaced()),
        "validate": valid,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--measures", type=int, default=1200, help="measures in the big document (default 1200)")
    ap.add_argument("--keep", help="keep the documents and trees in this folder")
    args = ap.parse_args()
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="import-docx-bench-"))
    shutil.rmtree(work, ignore_errors=True) if args.keep else None
    work.mkdir(parents=True, exist_ok=True)

    def tree(name: str) -> Path:
        root = work / name
        shutil.rmtree(root, ignore_errors=True)
        fx.empty_tree(root)
        shutil.copytree(REPO / "schema", root / "schema")
        return root

    src = load_site(fx.write_tree(work / "src", fx.fixture_year())).years[2568]
    by_ind = load_site(fx.write_tree(work / "src-ind", fx.fixture_year(grouping="indicators", groups=10))).years[2568]
    docs = [
        (
            "มาตรการ 26 มาตรการ ช่องผสาน ตารางต่อ 3 หน้า",
            fx.measures_docx(src, work / "measures.docx", split_group="1"),
            "auto",
            "m",
        ),
        ("รายงานผลรอบ 6 เดือน (หลังมาตรการ)", fx.report_docx(src, src.rounds[0], work / "report.docx"), "auto", "m"),
        (
            "เลขไทยและเลขลำดับ Word แบบเลขไทย",
            fx.measures_docx(src, work / "thai.docx", thai=True, thai_list=True),
            "auto",
            "t",
        ),
        ("คอลัมน์ที่ระบบไม่รู้จัก", fx.measures_docx(src, work / "extra.docx", extra_column=True), "auto", "x"),
        (
            "รายงานผลรายตัวชี้วัด (ปีว่าง)",
            fx.report_docx(by_ind, by_ind.rounds[0], work / "indicators.docx", with_plan=True),
            "report",
            "i",
        ),
    ]
    print(
        f"{'เอกสาร':<44} {'KB':>7} {'อ่าน+ตีความ s':>13} {'เขียน s':>8} {'หน่วยความจำ MB':>14} {'อักขระ':>8} {'นำไปใส่ %':>9} {'โครง %':>7} {'ไม่ได้นำเข้า':>11}  validate"
    )
    trees: dict[str, Path] = {}
    for title, doc, kind, tree_key in docs:
        root = trees.get(tree_key) or tree(tree_key)
        trees[tree_key] = root
        r = _import(doc, kind, root)
        print(
            f"{title:<44} {doc.stat().st_size / 1024:>7.0f} {r['read+interpret s']:>13.2f} {r['write s']:>8.2f} {r['peak MB (Python)']:>14.1f} "
            f"{r['chars']:>8,} {r['placed %']:>9.1f} {r['frame %']:>7.1f} {r['unplaced']:>11}  {r['validate']}"
        )
    big_src = load_site(fx.write_tree(work / "src-big", fx.fixture_year(n_measures=args.measures))).years[2568]
    big = fx.measures_docx(big_src, work / "big.docx")
    import docx

    d = docx.Document(str(big))
    for n, side in enumerate((900, 900)):  # two different pictures (python-docx stores one copy of a repeated one)
        d.add_picture(str(_noise_png(work / f"picture-{n}.png", side, n)))
    d.save(str(big))
    r = _import(big, "auto", tree("big"))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{f'เอกสาร {big.stat().st_size / 1e6:.1f} MB ({args.measures} มาตรการ)':<44} {big.stat().st_size / 1024:>7.0f} {r['read+interpret s']:>13.2f} {r['write s']:>8.2f} "
        f"{r['peak MB (Python)']:>14.1f} {r['chars']:>8,} {r['placed %']:>9.1f} {r['frame %']:>7.1f} {r['unplaced']:>11}  {r['validate']}"
    )
    print(f"หน่วยความจำสูงสุดของกระบวนการ (max RSS): {rss:.0f} MB")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Benchmark: a municipality's archive of N fiscal years, built with prongsai and with plain MkDocs.

Run from the repository root after the README's set-up:

    .venv/bin/python benchmarks/build_archive.py            # 5, 10 and 20 years
    .venv/bin/python benchmarks/build_archive.py --years 10 # one size only

For each size it writes a synthetic data tree of realistic shape (per fiscal year: the
seven issues, 20-30 measures, a six-month and a twelve-month round with an entry for
every measure, the full OIT catalogue with 2-5 documents per item, long preface,
summary and analysis texts), builds it with the hooks, and, for 10 years, builds the same
pages written out as Markdown files with the same hierarchical navigation and
navigation.prune, without hooks: the baseline a municipality would otherwise have.

It prints, side by side: build time, baseline time and their ratio; the time spent
loading, validating and generating; peak memory; the HTML size of each page type; the
search index size; the gzip size of a first view (HTML + CSS + JS + fonts); the growth
from 5 to 10 to 20 years; the rebuild time of ``mkdocs serve`` after editing one YAML
file. The last line is the summary:

    BENCH ratio=... growth=... overhead_pct=... peak_mb=... max_page_kb=... first_view_kb=...

Figures are wall-clock seconds on the machine it runs on; each build runs in a fresh
Python process, twice (``--repeat``), and the faster run counts.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import queue
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from prongsai import load_site  # noqa: E402
from prongsai.export import export_markdown  # noqa: E402
from prongsai.options import Options  # noqa: E402
from prongsai.output import generate  # noqa: E402
from prongsai.parts import Page  # noqa: E402
from prongsai.yamlio import read_yaml  # noqa: E402
from prongsai_mkdocs.twins import TWINS  # noqa: E402

LAST_YEAR = 2569

# Words to make Thai text of realistic length (written for this benchmark).
WORDS = (
    "เทศบาล ประชาชน ผู้รับบริการ ขั้นตอน คู่มือ การปฏิบัติงาน เผยแพร่ เว็บไซต์ ข้อมูล ข่าวสาร งบประมาณ "
    "การจัดซื้อจัดจ้าง ทรัพย์สิน ราชการ บุคลากร ร้องเรียน ทุจริต ความโปร่งใส คุณธรรม ตรวจสอบ ติดตาม "
    "รายงาน ประจำปี ไตรมาส ประชุม ชี้แจง อบรม กิจกรรม โครงการ มาตรการ ปรับปรุง พัฒนา ระบบ ออนไลน์ "
    "บริการ ช่องทาง สื่อสาร ประชาสัมพันธ์ ชุมชน หมู่บ้าน ผู้บริหาร ส่วนราชการ กองคลัง กองช่าง "
    "สำนักปลัด ความพึงพอใจ ผลการดำเนินงาน ผลลัพธ์ เป้าหมาย ระยะเวลา แผนงาน ความเสี่ยง ป้องกัน"
).split()
STATUSES = ["completed", "in_progress", "ongoing", "delayed", "not_started", "completed", "completed"]


def _sentence(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(WORDS) + (" " if rng.random() < 0.3 else "") for _ in range(n)).strip()


def _para(rng: random.Random, chars: int) -> str:
    out: list[str] = []
    while sum(len(s) for s in out) < chars:
        out.append(_sentence(rng, rng.randint(8, 20)))
    return " ".join(out)


def _long(rng: random.Random, paragraphs: int, chars: int) -> str:
    return "\n\n".join(_para(rng, chars) for _ in range(paragraphs))


def _dump(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), "utf-8")


def synth(dest: Path, years: int, seed: int = 2569) -> int:
    """Write a data tree of ``years`` fiscal years ending in 2569; return the page count hint."""
    rng = random.Random(seed)
    shutil.copy(REPO / "data/organization.yml", dest / "organization.yml")
    template = read_yaml(REPO / "data/catalog/ita-2567.yml", "ita-2567.yml").data
    first = LAST_YEAR - years + 1
    for y in range(first, LAST_YEAR + 1):
        cat = dict(template, ita_year=y, title=f"การประเมิน ITA ประจำปีงบประมาณ พ.ศ. {y} (ชุดทดสอบ)")
        cat.pop("previous_year", None)
        items = []
        for item in template["items"]:
            item = {k: v for k, v in item.items() if k != "previous"}
            if y > first:
                item["previous"] = {"codes": [item["code"]], "confidence": "I"}
            items.append(item)
        cat["items"] = items
        if y > first:
            cat["previous_year"] = y - 1
        _dump(dest / f"catalog/ita-{y}.yml", cat)
        _year(dest / f"years/{y}", y, [i["code"] for i in items], rng)
    return years


def _date(y: int, m: int, d: int) -> str:
    return f"{y if m < 10 else y - 1}-{m:02d}-{d:02d}"


def _year(ydir: Path, y: int, codes: list[str], rng: random.Random) -> None:
    units = [{"id": u, "name": n} for u, n in [("clerk", "สำนักปลัดเทศบาล"), ("finance", "กองคลัง"), ("works", "กองช่าง"), ("edu", "กองการศึกษา"), ("health", "กองสาธารณสุขและสิ่งแวดล้อม"), ("law", "งานนิติการ")]]
    _dump(
        ydir / "year.yml",
        {
            "fiscal_year": y,
            "grouping": "issues",
            "preface": _long(rng, 3, 400),
            "summary": _long(rng, 3, 500),
            "units": units,
            "limitations": [{"instrument": i, "limitation": _para(rng, 200), "impact": _para(rng, 120), "approach": _para(rng, 150)} for i in ("IIT", "EIT", "OIT")],
        },
    )
    _dump(
        ydir / "assessment.yml",
        {
            "assessment": {
                "ita_year": y - 1,
                "score": round(rng.uniform(80, 96), 2),
                "band": "ผ่าน",
                "instruments": [{"code": c, "score": round(rng.uniform(75, 99), 2)} for c in ("IIT", "EIT", "OIT")],
                "indicators": [{"number": n, "score": round(rng.uniform(70, 100), 2)} for n in range(1, 11)],
                "questions": [{"code": f"i{n}", "score": round(rng.uniform(80, 100), 2)} for n in range(1, 31)],
            },
            "analysis": {
                "overview": _long(rng, 2, 500),
                "groups": [
                    {"group": str(g), "text": _long(rng, 2, 400), "questions": [{"code": f"e{rng.randint(1, 15)}", "score": round(rng.uniform(70, 99), 2)}], "assessed": _para(rng, 120), "to_develop": _para(rng, 120)}
                    for g in range(1, 8)
                ],
            },
        },
    )
    n_measures = rng.randint(20, 30)
    measures = []
    for i in range(n_measures):
        measures.append(
            {
                "id": f"m{i + 1:02d}",
                "group": str(i % 7 + 1),
                "title": "มาตรการ" + _sentence(rng, rng.randint(4, 8)),
                "findings": [{"text": _para(rng, 250), "questions": [{"code": f"i{rng.randint(1, 30)}", "score": round(rng.uniform(70, 99), 2)}]}],
                "approach": _para(rng, 200),
                "steps": [_para(rng, 90) for _ in range(rng.randint(3, 5))],
                "period": {"start": _date(y, 10, 1), "end": _date(y, 9, 30), "text": "ตลอดปีงบประมาณ"},
                "responsible": rng.sample([u["id"] for u in units], 2),
                "monitoring": _para(rng, 120),
                "reporting": _para(rng, 80),
                "oit_items": rng.sample(codes, 2),
                "targets": [{"text": _para(rng, 80), "value": "ร้อยละ 80"}],
            }
        )
    _dump(ydir / "measures.yml", {"measures": measures})
    for rid, kind, end in (("r6m", "six_month", _date(y, 3, 31)), ("r12m", "twelve_month", _date(y, 9, 30))):
        _dump(
            ydir / f"rounds/{rid}.yml",
            {
                "id": rid,
                "kind": kind,
                "period": {"start": _date(y, 10, 1), "end": end},
                "as_of": end,
                "summary": _para(rng, 300),
                "entries": [
                    {
                        "measure": m["id"],
                        "status": rng.choice(STATUSES),
                        "percent": rng.choice([50, 60, 80, 100]),
                        "output": _para(rng, 220),
                        "outcome": _para(rng, 180),
                        "problems": _para(rng, 100),
                        "suggestions": _para(rng, 100),
                        "evidence": [{"title": "หลักฐาน" + _sentence(rng, 4), "url": f"https://www.saithan.example/ita/{y}/{rid}/{m['id']}.pdf", "date": end}],
                    }
                    for m in measures
                ],
            },
        )
    _dump(
        ydir / "disclosures.yml",
        {
            "disclosures": [
                {
                    "item": code,
                    "note": _para(rng, 100),
                    "documents": [
                        {"title": "เอกสาร" + _sentence(rng, 5), "url": f"https://www.saithan.example/oit/{y}/{code}/{k}.pdf", "date": _date(y, rng.randint(1, 9), rng.randint(1, 28)), "covers": y}
                        for k in range(rng.randint(2, 5))
                    ],
                }
                for code in codes
            ]
        },
    )


# --- builds ------------------------------------------------------------------------------

_RUNNER = """
import json, os, resource, sys, time
os.environ["NO_MKDOCS_2_WARNING"] = "1"
from mkdocs.commands.build import build
from mkdocs.config import load_config
t, cpu = time.perf_counter(), time.process_time()
build(load_config(config_file=sys.argv[1], site_dir=sys.argv[2], strict=True))
print(json.dumps({"seconds": time.perf_counter() - t, "cpu": time.process_time() - cpu, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _best_build(config: Path, site: Path, repeat: int) -> dict[str, Any]:
    """The fastest of ``repeat`` builds (wall-clock figures on a shared machine are noisy: the
    minimum is the least disturbed run), with the highest peak memory of them."""
    runs = [_run_build(config, site) for _ in range(max(1, repeat))]
    best = min(runs, key=lambda r: r["seconds"])
    return {**best, "peak_mb": max(r["peak_mb"] for r in runs), "runs": [r["seconds"] for r in runs]}


def _run_build(config: Path, site: Path, twins_off: str = "") -> dict[str, Any]:
    """One build in a fresh Python process: its time (wall clock and CPU), peak memory and,
    for a build with the hook, the hook's own account of where its time went
    (hooks/prongsai_mkdocs.py writes it to PRONGSAI_BUILD_TIMES). ``twins_off`` is
    PRONGSAI_TWINS_OFF for the build (see prongsai/twins.py)."""
    times = site.parent / f"{site.name}-times.json"
    times.unlink(missing_ok=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(REPO), "PRONGSAI_BUILD_TIMES": str(times)}
    env["PRONGSAI_TWINS_OFF"] = twins_off
    out = subprocess.run([sys.executable, "-c", _RUNNER, str(config), str(site)], capture_output=True, text=True, env=env)
    if out.returncode != 0:
        raise SystemExit(f"build failed:\n{out.stdout[-3000:]}\n{out.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    if times.is_file():
        result["hook"] = json.loads(times.read_text("utf-8"))
    return result


def _base_config() -> dict[str, Any]:
    cfg = yaml.safe_load((REPO / "mkdocs.yml").read_text("utf-8"))
    cfg["theme"]["custom_dir"] = str(REPO / "overrides")
    cfg.pop("watch", None)
    return cfg


def prongsai_project(work: Path, data: Path) -> Path:
    cfg = _base_config()
    cfg["docs_dir"] = str(REPO / "docs")
    cfg["hooks"] = [str(REPO / "hooks/prongsai_mkdocs.py")]
    cfg.setdefault("extra", {}).setdefault("prongsai", {})["data"] = str(data)
    cfg["watch"] = [str(data)]  # as the repository's mkdocs.yml watches data/
    path = work / "mkdocs.yml"
    path.write_text(yaml.safe_dump(cfg, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def baseline_project(work: Path, data: Path) -> Path:
    """The same pages as Markdown files, same nav and prune, no hooks (the export of
    ``export-markdown``), with Material's own search plugin as a plain site would have it."""
    export = work / "baseline"
    export_markdown(prongsai_project(work, data), export)
    path = export / "mkdocs.yml"
    cfg = yaml.safe_load(path.read_text("utf-8"))
    cfg["plugins"] = ["search"]
    path.write_text(yaml.safe_dump(cfg, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def _options(data: Path) -> Options:
    cfg = _base_config()
    extra = dict((cfg.get("extra") or {}).get("prongsai") or {}, data=str(data))
    return Options.from_config(extra, site_url=cfg.get("site_url"), docs_dir=str(REPO / "docs"))


def generated(data: Path) -> tuple[float, list[Page]]:
    """Load, validate and generate, as the hook does at the start of a build: the seconds it
    took in this process (used when a build reports no timings of its own) and the pages."""
    t = time.perf_counter()
    out = generate(load_site(data, REPO / "docs"), _options(data))
    return time.perf_counter() - t, out.pages


def page_sizes(pages: list[Page], site_dir: Path) -> dict[str, int]:
    """Largest HTML file per page type, in bytes."""
    sizes: dict[str, int] = {}
    for page in pages:
        path = site_dir / page.url / "index.html"
        sizes[page.kind] = max(sizes.get(page.kind, 0), path.stat().st_size)
    return sizes


def search_index_bytes(site_dir: Path) -> int:
    return sum(p.stat().st_size for p in site_dir.rglob("*") if p.is_file() and "search" in p.relative_to(site_dir).as_posix() and p.suffix == ".json")


def first_view_gzip(site_dir: Path, page: str = "") -> int:
    """gzip bytes of a first visit: the page, its stylesheets and scripts, and the fonts they load."""
    html_path = site_dir / page / "index.html"
    html = html_path.read_text("utf-8")
    total = len(gzip.compress(html.encode(), 6))
    seen: set[Path] = set()
    refs = re.findall(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', html) + re.findall(r'<script[^>]+src="([^"]+)"', html)
    for ref in refs:
        if "://" in ref:
            continue
        path = (html_path.parent / ref.split("?")[0]).resolve()
        if path in seen or not path.is_file():
            continue
        seen.add(path)
        body = path.read_bytes()
        total += len(gzip.compress(body, 6))
        if path.suffix == ".css":
            for font in re.findall(rb"url\(([^)]+\.woff2)\)", body):
                fpath = (path.parent / font.decode().strip("'\"")).resolve()
                if fpath.is_file() and fpath not in seen:
                    seen.add(fpath)
                    total += len(gzip.compress(fpath.read_bytes(), 6))
    return total


def twin_figures(config: Path, work: Path, pages: list[Page], rounds: int) -> list[str]:
    """Build time and largest page with and without each fast twin (prongsai_mkdocs/twins.py).

    The builds are interleaved (all twins on, then each one off, ``rounds`` times over) so
    that the machine's load falls alike on every variant; the fastest run of each counts.
    The saving is the build without the twin less the build with it, as a share of the build
    without it; wall clock and CPU time (less disturbed by other processes) both."""
    variants = {"": "all twins on", **{name: name for name in TWINS}}
    runs: dict[str, list[dict[str, Any]]] = {v: [] for v in variants}
    sizes: dict[str, float] = {}
    for _ in range(max(1, rounds)):
        for off in variants:
            site = work / f"site-twins-{off or 'on'}"
            runs[off].append(_run_build(config, site, off))
            sizes[off] = max(page_sizes(pages, site).values()) / 1024
    best = {v: (min(r["seconds"] for r in rs), min(r["cpu"] for r in rs)) for v, rs in runs.items()}
    lines = [f"twin builds (fastest of {rounds}; wall s / CPU s; runs): "]
    lines += [
        f"          {label}: " + ", ".join(f"{r['seconds']:.2f}/{r['cpu']:.2f}" for r in runs[v]) + f", largest page {sizes[v]:.1f} KB"
        for v, label in variants.items()
    ]
    (with_wall, with_cpu) = best[""]
    for name in TWINS:
        wall, cpu = best[name]
        lines.append(
            f"twin {name}: build with {with_wall:.2f} s, without {wall:.2f} s (saves {100 * (wall - with_wall) / wall:.0f}%; "
            f"CPU {with_cpu:.2f} s / {cpu:.2f} s, saves {100 * (cpu - with_cpu) / cpu:.0f}%); "
            f"largest page {sizes[''] :.1f} KB with, {sizes[name]:.1f} KB without"
        )
    return lines


def serve_rebuild_seconds(config: Path, data: Path) -> float | None:
    """Start ``mkdocs serve``, touch one YAML file, read how long the rebuild took."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen(
        # not --no-livereload: without live reload MkDocs 1.6 watches nothing and never rebuilds
        [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "-a", "127.0.0.1:8917"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
    )
    lines: queue.Queue[str] = queue.Queue()
    stdout = proc.stdout
    assert stdout is not None

    def read() -> None:
        for line in stdout:
            lines.put(line)

    threading.Thread(target=read, daemon=True).start()
    try:
        built = 0
        deadline = time.time() + 300
        target = next((data / "years").iterdir()) / "measures.yml"
        while time.time() < deadline:
            try:
                line = lines.get(timeout=5)
            except queue.Empty:
                continue
            m = re.search(r"Documentation built in ([\d.]+) seconds", line)
            if m:
                built += 1
                if built == 1:
                    time.sleep(1.5)
                    target.write_text(target.read_text("utf-8") + "\n", "utf-8")
                else:
                    return float(m.group(1))
        return None
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--years", type=int, nargs="+", default=[5, 10, 20])
    ap.add_argument("--keep", type=Path, help="keep the synthetic projects in this folder")
    ap.add_argument("--no-serve", action="store_true", help="skip the mkdocs serve rebuild measurement")
    ap.add_argument("--repeat", type=int, default=2, help="builds per size; the fastest counts (default 2)")
    ap.add_argument(
        "--twins",
        type=int,
        metavar="ROUNDS",
        nargs="?",
        const=3,
        default=0,
        help="also build the 10-year archive (or the one size given) with and without each fast twin, ROUNDS times (default 3)",
    )
    args = ap.parse_args()
    root = Path(tempfile.mkdtemp(prefix="prongsai-bench-")) if args.keep is None else args.keep
    root.mkdir(parents=True, exist_ok=True)
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; projects in {root}")
    results: dict[int, dict[str, Any]] = {}
    for n in sorted(set(args.years)):
        work = root / f"{n}y"
        shutil.rmtree(work, ignore_errors=True)
        data = work / "data"
        data.mkdir(parents=True)
        synth(data, n)
        gen, generated_pages = generated(data)
        pages = len(generated_pages)
        built = _best_build(prongsai_project(work, data), work / "site", args.repeat)
        hook = built.get("hook") or {}
        # load + validate + generate as the build itself timed it (on_config), else as timed here
        r: dict[str, Any] = {"pages": pages, "build": built["seconds"], "peak_mb": built["peak_mb"], "generate": hook.get("load_validate_generate", gen)}
        r["page_hooks"] = hook.get("page_hooks")
        r["sizes"] = page_sizes(generated_pages, work / "site")
        r["search_kb"] = search_index_bytes(work / "site") / 1024
        r["first_view_kb"] = first_view_gzip(work / "site") / 1024
        if n == 10 or len(args.years) == 1:
            base = _best_build(baseline_project(work, data), work / "site-baseline", args.repeat)
            r["baseline"] = base["seconds"]
            r["baseline_peak_mb"] = base["peak_mb"]
            if not args.no_serve:
                r["serve_rebuild"] = serve_rebuild_seconds(work / "mkdocs.yml", data)
        if args.twins and (n == 10 or len(args.years) == 1):
            r["twins"] = twin_figures(work / "mkdocs.yml", work, generated_pages, args.twins)
        results[n] = r
        print(
            f"{n:>2} years: {pages} pages, build {r['build']:.2f} s (runs {', '.join(f'{x:.2f}' for x in built['runs'])})"
            + (f", baseline {r['baseline']:.2f} s, ratio {r['build'] / r['baseline']:.2f}" if "baseline" in r else "")
            + f", load+validate+generate {r['generate']:.2f} s ({100 * r['generate'] / r['build']:.1f}% of build)"
            + (f", prongsai's page-time work {r['page_hooks']:.2f} s" if r.get("page_hooks") is not None else "")
            + f", peak {r['peak_mb']:.0f} MB, search index {r['search_kb']:.0f} KB, first view {r['first_view_kb']:.0f} KB gzip"
        )
        print("          largest HTML per page type: " + ", ".join(f"{k} {v / 1024:.1f} KB" for k, v in sorted(r["sizes"].items())))
        if r.get("serve_rebuild") is not None:
            print(f"          mkdocs serve: rebuild after editing one YAML file {r['serve_rebuild']:.2f} s")
        for line in r.get("twins", []):
            print(line)
    ref = results.get(10) or results[max(results)]
    if 5 in results and 10 in results:
        print(f"growth 5 -> 10 years: {results[10]['build'] / results[5]['build']:.2f}x")
    growth = results[20]["build"] / results[10]["build"] if 20 in results and 10 in results else float("nan")
    if 20 in results and 10 in results:
        print(f"growth 10 -> 20 years: {growth:.2f}x")
    ratio = ref["build"] / ref["baseline"] if "baseline" in ref else float("nan")
    print(
        f"BENCH ratio={ratio:.2f} growth={growth:.2f} overhead_pct={100 * ref['generate'] / ref['build']:.1f} "
        f"peak_mb={ref['peak_mb']:.0f} max_page_kb={max(ref['sizes'].values()) / 1024:.1f} first_view_kb={ref['first_view_kb']:.0f}"
    )
    if args.keep is None:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()

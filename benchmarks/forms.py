"""Benchmark: the editors' forms on the largest fiscal year of the 10-year archive.

Run from the repository root after ``scripts/test.sh`` (it installs decap-server with npm):

    .venv/bin/python benchmarks/forms.py            # 10 years, each measurement twice
    .venv/bin/python benchmarks/forms.py --repeat 3

It writes the synthetic archive of benchmarks/build_archive.py (20-30 measures per year, a
six- and a twelve-month round with an entry for every measure), splits its measures into one
file each (``python -m prongsai split-measures``, the layout the forms edit), puts it in a git
repository, builds the site, starts decap-server in its local-git mode over it and, in
Chromium, times:

- open: from asking for a form until it is shown: the last measure of the year with the most
  measures (its title in its box), and that year's twelve-month round (its last list item);
- save: from pressing save until the change is committed on the pull request's branch.

``--layout single`` keeps one measures.yml per year (the layout before split-measures) and
times its form as a whole (until its last measure's item is shown), for comparison.

Goal (issue 16): under 2 s each. The last line is the summary:

    BENCH forms_open_measures_s=... forms_save_measures_s=... forms_open_round_s=... forms_save_round_s=...
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import shutil
import sys
import tempfile
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from build_archive import synth  # noqa: E402

from tests import decap  # noqa: E402
from tests.browser import CHROMIUM_ARGS  # noqa: E402


def largest_year(data: Path) -> tuple[int, list[dict[str, object]]]:
    sizes = {}
    for path in sorted((data / "years").glob("*/measures.yml")):
        sizes[int(path.parent.name)] = yaml.safe_load(path.read_text("utf-8"))["measures"]
    year = max(sizes, key=lambda y: (len(sizes[y]), y))
    return year, sizes[year]


def split(data: Path) -> None:
    from prongsai.commands import split_measures

    args = argparse.Namespace(data=str(data), year=None)
    with contextlib.redirect_stdout(io.StringIO()):
        assert split_measures.run(args) == 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--layout", choices=["split", "single"], default="split")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(os.environ.get("FORMS_BENCH_DIR") or tmp)
        data = work / "data"
        data.mkdir()
        synth(data, args.years)
        year, measures = largest_year(data)
        round_path = data / "years" / str(year) / "rounds" / "r12m.yml"
        entries = yaml.safe_load(round_path.read_text("utf-8"))["entries"]
        size_kb = (data / "years" / str(year) / "measures.yml").stat().st_size / 1024
        print(f"archive: {args.years} years; largest: {year}, {len(measures)} measures ({size_kb:.0f} KB), "
              f"round r12m with {len(entries)} entries ({round_path.stat().st_size / 1024:.0f} KB); layout {args.layout}")  # fmt: skip
        if args.layout == "split":
            split(data)
        port = decap.free_port()
        repo = decap.git_project(work / "repo", port, data=data)
        site = decap.build_site(repo, work / "site")
        figures: dict[str, list[float]] = {
            k: [] for k in ("open_measures", "save_measures", "open_round", "save_round")
        }
        import functools
        import http.server
        import threading

        handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
        handler.log_message = lambda *a, **k: None  # type: ignore[method-assign]
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        executable = shutil.which("chromium")
        with decap.decap_server(repo, port), sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
            for n in range(args.repeat):
                context, refused = decap.offline_context(browser)
                page = context.new_page()
                decap.sign_in(page, base)
                last = measures[-1]
                summary = f"{last['id']} · {last['title']}"
                if args.layout == "split":
                    opened = decap.open_measure(page, base, year, str(last["id"]), str(last["title"]))
                    item, branch = page, f"cms/measures-{year}/{last['id']}"
                else:
                    opened = decap.open_entry(page, base, "measures", f"ปีงบประมาณ {year}", summary)
                    item, branch = decap.list_item(page, summary), f"cms/measures/{year}"
                    item.locator("button").first.click()
                figures["open_measures"].append(opened)
                item.get_by_label("การกำกับติดตาม", exact=False).first.fill(f"ติดตามทุกเดือน (รอบวัดที่ {n + 1})")
                figures["save_measures"].append(decap.save(page, repo, branch))
                figures["open_round"].append(
                    decap.open_entry(page, base, "round", f"ปีงบประมาณ {year} · รอบ 12 เดือน", entries[-1]["measure"])
                )
                item = decap.list_item(page, entries[-1]["measure"])
                item.locator("button").first.click()
                item.locator("input[type=number]").first.fill(str(40 + n))
                figures["save_round"].append(decap.save(page, repo, f"cms/round/{year}-r12m"))
                context.close()
                assert refused == [], refused
            browser.close()
        server.shutdown()
    for key, values in figures.items():
        print(f"{key}: " + "  ".join(f"{v:.2f} s" for v in values) + f"   (best {min(values):.2f} s, goal < 2 s)")
    print("BENCH " + " ".join(f"forms_{k}_s={min(v):.2f}" for k, v in figures.items()))


if __name__ == "__main__":
    main()

"""Three fictional agencies whose documents are shaped like real ones (issue 13), each at the
length of a real document: every one builds strictly, passes the audit, prints, and shows
every text fragment of its data on its pages with the agency's own numbering.

- ``nongkrachap``: values the document does not state (no website, no status per row, a
  round with no report date, an instrument given only as parts, a question with two scores,
  indicators with no scores, measures with no period or no unit).
- ``khlongtakhian``: the document's own structure (own headings and numbers, ๔ used twice,
  principles, legal basis and a closing, cover subtitle, preface signature, own contents),
  and an archive that starts before ITA 2566 (FY 2565 on a provisional catalogue).
- ``silathong``: the document's own tables, and the long one: a measures document of 27
  measures designed as 29 printed A4 pages (own column labels per year, one finding merged
  over 11 measures, a unit and a period per step, "ทุกสำนัก/กอง", "สำนักปลัด/กองคลัง",
  a band and a narrative per instrument) and a six-month report laid out by the ten indicators.

Thai-numbered lines ("๑. ", "๑) ", "๓.จัดทำ") run through all three.
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from prongsai import load_site, thai, urls
from prongsai.audit import audit_all

from .conftest import FIXTURES, REPO, build, make_project
from .htmldom import dom

AGENCIES = ("nongkrachap", "khlongtakhian", "silathong")
LONGEST = "silathong"
LONGEST_SOURCE_PAGES = 29  # the A4 pages the long measures document was written to fill
PRINT_FACTOR = 1.2  # issue 13: at most 1.2x its own page count

# Values that are not prose: keys into other records, codes, addresses (checked elsewhere).
NOT_PROSE = {"id", "measure", "group", "key", "field", "kind", "section", "code", "responsible", "item", "url", "website", "email", "file", "phone", "grouping", "instrument"}  # fmt: skip


class _Sites(dict[str, Path]):
    """Each agency built once, strictly (as ``mkdocs build --strict`` does), when first asked for."""

    def __init__(self, root: Path) -> None:
        super().__init__()
        self.root = root

    def __missing__(self, name: str) -> Path:
        if name == "example":  # the bundled example, as scripts/site.sh builds it
            from mkdocs.commands.build import build as mkdocs_build
            from mkdocs.config import load_config

            site_dir = self.root / "example" / "site"
            mkdocs_build(load_config(config_file=str(REPO / "mkdocs.yml"), site_dir=str(site_dir), strict=True))
            self[name] = site_dir
        else:
            self[name] = build(make_project(self.root / name, name))
        return self[name]


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return _Sites(tmp_path_factory.mktemp("agencies"))


def test_each_agency_is_the_length_of_a_real_document() -> None:
    for name in AGENCIES:
        size = sum(p.stat().st_size for p in (FIXTURES / name / "data/years").rglob("*.yml"))
        assert size >= 30_000, (name, size)
    long_measures = (FIXTURES / LONGEST / "data/years/2568/measures.yml").read_text("utf-8")
    assert 25 <= long_measures.count("\n  - id: ") <= 30


@pytest.mark.parametrize("name", AGENCIES)
def test_each_agency_builds_and_passes_the_audit(sites: dict[str, Path], name: str) -> None:
    project = sites[name].parent
    site = load_site(project / "data", project / "docs")
    assert [str(m) for m in audit_all(site, sites[name])] == []


# --- every fragment of the data, on the pages, with its own numbering --------------------


# A key that holds prose in one place and codes in another: a step's ``responsible`` is the
# agency's text ("สำนักปลัด/กองคลัง"), a measure's is a list of unit ids.
PROSE_WHEN_TEXT = {"responsible"}


def _strings(value: Any, key: str = "", listed: bool = False) -> Iterator[str]:
    if isinstance(value, dict):
        if value.get("number") and value.get("heading"):  # a section as headed: its number with it
            yield f"{value['number']} {value['heading']}"
        for k, v in value.items():
            yield from _strings(v, str(k))
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v, key, listed=True)
    elif isinstance(value, str) and (key not in NOT_PROSE or (key in PROSE_WHEN_TEXT and not listed)):
        yield value


def fragments(name: str) -> list[tuple[str, str]]:
    """(file, fragment) for each line of 15 characters or more in the agency's own data, whole:
    with the number the agency typed in front of it ("๔. จัดทำ ...", a section's "๖ การวิเคราะห์...")."""
    out = []
    root = FIXTURES / name
    for path in sorted((root / "data").rglob("*.yml")):
        if "catalog" in path.parts:
            continue  # the shipped catalogue, not the agency's text
        data = yaml.safe_load(path.read_text("utf-8"))
        for text in _strings(data):
            for line in text.splitlines():
                piece = re.sub(r"^[-*+]\s+", "", line.strip())  # a Markdown bullet is not the agency's text
                if len(piece) >= 15:
                    out.append((path.relative_to(root).as_posix(), piece))
    return out


def drawn_text(html: str) -> str:
    """The text of a page's article as a browser draws it: each item of a numbered list
    starts with the marker the browser puts there (an ``<ol start="๔">`` is numbered 1., as
    HTML reads ``start`` in ASCII digits only)."""
    events = dom(html)
    out: list[str] = []
    counters: list[int | None] = []  # None for <ul>
    inside = 0
    for event in events:
        kind, tag = event[0], event[1]
        attrs = dict(a.split("=", 1) for a in event[2:]) if kind == "start" else {}
        if kind == "start" and tag == "article":
            inside += 1
        if not inside:
            continue
        if kind == "start" and tag in ("ol", "ul"):
            start = attrs.get("start", "'1'").strip("'")
            counters.append((int(start) if start.isascii() and start.isdigit() else 1) if tag == "ol" else None)
        elif kind == "end" and tag in ("ol", "ul") and counters:
            counters.pop()
        elif kind == "start" and tag == "li" and counters and counters[-1] is not None:
            out.append(f" {counters[-1]}. ")
            counters[-1] += 1
        elif kind == "text":
            out.append(tag)
        else:
            out.append(" ")
        if kind == "end" and tag == "article":
            inside -= 1
    return "".join(out)


def _bare(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("name", AGENCIES)
def test_every_fragment_of_the_data_is_on_the_pages_with_its_own_numbering(sites: dict[str, Path], name: str) -> None:
    site_dir = sites[name]
    pages = [p for p in site_dir.rglob("index.html") if p.relative_to(site_dir).parts[0] not in ("staff", "search")]
    haystack = _bare(" ".join(drawn_text(p.read_text("utf-8")) for p in pages))
    wanted = fragments(name)
    assert len(wanted) > 100, len(wanted)  # the extraction found the prose
    missing = [f"{file}: {piece}" for file, piece in wanted if _bare(piece) not in haystack]
    assert missing == [], f"{len(missing)} of {len(wanted)} fragments not on the pages:\n" + "\n".join(missing[:40])


def test_the_fragment_check_notices_a_renumbered_list() -> None:
    renumbered = '<article><ol start="๔"><li>จัดทำคู่มือการให้บริการแยกตามงาน</li></ol></article>'
    assert _bare("๔. จัดทำคู่มือการให้บริการแยกตามงาน") not in _bare(drawn_text(renumbered))
    kept = "<article><p>๔. จัดทำคู่มือการให้บริการแยกตามงาน</p></article>"
    assert _bare("๔. จัดทำคู่มือการให้บริการแยกตามงาน") in _bare(drawn_text(kept))


# --- nothing twice -------------------------------------------------------------------------

# Text a document repeats by nature: names and labels (a unit responsible for many measures,
# each table's header row, a group's title over its analysis and its measures, a heading in the
# contents list) and the questions a document cites wherever it analyses them.
REPEATED_BY_NATURE = {"name", "label", "title", "heading", "number", "questions", "status"}


def _pieces(value: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], str]]:
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _pieces(v, (*path, str(k)))
    elif isinstance(value, list):
        for v in value:
            yield from _pieces(v, path)
    elif isinstance(value, str):
        yield path, value


def _printed_text(page: str) -> str:
    """What a print edition prints: its article less the web title and the screen-only notes."""
    article = re.search(r"<article[^>]*>(.*)</article>", page, re.S)
    assert article
    body = re.sub(r"<h1\b.*?</h1>", "", article.group(1), count=1, flags=re.S)
    body = re.sub(r'<div class="[^"]*ps-screen-only[^"]*".*?</div>', "", body, flags=re.S)
    return _bare(drawn_text(f"<article>{body}</article>"))


def twice(
    data_files: list[Path], printed: str, names: frozenset[str] = frozenset(), exempt: frozenset[str] = frozenset()
) -> list[str]:
    """Each prose line of 15+ characters of ``data_files`` found more often in ``printed`` than
    in the data itself (where every string, codes and units included, counts); ``names``: the
    catalogue's names and titles (an instrument's, an indicator's), which the agency may write too."""
    written = [(path, text) for f in data_files for path, text in _pieces(yaml.safe_load(f.read_text("utf-8")))]
    everything = "\x00".join(_bare(t) for _, t in written)
    repeated = {_bare(t) for path, t in written if set(path) & REPEATED_BY_NATURE} | names

    def shown(piece: str) -> int:  # less where it stands inside a text repeated by nature
        inside = sum(printed.count(r) * r.count(piece) for r in repeated if piece in r and r != piece)
        return printed.count(piece) - inside

    out = []
    for path, text in written:
        if set(path) & (REPEATED_BY_NATURE | NOT_PROSE | exempt):
            continue
        for line in text.splitlines():
            piece = _bare(re.sub(r"^[-*+]\s+", "", line.strip()))
            if len(piece) >= 15 and piece not in names and shown(piece) > everything.count(piece):
                out.append(f"{'.'.join(path)}: {printed.count(piece)}x {line.strip()[:60]}")
    return sorted(set(out))


def _catalog_names(data: Path) -> frozenset[str]:
    return frozenset(
        _bare(t)
        for f in (data / "catalog").glob("*.yml")
        for p, t in _pieces(yaml.safe_load(f.read_text("utf-8")))
        if p[-1:] in (("name",), ("title",))
    )


def _data_of(name: str) -> Path:
    return FIXTURES / name / "data" if name != "example" else REPO / "data"


def _measures_files(year: Path) -> list[Path]:
    """The year's measures: its measures.yml, or each measure's own file (measures/<id>.yml)."""
    return [year / "measures.yml", *sorted((year / "measures").glob("*.yml"))]


@pytest.mark.parametrize("name", (*AGENCIES, "example"))
def test_nothing_appears_twice_in_a_print_edition(sites: dict[str, Path], name: str) -> None:
    data = _data_of(name)
    names = _catalog_names(data)
    found = {}
    for year in sorted((data / "years").iterdir()):
        measures = [year / "year.yml", year / "assessment.yml", *_measures_files(year)]
        for doc, paths in (("measures", measures), ("report", sorted((year / "rounds").glob("*.yml")))):
            page = sites[name] / year.name / "print" / doc / "index.html"
            if not page.is_file():
                continue
            dup = twice([f for f in paths if f.is_file()], _printed_text(page.read_text("utf-8")), names)
            if dup:
                found[f"{year.name}/{doc}"] = dup
    assert found == {}, "\n".join(f"{k}: {line}" for k, lines in found.items() for line in lines)


# An issue page lists its measures with their period and unit (an index of the measures'
# pages); a measure's page heads each round's entry with the round's period.
INDEX_FIELDS = frozenset({"period", "responsible_text"})


@pytest.mark.parametrize("name", (*AGENCIES, "example"))
def test_nothing_appears_twice_on_a_years_pages(sites: dict[str, Path], name: str) -> None:
    """The documents on the site, a part a page: each text once over all the year's pages (the
    overview page and the print editions apart)."""
    data = _data_of(name)
    names = _catalog_names(data)
    found = {}
    for year in sorted((data / "years").iterdir()):
        pages = [p for p in sorted((sites[name] / year.name).rglob("*/index.html")) if "print" not in p.parts]
        shown = "".join(_printed_text(p.read_text("utf-8")) for p in pages)
        files = [
            year / "year.yml",
            year / "assessment.yml",
            *_measures_files(year),
            *sorted((year / "rounds").glob("*.yml")),
        ]
        dup = twice([f for f in files if f.is_file()], shown, names, INDEX_FIELDS)
        if dup:
            found[year.name] = dup
    assert found == {}, "\n".join(f"{k}: {line}" for k, lines in found.items() for line in lines)


def test_the_twice_check_notices_a_text_printed_twice(tmp_path: Path) -> None:
    f = tmp_path / "a.yml"
    f.write_text("analysis: {groups: [{assessed: ประเด็นที่ได้รับการประเมินแล้วในปีนี้}]}", "utf-8")
    once = _bare("ประเด็นที่ได้รับการประเมินแล้วในปีนี้")
    assert twice([f], once) == []
    assert twice([f], once + once) != []


# --- the cited questions ---------------------------------------------------------------


@pytest.mark.parametrize("name", AGENCIES)
def test_issue_pages_show_each_cited_questions_text_and_score_as_written(sites: dict[str, Path], name: str) -> None:
    """A group's analysis that cites a question by its code alone shows the text and the score
    assessment.yml gives it, as written ("91" stays 91, two scores stay two), never "not stated"."""
    project = sites[name].parent
    site = load_site(project / "data", project / "docs")
    checked = 0
    for fy in site.years.values():
        if fy.assessment is None:
            continue
        given = {q.code: q for q in fy.assessment.assessment.questions}
        for g in fy.assessment.analysis.groups:
            page = _bare(
                drawn_text((sites[name] / urls.group_src(fy, g.group)).with_suffix(".html").read_text("utf-8"))
            )
            for q in g.questions:
                text = q.text or (given[q.code].text if q.code in given else None)
                score = q.score if q.score is not None else (given[q.code].score if q.code in given else None)
                if score is None:
                    continue
                row = q.code + (text or "") + thai.digits(score, site.numerals)
                assert _bare(row) in page, (fy.year, g.group, row)
                checked += 1
    assert checked, name  # the fixture cites scored questions


# --- print --------------------------------------------------------------------------------


def _print_pages(browser: Any, base: str, path: str, pdf: Path) -> int:
    page = browser.new_page()
    page.goto(base + path, wait_until="networkidle")
    if page.locator("html[data-ps-print]").count() or page.locator("[data-ps-include], [data-ps-table]").count():
        page.wait_for_selector("html[data-ps-print='ready']", timeout=60_000)  # an edition put together in the browser
    page.emulate_media(media="print")
    page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    page.close()
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Page size:\s+(841|595)\.\d+ x (594|841)\.\d+ pts", info), info  # A4
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]


@pytest.fixture(scope="module")
def printed(
    sites: dict[str, Path], browser: Any, serve: Any, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, int]:
    """Pages of each print edition of each agency, printed to PDF by Chromium."""
    counts: dict[str, int] = {}
    out = tmp_path_factory.mktemp("pdf")
    for name in AGENCIES:
        base = serve(sites[name])
        years = sorted(p.parents[2].name for p in sites[name].glob("*/print/measures/index.html"))
        for year in years:
            for doc in ("measures", "report"):
                if (sites[name] / year / "print" / doc / "index.html").is_file():
                    key = f"{name}/{year}/{doc}"
                    counts[key] = _print_pages(
                        browser, base, f"{year}/print/{doc}/", out / (key.replace("/", "-") + ".pdf")
                    )
    print("\nPRINT " + " ".join(f"{k}={v}" for k, v in sorted(counts.items())))
    return counts


def test_each_agency_prints(printed: dict[str, int]) -> None:
    for name in AGENCIES:
        assert any(k.startswith(name + "/") and k.endswith("/measures") for k in printed), name
    assert all(n >= 1 for n in printed.values()), printed


def test_the_long_measures_document_prints_in_at_most_1_2_times_its_own_pages(printed: dict[str, int]) -> None:
    pages = printed[f"{LONGEST}/2568/measures"]
    assert (
        pages <= LONGEST_SOURCE_PAGES * PRINT_FACTOR
    ), f"{pages} printed pages for a {LONGEST_SOURCE_PAGES}-page document"


# --- weight ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", (*AGENCIES, "example"))
def test_every_page_stays_under_40_kb_on_documents_of_real_length(sites: dict[str, Path], name: str) -> None:
    """Issue 6's budget on real-length documents: every HTML page of the site (the documents'
    parts, the OIT index and answer sheet of 43 items, the staff guide ...), the print editions
    apart, which are the whole document on purpose; measured as scripts/page_weight.py does."""
    spec = importlib.util.spec_from_file_location("page_weight", REPO / "scripts" / "page_weight.py")
    assert spec and spec.loader
    page_weight = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(page_weight)
    assert len(list(sites[name].rglob("*.html"))) > 50, name
    assert page_weight.over_budget(sites[name]) == {}


# What each stacked cell shows before its text on a phone, against its column's header (a grid
# that follows rowspan and colspan): '' where the cell stands for no single column.
_PHONE_LABELS = """() => {
  const out = [];
  for (const table of document.querySelectorAll("table.ps-stack")) {
    const head = [...table.tHead.rows].pop();
    const labels = [];
    for (const th of head.cells) for (let k = 0; k < th.colSpan; k++) labels.push(th.textContent.trim());
    const below = [];  // column -> rows still covered by a cell above
    for (const body of table.tBodies) for (const row of body.rows) {
      let col = 0;
      const next = below.map(n => n - 1);
      for (const cell of row.cells) {
        while (below[col] > 0) col++;
        for (let k = 0; k < cell.colSpan; k++) if (cell.rowSpan > 1) next[col + k] = cell.rowSpan - 1;
        const want = cell.colSpan < labels.length && labels[col] ? labels[col] + ": " : "";
        const got = getComputedStyle(cell, "::before").content;
        const shown = got === "none" || got === "normal" ? "" : JSON.parse(got.replace(/^"(.*)"$/, '"$1"'));
        if (cell.tagName === "TD" && shown !== want) out.push(`${table.className} row ${row.rowIndex}: ${JSON.stringify(shown)} for ${JSON.stringify(want)}`);
        col += cell.colSpan;
      }
      below.length = 0; below.push(...next);
    }
  }
  return out;
}"""


@pytest.mark.parametrize(
    ("name", "path"),
    [("silathong", "itas/2567/"), ("silathong", "2568/print/measures/"), ("silathong", "2567/print/report/"),
     ("nongkrachap", "2568/report/"), ("khlongtakhian", "oit/2565/")],
)  # fmt: skip
def test_each_stacked_cell_shows_its_columns_label_on_a_phone(
    sites: dict[str, Path], browser: Any, serve: Any, name: str, path: str
) -> None:
    """The labels are the table's, once (``--cN``), and a cell's own only under a merged cell."""
    page = browser.new_page(viewport={"width": 360, "height": 740})
    page.goto(serve(sites[name]) + path, wait_until="networkidle")
    assert page.locator("table.ps-stack").count() > 0
    wrong = page.evaluate(_PHONE_LABELS)
    page.close()
    assert wrong == [], "\n".join(wrong[:20])

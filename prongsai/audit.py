"""Nothing dropped: every record of the data, and every text field in it, must be on
the built site, on the page where a reader would look for it.

The audit walks the validated records (the loader has already refused unknown files
and unknown keys, so nothing in ``data/`` escapes them) and, for every field, derives
the text a reader should see: user text line by line with the numbers the editor
typed ("๔. จัดทำ", "๑) ", "๓.จัดทำ" keep their marker; Markdown emphasis removed), dates
in the Buddhist era, numbers with the site's numerals, statuses by their Thai label,
links by their address. It then looks for each piece in the page's visible text, read
from the HTML as a reader sees it: with the number or letter a browser draws before
each item of a numbered list (so a list that renumbers "๔." as "1." is caught).
Spaces are not compared (Thai has none between words; tags split text anywhere).
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from . import thai
from .model import ORG_TYPES, STATUS_LABELS
from .urls import (
    HOME,
    analysis_src,
    assessment_src,
    group_src,
    limitations_src,
    measure_src,
    measures_doc_src,
    oit_item_src,
    print_src,
    report_src,
    url_of,
    year_src,
)
from .site import Site
from .text import TextRenderer

# Fields that are keys into other records (checked through the page that exists for
# them, or the name they resolve to), settings, or catalogue provenance.
_KEYS = {
    "id",
    "measure",
    "group",
    "item",
    "grouping",
    "key",
    "responsible",
    "numerals",
    "current_fiscal_year",
    "field",
    "section",
    "findings_from",
}
_PROVENANCE = {"confidence", "source", "name_en", "weight", "previous", "min", "rule", "role", "covers"}
_TWO_DECIMALS = {"score", "previous_score"}
_COLUMNS = re.compile(r"(^|\.)(measures_)?columns\[")  # a table's own column labels


@dataclass(frozen=True)
class Missing:
    file: str
    path: str
    expected: str
    page: str

    def __str__(self) -> str:
        return f"{self.file}: {self.path}: ไม่พบ “{self.expected}” ในหน้า {self.page} (not on the built page)"


class _Pages:
    """Visible text of built pages, read once each."""

    def __init__(self, site_dir: Path) -> None:
        self.site_dir = site_dir
        self._text: dict[str, str] = {}
        self._html: dict[str, str] = {}
        self.unmarked = unmarked_list_classes(site_dir)

    def html(self, src: str) -> str:
        if src not in self._html:
            path = self.site_dir / url_of(src) / "index.html"
            self._html[src] = path.read_text("utf-8") if path.is_file() else ""
        return self._html[src]

    def text(self, src: str) -> str:
        if src not in self._text:
            self._text[src] = visible_text(self.html(src), self.unmarked)
        return self._text[src]


# Material's markers of nested numbered lists (.md-typeset ol ol {list-style-type: lower-alpha} ...)
_NESTED_STYLES = ("decimal", "lower-alpha", "lower-roman", "upper-alpha", "upper-roman")
_TYPE_ATTR = {"1": "decimal", "a": "lower-alpha", "A": "upper-alpha", "i": "lower-roman", "I": "upper-roman"}
_THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def unmarked_list_classes(site_dir: Path) -> frozenset[str]:
    """Classes whose lists the site's stylesheet draws without markers (``list-style: none``)."""
    css = site_dir / "assets" / "prongsai.css"
    if not css.is_file():
        return frozenset()
    found: set[str] = set()
    for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css.read_text("utf-8")):
        if re.search(r"list-style(?:-type)?\s*:\s*none", body):
            for selector in selectors.split(","):
                last = re.findall(r"\.([\w-]+)\s*$", selector.strip())
                found.update(last)
    return frozenset(found)


def _marker(n: int, style: str) -> str:
    if style in ("decimal", "thai"):
        return f"{n}." if style == "decimal" else f"{n}.".translate(_THAI_DIGITS)
    if style in ("lower-alpha", "upper-alpha"):
        letters = ""
        while n > 0:
            n, r = divmod(n - 1, 26)
            letters = chr(ord("a") + r) + letters
        return (letters.upper() if style == "upper-alpha" else letters) + "."
    if style in ("lower-roman", "upper-roman"):
        out = ""
        for value, numeral in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                               (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):  # fmt: skip
            while n >= value:
                out, n = out + numeral, n - value
        return (out.upper() if style == "upper-roman" else out) + "."
    return ""  # none


@dataclass
class _List:
    ordered: bool
    style: str
    next: int = 1


class _TextOfArticle(HTMLParser):
    """The text of the page's article as drawn: tags become spaces, each item of a numbered
    list starts with the marker the browser draws (HTML's rules: ``start`` and ``value`` are
    read as integers in ASCII digits, anything else counts from 1)."""

    def __init__(self, unmarked: frozenset[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.unmarked = unmarked
        self.out: list[str] = []
        self.lists: list[_List] = []
        self.depth = 0  # inside <article>
        self.skip = 0  # inside <script>/<style>

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "article":
            self.depth += 1
        if tag in ("script", "style"):
            self.skip += 1
        if not self.depth:
            return
        self.out.append(" ")
        if tag in ("ol", "ul"):
            ordered_depth = sum(1 for x in self.lists if x.ordered)
            style = _NESTED_STYLES[min(ordered_depth, 4)] if tag == "ol" else "disc"
            style = _TYPE_ATTR.get(a.get("type", ""), style)
            inline = re.search(r"list-style(?:-type)?\s*:\s*([\w-]+)", a.get("style", ""))
            if inline:
                style = inline.group(1)
            if set(a.get("class", "").split()) & self.unmarked:
                style = "none"
            start = a.get("start", "")
            self.lists.append(_List(tag == "ol", style, int(start) if re.fullmatch(r"-?[0-9]+", start) else 1))
        elif tag == "li" and self.lists:
            current = self.lists[-1]
            value = a.get("value", "")
            if re.fullmatch(r"-?[0-9]+", value):
                current.next = int(value)
            if current.ordered:
                self.out.append(_marker(current.next, current.style) + " ")
                current.next += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self.skip:
            self.skip -= 1
        if tag in ("ol", "ul") and self.lists and self.depth:
            self.lists.pop()
        if tag == "article" and self.depth:
            self.depth -= 1
        self.out.append(" ")

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip:
            self.out.append(data)


def visible_text(page_html: str, unmarked: frozenset[str] = frozenset()) -> str:
    """The article's text as a reader sees it, list markers included, spaces collapsed."""
    if "<article" not in page_html:
        page_html = f"<article>{page_html}</article>"
    parser = _TextOfArticle(unmarked)
    parser.feed(page_html)
    parser.close()
    return _norm("".join(parser.out))


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _bare(text: str) -> str:
    """Text without any space: what the audit compares."""
    return re.sub(r"\s+", "", text)


# A number the editor typed before a line's text: "๔.", "๑)", "3.1", "(๒)", "ก."
_OWN_NUMBER = re.compile(r"^(\(?(?:[0-9๐-๙]+(?:\.[0-9๐-๙]+)*|[ก-ฮ])[.)])")
_BULLET = re.compile(r"^[-*+]\s+")
_HEADING = re.compile(r"^#{1,6}\s+")
_TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}")


class _Expect:
    def __init__(self, numerals: thai.Numerals) -> None:
        self.n = numerals
        self.text = TextRenderer()

    def pieces(self, name: str, value: Any) -> list[str]:
        """What a reader must find on the page for field ``name`` holding ``value``."""
        if value is None or name in _KEYS or name in _PROVENANCE:
            return []
        if isinstance(value, dt.date):
            return [thai.format_date(value, self.n)]
        if isinstance(value, bool):
            return []
        if name == "elements" and isinstance(value, int):  # a document's element numbers, shown as chips
            return [f"องค์ประกอบที่ {thai.digits(value, self.n)}"]
        if isinstance(value, (int, float)):
            if name.endswith("year"):
                return [thai.digits(value, self.n)]
            if name in _TWO_DECIMALS:
                return [thai.format_number(value, self.n, decimals=2)]
            return [thai.format_number(value, self.n)]
        if name in _TWO_DECIMALS and isinstance(value, str):
            return [thai.digits(value, self.n)]  # a score as written, in the site's numerals
        if name == "status":
            return [STATUS_LABELS[value]]
        if name == "kind":
            return []  # shown through the round's title (checked by the caller)
        if name == "type":
            return [ORG_TYPES[value]]
        if name in ("url", "website"):
            return [f'href="{html.escape(value)}"']
        if name == "file":
            return []  # checked as a file in the site
        return self.lines(str(value))

    def lines(self, value: str) -> list[str]:
        """Each paragraph, list item, heading or table cell of a text as a reader must find it:
        the editor's own number kept in front ("๔. จัดทำ ..."), Markdown's block marks
        (#, >, -, |) and emphasis removed. A line without a mark of its own continues the one
        before it (emphasis may span lines)."""
        blocks: list[list[str]] = []  # [marker, text]
        joinable = False
        for raw in value.splitlines():
            line = raw.strip()
            while line.startswith(">"):
                line = line[1:].lstrip()
            if not line or _TABLE_RULE.match(line) or set(line) <= set("-*_= "):
                joinable = False
                continue
            if line.startswith("|"):
                blocks += [["", c.strip()] for c in line.strip("|").split("|")]
                joinable = False
                continue
            marked = bool(_HEADING.match(line) or _BULLET.match(line) or _OWN_NUMBER.match(line))
            line = _BULLET.sub("", _HEADING.sub("", line))
            if joinable and not marked:
                blocks[-1][1] += " " + line
                continue
            number = _OWN_NUMBER.match(line)
            marker = number.group(1) if number else ""
            rest = line[len(marker) :]
            blocks.append([marker + (" " if rest[:1].isspace() else ""), rest.strip()])
            joinable = True
        pieces = (_norm(marker + self._inline_text(text)) for marker, text in blocks)
        return [p for p in pieces if p]

    def _inline_text(self, text: str) -> str:
        rendered = re.sub(r"<[^>]+>", " ", str(self.text.inline(text)))
        return _norm(html.unescape(rendered))


def _walk(record: BaseModel, path: str = "") -> Iterator[tuple[str, str, Any]]:
    """(path, field name, value) for every leaf of a record."""
    for name in type(record).model_fields:
        value = getattr(record, name)
        here = f"{path}.{name}" if path else name
        if isinstance(value, BaseModel):
            yield from _walk(value, here)
        elif isinstance(value, (list, tuple)):
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from _walk(item, f"{here}[{i}]")
                else:
                    yield here + f"[{i}]", name, item
        else:
            yield here, name, value


def audit_site(site: Site, site_dir: Path) -> list[Missing]:
    """Every piece of every record that cannot be found where it belongs."""
    pages = _Pages(site_dir)
    expect = _Expect(site.numerals)
    missing: list[Missing] = []

    def check(file: str, record: BaseModel, srcs: list[str], prefix: str = "", table: str | None = None) -> None:
        """``table``: the page that prints the document's whole table, where its own column
        labels stand (the part pages show a reader's subset of the columns)."""
        text = _bare(" ".join(pages.text(s) for s in srcs))
        raw = " ".join(pages.html(s) for s in srcs)
        with_table = text + _bare(pages.text(table)) if table else text
        for path, name, value in _walk(record, prefix):
            here, where = (with_table, [*srcs, table]) if table and _COLUMNS.search(path) else (text, srcs)
            if isinstance(value, str) and name not in _KEYS and _bare(value) in here:
                continue  # shown exactly as typed (titles and labels are escaped, not rendered)
            for piece in expect.pieces(name, value):
                found = piece in raw if piece.startswith("href=") else _bare(piece) in here
                if not found:
                    missing.append(Missing(file, path, piece, ", ".join("/" + url_of(s) for s in where if s)))
            if name == "file" and value and not (site_dir / value).is_file():
                missing.append(Missing(file, path, value, "(ไฟล์แนบ)"))

    check("data/organization.yml", site.organization, [HOME])
    for fy in site.years.values():
        y = fy.year
        base = f"data/years/{y}"
        groups = [group_src(fy, g.key) for g in fy.taxonomy.groups]
        # the document's own structure (sections, contents, group headings, column labels) stands
        # in its parts: the title block, the scores, the analysis, the issues, the limitations
        parts = [measures_doc_src(y), year_src(y), assessment_src(y), analysis_src(y), *groups, limitations_src(y)]
        check(
            f"{base}/year.yml", fy.info, parts + ([report_src(y)] if fy.rounds else []), table=print_src(y, "measures")
        )
        if fy.assessment:
            # scores on the assessment page, the overview on the analysis page, each issue's
            # analysis on the page (parts of the measures document, see pages.print_src)
            check(f"{base}/assessment.yml", fy.assessment, [assessment_src(y), analysis_src(y), *groups])
        for i, m in enumerate(fy.measures):
            src = measure_src(y, m.id)
            file, prefix = fy.measure_source(i)
            check(file, m, [src], prefix.rstrip("."))
            for unit in [] if m.responsible_text else m.responsible:  # the unit as written stands for the names
                if _bare(fy.units[unit].name) not in _bare(pages.text(src)):
                    missing.append(Missing(file, f"{prefix}responsible", fy.units[unit].name, src))
        for rnd in fy.rounds:
            # the round's own text on the report; each entry's on its measure's page (below)
            check(
                f"{base}/rounds/{rnd.id}",
                rnd,
                [report_src(y), *(measure_src(y, e.measure) for e in rnd.entries)],
                table=print_src(y, "report"),
            )
            title = rnd.title_in(site.numerals)
            for e in rnd.entries:
                check(f"{base}/rounds/{rnd.id}", e, [measure_src(y, e.measure)], f"entries[{e.measure}]")
                if _bare(title) not in _bare(pages.text(measure_src(y, e.measure))):
                    missing.append(Missing(f"{base}/rounds/{rnd.id}", "title", title, measure_src(y, e.measure)))
        for d in fy.disclosures:
            check(f"{base}/disclosures.yml", d, [oit_item_src(fy.ita_year, d.item)], f"disclosures[{d.item}]")
    for ita in site.ita_years():
        for item in site.catalogs[ita].items:
            # the compiler's notes are for staff: on the staff page of catalogue notes, not the item page
            # (shown only when the site publishes the staff guide): the item page holds the rest
            check(f"data/catalog/ita-{ita}.yml", item.model_copy(update={"note": None}), [oit_item_src(ita, item.code)], f"items[{item.code}]")
    return missing


EXPORT_AUDITS: tuple[Callable[[Site, Path], list[Missing]], ...] = ()
"""The checks of published exports that hold records elsewhere than on the pages: each
``(site, site_dir) -> list[Missing]`` checks its own files in ``site_dir``. Listed here, by
name: ``python -m prongsai audit`` and the tests then run it with no other change."""


def audit_all(site: Site, site_dir: Path) -> list[Missing]:
    """The pages' audit, then each published export's (:data:`EXPORT_AUDITS`)."""
    missing = audit_site(site, site_dir)
    for check in EXPORT_AUDITS:
        missing += check(site, site_dir)
    return missing

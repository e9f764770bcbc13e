"""Load the whole ``data/`` tree, validate every file and the links between records.

All problems are collected and raised together as one :class:`DataError`, so an
editor sees every mistake of a pull request at once. Nothing is silently skipped:
a YAML file in a place the loader does not know is itself a problem.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from .errors import DataError, Problem
from . import privacy
from .model import (
    LEGACY_BANDS,
    AssessmentFile,
    CatalogFile,
    DisclosureDocument,
    DisclosuresFile,
    Document,
    MeasuresFile,
    OitItem,
    OrganizationFile,
    Period,
    ProgressRound,
    YearFile,
)
from .site import Catalog, FiscalYear, Site, Taxonomy
from .thai import FiscalYearSpan, format_date
from .validation import validate_doc
from .yamlio import Path_, YamlDoc, YamlProblem, format_path, read_yaml

M = TypeVar("M", bound=BaseModel)

_CATALOG_NAME = re.compile(r"^ita-(\d{4})\.ya?ml$")
_YEAR_DIR = re.compile(r"^\d{4}$")
_YEAR_FILES = {"year.yml": YearFile, "assessment.yml": AssessmentFile, "measures.yml": MeasuresFile, "disclosures.yml": DisclosuresFile}


@dataclass
class _Ctx:
    root: Path  # the folder holding data/ (file names in messages are relative to it)
    docs_dir: Path | None
    problems: list[Problem]
    docs: list[YamlDoc] = field(default_factory=list)  # every file read: all are published

    def rel(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def read(self, path: Path, model: type[M]) -> tuple[YamlDoc, M] | None:
        try:
            doc = read_yaml(path, self.rel(path))
        except YamlProblem as exc:
            self.problems.append(exc.problem)
            return None
        self.docs.append(doc)
        record = validate_doc(doc, model, self.problems)
        return None if record is None else (doc, record)

    def add(self, doc: YamlDoc, path: Path_, message: str, gloss: str) -> None:
        self.problems.append(Problem(doc.file, doc.line_of(path), format_path(path), message, gloss))


def load_site(data_dir: Path, docs_dir: Path | None = None) -> Site:
    """Read and check everything under ``data_dir``; raise :class:`DataError` listing all problems."""
    data_dir = data_dir.resolve()
    ctx = _Ctx(data_dir.parent, docs_dir.resolve() if docs_dir else None, [])
    if not data_dir.is_dir():
        raise DataError([Problem(ctx.rel(data_dir), None, "", "ไม่พบโฟลเดอร์ข้อมูล", "data folder not found")])

    org_path = data_dir / "organization.yml"
    organization = None
    if org_path.is_file():
        loaded = ctx.read(org_path, OrganizationFile)
        organization = loaded[1] if loaded else None
    else:
        ctx.problems.append(
            Problem(ctx.rel(org_path), None, "", "ไม่พบไฟล์ข้อมูลหน่วยงาน ให้สร้างไฟล์ data/organization.yml", "missing file")
        )

    catalogs = _load_catalogs(ctx, data_dir / "catalog")
    years = _load_years(ctx, data_dir / "years", catalogs)
    _reject_unknown_files(ctx, data_dir)
    _guard_privacy(ctx, data_dir, organization)

    if ctx.problems or organization is None:
        raise DataError(sorted(set(ctx.problems), key=lambda p: (p.file, p.line or 0, p.path, p.message)))
    return Site(organization, catalogs, years)


# --- catalogue -----------------------------------------------------------------------


def _load_catalogs(ctx: _Ctx, folder: Path) -> dict[int, Catalog]:
    found: dict[int, tuple[YamlDoc, CatalogFile]] = {}
    for path in sorted(folder.glob("*.y*ml")) if folder.is_dir() else []:
        m = _CATALOG_NAME.match(path.name)
        if not m:
            ctx.problems.append(
                Problem(ctx.rel(path), None, "", "ชื่อไฟล์รายการ OIT ต้องเป็นแบบ ita-<ปี>.yml เช่น ita-2568.yml", "bad catalogue file name")
            )
            continue
        loaded = ctx.read(path, CatalogFile)
        if not loaded:
            continue
        doc, cat = loaded
        if cat.ita_year != int(m[1]):
            ctx.add(doc, ("ita_year",), f"ปี ITA ในไฟล์ ({cat.ita_year}) ไม่ตรงกับชื่อไฟล์ ({m[1]})", "year differs from file name")
            continue
        _check_catalog(ctx, doc, cat)
        found[cat.ita_year] = (doc, cat)
    for year, (doc, cat) in found.items():
        prev = found.get(cat.previous_year or 0)
        if prev is None:
            continue
        known = {i.code for i in prev[1].items}
        for n, item in enumerate(cat.items):
            for code in item.previous.codes if item.previous else []:
                if code not in known:
                    ctx.add(doc, ("items", n, "previous", "codes"), f"ไม่มีข้อ {code} ในรายการ ITA {cat.previous_year}", "unknown previous code")
    return {year: Catalog(cat) for year, (_, cat) in found.items()}


def _check_catalog(ctx: _Ctx, doc: YamlDoc, cat: CatalogFile) -> None:
    _unique(ctx, doc, "items", [i.code for i in cat.items], "รหัสข้อ")
    _unique(ctx, doc, "indicators", [str(i.number) for i in cat.indicators], "หมายเลขตัวชี้วัด")
    sub_codes = {s.code for s in cat.sub_indicators}
    for n, item in enumerate(cat.items):
        if item.sub_indicator and item.sub_indicator not in sub_codes:
            ctx.add(doc, ("items", n, "sub_indicator"), f"ไม่มีตัวชี้วัดย่อย {item.sub_indicator} ใน sub_indicators", "unknown sub-indicator")
    for role in ("measures", "measures_report"):
        if sum(1 for i in cat.items if i.role == role) > 1:
            ctx.add(doc, ("items",), f"มีข้อที่เป็น role: {role} ได้เพียงข้อเดียว", "role used twice")


# --- fiscal years --------------------------------------------------------------------


def _load_years(ctx: _Ctx, folder: Path, catalogs: dict[int, Catalog]) -> dict[int, FiscalYear]:
    years: dict[int, FiscalYear] = {}
    if not folder.is_dir():
        return years
    for ydir in sorted(p for p in folder.iterdir() if p.is_dir()):
        if not _YEAR_DIR.match(ydir.name):
            ctx.problems.append(
                Problem(ctx.rel(ydir), None, "", "ชื่อโฟลเดอร์ปีงบประมาณต้องเป็นปี พ.ศ. 4 หลัก เช่น data/years/2568", "bad year folder")
            )
            continue
        fy = _load_year(ctx, ydir, catalogs)
        if fy is not None:
            years[fy.year] = fy
    return years


def _load_year(ctx: _Ctx, ydir: Path, catalogs: dict[int, Catalog]) -> FiscalYear | None:
    year_path = ydir / "year.yml"
    if not year_path.is_file():
        ctx.problems.append(
            Problem(ctx.rel(year_path), None, "", "ไม่พบไฟล์ year.yml ของปีงบประมาณนี้ ให้สร้างไฟล์นี้", "missing year.yml")
        )
        return None
    loaded = ctx.read(year_path, YearFile)
    optional: dict[str, Any] = {
        name: ctx.read(ydir / name, model) if (ydir / name).is_file() else None
        for name, model in _YEAR_FILES.items()
        if name != "year.yml"
    }
    rounds = [r for p in sorted((ydir / "rounds").glob("*.y*ml")) if (r := ctx.read(p, ProgressRound))]
    if not loaded:
        return None
    ydoc, info = loaded
    if info.fiscal_year != int(ydir.name):
        ctx.add(ydoc, ("fiscal_year",), f"ปีงบประมาณในไฟล์ ({info.fiscal_year}) ไม่ตรงกับชื่อโฟลเดอร์ ({ydir.name})", "year differs from folder")
        return None
    ita_year = info.ita_year or info.fiscal_year
    catalog = catalogs.get(ita_year)
    if catalog is None:
        have = ", ".join(str(y) for y in sorted(catalogs)) or "ไม่มี"
        ctx.add(
            ydoc,
            ("ita_year",) if info.ita_year else ("fiscal_year",),
            f"ไม่มีรายการ OIT ของปี ITA {ita_year} (data/catalog/ita-{ita_year}.yml) ปีที่มี: {have} "
            "ให้กำหนด ita_year เป็นปีที่มี หรือเพิ่มไฟล์รายการ",
            "no catalogue for this ITA year",
        )
        return None
    taxonomy = _taxonomy(ctx, ydoc, info, catalog)
    if taxonomy is None:
        return None

    span = FiscalYearSpan(info.fiscal_year)
    _unique(ctx, ydoc, "units", [u.id for u in info.units], "รหัสหน่วยงาน")

    assessment = None
    if (got := optional["assessment.yml"]) is not None:
        adoc, assessment = got  # type: ignore[assignment]
        _check_assessment(ctx, adoc, assessment, catalog, taxonomy)  # type: ignore[arg-type]

    measures: tuple = ()
    if (got := optional["measures.yml"]) is not None:
        mdoc, mfile = got
        measures = tuple(mfile.measures)  # type: ignore[attr-defined]
        _check_measures(ctx, mdoc, mfile, info, catalog, taxonomy, span)  # type: ignore[arg-type]
    measure_ids = {m.id for m in measures}
    # a measures.yml that failed validation has already been reported: checking progress
    # entries against it would only add confusing "unknown measure" errors
    measures_known = (ydir / "measures.yml").is_file() == (optional["measures.yml"] is not None)

    round_ids: dict[str, str] = {}
    for rdoc, rnd in rounds:
        if rnd.id in round_ids:
            ctx.add(rdoc, ("id",), f"รหัสรอบ '{rnd.id}' ซ้ำกับไฟล์ {round_ids[rnd.id]} ให้ตั้งรหัสใหม่", "duplicate round id")
        round_ids.setdefault(rnd.id, rdoc.file)
        _check_period(ctx, rdoc, ("period",), rnd.period, span, "ช่วงเวลาของรอบรายงาน")
        if rnd.as_of < rnd.period.start:  # type: ignore[operator]
            ctx.add(rdoc, ("as_of",), "วันที่ข้อมูล (as_of) อยู่ก่อนวันเริ่มของรอบรายงาน", "as_of before the round starts")
        _unique(ctx, rdoc, "entries", [e.measure for e in rnd.entries], "มาตรการ", field="measure")
        for n, entry in enumerate(rnd.entries):
            if measures_known and entry.measure not in measure_ids:
                ctx.add(
                    rdoc,
                    ("entries", n, "measure"),
                    f"ไม่มีมาตรการรหัส '{entry.measure}' ใน measures.yml ของปี {info.fiscal_year} "
                    f"รหัสที่มี: {', '.join(sorted(measure_ids)) or 'ไม่มี'}",
                    "unknown measure id",
                )
            for k, doc in enumerate(entry.evidence):
                _check_document(ctx, rdoc, ("entries", n, "evidence", k), doc)

    disclosures: tuple = ()
    if (got := optional["disclosures.yml"]) is not None:
        ddoc, dfile = got
        disclosures = tuple(dfile.disclosures)  # type: ignore[attr-defined]
        _unique(ctx, ddoc, "disclosures", [d.item for d in disclosures], "ข้อ OIT", field="item")
        for n, d in enumerate(disclosures):
            _check_code(ctx, ddoc, ("disclosures", n, "item"), d.item, catalog)
            for k, doc in enumerate(d.documents):
                _check_document(ctx, ddoc, ("disclosures", n, "documents", k), doc)
                _check_elements(ctx, ddoc, ("disclosures", n, "documents", k, "elements"), doc, catalog.item(d.item), catalog)

    ordered_rounds = tuple(sorted((r for _, r in rounds), key=lambda r: (r.period.start, r.period.end, r.id)))
    return FiscalYear(info, catalog, taxonomy, assessment, measures, ordered_rounds, disclosures)  # type: ignore[arg-type]


def _taxonomy(ctx: _Ctx, ydoc: YamlDoc, info: YearFile, catalog: Catalog) -> Taxonomy | None:
    available = catalog.taxonomies()
    base = available.get(info.grouping)
    if base is None:
        ctx.add(
            ydoc,
            ("grouping",),
            f"ไม่รู้จักวิธีจัดกลุ่ม '{info.grouping}' ให้ใช้หนึ่งใน: {', '.join(available)}",
            "unknown grouping",
        )
        return None
    if info.taxonomy:
        _unique(ctx, ydoc, "taxonomy", [g.key for g in info.taxonomy], "รหัสกลุ่ม", field="key")
        return Taxonomy(base.key, base.title, base.label, tuple(info.taxonomy))
    return base


def _check_assessment(ctx: _Ctx, doc: YamlDoc, af: AssessmentFile, catalog: Catalog, taxonomy: Taxonomy) -> None:
    a = af.assessment
    bands = {b.label for b in catalog.data.bands} | set(LEGACY_BANDS)
    if a.band not in bands:
        ctx.add(doc, ("assessment", "band"), f"ไม่รู้จักระดับผลการประเมิน '{a.band}' ให้ใช้หนึ่งใน: {', '.join(sorted(bands))}", "unknown band")
    _unique(ctx, doc, ("assessment", "instruments"), [i.code for i in a.instruments], "แบบวัด", field="code")
    numbers = {i.number for i in catalog.data.indicators}
    _unique(ctx, doc, ("assessment", "indicators"), [str(i.number) for i in a.indicators], "ตัวชี้วัด", field="number")
    for n, ind in enumerate(a.indicators):
        if ind.number not in numbers and ind.title is None:
            ctx.add(
                doc,
                ("assessment", "indicators", n, "number"),
                f"ไม่มีตัวชี้วัดที่ {ind.number} ในรายการของปี ITA {catalog.ita_year} ให้แก้หมายเลข หรือใส่ title",
                "unknown indicator",
            )
    _unique(ctx, doc, ("analysis", "groups"), [g.group for g in af.analysis.groups], "กลุ่ม", field="group")
    for n, g in enumerate(af.analysis.groups):
        _check_group(ctx, doc, ("analysis", "groups", n, "group"), g.group, taxonomy)


def _check_measures(ctx: _Ctx, doc: YamlDoc, mfile: MeasuresFile, info: YearFile, catalog: Catalog, taxonomy: Taxonomy, span: FiscalYearSpan) -> None:
    _unique(ctx, doc, "measures", [m.id for m in mfile.measures], "รหัสมาตรการ", field="id")
    units = {u.id for u in info.units}
    for n, m in enumerate(mfile.measures):
        _check_group(ctx, doc, ("measures", n, "group"), m.group, taxonomy)
        _check_period(ctx, doc, ("measures", n, "period"), m.period, span, "ระยะเวลาดำเนินการ")
        for k, unit in enumerate(m.responsible):
            if unit not in units:
                ctx.add(
                    doc,
                    ("measures", n, "responsible", k),
                    f"ไม่มีหน่วยงานรหัส '{unit}' ใน units ของ year.yml รหัสที่มี: {', '.join(sorted(units))}",
                    "unknown unit id",
                )
        for k, code in enumerate(m.oit_items):
            _check_code(ctx, doc, ("measures", n, "oit_items", k), code, catalog)


def _check_group(ctx: _Ctx, doc: YamlDoc, path: Path_, key: str, taxonomy: Taxonomy) -> None:
    if key not in taxonomy.keys():
        ctx.add(
            doc,
            path,
            f"ไม่มี{taxonomy.label} {key} ในการจัดกลุ่มแบบ {taxonomy.title} ของปีนี้ ให้ใช้หนึ่งใน: {', '.join(taxonomy.keys())}",
            "group key not in this year's taxonomy",
        )


def _check_code(ctx: _Ctx, doc: YamlDoc, path: Path_, code: str, catalog: Catalog) -> None:
    if catalog.item(code) is None:
        last = catalog.items[-1].code
        ctx.add(
            doc,
            path,
            f"ไม่มีข้อ {code} ในรายการ OIT ของปี ITA {catalog.ita_year} (มีข้อ O1 ถึง {last}) ให้ตรวจรหัสข้อ",
            "OIT code not in this year's catalogue",
        )


def _check_period(ctx: _Ctx, doc: YamlDoc, path: Path_, period: Period, span: FiscalYearSpan, what: str) -> None:
    for key in ("start", "end"):
        day = getattr(period, key)
        if day is not None and day not in span:
            ctx.add(
                doc,
                (*path, key),
                f"{what} ({format_date(day, 'arabic')}) อยู่นอกปีงบประมาณ {span.year} "
                f"({format_date(span.start, 'arabic')} ถึง {format_date(span.end, 'arabic')}) ให้ตรวจปีของวันที่",
                "date outside the fiscal year",
            )


def _check_document(ctx: _Ctx, doc: YamlDoc, path: Path_, document: Document) -> None:
    if document.file and ctx.docs_dir is not None and not (ctx.docs_dir / document.file).is_file():
        ctx.add(
            doc,
            (*path, "file"),
            f"ไม่พบไฟล์ docs/{document.file} ให้อัปโหลดไฟล์ไว้ที่ตำแหน่งนี้ หรือแก้ชื่อไฟล์ให้ตรง",
            "evidence file not found",
        )


def _check_elements(ctx: _Ctx, doc: YamlDoc, path: Path_, document: DisclosureDocument, item: OitItem | None, catalog: Catalog) -> None:
    """``elements`` are numbers into the item's list of required elements (1 = the first)."""
    if not document.elements or item is None:
        return
    count = len(item.elements)
    if count == 0:
        ctx.add(
            doc,
            path,
            f"ข้อ {item.code} ของ ITA {catalog.ita_year} ไม่มีรายการองค์ประกอบที่ต้องมี ให้ลบหัวข้อ elements ออก",
            "this item lists no required elements",
        )
        return
    wrong = [n for n in document.elements if not 1 <= n <= count]
    if wrong:
        ctx.add(
            doc,
            path,
            f"ข้อ {item.code} ของ ITA {catalog.ita_year} มีองค์ประกอบที่ 1 ถึง {count} แต่พบหมายเลข "
            f"{', '.join(str(n) for n in wrong)} ให้ใช้หมายเลขตามลำดับในหน้าของข้อนี้",
            "element number out of range",
        )


def _unique(ctx: _Ctx, doc: YamlDoc, list_path: str | Path_, values: Iterable[str], what: str, field: str | None = None) -> None:
    base = (list_path,) if isinstance(list_path, str) else tuple(list_path)
    seen: dict[str, int] = {}
    for n, value in enumerate(values):
        if value in seen:
            path = (*base, n, field) if field else (*base, n)
            first_line = doc.line_of((*base, seen[value]))
            ctx.add(doc, path, f"{what} '{value}' ซ้ำกับรายการที่บรรทัด {first_line} ให้ใช้ค่าที่ไม่ซ้ำ", "duplicate")
        else:
            seen[value] = n


def _guard_privacy(ctx: _Ctx, data_dir: Path, organization: OrganizationFile | None) -> None:
    """No national ID, personal mobile or personal e-mail in anything published."""
    allowed: set[str] = set()
    published = list(ctx.docs)  # the allow-list itself is read after: it is not published
    path = data_dir / privacy.ALLOWLIST_NAME
    if path.is_file() and (loaded := ctx.read(path, privacy.AllowlistFile)):
        allowed = {privacy.normalise(e.value) for e in loaded[1].entries}
    website = organization.website if organization else _raw_website(published)
    guard = privacy.PrivacyGuard(privacy.official_domain(website), allowed)
    for doc in published:
        ctx.problems.extend(guard.check_doc(doc))
    if ctx.docs_dir is not None and ctx.docs_dir.is_dir():
        ctx.problems.extend(guard.check_published_files(ctx.docs_dir, ctx.root))


def _raw_website(docs: list[YamlDoc]) -> str | None:
    """The website as typed, when organization.yml has other mistakes (so its own
    addresses are not reported as personal on top of them)."""
    for doc in docs:
        if doc.file.endswith("data/organization.yml") and isinstance(doc.data, dict):
            value = doc.data.get("website")
            return value if isinstance(value, str) else None
    return None


def _reject_unknown_files(ctx: _Ctx, data_dir: Path) -> None:
    """A YAML file the loader does not read would be a record silently dropped."""
    for path in sorted(data_dir.rglob("*")):
        if path.suffix.lower() not in (".yml", ".yaml") or not path.is_file():
            continue
        rel = path.relative_to(data_dir).parts
        known = (
            rel in (("organization.yml",), (privacy.ALLOWLIST_NAME,))
            or (len(rel) == 2 and rel[0] == "catalog")
            or (len(rel) == 3 and rel[0] == "years" and rel[2] in _YEAR_FILES)
            or (len(rel) == 4 and rel[0] == "years" and rel[2] == "rounds")
        )
        if not known:
            ctx.problems.append(
                Problem(
                    ctx.rel(path),
                    None,
                    "",
                    "ระบบไม่รู้จักไฟล์นี้ จึงจะไม่ถูกนำไปแสดง ให้ย้ายไปไว้ในตำแหน่งที่ถูกต้อง "
                    f"(organization.yml, {privacy.ALLOWLIST_NAME}, catalog/ita-<ปี>.yml, years/<ปี>/year.yml, assessment.yml, measures.yml, "
                    "disclosures.yml หรือ years/<ปี>/rounds/<รอบ>.yml) หรือลบออก",
                    "unknown file; it would never be published",
                )
            )

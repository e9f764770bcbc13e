"""Would an OIT item score 100 today? Completeness and staleness of each item's evidence.

The assessors give an item 100 only when every required element is shown, for the
fiscal year the item asks about (``covers`` in the catalogue, relative to the ITA year),
and 0 otherwise. This module judges each item of a catalogue from the data:

- an ordinary item from its documents in ``disclosures.yml``: a document is of the fiscal
  year in its ``covers``, or failing that of the fiscal year of its ``date``; a document
  shows the required elements listed in its ``elements`` (numbers into the item's list),
  or all of them when it lists none;
- the measures item from the measures of the fiscal year answering the ITA year (and the
  analysis, steps and monitoring the measures document must contain: a part counts as
  shown when the document has it at all, since a document may state it once for all);
- the report item from the progress rounds of the fiscal year it covers (a report on a
  previous fiscal year must reach the end of that year: the twelve-month round).

Plain Python: the pages, the answer sheet, the build warnings and the ``itas`` command
all read the same :class:`OitStatus`. What is wrong is said twice: ``reasons`` for
everyone (citizens' pages and the public answer sheet: what is missing, no file paths)
and ``hints`` for the editors (what to do, in which file and field: the ``itas`` and
``status`` commands and the build log).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from . import thai
from .model import ROUND_KIND_LABELS, DisclosureDocument, OitItem
from .site import Catalog, FiscalYear, Site

State = Literal["complete", "incomplete", "stale", "missing"]

STATE_LABELS: dict[str, str] = {
    "complete": "ครบถ้วน",
    "incomplete": "องค์ประกอบไม่ครบ",
    "stale": "ข้อมูลไม่ตรงปี",
    "missing": "ยังไม่มีข้อมูล",
}


@dataclass(frozen=True)
class ElementCheck:
    """One required element of an item and what shows it."""

    number: int
    text: str
    shown_by: tuple[str, ...]  # document titles, or the part of the data that shows it
    problem: str = ""  # why it is not shown, when it is not (public: no file paths)
    hint: str = ""  # what the editor does about it, with the file (staff only)

    @property
    def ok(self) -> bool:
        return bool(self.shown_by) and not self.problem


@dataclass(frozen=True)
class OitStatus:
    item: OitItem
    ita_year: int
    state: State
    reasons: tuple[str, ...] = ()  # Thai, what is missing: public, no file paths or field names
    hints: tuple[str, ...] = ()  # Thai, what the editor does, with files and fields: staff only
    required_year: int | None = None  # the fiscal year the evidence must cover
    source_year: FiscalYear | None = None  # for the measures / report items: the fiscal year shown
    documents: tuple[DisclosureDocument, ...] = ()
    elements: tuple[ElementCheck, ...] = field(default=())

    @property
    def published(self) -> bool:
        """Something is there (the ITAS answer มี), complete or not."""
        return self.state != "missing"

    @property
    def scores(self) -> bool:
        """Would score 100 if assessed today."""
        return self.state == "complete"

    @property
    def label(self) -> str:
        return STATE_LABELS[self.state]

    @property
    def reason(self) -> str:
        """What is missing, for everyone."""
        return " ".join(self.reasons)

    @property
    def hint(self) -> str:
        """What to do and where, for the editors."""
        return " ".join(self.hints)

    @property
    def staff_text(self) -> str:
        """Both, for the staff's tools (commands, build log)."""
        return " ".join((*self.reasons, *self.hints))


def required_year(item: OitItem, ita_year: int) -> int | None:
    """The fiscal year an item's evidence must cover, or ``None`` when any year will do."""
    return item.required_year(ita_year)


def document_year(doc: DisclosureDocument) -> tuple[int | None, bool]:
    """The fiscal year a document is about, and whether that was read from its date."""
    if doc.covers:
        return doc.covers, False
    if doc.date:
        return thai.fiscal_year_of(doc.date), True
    return None, False


def assess(site: Site, catalog: Catalog, item: OitItem) -> OitStatus:
    if item.role == "measures":
        return _measures(site, catalog, item)
    if item.role == "measures_report":
        return _report(site, catalog, item)
    return _disclosure(site, catalog, item)


def assess_year(site: Site, ita_year: int) -> list[OitStatus]:
    catalog = site.catalogs[ita_year]
    return [assess(site, catalog, item) for item in catalog.items]


def summary(statuses: list[OitStatus]) -> dict[str, int]:
    out = {"total": len(statuses), "published": sum(s.published for s in statuses)}
    out |= {state: sum(s.state == state for s in statuses) for state in STATE_LABELS}
    return out


# --- ordinary items: documents in disclosures.yml ---------------------------------------


def _disclosure(site: Site, catalog: Catalog, item: OitItem) -> OitStatus:
    n = site.numerals
    ita = catalog.ita_year
    need = required_year(item, ita)
    answering = site.year_for_ita(ita)
    disclosure = answering.disclosure(item.code) if answering else None
    docs = tuple(disclosure.documents) if disclosure else ()
    base = {"item": item, "ita_year": ita, "required_year": need, "documents": docs}
    where = f"data/years/{answering.year}/disclosures.yml" if answering else "disclosures.yml"
    if not docs:
        return OitStatus(
            state="missing",
            reasons=(f"ยังไม่มีเอกสารหรือลิงก์ของข้อ {item.code}",),
            hints=(f"ให้เพิ่มใน {where} (python -m prongsai new-disclosure {item.code} ...)",),
            elements=_element_checks(item, ()),
            **base,  # type: ignore[arg-type]
        )
    right = docs
    if need is not None:
        years = [document_year(d) for d in docs]
        right = tuple(d for d, (y, _) in zip(docs, years, strict=True) if y == need)
        if not right:
            return OitStatus(
                state="stale",
                reasons=(_stale_reason(need, years, n),),
                hints=(_stale_hint(need, n, where),),
                elements=_element_checks(item, docs),
                **base,  # type: ignore[arg-type]
            )
    checks = _element_checks(item, right)
    missing = [c for c in checks if not c.ok]
    if missing:
        return OitStatus(
            state="incomplete",
            reasons=tuple(f"ขาดองค์ประกอบที่ {thai.digits(c.number, n)} {c.text}" for c in missing),
            hints=(
                f"ให้เพิ่มเอกสารที่แสดงองค์ประกอบนี้ใน {where} "
                "หรือถ้าเอกสารที่มีแสดงแล้ว ให้เพิ่มหมายเลของค์ประกอบใน elements ของเอกสารนั้น",
            ),
            elements=checks,
            **base,  # type: ignore[arg-type]
        )
    return OitStatus(state="complete", elements=checks, **base)  # type: ignore[arg-type]


def _stale_reason(need: int, years: list[tuple[int | None, bool]], n: thai.Numerals) -> str:
    want = thai.digits(need, n)
    known = sorted({y for y, _ in years if y is not None})
    if not known:
        return f"ต้องเป็นข้อมูลปีงบประมาณ {want} แต่เอกสารไม่ได้ระบุปี"
    have = ", ".join(thai.digits(y, n) for y in known)
    text = f"ต้องเป็นข้อมูลปีงบประมาณ {want} แต่เอกสารที่มีเป็นข้อมูลปีงบประมาณ {have}"
    if any(from_date for y, from_date in years if y is not None):
        text += " (ดูจากวันที่ของเอกสาร)"
    return text


def _stale_hint(need: int, n: thai.Numerals, where: str) -> str:
    want = thai.digits(need, n)
    return (
        f"ให้เพิ่มเอกสารของปีงบประมาณ {want} ใน {where} "
        f"หรือถ้าเอกสารที่มีเป็นข้อมูลปี {want} แล้ว ให้เพิ่ม covers: {need} ในเอกสารนั้น"
    )


def _element_checks(item: OitItem, docs: tuple[DisclosureDocument, ...]) -> tuple[ElementCheck, ...]:
    return tuple(
        ElementCheck(k, text, tuple(d.title for d in docs if not d.elements or k in d.elements))
        for k, text in enumerate(item.elements, start=1)
    )


# --- the measures item: the measures of the fiscal year answering the ITA year ----------


def _measures(site: Site, catalog: Catalog, item: OitItem) -> OitStatus:
    n = site.numerals
    ita = catalog.ita_year
    fy = site.year_for_ita(ita)
    base = {"item": item, "ita_year": ita, "required_year": fy.year if fy else ita, "source_year": fy}
    if fy is None or not fy.measures:
        where = fy.measures_place if fy else "data/years/<ปี>/measures/"
        return OitStatus(
            state="missing",
            reasons=(f"ยังไม่มีมาตรการของปีงบประมาณ {thai.digits(fy.year if fy else ita, n)}",),
            hints=(f"ให้เพิ่มใน {where} (python -m prongsai new-measure)",),
            elements=_element_checks(item, ()),  # the page still says what the item needs
            **base,  # type: ignore[arg-type]
        )
    title = f"มาตรการ {thai.digits(len(fy.measures), n)} มาตรการ ปีงบประมาณ {thai.digits(fy.year, n)}"
    checks = []
    for k, text in enumerate(item.elements, start=1):
        problem = hint = ""
        if text.startswith("การวิเคราะห์"):
            a = fy.assessment
            if a is None or not (a.analysis.overview or a.analysis.groups):
                problem = "ยังไม่มีผลการวิเคราะห์"
                hint = f"ให้เพิ่ม analysis ใน data/years/{fy.year}/assessment.yml"
        elif text.startswith("ขั้นตอน") and not any(m.steps for m in fy.measures):
            problem = "ยังไม่มีมาตรการใดมีขั้นตอน"
            hint = f"ให้เพิ่ม steps ของมาตรการใน {fy.measures_place}"
        elif text.startswith("การกำกับติดตาม") and not any(m.monitoring or m.reporting for m in fy.measures):
            problem = "ยังไม่มีมาตรการใดมีการกำกับติดตามหรือการรายงานผล"
            hint = f"ให้เพิ่ม monitoring หรือ reporting ของมาตรการใน {fy.measures_place}"
        checks.append(ElementCheck(k, text, (title,), problem, hint))
    return _verdict(checks, base, n)


def _verdict(checks: list[ElementCheck], base: dict[str, Any], n: thai.Numerals) -> OitStatus:
    """Complete when every element is shown, otherwise incomplete with one reason per element."""
    missing = [c for c in checks if not c.ok]
    if missing:
        return OitStatus(
            state="incomplete",
            reasons=tuple(f"ขาดองค์ประกอบที่ {thai.digits(c.number, n)} {c.text}: {c.problem}" for c in missing),
            hints=tuple(c.hint for c in missing if c.hint),
            elements=tuple(checks),
            **base,
        )
    return OitStatus(state="complete", elements=tuple(checks), **base)


# --- the report item: the progress rounds of the fiscal year it covers -----------------


def _report(site: Site, catalog: Catalog, item: OitItem) -> OitStatus:
    n = site.numerals
    ita = catalog.ita_year
    answering = site.year_for_ita(ita)
    covered = ita - 1 if item.covers == "previous" else (answering.year if answering else ita)
    fy = site.years.get(covered)
    base = {"item": item, "ita_year": ita, "required_year": covered, "source_year": fy}
    if fy is None or not fy.rounds:
        return OitStatus(
            state="missing",
            reasons=(f"ยังไม่มีรายงานผลการดำเนินการตามมาตรการของปีงบประมาณ {thai.digits(covered, n)}",),
            hints=(f"ให้เพิ่มรอบรายงานใน data/years/{covered}/rounds/ (python -m prongsai new-round --year {covered} ...)",),
            elements=_element_checks(item, ()),  # the page still says what the item needs
            **base,  # type: ignore[arg-type]
        )
    last = fy.rounds[-1]
    assert last.period.end is not None  # a round's period always has both ends (ProgressRound checks it)
    if item.covers == "previous" and last.period.end < fy.span.end:
        return OitStatus(
            state="stale",
            reasons=(
                f"ต้องเป็นรายงานผลทั้งปีงบประมาณ {thai.digits(covered, n)} (ถึง {thai.format_date(fy.span.end, n)}) "
                f"แต่รายงานล่าสุดคือ{last.title_in(n)} ถึง {thai.format_date(last.period.end, n)}",
            ),
            hints=(
                f"ให้เพิ่มรายงาน{thai.digits(ROUND_KIND_LABELS['twelve_month'], n)}ใน data/years/{covered}/rounds/ "
                f"(python -m prongsai new-round 12 --year {covered})",
            ),
            elements=_element_checks(item, ()),  # the page still says what the item needs
            **base,  # type: ignore[arg-type]
        )
    shown = last.title_in(n)
    if str(covered) not in thai.digits(shown, "arabic"):  # the editor's title may already say the year
        shown += f" ปีงบประมาณ {thai.digits(covered, n)}"
    # an entry reports a result when it states one: an output, an outcome or a status (an
    # entry with none of them says nothing, and a status not stated is never "completed")
    reported = {e.measure for e in last.entries if e.output or e.outcome or e.status}
    checks = []
    for k, text in enumerate(item.elements, start=1):
        problem = hint = ""
        if text.startswith("ผลการดำเนินการ"):
            lacking = [m.id for m in fy.measures if m.id not in reported]
            if lacking:
                problem = f"มาตรการ {', '.join(lacking)} ยังไม่มีผลการดำเนินการใน{last.title_in(n)}"
                hint = f"ให้เพิ่มผลของมาตรการเหล่านี้ใน entries ของ data/years/{covered}/rounds/{last.id}.yml"
        checks.append(ElementCheck(k, text, (shown,), problem, hint))
    return _verdict(checks, base, n)

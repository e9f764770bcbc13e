"""The validated data of one site, with the lookups pages need."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field

from .model import (
    AssessmentFile,
    CatalogFile,
    Disclosure,
    Group,
    Measure,
    OitItem,
    OrganizationFile,
    ProgressEntry,
    ProgressRound,
    Unit,
    YearFile,
)
from .thai import FiscalYearSpan, Numerals, digits


@dataclass(frozen=True)
class Taxonomy:
    """How a year's measures are grouped: the seven issues, the ten indicators, ..."""

    key: str
    title: str
    label: str  # printed before a group number: ประเด็นที่ / ตัวชี้วัดที่
    groups: tuple[Group, ...]

    @property
    def noun(self) -> str:
        """What one group is called: ประเด็น, ตัวชี้วัด (the label without its ที่)."""
        return self.label.replace("ที่", "")

    def group(self, key: str) -> Group:
        return next(g for g in self.groups if g.key == key)

    def group_title(self, key: str, numerals: Numerals) -> str:
        """The group's heading as the document writes it (its ``heading``, numbers and all), followed
        by its title when the heading does not say it (``ประเด็นการพัฒนาที่ ๑`` and the title: both
        are the agency's words); else ``ประเด็นที่ ๓ การใช้ทรัพย์สินของราชการ``: the label, the
        number, the group's title."""
        g = self.group(key)
        if not g.heading:
            return f"{self.label} {digits(key, numerals)} {g.title}"
        if "".join(g.title.split()) in "".join(g.heading.split()):
            return g.heading
        return f"{g.heading} {g.title}"

    def keys(self) -> list[str]:
        return [g.key for g in self.groups]


@dataclass(frozen=True)
class Catalog:
    data: CatalogFile

    @property
    def ita_year(self) -> int:
        return self.data.ita_year

    @property
    def items(self) -> tuple[OitItem, ...]:
        return tuple(self.data.items)

    def item(self, code: str) -> OitItem | None:
        return self._by_code.get(code)

    @functools.cached_property
    def _by_code(self) -> dict[str, OitItem]:
        return {i.code: i for i in self.data.items}

    @functools.cached_property
    def continuing(self) -> dict[str, tuple[str, ...]]:
        """Per code of the previous ITA year, the codes of this catalogue that continue it."""
        out: dict[str, list[str]] = {}
        for i in self.data.items:
            for prev in i.previous.codes if i.previous else ():
                out.setdefault(prev, []).append(i.code)
        return {k: tuple(v) for k, v in out.items()}

    def role_item(self, role: str) -> OitItem | None:
        return next((i for i in self.data.items if i.role == role), None)

    def indicator_title(self, number: int) -> str:
        found = next((i for i in self.data.indicators if i.number == number), None)
        return found.title if found else ""

    def taxonomies(self) -> dict[str, Taxonomy]:
        out = {
            "indicators": Taxonomy(
                "indicators",
                "ตัวชี้วัด",
                "ตัวชี้วัดที่",
                tuple(Group(key=str(i.number), title=i.title) for i in self.data.indicators),
            )
        }
        for g in self.data.groupings:
            out[g.key] = Taxonomy(g.key, g.title, g.label, tuple(g.groups))
        return out


MEASURES_FOLDER = "measures"
"""A fiscal year's folder of measures, one file each (``data/years/<ปี>/measures/<รหัส>.yml``)."""


@dataclass(frozen=True)
class FiscalYear:
    info: YearFile
    catalog: Catalog
    taxonomy: Taxonomy
    assessment: AssessmentFile | None
    measures: tuple[Measure, ...]
    rounds: tuple[ProgressRound, ...]  # chronological
    disclosures: tuple[Disclosure, ...]
    measures_split: bool = False
    """The measures are one file each (``measures/<id>.yml``), not one ``measures.yml``."""

    @property
    def year(self) -> int:
        return self.info.fiscal_year

    @property
    def ita_year(self) -> int:
        return self.info.ita_year or self.info.fiscal_year

    @property
    def span(self) -> FiscalYearSpan:
        return FiscalYearSpan(self.year)

    @property
    def units(self) -> dict[str, Unit]:
        return {u.id: u for u in self.info.units}

    @property
    def measures_place(self) -> str:
        """Where the year's measures are written (or go: new-measure writes ``measures/<id>.yml``)."""
        base = f"data/years/{self.year}"
        return f"{base}/measures.yml" if self.measures and not self.measures_split else f"{base}/{MEASURES_FOLDER}/"

    def measure_source(self, index: int) -> tuple[str, str]:
        """Where the measure at ``index`` is written: its file and the field path prefix in it
        (``("data/years/2569/measures/m01.yml", "")`` or ``(".../measures.yml", "measures[0].")``)."""
        base = f"data/years/{self.year}"
        if self.measures_split:
            return f"{base}/{MEASURES_FOLDER}/{self.measures[index].id}.yml", ""
        return f"{base}/measures.yml", f"measures[{index}]."

    def measure(self, measure_id: str) -> Measure:
        return next(m for m in self.measures if m.id == measure_id)

    def measures_in(self, group_key: str) -> list[Measure]:
        return [m for m in self.measures if m.group == group_key]

    def progress_of(self, measure_id: str) -> list[tuple[ProgressRound, ProgressEntry]]:
        return [(r, e) for r in self.rounds for e in r.entries if e.measure == measure_id]

    def latest_progress(self, measure_id: str) -> tuple[ProgressRound, ProgressEntry] | None:
        found = self.progress_of(measure_id)
        return found[-1] if found else None

    def progress_by_round(self, measure_id: str) -> dict[str, ProgressEntry]:
        """A measure's entry in each round that reports it, by round id."""
        return {r.id: e for r, e in self.progress_of(measure_id)}

    def reported_in(self, rnd: ProgressRound) -> list[Measure]:
        """The measures a round reports on, in the order of its entries."""
        return [self.measure(e.measure) for e in rnd.entries]

    def unreported_in(self, rnd: ProgressRound) -> list[Measure]:
        """The measures of the year a round says nothing about."""
        reported = {e.measure for e in rnd.entries}
        return [m for m in self.measures if m.id not in reported]

    def disclosure(self, code: str) -> Disclosure | None:
        return next((d for d in self.disclosures if d.item == code), None)

    def last_updated(self) -> dt.date | None:
        """The newest date written in this year's data (never the build clock)."""
        dates: list[dt.date] = []
        if self.info.announcement:
            dates.append(self.info.announcement.date)
        for r in self.rounds:
            if r.as_of:
                dates.append(r.as_of)
            dates.extend(d.date for e in r.entries for d in e.evidence if d.date)
        dates.extend(doc.date for d in self.disclosures for doc in d.documents if doc.date)
        return max(dates) if dates else None


@dataclass(frozen=True)
class Site:
    organization: OrganizationFile
    catalogs: dict[int, Catalog]
    years: dict[int, FiscalYear] = field(default_factory=dict)

    @property
    def numerals(self) -> Numerals:
        return self.organization.settings.numerals

    def years_desc(self) -> list[FiscalYear]:
        return [self.years[y] for y in sorted(self.years, reverse=True)]

    @property
    def current_year(self) -> FiscalYear | None:
        wanted = self.organization.settings.current_fiscal_year
        if wanted and wanted in self.years:
            return self.years[wanted]
        return self.years_desc()[0] if self.years else None

    def ita_years(self) -> list[int]:
        """ITA years answered by some fiscal year, newest first."""
        return sorted({fy.ita_year for fy in self.years.values()}, reverse=True)

    def year_for_ita(self, ita_year: int) -> FiscalYear | None:
        return next((fy for fy in self.years_desc() if fy.ita_year == ita_year), None)

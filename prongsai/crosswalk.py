"""The same OIT item across ITA years, from the catalogue's ``previous.codes``.

The NACC renumbers the OIT list almost every year: 2566-67 O42 became 2568 O27 and then
2569 O25; 2567 O1 and O3 were merged into 2568 O1; some items were dropped. Each
catalogue names, per item, the codes of the previous ITA year it continues; walking those
links both ways gives one row per catalogue year.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import thai
from .site import Catalog


@dataclass(frozen=True)
class CrosswalkRow:
    ita_year: int
    codes: tuple[str, ...]  # empty: no item of that year continues (or precedes) this one
    here: bool  # the row of the page's own ITA year
    notes: tuple[str, ...] = ()


def _successors(catalog: Catalog, codes: tuple[str, ...]) -> tuple[str, ...]:
    """Codes of ``catalog`` continuing any of ``codes``, in catalogue order (an index, not a scan:
    every item page of every year asks, issue 6)."""
    found = {c for code in codes for c in catalog.continuing.get(code, ())}
    return tuple(i.code for i in catalog.items if i.code in found) if found else ()


def crosswalk(catalogs: dict[int, Catalog], ita_year: int, code: str, numerals: thai.Numerals) -> list[CrosswalkRow]:
    """One row per linked catalogue year, oldest first; ``[]`` when no other year is linked."""

    def y(year: int) -> str:
        return thai.digits(year, numerals)

    following: dict[int, int] = {}  # ITA year -> the year whose catalogue names it as previous
    for year_, catalog in sorted(catalogs.items(), reverse=True):
        if catalog.data.previous_year is not None:
            following[catalog.data.previous_year] = year_
    rows = [CrosswalkRow(ita_year, (code,), True)]
    # backwards: the codes each item continues from
    codes: tuple[str, ...] = (code,)
    year = ita_year
    while codes and (prev := catalogs[year].data.previous_year) in catalogs:
        items = [catalogs[year].item(c) for c in codes]
        earlier: list[str] = []
        notes = []
        for c, item in zip(codes, items, strict=True):
            got = list(item.previous.codes) if item and item.previous else []
            earlier += [p for p in got if p not in earlier]
            if len(got) > 1:
                notes.append(f"{' + '.join(got)} รวมเป็นข้อ {c} ใน ITA {y(year)}")
            if not got:
                notes.append(f"ข้อ {c} เป็นข้อใหม่ของ ITA {y(year)} ไม่มีข้อที่ตรงกันในปีนี้")
        rows.insert(0, CrosswalkRow(prev, tuple(earlier), False, tuple(notes)))
        codes, year = tuple(earlier), prev
    # forwards: the items that continue these codes
    codes = (code,)
    year = ita_year
    while codes and (nxt := following.get(year)) is not None:
        later = _successors(catalogs[nxt], codes)
        notes = []
        for c in later:
            item = catalogs[nxt].item(c)
            assert item is not None and item.previous is not None
            if len(item.previous.codes) > 1:
                notes.append(f"{' + '.join(item.previous.codes)} ของ ITA {y(year)} รวมเป็นข้อ {c}")
        for c in codes:
            if not _successors(catalogs[nxt], (c,)):
                notes.append(f"ข้อ {c} ของ ITA {y(year)} ไม่มีในรายการ ITA {y(nxt)} (ยกเลิกหรือไม่มีข้อที่สืบต่อ)")
        rows.append(CrosswalkRow(nxt, later, False, tuple(notes)))
        codes, year = later, nxt
    return rows if len(rows) > 1 else []

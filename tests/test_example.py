"""The bundled example municipality: valid, fully built, nothing dropped, every field used."""

from __future__ import annotations

import shutil
import typing
from pathlib import Path

import pytest
from pydantic import BaseModel

from prongsai import load_site
from prongsai.audit import audit_site
from prongsai.model import AssessmentFile, DisclosuresFile, MeasuresFile, OrganizationFile, ProgressRound, YearFile
from prongsai.pages import build_pages
from prongsai.urls import url_of
from prongsai.site import Site

from .conftest import REPO


@pytest.fixture(scope="module")
def example() -> Site:
    return load_site(REPO / "data", REPO / "docs")


@pytest.fixture(scope="module")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled example, built from the repository as the README's command builds it."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    site_dir = tmp_path_factory.mktemp("example") / "site"
    mkdocs_build(load_config(config_file=str(REPO / "mkdocs.yml"), site_dir=str(site_dir), strict=True))
    return site_dir


def test_the_example_has_the_years_the_product_promises(example: Site) -> None:
    years = example.years
    assert len(years) >= 3
    groupings = {fy.year: fy.taxonomy.key for fy in years.values()}
    assert "indicators" in groupings.values() and "issues" in groupings.values()
    assert any(fy.ita_year == 2567 and fy.taxonomy.key == "issues" for fy in years.values())
    assert any(fy.ita_year >= 2568 and fy.taxonomy.key == "issues" for fy in years.values())
    older = next(fy for fy in years.values() if fy.taxonomy.key == "indicators")
    assert [r.kind for r in older.rounds] == ["six_month"]
    for fy in years.values():
        if fy.taxonomy.key == "issues" and fy.ita_year <= 2568:
            assert {r.kind for r in fy.rounds} >= {"six_month", "twelve_month"}, fy.year
            assert fy.disclosures and fy.info.limitations and fy.measures, fy.year


def test_every_year_issue_measure_and_oit_item_has_its_page(example: Site, example_site: Path) -> None:
    pages, _ = build_pages(example)
    expected = {p.url for p in pages}
    for fy in example.years.values():
        assert f"{fy.year}/" in expected
        for g in fy.taxonomy.groups:
            assert f"{fy.year}/{fy.taxonomy.key}/{g.key}/" in expected
        for m in fy.measures:
            assert f"{fy.year}/measures/{m.id}/" in expected
        for item in fy.catalog.items:
            assert f"oit/{fy.ita_year}/{item.code.lower()}/" in expected
    missing = [u for u in expected if not (example_site / u / "index.html").is_file()]
    assert missing == []


def test_nothing_in_the_data_is_dropped_from_the_site(example: Site, example_site: Path) -> None:
    missing = audit_site(example, example_site)
    assert [str(m) for m in missing] == []


def test_the_audit_notices_a_dropped_text(example: Site, example_site: Path, tmp_path: Path) -> None:
    fy = example.years[max(example.years)]
    m = fy.measures[0]
    victim = tmp_path / "site"
    shutil.copytree(example_site, victim)
    page = victim / url_of(f"{fy.year}/measures/{m.id}.md") / "index.html"
    page.write_text(page.read_text("utf-8").replace(">" + m.title, ">"), "utf-8")
    # named in the measure's own file: data/years/<ปี>/measures/m01.yml: title
    assert any(x.path == "title" and x.file.endswith(f"/measures/{m.id}.yml") for x in audit_site(example, victim))


def _fields(model: type[BaseModel], prefix: str) -> set[str]:
    out = set()
    for name, f in model.model_fields.items():
        out.add(f"{prefix}.{name}")
        for sub in _records(f.annotation):
            out |= _fields(sub, f"{prefix}.{name}")
    return out


def _records(annotation: typing.Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [r for arg in typing.get_args(annotation) for r in _records(arg)]


def _used(record: BaseModel, prefix: str, out: set[str]) -> None:
    for name in type(record).model_fields:
        if name not in record.model_fields_set:
            continue
        value = getattr(record, name)
        if value is None or value == []:
            continue
        out.add(f"{prefix}.{name}")
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, BaseModel):
                _used(item, f"{prefix}.{name}", out)


def test_every_field_of_the_schema_is_used_in_the_example(example: Site) -> None:
    declared = set()
    for model in (OrganizationFile, YearFile, AssessmentFile, MeasuresFile, ProgressRound, DisclosuresFile):
        declared |= _fields(model, model.__name__)
    used: set[str] = set()
    _used(example.organization, "OrganizationFile", used)
    for fy in example.years.values():
        _used(fy.info, "YearFile", used)
        if fy.assessment:
            _used(fy.assessment, "AssessmentFile", used)
        for m in fy.measures:
            _used(m, "MeasuresFile.measures", used)
        for r in fy.rounds:
            _used(r, "ProgressRound", used)
        for d in fy.disclosures:
            _used(d, "DisclosuresFile.disclosures", used)
    used |= {"MeasuresFile.measures", "DisclosuresFile.disclosures"}
    assert sorted(declared - used) == []

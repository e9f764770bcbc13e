"""Fuzzing the loader (Hypothesis, a few hundred examples each, bounded in time): whatever
bytes an editor or an attacker puts in a data file, the loader answers with the project's
DataError (Thai problems, each naming a file) and never with another exception.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prongsai import DataError, load_site

from .conftest import FIXTURES

FUZZ = settings(
    max_examples=200,
    deadline=None,  # the first example pays for imports; the total is bounded by max_examples
    database=None,  # nothing written into the work tree
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

FILES = [
    "data/organization.yml",
    "data/catalog/ita-2568.yml",
    "data/years/2568/year.yml",
    "data/years/2568/measures.yml",
    "data/years/2568/assessment.yml",
    "data/years/2568/disclosures.yml",
    "data/years/2568/rounds/r6.yml",
]


@pytest.fixture(scope="module")
def project() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "p"
        shutil.copytree(FIXTURES / "mini", root)
        yield root


def _load_with(project: Path, rel: str, content: bytes) -> None:
    """Load the tree with one file replaced; anything but DataError fails the test."""
    path = project / rel
    original = path.read_bytes()
    path.write_bytes(content)
    try:
        load_site(project / "data", project / "docs")
    except DataError as exc:
        assert exc.problems
        for p in exc.problems:
            assert p.file.startswith(("data/", "docs/")) and p.message
    finally:
        path.write_bytes(original)


# YAML's punctuation, indentation, line ends, BOM, controls, Thai letters and digits
_PIECES = st.sampled_from(
    [":", ": ", "- ", "-", "[", "]", "{", "}", ",", "'", '"', "\t", "  ", "\n", "\r\n", "\r", "#", "&a ", "*a",
     "!!", "!x ", "|", ">", "%", "@", "`", "?", "---", "...", "\ufeff", "\x00", "\x07", "\x85", "\u2028",
     "0", "1e999", "9" * 40, "-1", "๑๒๐", "๒๕๖๘", "2568-02-30", "no", "yes", "~", "null", "true", "1:30",
     "<script>", "m01", "O27", "ก", "ข้อความ", "x" * 50]
)  # fmt: skip


@given(
    rel=st.sampled_from(FILES),
    at=st.floats(min_value=0, max_value=1),
    cut=st.integers(min_value=0, max_value=12),
    insert=st.lists(_PIECES, max_size=6).map("".join),
)
@FUZZ
def test_mutated_files_give_data_errors_only(project: Path, rel: str, at: float, cut: int, insert: str) -> None:
    text = (FIXTURES / "mini" / rel).read_text("utf-8")
    i = int(at * len(text))
    _load_with(project, rel, (text[:i] + insert + text[i + cut :]).encode("utf-8", "surrogatepass"))


@given(rel=st.sampled_from(FILES), content=st.binary(max_size=400))
@FUZZ
def test_arbitrary_bytes_give_data_errors_only(project: Path, rel: str, content: bytes) -> None:
    _load_with(project, rel, content)


_KEYS = st.sampled_from(
    ["id", "title", "measures", "entries", "measure", "status", "percent", "period", "start", "end", "text",
     "as_of", "kind", "fiscal_year", "ita_year", "grouping", "units", "name", "group", "responsible",
     "oit_items", "disclosures", "item", "documents", "url", "file", "date", "covers", "evidence", "score",
     "assessment", "band", "analysis", "groups", "questions", "code", "type", "website", "contacts", "phone",
     "email", "settings", "numerals", "unknown"]
)  # fmt: skip
_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(["m01", "m02", "clerk", "O1", "o27", "in_progress", "2568-01-15", "31/3/2568", "๖๐", "https://x.example", "files/guide.pdf"]),
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(_KEYS, inner, max_size=5)),
    max_leaves=25,
)


@given(rel=st.sampled_from(FILES), data=st.dictionaries(_KEYS, _VALUES, max_size=6))
@FUZZ
def test_well_formed_yaml_of_any_shape_gives_data_errors_only(project: Path, rel: str, data: dict[str, object]) -> None:
    _load_with(project, rel, yaml.safe_dump(data, allow_unicode=True).encode("utf-8", "surrogatepass"))

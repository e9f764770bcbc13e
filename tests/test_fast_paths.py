"""The loader's and the text renderer's fast paths give exactly what the careful paths give.

Each fast path skips work for the common case (a plain YAML file, a file with nothing
personal in it, a sentence with no Markdown in it) and hands anything else to the code that
was there before, which stays the reference. These tests compare the two on every data file
of the repository and on generated input (Hypothesis), and check that the fast paths are
taken for ordinary data (otherwise they would be dead code that a test could not notice).
"""

from __future__ import annotations

import random
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from prongsai import privacy, thai
from prongsai.text import TextRenderer, _plain
from prongsai.yamlio import YamlDoc, YamlProblem, format_path, read_careful, read_plain

from .conftest import REPO

PROPERTY = settings(max_examples=300, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])

DATA_FILES = sorted(
    p
    for folder in (REPO / "data", REPO / "tests" / "fixtures", REPO / "tests" / "hostile")
    for p in folder.rglob("*.y*ml")
)


def _source(path: Path) -> str:
    """The text read_yaml parses (what it does before choosing a path)."""
    return path.read_bytes().decode("utf-8", errors="replace").removeprefix("\ufeff").replace("\r\n", "\n")


def _careful(text: str) -> YamlDoc | str:
    try:
        return read_careful("f.yml", text)
    except YamlProblem as exc:
        return str(exc.problem)


def _assert_same_reading(text: str) -> None:
    fast = read_plain(text)
    if fast is None:
        return  # the careful path reads it (and words its problem): nothing to compare
    careful = _careful(text)
    assert isinstance(careful, YamlDoc), f"the fast path accepted what the careful path refuses: {careful}"
    assert fast[0] == careful.data
    assert [(type(k), k) for k in _walk(fast[0])] == [(type(k), k) for k in _walk(careful.data)]  # 1 is not True
    assert list(fast[1].items()) == list(careful.lines.items())


def _walk(value: Any) -> list[Any]:
    if isinstance(value, dict):
        return [x for k, v in value.items() for x in (k, *_walk(v))]
    if isinstance(value, list):
        return [x for v in value for x in _walk(v)]
    return [value]


# --- YAML ---------------------------------------------------------------------------


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: p.relative_to(REPO).as_posix())
def test_every_data_file_reads_the_same_on_both_paths(path: Path) -> None:
    _assert_same_reading(_source(path))


def test_ordinary_files_take_the_fast_path() -> None:
    ordinary = [p for p in (REPO / "data").rglob("*.yml")]
    assert len(ordinary) >= 10
    for path in ordinary:
        assert read_plain(_source(path)) is not None, path


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: *x\n",  # anchors and aliases
        "a: !!str 1\n",  # tags
        "a: 1\na: 2\n",  # duplicate key
        "? [a]\n: 1\n",  # a list as a key
        "a: 1\n---\nb: 2\n",  # two documents
        "a: [" * 40 + "]" * 40 + "\n",  # too deep
        "a: 'unclosed\n",  # syntax error
    ],
)
def test_unusual_files_go_to_the_careful_path(text: str) -> None:
    assert read_plain(text) is None


_SCALARS = st.one_of(
    st.sampled_from(["yes", "no", "on", "~", "null", "", "true", "False", "2568-01-15", "1:30", "010", "0x1F", ".5", "1e3",
                     "-", "- a", "#x", "a: b", "'q'", '"q"', "9" * 40, "+12", "-0", "1_000", "๑๒", ".inf", "@x", "a\nb",
                     " lead", "trail ", "\ttab", "ย่อหน้า\n\nที่สอง"]),
    st.integers(-(10**40), 10**40),
    st.floats(allow_nan=False),
    st.booleans(),
    st.none(),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30),
)  # fmt: skip
_KEYS = st.one_of(st.text(max_size=8), st.sampled_from(["1", "true", "null", "~", "", "2568"]), st.integers(0, 99))
_TREES = st.recursive(_SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_KEYS, inner, max_size=4), max_leaves=25)


@PROPERTY
@given(
    tree=st.dictionaries(_KEYS, _TREES, max_size=5),
    flow=st.sampled_from([None, True, False]),
    style=st.sampled_from([None, None, '"', "'", "|", ">"]),
    width=st.sampled_from([20, 80, 10_000]),
)
def test_generated_files_read_the_same_on_both_paths(tree: dict[Any, Any], flow: bool | None, style: str | None, width: int) -> None:
    text = yaml.safe_dump(tree, default_flow_style=flow, default_style=style, allow_unicode=True, width=width, sort_keys=False)
    _assert_same_reading(text)


@PROPERTY
@given(st.lists(st.sampled_from(list("ab: -[]{}#&*!|>'\"\n\t?,%@`1.~") + ["  ", "\n  ", "\n- ", "ก"]), max_size=40).map("".join))
@example("a: b\n  c: d\n")
@example("- - - a\n")
def test_arbitrary_text_reads_the_same_on_both_paths(text: str) -> None:
    _assert_same_reading(text)


# --- privacy ------------------------------------------------------------------------

# the patterns as first written (privacy.py reorders them so that the regex engine can skip
# to the next digit): the findings must not change
_NATIONAL_ID_AS_WRITTEN = re.compile(r"(?<![\d])(\d{13}|\d([ -])\d{4}\2\d{5}\2\d{2}\2\d)(?![\d])")
_MOBILE_AS_WRITTEN = re.compile(r"(?<![\d+])(?:\+66|66|0)[ .\-\u00a0]?[689](?:[ .\-\u00a0]?\d){8}(?![\d])")


def _matches(rx: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple[str | Any, ...]]]:
    return [(m.span(), m.groups()) for m in rx.finditer(text)]


@PROPERTY
@given(st.text(st.sampled_from(list("0000666688889123457 -.+\u00a0\nx๙\u0661")), max_size=40))
@example("1101700203451")
@example("1-1017-00203-45-1")
@example("+66812345678 0812345678 66-8-1234-5678")
def test_the_reordered_patterns_find_the_same(text: str) -> None:
    assert _matches(privacy._NATIONAL_ID, text) == _matches(_NATIONAL_ID_AS_WRITTEN, text)
    assert _matches(privacy._MOBILE, text) == _matches(_MOBILE_AS_WRITTEN, text)


def _check_one_by_one(guard: privacy.PrivacyGuard, doc: YamlDoc) -> list[Any]:
    """check_doc as first written: every text on its own."""
    out: list[Any] = []
    for path, text in privacy._strings(doc.data, ()):
        out += guard._problems(doc.file, doc.line_of(path), format_path(path), text)
    return out


_PERSONAL = ["0812345678", "08 1234 5678", "+66 81 234 5678", "1101700203451", "1-1017-00203-45-1", "somchai@gmail.com",
             "ผอ@saithan.go.th", "x@saithan.example", "02 123 4567", "1101700203452", "๐๘๑๒๓๔๕๖๗๘", "08-1234-567"]  # fmt: skip


@PROPERTY
@given(
    st.recursive(
        st.one_of(st.sampled_from(_PERSONAL), st.text(st.sampled_from(list("0812 .-+@ก")), max_size=12), st.integers(), st.booleans()),
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(["a", "b", "0812345678"]), inner, max_size=3),
        max_leaves=12,
    ),
    st.sets(st.sampled_from(["0812345678", "somchai@gmail.com", "1101700203451"])),
)
def test_one_scan_of_a_file_reports_what_a_scan_of_each_text_reports(data: Any, allowed: set[str]) -> None:
    doc = YamlDoc("data/f.yml", {"top": data}, {("top",): 1})
    guard = privacy.PrivacyGuard("saithan.example", allowed)
    assert guard.check_doc(doc) == _check_one_by_one(guard, doc)


# --- Thai digits --------------------------------------------------------------------


@PROPERTY
@given(st.text(st.sampled_from(list("0123456789๐๑๒๓๔๕๖๗๘๙ ก.a\u0661\uff10")), max_size=30))
def test_digit_conversion_is_the_translation_table(text: str) -> None:
    assert thai.to_arabic_digits(text) == text.translate(thai._TO_ARABIC)
    assert thai.to_thai_digits(text) == text.translate(thai._TO_THAI)


# --- text ---------------------------------------------------------------------------


_TEXT_ALPHABET = list("กขคไทยเลข๑๒ abcXYZ0123456789 .,;:()/%'\"?!-+=$@^~{}|#*_`[]<>&\\\t\n") + [
    "\u00a0", "\u200b", "\u2028", "\u3000", "“", "”", "–", "…", "é", "\ufeff", "\U0001f600", "\r", "  ", "1. ", "- ",
]  # fmt: skip


@PROPERTY
@given(st.lists(st.sampled_from(_TEXT_ALPHABET), min_size=1, max_size=30).map("".join))
@example('ร้อยละ 80 (เป้าหมาย: "ผ่าน") - ปี 2568/2569 !')
@example("1.5 ล้านบาท")
def test_a_plain_sentence_renders_as_markdown_renders_it(text: str) -> None:
    if _plain(text):
        assert TextRenderer().block(text) == TextRenderer()._convert(text)


def _data_texts() -> list[str]:
    out: list[str] = []
    for path in (REPO / "data").rglob("*.yml"):
        privacy._values(yaml.safe_load(path.read_text("utf-8")), out)
    return [t.strip() for t in out if isinstance(t, str) and t.strip()]


def test_the_example_data_renders_the_same_and_mostly_without_markdown() -> None:
    texts = _data_texts()
    plain = [t for t in texts if _plain(t)]
    for t in plain:
        assert TextRenderer().block(t) == TextRenderer()._convert(t), t
    # the bundled example is written like real documents (numbers, brackets, dates, %):
    # most of its texts need no Markdown conversion
    assert len(plain) > 0.6 * len(texts), (len(plain), len(texts))


def test_markdown_still_renders_as_markdown() -> None:
    r = TextRenderer()
    assert str(r.block("- ข้อแรก")) == "<ul>\n<li>ข้อแรก</li>\n</ul>"
    # a numbered line is the agency's own number, kept as written (issue 13), never a list
    assert str(r.block("1. ข้อแรก")) == "<p>1. ข้อแรก</p>"
    assert str(r.block("**สำคัญ** & <script>x</script>")) == "<p><strong>สำคัญ</strong> &amp; </p>"
    assert str(r.block("ราคา 5 บาท")) == "<p>ราคา 5 บาท</p>"


def test_sampled_synthetic_texts_render_the_same() -> None:
    rnd = random.Random(6)
    words = ["มาตรการ", "ร้อยละ", "80", "(ปี", "2568)", "ผ่าน", "-", ":", "O27", "ข้อ", "ความโปร่งใส", "'", '"']
    for _ in range(300):
        t = " ".join(rnd.choice(words) for _ in range(rnd.randint(1, 12)))
        if _plain(t):
            assert TextRenderer().block(t) == TextRenderer()._convert(t), t

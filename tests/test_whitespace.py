"""prongsai_mkdocs.whitespace.collapse: the theme's indentation goes, nothing a reader sees changes."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from prongsai_mkdocs.whitespace import collapse

from .htmldom import dom


def test_runs_with_a_line_break_become_one_line_break() -> None:
    assert collapse("<div>\n    <p>ก  ข</p>\n\n    <p>\t ค \r\n  ง</p>\n</div>\n") == (
        "<div>\n<p>ก  ข</p>\n<p>\t ค\nง</p>\n</div>\n"
    )
    assert collapse("a\xa0\n\xa0b \u2028 c") == "a\xa0\n\xa0b \u2028 c"  # only HTML's whitespace is whitespace


def test_elements_that_keep_their_whitespace_are_left_as_they_are() -> None:
    kept = [
        "<pre>  x\n    y\n</pre>",
        '<pre class="highlight"><code>def f():\n    return 1\n\n</code></pre>',
        "<textarea name=q>\n  ข้อความ\n  </textarea>",
        "<script>\n  var s = '</pre>\\n  <pre>';\n  </script>",
        "<style>\n  p > a { color: red }\n</style>",
        "<code>a\n   b</code>",
        "<kbd>Ctrl\n  C</kbd>",
        "<PRE>\n  upper\n  case\n</PRE >",
        "<code>outer <code>inner</code>\n   still outer</code>",
    ]
    for html in kept:
        assert collapse(f"<p>\n  {html}\n  </p>") == f"<p>\n{html}\n</p>", html


def test_inside_tags_and_tricky_input() -> None:
    cases = {
        # attribute values keep their line breaks, even after a quoted ">"
        '<a title="x\n   y">t</a>\n  u': '<a title="x\n   y">t</a>\nu',
        "<a title='1 > 2\n   3' href=x>\n  t</a>": "<a title='1 > 2\n   3' href=x>\nt</a>",
        '<img\n    src="a.png"\n    alt="">\n  z': '<img\n    src="a.png"\n    alt="">\nz',
        # a stray end tag does not end the element that is open
        "<pre>a</code>\n   b</pre>\n  c": "<pre>a</code>\n   b</pre>\nc",
        # comments are no elements
        "<!-- <pre> -->\n   d": "<!-- <pre> -->\nd",
        # a name that only starts like one
        "<precious>\n   e</precious>": "<precious>\ne</precious>",
        # left open: kept to the end
        "<pre>open\n   f": "<pre>open\n   f",
        "<script>open\n   g": "<script>open\n   g",
        # text that is no tag
        "x < y\n   z": "x < y\nz",
        "a\x00 \n b": "a\x00\nb",
        "": "",
        "\n\n": "\n",
    }
    for html, expected in cases.items():
        assert collapse(html) == expected, html


_PIECES = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<div class='a\n  b'>",
        '<span title="x > y\n  z">',
        "</span>",
        "</div>",
        "<pre>",
        "</pre>",
        "<code>",
        "</code>",
        "<script>",
        "</script>",
        "<textarea>",
        "</textarea>",
        "<br>",
        "<!-- c\n  -->",
        "ข้อความ",
        "text",
        " ",
        "\n",
        "  \n    ",
        "\t",
        "\xa0",
        " < ",  # a "<" the tokenizer reads as text (before a letter it would open a tag)
        ">",
        "&amp;",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=40))
def test_a_browser_builds_the_same_document(pieces: list[str]) -> None:
    """Same elements and attributes, the same text inside kept elements, elsewhere the same
    text up to the length of whitespace runs (one space for any run), never a run removed."""
    html = "".join(pieces)
    out = collapse(html)
    assert dom(out, strip_edges=False) == dom(html, strip_edges=False)
    assert re.sub(r"[ \t\n\r\f]+", " ", out) == re.sub(r"[ \t\n\r\f]+", " ", html)  # runs keep their place
    assert len(out) <= len(html)

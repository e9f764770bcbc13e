"""Tables that read on a 360 px phone: each data cell shown under its column's label.

A table of three or more columns cannot fit a phone's width without squeezing its
columns to a few letters a line. On narrow screens the stylesheet shows such a table as
one block per row, each cell under its column's label; the markup stays a real
``<table>`` for screen readers and wide screens. This pass marks the tables that stack and
gives each its column labels once, as custom properties on the table
(``style="--c1:'ข้อ';--c2:'รายการ'"``, taken from the table's own header row, so an agency's
own column names come along): the stylesheet puts ``var(--cN)`` before the N-th cell of a
row. Only a cell that is not the N-th of its row for its column N (the rows under a merged
cell) carries its own label, ``data-label``; one that stands for no single column (a cell
over the whole row) carries an empty one. Labelling every cell cost each row of a 43-item
answer sheet 160 bytes. It reads only the markup prongsai's own templates write, in which
every value from the data is already escaped.
"""

from __future__ import annotations

import html
import re

STACK_FROM = 3
"""Tables with at least this many columns stack on phones; narrower ones fit as they are."""
MAX_COLUMNS = 12
"""The stylesheet's ``td:nth-child(N)::before`` rules go up to this many columns (a cell
further right carries its own ``data-label``)."""

_TABLE = re.compile(r"<table\b([^>]*)>(.*?)</table>", re.S)
_THEAD = re.compile(r"<thead\b[^>]*>(.*?)</thead>", re.S)
_ROW = re.compile(r"<tr\b[^>]*>(.*?)</tr>", re.S)
_CELL = re.compile(r"<(td|th)\b([^>]*)>(.*?)</\1>", re.S)
_SPAN = re.compile(r'\b(colspan|rowspan)="(\d+)"')
_TAG = re.compile(r"<[^>]+>")


def _spans(attrs: str) -> tuple[int, int]:
    found = dict(_SPAN.findall(attrs))
    return int(found.get("colspan", 1)), int(found.get("rowspan", 1))


def _text(cell_html: str) -> str:
    return " ".join(html.unescape(_TAG.sub(" ", cell_html)).split())


def _header_labels(thead: str) -> list[str]:
    """The label of each column: the last header row's cells, widened by their colspan."""
    rows = _ROW.findall(thead)
    if not rows:
        return []
    labels: list[str] = []
    for _tag, attrs, inner in _CELL.findall(rows[-1]):
        cols, _rows = _spans(attrs)
        labels += [_text(inner)] * cols
    return labels


def _css_string(text: str) -> str:
    """``text`` as a CSS string inside an HTML attribute."""
    quoted = "'" + text.replace("\\", "\\\\").replace("'", "\\27 ").replace("\n", " ") + "'"
    return html.escape(quoted, quote=False).replace('"', "&quot;")


def _label_rows(body: str, labels: list[str]) -> str:
    # columns still covered by a cell of an earlier row (rowspan): column -> rows left
    carried: dict[int, int] = {}

    def row(m: re.Match[str]) -> str:
        nonlocal carried
        col = 0
        below: dict[int, int] = {c: n - 1 for c, n in carried.items() if n > 1}

        position = 0  # the cell's place among its row's cells (what :nth-child counts)

        def cell(c: re.Match[str]) -> str:
            nonlocal col, position
            tag, attrs, inner = c.groups()
            while col in carried:
                col += 1
            cols, rows = _spans(attrs)
            if rows > 1:
                for k in range(col, col + cols):
                    below[k] = rows - 1
            label = labels[col] if col < len(labels) and cols < len(labels) else ""
            at, col, position = position, col + cols, position + 1
            if tag != "td" or "data-label=" in attrs:
                return c.group(0)
            if label and col - cols == at < MAX_COLUMNS:
                return c.group(0)  # the stylesheet labels it by its place
            default = labels[at] if at < min(len(labels), MAX_COLUMNS) else ""
            if not label and not default:
                return c.group(0)
            return f'<td{attrs} data-label="{html.escape(label)}">{inner}</td>'

        out = _CELL.sub(cell, m.group(0))
        carried = below
        return out

    return _ROW.sub(row, body)


def label_cells(markup: str) -> str:
    """``markup`` with every data cell of a generated table labelled by its column."""
    if "<table" not in markup:
        return markup

    def table(m: re.Match[str]) -> str:
        attrs, inner = m.groups()
        head = _THEAD.search(inner)
        labels = _header_labels(head.group(1)) if head else []
        if len(labels) < STACK_FROM:
            return m.group(0)
        start, end = head.span() if head else (0, 0)
        inner = inner[:end] + _label_rows(inner[end:], labels)
        if 'class="' in attrs:
            attrs = attrs.replace('class="', 'class="ps-stack ', 1)
        else:
            attrs += ' class="ps-stack"'
        props = ";".join(
            f"--c{n}:{_css_string(label)}" for n, label in enumerate(labels[:MAX_COLUMNS], start=1) if label
        )
        attrs = attrs.replace('style="', f'style="{props};', 1) if 'style="' in attrs else f'{attrs} style="{props}"'
        return f"<table{attrs}>{inner}</table>"

    return _TABLE.sub(table, markup)

"""The core's fast twin, and the switch that turns fast twins off to measure them.

A fast twin does what plain code does, faster, for the common case; one is kept only where
the ten-year benchmark shows it saves at least 10% of the build
(``benchmarks/build_archive.py --twins`` prints each one's figure). The core has one: the
plain-sentence shortcut of :class:`prongsai.text.TextRenderer` (``plaintext``). The MkDocs
adapter has its own (``prongsai_mkdocs.twins``). ``PRONGSAI_TWINS_OFF=plaintext,fastmd``
(comma-separated) builds with the plain code in place of the named twins.
"""

from __future__ import annotations

import os

VARIABLE = "PRONGSAI_TWINS_OFF"
CORE_TWINS = ("plaintext",)


def named_off() -> frozenset[str]:
    """The names in ``PRONGSAI_TWINS_OFF``, as written (the adapter refuses names it does not know)."""
    return frozenset(n.strip() for n in os.environ.get(VARIABLE, "").split(",") if n.strip())

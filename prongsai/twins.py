"""The fast twins: shortcuts beside a plain implementation, kept only where they pay.

Each twin does what the plain code does, faster, for the common case. The benchmark
(``benchmarks/build_archive.py --twins``) builds the ten-year archive with and without
each one; ``PRONGSAI_TWINS_OFF`` (a comma list of names) turns twins off, so that the
plain path runs.
"""

from __future__ import annotations

import os

NAMES = ("plaintext", "fastmd", "navhtml", "whitespace")


def on(name: str) -> bool:
    """Whether the twin ``name`` runs in this process (read each time: tests set the variable)."""
    assert name in NAMES, name
    return name not in os.environ.get("PRONGSAI_TWINS_OFF", "").replace(" ", "").split(",")

"""Switching the engine-side fast paths off, to measure what each one saves.

``PRONGSAI_TWINS_OFF=fastmd,navhtml,whitespace`` (any of them, comma-separated) builds
with Python-Markdown, Material's own navigation macros or the theme's indentation in
place of the named shortcut: the same site, at the speed it would have without it
(benchmarks/build_archive.py compares). Read at the start of every build.
"""

from __future__ import annotations

import os

TWINS = ("fastmd", "navhtml", "whitespace")
VARIABLE = "PRONGSAI_TWINS_OFF"


def switched_off() -> frozenset[str]:
    """The shortcuts named in ``PRONGSAI_TWINS_OFF``; an unknown name is an error, not a silent no-op."""
    names = {n.strip() for n in os.environ.get(VARIABLE, "").split(",") if n.strip()}
    unknown = names - set(TWINS)
    if unknown:
        raise ValueError(f"{VARIABLE}: ไม่รู้จัก {', '.join(sorted(unknown))} (มีเพียง {', '.join(TWINS)})")
    return frozenset(names)

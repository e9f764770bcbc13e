"""Switching the fast twins off, to measure what each one saves.

``PRONGSAI_TWINS_OFF=fastmd,navhtml,whitespace,plaintext`` (any of them, comma-separated)
builds with Python-Markdown, Material's own navigation macros, the theme's indentation or
Python-Markdown and nh3 for every text field in place of the named shortcut: the same site,
at the speed it would have without it (``benchmarks/build_archive.py --twins`` compares).
Read at the start of every build. ``plaintext`` is the core's (``prongsai.twins``).
"""

from __future__ import annotations

from prongsai.twins import CORE_TWINS, VARIABLE, named_off

TWINS = ("fastmd", "navhtml", "whitespace", *CORE_TWINS)


def switched_off() -> frozenset[str]:
    """The twins named in ``PRONGSAI_TWINS_OFF``; an unknown name is an error, not a silent no-op."""
    names = named_off()
    unknown = names - set(TWINS)
    if unknown:
        raise ValueError(f"{VARIABLE}: ไม่รู้จัก {', '.join(sorted(unknown))} (มีเพียง {', '.join(TWINS)})")
    return names

"""Where the hook's time goes, for benchmarks/build_archive.py: written as JSON to the file
named by ``PRONGSAI_BUILD_TIMES`` at the end of a build (nothing is written without it)."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])
times: dict[str, float] = {}


def timed(name: str) -> Callable[[F], F]:
    """Add the run time of the decorated function to ``times[name]``."""

    def wrap(fn: F) -> F:
        def run(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                times[name] = times.get(name, 0.0) + time.perf_counter() - start

        run.__name__, run.__doc__ = fn.__name__, fn.__doc__
        return run  # type: ignore[return-value]

    return wrap


def write() -> None:
    target = os.environ.get("PRONGSAI_BUILD_TIMES")
    if target:
        Path(target).write_text(json.dumps(times), "utf-8")

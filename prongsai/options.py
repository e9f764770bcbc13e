"""The options of a build: ``extra.prongsai`` of the project's configuration, typed.

An unknown key (``gap: fail`` for ``gaps: fail``) or a bad value stops the build with a
Thai line naming ``extra.prongsai.<key>``: a setting that is silently ignored is a
setting an editor believes in and does not have.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from .errors import DataError, Problem

GapLevel = Literal["info", "warn", "fail", "off"]
GAP_LEVELS: tuple[str, ...] = ("info", "warn", "fail", "off")
# spellings accepted before the options were typed: still understood
_GAP_ALIASES = {"ignore": "off", "warning": "warn", "error": "fail"}


class FormsSettings(BaseModel):
    """``extra.prongsai.forms``: the editors' forms at /admin/ (docs/staff/forms.md, docs/staff/deploy.md)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    repo: str | None = None
    """The GitHub repository of the data, ``owner/name``: the forms open pull requests there."""
    branch: str = "main"
    """The branch the site is published from; pull requests go into it."""
    base_url: str | None = None
    """The sign-in (OAuth) service, e.g. ``https://ita-auth.example.go.th`` (docs/staff/deploy.md)."""
    auth_endpoint: str | None = None
    """The path of the sign-in on that service, when it is not ``auth``."""
    site_domain: str | None = None
    """Only with Netlify as the sign-in service: the Netlify site's name (``<name>.netlify.app``)."""
    local_backend: bool | dict[str, str] = False
    """``true`` (or ``{url: ...}``): save through decap-server on this computer instead of GitHub
    (trying the forms out, the browser tests)."""


class Settings(BaseModel):
    """``extra.prongsai`` in mkdocs.yml: what an agency sets."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    data: str = "data"
    """The folder of the data records, relative to mkdocs.yml."""
    gaps: GapLevel = "info"
    """What the build does with an OIT item of the current ITA year that would not score:
    ``info`` a line in the build log (the site is still published), ``warn`` a warning (a
    strict build stops), ``fail`` the build stops, ``off`` nothing."""
    staff_guide: str | None = None
    """The folder of the editor guide under docs/ (``staff``): its field reference is
    generated there. Unset: no reference pages."""
    forms: FormsSettings | None = None
    """The editors' forms at /admin/ (Decap CMS). Unset: no forms are published."""

    @field_validator("gaps", mode="before")
    @classmethod
    def _gap_spelling(cls, value: Any) -> Any:
        if isinstance(value, str):
            raw = value.strip().lower()
            return _GAP_ALIASES.get(raw, raw)
        return value


class Options(Settings):
    """The settings, plus what the engine knows: where the site is published, where its docs are."""

    site_url: str = ""
    docs_dir: str | None = None

    @classmethod
    def from_config(
        cls, extra: Any, *, site_url: str | None = None, docs_dir: str | None = None, config_file: str | Path | None = None
    ) -> Options:
        """``extra.prongsai`` checked, with the engine's facts; :class:`DataError` in Thai when it is wrong,
        naming the line of ``config_file`` (the project's mkdocs.yml) when it is given."""
        where = _Where(Path(config_file) if config_file else None)
        if extra is None:
            extra = {}
        if not isinstance(extra, dict):
            raise DataError([where.problem((), "ต้องเป็นรายการหัวข้อ: ค่า เช่น data: data", "must be a mapping")])
        try:
            settings = Settings.model_validate(extra)
        except ValidationError as exc:
            raise DataError([_problem(where, err) for err in exc.errors()]) from None
        return cls(**settings.model_dump(), site_url=site_url or "", docs_dir=docs_dir)


class _Where:
    """The file and line of a key under ``extra.prongsai`` in the project's configuration."""

    def __init__(self, path: Path | None) -> None:
        self.file = path.name if path else "mkdocs.yml"
        self.node: Any = None
        if path is not None:
            try:  # composed, not constructed: any tag (!ENV ...) is fine
                self.node = yaml.compose(path.read_text("utf-8"), Loader=yaml.SafeLoader)
            except (OSError, yaml.YAMLError):
                pass

    def line(self, keys: tuple[str, ...]) -> int | None:
        node, found = self.node, None
        for key in ("extra", "prongsai", *keys):
            if not isinstance(node, yaml.MappingNode):
                return found
            pair = next(((k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == key), None)
            if pair is None:
                return found
            found, node = pair[0].start_mark.line + 1, pair[1]
        return found

    def problem(self, keys: tuple[str, ...], message: str, gloss: str) -> Problem:
        return Problem(self.file, self.line(keys), ".".join(("extra", "prongsai", *keys)), message, gloss)


def _problem(where: _Where, err: Any) -> Problem:
    keys = tuple(str(p) for p in err["loc"])
    key = ".".join(keys)
    if err["type"] == "extra_forbidden":
        known = ", ".join(Settings.model_fields)
        return where.problem(keys, f"ไม่มีตัวเลือกชื่อ {key} ให้ตรวจการสะกด ตัวเลือกที่มี: {known}", "unknown option")
    if key == "gaps":
        return where.problem(
            keys, f"ค่า gaps ต้องเป็นหนึ่งใน: {', '.join(GAP_LEVELS)} แต่พบ '{err.get('input')}'", "unknown gaps level"
        )
    return where.problem(keys, f"ค่าของตัวเลือกนี้ต้องเป็นข้อความ แต่พบ '{err.get('input')}'", "bad option value")


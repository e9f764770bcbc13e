"""The editors' forms at ``/admin/``: Decap CMS, self-hosted, configured from the data tree.

Published only when ``extra.prongsai.forms`` is set (:class:`prongsai.options.FormsSettings`,
``docs/staff/deploy.md``)::

    forms:
      repo: saithan-municipality/ita      # GitHub repository of the data (owner/name)
      branch: main
      base_url: https://ita-auth.example   # the OAuth proxy that signs editors in (docs/staff/deploy.md)
      local_backend: false                  # true: decap-server on this computer (tests, trying out)

Files: ``admin/index.html`` (``noindex``, no page of the site links to it, so it is in no
navigation, search index or sitemap), ``admin/config.json`` (the collections: one form per
data file, fields from :mod:`prongsai.forms`), ``admin/forms.js`` (what the form saves: no
empty values, fields in the model's order) and ``admin/decap-cms.js`` (the pinned bundle,
``prongsai/vendor/decap-cms``, refreshed by ``scripts/decap.sh``).

Saving opens a pull request (Decap's editorial workflow), so ``python -m prongsai validate``,
the schema check and the review run on every change as on a hand edit.
"""

from __future__ import annotations

import copy
import html
import json
from pathlib import Path
from typing import Any

from . import forms
from .errors import DataError, Problem
from .model import ROUND_KIND_LABELS
from .options import FormsSettings, Options
from .parts import Part, StaticFile
from .site import MEASURES_FOLDER, FiscalYear, Site
from .thai import format_date

HERE = Path(__file__).parent
BUNDLE = HERE / "vendor" / "decap-cms" / "decap-cms.js"
YAML_JS = HERE / "vendor" / "yaml" / "yaml.js"
TEMPLATE = HERE / "templates" / "admin"
FOLDER = "admin"


def _settings(options: Options) -> FormsSettings | None:
    settings = options.forms
    if settings is not None and not settings.repo and not settings.local_backend:
        raise DataError(
            [
                Problem(
                    "mkdocs.yml",
                    None,
                    "extra.prongsai.forms.repo",
                    "แบบฟอร์มแก้ไขข้อมูลต้องรู้ชื่อ repository ใน GitHub ให้ใส่ repo: เจ้าของ/ชื่อ เช่น repo: saithan/ita",
                    "forms need repo: owner/name",
                )
            ]
        )
    return settings


def _files(site: Site, options: Options) -> dict[str, list[tuple[str, str, str, int | None]]]:
    """Per form: (id, label, path from the repository root, fiscal year) of each data file, newest first."""
    root = Path(options.docs_dir or "docs").resolve().parent
    data = (root / options.data).resolve()
    rel = data.relative_to(root).as_posix() if data.is_relative_to(root) else "data"
    out: dict[str, list[tuple[str, str, str, int | None]]] = {name: [] for name in forms.FORMS}
    out["organization"].append(("organization", site.organization.name, f"{rel}/organization.yml", None))
    for fy in site.years_desc():
        y = fy.year
        ydir = data / "years" / str(y)
        for name in ("year", "assessment", "measures", "disclosures"):
            if (ydir / f"{name}.yml").is_file():
                out[name].append((str(y), f"ปีงบประมาณ {y}", f"{rel}/years/{y}/{name}.yml", y))
        if fy.measures_split:
            out["measure"].append((f"measures-{y}", f"มาตรการ ปีงบประมาณ {y}", f"{rel}/years/{y}/{MEASURES_FOLDER}", y))
        kinds = {r.id: ROUND_KIND_LABELS[r.kind] for r in fy.rounds}
        for path in sorted((ydir / "rounds").glob("*.yml")) if (ydir / "rounds").is_dir() else []:
            title = kinds.get(path.stem) or path.stem
            out["round"].append(
                (f"{y}-{path.stem}", f"ปีงบประมาณ {y} · {title}", f"{rel}/years/{y}/rounds/{path.name}", y)
            )
    return out


def _with_media(fields: list[dict[str, Any]], year: int | None) -> list[dict[str, Any]]:
    """Uploads of a year's file go into ``docs/files/<year>/`` (saved as ``files/<year>/...``)."""
    fields = copy.deepcopy(fields)
    folder = f"files/{year}" if year else "files"

    def walk(nodes: list[dict[str, Any]]) -> None:
        for node in nodes:
            if node.get("widget") == "file":
                node["media_folder"] = f"/docs/{folder}"
                node["public_folder"] = folder
            walk(node.get("fields", []))
            if "field" in node:
                walk([node["field"]])

    walk(fields)
    return fields


def decap_config(site: Site, options: Options, settings: FormsSettings) -> dict[str, Any]:
    """The whole Decap CMS configuration (what ``admin/config.json`` holds)."""
    fields = forms.build_forms()
    listed = _files(site, options)
    backend: dict[str, Any] = {"name": "github", "repo": settings.repo or "local/local", "branch": settings.branch}
    if settings.base_url:
        backend["base_url"] = settings.base_url
    if settings.auth_endpoint:
        backend["auth_endpoint"] = settings.auth_endpoint
    if settings.site_domain:
        backend["site_domain"] = settings.site_domain
    # commit messages in Thai: they become the pull request's title
    backend["commit_messages"] = {
        "create": "เพิ่ม {{collection}} “{{slug}}”",
        "update": "แก้ไข {{collection}} “{{slug}}”",
        "delete": "ลบ {{collection}} “{{slug}}”",
        "uploadMedia": "เพิ่มไฟล์ “{{path}}”",
        "deleteMedia": "ลบไฟล์ “{{path}}”",
    }
    collections = []
    for name, label in forms.FORMS.items():
        if name == "measure":
            collections += [_measure_folder(site.years[y], key, folder, _with_media(fields[name], y)) for key, _, folder, y in listed[name] if y]
            continue
        files = [
            {"name": key, "label": file_label, "file": path, "fields": _with_media(fields[name], year)}
            for key, file_label, path, year in listed[name]
        ]
        if files:
            collections.append(
                {
                    "name": name,
                    "label": label,
                    # written by forms.js (the yaml package, the layout of the hand-written files)
                    "format": f"prongsai-{name}",
                    "extension": "yml",
                    "editor": {"preview": False},
                    "files": files,
                }
            )
    config: dict[str, Any] = {
        "load_config_file": False,
        "locale": "th",
        "backend": backend,
        "publish_mode": "editorial_workflow",
        "media_folder": "docs/files",
        "public_folder": "files",
        "slug": {"encoding": "unicode", "clean_accents": False},
        "show_preview_links": False,
        "collections": collections,
    }
    if settings.local_backend:
        config["local_backend"] = settings.local_backend
    site_url = options.site_url
    if site_url:
        config["site_url"] = site_url
        config["display_url"] = site_url
    return config


def _measure_folder(fy: FiscalYear, key: str, folder: str, fields: list[dict[str, Any]]) -> dict[str, Any]:
    """A year's measures, one file each: a list of its measures (grouped by issue), one form
    per measure, and a new measure saved as ``<id>.yml``. The rules an editor needs, which
    ``measures.yml`` kept in comments, are the collection's description (a save keeps them)."""
    span = fy.span
    items = fy.catalog.items
    description = (
        f"ไฟล์ละหนึ่งมาตรการ ({folder}/<รหัสมาตรการ>.yml) เว็บไซต์เรียงมาตรการตามรหัส "
        f"· ระยะเวลาดำเนินการต้องอยู่ระหว่าง {format_date(span.start, 'arabic')} ถึง {format_date(span.end, 'arabic')} "
        f"· ข้อ OIT ที่เกี่ยวข้องใช้รหัสตามรายการ ITA {fy.ita_year} ({items[0].code}–{items[-1].code}) "
        "· รหัสข้อคำถามในข้อค้นพบเป็นรหัสของปีที่ประเมิน ซึ่งอาจไม่ตรงกับรายการปีนี้"
    )
    return {
        "name": key,
        "label": f"มาตรการ ปีงบประมาณ {fy.year}",
        "label_singular": "มาตรการ",
        "description": description,
        "folder": folder,
        "format": "prongsai-measure",
        "extension": "yml",
        "identifier_field": "id",
        "slug": "{{fields.id}}",
        "summary": "{{fields.id}} · {{fields.title}}",
        "sortable_fields": ["id", "title"],
        "view_groups": [{"label": fy.taxonomy.label, "field": "group"}],
        "create": True,
        "delete": False,  # a measure's page and its progress entries would go with it: by hand
        "editor": {"preview": False},
        "fields": fields,
    }


def admin_files(site: Site, options: Options) -> list[StaticFile]:
    """The files of ``/admin/``, or none when the forms are not configured."""
    settings = _settings(options)
    if settings is None:
        return []
    config = decap_config(site, options, settings)
    page = (
        (TEMPLATE / "index.html").read_text("utf-8").replace("{{ organization }}", html.escape(site.organization.name))
    )
    return [
        StaticFile(f"{FOLDER}/index.html", page.encode("utf-8")),
        StaticFile(f"{FOLDER}/config.json", (json.dumps(config, ensure_ascii=False, indent=1) + "\n").encode("utf-8")),
        StaticFile(f"{FOLDER}/forms.js", (TEMPLATE / "forms.js").read_bytes()),
        StaticFile(f"{FOLDER}/decap-cms.js", BUNDLE.read_bytes()),
        StaticFile(f"{FOLDER}/yaml.js", YAML_JS.read_bytes()),
    ]


def build(site: Site, options: Options) -> Part:
    """The forms as a part of the site: files only, no page (so no navigation, search or sitemap entry)."""
    return Part(files=tuple(admin_files(site, options)))

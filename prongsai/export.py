"""Write the whole site as a plain MkDocs project that needs no hook and no prongsai.

The hook adds the generated pages in memory; engines that run no hooks (Zensical,
MkDocs 2) would build a site without them. ``export_markdown`` writes what
:func:`prongsai.output.generate` returns (every page, the navigation, every extra file
a contributor adds) next to the hand-written ``docs/`` and the theme overrides, with an
``mkdocs.yml`` whose ``nav`` is written out. Plain Python: no MkDocs import.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import DataError, Problem
from .load import load_site
from .options import Options
from .output import Output, generate
from .urls import dest_of

MARKER = ".prongsai-export"
"""File at the top of an exported tree: an export may replace a folder holding it, never another."""

DROPPED_KEYS = ("hooks", "watch", "site_dir", "docs_dir")
"""Settings of the source ``mkdocs.yml`` that mean nothing in the export (the hook, the
folders watched by ``mkdocs serve``, where the source keeps its pages and its site)."""


@dataclass(frozen=True)
class Tagged:
    """A YAML value with a tag (``!ENV``, ``!!python/name:...``): kept as written, for the engine to read."""

    tag: str
    value: Any


class _ConfigLoader(yaml.SafeLoader):
    pass


class _ConfigDumper(yaml.SafeDumper):
    pass


def _construct_tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Tagged:
    value: Any
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        assert isinstance(node, yaml.MappingNode)
        value = loader.construct_mapping(node, deep=True)
    return Tagged(node.tag, value)


def _represent_tagged(dumper: yaml.SafeDumper, data: Tagged) -> yaml.Node:
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value)
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, str(data.value))


_ConfigLoader.add_multi_constructor("!", _construct_tagged)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _construct_tagged)
_ConfigDumper.add_representer(Tagged, _represent_tagged)


def read_config(path: Path) -> dict[str, Any]:
    """The source ``mkdocs.yml`` as data, tags kept (they are the engine's business)."""
    try:
        with path.open(encoding="utf-8") as f:
            config = yaml.load(f, Loader=_ConfigLoader)  # noqa: S506 - a SafeLoader that only keeps tags
    except OSError as exc:
        raise _error(path.name, None, f"อ่านไฟล์ตั้งค่าไม่ได้: {exc.strerror}", "cannot read the config file") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise _error(
            path.name, line, "ไฟล์ตั้งค่าเขียนผิดรูปแบบ YAML ให้ตรวจการย่อหน้าและเครื่องหมาย :", "YAML syntax error"
        ) from None
    if not isinstance(config, dict):
        raise _error(path.name, None, "ไฟล์ตั้งค่าต้องเป็นรายการหัวข้อ: ค่า เช่น site_name: ...", "the config must be a mapping")
    return config


def _error(file: str, line: int | None, message: str, gloss: str) -> DataError:
    return DataError([Problem(file, line, "", message, gloss)])


def exported_config(config: dict[str, Any], out: Output, has_overrides: bool) -> dict[str, Any]:
    """The export's ``mkdocs.yml``: the source settings, less the hook, with what the hook sets written out."""
    result = {k: v for k, v in config.items() if k not in DROPPED_KEYS}
    # what the hook's on_config sets at build time: the same SiteConfig, applied the same way
    result.update(out.config.settings(config))
    # generated pages the hook marks as deliberately outside the navigation (search results)
    if out.config.not_in_nav:
        result["not_in_nav"] = out.config.not_in_nav_patterns(config)
    theme = config.get("theme")
    if isinstance(theme, dict):
        theme = dict(theme)
        # Zensical's default look ("modern") is not Material's: keep the look citizens know.
        # MkDocs and ProperDocs pass the unknown key to the theme, which ignores it.
        theme.setdefault("variant", "classic")
        if has_overrides:
            theme["custom_dir"] = "overrides"
        else:
            theme.pop("custom_dir", None)
        result["theme"] = theme
    extra = dict(config.get("extra") or {})
    extra.pop("prongsai", None)  # the data is already in the pages
    if extra:
        result["extra"] = extra
    else:
        result.pop("extra", None)
    return result


README = """\
# {name}

เว็บไซต์นี้ส่งออกด้วย `python -m prongsai export-markdown` จากข้อมูลใน data/ ของโครงการ prongsai:
ทุกหน้าเป็น Markdown ธรรมดาใน docs/ ไม่ต้องใช้ hook หรือโปรแกรม prongsai อีก
อย่าแก้ไขไฟล์ในโฟลเดอร์นี้โดยตรง ให้แก้ข้อมูลในโครงการต้นทางแล้วส่งออกใหม่

This tree was exported from a prongsai project: plain Markdown pages, no hook needed.
Edit the source data and export again rather than editing these files.

Build it with any of:

    mkdocs build        # MkDocs 1.6 + Material for MkDocs 9
    properdocs build    # ProperDocs 1.6 + Material for MkDocs 9
    zensical build      # Zensical (reads this mkdocs.yml)
"""


def export_markdown(config_file: Path, dest: Path) -> Output:
    """Write the self-contained project into ``dest``; return what was generated (its warnings included).

    Raises :class:`DataError` (Thai, one line per problem) for bad data, a page that
    a hand-written file would shadow, or a ``dest`` that holds something else.
    """
    root = config_file.parent
    config = read_config(config_file)
    docs = root / str(config.get("docs_dir") or "docs")
    site_url = config.get("site_url")
    extra = config.get("extra")
    options = Options.from_config(
        extra.get("prongsai") if isinstance(extra, dict) else None,
        site_url=str(site_url) if site_url else None,
        docs_dir=str(docs),
        config_file=config_file,
    )
    site = load_site(root / options.data, docs if docs.is_dir() else None)
    out = generate(site, options)
    if out.warnings and config.get("strict"):
        # `mkdocs build --strict` fails on these: so does the export, before writing anything
        raise DataError(
            [Problem(config_file.name, None, "", f"{w} (strict: true: คำเตือนถือเป็นข้อผิดพลาด)") for w in out.warnings]
        )

    custom_dir = (config.get("theme") or {}).get("custom_dir") if isinstance(config.get("theme"), dict) else None
    overrides = root / str(custom_dir) if custom_dir else None
    _check_dest(dest, root, docs, root / options.data)

    dest.parent.mkdir(parents=True, exist_ok=True)
    staged = Path(tempfile.mkdtemp(prefix=f".{dest.name}-", dir=dest.parent))  # never half an export in dest
    try:
        if docs.is_dir():
            shutil.copytree(docs, staged / "docs")
        (staged / "docs").mkdir(parents=True, exist_ok=True)
        # by URL, as the hook does: a hand-written 2568/report.md would take 2568/report/index.md's
        taken = {
            dest_of(f.relative_to(staged / "docs").as_posix()): f for f in (staged / "docs").rglob("*") if f.is_file()
        }
        for rel, content in [(p.src, p.markdown.encode("utf-8")) for p in out.pages] + [
            (f.path, f.content) for f in out.files
        ]:
            if dest_of(rel) in taken:
                raise _error(
                    f"docs/{taken[dest_of(rel)].relative_to(staged / 'docs').as_posix()}",
                    None,
                    "ซ้ำกับหน้าที่ระบบสร้างจากข้อมูล ให้ลบหรือเปลี่ยนชื่อไฟล์นี้",
                    "a hand-written file collides with a generated one",
                )
            target = staged / "docs" / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        if overrides is not None and overrides.is_dir():
            shutil.copytree(overrides, staged / "overrides")
        new_config = exported_config(config, out, overrides is not None and overrides.is_dir())
        header = "# Exported by `python -m prongsai export-markdown`: edit the source project and export again.\n"
        body = yaml.dump(
            new_config, Dumper=_ConfigDumper, allow_unicode=True, sort_keys=False, default_flow_style=False, width=1000
        )
        (staged / "mkdocs.yml").write_text(header + body, "utf-8")
        (staged / "README.md").write_text(README.format(name=site.organization.name), "utf-8")
        (staged / MARKER).write_text("prongsai export-markdown\n", "utf-8")
    except BaseException:
        shutil.rmtree(staged, ignore_errors=True)
        raise
    if dest.exists():
        shutil.rmtree(dest)
    staged.rename(dest)
    return out


def _check_dest(dest: Path, root: Path, docs: Path, data: Path) -> None:
    d, r = dest.resolve(), root.resolve()
    if d == r or r.is_relative_to(d):
        raise _error(
            str(dest),
            None,
            "โฟลเดอร์ปลายทางต้องไม่ใช่โฟลเดอร์โครงการ ให้ระบุโฟลเดอร์ใหม่ เช่น export/",
            "refusing to export over the project",
        )
    if d.is_relative_to(docs.resolve()) or d.is_relative_to(data.resolve()):
        raise _error(str(dest), None, "โฟลเดอร์ปลายทางต้องอยู่นอก docs/ และ data/", "export outside docs/ and data/")
    if dest.exists() and not (dest.is_dir() and (not any(dest.iterdir()) or (dest / MARKER).is_file())):
        raise _error(
            str(dest),
            None,
            "มีไฟล์อื่นอยู่ในโฟลเดอร์ปลายทางแล้ว ให้ระบุโฟลเดอร์ว่างหรือโฟลเดอร์ที่เคยส่งออกไว้",
            "destination exists and is not an earlier export",
        )

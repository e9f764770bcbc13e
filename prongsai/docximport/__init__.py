"""import-docx: an agency's Word measures document or progress report becomes the YAML of a fiscal year.

``read_docx`` (python-docx) gives the document's blocks, :mod:`.interpret` turns them into
records and a ledger of every text, :mod:`.write` writes the data files (ruamel.yaml, with the
schema line and a Thai comment per field) and ``import-report.md``: what went where, what
was not understood and where it is in the document, and what the editor must fill or check.
"""

from __future__ import annotations

from .interpret import Context, Result
from .reader import NotADocx, read_docx
from .write import ImportRefused, existing_measures, plan_files, write_all

__all__ = ["Context", "ImportRefused", "existing_measures", "NotADocx", "Result", "import_docx", "plan_files", "read_docx", "write_all"]


def import_docx(path, ctx: Context, kind: str = "auto") -> Result:  # type: ignore[no-untyped-def]
    """Read ``path`` and interpret it; raises :class:`NotADocx` for a file Word cannot open as .docx."""
    from .interpret import Interpreter

    body = read_docx(path)
    if not body.blocks:
        raise NotADocx(f"{path}: เอกสารว่าง ไม่มีข้อความหรือตาราง (the document is empty)")
    return Interpreter(body, ctx, kind).run()

"""Problems found in the data, each pointing at a file, a line and a field."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Problem:
    """One thing an editor must fix.

    ``message`` is Thai and says what is wrong and what to write instead;
    ``gloss`` is a short English hint for maintainers.
    """

    file: str
    line: int | None
    path: str
    message: str
    gloss: str = ""

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        field_part = f" {self.path}:" if self.path else ""
        gloss = f" ({self.gloss})" if self.gloss else ""
        return f"{where}:{field_part} {self.message}{gloss}"


@dataclass
class DataError(Exception):
    """The data tree cannot be published; ``problems`` says why, all at once."""

    problems: list[Problem] = field(default_factory=list)

    def __str__(self) -> str:
        head = f"พบข้อผิดพลาดในข้อมูล {len(self.problems)} รายการ (data errors):"
        return "\n".join([head, *(f"  {p}" for p in self.problems)])

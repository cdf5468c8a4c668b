"""One error hierarchy for everything a user can get wrong.

Each error carries the file (and line, where there is one) it concerns and, where we know it, what
to do about it. The CLI prints `str(error)` as one line and exits with `error.exit_code`; nothing
below the CLI prints or exits.
"""

from __future__ import annotations

from pathlib import Path


class DrafterError(Exception):
    """A problem the user can fix; never a bug in drafter."""

    exit_code = 1

    def __init__(self, message: str, path: str | Path | None = None, line: int | None = None,
                 hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        self.hint = hint

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        hint = f" ({self.hint})" if self.hint else ""
        return f"{where}{self.message}{hint}"


class Stopped(DrafterError):
    """The user said no where drafter asked (declined at the summary, did not confirm): not an
    error, so the CLI says it plainly; the exit code stays 1, since nothing was done."""


class UsageError(DrafterError):
    """Wrong flags or arguments on the command line."""

    exit_code = 2


class ParseError(DrafterError):
    """An input file that cannot be read: not a resolution, or a --reference that is not Word."""

    exit_code = 2


class LibraryError(DrafterError):
    """A clause library that is missing, malformed or inconsistent."""


class AnswersError(DrafterError):
    """An answers file that does not fit the library or the base."""


class OutputError(DrafterError):
    """A result that cannot be written where it was asked to go."""

"""What drafter ships beside its code: the clause library, the seeds it was mined from, templates.

They live at the top of the repository (`clause_library/`, `seeds/`, `templates/`), where people
review them and `drafter mine seeds/` regenerates the library. The wheel carries a copy of each as
package data under `drafter/bundled/` (pyproject.toml). This module finds them in either place:

- installed from a wheel (pip, pipx): `drafter/bundled/NAME`, read through importlib.resources;
- in a clone (an editable install, or `python -m drafter`): the top-level folder NAME beside the
  package, so what a developer edits is what runs.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

BUNDLED = "bundled"
LIBRARY = "clause_library"


def path(name: str) -> Path:
    """The shipped folder or file NAME ("clause_library", "templates/reference.docx"); check that it
    exists: an installation may have lost it."""
    packaged = resources.files("drafter").joinpath(BUNDLED, *name.split("/"))
    if packaged.is_dir() or packaged.is_file():
        # A wheel installs as plain files; a zipped install would not, and drafter's library
        # needs real paths (the store reads folders), so it is not supported.
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / name

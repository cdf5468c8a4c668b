"""Make the PDF and DOCX fixtures of the input readers from the UN's Akoma Ntoso corpus, two ways.

    route 1  the model -> drafter's own DOCX (drafter.render.word) -> PDF by LibreOffice
    route 2  the model -> flat ODT written by tools/fixture_odt.py, not drafter's renderer
             -> PDF and DOCX by LibreOffice

The sample takes resolutions of every shape (plain, sections, parts, annexes, tables), spread over
the sessions, in a fixed order, so two runs pick the same files. Files go to a cache folder (not in
the repository); each is rebuilt when its source, this tool, the route-2 writer or drafter's
renderer has changed, so the fixtures follow the renderer as it changes. LibreOffice converts a
whole batch in one run, in a profile folder of its own.

    python tools/make_input_fixtures.py                      # the full sample (about 120 files)
    python tools/make_input_fixtures.py --small              # the dozen the tests use
    python tools/make_input_fixtures.py --cache DIR --force

Source of the corpus: the United Nations (DGACM), UNxml/GAresolutions.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

CORPUS = ROOT.parent / "shared" / "corpus" / "unga-akn"
CACHE = ROOT / ".cache" / "input-fixtures"
SHAPES = ("parts", "tables", "annexes", "sections", "plain")
# How many of each shape the full sample takes (all there are when fewer): >= 100 in all.
QUOTA = {"parts": 15, "tables": 20, "annexes": 20, "sections": 25, "plain": 40}
SMALL = {"parts": 2, "tables": 2, "annexes": 2, "sections": 3, "plain": 3}


@dataclass(frozen=True)
class Fixture:
    name: str
    source: Path
    shape: str

    def path(self, cache: Path, route: str, ext: str) -> Path:
        return cache / route / f"{self.name}.{ext}"


def shape_of(resolution, xml: bytes) -> str:
    """The one shape a resolution is counted under: the rarest it has."""
    def sections(holder) -> bool:
        return bool(holder.sections)
    if resolution.parts:
        return "parts"
    if b"<table" in xml:
        return "tables"
    if resolution.annexes:
        return "annexes"
    if sections(resolution):
        return "sections"
    return "plain"


def classify(corpus: Path, cache: Path) -> dict[str, list[str]]:
    """Every corpus file by shape, remembered in the cache (reading the corpus takes a while)."""
    index = cache / "shapes.json"
    if index.is_file():
        return json.loads(index.read_text())
    from drafter.ingest import read_resolution

    shapes: dict[str, list[str]] = {s: [] for s in SHAPES}
    for path in sorted(corpus.glob("*/*.xml")):
        try:
            resolution = read_resolution(path)
        except Exception:         # noqa: BLE001 - a file the reader refuses is not a fixture
            continue
        shapes[shape_of(resolution, path.read_bytes())].append(str(path.relative_to(corpus)))
    cache.mkdir(parents=True, exist_ok=True)
    index.write_text(json.dumps(shapes, indent=1))
    return shapes


def sample(corpus: Path, cache: Path, quota: dict[str, int]) -> list[Fixture]:
    """Evenly spaced picks from each shape's files, in corpus order (sessions 75 to 80)."""
    fixtures = []
    for shape, files in classify(corpus, cache).items():
        n = min(quota.get(shape, 0), len(files))
        picks = [files[int(i * len(files) / n)] for i in range(n)] if n else []
        for rel in picks:
            name = Path(rel).stem.replace(" ", "_")
            fixtures.append(Fixture(name, corpus / rel, shape))
    return fixtures


def _key(fixture: Fixture, route: str) -> str:
    digest = hashlib.sha256(fixture.source.read_bytes())
    # The model comes from the AKN reader: a change to it changes every fixture.
    parts = [Path(__file__), ROOT / "tools" / "fixture_odt.py", ROOT / "drafter" / "model.py",
             *sorted((ROOT / "drafter" / "ingest").glob("akn*.py"))]
    if route == "r1":
        parts += sorted((ROOT / "drafter" / "render").glob("*"))
    for part in parts:
        if part.is_file():
            digest.update(part.read_bytes())
    return digest.hexdigest()


def build(fixtures: list[Fixture], cache: Path, force: bool = False, quiet: bool = True) -> None:
    import fixture_odt

    from drafter.ingest import read_resolution
    from drafter.render.word import render_docx_bytes

    todo: dict[str, list[Path]] = {"r1": [], "r2": []}
    for fixture in fixtures:
        for route in ("r1", "r2"):
            stamp = fixture.path(cache, route, "key")
            key = _key(fixture, route)
            if not force and stamp.is_file() and stamp.read_text() == key and fixture.path(cache, route, "pdf").is_file():
                continue
            resolution = read_resolution(fixture.source)
            stamp.parent.mkdir(parents=True, exist_ok=True)
            if route == "r1":
                source = fixture.path(cache, route, "docx")
                source.write_bytes(render_docx_bytes(resolution))
            else:
                source = fixture.path(cache, route, "fodt")
                source.write_text(fixture_odt.fodt(resolution, job=_job(fixture.name)), encoding="utf-8")
            todo[route].append(source)
            stamp.write_text(key)
    convert(todo["r1"], "pdf", quiet)
    convert(todo["r2"], "pdf", quiet)
    convert(todo["r2"], "docx:MS Word 2007 XML", quiet)


def _job(name: str) -> str:
    number = int(hashlib.sha256(name.encode()).hexdigest()[:8], 16) % 100000
    return f"20-{number:05d}"


def convert(files: list[Path], target: str, quiet: bool = True) -> None:
    """Convert files in place (same folder, new extension) with one LibreOffice run per folder."""
    if not files:
        return
    program = shutil.which("soffice") or shutil.which("libreoffice")
    if program is None:
        raise SystemExit("LibreOffice (soffice) is needed to make the fixtures")
    with tempfile.TemporaryDirectory(prefix="drafter-fixtures-") as profile:
        for folder in sorted({f.parent for f in files}):
            batch = [str(f) for f in files if f.parent == folder]
            for start in range(0, len(batch), 40):
                subprocess.run([program, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
                                "--convert-to", target, "--outdir", str(folder), *batch[start:start + 40]],
                               check=True, capture_output=quiet, timeout=1800)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cache", type=Path, default=CACHE, help=f"the fixture folder (default {CACHE})")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--small", action="store_true", help="only the dozen files the tests use")
    parser.add_argument("--force", action="store_true", help="rebuild every file")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        raise SystemExit(f"no corpus at {args.corpus}")
    fixtures = sample(args.corpus, args.cache, SMALL if args.small else QUOTA)
    build(fixtures, args.cache, force=args.force)
    manifest = [{"name": f.name, "source": str(f.source), "shape": f.shape} for f in fixtures]
    (args.cache / ("small.json" if args.small else "sample.json")).write_text(json.dumps(manifest, indent=1))
    print(f"{len(fixtures)} resolutions, two routes, in {args.cache}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

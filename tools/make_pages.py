"""Build the page images the README links (docs/*.png): what drafter makes, as LibreOffice prints it.

Run from the project root, with LibreOffice and poppler installed: `python tools/make_pages.py`.
Each image is one page of a document drafter wrote, converted by LibreOffice and rasterised by
pdftoppm, to compare with the UN's own documents:

- draft-60-page1.png           the draft for the sixtieth session from 58/208 (a sponsor line given
                               in the answers, as a delegate gives it; the rest as drafter fills it)
- draft-60-redline-page1.png   the same draft with its changes tracked against 58/208
- resolution-58-208-page1.png  resolution 58/208, from its seed
- resolution-78-253-page1.png  a resolution in sections (78/253), from the UN's Akoma Ntoso
- resolution-78-254-table.png  the page of a resolution that holds a table (78/254 A-C)
- resolution-75-290-a-page1.png  one part published alone, with both titles, its letter and its
                               own title (75/290 A)
- resolution-75-274-fr-page1.png a resolution in French (75/274), in the UN's French words

The corpus pages need the UN corpus beside the project (../shared/corpus/unga-akn).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
CORPUS = ROOT.parent / "shared" / "corpus" / "unga-akn"
SPONSOR = "Jamaica (on behalf of the Group of 77 and China): draft resolution"
DPI = "80"


def drafter(*args: str, cwd: Path) -> None:
    subprocess.run([sys.executable, "-m", "drafter", *args], check=True, cwd=cwd, stdout=subprocess.DEVNULL)


def page_image(docx: Path, target: Path, work: Path, page: int = 1) -> None:
    subprocess.run(["soffice", f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(work), str(docx)], check=True, capture_output=True)
    pdf = work / f"{docx.stem}.pdf"
    subprocess.run(["pdftoppm", "-r", DPI, "-png", "-singlefile", "-f", str(page), "-l", str(page), str(pdf),
                    str(target.with_suffix(""))], check=True)
    print(f"wrote {target.relative_to(ROOT)}")


def table_page(docx: Path, work: Path, words: str) -> int:
    """The first page of the printed document that shows `words` (a table's heading)."""
    text = subprocess.run(["pdftotext", str(work / f"{docx.stem}.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    return next(i for i, page in enumerate(text.split("\f"), start=1) if words in " ".join(page.split()))


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        library = str(ROOT / "clause_library")
        drafter("new", "--session", "60", "--base", "58/208", "--library", library, "--no-input",
                "-o", str(work / "first.docx"), cwd=work)
        answers = yaml.safe_load((work / "first.docx.answers.yaml").read_text(encoding="utf-8"))
        answers["heading"]["sponsor"] = SPONSOR
        (work / "answers.yaml").write_text(yaml.safe_dump(answers, allow_unicode=True), encoding="utf-8")
        for name, extra in (("draft", ()), ("redline", ("--redline",))):
            drafter("new", "--session", "60", "--base", "58/208", "--library", library, "--no-input",
                    "--answers", str(work / "answers.yaml"), "-o", str(work / f"{name}.docx"), *extra, cwd=work)
        page_image(work / "draft.docx", DOCS / "draft-60-page1.png", work)
        page_image(work / "redline.docx", DOCS / "draft-60-redline-page1.png", work)
        drafter("render", str(ROOT / "seeds" / "001_dc7a3f17028d8240.txt"), "-o", str(work / "58-208.docx"), cwd=work)
        page_image(work / "58-208.docx", DOCS / "resolution-58-208-page1.png", work)
        if not CORPUS.is_dir():
            print(f"no corpus at {CORPUS}: the corpus pages are left as they are")
            return
        sectioned = next((CORPUS / "78").glob("A_RES_78_253-*.xml"))
        drafter("render", str(sectioned), "-o", str(work / "78-253.docx"), cwd=work)
        page_image(work / "78-253.docx", DOCS / "resolution-78-253-page1.png", work)
        tabled = next((CORPUS / "78").glob("A_RES_78_254AC-*.xml"))
        drafter("render", str(tabled), "-o", str(work / "78-254.docx"), cwd=work)
        page_image(work / "78-254.docx", DOCS / "resolution-78-254-table.png", work)   # prints the PDF
        page = table_page(work / "78-254.docx", work, "Amount (United States dollars)")
        page_image(work / "78-254.docx", DOCS / "resolution-78-254-table.png", work, page)
        for source, name in (("75_290 A_E.xml", "resolution-75-290-a-page1.png"),
                             ("75_274_F.xml", "resolution-75-274-fr-page1.png")):
            drafter("render", str(CORPUS / "75" / source), "-o", str(work / f"{Path(name).stem}.docx"), cwd=work)
            page_image(work / f"{Path(name).stem}.docx", DOCS / name, work)


if __name__ == "__main__":
    main()

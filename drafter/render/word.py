"""DOCX out: a resolution or a draft laid out like a UN document, with real Word footnotes.

Built on python-docx from a reference document (templates/reference.docx, or the user's own .docx
or .dotx, whose styles win; styles it lacks are added and reported). Raw XML is left to wordml.py.

Same inputs give the same bytes: fixed core-properties dates, ids counted from 1, and the package
zipped again with fixed member dates.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.text import WD_BREAK
from docx.shared import Cm

from drafter import shipped
from drafter.errors import OutputError
from drafter.ingest.clean import clean_chars
from drafter.library.templates import un_date
from drafter.model import FootnoteRef, Paragraph, Resolution, Section, SubParagraph
from drafter.ordinals import session_heading
from drafter.output import write_atomic
from drafter.render import wordml
from drafter.render.styles import ensure_styles, set_page
from drafter.worddiff import word_diff

REFERENCE = shipped.path("templates/reference.docx")
FIXED_TIME = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)
_ZIP_TIME = (2000, 1, 1, 0, 0, 0)
_TEMPLATE_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_DOCUMENT_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def render_docx(resolution: Resolution, out: Path, *, reference: Path | None = None, paper: str = "A4",
                force: bool = False) -> list[str]:
    data, warnings = build(resolution, reference=reference, paper=paper)
    write_atomic(Path(out), data, force=force)
    return warnings


def render_docx_bytes(resolution: Resolution, *, reference: Path | None = None, paper: str = "A4") -> bytes:
    return build(resolution, reference=reference, paper=paper)[0]


def build(resolution: Resolution, *, reference: Path | None = None, paper: str = "A4",
          changes: list | None = None, redline: str = "tracked") -> tuple[bytes, list[str]]:
    """The document; with `changes` (drafter.assemble.changes), written against its base as
    tracked changes (`redline="tracked"`) or the older convention, new text bold and deleted text
    struck through (`redline="marked"`)."""
    document, warnings = _open(reference)
    set_page(document, paper)
    writer = _Writer(document, resolution)
    writer.masthead()
    if changes is None:
        writer.body()
    else:
        _Redline(writer, redline).body(changes)
    return deterministic_bytes(document), warnings + sorted(set(writer.warnings))


def _open(reference: Path | None):
    warnings: list[str] = []
    if reference is None:
        document = Document(str(REFERENCE)) if REFERENCE.is_file() else Document()
    else:
        document = Document(io.BytesIO(_as_document(reference)))
    body = document.element.body
    for child in list(body):
        if child.tag.endswith("}p") or child.tag.endswith("}tbl"):
            body.remove(child)
    added = ensure_styles(document)
    if reference is not None and added:
        warnings.append(f"{reference}: lacked the styles {', '.join(added)}; drafter added them")
    return document, warnings


def _as_document(reference: Path) -> bytes:
    """A .dotx is a .docx whose main part says "template": say "document" and python-docx opens it."""
    try:
        data = Path(reference).read_bytes()
        source = zipfile.ZipFile(io.BytesIO(data))
    except (OSError, zipfile.BadZipFile) as error:
        raise OutputError(f"not a Word document or template ({error})", reference,
                          hint="give a .docx or .dotx file") from None
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            blob = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                blob = blob.replace(_TEMPLATE_TYPE, _DOCUMENT_TYPE)
            target.writestr(item.filename, blob)
    return out.getvalue()


def deterministic_bytes(document) -> bytes:
    properties = document.core_properties
    properties.created = FIXED_TIME
    properties.modified = FIXED_TIME
    properties.last_printed = FIXED_TIME
    properties.revision = 1
    properties.author = properties.author or "drafter"
    properties.last_modified_by = "drafter"
    raw = io.BytesIO()
    document.save(raw)
    source = zipfile.ZipFile(io.BytesIO(raw.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(item.filename))
    return out.getvalue()


class _Writer:
    def __init__(self, document, resolution: Resolution) -> None:
        self.document = document
        self.resolution = resolution
        self.footnotes = wordml.Footnotes(document)
        self.notes = resolution.footnotes          # the note texts of what is being written now
        self.warnings: list[str] = []
        self.draft = resolution.adopted is None and bool(
            resolution.masthead and "/L." in (resolution.masthead.symbol or ""))

    # --- masthead ---------------------------------------------------------------------------
    def masthead(self) -> None:
        r = self.resolution
        m = r.masthead
        symbol = (m.symbol if m and m.symbol else None) or r.symbol or r.number
        organ = (m.organ if m and m.organ else None) or r.body
        distribution = (m.distribution if m and m.distribution else None) or (
            "Distr.: Limited" if self.draft else "Distr.: General")
        table = self.document.add_table(rows=2, cols=2)
        table.autofit = True
        self._cell(table.cell(0, 0), "United Nations", "Masthead")
        self._cell(table.cell(0, 1), symbol, "MastheadSymbol")
        self._cell(table.cell(1, 0), organ, "Organ")
        right = [distribution]
        if m and m.issued:
            right.append(m.issued)
        right.append("Original: English")
        self._cell(table.cell(1, 1), "\n".join(right), "MastheadRight")
        session = (m.session if m and m.session else None) or (session_heading(r.session) if r.session else None)
        lines = [x for x in (session, m.agenda_item if m else None) if x]
        for line in lines:
            self.document.add_paragraph(_clean(line), style="Masthead")
        if self.draft and m and m.sponsor:
            self.document.add_paragraph(_clean(m.sponsor), style="Sponsor")
        if not self.draft and r.adopted:
            self.document.add_paragraph(_clean(f"Resolution adopted by the {r.body}"), style="Sponsor")
            if m and m.origin:
                self.document.add_paragraph(_clean(m.origin), style="Sponsor")
        title = r.title or ""
        heading = title if self.draft else f"{r.number}. {title}"
        paragraph = self.document.add_paragraph(_clean(heading), style="DocTitle")
        for marker in _uncited(r):
            # A note no paragraph cites is the title's ("International migration and development*").
            self.note(paragraph, FootnoteRef(marker, len(heading)))

    def _cell(self, cell, text: str, style: str) -> None:
        lines = text.split("\n")
        cell.paragraphs[0].style = style
        cell.paragraphs[0].add_run(_clean(lines[0]))
        for line in lines[1:]:
            cell.add_paragraph(_clean(line), style=style)

    # --- body --------------------------------------------------------------------------------
    def body(self) -> None:
        r = self.resolution
        formula = self.document.add_paragraph(style="SingleTxt")
        formula.paragraph_format.first_line_indent = Cm(1.27)
        formula.add_run(_clean(f"The {r.body}")).italic = True
        formula.add_run(",")
        self.holder(r)
        for part in r.parts:
            self.heading(part.label, part.title)
            self.notes = part.footnotes or r.footnotes
            self.holder(part)
            if part.adopted:
                self.closing(part.adopted)
        self.notes = r.footnotes
        if r.adopted and not self.draft and not r.parts:
            self.closing(r.adopted)
        for annex in r.annexes:
            self.document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            self.heading(annex.label or "Annex", annex.title)
            for paragraph in annex.paragraphs:
                self.paragraph(paragraph, "SingleTxt", prefix=None, lead=None)

    def holder(self, holder) -> None:
        for paragraph in holder.preamble:
            self.paragraph(paragraph, "SingleTxt", prefix=None, lead=paragraph.lead)
        for paragraph in holder.operative:
            prefix = f"{paragraph.number}.\t" if paragraph.number is not None else None
            self.paragraph(paragraph, "SingleTxt", prefix=prefix, lead=paragraph.lead)
            self.subs(paragraph.subparagraphs, 1)
        for section in holder.sections:
            self.section(section)

    def section(self, section: Section) -> None:
        self.heading(section.label, section.heading)
        self.holder(section)

    def heading(self, label: str | None, text: str | None) -> None:
        for line in (label, text):
            if line:
                self.document.add_paragraph(_clean(line), style="SectionHeading")

    def subs(self, subs: tuple[SubParagraph, ...], depth: int) -> None:
        style = "SubPara" if depth == 1 else "SubSubPara"
        for sub in subs:
            self.paragraph(sub, style, prefix=f"({sub.label})\t" if sub.label else None, lead=None)
            self.subs(sub.subparagraphs, depth + 1)

    def paragraph(self, paragraph: Paragraph | SubParagraph, style: str, prefix: str | None,
                  lead: str | None) -> None:
        """One paragraph: its number, its lead in italics, footnotes exactly where they stood."""
        p = self.document.add_paragraph(style=style)
        if style == "SingleTxt":
            p.paragraph_format.first_line_indent = Cm(1.27)
        if prefix:
            wordml.text_run(p, prefix)
        text = paragraph.text
        lead_end = len(lead) if lead and text.startswith(lead) else 0
        stops = sorted({ref.at for ref in paragraph.footnotes} | {lead_end, len(text)})
        position = 0
        for stop in stops:
            if stop > position:
                wordml.text_run(p, _clean(text[position:stop]), italic=position < lead_end)
                position = stop
            for ref in paragraph.footnotes:
                if ref.at == stop:
                    self.note(p, ref)

    def note(self, p, ref: FootnoteRef) -> None:
        text = self.notes.get(ref.marker)
        if text is None:
            self.warnings.append(f"footnote {ref.marker} has no text in the source; it is left empty")
        note_id = self.footnotes.add(_clean(text or ""))
        wordml.reference_run(p, note_id)

    def closing(self, adopted) -> None:
        for line in (adopted.meeting, un_date(adopted.date) if adopted.date else None):
            if line:
                self.document.add_paragraph(_clean(line), style="Closing")


class _Redline:
    """The body of a draft against its base: word-level insertions and deletions."""

    AUTHOR = "drafter"
    DATE = "2000-01-01T00:00:00Z"        # fixed, so the same draft gives the same bytes

    def __init__(self, writer: _Writer, mode: str) -> None:
        self.writer = writer
        self.document = writer.document
        self.tracked = mode == "tracked"
        self.revisions = wordml.Revisions(self.AUTHOR, self.DATE)

    def body(self, changes) -> None:
        formula = self.document.add_paragraph(style="SingleTxt")
        formula.paragraph_format.first_line_indent = Cm(1.27)
        formula.add_run(_clean(f"The {self.writer.resolution.body}")).italic = True
        formula.add_run(",")
        for change in changes:
            self.paragraph(change.new, change.old, "SingleTxt", change.kind == "operative")
            self.subs(change.new.subparagraphs if change.new else (), change.old.subparagraphs if change.old else ())

    def subs(self, new_subs, old_subs) -> None:
        olds = {s.label: s for s in old_subs}
        seen = set()
        for sub in new_subs:
            old = olds.get(sub.label)
            seen.add(sub.label)
            self.paragraph(sub, old, "SubPara", False, prefix=f"({sub.label})\t")
        for old in old_subs:
            if old.label not in seen:
                self.paragraph(None, old, "SubPara", False, prefix=f"({old.label})\t")

    def paragraph(self, new, old, style: str, operative: bool, prefix: str | None = None) -> None:
        p = self.document.add_paragraph(style=style)
        if style == "SingleTxt":
            p.paragraph_format.first_line_indent = Cm(1.27)
        shown = new if new is not None else old
        if operative and getattr(shown, "number", None) is not None:
            prefix = f"{shown.number}.\t"
        if new is None:                     # dropped: all of it deleted, its paragraph mark too
            self.run(p, prefix or "", "-", False)
            self.run(p, _clean(old.text), "-", False)
            self.mark(p, "del")
            return
        if prefix:
            self.run(p, prefix, "=" if old is not None else "+", False)
        if old is None:                     # added: all of it inserted
            self.mark(p, "ins")
        ops = word_diff(old.text, new.text) if old is not None else [("+", new.text)]
        self.diff(p, ops, new, old)

    def diff(self, p, ops, new, old) -> None:
        lead_new = _lead_end(new)
        lead_old = _lead_end(old) if old is not None else 0
        refs = sorted(new.footnotes, key=lambda r: r.at)
        placed = 0
        position = {"new": 0, "old": 0}
        for ref in refs:
            if ref.at == 0:
                self.writer.note(p, ref)
                placed += 1
        for op, text in ops:
            side = "old" if op == "-" else "new"
            lead_end = lead_old if side == "old" else lead_new
            stops = {lead_end} | ({r.at for r in refs} if side == "new" else set())
            start = position[side]
            cuts = sorted(c - start for c in stops if start < c < start + len(text))
            last = 0
            for cut in [*cuts, len(text)]:
                piece = text[last:cut]
                if piece:
                    self.run(p, _clean(piece), op, start + last < lead_end)
                last = cut
                end = start + cut
                while side == "new" and placed < len(refs) and refs[placed].at == end and end > 0:
                    self.writer.note(p, refs[placed])
                    placed += 1
            # Common text moves through both wordings; an insertion only the new, a deletion the old.
            if op in "=+":
                position["new"] += len(text)
            if op in "=-":
                position["old"] += len(text)

    def run(self, p, text: str, op: str, italic: bool) -> None:
        if not text:
            return
        if op == "=":
            wordml.text_run(p, text, italic=italic)
        elif self.tracked:
            wordml.text_run(p, text, italic=italic, change=self.revisions, kind="ins" if op == "+" else "del")
        else:
            run = p.add_run(text)
            run.italic = italic or None
            run.bold = True if op == "+" else None
            run.font.strike = True if op == "-" else None

    def mark(self, p, kind: str) -> None:
        if self.tracked:
            self.revisions.mark_paragraph(p, kind)


def _uncited(resolution: Resolution) -> list[str]:
    cited = set()
    for _, paragraph in resolution.all_paragraphs():
        stack = [paragraph]
        while stack:
            item = stack.pop()
            cited |= {ref.marker for ref in item.footnotes}
            stack += list(item.subparagraphs)
    return [marker for marker in resolution.footnotes if marker not in cited]


def _lead_end(paragraph) -> int:
    lead = getattr(paragraph, "lead", None)
    return len(lead) if lead and paragraph.text.startswith(lead) else 0


def _clean(text: str) -> str:
    """Characters XML forbids (control characters from a bad source) never reach the file."""
    return clean_chars(text).replace("\n", " ").replace("\t", " ")

"""Build templates/reference.docx: the styles, settings and fonts a drafter document is made with.

Run from the project root: `python tools/make_reference_docx.py`. The output is committed. It is
written from `drafter.render.styles`, the same data the renderer uses to add what a user's own
reference document lacks, so the two never drift apart. No stock parts (thumbnail, theme, custom
XML) and no sample text: a reference document is styles only.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lxml import etree  # noqa: E402

from drafter.render import package, wordml  # noqa: E402
from drafter.render.styles import FONT, MARGINS, PAPER, STYLES, styles_part  # noqa: E402

_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml."


def content_types() -> bytes:
    root = etree.Element(f"{{{_CT}}}Types", nsmap={None: _CT})
    etree.SubElement(root, f"{{{_CT}}}Default", Extension="rels",
                     ContentType="application/vnd.openxmlformats-package.relationships+xml")
    etree.SubElement(root, f"{{{_CT}}}Default", Extension="xml", ContentType="application/xml")
    for name, kind in (("styles", "styles"), ("settings", "settings"), ("fontTable", "fontTable")):
        etree.SubElement(root, f"{{{_CT}}}Override", PartName=f"/word/{name}.xml", ContentType=f"{_WML}{kind}+xml")
    return wordml.serialize(root)


def settings() -> bytes:
    root = wordml.root("w:settings")
    wordml.set_setting(root, "defaultTabStop", val="360")
    wordml.set_setting(root, "characterSpacingControl", val="doNotCompress")
    wordml.compatibility(root)
    return wordml.serialize(root)


def fonts() -> bytes:
    root = wordml.root("w:fonts")
    font = wordml.sub(root, "w:font", name=FONT)
    wordml.sub(font, "w:panose1", val="02020603050405020304")
    wordml.sub(font, "w:charset", val="00")
    wordml.sub(font, "w:family", val="roman")
    wordml.sub(font, "w:pitch", val="variable")
    return wordml.serialize(root)


def main() -> None:
    template = package.Template(
        main="word/document.xml",
        parts={"word/styles.xml": wordml.serialize(styles_part()), "word/fontTable.xml": fonts()},
        rels=(("rId1", _REL + "styles", "styles.xml"), ("rId2", _REL + "settings", "settings.xml"),
              ("rId3", _REL + "fontTable", "fontTable.xml")),
        package_rels=(), content_types=content_types(), settings=settings(),
        settings_name="word/settings.xml", styles={s.id: s.id for s in STYLES}, warnings=())
    document = wordml.root("w:document")
    body = wordml.sub(document, "w:body")
    wordml.paragraph(body, "SingleTxt")
    wordml.section_properties(body, PAPER["A4"], MARGINS, {}, {})
    properties = package.Properties(title="drafter reference document", subject="styles of a UN document",
                                    created="2000-01-01T00:00:00Z")
    target = ROOT / "templates" / "reference.docx"
    target.write_bytes(package.write(template, document, [], properties, {}))
    print(f"wrote {target}")


if __name__ == "__main__":
    main()

"""The Word package around a body: what a reference document gives, and the parts drafter writes.

A reference (templates/reference.docx, or the user's .docx or .dotx) gives its styles, settings,
fonts, theme and numbering. Its body, headers, footers, notes, thumbnail and properties are left
behind: drafter writes its own. The reference is read once per process (`load` is cached on the
file's bytes), so rendering a thousand resolutions reads it once.

Same inputs give the same bytes: the zip members have a fixed date and a fixed order, and the
core properties carry the document's own date (the adoption, or the session a draft is for).
"""

from __future__ import annotations

import functools
import io
import posixpath
import zipfile
from pathlib import Path

from lxml import etree

from drafter import shipped
from drafter.errors import ParseError
from drafter.records import dataclass
from drafter.render import wordml
from drafter.render.styles import ensure_styles

REFERENCE = shipped.path("templates/reference.docx")
_ZIP_TIME = (2000, 1, 1, 0, 0, 0)

_PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_MAIN = _OFFICE + "officeDocument"
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml."
CONTENT_TYPES = {
    "document": _WML + "document.main+xml",
    "template": _WML + "template.main+xml",
    "footnotes": _WML + "footnotes+xml",
    "header": _WML + "header+xml",
    "footer": _WML + "footer+xml",
    "core": "application/vnd.openxmlformats-package.core-properties+xml",
    "app": "application/vnd.openxmlformats-officedocument.extended-properties+xml",
}
# What a body needs from its reference; everything else of the old body goes (headers, notes...).
_KEPT_DOCUMENT_RELS = {_OFFICE + kind for kind in (
    "styles", "settings", "webSettings", "fontTable", "theme", "numbering", "customXml")} | {
    "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"}
_DROPPED_PACKAGE_RELS = {
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail",
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
    _OFFICE + "extended-properties",
}


@dataclass(frozen=True)
class Template:
    """A reference DOCX taken apart: the parts a draft keeps as they are, and those it rewrites."""

    main: str                                   # the main part's name ("word/document.xml")
    parts: dict[str, bytes]                     # kept as they are
    rels: tuple[tuple[str, str, str], ...]      # the main part's kept relationships (id, type, target)
    package_rels: tuple[tuple[str, str, str], ...]
    content_types: bytes
    settings: bytes
    settings_name: str
    styles: dict[str, str]                      # drafter's style id -> the id it has here
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class Properties:
    """The document properties a DOCX carries (docProps/core.xml)."""

    title: str
    subject: str
    created: str                                # W3CDTF, "2023-12-19T00:00:00Z"
    language: str | None = None
    keywords: str = ""


def load(reference: Path | None) -> Template:
    """The reference's styles and settings; a reference that is missing or not Word is bad input
    (ParseError, exit 2), found when the command starts (cli: `check_reference`)."""
    path = REFERENCE if reference is None else Path(reference)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ParseError("no such reference document", path, hint=_GIVE) from None
    except IsADirectoryError:
        raise ParseError("a folder, not a reference document", path, hint=_GIVE) from None
    except OSError as error:
        raise ParseError(f"cannot read the reference document ({error.strerror or error})", path) from None
    return _prepare(data, str(path) if reference is not None else None)


_GIVE = "give a .docx or .dotx file"


@functools.lru_cache(maxsize=8)
def _prepare(data: bytes, name: str | None) -> Template:
    try:
        source = zipfile.ZipFile(io.BytesIO(data))
        members = {info.filename: source.read(info.filename) for info in source.infolist()}
        package_rels = _rels(members["_rels/.rels"])
        main = next(target.lstrip("/") for _, kind, target in package_rels if kind == _MAIN)
        main_rels_name = _rels_name(main)
        rels = [r for r in _rels(members.get(main_rels_name, b"")) if r[1] in _KEPT_DOCUMENT_RELS]
        styles_name = _target(main, rels, _OFFICE + "styles")
        settings_name = _target(main, rels, _OFFICE + "settings")
        styles_root = etree.fromstring(members[styles_name]) if styles_name else wordml.root("w:styles")
        settings = members[settings_name] if settings_name else wordml.serialize(wordml.root("w:settings"))
    except (zipfile.BadZipFile, KeyError, StopIteration, etree.XMLSyntaxError) as error:
        raise ParseError(f"not a Word document or template ({error})", name or REFERENCE, hint=_GIVE) from None
    added, styles = ensure_styles(styles_root)
    warnings = (f"{name}: lacked the styles {', '.join(added)}; drafter added them",) if name and added else ()
    if not styles_name:
        styles_name = posixpath.join(posixpath.dirname(main), "styles.xml")
        rels.append(("rIdStyles", _OFFICE + "styles", "styles.xml"))
    if not settings_name:
        settings_name = posixpath.join(posixpath.dirname(main), "settings.xml")
        rels.append(("rIdSettings", _OFFICE + "settings", "settings.xml"))
    package_kept = tuple(r for r in package_rels if r[1] not in _DROPPED_PACKAGE_RELS and r[1] != _MAIN)
    kept = _reachable(members, main, rels, package_kept)
    kept[styles_name] = wordml.serialize(styles_root)
    kept.pop(settings_name, None)
    return Template(main=main, parts=kept, rels=tuple(rels), package_rels=package_kept,
                    content_types=members["[Content_Types].xml"], settings=settings,
                    settings_name=settings_name, styles=styles, warnings=warnings)


def _reachable(members: dict[str, bytes], main: str, rels, package_rels) -> dict[str, bytes]:
    """The parts the kept relationships lead to, and theirs in turn (a theme's images...)."""
    todo = [_resolve("", target) for _, _, target in package_rels]
    todo += [_resolve(main, target) for _, _, target in rels]
    kept: dict[str, bytes] = {}
    while todo:
        name = todo.pop()
        if name in kept or name not in members:
            continue
        kept[name] = members[name]
        rels_name = _rels_name(name)
        if rels_name in members:
            kept[rels_name] = members[rels_name]
            todo += [_resolve(name, target) for _, _, target in _rels(members[rels_name])]
    return kept


def _rels(data: bytes) -> list[tuple[str, str, str]]:
    if not data:
        return []
    out = []
    for rel in etree.fromstring(data):
        if rel.get("TargetMode") == "External":
            continue
        out.append((rel.get("Id"), rel.get("Type"), rel.get("Target")))
    return out


def _rels_name(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{name}.rels")


def _resolve(source: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target))


def _target(main: str, rels, kind: str) -> str | None:
    return next((_resolve(main, target) for _, k, target in rels if k == kind), None)


# --- writing ---------------------------------------------------------------------------------

@dataclass
class Extra:
    """A part drafter adds beside the body: footnotes, a header, a footer."""

    kind: str                                   # "footnotes" | "header" | "footer"
    name: str                                   # "footnotes.xml", "header1.xml" (beside the body)
    rel_id: str
    element: etree._Element


def write(template: Template, document: etree._Element, extras: list[Extra], properties: Properties,
          settings: dict[str, dict[str, str]]) -> bytes:
    """The package: the template's parts, the body, the extras, the properties and the settings
    (name -> attributes; an empty dict sets a flag such as trackRevisions)."""
    folder = posixpath.dirname(template.main)
    parts: dict[str, bytes] = dict(template.parts)
    parts[template.main] = wordml.serialize(document)
    for extra in extras:
        parts[posixpath.join(folder, extra.name)] = wordml.serialize(extra.element)
    parts[template.settings_name] = _settings(template.settings, settings)
    if properties.language:
        # A text in another language than the reference's English is checked in its own.
        name = _target(template.main, template.rels, _OFFICE + "styles")
        parts[name] = _language(parts[name], properties.language)
    parts[_rels_name(template.main)] = _rels_xml(
        [*template.rels, *((e.rel_id, _OFFICE + e.kind, e.name) for e in extras)])
    parts["_rels/.rels"] = _rels_xml([
        ("rId1", _MAIN, template.main),
        ("rIdCore", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
         "docProps/core.xml"),
        ("rIdApp", _OFFICE + "extended-properties", "docProps/app.xml"),
        *template.package_rels])
    parts["docProps/core.xml"] = _core(properties)
    parts["docProps/app.xml"] = _app()
    overrides = {template.main: CONTENT_TYPES["document"], "docProps/core.xml": CONTENT_TYPES["core"],
                 "docProps/app.xml": CONTENT_TYPES["app"]}
    overrides.update({posixpath.join(folder, e.name): CONTENT_TYPES[e.kind] for e in extras})
    parts["[Content_Types].xml"] = _content_types(template.content_types, set(parts), overrides)
    return _zip(parts)


def _language(styles: bytes, tag: str) -> bytes:
    root = etree.fromstring(styles)
    path = "/".join(wordml.qn(f"w:{name}") for name in ("docDefaults", "rPrDefault", "rPr", "lang"))
    for lang in root.iterfind(path):
        lang.set(wordml.qn("w:val"), tag)
    return wordml.serialize(root)


def _settings(data: bytes, wanted: dict[str, dict[str, str]]) -> bytes:
    settings = etree.fromstring(data)
    # "Spelling checked" would stop Word checking the text in its language.
    wordml.drop_setting(settings, "proofState")
    for name, attributes in wanted.items():
        wordml.set_setting(settings, name, **attributes)
    wordml.compatibility(settings)
    return wordml.serialize(settings)


def _rels_xml(rels) -> bytes:
    root = etree.Element(f"{{{_PKG_RELS}}}Relationships", nsmap={None: _PKG_RELS})
    for rel_id, kind, target in rels:
        etree.SubElement(root, f"{{{_PKG_RELS}}}Relationship", Id=rel_id, Type=kind, Target=target)
    return wordml.serialize(root)


def _content_types(data: bytes, names: set[str], overrides: dict[str, str]) -> bytes:
    root = etree.fromstring(data)
    for override in root.findall(f"{{{_CT_NS}}}Override"):
        name = override.get("PartName").lstrip("/")
        if name not in names or name in overrides:
            root.remove(override)
    for name, content_type in sorted(overrides.items()):
        etree.SubElement(root, f"{{{_CT_NS}}}Override", PartName=f"/{name}", ContentType=content_type)
    return wordml.serialize(root)


_CORE = """<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>"""
_DC = {"cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
       "dc": "http://purl.org/dc/elements/1.1/", "dcterms": "http://purl.org/dc/terms/",
       "xsi": "http://www.w3.org/2001/XMLSchema-instance"}


def _core(properties: Properties) -> bytes:
    root = etree.fromstring(_CORE)

    def add(tag: str, text: str, w3cdtf: bool = False) -> None:
        prefix, local = tag.split(":")
        element = etree.SubElement(root, f"{{{_DC[prefix]}}}{local}")
        element.text = text
        if w3cdtf:
            element.set(f"{{{_DC['xsi']}}}type", "dcterms:W3CDTF")

    add("dc:title", properties.title)
    add("dc:subject", properties.subject)
    add("dc:creator", "drafter")
    add("cp:keywords", properties.keywords)
    if properties.language:
        add("dc:language", properties.language)
    add("cp:lastModifiedBy", "drafter")
    add("cp:revision", "1")
    add("dcterms:created", properties.created, w3cdtf=True)
    add("dcterms:modified", properties.created, w3cdtf=True)
    return wordml.serialize(root)


def _app() -> bytes:
    ns = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
    root = etree.Element(f"{{{ns}}}Properties", nsmap={None: ns})
    etree.SubElement(root, f"{{{ns}}}Application").text = "drafter"
    etree.SubElement(root, f"{{{ns}}}DocSecurity").text = "0"
    return wordml.serialize(root)


def _zip(parts: dict[str, bytes]) -> bytes:
    first = ["[Content_Types].xml", "_rels/.rels"]
    order = first + sorted(name for name in parts if name not in first)
    out = io.BytesIO()
    # The fastest deflate: a document compresses about as well, four times sooner.
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, parts[name], compresslevel=1)
    return out.getvalue()

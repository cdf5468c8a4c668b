"""What LibreOffice shows of a document, through its own Python (UNO): run with /usr/bin/python3.

    /usr/bin/python3 tests/lo_uno.py SOFFICE PROFILE_DIR JOBS.json OUT.json

JOBS is a list of [path, action]; action "open" shows the document as it is, "pdf" the same and
prints it to PATH.pdf, "accept" after Edit > Track Changes > Accept All, "reject" after Reject All.
For each job OUT gets: the pages, the text of every paragraph of the body in order (table cells
included, one line each) and with its paragraph style, how each paragraph outside tables is set
(its indents and space above), every footnote (its mark and text), how far the marks are raised
(the escapement of the footnote anchor style), the headers and footers of the page styles in use,
whether changes are being recorded, and whether tracked changes remain.

LibreOffice is started once for all jobs, headless, on a pipe, with a profile of its own.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def connect(soffice: str, profile: str):
    pipe = f"drafter_{os.getpid()}"
    process = subprocess.Popen([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--invisible",
                                "--nologo", "--norestore", "--nodefault", f"--accept=pipe,name={pipe};urp;"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(240):
        try:
            context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            return process, context
        except NoConnectException:
            time.sleep(0.25)
    process.kill()
    raise SystemExit("LibreOffice did not answer on its pipe")


def body_lines(text) -> list[str]:
    return [line for _, line in styled_lines(text)]


def styled_lines(text) -> list[tuple[str, str]]:
    """(paragraph style, text) of every paragraph of the body in order; a table's cells as lines
    of the style "cell"."""
    lines = []
    enumeration = text.createEnumeration()
    while enumeration.hasMoreElements():
        element = enumeration.nextElement()
        if element.supportsService("com.sun.star.text.TextTable"):
            for name in element.getCellNames():
                lines += [("cell", line) for line in element.getCellByName(name).getString().split("\n")]
        else:
            lines.append((element.getPropertyValue("ParaStyleName"), element.getString()))
    return lines


def settings(text) -> list[list[int]]:
    """How each paragraph of the body outside tables is set: left indent, first-line indent
    (negative: hanging), space above, in 1/100 mm, as LibreOffice lays it out."""
    out = []
    enumeration = text.createEnumeration()
    while enumeration.hasMoreElements():
        element = enumeration.nextElement()
        if not element.supportsService("com.sun.star.text.TextTable"):
            out.append([element.getPropertyValue(name)
                        for name in ("ParaLeftMargin", "ParaFirstLineIndent", "ParaTopMargin")])
    return out


def footnotes(document) -> list[dict]:
    notes = document.getFootnotes()
    return [{"label": notes.getByIndex(i).getLabel(), "text": notes.getByIndex(i).getString()}
            for i in range(notes.getCount())]


def marks_raised(document) -> dict:
    """The character styles LibreOffice sets note marks in, and how far each is raised (percent)."""
    settings = document.getFootnoteSettings()
    styles = document.getStyleFamilies().getByName("CharacterStyles")
    out = {}
    for key in ("AnchorCharStyleName", "CharStyleName"):
        name = settings.getPropertyValue(key)
        out[key] = styles.getByName(name).getPropertyValue("CharEscapement") if styles.hasByName(name) else 0
    return out


def page_styles(document) -> dict:
    out = {}
    styles = document.getStyleFamilies().getByName("PageStyles")
    used = set()
    cursor = document.getText().createTextCursor()
    used.add(cursor.getPropertyValue("PageStyleName"))
    for name in styles.getElementNames():
        style = styles.getByName(name)
        if name not in used and not style.isInUse():
            continue
        entry = {}
        for kind in ("Header", "Footer"):
            if style.getPropertyValue(f"{kind}IsOn"):
                for side in ("", "Left", "First"):
                    with contextlib.suppress(Exception):      # a side the style does not have
                        entry[f"{kind}{side or 'Right'}"] = style.getPropertyValue(f"{kind}Text{side}").getString()
        out[name] = entry
    return out


def show(desktop, dispatcher, path: str, action: str) -> dict:
    document = desktop.loadComponentFromURL(uno.systemPathToFileUrl(path), "_blank", 0, (prop("Hidden", True),))
    controller = document.getCurrentController()
    if action in ("accept", "reject"):
        command = ".uno:AcceptAllTrackedChanges" if action == "accept" else ".uno:RejectAllTrackedChanges"
        dispatcher.executeDispatch(controller.getFrame(), command, "", 0, ())
    result = {
        "path": path, "action": action,
        "pages": controller.getPropertyValue("PageCount"),
        "paragraphs": body_lines(document.getText()),
        "styled": styled_lines(document.getText()),
        "set": settings(document.getText()),
        "footnotes": footnotes(document),
        "raised": marks_raised(document),
        "pagestyles": page_styles(document),
        "recording": document.getPropertyValue("RecordChanges"),
        "changes": document.getRedlines().createEnumeration().hasMoreElements(),
    }
    if action == "pdf":
        target = uno.systemPathToFileUrl(path.rsplit(".", 1)[0] + ".pdf")
        document.storeToURL(target, (prop("FilterName", "writer_pdf_Export"),))
    document.close(True)
    return result


def main() -> None:
    soffice, profile, jobs_path, out_path = sys.argv[1:5]
    with open(jobs_path, encoding="utf-8") as handle:
        jobs = json.load(handle)
    process, context = connect(soffice, profile)
    try:
        manager = context.ServiceManager
        desktop = manager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        dispatcher = manager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", context)
        results = [show(desktop, dispatcher, path, action) for path, action in jobs]
        with open(out_path, "w", encoding="utf-8") as handle:
            json.dump(results, handle, ensure_ascii=False)
        with contextlib.suppress(Exception):              # the bridge goes away as LibreOffice quits
            desktop.terminate()
    finally:
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


if __name__ == "__main__":
    main()

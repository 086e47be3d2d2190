#!/usr/bin/env python3
"""Checks DOCX files as Office Open XML packages, with Python's own zipfile and XML parser
(independent of the Rust writer under test). For each file given:

- the ZIP opens and every entry's CRC is right;
- [Content_Types].xml, _rels/.rels and the main document are there, and every part has a
  content type (an Override by name or a Default by extension);
- every part is well-formed XML (namespaces included);
- every internal relationship points at a part of the package;
- report text never becomes a field: no field code in the document body, and the footer's
  only fields are PAGE and NUMPAGES.

Prints one line per file, and `docx packages: files N, parts M, failed K` at the end; exits
with 1 if any file fails. With --text, prints instead the text of each document's paragraphs,
one per line (what a reader of the document sees, for a test to compare).
Usage: check-package.py [--text] FILE.docx...
"""
import posixpath
import sys
import zipfile
import xml.etree.ElementTree as ET

CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"


def check(path):
    problems = []
    with zipfile.ZipFile(path) as z:
        bad = z.testzip()
        if bad is not None:
            return [f"bad CRC in {bad}"], 0
        names = set(z.namelist())
        for required in ("[Content_Types].xml", "_rels/.rels"):
            if required not in names:
                problems.append(f"missing {required}")
        if problems:
            return problems, len(names)
        trees = {}
        for name in sorted(names):
            if name.endswith(".xml") or name.endswith(".rels"):
                try:
                    trees[name] = ET.fromstring(z.read(name))
                except ET.ParseError as e:
                    problems.append(f"{name} is not well-formed XML: {e}")
        types = trees.get("[Content_Types].xml")
        if types is None:
            return problems, len(names)
        defaults = {d.get("Extension").lower() for d in types.iter(CT + "Default")}
        overrides = {o.get("PartName") for o in types.iter(CT + "Override")}
        for name in names:
            if name == "[Content_Types].xml" or name.endswith("/"):
                continue
            ext = name.rsplit(".", 1)[-1].lower()
            if "/" + name not in overrides and ext not in defaults:
                problems.append(f"{name} has no content type")
        for o in overrides:
            if o.lstrip("/") not in names:
                problems.append(f"content type for a missing part {o}")
        main = None
        for name, tree in trees.items():
            if not name.endswith(".rels"):
                continue
            folder = posixpath.dirname(posixpath.dirname(name))  # _rels/x.rels -> its part's folder
            for r in tree.iter(REL + "Relationship"):
                if r.get("TargetMode") == "External":
                    problems.append(f"{name}: external relationship {r.get('Target')}")
                    continue
                target = r.get("Target")
                resolved = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
                if resolved not in names:
                    problems.append(f"{name}: relationship {r.get('Id')} points at missing {resolved}")
                if name == "_rels/.rels" and r.get("Type") == OFFICE_DOCUMENT:
                    main = resolved
        if main is None or main not in trees:
            problems.append("no main document")
            return problems, len(names)
        body = trees[main]
        if body.find(f"{W}body") is None:
            problems.append("the main document has no body")
        if list(body.iter(W + "instrText")) or list(body.iter(W + "fldSimple")):
            problems.append("a field code in the document body")
        for name, tree in trees.items():
            if name.startswith("word/footer") or name.startswith("word/header"):
                for code in tree.iter(W + "instrText"):
                    if (code.text or "").strip() not in ("PAGE", "NUMPAGES"):
                        problems.append(f"{name}: unexpected field {code.text!r}")
        return problems, len(names)


def document_text(path):
    with zipfile.ZipFile(path) as z:
        body = ET.fromstring(z.read("word/document.xml"))
    lines = []
    for p in body.iter(W + "p"):
        lines.append("".join(t.text or "" for t in p.iter(W + "t")))
    return "\n".join(lines)


def main(paths):
    if paths[:1] == ["--text"]:
        for path in paths[1:]:
            print(document_text(path))
        return 0
    failed = 0
    parts = 0
    for path in paths:
        try:
            problems, n = check(path)
        except (zipfile.BadZipFile, OSError) as e:
            problems, n = [f"not a ZIP package: {e}"], 0
        parts += n
        if problems:
            failed += 1
            print(f"FAIL {path}:")
            for p in problems:
                print(f"  {p}")
        else:
            print(f"ok   {path} ({n} parts)")
    print(f"docx packages: files {len(paths)}, parts {parts}, failed {failed}")
    return 1 if failed or not paths else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

#!/usr/bin/env python3
"""Derive Serbia's Chapter 24 interim-benchmark catalogue from the EU common position.

Source: seeds/sources/000_908431163dc13e01.txt (override with --source).
Writes:  seeds/reference.json and seeds/catalogue/rs-24.json (relative to the repo root,
         i.e. two levels above this script; override with --out-dir).

Python 3 standard library only. Run:  python3 tools/catalogue/derive-rs-24.py

Parsing rules (the document is a plain-text/markdown rendering of the Council document):
  * "- ..."   at column 0      -> a top-level bullet = one benchmark
  * " - ..."  (indented)       -> a sub-requirement of the preceding benchmark
  * any other non-blank line directly after a non-blank line -> hard line wrap,
    joined to the current block with a single space
  * a non-indented, non-bullet line after a blank line -> a paragraph. A paragraph is
      - an area heading if it starts with AREA_HEADING_PREFIX (its text is the area intro),
      - a benchmark if it starts with one of BENCHMARK_PARAGRAPH_PREFIXES (hand-coded hint),
      - the end of the catalogue if it starts with END_PREFIX,
      - otherwise ignored before the first benchmark (the preamble) and an error after it.
Text normalisation: collapse whitespace runs to one space, strip the bullet marker,
remove markdown emphasis asterisks. Nothing else (typos such as "steps us" and the OCR
artefact "3record" are kept verbatim).

After writing, the script verifies that every benchmark and sub-requirement text occurs
in the normalised document and prints counts per area and totals.
"""
import argparse
import json
import os
import re
import sys

DEFAULT_SOURCE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "seeds", "sources", "000_908431163dc13e01.txt")
DOCUMENT_NAME = "000_908431163dc13e01.txt"
SOURCE_TITLE = ("EU common position, Chapter 24 \u2014 Justice, freedom and security: "
                "interim benchmarks for Serbia")

AREA_HEADING_PREFIX = "Serbia enhances its efforts to ensure compliance with EU requirements in the field of"
END_PREFIX = "Monitoring of progress in the alignment with and implementation of the"

# Un-bulleted paragraphs that are benchmarks in their own right (structural hints).
# The first one precedes every area heading and forms the horizontal APM area.
BENCHMARK_PARAGRAPH_PREFIXES = [
    "Serbia ensures an effective, close and permanent monitoring of the implementation of its Action Plan",
    "Serbia adopts a Schengen Action Plan (SAP)",
    "Serbia adopts and implements a new Strategy to prevent and fight terrorism",
]

# Areas in document order: (code, title, a phrase that must occur in the heading).
# APM has no heading in the document.
APM = ("APM", "Action Plan monitoring")
AREAS = [
    ("MIG", "Legal and irregular migration", "legal and irregular migration"),
    ("ASY", "Asylum", "asylum"),
    ("VIS", "Visa policy", "visa policy"),
    ("SCH", "Schengen and external borders", "Schengen and external borders"),
    ("JUD", "Judicial cooperation in civil, commercial and criminal matters",
     "judicial co-operation in civil, commercial and criminal matters"),
    ("POL", "Police cooperation and the fight against organised crime",
     "police co-operation and the fight against organised crime"),
    ("TER", "Fight against terrorism", "antiterrorism"),
    ("DRG", "Cooperation in the field of drugs", "cooperation in the field of drugs"),
]

REFERENCE = {
    "countries": [
        {"code": "AL", "name": "Albania"},
        {"code": "BA", "name": "Bosnia and Herzegovina"},
        {"code": "XK", "name": "Kosovo*",
         "note": ("This designation is without prejudice to positions on status, and is in "
                  "line with UNSCR 1244/1999 and the ICJ Opinion on the Kosovo declaration "
                  "of independence.")},
        {"code": "ME", "name": "Montenegro"},
        {"code": "MK", "name": "North Macedonia"},
        {"code": "RS", "name": "Serbia"},
    ],
    "chapters": [
        {"number": 23, "title": "Judiciary and fundamental rights"},
        {"number": 24, "title": "Justice, freedom and security"},
    ],
}


def norm(text):
    """Remove emphasis asterisks and collapse whitespace."""
    return re.sub(r"\s+", " ", text.replace("*", "")).strip()


def blocks(lines):
    """Group lines into (kind, raw_text, first_line_no) blocks.

    kind: 'bullet' | 'sub' | 'para'."""
    out = []
    prev_blank = True
    for no, line in enumerate(lines, 1):
        line = line.rstrip("\n").rstrip("\r")
        if not line.strip():
            prev_blank = True
            continue
        if line.startswith("- "):
            out.append(["bullet", line[2:], no])
        elif re.match(r"^\s+- ", line):
            out.append(["sub", re.sub(r"^\s+- ", "", line), no])
        elif not prev_blank and out:
            out[-1][1] += " " + line  # hard wrap
        elif line[0].isspace():
            raise SystemExit(f"line {no}: indented line after a blank line: {line!r}")
        else:
            out.append(["para", line, no])
        prev_blank = False
    return [(k, norm(t), n) for k, t, n in out]


def parse(text):
    areas = []
    area_iter = iter(AREAS)
    current = None  # current area dict
    bench = None    # current benchmark dict
    started = False

    def add_benchmark(txt, no):
        nonlocal bench
        if current is None:
            raise SystemExit(f"line {no}: benchmark outside any area")
        code = f"RS-24-{current['code']}-{len(current['benchmarks']) + 1:02d}"
        bench = {"code": code, "text": txt, "subRequirements": []}
        current["benchmarks"].append(bench)

    for kind, txt, no in blocks(text.splitlines()):
        if kind == "para":
            if txt.startswith(END_PREFIX):
                break
            if txt.startswith(AREA_HEADING_PREFIX):
                try:
                    code, title, phrase = next(area_iter)
                except StopIteration:
                    raise SystemExit(f"line {no}: more area headings than expected")
                if phrase not in txt:
                    raise SystemExit(f"line {no}: expected heading for {code}, got {txt!r}")
                current = {"code": code, "title": title, "intro": txt, "benchmarks": []}
                areas.append(current)
                bench = None
                continue
            if any(txt.startswith(p) for p in BENCHMARK_PARAGRAPH_PREFIXES):
                if not started:  # horizontal paragraph before the first heading
                    current = {"code": APM[0], "title": APM[1], "intro": None, "benchmarks": []}
                    areas.append(current)
                started = True
                add_benchmark(txt, no)
                continue
            if started:
                raise SystemExit(f"line {no}: unclassified paragraph inside the catalogue: {txt[:80]!r}")
            continue  # preamble
        if kind == "bullet":
            started = True
            add_benchmark(txt, no)
        elif kind == "sub":
            if bench is None:
                raise SystemExit(f"line {no}: sub-requirement without a benchmark")
            bench["subRequirements"].append(
                {"code": f"{bench['code']}.{len(bench['subRequirements']) + 1}", "text": txt})
    if next(area_iter, None) is not None:
        raise SystemExit("fewer area headings than expected")
    return areas


def write_json(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=2)
        f.write("\n")


def verify(doc_text, catalogue):
    """Every text must occur in the normalised document; print counts."""
    ndoc = norm(doc_text)
    missing = []
    tb = ts = 0
    print(f"{'area':<5} {'benchmarks':>10} {'sub-reqs':>9}")
    for area in catalogue["areas"]:
        if area["intro"] is not None and area["intro"] not in ndoc:
            missing.append(area["code"] + " intro")
        nb = len(area["benchmarks"])
        ns = sum(len(b["subRequirements"]) for b in area["benchmarks"])
        tb += nb
        ts += ns
        print(f"{area['code']:<5} {nb:>10} {ns:>9}")
        for b in area["benchmarks"]:
            for item in [b] + b["subRequirements"]:
                if not item["text"] or item["text"] not in ndoc:
                    missing.append(item["code"])
    print(f"{'total':<5} {tb:>10} {ts:>9}   ({len(catalogue['areas'])} areas)")
    # Coverage: intros + benchmark + sub-requirement texts, in order, must reconstruct the
    # whole catalogue part of the document (first benchmark paragraph .. END_PREFIX) once
    # the bullet markers are stripped, so nothing is dropped, truncated or duplicated.
    start = doc_text.index(BENCHMARK_PARAGRAPH_PREFIXES[0])
    body = doc_text[start:doc_text.index(END_PREFIX)]
    body = norm(re.sub(r"(?m)^\s*- ", "", body))
    parts = []
    for area in catalogue["areas"]:
        if area["intro"] is not None:
            parts.append(area["intro"])
        for b in area["benchmarks"]:
            parts.append(b["text"])
            parts.extend(s["text"] for s in b["subRequirements"])
    if " ".join(parts) != body:
        missing.append("coverage (extracted texts do not reconstruct the document body)")
    codes = [b["code"] for a in catalogue["areas"] for b in a["benchmarks"]]
    codes += [s["code"] for a in catalogue["areas"] for b in a["benchmarks"] for s in b["subRequirements"]]
    if len(codes) != len(set(codes)):
        missing.append("duplicate codes")
    if missing:
        print("VERIFY FAILED:", ", ".join(missing), file=sys.stderr)
        return False
    print("verify: all texts occur verbatim in the normalised document; "
          "together they reconstruct the catalogue part of the document")
    return True


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", default=DEFAULT_SOURCE)
    ap.add_argument("--out-dir", default=os.path.normpath(os.path.join(here, "..", "..")))
    args = ap.parse_args()

    with open(args.source, encoding="utf-8") as f:
        doc = f.read()
    catalogue = {
        "country": "RS",
        "chapter": 24,
        "source": {"title": SOURCE_TITLE, "document": DOCUMENT_NAME},
        "areas": parse(doc),
    }
    write_json(os.path.join(args.out_dir, "seeds", "reference.json"), REFERENCE)
    write_json(os.path.join(args.out_dir, "seeds", "catalogue", "rs-24.json"), catalogue)
    sys.exit(0 if verify(doc, catalogue) else 1)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Writes N resume files (default 1,000) for the `hirekit screen` end-to-end benchmark.

Half are PDFs (the 52 real PDFs of shared/data/resumes/pdf, cycled), a quarter DOCX (the 69
real DOCX files, cycled) and a quarter TXT (distinct livecareer resume texts). Cycled copies
get their own names; hirekit reads each file as a new upload.

usage: scripts/make-resumes1k.py [OUT_DIR] [N] [--distinct]   (default /tmp/resumes1k 1000)
--distinct: N different livecareer resume texts as TXT only (for a cold embedding run,
where cycled copies would be embedded once).
Reads shared/data in place (HIREKIT_SHARED_DATA, else ../shared/data beside the repo).
"""
import csv
import os
import shutil
import sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent
data = Path(os.environ.get("HIREKIT_SHARED_DATA", root.parent / "shared" / "data")) / "resumes"
out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/resumes1k")
n = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
distinct = "--distinct" in sys.argv[3:]
if not data.exists():
    sys.exit(f"skipping: {data} not found (set HIREKIT_SHARED_DATA)")

pdfs = sorted((data / "pdf").rglob("*.pdf"))
docx = sorted((data / "docx").glob("*.docx")) + sorted(
    (data / "vanetik_vacancy_resume_matching" / "CV").glob("*.docx")
)
csv.field_size_limit(1 << 24)
with open(data / "livecareer_resumes_text.csv", newline="", encoding="utf-8") as f:
    texts = [r["text"] for r in csv.DictReader(f)]

shutil.rmtree(out, ignore_errors=True)
out.mkdir(parents=True)
n_pdf, n_docx = (0, 0) if distinct else (n // 2, n // 4)
for i in range(n_pdf):
    src = pdfs[i % len(pdfs)]
    shutil.copyfile(src, out / f"{i:04}-{src.stem}.pdf")
for i in range(n_docx):
    src = docx[i % len(docx)]
    shutil.copyfile(src, out / f"{n_pdf + i:04}-{src.stem}.docx")
for i in range(n - n_pdf - n_docx):
    (out / f"{n_pdf + n_docx + i:04}-livecareer.txt").write_text(texts[i], encoding="utf-8")
print(f"{n} files in {out}: {n_pdf} PDF, {n_docx} DOCX, {n - n_pdf - n_docx} TXT")

#!/usr/bin/env python3
"""Makes "scanned" copies of PDFs for the OCR benchmark: each page rendered to a 150-dpi grey
image with poppler's pdftoppm, the images alone put in a new PDF (no text layer).

usage: scripts/make-scans.py OUT_DIR PDF...
then:  hirekit resume parse --ocr --json OUT_DIR/*.pdf   (compare with the originals' profiles)
"""
import glob
import os
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path


def pgm_pixels(b):
    """Width, height and 8-bit pixels of a binary PGM (P5, maxval 255)."""
    magic, w, h, maxval, _ = b.split(maxsplit=4)
    assert magic == b"P5" and maxval == b"255"
    w, h = int(w), int(h)
    return w, h, b[-w * h:]


def image_pdf(images):
    """A PDF with one letter-size page per (w, h, pixels), the image over the whole page."""
    objs = {1: b"<< /Type /Catalog /Pages 2 0 R >>"}
    kids = []
    for k, (w, h, px) in enumerate(images):
        im, ct, pg = 3 + 3 * k, 4 + 3 * k, 5 + 3 * k
        data = zlib.compress(px)
        objs[im] = (
            f"<< /Type /XObject /Subtype /Image /Width {w} /Height {h} /ColorSpace /DeviceGray "
            f"/BitsPerComponent 8 /Filter /FlateDecode /Length {len(data)} >>\nstream\n"
        ).encode() + data + b"\nendstream"
        c = b"q 612 0 0 792 0 0 cm /Im0 Do Q"
        objs[ct] = f"<< /Length {len(c)} >>\nstream\n".encode() + c + b"\nendstream"
        objs[pg] = (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {ct} 0 R "
            f"/Resources << /XObject << /Im0 {im} 0 R >> >> >>"
        ).encode()
        kids.append(f"{pg} 0 R")
    objs[2] = f"<< /Type /Pages /Count {len(kids)} /Kids [{' '.join(kids)}] >>".encode()
    buf, offsets = bytearray(b"%PDF-1.5\n"), {}
    for i in sorted(objs):
        offsets[i] = len(buf)
        buf += f"{i} 0 obj\n".encode() + objs[i] + b"\nendobj\n"
    xref, n = len(buf), max(objs) + 1
    buf += f"xref\n0 {n}\n0000000000 65535 f \n".encode()
    buf += b"".join(f"{offsets[i]:010d} 00000 n \n".encode() for i in range(1, n))
    buf += f"trailer << /Size {n} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(buf)


out = Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)
for src in sys.argv[2:]:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", "150", "-gray", src, os.path.join(tmp, "p")], check=True)
        pages = sorted(glob.glob(os.path.join(tmp, "p-*.pgm")), key=lambda p: int(p.rsplit("-", 1)[1][:-4]))
        images = [pgm_pixels(Path(p).read_bytes()) for p in pages]
    dest = out / (Path(src).stem + "-scan.pdf")
    dest.write_bytes(image_pdf(images))
    print(f"{dest}: {len(images)} page(s)")

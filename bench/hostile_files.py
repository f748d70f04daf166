"""Peak memory and time of reading each hostile sample, the old way (the parser in-process) and through
lib/untrusted_files (inspection in the process, the parser in a bounded child).

    DANGVU_DEV=1 .venv/bin/python bench/hostile_files.py [--cap-mb 4096]

Each measurement runs in a fresh interpreter; the old way runs under an RLIMIT_AS cap so that the
machine survives it ("> cap" then means it would have taken more).
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = {
    "xlsx-whole-grid": ("xlsx_whole_grid", ".xlsx"),
    "xlsx-far-cells": ("xlsx_far_cells", ".xlsx"),
    "xlsx-50MB-shared-string": ("xlsx_giant_shared_string", ".xlsx"),
    "docx-zip-bomb": ("docx_bomb", ".docx"),
    "pdf-flate-bomb": ("pdf_bomb", ".pdf"),
    "png-60000x60000": ("png", ".png"),
}

OLD = {
    ".xlsx": "from python_calamine import CalamineWorkbook\n"
    "s = CalamineWorkbook.from_path(path).get_sheet_by_index(0)\n"
    "for r in s.iter_rows(): pass",
    ".docx": "import docx\ndocx.Document(path)",
    ".pdf": "import pdfplumber\nwith pdfplumber.open(path) as pdf:\n  [p.chars for p in pdf.pages]",
    ".png": "from PIL import Image\nImage.MAX_IMAGE_PIXELS = None\nImage.open(path).load()",
}
NEW = {
    ".xlsx": "from exchange.reading import open_table\nfrom exchange.columns import MEMBER_COLUMNS\n"
    "open_table(path, name='f.xlsx', columns=MEMBER_COLUMNS)",
    ".docx": "from checker.extract import read_document\nread_document(path)",
    ".pdf": "from checker.extract import read_document\nread_document(path)",
    ".png": "from lib.untrusted_files import inspect_image\ninspect_image(open(path, 'rb'))",
}

PROBE = """
import os, resource, sys, time, json
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dangvu.settings")
sys.path.insert(0, {root!r})
import django; django.setup()
cap = {cap}
if cap:
    resource.setrlimit(resource.RLIMIT_AS, (cap * 1024 * 1024, resource.RLIM_INFINITY))
path = {path!r}
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.monotonic()
try:
{code}
    outcome = "read"
except MemoryError:
    outcome = "MemoryError at the cap"
except Exception as error:
    outcome = type(error).__name__ + ": " + str(getattr(error, "message", error))[:90]
print(json.dumps({{"outcome": outcome, "seconds": round(time.monotonic() - started, 2),
  "self_mb": round((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base) / 1024),
  "child_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)}}))
"""


def measure(code: str, path: str, cap: int) -> dict:
    body = "\n".join("    " + line for line in code.splitlines())
    script = PROBE.format(root=str(ROOT), cap=cap, path=path, code=body)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=900)
    lines = done.stdout.strip().splitlines()
    if done.returncode or not lines:
        return {"outcome": f"process died (exit {done.returncode})", "self_mb": None, "child_mb": None}
    return json.loads(lines[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cap-mb", type=int, default=4096)
    options = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dangvu.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from dangvu.lib.tests import hostile

    with tempfile.TemporaryDirectory() as directory:
        for label, (builder, suffix) in SAMPLES.items():
            data = getattr(hostile, builder)(60_000, 60_000) if builder == "png" else getattr(hostile, builder)()
            path = Path(directory) / f"sample{suffix}"
            path.write_bytes(data)
            old = measure(OLD[suffix], str(path), options.cap_mb)
            new = measure(NEW[suffix], str(path), 0)
            print(f"{label} ({len(data):,} bytes)")
            print(f"  before: {old}")
            print(f"  after:  {new}")


if __name__ == "__main__":
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    time.sleep(0)
    main()

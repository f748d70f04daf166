"""Every string we write reaches users in Vietnamese: the `vi` catalogues are complete.

Runs `makemessages` on a copy of the source tree (so the real catalogues are not touched)
and checks that no message is missing, untranslated or fuzzy.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[3]
SKIP = shutil.ignore_patterns(".venv", "var", ".git", "test-artifacts", "__pycache__", "*.mo", "node_modules")


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="gettext is installed by `make setup`")
def test_the_vietnamese_catalogues_are_complete(tmp_path):
    copy = tmp_path / "src"
    shutil.copytree(ROOT, copy, ignore=SKIP)
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "-l",
            "vi",
            "--no-obsolete",
            "--ignore=bench/*",
            "--ignore=*/tests/*",
            "--ignore=conftest.py",
        ],
        cwd=copy,
        capture_output=True,
        text=True,
        env={"DANGVU_DEV": "1", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    problems = []
    for po_path in copy.rglob("locale/vi/LC_MESSAGES/django.po"):
        check = subprocess.run(
            ["msgfmt", "--check-format", "-o", "/dev/null", str(po_path)], capture_output=True, text=True
        )
        if check.returncode:
            problems.append(f"{po_path.relative_to(copy)}: {check.stderr.strip()}")
        catalogue = polib.pofile(str(po_path))
        for entry in catalogue.untranslated_entries() + catalogue.fuzzy_entries():
            problems.append(f"{po_path.relative_to(copy)}: {entry.msgid!r}")
    assert problems == []

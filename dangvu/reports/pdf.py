"""PDF through LibreOffice headless (installed by the setup), from the DOCX we write."""

import shutil
import subprocess
import tempfile
from pathlib import Path


class PdfUnavailable(RuntimeError):
    pass


def soffice() -> str:
    for name in ("soffice", "libreoffice"):
        path = shutil.which(name)
        if path:
            return path
    raise PdfUnavailable("LibreOffice")


def docx_to_pdf(docx: bytes, *, timeout: int = 180) -> bytes:
    binary = soffice()
    with tempfile.TemporaryDirectory(prefix="dangvu-pdf-") as tmp:
        source = Path(tmp) / "baocao.docx"
        source.write_bytes(docx)
        profile = Path(tmp) / "profile"
        subprocess.run(
            [
                binary,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--norestore",
                "--convert-to",
                "pdf",
                "--outdir",
                tmp,
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=timeout,
        )
        return (Path(tmp) / "baocao.pdf").read_bytes()

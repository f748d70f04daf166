"""Document type symbols as data (RULES.md §7, HD 36-HD/VPTW of 03/4/2018).

Each type carries the dates it is in use and whether the symbol is confirmed by the
sources; the unconfirmed ones are offered with a note, never hidden.
"""

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class DocumentType:
    code: str
    label: str
    confirmed: bool
    source: str
    valid_from: dt.date = dt.date(2018, 4, 3)
    valid_to: dt.date | None = None

    def in_force(self, on: dt.date) -> bool:
        return self.valid_from <= on and (self.valid_to is None or on < self.valid_to)


HD36 = "HD 36-HD/VPTW 2018; RULES.md §7"
# The symbols seen in real numbers; CTr and QC are unconfirmed (RULES.md §7). Older documents
# (before HD 36) use the same symbols, so the table starts early enough for a back-catalogue.
DOCUMENT_TYPES: tuple[DocumentType, ...] = (
    DocumentType("NQ", _("Resolution"), True, HD36, dt.date(1990, 1, 1)),
    DocumentType("QĐ", _("Decision"), True, HD36, dt.date(1990, 1, 1)),
    DocumentType("CT", _("Directive"), True, HD36, dt.date(1990, 1, 1)),
    DocumentType("KL", _("Conclusion"), True, HD36, dt.date(1990, 1, 1)),
    DocumentType("HD", _("Guidance"), True, HD36, dt.date(1990, 1, 1)),
    DocumentType("BC", _("Report"), True, HD36, dt.date(1990, 1, 1)),
    DocumentType("KH", _("Plan"), True, HD36, dt.date(1990, 1, 1)),
    DocumentType("TB", _("Notice"), True, HD36, dt.date(1990, 1, 1)),
    DocumentType("CV", _("Official letter"), True, HD36, dt.date(1990, 1, 1)),
    DocumentType("CTr", _("Programme"), False, HD36, dt.date(1990, 1, 1)),
    DocumentType("QC", _("Regulation (working rules)"), False, HD36, dt.date(1990, 1, 1)),
)
BY_CODE = {t.code: t for t in DOCUMENT_TYPES}


def type_choices() -> list[tuple[str, str]]:
    return [(t.code, f"{t.code} — {t.label}" + ("" if t.confirmed else " *")) for t in DOCUMENT_TYPES]


# Uploaded files: what a party office keeps (HD 36 documents as issued, scans), and how big.
ALLOWED_EXTENSIONS = {
    ".pdf": "application/pdf",
    ".doc": "application/msword",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
}
MAX_FILE_BYTES = 20 * 1024 * 1024
# The first bytes each kind of file starts with, so a renamed executable is refused.
MAGIC = {
    ".pdf": (b"%PDF",),
    ".doc": (b"\xd0\xcf\x11\xe0",),
    ".docx": (b"PK\x03\x04",),
    ".odt": (b"PK\x03\x04",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".png": (b"\x89PNG",),
}


def format_number(number: int, type_code: str, symbol: str) -> str:
    """07-NQ/ĐUK: two digits at least, as the examples write them."""
    return f"{number:02d}-{type_code}/{symbol}"

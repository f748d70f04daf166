"""Builders of the files the tests upload: the register template filled in, CSV in several encodings."""

import csv
import io
import unicodedata

from django.utils import translation

from dangvu.exchange.columns import MEMBER_COLUMNS, ORGANIZATION_COLUMNS
from dangvu.exchange.exporting import member_title, write_xlsx


def member_row(**values) -> dict:
    row = {
        "full_name": "Lê Văn Mới",
        "sex": "Nam",
        "date_of_birth": "15/06/1990",
        "ethnicity": "Kinh",
        "religion": "Không",
        "national_id": "001090000111",
        "organization": "A1",
        "admitted_on": "02/03/2021",
        "admission_document_no": "15-QĐ/ĐU",
        "ceremony_on": "10/03/2021",
        "made_full_on": "15/03/2022",
        "full_document_no": "30-QĐ/ĐU",
    }
    row.update(values)
    return {k: v for k, v in row.items() if v is not None}


def _columns(kind: str):
    return [c for c in (MEMBER_COLUMNS if kind == "members" else ORGANIZATION_COLUMNS) if not c.export_only]


def xlsx_bytes(rows: list[dict], kind: str = "members") -> bytes:
    with translation.override("vi"):
        out = io.BytesIO()
        write_xlsx(out, _columns(kind), rows, title=member_title())
        return out.getvalue()


def csv_text(rows: list[dict], kind: str = "members", headers: list[str] | None = None) -> str:
    with translation.override("vi"):
        columns = _columns(kind)
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(headers or [c.label for c in columns])
        for row in rows:
            writer.writerow([row.get(c.key, "") for c in columns])
        return out.getvalue()


TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def cp1258_bytes(text: str) -> bytes:
    """Text as Windows-1258 writes Vietnamese: letters with their hats precomposed, tones as combining marks."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        try:
            out.append(ch.encode("cp1258"))
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONE_MARKS))
        out.append((base + "".join(c for c in parts if c in TONE_MARKS)).encode("cp1258"))
    return b"".join(out)

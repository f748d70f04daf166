"""Spreadsheets of a list in the house style: the register layout as XLSX, or CSV that Excel reads.

XLSX cells hold real dates shown dd/mm/yyyy and numbers grouped the Vietnamese way; CSV is
UTF-8 with a byte-order mark (so Excel reads the diacritics) and writes dates dd/mm/yyyy and
counts as 7.261. Text that a spreadsheet would run as a formula is written with a leading
quote, which the importer strips, so an export re-imports cleanly.

A column is anything with `key`, `label` and `width` (exchange.columns.Column, lib.screens.ExportColumn).
"""

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable

from django.utils import timezone
from django.utils.translation import gettext as _

from dangvu.lib.dates import format_place_date
from dangvu.lib.numbers import format_int

# Control characters an XLSX file cannot hold.
ILLEGAL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _safe_text(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def write_csv(out, columns: list, rows: Iterable[dict]) -> None:
    """CSV for Excel: UTF-8 with BOM, Vietnamese headers, dates dd/mm/yyyy, counts 7.261."""
    text = io.TextIOWrapper(out, encoding="utf-8-sig", newline="")
    writer = csv.writer(text)
    writer.writerow([c.label for c in columns])
    for row in rows:
        writer.writerow([_csv_value(row.get(c.key), c) for c in columns])
    text.flush()
    text.detach()


def _csv_value(value, column) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, int) and not isinstance(value, bool):
        return format_int(value) if column.key != "row_no" else str(value)
    return _safe_text(str(value))


def write_xlsx(out, columns: list, rows: Iterable[dict], *, title: str, subtitle: str = "") -> None:
    """The register layout: title, subtitle, one header row, then the rows (XlsxWriter, streaming row by row).

    Text is always written as text (never a formula, whatever it starts with); dates are real dates
    shown dd/mm/yyyy; counts are numbers shown with the grouping of the reader's Excel.
    """
    import xlsxwriter

    workbook = xlsxwriter.Workbook(
        out,
        {
            "constant_memory": True,
            "strings_to_formulas": False,
            "strings_to_numbers": False,
            "strings_to_urls": False,
            "default_date_format": "dd/mm/yyyy",
        },
    )
    sheet = workbook.add_worksheet(_("List")[:31])
    bold_title = workbook.add_format({"bold": True, "font_size": 14})
    header = workbook.add_format(
        {"bold": True, "text_wrap": True, "valign": "vcenter", "align": "center", "bg_color": "#F2E6D0", "border": 1}
    )
    date_format = workbook.add_format({"num_format": "dd/mm/yyyy"})
    count_format = workbook.add_format({"num_format": "#,##0"})
    for index, column in enumerate(columns):
        sheet.set_column(index, index, column.width)
    sheet.freeze_panes(4, 0)
    sheet.write_string(0, 0, title, bold_title)
    sheet.write_string(1, 0, subtitle or format_place_date(timezone.localdate()))
    for index, column in enumerate(columns):
        sheet.write_string(3, index, column.label, header)
    keys = [c.key for c in columns]
    for number, row in enumerate(rows, start=4):
        for index, key in enumerate(keys):
            value = row.get(key)
            if value is None or value == "":
                continue
            if isinstance(value, dt.date):
                sheet.write_datetime(number, index, value, date_format)
            elif isinstance(value, int) and not isinstance(value, bool):
                sheet.write_number(number, index, value, count_format if key != "row_no" else None)
            else:
                sheet.write_string(number, index, ILLEGAL_CHARACTERS.sub("", str(value)))
    workbook.close()

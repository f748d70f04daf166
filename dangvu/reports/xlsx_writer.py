"""The appendix table of a mid-term or term-end report as XLSX, in the layout of the examples."""

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from dangvu.reports.compile import Compiled

THIN = Side(style="thin")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
FONT = "Times New Roman"
INTEGER = "#,##0"
DECIMAL = "#,##0.00"


def write_xlsx(compiled: Compiled) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Phụ lục"
    years = compiled.appendix_years
    headers = compiled.appendix_headers
    last_col = get_column_letter(len(headers))
    sheet.merge_cells(f"A1:{last_col}1")
    sheet["A1"] = "PHỤ LỤC"
    sheet["A1"].font = Font(name=FONT, size=14, bold=True)
    sheet["A1"].alignment = Alignment(horizontal="center")
    sheet.merge_cells(f"A2:{last_col}2")
    sheet["A2"] = compiled.appendix_subtitle
    sheet["A2"].font = Font(name=FONT, size=12, italic=True)
    sheet["A2"].alignment = Alignment(horizontal="center")
    for col, text in enumerate(headers, 1):
        cell = sheet.cell(row=4, column=col, value=text)
        cell.font = Font(name=FONT, size=11, bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = BORDER
    row_index = 5
    for values in compiled.appendix_table():
        for col, value in enumerate(values, 1):
            cell = sheet.cell(row=row_index, column=col, value=float(value) if hasattr(value, "as_tuple") else value)
            cell.font = Font(name=FONT, size=11)
            cell.border = BORDER
            cell.alignment = Alignment(wrap_text=col == 2, vertical="top", horizontal="left" if col == 2 else "center")
            if isinstance(cell.value, float):
                cell.number_format = INTEGER if float(cell.value).is_integer() else DECIMAL
        row_index += 1
    widths = [6, 48, 12, 12, *[10] * len(years), 12, 12, 12]
    for col, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(col)].width = width
    sheet.freeze_panes = "C5"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()

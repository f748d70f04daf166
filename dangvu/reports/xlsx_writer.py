"""The appendix table of a mid-term or term-end report as XLSX, in the layout of the examples: the same table as
the DOCX's (reports/appendix.py) with figures as numbers, printed A4 landscape with the two header lines
repeated on every page."""

import io
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from dangvu.reports.appendix import GROUP, VARIANT, AppendixTable
from dangvu.reports.compile import Compiled

THIN = Side(style="thin")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
FONT = "Times New Roman"
INTEGER = "#,##0"
DECIMAL = "#,##0.00"
HEADER_ROW = 6  # the first of the two header lines


def _number(value):
    if value is None:
        return None
    value = Decimal(value)
    return int(value) if value == value.to_integral_value() else float(value)


def _values(table: AppendixTable, row) -> list:
    if row.kind == GROUP:
        return [row.number, row.content, *[None] * (table.columns - 2)]
    years = row.years or [None] * len(table.year_labels)
    content = f"- {row.content}" if row.kind == VARIANT else row.content
    return [
        row.number or None,
        content,
        row.unit or None,
        _number(row.target),
        *map(_number, years),
        _number(row.total),
        _number(row.percent),
        row.remark or None,
    ]


def _title(sheet, row: int, text: str, last_col: str, **font) -> None:
    sheet.merge_cells(f"A{row}:{last_col}{row}")
    cell = sheet[f"A{row}"]
    cell.value = text
    cell.font = Font(name=FONT, size=13, **font)
    cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)


def _widths(table: AppendixTable) -> list[float]:
    """Each column as wide as its widest printed cell (a header wraps on at most three lines, never inside a
    word); the content column between 30 and 60 characters."""
    _top, bottom = table.header_rows()
    body = [table.cells(row) for row in table.rows if row.kind != GROUP]
    widths = []
    for col, header in enumerate(bottom):
        word = max((len(w) for w in header.split()), default=0)
        longest = max((len(cells[col]) for cells in body), default=0)
        widths.append(max(word, len(header) / 3, longest, 4) + 2)
    widths[1] = min(max(widths[1], 30), 60)
    return widths


def write_xlsx(compiled: Compiled) -> bytes:
    from dangvu.reports.docx_writer import appendix_of

    table = appendix_of(compiled)
    book = Workbook()
    sheet = book.active
    sheet.title = "Phụ lục"
    if table is None:
        out = io.BytesIO()
        book.save(out)
        return out.getvalue()
    last_col = get_column_letter(table.columns)
    sheet["A1"] = table.heading
    sheet["A1"].font = Font(name=FONT, size=13)
    _title(sheet, 2, "PHỤ LỤC", last_col, bold=True)
    _title(sheet, 3, table.title, last_col, bold=True)
    sheet.row_dimensions[3].height = 34
    _title(sheet, 4, table.attached_to, last_col, italic=True)

    top, bottom = table.header_rows()
    first, second = HEADER_ROW, HEADER_ROW + 1
    for col in range(1, table.columns + 1):
        for row, text in ((first, top[col - 1]), (second, bottom[col - 1])):
            cell = sheet.cell(row=row, column=col, value=text)
            cell.font = Font(name=FONT, size=11, bold=True)
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            cell.border = BORDER
    years = [i + 1 for i, (a, b) in enumerate(zip(top, bottom, strict=True)) if a != b]
    for col in range(1, table.columns + 1):
        if col not in years:
            sheet.cell(row=second, column=col).value = None
            sheet.merge_cells(start_row=first, start_column=col, end_row=second, end_column=col)
    if years:
        sheet.merge_cells(start_row=first, start_column=years[0], end_row=first, end_column=years[-1])
    sheet.row_dimensions[first].height = 30
    sheet.row_dimensions[second].height = 45

    for offset, data in enumerate(table.rows):
        row_index = second + 1 + offset
        for col, value in enumerate(_values(table, data), 1):
            cell = sheet.cell(row=row_index, column=col, value=value)
            cell.font = Font(name=FONT, size=11, bold=data.kind == GROUP)
            cell.border = BORDER
            horizontal = "left" if col in (2, table.columns) else "center"
            cell.alignment = Alignment(wrap_text=col == 2, vertical="top", horizontal=horizontal)
            if isinstance(value, int | float) and col > 3:
                cell.alignment = Alignment(vertical="top", horizontal="right")
                cell.number_format = INTEGER if isinstance(value, int) else DECIMAL

    for col, width in enumerate(_widths(table), 1):
        sheet.column_dimensions[get_column_letter(col)].width = width
    sheet.freeze_panes = sheet.cell(row=second + 1, column=3)
    sheet.print_title_rows = f"{first}:{second}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()

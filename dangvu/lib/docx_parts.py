"""The pieces every Word document of the house is made of (NĐ 30/2020, HD 36-HD/VPTW): an A4 page in Times New
Roman 14, runs and paragraphs in that font, centred table-cell lines, and the party heading (issuing body on
the left, "ĐẢNG CỘNG SẢN VIỆT NAM" and the place and date on the right).

Reports have their own writer (`reports/docx_writer.py`, with footnotes and appendices); minutes, ballots and
results reports are built from these parts."""

from collections.abc import Sequence

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

FONT = "Times New Roman"
PARTY_NAME = "ĐẢNG CỘNG SẢN VIỆT NAM"


def a4_document(*, top=25, bottom=25, left=35, right=15) -> Document:
    """An empty A4 portrait document with the margins in millimetres and Times New Roman 14 as its normal style."""
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    section.left_margin, section.right_margin = Mm(left), Mm(right)
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(14)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    return document


def add_run(paragraph, text: str, *, bold=False, italic=False, size=14, underline=False):
    run = paragraph.add_run(text)
    run.bold, run.italic, run.underline = bold, italic, underline
    run.font.size = Pt(size)
    run.font.name = FONT
    # Word picks the East Asian font slot for some Vietnamese letters unless it is set too.
    run._element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    return run


def add_paragraph(container, text: str = "", *, align=WD_ALIGN_PARAGRAPH.JUSTIFY, **style):
    paragraph = container.add_paragraph()
    paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(3)
    if text:
        add_run(paragraph, text, **style)
    return paragraph


def add_cell_line(cell, text: str, *, align=WD_ALIGN_PARAGRAPH.CENTER, **style):
    """A line in a table cell; the first line reuses the empty paragraph every new cell has."""
    fresh = not cell.paragraphs[0].text and len(cell.paragraphs) == 1
    paragraph = cell.paragraphs[0] if fresh else cell.add_paragraph()
    paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(0)
    add_run(paragraph, text, **style)
    return paragraph


def add_party_heading(document, *, issuer_lines: Sequence[tuple[str, bool]], place_date: str, size: float = 14) -> None:
    """The two-column heading: `issuer_lines` as (text, bold) on the left above a "*", the party's name
    underlined, a blank line and `place_date` in italics on the right."""
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = table.rows[0].cells
    for text, bold in issuer_lines:
        add_cell_line(left, text, bold=bold, size=size)
    add_cell_line(left, "*", size=size)
    add_cell_line(right, PARTY_NAME, bold=True, underline=True, size=15)
    add_cell_line(right, "")
    add_cell_line(right, place_date, italic=True, size=size)

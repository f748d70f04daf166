"""The party document format (HD 36-HD/VPTW, RULES.md §7) as a DOCX: heading block, number and symbol,
place and date, title, body with real footnotes, "Nơi nhận" and the signature block; Times New Roman,
A4, the handbook margins, page numbers from page 2."""

import io
from decimal import Decimal
from xml.sax.saxutils import escape

from django.conf import settings
from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Mm, Pt

from dangvu.lib.dates import format_place_date
from dangvu.lib.numbers import format_decimal, format_int
from dangvu.reports.compile import FOOTNOTE, Compiled

FONT = "Times New Roman"
FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def margins_mm() -> dict[str, int]:
    """Top 25, bottom 25, left 35, right 15 mm (handbook values; RULES.md marks them unconfirmed)."""
    return getattr(settings, "DANGVU_REPORT_MARGINS_MM", {"top": 25, "bottom": 25, "left": 35, "right": 15})


class Footnotes:
    """Collects footnote texts while the body is written, then adds word/footnotes.xml."""

    def __init__(self) -> None:
        self.texts: list[str] = []

    def reference(self, paragraph, text: str) -> None:
        self.texts.append(text)
        run = paragraph.add_run()
        r_pr = run._r.get_or_add_rPr()
        align = OxmlElement("w:vertAlign")
        align.set(qn("w:val"), "superscript")
        r_pr.append(align)
        ref = OxmlElement("w:footnoteReference")
        ref.set(qn("w:id"), str(len(self.texts)))
        run._r.append(ref)

    def attach(self, document) -> None:
        if not self.texts:
            return
        separator = (
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
            'w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
            '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
            'w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
        )
        notes = "".join(
            f'<w:footnote w:id="{n}"><w:p><w:pPr><w:jc w:val="both"/><w:spacing w:after="0"/></w:pPr>'
            f'<w:r><w:rPr><w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}"/><w:vertAlign w:val="superscript"/>'
            f'<w:sz w:val="24"/></w:rPr><w:footnoteRef/></w:r>'
            f'<w:r><w:rPr><w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}"/><w:sz w:val="24"/></w:rPr>'
            f'<w:t xml:space="preserve"> {escape(text)}</w:t></w:r></w:p></w:footnote>'
            for n, text in enumerate(self.texts, 1)
        )
        header = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        blob = f"{header}<w:footnotes {W_NS}>{separator}{notes}</w:footnotes>"
        part = Part(PackURI("/word/footnotes.xml"), FOOTNOTES_CT, blob.encode("utf-8"), document.part.package)
        document.part.relate_to(part, RT.FOOTNOTES)


def _set_font(run, size: float, *, bold: bool = False, italic: bool = False, underline: bool = False) -> None:
    run.font.name = FONT
    run.font.size = Pt(size)
    run.bold, run.italic, run.underline = bold, italic, underline
    r_fonts = run._r.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        r_fonts.set(qn(attr), FONT)


def _paragraph(
    container,
    text: str = "",
    *,
    size: float = 14,
    bold=False,
    italic=False,
    underline=False,
    align=WD_ALIGN_PARAGRAPH.LEFT,
    space_after: float = 0,
    indent_cm: float = 0,
    footnotes=None,
):
    p = container.add_paragraph()
    p.alignment = align
    fmt = p.paragraph_format
    fmt.space_after = Pt(space_after)
    fmt.space_before = Pt(0)
    if indent_cm:
        fmt.first_line_indent = Cm(indent_cm)
    pieces = FOOTNOTE.split(text) if footnotes is not None else [text]
    for index, piece in enumerate(pieces):
        if index % 2 == 1:
            footnotes.reference(p, piece)
            continue
        if piece:
            _set_font(p.add_run(piece), size, bold=bold, italic=italic, underline=underline)
    return p


def _fixed_widths(table, widths_cm: list[float]) -> None:
    """Word and LibreOffice honour cell widths only with a fixed layout and the width on every cell."""
    table.autofit = False
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)
    for column, width in zip(table.columns, widths_cm, strict=True):
        column.width = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm, strict=True):
            cell.width = Cm(width)


def _no_borders(table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = parse_xml(
        f"<w:tblBorders {nsdecls('w')}>"
        + "".join(f'<w:{edge} w:val="nil"/>' for edge in ("top", "left", "bottom", "right", "insideH", "insideV"))
        + "</w:tblBorders>"
    )
    tbl_pr.append(borders)


def issuing_body(compiled: Compiled) -> tuple[str, str]:
    """(higher body, issuing body) for the heading block, in capitals."""
    org = compiled.organization
    higher = getattr(settings, "DANGVU_HIGHER_BODY", "ĐẢNG BỘ TỈNH")
    if org is None:
        from dangvu.organizations.models import Organization

        org = Organization.objects.filter(depth=1).first()
    if org is not None and org.depth > 1:
        from dangvu.organizations.models import Organization

        parent = Organization.objects.get_parent(org)
        higher = _as_issuer(parent.name).upper() if parent else higher
    name = org.name if org else "Đảng ủy"
    return higher, _as_issuer(name).upper()


def _as_issuer(name: str) -> str:
    # The organization "Đảng bộ X" issues its documents as its executive committee, "Đảng ủy X".
    return "Đảng ủy" + name[len("Đảng bộ") :] if name.startswith("Đảng bộ") else name


def _heading_block(document, compiled: Compiled) -> None:
    higher, issuer = issuing_body(compiled)
    table = document.add_table(rows=1, cols=2)
    _no_borders(table)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _fixed_widths(table, [8.0, 8.0])
    left, right = table.rows[0].cells
    _set_font(left.paragraphs[0].add_run(higher), 13)
    left.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    _paragraph(left, issuer, size=13, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph(left, "*", align=WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph(left, f"Số {compiled.number}" if compiled.number else "Số       -BC/", align=WD_ALIGN_PARAGRAPH.CENTER)
    right.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    _set_font(right.paragraphs[0].add_run("ĐẢNG CỘNG SẢN VIỆT NAM"), 15, bold=True, underline=True)
    place = compiled.place or getattr(settings, "DANGVU_PLACE", "")
    if compiled.issued_on:
        place_date = format_place_date(compiled.issued_on, place)
    else:
        place_date = (
            f"{place}, ngày      tháng      năm {compiled.period.end.year}"
            if place
            else (f"ngày      tháng      năm {compiled.period.end.year}")
        )
    _paragraph(right, "", size=8)
    _paragraph(right, place_date, size=13, italic=True, align=WD_ALIGN_PARAGRAPH.CENTER)


def _page_numbers(section) -> None:
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run()
    _set_font(run, 14)
    for tag, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if tag:
            field = OxmlElement("w:fldChar")
            field.set(qn("w:fldCharType"), tag)
            run._r.append(field)
        else:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)


def _signature(document, compiled: Compiled) -> None:
    table = document.add_table(rows=1, cols=2)
    _no_borders(table)
    _fixed_widths(table, [8.0, 8.0])
    left, right = table.rows[0].cells
    p = left.paragraphs[0]
    _set_font(p.add_run("Nơi nhận:"), 12, bold=True, italic=True, underline=True)
    recipients = compiled.recipients or getattr(
        settings,
        "DANGVU_DEFAULT_RECIPIENTS",
        [
            "Thường trực Tỉnh ủy (b/c)",
            "Ban Tổ chức Tỉnh ủy (b/c)",
            "Các tổ chức cơ sở đảng trực thuộc",
            "Lưu Văn phòng",
        ],
    )
    for index, line in enumerate(recipients):
        end = "." if index == len(recipients) - 1 else ","
        _paragraph(left, f"- {line.rstrip(',.;')}{end}", size=12)
    right.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    _set_font(right.paragraphs[0].add_run(compiled.signing_for.upper()), 14, bold=True)
    _paragraph(right, compiled.signer_title.upper(), bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    for _ in range(4):
        _paragraph(right, "", align=WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph(right, compiled.signer_name, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)


def _value(value) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal) and value != value.to_integral_value():
        return format_decimal(value)
    return format_int(int(value))


def _appendix(document, compiled: Compiled) -> None:
    if not compiled.appendix:
        return
    new_section = document.add_section(WD_SECTION.NEW_PAGE)
    new_section.orientation = 1
    new_section.page_width, new_section.page_height = Mm(297), Mm(210)
    _paragraph(document, "PHỤ LỤC", size=14, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph(
        document,
        compiled.appendix_subtitle,
        size=13,
        italic=True,
        align=WD_ALIGN_PARAGRAPH.CENTER,
        space_after=6,
    )
    headers = compiled.appendix_headers
    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        _set_font(cell.paragraphs[0].add_run(text), 11, bold=True)
    for values in compiled.appendix_table():
        percent = values[-2]
        values[3:-2] = map(_value, values[3:-2])
        values[-2] = format_decimal(percent) if percent is not None else ""
        cells = table.add_row().cells
        for index, (cell, text) in enumerate(zip(cells, values, strict=True)):
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.LEFT if index == 1 else WD_ALIGN_PARAGRAPH.CENTER
            _set_font(cell.paragraphs[0].add_run(str(text)), 11)


def write_docx(compiled: Compiled) -> bytes:
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    margins = margins_mm()
    section.top_margin, section.bottom_margin = Mm(margins["top"]), Mm(margins["bottom"])
    section.left_margin, section.right_margin = Mm(margins["left"]), Mm(margins["right"])
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(14)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    _page_numbers(section)
    footnotes = Footnotes()

    _heading_block(document, compiled)
    _paragraph(document, "", size=10)
    _paragraph(document, compiled.doc_type, size=16, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph(document, compiled.subject, size=14, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph(document, "-----", size=14, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=6)

    for part in compiled.sections:
        _paragraph(
            document,
            part.heading,
            size=14,
            bold=True,
            align=WD_ALIGN_PARAGRAPH.JUSTIFY,
            indent_cm=1 if part.level == 2 else 0,
            space_after=3,
        )
        for text in [t.strip() for t in part.text.split("\n\n") if t.strip()]:
            _paragraph(
                document,
                " ".join(text.split()),
                size=14,
                align=WD_ALIGN_PARAGRAPH.JUSTIFY,
                indent_cm=1,
                space_after=3,
                footnotes=footnotes,
            )
    _paragraph(document, "", size=8)
    _signature(document, compiled)
    _appendix(document, compiled)
    footnotes.attach(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()

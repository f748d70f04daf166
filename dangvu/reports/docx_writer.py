"""The party document format (HD 36-HD/VPTW, RULES.md §7) as a DOCX: heading block, number and symbol,
place and date, title, body with real footnotes, "Nơi nhận" and the signature block; Times New Roman,
A4, the handbook margins, page numbers from page 2."""

import io
from xml.sax.saxutils import escape

from django.conf import settings
from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Mm, Pt

from dangvu.lib.dates import format_place_date, format_short
from dangvu.reports.appendix import AppendixTable, appendix_table
from dangvu.reports.compile import FOOTNOTE, Compiled

FONT = "Times New Roman"
FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
BLANK = "\u00a0" * 6  # where the office writes the number in by hand; no-break spaces keep their width
ROOT_SIGNING_FOR = "T/M BAN THƯỜNG VỤ"
DEFAULT_RECIPIENTS = [
    "Thường trực Tỉnh ủy (b/c)",
    "Ban Tổ chức Tỉnh ủy (b/c)",
    "Các tổ chức cơ sở đảng trực thuộc",
    "Lưu Văn phòng",
]
BASE_RECIPIENTS = ["{higher} (b/c)", "{subordinates}", "Lưu"]


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
        run._r.append(parse_xml(f"<w:rPr {nsdecls('w')}>{REFERENCE_RPR}</w:rPr>"))
        ref = OxmlElement("w:footnoteReference")
        ref.set(qn("w:id"), str(len(self.texts)))
        run._r.append(ref)

    def attach(self, document) -> None:
        if not self.texts:
            return
        _footnote_styles(document)
        separator = (
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
            'w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
            '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
            'w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
        )
        notes = "".join(
            f'<w:footnote w:id="{n}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/><w:spacing w:after="0"/>'
            f'<w:jc w:val="both"/></w:pPr>'
            f"<w:r><w:rPr>{REFERENCE_RPR}</w:rPr><w:footnoteRef/></w:r>"
            f'<w:r><w:rPr><w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}"/><w:sz w:val="24"/></w:rPr>'
            f'<w:t xml:space="preserve"> {escape(text)}</w:t></w:r></w:p></w:footnote>'
            for n, text in enumerate(self.texts, 1)
        )
        header = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        blob = f"{header}<w:footnotes {W_NS}>{separator}{notes}</w:footnotes>"
        part = Part(PackURI("/word/footnotes.xml"), FOOTNOTES_CT, blob.encode("utf-8"), document.part.package)
        document.part.relate_to(part, RT.FOOTNOTES)


REFERENCE_RPR = '<w:rStyle w:val="FootnoteReference"/><w:vertAlign w:val="superscript"/>'


def _footnote_styles(document) -> None:
    """Word's own footnote styles: the number is superscript both in the text and before the note (LibreOffice
    takes the number in the note area from the "footnote reference" style, not from the run)."""
    styles = document.styles.element
    styles.append(
        parse_xml(
            f'<w:style {nsdecls("w")} w:type="character" w:styleId="FootnoteReference">'
            '<w:name w:val="footnote reference"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
            f'<w:rPr><w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}"/><w:vertAlign w:val="superscript"/>'
            "</w:rPr></w:style>"
        )
    )
    styles.append(
        parse_xml(
            f'<w:style {nsdecls("w")} w:type="paragraph" w:styleId="FootnoteText">'
            '<w:name w:val="footnote text"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
            '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
            f'<w:rPr><w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}"/><w:sz w:val="24"/>'
            '<w:szCs w:val="24"/></w:rPr></w:style>'
        )
    )


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
    table.autofit = False  # <w:tblLayout w:type="fixed"/>
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


def organization_of(compiled: Compiled):
    """The organization whose report it is: the compiled one, or the top committee for the whole tree."""
    if compiled.organization is not None:
        return compiled.organization
    from dangvu.organizations.models import Organization

    return Organization.objects.filter(depth=1, deleted_at__isnull=True).first()


def _parent(org):
    from dangvu.organizations.models import Organization

    return Organization.objects.get_parent(org) if org is not None and org.depth > 1 else None


def issuing_body(compiled: Compiled) -> tuple[str, str]:
    """(higher body, issuing body) for the heading block, in capitals, as HD 36 writes them: the body above is
    named as the party organization ("ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH"), the issuer as the committee that signs
    ("ĐẢNG ỦY SỞ TÀI CHÍNH"; a cell signs as itself, "CHI BỘ ...")."""
    org = organization_of(compiled)
    parent = _parent(org)
    higher = parent.name.upper() if parent else getattr(settings, "DANGVU_HIGHER_BODY", "ĐẢNG BỘ TỈNH")
    return higher, _as_issuer(org.name if org else "Đảng ủy").upper()


def _as_issuer(name: str) -> str:
    # The organization "Đảng bộ X" issues its documents as its executive committee, "Đảng ủy X".
    return "Đảng ủy" + name[len("Đảng bộ") :] if name.startswith("Đảng bộ") else name


def document_symbol(org) -> str:
    """The issuer's symbol after the type in "Số 161-BC/ĐUK": the configured one (documents app), else the short
    name when it is a symbol, else what base organizations sign with (ĐU for a base party committee, CB for
    a cell)."""
    from dangvu.documents.models import IssuerSymbol
    from dangvu.organizations.models import OrganizationKind

    if org is None:
        return ""
    configured = IssuerSymbol.objects.filter(organization=org).values_list("symbol", flat=True).first()
    if configured:
        return configured
    if org.short_name and " " not in org.short_name and "/" not in org.short_name:
        return org.short_name
    if org.kind == OrganizationKind.BASE_PARTY_COMMITTEE:
        return "ĐU"
    if org.kind in (OrganizationKind.BASE_CELL, OrganizationKind.CELL):
        return "CB"
    return org.code


def number_line(compiled: Compiled) -> str:
    """ "Số 161-BC/ĐUK", or before a number is taken the blank the office fills in: "Số      -BC/ĐUK"."""
    if compiled.number:
        return f"Số {compiled.number}"
    return f"Số {BLANK}-BC/{document_symbol(organization_of(compiled))}"


def default_signing_for(org) -> str:
    """Who signs on behalf of whom: the committee "T/M BAN THƯỜNG VỤ", a base party committee "T/M ĐẢNG ỦY",
    a cell "T/M CHI BỘ"."""
    from dangvu.organizations.models import OrganizationKind

    if org is None or org.kind in (OrganizationKind.COMMITTEE, OrganizationKind.SUB_COMMITTEE):
        return ROOT_SIGNING_FOR
    return "T/M ĐẢNG ỦY" if org.kind == OrganizationKind.BASE_PARTY_COMMITTEE else "T/M CHI BỘ"


def signing_for(compiled: Compiled) -> str:
    """The signing line of the draft; the committee's default "T/M BAN THƯỜNG VỤ" (all a document compiled
    without a draft has) becomes the organization's own (a line staff changed is kept)."""
    if compiled.signing_for != ROOT_SIGNING_FOR:
        return compiled.signing_for
    return default_signing_for(organization_of(compiled))


def recipients(compiled: Compiled) -> list[str]:
    """ "Nơi nhận": the draft's own list; else the committee's (DANGVU_DEFAULT_RECIPIENTS), or for a base
    organization's own report its own (DANGVU_BASE_RECIPIENTS: {higher} is the committee above it, and the line
    {subordinates} names its cells when it has any)."""
    if compiled.recipients:
        return compiled.recipients
    org = organization_of(compiled)
    parent = _parent(org)
    if parent is None:
        return list(getattr(settings, "DANGVU_DEFAULT_RECIPIENTS", DEFAULT_RECIPIENTS))
    from dangvu.organizations.models import OrganizationKind

    higher = _as_issuer(parent.name)
    if parent.kind == OrganizationKind.COMMITTEE:
        higher = f"Ban Thường vụ {higher}"
    lines = []
    for line in getattr(settings, "DANGVU_BASE_RECIPIENTS", BASE_RECIPIENTS):
        if "{subordinates}" in line:
            if not org.numchild:
                continue
            line = line.replace("{subordinates}", "Các chi bộ trực thuộc")
        lines.append(line.replace("{higher}", higher))
    return lines


def _heading_block(document, compiled: Compiled) -> None:
    higher, issuer = issuing_body(compiled)
    table = document.add_table(rows=1, cols=2)
    _no_borders(table)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    # Wider than the text column by the indent: the committee's name fits on one line, as the examples print it.
    _fixed_widths(table, [8.6, 8.4])
    indent = OxmlElement("w:tblInd")
    indent.set(qn("w:w"), str(int(-1.0 / 2.54 * 1440)))
    indent.set(qn("w:type"), "dxa")
    table._tbl.tblPr.append(indent)
    left, right = table.rows[0].cells
    _set_font(left.paragraphs[0].add_run(higher), 13)
    left.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    _paragraph(left, issuer, size=13, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph(left, "*", align=WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph(left, number_line(compiled), align=WD_ALIGN_PARAGRAPH.CENTER)
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
    _row_properties(table.rows[0])  # the signature block is never split across pages
    left, right = table.rows[0].cells
    p = left.paragraphs[0]
    _set_font(p.add_run("Nơi nhận:"), 12, bold=True, italic=True, underline=True)
    lines = recipients(compiled)
    for index, line in enumerate(lines):
        end = "." if index == len(lines) - 1 else ","
        _paragraph(left, f"- {line.rstrip(',.;')}{end}", size=12)
    right.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    _set_font(right.paragraphs[0].add_run(signing_for(compiled).upper()), 14, bold=True)
    _paragraph(right, compiled.signer_title.upper(), bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    for _ in range(4):
        _paragraph(right, "", align=WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph(right, compiled.signer_name, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)


def appendix_of(compiled: Compiled) -> AppendixTable | None:
    """The appendix table of a term report with targets, headed and attached to this report as offices do."""
    if not compiled.appendix:
        return None
    org = organization_of(compiled)
    name = org.name if org else "Đảng bộ"
    number = compiled.number or f"{BLANK}-BC/{document_symbol(org)}"
    on = format_short(compiled.issued_on) if compiled.issued_on else f"{BLANK}/{BLANK}/{compiled.period.end.year}"
    author = name if name.startswith("Chi bộ") else f"Ban Chấp hành {name}"
    return appendix_table(
        compiled,
        name=name,
        heading=name.upper(),
        attached_to=f"(Kèm theo Báo cáo số {number} ngày {on} của {author})",
    )


APPENDIX_MARGINS_MM = {"top": 20, "bottom": 15, "left": 20, "right": 15}
APPENDIX_FONT_SIZE = 11


def _text_width_cm(text: str, size: float = APPENDIX_FONT_SIZE, *, bold: bool = False) -> float:
    # Times' average advance is about half an em for digits and small letters; capitals and bold are wider.
    em_cm = size / 72 * 2.54
    width = sum(0.62 if ch.isupper() else 0.5 for ch in text) * em_cm
    return width * (1.07 if bold else 1.0)


def appendix_widths(table: AppendixTable, usable_cm: float) -> list[float]:
    """Column widths fitted to their content: each figure column as wide as its widest figure (and the longest
    word of its header), the content column what is left (within bounds), any rest spread over the figures."""
    padding = 0.4  # the cell's left and right margins
    header_top, header_bottom = table.header_rows()
    body = [table.cells(row) for row in table.rows]
    widths = []
    for column in range(table.columns):
        header = header_bottom[column]
        # A header wraps on at most four lines, and never inside a word.
        word = max((_text_width_cm(w, bold=True) for w in header.split()), default=0)
        word = max(word, _text_width_cm(header, bold=True) / 4)
        texts = [cells[column] for cells, row in zip(body, table.rows, strict=True) if row.kind != "group"]
        figure = max((_text_width_cm(text) for text in texts), default=0)
        widths.append(max(word, figure, 0.8) + padding)
    widths[0] = max(widths[0], _text_width_cm("VIII", bold=True) + padding)
    widths[-1] = max(widths[-1], _text_width_cm("Chưa đạt") + padding)
    others = sum(widths) - widths[1]
    content = min(max(usable_cm - others, 7.0), 11.0)
    widths[1] = content
    rest = usable_cm - sum(widths)
    if rest > 0:
        figures = [i for i in range(table.columns) if i != 1]
        for i in figures:
            widths[i] += rest / len(figures)
    return [round(w, 2) for w in widths]


def _row_properties(row, *, header: bool = False) -> None:
    """A row is never split across pages; header rows repeat on each page."""
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))
    if header:
        tr_pr.append(OxmlElement("w:tblHeader"))


def _cell_text(cell, text: str, *, bold: bool = False, align=WD_ALIGN_PARAGRAPH.CENTER) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(0)
    if text:
        _set_font(paragraph.add_run(text), APPENDIX_FONT_SIZE, bold=bold)


def _appendix(document, compiled: Compiled) -> None:
    table_data = appendix_of(compiled)
    if table_data is None:
        return
    section = document.add_section(WD_SECTION.NEW_PAGE)
    _quiet_section_break(document)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.top_margin, section.bottom_margin = Mm(APPENDIX_MARGINS_MM["top"]), Mm(APPENDIX_MARGINS_MM["bottom"])
    section.left_margin, section.right_margin = Mm(APPENDIX_MARGINS_MM["left"]), Mm(APPENDIX_MARGINS_MM["right"])
    _paragraph(document, table_data.heading, size=13)
    _paragraph(document, "PHỤ LỤC", size=14, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    for line in table_data.title_lines:
        _paragraph(document, line, size=13, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph(document, table_data.attached_to, size=13, italic=True, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=6)

    top, bottom = table_data.header_rows()
    table = document.add_table(rows=2, cols=table_data.columns)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    usable = (297 - APPENDIX_MARGINS_MM["left"] - APPENDIX_MARGINS_MM["right"]) / 10
    widths = appendix_widths(table_data, usable)
    for _ in table_data.rows:
        table.add_row()
    _fixed_widths(table, widths)
    years = [i for i, (a, b) in enumerate(zip(top, bottom, strict=True)) if a != b]
    for column in range(table_data.columns):
        if column in years:
            _cell_text(table.cell(1, column), bottom[column], bold=True)
        else:
            _cell_text(table.cell(0, column).merge(table.cell(1, column)), top[column], bold=True)
    if years:
        _cell_text(table.cell(0, years[0]).merge(table.cell(0, years[-1])), top[years[0]], bold=True)
    for row in table.rows[:2]:
        _row_properties(row, header=True)
    _header_heights(table, top, bottom, widths, years)
    for row, data in zip(table.rows[2:], table_data.rows, strict=True):
        _row_properties(row)
        bold = data.kind == "group"
        for column, (cell, text) in enumerate(zip(row.cells, table_data.cells(data), strict=True)):
            align = WD_ALIGN_PARAGRAPH.LEFT if column in (1, table_data.columns - 1) else WD_ALIGN_PARAGRAPH.CENTER
            if column not in (0, 1, 2, table_data.columns - 1):
                align = WD_ALIGN_PARAGRAPH.RIGHT
            _cell_text(cell, text, bold=bold, align=align)
            # A group's row or a target's own row above its variants stays on the page of the row after it
            # (Word keeps a row whose paragraphs all keep with the next).
            cell.paragraphs[0].paragraph_format.keep_with_next = data.kind == "group" or not data.unit


def _lines(text: str, width_cm: float) -> int:
    """How many lines a bold header takes in a cell of this width (words wrapped greedily)."""
    lines, used = 1, 0.0
    space = _text_width_cm(" ", bold=True)
    for word in text.split():
        width = _text_width_cm(word, bold=True)
        if used and used + space + width > width_cm - 0.4:
            lines, used = lines + 1, width
        else:
            used += (space if used else 0) + width
    return lines


def _header_heights(table, top: list[str], bottom: list[str], widths: list[float], years: list[int]) -> None:
    """Both header lines get their height: LibreOffice repeats a header whose cells span its two rows with
    the rows' own heights, cutting what does not fit."""
    line_cm = APPENDIX_FONT_SIZE * 1.17 / 72 * 2.54
    spanning = max(_lines(top[i], widths[i]) for i in range(len(top)) if i not in years)
    first = max((_lines(top[i], sum(widths[j] for j in years)) for i in years[:1]), default=1)
    second = max((_lines(bottom[i], widths[i]) for i in years), default=1)
    second = max(second, spanning - first)
    for row, lines in zip(table.rows[:2], (first, second), strict=True):
        height = OxmlElement("w:trHeight")
        height.set(qn("w:val"), str(int((lines * line_cm + 0.1) / 2.54 * 1440)))
        height.set(qn("w:hRule"), "atLeast")
        row._tr.get_or_add_trPr().append(height)


def _quiet_section_break(document) -> None:
    """The paragraph that carries a section break takes no room: it can never push a blank page."""
    paragraph = document.element.body.xpath("./w:p[w:pPr/w:sectPr]")[-1]
    p_pr = paragraph.get_or_add_pPr()
    spacing = OxmlElement("w:spacing")
    for attr, value in (("w:before", "0"), ("w:after", "0"), ("w:line", "20"), ("w:lineRule", "exact")):
        spacing.set(qn(attr), value)
    r_pr = parse_xml(f'<w:rPr {nsdecls("w")}><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr>')
    p_pr.insert(0, spacing)
    p_pr.sectPr.addprevious(r_pr)


TBL_PR_ORDER = [
    qn(f"w:{tag}")
    for tag in (
        "tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize", "tblW", "jc",
        "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook", "tblCaption",
        "tblDescription",
    )
]  # fmt: skip


def _schema_order(document) -> None:
    """Table properties in the order the schema gives them: Word refuses a file whose order differs."""
    for tbl_pr in document.element.body.iter(qn("w:tblPr")):
        children = sorted(tbl_pr, key=lambda e: TBL_PR_ORDER.index(e.tag) if e.tag in TBL_PR_ORDER else 99)
        for child in children:
            tbl_pr.append(child)


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
    if compiled.provisional:
        _paragraph(document, compiled.provisional.upper(), size=13, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph(document, compiled.doc_type, size=16, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph(document, compiled.subject, size=14, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph(document, "-----", size=14, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=6)

    for part in compiled.sections:
        heading = _paragraph(
            document,
            part.heading,
            size=14,
            bold=True,
            align=WD_ALIGN_PARAGRAPH.JUSTIFY,
            indent_cm=1 if part.level == 2 else 0,
            space_after=3,
        )
        heading.paragraph_format.keep_with_next = True  # a heading never ends a page
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
    _schema_order(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()

"""Reports with planted errors, built at test time as .txt, .docx (real Word footnotes) and .pdf."""

import io
import os
import zipfile
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[4] / "shared" / "examples"
CHECKER_DIR = Path(__file__).resolve().parents[1]


def require_examples() -> Path:
    """The real reports in ../shared/examples. Missing on a developer's machine: the test is skipped; missing
    in CI (`CI` set, as every CI service does): the test fails, so a checkout without them cannot pass."""
    if EXAMPLES.is_dir():
        return EXAMPLES
    message = f"{EXAMPLES} is missing: check out the shared repository beside this one (../shared)"
    if os.environ.get("CI", "").lower() not in ("", "0", "false", "no"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def ensure_catalogue() -> None:
    """Compile checker's vi catalogue if the .mo is missing or stale (*.mo is not committed)."""
    import polib
    from django.utils import translation
    from django.utils.translation import trans_real

    po_path = CHECKER_DIR / "locale" / "vi" / "LC_MESSAGES" / "django.po"
    mo_path = po_path.with_suffix(".mo")
    if not mo_path.exists() or mo_path.stat().st_mtime < po_path.stat().st_mtime:
        polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
        trans_real._translations = {}  # forget catalogues loaded before the .mo existed
        trans_real._default = None
        translation.deactivate()


# Each planted error: (paragraph text, footnotes it uses). The comment says what is wrong.
PARAGRAPHS = [
    "I. K T QUẢ C NG TÁC NĂM 2023",  # heading with dropped letters (legacy font)
    "1. Công tác chính trị tƣ tƣởng",  # ƣ is repaired to ư, silently
    # 1.967 / 2.000 = 98,35%, not 98,5%
    "Năm 2023, toàn Đảng bộ kết nạp 1.967 đảng viên mới, đạt 98,5% so với chỉ tiêu 2.000 đảng viên.",
    # 51.602 / 57.012 = 90,51%, not 92,5%
    "Toàn tỉnh có 51.602/57.012 (đạt 92,5%) đảng viên đăng ký tài khoản Sổ tay đảng viên điện tử.",
    # footnote 1 lists 12 + 23 = 35, not 36
    "Thực hiện chế độ chính sách, nâng bậc lương cho 36 trường hợp[1]; chuyển ngạch đối với 29 trường hợp.",
    # 04 + 01 = 05, not 06
    "Đề nghị tặng Huy hiệu Đảng cho 06 đồng chí (04 đồng chí 30 năm tuổi Đảng, 01 đồng chí 40 năm tuổi Đảng).",
    # April has 30 days
    "Ban Thường vụ ban hành Hướng dẫn số 11-HD/TU ngày 31/4/2023 về kết nạp đảng viên là học sinh, sinh viên.",
    # 2021 - 1930 = 91, not 92
    "Tuyên truyền kỷ niệm 92 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2021).",
    "Trong năm, Ban Thường vụ đã luân chuyển 05 cán bộ trẻ về cơ sở theo kế hoạch.",
    # the same quantity as the paragraph above, with another value
    "Đánh giá chung: Ban Thường vụ đã luân chuyển 06 cán bộ trẻ về cơ sở theo kế hoạch.",
    # correct sentences that must raise nothing
    "Tổng số đảng viên 2.712 đồng chí, trong đó nữ 1.076 đồng chí; kiểm tra 7/8 cơ quan, 12/13 văn phòng.",
    "Kỷ niệm 48 năm Ngày giải phóng hoàn toàn miền Nam (30/4/1975 - 30/4/2023); 5 năm liền (2018 - 2022).",
]
FOOTNOTES = {"1": "Trước thời hạn (12); thường xuyên (23)."}

# fmt: off
APPENDIX = [
    [
        "TT",
        "Chỉ tiêu",
        "Đơn vị tính",
        "Chỉ tiêu Nghị quyết",
        "Kết quả thực hiện",
        "",
        "",
        "",
        "",
        "Tỷ lệ % so",
        "Ghi chú",
    ],
    ["", "", "", "", "Năm 2020", "Năm 2021", "Năm 2022", "6 tháng đầu năm 2023", "Tổng cộng", "với chỉ tiêu", ""],
    ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"],
    ["I", "CÔNG TÁC TỔ CHỨC XÂY DỰNG ĐẢNG", "", "", "", "", "", "", "", "", ""],
    [
        "1",
        "Kết nạp đảng viên mới",
        "đảng viên",
        "9.120",
        "1.905",
        "2.010",
        "2.103",
        "1.243",
        "7.261",
        "79,62",
        "Chưa đạt",
    ],
    # 5 + 6 + 4 + 2 = 17, not 18
    ["2", "Thành lập tổ chức cơ sở đảng", "tổ chức", "20", "5", "6", "4", "2", "18", "90,00", "Chưa đạt"],
    # 1.080 / 1.000 = 108,00%, not 110,00%
    ["3", "Đảng viên được kiểm tra", "đảng viên", "1.000", "300", "310", "320", "150", "1.080", "110,00", "Vượt"],
    # a rate: its total is not a sum, it is not checked
    ["4", "Tỷ lệ tổ chức cơ sở đảng hoàn thành", "%", "90", "92,5", "93", "95", "", "", "", ""],
    ["", "tốt nhiệm vụ trở lên", "", "", "", "", "", "", "", "", ""],
    # a stock: the total is the latest count, not a sum
    ["5", "Số tổ chức cơ sở đảng", "tổ chức", "70", "68", "70", "71", "71", "71", "101,43", "Vượt"],
    # 90% of the target, yet the remark says "Đạt"
    ["6", "Kết nạp đảng viên ngoài khu vực nhà nước", "đảng viên", "100", "30", "30", "20", "10", "90", "90,00",
     "Đạt"],
]
# fmt: on
BREAKDOWN = [
    ["TT", "Nội dung", "Số lượng"],
    # 6 + 3 = 9, not 10
    ["1", "Đảng viên bị kỷ luật, chia ra:", "10"],
    ["1.1", "Khiển trách", "6"],
    ["1.2", "Cảnh cáo", "3"],
    # "trong đó" names only some parts: not checked
    ["2", "Đảng viên mới, trong đó:", "52"],
    ["2.1", "Nữ", "20"],
    ["2.2", "Dân tộc thiểu số", "5"],
]
TOTALS = [
    ["Đơn vị", "Số đảng viên", "Kết nạp"],
    ["Chi bộ Văn phòng", "120", "5"],
    ["Chi bộ Thanh tra", "80", "3"],
    # 5 + 3 = 8, not 9
    ["Tổng cộng", "200", "9"],
]

# (kind, found, expected) of every planted error; tables are numbered in the order above.
PLANTED = {
    ("repair", "I. K T QUẢ C NG TÁC NĂM 2023", None),
    ("percent", "98,5%", "98,35%"),
    ("percent", "92,5%", "90,51%"),
    ("mismatch", "36", "35"),
    ("sum", "06", "5"),
    ("date", "31/4/2023", None),
    ("anniversary", "92", "91"),
    ("mismatch", "06", "05"),
    ("sum", "18", "17"),
    ("percent", "110,00", "108,00"),
    ("remark", "Đạt", None),
    ("sum", "10", "9"),
    ("sum", "9", "8"),
}


def planted_key(finding) -> tuple:
    """(kind, the figure as written, the figure expected) of a finding, comparable with PLANTED."""
    found = finding.found
    expected = finding.expected
    if finding.kind == "anniversary":
        found = found.split()[0]
        expected = expected.split()[0]
    if finding.kind in {"repair", "date", "remark"}:
        expected = None
    return (finding.kind, _figure(found), expected if expected is None else _figure(expected))


def _figure(text: str) -> str:
    return text.strip()


def planted_text() -> str:
    """The report as extracted text: paragraphs, footnotes as superscripts, tables as tab-separated rows."""
    sup = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
    parts = []
    for text in PARAGRAPHS:
        for label in FOOTNOTES:
            text = text.replace(f"[{label}]", label.translate(sup))
        parts.append(text)
    parts.append("Phụ lục: Kết quả thực hiện các chỉ tiêu")
    rows = APPENDIX[:6] + [["", ""], APPENDIX[0], APPENDIX[1]] + APPENDIX[6:]  # a page break repeats the header
    parts.append("\n".join("\t".join(r) for r in rows if r != ["", ""]) + "\n\n12")
    parts.append("\n".join("\t".join(r) for r in BREAKDOWN))
    parts.append("\n".join("\t".join(r) for r in TOTALS))
    parts += [f"{label.translate(sup)} {text}" for label, text in FOOTNOTES.items()]
    return "\n\n".join(parts) + "\n"


# ---------------------------------------------------------------- DOCX

_FOOTNOTES_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
    "</w:footnote>{notes}</w:footnotes>"
)


def planted_docx() -> bytes:
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    notes = []
    for text in PARAGRAPHS:
        paragraph = document.add_paragraph()
        pieces = text.split("[1]")
        for i, piece in enumerate(pieces):
            paragraph.add_run(piece)
            if i < len(pieces) - 1:
                run = paragraph.add_run()
                properties = OxmlElement("w:rPr")
                align = OxmlElement("w:vertAlign")
                align.set(qn("w:val"), "superscript")
                properties.append(align)
                run._r.append(properties)
                reference = OxmlElement("w:footnoteReference")
                reference.set(qn("w:id"), "1")
                run._r.append(reference)
    notes.append(f'<w:footnote w:id="1"><w:p><w:r><w:t>{FOOTNOTES["1"]}</w:t></w:r></w:p></w:footnote>')
    document.add_paragraph("Phụ lục: Kết quả thực hiện các chỉ tiêu")
    for rows, merge in ((APPENDIX, True), (BREAKDOWN, False), (TOTALS, False)):
        table = document.add_table(rows=0, cols=len(rows[0]))
        for cells in rows:
            row = table.add_row()
            for cell, text in zip(row.cells, cells, strict=True):
                cell.text = text
        if merge:  # "Kết quả thực hiện" spans the five result columns, as Word tables do
            table.cell(0, 4).merge(table.cell(0, 8))
            table.cell(0, 4).text = "Kết quả thực hiện"
    buffer = io.BytesIO()
    document.save(buffer)
    return _add_footnotes_part(buffer.getvalue(), _FOOTNOTES_XML.format(notes="".join(notes)))


def _add_footnotes_part(data: bytes, footnotes_xml: str) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                content = content.replace(
                    b"</Types>",
                    b'<Override PartName="/word/footnotes.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>',
                )
            elif item.filename == "word/_rels/document.xml.rels":
                content = content.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdFootnotes" Type="http://schemas.openxmlformats.org/officeDocument/'
                    b'2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>',
                )
            target.writestr(item, content)
        target.writestr("word/footnotes.xml", footnotes_xml.encode("utf-8"))
    return out.getvalue()


# ---------------------------------------------------------------- PDF

FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
]


def vietnamese_font() -> str | None:
    return next((path for path in FONT_CANDIDATES if Path(path).exists()), None)


def planted_pdf() -> bytes:
    """Body in 12 pt, footnote markers raised in 7 pt, footnotes in 9 pt at the foot, ruled tables."""
    import textwrap

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("Body", vietnamese_font()))
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    width, height = A4
    left = 50
    y = height - 60

    def marker_line(line: str, y: float) -> None:
        x = left
        for i, piece in enumerate(line.split("[1]")):
            if i:
                pdf.setFont("Body", 7)
                pdf.drawString(x, y + 5, "1")
                x += pdfmetrics.stringWidth("1", "Body", 7)
            pdf.setFont("Body", 12)
            pdf.drawString(x, y, piece)
            x += pdfmetrics.stringWidth(piece, "Body", 12)

    for text in PARAGRAPHS:
        for line in textwrap.wrap(text, 85):
            marker_line(line, y)
            y -= 17
        y -= 6
    pdf.line(left, 80, left + 150, 80)
    pdf.setFont("Body", 6)
    pdf.drawString(left, 66, "1")
    pdf.setFont("Body", 9)
    pdf.drawString(left + 6, 62, FOOTNOTES["1"])
    pdf.showPage()

    y = height - 60
    for rows, widths in (
        (APPENDIX, [18, 120, 40, 40, 36, 36, 36, 40, 40, 45, 40]),
        (BREAKDOWN, [30, 200, 60]),
        (TOTALS, [150, 80, 60]),
    ):
        y = _draw_table(pdf, rows, widths, left, y) - 30
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _draw_table(pdf, rows: list[list[str]], widths: list[int], left: float, top: float) -> float:
    from reportlab.pdfbase import pdfmetrics

    row_height = 16
    xs = [left]
    for w in widths:
        xs.append(xs[-1] + w)
    ys = [top - i * row_height for i in range(len(rows) + 1)]
    pdf.grid(xs, ys)
    size = 5.5
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            pdf.setFont("Body", size)
            while text and pdfmetrics.stringWidth(text, "Body", size) > widths[c] - 3:
                text = text[:-1]
            pdf.drawString(xs[c] + 1.5, ys[r] - row_height + 5, text)
    return ys[-1]

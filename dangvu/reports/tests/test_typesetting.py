"""Issue 16 points 4 (layout), 5 and 6: the report is typeset like the office's own."""

import datetime as dt
import io
import re
import shutil
import unicodedata
import zipfile
from decimal import Decimal

import pytest

from dangvu.reports.compile import CompiledSection, compile_report
from dangvu.reports.docx_writer import BLANK, write_docx
from dangvu.reports.periods import Kind
from dangvu.reports.xlsx_writer import write_xlsx
from dangvu.targets.models import Aggregation, ManualActual, Target, TargetGroup, TargetVariant, Term

pytestmark = pytest.mark.django_db
D = dt.date
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# The Vietnamese alphabet (with f, j, w, z of borrowed words) and the five tone marks on every vowel.
LETTERS = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
VOWELS = "aăâeêioôơuưy"
TONES = "\u0300\u0301\u0309\u0303\u0323"  # huyền, sắc, hỏi, ngã, nặng


def vietnamese_letters() -> str:
    toned = [unicodedata.normalize("NFC", vowel + tone) for vowel in VOWELS for tone in TONES]
    lower = LETTERS + "".join(toned)
    return lower + lower.upper()


def test_the_alphabet_covers_every_letter_and_tone():
    letters = vietnamese_letters()
    assert len(letters) == 2 * (33 + 12 * 5)
    assert all(len(ch) == 1 for ch in letters) and {"ế", "ổ", "Ủ", "ỵ", "Ỹ", "đ", "Đ"} <= set(letters)


needs_soffice = pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is installed by make setup")


def _pdf(docx: bytes) -> bytes:
    from dangvu.reports.pdf import docx_to_pdf

    return docx_to_pdf(docx)


def _chars(pdf: bytes) -> list[dict]:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return [dict(ch, page=n) for n, page in enumerate(document.pages) for ch in page.chars]


def _family(char: dict) -> str:
    return char["fontname"].split("+", 1)[-1].split("-")[0]


@needs_soffice
def test_every_vietnamese_letter_in_every_tone_and_style_is_set_in_the_report_font_without_fallback(personas):
    """Liberation Serif 1.x lacks ế, ổ, Ủ...: LibreOffice took them from another typeface. fonts-liberation2
    (scripts/setup.sh) has them all, with the metrics of Times New Roman."""
    letters = vietnamese_letters()
    compiled = compile_report(kind=Kind.MONTHLY, period_key="2023-04", organization=None)
    compiled.subject = letters[:60]  # bold
    compiled.sections.append(CompiledSection("letters", letters, 1, letters))  # bold heading, regular body
    compiled.place = letters[60:120]  # italic place and date line
    compiled.signer_name = letters[120:]
    chars = _chars(_pdf(write_docx(compiled)))
    fonts_of: dict[str, set[str]] = {}
    for char in chars:
        fonts_of.setdefault(char["text"], set()).add(char["fontname"].split("+", 1)[-1])
    missing = [ch for ch in letters if ch not in fonts_of]
    assert missing == []
    fallen = {ch: fonts for ch in letters if (fonts := {f for f in fonts_of[ch] if "LiberationSerif" not in f})}
    assert fallen == {}
    styles = {f for ch in letters for f in fonts_of[ch]}
    assert {"LiberationSerif", "LiberationSerif-Bold", "LiberationSerif-Italic"} <= styles
    assert {_family(ch) for ch in chars} == {"LiberationSerif"}


def _docx_xml(data: bytes, name: str = "word/document.xml") -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read(name).decode() if name in z.namelist() else ""


def _text(xml: str) -> str:
    return re.sub(r"<[^>]+>", "", xml)


def _badge(personas):
    from dangvu.members.models import EventKind
    from dangvu.members.services import member_event_record
    from dangvu.members.tests.factories import admit

    old = admit(personas.cell_a1, full_name="Bùi Văn Lão", on=D(1990, 1, 5), date_of_birth=D(1965, 1, 1))
    member_event_record(
        member=old, kind=EventKind.BADGE_AWARDED, on=D(2025, 2, 3), badge_years=30, document_no="1-QĐ/TU", by=None
    )


def test_footnote_numbers_are_superscript_in_the_text_and_before_the_note(personas):
    _badge(personas)
    data = write_docx(compile_report(kind=Kind.ANNUAL, period_key="2025", organization=None))
    body, notes, styles = (_docx_xml(data, n) for n in ("word/document.xml", "word/footnotes.xml", "word/styles.xml"))
    reference = re.search(r"<w:r><w:rPr>(.*?)</w:rPr><w:footnoteReference", body)[1]
    assert 'w:vertAlign w:val="superscript"' in reference and 'w:rStyle w:val="FootnoteReference"' in reference
    number = re.search(r"<w:r><w:rPr>(.*?)</w:rPr><w:footnoteRef/>", notes)[1]
    assert 'w:vertAlign w:val="superscript"' in number
    style = re.search(r'<w:style [^>]*w:styleId="FootnoteReference".*?</w:style>', styles)[0]
    assert 'w:vertAlign w:val="superscript"' in style


@needs_soffice
def test_footnote_numbers_are_raised_and_smaller_in_the_pdf(personas):
    _badge(personas)
    pdf = _pdf(write_docx(compile_report(kind=Kind.ANNUAL, period_key="2025", organization=None)))
    chars = [ch for ch in _chars(pdf) if ch["text"].strip()]
    text = "".join(ch["text"] for ch in chars)
    note = text.index("01đồngchí30nămtuổiĐảng")  # the note: "¹ 01 đồng chí 30 năm tuổi Đảng"
    number, first = chars[note - 1], chars[note]
    assert number["text"] == "1"
    assert number["size"] < first["size"] * 0.8 and number["bottom"] < first["bottom"] - 1
    anchor = text.index("TraoHuyhiệuĐảngcho01đồngchí") + len("TraoHuyhiệuĐảngcho01đồngchí")
    reference, before = chars[anchor], chars[anchor - 1]
    assert reference["text"] == "1"
    assert reference["size"] < before["size"] * 0.8 and reference["bottom"] < before["bottom"] - 1


def test_the_number_line_shows_the_symbol_before_a_number_is_taken(personas):
    from dangvu.documents.services import issuer_symbol_set

    issuer_symbol_set(organization=personas.committee, symbol="ĐUK", by=None)
    compiled = compile_report(kind=Kind.MONTHLY, period_key="2023-04", organization=None)
    assert f"Số {BLANK}-BC/ĐUK" in _text(_docx_xml(write_docx(compiled)))
    compiled.number = "161-BC/ĐUK"
    assert "Số 161-BC/ĐUK" in _text(_docx_xml(write_docx(compiled)))
    base = compile_report(kind=Kind.MONTHLY, period_key="2023-04", organization=personas.org_a)
    assert f"Số {BLANK}-BC/ĐU<" in _docx_xml(write_docx(base))
    cell = compile_report(kind=Kind.MONTHLY, period_key="2023-04", organization=personas.org_b)
    assert f"Số {BLANK}-BC/CB<" in _docx_xml(write_docx(cell))


def _heading_and_signature(data: bytes) -> list[str]:
    """The paragraphs of the heading block and the signature table, in order."""
    xml = _docx_xml(data)
    tables = re.findall(r"<w:tbl>.*?</w:tbl>", xml, re.S)
    return [
        [_text(p) for p in re.findall(r"<w:p[ >].*?</w:p>", table, re.S) if _text(p).strip()]
        for table in (tables[0], tables[-1])
    ]


def test_the_committee_heads_its_report_under_the_province_and_signs_for_its_standing_committee(personas):
    heading, signature = _heading_and_signature(
        write_docx(compile_report(kind=Kind.MONTHLY, period_key="2023-04", organization=None))
    )
    assert heading[:2] == ["ĐẢNG BỘ TỈNH KIÊN GIANG", "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH"]
    assert "T/M BAN THƯỜNG VỤ" in signature and "- Các tổ chức cơ sở đảng trực thuộc," in signature


def test_a_base_party_committee_heads_its_own_report_and_sends_it_to_its_own_recipients(personas):
    """HD 36: the body above is named as the party organization ("ĐẢNG BỘ KHỐI ..."), the issuer as the
    committee that signs ("ĐẢNG ỦY ..."); the report goes up to the committee and down to its own cells."""
    heading, signature = _heading_and_signature(
        write_docx(compile_report(kind=Kind.MONTHLY, period_key="2023-04", organization=personas.org_a))
    )
    assert heading[:2] == ["ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH", "ĐẢNG ỦY SỞ TÀI CHÍNH"]
    assert signature[:4] == [
        "Nơi nhận:",
        "- Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh (b/c),",
        "- Các chi bộ trực thuộc,",
        "- Lưu.",
    ]
    assert "T/M ĐẢNG ỦY" in signature and "T/M BAN THƯỜNG VỤ" not in signature


def test_a_base_cell_signs_as_the_cell_and_has_no_cells_to_send_to(personas):
    heading, signature = _heading_and_signature(
        write_docx(compile_report(kind=Kind.MONTHLY, period_key="2023-04", organization=personas.org_b))
    )
    assert heading[:2] == ["ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH", "CHI BỘ SỞ TƯ PHÁP"]
    assert "- Các chi bộ trực thuộc," not in signature and "T/M CHI BỘ" in signature


def test_a_cell_of_a_base_committee_reports_to_that_committee(personas):
    heading, signature = _heading_and_signature(
        write_docx(compile_report(kind=Kind.MONTHLY, period_key="2023-04", organization=personas.cell_a1))
    )
    assert heading[:2] == ["ĐẢNG BỘ SỞ TÀI CHÍNH", "CHI BỘ VĂN PHÒNG"]
    assert "- Đảng ủy Sở Tài chính (b/c)," in signature


def test_recipients_a_draft_lists_and_a_signing_line_staff_changed_are_kept(personas):
    compiled = compile_report(kind=Kind.MONTHLY, period_key="2023-04", organization=personas.org_a)
    compiled.recipients = ["Đảng ủy Khối (b/c)", "Lưu VP"]
    compiled.signing_for = "K/T BÍ THƯ"
    _heading, signature = _heading_and_signature(write_docx(compiled))
    assert signature[:3] == ["Nơi nhận:", "- Đảng ủy Khối (b/c),", "- Lưu VP."] and "K/T BÍ THƯ" in signature


# --- the mid-term and term-end appendix (point 6) -------------------------------------------------------------


@pytest.fixture
def term(personas):
    """A term of the committee in three groups: admissions against three variants (a sum), a rate (an average)
    with one variant, a stock (the latest value) and a count with no target."""
    term = Term.objects.create(organization=personas.committee, start_year=2020, end_year=2025)

    def target(number, group, content, unit, aggregation, variants, actuals):
        made = Target.objects.create(
            term=term, number=number, group=group, content=content, unit=unit, aggregation=aggregation, order=number
        )
        for kind, value in variants.items():
            TargetVariant.objects.create(target=made, kind=kind, value=Decimal(value))
        for year, value in actuals.items():
            ManualActual.objects.create(target=made, year=year, value=Decimal(value))
        return made

    org, pol, mass = TargetGroup.ORGANIZATION, TargetGroup.POLITICAL_EDUCATION, TargetGroup.MASS_MOBILISATION
    years = {2020: 200, 2021: 210, 2022: 190, 2023: 100, 2024: 220, 2025: 230}
    target(
        1,
        org,
        "Kết nạp đảng viên mới",
        "ĐV",
        Aggregation.SUM,
        {"resolution": 1000, "province": 1050, "stretch": 1200},
        years,
    )
    target(
        2,
        pol,
        "Đảng viên tham gia học tập nghị quyết",
        "%",
        Aggregation.AVERAGE,
        {"resolution": 95},
        {2020: "96.5", 2021: "94.5", 2022: 97, 2023: 96, 2024: 95, 2025: 98},
    )
    target(
        3,
        org,
        "Tổng số đảng viên cuối năm",
        "ĐV",
        Aggregation.LATEST,
        {"resolution": 9000},
        {2020: 8800, 2021: 8900, 2022: 9000, 2023: 9050, 2024: 9100, 2025: 9200},
    )
    target(4, mass, "Mô hình “Dân vận khéo”", "Mô hình", Aggregation.SUM, {}, {2020: 3, 2021: 4})
    return term  # fmt: skip


def _appendix(kind, today):
    from dangvu.reports.docx_writer import appendix_of

    compiled = compile_report(kind=kind, period_key="2020-2025", organization=None, today=today)
    return compiled, appendix_of(compiled)


def test_the_mid_term_appendix_groups_targets_and_gives_a_row_to_each_variant(term):
    _compiled, table = _appendix(Kind.MID_TERM, D(2026, 1, 10))
    top, bottom = table.header_rows()
    assert table.year_labels == ["2020", "2021", "2022", "6 tháng 2023"]
    assert top[4:8] == ["Thực hiện qua các năm"] * 4 and bottom[4:8] == table.year_labels
    assert top[8:] == ["Thực hiện nửa đầu nhiệm kỳ", "% so với chỉ tiêu nghị quyết", "Ghi chú"]
    rows = [table.cells(row) for row in table.rows]
    assert [r[:2] for r in rows] == [
        ["I", "CÔNG TÁC CHÍNH TRỊ, TƯ TƯỞNG"],
        ["1", "Đảng viên tham gia học tập nghị quyết"],
        ["II", "CÔNG TÁC TỔ CHỨC XÂY DỰNG ĐẢNG"],
        ["1", "Kết nạp đảng viên mới"],
        ["", "- Chỉ tiêu nghị quyết"],
        ["", "- Chỉ tiêu tỉnh giao"],
        ["", "- Chỉ tiêu phấn đấu"],
        ["2", "Tổng số đảng viên cuối năm"],
        ["III", "CÔNG TÁC DÂN VẬN"],
        ["1", "Mô hình “Dân vận khéo”"],
    ]
    # A rate is averaged over the years (96,5 + 94,5 + 97 + 96) / 4; its remark stands in its own column.
    assert rows[1][2:] == ["%", "95", "96,50", "94,50", "97", "96", "96", "101,05", "Vượt"]
    # A sum is not judged before the term ends: its % per variant stands, its remark is the office's to write.
    assert rows[3][2:] == [""] * 9
    assert rows[4][2:] == ["ĐV", "1.000", "200", "210", "190", "100", "700", "70", ""]
    assert rows[6][3] == "1.200" and rows[6][9] == "58,33"
    # A stock repeats its last year; a target with no value leaves its target, % and remark empty.
    assert rows[7][2:] == ["ĐV", "9.000", "8.800", "8.900", "9.000", "9.050", "9.050", "100,56", "Vượt"]
    assert rows[9][2:] == ["Mô hình", "", "3", "4", "", "", "7", "", ""]
    assert table.attached_to == (
        f"(Kèm theo Báo cáo số {BLANK}-BC/DUK ngày {BLANK}/{BLANK}/2023 "
        "của Ban Chấp hành Đảng bộ Khối các cơ quan tỉnh)"
    )


def test_the_term_end_appendix_judges_every_variant_and_names_the_report_it_goes_with(term):
    compiled, _table = _appendix(Kind.TERM_END, D(2026, 1, 10))
    compiled.number, compiled.issued_on = "215-BC/ĐUK", D(2025, 9, 30)
    from dangvu.reports.docx_writer import appendix_of

    table = appendix_of(compiled)
    assert table.year_labels == ["2020", "2021", "2022", "2023", "2024", "2025"]
    assert table.title_lines == [
        "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NGHỊ QUYẾT ĐẠI HỘI",
        "ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH NHIỆM KỲ 2020 - 2025",
    ]
    variants = [table.cells(row) for row in table.rows if row.kind == "variant"]
    assert [(r[1], r[10], r[11], r[12]) for r in variants] == [
        ("- Chỉ tiêu nghị quyết", "1.150", "115", "Vượt"),
        ("- Chỉ tiêu tỉnh giao", "1.150", "109,52", "Vượt"),
        ("- Chỉ tiêu phấn đấu", "1.150", "95,83", "Chưa đạt"),
    ]
    assert table.attached_to == (
        "(Kèm theo Báo cáo số 215-BC/ĐUK ngày 30/9/2025 của Ban Chấp hành Đảng bộ Khối các cơ quan tỉnh)"
    )


def test_the_appendix_is_a_landscape_a4_table_with_repeated_header_rows_unsplit_rows_and_fitted_widths(term):
    compiled = compile_report(kind=Kind.MID_TERM, period_key="2020-2025", organization=None, today=D(2026, 1, 10))
    xml = _docx_xml(write_docx(compiled))
    text = _text(xml)
    assert "PHỤ LỤC" in text and "Kèm theo Báo cáo số" in text and "6 tháng 2023" in text
    sections = re.findall(r"<w:sectPr.*?</w:sectPr>", xml, re.S)
    assert 'w:orient="landscape"' in sections[-1] and 'w:w="16838" w:h="11906"' in sections[-1]
    assert 'w:w="11906" w:h="16838"' in sections[0]
    appendix = re.findall(r"<w:tbl>.*?</w:tbl>", xml, re.S)[-1]
    rows = re.findall(r"<w:tr[ >].*?</w:tr>", appendix, re.S)
    assert len(rows) == 2 + 10
    assert all("<w:cantSplit/>" in row for row in rows)
    assert ["<w:tblHeader/>" in row for row in rows] == [True, True] + [False] * 10
    assert 'w:gridSpan w:val="4"' in rows[0] and rows[0].count('<w:vMerge w:val="restart"/>') == 7
    widths = [int(w) for w in re.findall(r'<w:gridCol w:w="(\d+)"/>', appendix)]
    assert widths[1] == max(widths) and widths[0] < widths[2] and len(set(widths)) > 3
    assert abs(sum(widths) / 567 - 26.2) < 0.1  # the landscape page between its margins


def test_the_appendix_xlsx_prints_a4_landscape_with_its_two_header_lines_on_every_page(term):
    from openpyxl import load_workbook

    compiled = compile_report(kind=Kind.MID_TERM, period_key="2020-2025", organization=None, today=D(2026, 1, 10))
    sheet = load_workbook(io.BytesIO(write_xlsx(compiled))).active
    assert sheet.page_setup.orientation == "landscape" and int(sheet.page_setup.paperSize) == 9  # A4
    assert sheet.print_title_rows == "$6:$7"
    assert sheet["E6"].value == "Thực hiện qua các năm" and sheet["H7"].value == "6 tháng 2023"
    assert "E6:H6" in {str(r) for r in sheet.merged_cells.ranges}
    assert [c.value for c in sheet[9]] == [
        "1", "Đảng viên tham gia học tập nghị quyết", "%", 95, 96.5, 94.5, 97, 96, 96, 101.05, "Vượt"
    ]  # fmt: skip
    assert sheet.column_dimensions["B"].width > sheet.column_dimensions["E"].width


# --- whole documents through LibreOffice --------------------------------------------------------------------------


def _page_texts(pdf: bytes) -> list[str]:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return [page.extract_text() or "" for page in document.pages]


@needs_soffice
@pytest.mark.parametrize(
    ("kind", "period"), [(Kind.MONTHLY, "2023-04"), (Kind.ANNUAL, "2025"), (Kind.MID_TERM, "2020-2025")]
)
def test_no_page_of_a_report_is_blank(personas, term, kind, period):
    _badge(personas)
    compiled = compile_report(kind=kind, period_key=period, organization=None, today=D(2026, 1, 10))
    pages = _page_texts(_pdf(write_docx(compiled)))
    blank = [n for n, text in enumerate(pages, 1) if len(re.sub(r"\s|\d", "", text)) < 20]
    assert blank == []
    if kind == Kind.MID_TERM:
        assert "PHỤ LỤC" in pages[-1] or any("PHỤ LỤC" in page for page in pages)


def test_a_base_organizations_draft_starts_with_its_own_signing_line(personas):
    from dangvu.reports.services import report_create

    report = report_create(organization=personas.org_a, kind=Kind.MONTHLY, period_key="2023-04", by=personas.staff)
    assert report.signing_for == "T/M ĐẢNG ỦY"
    cell = report_create(organization=personas.org_b, kind=Kind.MONTHLY, period_key="2023-04", by=personas.staff)
    assert cell.signing_for == "T/M CHI BỘ"
    committee = report_create(
        organization=personas.committee, kind=Kind.MONTHLY, period_key="2023-04", by=personas.staff
    )
    assert committee.signing_for == "T/M BAN THƯỜNG VỤ"

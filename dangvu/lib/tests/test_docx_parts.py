import io

from docx import Document

from dangvu.lib.docx_parts import FONT, a4_document, add_paragraph, add_party_heading


def _reopen(document):
    buffer = io.BytesIO()
    document.save(buffer)
    return Document(io.BytesIO(buffer.getvalue()))


def test_a4_document_has_the_house_page_and_font():
    document = _reopen(a4_document(top=20, bottom=20, left=30, right=15))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert (round(section.left_margin.mm), round(section.right_margin.mm)) == (30, 15)
    assert document.styles["Normal"].font.name == FONT


def test_party_heading_puts_the_issuer_left_and_the_party_and_date_right():
    document = a4_document()
    add_party_heading(
        document,
        issuer_lines=[("ĐẢNG BỘ KHỐI", False), ("CHI BỘ A", True)],
        place_date="Hà Nội, ngày 05 tháng 3 năm 2026",
    )
    add_paragraph(document, "BIÊN BẢN", bold=True)
    document = _reopen(document)
    left, right = document.tables[0].rows[0].cells
    assert [p.text for p in left.paragraphs] == ["ĐẢNG BỘ KHỐI", "CHI BỘ A", "*"]
    assert [p.text for p in right.paragraphs] == ["ĐẢNG CỘNG SẢN VIỆT NAM", "", "Hà Nội, ngày 05 tháng 3 năm 2026"]
    assert left.paragraphs[1].runs[0].bold and not left.paragraphs[0].runs[0].bold
    assert right.paragraphs[0].runs[0].underline
    assert document.paragraphs[-1].runs[0].font.name == FONT

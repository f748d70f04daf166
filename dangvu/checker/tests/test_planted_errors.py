"""Reports with one planted error of each kind, as .txt, .docx and .pdf: each is found, nothing else is."""

import pytest
from django.utils import translation

from dangvu.checker.extract import read_document
from dangvu.checker.rules import check_document
from dangvu.checker.tests import builders


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def check_bytes(tmp_path, data: bytes, suffix: str):
    path = tmp_path / f"report{suffix}"
    path.write_bytes(data)
    return check_document(read_document(path))


def test_every_planted_error_in_a_text_file_is_found_and_nothing_else(tmp_path):
    found = check_bytes(tmp_path, builders.planted_text().encode(), ".txt")
    assert {builders.planted_key(f) for f in found} == builders.PLANTED
    assert len(found) == len(builders.PLANTED)


def test_every_planted_error_in_a_word_file_with_real_footnotes_is_found_and_nothing_else(tmp_path):
    found = check_bytes(tmp_path, builders.planted_docx(), ".docx")
    assert {builders.planted_key(f) for f in found} == builders.PLANTED
    assert len(found) == len(builders.PLANTED)


@pytest.mark.skipif(builders.vietnamese_font() is None, reason="no TrueType font with Vietnamese letters")
def test_every_planted_error_in_a_pdf_text_layer_is_found_and_nothing_else(tmp_path):
    found = check_bytes(tmp_path, builders.planted_pdf(), ".pdf")
    assert {builders.planted_key(f) for f in found} == builders.PLANTED
    assert len(found) == len(builders.PLANTED)


def test_each_finding_says_where_what_was_expected_what_was_found_and_why(tmp_path):
    found = check_bytes(tmp_path, builders.planted_text().encode(), ".txt")
    by_kind = {(f.kind, f.found): f for f in found}
    total = by_kind[("sum", "18")]
    assert total.location == "table 1, row 3 (Thành lập tổ chức cơ sở đảng), line 32"
    assert total.expected == "17"
    assert (
        total.message == "The periods add up to 17 (5 + 6 + 4 + 2), but column “Kết quả thực hiện Tổng cộng” says 18."
    )
    footnote = by_kind[("mismatch", "36")]
    assert footnote.location == "paragraph 5 (line 9) and footnote 1"
    assert footnote.anchor == {"paragraph": 5, "footnote": "1"}
    percent = by_kind[("percent", "110,00")]
    assert percent.message == "1.080 / 1.000 × 100 = 108,0000, which is 108,00, not 110,00."


def test_the_word_reader_keeps_the_footnote_reference_where_it_stands(tmp_path):
    path = tmp_path / "report.docx"
    path.write_bytes(builders.planted_docx())
    document = read_document(path)
    paragraph = next(p for p in document.paragraphs if p.footnote_refs)
    offset, label = paragraph.footnote_refs[0]
    assert paragraph.text[:offset].endswith("36 trường hợp") and label == "1"
    assert document.footnote("1").text == "Trước thời hạn (12); thường xuyên (23)."


@pytest.mark.skipif(builders.vietnamese_font() is None, reason="no TrueType font with Vietnamese letters")
def test_the_pdf_reader_turns_small_raised_digits_into_footnote_markers(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(builders.planted_pdf())
    document = read_document(path)
    assert document.footnote("1").text == "Trước thời hạn (12); thường xuyên (23)."
    assert document.paragraphs[1].text == "1. Công tác chính trị tư tưởng"  # ƣ repaired
    assert [c.kind for c in document.tables[0].columns][3:9] == [
        "target",
        "period",
        "period",
        "period",
        "period",
        "total",
    ]

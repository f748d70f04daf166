"""The three real reports in shared/examples: every finding is listed here with why it is right.

A false alarm on a real report is a defect, so the tests also pin down what the checks looked at
and accepted: footnote breakdowns and anniversaries that add up must stay silent.
"""

import pytest
from django.utils import translation

from dangvu.checker.extract import read_document
from dangvu.checker.rules import _ANNIVERSARY, check_document, footnote_breakdowns, text_blocks
from dangvu.checker.tests.builders import EXAMPLES, require_examples


@pytest.fixture(autouse=True)
def examples():
    """Skipped without ../shared on a developer's machine; a failure in CI (see `require_examples`)."""
    return require_examples()


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def findings(name):
    return check_document(read_document(EXAMPLES / name))


def test_six_month_report_2021_has_one_impossible_date():
    """Footnote 1: "67 năm chiến thắng lịch sử Điện Biên Phủ (7/5/1954-7/5/20201)".

    Why it is right: 20201 is not a year; the anniversary (2021 - 1954 = 67) shows 2021 was meant.
    The 91st, 131st and 45th anniversaries in the same report match their dates and are not reported.
    """
    result = findings("bao-cao-6-thang-dau-nam-2021.txt")
    assert [(f.kind, f.found, f.location) for f in result] == [("date", "7/5/20201", "footnote 1 (line 127)")]


def test_six_month_report_2021_legacy_letters_are_repaired_silently():
    document = read_document(EXAMPLES / "bao-cao-6-thang-dau-nam-2021.txt")
    assert document.substitutions == {"ƣ→ư": 7, "Ƣ→Ư": 2}
    assert "ƣ" not in " ".join(p.text for p in document.paragraphs)
    assert document.paragraphs[-1].text == "Nguyễn Thị Phương Thảo"


def test_six_month_report_2021_footnote_markers_on_their_own_line_are_attached_to_the_sentence():
    document = read_document(EXAMPLES / "bao-cao-6-thang-dau-nam-2021.txt")
    labels = [label for p in document.paragraphs for _, label in p.footnote_refs]
    assert labels == ["1", "2", "3", "4", "5", "6", "7"]
    assert [n.label for n in document.footnotes] == ["1", "2", "3", "4", "5", "6", "7"]
    assert document.footnote("3").text.startswith("Đảng bộ Khối có 68 TCCSĐ trực thuộc")
    assert not any(p.text.strip() == "5" for p in document.paragraphs)  # the page number is dropped


def test_monthly_report_april_2023_has_two_headings_with_dropped_letters():
    """Line 8 "I  K T QUẢ C NG TÁC THÁNG 4 NĂM 2023" is "KẾT QUẢ CÔNG TÁC" with Ế and Ô lost; line 348
    "PH  B  TH" is the signature title "PHÓ BÍ THƯ" with Ó, Í and Ư lost. Both are real damage from the
    PDF's legacy font; the letters are not guessed. Its ten anniversaries all match their dates."""
    result = findings("bao-cao-thang-4-2023.txt")
    assert [(f.kind, f.found, f.location) for f in result] == [
        ("repair", "I  K T QUẢ C NG TÁC THÁNG 4 NĂM 2023", "line 8"),
        ("repair", "PH  B  TH", "line 348"),
    ]


def test_annual_report_2023_has_no_finding():
    """Every figure it explains adds up: the footnote lists (checked below), 51.602/57.012 = 90,51% ≈ "90,5%",
    "15 năm thi hành Điều lệ Đảng (2011-2025)" counts both ends. "7/8", "8/13", "12/13" are shares of
    agencies, not dates."""
    assert findings("bao-cao-tong-ket-to-chuc-xay-dung-dang-2023.txt") == []


def test_annual_report_2023_footnote_breakdowns_were_checked_and_add_up():
    document = read_document(EXAMPLES / "bao-cao-tong-ket-to-chuc-xay-dung-dang-2023.txt")
    checked = {(label, int(number.value), sum(parts)) for _, label, number, parts, _ in footnote_breakdowns(document)}
    assert checked == {
        ("5", 7, 7),  # 07 tổ chức cơ sở đảng ngoài nhà nước: 01 + 01 + 02 + 02 + 01
        ("13", 5, 5),  # rà soát 05 trường hợp: 01 cấp huyện + 04 cấp xã
        ("18", 11, 11),  # 11 ủy viên ban chấp hành: 1 + 2 + 3 + 2 + 2 + 1
        ("19", 6, 6),  # 06 ủy viên ban thường vụ: six times 1
        ("21", 108, 108),  # 108 cán bộ cao cấp lý luận: 50 + 58
        ("23", 35, 35),  # nâng bậc lương 35: 12 + 23
        ("24", 78, 78),  # bổ nhiệm ngạch 78 (marker before the number): 08 + 50 + 20
    }


def test_annual_report_2023_page_split_paragraphs_and_footnotes_are_rejoined():
    document = read_document(EXAMPLES / "bao-cao-tong-ket-to-chuc-xay-dung-dang-2023.txt")
    texts = [p.text for p in document.paragraphs]
    assert any("kịp thời rà soát 05 trường hợp có quan hệ gia đình" in t for t in texts)
    assert document.footnote("17").text.endswith("Phó Chính ủy Bộ Chỉ huy Quân sự tỉnh.")


def test_anniversaries_in_the_examples_were_all_checked():
    checked = []
    for name in ("bao-cao-6-thang-dau-nam-2021.txt", "bao-cao-thang-4-2023.txt"):
        document = read_document(EXAMPLES / name)
        checked += [m.group(1) for b in text_blocks(document) for m in _ANNIVERSARY.finditer(b.text)]
    assert sorted(checked, key=int) == sorted(
        ["91", "45", "91", "131", "67", "45", "5", "5", "48", "48", "48", "48", "119", "205", "69", "133", "47"],
        key=int,
    )

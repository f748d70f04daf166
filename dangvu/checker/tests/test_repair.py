"""Legacy-font repair: certain substitutions are made, doubtful headings are flagged, not guessed."""

from dangvu.checker.repair import has_dropped_letters, repair_text


def test_legacy_font_letters_are_replaced_by_the_vietnamese_ones():
    repaired = repair_text("Công tác chính trị tƣ tƣởng\nT/M BAN THƢỜNG VỤ\nÐảng ủy")
    assert repaired.text == "Công tác chính trị tư tưởng\nT/M BAN THƯỜNG VỤ\nĐảng ủy"
    assert repaired.substitutions == {"ƣ→ư": 2, "Ƣ→Ư": 1, "Ð→Đ": 1}


def test_decomposed_accents_are_composed():
    assert repair_text("Đảng vie\u0302\u0323n").text == "Đảng viện"


def test_headings_with_dropped_letters_are_flagged_and_left_as_they_are():
    repaired = repair_text("I  K T QUẢ C NG TÁC THÁNG 4 NĂM 2023\nnội dung\nPH  B  TH")
    assert [(f.line, f.reason) for f in repaired.flags] == [(1, "dropped_letters"), (3, "dropped_letters")]
    assert "K T QUẢ" in repaired.text


def test_complete_headings_and_abbreviations_are_not_flagged():
    for line in [
        "I. KẾT QUẢ CÔNG TÁC THÁNG 4 NĂM 2023",
        "T/M BAN THƯỜNG VỤ",
        "K/T TRƯỞNG BAN",
        "II  MỘT SỐ NHIỆM VỤ TRỌNG TÂM THÁNG 5 NĂM 2023",
        "BÁO CÁO CỦA BCH ĐẢNG BỘ VÀ UBND TỈNH",
        "PHỤ LỤC C",
    ]:
        assert not has_dropped_letters(line), line

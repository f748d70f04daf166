"""The checks that follow an appendix's structure, and the text checks made precise on generated reports."""

import pytest
from django.utils import translation

from dangvu.checker.extract import document_from_text
from dangvu.checker.rules import check_document

HEADER = (
    "STT\tNội dung\tĐơn vị tính\tChỉ tiêu Nghị quyết\tThực hiện qua các năm\t\t\tThực hiện cả nhiệm kỳ"
    "\t% so với chỉ tiêu nghị quyết\tGhi chú\n"
    "\t\t\t\t2021\t2022\t6 tháng 2023\t\t\t\n"
)


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def findings(rows: str, body: str = ""):
    text = (body + "\n\n" if body else "") + HEADER + rows
    return check_document(document_from_text(text))


def kinds(rows: str, body: str = "") -> list[tuple[str, str, str]]:
    return [(f.kind, f.found, f.expected) for f in findings(rows, body)]


def test_a_right_appendix_has_no_findings():
    rows = (
        "I\tCÔNG TÁC TỔ CHỨC\t\t\t\t\t\t\t\t\n"
        "1\tKết nạp đảng viên\tĐV\t100\t40\t42\t20\t102\t102,00\tVượt\n"
        "2\tTỷ lệ đảng viên học tập nghị quyết\t%\t95\t96,2\t97,1\t95,8\t96,37\t101,44\tvượt 1,44%\n"
        "3\tSố đảng viên cuối năm\tĐV\t\t900\t910\t915\t915\t\t\n"
    )
    assert kinds(rows) == []


def test_one_wrong_cell_under_a_cong_row_is_reported_once_on_that_cell():
    rows = (
        "1\tĐảng viên ra khỏi Đảng\t\t\t\t\t\t\t\t\n"
        "\t- Xóa tên\tĐV\t\t3\t5\t2\t10\t\t\n"
        "\t- Khai trừ\tĐV\t\t1\t0\t1\t2\t\t\n"
        "\tCộng\tĐV\t\t4\t6\t3\t12\t\t\n"
    )
    assert kinds(rows) == [("sum", "6", "5")]


def test_a_wrong_part_cell_is_reported_on_the_part_not_on_its_group():
    rows = (
        "2\tMở lớp bồi dưỡng\tLớp\t20\t10\t8\t4\t22\t110,00\tVượt\n"
        "\t- Lớp nhận thức về Đảng\tLớp\t10\t5\t4\t2\t11\t110,00\tVượt\n"
        "\t- Lớp đảng viên mới\tLớp\t10\t5\t5\t2\t11\t110,00\tVượt\n"
    )
    found = findings(rows)
    assert [(f.kind, f.found, f.expected) for f in found] == [("sum", "5", "4")]
    assert "Lớp đảng viên mới" in found[0].location


def test_a_partial_breakdown_is_not_held_to_its_total():
    rows = (
        "1\tKết nạp đảng viên, trong đó:\tĐV\t\t40\t42\t20\t102\t\t\n"
        "\t- Nữ\tĐV\t\t20\t22\t10\t52\t\t\n"
        "\t- Đoàn viên thanh niên\tĐV\t\t30\t31\t12\t73\t\t\n"
    )
    assert kinds(rows) == []


def test_a_stock_at_the_end_of_the_term_repeats_the_last_year():
    rows = "1\tTổng số đảng viên cuối nhiệm kỳ\tĐV\t\t900\t910\t915\t2.725\t\t\n"
    assert kinds(rows) == [("sum", "2.725", "915")]


def test_a_rate_is_wrong_only_outside_the_range_of_its_years():
    inside = "1\tTỷ lệ chi bộ trong sạch\t%\t\t80,0\t90,0\t85,0\t86,10\t\t\n"
    outside = "1\tTỷ lệ chi bộ trong sạch\t%\t\t80,0\t90,0\t85,0\t91,10\t\t\n"
    assert kinds(inside) == []
    assert [k for k, _f, _e in kinds(outside)] == ["average"]


def test_grades_of_a_year_add_up_to_one_hundred():
    rows = (
        "1\tĐánh giá chất lượng tổ chức cơ sở đảng\tTCCSĐ\t\t20\t21\t\t\t\t\n"
        "\t- Hoàn thành xuất sắc nhiệm vụ\t%\t\t20,00\t23,81\t\t\t\t\n"
        "\t- Hoàn thành tốt nhiệm vụ\t%\t\t75,00\t71,43\t\t\t\t\n"
        "\t- Hoàn thành nhiệm vụ\t%\t\t5,00\t5,76\t\t\t\t\n"
    )
    assert [(k, f) for k, f, _e in kinds(rows)] == [("share", "101,00")]


def test_the_variants_of_a_target_each_get_their_percentage_and_repeat_the_actuals():
    rows = (
        "1\tKết nạp đảng viên mới\t\t\t\t\t\t\t\t\n"
        "\t- Chỉ tiêu nghị quyết\tĐV\t100\t40\t42\t20\t102\t102,00\t\n"
        "\t- Chỉ tiêu tỉnh giao\tĐV\t110\t40\t42\t20\t102\t92,73\t\n"
        "\t- Chỉ tiêu phấn đấu\tĐV\t120\t40\t42\t20\t102\t87,50\t\n"
    )
    assert kinds(rows) == [("percent", "87,50", "85,00")]
    wrong_year = rows.replace("120\t40\t42", "120\t40\t44")
    assert [(k, f) for k, f, _e in kinds(wrong_year)] == [("mismatch", "44"), ("percent", "87,50")]


def test_a_remark_with_a_figure_agrees_with_the_percentage():
    right = "1\tMô hình dân vận khéo\tMô hình\t150\t60\t60\t35\t155\t103,33\tvượt 3,33%\n"
    assert kinds(right) == []
    assert kinds(right.replace("vượt 3,33%", "vượt 5,33%")) == [("remark", "vượt 5,33%", "vượt 3,33%")]
    assert kinds(right.replace("vượt 3,33%", "vượt 5 mô hình")) == []


def test_checking_lower_organizations_is_not_a_ceiling_target():
    rows = "1\tKiểm tra tổ chức đảng cấp dưới\tCuộc\t150\t60\t60\t40\t160\t106,67\tChưa đạt\n"
    assert [k for k, _f, _e in kinds(rows)] == ["remark"]


def test_a_figure_of_the_text_is_checked_against_its_row_of_the_appendix():
    rows = "1\tXây dựng mô hình dân vận khéo\tMô hình\t150\t60\t60\t35\t155\t103,33\tVượt\n"
    assert kinds(rows, "Trong nhiệm kỳ, xây dựng 155 mô hình dân vận khéo, đạt 103,33% chỉ tiêu.") == []
    assert kinds(rows, "Năm 2022 xây dựng 60 mô hình dân vận khéo.") == []
    assert kinds(rows, "Trong nhiệm kỳ, xây dựng 156 mô hình dân vận khéo.") == [("quote", "156", "155")]


def test_a_figure_of_a_year_the_appendix_has_only_in_part_is_not_checked():
    rows = "1\tXây dựng mô hình dân vận khéo\tMô hình\t150\t60\t60\t35\t155\t103,33\tVượt\n"
    assert kinds(rows, "Năm 2023 xây dựng 70 mô hình dân vận khéo.") == []


def test_a_bracketed_percentage_belongs_to_the_fraction_before_it():
    text = (
        "Có 9/10 tổ chức cơ sở đảng đăng ký thi đua (đạt 90,00%) và 10/10 đăng ký thực hiện dân chủ ở cơ sở "
        "(đạt 100,00%); có 51.602/57.012 (đạt 90,51%) đảng viên."
    )
    assert check_document(document_from_text(text)) == []
    wrong = check_document(document_from_text("Toàn tỉnh đạt 92,5% (51.602/57.012) đảng viên đăng ký."))
    assert [(f.kind, f.found) for f in wrong] == [("percent", "92,5%")]


def test_counts_of_members_by_years_in_the_party_are_different_quantities():
    text = (
        "Đề nghị tặng Huy hiệu cho 06 đồng chí: 03 đồng chí 40 năm tuổi Đảng, 03 đồng chí 45 năm tuổi Đảng. "
        "Tặng Huy hiệu 40 năm tuổi Đảng cho 05 đồng chí; Huy hiệu 45 năm tuổi Đảng cho 03 đồng chí."
    )
    assert [f for f in check_document(document_from_text(text)) if f.kind == "mismatch"] == []


def test_a_share_over_the_whole_term_is_not_read_as_a_years_rate():
    rows = "1\tTỷ lệ đảng viên tham gia học tập nghị quyết\t%\t95\t93,0\t98,0\t95,0\t95,33\t100,35\tVượt\n"
    body = "Học tập nghị quyết với 803 đảng viên tham gia học tập nghị quyết, đạt 99,38% tổng số đảng viên."
    assert kinds(rows, body) == []
    assert [k for k, _f, _e in kinds(rows, "Tỷ lệ đảng viên tham gia học tập nghị quyết bình quân đạt 99,4%.")] == [
        "quote"
    ]


def test_a_percentage_against_the_same_period_of_last_year_is_not_read_as_against_the_target():
    text = (
        "STT\tNội dung\tĐơn vị tính\tChỉ tiêu Nghị quyết\tNăm 2023\tNăm 2024\tCả nhiệm kỳ\t% so với cùng kỳ\n"
        "1\tKết nạp đảng viên\tĐV\t100\t40\t50\t90\t125,00\n"
    )
    assert check_document(document_from_text(text)) == []

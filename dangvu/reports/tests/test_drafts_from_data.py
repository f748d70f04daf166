"""Issue 16 points 1-3 and the wording of point 4: a draft's text comes from the records (work programme, issued
documents, inspections), compares with last year and the year's plan, and says nothing where there is no data."""

import datetime as dt
from decimal import Decimal

import pytest

from dangvu.documents.services import document_issue
from dangvu.inspections.models import Body, InspectionKind
from dangvu.inspections.services import inspection_create
from dangvu.massorgs.services import figures_save
from dangvu.members.tests.factories import admit
from dangvu.reports.compile import compile_report
from dangvu.reports.narrative import mark_missing
from dangvu.reports.periods import parse_period
from dangvu.reports.services import aggregate_figures
from dangvu.workprogramme.services import item_save

pytestmark = pytest.mark.django_db
D = dt.date
TODAY = D(2026, 10, 31)


def _text(compiled, key: str) -> str:
    return next(s.text for s in compiled.sections if s.key == key)


def _all_text(compiled) -> str:
    return "\n".join(s.text for s in compiled.sections)


def test_a_monthly_draft_names_the_issued_plans_as_offices_write_them(personas):
    document_issue(
        organization=personas.committee,
        type_code="KH",
        issued_on=D(2023, 4, 13),
        subject="Kế hoạch lấy phiếu tín nhiệm đối với Ủy viên Ban Thường vụ năm 2023",
        by=None,
        today=TODAY,
    )
    compiled = compile_report(kind="monthly", period_key="2023-04", organization=personas.committee, today=TODAY)
    text = _text(compiled, "political_task")
    assert "xây dựng, ban hành các văn bản:" in text
    assert "(1) Kế hoạch số 01-KH/" in text
    assert "ngày 13/4/2023 về lấy phiếu tín nhiệm đối với Ủy viên Ban Thường vụ năm 2023." in text


def test_the_next_months_tasks_come_from_the_work_programme_and_the_closing_line_ends_the_report(personas):
    item_save(
        by=None,
        organization=personas.committee,
        year=2023,
        month=5,
        area="ideology",
        title="Hướng dẫn tuyên truyền kỷ niệm Ngày sinh Chủ tịch Hồ Chí Minh (19/5)",
    )
    item_save(by=None, organization=personas.committee, year=2023, month=6, area="ideology", title="Việc tháng sau")
    compiled = compile_report(kind="monthly", period_key="2023-04", organization=personas.committee, today=TODAY)
    tasks = _text(compiled, "next_tasks")
    assert "- Hướng dẫn tuyên truyền kỷ niệm Ngày sinh Chủ tịch Hồ Chí Minh (19/5)." in tasks
    assert "Việc tháng sau" not in tasks
    assert tasks.endswith(
        "Trên đây là báo cáo kết quả công tác tháng 4 và nhiệm vụ trọng tâm tháng 5 năm 2023 "
        "của Đảng ủy Khối các cơ quan tỉnh."
    )


def test_the_programme_items_carried_out_are_reported_with_the_share_done(personas):
    for month, state in ((1, "done"), (2, "done"), (3, "postponed")):
        item_save(
            by=None,
            organization=personas.committee,
            year=2023,
            month=month,
            area="political_task",
            title=f"Việc tháng {month}",
            state=state,
        )
    compiled = compile_report(kind="quarterly", period_key="2023-Q1", organization=personas.committee, today=TODAY)
    text = _text(compiled, "political_task")
    assert "- Việc tháng 1." in text and "- Việc tháng 2." in text
    assert "02/03 nội dung theo chương trình công tác quý I năm 2023 (đạt 66,67%)" in text
    assert "lùi thời gian thực hiện: việc tháng 3" in text
    assert "Còn 01 nội dung của chương trình công tác chưa hoàn thành" in _text(compiled, "weaknesses")


def test_a_zero_count_is_not_written_00_and_a_quiet_period_says_so(personas):
    compiled = compile_report(kind="monthly", period_key="2023-04", organization=personas.committee, today=TODAY)
    text = _all_text(compiled)
    assert "chưa kết nạp đảng viên mới" in text
    assert "chưa phát sinh trường hợp đảng viên vi phạm phải thi hành kỷ luật" in text
    assert "không có đơn thư khiếu nại, tố cáo" in text
    assert " 00 " not in text


def test_admissions_are_compared_with_the_same_period_of_last_year(personas):
    admit(personas.cell_a1, full_name="Năm trước", on=D(2022, 3, 10), full=False)
    for n in range(3):
        admit(personas.cell_a1, full_name=f"Năm nay {n}", on=D(2023, 3, 10 + n), full=False)
    compiled = compile_report(kind="half_year", period_key="2023-H1", organization=personas.committee, today=TODAY)
    text = _text(compiled, "organization")
    assert "kết nạp 03 đảng viên mới (tăng 02 so với cùng kỳ năm trước)" in text
    assert "tăng 02 so với cùng kỳ năm trước" in _text(compiled, "strengths")


def test_an_inspection_names_the_organizations_inspected(personas):
    inspection = inspection_create(
        organization=personas.committee,
        data={
            "body": Body.INSPECTION_COMMITTEE,
            "kind": InspectionKind.PROGRAM,
            "title": "Kiểm tra thực hiện nhiệm vụ",
            "started_on": D(2023, 4, 3),
            "ended_on": D(2023, 4, 20),
        },
        subject_organizations=[personas.org_a],
        by=None,
        today=TODAY,
    )
    assert inspection.pk
    compiled = compile_report(kind="monthly", period_key="2023-04", organization=personas.committee, today=TODAY)
    assert "Hoàn thành các cuộc kiểm tra, giám sát đối với Đảng bộ Sở Tài chính." in _text(compiled, "inspection")


def test_a_base_committees_draft_calls_its_subordinates_chi_bo_truc_thuoc(personas):
    compiled = compile_report(kind="half_year", period_key="2023-H1", organization=personas.org_a, today=TODAY)
    text = _all_text(compiled)
    assert "các chi bộ trực thuộc" in text
    assert "tổ chức cơ sở đảng trực thuộc" not in text
    assert "Đảng bộ Sở Tài chính có 02 chi bộ trực thuộc." in _text(compiled, "organization")


def test_mass_organization_figures_are_missing_outside_the_period_they_are_reported_for(personas):
    figures_save(
        by=None, organization=personas.org_a, kind="youth_union", year=2023, period="h1", bases=1, members=10,
        youth_introduced=2, youth_admitted=1, today=TODAY,
    )  # fmt: skip
    figures = {"massorgs.youth_union.introduced": 2, "massorgs.youth_union.admitted": 1, "members.admitted": 1}
    figures["massorgs.skilled_models"] = 3
    half = mark_missing(figures, personas.committee, parse_period("half_year", "2023-H1"))
    assert half["massorgs.skilled_models"] is None  # recognised by year: the year is not over on 30/6
    month = mark_missing(figures, personas.committee, parse_period("monthly", "2023-04"))
    assert half["massorgs.youth_union.introduced"] == 2
    assert month["massorgs.youth_union.introduced"] is None
    compiled = compile_report(kind="monthly", period_key="2023-04", organization=personas.committee, today=TODAY)
    assert "Đoàn Thanh niên" not in _all_text(compiled)


def test_parts_that_exceed_their_total_are_left_out(personas):
    figures_save(
        by=None, organization=personas.org_a, kind="youth_union", year=2023, period="h1", bases=1, members=10,
        youth_introduced=5, youth_admitted=4, today=TODAY,
    )  # fmt: skip
    figures = {"massorgs.youth_union.introduced": 5, "massorgs.youth_union.admitted": 4, "members.admitted": 1}
    checked = mark_missing(figures, personas.committee, parse_period("half_year", "2023-H1"))
    assert checked["massorgs.youth_union.admitted"] is None
    assert checked["massorgs.youth_union.introduced"] == 5


def test_emulation_registrations_and_ratings_without_data_drop_their_sentences(personas):
    compiled = compile_report(kind="annual", period_key="2023", organization=personas.committee, today=TODAY)
    assert compiled.figures["massorgs.units"] is None
    assert compiled.figures["ratings.members.rated"] is None
    text = _all_text(compiled)
    assert "Dân vận khéo" not in text and "(đạt 0,00%)" not in text


def test_the_aggregate_of_snapshots_skips_figures_without_data():
    class Snapshot:
        def __init__(self, figures):
            self.figures = figures

    result = aggregate_figures(
        [Snapshot({"members.admitted": 2, "massorgs.units": None}), Snapshot({"members.admitted": 3})]
    )
    assert result["members.admitted"] == 5
    assert "massorgs.units" not in result


def test_admissions_are_compared_with_the_years_plan(personas):
    from dangvu.targets.models import Aggregation, Target, Term, YearPlan

    term = Term.objects.create(organization=personas.committee, start_year=2020, end_year=2025)
    target = Target.objects.create(
        term=term, number="1", group="organization", content="Kết nạp đảng viên", unit="ĐV",
        indicator_code="members.admitted", aggregation=Aggregation.SUM,
    )  # fmt: skip
    YearPlan.objects.create(target=target, year=2023, value=Decimal(8))
    admit(personas.cell_a1, full_name="Năm nay", on=D(2023, 3, 10), full=False)
    admit(personas.cell_a1, full_name="Năm nay 2", on=D(2023, 3, 12), full=False)
    compiled = compile_report(kind="half_year", period_key="2023-H1", organization=personas.committee, today=TODAY)
    assert "kết nạp 02 đảng viên mới (đạt 25,00% kế hoạch năm" in _text(compiled, "organization")

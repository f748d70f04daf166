import datetime as dt
import io
import re
import zipfile

import pytest
from django.core.management import call_command

from dangvu.indicators.registry import compute
from dangvu.lib.numbers import format_count
from dangvu.members.tests.factories import admit
from dangvu.reports.compile import compile_report
from dangvu.reports.docx_writer import write_docx
from dangvu.reports.periods import Kind, PeriodError, parse_period

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.mark.parametrize(
    ("kind", "key", "start", "end", "label", "next_label"),
    [
        (Kind.MONTHLY, "2023-04", D(2023, 4, 1), D(2023, 4, 30), "tháng 4 năm 2023", "tháng 5 năm 2023"),
        (Kind.MONTHLY, "2023-12", D(2023, 12, 1), D(2023, 12, 31), "tháng 12 năm 2023", "tháng 1 năm 2024"),
        (Kind.QUARTERLY, "2024-Q2", D(2024, 4, 1), D(2024, 6, 30), "quý II năm 2024", "quý III năm 2024"),
        (Kind.HALF_YEAR, "2021-H1", D(2021, 1, 1), D(2021, 6, 30), "6 tháng đầu năm 2021", "6 tháng cuối năm 2021"),
        (Kind.NINE_MONTH, "2024-9M", D(2024, 1, 1), D(2024, 9, 30), "9 tháng đầu năm 2024", "quý IV năm 2024"),
        (Kind.ANNUAL, "2023", D(2023, 1, 1), D(2023, 12, 31), "năm 2023", "năm 2024"),
        (
            Kind.MID_TERM,
            "2020-2025",
            D(2020, 1, 1),
            D(2023, 6, 30),
            "giữa nhiệm kỳ 2020 - 2025",
            "nửa cuối nhiệm kỳ 2020 - 2025",
        ),
    ],
)
def test_periods_are_parsed_and_named_as_the_reports_name_them(kind, key, start, end, label, next_label):
    period = parse_period(kind, key, today=D(2026, 11, 22))
    assert (period.start, period.end, period.label, period.next_label) == (start, end, label, next_label)


@pytest.mark.parametrize(
    ("kind", "key"),
    [(Kind.MONTHLY, "2024-13"), (Kind.QUARTERLY, "2024-Q5"), (Kind.MONTHLY, "2024-Q2"), (Kind.MID_TERM, "2025-2020")],
)
def test_periods_that_do_not_fit_the_kind_are_refused(kind, key):
    with pytest.raises(PeriodError):
        parse_period(kind, key)


def _docx_text(data: bytes) -> tuple[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        body = re.sub(r"<[^>]+>", "", z.read("word/document.xml").decode())
        notes = (
            re.sub(r"<[^>]+>", "", z.read("word/footnotes.xml").decode())
            if "word/footnotes.xml" in z.namelist()
            else ""
        )
    return body, notes


def test_the_monthly_report_quotes_the_registry_figures_in_the_house_style(personas):
    for i in range(7):
        admit(personas.cell_a1, full_name=f"Lê Văn Mới{i}", on=D(2023, 4, 3 + i), full=False)
    compiled = compile_report(kind=Kind.MONTHLY, period_key="2023-04", organization=None)
    figures = compute(organization=None, start=D(2023, 4, 1), end=D(2023, 4, 30))
    body, _notes = _docx_text(write_docx(compiled))
    assert "Kết quả công tác tháng 4 và nhiệm vụ trọng tâm tháng 5 năm 2023" in body
    assert f"kết nạp {format_count(figures['members.admitted'])} đảng viên mới" in body
    assert "kết nạp 07 đảng viên mới" in body
    assert "I. KẾT QUẢ CÔNG TÁC THÁNG 4 NĂM 2023" in body
    assert "II. NHIỆM VỤ TRỌNG TÂM THÁNG 5 NĂM 2023" in body
    for heading in (
        "1. Lãnh đạo thực hiện nhiệm vụ chính trị",
        "5. Công tác tổ chức, cán bộ, xây dựng tổ chức đảng",
        "7. Lãnh đạo các đoàn thể",
    ):
        assert heading in body
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in body and "Nơi nhận:" in body and "T/M BAN THƯỜNG VỤ" in body


def test_details_go_into_real_footnotes(personas):
    from dangvu.members.models import EventKind
    from dangvu.members.services import member_event_record

    old = admit(personas.cell_a1, full_name="Bùi Văn Lão", on=D(1990, 1, 5), date_of_birth=D(1965, 1, 1))
    member_event_record(
        member=old, kind=EventKind.BADGE_AWARDED, on=D(2025, 2, 3), badge_years=30, document_no="1-QĐ/TU", by=None
    )
    body, notes = _docx_text(write_docx(compile_report(kind=Kind.ANNUAL, period_key="2025", organization=None)))
    assert "Trao Huy hiệu Đảng cho 01 đồng chí" in body
    assert "01 đồng chí 30 năm tuổi Đảng" in notes


def test_the_command_writes_docx_and_refuses_bad_input(personas, tmp_path, capsys):
    out = tmp_path / "bc.docx"
    call_command("compile_report", "--kind", "monthly", "--period", "2023-04", "--output", str(out))
    assert zipfile.is_zipfile(out)
    with pytest.raises(SystemExit) as exit_:
        call_command("compile_report", "--kind", "monthly", "--period", "2023-Q2", "--output", str(out))
    assert exit_.value.code == 2
    assert capsys.readouterr().err.startswith("Lỗi")


def test_compiling_runs_a_number_of_queries_that_does_not_grow_with_the_data(personas):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for extra in (0, 15):
        for i in range(extra):
            admit(personas.cell_a2, full_name=f"Trần Văn Thêm{i}", on=D(2023, 4, 10), full=False)
        with CaptureQueriesContext(connection) as captured:
            write_docx(compile_report(kind=Kind.MONTHLY, period_key="2023-04", organization=None))
        counts.append(len(captured.captured_queries))
    assert counts[0] == counts[1]


def test_the_pdf_comes_from_libreoffice(personas):
    import shutil

    from dangvu.reports.pdf import docx_to_pdf

    if not shutil.which("soffice"):
        pytest.skip("LibreOffice is installed by make setup")
    pdf = docx_to_pdf(write_docx(compile_report(kind=Kind.MONTHLY, period_key="2023-04", organization=None)))
    assert pdf.startswith(b"%PDF")

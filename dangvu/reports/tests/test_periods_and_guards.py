"""Periods are picked and named ("tháng 4 năm 2023", never "2023-04"); a round's aggregate compiled before every
report is in asks first and is marked provisional; a report with empty sections asks before it is submitted."""

import io

import pytest
from django.urls import reverse
from docx import Document

from dangvu.reports import services
from dangvu.reports.alerts import round_alerts
from dangvu.reports.models import Report, ReportStatus
from dangvu.reports.tests.test_rounds import D, _submit, round_  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def test_a_report_is_created_from_the_picked_period_and_titled_with_its_name(client, personas):
    client.force_login(personas.staff)
    page = client.get(reverse("reports:create")).content.decode()
    assert 'name="period_key_0"' in page and 'data-kind-field="kind"' in page
    response = client.post(
        reverse("reports:create"),
        {"kind": "quarterly", "period_key_0": "Q2", "period_key_1": "2023", "organization": personas.org_a.pk},
    )
    report = Report.objects.get()
    assert response.status_code == 302 and report.period_key == "2023-Q2"
    detail = client.get(reverse("reports:detail", kwargs={"pk": report.pk})).content.decode()
    assert "Báo cáo quý II năm 2023" in detail and "2023-Q2" not in detail
    listed = client.get(reverse("reports:list")).content.decode()
    assert "Báo cáo quý II năm 2023" in listed and "2023-Q2" not in listed


def test_a_period_that_does_not_fit_the_kind_is_refused_beside_the_picker(client, personas):
    client.force_login(personas.staff)
    response = client.post(
        reverse("reports:create"),
        {"kind": "monthly", "period_key_0": "Q2", "period_key_1": "2023", "organization": personas.org_a.pk},
    )
    assert response.status_code == 200 and not Report.objects.exists()
    assert response.context["form"].errors["period_key"] == [
        "Quý II năm 2023 không phù hợp với loại báo cáo này; hãy chọn kỳ của loại báo cáo đó."
    ]


def test_rounds_and_their_warnings_name_the_period(client, personas, round_):  # noqa: F811
    client.force_login(personas.staff)
    board = client.get(reverse("reports:round", kwargs={"pk": round_.pk})).content.decode()
    assert "Báo cáo tháng 4 năm 2023" in board and "2023-04" not in board
    alerts = round_alerts(user=personas.staff, organization=personas.committee, today=D(2023, 5, 1))
    assert (
        len(alerts) == 1
        and "Báo cáo tháng 4 năm 2023" in str(alerts[0].message)
        and "2023-04" not in str(alerts[0].message)
    )


def test_compiling_with_reports_missing_asks_then_marks_the_draft_provisional(client, personas, round_):  # noqa: F811
    _submit(personas.org_a, round_)
    client.force_login(personas.staff)
    board = client.get(reverse("reports:round", kwargs={"pk": round_.pk})).content.decode()
    assert "1/2 báo cáo đã gửi" in board
    url = reverse("reports:round_compile", kwargs={"pk": round_.pk})
    asked = client.post(url)
    assert asked.status_code == 200 and "Mới có 1/2 báo cáo được gửi." in asked.content.decode()
    assert not Report.objects.filter(round__isnull=True).exists()  # nothing compiled yet

    compiled = client.post(url, {"confirm": "1"})
    aggregate = Report.objects.get(round__isnull=True)
    assert compiled["Location"] == reverse("reports:detail", kwargs={"pk": aggregate.pk})
    assert aggregate.is_provisional and aggregate.provisional_mark == "Dự thảo tạm tính: 1/2 báo cáo"
    detail = client.get(compiled["Location"]).content.decode()
    assert "Dự thảo tạm tính: 1/2 báo cáo" in detail
    docx = client.get(reverse("reports:download", kwargs={"pk": aggregate.pk, "fmt": "docx"})).content
    paragraphs = [p.text for p in Document(io.BytesIO(docx)).paragraphs]
    assert "DỰ THẢO TẠM TÍNH: 1/2 BÁO CÁO" in paragraphs


def test_a_round_with_every_report_in_compiles_without_asking_and_is_not_provisional(personas, round_):  # noqa: F811
    _submit(personas.org_a, round_)
    _submit(personas.org_b, round_)
    aggregate = services.round_compile(round_=round_, by=None)
    assert (aggregate.compiled_from, aggregate.compiled_of) == (2, 2)
    assert not aggregate.is_provisional and aggregate.provisional_mark == ""


def test_a_report_with_empty_sections_lists_them_and_asks_before_it_is_submitted(client, personas):
    report = services.report_create(organization=personas.org_a, kind="monthly", period_key="2023-04", by=None)
    empty = report.empty_sections()
    assert empty, "a fresh draft of an empty registry has sections to write"
    client.force_login(personas.staff)
    detail = client.get(reverse("reports:detail", kwargs={"pk": report.pk})).content.decode()
    assert f'href="#section-{empty[0].key}"' in detail
    url = reverse("reports:submit", kwargs={"pk": report.pk})
    asked = client.post(url)
    page = asked.content.decode()
    assert asked.status_code == 200 and "Gửi báo cáo khi còn mục trống?" in page
    assert all(section.heading in page for section in empty)
    assert Report.objects.get(pk=report.pk).status == ReportStatus.DRAFT

    assert client.post(url, {"confirm": "1"}).status_code == 302
    assert Report.objects.get(pk=report.pk).status == ReportStatus.SUBMITTED


def test_a_report_whose_sections_are_all_written_is_submitted_at_once(client, personas):
    report = services.report_create(organization=personas.org_a, kind="monthly", period_key="2023-04", by=None)
    for section in report.empty_sections():
        services.section_save(section=section, text="Đã viết.", by=None)
    client.force_login(personas.staff)
    assert client.post(reverse("reports:submit", kwargs={"pk": report.pk})).status_code == 302
    assert Report.objects.get(pk=report.pk).status == ReportStatus.SUBMITTED


def test_the_reminder_of_a_round_names_its_period(personas, round_):  # noqa: F811
    from dangvu.reports.reminders import round_due

    titles = [o.title for o in round_due(round_.due_on)]
    assert titles and all("Báo cáo tháng 4 năm 2023" in str(t) and "2023-04" not in str(t) for t in titles)

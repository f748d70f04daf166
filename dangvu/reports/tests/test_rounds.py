import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from dangvu.indicators.registry import compute
from dangvu.members.tests.factories import admit
from dangvu.reports import services
from dangvu.reports.models import CompileJob, CompileState, Report, ReportStatus

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def round_(personas):
    return services.round_open(
        organization=personas.committee,
        kind="monthly",
        period_key="2023-04",
        due_on=D(2023, 5, 5),
        participants=[personas.org_a, personas.org_b],
        by=None,
    )


def _submit(organization, round_, text=""):
    report = services.report_create(
        organization=organization, kind=round_.kind, period_key=round_.period_key, by=None, round=round_
    )
    if text:
        section = report.sections.get(key="political_task")
        services.section_save(section=section, text=text, by=None)
    return services.report_submit(report=report, by=None)


def test_a_submitted_report_keeps_its_figures_when_the_registry_changes_later(personas, round_):
    admit(personas.cell_a1, full_name="Lê Văn Tháng4", on=D(2023, 4, 10), full=False)
    report = _submit(personas.org_a, round_)
    assert report.figures["members.admitted"] == 1
    admit(personas.cell_a1, full_name="Lê Văn Bổsung", on=D(2023, 4, 20), full=False)
    report.refresh_from_db()
    assert report.figures["members.admitted"] == 1
    with pytest.raises(ValidationError):
        services.section_save(section=report.sections.first(), text="sửa", by=None)


def test_a_resubmission_is_a_new_version(personas, round_):
    first = _submit(personas.org_a, round_)
    second = services.report_new_version(report=first, by=None)
    assert second.version == 2 and second.status == ReportStatus.DRAFT
    assert Report.objects.get(pk=first.pk).status == ReportStatus.SUBMITTED


def test_the_aggregate_sums_the_snapshots_and_gathers_the_narratives(personas, round_):
    admit(personas.cell_a1, full_name="Lê Văn Một", on=D(2023, 4, 10), full=False)
    admit(personas.org_b, full_name="Lê Văn Hai", on=D(2023, 4, 11), full=False)
    _submit(personas.org_a, round_, "Đảng ủy Sở Tài chính hoàn thành dự toán.")
    _submit(personas.org_b, round_, "Chi bộ Sở Tư pháp rà soát văn bản.")
    aggregate = services.round_compile(round_=round_, by=None)
    registry = compute(organization=personas.committee, start=D(2023, 4, 1), end=D(2023, 4, 30))
    for code in ("members.admitted", "members.total", "members.probationary"):
        assert aggregate.figures[code] == registry[code]
    text = aggregate.sections.get(key="political_task").text
    assert "Đảng ủy Sở Tài chính hoàn thành dự toán." in text and "Chi bộ Sở Tư pháp rà soát văn bản." in text
    organization = aggregate.sections.get(key="organization").text
    # The base organizations' standard sentences are not gathered again: only the aggregate's own one.
    assert organization.count("kết nạp") == 1 and "kết nạp 02 đảng viên mới" in organization


def test_the_aggregate_counts_the_committees_organizations_from_the_registry_not_from_the_snapshots(personas, round_):
    _submit(personas.org_a, round_)
    aggregate = services.round_compile(round_=round_, by=None)
    registry = compute(organization=personas.committee, start=D(2023, 4, 1), end=D(2023, 4, 30))
    # A base organization does not count itself: summed, its report would give no base organization at all.
    assert aggregate.figures["organizations.base_total"] == registry["organizations.base_total"] == 2
    assert aggregate.figures["organizations.cells_total"] == registry["organizations.cells_total"] == 2


def test_an_empty_round_cannot_be_compiled(round_):
    with pytest.raises(ValidationError):
        services.round_compile(round_=round_, by=None)


def test_participants_must_be_under_the_committee(personas):
    with pytest.raises(ValidationError):
        services.round_open(
            organization=personas.org_a,
            kind="monthly",
            period_key="2023-04",
            due_on=D(2023, 5, 5),
            participants=[personas.org_b],
            by=None,
        )


def test_the_status_board_shows_not_started_draft_submitted_and_late(client, personas, round_):
    services.report_create(organization=personas.org_b, kind="monthly", period_key="2023-04", by=None, round=round_)
    client.force_login(personas.staff)
    response = client.get(reverse("reports:round", kwargs={"pk": round_.pk}))
    states = {row["organization"].code: row["state"] for row in response.context["rows"]}
    assert states == {"A": "late", "B": "late"}  # the due date (05/5/2023) has passed; both unsubmitted
    _submit(personas.org_a, round_)
    response = client.get(reverse("reports:round", kwargs={"pk": round_.pk}))
    assert {row["organization"].code: row["state"] for row in response.context["rows"]}["A"] == "submitted"


def test_a_large_round_compiles_in_the_background_with_progress(
    client, personas, round_, settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    monkeypatch.setattr(services, "BACKGROUND_THRESHOLD", 1)
    _submit(personas.org_a, round_, "Một.")
    _submit(personas.org_b, round_, "Hai.")
    client.force_login(personas.staff)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("reports:round_compile", kwargs={"pk": round_.pk}))
    job = CompileJob.objects.get()
    assert response["Location"] == reverse("reports:compile_job", kwargs={"pk": job.pk})
    assert job.state == CompileState.DONE and job.done == job.total == 2 and job.report is not None
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert reverse("reports:detail", kwargs={"pk": job.report.pk}) in page.content.decode()


def test_an_edited_sentence_is_used_and_a_broken_one_is_refused(personas):
    from dangvu.reports.compile import compile_report
    from dangvu.reports.models import SentenceTemplate

    sentence = SentenceTemplate.objects.get(key="organization.movement")
    services.sentence_save(
        sentence=sentence, text="Kết nạp {{ i.members.admitted|count }} đảng viên.", kinds="", by=None
    )
    compiled = compile_report(kind="monthly", period_key="2023-04", organization=None)
    assert "Kết nạp 00 đảng viên." in next(s.text for s in compiled.sections if s.key == "organization")
    with pytest.raises(ValidationError) as error:
        services.sentence_save(sentence=sentence, text="{% if %}", kinds="", by=None)
    assert "text" in error.value.message_dict
    with pytest.raises(ValidationError):
        services.sentence_save(sentence=sentence, text="x", kinds="weekly", by=None)


def test_reminders_name_the_organizations_that_have_not_submitted(personas, round_):
    _submit(personas.org_a, round_)
    reminders = services.round_reminders(today=D(2023, 5, 3), days_before=3)
    assert [(r.pk, [o.code for o in missing]) for r, missing in reminders] == [(round_.pk, ["B"])]
    assert services.round_reminders(today=D(2023, 4, 20), days_before=3) == []


def test_a_report_takes_the_next_bc_number_from_the_documents_register(personas):
    report = services.report_create(organization=personas.committee, kind="monthly", period_key="2023-04", by=None)
    services.report_take_number(report=report, by=None, today=D(2023, 5, 3))
    report.refresh_from_db()
    assert report.number == "01-BC/DUK" and report.issued_on == D(2023, 5, 3)
    with pytest.raises(ValidationError):
        services.report_take_number(report=report, by=None)

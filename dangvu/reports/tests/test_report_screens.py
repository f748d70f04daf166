"""The report screens on the screen kit: the list's pages, the round's status board, the sections' history,
deleting a draft (a submitted report is not deleted), who is offered to open a round."""

import pytest
from django.urls import reverse

from dangvu.reports import selectors, services
from dangvu.reports.models import Report
from dangvu.reports.tests.test_rounds import D, _submit, round_  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def test_the_board_marks_each_organization_before_and_after_the_due_date(personas, round_):  # noqa: F811
    services.report_create(organization=personas.org_b, kind="monthly", period_key="2023-04", by=None, round=round_)
    _submit(personas.org_a, round_)
    before = selectors.round_board(round_=round_, user=personas.secretary_a, today=D(2023, 5, 1))
    assert [(r["organization"], r["state"], r["mine"]) for r in before] == [(personas.org_a, "submitted", True)]
    by_committee = selectors.round_board(round_=round_, user=personas.staff, today=D(2023, 5, 1))
    assert [(r["organization"], r["state"]) for r in by_committee] == [
        (personas.org_a, "submitted"),
        (personas.org_b, "draft"),
    ]
    after = selectors.round_board(round_=round_, user=personas.staff, today=D(2023, 5, 6))
    assert [r["state"] for r in after] == ["submitted", "late"] and all(r["mine"] for r in after)
    assert after[1]["label"] == str(selectors.STATE_LABELS["late"])


def test_the_sections_history_lists_the_versions_newest_first(personas):
    report = services.report_create(organization=personas.org_a, kind="monthly", period_key="2023-04", by=None)
    section = report.sections.get(key="political_task")
    services.section_save(section=section, text="Lần một", by=None)
    services.section_save(section=section, text="Lần hai", by=None)
    texts = [h.text for h in selectors.section_history(report=report) if h.key == "political_task"]
    assert texts[:2] == ["Lần hai", "Lần một"]


def test_the_report_list_pages_with_the_kits_page_size(client, personas, settings):
    for month in range(1, 4):
        services.report_create(organization=personas.org_a, kind="monthly", period_key=f"2023-0{month}", by=None)
    settings.PAGE_SIZE = 2
    client.force_login(personas.staff)
    response = client.get(reverse("reports:list"))
    assert response.context["page"].paginator.num_pages == 2
    assert len(client.get(reverse("reports:list"), {"size": 25}).context["page"].object_list) == 3


def test_a_draft_is_deleted_and_a_submitted_report_is_not(client, personas, round_):  # noqa: F811
    draft = services.report_create(organization=personas.org_b, kind="monthly", period_key="2023-04", by=None)
    submitted = _submit(personas.org_a, round_)
    client.force_login(personas.staff)
    assert client.post(reverse("reports:delete", kwargs={"pk": draft.pk}))["Location"] == reverse("reports:list")
    refused = client.post(reverse("reports:delete", kwargs={"pk": submitted.pk}))
    assert refused["Location"] == reverse("reports:detail", kwargs={"pk": submitted.pk})
    assert list(Report.objects.filter(pk__in=[draft.pk, submitted.pk], deleted_at__isnull=True)) == [submitted]


def test_only_committee_staff_are_offered_to_open_a_round(client, personas):
    client.force_login(personas.staff)
    assert client.get(reverse("reports:rounds")).context["can_open_round"]
    client.force_login(personas.secretary_a)
    page = client.get(reverse("reports:rounds"))
    assert not page.context["can_open_round"] and reverse("reports:round_create") not in page.content.decode()

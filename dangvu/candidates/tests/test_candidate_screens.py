"""The candidate screens on the screen kit: the deadline notice and warnings, the export, trash, delete
and restore (an admitted candidate is not deleted)."""

import csv
import datetime as dt
import io

import pytest
from django.urls import reverse

from dangvu.candidates import selectors
from dangvu.candidates.models import Candidate, Stage
from dangvu.candidates.services import candidate_admit
from dangvu.candidates.tests.test_admission_rules import TODAY, make, through_decision, with_introducers

pytestmark = pytest.mark.django_db


def test_the_notice_counts_the_candidates_near_or_past_a_deadline(personas):
    candidate = make(personas)
    assert selectors.deadline_warned_count(user=personas.staff, today=TODAY) == 0
    Candidate.objects.filter(pk=candidate.pk).update(stage=Stage.CELL_APPROVED, decision_due_on=TODAY)
    assert selectors.deadline_warned_count(user=personas.staff, today=TODAY) == 1
    assert selectors.deadline_warned_count(user=personas.secretary_b, today=TODAY) == 0


def test_each_listed_candidate_comes_with_its_warning(personas):
    late = make(personas)
    Candidate.objects.filter(pk=late.pk).update(stage=Stage.CELL_APPROVED, decision_due_on=TODAY - dt.timedelta(days=1))
    on_time = make(personas, full_name="Lê Thị Vui", national_id="001199000777")
    rows = selectors.with_deadline_warnings(Candidate.objects.order_by("pk"), TODAY)
    assert [(c.pk, c.deadline_warning and c.deadline_warning.level) for c in rows] == [
        (late.pk, "overdue"),
        (on_time.pk, None),
    ]


def test_the_export_lists_every_filtered_candidate(client, personas, settings):
    for i in range(3):
        make(personas, full_name=f"Quần Chúng {i}", national_id=f"00119900010{i}")
    settings.PAGE_SIZE = 1
    client.force_login(personas.staff)
    response = client.get(reverse("candidates:list"), {"export": "csv", "q": "quan chung"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][0] == "Họ và tên"
    assert sorted(r[0] for r in rows[1:]) == ["Quần Chúng 0", "Quần Chúng 1", "Quần Chúng 2"]


def test_a_deleted_candidate_is_in_the_trash_and_comes_back(client, personas):
    candidate = make(personas)
    client.force_login(personas.secretary_a)
    assert client.post(reverse("candidates:delete", kwargs={"pk": candidate.pk}))["Location"] == reverse(
        "candidates:list"
    )
    trash = client.get(reverse("candidates:trash"))
    assert [c.pk for c in trash.context["page"].object_list] == [candidate.pk]
    restored = client.post(reverse("candidates:restore", kwargs={"pk": candidate.pk}))
    assert restored["Location"] == reverse("candidates:detail", kwargs={"pk": candidate.pk})
    assert Candidate.objects.filter(pk=candidate.pk).exists()


def test_an_admitted_candidate_is_not_deleted_and_the_page_says_why(client, personas):
    candidate = through_decision(personas, with_introducers(personas, make(personas)))
    candidate_admit(candidate=candidate, ceremony_on=dt.date(2026, 7, 20), by=None, today=TODAY)
    client.force_login(personas.secretary_a)
    response = client.post(reverse("candidates:delete", kwargs={"pk": candidate.pk}))
    assert response["Location"] == reverse("candidates:detail", kwargs={"pk": candidate.pk})
    assert Candidate.objects.filter(pk=candidate.pk).exists()


def test_each_deadline_warning_opens_exactly_the_candidates_it_counts(personas):
    from urllib.parse import parse_qs, urlsplit

    from dangvu.candidates.alerts import candidate_alerts
    from dangvu.candidates.forms import CandidateFilterForm

    late = make(personas)
    Candidate.objects.filter(pk=late.pk).update(stage=Stage.CELL_APPROVED, decision_due_on=TODAY - dt.timedelta(days=1))
    near = make(personas, full_name="Lê Thị Vui", national_id="001199000777")
    Candidate.objects.filter(pk=near.pk).update(stage=Stage.CELL_APPROVED, decision_due_on=TODAY + dt.timedelta(days=2))
    overdue_alert, near_alert = candidate_alerts(user=personas.staff, organization=personas.committee, today=TODAY)

    def rows(alert):
        query = {key: values[-1] for key, values in parse_qs(urlsplit(alert.url).query).items()}
        filters = CandidateFilterForm(query, user=personas.staff).filters()
        return [c.pk for c in selectors.candidate_list(user=personas.staff, filters=filters, today=TODAY)]

    assert (rows(overdue_alert), overdue_alert.count) == ([late.pk], 1)
    assert (rows(near_alert), near_alert.count) == ([near.pk], 1)

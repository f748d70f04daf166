"""The yearly self-assessment: the form of the year's rules, points and the grade they allow, a member's own
draft while the season is open, submitting and returning; the portal page and card; the triggers."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from dangvu.ratings import forms, reminders, services
from dangvu.ratings.models import SelfAssessment, SelfAssessmentStatus
from dangvu.ratings.rules import self_assessment_form_for_year

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 1, 10)
FULL = {
    "points_thought": Decimal(19),
    "points_ethics": Decimal(19),
    "points_discipline": Decimal(9),
    "points_tasks": Decimal("44.5"),
    "tasks_on_time_pct": Decimal(100),
    "tasks_exceeding_pct": Decimal(40),
}


@pytest.fixture
def season(personas):
    return services.season_open(organization=personas.committee, year=2025, by=None, today=TODAY)


@pytest.fixture
def old_season(personas):
    return services.season_open(organization=personas.committee, year=2024, by=None, today=TODAY)


def save(season, member, **data):
    return services.self_assessment_save(season=season, member=member, data=data, by=None)


def test_the_form_has_scored_criteria_from_2025_and_text_sections_before():
    assert self_assessment_form_for_year(2025).scored
    assert sum(c.max_points for c in self_assessment_form_for_year(2026).criteria) == 100
    earlier = self_assessment_form_for_year(2024)
    assert not earlier.scored
    assert [code for code, _label in earlier.sections] == ["thought", "performance", "limitations", "remedies"]


def test_the_page_form_follows_the_year_of_the_season(season, old_season):
    assert "points_tasks" in forms.SelfAssessmentForm(season=season).fields
    old = forms.SelfAssessmentForm(season=old_season).fields
    assert "points_tasks" not in old and "section_performance" in old and "proposed_grade" in old


def test_points_add_up_and_allow_excellent_only_with_the_conditions(personas, season):
    assessment = save(season, personas.member_a, **FULL, proposed_grade="excellent")
    assert assessment.total_points == Decimal("91.5")
    assert services.self_assessment_allowed_grade(assessment) == "excellent"
    assessment = save(season, personas.member_a, **{**FULL, "tasks_exceeding_pct": Decimal(10)}, proposed_grade="good")
    assert services.self_assessment_allowed_grade(assessment) == "good"


def test_a_proposal_above_what_the_points_allow_is_refused_with_a_message(personas, season):
    with pytest.raises(ValidationError) as refused:
        save(season, personas.member_a, **{**FULL, "points_tasks": Decimal(20)}, proposed_grade="excellent")
    assert "proposed_grade" in refused.value.message_dict
    assert "67 " in str(refused.value)
    assert not SelfAssessment.objects.exists()


def test_points_above_the_criterion_maximum_are_refused(personas, season):
    with pytest.raises(ValidationError) as refused:
        save(season, personas.member_a, points_thought=Decimal(25))
    assert "points_thought" in refused.value.message_dict


def test_a_closed_season_refuses_the_self_assessment(personas, season):
    season.status = "closed"
    season.save()
    with pytest.raises(ValidationError):
        save(season, personas.member_a, **FULL)


def test_submit_needs_a_complete_form_and_a_return_needs_a_note(personas, season):
    draft = save(season, personas.member_a, points_thought=Decimal(10))
    with pytest.raises(ValidationError):
        services.self_assessment_submit(assessment=draft, by=None)
    done = save(season, personas.member_a, **FULL, proposed_grade="good")
    done = services.self_assessment_submit(assessment=done, by=None)
    assert done.status == SelfAssessmentStatus.SUBMITTED and done.submitted_at
    with pytest.raises(ValidationError):
        save(season, personas.member_a, **FULL)  # submitted: locked until returned
    with pytest.raises(ValidationError):
        services.self_assessment_return(assessment=done, note="  ", by=None)
    returned = services.self_assessment_return(assessment=done, note="Ghi rõ hạn chế", by=None)
    assert returned.status == SelfAssessmentStatus.RETURNED
    again = save(season, personas.member_a, **FULL, proposed_grade="good")
    assert again.status == SelfAssessmentStatus.RETURNED and again.history.count() == 5


def test_the_earlier_form_is_text_sections_and_a_grade(personas, old_season):
    texts = {f"section_{code}": "Nội dung" for code in ("thought", "performance", "limitations", "remedies")}
    assessment = save(old_season, personas.member_a, **texts, proposed_grade="excellent")
    assert assessment.form_code == "HD 25" and assessment.total_points is None
    assert services.self_assessment_submit(assessment=assessment, by=None).is_submitted


def test_the_member_fills_and_submits_on_the_phone_page_with_decimal_commas(client, personas, season):
    client.force_login(personas.plain_member)
    url = reverse("ratings:my_self_assessment")
    page = client.get(url)
    assert page.status_code == 200 and len(page.content) < 100_000
    data = {
        "points_thought": "19",
        "points_ethics": "19",
        "points_discipline": "9",
        "points_tasks": "44,5",
        "tasks_on_time_pct": "100",
        "tasks_exceeding_pct": "35,5",
        "proposed_grade": "excellent",
        "section_limitations": "Chưa",
        "section_remedies": "Sửa",
        "submit": "1",
    }
    assert client.post(url, data).status_code == 302
    assessment = SelfAssessment.objects.get(member=personas.member_a)
    assert assessment.total_points == Decimal("91.5") and assessment.tasks_exceeding_pct == Decimal("35.5")
    assert assessment.is_submitted


def test_the_page_refuses_a_proposal_above_the_points_with_the_message_beside_it(client, personas, season):
    client.force_login(personas.plain_member)
    response = client.post(
        reverse("ratings:my_self_assessment"),
        {
            "points_thought": "10",
            "points_ethics": "10",
            "points_discipline": "5",
            "points_tasks": "30",
            "tasks_on_time_pct": "100",
            "tasks_exceeding_pct": "0",
            "proposed_grade": "excellent",
            "save": "1",
        },
    )
    assert response.status_code == 400
    assert "proposed_grade" in response.context["form"].errors


def test_a_member_reads_only_their_own_self_assessment(client, personas, season):
    other = save(season, personas.member_b, **FULL)
    client.force_login(personas.plain_member)
    assert client.get(reverse("ratings:self_assessment_detail", kwargs={"pk": other.pk})).status_code == 404
    own = save(season, personas.member_a, **FULL)
    assert client.get(reverse("ratings:self_assessment_detail", kwargs={"pk": own.pk})).status_code == 200


def test_the_portal_card_says_not_submitted_and_the_due_date(client, personas, season):
    from dangvu.ratings.portal_cards import self_assessment

    [card] = self_assessment(personas.plain_member)
    assert "2025" in card.lines[0] and "15/12/2025" in card.lines[0] and card.tone == "warn"


def test_the_season_opening_day_tells_every_cell_and_the_due_day_the_members_who_have_not_submitted(personas, season):
    opened = list(reminders.season_opened(TODAY))
    assert {o.organization_id for o in opened} >= {personas.cell_a1.pk, personas.org_b.pk}
    assert all(o.on == TODAY for o in opened)
    done = services.self_assessment_submit(
        assessment=save(season, personas.member_a, **FULL, proposed_grade="good"), by=None
    )
    due = list(reminders.self_assessment_due(season.due_on))
    members = {o.member_id for o in due}
    assert personas.member_b.pk in members and done.member_id not in members
    key = next(o.key for o in due if o.member_id == personas.member_b.pk)
    assert reminders.self_assessment_still_due(key)
    services.self_assessment_submit(assessment=save(season, personas.member_b, **FULL, proposed_grade="good"), by=None)
    assert not reminders.self_assessment_still_due(key)
    assert list(reminders.self_assessment_due(season.due_on + dt.timedelta(days=1))) == []


def test_a_season_may_set_its_own_due_date_but_not_before_it_opens(personas):
    season = services.season_open(
        organization=personas.committee, year=2025, by=None, today=TODAY, self_assessment_due_on=dt.date(2026, 1, 31)
    )
    assert season.due_on == dt.date(2026, 1, 31)
    with pytest.raises(ValidationError):
        services.season_open(
            organization=personas.committee,
            year=2024,
            by=None,
            today=TODAY,
            self_assessment_due_on=dt.date(2025, 12, 1),
        )

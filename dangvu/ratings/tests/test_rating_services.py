import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from dangvu.members.tests.factories import admit
from dangvu.ratings import services
from dangvu.ratings.models import MemberRating, RatingSeason
from dangvu.ratings.selectors import cap_warnings, unrated_members

# The personas are built once for the module (conftest.py `module_db`).
pytestmark = [pytest.mark.django_db, pytest.mark.shared_setup]
TODAY = dt.date(2024, 2, 1)


@pytest.fixture
def season(personas):
    return services.season_open(organization=personas.committee, year=2023, by=personas.staff, today=TODAY)


def rate(season, member, grade, **extra):
    return services.member_rating_save(
        season=season, member=member, data={"grade": grade, **extra}, by=None, today=TODAY
    )


def test_a_season_opens_once_per_committee_and_year(personas, season):
    with pytest.raises(ValidationError) as refused:
        services.season_open(organization=personas.committee, year=2023, by=None, today=TODAY)
    assert "đã có" in str(refused.value) or "exists" in str(refused.value)
    with pytest.raises(ValidationError):
        services.season_open(organization=personas.committee, year=2025, by=None, today=TODAY)


def test_a_season_cannot_close_while_members_are_unrated(personas, season):
    # The cell secretary of A1 (a persona since issue 17) is a member of A1 too.
    everyone = {personas.member_a, personas.member_b, personas.cell_secretary.member}
    assert {m.pk for m in unrated_members(season=season, today=TODAY)} == {m.pk for m in everyone}
    with pytest.raises(ValidationError):
        services.season_close(season=season, by=None, today=TODAY)
    for member in everyone:
        rate(season, member, "good")
    services.season_close(season=season, by=None, today=TODAY)
    season.refresh_from_db()
    assert season.status == "closed"
    with pytest.raises(ValidationError):
        rate(season, personas.member_a, "adequate")


def test_a_season_cannot_close_while_the_excellent_cap_is_broken(personas, season):
    """QĐ 124: one excellent among one good-or-better member in a base organization is over 20%."""
    rate(season, personas.member_a, "excellent")
    rate(season, personas.member_b, "good")
    assert [w.label for w in cap_warnings(season=season)] == [personas.org_a.name]
    with pytest.raises(ValidationError) as refused:
        services.season_close(season=season, by=None, today=TODAY)
    assert personas.org_a.name in str(refused.value)


def test_a_disciplined_member_ticked_by_the_rater_must_be_graded_failed(personas, season):
    with pytest.raises(ValidationError) as refused:
        rate(season, personas.member_a, "good", disciplined=True)
    assert "QĐ 124" in str(refused.value)
    assert MemberRating.objects.count() == 0
    assert rate(season, personas.member_a, "failed", disciplined=True).grade == "failed"


def test_without_the_discipline_model_nobody_is_disciplined():
    assert services.members_disciplined_in_year(2023) == set()


def test_a_member_outside_the_committee_on_31_december_is_refused(personas):
    other = admit(personas.cell_a1, full_name="Vũ Văn Mới", on=dt.date(2024, 1, 5))
    season = services.season_open(organization=personas.committee, year=2023, by=None, today=TODAY)
    with pytest.raises(ValidationError):
        rate(season, other, "good")


def test_the_rating_form_shows_the_rule_beside_the_grade(client, personas, season):
    client.force_login(personas.secretary_a)
    url = reverse("ratings:member_rate", kwargs={"season_pk": season.pk, "member_pk": personas.member_a.pk})
    response = client.post(url, {"grade": "good", "disciplined": "on", "sick_leave_months": "0"})
    assert response.status_code == 400
    assert "QĐ 124" in response.content.decode()
    response = client.post(url, {"grade": "good", "sick_leave_months": "0"})
    assert response.status_code == 302
    detail = client.get(response["Location"])
    assert "Hoàn thành tốt nhiệm vụ" in detail.content.decode()


def test_a_2025_rating_takes_its_grade_from_the_score(personas):
    season = services.season_open(organization=personas.committee, year=2025, by=None, today=dt.date(2026, 1, 5))
    rating = services.member_rating_save(
        season=season,
        member=personas.member_a,
        data={"score": Decimal(92), "tasks_on_time_pct": Decimal(100), "tasks_exceeding_pct": Decimal(35)},
        by=None,
        today=dt.date(2026, 1, 5),
    )
    assert rating.grade == "excellent"


@pytest.mark.parametrize("extra", [0, 12])
def test_the_rating_list_runs_a_constant_number_of_queries(client, personas, season, extra, settings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for i in range(extra):
        rate(season, admit(personas.cell_a2, full_name=f"Ngô Văn Số{i}"), "good")
    settings.PAGE_SIZE = 5
    client.force_login(personas.staff)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse("ratings:member_list"), {"season": season.pk}).status_code == 200
    # session, user, scope, seasons menu, organizations menu, season filter, count, rows.
    assert len(captured.captured_queries) <= 9


def test_seasons_of_the_committee_are_seen_by_its_secretaries(client, personas, season):
    client.force_login(personas.secretary_b)
    assert client.get(reverse("ratings:season_detail", kwargs={"pk": season.pk})).status_code == 200
    assert RatingSeason.objects.count() == 1

"""The rating screens on the screen kit: the seasons with their rules, the grade table, the rating forms,
the lists' export, delete and restore of a rating."""

import csv
import datetime as dt
import io

import pytest
from django.urls import reverse

from dangvu.ratings import forms, selectors, services
from dangvu.ratings.models import MemberRating, RatingSeason
from dangvu.ratings.tests.test_rating_services import rate

pytestmark = pytest.mark.django_db


@pytest.fixture
def season(personas):
    return services.season_open(
        organization=personas.committee, year=2023, by=personas.staff, today=dt.date(2024, 2, 1)
    )


def test_each_season_carries_the_source_of_the_rules_of_its_year(personas, season):
    [listed] = selectors.season_list(user=personas.secretary_a)
    assert listed == season and "QĐ" in listed.rules_source


def test_the_grade_table_counts_members_and_their_share(personas, season):
    rate(season, personas.member_a, "good")
    rate(season, personas.member_b, "excellent")
    table = selectors.grade_table(season=season, user=personas.staff)
    rows = {label: (members, share) for label, members, share, _orgs in table}
    assert rows["Hoàn thành tốt nhiệm vụ"] == (1, 50.0)
    assert table[-1][1:3] == (0, 0.0)


def test_the_rating_form_finds_the_existing_rating_and_drops_scores_before_2025(personas, season):
    existing = rate(season, personas.member_a, "good")
    form = forms.MemberRatingForm(season=season, subject=personas.member_a)
    assert form.instance == existing and "score" not in form.fields
    assert "score" not in forms.OrganizationRatingForm(season=season, subject=personas.cell_a1).fields


def test_only_committee_staff_see_the_form_that_opens_a_season(client, personas):
    client.force_login(personas.staff)
    assert client.get(reverse("ratings:seasons")).context["can_open_season"]
    client.force_login(personas.secretary_a)
    page = client.get(reverse("ratings:seasons"))
    assert not page.context["can_open_season"] and "season_open" not in page.content.decode()


def test_the_member_ratings_export_holds_every_filtered_rating(client, personas, season, settings):
    rate(season, personas.member_a, "good")
    rate(season, personas.member_b, "excellent")
    settings.PAGE_SIZE = 1
    client.force_login(personas.staff)
    response = client.get(reverse("ratings:member_list"), {"season": season.pk, "export": "csv"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:2] == ["Năm", "Họ và tên"]
    assert sorted(r[1] for r in rows[1:]) == sorted([personas.member_a.full_name, personas.member_b.full_name])


def test_the_organization_ratings_export_is_a_spreadsheet(client, personas, season):
    services.organization_rating_save(
        season=season, organization=personas.cell_a1, data={"grade": "adequate"}, by=None, today=dt.date(2024, 2, 1)
    )
    client.force_login(personas.staff)
    response = client.get(reverse("ratings:organization_list"), {"export": "xlsx"})
    assert response.status_code == 200 and response["Content-Type"].startswith("application/vnd.openxml")


def test_a_deleted_rating_is_restored_from_its_season(client, personas, season):
    rating = rate(season, personas.member_a, "good")
    client.force_login(personas.secretary_a)
    to_season = reverse("ratings:season_detail", kwargs={"pk": season.pk})
    assert client.post(reverse("ratings:member_delete", kwargs={"pk": rating.pk}))["Location"] == to_season
    assert not MemberRating.objects.filter(pk=rating.pk).exists()
    assert client.post(reverse("ratings:member_restore", kwargs={"pk": rating.pk}))["Location"] == to_season
    assert MemberRating.objects.filter(pk=rating.pk).exists()


def test_a_rating_of_a_closed_season_is_not_deleted_and_the_user_is_told_why(client, personas, season):
    rating = rate(season, personas.member_a, "good")
    RatingSeason.objects.filter(pk=season.pk).update(status="closed")
    client.force_login(personas.secretary_a)
    response = client.post(reverse("ratings:member_delete", kwargs={"pk": rating.pk}), follow=True)
    assert MemberRating.objects.filter(pk=rating.pk).exists()
    assert [m.level_tag for m in response.context["messages"]] == ["error"]

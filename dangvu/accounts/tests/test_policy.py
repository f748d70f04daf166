"""The one access policy (accounts.policy): who may view, change and see the sensitive fields of what."""

import datetime as dt

import pytest
from django.urls import reverse

from dangvu.accounts import policy
from dangvu.inspections import services
from dangvu.inspections.models import Body, Discipline, DisciplineForm, Inspection, InspectionKind, ViolationCategory

# The personas are built once for the module (conftest.py `module_db`).
pytestmark = [pytest.mark.django_db, pytest.mark.shared_setup]
TODAY = dt.date(2026, 6, 30)


def _commission_decision(p, **changes):
    """A reprimand of a member of A decided by the committee's inspection committee."""
    data = {
        "form": DisciplineForm.REPRIMAND,
        "body": Body.INSPECTION_COMMITTEE,
        "deciding_organization": p.committee,
        "decision_no": "21-QĐ/UBKT",
        "decided_on": dt.date(2025, 5, 10),
        "violation_category": ViolationCategory.MEMBER_DUTIES,
        "violation_started_on": dt.date(2025, 1, 15),
    } | changes
    return services.discipline_create(data=data, member=p.member_a, by=None, today=TODAY)


def test_a_base_secretary_sees_but_cannot_change_the_committee_commissions_decision(personas):
    decision = _commission_decision(personas)
    assert policy.may_view(personas.secretary_a, decision)
    assert not policy.may_edit(personas.secretary_a, decision)
    assert policy.may_edit(personas.inspector, decision)


def test_committee_staff_do_not_change_the_inspection_committees_records(personas):
    decision = _commission_decision(personas)
    assert policy.may_view(personas.staff, decision)
    assert not policy.may_edit(personas.staff, decision)


def test_a_decision_of_a_base_committee_is_changed_by_its_secretary_and_the_staff_above(personas):
    decision = _commission_decision(
        personas, body=Body.BASE_COMMITTEE, deciding_organization=personas.org_a, decision_no="3-QĐ/ĐU"
    )
    assert all(policy.may_edit(u, decision) for u in (personas.secretary_a, personas.staff, personas.inspector))
    assert not policy.may_edit(personas.secretary_b, decision)
    assert not policy.may_edit(personas.plain_member, decision)


def test_an_unsaved_record_asks_whether_it_may_be_created(personas):
    in_name_of_commission = Discipline(deciding_organization=personas.committee, body=Body.INSPECTION_COMMITTEE)
    own_inspection = Inspection(organization=personas.org_a, body=Body.BASE_COMMITTEE, kind=InspectionKind.PROGRAM)
    assert not policy.may_edit(personas.secretary_a, in_name_of_commission)
    assert policy.may_edit(personas.secretary_a, own_inspection)


def test_inspection_staff_change_no_registry_record(personas):
    assert policy.may_view(personas.inspector, personas.member_a)
    assert not policy.may_edit(personas.inspector, personas.member_a)
    assert not policy.may_edit(personas.inspector, personas.cell_a1)
    assert not policy.may_see_sensitive(personas.inspector, personas.member_a)


def test_registry_records_follow_the_tree(personas):
    assert policy.may_edit(personas.secretary_a, personas.member_a)
    assert not policy.may_edit(personas.secretary_a, personas.member_b)
    assert not policy.may_view(personas.secretary_a, personas.member_b)
    assert policy.may_edit(personas.staff, personas.member_b)


def test_a_member_account_sees_its_own_record_and_its_sensitive_fields_and_nothing_else(personas):
    member = personas.plain_member
    assert policy.may_view(member, personas.member_a) and policy.may_see_sensitive(member, personas.member_a)
    assert not policy.may_view(member, personas.member_b)
    assert not policy.may_see_sensitive(member, personas.member_b)
    assert not policy.may_edit(member, personas.member_a)


def test_sensitive_fields_are_for_the_registry_keepers_of_the_members_subtree(personas):
    assert policy.may_see_sensitive(personas.secretary_a, personas.member_a)
    assert not policy.may_see_sensitive(personas.secretary_a, personas.member_b)
    assert policy.may_see_sensitive(personas.staff)
    # The old property stays a thin alias of the policy.
    assert personas.secretary_a.can_view_sensitive and not personas.inspector.can_view_sensitive


def test_a_secretarys_post_to_the_commissions_decision_is_refused_and_changes_nothing(client, personas):
    decision = _commission_decision(personas)
    client.force_login(personas.secretary_a)
    edit = client.post(reverse("inspections:discipline_edit", kwargs={"pk": decision.pk}), {"violation": "x"})
    delete = client.post(reverse("inspections:discipline_delete", kwargs={"pk": decision.pk}))
    assert (edit.status_code, delete.status_code) == (403, 403)
    decision.refresh_from_db()
    assert decision.deleted_at is None and decision.violation == "" and decision.history.count() == 1


def test_the_detail_page_offers_no_edit_button_to_who_may_not_edit(client, personas):
    decision = _commission_decision(personas)
    url = reverse("inspections:discipline_detail", kwargs={"pk": decision.pk})
    edit_url = reverse("inspections:discipline_edit", kwargs={"pk": decision.pk})
    client.force_login(personas.secretary_a)
    assert edit_url not in client.get(url).content.decode()
    client.force_login(personas.inspector)
    assert edit_url in client.get(url).content.decode()


def test_a_secretary_cannot_record_a_decision_in_the_name_of_the_committees_commission(client, personas):
    client.force_login(personas.secretary_a)
    response = client.post(
        reverse("inspections:discipline_create"),
        {
            "subject_kind": "member",
            "member": personas.member_a.national_id,
            "form": "warning",
            "body": "inspection_committee",
            "deciding_organization": personas.committee.pk,
            "decision_no": "22-QĐ/UBKT",
            "decided_on": "12/05/2025",
            "violation_category": "law",
            "violation_started_on": "01/02/2025",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["deciding_organization"]
    assert Discipline.all_objects.count() == 0


def test_a_secretary_is_told_why_their_own_inspection_committee_is_not_theirs(client, personas):
    client.force_login(personas.secretary_a)
    response = client.post(
        reverse("inspections:create"),
        {
            "organization": personas.org_a.pk,
            "body": "inspection_committee",
            "kind": "program",
            "title": "Kiểm tra chi bộ",
            "started_on": "10/04/2025",
            "subject_organizations": [personas.cell_a1.pk],
        },
    )
    assert response.status_code == 200
    assert "không được ghi hoặc sửa" in " ".join(response.context["form"].errors["body"])
    assert Inspection.all_objects.count() == 0


def test_only_committee_staff_open_rating_seasons_and_reporting_rounds(personas):
    assert policy.may_open_rating_season(personas.staff)
    assert policy.may_open_reporting_round(personas.staff)
    for user in (personas.secretary_a, personas.inspector, personas.plain_member):
        assert not policy.may_open_rating_season(user)
        assert not policy.may_open_reporting_round(user)


def test_a_rating_season_is_closed_by_the_staff_of_its_own_committee_while_open(personas):
    from dangvu.ratings import services as ratings

    season = ratings.season_open(organization=personas.committee, year=2025, by=None, today=dt.date(2026, 1, 10))
    assert policy.may_close_rating_season(personas.staff, season)
    assert not policy.may_close_rating_season(personas.secretary_a, season)
    season.status = "closed"
    assert not policy.may_close_rating_season(personas.staff, season)

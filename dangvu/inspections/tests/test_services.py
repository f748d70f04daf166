import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from dangvu.inspections import services
from dangvu.inspections.models import Body, Discipline, DisciplineForm, InspectedYear, Inspection, ViolationCategory
from dangvu.members.models import EventKind, MemberEvent, Status

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 6, 30)


def _expel(p, **overrides):
    data = {
        "form": DisciplineForm.EXPULSION,
        "body": Body.STANDING_COMMITTEE,
        "deciding_organization": p.committee,
        "decision_no": "15-QĐ/ĐUK",
        "decided_on": dt.date(2025, 9, 12),
        "violation_category": ViolationCategory.LAW,
        "violation_started_on": dt.date(2024, 11, 1),
    } | overrides
    return services.discipline_create(data=data, member=p.member_a, by=p.staff, today=TODAY)


def test_an_expulsion_records_the_expelled_event_with_the_decision(personas):
    discipline = _expel(personas)
    personas.member_a.refresh_from_db()
    assert personas.member_a.status == Status.EXPELLED
    event = discipline.expulsion_event
    assert (event.kind, event.on, event.document_no) == (EventKind.EXPELLED, dt.date(2025, 9, 12), "15-QĐ/ĐUK")


def test_a_refused_expelled_event_refuses_the_whole_decision(personas):
    """The member already left on 1/8/2025: the event is impossible, so no decision is written either."""
    from dangvu.members.services import member_event_record

    member_event_record(
        member=personas.member_a, kind=EventKind.RESIGNED, on=dt.date(2025, 8, 1), document_no="3-QĐ/ĐU", by=None
    )
    before = MemberEvent.objects.count()
    with pytest.raises(ValidationError) as refused:
        _expel(personas, violation_started_on=dt.date(2020, 6, 1), decided_on=dt.date(2025, 7, 15))
    # member_a was still a member on 15/7/2025, but the expelled event before the resignation is impossible.
    assert refused.value.message_dict
    assert Discipline.all_objects.count() == 0
    assert MemberEvent.objects.count() == before


def test_deleting_and_restoring_an_expulsion_takes_the_event_along(personas):
    discipline = _expel(personas)
    services.discipline_delete(discipline=discipline, by=personas.staff)
    personas.member_a.refresh_from_db()
    assert personas.member_a.status == Status.FULL
    services.discipline_restore(discipline=discipline, by=personas.staff)
    personas.member_a.refresh_from_db()
    assert personas.member_a.status == Status.EXPELLED


def test_correcting_an_expulsion_into_a_warning_removes_the_event(personas):
    discipline = _expel(personas)
    data = {name: getattr(discipline, name) for name in services.DISCIPLINE_FIELDS} | {"form": DisciplineForm.WARNING}
    services.discipline_update(discipline=discipline, data=data, by=personas.staff, today=TODAY)
    personas.member_a.refresh_from_db()
    assert personas.member_a.status == Status.FULL and discipline.expulsion_event is None
    assert discipline.history.count() == 2


def test_an_inspection_keeps_its_subjects_and_a_refused_edit_changes_nothing(personas):
    inspection = services.inspection_create(
        organization=personas.org_a,
        data={"body": Body.BASE_COMMITTEE, "kind": "program", "title": "Kiểm tra", "started_on": dt.date(2024, 3, 1)},
        subject_organizations=[personas.cell_a1],
        subject_member_ids=[personas.member_a.pk],
        by=personas.secretary_a,
        today=TODAY,
    )
    with pytest.raises(ValidationError):
        services.inspection_update(
            inspection=inspection,
            data={"title": "Đổi tên"},
            subject_organizations=[],
            subject_member_ids=[personas.member_b.pk],  # not a member of A
            by=personas.secretary_a,
            today=TODAY,
        )
    fresh = Inspection.objects.get(pk=inspection.pk)
    assert fresh.title == "Kiểm tra"
    assert list(fresh.subject_members.all()) == [personas.member_a]
    assert list(fresh.subject_organizations.all()) == [personas.cell_a1]


def _inspected_years():
    return set(InspectedYear.objects.values_list("member_id", "year", "months", "counted_months"))


def test_the_months_members_were_inspected_follow_every_change_of_an_inspection(personas):
    a = personas.member_a
    data = {"body": Body.BASE_COMMITTEE, "kind": "program", "title": "Kiểm tra", "started_on": dt.date(2024, 3, 1)}
    inspection = services.inspection_create(
        organization=personas.org_a,
        data=data,
        subject_member_ids=[a.pk],
        by=personas.secretary_a,
        today=TODAY,
    )
    assert _inspected_years() == {(a.pk, 2024, 0b100, 0b111111111111)}  # March; counted all year
    services.inspection_update(
        inspection=inspection,
        data={"started_on": dt.date(2025, 2, 3)},
        subject_organizations=[],
        subject_member_ids=[a.pk],
        by=personas.secretary_a,
        today=TODAY,
    )
    assert _inspected_years() == {(a.pk, 2025, 0b10, 0b111111111111)}
    services.inspection_delete(inspection=inspection, by=personas.secretary_a)
    assert _inspected_years() == set()
    services.inspection_restore(inspection=inspection, by=personas.secretary_a)
    incremental = _inspected_years()
    services.inspected_years_rebuild()
    assert incremental == _inspected_years() == {(a.pk, 2025, 0b10, 0b111111111111)}

"""The figures later indicators call, and the list pages' constant query count."""

import datetime as dt

import pytest
from django.test.utils import override_settings
from django.urls import reverse

from dangvu.education import selectors, services
from dangvu.education.models import StudiedYear, TrainingKind
from dangvu.members.models import EventKind, TransferMode
from dangvu.members.services import member_event_record
from dangvu.members.tests.factories import admit

# The personas are built once for the module (conftest.py `module_db`).
pytestmark = [pytest.mark.django_db, pytest.mark.shared_setup]
D = dt.date
TODAY = D(2026, 11, 22)


def _session(p, org, members, document="Nghị quyết số 21-NQ/TW", on=None, present=4, headcount=10):
    return services.study_session_save(
        by=None,
        organization=org,
        document_reference=document,
        held_on=on or D(2025, 5, 10),
        non_members_present=present,
        non_member_headcount=headcount,
        member_ids=[m.pk for m in members],
        today=TODAY,
    )


def test_share_of_members_who_studied_a_document_in_a_subtree_and_period(personas):
    a2 = admit(personas.cell_a2, full_name="Lê Thị Hoa")
    _session(personas, personas.cell_a1, [personas.member_a])
    _session(personas, personas.org_b, [personas.member_b], document="Chỉ thị số 05-CT/TW")
    share = selectors.study_member_share(
        organization=personas.committee, start=D(2025, 1, 1), end=D(2025, 12, 31), document="NQ 21-NQ/TW"
    )
    # A, B, A1's cell secretary and A2's new member.
    assert (share.numerator, share.denominator) == (1, 4)
    assert str(share.percent) == "25.00"
    in_a = selectors.study_member_share(organization=personas.org_a, start=D(2025, 1, 1), end=D(2025, 12, 31))
    assert (in_a.numerator, in_a.denominator) == (1, 3)
    assert a2 is not None


def test_share_of_non_members_reached_counts_each_organization_once(personas):
    _session(personas, personas.org_a, [], present=6, headcount=10)
    _session(personas, personas.org_a, [], on=D(2025, 9, 1), present=8, headcount=10)
    _session(personas, personas.org_b, [], present=3, headcount=5)
    share = selectors.non_member_reach_share(organization=personas.committee, start=D(2025, 1, 1), end=D(2025, 12, 31))
    assert (share.numerator, share.denominator) == (11, 15)


def test_training_totals_per_kind(personas):
    training_class = services.training_class_save(
        by=None,
        kind=TrainingKind.PARTY_AWARENESS,
        title="Lớp nhận thức về Đảng",
        organization=personas.org_a,
        starts_on=D(2025, 3, 3),
        ends_on=D(2025, 3, 7),
        today=TODAY,
    )
    services.participants_add(
        training_class=training_class, by=None, names=["Lê Văn Quần", "Phan Thị Mai"], today=TODAY
    )
    totals = selectors.training_totals(organization=personas.committee, start=D(2025, 1, 1), end=D(2025, 12, 31))
    assert totals == {"party_awareness": {"classes": 1, "participants": 2, "completed": 0}}


def _fill(p, count):
    for day in range(1, count + 1):
        _session(p, p.org_a, [p.member_a], document=f"Nghị quyết số {day}-NQ/TW", on=D(2025, 1, day))
        services.training_class_save(
            by=None,
            kind=TrainingKind.OTHER,
            title=f"Lớp tháng một {day}",
            organization=p.org_a,
            starts_on=D(2025, 1, day),
            ends_on=D(2025, 1, day),
            today=TODAY,
        )


@pytest.mark.parametrize("url_name", ["education:session_list", "education:class_list"])
def test_the_list_pages_keep_a_constant_query_count(client, personas, django_assert_max_num_queries, url_name):
    client.force_login(personas.staff)
    counts = []
    for size, page_size in ((3, 2), (12, 10)):
        _fill(personas, size) if not counts else _fill_more(personas)
        with override_settings(PAGE_SIZE=page_size), django_assert_max_num_queries(12) as captured:
            assert client.get(reverse(url_name)).status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1]


def _fill_more(p):
    for day in range(10, 20):
        _session(p, p.org_a, [p.member_a], document=f"Kết luận số {day}-KL/TW", on=D(2025, 2, day))
        services.training_class_save(
            by=None,
            kind=TrainingKind.OTHER,
            title=f"Lớp {day}",
            organization=p.org_a,
            starts_on=D(2025, 2, day),
            ends_on=D(2025, 2, day),
            today=TODAY,
        )


def _studied_years():
    return set(StudiedYear.objects.values_list("member_id", "year", "months", "organization_id", "counted_months"))


def test_the_months_members_studied_follow_every_change_of_a_session(personas):
    a, a2 = personas.member_a, admit(personas.cell_a1, full_name="Lê Thị Hoa")
    may = _session(personas, personas.cell_a1, [a], on=D(2025, 5, 10))
    _session(personas, personas.cell_a1, [a], document="Chỉ thị số 05-CT/TW", on=D(2025, 9, 3))
    assert {r[:3] for r in _studied_years()} == {(a.pk, 2025, 0b100010000)}  # May and September

    services.study_session_save(  # the May session moves to 2024 and changes its attendees
        session=may,
        by=None,
        organization=personas.cell_a1,
        document_reference=may.document_reference,
        held_on=D(2024, 12, 20),
        non_members_present=0,
        non_member_headcount=0,
        member_ids=[a2.pk],
        today=TODAY,
    )
    assert {r[:3] for r in _studied_years()} == {(a.pk, 2025, 0b100000000), (a2.pk, 2024, 0b100000000000)}
    services.study_session_delete(session=may, by=None)
    assert {r[:3] for r in _studied_years()} == {(a.pk, 2025, 0b100000000)}
    services.study_session_restore(session=may, by=None)
    incremental = _studied_years()
    services.studied_years_rebuild()
    assert incremental == _studied_years()
    assert {r[:3] for r in incremental} == {(a.pk, 2025, 0b100000000), (a2.pk, 2024, 0b100000000000)}


def test_members_who_studied_in_part_of_a_month_are_counted_from_the_attendance(personas):
    _session(personas, personas.cell_a1, [personas.member_a], on=D(2025, 5, 10))
    count = selectors.studied_member_count
    assert count(organization=personas.org_a, start=D(2025, 5, 1), end=D(2025, 5, 31)) == 1  # whole month
    assert count(organization=personas.org_a, start=D(2025, 5, 11), end=D(2025, 5, 31)) == 0  # after the session
    assert count(organization=personas.org_a, start=D(2025, 5, 10), end=D(2025, 5, 10)) == 1
    assert count(organization=personas.org_b, start=D(2025, 5, 1), end=D(2025, 5, 31)) == 0


def test_where_members_who_studied_were_counted_follows_their_transfers(personas):
    a = personas.member_a
    _session(personas, personas.cell_a1, [a], on=D(2025, 3, 10))
    member_event_record(  # moves to organization B in the middle of May 2025
        member=a,
        kind=EventKind.TRANSFERRED_OUT,
        by=None,
        on=D(2025, 5, 15),
        transfer_mode=TransferMode.OFFICIAL,
        counterpart=personas.org_b,
        document_no="12-GGT/ĐUK",
        today=TODAY,
    )
    counted = set(StudiedYear.objects.values_list("organization_id", "year", "counted_months"))
    assert counted == {(personas.cell_a1.pk, 2025, 0b1111), (personas.org_b.pk, 2025, 0b111111110000)}
    incremental = _studied_years()
    services.studied_years_rebuild()
    assert _studied_years() == incremental
    count = selectors.studied_member_count
    year = {"start": D(2025, 1, 1), "end": D(2025, 12, 31)}
    assert count(organization=personas.org_b, **year) == 1  # counted in B on the last day, studied in A
    assert count(organization=personas.org_a, **year) == 0
    assert count(organization=personas.org_a, start=D(2025, 1, 1), end=D(2025, 4, 30)) == 1


@pytest.mark.parametrize("max_changed", [2_000, 0])  # 0: too many members set apart, counted over the rows
def test_a_year_to_date_leaves_out_what_happens_after_its_last_day(personas, monkeypatch, max_changed):
    """A period that cuts a month (a year to date): the days after its end neither add a study nor move a member."""
    monkeypatch.setattr("dangvu.members.activity.MAX_CHANGED", max_changed)
    a, b = personas.member_a, personas.member_b
    _session(personas, personas.cell_a1, [a], on=D(2025, 3, 10))
    _session(personas, personas.org_b, [b], on=D(2025, 11, 25))  # after the 22nd
    member_event_record(  # A moves to B on the 27th: still counted in A on the 22nd
        member=a,
        kind=EventKind.TRANSFERRED_OUT,
        by=None,
        on=D(2025, 11, 27),
        transfer_mode=TransferMode.OFFICIAL,
        counterpart=personas.org_b,
        document_no="12-GGT/ĐUK",
        today=TODAY,
    )
    count = selectors.studied_member_count
    to_date = {"start": D(2025, 1, 1), "end": D(2025, 11, 22)}
    assert count(organization=personas.org_a, **to_date) == 1
    assert count(organization=personas.org_b, **to_date) == 0
    assert count(organization=None, **to_date) == 1
    month = {"start": D(2025, 1, 1), "end": D(2025, 11, 30)}  # the whole month: A counted in B, B studied
    assert (count(organization=personas.org_a, **month), count(organization=personas.org_b, **month)) == (0, 2)


def test_a_period_starting_in_a_month_leaves_out_its_first_days(personas):
    a = personas.member_a
    _session(personas, personas.cell_a1, [a], on=D(2025, 3, 5))
    count = selectors.studied_member_count
    assert count(organization=personas.org_a, start=D(2025, 3, 6), end=D(2025, 12, 31)) == 0
    assert count(organization=personas.org_a, start=D(2025, 3, 5), end=D(2025, 12, 31)) == 1
    _session(personas, personas.cell_a1, [a], on=D(2025, 3, 20))
    assert count(organization=personas.org_a, start=D(2025, 3, 6), end=D(2025, 12, 31)) == 1

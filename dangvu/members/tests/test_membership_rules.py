"""Membership rules replayed from events, one row per rule of RULES.md §1 with its source.

These call the pure replay (`members.timeline.build_timeline`) with plain event objects,
so every rule is checked without a database.
"""

import datetime as dt
from dataclasses import dataclass

import pytest

from dangvu.members.models import EventKind, Status, TransferMode
from dangvu.members.timeline import TimelineError, build_timeline
from dangvu.workcalendar.selectors import add_working_days as add_working_days_over

D = dt.date
BORN = D(1965, 5, 10)
CELL_A, CELL_B = 1, 2


@dataclass
class Ev:
    kind: str
    on: dt.date
    organization_id: int | None = CELL_A
    counterpart_id: int | None = None
    external_place: str = ""
    transfer_mode: str = ""
    temporary_until: dt.date | None = None
    cell_resolution_on: dt.date | None = None
    ceremony_on: dt.date | None = None
    over_age_approved: bool = False
    card_number: str = ""
    badge_years: int | None = None
    early_for_illness: bool = False
    id: int | None = None


def no_holidays(start, days):
    return add_working_days_over(start, days, frozenset())


def replay(*events, born=BORN):
    return build_timeline(list(events), date_of_birth=born, add_working_days=no_holidays)


def admitted(on, **kw):
    kw.setdefault("ceremony_on", on)
    return Ev(EventKind.ADMITTED, on, **kw)


def test_a_new_member_is_probationary_in_the_admitting_cell():
    t = replay(admitted(D(2020, 3, 2)))
    assert t.status == Status.PROBATIONARY
    assert t.organization_id == CELL_A
    assert [(s.organization_id, s.start, s.end, s.probationary) for s in t.spells] == [
        (CELL_A, D(2020, 3, 2), None, True)
    ]


def test_probation_ends_twelve_months_after_the_ceremony():
    """Charter art. 5: probation is 12 months from the admission ceremony."""
    t = replay(admitted(D(2020, 3, 2), ceremony_on=D(2020, 3, 20)))
    assert t.probation_ends_on == D(2021, 3, 20)


def test_the_full_membership_decision_is_due_thirty_working_days_after_probation():
    """QĐ 232 §4.2 / QĐ 24: the cell considers full membership within 30 working days."""
    t = replay(admitted(D(2020, 3, 2), ceremony_on=D(2020, 3, 20)))
    # 20/3/2021 is a Saturday; 30 working days later, with no holiday, is Friday 30/4/2021.
    assert t.full_decision_due_on == D(2021, 4, 30)


def test_a_member_recognised_late_is_full_from_the_day_probation_ended():
    """QĐ 232 §4.2: a member recognised late still becomes full member when the 12 months end."""
    t = replay(admitted(D(2020, 3, 2), ceremony_on=D(2020, 3, 20)), Ev(EventKind.MADE_FULL, D(2021, 6, 1)))
    assert t.status == Status.FULL
    assert t.full_member_since == D(2021, 3, 20)
    assert [(s.start, s.end, s.probationary) for s in t.spells] == [
        (D(2020, 3, 2), D(2021, 3, 20), True),
        (D(2021, 3, 20), None, False),
    ]


def test_seniority_counts_from_the_admission_decision_including_probation():
    """Charter art. 5 §4: seniority counts from the admission decision and includes the probation year."""
    t = replay(admitted(D(2000, 1, 10)), Ev(EventKind.MADE_FULL, D(2001, 1, 10)))
    assert t.seniority_years_months(D(2026, 1, 10)) == (26, 0)


def test_seniority_of_a_readmitted_member_excludes_the_time_outside_the_party():
    """Charter art. 5 §4; QĐ 24 §4.5.1: counted from the first admission minus the gaps."""
    t = replay(
        admitted(D(2000, 1, 10)),
        Ev(EventKind.MADE_FULL, D(2001, 1, 10)),
        Ev(EventKind.REMOVED, D(2010, 1, 10)),
        Ev(EventKind.READMITTED, D(2014, 1, 10), ceremony_on=D(2014, 1, 10)),
    )
    # 10 years before the removal, 12 years since re-admission: 22 years on 10/1/2026.
    assert t.seniority_years_months(D(2026, 1, 10)) == (22, 0)
    assert t.seniority_base_on == D(2000, 1, 10) + (D(2014, 1, 10) - D(2010, 1, 10))


def test_the_next_badge_is_due_at_thirty_years_on_the_next_award_day():
    """HD 01-HD/TW 2021 §18: badges at 30, 40, 45 ... years; awarded on the customary days (configurable)."""
    t = replay(admitted(D(1996, 8, 20)), Ev(EventKind.MADE_FULL, D(1997, 8, 20)))
    assert t.next_badge_years == 30
    assert t.next_badge_eligible_on == D(2026, 8, 20)
    assert t.next_badge_on == D(2026, 9, 2)


def test_after_the_thirty_year_badge_the_next_is_forty_years():
    t = replay(
        admitted(D(1990, 1, 5)),
        Ev(EventKind.MADE_FULL, D(1991, 1, 5)),
        Ev(EventKind.BADGE_AWARDED, D(2020, 2, 3), badge_years=30),
    )
    assert t.badges == {30}
    assert t.next_badge_years == 40


def test_temporarily_transferred_members_stay_counted_at_home():
    """QĐ 24 §6.3: members on temporary transfer are not counted in the host cell."""
    t = replay(
        admitted(D(2015, 1, 5)),
        Ev(EventKind.MADE_FULL, D(2016, 1, 5)),
        Ev(
            EventKind.TRANSFERRED_OUT,
            D(2024, 3, 1),
            transfer_mode=TransferMode.TEMPORARY,
            counterpart_id=CELL_B,
            temporary_until=D(2024, 12, 31),
        ),
    )
    assert t.organization_id == CELL_A
    assert t.temporary_organization_id == CELL_B
    assert len(t.spells) == 2  # split only where probation ended


def test_an_official_transfer_between_cells_moves_the_spell():
    t = replay(
        admitted(D(2015, 1, 5)),
        Ev(EventKind.MADE_FULL, D(2016, 1, 5)),
        Ev(EventKind.TRANSFERRED_OUT, D(2024, 3, 1), transfer_mode=TransferMode.OFFICIAL, counterpart_id=CELL_B),
    )
    assert t.organization_id == CELL_B
    assert [(s.organization_id, s.end) for s in t.spells][-2:] == [(CELL_A, D(2024, 3, 1)), (CELL_B, None)]


def test_a_member_transferred_out_of_the_committee_is_no_longer_counted():
    t = replay(
        admitted(D(2015, 1, 5)),
        Ev(
            EventKind.TRANSFERRED_OUT,
            D(2015, 6, 1),
            transfer_mode=TransferMode.OFFICIAL,
            external_place="Tỉnh ủy An Giang",
        ),
    )
    assert t.status == Status.TRANSFERRED_AWAY
    assert t.organization_id is None
    assert t.spells[-1].end == D(2015, 6, 1)


REFUSALS = [
    # (rule and source, events, field named)
    ("QĐ 24/232 §1: over 60 needs special approval", [admitted(D(2026, 6, 1))], "on"),
    ("Charter art. 5: full membership needs an admission first", [Ev(EventKind.MADE_FULL, D(2020, 1, 1))], "kind"),
    (
        "Charter art. 5: full membership not before the 12 months end",
        [admitted(D(2020, 3, 2)), Ev(EventKind.MADE_FULL, D(2021, 3, 1))],
        "on",
    ),
    ("Two admissions without a leaving", [admitted(D(2020, 3, 2)), admitted(D(2021, 3, 2))], "kind"),
    (
        "Nothing after death",
        [admitted(D(2020, 3, 2)), Ev(EventKind.DIED, D(2021, 1, 1)), Ev(EventKind.MADE_FULL, D(2021, 4, 1))],
        "on",
    ),
    (
        "A transfer in while active in another cell",
        [
            admitted(D(2020, 3, 2)),
            Ev(EventKind.TRANSFERRED_IN, D(2021, 1, 1), transfer_mode=TransferMode.OFFICIAL, organization_id=CELL_B),
        ],
        "kind",
    ),
    (
        "QĐ 232 §3.5: re-admission at least 36 months after leaving",
        [admitted(D(2010, 3, 2)), Ev(EventKind.RESIGNED, D(2015, 1, 1)), Ev(EventKind.READMITTED, D(2017, 1, 1))],
        "on",
    ),
    (
        "QĐ 232 §3.5: re-admission only once",
        [
            admitted(D(2000, 3, 2)),
            Ev(EventKind.REMOVED, D(2005, 1, 1)),
            Ev(EventKind.READMITTED, D(2009, 1, 1)),
            Ev(EventKind.REMOVED, D(2012, 1, 1)),
            Ev(EventKind.READMITTED, D(2016, 1, 1)),
        ],
        "kind",
    ),
    (
        "An admission after leaving must be a re-admission",
        [admitted(D(2010, 3, 2)), Ev(EventKind.EXPELLED, D(2012, 1, 1)), admitted(D(2020, 1, 1))],
        "kind",
    ),
    (
        "HD 01-HD/TW §18: a badge only once seniority is reached",
        [admitted(D(2000, 3, 2)), Ev(EventKind.BADGE_AWARDED, D(2026, 2, 3), badge_years=30)],
        "badge_years",
    ),
    (
        "HD 01-HD/TW §18: badges only at the milestones",
        [admitted(D(1986, 3, 2)), Ev(EventKind.BADGE_AWARDED, D(2026, 2, 3), badge_years=35)],
        "badge_years",
    ),
    ("The ceremony cannot precede the decision", [admitted(D(2020, 3, 2), ceremony_on=D(2020, 2, 1))], "ceremony_on"),
    (
        "A leaving needs an active member",
        [admitted(D(2010, 3, 2)), Ev(EventKind.REMOVED, D(2012, 1, 1)), Ev(EventKind.RESIGNED, D(2013, 1, 1))],
        "kind",
    ),
]


@pytest.mark.parametrize(("rule", "events", "field"), REFUSALS, ids=[r[0] for r in REFUSALS])
def test_impossible_histories_are_refused_naming_the_field(rule, events, field):
    with pytest.raises(TimelineError) as refused:
        replay(*events)
    assert refused.value.field == field
    assert refused.value.message


@pytest.mark.parametrize(
    ("considered_on", "refused"),
    [(D(2013, 1, 9), True), (D(2013, 1, 10), False), (D(2055, 2, 9), False), (D(2055, 2, 10), True)],
)
def test_the_admission_age_is_18_to_60_counted_in_months_at_the_cells_consideration(considered_on, refused):
    """QĐ 24 / QĐ 232 §1: from 18 to 60 years counted in whole months at the cell's consideration: 60 years
    and some days is still 60; 60 years and 1 month is over."""
    event = admitted(considered_on, cell_resolution_on=considered_on)
    if refused:
        with pytest.raises(TimelineError) as error:
            replay(event, born=D(1995, 1, 10))
        assert error.value.field == "cell_resolution_on"
    else:
        assert replay(event, born=D(1995, 1, 10)).status == Status.PROBATIONARY


def test_admission_over_60_is_accepted_with_special_approval():
    event = admitted(D(2056, 3, 1), over_age_approved=True)
    assert replay(event, born=D(1995, 1, 10)).status == Status.PROBATIONARY


def test_a_seriously_ill_member_may_receive_the_badge_up_to_twelve_months_early():
    """HD 01-HD/TW 2021 §18: up to 12 months early for 30-65 years."""
    events = [
        admitted(D(1996, 8, 20)),
        Ev(EventKind.BADGE_AWARDED, D(2025, 9, 2), badge_years=30, early_for_illness=True),
    ]
    assert replay(*events).badges == {30}
    events[1].early_for_illness = False
    with pytest.raises(TimelineError):
        replay(*events)


def test_readmission_is_allowed_after_thirty_six_months():
    t = replay(
        admitted(D(2010, 3, 2)),
        Ev(EventKind.RESIGNED, D(2015, 1, 1)),
        Ev(EventKind.READMITTED, D(2018, 1, 1), ceremony_on=D(2018, 1, 10)),
    )
    assert t.status == Status.PROBATIONARY
    assert t.probation_ends_on == D(2019, 1, 10)

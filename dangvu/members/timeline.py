"""Replay a member's events into derived facts: the one place these rules live.

`build_timeline` is a pure function of the events (plus the date of birth and a
working-day function), so the services, the demo seeder and the tests all derive
status, spells, probation, seniority and badges the same way. An event that cannot
happen where it stands raises `TimelineError` naming the field and the reason.
"""

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Protocol

from django.utils.translation import gettext as _

from dangvu.lib.dates import add_months, add_years, format_short, months_between
from dangvu.members.models import EventKind, Status, TransferMode
from dangvu.members.rules import charter_rules_on, next_award_day

# Order of events recorded on the same day: joining first, leaving last.
KIND_ORDER = {
    EventKind.ADMITTED: 0,
    EventKind.READMITTED: 0,
    EventKind.TRANSFERRED_IN: 1,
    EventKind.MADE_FULL: 2,
    EventKind.CARD_ISSUED: 3,
    EventKind.BADGE_AWARDED: 3,
    EventKind.TRANSFERRED_OUT: 5,
    EventKind.REMOVED: 6,
    EventKind.RESIGNED: 6,
    EventKind.EXPELLED: 6,
    EventKind.DIED: 7,
}
LEAVING_STATUS = {
    EventKind.REMOVED: Status.REMOVED,
    EventKind.RESIGNED: Status.RESIGNED,
    EventKind.EXPELLED: Status.EXPELLED,
}


class EventLike(Protocol):
    id: int | None
    kind: str
    on: dt.date
    organization_id: int | None
    counterpart_id: int | None
    external_place: str
    transfer_mode: str
    temporary_until: dt.date | None
    cell_resolution_on: dt.date | None
    ceremony_on: dt.date | None
    over_age_approved: bool
    card_number: str
    badge_years: int | None
    early_for_illness: bool


class TimelineError(Exception):
    def __init__(self, field_name: str, message: str, event: EventLike | None = None):
        super().__init__(message)
        self.field = field_name
        self.message = message
        self.event = event


@dataclass
class Spell:
    organization_id: int
    start: dt.date
    end: dt.date | None = None
    probationary: bool = False


@dataclass
class Timeline:
    status: str = Status.NONE
    organization_id: int | None = None
    last_organization_id: int | None = None
    first_admitted_on: dt.date | None = None
    admitted_on: dt.date | None = None
    probation_starts_on: dt.date | None = None
    probation_ends_on: dt.date | None = None
    full_decision_due_on: dt.date | None = None
    full_member_since: dt.date | None = None
    spells: list[Spell] = field(default_factory=list)
    in_party: list[tuple[dt.date, dt.date | None]] = field(default_factory=list)
    badges: set[int] = field(default_factory=set)
    seniority_base_on: dt.date | None = None
    next_badge_years: int | None = None
    next_badge_eligible_on: dt.date | None = None
    next_badge_on: dt.date | None = None
    temporary_place: str = ""
    temporary_organization_id: int | None = None
    temporary_until: dt.date | None = None
    readmissions: int = 0
    left_on: dt.date | None = None

    @property
    def is_active(self) -> bool:
        return self.status in (Status.PROBATIONARY, Status.FULL)

    def seniority_days(self, on: dt.date) -> int:
        """Days in the party up to `on`, gaps outside the party excluded (Charter art. 5 §4)."""
        total = 0
        for start, end in self.in_party:
            stop = min(end, on) if end else on
            if stop > start:
                total += (stop - start).days
        return total

    def seniority_years_months(self, on: dt.date) -> tuple[int, int]:
        if self.seniority_base_on is None or not self.in_party:
            return 0, 0
        base = self._base_for(on)
        months = months_between(base, on)
        return max(months, 0) // 12, max(months, 0) % 12

    def _base_for(self, on: dt.date) -> dt.date:
        """The date from which seniority up to `on` would count without gaps."""
        return on - dt.timedelta(days=self.seniority_days(on))


def sort_events(events: Iterable[EventLike]) -> list[EventLike]:
    return sorted(events, key=lambda e: (e.on, KIND_ORDER.get(e.kind, 4), e.id or 10**12))


def build_timeline(
    events: Iterable[EventLike],
    *,
    date_of_birth: dt.date,
    add_working_days: Callable[[dt.date, int], dt.date],
) -> Timeline:
    t = Timeline()
    here: int | None = None
    probation_intervals: list[list[dt.date | None]] = []
    gaps_days = 0

    def open_spell(org_id: int, on: dt.date) -> None:
        nonlocal here
        t.spells.append(Spell(org_id, on))
        here = org_id
        t.last_organization_id = org_id

    def close_spell(on: dt.date) -> None:
        nonlocal here
        if here is not None:
            t.spells[-1].end = on
        here = None

    def check_age(e: EventLike) -> None:
        considered_on = e.cell_resolution_on or e.on
        rules = charter_rules_on(considered_on)
        age_months = months_between(date_of_birth, considered_on)
        field_name = "cell_resolution_on" if e.cell_resolution_on else "on"
        if age_months < rules.min_admission_age_months:
            raise TimelineError(
                field_name,
                _(
                    "The person was %(years)d years %(months)d months old when the cell considered the admission; "
                    "the minimum is 18 years (%(source)s)."
                )
                % {"years": age_months // 12, "months": age_months % 12, "source": rules.source},
                e,
            )
        if age_months > rules.max_admission_age_months and not e.over_age_approved:
            raise TimelineError(
                field_name,
                _(
                    "The person was over 60 when the cell considered the admission; this needs the special approval "
                    "of the competent committee (%(source)s)."
                )
                % {"source": rules.source},
                e,
            )

    def begin_membership(e: EventLike) -> None:
        if e.cell_resolution_on and e.cell_resolution_on > e.on:
            # The committee decides on the cell's resolution (QĐ 232 §4); the age is measured at the resolution.
            raise TimelineError(
                "cell_resolution_on",
                _("The cell's resolution (%(resolution)s) must come before the admission decision (%(decision)s).")
                % {"resolution": format_short(e.cell_resolution_on), "decision": format_short(e.on)},
                e,
            )
        check_age(e)
        if e.ceremony_on and e.ceremony_on < e.on:
            raise TimelineError(
                "ceremony_on", _("The admission ceremony cannot come before the admission decision."), e
            )
        t.status = Status.PROBATIONARY
        t.admitted_on = e.on
        t.first_admitted_on = t.first_admitted_on or e.on
        t.probation_starts_on = e.ceremony_on or e.on
        t.in_party.append((e.on, None))
        probation_intervals.append([e.on, None])
        t.full_member_since = None
        if e.organization_id:
            open_spell(e.organization_id, e.on)

    def end_membership(on: dt.date) -> None:
        close_spell(on)
        start, _end = t.in_party[-1]
        t.in_party[-1] = (start, on)
        if probation_intervals and probation_intervals[-1][1] is None:
            probation_intervals[-1][1] = on

    for e in sort_events(events):
        if t.status == Status.DECEASED:
            raise TimelineError("on", _("No event can be recorded after the member's death."), e)
        kind = e.kind
        if kind == EventKind.ADMITTED:
            if t.status in (Status.REMOVED, Status.RESIGNED, Status.EXPELLED):
                raise TimelineError(
                    "kind", _("This person left the party before; record a re-admission instead of an admission."), e
                )
            if t.status != Status.NONE:
                raise TimelineError(
                    "kind", _("The member is already admitted; two admissions need a leaving in between."), e
                )
            begin_membership(e)
        elif kind == EventKind.READMITTED:
            if t.status not in (Status.REMOVED, Status.RESIGNED, Status.EXPELLED):
                raise TimelineError("kind", _("Only someone who has left the party can be re-admitted."), e)
            rules = charter_rules_on(e.on)
            if t.readmissions >= rules.readmission_max_times:
                raise TimelineError(
                    "kind", _("A person can be re-admitted only once (%(source)s).") % {"source": rules.source}, e
                )
            if t.left_on and months_between(t.left_on, e.on) < rules.readmission_min_gap_months:
                raise TimelineError(
                    "on",
                    _("Re-admission needs at least %(months)d months after leaving the party on %(left)s (%(source)s).")
                    % {
                        "months": rules.readmission_min_gap_months,
                        "left": format_short(t.left_on),
                        "source": rules.source,
                    },
                    e,
                )
            gaps_days += (e.on - t.left_on).days if t.left_on else 0
            t.readmissions += 1
            begin_membership(e)
        elif kind == EventKind.MADE_FULL:
            if t.status != Status.PROBATIONARY:
                raise TimelineError(
                    "kind", _("Only a probationary member can be made a full member; no admission precedes this."), e
                )
            rules = charter_rules_on(t.probation_starts_on)
            probation_end = add_months(t.probation_starts_on, rules.probation_months)
            if e.on < probation_end:
                raise TimelineError(
                    "on",
                    _("The probation runs until %(end)s; full membership cannot be decided before then (%(source)s).")
                    % {"end": format_short(probation_end), "source": rules.source},
                    e,
                )
            t.status = Status.FULL
            # A member recognised late still becomes full member on the day the 12 months end.
            t.full_member_since = probation_end
            probation_intervals[-1][1] = probation_end
        elif kind == EventKind.TRANSFERRED_OUT:
            if not t.is_active:
                raise TimelineError("kind", _("Only a member who has not left the party can be transferred."), e)
            if here is None:
                raise TimelineError("kind", _("The member is not in any cell of the committee on this date."), e)
            if e.counterpart_id and e.counterpart_id == here:
                raise TimelineError("counterpart", _("The member already belongs to this cell."), e)
            if e.transfer_mode == TransferMode.TEMPORARY:
                t.temporary_organization_id = e.counterpart_id
                t.temporary_place = e.external_place
                t.temporary_until = e.temporary_until
            else:
                close_spell(e.on)
                if e.counterpart_id:
                    open_spell(e.counterpart_id, e.on)
                t.temporary_organization_id, t.temporary_place, t.temporary_until = None, "", None
        elif kind == EventKind.TRANSFERRED_IN:
            if t.status == Status.NONE:
                raise TimelineError(
                    "kind",
                    _(
                        "No admission is recorded for this member; record the admission (it may be outside the "
                        "committee) before the transfer in."
                    ),
                    e,
                )
            if not t.is_active:
                raise TimelineError("kind", _("Only a member who has not left the party can be transferred in."), e)
            if here is not None:
                raise TimelineError(
                    "kind",
                    _("The member is still active in another cell of the committee; record the transfer out first."),
                    e,
                )
            if e.transfer_mode == TransferMode.TEMPORARY:
                t.temporary_organization_id = e.organization_id
                t.temporary_until = e.temporary_until
            else:
                open_spell(e.organization_id, e.on)
                t.temporary_organization_id, t.temporary_place, t.temporary_until = None, "", None
        elif kind in LEAVING_STATUS:
            if not t.is_active:
                raise TimelineError("kind", _("Only an active member can leave the party."), e)
            end_membership(e.on)
            t.status = LEAVING_STATUS[kind]
            t.left_on = e.on
        elif kind == EventKind.DIED:
            if t.status == Status.NONE:
                raise TimelineError("kind", _("No admission is recorded for this member."), e)
            if t.is_active:
                end_membership(e.on)
            t.status = Status.DECEASED
        elif kind == EventKind.CARD_ISSUED:
            if not t.is_active:
                raise TimelineError("kind", _("A party card is issued only to an active member."), e)
            if not e.card_number:
                raise TimelineError("card_number", _("Enter the party card number."), e)
        elif kind == EventKind.BADGE_AWARDED:
            if not t.is_active:
                raise TimelineError("kind", _("A badge is awarded only to an active member."), e)
            rules = charter_rules_on(e.on)
            if e.badge_years not in rules.badge_milestones:
                raise TimelineError("badge_years", _("Badges are awarded at 30, 40, 45, ... 90 years of seniority."), e)
            if e.badge_years in t.badges:
                raise TimelineError("badge_years", _("This badge was already awarded to the member."), e)
            early = rules.early_badge_months(e.badge_years) if e.early_for_illness else 0
            counted_from = e.on - dt.timedelta(days=t.seniority_days(e.on))
            reached_on = add_months(add_years(counted_from, e.badge_years), -early)
            if e.on < reached_on:
                raise TimelineError(
                    "badge_years",
                    _("On %(on)s the member has not reached %(years)d years of seniority (reached on %(reached)s).")
                    % {"on": format_short(e.on), "years": e.badge_years, "reached": format_short(reached_on)},
                    e,
                )
            t.badges.add(e.badge_years)

    t.organization_id = here
    if t.is_active and here is None:
        t.status = Status.TRANSFERRED_AWAY
    _split_probation(t, probation_intervals)
    _derive_deadlines(t, add_working_days=add_working_days)
    if t.first_admitted_on:
        t.seniority_base_on = t.first_admitted_on + dt.timedelta(days=gaps_days)
    _derive_next_badge(t)
    return t


def _split_probation(t: Timeline, intervals: list[list[dt.date | None]]) -> None:
    """Cut spells where probation starts or ends, marking the probationary parts."""
    result: list[Spell] = []
    for spell in t.spells:
        pieces = [spell]
        for start, end in intervals:
            next_pieces: list[Spell] = []
            for piece in pieces:
                for cut in (start, end):
                    if cut and piece.start < cut and (piece.end is None or cut < piece.end):
                        next_pieces.append(Spell(piece.organization_id, piece.start, cut))
                        piece = Spell(piece.organization_id, cut, piece.end)
                next_pieces.append(piece)
            pieces = next_pieces
        for piece in pieces:
            piece.probationary = any(
                start <= piece.start and (end is None or piece.start < end) for start, end in intervals
            )
            result.append(piece)
    t.spells = [s for s in result if s.end is None or s.end > s.start]


def _derive_deadlines(t: Timeline, *, add_working_days: Callable[[dt.date, int], dt.date]) -> None:
    if t.status != Status.PROBATIONARY:
        return
    rules = charter_rules_on(t.probation_starts_on)
    t.probation_ends_on = add_months(t.probation_starts_on, rules.probation_months)
    t.full_decision_due_on = add_working_days(t.probation_ends_on, rules.full_decision_working_days)


def _derive_next_badge(t: Timeline) -> None:
    if not t.is_active or t.seniority_base_on is None:
        return
    rules = charter_rules_on(t.seniority_base_on)
    awarded = max(t.badges, default=0)
    upcoming = [years for years in rules.badge_milestones if years > awarded]
    if not upcoming:
        return
    years = upcoming[0]
    t.next_badge_years = years
    t.next_badge_eligible_on = add_years(t.seniority_base_on, years)
    t.next_badge_on = next_award_day(t.next_badge_eligible_on)

"""Approval (chuẩn y) of a congress' results by the competent higher committee.

Once approved, the elected become dated committee appointments (`cadres.CommitteeAppointment`, kind "approved
after election") through the cadres services, which check them as any appointment; the posts of the term before
end on the day of approval.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from dangvu.votes.congress import refuse
from dangvu.votes.models import Body, Congress, CongressState, Poll, PollOption, PollState

# What an elected body becomes in the registry; other bodies (inspection, delegates) have no committee post.
POSITIONS = {
    Body.COMMITTEE: "executive",
    Body.STANDING: "standing",
    Body.DEPUTY_SECRETARY: "deputy_secretary",
    Body.SECRETARY: "secretary",
}


def elected_of(congress: Congress) -> list[tuple[Poll, PollOption]]:
    """Everyone elected at the congress, body by body, round by round, in order of votes."""
    rows = []
    polls = congress.polls.filter(state=PollState.PUBLISHED).order_by("pk")
    for poll in sorted(
        polls, key=lambda p: (list(POSITIONS).index(p.body) if p.body in POSITIONS else 9, p.round_number)
    ):
        for option in sorted(poll.options.filter(elected=True), key=lambda o: (-(o.votes or 0), o.order)):
            rows.append((poll, option))
    return rows


def may_submit(congress: Congress) -> list[str]:
    """Why the congress cannot be submitted yet (empty when it can)."""
    problems = []
    polls = list(congress.polls.all())
    if not any(p.state == PollState.PUBLISHED for p in polls):
        problems.append(_("No result has been published yet."))
    if any(p.state != PollState.PUBLISHED for p in polls):
        problems.append(_("Every vote must be counted and published first."))
    return problems


@transaction.atomic
def submit(*, by, congress: Congress) -> Congress:
    if congress.state not in (CongressState.PLANNED, CongressState.HELD):
        raise refuse(None, _("The congress was already submitted."))
    problems = may_submit(congress)
    if problems:
        raise ValidationError(problems)
    congress.state = CongressState.SUBMITTED
    congress._history_user = by
    congress.save()
    return congress


@transaction.atomic
def approve(
    *, by, congress: Congress, approved_on: dt.date, approved_by: str, document_no: str, today: dt.date | None = None
) -> list:
    """Record the approval and make the elected committee appointments; returns the appointments made."""
    from dangvu.cadres import services as cadres
    from dangvu.cadres.models import AppointmentKind, CommitteeAppointment

    if congress.state != CongressState.SUBMITTED:
        raise refuse(None, _("Only a congress submitted for approval can be approved."))
    if not (approved_by or "").strip():
        raise refuse("approved_by", _("Name the committee that approved."))
    if not (document_no or "").strip():
        raise refuse("document_no", _("Enter the number of the approval decision."))
    if approved_on < congress.opens_on:
        raise refuse("approved_on", _("The approval cannot come before the congress."))
    organization = congress.organization
    # The posts of the term before end when the new committee is approved.
    for old in CommitteeAppointment.objects.filter(
        organization=organization, deleted_at__isnull=True, ended_on__isnull=True, decided_on__lt=approved_on
    ):
        cadres.appointment_end(appointment=old, ended_on=approved_on, by=by, today=today)
    made = []
    for poll, option in elected_of(congress):
        position = POSITIONS.get(poll.body)
        if position is None or option.member_id is None:
            continue
        try:
            made.append(
                cadres.appointment_record(
                    by=by,
                    organization=organization,
                    member=option.member,
                    position=position,
                    kind=AppointmentKind.APPROVED,
                    decided_by=approved_by,
                    decided_on=approved_on,
                    document_no=document_no,
                    term=congress.term,
                    today=today,
                )
            )
        except ValidationError as error:
            messages = [m for m in error.messages]
            raise refuse("approved_on", f"{option.name}: {' '.join(messages)}") from error
    congress.state = CongressState.APPROVED
    congress.approved_on, congress.approved_by = approved_on, approved_by.strip()
    congress.approval_document_no = document_no.strip()
    congress._history_user = by
    congress.save()
    return made

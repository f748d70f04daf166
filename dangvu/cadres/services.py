"""Writes of cadre-work records; each rule refused with a message naming it."""

import datetime as dt

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from dangvu.accounts.models import User
from dangvu.cadres.models import CommitteeAppointment, PoliticalConclusion, Position, Purpose
from dangvu.cadres.rules import rules_on
from dangvu.candidates.models import Candidate
from dangvu.lib.dates import format_short
from dangvu.lib.errors import refuse
from dangvu.lib.records import save_record
from dangvu.lib.softdelete import restore, soft_delete
from dangvu.members.models import ACTIVE_STATUSES, Member
from dangvu.members.selectors import organization_on, status_on
from dangvu.organizations.models import Organization


def _not_future(field: str, on: dt.date | None, today: dt.date) -> None:
    if on is None:
        raise refuse(field, _("Enter the date."))
    if on > today:
        raise refuse(field, _("The date %(date)s is in the future.") % {"date": format_short(on)})


@transaction.atomic
def conclusion_record(
    *,
    by: User | None,
    purpose: str,
    concluded_on: dt.date,
    verdict: str,
    conclusion: str,
    member: Member | None = None,
    candidate: Candidate | None = None,
    document_no: str = "",
    today: dt.date | None = None,
) -> PoliticalConclusion:
    """A political-standard conclusion (admission: on a candidate) or a cadre comment (on a member)."""
    today = today or timezone.localdate()
    _not_future("concluded_on", concluded_on, today)
    if (member is None) == (candidate is None):
        raise refuse("member", _("Choose either a member or a candidate."))
    if purpose == Purpose.ADMISSION:
        if candidate is None:
            raise refuse(
                "candidate",
                _("A conclusion for admission is made on a candidate, not on a member (HD 12-HD/BTCTW 2022)."),
            )
        organization = candidate.organization
    else:
        if member is None:
            raise refuse(
                "member",
                _("Conclusions for planning, appointment or going abroad are made on party members (cadre work)."),
            )
        if status_on(member=member, on=concluded_on) not in ACTIVE_STATUSES:
            raise refuse(
                "member",
                _("%(name)s was not a party member on %(date)s.")
                % {"name": member.full_name, "date": format_short(concluded_on)},
            )
        organization = organization_on(member=member, on=concluded_on) or member.last_organization
    if not (conclusion or "").strip():
        raise refuse("conclusion", _("Write the conclusion."))
    return save_record(
        PoliticalConclusion(),
        by=by,
        member=member,
        candidate=candidate,
        organization=organization,
        purpose=purpose,
        concluded_on=concluded_on,
        verdict=verdict,
        conclusion=conclusion.strip(),
        document_no=(document_no or "").strip(),
    )


def conclusion_delete(*, conclusion: PoliticalConclusion, by: User | None) -> None:
    soft_delete(conclusion, by=by)


def conclusion_restore(*, conclusion: PoliticalConclusion, by: User | None) -> None:
    restore(conclusion, by=by)


def _check_appointment(appointment: CommitteeAppointment, *, today: dt.date) -> None:
    _not_future("decided_on", appointment.decided_on, today)
    on = appointment.decided_on
    if appointment.ended_on and appointment.ended_on <= on:
        raise refuse("ended_on", _("The end of the post must come after the decision."))
    if appointment.ended_on and appointment.ended_on > today:
        raise refuse(
            "ended_on", _("The date %(date)s is in the future.") % {"date": format_short(appointment.ended_on)}
        )
    if not appointment.document_no.strip():
        raise refuse("document_no", _("Enter the number of the decision or letter."))
    if not appointment.decided_by.strip():
        raise refuse("decided_by", _("Name the body that appointed or approved."))
    rules = rules_on(on)
    org = appointment.organization
    if appointment.position == Position.STANDING and org.kind not in rules.standing_kinds:
        raise refuse(
            "position",
            _("%(name)s has no standing committee: only committees and base party committees do (Charter art. 11).")
            % {"name": org.name},
        )
    member = appointment.member
    if status_on(member=member, on=on) not in rules.committee_statuses:
        raise refuse(
            "member",
            _(
                "%(name)s was not a full member on %(date)s: probationary members cannot be elected to leadership "
                "bodies (Charter art. 5 §3)."
            )
            % {"name": member.full_name, "date": format_short(on)},
        )
    cell = organization_on(member=member, on=on)
    if cell is None or not cell.path.startswith(org.path):
        raise refuse(
            "member",
            _("%(name)s was not a member of %(org)s on %(date)s.")
            % {"name": member.full_name, "org": org.name, "date": format_short(on)},
        )
    if rules.single_secretary and appointment.position == Position.SECRETARY:
        clash = (
            CommitteeAppointment.objects.filter(organization=org, position=Position.SECRETARY)
            .exclude(pk=appointment.pk)
            .exclude(member=member)
            .filter(decided_on__lte=appointment.ended_on or dt.date.max)
            .filter(Q(ended_on__isnull=True) | Q(ended_on__gt=on))
            .select_related("member")
            .first()
        )
        if clash:
            raise refuse(
                "position",
                _("%(org)s already has a secretary then: %(name)s; record the end of that post first (Charter art. 9).")
                % {"org": org.name, "name": clash.member.full_name},
            )


@transaction.atomic
def appointment_record(
    *,
    by: User | None,
    organization: Organization,
    member: Member,
    position: str,
    kind: str,
    decided_by: str,
    decided_on: dt.date,
    document_no: str,
    term: str = "",
    ended_on: dt.date | None = None,
    today: dt.date | None = None,
) -> CommitteeAppointment:
    today = today or timezone.localdate()
    return save_record(
        CommitteeAppointment(),
        by=by,
        check=lambda a: _check_appointment(a, today=today),
        organization=organization,
        member=member,
        position=position,
        kind=kind,
        decided_by=(decided_by or "").strip(),
        decided_on=decided_on,
        document_no=(document_no or "").strip(),
        term=(term or "").strip(),
        ended_on=ended_on,
    )


@transaction.atomic
def appointment_end(
    *, appointment: CommitteeAppointment, ended_on: dt.date, by: User | None, today: dt.date | None = None
) -> CommitteeAppointment:
    today = today or timezone.localdate()
    appointment = CommitteeAppointment.objects.select_for_update().get(pk=appointment.pk)
    return save_record(appointment, by=by, check=lambda a: _check_appointment(a, today=today), ended_on=ended_on)


def appointment_delete(*, appointment: CommitteeAppointment, by: User | None) -> None:
    soft_delete(appointment, by=by)


def appointment_restore(*, appointment: CommitteeAppointment, by: User | None) -> None:
    restore(appointment, by=by)

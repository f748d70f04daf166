"""Writes to the admission pipeline. Each step checks the steps before it and the rules in force on its date;
the admission creates the member through the registry's own service, in the same transaction."""

import datetime as dt

from django.core.exceptions import NON_FIELD_ERRORS
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dangvu.accounts.models import User
from dangvu.candidates.models import OPEN_STAGES, Candidate, Introducer, Stage
from dangvu.candidates.rules import rules_on
from dangvu.lib.dates import add_months, format_short, months_between
from dangvu.lib.errors import refuse
from dangvu.lib.softdelete import restore, soft_delete
from dangvu.lib.versioning import ensure_current
from dangvu.lib.vntext import fold
from dangvu.members.models import EventKind, Member, Status
from dangvu.members.rules import charter_rules_on
from dangvu.members.selectors import status_on
from dangvu.members.services import member_create
from dangvu.workcalendar.selectors import add_working_days

PERSONAL_FIELDS = (
    "full_name",
    "sex",
    "date_of_birth",
    "national_id",
    "hometown",
    "ethnicity",
    "religion",
    "general_education",
    "occupation_now",
    "organization",
)
FILE_FIELDS = (
    "awareness_class_on",
    "awareness_certificate_no",
    "application_on",
    "cv_verified_on",
    "cv_verification_note",
    "youth_union_recommended",
    "note",
)


def _future(field: str, on: dt.date | None, today: dt.date) -> None:
    if on and on > today:
        raise refuse(field, _("The date %(date)s is in the future.") % {"date": format_short(on)})


def derive(candidate: Candidate, *, holidays: frozenset[dt.date] | None = None) -> None:
    """Stage and deadlines from the recorded dates (QĐ 232 §4: 60 and 30 working days), and the search text."""
    candidate.search_text = " ".join(part for part in (fold(candidate.full_name), candidate.national_id) if part)
    candidate.decision_due_on = None
    candidate.ceremony_due_on = None
    if candidate.cell_vote_on:
        rules = rules_on(candidate.cell_vote_on)
        candidate.decision_due_on = add_working_days(candidate.cell_vote_on, rules.decision_working_days, holidays)
    received = candidate.decision_received_on or candidate.decision_on
    if received:
        rules = rules_on(received)
        candidate.ceremony_due_on = add_working_days(received, rules.ceremony_working_days, holidays)
    if candidate.member_id:
        candidate.stage = Stage.ADMITTED
    elif candidate.withdrawn_on:
        candidate.stage = Stage.WITHDRAWN
    elif candidate.decision_on:
        candidate.stage = Stage.DECIDED
    elif candidate.committee_vote_on:
        candidate.stage = Stage.COMMITTEE_APPROVED
    elif candidate.cell_vote_on:
        candidate.stage = Stage.CELL_APPROVED
    else:
        candidate.stage = Stage.PREPARING


def _save(candidate: Candidate, by: User | None) -> Candidate:
    derive(candidate)
    candidate._history_user = by
    candidate.save()
    return candidate


def _lock_open(pk: int) -> Candidate:
    """The candidate's row, locked for this transaction, once it is known to be still in the pipeline."""
    candidate = Candidate.objects.select_for_update().get(pk=pk)
    _ensure_open(candidate)
    return candidate


def _ensure_introducers_can_change(candidate: Candidate) -> None:
    if candidate.cell_vote_on:
        raise refuse("member", _("The cell has already voted; the introducers cannot change."))


def _ensure_open(candidate: Candidate) -> None:
    if candidate.stage not in OPEN_STAGES:
        raise refuse(
            None, _("The candidate is %(stage)s; the file is closed.") % {"stage": Stage(candidate.stage).label.lower()}
        )


def _validate_cell(candidate: Candidate, on: dt.date) -> None:
    cell = candidate.organization
    if not cell.holds_members:
        raise refuse(
            "organization", _("Candidates belong to a cell or a base cell, not to %(name)s.") % {"name": cell.name}
        )
    if cell.ended_on and on >= cell.ended_on:
        raise refuse(
            "organization", _("%(name)s ended on %(date)s.") % {"name": cell.name, "date": format_short(cell.ended_on)}
        )


def _validate_file(candidate: Candidate, today: dt.date) -> None:
    for field in ("awareness_class_on", "application_on", "cv_verified_on"):
        _future(field, getattr(candidate, field), today)
    if candidate.awareness_class_on and not candidate.awareness_certificate_no.strip():
        raise refuse("awareness_certificate_no", _("Enter the number of the party-awareness class certificate."))
    if candidate.cell_vote_on:
        for field, label in (
            ("awareness_class_on", _("the party-awareness class")),
            ("application_on", _("the application")),
            ("cv_verified_on", _("the CV verification")),
        ):
            value = getattr(candidate, field)
            if value is None or value > candidate.cell_vote_on:
                raise refuse(
                    field,
                    _("The cell voted on %(date)s; %(item)s must come before (HD 12-HD/BTCTW 2022).")
                    % {"date": format_short(candidate.cell_vote_on), "item": label},
                )


def _check_min_age(candidate: Candidate, on: dt.date) -> None:
    """Admission age at least 18, counted in months at the date the cell considers the case (QĐ 232 §1).
    Over 60 is left to the admission, where the special approval is recorded."""
    charter = charter_rules_on(on)
    months = months_between(candidate.date_of_birth, on)
    if months < charter.min_admission_age_months:
        raise refuse(
            "cell_vote_on",
            _(
                "The person was %(years)d years %(months)d months old when the cell considered the admission; "
                "the minimum is 18 years (%(source)s)."
            )
            % {"years": months // 12, "months": months % 12, "source": charter.source},
        )


@transaction.atomic
def candidate_create(*, by: User | None, data: dict, today: dt.date | None = None) -> Candidate:
    today = today or timezone.localdate()
    unknown = set(data) - set(PERSONAL_FIELDS) - set(FILE_FIELDS)
    if unknown:
        raise TypeError(f"unknown candidate fields: {sorted(unknown)}")
    candidate = Candidate(**data)
    _future("date_of_birth", candidate.date_of_birth, today)
    _validate_cell(candidate, today)
    _validate_file(candidate, today)
    return _save(candidate, by)


@transaction.atomic
def candidate_update(
    *, candidate: Candidate, by: User | None, data: dict, version: int | None = None, today: dt.date | None = None
) -> Candidate:
    """Correct the personal record or the file (class, application, CV verification); `version` is the one the
    edit form was opened on (lib.versioning)."""
    today = today or timezone.localdate()
    unknown = set(data) - set(PERSONAL_FIELDS) - set(FILE_FIELDS)
    if unknown:
        raise TypeError(f"unknown candidate fields: {sorted(unknown)}")
    candidate = _lock_open(candidate.pk)
    ensure_current(candidate, version=version, data=data)
    for name, value in data.items():
        setattr(candidate, name, value)
    _future("date_of_birth", candidate.date_of_birth, today)
    _validate_cell(candidate, today)
    _validate_file(candidate, today)
    if candidate.cell_vote_on:
        _check_min_age(candidate, candidate.cell_vote_on)
    return _save(candidate, by)


@transaction.atomic
def introducer_add(
    *,
    candidate: Candidate,
    member: Member,
    known_since: dt.date,
    letter_on: dt.date,
    by: User | None,
    today: dt.date | None = None,
) -> Introducer:
    """A full member on the letter's date who has worked with the candidate at least 12 months (QĐ 24 §3.2.1)."""
    today = today or timezone.localdate()
    candidate = _lock_open(candidate.pk)
    _ensure_introducers_can_change(candidate)
    _future("letter_on", letter_on, today)
    if known_since > letter_on:
        raise refuse("known_since", _("The date they started working together comes after the letter."))
    rules = rules_on(letter_on)
    if add_months(known_since, rules.introducer_months) > letter_on:
        raise refuse(
            "known_since",
            _("An introducer must have worked with the candidate for at least %(months)d months (%(rules)s).")
            % {"months": rules.introducer_months, "rules": "QĐ 24 §3.2.1"},
        )
    if status_on(member=member, on=letter_on) != Status.FULL:
        raise refuse(
            "member",
            _("%(name)s was not a full member on %(date)s; only a full member may introduce (QĐ 24 §3.2.1).")
            % {"name": member.full_name, "date": format_short(letter_on)},
        )
    if candidate.introducers.filter(member=member).exists():
        raise refuse("member", _("%(name)s is already an introducer.") % {"name": member.full_name})
    introducer = Introducer(candidate=candidate, member=member, known_since=known_since, letter_on=letter_on)
    introducer._history_user = by
    introducer.save()
    return introducer


@transaction.atomic
def introducer_remove(*, introducer: Introducer, by: User | None) -> None:
    candidate = _lock_open(introducer.candidate_id)
    _ensure_introducers_can_change(candidate)
    soft_delete(introducer, by=by)


def _check_votes(field_prefix: str, votes_for: int | None, voters: int | None, on: dt.date, body: str) -> None:
    rules = rules_on(on)
    if not voters:
        raise refuse(f"{field_prefix}_voters", _("Enter how many could vote."))
    if votes_for is None or votes_for > voters:
        raise refuse(f"{field_prefix}_votes_for", _("The votes in favour cannot exceed those who could vote."))
    if votes_for < rules.approval_share * voters:
        raise refuse(
            f"{field_prefix}_votes_for",
            _("%(votes)d of %(voters)d is less than two thirds: the %(body)s did not approve (Charter art. 4 §3).")
            % {"votes": votes_for, "voters": voters, "body": body},
        )


@transaction.atomic
def candidate_cell_vote(
    *, candidate: Candidate, on: dt.date, votes_for: int, voters: int, by: User | None, today: dt.date | None = None
) -> Candidate:
    """The cell's resolution: the file must be complete and two thirds of the full members in favour."""
    today = today or timezone.localdate()
    candidate = _lock_open(candidate.pk)
    if candidate.cell_vote_on:
        raise refuse("cell_vote_on", _("The cell's resolution is already recorded."))
    _future("cell_vote_on", on, today)
    _validate_cell(candidate, on)
    rules = rules_on(on)
    candidate.cell_vote_on = on
    _validate_file(candidate, today)
    introducers = candidate.introducers.filter(letter_on__lte=on).count()
    needed = rules.introducers_needed - (1 if candidate.youth_union_recommended else 0)
    if introducers < needed:
        raise refuse(
            "cell_vote_on",
            _(
                "%(needed)d introducers are needed before the cell votes (one if the youth union recommends); "
                "%(count)d recorded (Charter art. 4 §2)."
            )
            % {"needed": rules.introducers_needed, "count": introducers},
        )
    _check_votes("cell", votes_for, voters, on, _("cell"))
    _check_min_age(candidate, on)
    candidate.cell_votes_for, candidate.cell_voters = votes_for, voters
    return _save(candidate, by)


@transaction.atomic
def candidate_committee_vote(
    *, candidate: Candidate, on: dt.date, votes_for: int, voters: int, by: User | None, today: dt.date | None = None
) -> Candidate:
    today = today or timezone.localdate()
    candidate = _lock_open(candidate.pk)
    if not candidate.cell_vote_on:
        raise refuse("committee_vote_on", _("Record the cell's resolution first."))
    if candidate.committee_vote_on:
        raise refuse("committee_vote_on", _("The base committee's resolution is already recorded."))
    _future("committee_vote_on", on, today)
    if on < candidate.cell_vote_on:
        raise refuse(
            "committee_vote_on",
            _("The base committee votes after the cell (%(date)s).") % {"date": format_short(candidate.cell_vote_on)},
        )
    _check_votes("committee", votes_for, voters, on, _("base committee"))
    candidate.committee_vote_on, candidate.committee_votes_for, candidate.committee_voters = on, votes_for, voters
    return _save(candidate, by)


@transaction.atomic
def candidate_decide(
    *,
    candidate: Candidate,
    decision_no: str,
    decision_on: dt.date,
    decision_received_on: dt.date | None,
    by: User | None,
    today: dt.date | None = None,
) -> Candidate:
    """The competent committee's admission decision. A late one is recorded and flagged, not refused."""
    today = today or timezone.localdate()
    candidate = _lock_open(candidate.pk)
    if not candidate.committee_vote_on:
        raise refuse("decision_on", _("Record the base committee's resolution first."))
    if candidate.decision_on:
        raise refuse("decision_on", _("The admission decision is already recorded."))
    if not (decision_no or "").strip():
        raise refuse("decision_no", _("Enter the number of the decision or letter."))
    _future("decision_on", decision_on, today)
    _future("decision_received_on", decision_received_on, today)
    if decision_on < candidate.committee_vote_on:
        raise refuse(
            "decision_on",
            _("The decision comes after the base committee's resolution (%(date)s).")
            % {"date": format_short(candidate.committee_vote_on)},
        )
    if decision_received_on and decision_received_on < decision_on:
        raise refuse("decision_received_on", _("The decision cannot be received before it is signed."))
    candidate.decision_no = decision_no.strip()
    candidate.decision_on = decision_on
    candidate.decision_received_on = decision_received_on or decision_on
    return _save(candidate, by)


@transaction.atomic
def candidate_admit(
    *, candidate: Candidate, ceremony_on: dt.date, by: User | None, today: dt.date | None = None
) -> Member:
    """The admission ceremony: the member and the admitted event are created with the candidate's data.

    The registry's own rules (age 18-60 at the cell's resolution, cell alive, dates) apply; a refusal
    there refuses the whole admission and nothing is written.
    """
    today = today or timezone.localdate()
    candidate = _lock_open(candidate.pk)
    if not candidate.decision_on:
        raise refuse("ceremony_on", _("Record the admission decision first."))
    _future("ceremony_on", ceremony_on, today)
    if ceremony_on < candidate.decision_received_on:
        raise refuse(
            "ceremony_on",
            _("The ceremony comes after the decision is received (%(date)s).")
            % {"date": format_short(candidate.decision_received_on)},
        )
    data = {
        "full_name": candidate.full_name,
        "sex": candidate.sex,
        "date_of_birth": candidate.date_of_birth,
        "national_id": candidate.national_id or None,
        "hometown": candidate.hometown,
        "ethnicity": candidate.ethnicity,
        "religion": candidate.religion,
        "general_education": candidate.general_education,
        "occupation_now": candidate.occupation_now,
    }
    member = member_create(
        by=by,
        today=today,
        data=data,
        first_event={
            "kind": EventKind.ADMITTED,
            "on": candidate.decision_on,
            "organization": candidate.organization,
            "document_no": candidate.decision_no,
            "document_date": candidate.decision_on,
            "cell_resolution_on": candidate.cell_vote_on,
            "ceremony_on": ceremony_on,
        },
    )
    candidate.ceremony_on = ceremony_on
    candidate.member = member
    _save(candidate, by)
    return member


@transaction.atomic
def candidate_withdraw(
    *, candidate: Candidate, on: dt.date, reason: str, by: User | None, today: dt.date | None = None
) -> Candidate:
    today = today or timezone.localdate()
    candidate = _lock_open(candidate.pk)
    _future("withdrawn_on", on, today)
    if not (reason or "").strip():
        raise refuse("withdrawn_reason", _("Say why the candidate leaves the pipeline."))
    candidate.withdrawn_on, candidate.withdrawn_reason = on, reason.strip()
    return _save(candidate, by)


def candidate_delete(*, candidate: Candidate, by: User | None) -> None:
    soft_delete(candidate, by=by, check=_not_admitted)


def _not_admitted(candidate: Candidate) -> None:
    if candidate.member_id:
        raise refuse(NON_FIELD_ERRORS, _("The candidate was admitted; the member record keeps the history."))


def candidate_restore(*, candidate: Candidate, by: User | None) -> None:
    restore(candidate, by=by)

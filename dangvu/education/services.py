"""Writes of study sessions and training classes. Each function checks every rule before writing
anything and runs in one transaction, so a refused change leaves nothing behind."""

import datetime as dt
import re
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dangvu.accounts.models import User
from dangvu.education.models import (
    Completion,
    StudiedYear,
    StudyAttendance,
    StudySession,
    TrainingClass,
    TrainingKind,
    TrainingParticipant,
)
from dangvu.education.rules import training_rules_on
from dangvu.lib.dates import format_short
from dangvu.lib.errors import refuse
from dangvu.lib.records import save_record
from dangvu.lib.softdelete import restore, soft_delete
from dangvu.lib.vntext import fold, normalize_name
from dangvu.members import activity
from dangvu.members.models import Member, MembershipSpell
from dangvu.organizations.models import Organization

SYMBOL = re.compile(r"\d+[\w]*\s*-\s*[A-ZĐa-zđ]+(?:\s*/\s*[\wĐđ-]+)+")


def document_key(reference: str) -> str:
    """What identifies a document in a free-text reference: its number and symbol when there is one.

    "Nghị quyết số 21-NQ/TW" and "NQ 21-NQ/TW ngày 16/6/2022" share the key "21-nq/tw".
    """
    found = SYMBOL.search(reference or "")
    text = found.group(0) if found else reference
    return re.sub(r"\s+", "", fold(text))


def members_in_subtree_on(organization: Organization, on: dt.date) -> set[int]:
    """Ids of the members counted in the organization's subtree on `on` (one range query over spells)."""
    return set(MembershipSpell.objects.open_on(on).in_subtree(organization).values_list("member_id", flat=True))


def _check_organization_alive(organization: Organization, on: dt.date, field: str) -> None:
    if organization.deleted_at is not None:
        raise refuse("organization", _("This organization was deleted; choose another one."))
    if organization.founded_on and on < organization.founded_on:
        raise refuse(
            field,
            _("The organization was founded on %(day)s; the date cannot be earlier.")
            % {"day": format_short(organization.founded_on)},
        )
    if organization.ended_on and on >= organization.ended_on:
        raise refuse(
            field,
            _("The organization ended on %(day)s; the date must be earlier.")
            % {"day": format_short(organization.ended_on)},
        )


def _check_count(field: str, value) -> None:
    if value is None or value < 0:
        raise refuse(field, _("A count cannot be negative."))


def _names(member_ids: Iterable[int], limit: int = 3) -> str:
    ids = list(member_ids)
    names = list(Member.all_objects.filter(pk__in=ids[:limit]).values_list("full_name", flat=True))
    extra = len(ids) - len(names)
    text = ", ".join(sorted(names))
    return text + (_(" and %(count)s more") % {"count": extra} if extra > 0 else "")


# ---- study sessions -------------------------------------------------------------------------


def _validate_session(
    *,
    session: StudySession,
    member_ids: set[int],
    today: dt.date,
) -> None:
    if not session.document_reference.strip():
        raise refuse("document_reference", _("Enter the document studied, e.g. Nghị quyết số 21-NQ/TW."))
    if session.held_on > today:
        raise refuse(
            "held_on", _("A study session is recorded once it has been held: the date cannot be in the future.")
        )
    _check_organization_alive(session.organization, session.held_on, "held_on")
    _check_count("non_members_present", session.non_members_present)
    _check_count("non_member_headcount", session.non_member_headcount)
    if session.non_members_present > session.non_member_headcount:
        raise refuse(
            "non_members_present",
            _("Non-member staff present (%(present)s) cannot exceed the host unit's non-member staff (%(total)s).")
            % {"present": session.non_members_present, "total": session.non_member_headcount},
        )
    outside = member_ids - members_in_subtree_on(session.organization, session.held_on)
    if outside:
        raise refuse(
            "members",
            _(
                "Only members counted in %(organization)s on %(day)s can be recorded as present; "
                "not counted there that day: %(names)s."
            )
            % {
                "organization": session.organization.name,
                "day": format_short(session.held_on),
                "names": _names(outside),
            },
        )
    twin = StudySession.objects.filter(
        organization=session.organization, document_key=session.document_key, held_on=session.held_on
    ).exclude(pk=session.pk)
    if twin.exists():
        raise refuse(
            "document_reference",
            _("This organization's study of this document on %(day)s is already recorded.")
            % {"day": format_short(session.held_on)},
        )


@transaction.atomic
def study_session_save(
    *,
    session: StudySession | None = None,
    by: User | None,
    organization: Organization,
    document_reference: str,
    held_on: dt.date,
    non_members_present: int,
    non_member_headcount: int,
    member_ids: Iterable[int],
    note: str = "",
    today: dt.date | None = None,
) -> StudySession:
    """Create or change a study session and rewrite its attendance list in one step."""
    today = today or timezone.localdate()
    session = StudySession.all_objects.select_for_update().get(pk=session.pk) if session else StudySession()
    before = _attendance_of(session)
    session.organization = organization
    session.document_reference = " ".join((document_reference or "").split())
    session.document_key = document_key(session.document_reference)
    session.held_on = held_on
    session.non_members_present = non_members_present
    session.non_member_headcount = non_member_headcount
    session.note = note
    ids = {int(pk) for pk in member_ids}
    _validate_session(session=session, member_ids=ids, today=today)
    session.members_present = len(ids)
    session._history_user = by
    session.save()
    StudyAttendance.objects.filter(session=session).delete()
    StudyAttendance.objects.bulk_create(StudyAttendance(session=session, member_id=pk) for pk in sorted(ids))
    studied_years_rebuild(member_ids=before[0] | ids, years={before[1], held_on.year} - {None})
    return session


def _attendance_of(session: StudySession) -> tuple[set[int], int | None]:
    """The attendees and the year of a saved session as stored (nothing for a new one)."""
    if session.pk is None:
        return set(), None
    held_on = StudySession.all_objects.values_list("held_on", flat=True).get(pk=session.pk)
    return set(StudyAttendance.objects.filter(session=session).values_list("member_id", flat=True)), held_on.year


def on_spells_rewritten(*, member_ids: list[int], **kwargs) -> None:
    """The months a member was counted where changed with their spells (see StudiedYear)."""
    studied_years_rebuild(member_ids=member_ids)


def studied_years_rebuild(*, member_ids: Iterable[int] | None = None, years: Iterable[int] | None = None) -> None:
    """Rewrite the months in which members studied (`StudiedYear`) from the attendance of the sessions that
    are not deleted: for `member_ids` and `years`, or everything when both are None."""
    activity.rebuild(
        StudiedYear,
        StudyAttendance.objects.filter(session__deleted_at__isnull=True),
        MembershipSpell.objects.all(),
        member="member_id",
        day="session__held_on",
        member_ids=member_ids,
        years=years,
    )


def study_session_delete(*, session: StudySession, by: User | None) -> None:
    """Soft delete: the session and its attendance leave every count; restore brings them back."""
    soft_delete(session, by=by, then=_rebuild_studied_years)


def study_session_restore(*, session: StudySession, by: User | None) -> StudySession:
    return restore(session, by=by, check=_no_twin_session, then=_rebuild_studied_years)


def _rebuild_studied_years(session: StudySession) -> None:
    studied_years_rebuild(member_ids=_attendance_of(session)[0], years=[session.held_on.year])


def _no_twin_session(session: StudySession) -> None:
    twin = StudySession.objects.filter(
        organization=session.organization_id, document_key=session.document_key, held_on=session.held_on
    )
    if twin.exists():
        raise refuse(
            "document_reference",
            _("This organization's study of this document on %(day)s is already recorded.")
            % {"day": format_short(session.held_on)},
        )


# ---- training classes -----------------------------------------------------------------------


def _check_participant(
    participant: TrainingParticipant, training_class: TrainingClass, *, eligible: set[int], today: dt.date
) -> None:
    """One participant against the rules of its class (education.rules, by the class's first day)."""
    rules = training_rules_on(training_class.starts_on)
    kind_label = TrainingKind(training_class.kind).label
    who = participant.member.full_name if participant.member_id else participant.person_name
    if participant.member_id is None and not participant.person_name.strip():
        raise refuse("member", _("Choose a member or enter the candidate's full name."))
    if participant.member_id and participant.person_name.strip():
        raise refuse("person_name", _("Choose a member or enter a candidate's name, not both."))
    if training_class.kind in rules.candidates_only and participant.member_id:
        raise refuse(
            "member",
            _("%(name)s is already a party member; a %(kind)s is for candidates, recorded by name.")
            % {"name": who, "kind": kind_label.lower()},
        )
    if training_class.kind in rules.members_only and not participant.member_id:
        raise refuse(
            "person_name",
            _("A %(kind)s is for party members: choose %(name)s from the members.") % {"kind": kind_label, "name": who},
        )
    if participant.member_id and participant.member_id not in eligible:
        raise refuse(
            "member",
            _("%(name)s was not counted in %(organization)s on the first day of the class (%(day)s).")
            % {
                "name": who,
                "organization": training_class.organization.name,
                "day": format_short(training_class.starts_on),
            },
        )
    if participant.completion != Completion.PENDING and today < training_class.ends_on:
        raise refuse(
            "completion",
            _("The result of %(name)s can be recorded only once the class has ended (%(day)s).")
            % {"name": who, "day": format_short(training_class.ends_on)},
        )
    certificate = participant.certificate_number.strip()
    if participant.completion == Completion.COMPLETED:
        if training_class.kind in rules.certificate_required and not certificate:
            raise refuse(
                "certificate_number",
                _("A %(kind)s ends with a certificate: enter the certificate number of %(name)s.")
                % {"kind": kind_label, "name": who},
            )
    elif certificate:
        raise refuse(
            "certificate_number",
            _("A certificate number is recorded only for a participant who completed the class (%(name)s).")
            % {"name": who},
        )


def _check_unique_participants(training_class: TrainingClass, participants: list[TrainingParticipant]) -> None:
    seen_members, seen_names, seen_certificates = set(), set(), set()
    for p in participants:
        if p.member_id:
            if p.member_id in seen_members:
                raise refuse("member", _("%(name)s is already in this class.") % {"name": p.member.full_name})
            seen_members.add(p.member_id)
        else:
            key = fold(p.person_name)
            if key in seen_names:
                raise refuse("person_name", _("%(name)s is already in this class.") % {"name": p.person_name})
            seen_names.add(key)
        number = p.certificate_number.strip().upper()
        if number:
            if number in seen_certificates:
                raise refuse(
                    "certificate_number",
                    _("Certificate number %(number)s is already given to another participant of this class.")
                    % {"number": p.certificate_number},
                )
            seen_certificates.add(number)


def _check_class(training_class: TrainingClass, participants: list[TrainingParticipant], today: dt.date) -> None:
    """The class's own fields, then every participant against them (a change of kind or dates re-checks all)."""
    if not training_class.title.strip():
        raise refuse("title", _("Enter the title of the class."))
    if training_class.ends_on < training_class.starts_on:
        raise refuse("ends_on", _("The last day cannot be before the first day."))
    _check_organization_alive(training_class.organization, training_class.starts_on, "starts_on")
    eligible = (
        members_in_subtree_on(training_class.organization, training_class.starts_on)
        if any(p.member_id for p in participants)
        else set()
    )
    for p in participants:
        _check_participant(p, training_class, eligible=eligible, today=today)
    _check_unique_participants(training_class, participants)


def _alive_participants(training_class: TrainingClass) -> list[TrainingParticipant]:
    if training_class.pk is None:
        return []
    return list(training_class.participants.select_related("member"))


def _locked_class(training_class: TrainingClass) -> TrainingClass:
    """The class row, locked until the transaction ends: its counts derive from the participants written."""
    return TrainingClass.all_objects.select_for_update().get(pk=training_class.pk)


def _recount(training_class: TrainingClass, by: User | None) -> None:
    participants = training_class.participants.all()
    training_class.participant_count = participants.count()
    training_class.completed_count = participants.filter(completion=Completion.COMPLETED).count()
    training_class._history_user = by
    training_class.save(update_fields=["participant_count", "completed_count"])


@transaction.atomic
def training_class_save(
    *,
    training_class: TrainingClass | None = None,
    by: User | None,
    kind: str,
    title: str,
    organization: Organization,
    starts_on: dt.date,
    ends_on: dt.date,
    organizer: str = "",
    place: str = "",
    note: str = "",
    today: dt.date | None = None,
) -> TrainingClass:
    today = today or timezone.localdate()
    return save_record(
        training_class or TrainingClass(),
        by=by,
        check=lambda c: _check_class(c, _alive_participants(c), today),
        kind=kind,
        title=" ".join((title or "").split()),
        organization=organization,
        organizer=organizer,
        starts_on=starts_on,
        ends_on=ends_on,
        place=place,
        note=note,
    )


@transaction.atomic
def participants_add(
    *,
    training_class: TrainingClass,
    by: User | None,
    members: Iterable[Member] = (),
    names: Iterable[str] = (),
    today: dt.date | None = None,
) -> list[TrainingParticipant]:
    """Add members and/or candidates (by name) to a class; all or none."""
    today = today or timezone.localdate()
    training_class = _locked_class(training_class)
    new = [TrainingParticipant(training_class=training_class, member=m) for m in members]
    new += [
        TrainingParticipant(training_class=training_class, person_name=normalize_name(n)) for n in names if n.strip()
    ]
    if not new:
        raise refuse("member", _("Choose at least one member or enter at least one candidate's name."))
    _check_class(training_class, _alive_participants(training_class) + new, today)
    for p in new:
        p._history_user = by
        p.save()
    _recount(training_class, by)
    return new


@transaction.atomic
def participant_update(
    *,
    participant: TrainingParticipant,
    by: User | None,
    completion: str,
    certificate_number: str = "",
    today: dt.date | None = None,
) -> TrainingParticipant:
    today = today or timezone.localdate()
    training_class = _locked_class(participant.training_class)
    participant.completion = completion
    participant.certificate_number = (certificate_number or "").strip()
    others = [p for p in _alive_participants(training_class) if p.pk != participant.pk]
    _check_class(training_class, [*others, participant], today)
    participant._history_user = by
    participant.save()
    _recount(training_class, by)
    return participant


@transaction.atomic
def participant_delete(*, participant: TrainingParticipant, by: User | None) -> None:
    training_class = _locked_class(participant.training_class)
    soft_delete(participant, by=by, then=lambda _p: _recount(training_class, by))


@transaction.atomic
def participant_restore(*, participant: TrainingParticipant, by: User | None, today: dt.date | None = None) -> None:
    today = today or timezone.localdate()
    training_class = _locked_class(participant.training_class)
    restore(
        participant,
        by=by,
        check=lambda p: _check_class(training_class, [*_alive_participants(training_class), p], today),
        then=lambda _p: _recount(training_class, by),
    )


def training_class_delete(*, training_class: TrainingClass, by: User | None) -> None:
    soft_delete(training_class, by=by)


def training_class_restore(*, training_class: TrainingClass, by: User | None) -> TrainingClass:
    return restore(training_class, by=by)

"""Writes of inspection records. Each function checks the rules in force on the record's date and writes
everything or nothing; a refusal is a ValidationError naming the field and the rule, in Vietnamese."""

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dangvu.accounts.models import User
from dangvu.inspections.models import (
    Body,
    Discipline,
    DisciplineForm,
    InspectedYear,
    Inspection,
    InspectionSubjectMember,
    Letter,
    LetterCategory,
    LetterStatus,
)
from dangvu.inspections.rules import (
    ART_32_KINDS,
    BODIES_BY_ORGANIZATION_KIND,
    discipline_rules_on,
    inspection_rules_on,
    letter_rules_on,
    limitation_start,
)
from dangvu.lib.dates import add_years, format_short
from dangvu.lib.errors import refuse
from dangvu.lib.records import save_record
from dangvu.lib.softdelete import restore, soft_delete
from dangvu.lib.versioning import ensure_current
from dangvu.members import activity
from dangvu.members.models import EventKind, Member, MembershipSpell, Status
from dangvu.members.selectors import organization_on, status_on
from dangvu.members.services import member_event_delete, member_event_record, member_event_restore
from dangvu.organizations.models import Organization
from dangvu.workcalendar.selectors import add_working_days

INSPECTION_FIELDS = ("body", "kind", "title", "document_no", "started_on", "ended_on", "conclusion", "violation_found")
DISCIPLINE_FIELDS = (
    "form",
    "body",
    "deciding_organization",
    "decision_no",
    "decided_on",
    "violation_category",
    "violation",
    "violation_started_on",
    "violation_ended_on",
    "new_violation_on",
    "on_committee",
    "holds_post",
    "note",
)
LETTER_FIELDS = (
    "received_on",
    "kind",
    "signed",
    "sender",
    "sender_address",
    "member",
    "subject_organization",
    "subject_text",
    "summary",
    "category",
    "extended",
    "status",
    "resolved_on",
    "result",
    "note",
)


def _check_fields(data: dict, allowed: Iterable[str]) -> None:
    unknown = set(data) - set(allowed)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")


def _not_future(field: str, day: dt.date | None, today: dt.date) -> None:
    if day and day > today:
        raise refuse(field, _("The date %(date)s is in the future.") % {"date": format_short(day)})


def _check_body(field: str, body: str, organization: Organization) -> None:
    """A body belongs to a kind of organization: cells have no inspection committee, and so on."""
    allowed = BODIES_BY_ORGANIZATION_KIND.get(organization.kind, ())
    if body not in allowed:
        raise refuse(
            field,
            _("%(name)s has no %(body)s; choose one of: %(allowed)s (Party Charter art. 30-32).")
            % {
                "name": organization.name,
                "body": Body(body).label.lower(),
                "allowed": ", ".join(str(Body(b).label).lower() for b in allowed),
            },
        )


def _check_alive(field: str, organization: Organization, on: dt.date) -> None:
    if organization.deleted_at is not None:
        raise refuse(field, _("%(name)s was deleted.") % {"name": organization.name})
    if organization.founded_on and on < organization.founded_on:
        raise refuse(
            field,
            _("%(name)s was founded on %(date)s, after this date.")
            % {"name": organization.name, "date": format_short(organization.founded_on)},
        )
    if organization.ended_on and on >= organization.ended_on:
        raise refuse(
            field,
            _("%(name)s ended on %(date)s.") % {"name": organization.name, "date": format_short(organization.ended_on)},
        )


# Inspections and supervisions -------------------------------------------------------------------


def _validate_inspection(
    inspection: Inspection, *, organizations: list[Organization], member_ids: list[int], today: dt.date
) -> None:
    organization = inspection.organization
    if not inspection.title.strip():
        raise refuse("title", _("Enter the content of the inspection or supervision."))
    _not_future("started_on", inspection.started_on, today)
    _not_future("ended_on", inspection.ended_on, today)
    if inspection.ended_on and inspection.ended_on < inspection.started_on:
        raise refuse("ended_on", _("The end date comes before the start date."))
    _check_alive("organization", organization, inspection.started_on)
    _check_body("body", inspection.body, organization)
    rules = inspection_rules_on(inspection.started_on)
    if inspection.kind not in rules.kinds_by_body[inspection.body]:
        rule = _("Party Charter art. 32") if inspection.kind in ART_32_KINDS else rules.source
        raise refuse(
            "kind",
            _("%(kind)s is a task of the inspection committee, not of the %(body)s (%(rule)s).")
            % {"kind": inspection.get_kind_display(), "body": Body(inspection.body).label.lower(), "rule": rule},
        )
    if inspection.conclusion.strip() and not inspection.ended_on:
        raise refuse("ended_on", _("A conclusion is recorded once the inspection has ended: enter the end date."))
    if inspection.violation_found and not inspection.conclusion.strip():
        raise refuse("conclusion", _("A violation found must be stated in the conclusion."))
    if not organizations and not member_ids:
        raise refuse("subject_organizations", _("Choose the organizations or members inspected or supervised."))
    for subject in organizations:
        if subject.pk == organization.pk or not subject.path.startswith(organization.path):
            raise refuse(
                "subject_organizations",
                _("%(name)s is not under %(body)s: a body inspects the organizations below it (Party Charter art. 30).")
                % {"name": subject.name, "body": organization.name},
            )
        _check_alive("subject_organizations", subject, inspection.started_on)
    if member_ids:
        counted = set(
            MembershipSpell.objects.open_on(inspection.started_on)
            .in_subtree(organization)
            .filter(member_id__in=member_ids)
            .values_list("member_id", flat=True)
        )
        outside = [pk for pk in member_ids if pk not in counted]
        if outside:
            names = list(Member.objects.filter(pk__in=outside[:5]).values_list("full_name", flat=True))
            raise refuse(
                "subject_members",
                _("Not members of %(body)s on %(date)s: %(names)s.")
                % {
                    "body": organization.name,
                    "date": format_short(inspection.started_on),
                    "names": ", ".join(names) + ("…" if len(outside) > 5 else ""),
                },
            )


def _set_subjects(
    inspection: Inspection, organizations: list[Organization], member_ids: list[int], before=(set(), None)
) -> None:
    inspection.subject_organizations.set(organizations)
    InspectionSubjectMember.objects.filter(inspection=inspection).delete()
    InspectionSubjectMember.objects.bulk_create(
        InspectionSubjectMember(inspection=inspection, member_id=pk) for pk in member_ids
    )
    years = {before[1], inspection.started_on.year} - {None}
    inspected_years_rebuild(member_ids=before[0] | set(member_ids), years=years)


def _subjects_of(inspection: Inspection) -> tuple[set[int], int | None]:
    """The subject members and the year an inspection began, as stored (nothing for a new one)."""
    if inspection.pk is None:
        return set(), None
    started_on = Inspection.all_objects.values_list("started_on", flat=True).get(pk=inspection.pk)
    members = InspectionSubjectMember.objects.filter(inspection=inspection).values_list("member_id", flat=True)
    return set(members), started_on.year


def on_spells_rewritten(*, member_ids: list[int], **kwargs) -> None:
    """The months a member was counted where changed with their spells (see InspectedYear)."""
    inspected_years_rebuild(member_ids=member_ids)


def inspected_years_rebuild(*, member_ids: Iterable[int] | None = None, years: Iterable[int] | None = None) -> None:
    """Rewrite the months in which members were inspected or supervised (`InspectedYear`) from the subjects of
    the inspections that are not deleted: for `member_ids` and `years`, or everything when both are None."""
    activity.rebuild(
        InspectedYear,
        InspectionSubjectMember.objects.filter(inspection__deleted_at__isnull=True),
        MembershipSpell.objects.all(),
        member="member_id",
        day="inspection__started_on",
        member_ids=member_ids,
        years=years,
    )


@transaction.atomic
def inspection_create(
    *,
    organization: Organization,
    data: dict,
    subject_organizations: Iterable[Organization] = (),
    subject_member_ids: Iterable[int] = (),
    by: User | None,
    today: dt.date | None = None,
) -> Inspection:
    """Record an inspection or supervision conducted by a body of `organization`, with its subjects."""
    _check_fields(data, INSPECTION_FIELDS)
    today = today or timezone.localdate()
    inspection = Inspection(organization=organization, **data)
    organizations, member_ids = list(subject_organizations), sorted(set(subject_member_ids))
    _validate_inspection(inspection, organizations=organizations, member_ids=member_ids, today=today)
    inspection._history_user = by
    inspection.save()
    _set_subjects(inspection, organizations, member_ids)
    return inspection


@transaction.atomic
def inspection_update(
    *,
    inspection: Inspection,
    data: dict,
    subject_organizations: Iterable[Organization],
    subject_member_ids: Iterable[int],
    by: User | None,
    version: int | None = None,
    today: dt.date | None = None,
) -> Inspection:
    """Change an inspection and its subjects; `version` is the one the edit form was opened on (lib.versioning)."""
    _check_fields(data, INSPECTION_FIELDS)
    today = today or timezone.localdate()
    organization = inspection.organization  # the caller may move the record to another organization
    caller, inspection = inspection, _locked(inspection, version=version, data=data)
    inspection.organization = organization
    before = _subjects_of(inspection)
    for name, value in data.items():
        setattr(inspection, name, value)
    organizations, member_ids = list(subject_organizations), sorted(set(subject_member_ids))
    _validate_inspection(inspection, organizations=organizations, member_ids=member_ids, today=today)
    inspection._history_user = by
    inspection.save()
    _set_subjects(inspection, organizations, member_ids, before)
    caller.refresh_from_db()
    return inspection


def _locked(record, *, version: int | None, data: dict):
    """The record's row, locked until the transaction ends, as stored now (soft-deleted or not), once it is known
    to be the version the edit form was opened on (lib.versioning)."""
    locked = type(record).all_objects.select_for_update().get(pk=record.pk)
    ensure_current(locked, version=version, data=data)
    return locked


def inspection_delete(*, inspection: Inspection, by: User | None) -> None:
    soft_delete(inspection, by=by, then=_rebuild_inspected_years)


def inspection_restore(*, inspection: Inspection, by: User | None) -> None:
    restore(inspection, by=by, then=_rebuild_inspected_years)


def _rebuild_inspected_years(inspection: Inspection) -> None:
    inspected_years_rebuild(member_ids=_subjects_of(inspection)[0], years=[inspection.started_on.year])


# Discipline --------------------------------------------------------------------------------------


def _validate_discipline(discipline: Discipline, *, today: dt.date) -> None:
    member, subject_org = discipline.member, discipline.subject_organization
    if (member is None) == (subject_org is None):
        raise refuse("member", _("A decision disciplines either one member or one organization."))
    if not discipline.decision_no.strip():
        raise refuse("decision_no", _("Enter the number of the discipline decision."))
    _not_future("decided_on", discipline.decided_on, today)
    decided_on = discipline.decided_on
    for name in ("violation_started_on", "violation_ended_on", "new_violation_on"):
        day = getattr(discipline, name)
        if day and day > decided_on:
            raise refuse(
                name,
                _("The violation cannot come after the decision of %(date)s.") % {"date": format_short(decided_on)},
            )
    for name in ("violation_ended_on", "new_violation_on"):
        day = getattr(discipline, name)
        if day and day < discipline.violation_started_on:
            raise refuse(name, _("This date comes before the violation was committed."))
    deciding = discipline.deciding_organization
    _check_body("body", discipline.body, deciding)
    rules = discipline_rules_on(decided_on)

    if member is not None:
        status = status_on(member=member, on=decided_on)
        if status not in (Status.PROBATIONARY, Status.FULL):
            raise refuse(
                "member",
                _("%(name)s was not a party member on %(date)s and cannot be disciplined.")
                % {"name": member.full_name, "date": format_short(decided_on)},
            )
        discipline.was_probationary = status == Status.PROBATIONARY
        allowed = rules.probationary_forms if discipline.was_probationary else rules.full_member_forms
        if discipline.form not in allowed:
            who = _("a probationary member") if discipline.was_probationary else _("a full member")
            raise refuse(
                "form",
                _("%(form)s is not a form of discipline for %(who)s; allowed: %(allowed)s (%(source)s art. 7).")
                % {
                    "form": discipline.get_form_display(),
                    "who": who,
                    "allowed": ", ".join(str(DisciplineForm(f).label).lower() for f in allowed),
                    "source": rules.source,
                },
            )
        if discipline.form == DisciplineForm.DISMISSAL and not (member.position.strip() or discipline.holds_post):
            raise refuse(
                "holds_post",
                _(
                    "Dismissal applies only to a member holding a post: %(name)s has no post recorded; "
                    'tick "holds a post" if the member holds one (%(source)s art. 7).'
                )
                % {"name": member.full_name, "source": rules.source},
            )
        cell = organization_on(member=member, on=decided_on) or member.last_organization
        if cell is None or not cell.path.startswith(deciding.path):
            raise refuse(
                "deciding_organization",
                _("%(body)s is not above %(name)s's cell and cannot discipline the member.")
                % {"body": deciding.name, "name": member.full_name},
            )
        discipline.organization = cell
    else:
        allowed = rules.organization_forms
        if discipline.form not in allowed:
            raise refuse(
                "form",
                _("%(form)s is not a form of discipline for an organization; allowed: %(allowed)s (%(source)s art. 7).")
                % {
                    "form": discipline.get_form_display(),
                    "allowed": ", ".join(str(DisciplineForm(f).label).lower() for f in allowed),
                    "source": rules.source,
                },
            )
        if subject_org.pk == deciding.pk or not subject_org.path.startswith(deciding.path):
            raise refuse(
                "deciding_organization",
                _("An organization is disciplined by a body above it, and %(body)s is not above %(name)s.")
                % {"body": deciding.name, "name": subject_org.name},
            )
        _check_alive("subject_organization", subject_org, decided_on)
        discipline.organization = subject_org
    if discipline.body == Body.CELL and discipline.form not in rules.cell_forms:
        raise refuse(
            "body",
            _("A cell decides only reprimand or warning of its own members (Party Charter art. 36)."),
        )

    years = rules.limitation_years(discipline.form)
    if years is not None and discipline.violation_category not in rules.no_limitation_categories:
        start = limitation_start(
            committed_on=discipline.violation_started_on,
            ended_on=discipline.violation_ended_on,
            new_violation_on=discipline.new_violation_on,
        )
        expires_on = add_years(start, years)
        if decided_on > expires_on:
            raise refuse(
                "decided_on",
                _(
                    "The statute of limitations for %(form)s is %(years)d years from %(start)s and ran out on "
                    "%(end)s (%(source)s)."
                )
                % {
                    "form": discipline.get_form_display().lower(),
                    "years": years,
                    "start": format_short(start),
                    "end": format_short(expires_on),
                    "source": rules.source,
                },
            )


EVENT_FIELD_MAP = {"on": "decided_on", "document_no": "decision_no"}


def _record_expulsion(discipline: Discipline, by: User | None, today: dt.date) -> None:
    """The expelled event of the member, in the same transaction: a refused event refuses the decision."""
    try:
        event = member_event_record(
            member=discipline.member,
            kind=EventKind.EXPELLED,
            on=discipline.decided_on,
            document_no=discipline.decision_no,
            document_date=discipline.decided_on,
            by=by,
            today=today,
        )
    except ValidationError as error:
        raise _event_refusal(error) from error
    discipline.expulsion_event = event


def _event_refusal(error: ValidationError) -> ValidationError:
    messages = {}
    by_field = error.message_dict if hasattr(error, "error_dict") else {"form": error.messages}
    for field, texts in by_field.items():
        target = EVENT_FIELD_MAP.get(field, "form")
        text = " ".join(texts)
        messages.setdefault(target, []).append(
            _("The expulsion cannot be recorded in the member's record: %(reason)s") % {"reason": text}
        )
    return ValidationError(messages)


@transaction.atomic
def discipline_create(
    *,
    data: dict,
    member: Member | None = None,
    subject_organization: Organization | None = None,
    by: User | None,
    today: dt.date | None = None,
) -> Discipline:
    """Record a discipline decision; an expulsion also records the member's expelled event."""
    _check_fields(data, DISCIPLINE_FIELDS)
    today = today or timezone.localdate()
    discipline = Discipline(member=member, subject_organization=subject_organization, **data)
    discipline.decision_no = discipline.decision_no.strip()
    _validate_discipline(discipline, today=today)
    if discipline.form == DisciplineForm.EXPULSION:
        _record_expulsion(discipline, by, today)
    discipline._history_user = by
    discipline.save()
    return discipline


@transaction.atomic
def discipline_update(
    *, discipline: Discipline, data: dict, by: User | None, version: int | None = None, today: dt.date | None = None
) -> Discipline:
    """Correct a decision. The subject stays; an expulsion's event follows the corrected date and number."""
    _check_fields(data, DISCIPLINE_FIELDS)
    today = today or timezone.localdate()
    caller, discipline = discipline, _locked(discipline, version=version, data=data)
    for name, value in data.items():
        setattr(discipline, name, value)
    discipline.decision_no = discipline.decision_no.strip()
    old_event = discipline.expulsion_event
    if old_event is not None:
        # Take the old event away first, so the member's status on the decision date is replayed without it.
        try:
            member_event_delete(event=old_event, by=by)
        except ValidationError as error:
            raise _event_refusal(error) from error
        discipline.expulsion_event = None
    _validate_discipline(discipline, today=today)
    if discipline.form == DisciplineForm.EXPULSION:
        _record_expulsion(discipline, by, today)
    discipline._history_user = by
    discipline.save()
    caller.refresh_from_db()
    return discipline


def discipline_delete(*, discipline: Discipline, by: User | None) -> None:
    """Soft-delete a decision entered by mistake; an expulsion's event is deleted with it."""
    soft_delete(discipline, by=by, check=lambda d: _with_expulsion_event(d, member_event_delete, by))


def discipline_restore(*, discipline: Discipline, by: User | None) -> None:
    restore(discipline, by=by, check=lambda d: _with_expulsion_event(d, member_event_restore, by))


def _with_expulsion_event(discipline: Discipline, change, by: User | None) -> None:
    if discipline.expulsion_event is not None:
        try:
            change(event=discipline.expulsion_event, by=by)
        except ValidationError as error:
            raise _event_refusal(error) from error


# Letters -----------------------------------------------------------------------------------------


def letter_due_on(*, received_on: dt.date, extended: bool, holidays: frozenset | None = None) -> dt.date:
    """The handling deadline: 90 working days from receipt, 30 more when extended (HD 02-HD/TW 2021)."""
    rules = letter_rules_on(received_on)
    days = rules.handling_working_days + (rules.extension_working_days if extended else 0)
    return add_working_days(received_on, days, holidays)


def _validate_letter(letter: Letter, *, today: dt.date) -> None:
    _not_future("received_on", letter.received_on, today)
    letter.subject_text = letter.subject_text.strip()
    if not (letter.member_id or letter.subject_organization_id or letter.subject_text):
        raise refuse("subject_text", _("Say whom the letter concerns: a member, an organization, or in words."))
    source = letter_rules_on(letter.received_on).source
    if not letter.signed and letter.category != LetterCategory.ANONYMOUS:
        raise refuse(
            "category",
            _('An anonymous letter is not considered: choose "not considered: anonymous" (%(source)s).')
            % {"source": source},
        )
    if letter.signed and letter.category == LetterCategory.ANONYMOUS:
        raise refuse("signed", _("The letter is signed, so it is not anonymous."))
    within = letter.category == LetterCategory.WITHIN_AUTHORITY
    if letter.extended and not within:
        raise refuse(
            "extended",
            _("Only a letter handled within our authority has a deadline to extend (%(source)s).") % {"source": source},
        )
    if within:
        if letter.status == LetterStatus.CLOSED:
            raise refuse("status", _("A letter within our authority is resolved, not filed without handling."))
    else:
        # Classified as not ours, returned, forwarded or not considered: the letter is filed at once.
        letter.status = LetterStatus.CLOSED
    if letter.status == LetterStatus.RESOLVED:
        if not letter.resolved_on:
            raise refuse("resolved_on", _("Enter the date the letter was resolved."))
        if not letter.result.strip():
            raise refuse("result", _("Enter the result of the handling."))
    elif letter.resolved_on and letter.status != LetterStatus.CLOSED:
        raise refuse("status", _('A letter with a resolution date has the status "resolved".'))
    if letter.resolved_on:
        _not_future("resolved_on", letter.resolved_on, today)
        if letter.resolved_on < letter.received_on:
            raise refuse("resolved_on", _("The letter cannot be resolved before it was received."))
    letter.due_on = letter_due_on(received_on=letter.received_on, extended=letter.extended) if within else None


@transaction.atomic
def letter_create(*, organization: Organization, data: dict, by: User | None, today: dt.date | None = None) -> Letter:
    """Record a letter received by `organization`, classified, with its deadline over the working-day calendar."""
    _check_fields(data, LETTER_FIELDS)
    today = today or timezone.localdate()
    return save_record(
        Letter(organization=organization), by=by, check=lambda r: _validate_letter(r, today=today), **data
    )


@transaction.atomic
def letter_update(
    *, letter: Letter, data: dict, by: User | None, version: int | None = None, today: dt.date | None = None
) -> Letter:
    _check_fields(data, LETTER_FIELDS)
    today = today or timezone.localdate()
    organization = letter.organization  # the caller may move the record to another organization
    caller, letter = letter, _locked(letter, version=version, data=data)
    save_record(letter, by=by, check=lambda r: _validate_letter(r, today=today), organization=organization, **data)
    caller.refresh_from_db()
    return letter


def letter_delete(*, letter: Letter, by: User | None) -> None:
    soft_delete(letter, by=by)


def letter_restore(*, letter: Letter, by: User | None) -> None:
    restore(letter, by=by)

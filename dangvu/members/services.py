"""Writes to the member registry. Every write replays the member's events and refuses the whole change
if the result is impossible, so the registry never holds a half-written or contradictory member."""

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dangvu.accounts.models import Purpose, User
from dangvu.accounts.services import sensitive_access_log
from dangvu.lib.dates import add_months, format_short
from dangvu.lib.errors import refuse
from dangvu.lib.softdelete import restore, soft_delete
from dangvu.lib.versioning import ensure_current
from dangvu.lib.vntext import fold, name_sort_key, normalize_name
from dangvu.members.models import (
    EventKind,
    Member,
    MemberEvent,
    MembershipSpell,
    TransferMode,
    spells_of,
)
from dangvu.members.rules import charter_rules_on
from dangvu.members.signals import spells_rewritten
from dangvu.members.timeline import Timeline, TimelineError, build_timeline
from dangvu.organizations.models import Organization
from dangvu.workcalendar.selectors import add_working_days

NON_RELIGIOUS = {"", "không", "khong", "không tôn giáo", "khong ton giao"}

# Fields each event kind needs, with the message shown when one is missing.
REQUIRED_FIELDS = {
    EventKind.ADMITTED: ("document_no",),
    EventKind.READMITTED: ("document_no",),
    EventKind.MADE_FULL: ("document_no",),
    EventKind.TRANSFERRED_OUT: ("transfer_mode", "document_no"),
    EventKind.TRANSFERRED_IN: ("transfer_mode", "organization", "document_no"),
    EventKind.REMOVED: ("document_no",),
    EventKind.RESIGNED: ("document_no",),
    EventKind.EXPELLED: ("document_no",),
    EventKind.DIED: (),
    EventKind.CARD_ISSUED: ("card_number",),
    EventKind.BADGE_AWARDED: ("badge_years", "document_no"),
}
MISSING_MESSAGES = {
    "document_no": lambda: _("Enter the number of the decision or letter."),
    "transfer_mode": lambda: _("Choose official or temporary transfer."),
    "organization": lambda: _("Choose the cell."),
    "card_number": lambda: _("Enter the party card number."),
    "badge_years": lambda: _("Choose the badge."),
}
# What an admission records besides its date and cell: the decision, the cell's resolution and the ceremony.
ADMISSION_FIELDS = (
    "document_no",
    "document_date",
    "cell_resolution_on",
    "ceremony_on",
    "ceremony_place",
    "over_age_approved",
)
EVENT_FIELDS = (
    "on",
    "organization",
    "counterpart",
    "external_place",
    "transfer_mode",
    "temporary_until",
    *ADMISSION_FIELDS,
    "card_number",
    "badge_years",
    "badge_number",
    "early_for_illness",
    "note",
)
PERSONAL_FIELDS = (
    "full_name",
    "birth_name",
    "aliases",
    "sex",
    "date_of_birth",
    "place_of_birth",
    "hometown",
    "permanent_address",
    "temporary_address",
    "general_education",
    "professional_qualification",
    "political_theory_level",
    "foreign_language",
    "occupation_before",
    "occupation_now",
    "position",
    "card_number",
    "cv_number",
    "national_id",
    "phone",
    "in_armed_forces",
    "retired",
    "photo",
    "ethnicity",
    "religion",
    "family_background",
    "political_history_notes",
)


def derive_timeline(member: Member, events: Iterable[MemberEvent]) -> Timeline:
    return build_timeline(events, date_of_birth=member.date_of_birth, add_working_days=add_working_days)


def apply_personal_derivations(member: Member) -> None:
    """Columns computed from the personal record: sort key, search text, minority and religion flags."""
    member.full_name = normalize_name(member.full_name)
    member.sort_key = name_sort_key(member.full_name)
    member.search_text = " ".join(
        part
        for part in (
            fold(member.full_name),
            fold(member.birth_name),
            fold(member.aliases),
            member.card_number or "",
            member.national_id or "",
            (member.cv_number or "").lower(),
        )
        if part
    )
    member.is_ethnic_minority = fold(member.ethnicity) not in ("", "kinh")
    member.is_religious = fold(member.religion) not in {fold(x) for x in NON_RELIGIOUS}


def apply_timeline(member: Member, timeline: Timeline) -> None:
    member.status = timeline.status
    member.organization_id = timeline.organization_id
    member.last_organization_id = timeline.last_organization_id
    member.admitted_on = timeline.first_admitted_on
    member.probation_ends_on = timeline.probation_ends_on
    member.full_decision_due_on = timeline.full_decision_due_on
    member.seniority_base_on = timeline.seniority_base_on
    member.next_badge_years = timeline.next_badge_years
    member.next_badge_on = timeline.next_badge_on


def _check_unique(member: Member) -> None:
    checks = (
        ("card_number", _("The party card number %(value)s is already recorded for %(name)s.")),
        ("cv_number", _("The CV number %(value)s is already recorded for %(name)s.")),
        ("national_id", _("The national ID number %(value)s is already recorded for %(name)s.")),
    )
    for field, message in checks:
        value = getattr(member, field)
        if not value:
            setattr(member, field, None)
            continue
        clash = Member.all_objects.filter(**{field: value}).exclude(pk=member.pk).first()
        if clash:
            raise refuse(field, message % {"value": value, "name": clash.full_name})


def _rebuild(member: Member, *, by: User | None) -> Timeline:
    """Replay the member's live events, then rewrite the spells and the derived columns."""
    events = list(member.events.all())
    try:
        timeline = derive_timeline(member, events)
    except TimelineError as error:
        event = error.event
        prefix = (
            _("%(event)s on %(date)s: ") % {"event": EventKind(event.kind).label, "date": format_short(event.on)}
            if event is not None
            else ""
        )
        raise refuse(error.field, prefix + error.message) from error
    apply_timeline(member, timeline)
    member._history_user = by
    member.save()
    MembershipSpell.objects.filter(member=member).delete()
    MembershipSpell.objects.bulk_create(spells_of(member, timeline.spells))
    spells_rewritten.send(sender=MembershipSpell, member_ids=[member.pk])
    return timeline


def _validate_event(event: MemberEvent, *, today: dt.date) -> None:
    if event.on > today:
        raise refuse("on", _("The date %(date)s is in the future.") % {"date": format_short(event.on)})
    for field in REQUIRED_FIELDS[EventKind(event.kind)]:
        value = getattr(event, field + "_id", None) if field == "organization" else getattr(event, field)
        if value in (None, ""):
            raise refuse(field, MISSING_MESSAGES[field]())
    if event.kind in (EventKind.ADMITTED, EventKind.READMITTED) and not (event.organization_id or event.external_place):
        raise refuse("organization", _("Choose the cell, or name the party organization outside the committee."))
    if event.kind == EventKind.TRANSFERRED_OUT:
        if event.counterpart_id and event.external_place:
            raise refuse("external_place", _("Choose either a cell of the committee or a place outside it, not both."))
        if not (event.counterpart_id or event.external_place):
            raise refuse("external_place", _("Say where the member is transferred to."))
    if event.transfer_mode == TransferMode.TEMPORARY and not event.temporary_until:
        raise refuse("temporary_until", _("A temporary transfer needs the date it ends."))
    if event.temporary_until and event.temporary_until <= event.on:
        raise refuse("temporary_until", _("The end of the temporary transfer must come after its start."))
    if event.transfer_mode == TransferMode.TEMPORARY:
        _check_temporary_length(event)
    _check_formats(event, EVENT_FIELDS)
    if event.document_date and event.document_date > today:
        raise refuse(
            "document_date", _("The date %(date)s is in the future.") % {"date": format_short(event.document_date)}
        )
    for field in ("organization", "counterpart"):
        org = getattr(event, field)
        if org is None:
            continue
        if not org.holds_members:
            raise refuse(field, _("Members belong to a cell or a base cell, not to %(name)s.") % {"name": org.name})
        if org.founded_on and event.on < org.founded_on:
            raise refuse(
                field,
                _("%(name)s was founded on %(date)s, after this date.")
                % {"name": org.name, "date": format_short(org.founded_on)},
            )
        if org.ended_on and event.on >= org.ended_on:
            raise refuse(
                field, _("%(name)s ended on %(date)s.") % {"name": org.name, "date": format_short(org.ended_on)}
            )


def _check_temporary_length(event: MemberEvent) -> None:
    """QĐ 24 §6.3: a temporary transfer is for a posting of 3 months to under 1 year or a study of 3 months
    to 2 years; the rule set in force on the transfer's date gives the bounds."""
    rules = charter_rules_on(event.on)
    shortest = add_months(event.on, rules.temporary_transfer_min_months)
    longest = add_months(event.on, rules.temporary_transfer_max_months)
    if not shortest <= event.temporary_until <= longest:
        raise refuse(
            "temporary_until",
            _(
                "A temporary transfer lasts from %(min)d months to %(max)d months (%(source)s); from %(start)s it "
                "ends between %(shortest)s and %(longest)s. A longer stay is an official transfer."
            )
            % {
                "min": rules.temporary_transfer_min_months,
                "max": rules.temporary_transfer_max_months,
                "source": rules.source,
                "start": format_short(event.on),
                "shortest": format_short(shortest),
                "longest": format_short(longest),
            },
        )


def _check_formats(record: Member | MemberEvent, names: Iterable[str]) -> None:
    """The format rules of the model's fields (card number of 8 digits, CV number, lengths, choices), checked
    here so that every way in (form, API, import, shell) gets them; the forms repeat them only for the message."""
    for name in names:
        field = record._meta.get_field(name)
        if field.is_relation or isinstance(field, models.FileField):
            continue
        value = getattr(record, field.attname)
        if value in field.empty_values:
            continue
        try:
            if field.choices:
                field.validate(value, record)
            field.run_validators(value)
        except ValidationError as error:
            raise refuse(name, " ".join(error.messages)) from error


def _validate_personal(member: Member, *, today: dt.date, names: Iterable[str] = PERSONAL_FIELDS) -> None:
    """The personal record's own rules; `names` are the fields written (a correction does not re-judge the rest)."""
    for name in ("card_number", "cv_number", "national_id", "phone", "full_name"):
        value = getattr(member, name)
        if isinstance(value, str):
            setattr(member, name, value.strip())
    if member.cv_number:
        member.cv_number = member.cv_number.upper()
    if member.date_of_birth and member.date_of_birth > today:
        raise refuse("date_of_birth", _("The date of birth is in the future."))
    _check_formats(member, names)


def _organization_on(member: Member, on: dt.date) -> Organization | None:
    spell = member.spells.open_on(on).select_related("organization").order_by("-start").first()
    return spell.organization if spell else None


@transaction.atomic
def member_event_record(
    *, member: Member, kind: str, by: User | None, today: dt.date | None = None, **fields
) -> MemberEvent:
    """Record one dated event (admission, transfer, ...) and re-derive everything that follows from it."""
    today = today or timezone.localdate()
    member = Member.objects.select_for_update().get(pk=member.pk)
    unknown = set(fields) - set(EVENT_FIELDS)
    if unknown:
        raise TypeError(f"unknown event fields: {sorted(unknown)}")
    event = MemberEvent(member=member, kind=kind, **fields)
    for text_field in ("external_place", "document_no", "ceremony_place", "card_number", "badge_number", "note"):
        setattr(event, text_field, (getattr(event, text_field) or "").strip())
    if kind not in (EventKind.ADMITTED, EventKind.READMITTED, EventKind.TRANSFERRED_IN) and event.on:
        # The cell an outgoing event concerns is the one the member belongs to on that day.
        event.organization = _organization_on(member, event.on)
    _validate_event(event, today=today)
    if kind == EventKind.CARD_ISSUED:
        member.card_number = event.card_number
        _check_unique(member)
    event._history_user = by
    event.save()
    _rebuild(member, by=by)
    return event


@transaction.atomic
def member_create(*, by: User | None, data: dict, first_event: dict, today: dt.date | None = None) -> Member:
    """Create a member with the event that brings them into the registry (admission or transfer in).

    `first_event` holds `kind` and the event's fields; for a member transferred in, `admission`
    holds the earlier admission outside the committee (decision date, number, ceremony, full date).
    """
    today = today or timezone.localdate()
    unknown = set(data) - set(PERSONAL_FIELDS)
    if unknown:
        raise TypeError(f"unknown member fields: {sorted(unknown)}")
    member = Member(**data)
    _validate_personal(member, today=today)
    _check_unique(member)
    apply_personal_derivations(member)
    member._history_user = by
    member.save()
    first = dict(first_event)
    kind = first.pop("kind")
    admission = first.pop("admission", None)
    if admission:
        full_on = admission.pop("made_full_on", None)
        full_no = admission.pop("made_full_document_no", "")
        member_event_record(member=member, kind=EventKind.ADMITTED, by=by, today=today, **admission)
        if full_on:
            member_event_record(
                member=member, kind=EventKind.MADE_FULL, by=by, today=today, on=full_on, document_no=full_no or "-"
            )
    member_event_record(member=member, kind=kind, by=by, today=today, **first)
    member.refresh_from_db()
    return member


def _locked(member_id: int) -> Member:
    """The member's row, locked until the transaction ends: every write that replays the events takes it first,
    so two writers of one member run one after the other and the second replays what the first committed."""
    return Member.all_objects.select_for_update().get(pk=member_id)


@transaction.atomic
def member_update(
    *, member: Member, by: User | None, data: dict, version: int | None = None, today: dt.date | None = None
) -> Member:
    """Correct the personal record. Status, cell and dates come from events and are not edited here.

    `version` is the version an edit form was opened on (lib.versioning): a save that would put back a value
    changed since is refused, naming what changed. The API and the importer send only the fields they change.
    """
    today = today or timezone.localdate()
    unknown = set(data) - set(PERSONAL_FIELDS)
    if unknown:
        raise TypeError(f"unknown member fields: {sorted(unknown)}")
    locked = _locked(member.pk)
    ensure_current(locked, version=version, data=data)
    for name, value in data.items():
        setattr(locked, name, value)
    _validate_personal(locked, today=today, names=data)
    _check_unique(locked)
    apply_personal_derivations(locked)
    # Saved by the replay, which also refuses a new date of birth that breaks the admission age.
    _rebuild(locked, by=by)
    member.refresh_from_db()
    return locked


@transaction.atomic
def member_event_delete(*, event: MemberEvent, by: User | None) -> None:
    """Soft-delete an event recorded by mistake; refused if what remains would be impossible."""
    member = _locked(event.member_id)
    soft_delete(event, by=by, then=lambda _e: _rebuild(member, by=by))


@transaction.atomic
def member_event_restore(*, event: MemberEvent, by: User | None) -> None:
    member = _locked(event.member_id)
    restore(event, by=by, then=lambda _e: _rebuild(member, by=by))


def member_delete(*, member: Member, by: User | None) -> None:
    """Soft-delete a member record entered by mistake. Spells go too, so counts drop it; restore brings all back."""
    soft_delete(member, by=by, then=_drop_spells)


def _drop_spells(member: Member) -> None:
    MembershipSpell.objects.filter(member=member).delete()
    spells_rewritten.send(sender=MembershipSpell, member_ids=[member.pk])


@transaction.atomic
def member_restore(*, member: Member, by: User | None) -> Member:
    restore(member, by=by, check=_check_unique, then=lambda m: _rebuild(m, by=by))
    member.refresh_from_db()
    return member


def transfer_members(
    *,
    source: Organization,
    target: Organization,
    member_ids: Iterable[int],
    on: dt.date,
    by: User | None,
    document_no: str,
    note: str = "",
) -> int:
    """Official transfers of the chosen members of `source` to `target` (used by splits and merges)."""
    chosen = Member.objects.filter(pk__in=list(member_ids), organization=source)
    return _transfer_out(chosen, on=on, by=by, document_no=document_no, note=note, counterpart=target)


def _transfer_out(members, *, on: dt.date, by: User | None, document_no: str, **fields) -> int:
    count = 0
    # In id order, as every writer that locks several members does, so that two of them cannot deadlock.
    for member in members.order_by("pk"):
        member_event_record(
            member=member,
            kind=EventKind.TRANSFERRED_OUT,
            by=by,
            on=on,
            transfer_mode=TransferMode.OFFICIAL,
            document_no=document_no or "-",
            **fields,
        )
        count += 1
    return count


def transfer_all_members(
    *, source: Organization, target: Organization, on: dt.date, by: User | None, document_no: str, note: str = ""
) -> int:
    ids = list(Member.objects.filter(organization=source).values_list("pk", flat=True))
    return transfer_members(
        source=source, target=target, member_ids=ids, on=on, by=by, document_no=document_no, note=note
    )


def transfer_all_members_out(
    *, organization: Organization, external_place: str, on: dt.date, by: User | None, document_no: str
) -> int:
    return _transfer_out(
        Member.objects.filter(organization=organization),
        on=on,
        by=by,
        document_no=document_no,
        external_place=external_place,
        note=_("Organization handed over to %(body)s") % {"body": external_place},
    )


def log_list_filter(*, user: User, filters, count: int, scope: str) -> None:
    """A list of members picked by ethnicity shows who belongs to a minority: logged like an export
    (the member list screen and the API's list). `filters` are members.selectors.MemberFilters."""
    if filters.ethnic_minority is None:
        return
    sensitive_access_log(
        user=user,
        purpose=Purpose.LIST_FILTER,
        fields=["is_ethnic_minority"],
        count=count,
        scope=scope,
        organization=filters.organization,
    )

"""How the portal's pages show a member's record, events and correction requests: plain rows of text."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from dangvu.lib.dates import format_short
from dangvu.members.models import EventKind, Member, MemberEvent
from dangvu.portal import services
from dangvu.portal.models import CORRECTABLE_FIELDS, CorrectionRequest


@dataclass(frozen=True)
class Row:
    label: str
    value: str
    field: str = ""  # set when the member may ask to correct it
    pending: bool = False


def _field_row(member: Member, name: str, pending: set[str]) -> Row:
    return Row(
        label=services.field_label(name),
        value=services.display_value(name, services.stored_text(member, name)),
        field=name if name in CORRECTABLE_FIELDS else "",
        pending=name in pending,
    )


def _date(value) -> str:
    return format_short(value) if value else "—"


IDENTITY = (
    "full_name",
    "birth_name",
    "aliases",
    "sex",
    "date_of_birth",
    "place_of_birth",
    "hometown",
    "national_id",
    "phone",
    "permanent_address",
    "temporary_address",
    "ethnicity",
    "religion",
)
STUDIES_AND_WORK = (
    "general_education",
    "professional_qualification",
    "political_theory_level",
    "foreign_language",
    "occupation_now",
    "position",
)


def sections(member: Member, *, events: list[MemberEvent], pending: set[str]) -> list[tuple[str, list[Row]]]:
    from dangvu.portal.selectors import made_full_on

    cell = member.organization or member.last_organization
    party = [
        Row(_("Status"), member.get_status_display()),
        Row(_("Cell"), cell.name if cell else "—"),
        Row(_("Admission decision date"), _date(member.admitted_on)),
        Row(_("Full membership decision date"), _date(made_full_on(events))),
        Row(_("Party card number"), member.card_number or "—"),
        Row(_("CV number"), member.cv_number or "—"),
    ]
    if member.probation_ends_on:
        party.append(Row(_("Probation ends on"), _date(member.probation_ends_on)))
    if member.next_badge_on:
        party.append(
            Row(
                _("Next badge"),
                _("%(years)s years of membership, on %(date)s")
                % {"years": member.next_badge_years, "date": _date(member.next_badge_on)},
            )
        )
    family = [
        Row(services.field_label(name), getattr(member, name))
        for name in ("family_background", "political_history_notes")
        if getattr(member, name)
    ]
    return [
        (_("Party membership"), party),
        (_("Identity"), [_field_row(member, name, pending) for name in IDENTITY]),
        (_("Studies and work"), [_field_row(member, name, pending) for name in STUDIES_AND_WORK]),
        *([(_("Family and history"), family)] if family else []),
    ]


def event_line(event: MemberEvent) -> dict:
    """An event as one line of the member's history: date, what happened, where, the decision."""
    where = []
    if event.organization_id and event.kind not in (EventKind.TRANSFERRED_OUT,):
        where.append(event.organization.name)
    if event.kind == EventKind.TRANSFERRED_OUT:
        target = event.counterpart.name if event.counterpart_id else event.external_place
        if target:
            where.append(_("to %(place)s") % {"place": target})
    elif event.kind == EventKind.TRANSFERRED_IN and event.external_place:
        where.append(_("from %(place)s") % {"place": event.external_place})
    if event.transfer_mode:
        where.append(event.get_transfer_mode_display().lower())
    if event.card_number:
        where.append(_("card no. %(number)s") % {"number": event.card_number})
    if event.badge_years:
        where.append(_("badge of %(years)s years") % {"years": event.badge_years})
    if event.document_no and event.document_no != "-":
        where.append(_("decision no. %(number)s") % {"number": event.document_no})
    return {"on": format_short(event.on), "what": event.get_kind_display(), "details": " · ".join(where)}


def correction_row(correction: CorrectionRequest) -> dict:
    return {
        "pk": correction.pk,
        "correction": correction,
        "member": correction.member,
        "label": services.field_label(correction.field),
        "current": services.display_value(correction.field, correction.current_value),
        "proposed": services.display_value(correction.field, correction.proposed_value),
        "stale": correction.is_pending and services.is_stale(correction),
        "now": services.display_value(correction.field, services.stored_text(correction.member, correction.field)),
    }

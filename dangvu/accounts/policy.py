"""The one access policy: for a user and a record or an organization, may they view it, change it,
see its sensitive fields. Every view, API view, export and form queryset asks here.

Seeing follows the tree: a user who works on a subtree sees what hangs on an organization of it.
Changing follows ownership: a record is owned by a body of an organization (`Owner`), and only the
roles that keep that body's records, working on a subtree that holds the organization, change it.
Most records are the registry's (owned by their organization's committee staff and secretaries);
the records of an inspection committee belong to inspection staff only (see `OWNER_RULES`).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from dangvu.accounts.models import EDITOR_ROLES, PORTAL_ROLES, SCOPED_ROLES, Role

# Sensitive personal data (ethnicity, religion, family background; Decree 13/2023/NĐ-CP):
# the registry's keepers only, inspection staff do not need it.
SENSITIVE_ROLES = EDITOR_ROLES
# Who keeps records of a body that is not an inspection committee: the registry's keepers and
# inspection staff (who prepare the committees' inspections and discipline).
WORK_RECORD_ROLES = (Role.COMMITTEE_STAFF, Role.SECRETARY, Role.INSPECTION_STAFF)


# Role gates: what kind of account this is, before any record is looked at --------------------------


def works_on_tree(user) -> bool:
    """Committee staff, inspection staff, secretaries: accounts in charge of a subtree."""
    return bool(user and user.is_authenticated and user.role in SCOPED_ROLES and user.organization_id is not None)


def keeps_registry(user) -> bool:
    """Roles that change registry records (organizations, members, work records) of their subtree."""
    return works_on_tree(user) and user.role in EDITOR_ROLES


def is_committee_staff(user) -> bool:
    return works_on_tree(user) and user.role == Role.COMMITTEE_STAFF


def is_member_account(user) -> bool:
    """An account of the member portal (a member, or a cell secretary): on the office screens it sees its own
    record only."""
    return bool(user and user.is_authenticated and user.role in PORTAL_ROLES)


def portal_member(user):
    """The member record behind a portal account, or None."""
    return user.member if is_member_account(user) and user.member_id else None


def secretary_cell(user):
    """The cell a cell-secretary account keeps, or None."""
    if user and user.is_authenticated and user.role == Role.CELL_SECRETARY and user.organization_id:
        return user.organization
    return None


def keeps_cell(user, organization) -> bool:
    """May the user keep the portal records (notices, attendance, minutes, rating sheet, activation codes) of
    this cell: its cell secretary, or registry keepers of a subtree that holds it."""
    if organization is None:
        return False
    cell = secretary_cell(user)
    if cell is not None:
        return cell.pk == organization.pk
    return keeps_registry(user) and in_scope(user, organization)


# The subtree ------------------------------------------------------------------------------------------


def scope_root_path(user) -> str | None:
    """Materialised path of the organization the user is in charge of, or None for no tree access."""
    if not works_on_tree(user):
        return None
    return user.organization.path


def organization_filter(user, prefix: str = "") -> Q:
    """A Q on Organization (or on a relation to it, via `prefix`, e.g. "organization__")."""
    path = scope_root_path(user)
    if path is None:
        return Q(pk__in=[])
    return Q(**{f"{prefix}path__startswith": path})


def limit_to_scope(queryset: QuerySet, user, prefix: str) -> QuerySet:
    return queryset.filter(organization_filter(user, prefix))


def in_scope(user, organization) -> bool:
    path = scope_root_path(user)
    return path is not None and organization is not None and organization.path.startswith(path)


# Ownership --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Owner:
    """The body that owns a record: an organization, and the roles that keep its records."""

    organization: object
    roles: tuple


def _registry_owner(organization) -> Owner:
    return Owner(organization, EDITOR_ROLES)


def _member_organization(member):
    return member.organization or member.last_organization


def _inspection_body_owner(organization, body: str) -> Owner:
    from dangvu.inspections.models import Body

    if body == Body.INSPECTION_COMMITTEE:
        return Owner(organization, (Role.INSPECTION_STAFF,))
    return Owner(organization, WORK_RECORD_ROLES)


# model label → the owner of one of its records. A model not named here is a registry record owned by
# `record.organization` (committee staff and secretaries of a subtree that holds it).
OWNER_RULES: dict[str, Callable[[object], Owner | None]] = {
    "organizations.organization": _registry_owner,
    "members.member": lambda m: _registry_owner(_member_organization(m)),
    "members.memberevent": lambda e: _registry_owner(_member_organization(e.member)),
    # An inspection is owned by the conducting body (`body` of `organization`).
    "inspections.inspection": lambda r: _inspection_body_owner(r.organization, r.body),
    # A decision is owned by the deciding body, not by the disciplined member's cell (`organization`).
    "inspections.discipline": lambda r: _inspection_body_owner(r.deciding_organization, r.body),
    # A letter is kept by the organization that received it (its committee or inspection committee).
    "inspections.letter": lambda r: Owner(r.organization, WORK_RECORD_ROLES),
}


def owner_of(obj) -> Owner | None:
    rule = OWNER_RULES.get(obj._meta.label_lower)
    if rule is not None:
        return rule(obj)
    organization = getattr(obj, "organization", None)
    return _registry_owner(organization) if organization is not None else None


def _seen_through(obj):
    """The organization whose subtree decides who sees `obj`."""
    label = obj._meta.label_lower
    if label == "organizations.organization":
        return obj
    if label == "members.member":
        return obj.last_organization or obj.organization
    if label == "members.memberevent":
        return _seen_through(obj.member)
    return getattr(obj, "organization", None)


# The three questions ------------------------------------------------------------------------------------


def may_view(user, obj) -> bool:
    """May `user` see `obj` (a record or an organization)? A member account sees only its own record."""
    if obj._meta.label_lower == "members.member" and user.is_authenticated and user.member_id == obj.pk:
        return True
    return in_scope(user, _seen_through(obj))


def may_edit(user, obj) -> bool:
    """May `user` change (edit, delete, restore, add to) `obj`? For an organization: its registry records.

    An unsaved instance asks whether the user may create that record."""
    owner = owner_of(obj)
    if owner is None or not works_on_tree(user) or user.role not in owner.roles:
        return False
    return in_scope(user, owner.organization)


def may_see_sensitive(user, member_or_org=None) -> bool:
    """May `user` see the sensitive personal fields of a member (or of the members of an organization)?

    Without a target: may they see them anywhere (for filters and exports over their subtree)."""
    if member_or_org is not None and member_or_org._meta.label_lower == "members.member":
        if user.is_authenticated and user.member_id == member_or_org.pk:
            return True
    if not (works_on_tree(user) and user.role in SENSITIVE_ROLES):
        return False
    return member_or_org is None or in_scope(user, _seen_through(member_or_org))


def may_lift_lockouts(user) -> bool:
    """Committee staff see and lift the sign-in locks of the accounts of their subtree."""
    return user.is_authenticated and user.role == Role.COMMITTEE_STAFF and scope_root_path(user) is not None


def may_lift_address_lockouts(user) -> bool:
    """A lock on an address (not on one account) concerns everyone: committee staff of the top committee only."""
    return may_lift_lockouts(user) and user.organization.depth == 1


def ensure_may_edit(user, obj) -> None:
    """Raise PermissionDenied unless `user` may change `obj` (saying why when the user may read it)."""
    if not may_edit(user, obj):
        if may_view(user, obj):
            raise PermissionDenied(_("Your account may read this record but not change it."))
        raise PermissionDenied


def organizations_to_view(user) -> QuerySet:
    """The organizations a user sees (alive or not): the queryset forms offer as places to look."""
    from dangvu.organizations.models import Organization

    return Organization.objects.filter(organization_filter(user))


# Screens' buttons ----------------------------------------------------------------------------------------


def may_open_rating_season(user) -> bool:
    """Only committee staff open a rating season (for their own committee)."""
    return is_committee_staff(user)


def may_close_rating_season(user, season) -> bool:
    """The committee staff of the season's committee close it, while it is open."""
    return season.is_open and is_committee_staff(user) and user.organization_id == season.organization_id


def may_open_reporting_round(user) -> bool:
    """Reporting rounds are opened by committee staff."""
    return keeps_registry(user) and is_committee_staff(user)


# A target of a congress term is a record of the term's committee.
OWNER_RULES["targets.target"] = lambda target: _registry_owner(target.term.organization)


# Member portal: correction requests, and what a member sees of their own party life -----------------------


def may_handle_correction(user, correction) -> bool:
    """Who accepts or rejects a member's correction request: the secretary of the member's cell, or registry
    keepers of a subtree that holds it; never the member themselves (a cell secretary's own request goes to the
    office). A change of a sensitive field (ethnicity, religion) is handled by those who may see it."""
    from dangvu.members.forms import SENSITIVE_FIELDS

    if user.is_authenticated and user.member_id == correction.member_id:
        return False
    if correction.field in SENSITIVE_FIELDS and not may_see_sensitive(user, correction.member):
        return False
    return keeps_cell(user, _member_organization(correction.member))


def may_withdraw_correction(user, correction) -> bool:
    """The member who sent a request withdraws it, while it is pending."""
    member = portal_member(user)
    return member is not None and member.pk == correction.member_id and correction.is_pending


def own_inspections_filter(member, today) -> Q:
    """The inspections (and supervisions) a member sees in their portal: concluded ones (ended by today, with a
    conclusion) whose subject they were. Ongoing work of the committees is not shown to its subject."""
    return Q(member_rows__member=member, ended_on__isnull=False, ended_on__lte=today) & ~Q(conclusion="")


def own_disciplines_filter(member, today) -> Q:
    """The discipline decisions a member sees in their portal: those decided on them, from the decision date."""
    return Q(member=member, decided_on__lte=today)


# Documents to members (issue 17 point 4): who sends a document to the members of which organizations. -------


def may_send_document(user, document) -> bool:
    """The keepers of the document's organization send it to members; a cell secretary forwards to their cell a
    document they were sent themselves."""
    if secretary_cell(user) is not None:
        return document.receipts.filter(member_id=user.member_id).exists()
    return may_edit(user, document)


def may_send_document_to(user, organization) -> bool:
    """May the user send documents to the members of `organization`: a cell secretary to their own cell, registry
    keepers to organizations of their subtree."""
    if secretary_cell(user) is not None:
        return keeps_cell(user, organization)
    return keeps_registry(user) and in_scope(user, organization)


# Notifications: the rules screen and the send log (committee staff), the digest preference -------------------


def may_manage_notification_rules(user) -> bool:
    """Committee staff see the notification rules and the send log of their subtree."""
    return is_committee_staff(user)


def may_edit_notification_rule(user, rule) -> bool:
    """A rule for every organization: the top committee's staff; a rule of a subtree: staff over that subtree."""
    if not is_committee_staff(user):
        return False
    if rule.organization_id is None:
        return user.organization.depth == 1
    return in_scope(user, rule.organization)


def may_choose_digest(user) -> bool:
    """Secretaries (of a cell or a base organization) and staff may take one daily e-mail instead of single ones."""
    return works_on_tree(user) or secretary_cell(user) is not None


def may_restructure(user, organization) -> bool:
    """Move, merge, split, hand over or dissolve an organization: the committee above decides, so only an
    organization strictly under the user's own (a base committee restructures its cells, never itself)."""
    return may_edit(user, organization) and organization.path != scope_root_path(user)


def may_approve_congress(user, congress) -> bool:
    """Approval (chuẩn y) of a congress' results is the competent higher committee's: registry keepers of a subtree
    that holds the congress' organization strictly below their own organization."""
    organization = congress.organization
    return keeps_registry(user) and in_scope(user, organization) and user.organization_id != organization.pk


# Party dues (issue 18): a cell's dues are kept by its secretary or its treasurer, or by the office over it. ------


def dues_treasurer_of(user, organization) -> bool:
    """Is the user's member the treasurer named on the organization's dues unit?"""
    if organization is None or not (user and user.is_authenticated and user.member_id):
        return False
    from dangvu.dues.models import DuesUnit

    return DuesUnit.objects.filter(organization_id=organization.pk, treasurer_id=user.member_id).exists()


def dues_cells(user) -> QuerySet:
    """The member-holding organizations whose dues a portal account keeps: the secretary's cell, the cells whose
    treasurer the member is."""
    from dangvu.organizations.models import Organization

    member = portal_member(user)
    if member is None:
        return Organization.objects.none()
    cell = secretary_cell(user)
    treasurer = Q(dues_unit__treasurer_id=member.pk)
    return Organization.objects.filter(treasurer | Q(pk=cell.pk) if cell is not None else treasurer)


def may_keep_dues(user, organization) -> bool:
    """Make the month's run, record payments and reasons, start a removal proposal: the cell's secretary or
    treasurer, or registry keepers of a subtree that holds it."""
    if organization is None:
        return False
    if keeps_cell(user, organization):
        return True
    return portal_member(user) is not None and dues_treasurer_of(user, organization)


def may_view_dues(user, organization) -> bool:
    """See an organization's dues: the tree over it (inspection staff check dues collection) or its keepers."""
    return in_scope(user, organization) or may_keep_dues(user, organization)


def may_settle_dues(user, organization) -> bool:
    """Settle a period's shares (kept and remitted) and set an organization's dues unit: registry keepers over it."""
    return keeps_registry(user) and in_scope(user, organization)


def may_set_dues_category(user, member) -> bool:
    """Set a member's dues category: registry keepers over the member's organization, or the cell's secretary."""
    return keeps_cell(user, _member_organization(member))

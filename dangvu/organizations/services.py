"""Writes to the organization tree. Each keeps the event, the dated version and the tree in step."""

import datetime as dt
from contextlib import contextmanager

from django.db import transaction
from django.utils.translation import gettext as _

from dangvu.accounts.models import User
from dangvu.lib.errors import refuse
from dangvu.lib.softdelete import restore, soft_delete
from dangvu.organizations.membership import members
from dangvu.organizations.models import (
    ALLOWED_CHILD_KINDS,
    Organization,
    OrganizationEvent,
    OrganizationEventKind,
    OrganizationKind,
    OrganizationVersion,
)


def _current_version(org: Organization) -> OrganizationVersion | None:
    return org.versions.filter(valid_to__isnull=True).order_by("-valid_from").first()


def _close_version(org: Organization, on: dt.date) -> None:
    version = _current_version(org)
    if version is None:
        return
    if on < version.valid_from:
        raise refuse(
            "on",
            _("The date is before the organization's last change on %(date)s.")
            % {"date": version.valid_from.strftime("%d/%m/%Y")},
        )
    version.valid_to = on
    version.save(update_fields=["valid_to"])


def _open_version(org: Organization, on: dt.date) -> None:
    parent = Organization.objects.get_parent(org, update=True)
    OrganizationVersion.objects.create(
        organization=org, parent=parent, name=org.name, short_name=org.short_name, valid_from=on
    )


@contextmanager
def _new_version(org: Organization, on: dt.date, *, reopen: bool = True):
    """Close the dated version before a change and, unless the organization ends, open the next one after it."""
    _close_version(org, on)
    yield
    if reopen:
        _open_version(org, on)


def _record(
    org: Organization, kind: str, on: dt.date, document_no: str, document_date: dt.date | None, note: str, **extra
) -> OrganizationEvent:
    """Keep the event of a tree change with its decision's number and date."""
    return OrganizationEvent.objects.create(
        organization=org, kind=kind, on=on, document_no=document_no, document_date=document_date, note=note, **extra
    )


def _check_active(org: Organization, on: dt.date, field: str = "organization") -> None:
    if org.ended_on is not None:
        raise refuse(
            field, _("%(name)s ended on %(date)s.") % {"name": org.name, "date": org.ended_on.strftime("%d/%m/%Y")}
        )
    if org.founded_on and on < org.founded_on:
        raise refuse("on", _("The date is before %(name)s was founded.") % {"name": org.name})


def _check_child_kind(parent: Organization | None, kind: str) -> None:
    if parent is None:
        if kind != OrganizationKind.COMMITTEE:
            raise refuse("parent", _("Only a committee can stand at the top of the tree."))
        return
    if kind not in ALLOWED_CHILD_KINDS[OrganizationKind(parent.kind)]:
        raise refuse(
            "kind",
            _("A %(child)s cannot be placed under a %(parent)s.")
            % {"child": OrganizationKind(kind).label, "parent": OrganizationKind(parent.kind).label},
        )


@transaction.atomic
def organization_found(
    *,
    parent: Organization | None,
    code: str,
    name: str,
    kind: str,
    on: dt.date,
    by: User | None,
    short_name: str = "",
    host_unit_type: str = "other",
    host_unit_name: str = "",
    document_no: str = "",
    document_date: dt.date | None = None,
    event_kind: str = OrganizationEventKind.FOUNDED,
    other_organization: Organization | None = None,
    external_body: str = "",
    note: str = "",
) -> Organization:
    code = code.strip()
    if Organization.objects.filter(code__iexact=code).exists():
        raise refuse("code", _("The code %(code)s is already used by another organization.") % {"code": code})
    _check_child_kind(parent, kind)
    if parent is not None:
        _check_active(parent, on, field="parent")
    fields = dict(
        code=code,
        name=name.strip(),
        short_name=short_name.strip(),
        kind=kind,
        host_unit_type=host_unit_type,
        host_unit_name=host_unit_name.strip(),
        founded_on=on,
    )
    org = (
        Organization.objects.add_child(parent, create_kwargs=fields)
        if parent
        else Organization.objects.add_root(create_kwargs=fields)
    )
    _record(
        org,
        event_kind,
        on,
        document_no,
        document_date,
        note,
        other_organization=other_organization,
        external_body=external_body,
        new_name=org.name,
    )
    _open_version(org, on)
    return org


@transaction.atomic
def organization_rename(
    *,
    organization: Organization,
    name: str,
    on: dt.date,
    by: User | None,
    short_name: str | None = None,
    document_no: str = "",
    document_date: dt.date | None = None,
    note: str = "",
) -> Organization:
    _check_active(organization, on)
    name = name.strip()
    if name == organization.name and (short_name is None or short_name == organization.short_name):
        raise refuse("name", _("The new name is the same as the current one."))
    old_name = organization.name
    with _new_version(organization, on):
        organization.name = name
        if short_name is not None:
            organization.short_name = short_name.strip()
        organization.save()
        _record(
            organization,
            OrganizationEventKind.RENAMED,
            on,
            document_no,
            document_date,
            note,
            old_name=old_name,
            new_name=name,
        )
    return organization


@transaction.atomic
def organization_move(
    *,
    organization: Organization,
    new_parent: Organization,
    on: dt.date,
    by: User | None,
    document_no: str = "",
    document_date: dt.date | None = None,
    note: str = "",
) -> Organization:
    """Place an organization (with its subtree and members) under another organization of the tree."""
    _check_active(organization, on)
    _check_active(new_parent, on, field="new_parent")
    if new_parent.path.startswith(organization.path):
        raise refuse("new_parent", _("An organization cannot be moved under itself or an organization below it."))
    _check_child_kind(new_parent, organization.kind)
    with _new_version(organization, on):
        Organization.objects.move(organization, new_parent, pos="last-child")
        organization.refresh_from_db()
        _record(
            organization,
            OrganizationEventKind.MOVED,
            on,
            document_no,
            document_date,
            note,
            other_organization=new_parent,
        )
    return organization


def _end(
    organization: Organization,
    kind: str,
    on: dt.date,
    document_no: str,
    document_date: dt.date | None,
    note: str,
    **extra,
) -> None:
    with _new_version(organization, on, reopen=False):
        organization.ended_on = on
        organization.save()
        _record(organization, kind, on, document_no, document_date, note, **extra)


def _active_children(organization: Organization):
    return Organization.objects.get_children(organization).filter(ended_on__isnull=True, deleted_at__isnull=True)


@transaction.atomic
def organization_dissolve(
    *,
    organization: Organization,
    on: dt.date,
    by: User | None,
    document_no: str = "",
    document_date: dt.date | None = None,
    note: str = "",
) -> Organization:
    _check_active(organization, on)
    if _active_children(organization).exists():
        raise refuse("organization", _("Dissolve or move the organizations under it first."))
    remaining = members().spells_counting_on(on).filter(organization=organization).count()
    if remaining:
        raise refuse(
            "organization",
            _("%(count)d members still belong to this organization; transfer them before dissolving it.")
            % {"count": remaining},
        )
    _end(organization, OrganizationEventKind.DISSOLVED, on, document_no, document_date, note)
    return organization


@transaction.atomic
def organization_merge(
    *,
    source: Organization,
    target: Organization,
    on: dt.date,
    by: User | None,
    document_no: str = "",
    document_date: dt.date | None = None,
    note: str = "",
) -> Organization:
    """Merge `source` into `target`: its members are transferred to `target`, then it ends."""
    if source.pk == target.pk:
        raise refuse("target", _("An organization cannot be merged into itself."))
    _check_active(source, on)
    _check_active(target, on, field="target")
    if _active_children(source).exists():
        raise refuse("source", _("Merge or move the organizations under it first."))
    if source.holds_members and not target.holds_members:
        raise refuse("target", _("An organization that holds members can only be merged into a cell or a base cell."))
    members().transfer_all_members(
        source=source,
        target=target,
        on=on,
        by=by,
        document_no=document_no,
        note=_("Merged into %(name)s") % {"name": target.name},
    )
    _end(source, OrganizationEventKind.MERGED_INTO, on, document_no, document_date, note, other_organization=target)
    return target


@transaction.atomic
def organization_split(
    *,
    source: Organization,
    code: str,
    name: str,
    on: dt.date,
    by: User | None,
    member_ids: list[int],
    short_name: str = "",
    document_no: str = "",
    document_date: dt.date | None = None,
    note: str = "",
) -> Organization:
    """Found a new sibling of `source` and transfer the chosen members of `source` to it."""
    _check_active(source, on)
    parent = Organization.objects.get_parent(source, update=True)
    new_org = organization_found(
        parent=parent,
        code=code,
        name=name,
        short_name=short_name,
        kind=source.kind,
        on=on,
        by=by,
        host_unit_type=source.host_unit_type,
        host_unit_name=source.host_unit_name,
        document_no=document_no,
        document_date=document_date,
        event_kind=OrganizationEventKind.SPLIT_FROM,
        other_organization=source,
        note=note,
    )
    members().transfer_members(
        source=source,
        target=new_org,
        member_ids=member_ids,
        on=on,
        by=by,
        document_no=document_no,
        note=_("Split into %(name)s") % {"name": new_org.name},
    )
    return new_org


@transaction.atomic
def organization_hand_over(
    *,
    organization: Organization,
    external_body: str,
    on: dt.date,
    by: User | None,
    document_no: str = "",
    document_date: dt.date | None = None,
    note: str = "",
) -> Organization:
    """Hand an organization over to another committee: it and its members leave this committee's registry."""
    if not external_body.strip():
        raise refuse("external_body", _("Name the committee that receives the organization."))
    _check_active(organization, on)
    for child in _active_children(organization):
        organization_hand_over(
            organization=child,
            external_body=external_body,
            on=on,
            by=by,
            document_no=document_no,
            document_date=document_date,
            note=note,
        )
    members().transfer_all_members_out(
        organization=organization, external_place=external_body, on=on, by=by, document_no=document_no
    )
    _end(
        organization,
        OrganizationEventKind.HANDED_OVER,
        on,
        document_no,
        document_date,
        note,
        external_body=external_body,
    )
    return organization


@transaction.atomic
def organization_update(*, organization: Organization, by: User | None, **fields) -> Organization:
    """Correct descriptive fields (host unit, kind of host unit). Names change through a rename."""
    for name in ("host_unit_type", "host_unit_name", "short_name"):
        if name in fields:
            setattr(organization, name, fields[name])
    organization.save()
    return organization


def organization_delete(*, organization: Organization, by: User | None) -> None:
    """Soft-delete an organization entered by mistake (no members, no children ever)."""
    soft_delete(organization, by=by, check=_never_used)


def _never_used(organization: Organization) -> None:
    if Organization.objects.get_children(organization).filter(deleted_at__isnull=True).exists():
        raise refuse("organization", _("The organization has organizations under it; it cannot be deleted."))
    if members().recorded_in(organization):
        raise refuse("organization", _("Members were recorded in this organization; dissolve it instead."))


def organization_restore(*, organization: Organization, by: User | None) -> None:
    restore(organization, by=by)

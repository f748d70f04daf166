"""The organization tree and its dated history.

`Organization` is the tree as it stands (django-treebeard materialised path, so a
subtree is one `path LIKE 'prefix%'`). `OrganizationVersion` keeps who was under whom
under what name on each date, derived by the services from `OrganizationEvent`s.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from treebeard.mp_tree import MP_Node


class OrganizationKind(models.TextChoices):
    COMMITTEE = "committee", _("Committee above the base level")
    BASE_PARTY_COMMITTEE = "base_party_committee", _("Base party committee")
    BASE_CELL = "base_cell", _("Base cell")
    SUB_COMMITTEE = "sub_committee", _("Sub-committee")
    CELL = "cell", _("Cell")


BASE_KINDS = (OrganizationKind.BASE_PARTY_COMMITTEE, OrganizationKind.BASE_CELL)
# Kinds whose members are recorded directly (a member belongs to exactly one of these).
MEMBER_HOLDING_KINDS = (OrganizationKind.BASE_CELL, OrganizationKind.CELL)

ALLOWED_CHILD_KINDS = {
    OrganizationKind.COMMITTEE: {OrganizationKind.COMMITTEE, *BASE_KINDS},
    OrganizationKind.BASE_PARTY_COMMITTEE: {OrganizationKind.SUB_COMMITTEE, OrganizationKind.CELL},
    OrganizationKind.SUB_COMMITTEE: {OrganizationKind.CELL},
    OrganizationKind.BASE_CELL: set(),
    OrganizationKind.CELL: set(),
}


class HostUnitType(models.TextChoices):
    PARTY_MASS = "party_mass", _("Party and mass-organization body")
    STATE = "state", _("State management or public service unit")
    VERTICAL = "vertical", _("Vertically managed agency")
    BUSINESS = "business", _("Business")
    OTHER = "other", _("Other")


class Organization(MP_Node):
    code = models.CharField(_("code"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=255)
    short_name = models.CharField(_("short name"), max_length=120, blank=True)
    kind = models.CharField(_("kind"), max_length=32, choices=OrganizationKind.choices)
    host_unit_type = models.CharField(
        _("host unit type"), max_length=32, choices=HostUnitType.choices, default=HostUnitType.OTHER
    )
    host_unit_name = models.CharField(_("host unit"), max_length=255, blank=True)
    # Both derived from the organization's events by the services.
    founded_on = models.DateField(_("founded on"), null=True, blank=True)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True, editable=False)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    history = HistoricalRecords(excluded_fields=["path", "depth", "numchild"])

    class Meta:
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")

    def __str__(self) -> str:
        return self.name

    @property
    def is_base(self) -> bool:
        return self.kind in BASE_KINDS

    @property
    def holds_members(self) -> bool:
        return self.kind in MEMBER_HOLDING_KINDS

    @property
    def is_active(self) -> bool:
        return self.ended_on is None and self.deleted_at is None


class OrganizationEventKind(models.TextChoices):
    FOUNDED = "founded", _("Founded")
    RENAMED = "renamed", _("Renamed")
    SPLIT_FROM = "split_from", _("Split from another organization")
    MERGED_INTO = "merged_into", _("Merged into another organization")
    HANDED_OVER = "handed_over", _("Handed over to another committee")
    RECEIVED = "received", _("Received from another committee")
    MOVED = "moved", _("Moved under another organization")
    DISSOLVED = "dissolved", _("Dissolved")


class OrganizationEvent(models.Model):
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="events")
    kind = models.CharField(_("event"), max_length=32, choices=OrganizationEventKind.choices)
    on = models.DateField(_("date"))
    other_organization = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("other organization"),
    )
    external_body = models.CharField(_("other committee"), max_length=255, blank=True)
    old_name = models.CharField(_("previous name"), max_length=255, blank=True)
    new_name = models.CharField(_("new name"), max_length=255, blank=True)
    document_no = models.CharField(_("decision number"), max_length=64, blank=True)
    document_date = models.DateField(_("decision date"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["on", "id"]
        verbose_name = _("organization event")
        verbose_name_plural = _("organization events")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.on:%d/%m/%Y}"


class OrganizationVersion(models.Model):
    """Who an organization was under, and under what name, from `valid_from` until `valid_to` (exclusive)."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="versions")
    parent = models.ForeignKey(Organization, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    name = models.CharField(max_length=255)
    short_name = models.CharField(max_length=120, blank=True)
    valid_from = models.DateField()
    valid_to = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["valid_from", "id"]
        indexes = [models.Index(fields=["valid_from", "valid_to"])]

    def __str__(self) -> str:
        return f"{self.name} ({self.valid_from}..{self.valid_to or ''})"

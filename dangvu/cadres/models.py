"""Cadre work records: political-standard conclusions and committee appointments."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from dangvu.lib.softdelete import SoftDeletable


class Purpose(models.TextChoices):
    ADMISSION = "admission", _("Admission")
    PLANNING = "planning", _("Planning")
    APPOINTMENT = "appointment", _("Appointment")
    ABROAD_STUDY = "abroad_study", _("Study abroad")
    ABROAD_TRAVEL = "abroad_travel", _("Travel abroad")


class Verdict(models.TextChoices):
    MEETS = "meets", _("Meets the political standard")
    MEETS_WITH_NOTES = "meets_with_notes", _("Meets it, with notes")
    FAILS = "fails", _("Does not meet the political standard")


class PoliticalConclusion(SoftDeletable):
    """A conclusion on a person's political standard, or a cadre comment, for one purpose."""

    member = models.ForeignKey(
        "members.Member", null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("member")
    )
    candidate = models.ForeignKey(
        "candidates.Candidate",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("candidate"),
    )
    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.PROTECT, related_name="+", verbose_name=_("organization")
    )
    purpose = models.CharField(_("purpose"), max_length=20, choices=Purpose.choices)
    concluded_on = models.DateField(_("date"))
    verdict = models.CharField(_("conclusion"), max_length=20, choices=Verdict.choices)
    conclusion = models.TextField(_("conclusion text"))
    document_no = models.CharField(_("document number"), max_length=64, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("political-standard conclusion")
        verbose_name_plural = _("political-standard conclusions")
        indexes = [models.Index(fields=["organization", "concluded_on"])]

    def __str__(self) -> str:
        return f"{self.person_name} {self.get_purpose_display()}"

    @property
    def person_name(self) -> str:
        person = self.member or self.candidate
        return person.full_name if person else ""


class Position(models.TextChoices):
    EXECUTIVE = "executive", _("Executive committee member")
    STANDING = "standing", _("Standing committee member")
    DEPUTY_SECRETARY = "deputy_secretary", _("Deputy secretary")
    SECRETARY = "secretary", _("Secretary")


class AppointmentKind(models.TextChoices):
    APPOINTED = "appointed", _("Appointed")
    APPROVED = "approved", _("Approved after election")


class CommitteeAppointment(SoftDeletable):
    """A member appointed (chỉ định) or approved (chuẩn y) to a committee post of an organization."""

    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.PROTECT, related_name="+", verbose_name=_("organization")
    )
    member = models.ForeignKey("members.Member", on_delete=models.PROTECT, related_name="+", verbose_name=_("member"))
    position = models.CharField(_("post"), max_length=20, choices=Position.choices)
    kind = models.CharField(_("kind"), max_length=12, choices=AppointmentKind.choices)
    decided_by = models.CharField(_("decided by"), max_length=255)
    decided_on = models.DateField(_("decision date"))
    document_no = models.CharField(_("decision number"), max_length=64)
    term = models.CharField(_("term"), max_length=20, blank=True)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("committee appointment")
        verbose_name_plural = _("committee appointments")
        indexes = [models.Index(fields=["organization", "decided_on"])]

    def __str__(self) -> str:
        return f"{self.member} {self.get_position_display()}"

"""The committee's work programme ("chương trình công tác"): what it means to do in a month or a quarter of a
year, who carries it out and how far it got. The next period's items are the key tasks of a report."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from dangvu.lib.softdelete import SoftDeletable


class Area(models.TextChoices):
    """The report section an item belongs to (reports.structure.RESULT_SECTIONS)."""

    POLITICAL_TASK = "political_task", _("Political task")
    IDEOLOGY = "ideology", _("Political and ideological work")
    MASS_MOBILISATION = "mass_mobilisation", _("Mass mobilisation")
    PARTY_BUILDING = "party_building", _("Party building and rectification")
    ORGANIZATION = "organization", _("Organization and cadres")
    INSPECTION = "inspection", _("Inspection, supervision and discipline")
    MASS_ORGANIZATIONS = "mass_organizations", _("Leadership of mass organizations")


class State(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    POSTPONED = "postponed", _("Postponed")


class WorkItem(SoftDeletable):
    """One item of the programme: in a month (month set) or a quarter (quarter set, no month) of `year`."""

    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.CASCADE, related_name="+", verbose_name=_("committee")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    quarter = models.PositiveSmallIntegerField(_("quarter"), null=True, blank=True)
    month = models.PositiveSmallIntegerField(_("month"), null=True, blank=True)
    area = models.CharField(_("area"), max_length=24, choices=Area.choices)
    title = models.CharField(_("task"), max_length=500)
    owner = models.CharField(_("carried out by"), max_length=120, blank=True)
    state = models.CharField(_("state"), max_length=16, choices=State.choices, default=State.PLANNED)
    note = models.TextField(_("note"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("work programme item")
        verbose_name_plural = _("work programme items")
        indexes = [models.Index(fields=["year", "quarter", "month"])]

    def __str__(self) -> str:
        return self.title

    @property
    def quarter_of_year(self) -> int:
        return self.quarter or (self.month - 1) // 3 + 1

    @property
    def when(self) -> str:
        if self.month:
            return f"{self.month:02d}/{self.year}"
        return f"Quý {('I', 'II', 'III', 'IV')[self.quarter - 1]}/{self.year}"

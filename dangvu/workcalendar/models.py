from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class PublicHoliday(models.Model):
    """A day off that is not a weekend day. Deadlines in working days skip these."""

    on = models.DateField(_("date"), unique=True)
    name = models.CharField(_("name"), max_length=120)
    history = HistoricalRecords()

    class Meta:
        ordering = ["on"]
        verbose_name = _("public holiday")
        verbose_name_plural = _("public holidays")

    def __str__(self) -> str:
        return f"{self.on:%d/%m/%Y} {self.name}"

"""Report drafts, their sections and versions, and the editable sentence templates."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

KIND_CHOICES = [
    ("monthly", _("Monthly report")),
    ("quarterly", _("Quarterly report")),
    ("half_year", _("Half-year report")),
    ("nine_month", _("Nine-month report")),
    ("annual", _("Annual report")),
    ("mid_term", _("Mid-term report")),
    ("term_end", _("Term-end report")),
]


def report_title(kind: str, period_key: str) -> str:
    """What a report or round is called on screens and in warnings: "Báo cáo tháng 10 năm 2026", never the key."""
    from dangvu.reports.periods import PeriodError, parse_period

    try:
        period = parse_period(kind, period_key)
    except PeriodError:
        return f"{dict(KIND_CHOICES).get(kind, kind)} {period_key}"
    if period.is_term:
        first, last = period.term_years
        if kind == "mid_term":
            return _("Mid-term review report of the term %(first)s - %(last)s") % {"first": first, "last": last}
        return _("Term-end report of the term %(first)s - %(last)s") % {"first": first, "last": last}
    return _("Report of %(period)s") % {"period": period.label}


class PeriodNamed:
    """The period of a report or a round as users read it ("tháng 10 năm 2026"), and the title it gives."""

    @property
    def period_label(self) -> str:
        from dangvu.reports.periods import PeriodError, parse_period

        try:
            return parse_period(self.kind, self.period_key).label
        except PeriodError:
            return self.period_key

    @property
    def title(self) -> str:
        return report_title(self.kind, self.period_key)


class SentenceTemplate(models.Model):
    """A standard sentence pre-filled into a section: a Django template over the period's figures."""

    key = models.CharField(_("key"), max_length=64, unique=True)
    section = models.CharField(_("section"), max_length=32)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    kinds = models.CharField(
        _("report kinds"),
        max_length=200,
        blank=True,
        help_text=_("Comma-separated report kinds; empty for every kind."),
    )
    text = models.TextField(_("template"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["section", "order"]
        verbose_name = _("report sentence")
        verbose_name_plural = _("report sentences")

    def __str__(self) -> str:
        return self.key

    def applies_to(self, kind: str) -> bool:
        return not self.kinds or kind in [k.strip() for k in self.kinds.split(",")]


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")


class Report(PeriodNamed, models.Model):
    """A report being written: kind, period, organization, its sections and the frozen figures."""

    organization = models.ForeignKey("organizations.Organization", on_delete=models.PROTECT, related_name="reports")
    kind = models.CharField(_("kind"), max_length=16, choices=KIND_CHOICES)
    period_key = models.CharField(_("period"), max_length=16)
    number = models.CharField(_("number and symbol"), max_length=64, blank=True)
    place = models.CharField(_("place"), max_length=64, blank=True)
    issued_on = models.DateField(_("date of issue"), null=True, blank=True)
    signer_name = models.CharField(_("signer"), max_length=120, blank=True)
    signer_title = models.CharField(_("signer's title"), max_length=120, blank=True, default="BÍ THƯ")
    signing_for = models.CharField(_("signing for"), max_length=64, blank=True, default="T/M BAN THƯỜNG VỤ")
    recipients = models.TextField(_("distribution list"), blank=True)
    figures = models.JSONField(_("figures"), default=dict, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=ReportStatus.choices, default=ReportStatus.DRAFT)
    submitted_at = models.DateTimeField(null=True, blank=True)
    round = models.ForeignKey("reports.Round", null=True, blank=True, on_delete=models.PROTECT, related_name="reports")
    version = models.PositiveIntegerField(default=1)
    # A round's aggregate: how many of the asked organizations' reports were in when it was compiled.
    compiled_from = models.PositiveIntegerField(null=True, blank=True, editable=False)
    compiled_of = models.PositiveIntegerField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    deleted_at = models.DateTimeField(null=True, blank=True, editable=False)
    history = HistoricalRecords(excluded_fields=["figures"])

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")

    def __str__(self) -> str:
        return str(self.title)

    @property
    def is_provisional(self) -> bool:
        """An aggregate compiled before every asked organization had submitted: its figures are incomplete."""
        return self.compiled_of is not None and (self.compiled_from or 0) < self.compiled_of

    @property
    def provisional_mark(self) -> str:
        """ "Dự thảo tạm tính: 1/100 báo cáo" on the screen, the DOCX and the PDF; "" when complete."""
        if not self.is_provisional:
            return ""
        return _("Provisional draft: %(submitted)s/%(asked)s reports") % {
            "submitted": self.compiled_from or 0,
            "asked": self.compiled_of,
        }

    def empty_sections(self) -> list["ReportSection"]:
        """The sections to be written that are still blank: the report warns before it is submitted."""
        return [s for s in self.sections.all() if s.writable and not s.text.strip()]


class ReportSection(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="sections")
    key = models.CharField(max_length=32)
    heading = models.CharField(max_length=255)
    level = models.PositiveSmallIntegerField(default=2)
    writable = models.BooleanField(default=True)
    order = models.PositiveSmallIntegerField(default=0)
    text = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order"]
        constraints = [models.UniqueConstraint(fields=["report", "key"], name="one_section_per_key")]

    def __str__(self) -> str:
        return self.heading


class Round(PeriodNamed, models.Model):
    """A reporting round: the committee asks its base organizations for their reports of a period."""

    organization = models.ForeignKey("organizations.Organization", on_delete=models.PROTECT, related_name="rounds")
    kind = models.CharField(_("kind"), max_length=16, choices=KIND_CHOICES)
    period_key = models.CharField(_("period"), max_length=16)
    due_on = models.DateField(_("due date"))
    participants = models.ManyToManyField(
        "organizations.Organization", related_name="+", verbose_name=_("base organizations")
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("reporting round")
        verbose_name_plural = _("reporting rounds")

    def __str__(self) -> str:
        return str(self.title)


class CompileState(models.TextChoices):
    QUEUED = "queued", _("Waiting")
    RUNNING = "running", _("Compiling")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class CompileJob(models.Model):
    """A reporting round's aggregate compiled in the background (django-tasks), with its progress."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="compile_jobs")
    state = models.CharField(max_length=10, choices=CompileState.choices, default=CompileState.QUEUED)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    report = models.ForeignKey(Report, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    error = models.TextField(blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    # Written while the job runs (lib/jobs.py); a running job whose heartbeat is stale has lost its worker.
    heartbeat_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    @property
    def is_running(self) -> bool:
        return self.state in (CompileState.QUEUED, CompileState.RUNNING)

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

"""Annual quality ratings of members and organizations, collected in a rating season per year (RULES.md §3).

A season belongs to a committee and a year; while it is open the secretaries rate their members
and cells; closing it checks the "excellent" cap and that nobody is left unrated. Ratings of a
closed season are locked.
"""

import datetime as dt

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from dangvu.lib.softdelete import SoftDeletable
from dangvu.ratings.rules import Grade, NotGradedReason


class SeasonStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class RatingSeason(models.Model):
    organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.CASCADE,
        related_name="rating_seasons",
        verbose_name=_("committee"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    status = models.CharField(_("status"), max_length=8, choices=SeasonStatus.choices, default=SeasonStatus.OPEN)
    opened_on = models.DateField(_("opened on"))
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    # Members hand in their self-assessment by this day (15/12 of the year when not set).
    self_assessment_due_on = models.DateField(_("self-assessments due on"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "organization__path"]
        verbose_name = _("rating season")
        verbose_name_plural = _("rating seasons")
        constraints = [models.UniqueConstraint(fields=["organization", "year"], name="one_season_per_committee_year")]

    def __str__(self) -> str:
        return f"{self.year} · {self.organization}"

    @property
    def is_open(self) -> bool:
        return self.status == SeasonStatus.OPEN

    @property
    def due_on(self) -> dt.date:
        return self.self_assessment_due_on or default_due_on(self.year)


def default_due_on(year: int) -> dt.date:
    return dt.date(year, 12, 15)


class RatingBase(SoftDeletable):
    season = models.ForeignKey(RatingSeason, on_delete=models.CASCADE, verbose_name=_("rating season"))
    grade = models.CharField(_("grade"), max_length=10, choices=Grade.choices, blank=True)
    not_graded_reason = models.CharField(
        _("not graded because"), max_length=20, choices=NotGradedReason.choices, blank=True
    )
    score = models.DecimalField(_("score (0-100)"), max_digits=5, decimal_places=2, null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True

    @property
    def outcome_label(self) -> str:
        if self.grade:
            return self.get_grade_display()
        return self.get_not_graded_reason_display()


class MemberRating(RatingBase):
    member = models.ForeignKey("members.Member", on_delete=models.CASCADE, related_name="ratings")
    # The member's cell and base organization on the reference date (31/12): the cap is counted per base organization.
    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.CASCADE, related_name="+", verbose_name=_("cell")
    )
    base_organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.CASCADE, related_name="+", verbose_name=_("base organization")
    )
    disciplined = models.BooleanField(_("disciplined this year"), default=False)
    discipline_self_remedied = models.BooleanField(_("violation self-detected and remedied"), default=False)
    violation = models.BooleanField(_("degradation or a thing members must not do"), default=False)
    sick_leave_months = models.PositiveSmallIntegerField(_("months of sick leave in the year"), default=0)
    tasks_on_time_pct = models.DecimalField(
        _("tasks done on time (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    tasks_exceeding_pct = models.DecimalField(
        _("tasks exceeding requirements (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    # The cell's vote (its proposal to the base committee), beside the grade decided.
    cell_proposed_grade = models.CharField(
        _("grade proposed by the cell"), max_length=10, choices=Grade.choices, blank=True
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["season", "organization__path", "member__sort_key"]
        verbose_name = _("member rating")
        verbose_name_plural = _("member ratings")
        constraints = [
            models.UniqueConstraint(
                fields=["season", "member"], condition=Q(deleted_at__isnull=True), name="one_live_rating_per_member"
            )
        ]
        indexes = [
            models.Index(fields=["season", "base_organization", "grade"]),
            # Covers the grade counts of the indicator registry (live ratings of a season in a subtree).
            models.Index(
                fields=["season", "organization", "grade"],
                condition=Q(deleted_at__isnull=True),
                name="member_rating_grades_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member} {self.season.year}"


class OrganizationRating(RatingBase):
    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.CASCADE, related_name="ratings", verbose_name=_("organization")
    )
    # Similar units whose "excellent" share is capped together (QĐ 124): cells of one base organization,
    # or base organizations of one host-unit type.
    peer_group = models.CharField(_("group of similar units"), max_length=64)
    leadership_disciplined = models.BooleanField(_("leadership disciplined this year"), default=False)
    disciplined_units_pct = models.DecimalField(
        _("subordinate units disciplined (%)"), max_digits=5, decimal_places=2, default=0
    )
    disunity = models.BooleanField(_("internal disunity"), default=False)
    targets_met_pct = models.DecimalField(_("targets met (%)"), max_digits=5, decimal_places=2, null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["season", "organization__path"]
        verbose_name = _("organization rating")
        verbose_name_plural = _("organization ratings")
        constraints = [
            models.UniqueConstraint(
                fields=["season", "organization"],
                condition=Q(deleted_at__isnull=True),
                name="one_live_rating_per_organization",
            )
        ]
        indexes = [models.Index(fields=["season", "peer_group", "grade"])]

    def __str__(self) -> str:
        return f"{self.organization} {self.season.year}"


class SelfAssessmentStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("self-assessment", "Draft")
    SUBMITTED = "submitted", pgettext_lazy("self-assessment", "Submitted")
    RETURNED = "returned", _("Returned for changes")


class SelfAssessment(models.Model):
    """A member's yearly self-assessment (bản tự kiểm điểm), in the form of the year's rules
    (`rules.self_assessment_form_for_year`): scored criteria from 2025 (QĐ 366), text sections before."""

    season = models.ForeignKey(RatingSeason, on_delete=models.CASCADE, related_name="self_assessments")
    member = models.ForeignKey("members.Member", on_delete=models.CASCADE, related_name="self_assessments")
    # The member's cell when they wrote it: the cell secretary who reads (and may return) it.
    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.CASCADE, related_name="+", verbose_name=_("cell")
    )
    form_code = models.CharField(_("form"), max_length=16)
    status = models.CharField(
        _("status"), max_length=10, choices=SelfAssessmentStatus.choices, default=SelfAssessmentStatus.DRAFT
    )
    points = models.JSONField(_("points by criterion"), default=dict, blank=True)
    total_points = models.DecimalField(_("total points"), max_digits=5, decimal_places=2, null=True, blank=True)
    tasks_on_time_pct = models.DecimalField(
        _("tasks done on time (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    tasks_exceeding_pct = models.DecimalField(
        _("tasks exceeding requirements (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    disciplined = models.BooleanField(_("disciplined this year"), default=False)
    sections = models.JSONField(_("text sections"), default=dict, blank=True)
    proposed_grade = models.CharField(_("self-proposed grade"), max_length=10, choices=Grade.choices, blank=True)
    return_note = models.TextField(_("why it was returned"), blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["season", "organization__path", "member__sort_key"]
        verbose_name = _("self-assessment")
        verbose_name_plural = _("self-assessments")
        constraints = [models.UniqueConstraint(fields=["season", "member"], name="one_self_assessment_per_season")]
        indexes = [models.Index(fields=["season", "organization", "status"])]

    def __str__(self) -> str:
        return f"{self.member} {self.season.year}"

    @property
    def is_submitted(self) -> bool:
        return self.status == SelfAssessmentStatus.SUBMITTED

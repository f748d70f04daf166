"""Political education: study sessions on resolutions and directives, and training classes.

A study session is one organization studying one document on one day, with the members
present (each one counted in the organization's subtree on that day) and the non-member
staff reached. A training class has participants: members, or candidates by name until
the candidates app links them.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from dangvu.lib.softdelete import SoftDeletable
from dangvu.members.activity import ActivityYear

# Members and organizations are never hard-deleted by the product (their deletes are soft), so the
# foreign keys to them cascade: only a wipe of the whole registry (tests, a fresh demo) removes these rows.


class StudySession(SoftDeletable):
    organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.CASCADE,
        related_name="study_sessions",
        verbose_name=_("organization"),
    )
    document_reference = models.CharField(
        _("document studied"),
        max_length=255,
        help_text=_("Number and symbol as written, e.g. Nghị quyết số 21-NQ/TW."),
    )
    # The reference folded (no tones, no spaces, lower case): sessions on the same document match.
    document_key = models.CharField(max_length=255, editable=False, db_index=True)
    held_on = models.DateField(_("date held"))
    members_present = models.PositiveIntegerField(_("members present"), default=0, editable=False)
    non_members_present = models.PositiveIntegerField(_("non-member staff present"), default=0)
    non_member_headcount = models.PositiveIntegerField(
        _("non-member staff of the host unit"),
        default=0,
        help_text=_("Everyone working at the host unit who is not a party member, on the day of the session."),
    )
    note = models.TextField(_("note"), blank=True)
    history = HistoricalRecords(excluded_fields=["document_key"])

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("study session")
        verbose_name_plural = _("study sessions")
        indexes = [models.Index(fields=["held_on", "organization"])]

    def __str__(self) -> str:
        return f"{self.document_reference} ({self.held_on:%d/%m/%Y})"


class StudyAttendance(models.Model):
    """A member present at a study session. Rewritten as a whole by `study_session_save`."""

    session = models.ForeignKey(StudySession, on_delete=models.CASCADE, related_name="attendances")
    member = models.ForeignKey("members.Member", on_delete=models.CASCADE, related_name="study_attendances")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["session", "member"], name="study_attendance_once")]

    def __str__(self) -> str:
        return f"{self.session_id}:{self.member_id}"


class StudiedYear(ActivityYear):
    """The months of a year in which a member was present at a study session that is not deleted, with where
    the member was counted at each month's end (see members.activity). Rebuilt by the services that change
    sessions and when a member's spells are rewritten; read by the indicator of members who studied."""

    class Meta:
        constraints = [models.UniqueConstraint(fields=["member", "year", "organization"], name="studied_year_once")]
        indexes = [
            # Periods within a year: members counted at the last month's end with a month active.
            models.Index(fields=["year", "organization", "counted_months", "months"], name="studied_year_count_idx"),
            # Periods over several years: the members active in them.
            models.Index(fields=["year", "months", "member"], name="studied_year_cover_idx"),
        ]


class TrainingKind(models.TextChoices):
    PARTY_AWARENESS = "party_awareness", _("Party awareness class (candidates)")
    NEW_MEMBER = "new_member", _("Political theory class for new members")
    COMMITTEE_MEMBER = "committee_member", _("Training for committee members")
    OTHER = "other", _("Other training")


class TrainingClass(SoftDeletable):
    kind = models.CharField(_("kind of class"), max_length=20, choices=TrainingKind.choices)
    title = models.CharField(_("title"), max_length=255)
    organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.CASCADE,
        related_name="training_classes",
        verbose_name=_("organizing party organization"),
    )
    organizer = models.CharField(
        _("held by"),
        max_length=255,
        blank=True,
        help_text=_("The body that teaches the class, e.g. Trung tâm Chính trị tỉnh, if not the organization itself."),
    )
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    place = models.CharField(_("place"), max_length=255, blank=True)
    participant_count = models.PositiveIntegerField(_("participants"), default=0, editable=False)
    completed_count = models.PositiveIntegerField(_("completed"), default=0, editable=False)
    note = models.TextField(_("note"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-starts_on", "-id"]
        verbose_name = _("training class")
        verbose_name_plural = _("training classes")
        indexes = [models.Index(fields=["kind", "starts_on"])]

    def __str__(self) -> str:
        return self.title


class Completion(models.TextChoices):
    PENDING = "pending", _("Not assessed yet")
    COMPLETED = "completed", _("Completed")
    NOT_COMPLETED = "not_completed", _("Not completed")


class TrainingParticipant(SoftDeletable):
    training_class = models.ForeignKey(TrainingClass, on_delete=models.CASCADE, related_name="participants")
    member = models.ForeignKey(
        "members.Member",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="training_participations",
        verbose_name=_("party member"),
    )
    person_name = models.CharField(
        _("full name (candidate)"),
        max_length=120,
        blank=True,
        help_text=_("For a candidate who is not yet a member."),
    )
    completion = models.CharField(_("result"), max_length=16, choices=Completion.choices, default=Completion.PENDING)
    certificate_number = models.CharField(_("certificate number"), max_length=64, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]
        verbose_name = _("class participant")
        verbose_name_plural = _("class participants")

    def __str__(self) -> str:
        return self.member.full_name if self.member_id else self.person_name

    @property
    def name(self) -> str:
        return str(self)

"""Cell meetings (sinh hoạt chi bộ): regular, thematic or online; attendance per member; minutes;
and the monthly quality self-rating against a scoring sheet each province sets (RULES.md §5)."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from dangvu.lib.softdelete import SoftDeletable


class MeetingKind(models.TextChoices):
    REGULAR = "regular", _("Regular (monthly)")
    THEMATIC = "thematic", _("Thematic")


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", _("Present")
    EXCUSED = "excused", _("Absent with excuse")
    UNEXCUSED = "unexcused", _("Absent without excuse")


class MeetingQuality(models.TextChoices):
    GOOD = "good", _("Good")
    FAIR = "fair", _("Fair")
    AVERAGE = "average", _("Average")
    POOR = "poor", _("Poor")


class ScoringSheet(models.Model):
    """A province's sheet for the monthly quality self-rating of cell meetings: criteria with points."""

    name = models.CharField(_("name"), max_length=255)
    province = models.CharField(
        _("province"), max_length=120, blank=True, help_text=_("Empty: the default sheet for every province.")
    )
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid until"), null=True, blank=True)
    good_min = models.DecimalField(_("points for “good”"), max_digits=5, decimal_places=1, default=80)
    fair_min = models.DecimalField(_("points for “fair”"), max_digits=5, decimal_places=1, default=65)
    average_min = models.DecimalField(_("points for “average”"), max_digits=5, decimal_places=1, default=50)
    history = HistoricalRecords()

    class Meta:
        ordering = ["province", "-valid_from"]
        verbose_name = _("scoring sheet")
        verbose_name_plural = _("scoring sheets")

    def __str__(self) -> str:
        return self.name

    def quality_for(self, points) -> str:
        if points >= self.good_min:
            return MeetingQuality.GOOD
        if points >= self.fair_min:
            return MeetingQuality.FAIR
        if points >= self.average_min:
            return MeetingQuality.AVERAGE
        return MeetingQuality.POOR


class ScoringCriterion(models.Model):
    sheet = models.ForeignKey(ScoringSheet, on_delete=models.CASCADE, related_name="criteria")
    order = models.PositiveSmallIntegerField(_("order"))
    text = models.CharField(_("criterion"), max_length=500)
    max_points = models.DecimalField(_("maximum points"), max_digits=5, decimal_places=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["sheet", "order"]
        verbose_name = _("scoring criterion")
        verbose_name_plural = _("scoring criteria")
        constraints = [models.UniqueConstraint(fields=["sheet", "order"], name="one_criterion_per_order")]

    def __str__(self) -> str:
        return self.text


class Meeting(SoftDeletable):
    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.CASCADE, related_name="meetings", verbose_name=_("cell")
    )
    kind = models.CharField(_("kind of meeting"), max_length=10, choices=MeetingKind.choices)
    online = models.BooleanField(_("held online"), default=False)
    held_on = models.DateField(_("date"))
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"))
    venue = models.CharField(_("venue"), max_length=255, blank=True)
    locality = models.CharField(
        _("place on the date line"), max_length=120, help_text=_("As in “Kiên Giang, ngày 25 tháng 7 năm 2023”.")
    )
    topic = models.CharField(_("topic"), max_length=500, blank=True)
    content = models.TextField(_("content and conclusions"))
    chaired_by = models.CharField(_("chaired by"), max_length=120)
    minutes_by = models.CharField(_("minutes taken by"), max_length=120)
    sheet = models.ForeignKey(
        ScoringSheet, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("scoring sheet")
    )
    self_rating_points = models.DecimalField(
        _("self-rating points"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    self_rating_quality = models.CharField(
        _("self-rated quality"), max_length=8, choices=MeetingQuality.choices, blank=True
    )
    # Counts of the attendance rows, kept by `meeting_save`: the attendance rate of a year is then a sum over
    # the meetings instead of a count over a million attendance rows.
    attendance_expected = models.PositiveIntegerField(default=0, editable=False)
    attendance_present = models.PositiveIntegerField(default=0, editable=False)
    # Issue 17: a meeting started from a notice on the cell's pages (a notice of both kinds gives two rows, so
    # the indicators still count a regular and a thematic meeting), its times and the minutes' read-back.
    notice = models.ForeignKey(
        "MeetingNotice",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meetings",
        verbose_name=_("notice"),
    )
    combined = models.BooleanField(_("regular and thematic together"), default=False)
    started_at = models.TimeField(_("start time"), null=True, blank=True)
    ended_at = models.TimeField(_("end time"), null=True, blank=True)
    exempted = models.CharField(
        _("members exempted from party life"), max_length=500, blank=True, help_text=_("Names, separated by commas.")
    )
    approved_at = models.TimeField(_("minutes read back and approved at"), null=True, blank=True)
    signed_scan = models.FileField(
        _("signed minutes (scan)"), upload_to="meetings/scans/", null=True, blank=True, max_length=255
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-held_on", "organization__path"]
        verbose_name = _("cell meeting")
        verbose_name_plural = _("cell meetings")
        indexes = [
            models.Index(fields=["organization", "held_on"]),
            models.Index(fields=["held_on", "kind"]),
            # Covers the meeting indicators of a period.
            models.Index(
                fields=[
                    "held_on",
                    "deleted_at",
                    "organization",
                    "kind",
                    "online",
                    "attendance_expected",
                    "attendance_present",
                ],
                name="meeting_indicator_cover_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization} {self.held_on:%d/%m/%Y}"


class Attendance(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    member = models.ForeignKey("members.Member", on_delete=models.CASCADE, related_name="meeting_attendance")
    status = models.CharField(_("attendance"), max_length=10, choices=AttendanceStatus.choices)
    note = models.CharField(_("reason"), max_length=255, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "member__sort_key"]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [models.UniqueConstraint(fields=["meeting", "member"], name="one_attendance_per_member")]
        indexes = [models.Index(fields=["member", "meeting"])]

    def __str__(self) -> str:
        return f"{self.member_id}@{self.meeting_id}: {self.status}"


class CriterionScore(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(ScoringCriterion, on_delete=models.PROTECT, related_name="+")
    points = models.DecimalField(_("points"), max_digits=5, decimal_places=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "criterion__order"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "criterion"], name="one_score_per_criterion"),
            models.CheckConstraint(condition=Q(points__gte=0), name="points_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.criterion_id}: {self.points}"


# --- Issue 17: notices, excuses and structured minutes (the cell's own pages) -------------------------------


class NoticeKind(models.TextChoices):
    REGULAR = "regular", _("Regular (monthly)")
    THEMATIC = "thematic", _("Thematic")
    BOTH = "both", _("Regular and thematic together")


class NoticeState(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("meeting notice", "Draft")
    SENT = "sent", _("Sent")
    CANCELLED = "cancelled", _("Cancelled")
    HELD = "held", _("Held")


def material_upload_to(instance, filename: str) -> str:
    return f"meetings/materials/{instance.notice_id}/{filename}"


class MeetingNotice(models.Model):
    """The notice of a coming meeting (thông báo sinh hoạt): sent to the members and the higher committee at
    least a day before (HD 42-HD/BTCTW 2025); the meeting itself is recorded as a `Meeting` when it is held."""

    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.CASCADE, related_name="meeting_notices", verbose_name=_("cell")
    )
    kind = models.CharField(_("kind of meeting"), max_length=10, choices=NoticeKind.choices, default=NoticeKind.REGULAR)
    topic = models.CharField(_("topic"), max_length=500, blank=True)
    held_on = models.DateField(_("date"))
    starts_at = models.TimeField(_("start time"))
    place = models.CharField(_("place"), max_length=255, blank=True)
    online = models.BooleanField(_("held online"), default=False)
    link = models.URLField(_("link of the online meeting"), max_length=500, blank=True)
    state = models.CharField(_("state"), max_length=10, choices=NoticeState.choices, default=NoticeState.DRAFT)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    sent_on = models.DateField(_("sent on"), null=True, blank=True, editable=False)
    sent_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("sent by")
    )
    late = models.BooleanField(_("sent late"), default=False, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-held_on", "-starts_at", "-pk"]
        verbose_name = _("meeting notice")
        verbose_name_plural = _("meeting notices")
        indexes = [
            models.Index(fields=["organization", "state", "held_on"]),
            models.Index(fields=["state", "held_on"]),
            models.Index(fields=["sent_on", "state"]),
        ]

    def __str__(self) -> str:
        return f"{self.organization} {self.held_on:%d/%m/%Y}"

    @property
    def is_combined(self) -> bool:
        return self.kind == NoticeKind.BOTH


class AgendaItem(models.Model):
    notice = models.ForeignKey(MeetingNotice, on_delete=models.CASCADE, related_name="agenda")
    order = models.PositiveSmallIntegerField(_("order"))
    title = models.CharField(_("agenda item"), max_length=500)
    discussed = models.BooleanField(_("discussed"), default=True)
    voted = models.BooleanField(_("voted on"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["notice", "order"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")

    def __str__(self) -> str:
        return self.title


class NoticeMaterial(models.Model):
    """A material of the meeting: an uploaded file (checked by lib.untrusted_files) or a registered document."""

    notice = models.ForeignKey(MeetingNotice, on_delete=models.CASCADE, related_name="materials")
    title = models.CharField(pgettext_lazy("meeting", "title"), max_length=255)
    file = models.FileField(_("file"), upload_to=material_upload_to, null=True, blank=True, max_length=255)
    document = models.ForeignKey(
        "documents.Document",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("document"),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["notice", "pk"]
        verbose_name = _("material")
        verbose_name_plural = _("materials")

    def __str__(self) -> str:
        return self.title


class Excuse(models.Model):
    """A member's "I cannot attend" (xin vắng) before the meeting; withdrawing it deletes it (history keeps it)."""

    notice = models.ForeignKey(MeetingNotice, on_delete=models.CASCADE, related_name="excuses")
    member = models.ForeignKey("members.Member", on_delete=models.CASCADE, related_name="meeting_excuses")
    reason = models.CharField(_("reason"), max_length=255)
    given_at = models.DateTimeField(_("given at"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["notice", "member__sort_key"]
        verbose_name = _("excuse")
        verbose_name_plural = _("excuses")
        constraints = [models.UniqueConstraint(fields=["notice", "member"], name="one_excuse_per_member")]

    def __str__(self) -> str:
        return f"{self.member_id}@{self.notice_id}"


class VoteMethod(models.TextChoices):
    HANDS = "hands", _("Show of hands")
    SECRET = "secret", _("Secret ballot")


class MinutesItem(models.Model):
    """An item of the minutes (one per agenda item): who spoke, the votes and the conclusion."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="minutes_items")
    order = models.PositiveSmallIntegerField(_("order"))
    title = models.CharField(_("agenda item"), max_length=500)
    conclusion = models.TextField(_("conclusion"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "order"]
        verbose_name = _("item of the minutes")
        verbose_name_plural = _("items of the minutes")

    def __str__(self) -> str:
        return self.title


class Speech(models.Model):
    item = models.ForeignKey(MinutesItem, on_delete=models.CASCADE, related_name="speeches")
    speaker = models.CharField(_("speaker"), max_length=120)
    summary = models.TextField(pgettext_lazy("speech", "summary"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["item", "pk"]
        verbose_name = _("speech")
        verbose_name_plural = _("speeches")

    def __str__(self) -> str:
        return self.speaker


class Vote(models.Model):
    item = models.ForeignKey(MinutesItem, on_delete=models.CASCADE, related_name="votes")
    subject = models.CharField(_("what was voted on"), max_length=500, blank=True)
    method = models.CharField(_("method"), max_length=8, choices=VoteMethod.choices, default=VoteMethod.HANDS)
    votes_for = models.PositiveIntegerField(_("for"))
    votes_against = models.PositiveIntegerField(_("against"), default=0)
    abstentions = models.PositiveIntegerField(_("abstain"), default=0)
    result = models.CharField(_("result"), max_length=255)
    history = HistoricalRecords()

    class Meta:
        ordering = ["item", "pk"]
        verbose_name = _("vote")
        verbose_name_plural = _("votes")

    def __str__(self) -> str:
        return self.result

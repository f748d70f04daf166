"""Confidence votes (QĐ 96-QĐ/TW) and party congress elections (QĐ 190-QĐ/TW, forms of HD 04-HD/TW).

One core for both, after OpenSlides: a `Poll` moves created → started → finished → published; who was entitled
is frozen in `Participation` when it finishes; paper polls with typed-in totals are first-class (`CountMethod.PAPER`)
beside ballots entered one by one (`CountMethod.BALLOTS`). "Who voted" (`Participation`) is kept apart from "what
was voted" (`Ballot`, `BallotMark`): a ballot has no voter, no user and no time, so it can never be linked to one.

- A confidence vote: `Poll(kind=CONFIDENCE)` at a conference; one `PollOption` per person voted on, with the
  three levels (`high`, `confident`, `low`) and the outcome by the thresholds.
- An election: `Poll(kind=ELECTION)` of a `Congress` for one body (`body`) and one round; one `PollOption` per
  candidate with `votes` and `elected`; the base of "more than half" in `Poll.base` with its exclusions by name in
  `Participation`.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from dangvu.lib.softdelete import SoftDeletable


class CongressKind(models.TextChoices):
    MEMBERS = "members", _("congress of all members")
    DELEGATES = "delegates", _("congress of delegates")


class CongressState(models.TextChoices):
    PLANNED = "planned", _("planned")
    HELD = "held", _("held")
    SUBMITTED = "submitted", _("submitted for approval")
    APPROVED = "approved", _("approved")


class Congress(SoftDeletable):
    """A congress (đại hội) of a cell or a committee for a term (e.g. "2025-2030")."""

    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.PROTECT, related_name="+", verbose_name=_("organization")
    )
    term = models.CharField(_("term"), max_length=20)
    kind = models.CharField(_("kind"), max_length=12, choices=CongressKind.choices, default=CongressKind.MEMBERS)
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=255, blank=True)
    state = models.CharField(_("state"), max_length=12, choices=CongressState.choices, default=CongressState.PLANNED)
    # Approval (chuẩn y) by the competent higher committee: then the elected become committee appointments.
    approved_on = models.DateField(_("approved on"), null=True, blank=True)
    approved_by = models.CharField(_("approved by"), max_length=255, blank=True)
    approval_document_no = models.CharField(_("approval decision number"), max_length=64, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-opens_on", "organization_id"]
        verbose_name = _("congress")
        verbose_name_plural = _("congresses")
        indexes = [models.Index(fields=["organization", "opens_on"])]

    def __str__(self) -> str:
        return f"{self.organization} {self.term}"


class CountingRole(models.TextChoices):
    HEAD = "head", _("head of the counting committee")
    MEMBER = "member", _("member of the counting committee")
    TECHNICIAN = "technician", _("technical staff")


class CountingCommitteeMember(models.Model):
    """A member of the counting committee of a congress (or of a conference's confidence vote)."""

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, null=True, blank=True, related_name="counters")
    poll = models.ForeignKey("Poll", on_delete=models.CASCADE, null=True, blank=True, related_name="counters")
    member = models.ForeignKey("members.Member", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    name = models.CharField(_("full name"), max_length=120)
    role = models.CharField(_("role"), max_length=12, choices=CountingRole.choices, default=CountingRole.MEMBER)
    history = HistoricalRecords()

    class Meta:
        ordering = ["pk"]
        verbose_name = _("counting committee member")
        verbose_name_plural = _("counting committee members")


class PollKind(models.TextChoices):
    CONFIDENCE = "confidence", _("confidence vote")
    ELECTION = "election", _("election")


class PollState(models.TextChoices):
    CREATED = "created", _("created")
    STARTED = "started", _("voting")
    FINISHED = "finished", _("counted")
    PUBLISHED = "published", _("published")


class CountMethod(models.TextChoices):
    PAPER = "paper", _("totals from the paper count")
    BALLOTS = "ballots", _("ballots entered one by one")


class Body(models.TextChoices):
    """What an election elects."""

    COMMITTEE = "committee", _("executive committee")
    STANDING = "standing", _("standing committee")
    SECRETARY = "secretary", _("secretary")
    DEPUTY_SECRETARY = "deputy_secretary", _("deputy secretary")
    INSPECTION = "inspection", _("inspection committee")
    INSPECTION_HEAD = "inspection_head", _("head of the inspection committee")
    DELEGATES = "delegates", _("delegates to the higher congress")


class Poll(models.Model):
    kind = models.CharField(_("kind"), max_length=12, choices=PollKind.choices)
    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.PROTECT, related_name="+", verbose_name=_("organization")
    )
    congress = models.ForeignKey(Congress, on_delete=models.PROTECT, null=True, blank=True, related_name="polls")
    title = models.CharField(_("title"), max_length=255)
    body = models.CharField(_("elects"), max_length=20, choices=Body.choices, blank=True)
    rule = models.CharField(_("rule"), max_length=64)  # e.g. "QĐ 96-QĐ/TW (2023)", "QĐ 190-QĐ/TW (2024)"
    held_on = models.DateField(_("date"))
    round_number = models.PositiveSmallIntegerField(_("round"), default=1)
    seats = models.PositiveSmallIntegerField(_("seats"), null=True, blank=True)
    state = models.CharField(_("state"), max_length=12, choices=PollState.choices, default=PollState.CREATED)
    method = models.CharField(_("counting"), max_length=8, choices=CountMethod.choices, default=CountMethod.PAPER)
    convened = models.PositiveIntegerField(_("convened"), null=True, blank=True)
    present = models.PositiveIntegerField(_("present"), null=True, blank=True)
    # The base of "more than half" (elections) or of the thresholds (confidence votes), frozen when counted.
    base = models.PositiveIntegerField(_("base"), null=True, blank=True)
    ballots_issued = models.PositiveIntegerField(_("ballots issued"), null=True, blank=True)
    ballots_collected = models.PositiveIntegerField(_("ballots collected"), null=True, blank=True)
    ballots_valid = models.PositiveIntegerField(_("valid ballots"), null=True, blank=True)
    ballots_invalid = models.PositiveIntegerField(_("invalid ballots"), null=True, blank=True)
    finished_at = models.DateTimeField(_("counted at"), null=True, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-held_on", "pk"]
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        indexes = [models.Index(fields=["kind", "held_on"]), models.Index(fields=["organization", "held_on"])]

    def __str__(self) -> str:
        return self.title


class Nomination(models.TextChoices):
    CONVENING = "convening", _("proposed by the convening committee")
    FLOOR = "floor", _("nominated at the congress")
    SELF = "self", _("self-nominated")


class Outcome(models.TextChoices):
    """A confidence vote's outcome by the thresholds of the rule (QĐ 96: more than 1/2 low, 2/3 or more low)."""

    KEPT = "kept", _("no consequence")
    OVER_HALF_LOW = "over_half_low", _("more than half low confidence")
    TWO_THIRDS_LOW = "two_thirds_low", _("two thirds or more low confidence")


class PollOption(models.Model):
    """A person on a poll: a person voted on (confidence) or a candidate (election)."""

    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="options")
    member = models.ForeignKey("members.Member", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    name = models.CharField(_("full name"), max_length=120)
    post = models.CharField(_("post"), max_length=255, blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    # Elections: how the candidate entered the list; a floor or self nomination needs > 30% of those present.
    nominated_by = models.CharField(
        _("nominated by"), max_length=12, choices=Nomination.choices, default=Nomination.CONVENING
    )
    nomination_agreeing = models.PositiveIntegerField(_("agreeing to the nomination"), null=True, blank=True)
    votes = models.PositiveIntegerField(_("votes"), null=True, blank=True)
    elected = models.BooleanField(_("elected"), null=True, blank=True)
    # Confidence votes: the three levels, and what was done about the outcome.
    high = models.PositiveIntegerField(_("high confidence"), null=True, blank=True)
    confident = models.PositiveIntegerField(_("confidence"), null=True, blank=True)
    low = models.PositiveIntegerField(_("low confidence"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=16, choices=Outcome.choices, blank=True)
    follow_up = models.TextField(_("follow-up"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["poll_id", "order", "pk"]
        verbose_name = _("person voted on")
        verbose_name_plural = _("people voted on")

    def __str__(self) -> str:
        return self.name


class Exclusion(models.TextChoices):
    """Why someone convened is left out of the base of "more than half" (QĐ 190)."""

    TRANSFERRED_OUT = "transferred_out", _("temporarily transferred out")
    EXEMPTED_ABSENT = "exempted_absent", _("exempted from activities and absent")
    SUSPENDED = "suspended", _("suspended from activities")
    ABSENT_WITH_LEAVE = "absent_with_leave", _("absent for the whole congress with leave")


class Participation(models.Model):
    """Who was entitled to vote, present or not, and why left out of the base. Never what they voted."""

    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="participations")
    member = models.ForeignKey("members.Member", on_delete=models.PROTECT, related_name="+")
    name = models.CharField(_("full name"), max_length=120)
    present = models.BooleanField(_("present"), default=True)
    excluded = models.CharField(_("left out of the base"), max_length=20, choices=Exclusion.choices, blank=True)

    class Meta:
        ordering = ["poll_id", "pk"]
        constraints = [models.UniqueConstraint(fields=["poll", "member"], name="votes_participation_once")]


class Ballot(models.Model):
    """One ballot as entered by the counting staff. Deliberately no voter, user, number or time."""

    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="ballots")
    valid = models.BooleanField(default=True)


class Level(models.TextChoices):
    HIGH = "high", _("high confidence")
    CONFIDENT = "confident", _("confidence")
    LOW = "low", _("low confidence")


class BallotMark(models.Model):
    """A mark on a ballot: a candidate kept (election, `level` empty) or a person's level (confidence)."""

    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="marks")
    option = models.ForeignKey(PollOption, on_delete=models.CASCADE, related_name="marks")
    level = models.CharField(max_length=10, choices=Level.choices, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["ballot", "option"], name="votes_one_mark_per_option")]

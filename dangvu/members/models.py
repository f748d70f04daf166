"""Members, their dated life events, and what is derived from the events.

The only facts typed in by hand are the personal record and the events. Everything
else (status, current cell, probation end, seniority, next badge, membership spells)
is computed by `members.timeline` and written by `members.services`.
"""

import datetime as dt

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from dangvu.lib.softdelete import SoftDeletable


class Sex(models.TextChoices):
    MALE = "male", _("Male")
    FEMALE = "female", _("Female")


class TheoryLevel(models.TextChoices):
    NONE = "none", _("None")
    ELEMENTARY = "elementary", _("Elementary")
    INTERMEDIATE = "intermediate", _("Intermediate")
    ADVANCED = "advanced", _("Advanced")
    BACHELOR = "bachelor", _("Bachelor")


class Status(models.TextChoices):
    NONE = "none", _("No event recorded")
    PROBATIONARY = "probationary", _("Probationary member")
    FULL = "full", _("Full member")
    TRANSFERRED_AWAY = "transferred_away", _("Transferred away")
    REMOVED = "removed", _("Removed from the list")
    RESIGNED = "resigned", _("Resigned")
    EXPELLED = "expelled", _("Expelled")
    DECEASED = "deceased", _("Deceased")


ACTIVE_STATUSES = (Status.PROBATIONARY, Status.FULL)
LEFT_STATUSES = (Status.REMOVED, Status.RESIGNED, Status.EXPELLED)


card_number_validator = RegexValidator(r"^\d{8}$", _("A party card number has exactly 8 digits."))
cv_number_validator = RegexValidator(
    r"^\d{6}[A-ZĐ]{1,3}$", _("A CV number is 6 digits followed by a 1-3 letter province code, e.g. 123456KG.")
)
national_id_validator = RegexValidator(r"^\d{12}$", _("A national ID number has exactly 12 digits."))
phone_validator = RegexValidator(r"^\+?[0-9 .]{8,15}$", _("Enter a phone number of 8 to 15 digits."))


class Member(SoftDeletable):
    # Personal record (Mẫu 2-HSĐV, Mẫu 7-HSĐV).
    full_name = models.CharField(_("full name"), max_length=120)
    birth_name = models.CharField(_("birth name"), max_length=120, blank=True)
    aliases = models.CharField(_("other names"), max_length=255, blank=True)
    sex = models.CharField(_("sex"), max_length=8, choices=Sex.choices)
    date_of_birth = models.DateField(_("date of birth"))
    place_of_birth = models.CharField(_("place of birth"), max_length=255, blank=True)
    hometown = models.CharField(_("hometown"), max_length=255, blank=True)
    permanent_address = models.CharField(_("permanent address"), max_length=255, blank=True)
    temporary_address = models.CharField(_("temporary address"), max_length=255, blank=True)
    general_education = models.CharField(_("general education"), max_length=32, blank=True)
    professional_qualification = models.CharField(_("professional qualification"), max_length=255, blank=True)
    political_theory_level = models.CharField(
        _("political theory level"), max_length=16, choices=TheoryLevel.choices, default=TheoryLevel.NONE
    )
    foreign_language = models.CharField(_("foreign language"), max_length=120, blank=True)
    occupation_before = models.CharField(_("occupation before joining"), max_length=255, blank=True)
    occupation_now = models.CharField(_("current occupation"), max_length=255, blank=True)
    position = models.CharField(_("post held"), max_length=255, blank=True)
    card_number = models.CharField(
        _("party card number"), max_length=8, null=True, blank=True, unique=True, validators=[card_number_validator]
    )
    cv_number = models.CharField(
        _("CV number"), max_length=9, null=True, blank=True, unique=True, validators=[cv_number_validator]
    )
    national_id = models.CharField(
        _("national ID number"), max_length=12, null=True, blank=True, unique=True, validators=[national_id_validator]
    )
    phone = models.CharField(_("phone"), max_length=20, blank=True, validators=[phone_validator])
    in_armed_forces = models.BooleanField(_("in the armed forces"), default=False)
    retired = models.BooleanField(_("retired"), default=False)
    photo = models.ImageField(_("photo"), upload_to="member-photos/", null=True, blank=True)

    # Sensitive personal data (Decree 13/2023/NĐ-CP): shown only to roles allowed, every view audited.
    ethnicity = models.CharField(_("ethnicity"), max_length=64, default="Kinh")
    religion = models.CharField(_("religion"), max_length=64, blank=True)
    family_background = models.TextField(_("family background"), blank=True)
    political_history_notes = models.TextField(_("political history notes"), blank=True)

    # Derived by members.services from the events; never edited by hand.
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NONE, editable=False)
    organization = models.ForeignKey(
        "organizations.Organization",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="members",
        editable=False,
        verbose_name=_("cell"),
    )
    last_organization = models.ForeignKey(
        "organizations.Organization", null=True, blank=True, on_delete=models.PROTECT, related_name="+", editable=False
    )
    admitted_on = models.DateField(_("admission decision date"), null=True, editable=False)
    probation_ends_on = models.DateField(_("probation ends on"), null=True, editable=False)
    full_decision_due_on = models.DateField(_("full membership decision due by"), null=True, editable=False)
    seniority_base_on = models.DateField(null=True, editable=False)
    next_badge_years = models.PositiveSmallIntegerField(null=True, editable=False)
    next_badge_on = models.DateField(_("next badge award date"), null=True, editable=False)
    is_ethnic_minority = models.BooleanField(default=False, editable=False)
    is_religious = models.BooleanField(default=False, editable=False)
    sort_key = models.BinaryField(editable=False, default=b"")
    search_text = models.CharField(max_length=400, editable=False, default="")

    history = HistoricalRecords(excluded_fields=["sort_key", "search_text"])

    class Meta:
        verbose_name = _("party member")
        verbose_name_plural = _("party members")
        indexes = [
            models.Index(fields=["sort_key"]),
            models.Index(fields=["organization", "status"]),
            models.Index(fields=["status", "probation_ends_on"]),
            models.Index(fields=["status", "next_badge_on"]),
            # Covers the member list (scope, status, search, order) so a page is read from the index alone.
            models.Index(
                fields=["status", "deleted_at", "last_organization", "search_text", "sort_key"],
                name="member_list_cover_idx",
            ),
            # The same columns in the list's order: a page of a broad search walks this index and stops
            # after 50 matches instead of sorting every match.
            models.Index(
                fields=["sort_key", "id", "status", "deleted_at", "last_organization", "search_text"],
                name="member_list_order_idx",
            ),
            # Covers the dashboard's membership warnings (probation ending, decisions overdue, badges due): with
            # the list index's leading columns, so that SQLite prefers it to that one (7 ms instead of 53 for a
            # province). Not a partial index: SQLite cannot use one when the status list is a query parameter.
            models.Index(
                fields=[
                    "status",
                    "deleted_at",
                    "last_organization",
                    "probation_ends_on",
                    "full_decision_due_on",
                    "next_badge_on",
                ],
                name="member_alert_cover_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES


class EventKind(models.TextChoices):
    ADMITTED = "admitted", _("Admitted")
    MADE_FULL = "made_full", _("Made full member")
    TRANSFERRED_OUT = "transferred_out", _("Transferred out")
    TRANSFERRED_IN = "transferred_in", _("Transferred in")
    REMOVED = "removed", _("Removed from the list")
    RESIGNED = "resigned", _("Resigned")
    EXPELLED = "expelled", _("Expelled")
    DIED = "died", _("Died")
    READMITTED = "readmitted", _("Re-admitted")
    CARD_ISSUED = "card_issued", _("Party card issued")
    BADGE_AWARDED = "badge_awarded", _("Party badge awarded")


class TransferMode(models.TextChoices):
    OFFICIAL = "official", _("Official")
    TEMPORARY = "temporary", _("Temporary")


class MemberEvent(SoftDeletable):
    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="events")
    kind = models.CharField(_("event"), max_length=20, choices=EventKind.choices)
    on = models.DateField(_("date"))
    organization = models.ForeignKey(
        "organizations.Organization",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="member_events",
        verbose_name=_("cell"),
    )
    counterpart = models.ForeignKey(
        "organizations.Organization",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("other cell in the committee"),
    )
    external_place = models.CharField(_("place outside the committee"), max_length=255, blank=True)
    transfer_mode = models.CharField(_("transfer kind"), max_length=10, choices=TransferMode.choices, blank=True)
    temporary_until = models.DateField(_("temporary until"), null=True, blank=True)
    document_no = models.CharField(_("decision or letter number"), max_length=64, blank=True)
    document_date = models.DateField(_("decision or letter date"), null=True, blank=True)
    cell_resolution_on = models.DateField(_("cell resolution date"), null=True, blank=True)
    ceremony_on = models.DateField(_("admission ceremony date"), null=True, blank=True)
    ceremony_place = models.CharField(_("ceremony place"), max_length=255, blank=True)
    over_age_approved = models.BooleanField(_("admission over 60 specially approved"), default=False)
    card_number = models.CharField(_("party card number"), max_length=8, blank=True, validators=[card_number_validator])
    badge_years = models.PositiveSmallIntegerField(_("badge (years of seniority)"), null=True, blank=True)
    badge_number = models.CharField(_("badge number"), max_length=32, blank=True)
    early_for_illness = models.BooleanField(_("awarded early for serious illness"), default=False)
    note = models.TextField(_("note"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["on", "id"]
        verbose_name = _("member event")
        verbose_name_plural = _("member events")
        indexes = [
            models.Index(fields=["kind", "on"]),
            models.Index(fields=["member", "on"]),
            # Covers the flow counts of the indicator registry (events of a period by kind, in a subtree).
            models.Index(
                fields=["on", "deleted_at", "organization", "kind", "counterpart", "transfer_mode"],
                name="event_flow_cover_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.on:%d/%m/%Y}"


def spell_open_until() -> models.Func:
    """A spell's end with "still open" as 9999-12-31: "open on a day after D" is then one range, which the
    index `spell_stock_until_idx` answers for the whole tree. Written as a literal in the SQL (not a query
    parameter) so that SQLite recognises the indexed expression in a query."""
    return models.Func(
        models.F("end"), template="COALESCE(%(expressions)s, '9999-12-31')", output_field=models.DateField()
    )


def spell_open_on(day: dt.date) -> models.Q:
    """The condition of `MembershipSpellQuerySet.open_on`, for a caller that combines it by hand."""
    return models.Q(start__lte=day) & (models.Q(end__isnull=True) | models.Q(end__gt=day))


class MembershipSpellQuerySet(models.QuerySet):
    """The two questions every count asks of the spells, written once."""

    def open_on(self, day: dt.date) -> "MembershipSpellQuerySet":
        """Spells counting their member on `day`: started on or before it, not ended by it (end is exclusive)."""
        return self.filter(spell_open_on(day))

    def in_subtree(self, organization) -> "MembershipSpellQuerySet":
        """Spells in `organization` or any organization below it (a range scan on the tree path).

        `None` is the whole tree: only "has an organization", as `indicators.registry.Computation.in_subtree`
        writes it (no join to the organizations, half a second a query at country size; `id > 0` rather than
        `IS NOT NULL` for SQLite's choice of index)."""
        if organization is None:
            return self.filter(organization__id__gt=0)
        return self.filter(organization__path__startswith=organization.path)


class MembershipSpell(models.Model):
    """A member counted in `organization` from `start` until `end` (exclusive, null = still).

    Derived from the events; "members of subtree X on date D" is a range count over these.
    A spell is split where the member becomes a full member, so probationary counts are
    range counts too.
    """

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="spells")
    organization = models.ForeignKey("organizations.Organization", on_delete=models.PROTECT, related_name="spells")
    start = models.DateField()
    end = models.DateField(null=True, blank=True)
    probationary = models.BooleanField(default=False)
    # Copies of the member's columns that the stock counts break down by, so that counting the members of a
    # subtree on a day reads one index and never the member table. Rewritten with the spells (`spells_of`)
    # whenever the member is saved through the services.
    sex = models.CharField(max_length=8, choices=Sex.choices, default="")
    is_ethnic_minority = models.BooleanField(default=False)
    is_religious = models.BooleanField(default=False)
    political_theory_level = models.CharField(max_length=16, choices=TheoryLevel.choices, default=TheoryLevel.NONE)

    objects = MembershipSpellQuerySet.as_manager()

    class Meta:
        ordering = ["start", "id"]
        indexes = [
            models.Index(fields=["organization", "start", "end"]),
            models.Index(fields=["start", "end"]),
            # Covers the stock counts of the indicator registry (members of a subtree on a day, by breakdown).
            models.Index(
                fields=[
                    "organization",
                    "start",
                    "end",
                    "probationary",
                    "sex",
                    "is_ethnic_minority",
                    "is_religious",
                    "political_theory_level",
                    "member",
                ],
                name="spell_stock_cover_idx",
            ),
            # Covers the same counts for the whole tree, where no organization is tested: a range over the
            # spells still open after the day before the period, instead of every spell ever recorded.
            models.Index(
                spell_open_until(),
                models.F("start"),
                models.F("end"),
                models.F("probationary"),
                models.F("sex"),
                models.F("is_ethnic_minority"),
                models.F("is_religious"),
                models.F("political_theory_level"),
                name="spell_stock_until_idx",
            ),
            # Covers "where was this member counted on the day D" (inspection coverage and the like).
            models.Index(fields=["member", "start", "end", "organization"], name="spell_member_day_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.member_id}@{self.organization_id} {self.start}..{self.end or ''}"


def spells_of(member: Member, timeline_spells) -> list[MembershipSpell]:
    """The spell rows of a member from the spells of their replayed timeline, with the copied columns."""
    return [
        MembershipSpell(
            member_id=member.pk,
            organization_id=s.organization_id,
            start=s.start,
            end=s.end,
            probationary=s.probationary,
            sex=member.sex,
            is_ethnic_minority=member.is_ethnic_minority,
            is_religious=member.is_religious,
            political_theory_level=member.political_theory_level,
        )
        for s in timeline_spells
    ]

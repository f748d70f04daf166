from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from dangvu.accounts.roles import EDITOR_ROLES, PORTAL_ROLES, SCOPED_ROLES, Role  # noqa: F401  (imported from here by the apps)


class User(AbstractUser):
    role = models.CharField(_("role"), max_length=32, choices=Role.choices, default=Role.MEMBER)
    organization = models.ForeignKey(
        "organizations.Organization",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
        verbose_name=_("organization in charge"),
        help_text=_("The user sees and edits this organization and everything under it."),
    )
    member = models.OneToOneField(
        "members.Member",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="account",
        verbose_name=_("member record"),
    )
    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    # Thin aliases of accounts.policy for templates and older callers; the policy decides.
    @property
    def is_scoped(self) -> bool:
        from dangvu.accounts.policy import works_on_tree

        return works_on_tree(self)

    @property
    def is_portal_account(self) -> bool:
        from dangvu.accounts.policy import is_member_account

        return is_member_account(self)

    @property
    def can_edit_registry(self) -> bool:
        from dangvu.accounts.policy import keeps_registry

        return keeps_registry(self)

    @property
    def can_view_sensitive(self) -> bool:
        """Ethnicity, religion, family background (Decree 13/2023): see `accounts.policy.may_see_sensitive`."""
        from dangvu.accounts.policy import may_see_sensitive

        return may_see_sensitive(self)


class Purpose(models.TextChoices):
    """Where sensitive personal data was shown or written."""

    MEMBER_DETAIL = "member_detail", _("Member record page")
    HISTORY = "history", _("History tab")
    EDIT_FORM = "edit_form", _("Edit form")
    EXPORT = "export", _("Export")
    API_READ = "api_member_detail", _("API read")
    API_WRITE = "api_member_write", _("API write")
    CANDIDATE_PAGE = "candidate_detail", _("Candidate page")
    LIST_FILTER = "list_filter", _("List filtered by a sensitive field")


class SensitiveDataAccess(models.Model):
    """Access log of sensitive personal data (Decree 13/2023/NĐ-CP): who saw or wrote which fields, where, how many.

    One row per view or write: a record page names its member (or candidate); a bulk export is one row with the
    number of rows exported and the filters used. Written only by `accounts.services.sensitive_access_log`.
    """

    user = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("user")
    )
    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    purpose = models.CharField(_("purpose"), max_length=32, choices=Purpose.choices)
    member = models.ForeignKey(
        "members.Member", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("member")
    )
    candidate = models.ForeignKey(
        "candidates.Candidate",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("candidate"),
    )
    # The organization whose records were concerned (the member's, or the scope of an export): the log screen
    # shows a security officer the rows of their subtree.
    organization = models.ForeignKey(
        "organizations.Organization", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    fields = models.JSONField(_("fields"), default=list)
    count = models.PositiveIntegerField(_("rows"), default=1)
    scope = models.CharField(_("filters used"), max_length=500, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("sensitive data access")
        verbose_name_plural = _("sensitive data accesses")
        indexes = [models.Index(fields=["user", "at"]), models.Index(fields=["member", "at"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.user} {self.purpose}"

    def field_labels(self) -> list[str]:
        """The fields as the screens name them."""
        from django.apps import apps

        model = apps.get_model("candidates", "Candidate") if self.candidate_id else apps.get_model("members", "Member")
        labels = []
        for name in self.fields:
            try:
                labels.append(str(model._meta.get_field(name).verbose_name))
            except Exception:  # a field renamed since the row was written
                labels.append(name)
        return labels


# --- Accounts for every member (issue 17 point 1) ------------------------------------------------------


class SuspendedBecause(models.TextChoices):
    """Why a member's account was suspended: the member left the registry (their status), or the record went."""

    REMOVED = "removed", _("Removed from the list")
    RESIGNED = "resigned", _("Resigned")
    EXPELLED = "expelled", _("Expelled")
    DECEASED = "deceased", _("Deceased")
    TRANSFERRED_AWAY = "transferred_away", _("Transferred away")
    DELETED = "deleted", _("Member record deleted")
    NOT_A_MEMBER = "none", _("No event recorded")


class MemberAccountState(models.Model):
    """What the registry did to a member's account: suspended (and why) when the member left. One row per
    account, with its history (who, when, why), so that a suspension and a return are both audited."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="member_state", verbose_name=_("user"))
    suspended_at = models.DateTimeField(_("suspended at"), null=True, blank=True)
    suspended_because = models.CharField(
        _("suspended because"), max_length=20, choices=SuspendedBecause.choices, blank=True
    )
    lost_role = models.CharField(_("role before"), max_length=32, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("member account state")
        verbose_name_plural = _("member account states")


class RevokedBecause(models.TextChoices):
    REISSUED = "reissued", _("A new code was issued")
    MEMBER_LEFT = "member_left", _("The member left the registry")


class ActivationCode(models.Model):
    """A one-time code with which a member makes their account. Only a keyed hash of the code is kept: the code
    itself is printed once, on the cell's sheet, when it is issued. A member has at most one live code (not
    used, not revoked); issuing again revokes it."""

    member = models.ForeignKey(
        "members.Member", on_delete=models.CASCADE, related_name="activation_codes", verbose_name=_("member")
    )
    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.PROTECT, related_name="+", verbose_name=_("cell")
    )
    code_hash = models.CharField(max_length=64, unique=True, editable=False)
    issued_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("issued by")
    )
    issued_at = models.DateTimeField(_("issued at"))
    expires_on = models.DateField(pgettext_lazy("activation code", "valid until"))
    used_at = models.DateTimeField(_("used at"), null=True, blank=True)
    account = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("account")
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_because = models.CharField(_("revoked because"), max_length=20, choices=RevokedBecause.choices, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-issued_at", "-pk"]
        verbose_name = _("activation code")
        verbose_name_plural = _("activation codes")
        constraints = [
            models.UniqueConstraint(
                fields=["member"],
                condition=models.Q(used_at__isnull=True, revoked_at__isnull=True),
                name="one_live_activation_code_per_member",
            )
        ]
        indexes = [models.Index(fields=["organization", "expires_on"]), models.Index(fields=["issued_at"])]

    def __str__(self) -> str:
        return f"{self.member_id} {self.issued_at:%Y-%m-%d}"


class ActivationFailure(models.Model):
    """A refused activation attempt, for the rate limit: counted per address and per code or identity number."""

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    ip_address = models.CharField(max_length=45, db_index=True)
    target = models.CharField(max_length=64, db_index=True)

    class Meta:
        verbose_name = _("refused activation")
        verbose_name_plural = _("refused activations")

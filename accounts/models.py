from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accounts.roles import EDITOR_ROLES, SCOPED_ROLES, Role  # noqa: F401  (imported from here by the apps)


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
        from accounts.policy import works_on_tree

        return works_on_tree(self)

    @property
    def can_edit_registry(self) -> bool:
        from accounts.policy import keeps_registry

        return keeps_registry(self)

    @property
    def can_view_sensitive(self) -> bool:
        """Ethnicity, religion, family background (Decree 13/2023): see `accounts.policy.may_see_sensitive`."""
        from accounts.policy import may_see_sensitive

        return may_see_sensitive(self)


class SensitiveDataAccess(models.Model):
    """Audit trail of who looked at a member's sensitive personal data (Decree 13/2023/NĐ-CP)."""

    user = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    member = models.ForeignKey("members.Member", on_delete=models.CASCADE, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    purpose = models.CharField(max_length=64)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("sensitive data access")
        verbose_name_plural = _("sensitive data accesses")

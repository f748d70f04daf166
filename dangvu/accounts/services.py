"""Sensitive personal data (Decree 13/2023/NĐ-CP): which fields are sensitive, who sees them, the access log.

Every screen, export and API call that shows or writes a sensitive field calls `sensitive_access_log` once,
and hides the fields from users for whom `shows_sensitive` is false.
"""

from collections.abc import Iterable

from django.db import models

from dangvu.accounts.models import Purpose, SensitiveDataAccess, User
from dangvu.accounts.policy import may_see_sensitive

# The sensitive fields of each model, by "app_label.model_name". The derived flags of a member
# (minority, religious) give away the fields they are computed from.
SENSITIVE_FIELDS: dict[str, tuple[str, ...]] = {
    "members.member": (
        "ethnicity",
        "religion",
        "family_background",
        "political_history_notes",
        "is_ethnic_minority",
        "is_religious",
    ),
    "candidates.candidate": ("ethnicity", "religion"),
}

MAX_SCOPE_LENGTH = SensitiveDataAccess._meta.get_field("scope").max_length


def sensitive_fields(model) -> tuple[str, ...]:
    """The sensitive fields of a model (a class, an instance or a historical model of it)."""
    model = getattr(model, "instance_type", model)
    return SENSITIVE_FIELDS.get(model._meta.label_lower, ())


def shows_sensitive(user, obj=None) -> bool:
    """Whether `user` may see the sensitive fields of `obj` (a record, or a historical row of one): the policy's
    `may_see_sensitive`, asked of the record itself."""
    if user is None or not user.is_authenticated:
        return False
    instance = getattr(obj, "instance", obj) if getattr(obj, "instance_type", None) else obj
    if instance is not None and instance._meta.label_lower not in ("members.member", "organizations.organization"):
        instance = getattr(instance, "organization", None)
    return may_see_sensitive(user, instance)


def is_own_record(user, obj) -> bool:
    """A member looking at their own record: not logged (it is their own data)."""
    if user is None or obj is None or not getattr(user, "member_id", None):
        return False
    model = getattr(obj, "instance_type", type(obj))
    return model._meta.label_lower == "members.member" and user.member_id == obj.pk


def sensitive_access_log(
    *,
    user: User | None,
    purpose: str,
    fields: Iterable[str],
    member=None,
    candidate=None,
    count: int | None = None,
    scope: str = "",
    organization=None,
) -> SensitiveDataAccess:
    """Write one row of the access log: a record (member or candidate) or a bulk read/export with its row count."""
    if purpose not in Purpose.values:
        raise ValueError(f"unknown purpose {purpose!r}")
    if organization is None:
        if member is not None:
            organization = member.organization_id or member.last_organization_id
        elif candidate is not None:
            organization = candidate.organization_id
        elif user is not None:
            organization = user.organization_id
    if isinstance(organization, models.Model):
        organization = organization.pk
    return SensitiveDataAccess.objects.create(
        user=user,
        purpose=purpose,
        member_id=member.pk if member is not None else None,
        candidate_id=candidate.pk if candidate is not None else None,
        organization_id=organization,
        fields=sorted(set(fields)),
        count=1 if count is None else count,
        scope=scope[:MAX_SCOPE_LENGTH],
    )

"""Soft delete, written once: a record entered by mistake is hidden, never removed, and can be brought back.

A model built on `SoftDeletable` has `deleted_at` and `deleted_by`; its `objects` sees the live rows only and
`all_objects` every row, with `.alive()` and `.deleted()` on both. A few models keep their own columns (no
`deleted_by`, or every row in `objects`: organizations, targets, reports, introducers). For all of them
`soft_delete` and `restore` are the only writers of those columns: they lock and re-read the row, run the app's
`check` (which may refuse with a ValidationError), save with a history row naming the user (and the reason, when
given), then run the app's `then` (derived rows rebuilt), all in one transaction (a savepoint inside the
caller's, so a caller may catch an IntegrityError of the save). The record passed in is the one updated; a
refusal leaves it as it was.
"""

from collections.abc import Callable

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

Hook = Callable[[models.Model], object] | None


class SoftDeleteQuerySet(models.QuerySet):
    def alive(self):
        return self.filter(deleted_at__isnull=True)

    def deleted(self):
        return self.filter(deleted_at__isnull=False)


class AliveManager(models.Manager.from_queryset(SoftDeleteQuerySet)):
    def get_queryset(self):
        return super().get_queryset().alive()


class SoftDeletable(models.Model):
    created_at = models.DateTimeField(auto_now_add=True)
    deleted_at = models.DateTimeField(null=True, blank=True, editable=False)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )

    objects = AliveManager()
    all_objects = SoftDeleteQuerySet.as_manager()

    class Meta:
        abstract = True


def soft_delete(record: models.Model, *, by, reason: str | None = None, check: Hook = None, then: Hook = None):
    """Hide `record` (deleted now, by `by`); `check(record)` may refuse, `then(record)` follows the save."""
    return _mark(record, timezone.now(), by, by=by, reason=reason, check=check, then=then)


def restore(record: models.Model, *, by, reason: str | None = None, check: Hook = None, then: Hook = None):
    """Bring `record` back; `check(record)` sees it already marked live and may refuse."""
    return _mark(record, None, None, by=by, reason=reason, check=check, then=then)


def _mark(record, deleted_at, deleted_by, *, by, reason, check: Hook, then: Hook):
    has_by = any(f.name == "deleted_by" for f in record._meta.concrete_fields)
    with transaction.atomic():
        record.refresh_from_db(from_queryset=type(record)._base_manager.select_for_update())
        before = record.deleted_at, record.deleted_by_id if has_by else None
        try:
            record.deleted_at = deleted_at
            if has_by:
                record.deleted_by = deleted_by
            if check is not None:
                check(record)
            record._history_user = by
            if reason:
                record._change_reason = reason
            record.save()
            if then is not None:
                then(record)
        except BaseException:
            record.deleted_at = before[0]
            if has_by:
                record.deleted_by_id = before[1]
            raise
        finally:
            record.__dict__.pop("_change_reason", None)
    return record

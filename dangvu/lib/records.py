"""Saving a register's record, written once: fill the fields, let the app's rules refuse, keep a history row."""

from collections.abc import Callable

from django.db import models


def save_record(record: models.Model, *, by, check: Callable[[models.Model], object] | None = None, **fields):
    """Set `fields` on `record`, run `check(record)` (which may refuse), then save with a history row naming `by`."""
    for name, value in fields.items():
        setattr(record, name, value)
    if check is not None:
        check(record)
    record._history_user = by
    record.save()
    return record

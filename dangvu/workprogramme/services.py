"""Writes of the work programme: one item at a time, checked, with its history."""

from django.db import transaction
from django.utils.translation import gettext as _

from dangvu.accounts.models import User
from dangvu.lib.errors import refuse
from dangvu.lib.records import save_record
from dangvu.lib.softdelete import restore, soft_delete
from dangvu.organizations.models import Organization
from dangvu.workprogramme.models import WorkItem


def _validate(item: WorkItem) -> None:
    if not item.title.strip():
        raise refuse("title", _("Enter the task."))
    if item.month is None and item.quarter is None:
        raise refuse("month", _("Give the month or the quarter of the task."))
    if item.month is not None and not 1 <= item.month <= 12:
        raise refuse("month", _("The month is a number from 1 to 12."))
    if item.quarter is not None and not 1 <= item.quarter <= 4:
        raise refuse("quarter", _("The quarter is a number from 1 to 4."))
    if item.month and item.quarter and (item.month - 1) // 3 + 1 != item.quarter:
        raise refuse("month", _("The month is not in the quarter given."))
    if not 2000 <= item.year <= 2100:
        raise refuse("year", _("The year is out of range."))


@transaction.atomic
def item_save(
    *,
    item: WorkItem | None = None,
    by: User | None,
    organization: Organization,
    year: int,
    area: str,
    title: str,
    quarter: int | None = None,
    month: int | None = None,
    owner: str = "",
    state: str = "planned",
    note: str = "",
) -> WorkItem:
    if month and not quarter:
        quarter = (month - 1) // 3 + 1
    return save_record(
        item or WorkItem(),
        by=by,
        check=_validate,
        organization=organization,
        year=year,
        quarter=quarter,
        month=month,
        area=area,
        title=" ".join((title or "").split()),
        owner=" ".join((owner or "").split()),
        state=state,
        note=note,
    )


def item_delete(*, item: WorkItem, by: User | None) -> None:
    soft_delete(item, by=by)


def item_restore(*, item: WorkItem, by: User | None) -> WorkItem:
    return restore(item, by=by, check=_validate)

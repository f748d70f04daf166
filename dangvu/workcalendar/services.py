import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from dangvu.lib.dates import format_short
from dangvu.lib.errors import refuse
from dangvu.workcalendar.models import PublicHoliday


@transaction.atomic
def holiday_add(*, on: dt.date, name: str, by) -> PublicHoliday:
    if PublicHoliday.objects.filter(on=on).exists():
        raise refuse("on", _("%(date)s is already a holiday.") % {"date": format_short(on)})
    holiday = PublicHoliday(on=on, name=name.strip())
    holiday._history_user = by
    holiday.save()
    return holiday


@transaction.atomic
def holiday_remove(*, holiday: PublicHoliday, by) -> None:
    holiday._history_user = by
    holiday.delete()

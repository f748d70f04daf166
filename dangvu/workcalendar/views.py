from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dangvu.accounts.decorators import committee_staff_required
from dangvu.lib.bounds import as_id
from dangvu.lib.forms import apply_service_errors
from dangvu.workcalendar import services
from dangvu.workcalendar.forms import HolidayForm
from dangvu.workcalendar.models import PublicHoliday


@committee_staff_required
def holiday_list(request):
    year = as_id(request.GET.get("year"))
    year = year if year is not None and 1990 <= year <= 2100 else timezone.localdate().year
    form = HolidayForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.holiday_add(on=form.cleaned_data["on"], name=form.cleaned_data["name"], by=request.user)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect(f"{request.path}?year={form.cleaned_data['on'].year}")
    holidays = PublicHoliday.objects.filter(on__year=year)
    return render(
        request,
        "workcalendar/list.html",
        {"holidays": holidays, "form": form, "year": year, "years": range(year - 2, year + 3)},
    )


@require_POST
@committee_staff_required
def holiday_delete(request, pk: int):
    holiday = get_object_or_404(PublicHoliday, pk=pk)
    year = holiday.on.year
    services.holiday_remove(holiday=holiday, by=request.user)
    messages.success(request, _("The holiday was removed."))
    return redirect(f"/calendar/?year={year}")

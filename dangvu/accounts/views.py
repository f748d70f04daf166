"""The access log of sensitive personal data, for the committee's security officer."""

from django.conf import settings
from django.shortcuts import render

from dangvu.accounts import selectors
from dangvu.accounts.decorators import security_officer_required
from dangvu.accounts.forms import AccessLogFilterForm
from dangvu.lib.paging import ProbingPaginator


@security_officer_required
def sensitive_log(request):
    form = AccessLogFilterForm(request.GET or None, user=request.user)
    filters = form.filters() if form.is_valid() else form.default_filters()
    rows = selectors.access_log(user=request.user, filters=filters)
    page = ProbingPaginator(rows, settings.PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "query": query.urlencode()}
    partial = request.htmx and not request.htmx.boosted
    return render(request, "accounts/sensitive_log_results.html" if partial else "accounts/sensitive_log.html", context)

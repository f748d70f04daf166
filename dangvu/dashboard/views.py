from django.shortcuts import render
from django.utils import timezone

from dangvu.accounts.decorators import tree_user_required
from dangvu.dashboard import selectors
from dangvu.dashboard.alerts import collect
from dangvu.lib.bounds import as_id
from dangvu.lib.screens import object_or_404
from dangvu.organizations.selectors import organization_get, organization_list
from dangvu.targets.selectors import current_term, term_progress


@tree_user_required
def home(request):
    organization = request.user.organization
    if as_id(request.GET.get("org")) is not None:
        organization = object_or_404(organization_get, user=request.user, pk=as_id(request.GET["org"]))
    today = timezone.localdate()
    term = current_term(user=request.user, organization=organization, on=today)
    rows = term_progress(term=term, today=today) if term else []
    choices = organization_list(user=request.user, include_ended=False).filter(
        depth__lte=request.user.organization.depth + 1
    )
    charts = selectors.trends(organization=organization, today=today)
    return render(
        request,
        "dashboard/home.html",
        {
            "organization": organization,
            "today": today,
            "headline": selectors.headline(organization=organization, today=today),
            "charts": charts,
            "charts_data": [c.__dict__ for c in charts],
            "term": term,
            "rows": rows,
            "years": term.years if term else [],
            "alerts": collect(user=request.user, organization=organization, today=today),
            "choices": choices,
            "can_edit": False,
        },
    )


@tree_user_required
def work(request):
    """Every other screen of the menu, grouped by the part of the party work it belongs to."""
    from itertools import groupby

    from dangvu.lib.nav import menu_for

    items = [item for item in menu_for(request.user) if not item["top"]]
    groups = [
        (app, list(entries))
        for app, entries in groupby(sorted(items, key=lambda i: str(i["app"])), key=lambda i: i["app"])
    ]
    return render(request, "dashboard/work.html", {"groups": groups})

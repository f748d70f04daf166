"""What a congress term can trigger: the congress that closes it.

A term runs from its first year to its last (e.g. 2020-2025); the congress of the next term is held in the last
year (Charter art. 24: a committee's congress at the end of its term, a cell's twice in five years, ± 6 months with
approval; RULES.md §6c: candidate lists, the counting committee, elections, the higher committee's approval, all of
which the committee prepares months ahead). The occurrence is therefore dated the first day of the term's last
year: the start of the congress year, the latest day the preparation can start without the ± 6 months leave. A
rule may move it (a negative offset warns earlier)."""

import datetime as dt

from django.urls import reverse
from django.utils.translation import gettext as _

from dangvu.notifications.triggers import Audience, Occurrence, trigger
from dangvu.targets.models import Term


def _congress_still_due(key: str) -> bool:
    # "term:4:congress:2025": the term is alive and no next term (the congress's) has been recorded yet.
    _t, term_id, _c, year = key.split(":")
    term = Term.objects.filter(pk=int(term_id), deleted_at__isnull=True).first()
    if term is None:
        return False
    return (
        not Term.objects.filter(
            organization_id=term.organization_id, start_year__gte=int(year), deleted_at__isnull=True
        )
        .exclude(pk=term.pk)
        .exists()
    )


@trigger(
    "targets.congress_due",
    _("Congress due"),
    audiences=(Audience.COMMITTEE, Audience.HIGHER_COMMITTEE),
    still_due=_congress_still_due,
)
def congress_due(anchor_day: dt.date):
    """Terms whose last year begins on `anchor_day` (1 January): their committee holds the congress this year."""
    if (anchor_day.month, anchor_day.day) != (1, 1):
        return
    terms = Term.objects.filter(end_year=anchor_day.year, deleted_at__isnull=True).values_list(
        "pk", "organization_id", "start_year", "end_year"
    )
    for term_id, organization_id, start_year, end_year in terms.iterator():
        yield Occurrence(
            key=f"term:{term_id}:congress:{end_year}",
            on=anchor_day,
            title=_("Congress due in %(year)s: the term %(start)s-%(end)s ends")
            % {"year": end_year, "start": start_year, "end": end_year},
            organization_id=organization_id,
            body=_("Prepare the congress: the political report, the personnel plan and the candidate lists."),
            url=reverse("targets:term", kwargs={"pk": term_id}),
        )

"""The portal's own cards on the home page: my record, my party life, and the cell's correction requests."""

from django.urls import reverse
from django.utils.translation import gettext as _

from dangvu.accounts import policy
from dangvu.lib.dates import format_short
from dangvu.portal import selectors
from dangvu.portal.cards import Card, card_provider
from dangvu.portal.models import CorrectionState


@card_provider
def my_record(user) -> list[Card]:
    member = policy.portal_member(user)
    if member is None:
        return []
    lines = []
    if member.admitted_on:
        lines.append(_("Admitted on %(date)s") % {"date": format_short(member.admitted_on)})
    if member.card_number:
        lines.append(_("Party card no. %(number)s") % {"number": member.card_number})
    lines.append(_("Personal data, history, correction requests"))
    pending = member.correction_requests.filter(state=CorrectionState.PENDING).count()
    return [
        Card(
            title=_("My record"),
            url=reverse("portal:record"),
            lines=tuple(lines),
            badge=_("%(count)s pending") % {"count": pending} if pending else "",
            order=10,
        )
    ]


@card_provider
def my_party_life(user) -> list[Card]:
    member = policy.portal_member(user)
    if member is None:
        return []
    lines = []
    rating = selectors.latest_rating(member=member)
    if rating is not None:
        lines.append(_("%(year)s: %(grade)s") % {"year": rating.season.year, "grade": rating.outcome_label})
    present, total = selectors.attendance_summary(member=member)
    if total:
        lines.append(
            _("Cell meetings in 12 months: attended %(present)s of %(total)s") % {"present": present, "total": total}
        )
    if member.probation_ends_on:
        lines.append(_("Probation ends on %(date)s") % {"date": format_short(member.probation_ends_on)})
    if selectors.badge_soon(member):
        lines.append(
            _("Badge of %(years)s years due on %(date)s")
            % {"years": member.next_badge_years, "date": format_short(member.next_badge_on)}
        )
    if not lines:
        lines.append(_("Ratings, cell meetings, studies and classes"))
    tone = "warn" if member.probation_ends_on or selectors.badge_soon(member) else ""
    return [Card(title=_("My party life"), url=reverse("portal:party_life"), lines=tuple(lines), tone=tone, order=20)]


@card_provider
def cell_corrections(user) -> list[Card]:
    if policy.secretary_cell(user) is None:
        return []
    pending = selectors.pending_count(user=user)
    return [
        Card(
            title=_("Record correction requests"),
            url=reverse("portal:cell_corrections"),
            lines=(_("%(count)s waiting for your answer") % {"count": pending},)
            if pending
            else (_("Nothing waiting."),),
            badge=str(pending) if pending else "",
            tone="warn" if pending else "",
            order=80,
            for_secretary=True,
        )
    ]

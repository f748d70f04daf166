"""Dashboard warning: members unpaid for three months of the year without a recorded good reason, whose cell
may start the removal proposal (xóa tên). The link opens exactly those rows."""

import datetime as dt
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _

from dangvu.dashboard.alerts import Alert, alert_provider
from dangvu.dues.models import RemovalProposal


def removable_rows(*, user, organization, year: int, on: dt.date) -> list:
    """The arrears rows of the organization's subtree at three months or more, without a reason, not proposed."""
    from dangvu.dues import selectors

    rows = []
    for row in selectors.arrears(user=user, year=year, on=on):
        get = row.get if isinstance(row, dict) else lambda name, default=None, r=row: getattr(r, name, default)
        org = get("organization")
        if org is None or not org.path.startswith(organization.path):
            continue
        if len(get("unpaid_months", []) or []) >= 3 and not get("has_reason", False):
            rows.append(get("member"))
    proposed = set(
        RemovalProposal.objects.filter(member_id__in=[m.pk for m in rows], year=year).values_list("member_id", flat=True)
    )
    return [m for m in rows if m.pk not in proposed]


@alert_provider
def dues_alerts(*, user, organization, today: dt.date) -> list[Alert]:
    members = removable_rows(user=user, organization=organization, year=today.year, on=today)
    query = urlencode({"year": today.year, "organization": organization.pk, "months": 3, "removable": 1})
    return [
        Alert(
            _("%(count)d members have not paid dues for three months this year without a reason: "
              "their cells may propose removal") % {"count": len(members)},
            len(members),
            f"{reverse('dues:arrears')}?{query}",
            level="danger",
        )
    ]

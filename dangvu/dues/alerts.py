"""Dashboard warning: members unpaid for three months of the year without a recorded good reason, whose cell
may start the removal proposal (xóa tên). The link opens exactly those rows."""

import datetime as dt
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _

from dangvu.dashboard.alerts import Alert, alert_provider


def removable_rows(*, user, organization, year: int, on: dt.date) -> list:
    """The arrears rows of the organization's subtree that the cell may propose for removal."""
    from dangvu.dues import selectors

    rows = selectors.arrears(user=user, year=year, on=on, organization=organization)
    return [r for r in rows if r.may_propose_removal]


@alert_provider
def dues_alerts(*, user, organization, today: dt.date) -> list[Alert]:
    members = removable_rows(user=user, organization=organization, year=today.year, on=today)
    query = urlencode({"year": today.year, "organization": organization.pk, "months": 3, "removable": 1})
    return [
        Alert(
            _(
                "%(count)d members have not paid dues for three months this year without a reason: "
                "their cells may propose removal"
            )
            % {"count": len(members)},
            len(members),
            f"{reverse('dues:arrears')}?{query}",
            level="danger",
        )
    ]

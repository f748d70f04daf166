"""The cell secretary's card on the portal's home page: how many members of the cell have activated."""

from django.urls import reverse
from django.utils.translation import gettext as _

from dangvu.accounts.member_accounts import cell_counts
from dangvu.accounts.policy import secretary_cell
from dangvu.portal.cards import Card, card_provider


@card_provider
def member_accounts(user) -> list[Card]:
    cell = secretary_cell(user)
    if cell is None:
        return []
    counts = cell_counts(cell)
    waiting = counts["members"] - counts["active"]
    lines = [_("%(n)d hold a code not used yet.") % {"n": counts["code_issued"]}] if counts["code_issued"] else []
    return [
        Card(
            title=_("Accounts: %(active)d/%(members)d activated") % counts,
            url=reverse("accounts:cell_accounts"),
            lines=tuple(lines),
            badge=str(waiting) if waiting else "",
            tone="done" if not waiting else "warn",
            order=80,
            for_secretary=True,
        )
    ]

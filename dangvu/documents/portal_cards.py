"""The documents card of the member's handbook: how many documents sent to them are still unread."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from dangvu.accounts.policy import portal_member, secretary_cell
from dangvu.documents.selectors import latest_in_cell, receipt_counts
from dangvu.portal.cards import Card, card_provider


@card_provider
def documents(user) -> list[Card]:
    member = portal_member(user)
    if member is None:
        return []
    sent, unread = receipt_counts(member=member)
    if not sent:
        return []
    if unread:
        line = ngettext("%(count)d unread", "%(count)d unread", unread) % {"count": unread}
        return [Card(_("New documents"), reverse("documents:my_list"), (line,), badge=line, tone="warn", order=30)]
    return [
        Card(_("Documents"), reverse("documents:my_list"), (_("You have read every document sent to you."),), order=30)
    ]


@card_provider
def cell_reading(user) -> list[Card]:
    """For a cell secretary: how many of the cell's members have read the latest document sent to them."""
    cell = secretary_cell(user)
    if cell is None:
        return []
    latest = latest_in_cell(cell=cell)
    if latest is None:
        return []
    document, read, sent = latest
    line = _("%(read)s of %(sent)s members have read %(number)s") % {
        "read": read,
        "sent": sent,
        "number": document.number_symbol,
    }
    tone = "done" if read == sent else "warn"
    url = reverse("documents:my_detail", kwargs={"pk": document.pk})
    return [Card(_("Documents in the cell"), url, (line, document.subject), tone=tone, order=30, for_secretary=True)]

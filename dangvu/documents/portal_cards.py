"""The documents card of the member's handbook: how many documents sent to them are still unread."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from dangvu.accounts.policy import portal_member
from dangvu.documents.selectors import receipt_counts
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

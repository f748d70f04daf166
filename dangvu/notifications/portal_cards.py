from django.urls import reverse
from django.utils.translation import gettext as _

from dangvu.notifications import selectors
from dangvu.portal.cards import Card, card_provider


@card_provider
def notifications(user) -> list[Card]:
    """ "Thông báo: 4 mới": one count query."""
    unread = selectors.unread_count(user)
    badge = _("%(count)s new") % {"count": unread} if unread else ""
    line = _("%(count)s new notifications") % {"count": unread} if unread else _("No new notifications.")
    return [
        Card(
            title=_("Notifications"),
            url=reverse("notifications:my"),
            lines=(line,),
            badge=badge,
            tone="warn" if unread else "",
            order=5,
        )
    ]

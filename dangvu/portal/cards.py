"""The cards of the portal's home page. The portal does not know the other apps: each app that has something
for a member or a cell secretary registers a provider in its own `portal_cards.py`:

    from dangvu.portal.cards import Card, card_provider

    @card_provider
    def next_meeting(user) -> list[Card]:
        ...

A provider gets the signed-in portal account and returns its cards (none when it has nothing to say). It asks
`accounts.policy` (portal_member, secretary_cell, keeps_cell) who the user is, and must be cheap: a handful of
queries, no lists of thousands.
"""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Card:
    title: str
    url: str
    lines: tuple[str, ...] = ()
    badge: str = ""  # a short count or state, e.g. "3 chưa đọc"
    tone: str = ""  # "" | "warn" | "done"
    order: int = 50  # lower first
    for_secretary: bool = False  # shown in the cell's section of the page
    actions: tuple[tuple[str, str], ...] = field(default=())  # (label, url)


_PROVIDERS: list[Callable] = []


def card_provider(function: Callable) -> Callable:
    if function not in _PROVIDERS:
        _PROVIDERS.append(function)
    return function


def cards_for(user) -> list[Card]:
    cards = [card for provider in _PROVIDERS for card in provider(user)]
    return sorted(cards, key=lambda c: (c.for_secretary, c.order, c.title))

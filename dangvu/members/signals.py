"""Signals other apps listen to, so that members depends on none of them."""

from django.dispatch import Signal

# Sent with `member_ids` after the services rewrote the membership spells of those members (their events
# changed, or the member was deleted or restored): tables derived from the spells rebuild their rows.
spells_rewritten = Signal()

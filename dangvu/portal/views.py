from django.shortcuts import render

from dangvu.accounts.decorators import portal_account_required
from dangvu.accounts.policy import portal_member, secretary_cell
from dangvu.portal.cards import cards_for


@portal_account_required
def home(request):
    cards = cards_for(request.user)
    return render(
        request,
        "portal/home.html",
        {
            "member": portal_member(request.user),
            "cell": secretary_cell(request.user),
            "member_cards": [c for c in cards if not c.for_secretary],
            "secretary_cards": [c for c in cards if c.for_secretary],
        },
    )

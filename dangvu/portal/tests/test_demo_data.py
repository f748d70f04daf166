"""The demo gives the `dangvien` and `bithuchibo` logins real correction requests to see and to handle."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from dangvu.accounts.models import User
from dangvu.portal import selectors, services
from dangvu.portal.models import CorrectionRequest, CorrectionState

pytestmark = pytest.mark.django_db


def test_the_demo_logins_have_correction_requests_to_see_and_to_handle(client):
    call_command("seed_demo", "--size", "small", "--seed", "1", stdout=StringIO())
    member = User.objects.get(username="dangvien")
    secretary = User.objects.get(username="bithuchibo")
    states = set(CorrectionRequest.objects.filter(member=member.member).values_list("state", flat=True))
    assert states == set(CorrectionState.values)
    waiting = selectors.corrections_to_handle(user=secretary).filter(state=CorrectionState.PENDING)
    assert waiting.count() >= 2
    assert not any(services.is_stale(c) for c in waiting)
    assert (
        CorrectionRequest.objects.count() > 10
        and CorrectionRequest.history.count() == CorrectionRequest.objects.count()
    )

    client.force_login(secretary)
    page = client.get(reverse("portal:cell_corrections")).content.decode()
    assert page.count('class="p-button" href="/handbook/corrections/') == waiting.count()
    correction = waiting.first()
    response = client.post(reverse("portal:correction_handle", kwargs={"pk": correction.pk}), {"action": "accept"})
    assert response.status_code == 302
    client.force_login(member)
    for name in ("portal:home", "portal:record", "portal:party_life", "portal:corrections"):
        response = client.get(reverse(name))
        assert response.status_code == 200 and len(response.content) < 100_000

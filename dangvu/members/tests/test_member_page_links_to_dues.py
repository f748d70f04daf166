"""The member page leads to the member's party dues: the office to the dues it keeps, the member to their own."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _dues_link(client, user, member):
    client.force_login(user)
    response = client.get(reverse("members:detail", kwargs={"pk": member.pk}))
    assert response.status_code == 200
    return response.context["dues_url"]


def test_the_office_is_led_to_the_members_dues_and_that_page_opens(client, personas):
    url = _dues_link(client, personas.staff, personas.member_a)
    assert url == reverse("dues:member", kwargs={"pk": personas.member_a.pk})
    assert client.get(url).status_code == 200


def test_a_member_on_their_own_record_is_led_to_their_own_dues(client, personas):
    response_url = _dues_link(client, personas.plain_member, personas.member_a)
    assert response_url == reverse("dues:mine")
    assert client.get(response_url).status_code == 200

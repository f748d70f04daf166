"""The committee above decides on restructuring an organization: a base secretary is not offered (nor allowed) to
move, merge, split, hand over or dissolve their own committee, but may do it for the cells under it."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

RESTRUCTURING = ("move", "merge", "split", "hand_over", "dissolve")


def test_a_base_secretary_is_not_offered_to_restructure_their_own_committee(client, personas):
    client.force_login(personas.secretary_a)
    page = client.get(reverse("organizations:detail", kwargs={"pk": personas.org_a.pk})).content.decode()
    for action in RESTRUCTURING:
        assert reverse("organizations:change", kwargs={"pk": personas.org_a.pk, "action": action}) not in page
    assert reverse("organizations:change", kwargs={"pk": personas.org_a.pk, "action": "rename"}) in page


@pytest.mark.parametrize("action", RESTRUCTURING)
def test_a_base_secretary_is_refused_restructuring_their_own_committee_with_the_reason(client, personas, action):
    client.force_login(personas.secretary_a)
    response = client.get(reverse("organizations:change", kwargs={"pk": personas.org_a.pk, "action": action}))
    assert response.status_code == 403
    assert "Cấp ủy cấp trên quyết định" in response.content.decode()


def test_a_base_secretary_may_restructure_a_cell_under_their_committee(client, personas):
    client.force_login(personas.secretary_a)
    detail = client.get(reverse("organizations:detail", kwargs={"pk": personas.cell_a1.pk})).content.decode()
    assert reverse("organizations:change", kwargs={"pk": personas.cell_a1.pk, "action": "dissolve"}) in detail
    response = client.get(reverse("organizations:change", kwargs={"pk": personas.cell_a1.pk, "action": "merge"}))
    assert response.status_code == 200


def test_the_committee_staff_are_offered_to_restructure_a_base_committee(client, personas):
    client.force_login(personas.staff)
    page = client.get(reverse("organizations:detail", kwargs={"pk": personas.org_a.pk})).content.decode()
    assert reverse("organizations:change", kwargs={"pk": personas.org_a.pk, "action": "dissolve"}) in page

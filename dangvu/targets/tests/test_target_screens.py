"""A term's targets on the screen kit: found within the user's subtree, deleted and restored on the term's page."""

import pytest
from django.urls import reverse

from dangvu.accounts import policy
from dangvu.targets import selectors
from dangvu.targets.models import Target
from dangvu.targets.tests.access import objects

pytestmark = pytest.mark.django_db


def test_a_target_is_found_only_in_the_users_subtree_and_deleted_only_when_asked(personas):
    o = objects(personas)
    assert selectors.target_get(user=personas.secretary_a, pk=o["target"].pk) == o["target"]
    assert selectors.target_get(user=personas.secretary_a, pk=o["deleted_target"].pk, deleted=True)
    with pytest.raises(Target.DoesNotExist):
        selectors.target_get(user=personas.secretary_b, pk=o["target"].pk)
    with pytest.raises(Target.DoesNotExist):
        selectors.target_get(user=personas.secretary_a, pk=o["deleted_target"].pk)


def test_deleted_targets_are_offered_to_the_registry_keepers_only(personas):
    o = objects(personas)
    assert list(selectors.deleted_targets(user=personas.secretary_a, term=o["term"])) == [o["deleted_target"]]
    assert list(selectors.deleted_targets(user=personas.inspector, term=o["term"])) == []


def test_a_target_is_changed_by_the_keepers_of_its_terms_committee(personas):
    o = objects(personas)
    assert policy.may_edit(personas.secretary_a, o["target"])
    assert not policy.may_edit(personas.secretary_b, o["target"])
    assert not policy.may_edit(personas.inspector, o["target"])


def test_a_deleted_target_is_restored_from_the_terms_page(client, personas):
    o = objects(personas)
    client.force_login(personas.secretary_a)
    to_term = reverse("targets:term", kwargs={"pk": o["term"].pk})
    assert client.post(reverse("targets:target_delete", kwargs={"pk": o["target"].pk}))["Location"] == to_term
    page = client.get(to_term)
    assert {t.pk for t in page.context["deleted"]} == {o["target"].pk, o["deleted_target"].pk}
    assert client.post(reverse("targets:target_restore", kwargs={"pk": o["target"].pk}))["Location"] == to_term
    assert Target.objects.get(pk=o["target"].pk).deleted_at is None

"""Deleting and restoring through the screens: a refusal of the service is a message on the record's page."""

import datetime as dt

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from dangvu.members.models import EventKind, MemberEvent
from dangvu.members.services import member_event_record
from dangvu.members.tests.factories import admit

pytestmark = pytest.mark.django_db
D = dt.date


def test_deleting_an_event_later_events_depend_on_is_refused_on_the_member_page(client, personas):
    member = admit(personas.cell_a1, full=False, full_name="Phan Văn Tú", on=D(2023, 1, 2))
    admission = member.events.get(kind=EventKind.ADMITTED)
    member_event_record(member=member, kind=EventKind.MADE_FULL, by=None, on=D(2024, 1, 5), document_no="3")
    client.force_login(personas.staff)
    response = client.post(reverse("members:event_delete", kwargs={"pk": admission.pk}))
    assert response.status_code == 302 and response["Location"] == reverse("members:detail", kwargs={"pk": member.pk})
    [message] = get_messages(response.wsgi_request)
    assert message.level_tag == "error" and str(message).startswith("Không xóa được sự kiện: ")
    assert MemberEvent.objects.filter(pk=admission.pk).exists()


def test_deleting_an_organization_with_members_is_refused_on_its_page(client, personas):
    client.force_login(personas.staff)
    response = client.post(reverse("organizations:delete", kwargs={"pk": personas.cell_a1.pk}))
    assert response["Location"] == reverse("organizations:detail", kwargs={"pk": personas.cell_a1.pk})
    [message] = get_messages(response.wsgi_request)
    assert message.level_tag == "error"
    personas.cell_a1.refresh_from_db()
    assert personas.cell_a1.deleted_at is None


def test_an_empty_organization_deleted_by_mistake_leads_to_the_page_above_and_comes_back(client, personas):
    from dangvu.organizations.tests.factories import make_org

    empty = make_org(personas.org_a, name="Chi bộ Nhầm")
    client.force_login(personas.staff)
    response = client.post(reverse("organizations:delete", kwargs={"pk": empty.pk}))
    assert response["Location"] == reverse("organizations:detail", kwargs={"pk": personas.org_a.pk})
    response = client.post(reverse("organizations:restore", kwargs={"pk": empty.pk}))
    assert response["Location"] == reverse("organizations:detail", kwargs={"pk": empty.pk})
    empty.refresh_from_db()
    assert empty.deleted_at is None

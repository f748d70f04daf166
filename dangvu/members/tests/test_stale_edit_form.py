"""The member edit form carries the version it was opened on; a save that would undo a change made since is
refused with the list of what changed (old → new), and saving again after reading it keeps the user's values."""

import datetime as dt

import pytest
from django.urls import reverse

from dangvu.members.models import EventKind, Member, TransferMode
from dangvu.members.services import member_event_record

pytestmark = pytest.mark.django_db


def _opened_form(client, member: Member) -> dict:
    """The edit form's fields as the browser would send them back unchanged."""
    form = client.get(reverse("members:edit", kwargs={"pk": member.pk})).context["form"]
    data = {}
    for name in form.fields:
        value = form[name].value()
        if name == "photo":
            continue
        if isinstance(value, dt.date):
            value = value.strftime("%d/%m/%Y")
        if isinstance(value, bool):
            if value:
                data[name] = "on"
            continue
        data[name] = "" if value is None else value
    return data


def test_a_form_opened_before_a_new_card_number_does_not_put_the_old_one_back(client, personas):
    member = personas.member_a
    member_event_record(
        member=member, kind=EventKind.CARD_ISSUED, on=dt.date(2021, 4, 1), card_number="11112222", by=None
    )
    client.force_login(personas.staff)
    opened = _opened_form(client, member)
    assert opened["card_number"] == "11112222" and int(opened["version"]) > 0

    member_event_record(
        member=member, kind=EventKind.CARD_ISSUED, on=dt.date(2025, 2, 3), card_number="33334444", by=None
    )
    response = client.post(reverse("members:edit", kwargs={"pk": member.pk}), {**opened, "phone": "0912 000 999"})

    assert response.status_code == 200
    message = " ".join(response.context["form"].non_field_errors())
    assert "11112222 → 33334444" in message
    member.refresh_from_db()
    assert (member.card_number, member.phone) == ("33334444", "")
    # Saving again after reading what changed is a deliberate choice: the form now carries the new version.
    again = {**opened, "phone": "0912 000 999", "version": response.context["form"]["version"].value()}
    assert client.post(reverse("members:edit", kwargs={"pk": member.pk}), again).status_code == 302
    member.refresh_from_db()
    assert (member.card_number, member.phone) == ("11112222", "0912 000 999")


def test_a_transfer_recorded_while_the_form_is_open_does_not_block_the_save(client, personas):
    """The transfer changes no field of the form: nothing would be undone, so the save goes through."""
    member = personas.member_a
    client.force_login(personas.staff)
    opened = _opened_form(client, member)
    member_event_record(
        member=member,
        kind=EventKind.TRANSFERRED_OUT,
        on=dt.date(2025, 6, 1),
        transfer_mode=TransferMode.OFFICIAL,
        external_place="Đảng bộ tỉnh An Giang",
        document_no="12-GGT",
        by=None,
    )
    response = client.post(reverse("members:edit", kwargs={"pk": member.pk}), {**opened, "phone": "0912 000 999"})
    assert response.status_code == 302, response.context["form"].errors
    member.refresh_from_db()
    assert (member.status, member.phone) == ("transferred_away", "0912 000 999")


def test_a_record_without_history_is_still_checked_showing_what_is_stored_now(client, personas):
    member = personas.member_a
    member.history.all().delete()
    client.force_login(personas.staff)
    opened = _opened_form(client, member)
    assert opened["version"] == 0
    Member.objects.filter(pk=member.pk).update(phone="0900 111 222")
    member.phone = "0900 111 222"
    member.save()  # a write through the ORM: history now exists
    response = client.post(reverse("members:edit", kwargs={"pk": member.pk}), opened)
    assert response.status_code == 200
    assert "0900 111 222" in " ".join(response.context["form"].non_field_errors())

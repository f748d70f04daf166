"""A member asks to correct a field of their record; the cell's secretary or the office accepts (through the
members' service, audited) or rejects it."""

import pytest
from django.urls import reverse

from dangvu.members.models import Member
from dangvu.members.services import member_update
from dangvu.portal import services
from dangvu.portal.models import CorrectionRequest, CorrectionState

pytestmark = [pytest.mark.django_db, pytest.mark.shared_setup]


def ask(client, user, field, value, note="Theo giấy khai sinh."):
    client.force_login(user)
    return client.post(
        reverse("portal:correction_create", kwargs={"field": field}), {"proposed_value": value, "note": note}
    )


def handle(client, user, correction, action, response=""):
    client.force_login(user)
    return client.post(
        reverse("portal:correction_handle", kwargs={"pk": correction.pk}), {"action": action, "response": response}
    )


def test_a_member_sees_only_their_own_record(client, personas):
    client.force_login(personas.plain_member)
    page = client.get(reverse("portal:record")).content.decode()
    assert "Nguyễn Văn An" in page and "001085000001" in page
    for other in ("Trần Thị Bình", "001085000002", "Lê Thị Cúc", "001085000003"):
        assert other not in page


def test_a_correction_accepted_by_the_cell_secretary_changes_the_member_and_is_audited(client, personas):
    response = ask(client, personas.plain_member, "hometown", "Xã Tân Lập, huyện Đan Phượng, Hà Nội")
    assert response.status_code == 302
    correction = CorrectionRequest.objects.get(member=personas.member_a)
    assert correction.state == CorrectionState.PENDING and correction.current_value == ""

    response = handle(client, personas.cell_secretary, correction, "accept", "Đã đối chiếu lý lịch.")
    assert response.status_code == 302
    member = Member.objects.get(pk=personas.member_a.pk)
    assert member.hometown == "Xã Tân Lập, huyện Đan Phượng, Hà Nội"
    latest = member.history.order_by("-history_id").first()
    assert latest.hometown == member.hometown and latest.history_user == personas.cell_secretary
    correction.refresh_from_db()
    assert correction.state == CorrectionState.ACCEPTED
    assert correction.handled_by == personas.cell_secretary and correction.handled_at is not None


def test_an_accepted_date_of_birth_goes_through_the_members_rules(client, personas):
    ask(client, personas.plain_member, "date_of_birth", "20/06/1985")
    correction = CorrectionRequest.objects.get(member=personas.member_a)
    assert correction.proposed_value == "1985-06-20"
    handle(client, personas.staff, correction, "accept")
    assert str(Member.objects.get(pk=personas.member_a.pk).date_of_birth) == "1985-06-20"


def test_an_invalid_proposed_value_is_refused_with_a_message(client, personas):
    response = ask(client, personas.plain_member, "national_id", "12345")
    assert response.status_code == 200
    assert "12 chữ số" in " ".join(response.context["form"].errors["proposed_value"])
    assert not CorrectionRequest.objects.exists()


def test_an_invalid_value_is_refused_at_acceptance_and_nothing_changes(client, personas):
    """A request that the record refuses when it is handled (here a national ID another member holds)."""
    correction = services.correction_request(
        member=personas.member_a, field="national_id", proposed_value="001085000002", by=personas.plain_member
    )
    response = handle(client, personas.cell_secretary, correction, "accept")
    assert response.status_code == 200
    errors = " ".join(response.context["form"].non_field_errors())
    assert "001085000002" in errors and "Trần Thị Bình" in errors
    assert Member.objects.get(pk=personas.member_a.pk).national_id == "001085000001"
    correction.refresh_from_db()
    assert correction.state == CorrectionState.PENDING


def test_a_stale_request_is_detected_and_not_applied(client, personas):
    correction = services.correction_request(
        member=personas.member_a, field="hometown", proposed_value="Hà Nam", by=personas.plain_member
    )
    member_update(member=personas.member_a, by=personas.staff, data={"hometown": "Nam Định"})
    client.force_login(personas.cell_secretary)
    page = client.get(reverse("portal:correction_handle", kwargs={"pk": correction.pk})).content.decode()
    assert "đã thay đổi" in page and "Nam Định" in page
    response = handle(client, personas.cell_secretary, correction, "accept")
    assert response.status_code == 200
    assert "đã thay đổi" in " ".join(response.context["form"].non_field_errors())
    assert Member.objects.get(pk=personas.member_a.pk).hometown == "Nam Định"


def test_a_secretary_of_another_cell_or_subtree_cannot_handle_it(client, personas):
    from dangvu.accounts.models import Role, User
    from dangvu.members.tests.factories import admit

    correction = services.correction_request(
        member=personas.member_a, field="hometown", proposed_value="Hà Nam", by=personas.plain_member
    )
    other = admit(personas.cell_a2, full_name="Phan Văn Khải", national_id="001085000009")
    a2_secretary = User.objects.create_user(
        username="cell_sec_a2", password="x", role=Role.CELL_SECRETARY, organization=personas.cell_a2, member=other
    )
    for user in (a2_secretary, personas.secretary_b):
        assert handle(client, user, correction, "accept").status_code == 404
    assert handle(client, personas.inspector, correction, "accept").status_code == 403
    assert handle(client, personas.plain_member, correction, "accept").status_code == 403
    correction.refresh_from_db()
    assert correction.state == CorrectionState.PENDING


def test_a_cell_secretary_does_not_handle_their_own_request_nor_a_sensitive_field(client, personas):
    own = services.correction_request(
        member=personas.cell_secretary.member, field="hometown", proposed_value="Huế", by=personas.cell_secretary
    )
    religion = services.correction_request(
        member=personas.member_a, field="religion", proposed_value="Phật giáo", by=personas.plain_member
    )
    for correction in (own, religion):
        assert handle(client, personas.cell_secretary, correction, "accept").status_code == 404
    assert handle(client, personas.secretary_a, religion, "accept").status_code == 302
    assert Member.objects.get(pk=personas.member_a.pk).religion == "Phật giáo"


def test_rejecting_needs_a_reason(client, personas):
    correction = services.correction_request(
        member=personas.member_a, field="hometown", proposed_value="Hà Nam", by=personas.plain_member
    )
    response = handle(client, personas.cell_secretary, correction, "reject", "  ")
    assert response.status_code == 200
    assert response.context["form"].errors["response"]
    correction.refresh_from_db()
    assert correction.state == CorrectionState.PENDING
    assert (
        handle(client, personas.cell_secretary, correction, "reject", "Chưa có giấy tờ chứng minh.").status_code == 302
    )
    correction.refresh_from_db()
    assert correction.state == CorrectionState.REJECTED and correction.response == "Chưa có giấy tờ chứng minh."
    client.force_login(personas.plain_member)
    assert "Chưa có giấy tờ chứng minh." in client.get(reverse("portal:corrections")).content.decode()


def test_a_member_withdraws_a_pending_request_and_cannot_send_the_same_field_twice(client, personas):
    assert ask(client, personas.plain_member, "hometown", "Hà Nam").status_code == 302
    again = ask(client, personas.plain_member, "hometown", "Ninh Bình")
    assert again.status_code == 200 and again.context["form"].non_field_errors()
    correction = CorrectionRequest.objects.get(member=personas.member_a)
    client.post(reverse("portal:correction_withdraw", kwargs={"pk": correction.pk}))
    correction.refresh_from_db()
    assert correction.state == CorrectionState.WITHDRAWN
    assert ask(client, personas.plain_member, "hometown", "Ninh Bình").status_code == 302


def test_a_field_the_member_may_not_correct_has_no_form(client, personas):
    client.force_login(personas.plain_member)
    for field in ("card_number", "status", "nonsense"):
        assert client.get(reverse("portal:correction_create", kwargs={"field": field})).status_code == 404


def test_the_office_list_filters_by_state_and_searches_without_accents(client, personas):
    services.correction_request(
        member=personas.member_a, field="hometown", proposed_value="Hà Nam", by=personas.plain_member
    )
    rejected = services.correction_request(member=personas.member_b, field="hometown", proposed_value="Huế", by=None)
    services.correction_reject(correction=rejected, by=personas.staff, response="Sai.")
    client.force_login(personas.staff)
    url = reverse("portal:office_corrections")
    pending = client.get(url).content.decode()
    assert "Nguyễn Văn An" in pending and "Trần Thị Bình" not in pending
    found = client.get(url, {"q": "tran thi", "state": "all"}).content.decode()
    assert "Trần Thị Bình" in found and "Nguyễn Văn An" not in found
    client.force_login(personas.secretary_b)
    assert "Nguyễn Văn An" not in client.get(url, {"state": "all"}).content.decode()
    client.force_login(personas.staff)
    export = client.get(url, {"state": "all", "export": "csv"})
    assert export.status_code == 200 and "Trần Thị Bình" in export.content.decode("utf-8-sig")

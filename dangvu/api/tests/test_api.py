"""The REST API as the five personas, each with a token: scoping, writes through the services, paging, filters."""

import pytest
from django.urls import reverse
from knox.models import AuthToken
from rest_framework.test import APIClient

from dangvu.accounts.models import SensitiveDataAccess
from dangvu.members.models import EventKind, Member
from dangvu.members.tests.factories import admit

# The personas are built once for the module (conftest.py `module_db`).
pytestmark = [pytest.mark.django_db, pytest.mark.shared_setup]
PERSONAS = ("staff", "secretary_a", "secretary_b", "plain_member", "anonymous")


def client_for(personas, persona: str) -> APIClient:
    client = APIClient()
    if persona != "anonymous":
        _instance, token = AuthToken.objects.create(user=getattr(personas, persona))
        client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client


NEW_MEMBER = {
    "full_name": "lê  văn api",
    "sex": "male",
    "date_of_birth": "1991-04-05",
    "national_id": "001091000555",
    "on": "2022-03-01",
    "document_no": "12-QĐ/ĐU",
    "ceremony_on": "2022-03-05",
}


@pytest.mark.parametrize(
    ("persona", "expected"),
    # Staff: A, B and A1's cell secretary; A's secretary: A and the cell secretary.
    [("staff", 3), ("secretary_a", 2), ("secretary_b", 1), ("plain_member", 403), ("anonymous", 401)],
)
def test_the_member_list_is_scoped_like_the_screen(personas, persona, expected):
    response = client_for(personas, persona).get(reverse("api:member-list"))
    if isinstance(expected, int) and expected >= 400:
        assert response.status_code == expected
    else:
        assert response.status_code == 200
        assert response.json()["count"] == expected


@pytest.mark.parametrize(
    ("persona", "expected"),
    [("staff", 200), ("secretary_a", 200), ("secretary_b", 404), ("plain_member", 200), ("anonymous", 401)],
)
def test_a_member_is_read_by_those_who_see_it(personas, persona, expected):
    response = client_for(personas, persona).get(reverse("api:member-detail", kwargs={"pk": personas.member_a.pk}))
    assert response.status_code == expected
    if expected == 200:
        assert response.json()["full_name"] == "Nguyễn Văn An"
        assert "ethnicity" in response.json()  # editors and the member themself see the sensitive fields


def test_reading_sensitive_data_through_the_api_is_logged(personas):
    client_for(personas, "staff").get(reverse("api:member-detail", kwargs={"pk": personas.member_a.pk}))
    assert SensitiveDataAccess.objects.filter(user=personas.staff, purpose="api_member_detail").count() == 1


@pytest.mark.parametrize(
    ("persona", "expected"),
    [("staff", 201), ("secretary_a", 201), ("secretary_b", 400), ("plain_member", 403), ("anonymous", 401)],
)
def test_a_member_is_created_through_the_service_in_the_callers_cells(personas, persona, expected):
    data = {**NEW_MEMBER, "cell": personas.cell_a1.pk}
    response = client_for(personas, persona).post(reverse("api:member-list"), data, format="json")
    assert response.status_code == expected, response.content
    if expected == 201:
        member = Member.objects.get(national_id="001091000555")
        assert member.full_name == "Lê Văn Api" and member.status == "probationary"
        assert member.organization == personas.cell_a1
    if persona == "secretary_b":
        assert "cell" in response.json()


def test_a_refusal_of_the_service_names_the_field(personas):
    data = {**NEW_MEMBER, "cell": personas.cell_a1.pk, "date_of_birth": "2010-01-01"}
    response = client_for(personas, "staff").post(reverse("api:member-list"), data, format="json")
    assert response.status_code == 400
    assert "on" in response.json() and "18" in response.json()["on"][0]
    duplicate = {**NEW_MEMBER, "cell": personas.cell_a1.pk, "national_id": personas.member_b.national_id}
    response = client_for(personas, "secretary_a").post(reverse("api:member-list"), duplicate, format="json")
    assert response.status_code == 400 and "national_id" in response.json()


@pytest.mark.parametrize(
    ("persona", "expected"),
    [("staff", 200), ("secretary_a", 200), ("secretary_b", 404), ("plain_member", 403), ("anonymous", 401)],
)
def test_the_personal_record_is_corrected_by_editors_of_the_members_tree(personas, persona, expected):
    url = reverse("api:member-detail", kwargs={"pk": personas.member_a.pk})
    response = client_for(personas, persona).patch(url, {"phone": "0912 000 111"}, format="json")
    assert response.status_code == expected
    personas.member_a.refresh_from_db()
    assert (personas.member_a.phone == "0912 000 111") == (expected == 200)


@pytest.mark.parametrize(
    ("persona", "expected"),
    [("staff", 201), ("secretary_a", 201), ("secretary_b", 404), ("plain_member", 403), ("anonymous", 401)],
)
def test_an_event_is_recorded_through_the_replay(personas, persona, expected):
    url = reverse("api:member-events", kwargs={"pk": personas.member_a.pk})
    event = {"kind": EventKind.CARD_ISSUED, "on": "2023-05-04", "card_number": "12345678"}
    response = client_for(personas, persona).post(url, event, format="json")
    assert response.status_code == expected, response.content
    personas.member_a.refresh_from_db()
    assert (personas.member_a.card_number == "12345678") == (expected == 201)


def test_an_impossible_event_is_refused_naming_the_field(personas):
    url = reverse("api:member-events", kwargs={"pk": personas.member_a.pk})
    response = client_for(personas, "staff").post(
        url, {"kind": EventKind.ADMITTED, "on": "2023-01-01", "organization": personas.cell_a2.pk, "document_no": "1"}
    )
    assert response.status_code == 400 and "kind" in response.json()


@pytest.mark.parametrize(
    ("persona", "expected"),
    [("staff", 204), ("secretary_a", 204), ("secretary_b", 404), ("plain_member", 403), ("anonymous", 401)],
)
def test_a_member_is_soft_deleted(personas, persona, expected):
    url = reverse("api:member-detail", kwargs={"pk": personas.member_a.pk})
    assert client_for(personas, persona).delete(url).status_code == expected
    assert Member.all_objects.filter(pk=personas.member_a.pk).exists()


@pytest.mark.parametrize(
    ("persona", "expected"),
    [("staff", 201), ("secretary_a", 201), ("secretary_b", 400), ("plain_member", 403), ("anonymous", 401)],
)
def test_an_organization_is_founded_under_a_visible_parent(personas, persona, expected):
    data = {"parent": personas.org_a.pk, "code": "A7", "name": "Chi bộ Mới", "kind": "cell", "on": "2024-01-02"}
    response = client_for(personas, persona).post(reverse("api:organization-list"), data, format="json")
    assert response.status_code == expected, response.content
    if expected == 201:
        assert response.json()["parent"] == personas.org_a.pk


def test_lists_are_paged_and_filtered(personas):
    for n, given in enumerate(["Một", "Hai", "Ba"]):
        admit(personas.cell_a2, full_name=f"Đặng Văn {given}", national_id=f"00109100010{n}", full=False)
    client = client_for(personas, "staff")
    first = client.get(reverse("api:member-list"), {"page_size": 2}).json()
    assert first["count"] == 6 and len(first["results"]) == 2 and first["next"]
    probationary = client.get(reverse("api:member-list"), {"status": "probationary"}).json()
    assert probationary["count"] == 3
    in_a2 = client.get(reverse("api:member-list"), {"organization": personas.cell_a2.pk, "q": "dang van hai"}).json()
    assert [m["full_name"] for m in in_a2["results"]] == ["Đặng Văn Hai"]
    assert client.get(reverse("api:member-list"), {"status": "nonsense"}).status_code == 400
    cells = client.get(reverse("api:organization-list"), {"kind": "cell", "under": personas.org_a.pk}).json()
    assert [o["code"] for o in cells["results"]] == ["A1", "A2"]


def test_a_token_is_issued_for_a_username_and_password(personas):
    response = APIClient().post(reverse("api:token"), {"username": "sec_a", "password": "pw-sec_a"})
    assert response.status_code == 200 and len(response.json()["token"]) == 64 and response.json()["expiry"]


@pytest.mark.parametrize("extra", [0, 10])
def test_the_member_list_takes_a_constant_number_of_queries(personas, extra, django_assert_max_num_queries):
    for n in range(extra):
        admit(personas.cell_a1, full_name=f"Phí Văn {n}", national_id=f"0010920001{n:02d}")
    client = client_for(personas, "staff")
    with django_assert_max_num_queries(8):
        assert client.get(reverse("api:member-list")).status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get(reverse("api:organization-list")).status_code == 200

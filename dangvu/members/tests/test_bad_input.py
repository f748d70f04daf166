"""Bad input gets a clear message on the page, never an error page."""

import io

import pytest
from django.urls import reverse

from dangvu.members.models import Member, MemberEvent

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"on": "31/02/2026"}, "on"),
        ({"on": "hôm qua"}, "on"),
        ({"on": "01/01/2026", "transfer_mode": "sideways"}, "transfer_mode"),
        ({"on": "01/01/2026", "transfer_mode": "official", "counterpart": "999999"}, "counterpart"),
        ({"on": "01/01/2026", "transfer_mode": "official", "external_place": "x" * 300}, "external_place"),
        ({"on": "01/01/2026", "transfer_mode": "official", "external_place": "Tỉnh ủy"}, "document_no"),
    ],
)
def test_a_bad_transfer_form_is_answered_with_a_field_message(client, personas, data, field):
    client.force_login(personas.staff)
    url = reverse("members:event_create", kwargs={"pk": personas.member_a.pk, "kind": "transferred_out"})
    response = client.post(url, data)
    assert response.status_code == 200
    assert response.context["form"].errors.get(field), response.context["form"].errors
    assert not MemberEvent.objects.filter(kind="transferred_out").exists()


def test_an_unknown_event_kind_is_not_found(client, personas):
    client.force_login(personas.staff)
    url = reverse("members:event_create", kwargs={"pk": personas.member_a.pk, "kind": "promoted"})
    assert client.get(url).status_code == 404


def test_a_photo_that_is_not_an_image_is_refused(client, personas):
    client.force_login(personas.staff)
    fake = io.BytesIO(b"not an image")
    fake.name = "anh.jpg"
    response = client.post(
        reverse("members:edit", kwargs={"pk": personas.member_a.pk}),
        {
            "full_name": "Nguyễn Văn An",
            "sex": "male",
            "date_of_birth": "15/06/1985",
            "political_theory_level": "none",
            "ethnicity": "Kinh",
            "photo": fake,
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors.get("photo")


def test_a_duplicate_national_id_on_create_is_shown_beside_the_field(client, personas):
    client.force_login(personas.staff)
    response = client.post(
        reverse("members:create"),
        {
            "full_name": "Lê Văn Trùng",
            "sex": "male",
            "date_of_birth": "01/01/1990",
            "political_theory_level": "none",
            "ethnicity": "Kinh",
            "national_id": personas.member_b.national_id,
            "join": "admitted",
            "organization": personas.cell_a1.pk,
            "on": "01/03/2025",
            "document_no": "1-QĐ",
        },
    )
    assert response.status_code == 200
    assert personas.member_b.full_name in str(response.context["form"].errors["national_id"])
    assert not Member.all_objects.filter(full_name="Lê Văn Trùng").exists()


@pytest.mark.parametrize(
    "query",
    ["?page=abc", "?page=99999", "?organization=abc", "?status=zzz&sex=x", "?q=" + "%00" * 5, "?due_badge=maybe"],
)
def test_odd_list_parameters_still_show_the_list(client, personas, query):
    client.force_login(personas.staff)
    assert client.get(reverse("members:list") + query).status_code == 200


@pytest.mark.parametrize("query", ["?on=31/02/2020", "?on=abc", "?on=01/01/1900"])
def test_odd_dates_on_the_tree_still_show_the_tree(client, personas, query):
    client.force_login(personas.staff)
    assert client.get(reverse("organizations:tree") + query).status_code == 200


def test_creating_a_member_through_the_screen(client, personas):
    client.force_login(personas.secretary_a)
    response = client.post(
        reverse("members:create"),
        {
            "full_name": "  lê   thị  hoa ",
            "sex": "female",
            "date_of_birth": "01/01/1990",
            "political_theory_level": "none",
            "ethnicity": "Kinh",
            "join": "admitted",
            "organization": personas.cell_a2.pk,
            "on": "01/03/2025",
            "document_no": "1-QĐ/ĐU",
            "ceremony_on": "10/03/2025",
        },
    )
    member = Member.objects.get(full_name="Lê Thị Hoa")
    assert response.status_code == 302
    assert member.status == "probationary" and member.organization == personas.cell_a2


def test_a_secretary_cannot_create_a_member_in_another_organization(client, personas):
    client.force_login(personas.secretary_a)
    response = client.post(
        reverse("members:create"),
        {
            "full_name": "Lê Thị Khác",
            "sex": "female",
            "date_of_birth": "01/01/1990",
            "political_theory_level": "none",
            "ethnicity": "Kinh",
            "join": "admitted",
            "organization": personas.org_b.pk,
            "on": "01/03/2025",
            "document_no": "1-QĐ/ĐU",
        },
    )
    assert response.status_code == 200
    assert "organization" in response.context["form"].errors

"""The new-member form is guided: sections, required markers, only the fields of the chosen way of joining, and
the errors at the top of the page each linking to its field."""

import json

import lxml.html
import pytest
from django.urls import reverse

from dangvu.members.models import Member, MemberEvent

pytestmark = pytest.mark.django_db

PERSON = {
    "full_name": "Lê Thị Hoa",
    "sex": "female",
    "date_of_birth": "01/01/1990",
    "political_theory_level": "none",
    "ethnicity": "Kinh",
}
SECTION = "//form//fieldset[contains(@class, 'form-section')]"


@pytest.fixture
def secretary(client, personas):
    client.force_login(personas.secretary_a)
    return client


def _page(response):
    return lxml.html.fromstring(response.content.decode())


def _text(element) -> str:
    return " ".join(element.text_content().split())


def _legends(page) -> list[str]:
    return [_text(legend) for legend in page.xpath(SECTION + "/legend")]


def test_the_new_member_form_is_drawn_in_sections_with_the_way_of_joining_first(secretary):
    page = _page(secretary.get(reverse("members:create")))
    assert _legends(page)[:4] == [
        "Cách đưa vào danh sách",
        "Kết nạp",
        "Lần kết nạp ghi ở nơi khác (đảng viên chuyển đến)",
        "Lý lịch",
    ]
    first = page.xpath(SECTION)[0]
    assert first.xpath(".//*[@id='field-join']") and first.xpath(".//*[@id='field-organization']")
    # Every field keeps its container id, which the browser tests use.
    assert page.xpath("//*[@id='field-full_name']//input[@name='full_name']")


def test_required_fields_carry_a_marker_read_out_as_required_and_the_form_a_legend(secretary):
    page = _page(secretary.get(reverse("members:create")))
    assert _text(page.xpath("//*[contains(@class, 'required-legend')]")[0]) == "* bắt buộc"
    (label,) = page.xpath("//*[@id='field-full_name']//label")
    (marker,) = label.xpath(".//span[@class='required-mark']")
    assert marker.text == "*" and marker.get("aria-hidden") == "true"
    assert _text(label.xpath(".//span[@class='visually-hidden']")[0]) == "(bắt buộc)"
    assert not page.xpath("//*[@id='field-birth_name']//*[@class='required-mark']")
    # Required only for a member transferred in, and marked so where it shows.
    assert page.xpath("//*[@id='field-external_place']//*[@class='required-mark']")


def test_the_fields_of_one_way_of_joining_say_which_choice_shows_them(secretary):
    page = _page(secretary.get(reverse("members:create")))
    (ceremony,) = page.xpath("//*[@id='field-ceremony_on']")
    assert (ceremony.get("data-shown-when"), ceremony.get("data-shown-values")) == ("join", "admitted")
    assert page.xpath("//*[@id='field-original_admitted_on']")[0].get("data-shown-values") == "transferred_in"
    (on,) = page.xpath("//*[@id='field-on']")
    assert _text(on.xpath(".//label")[0]) == "Ngày quyết định kết nạp: * (bắt buộc)"  # admission is chosen first
    assert on.get("data-shown-when") is None  # both ways have a date, named for each
    assert on.get("data-label-when") == "join"
    assert json.loads(on.get("data-labels")) == {
        "admitted": "Ngày quyết định kết nạp",
        "transferred_in": "Ngày đảng viên chuyển đến",
    }


def test_an_admission_ignores_what_was_typed_into_the_transfer_fields(secretary, personas):
    response = secretary.post(
        reverse("members:create"),
        {
            **PERSON,
            "join": "admitted",
            "organization": personas.cell_a2.pk,
            "on": "01/03/2025",
            "document_no": "1-QĐ/ĐU",
            "original_admitted_on": "not a date",  # hidden for an admission: neither checked nor kept
            "external_place": "Tỉnh ủy An Giang",
        },
    )
    assert response.status_code == 302
    event = MemberEvent.objects.get(member__full_name="Lê Thị Hoa")
    assert event.kind == "admitted" and event.external_place == ""


def test_a_transfer_in_requires_its_own_fields_and_ignores_the_ceremony_fields(secretary, personas):
    response = secretary.post(
        reverse("members:create"),
        {
            **PERSON,
            "join": "transferred_in",
            "organization": personas.cell_a2.pk,
            "on": "01/03/2025",
            "document_no": "12-GGT",
            "ceremony_on": "hôm qua",  # hidden for a transfer in: not judged
        },
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert set(errors) == {"external_place", "original_admitted_on", "original_document_no"}
    assert errors["external_place"] == ["Bắt buộc đối với đảng viên chuyển đến."]
    assert not Member.all_objects.filter(full_name="Lê Thị Hoa").exists()


def test_errors_are_summed_up_at_the_top_each_linking_to_its_field(secretary, personas):
    response = secretary.post(
        reverse("members:create"),
        {"join": "transferred_in", "organization": personas.cell_a2.pk, "sex": "female", "date_of_birth": "31/02/1990"},
    )
    page = _page(response)
    (form,) = page.xpath("//main//form[.//*[@id='field-full_name']]")
    summary = form.xpath(".//*[contains(@class, 'error-summary')]")[0]
    assert summary.get("role") == "alert"
    # It comes before every field of the form.
    assert form.xpath(".//*[contains(@class, 'field')]")[0].getparent() is not summary
    assert summary in form.xpath("(.//*[contains(@class, 'error-summary') or contains(@class, 'fields')])[1]")
    errors = response.context["form"].errors
    count = sum(len(messages) for messages in errors.values())
    assert _text(summary.xpath(".//*[@class='error-summary-title']")[0]) == f"Có {count} lỗi cần sửa:"
    links = {a.get("href"): _text(a) for a in summary.xpath(".//a")}
    assert len(links) == count
    assert links["#id_full_name"].startswith("Họ và tên:")
    assert links["#id_date_of_birth"].startswith("Ngày sinh:")
    assert "#id_external_place" in links and "#id_document_no" in links
    # A label that depends on the way of joining is the one of the way chosen, here and beside the field.
    assert links["#id_on"].startswith("Ngày đảng viên chuyển đến:")
    assert _text(page.xpath("//*[@id='field-on']//label")[0]).startswith("Ngày đảng viên chuyển đến:")
    for href in links:
        assert page.xpath(f"//*[@id='{href[1:]}']"), f"{href} links to no element"
    # The summary follows the page: the way of joining comes before the personal record.
    order = list(links)
    assert order.index("#id_on") < order.index("#id_external_place") < order.index("#id_full_name")


def test_the_summary_links_a_radio_choice_to_its_first_option(secretary):
    page = _page(secretary.post(reverse("members:create"), {**PERSON, "join": "sideways"}))
    assert page.xpath("//*[contains(@class, 'error-summary')]//a[@href='#id_join_0']")
    assert page.xpath("//input[@id='id_join_0']")[0].get("type") == "radio"


def test_the_edit_form_has_the_personal_sections_without_the_joining_ones(client, personas):
    client.force_login(personas.staff)
    page = _page(client.get(reverse("members:edit", kwargs={"pk": personas.member_a.pk})))
    legends = _legends(page)
    assert legends[0] == "Lý lịch" and "Cách đưa vào danh sách" not in legends
    assert not page.xpath("//*[contains(@class, 'error-summary')]")

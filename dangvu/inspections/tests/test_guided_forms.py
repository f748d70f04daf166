"""The discipline and letter forms are drawn in sections; the discipline form shows the member or the organization
field for the choice made."""

import lxml.html
import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _page(client, name):
    return lxml.html.fromstring(client.get(reverse(name)).content.decode())


def test_the_discipline_form_is_in_sections_and_names_the_member_or_the_organization_per_choice(client, personas):
    client.force_login(personas.staff)
    page = _page(client, "inspections:discipline_create")
    assert page.xpath("//fieldset[@class='form-section']/legend/text()") == [
        "Đối tượng bị kỷ luật",
        "Quyết định",
        "Vi phạm",
    ]
    (member,) = page.xpath("//*[@id='field-member']")
    (organization,) = page.xpath("//*[@id='field-subject_organization']")
    assert (member.get("data-shown-when"), member.get("data-shown-values")) == ("subject_kind", "member")
    assert organization.get("data-shown-values") == "organization"
    assert member.xpath(".//*[@class='required-mark']") and organization.xpath(".//*[@class='required-mark']")


def test_the_letter_form_is_in_four_sections(client, personas):
    client.force_login(personas.staff)
    page = _page(client, "inspections:letter_create")
    assert page.xpath("//fieldset[@class='form-section']/legend/text()") == [
        "Tiếp nhận",
        "Người gửi",
        "Người, tổ chức và nội dung liên quan",
        "Giải quyết và kết quả",
    ]

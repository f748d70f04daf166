"""The candidate form is drawn in sections, its required fields marked."""

import lxml.html
import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_candidate_form_has_three_sections_and_marks_the_required_fields(client, personas):
    client.force_login(personas.staff)
    page = lxml.html.fromstring(client.get(reverse("candidates:create")).content.decode())
    assert page.xpath("//fieldset[@class='form-section']/legend/text()") == [
        "Lý lịch",
        "Học vấn và công tác",
        "Chuẩn bị kết nạp",
    ]
    assert page.xpath("//*[@id='field-full_name']//*[@class='required-mark']")
    assert page.xpath("//fieldset[legend='Chuẩn bị kết nạp']//*[@id='field-organization']")

"""The meeting form's attendance rows: each member's choices are a named group, each absence reason has a label
naming the member, and errors are summed up at the top linking to their fields."""

import lxml.html
import pytest
from django.urls import reverse

from dangvu.members.tests.factories import admit

pytestmark = pytest.mark.django_db


@pytest.fixture
def form_url(client, personas):
    admit(personas.cell_a1, full_name="Lê Văn Cường")
    client.force_login(personas.secretary_a)
    return reverse("meetings:create") + f"?organization={personas.cell_a1.pk}&held_on=10/03/2026"


def _page(response):
    return lxml.html.fromstring(response.content.decode())


def test_every_absence_reason_has_a_label_naming_the_member(client, form_url):
    page = _page(client.get(form_url))
    rows = page.xpath("//ul[@id='attendance']/li")
    assert rows
    for row in rows:
        name = row.xpath(".//fieldset/legend")[0].text_content().strip()
        (reason,) = row.xpath(".//input[starts-with(@name, 'note_')]")
        (label,) = page.xpath(f"//label[@for='{reason.get('id')}']")
        assert " ".join(label.text_content().split()) == f"Lý do vắng mặt (nếu vắng) – {name}"
        assert row.xpath(".//fieldset//input[@type='radio']")
    assert any(row.xpath(".//legend[text()='Lê Văn Cường']") for row in rows)


def test_a_too_long_reason_is_listed_at_the_top_under_the_members_name(client, personas, form_url):
    cuong = personas.cell_a1.members.get(full_name="Lê Văn Cường")
    response = client.post(form_url, {"kind": "regular", f"att_{cuong.pk}": "excused", f"note_{cuong.pk}": "x" * 300})
    assert response.status_code == 200
    summary = _page(response).xpath("//*[contains(@class, 'error-summary')]")[0]
    links = {a.get("href"): " ".join(a.text_content().split()) for a in summary.xpath(".//a")}
    reason = links[f"#id_note_{cuong.pk}"]
    assert reason.startswith("Lý do vắng mặt của Lê Văn Cường:")
    # The attendance comes first on the page, and so in the summary.
    assert list(links).index(f"#id_note_{cuong.pk}") < list(links).index("#id_content")

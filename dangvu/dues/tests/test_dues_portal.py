"""The member's own dues on the portal, and the cell's phone page for its treasurer or secretary."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils.html import escape

from dangvu.accounts.models import Role, User
from dangvu.dues import services
from dangvu.dues.models import DuesPayment
from dangvu.dues.tests.ui_data import cell_with_runs

pytestmark = pytest.mark.django_db

MARCH = dt.date(2025, 3, 1)


def _phone(personas, name="dues:cell_pay", **extra):
    return reverse(name, kwargs={"pk": personas.cell_a1.pk, "year": 2025, "month": 3, **extra})


def test_a_member_sees_what_they_owe_what_they_paid_and_how_it_was_computed(client, personas):
    secretary, _runs = cell_with_runs(personas)
    DuesPayment.objects.create(
        member=personas.member_a, organization=personas.cell_a1, month=MARCH, amount=80_000, paid_on=dt.date(2025, 3, 9)
    )
    client.force_login(personas.plain_member)
    response = client.get(reverse("dues:mine"), {"year": 2025})
    assert response.status_code == 200
    text = response.content.decode()
    line = personas.member_a.dues_lines.get(month=MARCH)
    assert line.explanation and escape(line.explanation) in text
    assert "80.000" in text and "09/3/2025" in text
    assert secretary.full_name not in text


def test_the_portal_home_shows_the_dues_card_and_party_life_shows_the_dues_block(client, personas):
    cell_with_runs(personas)
    client.force_login(personas.plain_member)
    home = client.get(reverse("portal:home")).content.decode()
    assert reverse("dues:mine") in home
    life = client.get(reverse("portal:party_life")).content.decode()
    assert 'id="dues"' in life


def test_the_cell_secretary_records_a_payment_with_one_tap_on_the_phone_page(client, personas):
    cell_with_runs(personas)
    client.force_login(personas.cell_secretary)
    page = client.get(_phone(personas))
    assert page.status_code == 200
    assert len(page.content) < 100_000
    response = client.post(_phone(personas, "dues:cell_mark", member=personas.member_a.pk), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert 'id="cell-totals" hx-swap-oob="true"' in response.content.decode()
    payment = DuesPayment.objects.get(member=personas.member_a, month=MARCH)
    assert (payment.amount, payment.channel, payment.recorded_by_id) == (80_000, "cash", personas.cell_secretary.pk)
    # A second tap records nothing more.
    client.post(_phone(personas, "dues:cell_mark", member=personas.member_a.pk))
    assert DuesPayment.objects.filter(member=personas.member_a, month=MARCH).count() == 1


def test_a_treasurer_named_on_the_cells_unit_keeps_its_dues_and_no_other_cells(client, personas):
    secretary, _runs = cell_with_runs(personas)
    services.set_unit(organization=personas.cell_a1, region=1, treasurer=personas.member_a, user=None)
    client.force_login(personas.plain_member)
    assert client.get(reverse("dues:my_cells")).status_code == 302
    assert client.get(_phone(personas)).status_code == 200
    other = reverse("dues:cell_pay", kwargs={"pk": personas.org_b.pk, "year": 2025, "month": 3})
    assert client.get(other).status_code == 404
    client.post(_phone(personas, "dues:cell_mark", member=secretary.pk))
    assert DuesPayment.objects.filter(member=secretary, month=MARCH).exists()


def test_a_plain_member_cannot_open_the_cells_phone_page(client, personas):
    cell_with_runs(personas)
    client.force_login(personas.plain_member)
    assert client.get(_phone(personas)).status_code == 403
    assert client.post(_phone(personas, "dues:cell_mark", member=personas.member_a.pk)).status_code == 403
    assert not DuesPayment.objects.exists()


def test_the_cell_secretary_of_another_cell_gets_not_found(client, personas):
    cell_with_runs(personas)
    other_member = personas.member_b
    other = User.objects.create_user(
        username="sec_b_cell", password="x", role=Role.CELL_SECRETARY, organization=personas.org_b, member=other_member
    )
    client.force_login(other)
    assert client.get(_phone(personas)).status_code == 404


def test_the_office_names_the_cells_treasurer_who_then_gets_the_phone_page(client, personas):
    cell_with_runs(personas)
    client.force_login(personas.secretary_a)
    url = reverse("dues:set_unit", kwargs={"pk": personas.cell_a1.pk})
    assert client.post(url, {"region": "2", "treasurer": personas.member_a.pk}).status_code == 302
    client.force_login(personas.plain_member)
    assert client.get(_phone(personas)).status_code == 200
    client.force_login(personas.secretary_b)
    assert client.post(url, {"region": "3"}).status_code == 404


def test_the_phone_page_of_a_forty_member_cell_with_what_it_loads_stays_under_100_kb(client, personas):
    import os

    from django.contrib.staticfiles import finders

    from dangvu.members.tests.factories import admit

    for n in range(38):
        member = admit(personas.cell_a1, full_name=f"Nguyễn Thị Phương Thảo {n}", national_id=f"0010900001{n:02d}")
        services.set_profile(
            member=member, category="insured", base_amount=12_345_000, valid_from=dt.date(2024, 1, 1), user=None
        )
    cell_with_runs(personas)
    client.force_login(personas.cell_secretary)
    page = client.get(_phone(personas))
    assert page.content.decode().count('class="d-pay"') == 40
    loaded = sum(os.path.getsize(finders.find(p)) for p in ("css/portal.css", "dues/dues.css", "vendor/htmx.min.js"))
    assert len(page.content) + loaded < 100_000

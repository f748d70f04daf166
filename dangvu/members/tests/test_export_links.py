"""The export follows the screen: after a live search the export links carry the search."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_a_live_search_returns_export_links_carrying_its_query(client, personas):
    client.force_login(personas.staff)
    response = client.get(reverse("members:list"), {"q": "bình", "status": "all"}, HTTP_HX_REQUEST="true")
    page = response.content.decode()
    assert response.templates[0].name == "members/_results.html"
    links = page[page.index('id="export-links"') :]
    assert 'hx-swap-oob="true"' in page[: page.index("</span>")]
    export = reverse("exchange:export_members")
    assert f"{export}?q=b%C3%ACnh&amp;status=all&amp;format=xlsx" in links
    assert f"{export}?q=b%C3%ACnh&amp;status=all&amp;format=csv" in links


def test_the_full_page_has_export_links_without_out_of_band_swap(client, personas):
    client.force_login(personas.staff)
    page = client.get(reverse("members:list"), {"q": "an"}).content.decode()
    assert 'id="export-links"' in page and "hx-swap-oob" not in page
    assert f"{reverse('exchange:export_members')}?q=an&amp;format=xlsx" in page


def test_an_export_link_downloads_only_what_the_search_shows(client, personas):
    client.force_login(personas.staff)
    response = client.get(reverse("exchange:export_members"), {"q": "bình", "status": "all", "format": "csv"})
    lines = response.content.decode("utf-8-sig").splitlines()
    assert len(lines) == 2 and personas.member_b.full_name in lines[1]

"""The export follows the screen: the member list's export writes every member its filters select, in the
register layout, with the sensitive columns only for those allowed to see them (and then logged)."""

import csv
import io

import pytest
from django.urls import reverse

from dangvu.accounts.models import Purpose, SensitiveDataAccess
from dangvu.members.tests.factories import admit

pytestmark = pytest.mark.django_db


def csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_a_live_search_returns_export_links_carrying_its_query(client, personas):
    client.force_login(personas.staff)
    response = client.get(reverse("members:list"), {"q": "bình", "status": "all"}, HTTP_HX_REQUEST="true")
    page = response.content.decode()
    assert response.templates[0].name == "members/_results.html"
    assert "?q=b%C3%ACnh&amp;status=all&amp;export=xlsx" in page
    assert "?q=b%C3%ACnh&amp;status=all&amp;export=csv" in page


def test_an_export_link_downloads_only_what_the_search_shows(client, personas):
    client.force_login(personas.staff)
    response = client.get(reverse("members:list"), {"q": "bình", "status": "all", "export": "csv"})
    lines = response.content.decode("utf-8-sig").splitlines()
    assert len(lines) == 2 and personas.member_b.full_name in lines[1]


def test_the_export_writes_every_member_the_filters_select_not_only_the_page(client, personas, settings):
    settings.PAGE_SIZE = 2
    for n in range(3):
        admit(personas.cell_a2, full_name=f"Hoàng Thị Dự Bị {n}", national_id=f"00119000033{n}", full=False)
    client.force_login(personas.secretary_a)
    rows = csv_rows(client.get(reverse("members:list"), {"probationary": "on", "export": "csv"}))
    assert rows[0][:2] == ["STT", "Họ và tên"]
    assert [r[1] for r in rows[1:]] == ["Hoàng Thị Dự Bị 0", "Hoàng Thị Dự Bị 1", "Hoàng Thị Dự Bị 2"]
    everyone = csv_rows(client.get(reverse("members:list"), {"export": "csv"}))
    assert personas.member_b.full_name not in {r[1] for r in everyone}  # outside A's tree


def test_the_export_shows_and_logs_the_sensitive_columns_for_a_role_allowed_to_see_them(client, personas):
    client.force_login(personas.staff)
    header = csv_rows(client.get(reverse("members:list"), {"status": "all", "export": "csv"}))[0]
    assert "Dân tộc" in header and "Tôn giáo" in header
    logged = SensitiveDataAccess.objects.get(user=personas.staff)
    assert (logged.purpose, logged.count, logged.fields) == (Purpose.EXPORT, 3, ["ethnicity", "religion"])


def test_the_export_leaves_the_sensitive_columns_out_for_a_role_not_allowed(client, personas):
    client.force_login(personas.inspector)
    header = csv_rows(client.get(reverse("members:list"), {"status": "all", "export": "csv"}))[0]
    assert "Dân tộc" not in header and "Tôn giáo" not in header and "Họ và tên" in header
    assert not SensitiveDataAccess.objects.exists()


@pytest.mark.parametrize("size", [3, 12])
def test_the_member_list_export_takes_a_constant_number_of_queries(
    client, personas, size, django_assert_max_num_queries
):
    for n in range(size):
        admit(personas.cell_a1, full_name=f"Người Số {n}", national_id=f"0011900{n:05d}")
    client.force_login(personas.staff)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("members:list"), {"export": "xlsx"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")

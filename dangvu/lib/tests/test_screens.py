"""The screen kit (lib.screens): page size, htmx results, invalid filters, and the export of what a list shows."""

import datetime as dt
import io
from types import SimpleNamespace

import openpyxl
import pytest
from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.urls import reverse

from dangvu.education import services
from dangvu.lib.screens import PAGE_SIZES, save_form

pytestmark = pytest.mark.django_db
URL = "education:session_list"


def _sessions(personas, count):
    for number in range(count):
        services.study_session_save(
            by=None,
            organization=personas.org_a,
            document_reference=f"Nghị quyết số {number + 1}-NQ/TW",
            held_on=dt.date(2025, 1, 1) + dt.timedelta(days=number),
            non_members_present=0,
            non_member_headcount=0,
            member_ids=[],
            today=dt.date(2026, 11, 22),
        )


@pytest.fixture
def staff_client(client, personas):
    client.force_login(personas.staff)
    return client


def test_a_list_shows_the_page_size_the_user_picks_and_ignores_one_it_does_not_offer(staff_client, personas):
    _sessions(personas, 30)
    assert len(staff_client.get(reverse(URL), {"size": "25"}).context["page"].object_list) == 25
    assert staff_client.get(reverse(URL), {"size": "7"}).context["page"].paginator.per_page == 50
    assert staff_client.get(reverse(URL), {"size": "x"}).context["page"].paginator.per_page == 50
    assert PAGE_SIZES[0] == 25


def test_an_htmx_request_gets_the_results_part_only(staff_client, personas):
    _sessions(personas, 2)
    whole = staff_client.get(reverse(URL))
    part = staff_client.get(reverse(URL), HTTP_HX_REQUEST="true")
    assert b"<html" in whole.content
    assert b"<html" not in part.content
    assert "Nghị quyết số 1-NQ/TW" in part.content.decode()


def test_an_invalid_filter_answers_200_with_its_message_and_the_default_rows(staff_client, personas):
    _sessions(personas, 3)
    response = staff_client.get(reverse(URL), {"year": "abc"})
    assert response.status_code == 200
    assert response.context["form"].errors["year"]
    assert response.context["page"].paginator.count == 3


def test_the_export_holds_every_row_the_filters_select_not_only_the_page(staff_client, personas):
    _sessions(personas, 60)
    response = staff_client.get(reverse(URL), {"q": "NQ", "size": "25", "page": "2", "export": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    references = [row[1] for row in sheet.iter_rows(min_row=5, values_only=True)]
    assert len(references) == 60
    assert "Nghị quyết số 60-NQ/TW" in references
    held = [row[0] for row in sheet.iter_rows(min_row=5, values_only=True)]
    assert isinstance(held[0], dt.datetime)


def test_a_csv_export_is_utf8_for_excel_with_dates_day_first(staff_client, personas):
    _sessions(personas, 1)
    response = staff_client.get(reverse(URL), {"export": "csv"})
    text = response.content.decode("utf-8-sig")
    assert "Nghị quyết số 1-NQ/TW" in text
    assert "01/01/2025" in text


def test_an_export_longer_than_the_cap_asks_for_narrower_filters(staff_client, personas, settings):
    settings.EXPORT_MAX_ROWS = 2
    _sessions(personas, 3)
    response = staff_client.get(reverse(URL), {"export": "xlsx"}, follow=True)
    assert response.status_code == 200
    assert "thu hẹp" in response.content.decode()


def test_the_export_covers_only_the_users_subtree(client, personas):
    _sessions(personas, 2)
    client.force_login(personas.secretary_b)
    response = client.get(reverse(URL), {"export": "csv"})
    assert "Nghị quyết" not in response.content.decode("utf-8-sig")


class _NameForm(forms.Form):
    name = forms.CharField()


def _post(data):
    request = RequestFactory().post("/", data)
    request._messages = CookieStorage(request)
    return request


def _saved_record(cleaned_data):
    return SimpleNamespace(pk=7, name=cleaned_data["name"])


def test_save_form_saves_a_valid_form_says_so_and_goes_where_it_is_told():
    request = _post({"name": "Chi bộ 1"})
    response = save_form(
        request,
        _NameForm(request.POST),
        _saved_record,
        message=lambda record: f"{record.name} saved",
        then=lambda record: f"/records/{record.pk}/",
    )
    assert response.status_code == 302
    assert response.url == "/records/7/"
    assert [str(m) for m in get_messages(request)] == ["Chi bộ 1 saved"]


def test_save_form_shows_the_form_again_with_the_services_refusal_beside_the_field():
    request = _post({"name": "Chi bộ 1"})
    form = _NameForm(request.POST)

    def refuse(cleaned_data):
        raise ValidationError({"name": "Tên đã có."})

    assert save_form(request, form, refuse, message="saved", then="/") is None
    assert form.errors["name"] == ["Tên đã có."]
    assert list(get_messages(request)) == []


def test_save_form_neither_checks_nor_saves_a_get_or_an_invalid_form():
    calls = []
    get = RequestFactory().get("/")
    invalid = _post({})
    for request, form in ((get, _NameForm()), (invalid, _NameForm(invalid.POST))):
        kept = save_form(request, form, calls.append, check=calls.append, message="saved", then="/")
        assert kept is None
    assert calls == []

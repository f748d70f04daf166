"""The upload page: who may use it, and what it shows for good, bad and oversized files."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from dangvu.checker.tests import builders

pytestmark = pytest.mark.urls("dangvu.checker.tests.urls")


@pytest.fixture(autouse=True)
def catalogue():
    builders.ensure_catalogue()


def upload(client, name, data):
    return client.post(reverse("checker:check"), {"report": SimpleUploadedFile(name, data)})


@pytest.mark.django_db
def test_an_anonymous_visitor_is_sent_to_the_login_page(client):
    for response in (client.get(reverse("checker:upload")), upload(client, "a.txt", b"x")):
        assert response.status_code == 302
        assert "login" in response["Location"]


def test_a_plain_member_is_refused(client, personas):
    client.force_login(personas.plain_member)
    assert client.get(reverse("checker:upload")).status_code == 403
    assert upload(client, "a.txt", b"x").status_code == 403


@pytest.mark.parametrize("who", ["staff", "secretary_a"])
def test_staff_and_secretaries_see_the_upload_form(client, personas, who):
    client.force_login(getattr(personas, who))
    response = client.get(reverse("checker:upload"))
    assert response.status_code == 200
    assert "Kiểm tra báo cáo" in response.content.decode()


def test_the_check_is_post_only(client, personas):
    client.force_login(personas.staff)
    assert client.get(reverse("checker:check")).status_code == 405


def test_a_good_file_shows_the_findings_beside_the_text_with_the_location_highlighted(client, personas):
    client.force_login(personas.staff)
    response = upload(client, "bao-cao.txt", builders.planted_text().encode())
    html = response.content.decode()
    assert response.status_code == 200
    assert len(response.context["result"].findings) == len(builders.PLANTED)
    assert "Phát hiện 13 lỗi." in html
    assert 'id="t1-r3" class="flagged"' in html  # the table row with the wrong total
    assert 'href="#t1-r3"' in html  # the finding links to it
    assert 'id="p-5" class="flagged"' in html and 'id="fn-1"' in html
    assert "không phải là ngày có thật" in html


def test_a_word_file_is_checked_too(client, personas):
    client.force_login(personas.secretary_a)
    response = upload(client, "bao-cao.docx", builders.planted_docx())
    assert response.status_code == 200
    assert len(response.context["result"].findings) == len(builders.PLANTED)


def test_a_corrupt_file_gives_a_vietnamese_message_not_an_error_page(client, personas):
    client.force_login(personas.staff)
    response = upload(client, "bao-cao.docx", b"not a word file")
    assert response.status_code == 400
    assert "Không đọc được “bao-cao.docx”" in response.content.decode()


def test_a_file_of_another_type_is_refused_with_a_vietnamese_message(client, personas):
    client.force_login(personas.staff)
    response = upload(client, "bao-cao.xlsx", b"PK")
    assert response.status_code == 400
    assert "Chỉ kiểm tra được tệp .docx, .txt và .pdf." in response.content.decode()


@override_settings(CHECKER_MAX_UPLOAD_BYTES=1024)
def test_an_oversized_file_is_refused_with_a_vietnamese_message(client, personas):
    client.force_login(personas.staff)
    response = upload(client, "bao-cao.txt", b"a" * 2048)
    assert response.status_code == 400
    assert "Tệp quá lớn" in response.content.decode()


def test_the_default_limit_is_twenty_megabytes(client, personas):
    client.force_login(personas.staff)
    response = upload(client, "bao-cao.txt", b"a" * (20 * 1024 * 1024 + 1))
    assert response.status_code == 400
    assert "(20,0 MB); giới hạn là 20 MB" in response.content.decode()

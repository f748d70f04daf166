"""Changing one's password (validators in force, tokens ended), the admin's set-password, the idle timeout."""

import datetime as dt
import time

import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone
from knox.models import AuthToken

from dangvu.accounts.models import User

pytestmark = pytest.mark.django_db

NEW = "Chi bộ họp ngày 5 hàng tháng"


def test_the_menu_links_to_the_password_change_screen(client, personas):
    client.force_login(personas.secretary_a)
    page = client.get(reverse("members:list")).content.decode()
    assert reverse("accounts:password_change") in page


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("Ab1", "Mật khẩu quá ngắn"),
        ("password123", "Mật khẩu này quá phổ biến"),
        ("83920174655", "Mật khẩu này hoàn toàn là số"),
        ("ssec_aa1", "Mật khẩu quá giống với"),
    ],
)
def test_the_password_change_screen_applies_the_validators_in_vietnamese(client, personas, password, message):
    client.force_login(personas.secretary_a)
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": "pw-sec_a", "new_password1": password, "new_password2": password},
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    personas.secretary_a.refresh_from_db()
    assert personas.secretary_a.check_password("pw-sec_a")


def test_a_good_new_password_is_saved_and_ends_the_api_tokens(client, personas):
    AuthToken.objects.create(user=personas.secretary_a)
    AuthToken.objects.create(user=personas.secretary_b)
    client.force_login(personas.secretary_a)
    response = client.post(
        reverse("accounts:password_change"), {"old_password": "pw-sec_a", "new_password1": NEW, "new_password2": NEW}
    )
    assert response.status_code == 302 and response["Location"] == reverse("accounts:password_change_done")
    personas.secretary_a.refresh_from_db()
    assert personas.secretary_a.check_password(NEW)
    assert not AuthToken.objects.filter(user=personas.secretary_a).exists()
    assert AuthToken.objects.filter(user=personas.secretary_b).exists()
    assert client.get(reverse("accounts:password_change_done")).status_code == 200  # this session stays signed in


def test_the_wrong_old_password_changes_nothing(client, personas):
    client.force_login(personas.secretary_a)
    response = client.post(
        reverse("accounts:password_change"), {"old_password": "nope", "new_password1": NEW, "new_password2": NEW}
    )
    assert "Mật khẩu cũ không chính xác" in response.content.decode()


def test_the_admin_set_password_applies_the_validators_and_ends_the_tokens(client, personas):
    root = User.objects.create_superuser("root", password="pw-root")
    client.force_login(root)
    AuthToken.objects.create(user=personas.secretary_a)
    url = reverse("admin:auth_user_password_change", args=[personas.secretary_a.pk])
    weak = client.post(url, {"password1": "12345678", "password2": "12345678"})
    assert "Mật khẩu này quá phổ biến" in weak.content.decode()
    assert AuthToken.objects.filter(user=personas.secretary_a).exists()
    strong = client.post(url, {"password1": NEW, "password2": NEW})
    assert strong.status_code == 302
    assert not AuthToken.objects.filter(user=personas.secretary_a).exists()


def test_a_request_pushes_the_idle_timeout_back_writing_it_at_most_once_a_minute(client, personas, monkeypatch):
    client.force_login(personas.secretary_a)
    key = client.session.session_key
    soon = timezone.now() + dt.timedelta(minutes=5)
    Session.objects.filter(session_key=key).update(expire_date=soon)
    client.get(reverse("members:list"))
    assert Session.objects.get(session_key=key).expire_date == soon  # within the minute of the login: no write
    real_time = time.time
    monkeypatch.setattr("dangvu.middleware.time.time", lambda: real_time() + 61)
    client.get(reverse("members:list"))
    left = Session.objects.get(session_key=key).expire_date - timezone.now()
    assert dt.timedelta(minutes=29) < left <= dt.timedelta(minutes=31)


def test_a_session_idle_longer_than_the_timeout_is_signed_out(client, personas):
    client.force_login(personas.secretary_a)
    assert client.get(reverse("members:list")).status_code == 200
    Session.objects.filter(session_key=client.session.session_key).update(
        expire_date=timezone.now() - dt.timedelta(seconds=1)
    )
    response = client.get(reverse("members:list"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))

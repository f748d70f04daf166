"""Login throttling (django-axes): many wrong passwords lock the login page, the admin and the API token.

The default limit is 5 failures within a 15-minute cool-off, by username on an address and by address.
"""

import pytest
from axes.models import AccessAttempt
from django.urls import reverse
from rest_framework.test import APIClient

from dangvu.accounts.models import Role, User

# The personas are built once for the module (conftest.py `module_db`).
pytestmark = [pytest.mark.django_db, pytest.mark.shared_setup]

LOCKED_TEXT = "Đăng nhập sai quá nhiều lần"


def _signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_fifty_wrong_passwords_then_the_right_one_is_refused_on_the_login_page(client, personas):
    url = reverse("accounts:login")
    for _ in range(50):
        client.post(url, {"username": "sec_a", "password": "wrong"})
    response = client.post(url, {"username": "sec_a", "password": "pw-sec_a"})
    assert response.status_code == 429
    assert LOCKED_TEXT in response.content.decode()
    assert not _signed_in(client)


def test_the_lock_starts_at_the_failure_limit_and_not_before(client, personas):
    url = reverse("accounts:login")
    for _ in range(4):
        assert client.post(url, {"username": "sec_a", "password": "wrong"}).status_code == 200
    assert client.post(url, {"username": "sec_a", "password": "pw-sec_a"}).status_code == 302
    client.post(reverse("accounts:logout"))
    for _ in range(5):
        client.post(url, {"username": "sec_b", "password": "wrong"})
    assert client.post(url, {"username": "sec_b", "password": "pw-sec_b"}).status_code == 429


def test_fifty_wrong_passwords_then_the_right_one_is_refused_on_the_admin_login(client, db):
    User.objects.create_superuser("root", password="pw-root")
    url = reverse("admin:login")
    for _ in range(50):
        client.post(url, {"username": "root", "password": "wrong"})
    response = client.post(url, {"username": "root", "password": "pw-root", "next": "/admin/"})
    assert response.status_code == 429
    assert not _signed_in(client)


def test_fifty_wrong_passwords_then_the_right_one_get_no_api_token(personas):
    client = APIClient()
    url = reverse("api:token")
    for _ in range(50):
        client.post(url, {"username": "sec_a", "password": "wrong"})
    response = client.post(url, {"username": "sec_a", "password": "pw-sec_a"})
    assert response.status_code == 429
    assert LOCKED_TEXT in response.json()["detail"]
    assert "token" not in response.json()


def test_an_address_that_failed_too_often_is_locked_for_every_account(client, personas):
    url = reverse("accounts:login")
    for name in ("a1", "a2", "a3", "a4", "a5"):
        client.post(url, {"username": name, "password": "wrong"})
    assert client.post(url, {"username": "sec_b", "password": "pw-sec_b"}).status_code == 429


def test_another_address_can_still_log_in_to_a_locked_username_when_only_combinations_lock(client, personas, settings):
    settings.AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
    url = reverse("accounts:login")
    for _ in range(5):
        client.post(url, {"username": "sec_a", "password": "wrong"}, REMOTE_ADDR="10.0.0.7")
    assert client.post(url, {"username": "sec_a", "password": "pw-sec_a"}, REMOTE_ADDR="10.0.0.7").status_code == 429
    assert client.post(url, {"username": "sec_a", "password": "pw-sec_a"}, REMOTE_ADDR="10.0.0.8").status_code == 302


def _lock(client, username, address="10.1.1.1", times=5):
    for _ in range(times):
        client.post(reverse("accounts:login"), {"username": username, "password": "wrong"}, REMOTE_ADDR=address)


def test_the_committee_staff_see_the_current_lockouts_and_lift_one(client, personas):
    _lock(client, "sec_a")
    client.force_login(personas.staff)
    page = client.get(reverse("accounts:lockouts")).content.decode()
    assert "sec_a" in page and "10.1.1.1" in page
    response = client.post(reverse("accounts:lockout_unlock"), {"username": "sec_a", "ip_address": "10.1.1.1"})
    assert response.status_code == 302
    assert not AccessAttempt.objects.filter(username="sec_a").exists()
    client.post(reverse("accounts:logout"))
    login = client.post(
        reverse("accounts:login"), {"username": "sec_a", "password": "pw-sec_a"}, REMOTE_ADDR="10.1.1.9"
    )
    assert login.status_code == 302


def test_an_address_lock_is_shown_to_the_top_committee_and_lifted_there(client, personas):
    for name in ("x1", "x2", "x3", "x4", "x5"):
        _lock(client, name, address="10.2.2.2", times=1)
    client.force_login(personas.staff)
    page = client.get(reverse("accounts:lockouts")).content.decode()
    assert "10.2.2.2" in page and "mọi tài khoản từ địa chỉ này" in page
    client.post(reverse("accounts:lockout_unlock"), {"username": "", "ip_address": "10.2.2.2"})
    assert not AccessAttempt.objects.filter(ip_address="10.2.2.2").exists()


def test_staff_of_a_lower_committee_see_only_the_locks_of_their_subtree(client, personas):
    lower_staff = User.objects.create_user(
        "staff_a", password="x", role=Role.COMMITTEE_STAFF, organization=personas.org_a
    )
    _lock(client, "sec_a", address="10.3.3.1")
    _lock(client, "sec_b", address="10.3.3.2")
    client.force_login(lower_staff)
    page = client.get(reverse("accounts:lockouts")).content.decode()
    assert "sec_a" in page and "sec_b" not in page
    client.post(reverse("accounts:lockout_unlock"), {"username": "sec_b", "ip_address": "10.3.3.2"})
    assert AccessAttempt.objects.filter(username="sec_b").exists()


@pytest.mark.parametrize("persona", ["secretary_a", "plain_member"])
def test_only_committee_staff_open_the_lockout_screen(client, personas, persona):
    client.force_login(getattr(personas, persona))
    assert client.get(reverse("accounts:lockouts")).status_code == 403
    assert client.post(reverse("accounts:lockout_unlock"), {"ip_address": "10.1.1.1"}).status_code == 403


def test_behind_a_proxy_the_client_address_comes_from_the_proxy_header(client, personas, settings):
    settings.AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_REAL_IP", "REMOTE_ADDR")
    client.post(
        reverse("accounts:login"),
        {"username": "sec_a", "password": "wrong"},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_REAL_IP="203.0.113.9",
    )
    assert AccessAttempt.objects.get(username="sec_a").ip_address == "203.0.113.9"

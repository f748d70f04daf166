"""API tokens (django-rest-knox): issued for a password, stored as digests, expiring, ended by a password change."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from knox.models import AuthToken
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


def _token(username: str, password: str) -> str:
    response = APIClient().post(reverse("api:token"), {"username": username, "password": password})
    assert response.status_code == 200, response.content
    return response.json()["token"]


def _members(token: str):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client.get(reverse("api:member-list"))


def test_an_issued_token_opens_the_api_and_only_its_digest_is_stored(personas):
    token = _token("sec_a", "pw-sec_a")
    assert _members(token).status_code == 200
    stored = AuthToken.objects.get(user=personas.secretary_a)
    assert token not in stored.digest and len(stored.digest) == 128


def test_a_token_expires_after_its_time_to_live(personas, settings):
    token = _token("sec_a", "pw-sec_a")
    stored = AuthToken.objects.get(user=personas.secretary_a)
    assert dt.timedelta(hours=9, minutes=59) < stored.expiry - timezone.now() <= dt.timedelta(hours=10)
    AuthToken.objects.filter(pk=stored.pk).update(expiry=timezone.now() - dt.timedelta(seconds=1))
    assert _members(token).status_code == 401


def test_a_wrong_password_gets_no_token(personas):
    response = APIClient().post(reverse("api:token"), {"username": "sec_a", "password": "wrong"})
    assert response.status_code == 400
    assert not AuthToken.objects.exists()


def test_changing_the_password_ends_every_token_of_the_account(personas):
    first, second = _token("sec_a", "pw-sec_a"), _token("sec_a", "pw-sec_a")
    other = _token("sec_b", "pw-sec_b")
    personas.secretary_a.set_password("Một mật khẩu mới 2026")
    personas.secretary_a.save()
    assert _members(first).status_code == 401 and _members(second).status_code == 401
    assert _members(other).status_code == 200


def test_saving_the_account_without_a_new_password_keeps_its_tokens(personas):
    token = _token("sec_a", "pw-sec_a")
    personas.secretary_a.first_name = "Lan"
    personas.secretary_a.save()
    assert _members(token).status_code == 200

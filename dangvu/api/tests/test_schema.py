"""Schemathesis drives every operation of the OpenAPI schema with generated requests (as committee staff).

No request may produce a server error, and every documented response must match its schema.
"""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from knox.models import AuthToken
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """Schemathesis calls the WSGI app directly, whose request signals would close the database connection
    that holds the test's transaction (PostgreSQL); the test client disconnects them the same way."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def staff_token(personas):
    return AuthToken.objects.create(user=personas.staff)[1]


def _operations(token):
    from django.core.wsgi import get_wsgi_application

    schema = schemathesis.openapi.from_wsgi(
        "/api/schema/", get_wsgi_application(), headers={"Authorization": f"Token {token}"}
    )
    return [result.ok() for result in schema.get_all_operations()]


def test_the_api_answers_every_generated_request_as_its_schema_says(staff_token):
    """Each operation in turn (the pytest plugin of schemathesis does not run under pytest 9 yet)."""
    operations = _operations(staff_token)
    assert len(operations) >= 8
    for operation in operations:

        @settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        @given(case=operation.as_strategy())
        def check(case):
            case.call_and_validate(
                headers={"Authorization": f"Token {staff_token}"},
                checks=[not_a_server_error, response_schema_conformance, content_type_conformance],
            )

        check()


def test_the_schema_documents_the_main_records(client, personas):
    client.force_login(personas.secretary_a)
    response = client.get("/api/schema/", HTTP_ACCEPT="application/json")
    paths = set(response.json()["paths"])
    assert {"/api/members/", "/api/members/{id}/", "/api/members/{id}/events/", "/api/organizations/"} <= paths


def test_the_schema_is_shown_only_to_signed_in_callers(client, personas):
    assert client.get("/api/schema/", HTTP_ACCEPT="application/json").status_code == 401
    token = AuthToken.objects.create(user=personas.plain_member)[1]
    assert client.get("/api/schema/", HTTP_AUTHORIZATION=f"Token {token}").status_code == 200


def test_the_api_reference_is_a_page_to_read_behind_a_login(client, personas):
    from django.urls import reverse

    assert client.get(reverse("api:docs")).status_code == 302
    client.force_login(personas.staff)
    response = client.get(reverse("api:docs"))
    page = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "<code>GET /api/members/</code>" in page
    assert "<code>POST /api/token/</code>" in page
    assert 'id="shape-Member"' in page
    assert "Tài liệu API" in page

"""Numbers a request carries are bounded: a huge id or count is a form error or a 404, never a server error."""

import datetime as dt
import importlib
import inspect
import pkgutil
import re
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django import forms
from django.apps import apps
from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver

HUGE = "99999999999999999999"  # 20 digits: more than any integer column holds
HOSTILE = [HUGE, "-" + HUGE, "9223372036854775808", "1e309", "-1e309", "NaN", "Infinity", "1" * 400]


# --- the ORM: out-of-range ids are "not found" ------------------------------------------------------------------


@pytest.mark.django_db
def test_pk_in_with_an_id_too_large_for_the_database_finds_nothing(personas):
    from dangvu.organizations.models import Organization

    assert list(Organization.objects.filter(pk__in=[int(HUGE)])) == []
    assert list(Organization.objects.filter(pk__in=[int(HUGE), personas.org_a.pk])) == [personas.org_a]
    assert Organization.objects.exclude(pk__in=[int(HUGE)]).count() == Organization.objects.count()


@pytest.mark.django_db
def test_foreign_key_lookups_with_an_id_too_large_for_the_database_find_nothing(personas):
    from dangvu.members.models import Member

    assert not Member.objects.filter(organization=int(HUGE)).exists()
    assert not Member.objects.filter(organization_id=int(HUGE)).exists()
    assert not Member.objects.filter(organization__in=[int(HUGE), -int(HUGE)]).exists()
    assert Member.objects.filter(organization__in=[int(HUGE), personas.org_b.pk]).get() == personas.member_b


@pytest.mark.django_db
def test_member_lookup_by_a_huge_record_number_reports_it_missing(personas):
    from dangvu.inspections.selectors import members_by_identifiers

    found, missing = members_by_identifiers(user=personas.staff, identifiers=[f"#{HUGE}"])
    assert (found, missing) == ([], [f"#{HUGE}"])


def test_a_plain_integer_field_without_bounds_is_bounded_to_an_integer_column():
    field = forms.IntegerField()
    with pytest.raises(forms.ValidationError):
        field.clean(str(2**31))
    assert field.clean(str(2**31 - 1)) == 2**31 - 1
    assert forms.IntegerField(max_value=5).max_value == 5
    assert forms.DecimalField().max_value is None  # decimals are bounded by their digits


# --- every form of the project ----------------------------------------------------------------------------------


def _project_form_classes():
    classes = {}
    for app in apps.get_app_configs():
        # The project's own apps: the venv may sit inside BASE_DIR too (`make setup` puts it in .venv).
        if not app.path.startswith(str(settings.BASE_DIR)) or "site-packages" in app.path:
            continue
        for module in pkgutil.walk_packages([app.path], app.name + "."):
            if re.search(r"\.(tests|migrations|management)(\.|$)", module.name):
                continue
            loaded = importlib.import_module(module.name)
            for obj in vars(loaded).values():
                if not (inspect.isclass(obj) and issubclass(obj, forms.BaseForm) and obj.__module__ == loaded.__name__):
                    continue
                if obj.__name__.startswith("_"):
                    continue  # a private base of the module's forms (cadres._CadreFilterForm), not a form of its own
                if issubclass(obj, forms.BaseModelForm) and obj._meta.model is None:
                    continue  # a base of model forms (lib.versioning.VersionedModelForm), not a form of its own
                classes[f"{obj.__module__}.{obj.__name__}"] = obj
    return classes


def _arguments(personas) -> dict:
    """What each form's keyword-only argument is, by its name (a new name must be added here)."""
    from dangvu.candidates.models import Candidate
    from dangvu.documents.models import Document
    from dangvu.members.models import EventKind, Member
    from dangvu.organizations.models import Organization
    from dangvu.ratings.models import RatingSeason
    from dangvu.ratings.services import season_open

    orgs = Organization.objects.all()
    season = season_open(organization=personas.committee, year=2025, by=None, today=dt.date(2025, 12, 1))
    criterion = SimpleNamespace(pk=1, order=1, text="Tiêu chí", max_points=Decimal("10"))
    from dangvu.votes.models import Poll, PollOption

    poll = Poll.objects.create(
        kind="election",
        organization=personas.org_a,
        title="Bầu Ban Chấp hành",
        rule="QĐ 190-QĐ/TW",
        held_on=dt.date(2025, 6, 1),
        seats=3,
    )
    PollOption.objects.create(poll=poll, member=personas.member_a, name="Nguyễn Văn An")
    return {
        "poll": poll,
        "organizations": orgs,
        "top_organizations": orgs,
        "deciding_organizations": orgs,
        "cells": orgs,
        "choices": orgs,
        "parent": personas.committee,
        "members": Member.objects.all(),
        "candidates": Candidate.objects.all(),
        "seasons": RatingSeason.objects.all(),
        "received": Document.objects.all(),
        "direction": "received",
        "years": [2025, 2026],
        "user": personas.staff,
        "instance": None,
        "show_sensitive": True,
        "show_sensitive_filters": True,
        "scored": True,
        "editing": False,
        "criteria": [criterion],
        "current": {},
        "kinds": [],
        "kind_label": "Loại",
        "voters_label": "Số đảng viên",
        "headers": ["Họ và tên"],
        "initial_mapping": {},
        ("dangvu.members.forms.EventForm", "kind"): EventKind.ADMITTED,
        "season": season,
        ("dangvu.ratings.forms.MemberRatingForm", "subject"): personas.member_a,
        ("dangvu.ratings.forms.OrganizationRatingForm", "subject"): personas.org_a,
        ("dangvu.exchange.forms.MappingForm", "kind"): "members",
        ("dangvu.meetings.forms.NoticeForm", "organization"): personas.cell_a1,
        ("dangvu.dues.forms.UnitForm", "organization"): personas.cell_a1,
        ("dangvu.portal.forms.CorrectionForm", "member"): personas.member_a,
        ("dangvu.portal.forms.CorrectionForm", "field"): "phone",
        "member_pk": personas.member_a.pk,
        "organization_pk": personas.cell_a1.pk,
    }


# Forms built around one record; their numeric fields are exercised through their screens' tests.
BUILT_AROUND_A_RECORD = {
    "dangvu.education.forms.ParticipantsAddForm",
    "dangvu.education.forms.ParticipantForm",
    "dangvu.meetings.forms.SelfRatingForm",
    "dangvu.meetings.forms.MaterialForm",
}


def _numeric(field) -> bool:
    return isinstance(field, forms.IntegerField | forms.ModelChoiceField)  # decimals and floats included


@pytest.mark.django_db
def test_every_form_refuses_huge_ids_and_numbers_with_a_form_error(personas):
    arguments = _arguments(personas)
    probed = 0
    for name, form_class in sorted(_project_form_classes().items()):
        if name in BUILT_AROUND_A_RECORD:
            continue
        params = {
            p.name
            for klass in form_class.__mro__
            if "__init__" in vars(klass)
            for p in inspect.signature(klass.__init__).parameters.values()
            if p.kind == p.KEYWORD_ONLY and p.default is p.empty
        }
        missing = [p for p in params if (name, p) not in arguments and p not in arguments]
        assert not missing, f"{name}: add {missing} to _arguments()"
        kwargs = {p: arguments.get((name, p), arguments.get(p)) for p in params}
        fields = [f for f, field in form_class(**kwargs).fields.items() if _numeric(field)]
        for field_name in fields:
            for value in HOSTILE:
                multiple = isinstance(form_class(**kwargs).fields[field_name], forms.ModelMultipleChoiceField)
                data = {field_name: [value] if multiple else value}
                form = form_class(data=data, **kwargs)
                assert not form.is_valid()
                assert field_name in form.errors, f"{name}.{field_name} accepted {value!r}"
                probed += 1
    assert probed > 300  # the walk reached the forms (60 numeric and choice fields when written)


def test_the_forms_built_around_a_record_are_still_there():
    assert BUILT_AROUND_A_RECORD <= set(_project_form_classes())


# --- the API ----------------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_api_answers_huge_ids_with_400_or_404(personas, client):
    client.force_login(personas.staff)
    assert client.get(f"/api/organizations/{HUGE}/").status_code == 404
    assert client.get(f"/api/members/{HUGE}/").status_code == 404
    assert client.get(f"/api/members/?organization={HUGE}").status_code == 400
    assert client.get(f"/api/organizations/?under={HUGE}").status_code == 400
    assert client.get(f"/api/organizations/?under={2**63 - 1}").json()["results"] == []
    assert client.get("/api/organizations/?under=²").status_code == 400
    response = client.post(
        "/api/organizations/",
        {"parent": HUGE, "code": "X", "name": "X", "kind": "cell", "on": "2026-01-01"},
        content_type="application/json",
    )
    assert response.status_code == 400 and "parent" in response.json()


# --- screens ----------------------------------------------------------------------------------------------------


def _int_patterns(patterns=None, prefix=""):
    for entry in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(entry, URLResolver):
            yield from _int_patterns(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            route = prefix + str(entry.pattern)
            if "<int:" in route:
                yield route


def _filled(route: str) -> str:
    url = re.sub(r"<int:\w+>", HUGE, route)
    url = re.sub(r"<(?:slug|str):\w+>", "docx", url)
    return "/" + url.lstrip("^").rstrip("$")


def _status(client, url) -> int:
    status = client.get(url).status_code
    return client.post(url).status_code if status == 405 else status


@pytest.mark.django_db
def test_every_url_with_an_id_answers_a_20_digit_id_with_404(personas, client):
    client.force_login(personas.staff)
    routes = sorted(set(_int_patterns()))
    assert len(routes) > 50
    wrong = {}
    for route in routes:
        url = _filled(route)
        status = _status(client, url)
        if status == 403:
            # A page of the member portal refuses office accounts before it looks at the id: ask as a portal account.
            client.force_login(personas.cell_secretary)
            status = _status(client, url)
            client.force_login(personas.staff)
        if status != 404:
            wrong[url] = status
    assert wrong == {}


@pytest.mark.django_db
def test_page_numbers_and_filter_ids_too_large_are_not_server_errors(personas, client):
    client.force_login(personas.staff)
    for url in [
        f"/reports/?page={HUGE}",
        "/reports/?page=1e309",
        f"/members/?page={HUGE}",
        f"/members/?organization={HUGE}",
        f"/members/new/?organization={HUGE}",
        "/members/new/?organization=²",
        f"/dashboard/?org={HUGE}",
        "/dashboard/?org=²",
        f"/inspections/?organization={HUGE}",
        f"/documents/?organization={HUGE}&year={HUGE}",
        "/calendar/?year=²",
    ]:
        assert client.get(url).status_code in (200, 404), url


@pytest.mark.django_db
def test_inspection_and_round_forms_answer_a_huge_id_with_a_form_error(personas, client):
    client.force_login(personas.staff)
    response = client.post("/reports/rounds/new/", {"kind": "annual", "period_key": "2026", "participants": [HUGE]})
    assert response.status_code == 200 and "participants" in response.context["form"].errors
    response = client.post("/inspections/new/", {"organization": HUGE, "subject_organizations": [HUGE]})
    assert response.status_code == 200
    assert {"organization", "subject_organizations"} <= set(response.context["form"].errors)


def test_plain_form_fields_that_fill_small_integer_columns_stop_at_their_range():
    from dangvu.candidates.forms import VoteForm
    from dangvu.targets.forms import TargetForm

    votes = VoteForm(data={"votes_for": "40000", "voters": "40000"}, voters_label="Số đảng viên")
    assert {"votes_for", "voters"} <= set(votes.errors)
    assert "order" in TargetForm(data={"order": "40000"}, years=[]).errors

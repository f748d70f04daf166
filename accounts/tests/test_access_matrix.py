"""Access follows the tree: every URL of the project, requested as each persona.

The personas (STYLE.md): committee staff over the whole tree, the secretary of base
organization A, the secretary of base organization B, a plain member of A, and an
anonymous visitor. The objects requested belong to A, so B's secretary must get
"not found" (the object is invisible to them), the member "forbidden" (or their own
record), the visitor the login page. `test_every_url_is_in_the_matrix` fails when a
URL is added without a row here.
"""

import datetime as dt

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from members.models import EventKind, Member, MemberEvent
from members.services import member_delete, member_event_delete, member_event_record

pytestmark = pytest.mark.django_db

LOGIN = "login"
PERSONAS = ("staff", "secretary_a", "secretary_b", "plain_member", "anonymous")


def _objects(p):
    spare = Member.objects.get(pk=p.member_a.pk)
    event = member_event_record(
        member=spare, kind=EventKind.CARD_ISSUED, by=None, on=dt.date(2022, 1, 5), card_number="55556666"
    )
    from members.tests.factories import admit

    gone = admit(p.cell_a1, full_name="Đinh Văn Xóa")
    member_delete(member=gone, by=None)
    extra = member_event_record(member=spare, kind=EventKind.REMOVED, by=None, on=dt.date(2026, 1, 5), document_no="9")
    member_event_delete(event=extra, by=None)
    from organizations.tests.factories import make_org

    empty_cell = make_org(p.org_a, kind="cell", name="Chi bộ Trống", code="A9")
    from organizations.services import organization_delete

    deleted_cell = make_org(p.org_a, kind="cell", name="Chi bộ Nhầm", code="A8")
    organization_delete(organization=deleted_cell, by=None)
    return {
        "org": p.cell_a1,
        "empty_cell": empty_cell,
        "deleted_cell": deleted_cell,
        "member": p.member_a,
        "event": event,
        "deleted_event": extra,
        "deleted_member": gone,
    }


def _holiday():
    from workcalendar.models import PublicHoliday

    return PublicHoliday.objects.first()


# name: (method, kwargs from objects, {persona: expected})
MATRIX = {
    "home": (
        "get",
        lambda o: {},
        {"staff": 302, "secretary_a": 302, "secretary_b": 302, "plain_member": 302, "anonymous": LOGIN},
    ),
    "accounts:login": (
        "get",
        lambda o: {},
        {"staff": 302, "secretary_a": 302, "secretary_b": 302, "plain_member": 302, "anonymous": 200},
    ),
    "accounts:logout": ("post", lambda o: {}, {p: 302 for p in PERSONAS}),
    "accounts:password_change": ("get", lambda o: {}, {**{p: 200 for p in PERSONAS}, "anonymous": LOGIN}),
    "accounts:password_change_done": ("get", lambda o: {}, {**{p: 200 for p in PERSONAS}, "anonymous": LOGIN}),
    "accounts:lockouts": (
        "get",
        lambda o: {},
        {"staff": 200, "secretary_a": 403, "secretary_b": 403, "plain_member": 403, "anonymous": LOGIN},
    ),
    # An empty POST lifts nothing: staff are sent back to the list.
    "accounts:lockout_unlock": (
        "post",
        lambda o: {},
        {"staff": 302, "secretary_a": 403, "secretary_b": 403, "plain_member": 403, "anonymous": LOGIN},
    ),
    "organizations:tree": (
        "get",
        lambda o: {},
        {"staff": 200, "secretary_a": 200, "secretary_b": 200, "plain_member": 403, "anonymous": LOGIN},
    ),
    "organizations:detail": (
        "get",
        lambda o: {"pk": o["org"].pk},
        {"staff": 200, "secretary_a": 200, "secretary_b": 404, "plain_member": 403, "anonymous": LOGIN},
    ),
    "organizations:change": (
        "get",
        lambda o: {"pk": o["org"].pk, "action": "rename"},
        {"staff": 200, "secretary_a": 200, "secretary_b": 404, "plain_member": 403, "anonymous": LOGIN},
    ),
    "organizations:delete": (
        "post",
        lambda o: {"pk": o["empty_cell"].pk},
        {"staff": 302, "secretary_a": 302, "secretary_b": 404, "plain_member": 403, "anonymous": LOGIN},
    ),
    "organizations:restore": (
        "post",
        lambda o: {"pk": o["deleted_cell"].pk},
        {"staff": 302, "secretary_a": 302, "secretary_b": 403, "plain_member": 403, "anonymous": LOGIN},
    ),
    "members:list": (
        "get",
        lambda o: {},
        {"staff": 200, "secretary_a": 200, "secretary_b": 200, "plain_member": 403, "anonymous": LOGIN},
    ),
    "members:create": (
        "get",
        lambda o: {},
        {"staff": 200, "secretary_a": 200, "secretary_b": 200, "plain_member": 403, "anonymous": LOGIN},
    ),
    "members:trash": (
        "get",
        lambda o: {},
        {"staff": 200, "secretary_a": 200, "secretary_b": 200, "plain_member": 403, "anonymous": LOGIN},
    ),
    "members:detail": (
        "get",
        lambda o: {"pk": o["member"].pk},
        {"staff": 200, "secretary_a": 200, "secretary_b": 404, "plain_member": 200, "anonymous": LOGIN},
    ),
    "members:edit": (
        "get",
        lambda o: {"pk": o["member"].pk},
        {"staff": 200, "secretary_a": 200, "secretary_b": 404, "plain_member": 403, "anonymous": LOGIN},
    ),
    # The member in the matrix has no photo: visible → 404 "no photo"; invisible → 404 as well.
    "members:photo": (
        "get",
        lambda o: {"pk": o["member"].pk},
        {"staff": 404, "secretary_a": 404, "secretary_b": 404, "plain_member": 404, "anonymous": LOGIN},
    ),
    "members:delete": (
        "post",
        lambda o: {"pk": o["member"].pk},
        {"staff": 302, "secretary_a": 302, "secretary_b": 404, "plain_member": 403, "anonymous": LOGIN},
    ),
    "members:restore": (
        "post",
        lambda o: {"pk": o["deleted_member"].pk},
        {"staff": 302, "secretary_a": 302, "secretary_b": 404, "plain_member": 403, "anonymous": LOGIN},
    ),
    "members:event_create": (
        "get",
        lambda o: {"pk": o["member"].pk, "kind": "transferred_out"},
        {"staff": 200, "secretary_a": 200, "secretary_b": 404, "plain_member": 403, "anonymous": LOGIN},
    ),
    "members:event_delete": (
        "post",
        lambda o: {"pk": o["event"].pk},
        {"staff": 302, "secretary_a": 302, "secretary_b": 404, "plain_member": 403, "anonymous": LOGIN},
    ),
    "members:event_restore": (
        "post",
        lambda o: {"pk": o["deleted_event"].pk},
        {"staff": 302, "secretary_a": 302, "secretary_b": 404, "plain_member": 403, "anonymous": LOGIN},
    ),
    "workcalendar:list": (
        "get",
        lambda o: {},
        {"staff": 200, "secretary_a": 403, "secretary_b": 403, "plain_member": 403, "anonymous": LOGIN},
    ),
    "workcalendar:delete": (
        "post",
        lambda o: {"pk": _holiday().pk},
        {"staff": 302, "secretary_a": 403, "secretary_b": 403, "plain_member": 403, "anonymous": LOGIN},
    ),
    "checker:upload": (
        "get",
        lambda o: {},
        {"staff": 200, "secretary_a": 200, "secretary_b": 200, "plain_member": 403, "anonymous": LOGIN},
    ),
    # A POST without a file: the form is shown again with its message (400), never an error page.
    "checker:check": (
        "post",
        lambda o: {},
        {"staff": 400, "secretary_a": 400, "secretary_b": 400, "plain_member": 403, "anonymous": LOGIN},
    ),
    # Django's admin is for superusers only (none of the personas is staff in Django's sense).
    "admin:index": ("get", lambda o: {}, {p: 302 for p in PERSONAS}),
}
# The admin beyond its index is Django's own.
EXEMPT_NAMESPACES = ("admin",)


def _app_matrices():
    """Rows contributed by each app in `<app>/tests/access.py`: `MATRIX` and an optional `objects(personas)`."""
    from importlib import import_module

    from django.apps import apps

    matrix, builders = {}, []
    for config in apps.get_app_configs():
        try:
            module = import_module(f"{config.name}.tests.access")
        except ModuleNotFoundError as missing:
            if missing.name not in (f"{config.name}.tests", f"{config.name}.tests.access"):
                raise
            continue
        matrix.update(module.MATRIX)
        if hasattr(module, "objects"):
            builders.append(module.objects)
    return matrix, builders


APP_MATRIX, APP_OBJECT_BUILDERS = _app_matrices()
MATRIX.update(APP_MATRIX)


def _url_names(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _url_names(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}"


def test_every_url_is_in_the_matrix():
    names = {n for n in _url_names() if not n.startswith(EXEMPT_NAMESPACES)}
    assert names - set(MATRIX) == set(), "add these URLs to the access matrix"


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_access_follows_the_tree(client, personas, name, persona):
    method, kwargs, expected = MATRIX[name]
    objects = _objects(personas)
    for build in APP_OBJECT_BUILDERS:
        objects.update(build(personas))
    if persona != "anonymous":
        client.force_login(getattr(personas, persona))
    url = reverse(name, kwargs=kwargs(objects))
    response = getattr(client, method)(url)
    want = expected[persona]
    if want == LOGIN:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
    else:
        assert response.status_code == want, f"{persona} {method.upper()} {url}"


def test_a_member_account_sees_only_its_own_record(client, personas):
    client.force_login(personas.plain_member)
    assert client.get(reverse("members:detail", kwargs={"pk": personas.member_a.pk})).status_code == 200
    assert client.get(reverse("members:detail", kwargs={"pk": personas.member_b.pk})).status_code == 404


def test_sensitive_data_views_are_logged(client, personas):
    from accounts.models import SensitiveDataAccess

    client.force_login(personas.staff)
    client.get(reverse("members:detail", kwargs={"pk": personas.member_a.pk}))
    assert SensitiveDataAccess.objects.filter(user=personas.staff, member=personas.member_a).count() == 1


def test_an_event_cannot_be_recorded_into_another_subtree(client, personas):
    """A secretary of A cannot move a member into B's cell: B is not among the choices."""
    client.force_login(personas.secretary_a)
    url = reverse("members:event_create", kwargs={"pk": personas.member_a.pk, "kind": "transferred_out"})
    response = client.post(
        url, {"on": "01/02/2026", "transfer_mode": "official", "counterpart": personas.org_b.pk, "document_no": "1"}
    )
    assert response.status_code == 200
    assert MemberEvent.objects.filter(member=personas.member_a, kind="transferred_out").count() == 0

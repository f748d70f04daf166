"""Access follows the tree: every URL of the project, requested as each persona.

The personas (STYLE.md): committee staff over the whole tree, the committee's inspection
staff, the secretary of base organization A, the secretary of base organization B, a plain
member of A, and an anonymous visitor. The objects requested belong to A, so B's secretary
must get "not found" (the object is invisible to them), the member "forbidden" (or their own
record), the visitor the login page. The inspection staff see what committee staff see and
change only the records of inspection work (each app's `INSPECTOR` lists their answers).
`test_every_url_is_in_the_matrix` fails when a URL is added without a row here.

A row is (method, URL kwargs, answers) and may add `Post(payload, answers)`: a real, valid form
POST to the same URL. Every POST is checked for its effect, not only its status: a refused write
(403, 404, 401, the login page, a form shown again) leaves every table as it was; an accepted one
(a redirect, 201, 204) changes it.
"""

import copy
import datetime as dt

import pytest
from django.apps import apps
from django.db import connection
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from dangvu.accounts.tests.matrix import Post, from_form  # noqa: F401  (rows use them)
from dangvu.members.models import EventKind, Member, MemberEvent
from dangvu.members.services import member_delete, member_event_delete, member_event_record

# The personas and every app's objects are built once for the whole module (see `_world`).
pytestmark = [pytest.mark.django_db, pytest.mark.shared_setup]

LOGIN = "login"
PERSONAS = ("staff", "inspector", "secretary_a", "secretary_b", "plain_member", "cell_secretary", "anonymous")


def _objects(p):
    spare = Member.objects.get(pk=p.member_a.pk)
    event = member_event_record(
        member=spare, kind=EventKind.CARD_ISSUED, by=None, on=dt.date(2022, 1, 5), card_number="55556666"
    )
    from dangvu.members.tests.factories import admit

    gone = admit(p.cell_a1, full_name="Đinh Văn Xóa")
    member_delete(member=gone, by=None)
    extra = member_event_record(member=spare, kind=EventKind.REMOVED, by=None, on=dt.date(2026, 1, 5), document_no="9")
    member_event_delete(event=extra, by=None)
    from dangvu.organizations.tests.factories import make_org

    empty_cell = make_org(p.org_a, kind="cell", name="Chi bộ Trống", code="A9")
    from dangvu.organizations.services import organization_delete

    deleted_cell = make_org(p.org_a, kind="cell", name="Chi bộ Nhầm", code="A8")
    organization_delete(organization=deleted_cell, by=None)
    return {
        "org": p.cell_a1,
        "org_b": p.org_b,
        "empty_cell": empty_cell,
        "deleted_cell": deleted_cell,
        "member": p.member_a,
        "event": event,
        "deleted_event": extra,
        "deleted_member": gone,
    }


def _holiday():
    from dangvu.workcalendar.models import PublicHoliday

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
        Post(
            from_form(lambda o: {"name": "Chi bộ Văn phòng Sở", "on": "01/06/2026", "document_no": "12-QĐ/ĐU"}),
            {
                "staff": 302,
                "inspector": 403,
                "secretary_a": 302,
                "secretary_b": 404,
                "plain_member": 403,
                "anonymous": LOGIN,
            },
        ),
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
        # The cell secretary is a member account on the office screens: another member's record is not theirs.
        {
            "staff": 200,
            "secretary_a": 200,
            "secretary_b": 404,
            "plain_member": 200,
            "cell_secretary": 404,
            "anonymous": LOGIN,
        },
    ),
    "members:edit": (
        "get",
        lambda o: {"pk": o["member"].pk},
        {"staff": 200, "secretary_a": 200, "secretary_b": 404, "plain_member": 403, "anonymous": LOGIN},
        Post(
            from_form(lambda o: {"full_name": "Nguyễn Văn Ân"}),
            {
                "staff": 302,
                "inspector": 403,
                "secretary_a": 302,
                "secretary_b": 404,
                "plain_member": 403,
                "anonymous": LOGIN,
            },
        ),
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
        # A move to B: staff may make it; A's secretary cannot pick B (the form says so, nothing written).
        Post(
            lambda o: {
                "on": "01/02/2026",
                "transfer_mode": "official",
                "counterpart": o["org_b"].pk,
                "document_no": "1",
            },
            {
                "staff": 302,
                "inspector": 403,
                "secretary_a": 200,
                "secretary_b": 404,
                "plain_member": 403,
                "anonymous": LOGIN,
            },
        ),
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
# The inspection staff's answer to each row (rows may also name "inspector" themselves): they see
# the tree as committee staff do and change no registry record.
INSPECTOR = {
    "home": 302,
    "accounts:login": 302,
    "accounts:logout": 302,
    "accounts:lockouts": 403,
    "accounts:lockout_unlock": 403,
    "organizations:tree": 200,
    "organizations:detail": 200,
    "organizations:change": 403,
    "organizations:delete": 403,
    "organizations:restore": 403,
    "members:list": 200,
    "members:create": 403,
    "members:trash": 403,
    "members:detail": 200,
    "members:edit": 403,
    "members:photo": 404,
    "members:delete": 403,
    "members:restore": 403,
    "members:event_create": 403,
    "members:event_delete": 403,
    "members:event_restore": 403,
    "workcalendar:list": 403,
    "workcalendar:delete": 403,
    "checker:upload": 200,
    "checker:check": 400,
    "admin:index": 302,
}
# The admin beyond its index is Django's own.
EXEMPT_NAMESPACES = ("admin",)


def _app_matrices():
    """Rows contributed by each app in `<app>/tests/access.py`: `MATRIX` and an optional `objects(personas)`."""
    from importlib import import_module

    matrix, builders, inspector = {}, [], {}
    for config in apps.get_app_configs():
        try:
            module = import_module(f"{config.name}.tests.access")
        except ModuleNotFoundError as missing:
            if missing.name not in (f"{config.name}.tests", f"{config.name}.tests.access"):
                raise
            continue
        matrix.update(module.MATRIX)
        inspector.update(getattr(module, "INSPECTOR", {}))
        if hasattr(module, "objects"):
            builders.append(module.objects)
    return matrix, builders, inspector


APP_MATRIX, APP_OBJECT_BUILDERS, APP_INSPECTOR = _app_matrices()
MATRIX.update(APP_MATRIX)
INSPECTOR.update(APP_INSPECTOR)


def _url_names(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _url_names(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}"


def _cases() -> dict:
    """Every request the matrix makes, by id: (name, method, kwargs, answers, payload or None)."""
    cases = {}
    for name in sorted(MATRIX):
        method, kwargs, expected, *posts = MATRIX[name]
        cases[f"{name} {method}"] = (name, method, kwargs, expected, None)
        for n, post in enumerate(posts, 1):
            cases[f"{name} post-{n}"] = (name, "post", kwargs, post.expected, post.payload)
    return cases


CASES = _cases()


def _answer(name, expected, persona, payload):
    """The answer a row gives a persona. The cell secretary is a member account on the office screens: a row that
    does not name them answers them as it answers the plain member (the portal's own rows name them)."""
    if persona in expected:
        return expected[persona]
    if persona == "cell_secretary" and "plain_member" in expected:
        return expected["plain_member"]
    if payload:
        return expected[persona]
    return INSPECTOR[name]


def test_every_url_is_in_the_matrix():
    names = {n for n in _url_names() if not n.startswith(EXEMPT_NAMESPACES)}
    assert names - set(MATRIX) == set(), "add these URLs to the access matrix"


def test_the_inspector_has_an_answer_for_every_url():
    silent = {name for name, row in MATRIX.items() if "inspector" not in row[2]} - set(INSPECTOR)
    assert silent == set(), "add the inspection staff's answer to the row or to the app's INSPECTOR"


# Tables a request may touch without changing a record: the session, the log of sensitive reads.
UNTRACKED = {"django_session", "accounts_sensitivedataaccess"}


def _tracked_tables() -> list[str]:
    return sorted(
        {
            model._meta.db_table
            for model in apps.get_models(include_auto_created=True)
            if model._meta.managed and not model._meta.proxy and model._meta.db_table not in UNTRACKED
        }
    )


TRACKED = _tracked_tables()


def _fingerprint() -> dict:
    """Rows per table of every app (history tables included: an edit or a soft delete adds a history row),
    counted in one statement: a refused POST must leave every one of them as it was."""
    quote = connection.ops.quote_name
    counts = ", ".join(f"(SELECT COUNT(*) FROM {quote(table)})" for table in TRACKED)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {counts}")
        return dict(zip(TRACKED, cursor.fetchone(), strict=True))


# Answers to a POST that mean "nothing was written".
REFUSED = {LOGIN, 400, 401, 403, 404, 405, 200}
# Answers to a POST that mean "written".
ACCEPTED = {201, 204, 302}
# POSTs whose 302 writes no record (a session ends; Django's admin sends non-superusers to its login; an
# empty unlock lifts no lock).
NO_RECORD = {"accounts:logout", "admin:index", "accounts:lockout_unlock"}


@pytest.fixture(scope="module")
def _world(module_personas, django_db_blocker):
    """Every app's objects, built once for the module beside its personas (conftest.py `module_db`); each
    case runs in a savepoint rolled back at its end, so a POST that deletes or edits one leaves it for the next."""
    with django_db_blocker.unblock():
        objects = _objects(module_personas)
        for build in APP_OBJECT_BUILDERS:
            objects.update(build(module_personas))
    return module_personas, objects


@pytest.fixture
def world(_world, db):
    """A copy of the module's personas and objects: the rows are shared, the Python objects are the case's own."""
    return copy.deepcopy(_world)


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("case", sorted(CASES))
def test_access_follows_the_tree(client, world, case, persona):
    name, method, kwargs, expected, payload = CASES[case]
    personas, objects = world
    url = reverse(name, kwargs=kwargs(objects))
    data = payload(objects) if payload else None
    if callable(data):  # a payload read from the form as its owner sees it (see `from_form`)
        data = data(client, url, personas)
        client.logout()
    if persona != "anonymous":
        client.force_login(getattr(personas, persona))
    want = _answer(name, expected, persona, payload)
    writes = method != "get"
    before = _fingerprint() if writes else None
    if method == "get":
        response = client.get(url)
    else:
        response = client.post(url, data or {})
    if want == LOGIN:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
    else:
        form = (getattr(response, "context", None) or {}).get("form")
        assert response.status_code == want, f"{persona} {method.upper()} {url} {form.errors if form else ''}"
    if not writes or name in NO_RECORD:
        return
    after = _fingerprint()
    if want in REFUSED:
        changed = {t: (before[t], after[t]) for t in before if before[t] != after[t]}
        assert changed == {}, f"a refused {persona} POST {url} still wrote: {changed}"
    elif want in ACCEPTED and payload:
        # Only a real payload must write: a bare POST may be answered with a redirect and a message
        # (nothing to commit, a job not in a state to retry), which is not a refusal of access.
        assert after != before, f"an accepted {persona} POST {url} wrote nothing"


def test_a_member_account_sees_only_its_own_record(client, personas):
    client.force_login(personas.plain_member)
    assert client.get(reverse("members:detail", kwargs={"pk": personas.member_a.pk})).status_code == 200
    assert client.get(reverse("members:detail", kwargs={"pk": personas.member_b.pk})).status_code == 404


def test_sensitive_data_views_are_logged(client, personas):
    from dangvu.accounts.models import SensitiveDataAccess

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

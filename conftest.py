import os

os.environ.setdefault("DANGVU_DEV", "1")
# Playwright's sync API runs an event loop in the test thread; Django refuses ORM calls there otherwise.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import copy  # noqa: E402
import datetime as dt  # noqa: E402
from dataclasses import dataclass  # noqa: E402

import pytest  # noqa: E402


@dataclass
class Personas:
    """The people every access test runs as (STYLE.md): a tree with two base organizations."""

    committee: object
    org_a: object
    cell_a1: object
    cell_a2: object
    org_b: object
    staff: object
    inspector: object
    secretary_a: object
    secretary_b: object
    plain_member: object
    # The secretary of cell A1 on the member portal (a member of A1 with the cell-secretary role).
    cell_secretary: object
    member_a: object
    member_b: object


def build_personas() -> Personas:
    from dangvu.accounts.models import Role, User
    from dangvu.members.tests.factories import admit
    from dangvu.organizations.models import OrganizationKind
    from dangvu.organizations.tests.factories import make_org

    committee = make_org(None, name="Đảng bộ Khối các cơ quan tỉnh", code="DUK")
    org_a = make_org(committee, kind=OrganizationKind.BASE_PARTY_COMMITTEE, name="Đảng bộ Sở Tài chính", code="A")
    cell_a1 = make_org(org_a, kind=OrganizationKind.CELL, name="Chi bộ Văn phòng", code="A1")
    cell_a2 = make_org(org_a, kind=OrganizationKind.CELL, name="Chi bộ Thanh tra", code="A2")
    org_b = make_org(committee, kind=OrganizationKind.BASE_CELL, name="Chi bộ Sở Tư pháp", code="B")
    member_a = admit(cell_a1, full_name="Nguyễn Văn An", national_id="001085000001")
    member_b = admit(org_b, full_name="Trần Thị Bình", national_id="001085000002")
    secretary_of_a1 = admit(cell_a1, full_name="Lê Thị Cúc", national_id="001085000003")

    def user(username, role, organization=None, member=None):
        return User.objects.create_user(
            username=username, password="pw-" + username, role=role, organization=organization, member=member
        )

    return Personas(
        committee=committee,
        org_a=org_a,
        cell_a1=cell_a1,
        cell_a2=cell_a2,
        org_b=org_b,
        staff=user("staff", Role.COMMITTEE_STAFF, committee),
        # Staff of the committee's inspection committee (Ủy ban Kiểm tra): sees the whole tree, keeps
        # the inspection committee's records, changes no registry record.
        inspector=user("ubkt_staff", Role.INSPECTION_STAFF, committee),
        secretary_a=user("sec_a", Role.SECRETARY, org_a),
        secretary_b=user("sec_b", Role.SECRETARY, org_b),
        plain_member=user("member_a", Role.MEMBER, member=member_a),
        cell_secretary=user("cell_sec_a1", Role.CELL_SECRETARY, cell_a1, member=secretary_of_a1),
        member_a=member_a,
        member_b=member_b,
    )


FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    return bool(
        {"transactional_db", "live_server", "django_db_serialized_rollback"} & set(item.fixturenames)
        or (marker and (marker.kwargs.get("transaction") or marker.kwargs.get("serialized_rollback")))
    )


@pytest.fixture(scope="module")
def module_db(request, django_db_setup, django_db_blocker):
    """One transaction around a whole module, rolled back at its end: what the module's fixtures build in it is
    built once and shared. Each test still runs in its own savepoint inside it (pytest-django's `db`), rolled
    back when the test ends, so every test sees the shared rows as they were built - Django's
    `TestCase.setUpTestData` for pytest. A test that commits for real (transactional_db, live_server) cannot
    run inside it: such a module must not share its setup."""
    from django.db import transaction

    mixed = [i.name for i in request.session.items if i.module is request.module and _transactional(i)]
    if mixed:
        pytest.fail(f"{request.module.__name__} shares its setup but has transactional tests: {mixed}")
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
    try:
        yield
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture(scope="module")
def module_personas(module_db, django_db_blocker):
    """The personas, built once for the module (see `module_db`); tests get a fresh copy through `personas`."""
    from django.test import override_settings

    with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=FAST_HASHERS):
        return build_personas()


@pytest.fixture(scope="module")
def _personas_of_module(request):
    """The module's shared personas when it asks for them (`pytestmark = pytest.mark.shared_setup`), else None."""
    if request.node.get_closest_marker("shared_setup"):
        return request.getfixturevalue("module_personas")
    return None


@pytest.fixture
def personas(_personas_of_module, db):
    """The personas: built for this test, or - in a module marked `shared_setup` - a copy of the module's
    (the rows are the module's, rolled back to as they were after each test; the Python objects are copied
    so that a test changing one in memory does not reach the next, as `setUpTestData` does)."""
    if _personas_of_module is None:
        return build_personas()
    return copy.deepcopy(_personas_of_module)


@pytest.fixture
def today():
    return dt.date(2026, 11, 22)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: the ids that cache keys are made of (history rows) come back
    after the rollback that ends a test, so a value remembered by one test must not reach the next."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Real hashing costs ~0.3 s per user; tests do not need its strength."""
    settings.PASSWORD_HASHERS = FAST_HASHERS


CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ARTIFACTS = os.path.join(os.path.dirname(__file__), "test-artifacts")


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-quic",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN", base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def phone(browser, live_server):
    """A page on a 390-pixel-wide phone (the member portal's pages are built for it)."""
    context = browser.new_context(
        viewport={"width": 390, "height": 844},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        locale="vi-VN",
        base_url=live_server.url,
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def fits_phone(page) -> bool:
    """No sideways scrolling on the phone: the page is no wider than the viewport."""
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


@pytest.fixture
def screenshot(page):
    def take(name: str) -> str:
        os.makedirs(ARTIFACTS, exist_ok=True)
        path = os.path.join(ARTIFACTS, f"{name}.png")
        page.screenshot(path=path, full_page=True)
        return path

    return take


def log_in(page, username: str, password: str) -> None:
    page.goto("/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    with page.expect_navigation():
        page.click("main button[type=submit]")
    assert "/accounts/login/" not in page.url, "login failed"

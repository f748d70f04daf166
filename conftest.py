import os

os.environ.setdefault("DANGVU_DEV", "1")
# Playwright's sync API runs an event loop in the test thread; Django refuses ORM calls there otherwise.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

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
    secretary_a: object
    secretary_b: object
    plain_member: object
    member_a: object
    member_b: object


@pytest.fixture
def personas(db):
    from accounts.models import Role, User
    from members.tests.factories import admit
    from organizations.models import OrganizationKind
    from organizations.tests.factories import make_org

    committee = make_org(None, name="Đảng bộ Khối các cơ quan tỉnh", code="DUK")
    org_a = make_org(committee, kind=OrganizationKind.BASE_PARTY_COMMITTEE, name="Đảng bộ Sở Tài chính", code="A")
    cell_a1 = make_org(org_a, kind=OrganizationKind.CELL, name="Chi bộ Văn phòng", code="A1")
    cell_a2 = make_org(org_a, kind=OrganizationKind.CELL, name="Chi bộ Thanh tra", code="A2")
    org_b = make_org(committee, kind=OrganizationKind.BASE_CELL, name="Chi bộ Sở Tư pháp", code="B")
    member_a = admit(cell_a1, full_name="Nguyễn Văn An", national_id="001085000001")
    member_b = admit(org_b, full_name="Trần Thị Bình", national_id="001085000002")

    def user(username, role, organization=None, member=None):
        u = User.objects.create_user(username=username, password="pw-" + username, role=role,
                                     organization=organization, member=member)
        return u

    return Personas(
        committee=committee, org_a=org_a, cell_a1=cell_a1, cell_a2=cell_a2, org_b=org_b,
        staff=user("staff", Role.COMMITTEE_STAFF, committee),
        secretary_a=user("sec_a", Role.SECRETARY, org_a),
        secretary_b=user("sec_b", Role.SECRETARY, org_b),
        plain_member=user("member_a", Role.MEMBER, member=member_a),
        member_a=member_a, member_b=member_b,
    )


@pytest.fixture
def today():
    return dt.date(2026, 11, 22)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Real hashing costs ~0.3 s per user; tests do not need its strength."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

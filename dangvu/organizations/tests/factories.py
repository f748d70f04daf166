import datetime as dt
import itertools

from dangvu.organizations.models import Organization, OrganizationKind
from dangvu.organizations.services import organization_found

_codes = itertools.count(1)


def make_org(
    parent: Organization | None = None,
    *,
    kind: str | None = None,
    name: str | None = None,
    code: str | None = None,
    on: dt.date = dt.date(1970, 1, 1),
    **extra,
) -> Organization:
    """An organization founded through the service, so its event and version exist as in real use."""
    if kind is None:
        kind = (
            OrganizationKind.COMMITTEE
            if parent is None
            else (
                OrganizationKind.CELL
                if parent.kind in ("base_party_committee", "sub_committee")
                else OrganizationKind.BASE_PARTY_COMMITTEE
            )
        )
    number = next(_codes)
    org = organization_found(
        parent=parent,
        code=code or f"T{number:04d}",
        name=name or f"Tổ chức {number}",
        kind=kind,
        on=on,
        by=None,
        **extra,
    )
    org.refresh_from_db()
    return org

"""Precision as a property: every report the system generates gets zero findings from the checker.

The generator and the checker test each other: a finding here is either a wrong sentence in a draft
(a sum that does not add up) or a false alarm of the checker. Every kind of report, for the whole tree
and for a base organization, over several periods of the demo data.
"""

import datetime as dt
import tempfile
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import transaction

from dangvu.checker.services import check_report_file
from dangvu.organizations.models import Organization, OrganizationKind
from dangvu.reports.compile import compile_report
from dangvu.reports.docx_writer import write_docx
from dangvu.reports.periods import Kind

TODAY = dt.date(2026, 10, 31)
PERIODS = {
    Kind.MONTHLY: ["2023-04", "2024-10", "2026-03"],
    Kind.QUARTERLY: ["2024-Q2", "2025-Q4"],
    Kind.HALF_YEAR: ["2021-H1", "2024-H1", "2025-H2"],
    Kind.NINE_MONTH: ["2023-9M", "2025-9M"],
    Kind.ANNUAL: ["2022", "2023", "2025"],
    Kind.MID_TERM: ["2020-2025"],
    Kind.TERM_END: ["2020-2025"],
}
CASES = [(kind, key) for kind, keys in PERIODS.items() for key in keys]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The small demo, seeded once for the module inside a transaction that is rolled back after it, so the
    rows the migrations put in the database (sentence templates, holidays) stay for the tests that follow."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", "--size", "small", "--seed", "1", stdout=StringIO())
        yield
        transaction.set_rollback(True)


def _base_organization() -> Organization:
    """The first organization under the top committee that has organizations of its own (chi bộ trực thuộc)."""
    return (
        Organization.objects.filter(kind=OrganizationKind.BASE_PARTY_COMMITTEE, deleted_at__isnull=True, numchild__gt=0)
        .order_by("path")
        .first()
    )


def findings_on(kind: str, key: str, organization) -> list:
    compiled = compile_report(kind=kind, period_key=key, organization=organization, today=TODAY)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "report.docx"
        path.write_bytes(write_docx(compiled))
        return check_report_file(path=path).findings


def _describe(findings) -> str:
    return "\n".join(f"[{f.kind}] {f.location}: {f.message} « {f.excerpt} »" for f in findings)


@pytest.mark.django_db
@pytest.mark.parametrize(("kind", "key"), CASES)
def test_every_generated_report_of_the_whole_tree_has_no_findings(demo, kind, key):
    findings = findings_on(kind, key, None)
    assert not findings, _describe(findings)


@pytest.mark.django_db
@pytest.mark.parametrize(("kind", "key"), CASES)
def test_every_generated_report_of_a_base_organization_has_no_findings(demo, kind, key):
    findings = findings_on(kind, key, _base_organization())
    assert not findings, _describe(findings)

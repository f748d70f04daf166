import datetime as dt
from collections import Counter
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from dangvu.accounts.access import organization_filter
from dangvu.accounts.models import User
from dangvu.accounts.policy import in_scope
from dangvu.lib.screens import HISTORY_ROWS
from dangvu.lib.vntext import fold
from dangvu.reports.models import Report, ReportSection, ReportStatus, Round

STATE_LABELS = {"not_started": _("Not started"), "draft": _("Draft"), "submitted": _("Submitted"), "late": _("Late")}


def report_list(*, user: User) -> QuerySet[Report]:
    return (
        Report.objects.filter(organization_filter(user, "organization__"), deleted_at__isnull=True)
        .select_related("organization", "created_by", "round")
        .order_by("-updated_at")
    )


def report_get(*, user: User, pk: int) -> Report:
    return report_list(user=user).get(pk=pk)


def round_list(*, user: User) -> QuerySet[Round]:
    """Rounds opened by a committee the user is in charge of, or that ask the user's organizations for a report."""
    own = Round.objects.filter(organization_filter(user, "organization__"))
    asked = Round.objects.filter(organization_filter(user, "participants__"))
    return (own | asked).distinct().select_related("organization").order_by("-created_at")


def round_get(*, user: User, pk: int) -> Round:
    return round_list(user=user).get(pk=pk)


def section_history(*, report: Report, limit: int = HISTORY_ROWS) -> QuerySet:
    """The versions of the report's sections, newest first, with who wrote each."""
    return (
        ReportSection.history.filter(report_id=report.pk)
        .select_related("history_user")
        .order_by("-history_date", "-history_id")[:limit]
    )


@dataclass(frozen=True)
class RoundBoardFilters:
    q: str = ""  # words of the organization's name or code, accents ignored
    state: str = ""  # one of STATE_LABELS, or every state


def board_counts(rows: list[dict]) -> list[tuple[str, str, int]]:
    """(state, label, how many rows) for each state, in the board's order, for the filter's links."""
    counts = Counter(row["state"] for row in rows)
    return [(state, str(label), counts.get(state, 0)) for state, label in STATE_LABELS.items()]


def filter_board(rows: list[dict], filters: RoundBoardFilters) -> list[dict]:
    words = fold(filters.q).split()
    return [
        row
        for row in rows
        if (not filters.state or row["state"] == filters.state)
        and all(w in fold(f"{row['organization'].name} {row['organization'].code}") for w in words)
    ]


def round_board(*, round_: Round, user: User, today: dt.date) -> list[dict]:
    """One row per organization asked for a report: its latest report (a submitted one first), its state
    (not started, draft, submitted, late after the due date) and whether it is the user's (`mine`).

    The committee that opened the round sees every row; an organization asked for a report sees its own only."""
    reports = {}
    for report in round_.reports.filter(deleted_at__isnull=True).order_by("version"):
        current = reports.get(report.organization_id)
        if current is None or report.status == ReportStatus.SUBMITTED or current.status != ReportStatus.SUBMITTED:
            reports[report.organization_id] = report
    late = today > round_.due_on
    participants = round_.participants.order_by("path")
    if not in_scope(user, round_.organization):
        participants = participants.filter(organization_filter(user))
    rows = []
    for organization in participants:
        report = reports.get(organization.pk)
        if report is not None and report.status == ReportStatus.SUBMITTED:
            state = "submitted"
        elif late:
            state = "late"
        else:
            state = "draft" if report is not None else "not_started"
        rows.append(
            {
                "organization": organization,
                "report": report,
                "state": state,
                "label": str(STATE_LABELS[state]),
                "mine": in_scope(user, organization),
            }
        )
    return rows

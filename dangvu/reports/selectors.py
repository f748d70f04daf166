from django.db.models import QuerySet

from dangvu.accounts.access import organization_filter
from dangvu.accounts.models import User
from dangvu.reports.models import Report, Round


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

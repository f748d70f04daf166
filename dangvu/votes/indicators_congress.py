"""Congress indicators: congresses held and due, the people elected (the confidence votes' are in indicators.py)."""

from django.db.models import Max, Q
from django.utils.translation import gettext_lazy as _

from dangvu.indicators.registry import Group, count_rows, figure, shared_query
from dangvu.organizations.models import OrganizationKind
from dangvu.votes import congress as rules
from dangvu.votes.models import Congress, CongressState, PollKind, PollOption, PollState

CONGRESS_KINDS = (
    OrganizationKind.BASE_PARTY_COMMITTEE,
    OrganizationKind.BASE_CELL,
    OrganizationKind.CELL,
    OrganizationKind.COMMITTEE,
)


@shared_query
def _congresses(c) -> dict:
    held = c.records(Congress, "opens_on", deleted_at__isnull=True).exclude(state=CongressState.PLANNED)
    counts = held.aggregate(held=count_rows(), approved=count_rows(Q(state=CongressState.APPROVED)))
    # Due: organizations alive at the end whose next congress, counted from the last one held before the period,
    # falls due by the period's end (those overdue from earlier included); an organization with no congress
    # recorded has no due date and is not counted.
    organizations = {
        o.pk: o for o in c.organizations_at_end().filter(kind__in=CONGRESS_KINDS).only("pk", "kind", "path")
    }
    last = (
        Congress.objects.filter(organization_id__in=list(organizations), deleted_at__isnull=True, opens_on__lt=c.start)
        .exclude(state=CongressState.PLANNED)
        .values("organization_id")
        .annotate(last=Max("opens_on"))
    )
    held_in_period = set(held.values_list("organization_id", flat=True))
    due = [
        row["organization_id"]
        for row in last
        if rules.due_on(organizations[row["organization_id"]], row["last"]) <= c.end
    ]
    counts["due"] = len(due)
    counts["due_held"] = sum(1 for pk in due if pk in held_in_period)
    counts["elected"] = (
        PollOption.objects.filter(
            poll__kind=PollKind.ELECTION,
            poll__state=PollState.PUBLISHED,
            poll__held_on__gte=c.start,
            poll__held_on__lte=c.end,
            elected=True,
        )
        .filter(c.in_subtree("poll__organization__"))
        .count()
    )
    return counts


congress = dict(source=_congresses, group=Group.ORGANIZATION)
figure(
    key="held",
    code="votes.congresses_held",
    label=_("Congresses held"),
    unit=_("congresses"),
    doc="Congresses of organizations of the subtree opened in the period (held, submitted or approved).",
    example="Có 46/46 chi bộ tổ chức đại hội nhiệm kỳ 2025-2027",
    **congress,
)
figure(
    key="approved",
    code="votes.congresses_approved",
    label=_("Congresses whose results were approved"),
    unit=_("congresses"),
    doc="Congresses opened in the period whose results the higher committee approved (chuẩn y).",
    **congress,
)
figure(
    key="due",
    code="votes.congresses_due",
    label=_("Congresses due"),
    unit=_("organizations"),
    doc="Organizations of the subtree alive at the period's end whose next congress - counted from the last one held "
    "before the period: a cell under a base committee every 30 months, others every 5 years - falls due by the "
    "period's end.",
    as_of_end=True,
    **congress,
)
figure(
    key="due_held",
    code="votes.congresses_due_held",
    label=_("Congresses due and held"),
    unit=_("organizations"),
    doc="Of the organizations whose congress was due by the period's end, those that held it in the period.",
    example="Có 42/46 đơn vị tổ chức đại hội",
    **congress,
)
figure(
    key="elected",
    code="votes.congress_elected",
    label=_("People elected at congresses"),
    unit=_("people"),
    doc="Candidates elected in published election results of congresses of the subtree held in the period.",
    **congress,
)

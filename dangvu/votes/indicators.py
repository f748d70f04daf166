"""Confidence-vote indicators (QĐ 96-QĐ/TW): units that held a vote over units that should ("Có 42/46 đơn vị thực
hiện"), and the people voted on by outcome. The congress indicators are in `indicators_congress.py`."""

from functools import partial

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from dangvu.indicators.registry import Computation, Group, count_rows, figure, rate, shared_query
from dangvu.lib.numbers import format_int
from dangvu.votes.models import Outcome, PollKind, PollOption, PollState

G = Group.ORGANIZATION
COUNTED = (PollState.FINISHED, PollState.PUBLISHED)


@shared_query
def _confidence(c: Computation) -> dict:
    from dangvu.cadres.models import CommitteeAppointment
    from dangvu.votes.models import Poll

    held = set(
        c.records(Poll, "held_on", kind=PollKind.CONFIDENCE, state__in=COUNTED).values_list(
            "organization_id", flat=True
        )
    )
    # A unit should hold a vote when someone holds a committee post of it on the last day of the period.
    alive = c.organizations_at_end().values("pk")
    should = set(
        CommitteeAppointment.objects.filter(c.in_subtree(), organization_id__in=alive, decided_on__lte=c.end)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gt=c.end))
        .values_list("organization_id", flat=True)
    )
    people = (
        PollOption.objects.filter(
            poll__kind=PollKind.CONFIDENCE,
            poll__state__in=COUNTED,
            poll__held_on__gte=c.start,
            poll__held_on__lte=c.end,
        )
        .filter(c.in_subtree("poll__organization__"))
        .aggregate(
            total=count_rows(),
            kept=count_rows(Q(outcome=Outcome.KEPT)),
            over_half=count_rows(Q(outcome=Outcome.OVER_HALF_LOW)),
            two_thirds=count_rows(Q(outcome=Outcome.TWO_THIRDS_LOW)),
        )
    )
    return {"held": len(held), "should": len(held | should), **people}


confidence = partial(figure, _confidence, group=G)
confidence(
    "held",
    code="votes.confidence_units_held",
    label=_("Units that held confidence votes"),
    unit=_("units"),
    doc="Organizations of the subtree with a counted confidence vote (QĐ 96-QĐ/TW) held in the period.",
    example="Có 42/46 đơn vị thực hiện",
)
confidence(
    "should",
    code="votes.confidence_units_due",
    label=_("Units that should hold confidence votes"),
    unit=_("units"),
    doc="Organizations of the subtree alive on the last day with someone holding a committee post then (the "
    "holders of posts are voted on), together with those that held a vote in the period.",
    example="Có 42/46 đơn vị thực hiện",
)
rate(
    code="votes.confidence_units_held_pct",
    label=_("Share of units that held confidence votes"),
    numerator="votes.confidence_units_held",
    denominator="votes.confidence_units_due",
    group=G,
)
confidence(
    "total",
    code="votes.confidence_people",
    label=_("People voted on"),
    unit=_("people"),
    doc="People voted on in the counted confidence votes held in the period by organizations of the subtree.",
)
confidence(
    "kept",
    code="votes.confidence_people_kept",
    label=_("People voted on without consequence"),
    unit=_("people"),
    doc="People voted on in the period with half or fewer of the base rating them low.",
)
confidence(
    "over_half",
    code="votes.confidence_people_over_half_low",
    label=_("People rated low by more than half"),
    unit=_("people"),
    doc="People voted on in the period rated low by more than 1/2 and less than 2/3 of the base (out of planning, "
    "considered for reassignment or resignation).",
)
confidence(
    "two_thirds",
    code="votes.confidence_people_two_thirds_low",
    label=_("People rated low by two thirds or more"),
    unit=_("people"),
    doc="People voted on in the period rated low by 2/3 of the base or more (relieved without waiting for the "
    "end of the term).",
)


def units_sentence(held: int, due: int) -> str:
    """How the reports put it: "Có 42/46 đơn vị thực hiện"."""
    return f"Có {format_int(held)}/{format_int(due)} đơn vị thực hiện"

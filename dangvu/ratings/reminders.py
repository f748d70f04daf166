"""Notification triggers of the ratings: a season opens (members write their self-assessment), and the
self-assessments fall due (for the members who have not submitted theirs)."""

import datetime as dt

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from dangvu.members.models import MembershipSpell
from dangvu.notifications.triggers import Audience, Occurrence, trigger
from dangvu.organizations.models import Organization
from dangvu.ratings.models import RatingSeason, SeasonStatus, SelfAssessment, SelfAssessmentStatus, default_due_on


def _cells_of(season: RatingSeason):
    return (
        Organization.objects.filter(
            path__startswith=season.organization.path, kind__in=("cell", "base_cell"), deleted_at__isnull=True
        )
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gt=season.opened_on))
        .values_list("pk", flat=True)
        .order_by("path")
    )


@trigger(
    "ratings.season_opened",
    gettext_lazy("Rating season opened: write the self-assessment"),
    audiences=(Audience.CELL_MEMBERS, Audience.CELL_SECRETARY),
)
def season_opened(anchor_day: dt.date):
    url = reverse("ratings:my_self_assessment")
    for season in RatingSeason.objects.filter(opened_on=anchor_day, status=SeasonStatus.OPEN):
        title = _("The %(year)s rating season is open: write your self-assessment by %(due)s.") % {
            "year": season.year,
            "due": season.due_on.strftime("%d/%m/%Y"),
        }
        for cell_id in _cells_of(season).iterator():
            yield Occurrence(
                key=f"ratings:season:{season.pk}:opened:cell:{cell_id}",
                on=anchor_day,
                title=title,
                organization_id=cell_id,
                url=url,
            )


def _due_seasons(day: dt.date):
    default = Q(self_assessment_due_on__isnull=True, year=day.year) if day == default_due_on(day.year) else Q(pk=None)
    return RatingSeason.objects.filter(Q(self_assessment_due_on=day) | default, status=SeasonStatus.OPEN)


def self_assessment_still_due(key: str) -> bool:
    """ratings:season:<season>:self_assessment:<member>: the season is open and the member has not submitted."""
    try:
        _prefix, _season, season_id, _kind, member_id = key.split(":")
    except ValueError:
        return False
    return (
        RatingSeason.objects.filter(pk=season_id, status=SeasonStatus.OPEN).exists()
        and not SelfAssessment.objects.filter(
            season_id=season_id, member_id=member_id, status=SelfAssessmentStatus.SUBMITTED
        ).exists()
    )


@trigger(
    "ratings.self_assessment_due",
    gettext_lazy("Self-assessment due"),
    audiences=(Audience.MEMBER, Audience.CELL_SECRETARY),
    still_due=self_assessment_still_due,
)
def self_assessment_due(anchor_day: dt.date):
    url = reverse("ratings:my_self_assessment")
    for season in _due_seasons(anchor_day):
        title = _("Your %(year)s self-assessment is due today (%(due)s).") % {
            "year": season.year,
            "due": anchor_day.strftime("%d/%m/%Y"),
        }
        submitted = SelfAssessment.objects.filter(season=season, status=SelfAssessmentStatus.SUBMITTED).values(
            "member_id"
        )
        spells = (
            MembershipSpell.objects.open_on(anchor_day)
            .in_subtree(season.organization)
            .exclude(member_id__in=submitted)
            .values_list("member_id", "organization_id")
            .order_by("member_id")
        )
        for member_id, cell_id in spells.iterator():
            yield Occurrence(
                key=f"ratings:season:{season.pk}:self_assessment:{member_id}",
                on=anchor_day,
                title=title,
                organization_id=cell_id,
                member_id=member_id,
                url=url,
            )

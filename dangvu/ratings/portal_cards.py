"""Cards of the member portal: the member's self-assessment of the year, and the cell's rating sheet."""

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext as _

from dangvu.accounts.policy import portal_member, secretary_cell
from dangvu.portal.cards import Card, card_provider
from dangvu.ratings.models import MemberRating, SelfAssessment, SelfAssessmentStatus


@card_provider
def self_assessment(user) -> list[Card]:
    from dangvu.ratings.services import season_for_member

    member = portal_member(user)
    if member is None:
        return []
    season = season_for_member(member)
    if season is None:
        return []
    assessment = SelfAssessment.objects.filter(season=season, member=member).first()
    state = assessment.get_status_display().lower() if assessment else _("not submitted")
    done = assessment is not None and assessment.is_submitted
    line = _("Self-assessment %(year)s: %(state)s — due %(due)s") % {
        "year": season.year,
        "state": state,
        "due": season.due_on.strftime("%d/%m/%Y"),
    }
    return [
        Card(
            title=_("Self-assessment %(year)s") % {"year": season.year},
            url=reverse("ratings:my_self_assessment"),
            lines=(line,),
            tone="done" if done else ("warn" if season.is_open else ""),
            order=30,
        )
    ]


@card_provider
def cell_sheet(user) -> list[Card]:
    from dangvu.ratings.services import season_for_cell

    cell = secretary_cell(user)
    if cell is None:
        return []
    season = season_for_cell(cell)
    if season is None:
        return []
    rated = MemberRating.objects.filter(season=season, organization=cell).count()
    submitted = SelfAssessment.objects.filter(
        season=season, organization=cell, status=SelfAssessmentStatus.SUBMITTED
    ).aggregate(n=Count("id"))["n"]
    return [
        Card(
            title=_("Rating sheet %(year)s") % {"year": season.year},
            url=reverse("ratings:my_cell_sheet"),
            lines=(
                _("%(rated)s rated · %(submitted)s self-assessments submitted")
                % {"rated": rated, "submitted": submitted},
            ),
            order=30,
            for_secretary=True,
        )
    ]

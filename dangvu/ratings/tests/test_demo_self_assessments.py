"""The demo's current season: open, with self-assessments of most members, always the `dangvien` login's and
those of the cell of the `bithuchibo` login."""

from io import StringIO

import pytest
from django.core.management import call_command

from dangvu.accounts.models import User
from dangvu.members.models import Member
from dangvu.ratings.models import RatingSeason, SelfAssessment
from dangvu.ratings.rules import better
from dangvu.ratings.services import self_assessment_allowed_grade

pytestmark = pytest.mark.django_db


def test_the_demo_logins_show_self_assessments_and_a_full_cell_sheet():
    call_command("seed_demo", "--size", "small", "--seed", "3", stdout=StringIO())
    season = RatingSeason.objects.get(status="open")
    member = User.objects.get(username="dangvien").member
    cell = User.objects.get(username="bithuchibo").organization
    assert SelfAssessment.objects.filter(season=season, member=member).exists()
    in_cell = Member.objects.filter(organization=cell).count()
    assert SelfAssessment.objects.filter(season=season, organization=cell).count() == in_cell
    states = set(SelfAssessment.objects.filter(season=season).values_list("status", flat=True))
    assert states == {"draft", "submitted", "returned"}
    assert (
        SelfAssessment.objects.filter(season=season).count()
        > 0.7 * Member.objects.filter(organization__isnull=False).count()
    )
    for assessment in SelfAssessment.objects.filter(season=season).select_related("season")[:200]:
        allowed = self_assessment_allowed_grade(assessment)
        assert not (allowed and better(assessment.proposed_grade, allowed))

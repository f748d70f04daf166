"""Annual quality ratings of members and organizations: counts per grade and shares, for the year the period
ends in (ratings are made once a year)."""

from django.db.models import Q
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from dangvu.indicators.registry import Computation, Group, count_rows, indicator, rate
from dangvu.ratings.models import MemberRating, OrganizationRating
from dangvu.ratings.rules import Grade

G = Group.ORGANIZATION
GRADE_WORDS = {
    "excellent": _("excellently completed the tasks"),
    "good": _("well completed the tasks"),
    "adequate": _("completed the tasks"),
    "failed": _("did not complete the tasks"),
}


def _grades(c: Computation, model, key: str) -> dict:
    def build():
        rows = model.objects.filter(deleted_at__isnull=True, season__year=c.end.year)
        rows = rows.filter(c.in_subtree())
        if model is OrganizationRating:
            rows = rows.exclude(organization=c.organization)
        return rows.aggregate(
            rated=count_rows(~Q(grade="")),
            **{grade: count_rows(Q(grade=grade)) for grade in Grade.values},
        )

    return c.shared(f"grades:{key}", build)


def _register(subject: str, model, subject_label) -> None:
    def rated(c):
        return _grades(c, model, subject)["rated"]

    rated.__doc__ = (
        f"{subject.capitalize()} of the subtree graded in the rating season of the year the period "
        "ends in (those not graded are left out)."
    )
    indicator(
        code=f"ratings.{subject}.rated",
        label=format_lazy(_("{subject} rated"), subject=subject_label),
        unit=_("ratings"),
        group=G,
    )(rated)
    for grade in Grade.values:

        def count(c, grade=grade):
            return _grades(c, model, subject)[grade]

        count.__doc__ = f"{subject.capitalize()} of the subtree graded '{grade}' in the year the period ends in."
        indicator(
            code=f"ratings.{subject}.{grade}",
            label=format_lazy(_("{subject} who {grade}"), subject=subject_label, grade=GRADE_WORDS[grade]),
            unit=_("ratings"),
            group=G,
            example="hoàn thành xuất sắc nhiệm vụ ... (...%)" if grade == "excellent" else "",
        )(count)
        rate(
            code=f"ratings.{subject}.{grade}_pct",
            label=format_lazy(_("Share of {subject} who {grade}"), subject=subject_label, grade=GRADE_WORDS[grade]),
            numerator=f"ratings.{subject}.{grade}",
            denominator=f"ratings.{subject}.rated",
            group=G,
        )


_register("members", MemberRating, _("members"))
_register("organizations", OrganizationRating, _("organizations"))

"""Annual quality ratings of members and organizations: counts per grade and shares, for the year the period
ends in (ratings are made once a year)."""

from django.db.models import Q
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from dangvu.indicators.registry import Group, count_rows, figure, rate, shared_query
from dangvu.ratings.models import MemberRating, OrganizationRating
from dangvu.ratings.rules import Grade

G = Group.ORGANIZATION
GRADE_WORDS = {
    "excellent": _("excellently completed the tasks"),
    "good": _("well completed the tasks"),
    "adequate": _("completed the tasks"),
    "failed": _("did not complete the tasks"),
}


def _grades(model):
    """The ratings of `model` in the subtree for the year the period ends in, counted per grade (the
    organization itself is not among the organizations it rates)."""

    def build(c) -> dict:
        rows = model.objects.filter(deleted_at__isnull=True, season__year=c.end.year)
        rows = rows.filter(c.in_subtree())
        if model is OrganizationRating:
            rows = rows.exclude(organization=c.organization)
        return rows.aggregate(
            rated=count_rows(~Q(grade="")),
            **{grade: count_rows(Q(grade=grade)) for grade in Grade.values},
        )

    return shared_query(build)


for _subject, _model, _subject_label in (
    ("members", MemberRating, _("members")),
    ("organizations", OrganizationRating, _("organizations")),
):
    _source = _grades(_model)
    figure(
        _source,
        "rated",
        code=f"ratings.{_subject}.rated",
        label=format_lazy(_("{subject} rated"), subject=_subject_label),
        unit=_("ratings"),
        group=G,
        doc=f"{_subject.capitalize()} of the subtree graded in the rating season of the year the period "
        "ends in (those not graded are left out).",
    )
    for _grade in Grade.values:
        figure(
            _source,
            _grade,
            code=f"ratings.{_subject}.{_grade}",
            label=format_lazy(_("{subject} who {grade}"), subject=_subject_label, grade=GRADE_WORDS[_grade]),
            unit=_("ratings"),
            group=G,
            doc=f"{_subject.capitalize()} of the subtree graded '{_grade}' in the year the period ends in.",
            example="hoàn thành xuất sắc nhiệm vụ ... (...%)" if _grade == "excellent" else "",
        )
        rate(
            code=f"ratings.{_subject}.{_grade}_pct",
            label=format_lazy(_("Share of {subject} who {grade}"), subject=_subject_label, grade=GRADE_WORDS[_grade]),
            numerator=f"ratings.{_subject}.{_grade}",
            denominator=f"ratings.{_subject}.rated",
            group=G,
        )

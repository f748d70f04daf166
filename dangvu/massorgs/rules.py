"""Rules of the mass-organization records, as data.

Each mass organization rates its members on its own four-step scale (best first); the
labels are the ones the unions' own guides use.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from dangvu.massorgs.models import MassOrgKind

GRADE_SCALES = {
    # Đoàn TNCS Hồ Chí Minh: rating of union members (HD of the Central Youth Union Secretariat).
    MassOrgKind.YOUTH_UNION: (
        _("Excellent"),
        pgettext_lazy("mass organization grade", "Good"),
        _("Average"),
        _("Weak"),
    ),
    # Hội Cựu chiến binh: rating of members.
    MassOrgKind.VETERANS: (_("Excellent"), pgettext_lazy("mass organization grade", "Good"), _("Average"), _("Weak")),
    # Công đoàn: rating of union members.
    MassOrgKind.TRADE_UNION: (
        _("Excellently fulfilled duties"),
        _("Well fulfilled duties"),
        _("Fulfilled duties"),
        _("Did not fulfil duties"),
    ),
}
GRADE_FIELDS = ("grade_1", "grade_2", "grade_3", "grade_4")
COUNT_FIELDS = ("bases", "members", *GRADE_FIELDS, "youth_introduced", "youth_admitted")
# The months a period covers: (first month, last month).
PERIOD_MONTHS = {"year": (1, 12), "h1": (1, 6)}

"""Accounts of the member handbook (issue 17 point 1; RULES.md §6d, QĐ 339-QĐ/TW 2025).

The share is stated over a denominator that the committee configures (settings.DANGVU_ACTIVATION_DENOMINATOR):
- "exclude_exempted" (default True): members exempted from work and party activities are left out; a member is
  exempted when their rating of the period's year, or of the year before, says "not graded: exempted from work
  and party activities" (the registry records exemption only there);
- "exclude_kinds": organization kinds whose members are left out (e.g. ["sub_committee"]);
- "exclude_codes": organization codes whose subtrees are left out (e.g. the army and police cells some provinces
  leave out).
The numerator counts the same members, so the share never exceeds 100 %.
"""

from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from dangvu.accounts.models import User
from dangvu.indicators.registry import Computation, Group, count_rows, figure, rate, shared_query
from dangvu.members.models import MembershipSpell
from dangvu.organizations.models import Organization
from dangvu.ratings.models import MemberRating
from dangvu.ratings.rules import NotGradedReason

DEFAULT_DENOMINATOR = {"exclude_exempted": True, "exclude_kinds": [], "exclude_codes": []}


def denominator_options() -> dict:
    return DEFAULT_DENOMINATOR | dict(getattr(settings, "DANGVU_ACTIVATION_DENOMINATOR", {}) or {})


def _expected(c: Computation):
    """Full and probationary members of the subtree on the period's last day, less the configured exclusions."""
    options = denominator_options()
    spells = MembershipSpell.objects.open_on(c.end).filter(c.in_subtree())
    if options["exclude_exempted"]:
        exempted = MemberRating.objects.filter(
            member=OuterRef("member"),
            season__year__in=[c.end.year - 1, c.end.year],
            not_graded_reason=NotGradedReason.EXEMPT,
            deleted_at__isnull=True,
        )
        spells = spells.exclude(Exists(exempted))
    if options["exclude_kinds"]:
        spells = spells.exclude(organization__kind__in=list(options["exclude_kinds"]))
    if options["exclude_codes"]:
        paths = Organization.objects.filter(code__in=list(options["exclude_codes"])).values_list("path", flat=True)
        left_out = Q()
        for path in paths:
            left_out |= Q(organization__path__startswith=path)
        if left_out:
            spells = spells.exclude(left_out)
    return spells


@shared_query
def _accounts(c: Computation) -> dict:
    active = User.objects.filter(member=OuterRef("member"), is_active=True, date_joined__date__lte=c.end)
    return _expected(c).aggregate(expected=count_rows(), activated=count_rows(Q(Exists(active))))


G = Group.ORGANIZATION
figure(
    _accounts,
    "expected",
    code="portal.accounts_expected",
    label=_("Members expected to have a handbook account"),
    unit=_("members"),
    group=G,
    as_of_end=True,
    doc="Full and probationary members of the subtree on the period's last day, less the members exempted from "
    "work and party activities (rated so for the period's year or the year before) and the organizations the "
    "setting DANGVU_ACTIVATION_DENOMINATOR leaves out: the stated denominator of the activation share.",
)
figure(
    _accounts,
    "activated",
    code="portal.accounts_activated",
    label=_("Members who activated their handbook account"),
    unit=_("members"),
    group=G,
    as_of_end=True,
    doc="Members counted in portal.accounts_expected who have an active account opened on or before the "
    "period's last day.",
    example="51.602/57.012 đảng viên hoàn thành việc đăng ký tài khoản",
)
rate(
    code="portal.accounts_activated_pct",
    label=_("Share of members with an activated handbook account"),
    numerator="portal.accounts_activated",
    denominator="portal.accounts_expected",
    group=G,
    example="51.602/57.012 (đạt 90,5%) đảng viên hoàn thành việc đăng ký tài khoản",
)

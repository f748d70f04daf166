"""The money up the tree: what each organization of a subtree collected (its own members' payments and what
the level below remitted), kept by the rule of the month, and remitted to the level above.

Computed from the payments, month by month with each month's rule, bottom-up, so that at every level
collected = kept + remitted exactly (the kept share is rounded half-up to whole đồng, the rest goes up), and
the figures of a subtree are those of its parts: its payments = what it keeps inside + what its top remits."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Sum

from dangvu.dues import rules
from dangvu.dues.compute import percent_of
from dangvu.dues.models import DuesPayment, DuesUnit
from dangvu.organizations.models import Organization


@dataclass
class Flow:
    own: int = 0  # the organization's own members' payments
    received: int = 0  # what the organizations directly below remitted to it
    kept: int = 0
    remitted: int = 0

    @property
    def collected(self) -> int:
        return self.own + self.received


@dataclass
class SubtreeFlows:
    by_organization: dict[int, Flow]
    top_ids: list[int]
    shares: dict[int, Decimal]  # the share kept by each organization under the period's last rule

    @property
    def collected(self) -> int:
        return sum(f.own for f in self.by_organization.values())

    @property
    def kept(self) -> int:
        return sum(f.kept for f in self.by_organization.values())

    @property
    def remitted(self) -> int:
        """What leaves the subtree: the remittances of its top(s) to the level above."""
        return sum(self.by_organization[pk].remitted for pk in self.top_ids if pk in self.by_organization)


def subtree_flows(*, organization: Organization | None, start: dt.date, end: dt.date) -> SubtreeFlows:
    """The flows of every organization of `organization`'s subtree (every tree when None) for the months whose
    first day falls between `start` and `end`."""
    orgs = Organization.objects.all()
    payments = DuesPayment.objects.filter(month__gte=start, month__lte=end)
    if organization is not None:
        orgs = orgs.filter(path__startswith=organization.path)
        payments = payments.filter(organization__path__startswith=organization.path)
    nodes = list(orgs.values_list("pk", "path", "kind").order_by("-depth", "path"))
    commune = set(
        DuesUnit.objects.filter(in_commune=True, organization__in=[pk for pk, _p, _k in nodes]).values_list(
            "organization_id", flat=True
        )
        if len(nodes) < 900
        else DuesUnit.objects.filter(in_commune=True).values_list("organization_id", flat=True)
    )
    own = defaultdict(dict)  # month -> {org: amount}
    for org_id, month, amount in payments.values_list("organization_id", "month").annotate(total=Sum("amount")):
        own[month][org_id] = amount
    by_path = {path: pk for pk, path, _kind in nodes}
    step = Organization.steplen
    parent_of = {pk: by_path.get(path[:-step]) for pk, path, _kind in nodes}
    flows = {pk: Flow() for pk, _path, _kind in nodes}
    shares: dict[int, Decimal] = {}
    for month in sorted(own):
        share_rule = rules.dues_rules_on(month).shares
        received: dict[int, int] = defaultdict(int)
        for pk, _path, kind in nodes:  # deepest first: a parent sees all its children's remittances
            mine = own[month].get(pk, 0)
            collected = mine + received[pk]
            if not collected:
                continue
            share = share_rule.kept_by(kind, in_commune=pk in commune)
            kept = percent_of(collected, share)
            flow = flows[pk]
            flow.own += mine
            flow.received += received[pk]
            flow.kept += kept
            flow.remitted += collected - kept
            parent = parent_of[pk]
            if parent is not None:
                received[parent] += collected - kept
    last_rule = rules.dues_rules_on(end).shares
    for pk, _path, kind in nodes:
        shares[pk] = last_rule.kept_by(kind, in_commune=pk in commune)
    tops = [pk for pk, parent in parent_of.items() if parent is None]
    return SubtreeFlows(flows, tops, shares)

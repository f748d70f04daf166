"""Builds the demo organization tree in bulk, with materialised paths computed directly."""

import datetime as dt
import random
from dataclasses import dataclass, field

from dangvu.demo.names import BASE_UNITS, CELL_UNITS
from dangvu.lib import bulk
from dangvu.organizations.models import (
    Organization,
    OrganizationEvent,
    OrganizationEventKind,
    OrganizationKind,
    OrganizationVersion,
)


@dataclass
class Chunk:
    """A group of about 100 base organizations simulated together (about a bloc's worth of members)."""

    index: int
    holding: list[Organization] = field(default_factory=list)  # cells and base cells that hold members
    base_orgs: list[Organization] = field(default_factory=list)


def _step(n: int) -> str:
    alphabet = Organization.alphabet
    digits = ""
    while True:
        n, r = divmod(n, len(alphabet))
        digits = alphabet[r] + digits
        if n == 0:
            break
    return digits.rjust(Organization.steplen, "0")


class TreeBuilder:
    def __init__(self, rng: random.Random):
        self.rng = rng
        self.pending: list[Organization] = []
        self.children_count: dict[str, int] = {}
        self.known: dict[str, Organization] = {}  # created organizations that can have children, by path

    def node(
        self,
        parent: Organization | None,
        *,
        code: str,
        name: str,
        kind: str,
        founded_on: dt.date,
        host_unit_type: str = "other",
        host_unit_name: str = "",
        short_name: str = "",
    ) -> Organization:
        parent_path = parent.path if parent else ""
        index = self.children_count.get(parent_path, 0) + 1
        self.children_count[parent_path] = index
        org = Organization(
            path=parent_path + _step(index),
            depth=(parent.depth + 1) if parent else 1,
            numchild=0,
            code=code,
            name=name,
            short_name=short_name,
            kind=kind,
            host_unit_type=host_unit_type,
            host_unit_name=host_unit_name,
            founded_on=founded_on,
        )
        self.pending.append(org)
        return org

    def flush(self) -> list[Organization]:
        for org in self.pending:
            org.numchild = self.children_count.get(org.path, 0)
        created = bulk.create(Organization, self.pending, batch_size=2000)
        # Parents saved by an earlier flush got children now: treebeard relies on numchild
        # to place the next child, so it must be right.
        new_paths = {org.path for org in created}
        for parent_path in {org.path[: -Organization.steplen] for org in created if org.depth > 1} - new_paths:
            Organization.objects.filter(path=parent_path).update(numchild=self.children_count[parent_path])
        for org in created:
            if org.kind not in (OrganizationKind.CELL, OrganizationKind.BASE_CELL):
                self.known[org.path] = org
        events, versions = [], []
        for org in created:
            parent = self.known[org.path[: -Organization.steplen]] if org.depth > 1 else None
            events.append(
                OrganizationEvent(
                    organization=org,
                    kind=OrganizationEventKind.FOUNDED,
                    on=org.founded_on,
                    new_name=org.name,
                    document_no=f"{self.rng.randint(1, 300)}-QĐ/TU",
                )
            )
            versions.append(
                OrganizationVersion(
                    organization=org, parent=parent, name=org.name, short_name=org.short_name, valid_from=org.founded_on
                )
            )
        bulk.create(OrganizationEvent, events, batch_size=2000)
        bulk.create(OrganizationVersion, versions, batch_size=2000)
        self.pending = []
        return created


def build_base_orgs(
    builder: TreeBuilder, parent: Organization, *, count: int, cells: int, prefix: str, chunk_index: int
) -> Chunk:
    """`count` base organizations under `parent`: 70% base party committees sharing `cells` cells, 30% base cells."""
    rng = builder.rng
    chunk = Chunk(index=chunk_index)
    committees = max(1, round(count * 0.7))
    cell_counts = [3] * committees
    for _ in range(max(0, cells - 3 * committees)):
        cell_counts[rng.randrange(committees)] += 1
    for i in range(count):
        unit, host_type = BASE_UNITS[(i + chunk_index * 7) % len(BASE_UNITS)]
        suffix = "" if (i + chunk_index * 7) < len(BASE_UNITS) and chunk_index == 0 else f" {i // len(BASE_UNITS) + 1}"
        founded = dt.date(rng.randint(1976, 2005), rng.randint(1, 12), 1)
        code = f"{prefix}{i + 1:03d}"
        is_committee = i < committees
        name, short, kind = (
            ("Đảng bộ", "ĐB", OrganizationKind.BASE_PARTY_COMMITTEE)
            if is_committee
            else ("Chi bộ", "CB", OrganizationKind.BASE_CELL)
        )
        base = builder.node(
            parent,
            code=code,
            name=f"{name} {unit}{suffix}",
            short_name=f"{short} {unit}{suffix}",
            kind=kind,
            founded_on=founded,
            host_unit_type=host_type,
            host_unit_name=unit + suffix,
        )
        if is_committee:
            for j in range(cell_counts[i]):
                cell_unit = CELL_UNITS[j % len(CELL_UNITS)]
                cell = builder.node(
                    base,
                    code=f"{code}-{j + 1:02d}",
                    name=f"Chi bộ {cell_unit} {unit}{suffix}",
                    kind=OrganizationKind.CELL,
                    founded_on=founded,
                    host_unit_type=host_type,
                    host_unit_name=f"{cell_unit} - {unit}{suffix}",
                )
                chunk.holding.append(cell)
        else:
            chunk.holding.append(base)
        chunk.base_orgs.append(base)
    return chunk

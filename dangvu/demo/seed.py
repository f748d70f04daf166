"""Creates the demo data set: tree, members with their histories, and the demo logins."""

import datetime as dt
import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction

from dangvu.accounts.models import Role, User
from dangvu.demo.population import ChunkSimulation, Counters
from dangvu.demo.tree import Chunk, TreeBuilder, build_base_orgs
from dangvu.lib import bulk
from dangvu.members.models import Member, MemberEvent, MembershipSpell, spells_of
from dangvu.members.services import apply_personal_derivations, apply_timeline
from dangvu.members.timeline import build_timeline
from dangvu.organizations.models import (
    Organization,
    OrganizationEvent,
    OrganizationEventKind,
    OrganizationKind,
    OrganizationVersion,
)
from dangvu.workcalendar.models import PublicHoliday
from dangvu.workcalendar.selectors import add_working_days

SIZES = {
    # members at the end; chunks of (base organizations, cells) simulated one at a time; chunks per
    # intermediate committee (0: base organizations sit right under the top committee)
    "small": {"members": 800, "chunks": 1, "per_district": 0, "base_orgs": 10, "cells": 30},
    "bloc": {"members": 8_000, "chunks": 1, "per_district": 0, "base_orgs": 100, "cells": 300},
    "province": {"members": 60_000, "chunks": 8, "per_district": 1, "base_orgs": 95, "cells": 285},
    "country": {"members": 5_600_000, "chunks": 700, "per_district": 20, "base_orgs": 75, "cells": 225},
}
DEFAULT_UNTIL = dt.date(2026, 10, 31)


def seed(*, size: str, seed: int, until: dt.date = DEFAULT_UNTIL, log: Callable[[str], None] = lambda m: None) -> dict:
    spec = SIZES[size]
    rng = random.Random(f"dangvu-{size}-{seed}")
    counts: Counter = Counter()
    holidays = frozenset(PublicHoliday.objects.values_list("on", flat=True))

    def working_days(start: dt.date, days: int) -> dt.date:
        return add_working_days(start, days, holidays)

    with transaction.atomic():
        builder = TreeBuilder(rng)
        root_name = {
            "small": "Đảng bộ Khối các cơ quan tỉnh",
            "bloc": "Đảng bộ Khối các cơ quan tỉnh",
            "province": "Đảng bộ tỉnh",
            "country": "Đảng bộ toàn quốc (dữ liệu thử tải)",
        }[size]
        root = builder.node(
            None,
            code="DUK" if size in ("small", "bloc") else "ROOT",
            name=root_name,
            short_name="ĐUK" if size in ("small", "bloc") else "",
            kind=OrganizationKind.COMMITTEE,
            founded_on=dt.date(1975, 1, 1),
            host_unit_type="party_mass",
        )
        counts["Organization"] += len(builder.flush())
    per_chunk_members = spec["members"] // spec["chunks"]
    counters = Counters()
    district = root
    for index in range(spec["chunks"]):
        with transaction.atomic():
            if spec["per_district"] and index % spec["per_district"] == 0:
                number = index // spec["per_district"] + 1
                district = builder.node(
                    root,
                    code=f"H{number:03d}",
                    name=f"Đảng bộ cấp trên cơ sở số {number}",
                    kind=OrganizationKind.COMMITTEE,
                    founded_on=dt.date(1976, 1, 1),
                    host_unit_type="party_mass",
                )
                counts["Organization"] += len(builder.flush())
            prefix = f"C{index:03d}-" if spec["chunks"] > 1 else "B"
            chunk = build_base_orgs(
                builder, district, count=spec["base_orgs"], cells=spec["cells"], prefix=prefix, chunk_index=index
            )
            created = builder.flush()
            counts["Organization"] += len(created)
            _refresh_chunk(chunk, created)
            if index == 0:
                counts.update(_history_examples(chunk, rng))
            sim = ChunkSimulation(
                rng=random.Random(f"{rng.random()}-{index}"),
                holding=chunk.holding,
                target=per_chunk_members,
                until=until,
                counters=counters,
                with_ids=spec["chunks"] <= 96,
            )
            people = sim.run()
            counts.update(_save_people(people, working_days))
        log(f"chunk {index + 1}/{spec['chunks']}: {len(people)} people")
    # The demo logins first: the portal's records (accounts of the members, notices, receipts, notifications)
    # are made around them.
    counts.update(_demo_users(root))
    counts.update(_seed_work_records(size=size, rng=rng, until=until, log=log))
    counts["OrganizationEvent"] = OrganizationEvent.objects.count()
    counts["OrganizationVersion"] = OrganizationVersion.objects.count()
    _analyze()
    return dict(counts)


def _analyze() -> None:
    """Fresh statistics, so the query planner picks the right indexes on the bulk-loaded tables."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


@dataclass
class DemoContext:
    """What an app's `demo_data.seed(context)` gets: the size, a seeded random source and the end date."""

    size: str
    rng: random.Random
    until: dt.date
    log: Callable[[str], None]


# The order the apps add their demo records in: later ones read earlier ones' records, and each app's random
# stream is drawn in this order, so the same seed gives the same data set whatever the order of INSTALLED_APPS.
DEMO_ORDER = (
    "accounts",
    "ratings",
    "meetings",
    "inspections",
    "documents",
    "candidates",
    "cadres",
    "education",
    "massorgs",
    "targets",
    "dues",
    "portal",
    "notifications",
)


def _seed_work_records(*, size: str, rng: random.Random, until: dt.date, log) -> Counter:
    """Let each app that has a `demo_data` module add its records, in DEMO_ORDER (then any other, by label)."""
    from importlib import import_module

    from django.apps import apps

    counts: Counter = Counter()
    configs = sorted(
        apps.get_app_configs(),
        key=lambda c: (DEMO_ORDER.index(c.label) if c.label in DEMO_ORDER else len(DEMO_ORDER), c.label),
    )
    for config in configs:
        try:
            module = import_module(f"{config.name}.demo_data")
        except ModuleNotFoundError as missing:
            if missing.name != f"{config.name}.demo_data":
                raise
            continue
        context = DemoContext(size=size, rng=random.Random(f"{rng.random()}-{config.label}"), until=until, log=log)
        with transaction.atomic():
            counts.update(module.seed(context) or {})
        log(f"{config.label}: demo records created")
    return counts


def _refresh_chunk(chunk: Chunk, created: list[Organization]) -> None:
    by_code = {o.code: o for o in created}
    chunk.holding = [by_code[o.code] for o in chunk.holding]
    chunk.base_orgs = [by_code[o.code] for o in chunk.base_orgs]


def _history_examples(chunk: Chunk, rng: random.Random) -> Counter:
    """A few renames (the 2025 reorganization) so the history screens and "tree as of" have something to show."""
    renamed = 0
    start = len(chunk.base_orgs) // 6
    for base in chunk.base_orgs[start : start + 3]:
        on = dt.date(2025, 3, 1)
        old = base.name
        version = base.versions.get()
        version.valid_to = on
        version.save(update_fields=["valid_to"])
        base.name = f"{old} (sau sắp xếp)"
        base.save(update_fields=["name"])
        OrganizationEvent.objects.create(
            organization=base,
            kind=OrganizationEventKind.RENAMED,
            on=on,
            old_name=old,
            new_name=base.name,
            document_no=f"{rng.randint(1, 300)}-QĐ/TU",
        )
        OrganizationVersion.objects.create(
            organization=base, parent=version.parent, name=base.name, short_name=base.short_name, valid_from=on
        )
        renamed += 1
    return Counter({"renamed": renamed})


def _save_people(people, working_days) -> Counter:
    members = []
    timelines = []
    for person in people:
        member = person.member
        timeline = build_timeline(person.events, date_of_birth=member.date_of_birth, add_working_days=working_days)
        cards = [e.card_number for e in person.events if e.card_number]
        member.card_number = cards[-1] if cards else None
        apply_personal_derivations(member)  # after the card number: it goes into the search text
        apply_timeline(member, timeline)
        members.append(member)
        timelines.append(timeline)
    bulk.create(Member, members, batch_size=2000)
    events, spells = [], []
    for person, member, timeline in zip(people, members, timelines, strict=True):
        for event in person.events:
            event.member = member
            events.append(event)
        spells.extend(spells_of(member, timeline.spells))
    bulk.create(MemberEvent, events)
    bulk.create(MembershipSpell, spells)
    current = sum(1 for m in members if m.status in ("probationary", "full"))
    return Counter(
        {"Member": len(members), "MemberEvent": len(events), "MembershipSpell": len(spells), "current_members": current}
    )


def _login(username: str, password: str, role: str, first_name: str, **fields) -> None:
    user, _ = User.objects.update_or_create(
        username=username, defaults={"role": role, "first_name": first_name, **fields}
    )
    user.set_password(password)
    user.save()


def _demo_users(root: Organization) -> Counter:
    staff = {"is_staff": True, "is_superuser": True}
    _login("admin", "admin", Role.COMMITTEE_STAFF, "Quản trị", organization=root, last_name="Văn phòng", **staff)
    base = Organization.objects.filter(kind=OrganizationKind.BASE_PARTY_COMMITTEE).order_by("path").first()
    _login("bithu", "demo", Role.SECRETARY, "Bí thư", organization=base, last_name=base.short_name or base.name)
    member = Member.objects.filter(organization__path__startswith=base.path, status="full").order_by("pk").first()
    _login("dangvien", "demo", Role.MEMBER, member.full_name, member=member)
    # The secretary of that member's cell, on the portal: another full member of the same cell.
    cell = member.organization
    secretary = Member.objects.filter(organization=cell, status="full").exclude(pk=member.pk).order_by("pk").first()
    _login("bithuchibo", "demo", Role.CELL_SECRETARY, secretary.full_name, organization=cell, member=secretary)
    # Inspection records are the inspection committee's own (accounts.policy): its staff is a login of its own.
    committee = root.short_name or root.name
    _login("kiemtra", "demo", Role.INSPECTION_STAFF, "Ủy ban Kiểm tra", organization=root, last_name=committee)
    return Counter({"User": 5})


def demo_logins() -> list[tuple[str, str, str]]:
    rows = []
    logins = ["admin", "bithu", "bithuchibo", "dangvien", "kiemtra"]
    for user in User.objects.filter(username__in=logins).select_related("organization", "member"):
        password = "admin" if user.username == "admin" else "demo"
        where = user.organization.name if user.organization else (user.member.full_name if user.member else "")
        rows.append((user.username, password, f"{user.get_role_display()} – {where}"))
    return sorted(rows)

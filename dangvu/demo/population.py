"""Simulates the members of one chunk of the tree from their admissions to the end date.

Rates follow the example reports for a bloc of about 8,000 members: 250-300 admissions a
year, about 550 transfers (out, in, between cells), a handful of removals, resignations and
expulsions. Every member's events go through `members.timeline.build_timeline`, the same
replay the services use, so the demo holds only histories the rules allow.
"""

import bisect
import datetime as dt
import heapq
import math
import random
from dataclasses import dataclass, field

from dangvu.demo.names import (
    ETHNIC_MINORITIES,
    FAMILY_NAMES,
    GIVEN_NAMES,
    MIDDLE_NAMES,
    OCCUPATIONS,
    PROVINCES,
    QUALIFICATIONS,
    RELIGIONS,
)
from dangvu.lib.dates import add_months, add_years
from dangvu.members.models import EventKind, Member, MemberEvent, TheoryLevel, TransferMode
from dangvu.members.rules import BADGE_MILESTONES, next_award_day
from dangvu.organizations.models import Organization

SIM_START = dt.date(2015, 1, 1)
# Per year for a population of about 8,000 members.
YEARLY_RATES = {
    "admitted": 275,
    "transferred_in": 200,
    "transferred_out": 300,
    "internal": 50,
    "removed": 4,
    "resigned": 2,
    "expelled": 2,
    "died": 12,
}
INITIAL_SHARE = 0.79  # members present on 1/1/2015, as a share of the target at the end


def weighted(rng: random.Random, pairs):
    values = [v for v, _w in pairs]
    weights = [w for _v, w in pairs]
    return rng.choices(values, weights)[0]


def poisson(rng: random.Random, lam: float) -> int:
    if lam <= 0:
        return 0
    if lam > 30:
        return max(0, round(rng.gauss(lam, math.sqrt(lam))))
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


@dataclass
class Person:
    member: Member
    events: list[MemberEvent] = field(default_factory=list)
    cell: Organization | None = None  # where counted now; None once gone
    last_on: dt.date = dt.date(1900, 1, 1)
    admitted_on: dt.date | None = None
    index: int = 0


@dataclass
class Counters:
    card: int = 10_000_000
    person: int = 0


class ChunkSimulation:
    def __init__(
        self,
        *,
        rng: random.Random,
        holding: list[Organization],
        target: int,
        until: dt.date,
        counters: Counters,
        with_ids: bool,
    ):
        self.rng = rng
        self.holding = holding
        self.weights = [rng.lognormvariate(0, 0.6) for _ in holding]
        self.cumulative = []
        total = 0.0
        for w in self.weights:
            total += w
            self.cumulative.append(total)
        self.target = target
        self.scale = target / 8000
        self.until = until
        self.counters = counters
        self.with_ids = with_ids
        self.people: list[Person] = []
        self.active: list[Person] = []
        self.active_index: dict[int, int] = {}
        self.schedule: list[tuple[dt.date, int, str, int, int]] = []  # (date, seq, kind, person idx, extra)
        self.seq = 0

    # --- people -----------------------------------------------------------------------------------------------
    def pick_cell(self, on: dt.date) -> Organization:
        for _ in range(20):
            r = self.rng.random() * self.cumulative[-1]
            cell = self.holding[bisect.bisect_left(self.cumulative, r)]
            if cell.founded_on is None or cell.founded_on <= on:
                return cell
        return min(self.holding, key=lambda c: c.founded_on or SIM_START)

    def new_member(self, *, born: dt.date) -> Person:
        rng = self.rng
        sex = "female" if rng.random() < 0.41 else "male"
        name = f"{weighted(rng, FAMILY_NAMES)} {weighted(rng, MIDDLE_NAMES[sex])} {rng.choice(GIVEN_NAMES[sex])}"
        minority = rng.random() < 0.025
        self.counters.person += 1
        n = self.counters.person
        member = Member(
            full_name=name,
            sex=sex,
            date_of_birth=born,
            place_of_birth=rng.choice(PROVINCES),
            hometown=rng.choice(PROVINCES),
            permanent_address=f"Số {rng.randint(1, 300)}, {rng.choice(PROVINCES)}",
            ethnicity=weighted(rng, ETHNIC_MINORITIES) if minority else "Kinh",
            religion=weighted(rng, RELIGIONS) if rng.random() < 0.06 else "Không",
            general_education="12/12",
            professional_qualification=rng.choice(QUALIFICATIONS),
            political_theory_level=weighted(
                rng,
                [
                    (TheoryLevel.ELEMENTARY, 40),
                    (TheoryLevel.INTERMEDIATE, 35),
                    (TheoryLevel.ADVANCED, 12),
                    (TheoryLevel.BACHELOR, 3),
                    (TheoryLevel.NONE, 10),
                ],
            ),
            occupation_now=rng.choice(OCCUPATIONS),
            phone=f"09{rng.randint(10_000_000, 99_999_999)}",
        )
        if self.with_ids:
            # Căn cước: province code, sex and century digit, year of birth, serial.
            sex_century = (0 if sex == "male" else 1) + (2 if born.year >= 2000 else 0)
            member.national_id = f"{rng.randint(1, 96):03d}{sex_century}{born.year % 100:02d}{n % 1_000_000:06d}"
            member.cv_number = f"{n % 1_000_000:06d}KG"
        person = Person(member=member, index=len(self.people))
        self.people.append(person)
        return person

    def add_event(self, person: Person, kind: str, on: dt.date, **fields) -> MemberEvent:
        event = MemberEvent(kind=kind, on=on, **fields)
        person.events.append(event)
        person.last_on = max(person.last_on, on)
        return event

    def set_active(self, person: Person, cell: Organization | None) -> None:
        idx = id(person)
        if cell is None:
            pos = self.active_index.pop(idx, None)
            if pos is not None:
                last = self.active.pop()
                if pos < len(self.active):
                    self.active[pos] = last
                    self.active_index[id(last)] = pos
        elif idx not in self.active_index:
            self.active_index[idx] = len(self.active)
            self.active.append(person)
        person.cell = cell

    def plan(self, on: dt.date, kind: str, person: Person, extra: int = 0) -> None:
        if on <= self.until:
            self.seq += 1
            heapq.heappush(self.schedule, (on, self.seq, kind, person.index, extra))

    # --- admission and the steps that follow it -----------------------------------------------------------------
    def admit(self, person: Person, on: dt.date, cell: Organization | None, external: str = "") -> None:
        rng = self.rng
        ceremony = on + dt.timedelta(days=rng.randint(3, 25))
        self.add_event(
            person,
            EventKind.ADMITTED,
            on,
            organization=cell,
            external_place=external,
            document_no=f"{rng.randint(1, 400)}-QĐ/ĐUK",
            document_date=on,
            cell_resolution_on=on - dt.timedelta(days=rng.randint(20, 50)),
            ceremony_on=ceremony,
        )
        person.admitted_on = on
        full_on = add_months(ceremony, 12) + dt.timedelta(days=rng.randint(0, 25))
        if cell is not None:
            self.set_active(person, cell)
            self.plan(full_on, "full", person)
        else:
            self.add_event(person, EventKind.MADE_FULL, full_on, document_no=f"{rng.randint(1, 400)}-QĐ/ĐU")
            self.add_event(
                person,
                EventKind.CARD_ISSUED,
                full_on + dt.timedelta(days=rng.randint(60, 200)),
                card_number=self.next_card(),
            )
        for years in BADGE_MILESTONES:
            eligible = add_years(on, years)
            if eligible > self.until:
                break
            if eligible >= SIM_START - dt.timedelta(days=366 * 60):
                self.plan(next_award_day(eligible), "badge", person, years)

    def next_card(self) -> str:
        self.counters.card += 1
        return f"{self.counters.card:08d}"

    def born_for_admission(self, on: dt.date, low: int = 20, high: int = 40) -> dt.date:
        # The margin keeps the age at the cell's resolution (up to 50 days earlier) at 18 or more.
        age_days = self.rng.randint(low * 366 + 60, high * 365)
        return on - dt.timedelta(days=age_days)

    # --- the run --------------------------------------------------------------------------------------------------
    def run(self) -> list[Person]:
        rng = self.rng
        initial = round(self.target * INITIAL_SHARE)
        for _ in range(initial):
            admitted = dt.date(int(rng.triangular(1965, 2014.99, 2012)), rng.randint(1, 12), rng.randint(1, 28))
            person = self.new_member(born=self.born_for_admission(admitted, 19, 40))
            cell = self.pick_cell(admitted)
            if cell.founded_on and cell.founded_on > admitted:
                # Admitted before this cell existed: admitted elsewhere, transferred in later.
                self.admit(person, admitted, None, external=f"Đảng bộ huyện {rng.choice(PROVINCES)}")
                arrive = max(cell.founded_on, person.last_on) + dt.timedelta(days=rng.randint(1, 60))
                self.add_event(
                    person,
                    EventKind.TRANSFERRED_IN,
                    arrive,
                    organization=cell,
                    transfer_mode=TransferMode.OFFICIAL,
                    document_no=f"{rng.randint(1, 900)}-GGT/TU",
                    external_place=f"Đảng bộ huyện {rng.choice(PROVINCES)}",
                )
                self.set_active(person, cell)
            else:
                self.admit(person, admitted, cell)
        self._process_schedule(SIM_START - dt.timedelta(days=1))
        month = SIM_START
        while month <= self.until:
            self._month(month)
            month = add_months(month, 1)
        self._process_schedule(self.until)
        return self.people

    def _day_in(self, month: dt.date) -> dt.date:
        last = (add_months(month, 1) - dt.timedelta(days=1)).day
        return month.replace(day=self.rng.randint(1, last))

    def _random_active(self, not_after: dt.date) -> Person | None:
        for _ in range(10):
            if not self.active:
                return None
            person = self.active[self.rng.randrange(len(self.active))]
            if person.last_on < not_after:
                return person
        return None

    def _month(self, month: dt.date) -> None:
        rng = self.rng
        lam = {k: v * self.scale / 12 for k, v in YEARLY_RATES.items()}
        actions = []
        for kind, rate in lam.items():
            actions += [kind] * poisson(rng, rate)
        rng.shuffle(actions)
        days = sorted(self._day_in(month) for _ in actions)
        for kind, on in zip(actions, days, strict=True):
            if on > self.until:
                continue
            self._process_schedule(on - dt.timedelta(days=1))
            getattr(self, f"_do_{kind}")(on)
        self._process_schedule(min(add_months(month, 1) - dt.timedelta(days=1), self.until))

    def _do_admitted(self, on: dt.date) -> None:
        low, high = (18, 30) if self.rng.random() < 0.6 else (30, 50)
        person = self.new_member(born=self.born_for_admission(on, low, high))
        self.admit(person, on, self.pick_cell(on))

    def _do_transferred_in(self, on: dt.date) -> None:
        rng = self.rng
        admitted = on - dt.timedelta(days=rng.randint(400, 365 * 25))
        person = self.new_member(born=self.born_for_admission(admitted, 20, 38))
        self.admit(person, admitted, None, external=f"Đảng bộ {rng.choice(PROVINCES)}")
        if person.last_on >= on:
            on = person.last_on + dt.timedelta(days=1)
            if on > self.until:
                return
        self.add_event(
            person,
            EventKind.TRANSFERRED_IN,
            on,
            organization=self.pick_cell(on),
            transfer_mode=TransferMode.OFFICIAL,
            document_no=f"{rng.randint(1, 900)}-GGT/TU",
            external_place=f"Đảng bộ {rng.choice(PROVINCES)}",
        )
        self.set_active(person, person.events[-1].organization)

    def _do_transferred_out(self, on: dt.date) -> None:
        person = self._random_active(on)
        if person is None:
            return
        self.add_event(
            person,
            EventKind.TRANSFERRED_OUT,
            on,
            organization=person.cell,
            transfer_mode=TransferMode.OFFICIAL,
            document_no=f"{self.rng.randint(1, 900)}-GGT/ĐUK",
            external_place=f"Đảng bộ {self.rng.choice(PROVINCES)}",
        )
        self.set_active(person, None)

    def _do_internal(self, on: dt.date) -> None:
        person = self._random_active(on)
        if person is None or len(self.holding) < 2:
            return
        target = self.pick_cell(on)
        if target is person.cell:
            return
        self.add_event(
            person,
            EventKind.TRANSFERRED_OUT,
            on,
            organization=person.cell,
            counterpart=target,
            transfer_mode=TransferMode.OFFICIAL,
            document_no=f"{self.rng.randint(1, 900)}-GGT/ĐUK",
        )
        person.cell = target

    def _leave(self, on: dt.date, kind: str) -> None:
        person = self._random_active(on)
        if person is None:
            return
        self.add_event(person, kind, on, organization=person.cell, document_no=f"{self.rng.randint(1, 300)}-QĐ/ĐUK")
        self.set_active(person, None)

    def _do_removed(self, on: dt.date) -> None:
        self._leave(on, EventKind.REMOVED)

    def _do_resigned(self, on: dt.date) -> None:
        self._leave(on, EventKind.RESIGNED)

    def _do_expelled(self, on: dt.date) -> None:
        self._leave(on, EventKind.EXPELLED)

    def _do_died(self, on: dt.date) -> None:
        for _ in range(10):
            person = self._random_active(on)
            if person is None:
                return
            if (on - person.member.date_of_birth).days > 55 * 365 or self.rng.random() < 0.1:
                self.add_event(person, EventKind.DIED, on, organization=person.cell)
                self.set_active(person, None)
                return

    def _process_schedule(self, up_to: dt.date) -> None:
        rng = self.rng
        while self.schedule and self.schedule[0][0] <= up_to:
            on, _seq, kind, pid, extra = heapq.heappop(self.schedule)
            person = self.people[pid]
            if person.cell is None or person.last_on > on:
                continue
            if kind == "full":
                self.add_event(
                    person,
                    EventKind.MADE_FULL,
                    on,
                    organization=person.cell,
                    document_no=f"{rng.randint(1, 400)}-QĐ/ĐUK",
                    document_date=on,
                )
                self.plan(on + dt.timedelta(days=rng.randint(60, 200)), "card", person)
            elif kind == "card":
                self.add_event(
                    person, EventKind.CARD_ISSUED, on, organization=person.cell, card_number=self.next_card()
                )
            elif kind == "badge" and rng.random() < 0.97:
                self.add_event(
                    person,
                    EventKind.BADGE_AWARDED,
                    on,
                    organization=person.cell,
                    badge_years=extra,
                    document_no=f"{rng.randint(1, 300)}-QĐ/TU",
                    badge_number=f"HH{rng.randint(1, 99999):05d}",
                )

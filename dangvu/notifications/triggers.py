"""What can trigger a notification. The notifications app does not know the other apps' records: each app
declares its triggers in its own `reminders.py`:

    from dangvu.notifications.triggers import Occurrence, trigger

    @trigger("members.probation_ending", _("Probation ending"), audiences=("member", "secretary", "committee"))
    def probation_ending(anchor_day):
        for member in Member.objects.filter(...probation ends on anchor_day...).iterator():
            yield Occurrence(key=f"member:{member.pk}:probation", on=anchor_day, ...)

A trigger yields the occurrences whose date (`Occurrence.on`: the meeting's day, the end of probation, a deadline)
is `anchor_day`. A rule (data, edited on a screen) names a trigger, an offset in days (negative: before the date;
positive: after it), an audience and a channel; on day D it asks the trigger for the occurrences of D - offset,
resolves the audience to accounts, and sends each (rule, recipient, occurrence key) once.

`still_due(key)` is asked again just before sending (a meeting cancelled, a member already admitted): an
occurrence that is no longer due is skipped, not sent.
"""

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Occurrence:
    key: str  # stable across runs: "meeting:42", "member:7:probation:2026-05-01"
    on: dt.date  # the date the occurrence is about
    title: str  # one line, Vietnamese (already translated)
    organization_id: int | None  # the cell or organization concerned: audiences are resolved from it
    member_id: int | None = None  # the member concerned, when there is one (audience "member")
    body: str = ""
    url: str = ""  # path of the page to open, e.g. reverse("meetings:my_next")
    extra_recipient_ids: tuple[int, ...] = field(default=())  # accounts named by the record itself


@dataclass(frozen=True)
class Trigger:
    code: str
    label: str
    find: Callable[[dt.date], Iterable[Occurrence]]
    audiences: tuple[str, ...]  # the audiences that make sense for it (see notifications.models.Audience)
    still_due: Callable[[str], bool] | None = None


class Audience:
    """Who a rule sends to, resolved to accounts by the notifications app from the occurrence."""

    MEMBER = "member"  # the account of `Occurrence.member_id`
    CELL_MEMBERS = "cell_members"  # the portal accounts of the members of `Occurrence.organization_id`
    CELL_SECRETARY = "cell_secretary"  # the cell-secretary account(s) of `Occurrence.organization_id`
    COMMITTEE = "committee"  # the staff/secretaries in charge of the organization (its nearest keepers)
    HIGHER_COMMITTEE = "higher_committee"  # the keepers one level up (escalation)
    NAMED = "named"  # `Occurrence.extra_recipient_ids`


TRIGGERS: dict[str, Trigger] = {}


def trigger(code: str, label, *, audiences: tuple[str, ...], still_due: Callable[[str], bool] | None = None):
    def register(find):
        TRIGGERS[code] = Trigger(code=code, label=label, find=find, audiences=audiences, still_due=still_due)
        return find

    return register


# Set by the notifications app: runs the rules of one trigger for one anchor day at once (a notice sent now
# is delivered now, not at the next daily run). The occurrence keys make the daily run skip what was sent.
_RUNNER: Callable[[str, dt.date], object] | None = None


def set_runner(runner: Callable[[str, dt.date], object]) -> None:
    global _RUNNER
    _RUNNER = runner


def run_now(code: str, on: dt.date) -> None:
    """Deliver the occurrences of trigger `code` dated `on` now. Call it after the commit of what caused them
    (`transaction.on_commit(lambda: run_now(...))`). Without the notifications app it does nothing."""
    if _RUNNER is not None:
        _RUNNER(code, on)

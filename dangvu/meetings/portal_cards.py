"""The meetings' cards on the portal's home page: a member's next meeting, the cell's notices for its secretary."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from dangvu.accounts.policy import secretary_cell
from dangvu.lib.dates import format_short
from dangvu.meetings import selectors
from dangvu.meetings.models import MeetingNotice, NoticeKind, NoticeState
from dangvu.portal.cards import Card, card_provider


def notice_line(notice: MeetingNotice) -> str:
    """ "Sinh hoạt chi bộ tháng 11: 14:00 ngày 05/12/2026 tại Hội trường" """
    if notice.kind == NoticeKind.THEMATIC:
        what = _("Thematic meeting: %(topic)s") % {"topic": notice.topic}
    else:
        what = _("Cell meeting of month %(month)s") % {"month": notice.held_on.month}
    where = _("online") if notice.online else notice.place
    return _("%(what)s: %(time)s on %(day)s at %(place)s") % {
        "what": what,
        "time": f"{notice.starts_at:%H:%M}",
        "day": format_short(notice.held_on),
        "place": where,
    }


@card_provider
def next_meeting(user) -> list[Card]:
    today = timezone.localdate()
    notice = selectors.next_notice(user=user, today=today)
    if notice is None:
        return []
    member = user.member
    excused = notice.excuses.filter(member=member).exists()
    url = reverse("meetings:my_notice", args=[notice.pk])
    return [
        Card(
            title=_("The next meeting"),
            url=url,
            lines=(notice_line(notice),),
            badge=_("excused") if excused else "",
            tone="warn" if excused else "",
            order=10,
            actions=((_("See the notice"), url), (_("I cannot attend"), url + "#excuse-form")),
        )
    ]


@card_provider
def cell_meetings(user) -> list[Card]:
    cell = secretary_cell(user)
    if cell is None:
        return []
    today = timezone.localdate()
    coming = (
        MeetingNotice.objects.filter(organization=cell, held_on__gte=today)
        .exclude(state=NoticeState.CANCELLED)
        .order_by("held_on", "starts_at")
        .first()
    )
    cell_url = reverse("meetings:cell", args=[cell.pk])
    lines = (notice_line(coming) + f" ({coming.get_state_display().lower()})",) if coming else ()
    actions = [(_("New notice"), reverse("meetings:notice_create", args=[cell.pk]))]
    if coming is not None and coming.state == NoticeState.SENT and coming.held_on == today:
        actions.insert(0, (_("Start the meeting"), reverse("meetings:notice", args=[coming.pk])))
    return [
        Card(
            title=_("Cell meetings"),
            url=cell_url,
            lines=lines or (_("No meeting announced."),),
            badge=_("draft") if coming is not None and coming.state == NoticeState.DRAFT else "",
            order=10,
            for_secretary=True,
            actions=tuple(actions),
        )
    ]

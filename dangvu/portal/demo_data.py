"""Demo correction requests: the `dangvien` login has requests in every state, the cell it shares with
`bithuchibo` has requests waiting for that secretary, and a few hundred more across the tree fill the office's
list. Bulk-created with their history rows; a few queries whatever the size."""

import datetime as dt
from collections import Counter

from django.utils import timezone

from dangvu.accounts.models import Role, User
from dangvu.lib import bulk
from dangvu.members.models import ACTIVE_STATUSES, Member
from dangvu.portal.models import CorrectionRequest, CorrectionState
from dangvu.portal.services import stored_text

SHARE = 0.004  # of the active members, with a request somewhere in the tree
MAX_SPREAD = 300
PLACES = ["Hà Nội", "Nam Định", "Thái Bình", "Nghệ An", "Hà Tĩnh", "Thanh Hóa", "Kiên Giang", "Cần Thơ", "Huế"]
QUALIFICATIONS = ["Cử nhân Luật", "Thạc sĩ Kinh tế", "Kỹ sư Xây dựng", "Cử nhân Kế toán", "Thạc sĩ Quản lý công"]


def _proposal(rng, member: Member, field: str) -> str:
    if field == "hometown":
        return f"Xã {rng.choice(['Tân Lập', 'Hòa Bình', 'Quang Trung', 'Đông Hưng'])}, tỉnh {rng.choice(PLACES)}"
    if field == "permanent_address":
        return (
            f"Số {rng.randint(1, 200)} đường {rng.choice(['Lê Lợi', 'Trần Phú', 'Nguyễn Huệ'])}, {rng.choice(PLACES)}"
        )
    if field == "professional_qualification":
        return rng.choice(QUALIFICATIONS)
    if field == "phone":
        return f"09{rng.randint(10_000_000, 99_999_999)}"
    if field == "place_of_birth":
        return f"Bệnh viện Phụ sản {rng.choice(PLACES)}"
    return f"{member.full_name} ({rng.choice(PLACES)})"


def seed(context) -> dict[str, int]:
    rng = context.rng
    now = timezone.now()
    member_login = User.objects.filter(username="dangvien").select_related("member").first()
    secretary = User.objects.filter(username="bithuchibo").select_related("member").first()
    office = User.objects.filter(role=Role.COMMITTEE_STAFF, is_superuser=True).order_by("pk").first()
    requests: list[CorrectionRequest] = []

    def add(member, field, state, *, days_ago, handler=None, response="", note=""):
        proposed = _proposal(rng, member, field)
        current = stored_text(member, field)
        if state == CorrectionState.ACCEPTED:
            # Accepted long ago: the record holds the value proposed then.
            current, proposed = "", current or proposed
        handled = state != CorrectionState.PENDING
        requests.append(
            CorrectionRequest(
                member=member,
                field=field,
                current_value=current,
                proposed_value=proposed,
                note=note,
                state=state,
                handled_by=handler if state in (CorrectionState.ACCEPTED, CorrectionState.REJECTED) else None,
                handled_at=now - dt.timedelta(days=max(days_ago - 3, 0)) if handled else None,
                response=response,
                created_at=now - dt.timedelta(days=days_ago),
            )
        )

    if member_login and member_login.member and secretary and secretary.member:
        me, cell = member_login.member, secretary.organization
        add(me, "hometown", CorrectionState.PENDING, days_ago=2, note="Theo giấy khai sinh bản sao y.")
        add(me, "phone", CorrectionState.ACCEPTED, days_ago=60, handler=secretary, response="Đã cập nhật.")
        add(
            me,
            "place_of_birth",
            CorrectionState.REJECTED,
            days_ago=120,
            handler=secretary,
            response="Đề nghị bổ sung bản sao giấy khai sinh có chứng thực.",
        )
        add(me, "professional_qualification", CorrectionState.WITHDRAWN, days_ago=200)
        neighbours = list(
            Member.objects.filter(organization=cell, status__in=ACTIVE_STATUSES)
            .exclude(pk__in=[me.pk, secretary.member_id])
            .order_by("pk")[:3]
        )
        for days, (member, field) in enumerate(
            zip(neighbours, ("permanent_address", "professional_qualification", "hometown"), strict=False), 1
        ):
            add(member, field, CorrectionState.PENDING, days_ago=days, note="Đề nghị chi bộ xem xét, cập nhật.")
        add(secretary.member, "permanent_address", CorrectionState.PENDING, days_ago=4)
    taken = {r.member_id for r in requests}
    active = Member.objects.filter(status__in=ACTIVE_STATUSES).exclude(pk__in=taken)
    total = active.count()
    wanted = min(int(total * SHARE), MAX_SPREAD)
    if wanted:
        ids = sorted(active.values_list("pk", flat=True))
        chosen = Member.objects.filter(pk__in=rng.sample(ids, wanted)).order_by("pk")
        states = (
            [CorrectionState.PENDING] * 5
            + [CorrectionState.ACCEPTED] * 3
            + [
                CorrectionState.REJECTED,
                CorrectionState.WITHDRAWN,
            ]
        )
        for member in chosen:
            field = rng.choice(["hometown", "permanent_address", "professional_qualification", "phone"])
            state = rng.choice(states)
            response = "Chưa có căn cứ." if state == CorrectionState.REJECTED else ""
            add(member, field, state, days_ago=rng.randint(1, 300), handler=office, response=response)
    sent_on = [r.created_at for r in requests]
    bulk.create(CorrectionRequest, requests, batch_size=500, history=True)
    # `created_at` is stamped on creation (auto_now_add): put back the dates of the story.
    for row, when in zip(requests, sent_on, strict=True):
        row.created_at = when
    CorrectionRequest.objects.bulk_update(requests, ["created_at"], batch_size=500)
    return Counter({"CorrectionRequest": len(requests)})

"""Documents sent to members: the readers frozen at sending, the member's pages, "Tôi đã đọc", the office's read
share, the portal card and the indicator."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from dangvu.documents import selectors
from dangvu.documents.indicators import read_share
from dangvu.documents.models import Receipt
from dangvu.documents.services import document_issue, document_send, receipt_mark_read
from dangvu.indicators.registry import compute
from dangvu.members.tests.factories import admit

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"
SENT = dt.date(2026, 3, 10)


def _document(org, subject="Nghị quyết về công tác cán bộ", file=False):
    upload = SimpleUploadedFile("nq.pdf", PDF, content_type="application/pdf") if file else None
    return document_issue(
        organization=org, type_code="NQ", issued_on=dt.date(2026, 3, 2), subject=subject, file=upload, by=None
    )


def _send(document, organizations, *, subtree=True, by=None, today=SENT):
    return document_send(
        document=document,
        organizations=organizations,
        include_subtree=subtree,
        sender=document.organization,
        by=by,
        today=today,
    )


def test_sending_freezes_the_live_members_of_the_chosen_organizations_that_day(personas):
    document = _document(personas.committee)
    distribution = _send(document, [personas.org_a], by=personas.staff)
    later = admit(personas.cell_a1, full_name="Phạm Văn Mới")  # joins after sending: not a reader
    readers = set(distribution.receipts.values_list("member__full_name", flat=True))
    assert readers == {"Nguyễn Văn An", "Lê Thị Cúc"}
    assert distribution.readers == 2 and distribution.sent_on == SENT
    assert not Receipt.objects.filter(member=later).exists()
    assert set(distribution.receipts.values_list("organization", flat=True)) == {personas.cell_a1.pk}


def test_sending_to_a_cell_alone_leaves_out_the_organizations_under_nothing_else(personas):
    document = _document(personas.committee)
    admit(personas.cell_a2, full_name="Đỗ Thị Hai")
    assert _send(document, [personas.cell_a2], subtree=False).readers == 1
    # Sent again to the whole base organization: only those it had not reached get a receipt.
    again = _send(document, [personas.org_a])
    assert again.readers == 2
    assert Receipt.objects.filter(document=document).count() == 3


def test_sending_nothing_is_refused_with_a_message(personas):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as refused:
        _send(_document(personas.committee), [])
    assert "tổ chức" in str(refused.value) or "organization" in str(refused.value)


def test_sending_runs_the_sent_trigger_after_the_commit(personas, django_capture_on_commit_callbacks, monkeypatch):
    calls = []
    monkeypatch.setattr("dangvu.documents.services.run_now", lambda code, on: calls.append((code, on)))
    with django_capture_on_commit_callbacks(execute=True):
        _send(_document(personas.committee), [personas.cell_a1])
    assert calls == [("documents.sent", SENT)]


def test_the_receipt_records_the_first_reading_only(personas):
    _send(_document(personas.committee), [personas.cell_a1])
    receipt = Receipt.objects.get(member=personas.member_a)
    first = receipt_mark_read(receipt=receipt).read_at
    assert first is not None
    again = receipt_mark_read(receipt=Receipt.objects.get(pk=receipt.pk))
    assert again.read_at == first


def test_a_member_lists_the_documents_sent_to_them_unread_first(client, personas, django_assert_max_num_queries):
    documents = [_document(personas.committee, subject=f"Kế hoạch {i}") for i in range(5)]
    for document in documents:
        _send(document, [personas.cell_a1])
    receipt_mark_read(receipt=Receipt.objects.get(member=personas.member_a, document=documents[4]))
    client.force_login(personas.plain_member)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("documents:my_list"))
    html = response.content.decode()
    assert response.status_code == 200 and len(response.content) < 100_000
    assert html.index("Kế hoạch 0") < html.index("Kế hoạch 4")  # the read one comes last
    assert "02/03/2026" in html and personas.committee.name in html


def test_a_member_opens_reads_and_downloads_a_document_sent_to_them(client, personas):
    document = _document(personas.committee, file=True)
    _send(document, [personas.cell_a1])
    client.force_login(personas.plain_member)
    page = client.get(reverse("documents:my_detail", kwargs={"pk": document.pk}))
    assert page.status_code == 200 and len(page.content) < 100_000
    assert "mark-read" in page.content.decode()
    download = client.get(reverse("documents:my_file", kwargs={"pk": document.pk}))
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF")
    read = client.post(reverse("documents:my_read", kwargs={"pk": document.pk}))
    assert read.status_code == 302
    client.post(reverse("documents:my_read", kwargs={"pk": document.pk}))
    receipt = Receipt.objects.get(member=personas.member_a)
    assert receipt.read_at is not None
    assert "read-at" in client.get(reverse("documents:my_detail", kwargs={"pk": document.pk})).content.decode()


def test_a_member_not_sent_a_document_cannot_open_it_or_its_file(client, personas):
    document = _document(personas.committee, file=True)
    _send(document, [personas.org_b])
    client.force_login(personas.plain_member)
    for name in ("documents:my_detail", "documents:my_file"):
        assert client.get(reverse(name, kwargs={"pk": document.pk})).status_code == 404
    assert client.post(reverse("documents:my_read", kwargs={"pk": document.pk})).status_code == 404
    # Nor through the office's file URL: a member account is no tree user.
    assert client.get(reverse("documents:file", kwargs={"pk": document.pk})).status_code == 403


def test_the_file_is_not_served_under_a_guessable_media_url(client, personas, settings):
    document = _document(personas.committee, file=True)
    client.force_login(personas.plain_member)
    assert client.get(settings.MEDIA_URL + document.file.name).status_code == 404


def test_the_office_sees_the_read_share_per_cell_and_who_has_not_read(client, personas, django_assert_max_num_queries):
    admit(personas.cell_a2, full_name="Đỗ Thị Hai")
    document = _document(personas.committee)
    _send(document, [personas.org_a])
    receipt_mark_read(receipt=Receipt.objects.get(member=personas.member_a))
    shares = {
        s.organization.code: (s.read, s.sent, s.pct)
        for s in selectors.read_shares(user=personas.staff, document=document)
    }
    assert shares == {"A1": (1, 2, Decimal("50.00")), "A2": (0, 1, Decimal("0.00"))}
    client.force_login(personas.staff)
    with django_assert_max_num_queries(20):
        detail = client.get(reverse("documents:detail", kwargs={"pk": document.pk}))
    html = detail.content.decode()
    assert "50,00%" in html and 'id="read-pct">33,33%' in html
    with django_assert_max_num_queries(12):
        unread = client.get(reverse("documents:unread", kwargs={"pk": document.pk}))
    names = unread.content.decode()
    assert "Lê Thị Cúc" in names and "Đỗ Thị Hai" in names and "Nguyễn Văn An" not in names
    export = client.get(reverse("documents:unread", kwargs={"pk": document.pk}) + "?export=csv")
    assert export.status_code == 200 and "Đỗ Thị Hai" in b"".join(
        export.streaming_content if export.streaming else [export.content]
    ).decode("utf-8-sig")


def test_the_unread_list_keeps_the_same_queries_for_many_members(client, personas, django_assert_max_num_queries):
    for i in range(30):
        admit(personas.cell_a2, full_name=f"Thành viên {i}")
    document = _document(personas.committee)
    _send(document, [personas.org_a])
    client.force_login(personas.staff)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("documents:unread", kwargs={"pk": document.pk})).status_code == 200


def test_the_office_sends_from_the_documents_page(client, personas):
    document = _document(personas.org_a)
    client.force_login(personas.secretary_a)
    assert client.get(reverse("documents:send", kwargs={"pk": document.pk})).status_code == 200
    response = client.post(
        reverse("documents:send", kwargs={"pk": document.pk}),
        {"organizations": [personas.cell_a1.pk], "include_subtree": "on"},
    )
    assert response.status_code == 302
    assert Receipt.objects.filter(document=document).count() == 2


def test_the_office_cannot_send_to_an_organization_outside_its_subtree(client, personas):
    document = _document(personas.org_a)
    client.force_login(personas.secretary_a)
    response = client.post(
        reverse("documents:send", kwargs={"pk": document.pk}), {"organizations": [personas.org_b.pk]}
    )
    assert response.status_code == 200 and not Receipt.objects.exists()
    assert response.context["form"].errors["organizations"]


def test_a_cell_secretary_forwards_a_document_they_were_sent_to_their_cell_only(client, personas):
    document = _document(personas.committee)
    _send(document, [personas.cell_a1])  # reaches the secretary (and An)
    admit(personas.cell_a1, full_name="Phạm Văn Mới")
    client.force_login(personas.cell_secretary)
    response = client.post(reverse("documents:my_send_to_cell", kwargs={"pk": document.pk}))
    assert response.status_code == 302
    assert Receipt.objects.filter(document=document, member__full_name="Phạm Văn Mới").exists()
    other = _document(personas.committee, subject="Không gửi cho chi bộ")
    assert client.post(reverse("documents:my_send_to_cell", kwargs={"pk": other.pk})).status_code == 404
    client.force_login(personas.plain_member)
    assert client.post(reverse("documents:my_send_to_cell", kwargs={"pk": document.pk})).status_code == 403


def test_the_portal_card_counts_the_unread_documents(client, personas):
    from dangvu.documents.portal_cards import documents

    assert documents(personas.plain_member) == []  # nothing sent yet: no card
    for i in range(3):
        _send(_document(personas.committee, subject=f"Văn bản {i}"), [personas.cell_a1])
    card = documents(personas.plain_member)[0]
    assert (str(card.title), card.badge) == ("Văn bản mới", "3 chưa đọc")
    assert documents(personas.staff) == []
    for receipt in Receipt.objects.filter(member=personas.member_a):
        receipt_mark_read(receipt=receipt)
    assert documents(personas.plain_member)[0].badge == ""


def test_the_read_share_indicator_counts_receipts_sent_in_the_period_in_the_subtree(personas):
    document = _document(personas.committee)
    _send(document, [personas.committee])  # An, Cúc (A1) and Bình (B)
    receipt_mark_read(receipt=Receipt.objects.get(member=personas.member_a))
    year = {"start": dt.date(2026, 1, 1), "end": dt.date(2026, 12, 31)}
    whole = compute(organization=None, codes=["portal.documents_read_pct", "portal.documents_expected"], **year)
    assert whole == {"portal.documents_read_pct": Decimal("33.33"), "portal.documents_expected": 3}
    assert compute(organization=personas.org_a, codes=["portal.documents_read_pct"], **year) == {
        "portal.documents_read_pct": Decimal("50.00")
    }
    assert read_share(organization=personas.org_b, **year) == Decimal("0.00")


def test_the_read_share_is_no_data_when_nothing_was_sent(personas):
    _send(_document(personas.committee), [personas.committee])
    assert read_share(organization=None, start=dt.date(2025, 1, 1), end=dt.date(2025, 12, 31)) is None
    values = compute(organization=None, start=dt.date(2025, 1, 1), end=dt.date(2025, 12, 31))
    assert values["portal.documents_expected"] == 0


def test_the_cell_secretary_sees_how_many_of_the_cell_read_the_latest_document(personas):
    from dangvu.documents.portal_cards import cell_reading

    assert cell_reading(personas.cell_secretary) == []
    _send(_document(personas.committee, subject="Kế hoạch mới nhất"), [personas.cell_a1])
    receipt_mark_read(receipt=Receipt.objects.get(member=personas.member_a))
    [card] = cell_reading(personas.cell_secretary)
    assert card.for_secretary and card.tone == "warn"
    document_number = Receipt.objects.get(member=personas.member_a).document.number_symbol
    assert (str(card.title), card.lines[0]) == ("Văn bản của chi bộ", f"1/2 đảng viên đã đọc {document_number}")
    assert cell_reading(personas.plain_member) == []


def test_the_office_forwards_a_received_document_to_the_members(client, personas):
    from dangvu.documents.services import document_receive

    received = document_receive(
        organization=personas.org_a,
        type_code="CT",
        number_symbol="05-CT/TW",
        issued_on=dt.date(2026, 2, 2),
        received_on=dt.date(2026, 2, 5),
        sender="Ban Chấp hành Trung ương",
        subject="Chỉ thị về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        by=None,
    )
    client.force_login(personas.secretary_a)
    url = reverse("documents:send", kwargs={"pk": received.pk})
    # The base organization's members are in its cells: without them, nobody to send to (a message, no record).
    refused = client.post(url, {"organizations": [personas.org_a.pk]})
    assert refused.status_code == 200 and "tổ chức trực thuộc" in str(refused.context["form"].errors)
    response = client.post(url, {"organizations": [personas.org_a.pk], "include_subtree": "on"})
    assert response.status_code == 302
    assert Receipt.objects.filter(document=received).count() == 2

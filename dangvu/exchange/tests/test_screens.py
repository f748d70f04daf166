"""The import screens: upload, column mapping, the check report, the import, background runs with progress."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from dangvu.exchange import jobs
from dangvu.exchange.models import ImportJob, ImportState
from dangvu.exchange.tests.files import member_row, xlsx_bytes
from dangvu.members.models import Member
from dangvu.organizations.models import Organization

pytestmark = pytest.mark.django_db


def upload(client, name, data, kind="members"):
    return client.post(reverse("exchange:upload"), {"kind": kind, "file": SimpleUploadedFile(name, data)})


def test_an_upload_is_checked_then_imported_on_confirmation(client, personas):
    client.force_login(personas.secretary_a)
    response = upload(client, "dv.xlsx", xlsx_bytes([member_row()]))
    job = ImportJob.objects.get()
    assert response.url == reverse("exchange:job", kwargs={"pk": job.pk})
    page = client.get(response.url).content.decode()
    assert job.state == "uploaded" or "sẽ thêm mới" in page
    assert "Tất cả các dòng đều hợp lệ" in page
    assert not Member.objects.filter(national_id="001090000111").exists()
    client.post(reverse("exchange:commit", kwargs={"pk": job.pk}))
    job.refresh_from_db()
    assert job.state == ImportState.DONE
    assert not job.file  # the uploaded personal data is not kept once imported
    assert Member.objects.get(national_id="001090000111").history.first().history_user == personas.secretary_a


def test_the_report_lists_every_bad_row_and_offers_no_import(client, personas):
    client.force_login(personas.staff)
    rows = [
        member_row(),
        member_row(national_id="001090000999", date_of_birth="31/02/1990"),
        member_row(organization="X"),
    ]
    response = upload(client, "dv.xlsx", xlsx_bytes(rows))
    page = client.get(response.url).content.decode()
    assert "Ngày 31/02/1990 không có thật." in page
    assert "Không có chi bộ hoặc chi bộ cơ sở mã X" in page
    assert "2 dòng có lỗi" in page
    assert reverse("exchange:commit", kwargs={"pk": ImportJob.objects.get().pk}) not in page
    response = client.post(reverse("exchange:commit", kwargs={"pk": ImportJob.objects.get().pk}), follow=True)
    assert "Chỉ nhập được tệp đã kiểm tra và không có lỗi." in response.content.decode()
    assert Member.objects.count() == 3  # the personas' members only


def test_a_csv_with_unknown_titles_is_mapped_by_hand(client, personas):
    client.force_login(personas.staff)
    titles = ["Ten", "GT", "NS", "DT", "TG", "CCCD", "Ma", "NKN", "SoQD", "NLKN", "NCT", "SoQDCT"]
    keys = ["full_name", "sex", "date_of_birth", "ethnicity", "religion", "national_id", "organization", "admitted_on"]
    keys += ["admission_document_no", "ceremony_on", "made_full_on", "full_document_no"]
    row = member_row()
    text = ";".join(titles) + "\n" + ";".join(row[k] for k in keys) + "\n"
    response = upload(client, "dv.csv", text.encode())
    job = ImportJob.objects.get()
    assert response.url == reverse("exchange:mapping", kwargs={"pk": job.pk})
    incomplete = {f"col_{i}": key for i, key in enumerate(keys[:3])}
    response = client.post(reverse("exchange:mapping", kwargs={"pk": job.pk}), incomplete)
    assert response.status_code == 200 and "Chọn cột của tệp cho" in response.content.decode()
    twice = {"col_0": "full_name", "col_1": "full_name"}
    response = client.post(reverse("exchange:mapping", kwargs={"pk": job.pk}), twice)
    assert "đã được chọn cho một cột khác" in response.content.decode()
    client.post(reverse("exchange:mapping", kwargs={"pk": job.pk}), {f"col_{i}": k for i, k in enumerate(keys)})
    job.refresh_from_db()
    assert job.state == ImportState.CHECKED and job.report["created"] == 1, job.report


def test_a_large_file_runs_in_the_background_and_the_page_polls_its_progress(
    client, personas, immediate_tasks, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(jobs, "INLINE_LIMIT_BYTES", 10)
    client.force_login(personas.staff)
    rows = [member_row(national_id=f"0010900{n:05d}", full_name=f"Người Thứ {n}") for n in range(30)]
    with django_capture_on_commit_callbacks(execute=True) as queued:
        response = upload(client, "dv.xlsx", xlsx_bytes(rows))
    assert len(queued) == 1  # the check went to the task queue
    job = ImportJob.objects.get()
    assert job.state == ImportState.CHECKED and job.rows_done == 30
    fragment = client.get(response.url, headers={"HX-Request": "true"})
    assert b"<html" not in fragment.content and "30" in fragment.content.decode()
    ImportJob.objects.filter(pk=job.pk).update(state=ImportState.CHECKING, rows_done=12, rows_total=30)
    polling = client.get(response.url, headers={"HX-Request": "true"}).content.decode()
    assert 'hx-trigger="every 1s"' in polling and 'value="40"' in polling
    ImportJob.objects.filter(pk=job.pk).update(state=ImportState.CHECKED)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("exchange:commit", kwargs={"pk": job.pk}))
    assert Member.objects.filter(full_name__startswith="Người Thứ").count() == 30


def test_organizations_are_imported_under_their_parents(client, personas):
    client.force_login(personas.secretary_a)
    rows = [
        {"code": "A5", "name": "Chi bộ Kế toán", "kind": "Chi bộ", "parent": "A", "founded_on": "01/02/2020"},
        {"code": "A1", "name": personas.cell_a1.name, "kind": "Chi bộ", "parent": "A", "founded_on": "01/01/1970"},
        {"code": "B9", "name": "Chi bộ Lạ", "kind": "Chi bộ", "parent": "B", "founded_on": "01/02/2020"},
    ]
    response = upload(client, "tc.xlsx", xlsx_bytes(rows, kind="organizations"), kind="organizations")
    job = ImportJob.objects.get()
    page = client.get(response.url).content.decode()
    assert "Không có tổ chức đảng mã B" in page
    assert not Organization.objects.filter(code="A5").exists()
    good = xlsx_bytes(rows[:2], kind="organizations")
    response = upload(client, "tc2.xlsx", good, kind="organizations")
    job = ImportJob.objects.latest("pk")
    assert (job.report["created"], job.report["skipped"]) == (1, 1)
    assert not Organization.objects.filter(code="A5").exists()
    client.post(reverse("exchange:commit", kwargs={"pk": job.pk}))
    created = Organization.objects.get(code="A5")
    assert Organization.objects.get_parent(created) == personas.org_a and created.versions.count() == 1


def test_the_template_is_a_workbook_with_the_register_titles(client, personas):
    from io import BytesIO

    from openpyxl import load_workbook

    client.force_login(personas.secretary_a)
    response = client.get(reverse("exchange:template", kwargs={"kind": "members"}))
    sheet = load_workbook(BytesIO(response.content)).active
    assert sheet["A1"].value == "SỔ DANH SÁCH ĐẢNG VIÊN (Mẫu 7-HSĐV)"
    titles = [c.value for c in sheet[4]]
    assert titles[:4] == ["Họ và tên", "Tên gọi khác", "Giới tính", "Ngày sinh"]
    assert client.get(reverse("exchange:template", kwargs={"kind": "nothing"})).status_code == 404

"""The office's dues screens: a cell's month (make, re-make with a reason, the whole cell's payments, reasons),
a member's category with its history, arrears opening the removal proposal, settling a period."""

import datetime as dt

import pytest
from django.urls import reverse

from dangvu.dues.models import DuesPayment, DuesProfile, DuesRun, Remittance, RemovalProposal, UnpaidReason
from dangvu.dues.tests.ui_data import cell_with_runs

pytestmark = pytest.mark.django_db

MARCH = dt.date(2025, 3, 1)


def _month_url(name, personas, month=MARCH):
    return reverse(name, kwargs={"pk": personas.cell_a1.pk, "year": month.year, "month": month.month})


def test_the_month_page_shows_each_members_frozen_line_and_what_was_paid(client, personas):
    secretary, _runs = cell_with_runs(personas)
    client.force_login(personas.secretary_a)
    response = client.get(_month_url("dues:month", personas))
    assert response.status_code == 200
    text = response.content.decode()
    assert personas.member_a.full_name in text
    assert secretary.full_name in text
    assert "80.000" in text  # 1% of 8,000,000 đ
    assert 'id="record-payments"' in text


def test_making_the_month_freezes_it_once_and_a_second_try_is_refused_with_a_message(client, personas):
    cell_with_runs(personas, months=())
    client.force_login(personas.staff)
    url = _month_url("dues:make_run", personas)
    assert client.post(url).status_code == 302
    assert DuesRun.objects.filter(organization=personas.cell_a1, month=MARCH).count() == 1
    response = client.post(url, follow=True)
    assert "re-make them on purpose" in response.content.decode() or "đã được lập" in response.content.decode()
    assert DuesRun.objects.filter(organization=personas.cell_a1, month=MARCH).count() == 1


def test_re_making_the_month_needs_a_reason_which_is_kept(client, personas):
    _secretary, (run,) = cell_with_runs(personas)
    client.force_login(personas.staff)
    url = _month_url("dues:remake_run", personas)
    response = client.post(url, {"reason": ""})
    assert response.status_code == 200
    assert response.context["remake_form"].errors
    assert client.post(url, {"reason": "Lương đóng bảo hiểm được điều chỉnh"}).status_code == 302
    run.refresh_from_db()
    assert run.remake_reason == "Lương đóng bảo hiểm được điều chỉnh"
    assert run.remade_at is not None


def test_the_whole_cells_payments_are_recorded_at_once(client, personas):
    secretary, _runs = cell_with_runs(personas)
    client.force_login(personas.secretary_a)
    response = client.post(
        _month_url("dues:record_payments", personas),
        {
            f"pay_{personas.member_a.pk}": "on",
            f"amount_{personas.member_a.pk}": "80.000",
            f"pay_{secretary.pk}": "on",
            f"amount_{secretary.pk}": "5000",
            "paid_on": "10/03/2025",
            "channel": "cash",
        },
    )
    assert response.status_code == 302
    paid = dict(DuesPayment.objects.filter(month=MARCH).values_list("member_id", "amount"))
    assert paid == {personas.member_a.pk: 80_000, secretary.pk: 5_000}


def test_payments_without_a_ticked_member_are_refused_with_a_message(client, personas):
    cell_with_runs(personas)
    client.force_login(personas.secretary_a)
    response = client.post(_month_url("dues:record_payments", personas), {"paid_on": "10/03/2025", "channel": "cash"})
    assert response.status_code == 200
    assert response.context["pay_form"].non_field_errors()
    assert DuesPayment.objects.count() == 0


def test_a_payment_dated_in_the_future_is_the_forms_error_not_a_500(client, personas):
    cell_with_runs(personas)
    client.force_login(personas.secretary_a)
    response = client.post(
        _month_url("dues:record_payments", personas),
        {
            f"pay_{personas.member_a.pk}": "on",
            f"amount_{personas.member_a.pk}": "80000",
            "paid_on": "01/01/2099",
            "channel": "cash",
        },
    )
    assert response.status_code == 200
    assert response.context["pay_form"].errors
    assert DuesPayment.objects.count() == 0


def test_a_reason_for_not_paying_is_recorded_for_a_member_of_the_cell_only(client, personas):
    cell_with_runs(personas)
    client.force_login(personas.secretary_a)
    url = _month_url("dues:record_reason", personas)
    assert client.post(url, {"member": personas.member_a.pk, "reason": "Ốm dài ngày"}).status_code == 302
    assert UnpaidReason.objects.get(member=personas.member_a, month=MARCH).reason == "Ốm dài ngày"
    client.post(url, {"member": personas.member_b.pk, "reason": "Không phải chi bộ này"})
    assert not UnpaidReason.objects.filter(member=personas.member_b).exists()


def test_a_members_category_is_set_from_a_date_and_its_history_is_shown(client, personas):
    cell_with_runs(personas)
    client.force_login(personas.secretary_a)
    url = reverse("dues:member", kwargs={"pk": personas.member_a.pk})
    response = client.post(url, {"category": "pensioner", "base_amount": "6.000.000", "valid_from": "01/07/2025"})
    assert response.status_code == 302
    assert list(DuesProfile.objects.filter(member=personas.member_a).values_list("category", flat=True)) == [
        "pensioner",
        "insured",
    ]
    page = client.get(url).content.decode()
    assert "6.000.000" in page and "8.000.000" in page


def test_a_category_that_needs_a_base_without_one_is_refused_beside_the_field(client, personas):
    client.force_login(personas.secretary_a)
    url = reverse("dues:member", kwargs={"pk": personas.member_a.pk})
    response = client.post(url, {"category": "insured", "base_amount": "", "valid_from": "01/07/2025"})
    assert response.status_code == 200
    assert "base_amount" in response.context["form"].errors


def test_the_arrears_warning_opens_exactly_the_members_the_cell_may_propose_and_starts_the_proposal(client, personas):
    months = [dt.date(2025, m, 1) for m in (1, 2, 3)]
    secretary, _runs = cell_with_runs(personas, months=months)
    for month in months:  # the secretary's member paid; member A paid nothing
        DuesPayment.objects.create(
            member=secretary, organization=personas.cell_a1, month=month, amount=5000, paid_on=month
        )
    client.force_login(personas.secretary_a)
    response = client.get(reverse("dues:arrears"), {"year": 2025, "months": 3, "removable": 1})
    rows = list(response.context["page"].object_list)
    assert [r.member.pk for r in rows] == [personas.member_a.pk]
    assert "propose-removal" in response.content.decode()
    url = reverse("dues:propose_removal", kwargs={"pk": personas.member_a.pk, "year": 2025})
    assert client.post(url).status_code == 302
    proposal = RemovalProposal.objects.get(member=personas.member_a, year=2025)
    assert proposal.organization_id == personas.cell_a1.pk
    after = client.get(reverse("dues:arrears"), {"year": 2025, "months": 3, "removable": 1})
    assert list(after.context["page"].object_list) == []


def test_a_reason_for_one_month_keeps_the_member_out_of_the_removal_warning(client, personas):
    months = [dt.date(2025, m, 1) for m in (1, 2, 3)]
    cell_with_runs(personas, months=months)
    UnpaidReason.objects.create(member=personas.member_a, month=months[0], reason="Đi công tác biển đảo")
    client.force_login(personas.staff)
    response = client.get(reverse("dues:arrears"), {"year": 2025, "months": 3, "removable": 1})
    assert personas.member_a.pk not in [r.member.pk for r in response.context["page"].object_list]


def test_settling_a_period_keeps_collected_equal_to_kept_plus_remitted(client, personas):
    secretary, _runs = cell_with_runs(personas)
    DuesPayment.objects.create(
        member=personas.member_a, organization=personas.cell_a1, month=MARCH, amount=80_000, paid_on=MARCH
    )
    client.force_login(personas.staff)
    response = client.post(
        reverse("dues:settle"),
        {"settle-organization": personas.cell_a1.pk, "settle-period_start": "2025-03", "settle-period_end": "2025-03"},
    )
    assert response.status_code == 302
    remittance = Remittance.objects.get(organization=personas.cell_a1)
    assert remittance.collected == 80_000
    assert remittance.kept + remittance.remitted == remittance.collected
    listing = client.get(reverse("dues:remittances")).content.decode()
    assert "80.000" in listing
    assert "B01/ĐP tháng " in listing and "B01/ĐP quý " in listing  # the period by its name, not "2025-03"


def test_the_cells_of_a_month_list_and_its_export_name_every_cell(client, personas):
    cell_with_runs(personas)
    client.force_login(personas.staff)
    response = client.get(reverse("dues:home"), {"month": "2025-03"})
    assert response.status_code == 200
    assert personas.cell_a1.name in response.content.decode()
    export = client.get(reverse("dues:home"), {"month": "2025-03", "export": "csv"})
    assert personas.cell_a1.name in export.content.decode("utf-8-sig")


def test_an_invalid_month_filter_answers_200_with_the_forms_message(client, personas):
    client.force_login(personas.staff)
    response = client.get(reverse("dues:home"), {"month": "13/2025"})
    assert response.status_code == 200
    assert response.context["form"].errors["month"]


def test_the_dashboard_warns_of_members_the_cell_may_propose_for_removal_and_links_to_exactly_them(personas):
    from dangvu.dues.alerts import dues_alerts

    months = [dt.date(2026, m, 1) for m in (1, 2, 3)]
    secretary, _runs = cell_with_runs(personas, months=months)
    for month in months:
        DuesPayment.objects.create(
            member=secretary, organization=personas.cell_a1, month=month, amount=5000, paid_on=month
        )
    (alert,) = dues_alerts(user=personas.secretary_a, organization=personas.org_a, today=dt.date(2026, 11, 22))
    assert alert.count == 1
    assert alert.level == "danger"
    assert "removable=1" in alert.url and "months=3" in alert.url
    assert (
        dues_alerts(user=personas.secretary_b, organization=personas.org_b, today=dt.date(2026, 11, 22))[0].count == 0
    )


def test_the_office_makes_the_month_for_every_cell_of_its_subtree_at_once(client, personas):
    cell_with_runs(personas, months=())
    client.force_login(personas.secretary_a)
    response = client.post(reverse("dues:make_runs"), {"month": "2025-04"})
    assert response.status_code == 302
    made = set(DuesRun.objects.filter(month=dt.date(2025, 4, 1)).values_list("organization_id", flat=True))
    assert made == {personas.cell_a1.pk, personas.cell_a2.pk}

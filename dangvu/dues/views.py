"""The office's dues screens: the cells of a month, a cell's month (make or re-make the run, the whole cell's
payments at once, reasons for not paying), a member's dues category, arrears (and the removal proposal started
from them), remittances, the S01/ĐP, S02/ĐP and B01/ĐP books.

Every write is a `dues.services` call; who may do what is `accounts.policy`'s (may_view_dues, may_keep_dues,
may_settle_dues, may_set_dues_category)."""

import datetime as dt
from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dangvu.accounts import policy
from dangvu.accounts.decorators import tree_user_required
from dangvu.dues import books, forms, imports, selectors, services, sheets
from dangvu.dues.models import DuesProfile, Remittance
from dangvu.lib.forms import apply_service_errors
from dangvu.lib.numbers import format_int
from dangvu.lib.screens import Export, ExportColumn, history_of, render_list
from dangvu.members.models import Member
from dangvu.organizations.models import MEMBER_HOLDING_KINDS, Organization


def _keeps_dues_somewhere(user) -> bool:
    return policy.works_on_tree(user) or policy.dues_cells(user).exists()


def dues_keeper_required(view):
    """The office, or a portal account that keeps some cell's dues (its secretary, its treasurer); which cell
    is checked per request (`may_keep_dues`)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not _keeps_dues_somewhere(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    wrapper.access_guard = "_keeps_dues_somewhere"
    return wrapper


def visible_organization(user, pk: int) -> Organization:
    """The organization, or 404 when the user may not see its dues."""
    organization = get_object_or_404(Organization, pk=pk, deleted_at__isnull=True)
    if not policy.may_view_dues(user, organization):
        raise Http404
    return organization


def kept_organization(user, pk: int) -> Organization:
    """The organization whose dues the user keeps: 404 when unseen, 403 when seen but not kept."""
    organization = visible_organization(user, pk)
    if not policy.may_keep_dues(user, organization):
        raise PermissionDenied
    return organization


def month_of(year: int, month: int) -> dt.date:
    try:
        return dt.date(year, month, 1)
    except ValueError as bad:
        raise Http404 from bad


def month_url(organization, month: dt.date, name: str = "dues:month") -> str:
    return reverse(name, kwargs={"pk": organization.pk, "year": month.year, "month": month.month})


def _refused(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def _back(request, fallback: str):
    """Back to the page that posted (the office page or the phone page), when it is one of ours."""
    target = request.POST.get("next", "")
    if target.startswith("/dues/") and "//" not in target:
        return redirect(target)
    return redirect(fallback)


# --- The cells of a month ----------------------------------------------------------------------------


MONTH_EXPORT = Export(
    title=_("Party dues of the month"),
    filename="dang-phi-thang",
    columns=(
        ExportColumn("name", _("Organization"), width=40),
        ExportColumn("run_members", _("Members"), width=10),
        ExportColumn("run_due", _("Due (đồng)"), width=14),
        ExportColumn("collected", _("Collected (đồng)"), width=14),
        ExportColumn("payers", _("Members who paid"), width=12),
    ),
)


@tree_user_required
def home(request):
    form = forms.MonthFilterForm(request.GET or None, user=request.user)
    filters = form.filters()
    month = filters.month or forms.this_month()
    organizations = policy.organizations_to_view(request.user).filter(deleted_at__isnull=True, ended_on__isnull=True)
    if filters.organization is not None:
        organizations = organizations.filter(path__startswith=filters.organization.path)
    rows = sheets.cells_for_month(organizations, month)
    if filters.unpaid:
        rows = [r for r in rows if r.run_id is None or r.payers < r.run_members]
    return render_list(
        request,
        rows=rows,
        template="dues/home.html",
        results_template="dues/_home_results.html",
        form=form,
        export=MONTH_EXPORT,
        context={"month": month},
    )


@require_POST
@tree_user_required
def make_runs(request):
    """The month's dues of every cell of the user's subtree (or of the chosen organization) not made yet."""
    if not policy.keeps_registry(request.user):
        raise PermissionDenied
    month = forms.parse_month(request.POST.get("month", ""))
    organization = request.user.organization
    chosen = request.POST.get("organization", "")
    if chosen.isdigit():
        organization = visible_organization(request.user, int(chosen))
    if month is None:
        messages.error(request, _("Enter a month as mm/yyyy, e.g. 03/2026."))
        return redirect("dues:home")
    try:
        runs = services.make_subtree_runs(organization=organization, month=month, user=request.user)
    except ValidationError as error:
        _refused(request, error)
    else:
        messages.success(
            request,
            _("The dues of %(month)s were made for %(count)s cells.") % {"month": f"{month:%m/%Y}", "count": len(runs)},
        )
    return redirect(f"{reverse('dues:home')}?month={month:%Y-%m}")


# --- A cell's month ------------------------------------------------------------------------------------


def _month_context(request, organization, month, *, remake_form=None, pay_form=None):
    sheet = sheets.month_sheet(organization, month)
    keeps = policy.may_keep_dues(request.user, organization)
    previous = (month - dt.timedelta(days=1)).replace(day=1)
    following = (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    unit = selectors.unit_of(organization)
    return {
        "organization": organization,
        "month": month,
        "sheet": sheet,
        "can_keep": keeps,
        "unit": unit,
        "can_set_unit": policy.may_settle_dues(request.user, organization),
        "unit_form": forms.UnitForm(
            organization=organization,
            initial={"region": unit.region if unit else 1, "treasurer": unit.treasurer_id if unit else None},
        ),
        "pay_form": pay_form
        or forms.PaymentsForm(lines=[r.line for r in sheet.rows], initial={"paid_on": sheets.today()}),
        "remake_form": remake_form or forms.RemakeForm(),
        "reason_form": forms.UnpaidReasonForm(),
        "history": history_of(sheet.run) if sheet.run else [],
        "previous_url": month_url(organization, previous),
        "next_url": month_url(organization, following),
        "phone_url": month_url(organization, month, "dues:cell_pay"),
    }


@tree_user_required
def month_page(request, pk: int, year: int, month: int):
    organization = visible_organization(request.user, pk)
    if not organization.holds_members:
        raise Http404
    return render(request, "dues/month.html", _month_context(request, organization, month_of(year, month)))


@require_POST
@dues_keeper_required
def make_run(request, pk: int, year: int, month: int):
    organization = kept_organization(request.user, pk)
    the_month = month_of(year, month)
    try:
        run = services.make_run(organization=organization, month=the_month, user=request.user)
    except ValidationError as error:
        _refused(request, error)
    else:
        messages.success(
            request,
            _("The dues of %(month)s were made: %(count)s members, %(total)s đồng due.")
            % {"month": f"{the_month:%m/%Y}", "count": run.members_count, "total": format_int(run.total_due)},
        )
    return _back(request, month_url(organization, the_month))


@require_POST
@tree_user_required
def remake_run(request, pk: int, year: int, month: int):
    organization = kept_organization(request.user, pk)
    the_month = month_of(year, month)
    sheet = sheets.month_sheet(organization, the_month)
    if sheet.run is None:
        raise Http404
    form = forms.RemakeForm(request.POST)
    if form.is_valid():
        try:
            services.remake_run(run=sheet.run, reason=form.cleaned_data["reason"], user=request.user)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The month was re-made; the reason is kept in its history."))
            return redirect(month_url(organization, the_month))
    context = _month_context(request, organization, the_month, remake_form=form)
    return render(request, "dues/month.html", context)


@require_POST
@tree_user_required
def record_payments(request, pk: int, year: int, month: int):
    organization = kept_organization(request.user, pk)
    the_month = month_of(year, month)
    sheet = sheets.month_sheet(organization, the_month)
    form = forms.PaymentsForm(request.POST, lines=[r.line for r in sheet.rows])
    if form.is_valid():
        try:
            from django.db import transaction

            with transaction.atomic():
                for line, amount in form.cleaned_data["chosen"]:
                    services.record_payment(
                        member=line.member,
                        month=the_month,
                        amount=amount,
                        paid_on=form.cleaned_data["paid_on"],
                        channel=form.cleaned_data["channel"],
                        user=request.user,
                    )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            count = len(form.cleaned_data["chosen"])
            messages.success(request, _("Payments recorded: %(count)s members.") % {"count": count})
            return redirect(month_url(organization, the_month))
    return render(request, "dues/month.html", _month_context(request, organization, the_month, pay_form=form))


@require_POST
@dues_keeper_required
def record_reason(request, pk: int, year: int, month: int):
    organization = kept_organization(request.user, pk)
    the_month = month_of(year, month)
    form = forms.UnpaidReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write the reason for not paying."))
        return _back(request, month_url(organization, the_month))
    member = Member.objects.filter(pk=form.cleaned_data["member"], organization=organization).first()
    if member is None:
        messages.error(request, _("This member is not in the cell."))
        return _back(request, month_url(organization, the_month))
    try:
        services.record_unpaid_reason(
            member=member, month=the_month, reason=form.cleaned_data["reason"], user=request.user
        )
    except ValidationError as error:
        _refused(request, error)
    else:
        messages.success(request, _("The reason was recorded."))
    return _back(request, month_url(organization, the_month))


@require_POST
@tree_user_required
def set_unit(request, pk: int):
    """The organization's minimum-wage region and treasurer: registry keepers over it."""
    organization = visible_organization(request.user, pk)
    if not policy.may_settle_dues(request.user, organization):
        raise PermissionDenied
    form = forms.UnitForm(request.POST, organization=organization)
    if form.is_valid():
        try:
            services.set_unit(
                organization=organization,
                region=form.cleaned_data["region"],
                treasurer=form.cleaned_data["treasurer"],
                user=request.user,
            )
        except ValidationError as error:
            _refused(request, error)
        else:
            messages.success(request, _("The region and the treasurer were recorded."))
    else:
        messages.error(request, _("Choose the region (1 to 4) and a member of the cell as treasurer."))
    return _back(request, reverse("dues:home"))


# --- A member's dues category ------------------------------------------------------------------------


def _visible_member(user, pk: int) -> Member:
    member = get_object_or_404(Member.objects.select_related("organization"), pk=pk)
    organization = member.organization or member.last_organization
    if not policy.may_view_dues(user, organization):
        raise Http404
    return member


@tree_user_required
def member_page(request, pk: int):
    member = _visible_member(request.user, pk)
    can_edit = policy.may_set_dues_category(request.user, member)
    form = forms.ProfileForm(request.POST or None, initial={"valid_from": sheets.today().replace(day=1)})
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.set_profile(
                    member=member,
                    category=data["category"],
                    base_amount=data["base_amount"],
                    valid_from=data["valid_from"],
                    voluntary_extra=data["voluntary_extra"] or 0,
                    note=data["note"],
                    user=request.user,
                )
            except ValidationError as error:
                apply_service_errors(form, error)
            else:
                messages.success(request, _("The dues category was recorded."))
                return redirect("dues:member", pk=member.pk)
    year = _year(request)
    context = {
        "member": member,
        "profiles": DuesProfile.objects.filter(member=member).order_by("-valid_from"),
        "form": form,
        "can_edit": can_edit,
        "year": year,
        "months": selectors.member_dues(member=member, year=year),
    }
    return render(request, "dues/member.html", context)


def _year(request) -> int:
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        return sheets.today().year
    return year if 2000 <= year <= 2100 else sheets.today().year


# --- Arrears and the removal proposal -----------------------------------------------------------------


def arrears_rows(user, filters) -> list:
    """`selectors.arrears` rows narrowed by the filters: a subtree, at least so many unpaid months, and (for the
    dashboard's warning) only those the cell may propose for removal."""
    today = sheets.today()
    year = filters.year or today.year
    on = today if year == today.year else dt.date(year, 12, 31)
    rows = selectors.arrears(user=user, year=year, on=on, organization=filters.organization)
    rows = [r for r in rows if r.count >= (filters.months or 1)]
    if filters.removable:
        rows = [r for r in rows if r.may_propose_removal]
    return rows


ARREARS_EXPORT = Export(
    title=_("Members in arrears"),
    filename="no-dang-phi",
    columns=(
        ExportColumn("member.full_name", _("Member"), width=30),
        ExportColumn("organization.name", _("Organization"), width=36),
        ExportColumn("count", _("Unpaid months"), width=10),
        ExportColumn("months", _("Months"), value=lambda r: ", ".join(f"{m:%m/%Y}" for m in r.unpaid_months), width=40),
        ExportColumn(
            "reasons", _("Months with a reason"), value=lambda r: ", ".join(f"{m:%m/%Y}" for m in r.months_with_reason)
        ),
    ),
)


@dues_keeper_required
def arrears(request):
    form = forms.ArrearsFilterForm(request.GET or None, user=request.user)
    filters = form.filters()
    year = filters.year or sheets.today().year
    rows = arrears_rows(request.user, filters)
    keeps = {}
    for row in rows:
        organization = row.organization
        if organization is not None and organization.pk not in keeps:
            keeps[organization.pk] = policy.may_keep_dues(request.user, organization)
        row.may_start = row.may_propose_removal and keeps.get(getattr(organization, "pk", None), False)
    template = "dues/arrears.html" if policy.works_on_tree(request.user) else "dues/arrears_phone.html"
    return render_list(
        request,
        rows=rows,
        template=template,
        results_template="dues/_arrears_results.html",
        form=form,
        export=ARREARS_EXPORT,
        context={"year": year},
    )


@require_POST
@dues_keeper_required
def propose_removal(request, pk: int, year: int):
    member = get_object_or_404(Member, pk=pk)
    organization = member.organization or member.last_organization
    if not policy.may_view_dues(request.user, organization):
        raise Http404
    if not policy.may_keep_dues(request.user, organization):
        raise PermissionDenied
    try:
        services.propose_removal(member=member, year=year, user=request.user, note=request.POST.get("note", ""))
    except ValidationError as error:
        _refused(request, error)
    else:
        messages.success(
            request,
            _("The removal proposal for %(name)s was started; the decision is recorded with the member's events.")
            % {"name": member.full_name},
        )
    return _back(request, reverse("dues:arrears") + f"?year={year}&months=3")


# --- Remittances -------------------------------------------------------------------------------------------


REMITTANCE_EXPORT = Export(
    title=_("Dues kept and remitted"),
    filename="dang-phi-trich-nop",
    columns=(
        ExportColumn("organization.name", _("Organization"), width=36),
        ExportColumn("period_start", _("From"), width=12),
        ExportColumn("period_end", _("To"), width=12),
        ExportColumn("collected", _("Collected (đồng)"), width=14),
        ExportColumn("kept", _("Kept (đồng)"), width=14),
        ExportColumn("remitted", _("Remitted (đồng)"), width=14),
        ExportColumn("rule", _("Rule"), width=20),
    ),
)


@tree_user_required
def remittances(request):
    form = forms.RemittanceFilterForm(request.GET or None, user=request.user)
    filters = form.filters()
    rows = policy.limit_to_scope(Remittance.objects.select_related("organization"), request.user, "organization__")
    if filters.organization is not None:
        rows = rows.filter(organization__path__startswith=filters.organization.path)
    if filters.year:
        rows = rows.filter(period_start__year=filters.year)
    settle_form = forms.SettleForm(user=request.user, prefix="settle")
    return render_list(
        request,
        rows=rows.order_by("-period_start", "organization__path"),
        template="dues/remittances.html",
        results_template="dues/_remittances_results.html",
        form=form,
        export=REMITTANCE_EXPORT,
        context={
            "settle_form": settle_form,
            "can_settle": policy.keeps_registry(request.user),
            **_book_links(request.user),
        },
    )


def _book_links(user) -> dict:
    """The committees (and base organizations) near the top of the user's subtree, for the S02/ĐP and B01/ĐP links."""
    root = user.organization
    organizations = (
        policy.organizations_to_view(user)
        .filter(depth__lte=root.depth + 1, deleted_at__isnull=True, ended_on__isnull=True)
        .exclude(kind__in=MEMBER_HOLDING_KINDS)
        .order_by("path")[:30]
    )
    last = (forms.this_month() - dt.timedelta(days=1)).replace(day=1)
    return {
        "book_organizations": organizations,
        "b01_period": f"{last:%Y-%m}",
        "b01_quarter": f"{last.year}-Q{(last.month - 1) // 3 + 1}",
    }


@require_POST
@tree_user_required
def settle(request):
    form = forms.SettleForm(request.POST, user=request.user, prefix="settle")
    if not policy.keeps_registry(request.user):
        raise PermissionDenied
    if form.is_valid():
        data = form.cleaned_data
        try:
            remittance = services.settle_period(
                organization=data["organization"],
                period_start=data["period_start"],
                period_end=forms.month_end(data["period_end"]),
                user=request.user,
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Settled: %(collected)s đồng collected, %(kept)s kept, %(remitted)s remitted.")
                % {
                    "collected": format_int(remittance.collected),
                    "kept": format_int(remittance.kept),
                    "remitted": format_int(remittance.remitted),
                },
            )
            return redirect("dues:remittances")
    for field, errors in form.errors.items():
        for error in errors:
            messages.error(request, f"{form.fields[field].label}: {error}" if field in form.fields else error)
    return redirect("dues:remittances")


# --- Books (XLSX) ---------------------------------------------------------------------------------------------


def _xlsx(content: bytes, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    return response


@tree_user_required
def book_s01(request, pk: int):
    organization = visible_organization(request.user, pk)
    if not organization.holds_members:
        raise Http404
    year = _year(request)
    return _xlsx(books.s01(organization, year), f"S01-DP-{organization.code}-{year}")


@tree_user_required
def book_s02(request, pk: int):
    organization = visible_organization(request.user, pk)
    year = _year(request)
    return _xlsx(books.s02(organization, year), f"S02-DP-{organization.code}-{year}")


@tree_user_required
def report_b01(request, pk: int):
    organization = visible_organization(request.user, pk)
    last = (forms.this_month() - dt.timedelta(days=1)).replace(day=1)
    period = books.parse_period(request.GET.get("period") or f"{last:%Y-%m}")
    if period is None:
        return HttpResponse(
            _("Choose the period as 2026-03 (a month) or 2026-Q1 (a quarter)."), status=400, content_type="text/plain"
        )
    start, end, label = period
    return _xlsx(books.b01(organization, start, end, label), f"B01-DP-{organization.code}-{start:%Y%m}")


# --- The payment-file import of the national public-service portal --------------------------------------------

_IMPORT_KEY = "dues_import"


@tree_user_required
def import_upload(request):
    if not policy.keeps_registry(request.user):
        raise PermissionDenied
    form = forms.ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            token, fmt = imports.store(form.cleaned_data["file"])
        except imports.ImportProblem as problem:
            form.add_error("file", problem.message)
        else:
            previous = request.session.get(_IMPORT_KEY)
            if previous:
                imports.discard(previous.get("token", ""), previous.get("fmt", ""))
            request.session[_IMPORT_KEY] = {"token": token, "fmt": fmt, "name": form.cleaned_data["file"].name}
            return redirect("dues:import_map")
    return render(request, "dues/import_upload.html", {"form": form})


@tree_user_required
def import_map(request):
    """Map the columns, try the file (a dry run listing each bad row and why), then record all of it or none."""
    if not policy.keeps_registry(request.user):
        raise PermissionDenied
    stored = request.session.get(_IMPORT_KEY)
    if not stored:
        messages.error(request, _("Upload the payment file first."))
        return redirect("dues:import")
    try:
        table = imports.read(stored["token"], stored["fmt"])
    except imports.ImportProblem as problem:
        imports.discard(stored["token"], stored["fmt"])
        request.session.pop(_IMPORT_KEY, None)
        messages.error(request, problem.message)
        return redirect("dues:import")
    initial = {k: str(v) for k, v in imports.guess_mapping(table.headers).items()}
    form = forms.ImportMappingForm(request.POST or None, headers=table.headers, initial=initial)
    plan = None
    if request.method == "POST" and form.is_valid():
        plan = imports.check(table, form.cleaned_data, user=request.user)
        if "import" in request.POST and not plan.bad:
            try:
                count = imports.record(plan, user=request.user)
            except ValidationError as error:
                apply_service_errors(form, error)
            else:
                imports.discard(stored["token"], stored["fmt"])
                request.session.pop(_IMPORT_KEY, None)
                messages.success(
                    request,
                    _("%(count)s payments imported (%(total)s đồng); %(already)s were already recorded.")
                    % {"count": count, "total": format_int(plan.total), "already": len(plan.already)},
                )
                return redirect("dues:home")
        elif "import" in request.POST:
            messages.error(request, _("The file has rows that cannot be recorded; nothing was imported."))
    context = {
        "form": form,
        "plan": plan,
        "name": stored["name"],
        "headers": table.headers,
        "sample": table.rows[:5],
        "rows": len(table.rows),
    }
    return render(request, "dues/import_map.html", context)

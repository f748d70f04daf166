"""Rating screens: the seasons, the member and organization ratings with their forms and history."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from dangvu.accounts.decorators import (
    cell_secretary_required,
    committee_staff_required,
    editor_required,
    login_required,
    portal_account_required,
    tree_user_required,
)
from dangvu.accounts.policy import (
    ensure_may_edit,
    in_scope,
    keeps_cell,
    keeps_registry,
    may_close_rating_season,
    may_edit,
    may_open_rating_season,
    portal_member,
    secretary_cell,
    works_on_tree,
)
from dangvu.lib.forms import apply_service_errors
from dangvu.lib.numbers import format_decimal
from dangvu.lib.screens import Export, ExportColumn, delete_view, history_of, object_or_404, render_list, restore_view
from dangvu.members.models import Member
from dangvu.members.selectors import visible_members
from dangvu.organizations.selectors import organization_list
from dangvu.ratings import forms, selectors, services
from dangvu.ratings.models import MemberRating, OrganizationRating, RatingSeason, SelfAssessment
from dangvu.ratings.rules import rating_rules_for_year, self_assessment_form_for_year

UNRATED_SHOWN = 50


def _score(rating):
    return format_decimal(rating.score) if rating.score is not None else None


MEMBER_EXPORT = Export(
    title=gettext_lazy("Member ratings"),
    columns=(
        ExportColumn("season.year", gettext_lazy("Year"), width=8),
        ExportColumn("member.full_name", gettext_lazy("Full name"), width=28),
        ExportColumn("organization.name", gettext_lazy("Cell"), width=32),
        ExportColumn("grade", gettext_lazy("Grade"), value=lambda r: r.outcome_label, width=28),
        ExportColumn("score", gettext_lazy("Score"), value=_score, width=10),
        ExportColumn(
            "disciplined", gettext_lazy("Disciplined this year"), value=lambda r: _("yes") if r.disciplined else ""
        ),
    ),
)
ORGANIZATION_EXPORT = Export(
    title=gettext_lazy("Organization ratings"),
    columns=(
        ExportColumn("season.year", gettext_lazy("Year"), width=8),
        ExportColumn("organization.name", gettext_lazy("Organization"), width=36),
        ExportColumn("grade", gettext_lazy("Grade"), value=lambda r: r.outcome_label, width=28),
        ExportColumn("score", gettext_lazy("Score"), value=_score, width=10),
    ),
)


def _season(request, pk: int):
    return object_or_404(selectors.season_get, user=request.user, pk=pk)


def _season_list(request, form, status=200):
    context = {
        "seasons": selectors.season_list(user=request.user),
        "form": form,
        "can_open_season": may_open_rating_season(request.user),
    }
    return render(request, "ratings/season_list.html", context, status=status)


@tree_user_required
def season_list(request):
    return _season_list(request, forms.SeasonOpenForm())


@require_POST
@committee_staff_required
def season_open(request):
    form = forms.SeasonOpenForm(request.POST)
    if form.is_valid():
        try:
            season = services.season_open(
                organization=request.user.organization,
                year=form.cleaned_data["year"],
                by=request.user,
                self_assessment_due_on=form.cleaned_data["self_assessment_due_on"],
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The %(year)s rating season is open.") % {"year": season.year})
            return redirect("ratings:season_detail", pk=season.pk)
    return _season_list(request, form, status=400)


@tree_user_required
def season_detail(request, pk: int):
    season = _season(request, pk)
    unrated = selectors.unrated_members(season=season, user=request.user)
    unrated_orgs = selectors.unrated_organizations(season=season, user=request.user)
    can_edit = keeps_registry(request.user) and season.is_open
    deleted_members = selectors.deleted_member_ratings(user=request.user, season=season)
    deleted_organizations = selectors.deleted_organization_ratings(user=request.user, season=season)
    context = {
        "season": season,
        "rules": rating_rules_for_year(season.year),
        "rows": selectors.grade_table(season=season, user=request.user),
        "warnings": selectors.cap_warnings(season=season, user=request.user),
        "unrated": unrated[:UNRATED_SHOWN],
        "unrated_count": unrated.count(),
        "unrated_orgs": unrated_orgs[:UNRATED_SHOWN],
        "unrated_orgs_count": unrated_orgs.count(),
        "can_edit": can_edit,
        "can_close": may_close_rating_season(request.user, season),
        "deleted_members": deleted_members[:UNRATED_SHOWN] if can_edit else [],
        "deleted_organizations": deleted_organizations[:UNRATED_SHOWN] if can_edit else [],
        "history": history_of(season),
        "bases": selectors.base_organizations_of_season(season=season, user=request.user)[:UNRATED_SHOWN],
    }
    return render(request, "ratings/season_detail.html", context)


@require_POST
@committee_staff_required
def season_close(request, pk: int):
    season = _season(request, pk)
    if season.organization_id != request.user.organization_id:
        raise PermissionDenied
    try:
        services.season_close(season=season, by=request.user)
    except ValidationError as error:
        messages.error(request, _("The season was not closed: %(reason)s") % {"reason": " ".join(error.messages)})
    else:
        messages.success(request, _("The %(year)s rating season is closed.") % {"year": season.year})
    return redirect("ratings:season_detail", pk=season.pk)


def _list(request, *, kind: str, rows, export: Export):
    form = forms.RatingFilterForm(request.GET or None, user=request.user)
    return render_list(
        request,
        rows=rows(user=request.user, filters=form.filters()),
        template=f"ratings/{kind}_list.html",
        results_template=f"ratings/_{kind}_results.html",
        form=form,
        export=export,
    )


@tree_user_required
def member_list(request):
    return _list(request, kind="member", rows=selectors.member_rating_list, export=MEMBER_EXPORT)


@tree_user_required
def organization_list_view(request):
    return _list(request, kind="organization", rows=selectors.organization_rating_list, export=ORGANIZATION_EXPORT)


def _rate(request, season_pk: int, form_class, subject, organization, name: str, kind: str):
    season = _season(request, season_pk)
    ensure_may_edit(request.user, organization)
    form = form_class(request.POST or None, season=season, subject=subject)
    if request.method == "POST" and form.is_valid():
        try:
            rating = form.save(by=request.user)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The rating was saved."))
            return redirect(f"ratings:{kind}_detail", pk=rating.pk)
    context = {"form": form, "season": season, "subject": name, "rules": form.rules}
    return render(request, "ratings/rate_form.html", context, status=400 if form.errors else 200)


@editor_required
def member_rate(request, season_pk: int, member_pk: int):
    member = get_object_or_404(visible_members(user=request.user), pk=member_pk)
    organization = member.organization or member.last_organization
    return _rate(request, season_pk, forms.MemberRatingForm, member, organization, member.full_name, "member")


@editor_required
def organization_rate(request, season_pk: int, organization_pk: int):
    organization = get_object_or_404(organization_list(user=request.user), pk=organization_pk)
    return _rate(
        request, season_pk, forms.OrganizationRatingForm, organization, organization, organization.name, "organization"
    )


def _detail(get, kind: str):
    @tree_user_required
    def view(request, pk: int):
        rating = object_or_404(get, user=request.user, pk=pk)
        context = {
            "rating": rating,
            "record": rating,
            "kind": kind,
            "can_edit": rating.season.is_open and may_edit(request.user, rating),
            "rules": rating_rules_for_year(rating.season.year),
            "history": history_of(rating),
        }
        return render(request, f"ratings/{kind}_detail.html", context)

    return view


def _to_season(rating) -> str:
    return reverse("ratings:season_detail", kwargs={"pk": rating.season_id})


def _delete(get):
    return delete_view(
        get=lambda request, pk: object_or_404(get, user=request.user, pk=pk),
        delete=lambda rating, by: services.rating_delete(rating=rating, by=by),
        message=gettext_lazy("The rating was deleted."),
        then=_to_season,
        refused_then=_to_season,
    )


def _restore(get):
    return restore_view(
        get=lambda request, pk: object_or_404(get, user=request.user, pk=pk, deleted=True),
        restore=lambda rating, by: services.rating_restore(rating=rating, by=by),
        message=gettext_lazy("The rating was restored."),
        refused="%(reason)s",
        then=_to_season,
        refused_then=_to_season,
    )


member_detail = _detail(selectors.member_rating_get, "member")
organization_detail = _detail(selectors.organization_rating_get, "organization")
member_delete = _delete(selectors.member_rating_get)
member_restore = _restore(selectors.member_rating_get)
organization_delete = _delete(selectors.organization_rating_get)
organization_restore = _restore(selectors.organization_rating_get)


# The self-assessment (member portal) and the rating sheets -------------------------------------------------


def _self_assessment_context(request, member, season, assessment, form):
    shape = form.shape if form is not None else None
    return {
        "member": member,
        "season": season,
        "assessment": assessment,
        "form": form,
        "shape": shape,
        "can_edit": bool(season and season.is_open and (assessment is None or not assessment.is_submitted)),
        "allowed_grade": services.self_assessment_allowed_grade(assessment) if assessment else "",
    }


@portal_account_required
def my_self_assessment(request):
    member = portal_member(request.user)
    season = services.season_for_member(member)
    if season is None:
        return render(
            request, "ratings/portal/self_assessment.html", _self_assessment_context(request, member, None, None, None)
        )
    assessment = SelfAssessment.objects.filter(season=season, member=member).first()
    form = forms.SelfAssessmentForm(request.POST or None, season=season, instance=assessment)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                assessment = services.self_assessment_save(
                    season=season, member=member, data=form.cleaned_data, by=request.user
                )
                if "submit" in request.POST:
                    services.self_assessment_submit(assessment=assessment, by=request.user)
            except ValidationError as error:
                apply_service_errors(form, error)
            else:
                messages.success(
                    request,
                    _("The self-assessment was submitted.") if "submit" in request.POST else _("The draft was saved."),
                )
                return redirect("ratings:my_self_assessment")
        status = 400
        assessment = SelfAssessment.objects.filter(season=season, member=member).first()
    context = _self_assessment_context(request, member, season, assessment, form)
    return render(request, "ratings/portal/self_assessment.html", context, status=status)


PCT_FIELDS = ("tasks_on_time_pct", "tasks_exceeding_pct")


def _labels(form_class) -> dict:
    return {name: field.label for name, field in form_class.base_fields.items()}


def _self_assessment_page(request, assessment, return_form=None, status=200):
    shape = self_assessment_form_for_year(assessment.season.year)
    can_return = (
        assessment.is_submitted and assessment.season.is_open and keeps_cell(request.user, assessment.organization)
    )
    context = {
        "assessment": assessment,
        "shape": shape,
        "criteria": [(c, assessment.points.get(c.code)) for c in shape.criteria],
        "sections": [(label, assessment.sections.get(code, "")) for code, label in shape.sections],
        "allowed_grade": services.self_assessment_allowed_grade(assessment),
        "can_return": can_return,
        "return_form": (return_form or forms.ReturnForm()) if can_return else None,
        "labels": {name: SelfAssessment._meta.get_field(name).verbose_name for name in PCT_FIELDS},
    }
    return render(request, "ratings/portal/self_assessment_detail.html", context, status=status)


@login_required
def self_assessment_detail(request, pk: int):
    assessment = object_or_404(selectors.self_assessment_get, user=request.user, pk=pk)
    return _self_assessment_page(request, assessment)


@require_POST
@login_required
def self_assessment_return(request, pk: int):
    assessment = object_or_404(selectors.self_assessment_get, user=request.user, pk=pk)
    if not keeps_cell(request.user, assessment.organization):
        raise PermissionDenied
    form = forms.ReturnForm(request.POST)
    if form.is_valid():
        try:
            services.self_assessment_return(assessment=assessment, note=form.cleaned_data["note"], by=request.user)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(
                request, _("The self-assessment was returned to %(name)s.") % {"name": assessment.member.full_name}
            )
            return redirect("ratings:self_assessment_detail", pk=assessment.pk)
    return _self_assessment_page(request, assessment, return_form=form, status=400)


def _sheet_rows(season, cell, can_edit):
    rows = selectors.cell_sheet(season=season, cell=cell)
    for row in rows:
        row.form = forms.SheetRowForm(season=season, member_pk=row.member.pk, rating=row.rating) if can_edit else None
        row.allowed = services.self_assessment_allowed_grade(row.assessment) if row.assessment else ""
    return rows


def _cell_of_season(request, season, organization_pk):
    cell = get_object_or_404(selectors.sheet_cells(season=season, user=request.user), pk=organization_pk)
    return cell


@tree_user_required
def cell_sheet(request, season_pk: int, organization_pk: int):
    season = _season(request, season_pk)
    cell = _cell_of_season(request, season, organization_pk)
    can_edit = season.is_open and keeps_cell(request.user, cell)
    context = {
        "season": season,
        "cell": cell,
        "base": services.base_organization_of(cell),
        "rules": rating_rules_for_year(season.year),
        "rows": _sheet_rows(season, cell, can_edit),
        "can_edit": can_edit,
        "labels": _labels(forms.SheetRowForm),
    }
    return render(request, "ratings/cell_sheet.html", context)


@cell_secretary_required
def my_cell_sheet(request):
    cell = secretary_cell(request.user)
    season = services.season_for_cell(cell)
    can_edit = bool(season and season.is_open and keeps_cell(request.user, cell))
    context = {
        "season": season,
        "cell": cell,
        "rules": rating_rules_for_year(season.year) if season else None,
        "rows": _sheet_rows(season, cell, False) if season else [],
        "can_edit": can_edit,
        # The cards are short (name, self-assessment, grade); one opens its fields on a tap: 60 members stay
        # well under 100 KB.
        "compact": True,
    }
    return render(request, "ratings/portal/cell_sheet.html", context)


def _member_and_cell(request, season_pk: int, member_pk: int):
    season = get_object_or_404(RatingSeason.objects.select_related("organization"), pk=season_pk)
    member = get_object_or_404(Member.objects.select_related("organization"), pk=member_pk)
    cell = member.organization
    if cell is None or not keeps_cell(request.user, cell):
        # Office accounts do not learn of members outside their subtree; the others are simply refused.
        raise Http404 if works_on_tree(request.user) and not in_scope(request.user, cell) else PermissionDenied
    if not cell.path.startswith(season.organization.path):
        raise Http404
    return season, member, cell


def _row_of(season, cell, member):
    [row] = [r for r in selectors.cell_sheet(season=season, cell=cell) if r.member.pk == member.pk] or [None]
    if row is None:
        raise Http404
    row.allowed = services.self_assessment_allowed_grade(row.assessment) if row.assessment else ""
    return row


@login_required
def sheet_card(request, season_pk: int, member_pk: int):
    """One member's card of the phone sheet with its fields (opened by a tap; alone on a page without htmx)."""
    season, member, cell = _member_and_cell(request, season_pk, member_pk)
    if not season.is_open:
        raise PermissionDenied
    row = _row_of(season, cell, member)
    row.form = forms.SheetRowForm(season=season, member_pk=member.pk, rating=row.rating)
    context = {"row": row, "season": season, "can_edit": True, "rules": rating_rules_for_year(season.year)}
    if request.htmx:
        return render(request, "ratings/portal/_sheet_card.html", context)
    context.update(cell=cell, rows=[row], compact=False)
    return render(request, "ratings/portal/cell_sheet.html", context)


@require_POST
@login_required
def sheet_row(request, season_pk: int, member_pk: int):
    """Save one member's row of a cell's sheet through the rating service; the row comes back with the rule
    that refused it, or the cap its base organization is over, written on it."""
    season, member, cell = _member_and_cell(request, season_pk, member_pk)
    rating = MemberRating.objects.filter(season=season, member=member).first()
    form = forms.SheetRowForm(request.POST, season=season, member_pk=member.pk, rating=rating)
    saved = False
    if form.is_valid():
        try:
            rating = services.member_rating_save(
                season=season, member=member, data=form.service_data(), by=request.user
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            saved = True
            form = forms.SheetRowForm(season=season, member_pk=member.pk, rating=rating)
    phone = request.POST.get("layout") == "phone"
    if not request.htmx:
        if saved:
            messages.success(request, _("The rating of %(name)s was saved.") % {"name": member.full_name})
        else:
            messages.error(request, " ".join(m for errors in form.errors.values() for m in errors))
        return redirect(
            "ratings:my_cell_sheet" if phone else "ratings:cell_sheet",
            **({} if phone else {"season_pk": season.pk, "organization_pk": cell.pk}),
        )
    row = _row_of(season, cell, member)
    row.form, row.saved = form, saved
    template = "ratings/portal/_sheet_card.html" if phone else "ratings/_sheet_row.html"
    context = {"row": row, "season": season, "can_edit": True, "rules": rating_rules_for_year(season.year)}
    # 200 even when refused: htmx swaps only successful answers, and the refusal is written on the row.
    return render(request, template, context)


@tree_user_required
def base_sheet(request, season_pk: int, organization_pk: int):
    season = _season(request, season_pk)
    base = get_object_or_404(
        selectors.base_organizations_of_season(season=season, user=request.user), pk=organization_pk
    )
    can_edit = season.is_open and may_edit(request.user, base)
    cells = selectors.base_progress(season=season, base=base, user=request.user)
    for progress in cells:
        progress.form = (
            forms.OrganizationRowForm(season=season, organization_pk=progress.cell.pk, rating=progress.rating)
            if can_edit
            else None
        )
    context = {
        "season": season,
        "base": base,
        "cells": cells,
        "rules": rating_rules_for_year(season.year),
        "can_edit": can_edit,
        "labels": _labels(forms.OrganizationRowForm),
        "totals": {
            "members": sum(c.members for c in cells),
            "rated": sum(c.rated for c in cells),
            "submitted": sum(c.submitted for c in cells),
        },
    }
    return render(request, "ratings/base_sheet.html", context)


@require_POST
@editor_required
def sheet_organization_row(request, season_pk: int, organization_pk: int):
    season = _season(request, season_pk)
    cell = _cell_of_season(request, season, organization_pk)
    ensure_may_edit(request.user, cell)
    rating = OrganizationRating.objects.filter(season=season, organization=cell).first()
    form = forms.OrganizationRowForm(request.POST, season=season, organization_pk=cell.pk, rating=rating)
    saved = False
    if form.is_valid():
        try:
            rating = services.organization_rating_save(
                season=season, organization=cell, data=form.service_data(), by=request.user
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            saved = True
            form = forms.OrganizationRowForm(season=season, organization_pk=cell.pk, rating=rating)
    base = services.base_organization_of(cell) or cell
    [progress] = [
        p for p in selectors.base_progress(season=season, base=base, user=request.user) if p.cell.pk == cell.pk
    ]
    progress.form, progress.saved = form, saved
    context = {"c": progress, "season": season, "can_edit": True, "rules": rating_rules_for_year(season.year)}
    if not request.htmx:
        return redirect("ratings:base_sheet", season_pk=season.pk, organization_pk=base.pk)
    return render(request, "ratings/_org_row.html", context)

"""Rating screens: the seasons, the member and organization ratings with their forms and history."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from dangvu.accounts.decorators import committee_staff_required, editor_required, tree_user_required
from dangvu.accounts.policy import (
    ensure_may_edit,
    keeps_registry,
    may_close_rating_season,
    may_edit,
    may_open_rating_season,
)
from dangvu.lib.forms import apply_service_errors
from dangvu.lib.numbers import format_decimal
from dangvu.lib.screens import Export, ExportColumn, delete_view, history_of, object_or_404, render_list, restore_view
from dangvu.members.selectors import visible_members
from dangvu.organizations.selectors import organization_list
from dangvu.ratings import forms, selectors, services
from dangvu.ratings.rules import rating_rules_for_year

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
                organization=request.user.organization, year=form.cleaned_data["year"], by=request.user
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

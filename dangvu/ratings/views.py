"""Rating screens: the seasons, the member and organization ratings with their forms and history."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dangvu.accounts.decorators import committee_staff_required, editor_required, tree_user_required
from dangvu.accounts.policy import ensure_may_edit, in_scope, is_committee_staff, keeps_registry, may_edit
from dangvu.lib.forms import apply_service_errors
from dangvu.members.selectors import visible_members
from dangvu.organizations.selectors import organization_list
from dangvu.ratings import forms, selectors, services
from dangvu.ratings.models import MemberRating, OrganizationRating, RatingSeason
from dangvu.ratings.rules import Grade, rating_rules_for_year

UNRATED_SHOWN = 50


def _season_or_404(request, pk: int) -> RatingSeason:
    try:
        return selectors.season_get(user=request.user, pk=pk)
    except RatingSeason.DoesNotExist as missing:
        raise Http404 from missing


def _query_without_page(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


@tree_user_required
def season_list(request):
    seasons = selectors.visible_seasons(user=request.user).order_by("-year", "organization__path")
    for season in seasons:
        season.rules_source = rating_rules_for_year(season.year).source
    return render(request, "ratings/season_list.html", {"seasons": seasons, "form": forms.SeasonOpenForm()})


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
    seasons = selectors.visible_seasons(user=request.user).order_by("-year")
    return render(request, "ratings/season_list.html", {"seasons": seasons, "form": form}, status=400)


@tree_user_required
def season_detail(request, pk: int):
    season = _season_or_404(request, pk)
    unrated = selectors.unrated_members(season=season, user=request.user)
    unrated_orgs = selectors.unrated_organizations(season=season, user=request.user)
    counts = selectors.grade_counts(season=season, user=request.user)
    total_members = sum(counts["members"].values())
    rows = [
        (
            label,
            counts["members"].get(value, 0),
            100 * counts["members"].get(value, 0) / total_members if total_members else None,
            counts["organizations"].get(value, 0),
        )
        for value, label in [*Grade.choices, ("", _("Not graded"))]
    ]
    can_edit = keeps_registry(request.user) and season.is_open
    context = {
        "season": season,
        "rules": rating_rules_for_year(season.year),
        "rows": rows,
        "warnings": selectors.cap_warnings(season=season, user=request.user),
        "unrated": unrated[:UNRATED_SHOWN],
        "unrated_count": unrated.count(),
        "unrated_orgs": unrated_orgs[:UNRATED_SHOWN],
        "unrated_orgs_count": unrated_orgs.count(),
        "can_edit": can_edit,
        "can_close": season.is_open
        and is_committee_staff(request.user)
        and request.user.organization_id == season.organization_id,
        "deleted_members": selectors.deleted_member_ratings(user=request.user, season=season)[:UNRATED_SHOWN]
        if can_edit
        else [],
        "deleted_organizations": selectors.deleted_organization_ratings(user=request.user, season=season)[
            :UNRATED_SHOWN
        ]
        if can_edit
        else [],
        "history": season.history.select_related("history_user").order_by("-history_date")[:50],
    }
    return render(request, "ratings/season_detail.html", context)


@require_POST
@committee_staff_required
def season_close(request, pk: int):
    season = _season_or_404(request, pk)
    if season.organization_id != request.user.organization_id:
        raise PermissionDenied
    try:
        services.season_close(season=season, by=request.user)
    except ValidationError as error:
        messages.error(request, _("The season was not closed: %(reason)s") % {"reason": " ".join(error.messages)})
    else:
        messages.success(request, _("The %(year)s rating season is closed.") % {"year": season.year})
    return redirect("ratings:season_detail", pk=season.pk)


def _filters(request, form) -> selectors.RatingFilters:
    if form.is_valid():
        d = form.cleaned_data
        return selectors.RatingFilters(season=d["season"], grade=d["grade"], organization=d["organization"], q=d["q"])
    return selectors.RatingFilters()


def _list(request, *, template: str, results: str, rows):
    visible_orgs = organization_list(user=request.user)
    form = forms.RatingFilterForm(
        request.GET or None,
        seasons=selectors.visible_seasons(user=request.user).order_by("-year"),
        organizations=visible_orgs.exclude(kind="cell"),
    )
    page = Paginator(rows(_filters(request, form)), settings.PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"form": form, "page": page, "query": _query_without_page(request)}
    return render(request, results if request.htmx and not request.htmx.boosted else template, context)


@tree_user_required
def member_list(request):
    return _list(
        request,
        template="ratings/member_list.html",
        results="ratings/_member_results.html",
        rows=lambda f: selectors.member_rating_list(user=request.user, filters=f),
    )


@tree_user_required
def organization_list_view(request):
    return _list(
        request,
        template="ratings/organization_list.html",
        results="ratings/_organization_results.html",
        rows=lambda f: selectors.organization_rating_list(user=request.user, filters=f),
    )


@editor_required
def member_rate(request, season_pk: int, member_pk: int):
    season = _season_or_404(request, season_pk)
    member = get_object_or_404(visible_members(user=request.user), pk=member_pk)
    ensure_may_edit(request.user, member.organization or member.last_organization)
    existing = MemberRating.objects.filter(season=season, member=member).first()
    scored = rating_rules_for_year(season.year).scored
    form = forms.MemberRatingForm(request.POST or None, instance=existing, scored=scored)
    if request.method == "POST" and form.is_valid():
        try:
            rating = services.member_rating_save(
                season=season, member=member, data=form.service_data(), by=request.user
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The rating was saved."))
            return redirect("ratings:member_detail", pk=rating.pk)
    return render(
        request,
        "ratings/rate_form.html",
        {"form": form, "season": season, "subject": member.full_name, "rules": rating_rules_for_year(season.year)},
        status=400 if form.errors else 200,
    )


@editor_required
def organization_rate(request, season_pk: int, organization_pk: int):
    season = _season_or_404(request, season_pk)
    organization = get_object_or_404(organization_list(user=request.user), pk=organization_pk)
    ensure_may_edit(request.user, organization)
    existing = OrganizationRating.objects.filter(season=season, organization=organization).first()
    scored = rating_rules_for_year(season.year).scored
    form = forms.OrganizationRatingForm(request.POST or None, instance=existing, scored=scored)
    if request.method == "POST" and form.is_valid():
        try:
            rating = services.organization_rating_save(
                season=season, organization=organization, data=form.service_data(), by=request.user
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The rating was saved."))
            return redirect("ratings:organization_detail", pk=rating.pk)
    return render(
        request,
        "ratings/rate_form.html",
        {"form": form, "season": season, "subject": organization.name, "rules": rating_rules_for_year(season.year)},
        status=400 if form.errors else 200,
    )


@tree_user_required
def member_detail(request, pk: int):
    try:
        rating = selectors.member_rating_get(user=request.user, pk=pk)
    except MemberRating.DoesNotExist as missing:
        raise Http404 from missing
    return _detail(request, rating, "ratings/member_detail.html")


@tree_user_required
def organization_detail(request, pk: int):
    try:
        rating = selectors.organization_rating_get(user=request.user, pk=pk)
    except OrganizationRating.DoesNotExist as missing:
        raise Http404 from missing
    return _detail(request, rating, "ratings/organization_detail.html")


def _detail(request, rating, template):
    can_edit = rating.season.is_open and may_edit(request.user, rating.organization)
    context = {
        "rating": rating,
        "can_edit": can_edit,
        "rules": rating_rules_for_year(rating.season.year),
        "history": rating.history.select_related("history_user").order_by("-history_date")[:50],
    }
    return render(request, template, context)


def _change(request, model, pk: int, action, *, deleted: bool):
    manager = model.all_objects.deleted() if deleted else model.objects
    rating = get_object_or_404(manager.select_related("season", "organization"), pk=pk)
    if not in_scope(request.user, rating.organization):
        raise Http404
    ensure_may_edit(request.user, rating.organization)
    try:
        action(rating=rating, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The rating was restored.") if deleted else _("The rating was deleted."))
    return redirect("ratings:season_detail", pk=rating.season_id)


@require_POST
@editor_required
def member_delete(request, pk: int):
    return _change(request, MemberRating, pk, services.rating_delete, deleted=False)


@require_POST
@editor_required
def member_restore(request, pk: int):
    return _change(request, MemberRating, pk, services.rating_restore, deleted=True)


@require_POST
@editor_required
def organization_delete(request, pk: int):
    return _change(request, OrganizationRating, pk, services.rating_delete, deleted=False)


@require_POST
@editor_required
def organization_restore(request, pk: int):
    return _change(request, OrganizationRating, pk, services.rating_restore, deleted=True)

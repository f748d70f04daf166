"""Organization screens: the tree with counts, the organization page, and one form per kind of change."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from dangvu.accounts.decorators import editor_required, tree_user_required
from dangvu.accounts.policy import ensure_may_edit, keeps_registry
from dangvu.lib.forms import apply_service_errors
from dangvu.members.selectors import MemberFilters, member_list
from dangvu.organizations import forms, selectors, services
from dangvu.organizations.models import ALLOWED_CHILD_KINDS, Organization, OrganizationKind

TREE_FOLD_THRESHOLD = 600


def _visible_or_404(request, pk: int) -> Organization:
    try:
        return selectors.organization_get(user=request.user, pk=pk)
    except Organization.DoesNotExist as missing:
        raise Http404 from missing


@tree_user_required
def tree(request):
    as_of_form = forms.AsOfForm(request.GET or None)
    on = timezone.localdate()
    past = False
    if as_of_form.is_valid() and as_of_form.cleaned_data["on"]:
        on = as_of_form.cleaned_data["on"]
        past = on != timezone.localdate()
    rows = selectors.organization_tree_with_counts(user=request.user, on=on)
    # A province-sized tree (thousands of cells) is shown two levels deep; each organization's page
    # lists what is under it, and "show all" gives the whole tree.
    folded = len(rows) > TREE_FOLD_THRESHOLD and not request.GET.get("all")
    if folded:
        rows = [r for r in rows if r.depth <= 2]
    if past:
        versions = {v.organization_id: v for v in selectors.tree_as_of(user=request.user, on=on)}
        rows = [r for r in rows if r.organization.pk in versions]
        for row in rows:
            row.name_then = versions[row.organization.pk].name
    return render(
        request, "organizations/tree.html", {"rows": rows, "on": on, "past": past, "form": as_of_form, "folded": folded}
    )


@tree_user_required
def detail(request, pk: int):
    org = _visible_or_404(request, pk)
    today = timezone.localdate()
    children = selectors.organization_tree_with_counts(user=request.user, on=today)
    children = [r for r in children if r.organization.path.startswith(org.path)]
    own = children[0] if children else None
    members = member_list(user=request.user, filters=MemberFilters(organization=org))[:20]
    context = {
        "org": org,
        "own": own,
        "children": [r for r in children if r.organization.depth == org.depth + 1],
        "members": members,
        "events": org.events.select_related("other_organization").order_by("on", "id"),
        "versions": org.versions.select_related("parent").order_by("valid_from"),
        "history": org.history.select_related("history_user").order_by("-history_date")[:50],
        "can_edit": keeps_registry(request.user),
        "can_found": bool(ALLOWED_CHILD_KINDS[OrganizationKind(org.kind)]) and org.is_active,
    }
    return render(request, "organizations/detail.html", context)


CHANGE_FORMS = {
    "found": (forms.FoundForm, gettext_lazy("Found an organization under %(name)s")),
    "rename": (forms.RenameForm, gettext_lazy("Rename %(name)s")),
    "move": (forms.MoveForm, gettext_lazy("Move %(name)s under another organization")),
    "merge": (forms.MergeForm, gettext_lazy("Merge %(name)s into another organization")),
    "split": (forms.SplitForm, gettext_lazy("Split a new organization from %(name)s")),
    "hand_over": (forms.HandOverForm, gettext_lazy("Hand %(name)s over to another committee")),
    "dissolve": (forms.DissolveForm, gettext_lazy("Dissolve %(name)s")),
}


def _form_kwargs(action: str, request, org: Organization) -> dict:
    visible = selectors.organization_list(user=request.user, include_ended=False).exclude(pk=org.pk)
    if action == "found":
        return {"parent": org}
    if action == "move":
        allowed_parents = [k for k, children in ALLOWED_CHILD_KINDS.items() if org.kind in children]
        return {"choices": visible.filter(kind__in=allowed_parents).exclude(path__startswith=org.path)}
    if action == "merge":
        return {
            "choices": visible.filter(kind=org.kind)
            if not org.holds_members
            else visible.filter(kind__in=["cell", "base_cell"])
        }
    if action == "split":
        return {"members": member_list(user=request.user, filters=MemberFilters(organization=org))}
    return {}


def _run_change(action: str, org: Organization, data: dict, user):
    common = {
        "on": data["on"],
        "by": user,
        "document_no": data.get("document_no", ""),
        "document_date": data.get("document_date"),
        "note": data.get("note", ""),
    }
    if action == "found":
        return services.organization_found(
            parent=org,
            code=data["code"],
            name=data["name"],
            short_name=data["short_name"],
            kind=data["kind"],
            host_unit_type=data["host_unit_type"],
            host_unit_name=data["host_unit_name"],
            **common,
        )
    if action == "rename":
        return services.organization_rename(
            organization=org, name=data["name"], short_name=data["short_name"] or None, **common
        )
    if action == "move":
        return services.organization_move(organization=org, new_parent=data["new_parent"], **common)
    if action == "merge":
        return services.organization_merge(source=org, target=data["target"], **common)
    if action == "split":
        return services.organization_split(
            source=org,
            code=data["code"],
            name=data["name"],
            short_name=data["short_name"],
            member_ids=[m.pk for m in data["members"]],
            **common,
        )
    if action == "hand_over":
        return services.organization_hand_over(organization=org, external_body=data["external_body"], **common)
    return services.organization_dissolve(organization=org, **common)


@editor_required
def change(request, pk: int, action: str):
    if action not in CHANGE_FORMS:
        raise Http404
    org = _visible_or_404(request, pk)
    ensure_may_edit(request.user, org)
    form_class, title = CHANGE_FORMS[action]
    form = form_class(request.POST or None, **_form_kwargs(action, request, org))
    if request.method == "POST" and form.is_valid():
        try:
            result = _run_change(action, org, form.cleaned_data, request.user)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("organizations:detail", pk=result.pk)
    return render(
        request,
        "organizations/change.html",
        {"org": org, "form": form, "title": title % {"name": org.name}, "action": action},
    )


@require_POST
@editor_required
def delete(request, pk: int):
    org = _visible_or_404(request, pk)
    ensure_may_edit(request.user, org)
    parent = Organization.objects.get_parent(org)
    try:
        services.organization_delete(organization=org, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("organizations:detail", pk=org.pk)
    messages.success(request, _("The organization was deleted. It can be restored from the deleted records."))
    return redirect("organizations:detail", pk=parent.pk) if parent else redirect("organizations:tree")


@require_POST
@editor_required
def restore(request, pk: int):
    org = get_object_or_404(Organization, pk=pk, deleted_at__isnull=False)
    ensure_may_edit(request.user, org)
    services.organization_restore(organization=org, by=request.user)
    messages.success(request, _("The organization was restored."))
    return redirect("organizations:detail", pk=org.pk)

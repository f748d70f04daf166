"""Organization screens: the tree with counts, the organization page, and one form per kind of change."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from dangvu.accounts.decorators import editor_required, tree_user_required
from dangvu.accounts.policy import ensure_may_edit, may_edit, may_restructure
from dangvu.lib.forms import apply_service_errors
from dangvu.lib.screens import delete_view, history_of, is_partial, object_or_404, restore_view
from dangvu.members.selectors import MemberFilters, member_list
from dangvu.organizations import forms, selectors, services
from dangvu.organizations.models import ALLOWED_CHILD_KINDS, Organization, OrganizationKind

MEMBERS_PER_PAGE = 25  # a node's members, listed in the tree on demand


def _visible_or_404(request, pk: int) -> Organization:
    return object_or_404(selectors.organization_get, user=request.user, pk=pk)


def _tree_day(request) -> tuple:
    """The day the tree is shown for, and the query that carries it to the parts fetched on demand."""
    on = forms.AsOfForm(request.GET or None).day()
    past = on != timezone.localdate()
    return on, past, (urlencode({"on": on.strftime("%d/%m/%Y")}) if past else "")


_PK = 987654321  # stands for a node's pk in the links reversed once for a whole tree


# The words every node repeats, translated once a page.
_TREE_WORDS = {
    "members_word": gettext_lazy("members"),
    "probationary_word": gettext_lazy("probationary"),
    "members_title": gettext_lazy("Members"),
    "show_members": gettext_lazy("Show the members"),
    "show_children": gettext_lazy("Show the organizations under it"),
    "nothing_under": gettext_lazy("No member and no organization under it."),
}


def _tree_words() -> dict:
    return {name: str(word) for name, word in _TREE_WORDS.items()}


def _linked(nodes: list, day_query: str) -> list:
    """Give every node (and the nodes under it) its links: its page, what is under it and its members,
    the last two for the day shown. Each URL is reversed once, whatever the number of nodes."""
    suffix = f"?{day_query}" if day_query else ""
    patterns = {
        name: reverse(f"organizations:{name}", kwargs={"pk": _PK}).replace(str(_PK), "{pk}")
        for name in ("detail", "tree_children", "tree_members")
    }

    def link(node_list):
        for node in node_list:
            pk = node.organization.pk
            node.key = str(pk)
            node.url = patterns["detail"].format(pk=pk)
            node.children_url = patterns["tree_children"].format(pk=pk) + suffix
            node.members_url = patterns["tree_members"].format(pk=pk) + suffix
            link(node.children)

    link(nodes)
    return nodes


@tree_user_required
def tree(request):
    """The user's organization and the level under it, each node opened on demand (`tree_children`), with
    its members on demand (`tree_members`); or the organizations a search finds, under their ancestors."""
    form = forms.TreeForm(request.GET or None)
    on, past, day_query = _tree_day(request)
    q = form.query()
    search = selectors.tree_search(user=request.user, q=q, on=on) if q else None
    context = {
        "form": form,
        "q": q,
        "on": on,
        "past": past,
        "day_query": day_query,
        "search": search,
        "search_limit": selectors.SEARCH_LIMIT,
        **_tree_words(),
        "roots": _linked(search.roots if search else selectors.tree_top(user=request.user, on=on), day_query),
    }
    template = "organizations/_tree_results.html" if is_partial(request) else "organizations/tree.html"
    return render(request, template, context)


@tree_user_required
def tree_children(request, pk: int):
    """The organizations right under one, for the tree (htmx) or as a page of their own (without JavaScript)."""
    org = _visible_or_404(request, pk)
    on, past, day_query = _tree_day(request)
    context = {
        "org": org,
        "on": on,
        "past": past,
        "day_query": day_query,
        "nodes": _linked(selectors.tree_children(user=request.user, organization=org, on=on), day_query),
        "part": "organizations/_tree_children.html",
        **_tree_words(),
        "title": _("Organizations under %(name)s") % {"name": org.name},
    }
    return render(request, context["part"] if is_partial(request) else "organizations/tree_part.html", context)


@tree_user_required
def tree_members(request, pk: int):
    """The members of an organization and those under it on the day, a page at a time, in Vietnamese order."""
    org = _visible_or_404(request, pk)
    on, past, day_query = _tree_day(request)
    rows = selectors.organization_members(user=request.user, organization=org, on=on)
    page = Paginator(rows, MEMBERS_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "org": org,
        "on": on,
        "past": past,
        "day_query": day_query,
        "page": page,
        "part": "organizations/_tree_members.html",
        "title": _("Members of %(name)s") % {"name": org.name},
    }
    return render(request, context["part"] if is_partial(request) else "organizations/tree_part.html", context)


@tree_user_required
def detail(request, pk: int):
    org = _visible_or_404(request, pk)
    own = selectors.tree_branch(user=request.user, organization=org, on=timezone.localdate())
    members = member_list(user=request.user, filters=MemberFilters(organization=org))[:20]
    context = {
        "org": org,
        "own": own,
        "children": own.children if own else [],
        "members": members,
        "events": org.events.select_related("other_organization").order_by("on", "id"),
        "versions": org.versions.select_related("parent").order_by("valid_from"),
        "history": history_of(org),
        "can_edit": may_edit(request.user, org),
        "can_found": bool(ALLOWED_CHILD_KINDS[OrganizationKind(org.kind)]) and org.is_active,
        "can_restructure": may_restructure(request.user, org),
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


# Changes the committee above decides (founding under and renaming stay with the organization's own editors).
RESTRUCTURING = ("move", "merge", "split", "hand_over", "dissolve")


@editor_required
def change(request, pk: int, action: str):
    if action not in CHANGE_FORMS:
        raise Http404
    org = _visible_or_404(request, pk)
    ensure_may_edit(request.user, org)
    if action in RESTRUCTURING and not may_restructure(request.user, org):
        raise PermissionDenied(
            _("The committee above decides on moving, merging, splitting or dissolving your own organization.")
        )
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


def _page_above(org: Organization) -> str:
    parent = Organization.objects.get_parent(org)
    return reverse("organizations:detail", kwargs={"pk": parent.pk}) if parent else reverse("organizations:tree")


delete = delete_view(
    get=_visible_or_404,
    delete=lambda org, by: services.organization_delete(organization=org, by=by),
    message=gettext_lazy("The organization was deleted. It can be restored from the deleted records."),
    refused="%(reason)s",
    then=_page_above,
    refused_then=lambda org: reverse("organizations:detail", kwargs={"pk": org.pk}),
)
restore = restore_view(
    # Any deleted organization: one outside the user's subtree is refused by the policy (403).
    get=lambda request, pk: get_object_or_404(Organization, pk=pk, deleted_at__isnull=False),
    restore=lambda org, by: services.organization_restore(organization=org, by=by),
    message=gettext_lazy("The organization was restored."),
    refused="%(reason)s",
    then="organizations:detail",
    refused_then="members:trash",
)

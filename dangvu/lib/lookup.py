"""Search-as-you-type for large choices: members and organizations, served from the user's scope.

A form field of `lib.forms` (`MemberSearchField`, `OrganizationSearchField`) renders a search box whose
htmx requests come here: `/lookup/<kind>/?name=<field>&<field>_q=<text>&w=<narrowing>`. The answer is the
first `LIMIT` matches, accent-insensitive, among what the user may see (`accounts.policy` through the apps'
selectors), narrowed by the field's own conditions (`w`, signed by the server when it rendered the field, so
a request can narrow the scope but never widen it). The form still validates the chosen pk against its own
scoped queryset when it is submitted.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core import signing
from django.db.models import Q, QuerySet
from django.http import HttpResponseBadRequest
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from dangvu.accounts.decorators import tree_user_required
from dangvu.lib.vntext import fold

LIMIT = 20  # matches shown as the user types
MIN_CHARS = 2  # letters typed before the first search
SALT = "dangvu.lib.lookup"


@dataclass(frozen=True)
class Kind:
    """What is searched: the records a user may pick, the words that match, the order and how a row reads."""

    scope: Callable  # (user) -> QuerySet of what the user may see
    matching: Callable[[str], Q]  # a folded word -> condition
    order: tuple[str, ...]
    label: Callable  # record -> its name as the field shows it
    detail: Callable  # records -> {pk: text shown beside the name (a member's cell, an organization's parent)}


def _member_scope(user) -> QuerySet:
    from dangvu.members.selectors import members_in_scope

    return members_in_scope(user=user).select_related("organization", "last_organization")


def _member_matching(word: str) -> Q:
    # `search_text` holds the folded names, aliases, party card and national ID numbers (members.models).
    return Q(search_text__contains=word)


def member_label(member) -> str:
    return f"{member.full_name} ({member.date_of_birth:%d/%m/%Y})"


def _member_cells(members) -> dict:
    return {m.pk: getattr(m.organization or m.last_organization, "name", "") for m in members}


def _organization_scope(user) -> QuerySet:
    from dangvu.accounts.policy import organizations_to_view

    return organizations_to_view(user).filter(deleted_at__isnull=True)


def _organization_matching(word: str) -> Q:
    return Q(name__vnfold__contains=word) | Q(short_name__vnfold__contains=word) | Q(code__icontains=word)


def organization_label(organization) -> str:
    return f"{organization.name} ({organization.code})"


def _organization_parents(organizations) -> dict:
    """The name of the organization above each one, read in one query."""
    from dangvu.organizations.models import Organization

    steplen = Organization.steplen
    parent_paths = {o.pk: o.path[:-steplen] for o in organizations if len(o.path) > steplen}
    names = dict(Organization.objects.filter(path__in=set(parent_paths.values())).values_list("path", "name"))
    return {pk: names.get(path, "") for pk, path in parent_paths.items()}


KINDS = {
    "members": Kind(_member_scope, _member_matching, ("sort_key", "pk"), member_label, _member_cells),
    "organizations": Kind(
        _organization_scope, _organization_matching, ("path",), organization_label, _organization_parents
    ),
}


def narrowing_token(where: dict | None, exclude: dict | None) -> str:
    """The field's own conditions, signed, for the lookup URL ("" when there are none)."""
    if not where and not exclude:
        return ""
    return signing.dumps({"w": where or {}, "x": exclude or {}}, salt=SALT, compress=True)


def narrowed(queryset: QuerySet, token: str) -> QuerySet:
    """`queryset` under the conditions of a token from `narrowing_token` (raises signing.BadSignature)."""
    if not token:
        return queryset
    conditions = signing.loads(token, salt=SALT)
    return queryset.filter(**conditions["w"]).exclude(**conditions["x"])


def search(queryset: QuerySet, kind: str, text: str, limit: int | None = LIMIT) -> list:
    """The records of `queryset` whose searched text holds every word of `text`, in the kind's order."""
    spec = KINDS[kind]
    words = fold(text).split()
    if not words:
        return []
    condition = Q()
    for word in words:
        condition &= spec.matching(word)
    rows = queryset.filter(condition).order_by(*spec.order)
    return list(rows[:limit] if limit else rows)


def options(kind: str, records) -> list[dict]:
    """What the list of matches shows of each record: pk, the name the field shows and the detail beside it."""
    spec = KINDS[kind]
    details = spec.detail(records)
    return [{"pk": r.pk, "label": spec.label(r), "detail": details.get(r.pk, "")} for r in records]


@require_GET
@tree_user_required
def lookup(request, kind: str):
    """The matches of what the user typed, as the options of the field's list (an htmx partial)."""
    spec = KINDS[kind]
    name = request.GET.get("name", "")
    text = request.GET.get(f"{name}_q", "") if name else request.GET.get("q", "")
    try:
        rows = narrowed(spec.scope(request.user), request.GET.get("w", ""))
    except (signing.BadSignature, ValueError, TypeError):
        return HttpResponseBadRequest(_("This search link is not valid; reload the page."))
    too_short = len(fold(text).replace(" ", "")) < MIN_CHARS
    found = [] if too_short else search(rows, kind, text, limit=LIMIT + 1)
    context = {
        "options": options(kind, found[:LIMIT]),
        "more": len(found) > LIMIT,
        "too_short": too_short,
        "text": text,
        "listbox": f"id_{name}_list" if name else "",
        "min_chars": MIN_CHARS,
    }
    return render(request, "includes/search_choice_options.html", context)

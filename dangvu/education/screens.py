"""The screens every work record has: a filterable list, a form (new and edit), a detail page with
its history, delete and restore. One small class configured per record kind, so the rules of access
(invisible → 404, not allowed → 403, changes by POST only) are written once.

Shared by `education` and `massorgs`; it is a candidate for `lib/` once more apps use it.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from dangvu.accounts.decorators import editor_required, tree_user_required
from dangvu.accounts.policy import ensure_may_edit, may_edit
from dangvu.lib.forms import apply_service_errors


def query_without_page(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


@dataclass
class RecordScreens:
    """Views of one record kind. `get(user, pk, deleted)` must raise DoesNotExist for what the user cannot see."""

    namespace: str
    name: str  # URL names are "<namespace>:<name>_list", "_create", "_detail", "_edit", "_delete", "_restore"
    get: Callable
    list_selector: Callable  # (user, filters) -> queryset
    filter_form: type  # form(data, user=) with .filters() -> filters object
    record_form: type  # form(data, user=, instance=) with .save(by=) calling a service
    delete: Callable  # (record, by)
    restore: Callable  # (record, by)
    messages: dict = field(default_factory=dict)  # created, saved, deleted, restored, not_restored
    detail_context: Callable = lambda request, record: {}

    def template(self, part: str) -> str:
        return f"{self.namespace}/{self.name}_{part}.html"

    def url(self, part: str) -> str:
        return f"{self.namespace}:{self.name}_{part}"

    def _object_or_404(self, request, pk: int, deleted: bool = False):
        try:
            return self.get(user=request.user, pk=pk, deleted=deleted)
        except ObjectDoesNotExist as missing:
            raise Http404 from missing

    def list_view(self):
        @tree_user_required
        def view(request):
            form = self.filter_form(request.GET or None, user=request.user)
            filters = form.filters() if form.is_valid() else form.default_filters()
            paginator = Paginator(self.list_selector(user=request.user, filters=filters), settings.PAGE_SIZE)
            context = {
                "form": form,
                "page": paginator.get_page(request.GET.get("page")),
                "query": query_without_page(request),
                "showing_deleted": filters.deleted,
            }
            partial = request.htmx and not request.htmx.boosted
            return render(request, self.template("results" if partial else "list"), context)

        return view

    def detail_view(self):
        @tree_user_required
        def view(request, pk: int):
            record = self._object_or_404(request, pk)
            context = {
                "record": record,
                "can_edit": _can_edit(request.user, record.organization),
                "history": record.history.select_related("history_user").order_by("-history_date")[:50],
                **self.detail_context(request, record),
            }
            return render(request, self.template("detail"), context)

        return view

    def _form_view(self, request, record):
        initial = request.GET.dict() if record is None else None
        form = self.record_form(request.POST or None, user=request.user, instance=record, initial=initial)
        if request.method == "POST" and form.is_valid():
            ensure_may_edit(request.user, form.cleaned_data["organization"])
            try:
                saved = form.save(by=request.user)
            except ValidationError as error:
                apply_service_errors(form, error)
            else:
                messages.success(request, self.messages["saved" if record else "created"])
                return redirect(self.url("detail"), pk=saved.pk)
        return render(request, self.template("form"), {"form": form, "record": record})

    def create_view(self):
        @editor_required
        def view(request):
            return self._form_view(request, None)

        return view

    def edit_view(self):
        @editor_required
        def view(request, pk: int):
            record = self._object_or_404(request, pk)
            ensure_may_edit(request.user, record.organization)
            return self._form_view(request, record)

        return view

    def delete_view(self):
        @require_POST
        @editor_required
        def view(request, pk: int):
            record = self._object_or_404(request, pk)
            ensure_may_edit(request.user, record.organization)
            self.delete(record, by=request.user)
            messages.success(request, self.messages["deleted"])
            return redirect(self.url("list"))

        return view

    def restore_view(self):
        @require_POST
        @editor_required
        def view(request, pk: int):
            record = self._object_or_404(request, pk, deleted=True)
            ensure_may_edit(request.user, record.organization)
            try:
                self.restore(record, by=request.user)
            except ValidationError as error:
                messages.error(request, self.messages["not_restored"] % {"reason": " ".join(error.messages)})
                return redirect(self.url("list"))
            messages.success(request, self.messages["restored"])
            return redirect(self.url("detail"), pk=record.pk)

        return view

    def urlpatterns(self, path_prefix: str) -> list:
        from django.urls import path

        return [
            path(f"{path_prefix}", self.list_view(), name=f"{self.name}_list"),
            path(f"{path_prefix}new/", self.create_view(), name=f"{self.name}_create"),
            path(f"{path_prefix}<int:pk>/", self.detail_view(), name=f"{self.name}_detail"),
            path(f"{path_prefix}<int:pk>/edit/", self.edit_view(), name=f"{self.name}_edit"),
            path(f"{path_prefix}<int:pk>/delete/", self.delete_view(), name=f"{self.name}_delete"),
            path(f"{path_prefix}<int:pk>/restore/", self.restore_view(), name=f"{self.name}_restore"),
        ]


def _can_edit(user, organization) -> bool:

    return may_edit(user, organization)

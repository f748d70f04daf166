"""The screen kit: what every record screen shares, written once.

- A list: a filter form that turns itself into the selector's filters (`FilterForm`), a page of rows of
  the size the user picked (`paginate`), the results part alone for htmx (`is_partial`), and the export of
  exactly what the list shows, every page of it (`?export=xlsx` or `csv`). `render_list` does all four.
- A detail page: the record or 404 (`object_or_404`), its history (`history_of`).
- Forms and soft delete/restore: `RecordScreens`, one small object per record kind giving the six views
  (list, new, detail, edit, delete, restore) and their URLs, so the rules of access (invisible → 404,
  not allowed → 403, changes by POST only) are written once.

Invalid filters are not an error page: the list answers 200 with the form's messages beside the fields and
the rows of the default filters.
"""

import dataclasses
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.core.paginator import Page
from django.db.models import Model, QuerySet
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from dangvu.accounts.decorators import editor_required, tree_user_required
from dangvu.accounts.models import Purpose
from dangvu.accounts.policy import ensure_may_edit, may_edit, may_see_sensitive
from dangvu.accounts.services import sensitive_access_log
from dangvu.lib.forms import apply_service_errors
from dangvu.lib.numbers import format_int
from dangvu.lib.paging import ProbingPaginator
from dangvu.lib.spreadsheets import write_csv, write_xlsx

# What a user may pick as rows per page; anything else is the default, settings.PAGE_SIZE.
PAGE_SIZES = (25, 50, 100, 200)
EXPORT_FORMATS = ("xlsx", "csv")
HISTORY_ROWS = 50
# Query parameters that are not filters: they do not travel with the pager's links or the export's.
NOT_FILTERS = ("page", "export")


# --- Lists ----------------------------------------------------------------------------------------


def query_without_page(request) -> str:
    """The list's query string without the page (and export), for the pager's and export's links."""
    query = request.GET.copy()
    for name in NOT_FILTERS:
        query.pop(name, None)
    return query.urlencode()


def page_size(request) -> int:
    try:
        size = int(request.GET.get("size", ""))
    except ValueError:
        return settings.PAGE_SIZE
    return size if size in PAGE_SIZES else settings.PAGE_SIZE


def paginate(request, rows, *, count_key: Callable[[], str] | None = None) -> Page:
    """The page of `rows` the request asks for (a page out of range is the last one), counted only when needed."""
    return ProbingPaginator(rows, page_size(request), count_key=count_key).get_page(request.GET.get("page"))


def is_partial(request) -> bool:
    """An htmx request from the list's own filters or pager: answer with the results part only."""
    return bool(getattr(request, "htmx", False) and not request.htmx.boosted)


class FilterForm(forms.Form):
    """A list's filter form that turns itself into the filters object its selector takes.

    `filters_class` is a dataclass whose field names are form fields; an empty field leaves the dataclass'
    default. Forms whose filters are not a plain copy override `to_filters`. Every filter form takes the
    user (for its choices) as a keyword argument.
    """

    filters_class: type

    def __init__(self, data=None, *args, user=None, **kwargs):
        self.user = user
        super().__init__(data, *args, **kwargs)

    def filters(self):
        if not self.is_bound or not self.is_valid():
            return self.default_filters()
        return self.to_filters(self.cleaned_data)

    def default_filters(self):
        return self.filters_class()

    def to_filters(self, data: dict):
        names = {f.name for f in dataclasses.fields(self.filters_class)}
        return self.filters_class(**{k: v for k, v in data.items() if k in names and v not in (None, "")})


@dataclass(frozen=True)
class ExportColumn:
    """A column of a list's export: its header, and how a row gives its value (a field path or a function)."""

    key: str
    header: str
    value: Callable | None = None  # row -> value; default: the attribute path `key` ("organization.name")
    width: int = 16
    sensitive: bool = False  # shown only to users allowed to see sensitive data, and logged

    @property
    def label(self) -> str:
        return str(self.header)

    def of(self, row):
        if self.value is not None:
            return self.value(row)
        value = row
        for part in self.key.split("."):
            value = getattr(value, part, None)
            if value is None:
                return None
        if isinstance(value, Model):
            return str(value)
        return value


@dataclass(frozen=True)
class Export:
    """What `?export=` writes: the columns and the title of the sheet."""

    title: str
    columns: tuple[ExportColumn, ...]
    filename: str = ""
    # rows -> what the columns read, when that is not the listed rows themselves (e.g. ids -> the register's
    # rows, read in a few queries whatever their number); called once the number of rows is known to fit.
    read: Callable | None = None

    def columns_for(self, user) -> list[ExportColumn]:
        sensitive = may_see_sensitive(user)
        return [c for c in self.columns if sensitive or not c.sensitive]


def export_response(request, rows: QuerySet | Iterable, export: Export, fmt: str) -> HttpResponse:
    """The whole filtered list as XLSX or CSV, capped at settings.EXPORT_MAX_ROWS rows."""
    limit = settings.EXPORT_MAX_ROWS
    if isinstance(rows, QuerySet):
        listed = list(rows[: limit + 1])
    else:
        listed = list(rows)
    if len(listed) > limit:
        messages.error(
            request,
            _("The list has more than %(limit)s rows; narrow the filters to export it.") % {"limit": format_int(limit)},
        )
        return redirect(f"{request.path}?{query_without_page(request)}")
    columns = export.columns_for(request.user)
    shown_sensitive = [c.key for c in columns if c.sensitive]
    if shown_sensitive:
        sensitive_access_log(
            user=request.user,
            purpose=Purpose.EXPORT,
            fields=shown_sensitive,
            count=len(listed),
            scope=f"{request.path}?{query_without_page(request)}",
        )
    data = ({c.key: c.of(row) for c in columns} for row in (export.read(rows) if export.read else listed))
    out = io.BytesIO()
    if fmt == "csv":
        write_csv(out, columns, data)
        content_type = "text/csv; charset=utf-8"
    else:
        write_xlsx(out, columns, data, title=str(export.title))
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    name = export.filename or slugify(str(export.title)) or "danh-sach"
    response = HttpResponse(out.getvalue(), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}-{timezone.localdate():%Y%m%d}.{fmt}"'
    return response


def render_list(
    request,
    *,
    rows,
    template: str,
    results_template: str,
    form: forms.Form | None = None,
    export: Export | None = None,
    count_key: Callable[[], str] | None = None,
    load_page: Callable | None = None,
    on_page: Callable[[Page], None] | None = None,
    context: dict | None = None,
) -> HttpResponse:
    """A list screen: the page of `rows` (or the export of all of them), whole or as the htmx results part.

    `load_page(object_list)` turns the page's rows into what the template shows (e.g. ids into records,
    so that paging reads an index only); `on_page(page)` is told of the page shown (e.g. to log it)."""
    fmt = request.GET.get("export")
    if export is not None and fmt in EXPORT_FORMATS:
        return export_response(request, rows, export, fmt)
    page = paginate(request, rows, count_key=count_key)
    if load_page is not None:
        page.object_list = load_page(page.object_list)
    if on_page is not None:
        on_page(page)
    query = query_without_page(request)
    size_query = request.GET.copy()
    for name in (*NOT_FILTERS, "size"):
        size_query.pop(name, None)
    full_context = {
        "form": form,
        "page": page,
        "query": query,
        "size_query": size_query.urlencode(),
        "partial": is_partial(request),
        "page_sizes": PAGE_SIZES,
        "page_size": page.paginator.per_page,
        "export_formats": EXPORT_FORMATS if export is not None else (),
        "results_template": results_template,  # the list page (includes/list_page.html) includes it
        **(context or {}),
    }
    return render(request, results_template if is_partial(request) else template, full_context)


# --- Records --------------------------------------------------------------------------------------


def object_or_404(get: Callable, **kwargs):
    """`get(**kwargs)` (a selector that raises DoesNotExist for what the user may not see), or 404."""
    try:
        return get(**kwargs)
    except ObjectDoesNotExist as missing:
        raise Http404 from missing


def history_of(record, limit: int = HISTORY_ROWS) -> QuerySet:
    """The record's history for its detail page, newest first, with who made each change."""
    return record.history.select_related("history_user").order_by("-history_date", "-history_id")[:limit]


def save_form(request, form, save: Callable, *, message, then, check: Callable | None = None) -> HttpResponse | None:
    """A POSTed, valid `form` saved by `save(cleaned_data)` (a service call returning the record): the message
    (text, or a function of the record) and the redirect to `then` (a URL name taking the record's pk, or a
    function of the record). `check(cleaned_data)` runs first (e.g. the policy on the chosen organization).
    None when there is nothing saved (a GET, an invalid form, or the service's refusal, now the form's
    errors): the view shows the form again."""
    if request.method != "POST" or not form.is_valid():
        return None
    if check is not None:
        check(form.cleaned_data)
    try:
        record = save(form.cleaned_data)
    except ValidationError as error:
        apply_service_errors(form, error)
        return None
    messages.success(request, message(record) if callable(message) else message)
    return _go(then, record)


def default_messages() -> dict:
    """What a record screen says after each change, unless its kind says it in its own words."""
    return {
        "created": gettext_lazy("Recorded."),
        "saved": gettext_lazy("Saved."),
        "deleted": gettext_lazy("The record was deleted. It can be restored from the deleted records."),
        "restored": gettext_lazy("The record was restored."),
        "not_restored": gettext_lazy("The record was not restored: %(reason)s"),
    }


@dataclass
class RecordScreens:
    """The views of one record kind. `get(user, pk, deleted)` must raise DoesNotExist for what the user cannot see."""

    namespace: str
    name: str  # URL names are "<namespace>:<name>_list", "_create", "_detail", "_edit", "_delete", "_restore"
    get: Callable
    list_selector: Callable  # (user, filters) -> queryset
    filter_form: type  # FilterForm subclass: form(data, user=)
    record_form: type  # form(data, user=, instance=) with .save(by=) calling a service
    delete: Callable  # (record, by)
    restore: Callable  # (record, by)
    messages: dict = field(default_factory=default_messages)  # created, saved, deleted, restored, not_restored
    detail_context: Callable = lambda request, record: {}
    export: Export | None = None

    def template(self, part: str) -> str:
        return f"{self.namespace}/{self.name}_{part}.html"

    def url(self, part: str) -> str:
        return f"{self.namespace}:{self.name}_{part}"

    def _object_or_404(self, request, pk: int, deleted: bool = False):
        return object_or_404(self.get, user=request.user, pk=pk, deleted=deleted)

    def list_view(self):
        @tree_user_required
        def view(request):
            form = self.filter_form(request.GET or None, user=request.user)
            filters = form.filters()
            return render_list(
                request,
                rows=self.list_selector(user=request.user, filters=filters),
                template=self.template("list"),
                results_template=self.template("results"),
                form=form,
                export=None if getattr(filters, "deleted", False) else self.export,
                context={"showing_deleted": getattr(filters, "deleted", False)},
            )

        return view

    def detail_view(self):
        @tree_user_required
        def view(request, pk: int):
            record = self._object_or_404(request, pk)
            context = {
                "record": record,
                "can_edit": may_edit(request.user, record),
                "history": history_of(record),
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
        return delete_view(
            get=lambda request, pk: self._object_or_404(request, pk),
            delete=self.delete,
            message=self.messages["deleted"],
            then=self.url("list"),
        )

    def restore_view(self):
        return restore_view(
            get=lambda request, pk: self._object_or_404(request, pk, deleted=True),
            restore=self.restore,
            message=self.messages["restored"],
            refused=self.messages["not_restored"],
            then=self.url("detail"),
            refused_then=self.url("list"),
        )

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


def _go(target: str | Callable, record):
    """`target` is a URL name taking the record's pk, or a function of the record giving a URL."""
    return redirect(target(record)) if callable(target) else redirect(target, pk=record.pk)


def _go_list(target: str | Callable, record):
    return redirect(target(record)) if callable(target) else redirect(target)


def delete_view(
    *,
    get: Callable,
    delete: Callable,
    message: str,
    then: str | Callable,
    refused: str = "%(reason)s",
    refused_then: str | Callable | None = None,
    guard: Callable = editor_required,
):
    """A POST-only view that soft-deletes the record `get(request, pk)` when the policy lets the user change it,
    then goes to `then` (a URL name without arguments, or a function of the record giving a URL).

    A refusal (ValidationError) is the message `refused` (with %(reason)s), shown on `refused_then` (a URL name
    taking the record's pk, or a function of the record); without it a refusal is an error.
    `guard` is the kind of account the view admits."""

    @require_POST
    @guard
    def view(request, pk: int):
        record = get(request, pk)
        ensure_may_edit(request.user, record)
        try:
            delete(record, by=request.user)
        except ValidationError as error:
            if refused_then is None:
                raise
            messages.error(request, refused % {"reason": " ".join(error.messages)})
            return _go(refused_then, record)
        messages.success(request, message)
        return _go_list(then, record)

    return view


def restore_view(
    *,
    get: Callable,
    restore: Callable,
    message: str,
    refused: str,
    then: str | Callable,
    refused_then: str | Callable,
    guard: Callable = editor_required,
):
    """A POST-only view that restores a deleted record and goes to `then` (a URL name taking its pk, or a
    function of the record). A refusal (ValidationError) is the message `refused` (with %(reason)s), shown
    on `refused_then` (a URL name without arguments, or a function of the record). `guard` is the kind of
    account the view admits."""

    @require_POST
    @guard
    def view(request, pk: int):
        record = get(request, pk)
        ensure_may_edit(request.user, record)
        try:
            restore(record, by=request.user)
        except ValidationError as error:
            messages.error(request, refused % {"reason": " ".join(error.messages)})
            return _go_list(refused_then, record)
        messages.success(request, message)
        return _go(then, record)

    return view

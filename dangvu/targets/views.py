from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from dangvu.accounts.decorators import editor_required, tree_user_required
from dangvu.accounts.policy import ensure_may_edit, may_edit
from dangvu.lib.forms import apply_service_errors
from dangvu.lib.screens import delete_view, history_of, object_or_404, restore_view, save_form
from dangvu.targets import selectors, services
from dangvu.targets.forms import ManualActualsForm, TargetForm, TermForm
from dangvu.targets.models import Target, Term


def _term_or_404(request, pk: int) -> Term:
    return object_or_404(selectors.term_get, user=request.user, pk=pk)


def _target_or_404(request, pk: int, deleted: bool = False) -> Target:
    return object_or_404(selectors.target_get, user=request.user, pk=pk, deleted=deleted)


def _to_term(target: Target) -> str:
    return reverse("targets:term", kwargs={"pk": target.term_id})


@tree_user_required
def terms(request):
    return render(request, "targets/terms.html", {"terms": selectors.term_list(user=request.user)})


@tree_user_required
def term_detail(request, pk: int):
    term = _term_or_404(request, pk)
    today = timezone.localdate()
    rows = selectors.term_progress(term=term, today=today)
    return render(
        request,
        "targets/term_detail.html",
        {
            "term": term,
            "rows": rows,
            "years": term.years,
            "today": today,
            "deleted": selectors.deleted_targets(user=request.user, term=term),
            "can_edit": may_edit(request.user, term.organization),
            "history": history_of(term),
        },
    )


@editor_required
def term_create(request):
    form = TermForm(request.POST or None)
    organization = request.user.organization
    create = lambda d: services.term_create(organization=organization, by=request.user, **d)  # noqa: E731
    saved = save_form(request, form, create, message=_("Saved."), then="targets:term")
    return saved or render(request, "targets/form.html", {"form": form, "title": _("New congress term")})


def _target_initial(target: Target) -> dict:
    initial = {
        name: getattr(target, name)
        for name in ("number", "group", "content", "unit", "direction", "indicator_code", "aggregation", "order")
    }
    initial.update({v.kind: v.value for v in target.variants.all()})
    initial.update({f"plan_{p.year}": p.value for p in target.year_plans.all()})
    return initial


@editor_required
def target_edit(request, term_pk: int, pk: int | None = None):
    term = _term_or_404(request, term_pk)
    ensure_may_edit(request.user, term.organization)
    target = None
    if pk is not None:
        target = _target_or_404(request, pk)
        if target.term_id != term.pk:
            raise Http404
    form = TargetForm(request.POST or None, years=term.years, initial=_target_initial(target) if target else None)
    saved = save_form(
        request,
        form,
        lambda d: services.target_save(
            term=term,
            target=target,
            by=request.user,
            variants=form.variants(),
            plans=form.plans(),
            **form.target_fields(),
        ),
        message=_("Saved."),
        then=lambda _target: reverse("targets:term", args=[term.pk]),
    )
    title = _("Edit target") if target else _("New target")
    return saved or render(request, "targets/form.html", {"form": form, "title": title, "term": term})


@editor_required
def manual_actuals(request, pk: int):
    target = _target_or_404(request, pk)
    ensure_may_edit(request.user, target.term.organization)
    years = target.term.years
    initial = {f"year_{m.year}": m.value for m in target.manual_actuals.all()}
    form = ManualActualsForm(request.POST or None, years=years, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            for year, value in form.values().items():
                if value is None and f"year_{year}" not in initial:
                    continue
                services.manual_actual_enter(
                    target=target, year=year, value=value, source=form.cleaned_data["source"], by=request.user
                )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("targets:term", pk=target.term_id)
    return render(
        request,
        "targets/form.html",
        {
            "form": form,
            "term": target.term,
            "title": _("Actuals entered by hand: %(target)s") % {"target": target.content},
            "help": _(
                "A value entered here replaces the computed value of its year (use it for the years before "
                "the system was in use, or for targets the system cannot count)."
            ),
        },
    )


target_delete = delete_view(
    get=_target_or_404,
    delete=lambda target, by: services.target_delete(target=target, by=by),
    message=gettext_lazy("The target was deleted. It can be restored below the table."),
    then=_to_term,
)
target_restore = restore_view(
    get=lambda request, pk: _target_or_404(request, pk, deleted=True),
    restore=lambda target, by: services.target_restore(target=target, by=by),
    message=gettext_lazy("The target was restored."),
    refused="%(reason)s",
    then=_to_term,
    refused_then=_to_term,
)


SESSION_KEY = "targets_appendix_preview"


@editor_required
def appendix_import(request):
    """Upload a past mid-term or annual report; its appendix becomes the hand-entered history of a term."""
    import tempfile
    from pathlib import Path

    from dangvu.targets.forms import AppendixImportForm
    from dangvu.targets.history_import import parse_appendix

    form = AppendixImportForm(request.POST or None, request.FILES or None)
    preview = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        with tempfile.TemporaryDirectory(prefix="dangvu-appendix-") as tmp:
            path = Path(tmp) / Path(upload.name).name
            with path.open("wb") as out:
                for chunk in upload.chunks():
                    out.write(chunk)
            try:
                preview = parse_appendix(path, upload.name)
            except ValidationError as error:
                apply_service_errors(form, error)
        if preview is not None:
            request.session[SESSION_KEY] = {
                **preview.as_session(),
                "start_year": form.cleaned_data["start_year"],
                "end_year": form.cleaned_data["end_year"],
                "source": upload.name,
            }
    return render(request, "targets/import.html", {"form": form, "preview": preview})


@require_POST
@editor_required
def appendix_import_confirm(request):
    from dangvu.targets.history_import import AppendixPreview
    from dangvu.targets.history_import import appendix_import as run_import

    data = request.session.get(SESSION_KEY)
    if not data:
        messages.error(request, _("Upload the report again: the preview has expired."))
        return redirect("targets:import")
    try:
        term = run_import(
            organization=request.user.organization,
            start_year=data["start_year"],
            end_year=data["end_year"],
            preview=AppendixPreview.from_session(data),
            source=_("Appendix of %(file)s") % {"file": data["source"]},
            by=request.user,
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("targets:import")
    del request.session[SESSION_KEY]
    messages.success(request, _("The appendix was imported as the history of the term."))
    return redirect("targets:term", pk=term.pk)

"""Screens of the inspection work: lists with filters, forms and record pages for inspections and
supervisions, discipline decisions and letters. Committee staff, inspection staff and secretaries
see the records of their subtree; who changes one is the body that owns it (`accounts.policy`):
an inspection committee's records are its inspection staff's. Member accounts are turned away."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dangvu.accounts.decorators import tree_user_required
from dangvu.accounts.policy import ensure_may_edit, may_edit
from dangvu.inspections import forms, selectors, services
from dangvu.inspections.models import Discipline, Inspection, Letter
from dangvu.lib.bounds import as_id
from dangvu.lib.forms import apply_service_errors
from dangvu.lib.versioning import add_version_field, submitted_version
from dangvu.members.models import MembershipSpell
from dangvu.members.selectors import spells_open_on
from dangvu.organizations.selectors import organization_list


def _or_404(getter, request, pk: int):
    try:
        return getter(user=request.user, pk=pk)
    except ObjectDoesNotExist as missing:
        raise Http404 from missing


def _page(request, queryset):
    return Paginator(queryset, settings.PAGE_SIZE).get_page(request.GET.get("page"))


def _query_without_page(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def _editable_or_403(getter, request, pk: int):
    """The record if the user sees it (else 404) and owns it (else 403)."""
    record = _or_404(getter, request, pk)
    ensure_may_edit(request.user, record)
    return record


def _refuse_unless_owner(request, form, record, field: str) -> bool:
    """True when the user may own `record` as filled in by the form; else the form says why beside `field`."""
    if may_edit(request.user, record):
        return True
    owner = record.deciding_organization if isinstance(record, Discipline) else record.organization
    body = record.get_body_display().lower() if hasattr(record, "body") else ""
    form.add_error(
        field,
        _("Your account may not record or change the records of %(body)s %(name)s: they belong to that body.")
        % {"body": body, "name": owner.name},
    )
    return False


def _history(record):
    return record.history.select_related("history_user").order_by("-history_date")[:50]


def _list_context(request, form, queryset, tab: str) -> dict:
    return {
        "form": form,
        "page": _page(request, queryset),
        "query": _query_without_page(request),
        "tab": tab,
        "warnings": selectors.letter_warnings(user=request.user),
    }


def _member_identifiers(members) -> str:
    return "\n".join(m.card_number or m.national_id or f"#{m.pk}" for m in members)


def _resolve_members(request, form, field: str, text: str):
    members, missing = selectors.members_by_identifiers(user=request.user, identifiers=forms.split_identifiers(text))
    if missing:
        form.add_error(
            field,
            _("No member in your organizations has the card or ID number: %(numbers)s.")
            % {"numbers": ", ".join(missing[:10])},
        )
        return None
    return members


# Inspections and supervisions --------------------------------------------------------------------


@tree_user_required
def inspection_list(request):
    organizations = organization_list(user=request.user)
    form = forms.InspectionFilterForm(
        request.GET or None, organizations=organizations, years=selectors.inspection_years(user=request.user)
    )
    filters = selectors.InspectionFilters()
    if form.is_valid():
        d = form.cleaned_data
        filters = selectors.InspectionFilters(
            organization=d["organization"],
            year=d["year"],
            body=d["body"],
            kind=d["kind"],
            violation_found=d["violation_found"],
        )
    queryset = selectors.inspection_list(user=request.user, filters=filters)
    return render(request, "inspections/inspection_list.html", _list_context(request, form, queryset, "inspections"))


def _inspection_subject_ids(request, form) -> list[int] | None:
    d = form.cleaned_data
    members = _resolve_members(request, form, "subject_members", d["subject_members"])
    if members is None:
        return None
    ids = [m.pk for m in members]
    if d["all_members_of_subjects"] and d["subject_organizations"]:
        paths = Q()
        for organization in d["subject_organizations"]:
            paths |= Q(organization__path__startswith=organization.path)
        ids += list(
            MembershipSpell.objects.filter(spells_open_on(d["started_on"]))
            .filter(paths)
            .values_list("member_id", flat=True)
        )
    return ids


def _save_inspection(request, form, inspection: Inspection | None):
    ids = _inspection_subject_ids(request, form)
    if ids is None:
        return None
    d = form.cleaned_data
    would_be = Inspection(organization=d["organization"], body=d["body"])
    if not _refuse_unless_owner(request, form, would_be, "body"):
        return None
    try:
        if inspection is None:
            return services.inspection_create(
                organization=d["organization"],
                data=form.record_data(),
                subject_organizations=d["subject_organizations"],
                subject_member_ids=ids,
                by=request.user,
            )
        inspection.organization = d["organization"]
        return services.inspection_update(
            inspection=inspection,
            data=form.record_data(),
            subject_organizations=d["subject_organizations"],
            subject_member_ids=ids,
            by=request.user,
            version=submitted_version(form),
        )
    except ValidationError as error:
        apply_service_errors(form, error)
        return None


@tree_user_required
def inspection_create(request):
    organizations = organization_list(user=request.user)
    form = forms.InspectionForm(
        request.POST or None, organizations=organizations, initial={"organization": request.user.organization}
    )
    if request.method == "POST" and form.is_valid():
        inspection = _save_inspection(request, form, None)
        if inspection is not None:
            messages.success(request, _("The inspection was recorded."))
            return redirect("inspections:detail", pk=inspection.pk)
    return render(
        request,
        "inspections/form.html",
        {"form": form, "title": _("Record an inspection or supervision"), "tab": "inspections"},
    )


@tree_user_required
def inspection_detail(request, pk: int):
    inspection = _or_404(selectors.inspection_get, request, pk)
    members = selectors.inspection_subject_members(inspection=inspection)
    return render(
        request,
        "inspections/inspection_detail.html",
        {
            "inspection": inspection,
            "subject_organizations": inspection.subject_organizations.order_by("path"),
            "members": _page(request, members),
            "history": _history(inspection),
            "can_edit": may_edit(request.user, inspection),
            "tab": "inspections",
        },
    )


@tree_user_required
def inspection_edit(request, pk: int):
    inspection = _editable_or_403(selectors.inspection_get, request, pk)
    organizations = organization_list(user=request.user)
    initial = {
        "organization": inspection.organization,
        "body": inspection.body,
        "kind": inspection.kind,
        "title": inspection.title,
        "document_no": inspection.document_no,
        "started_on": inspection.started_on,
        "ended_on": inspection.ended_on,
        "conclusion": inspection.conclusion,
        "violation_found": inspection.violation_found,
        "subject_organizations": list(inspection.subject_organizations.all()),
        "subject_members": _member_identifiers(selectors.inspection_subject_members(inspection=inspection)),
    }
    form = forms.InspectionForm(request.POST or None, organizations=organizations, initial=initial)
    add_version_field(form, inspection)
    if request.method == "POST" and form.is_valid():
        if _save_inspection(request, form, inspection) is not None:
            messages.success(request, _("Saved."))
            return redirect("inspections:detail", pk=inspection.pk)
    return render(
        request,
        "inspections/form.html",
        {"form": form, "title": _("Edit the inspection"), "record": inspection, "tab": "inspections"},
    )


@require_POST
@tree_user_required
def inspection_delete(request, pk: int):
    inspection = _editable_or_403(selectors.inspection_get, request, pk)
    services.inspection_delete(inspection=inspection, by=request.user)
    messages.success(request, _("The record was deleted. It can be restored from the deleted records."))
    return redirect("inspections:list")


@require_POST
@tree_user_required
def inspection_restore(request, pk: int):
    inspection = _editable_or_403(lambda **kw: selectors.deleted_get(Inspection, **kw), request, pk)
    services.inspection_restore(inspection=inspection, by=request.user)
    messages.success(request, _("The record was restored."))
    return redirect("inspections:detail", pk=inspection.pk)


# Discipline --------------------------------------------------------------------------------------


def _deciding_organizations(user):
    """The organizations whose decisions the user may record: their subtree. A decision of a body
    above is recorded by that body's own staff (the policy's owner rule), never from below."""
    return organization_list(user=user)


def _would_be_discipline(d) -> Discipline:
    return Discipline(deciding_organization=d["deciding_organization"], body=d["body"])


@tree_user_required
def discipline_list(request):
    organizations = organization_list(user=request.user)
    form = forms.DisciplineFilterForm(
        request.GET or None, organizations=organizations, years=selectors.inspection_years(user=request.user)
    )
    filters = selectors.DisciplineFilters()
    if form.is_valid():
        d = form.cleaned_data
        filters = selectors.DisciplineFilters(
            organization=d["organization"],
            year=d["year"],
            form=d["form"],
            subject=d["subject"],
            on_committee=d["on_committee"],
        )
    queryset = selectors.discipline_list(user=request.user, filters=filters)
    return render(request, "inspections/discipline_list.html", _list_context(request, form, queryset, "disciplines"))


@tree_user_required
def discipline_create(request):
    organizations = organization_list(user=request.user)
    initial = {"deciding_organization": request.user.organization}
    if as_id(request.GET.get("member")) is not None:
        member = (
            selectors.members_by_identifiers(user=request.user, identifiers=[f"#{request.GET['member']}"])[0] or [None]
        )[0]
        if member is not None:
            initial.update(
                member=member.card_number or member.national_id or f"#{member.pk}", holds_post=bool(member.position)
            )
    form = forms.DisciplineDecisionForm(
        request.POST or None,
        organizations=organizations,
        deciding_organizations=_deciding_organizations(request.user),
        initial=initial,
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and _refuse_unless_owner(request, form, _would_be_discipline(form.cleaned_data), "body")
    ):
        d = form.cleaned_data
        member, subject_organization = None, None
        if d["subject_kind"] == forms.SubjectKind.MEMBER:
            found = _resolve_members(request, form, "member", d["member"])
            member = found[0] if found else None
        else:
            subject_organization = d["subject_organization"]
        if member is not None or subject_organization is not None:
            try:
                discipline = services.discipline_create(
                    data=form.record_data(), member=member, subject_organization=subject_organization, by=request.user
                )
            except ValidationError as error:
                apply_service_errors(form, error)
            else:
                messages.success(request, _("The discipline decision was recorded."))
                return redirect("inspections:discipline_detail", pk=discipline.pk)
    return render(
        request,
        "inspections/form.html",
        {"form": form, "title": _("Record a discipline decision"), "tab": "disciplines"},
    )


@tree_user_required
def discipline_detail(request, pk: int):
    discipline = _or_404(selectors.discipline_get, request, pk)
    return render(
        request,
        "inspections/discipline_detail.html",
        {
            "discipline": discipline,
            "history": _history(discipline),
            "can_edit": may_edit(request.user, discipline),
            "tab": "disciplines",
        },
    )


@tree_user_required
def discipline_edit(request, pk: int):
    discipline = _editable_or_403(selectors.discipline_get, request, pk)
    initial = {name: getattr(discipline, name) for name in services.DISCIPLINE_FIELDS}
    form = forms.DisciplineDecisionForm(
        request.POST or None,
        organizations=organization_list(user=request.user),
        deciding_organizations=_deciding_organizations(request.user),
        initial=initial,
        editing=True,
    )
    add_version_field(form, discipline)
    if (
        request.method == "POST"
        and form.is_valid()
        and _refuse_unless_owner(request, form, _would_be_discipline(form.cleaned_data), "body")
    ):
        try:
            services.discipline_update(
                discipline=discipline, data=form.record_data(), by=request.user, version=submitted_version(form)
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("inspections:discipline_detail", pk=discipline.pk)
    return render(
        request,
        "inspections/form.html",
        {"form": form, "title": _("Edit the discipline decision"), "record": discipline, "tab": "disciplines"},
    )


@require_POST
@tree_user_required
def discipline_delete(request, pk: int):
    discipline = _editable_or_403(selectors.discipline_get, request, pk)
    try:
        services.discipline_delete(discipline=discipline, by=request.user)
    except ValidationError as error:
        messages.error(request, _("The record was not deleted: %(reason)s") % {"reason": " ".join(error.messages)})
        return redirect("inspections:discipline_detail", pk=discipline.pk)
    messages.success(request, _("The record was deleted. It can be restored from the deleted records."))
    return redirect("inspections:discipline_list")


@require_POST
@tree_user_required
def discipline_restore(request, pk: int):
    discipline = _editable_or_403(lambda **kw: selectors.deleted_get(Discipline, **kw), request, pk)
    try:
        services.discipline_restore(discipline=discipline, by=request.user)
    except ValidationError as error:
        messages.error(request, _("The record was not restored: %(reason)s") % {"reason": " ".join(error.messages)})
        return redirect("inspections:trash")
    messages.success(request, _("The record was restored."))
    return redirect("inspections:discipline_detail", pk=discipline.pk)


# Letters -----------------------------------------------------------------------------------------


@tree_user_required
def letter_list(request):
    organizations = organization_list(user=request.user)
    form = forms.LetterFilterForm(
        request.GET or None, organizations=organizations, years=selectors.inspection_years(user=request.user)
    )
    filters = selectors.LetterFilters()
    if form.is_valid():
        d = form.cleaned_data
        filters = selectors.LetterFilters(
            organization=d["organization"],
            year=d["year"],
            kind=d["kind"],
            category=d["category"],
            status=d["status"],
            deadline=d["deadline"],
            q=d["q"],
        )
    today = timezone.localdate()
    queryset = selectors.letter_list(user=request.user, filters=filters, today=today)
    context = _list_context(request, form, queryset, "letters")
    context.update(today=today, warn_from=selectors.warn_from(today))
    return render(request, "inspections/letter_list.html", context)


def _save_letter(request, form, letter: Letter | None):
    d = form.cleaned_data
    data = form.record_data()
    data["member"] = None
    if not _refuse_unless_owner(request, form, Letter(organization=d["organization"]), "organization"):
        return None
    if d["member"]:
        found = _resolve_members(request, form, "member", d["member"])
        if not found:
            return None
        data["member"] = found[0]
    try:
        if letter is None:
            return services.letter_create(organization=d["organization"], data=data, by=request.user)
        letter.organization = d["organization"]
        return services.letter_update(letter=letter, data=data, by=request.user, version=submitted_version(form))
    except ValidationError as error:
        apply_service_errors(form, error)
        return None


@tree_user_required
def letter_create(request):
    form = forms.LetterForm(
        request.POST or None,
        organizations=organization_list(user=request.user),
        initial={"organization": request.user.organization},
    )
    if request.method == "POST" and form.is_valid():
        letter = _save_letter(request, form, None)
        if letter is not None:
            messages.success(request, _("The letter was recorded."))
            return redirect("inspections:letter_detail", pk=letter.pk)
    return render(request, "inspections/form.html", {"form": form, "title": _("Record a letter"), "tab": "letters"})


@tree_user_required
def letter_detail(request, pk: int):
    letter = _or_404(selectors.letter_get, request, pk)
    today = timezone.localdate()
    return render(
        request,
        "inspections/letter_detail.html",
        {
            "letter": letter,
            "history": _history(letter),
            "can_edit": may_edit(request.user, letter),
            "tab": "letters",
            "today": today,
            "warn_from": selectors.warn_from(today),
        },
    )


@tree_user_required
def letter_edit(request, pk: int):
    letter = _editable_or_403(selectors.letter_get, request, pk)
    initial = {name: getattr(letter, name) for name in services.LETTER_FIELDS if name != "member"}
    initial["organization"] = letter.organization
    if letter.member:
        initial["member"] = _member_identifiers([letter.member])
    form = forms.LetterForm(request.POST or None, organizations=organization_list(user=request.user), initial=initial)
    add_version_field(form, letter)
    if request.method == "POST" and form.is_valid():
        if _save_letter(request, form, letter) is not None:
            messages.success(request, _("Saved."))
            return redirect("inspections:letter_detail", pk=letter.pk)
    return render(
        request,
        "inspections/form.html",
        {"form": form, "title": _("Edit the letter"), "record": letter, "tab": "letters"},
    )


@require_POST
@tree_user_required
def letter_delete(request, pk: int):
    letter = _editable_or_403(selectors.letter_get, request, pk)
    services.letter_delete(letter=letter, by=request.user)
    messages.success(request, _("The record was deleted. It can be restored from the deleted records."))
    return redirect("inspections:letter_list")


@require_POST
@tree_user_required
def letter_restore(request, pk: int):
    letter = _editable_or_403(lambda **kw: selectors.deleted_get(Letter, **kw), request, pk)
    services.letter_restore(letter=letter, by=request.user)
    messages.success(request, _("The record was restored."))
    return redirect("inspections:letter_detail", pk=letter.pk)


# Deleted records ---------------------------------------------------------------------------------


@tree_user_required
def trash(request):
    records = selectors.deleted_records(user=request.user)
    return render(
        request,
        "inspections/trash.html",
        {
            "inspections": records["inspections"].order_by("-deleted_at")[:100],
            "disciplines": records["disciplines"].order_by("-deleted_at")[:100],
            "letters": records["letters"].order_by("-deleted_at")[:100],
            "tab": "trash",
            "warnings": selectors.letter_warnings(user=request.user),
        },
    )

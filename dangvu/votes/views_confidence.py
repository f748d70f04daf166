"""Screens of confidence votes: the rounds, a new round with the people the rule takes, presence and quorum, the paper
totals or ballots one by one, ending the count, publishing, the follow-up, the results report (DOCX)."""

import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from dangvu.accounts.decorators import editor_required, tree_user_required
from dangvu.accounts.policy import ensure_may_edit, may_edit
from dangvu.indicators.registry import compute
from dangvu.lib.forms import apply_service_errors
from dangvu.lib.screens import Export, ExportColumn, history_of, object_or_404, render_list
from dangvu.votes import confidence
from dangvu.votes import forms_confidence as forms
from dangvu.votes.indicators import units_sentence
from dangvu.votes.models import CountMethod, PollOption, PollState
from dangvu.votes.results import poll_result
from dangvu.votes.tally import poll_problems

EXPORT = Export(
    title=gettext_lazy("Confidence votes"),
    columns=(
        ExportColumn("held_on", gettext_lazy("Date"), width=12),
        ExportColumn("title", gettext_lazy("Conference"), width=40),
        ExportColumn("organization.name", gettext_lazy("Organization"), width=32),
        ExportColumn("rule", gettext_lazy("Rule"), width=20),
        ExportColumn("state", gettext_lazy("State"), value=lambda r: r.get_state_display(), width=14),
        ExportColumn("present", gettext_lazy("Present"), width=10),
        ExportColumn("convened", gettext_lazy("Convened"), width=10),
    ),
)


def _round(request, pk: int, *, edit: bool = False):
    poll = object_or_404(confidence.round_get, user=request.user, pk=pk)
    if edit:
        ensure_may_edit(request.user, poll)
    return poll


def _detail(poll):
    return redirect("votes:confidence_detail", pk=poll.pk)


def _refused(request, poll, error: ValidationError):
    for message in error.messages:
        messages.error(request, message)
    return _detail(poll)


@tree_user_required
def round_list(request):
    form = forms.ConfidenceFilterForm(request.GET or None, user=request.user)
    filters = form.filters()
    year = filters.year or timezone.localdate().year
    scope = filters.organization or request.user.organization
    figures = compute(
        organization=scope,
        start=dt.date(year, 1, 1),
        end=dt.date(year, 12, 31),
        codes=["votes.confidence_units_held", "votes.confidence_units_due"],
    )
    return render_list(
        request,
        rows=confidence.round_list(user=request.user, filters=filters),
        template="votes/confidence/list.html",
        results_template="votes/confidence/results.html",
        form=form,
        export=EXPORT,
        context={
            "can_edit": request.user.can_edit_registry,
            "year": year,
            "units_sentence": units_sentence(
                figures["votes.confidence_units_held"], figures["votes.confidence_units_due"]
            ),
        },
    )


@editor_required
def round_create(request):
    data = request.POST if request.method == "POST" else (request.GET if "organization" in request.GET else None)
    form = forms.RoundForm(data, user=request.user)
    people, retiring = None, []
    if data is not None and form.is_valid():
        org, on = form.cleaned_data["organization"], form.cleaned_data["held_on"]
        retiring = [int(pk) for pk in data.getlist("retiring") if pk.isdigit()]
        people = confidence.people_to_vote_on(organization=org, on=on, retiring=retiring)
        if request.method == "POST":
            try:
                poll = confidence.create_round(
                    organization=org,
                    held_on=on,
                    conference=form.cleaned_data["conference"],
                    voters=form.cleaned_data["voters"],
                    method=form.cleaned_data["method"],
                    retiring=retiring,
                    user=request.user,
                )
            except ValidationError as error:
                apply_service_errors(form, error)
            else:
                messages.success(request, _("The confidence vote was created. Mark who is present, then start it."))
                return _detail(poll)
    return render(
        request,
        "votes/confidence/form.html",
        {"form": form, "people": people, "retiring": set(retiring) if people is not None else set()},
    )


@tree_user_required
def round_detail(request, pk: int):
    poll = _round(request, pk)
    can_edit = may_edit(request.user, poll)
    options, result = list(poll.options.all()), poll_result(poll)
    context = {
        "record": poll,
        "rows": list(zip(options, result["people"], strict=True)),
        "options": options,
        "needs_follow_up": any(o.outcome not in ("", "kept") or o.follow_up for o in options),
        "participations": list(poll.participations.all()),
        "can_edit": can_edit,
        "problems": poll_problems(poll) if poll.state == PollState.STARTED else [],
        "quorum": confidence.quorum_met(poll.present or 0, poll.convened or 0, confidence.rules_on(poll.held_on)),
        "ballots_entered": poll.ballots.count(),
        "history": history_of(poll),
        "start_form": forms.StartForm(initial={"ballots_issued": poll.present}),
    }
    if poll.state == PollState.CREATED:
        context["excluded"] = [
            p
            for p in confidence.people_to_vote_on(organization=poll.organization, on=poll.held_on, exclude_poll=poll)
            if p.excluded
        ]
    return render(request, "votes/confidence/detail.html", context)


@editor_required
@require_POST
def round_presence(request, pk: int):
    poll = _round(request, pk, edit=True)
    form = forms.PresenceForm(request.POST, poll=poll)
    if not form.is_valid():
        messages.error(request, _("Tick only people convened to this conference."))
        return _detail(poll)
    try:
        confidence.set_presence(poll=poll, present_ids=form.cleaned_data["present"], user=request.user)
    except ValidationError as error:
        return _refused(request, poll, error)
    messages.success(request, _("Presence saved."))
    return _detail(poll)


def _transition(request, pk, action, message, **kwargs):
    poll = _round(request, pk, edit=True)
    try:
        action(poll=poll, user=request.user, **kwargs)
    except ValidationError as error:
        return _refused(request, poll, error)
    messages.success(request, message)
    return _detail(poll)


@editor_required
@require_POST
def round_start(request, pk: int):
    form = forms.StartForm(request.POST)
    issued = form.cleaned_data["ballots_issued"] if form.is_valid() else None
    if not form.is_valid():
        poll = _round(request, pk, edit=True)
        messages.error(request, _("The number of ballots issued is a whole number."))
        return _detail(poll)
    return _transition(request, pk, confidence.start, _("Voting has started."), ballots_issued=issued)


@editor_required
@require_POST
def round_finish(request, pk: int):
    return _transition(request, pk, confidence.finish, _("The count is over; the outcomes follow from the thresholds."))


@editor_required
@require_POST
def round_publish(request, pk: int):
    return _transition(request, pk, confidence.publish, _("The results are published and can no longer be changed."))


@editor_required
@require_POST
def round_delete(request, pk: int):
    poll = _round(request, pk, edit=True)
    try:
        confidence.delete_round(poll=poll, user=request.user)
    except ValidationError as error:
        return _refused(request, poll, error)
    messages.success(request, _("The confidence vote was deleted."))
    return redirect("votes:confidence_list")


@editor_required
def round_tally(request, pk: int):
    poll = _round(request, pk, edit=True)
    if poll.method != CountMethod.PAPER or poll.state not in (PollState.STARTED, PollState.FINISHED):
        messages.error(request, _("The totals of the paper count can be entered only while a paper vote is counted."))
        return _detail(poll)
    form = forms.TotalsForm(request.POST or None, poll=poll)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            confidence.record_totals(
                poll=poll,
                user=request.user,
                issued=data["ballots_issued"],
                collected=data["ballots_collected"],
                valid=data["ballots_valid"],
                invalid=data["ballots_invalid"],
                levels=form.levels(),
                reason=data.get("reason", ""),
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The tally was saved."))
            return _detail(poll)
    return render(request, "votes/confidence/tally.html", {"record": poll, "form": form})


@editor_required
def round_ballot(request, pk: int):
    poll = _round(request, pk, edit=True)
    if poll.method != CountMethod.BALLOTS or poll.state != PollState.STARTED:
        messages.error(request, _("Ballots are entered one by one only while such a vote is counted."))
        return _detail(poll)
    form = forms.BallotForm(request.POST or None, poll=poll)
    if request.method == "POST" and form.is_valid():
        try:
            confidence.add_ballot(
                poll=poll, user=request.user, marks=form.marks(), valid=not form.cleaned_data["invalid"]
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Ballot %(n)s entered.") % {"n": poll.ballots.count()})
            return redirect("votes:confidence_ballot", pk=poll.pk)
    return render(
        request,
        "votes/confidence/ballot.html",
        {"record": poll, "form": form, "ballots_entered": poll.ballots.count()},
    )


@editor_required
@require_POST
def option_follow_up(request, pk: int):
    option = get_object_or_404(PollOption.objects.select_related("poll"), pk=pk)
    poll = _round(request, option.poll_id, edit=True)
    form = forms.FollowUpForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The follow-up is too long."))
        return _detail(poll)
    try:
        confidence.record_follow_up(option=option, text=form.cleaned_data["follow_up"], user=request.user)
    except ValidationError as error:
        return _refused(request, poll, error)
    messages.success(request, _("The follow-up was recorded."))
    return _detail(poll)


@tree_user_required
def round_report(request, pk: int):
    from dangvu.votes.docx_confidence import confidence_report

    poll = _round(request, pk)
    if poll.state not in (PollState.FINISHED, PollState.PUBLISHED):
        raise Http404
    response = HttpResponse(
        confidence_report(poll),
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    response["Content-Disposition"] = f'attachment; filename="phieu-tin-nhiem-{poll.held_on:%Y-%m-%d}-{poll.pk}.docx"'
    return response

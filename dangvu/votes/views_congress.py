"""The congress screens: the list and the due dates, a congress (counting committee, its elections, submission and
approval), an election (who is convened and the base by name, the candidate list, the count from paper totals or
ballots one by one, the result, rounds), and its papers (ballots, minutes of counting) as DOCX."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dangvu.accounts.decorators import editor_required, tree_user_required
from dangvu.accounts.policy import ensure_may_edit, may_approve_congress, may_edit
from dangvu.lib.forms import apply_service_errors
from dangvu.lib.screens import history_of, object_or_404, render_list
from dangvu.organizations.models import Organization
from dangvu.votes import approval, docx_congress, elections
from dangvu.votes import congress as rules
from dangvu.votes import forms_congress as forms
from dangvu.votes import selectors_congress as selectors
from dangvu.votes.models import CongressState, CountingCommitteeMember, PollOption, PollState

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _congress(request, pk):
    return object_or_404(selectors.congress_get, user=request.user, pk=pk)


def _election(request, pk):
    return object_or_404(selectors.election_get, user=request.user, pk=pk)


def _refused(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def _attempt(request, call, success: str) -> bool:
    try:
        call()
    except ValidationError as error:
        _refused(request, error)
        return False
    messages.success(request, success)
    return True


# --- The list and the due dates --------------------------------------------------------------------------


@tree_user_required
def congress_list(request):
    form = forms.CongressFilterForm(request.GET or None, user=request.user)
    return render_list(
        request,
        rows=selectors.congresses(user=request.user, filters=form.filters()),
        template="votes/congress/list.html",
        results_template="votes/congress/results.html",
        form=form,
        context={"can_add": may_edit(request.user, request.user.organization)},
    )


@tree_user_required
def congress_due(request):
    today = timezone.localdate()
    rows = selectors.due_rows(user=request.user, on=today)
    return render(request, "votes/congress/due.html", {"rows": rows, "today": today})


# --- A congress -------------------------------------------------------------------------------------------


def _save_congress(request, congress=None):
    initial = None
    if congress is not None:
        initial = {
            "organization": congress.organization,
            "term": congress.term,
            "kind": congress.kind,
            "opens_on": congress.opens_on,
            "closes_on": congress.closes_on,
            "place": congress.place,
        }
    elif request.GET.get("organization"):
        initial = {"organization": request.GET["organization"], "term": request.GET.get("term", "")}
    form = forms.CongressForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        ensure_may_edit(request.user, data["organization"])
        try:
            saved = rules.congress_save(by=request.user, congress=congress, **data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The congress was saved."))
            return redirect("votes:congress_detail", pk=saved.pk)
    return render(request, "votes/congress/form.html", {"form": form, "record": congress})


@editor_required
def congress_create(request):
    return _save_congress(request)


@editor_required
def congress_edit(request, pk: int):
    congress = _congress(request, pk)
    ensure_may_edit(request.user, congress)
    return _save_congress(request, congress)


def _people(congress) -> list[tuple[int, str]]:
    return [(f.member_id, f.name) for f in rules.registry_members(congress.organization, congress.opens_on)]


@tree_user_required
def congress_detail(request, pk: int):
    congress = _congress(request, pk)
    can_edit = may_edit(request.user, congress) and congress.state in (CongressState.PLANNED, CongressState.HELD)
    people = _people(congress) if can_edit else []
    polls = list(congress.polls.order_by("body", "round_number", "pk"))
    context = {
        "congress": congress,
        "record": congress,
        "polls": polls,
        "counters": list(congress.counters.all()),
        "can_edit": can_edit,
        "can_approve": may_approve_congress(request.user, congress) and congress.state == CongressState.SUBMITTED,
        "can_submit": may_edit(request.user, congress)
        and congress.state in (CongressState.PLANNED, CongressState.HELD),
        "submit_problems": approval.may_submit(congress),
        "counter_form": forms.CounterForm(people=people),
        "poll_form": forms.PollForm(initial={"held_on": congress.opens_on}),
        "elected": approval.elected_of(congress),
        "due": rules.due_on(congress.organization, congress.opens_on),
        "history": history_of(congress),
    }
    return render(request, "votes/congress/detail.html", context)


@editor_required
@require_POST
def congress_change(request, pk: int):
    """The congress' own changes: the counting committee, a new election, submission for approval."""
    congress = _congress(request, pk)
    ensure_may_edit(request.user, congress)
    action = request.POST.get("action")
    if action == "add_counter":
        form = forms.CounterForm(request.POST, people=_people(congress))
        if form.is_valid():
            data = form.cleaned_data
            member = None
            if data["member"]:
                from dangvu.members.models import Member

                member = Member.objects.filter(pk=data["member"]).first()
            _attempt(
                request,
                lambda: rules.counter_add(
                    by=request.user, congress=congress, name=data["name"], role=data["role"], member=member
                ),
                _("Added to the counting committee."),
            )
        else:
            _refused(request, ValidationError([e for errors in form.errors.values() for e in errors]))
    elif action == "remove_counter":
        counter = CountingCommitteeMember.objects.filter(congress=congress, pk=request.POST.get("counter")).first()
        if counter is not None:
            _attempt(request, lambda: rules.counter_remove(by=request.user, counter=counter), _("Removed."))
    elif action == "add_poll":
        form = forms.PollForm(request.POST)
        if form.is_valid():
            try:
                poll = rules.poll_create(by=request.user, congress=congress, **form.cleaned_data)
            except ValidationError as error:
                _refused(request, error)
            else:
                messages.success(request, _("The election was added: check who is convened, then the list."))
                return redirect("votes:election_detail", pk=poll.pk)
        else:
            _refused(request, ValidationError([e for errors in form.errors.values() for e in errors]))
    elif action == "submit":
        _attempt(
            request,
            lambda: approval.submit(by=request.user, congress=congress),
            _("Submitted to the higher committee."),
        )
    else:
        messages.error(request, _("Unknown action."))
    return redirect("votes:congress_detail", pk=congress.pk)


@tree_user_required
def congress_approve(request, pk: int):
    congress = _congress(request, pk)
    if not may_approve_congress(request.user, congress):
        raise PermissionDenied
    higher = Organization.objects.get_parent(congress.organization) if congress.organization.depth > 1 else None
    form = forms.ApproveForm(
        request.POST or None,
        initial={"approved_on": timezone.localdate(), "approved_by": higher.name if higher else ""},
    )
    if request.method == "POST" and form.is_valid():
        try:
            made = approval.approve(by=request.user, congress=congress, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(
                request,
                _("The results were approved: %(n)s committee appointments recorded.") % {"n": len(made)},
            )
            return redirect("votes:congress_detail", pk=congress.pk)
    return render(
        request,
        "votes/congress/approve.html",
        {"congress": congress, "form": form, "elected": approval.elected_of(congress)},
    )


# --- An election ------------------------------------------------------------------------------------------


def _election_context(request, poll) -> dict:
    can_edit = may_edit(request.user, poll.congress) and poll.congress.state in (
        CongressState.PLANNED,
        CongressState.HELD,
    )
    options = list(poll.options.order_by("order", "pk"))
    counted = poll.state in (PollState.FINISHED, PollState.PUBLISHED)
    on_list = {o.member_id for o in options}
    people = [(p.member_id, p.name) for p in poll.participations.all() if p.member_id not in on_list]
    ranked = elections.ranked(poll)
    return {
        "poll": poll,
        "congress": poll.congress,
        "options": options,
        "base_rows": rules.base_rows(poll),
        "attendance_choices": rules.Attendance.choices,
        "limits": rules.list_limits(poll.seats or 0),
        "warnings": rules.list_warnings(poll),
        "problems": elections.poll_problems(poll) if poll.ballots_collected is not None else [],
        "outcome": elections.outcome(poll) if poll.ballots_valid is not None else None,
        "ranked": [(o, elections.pct_of_base(o.votes, poll.base)) for o in ranked],
        "counted": counted,
        "can_edit": can_edit,
        "can_change_list": can_edit and poll.state == PollState.CREATED,
        "can_count": can_edit and poll.state in (PollState.CREATED, PollState.STARTED),
        "candidate_form": forms.CandidateForm(people=people),
        "reopen_form": forms.ReopenForm(),
        "next_round": poll.congress.polls.filter(body=poll.body, round_number=poll.round_number + 1).first(),
        "history": history_of(poll),
    }


@tree_user_required
def election_detail(request, pk: int):
    poll = _election(request, pk)
    return render(request, "votes/congress/election.html", _election_context(request, poll))


def _attendance(request, poll):
    form = forms.AttendanceForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose present, absent with leave or absent."))
        return
    _attempt(
        request,
        lambda: rules.set_attendance(
            by=request.user,
            poll=poll,
            member_id=form.cleaned_data["member"],
            attendance=form.cleaned_data["attendance"],
        ),
        _("Attendance saved; the base was recomputed."),
    )


def _add_candidate(request, poll):
    people = [(p.member_id, p.name) for p in poll.participations.all()]
    form = forms.CandidateForm(request.POST, people=people)
    if not form.is_valid():
        _refused(request, ValidationError([e for errors in form.errors.values() for e in errors]))
        return
    from dangvu.members.models import Member

    data = form.cleaned_data
    _attempt(
        request,
        lambda: rules.candidate_add(
            by=request.user,
            poll=poll,
            member=Member.objects.get(pk=data["member"]),
            post=data["post"],
            nominated_by=data["nominated_by"],
            agreeing=data["agreeing"],
        ),
        _("Added to the list."),
    )


@editor_required
@require_POST
def election_change(request, pk: int):
    """One change of an election: attendance, the list, its state, another round."""
    poll = _election(request, pk)
    ensure_may_edit(request.user, poll.congress)
    action = request.POST.get("action")
    by = request.user
    if action == "attendance":
        _attendance(request, poll)
    elif action == "add_candidate":
        _add_candidate(request, poll)
    elif action == "remove_candidate":
        option = PollOption.objects.filter(poll=poll, pk=request.POST.get("option")).first()
        if option is not None:
            _attempt(request, lambda: rules.candidate_remove(by=by, option=option), _("Removed from the list."))
    elif action == "start":
        _attempt(request, lambda: rules.start(by=by, poll=poll), _("Voting started: the list is closed."))
    elif action == "finish":
        _attempt(request, lambda: elections.finish(by=by, poll=poll), _("The count was closed."))
    elif action == "reopen":
        form = forms.ReopenForm(request.POST)
        reason = form.cleaned_data["reason"] if form.is_valid() else ""
        _attempt(request, lambda: elections.reopen(by=by, poll=poll, reason=reason), _("The count was reopened."))
    elif action == "publish":
        _attempt(request, lambda: elections.publish(by=by, poll=poll), _("The result was published."))
    elif action == "next_round":
        try:
            new = rules.next_round(by=by, poll=poll)
        except ValidationError as error:
            _refused(request, error)
        else:
            messages.success(request, _("Round %(n)s was created.") % {"n": new.round_number})
            return redirect("votes:election_detail", pk=new.pk)
    else:
        messages.error(request, _("Unknown action."))
    return redirect("votes:election_detail", pk=poll.pk)


@editor_required
def election_totals(request, pk: int):
    """The totals of the paper count."""
    poll = _election(request, pk)
    ensure_may_edit(request.user, poll.congress)
    form = forms.TotalsForm(request.POST or None, poll=poll)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            elections.enter_totals(
                by=request.user,
                poll=poll,
                ballots_issued=data["ballots_issued"],
                ballots_collected=data["ballots_collected"],
                ballots_valid=data["ballots_valid"],
                ballots_invalid=data["ballots_invalid"],
                votes=form.votes(),
                convened=data.get("convened"),
                present=data.get("present"),
                base=data.get("base"),
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The totals were saved."))
            return redirect("votes:election_detail", pk=poll.pk)
    return render(request, "votes/congress/totals.html", {"poll": poll, "congress": poll.congress, "form": form})


@editor_required
def election_ballot(request, pk: int):
    """Ballots entered one by one by the counting staff: which names each keeps; nothing about who cast it."""
    poll = _election(request, pk)
    ensure_may_edit(request.user, poll.congress)
    form = forms.BallotForm(request.POST or None, poll=poll)
    issued_form = forms.IssuedForm(initial={"issued": poll.ballots_issued})
    if request.method == "POST" and request.POST.get("action") == "issued":
        issued_form = forms.IssuedForm(request.POST)
        if issued_form.is_valid():
            if _attempt(
                request,
                lambda: elections.set_ballots_issued(
                    by=request.user, poll=poll, issued=issued_form.cleaned_data["issued"]
                ),
                _("Saved."),
            ):
                return redirect("votes:election_ballot", pk=poll.pk)
        form = forms.BallotForm(poll=poll)
    elif request.method == "POST" and form.is_valid():
        try:
            ballot = elections.enter_ballot(
                by=request.user, poll=poll, kept=form.cleaned_data["kept"], spoiled=form.cleaned_data["spoiled"]
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Ballot entered (valid).") if ballot.valid else _("Ballot entered: invalid."))
            return redirect("votes:election_ballot", pk=poll.pk)
    poll.refresh_from_db()
    return render(
        request,
        "votes/congress/ballot.html",
        {
            "poll": poll,
            "congress": poll.congress,
            "form": form,
            "issued_form": issued_form,
            "options": poll.options.order_by("order", "pk"),
        },
    )


def _docx(content: bytes, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="{name}.docx"'
    return response


@tree_user_required
def election_ballots_docx(request, pk: int):
    poll = _election(request, pk)
    try:
        copies = int(request.GET.get("copies") or 1)
    except ValueError:
        copies = 1
    return _docx(docx_congress.ballots(poll, copies), f"phieu-bau-{slugify(poll.get_body_display())}-{poll.pk}")


@tree_user_required
def election_minutes_docx(request, pk: int):
    poll = _election(request, pk)
    if poll.state not in (PollState.FINISHED, PollState.PUBLISHED):
        messages.error(request, _("The minutes of counting are written once the count is closed."))
        return redirect("votes:election_detail", pk=poll.pk)
    return _docx(docx_congress.minutes_of_counting(poll), f"bien-ban-kiem-phieu-{poll.pk}")

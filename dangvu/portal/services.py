"""Writes of the member portal: a member's correction requests, and their handling. An accepted correction is
written by the members' own service (`members.services.member_update`), which validates it, keeps the derived
columns right and leaves a history row naming the handler."""

import copy
import datetime as dt

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dangvu.accounts.models import User
from dangvu.lib.dates import format_short
from dangvu.lib.errors import refuse
from dangvu.members.models import Member
from dangvu.members.services import member_update
from dangvu.portal.models import CORRECTABLE_FIELDS, CorrectionRequest, CorrectionState


def stored_text(member: Member, field: str) -> str:
    """A field's value as a request keeps it: text, a date as yyyy-mm-dd, a choice as its code, nothing as ""."""
    return as_text(getattr(member, field))


def as_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def display_value(field: str, text: str) -> str:
    """A stored text as a person reads it: a date as dd/mm/yyyy, a choice by its label, nothing as a dash."""
    if text in ("", None):
        return "—"
    model_field = Member._meta.get_field(field)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(text, text))
    if isinstance(model_field, models.DateField):
        try:
            return format_short(dt.date.fromisoformat(text))
        except ValueError:
            return text
    return text


def field_label(field: str) -> str:
    return str(Member._meta.get_field(field).verbose_name).capitalize()


def proposed_field(member: Member, field: str) -> forms.Field:
    """The input of the member edit form for this field (its widget, formats, choices and validators): a proposed
    value is judged exactly as an edit of the record would be."""
    from dangvu.members.forms import MemberForm

    form_field = copy.deepcopy(MemberForm(instance=member).fields[field])
    form_field.label = _("Proposed value")
    form_field.help_text = ""
    return form_field


def clean_proposed(member: Member, field: str, value):
    """The proposed value as the member edit form would clean it, or a refusal naming what is wrong."""
    if field not in CORRECTABLE_FIELDS:
        raise refuse("field", _("This field cannot be corrected on request."))
    try:
        value = proposed_field(member, field).clean(value)
        # The model's own validators, which the edit form runs when it validates the instance.
        model_field = Member._meta.get_field(field)
        if value not in model_field.empty_values:
            model_field.run_validators(value)
        return value
    except ValidationError as error:
        raise refuse(
            "proposed_value",
            _("The proposed value is not valid: %(reason)s") % {"reason": " ".join(error.messages)},
        ) from error


def is_stale(correction: CorrectionRequest) -> bool:
    """Has the field changed since the request was made (by another correction or an edit of the record)?"""
    return stored_text(correction.member, correction.field) != correction.current_value


@transaction.atomic
def correction_request(*, member: Member, field: str, proposed_value, note: str = "", by: User) -> CorrectionRequest:
    value = clean_proposed(member, field, proposed_value)
    text = as_text(value)
    current = stored_text(member, field)
    if text == current:
        raise refuse("proposed_value", _("The proposed value is the value already recorded."))
    if CorrectionRequest.objects.filter(member=member, field=field, state=CorrectionState.PENDING).exists():
        raise refuse(
            NON_FIELD_ERRORS,
            _("A request to correct this field is already pending; withdraw it first to send another one."),
        )
    correction = CorrectionRequest(
        member=member, field=field, current_value=current, proposed_value=text, note=(note or "").strip()
    )
    correction._history_user = by
    correction.save()
    return correction


def _locked_pending(correction: CorrectionRequest) -> CorrectionRequest:
    locked = CorrectionRequest.objects.select_for_update().select_related("member").get(pk=correction.pk)
    if not locked.is_pending:
        raise refuse(
            NON_FIELD_ERRORS,
            _("This request is no longer pending (%(state)s).") % {"state": locked.get_state_display().lower()},
        )
    return locked


def _close(correction: CorrectionRequest, *, state: str, by: User, response: str = "") -> CorrectionRequest:
    correction.state = state
    correction.handled_by = by
    correction.handled_at = timezone.now()
    correction.response = response
    correction._history_user = by
    correction.save()
    return correction


@transaction.atomic
def correction_withdraw(*, correction: CorrectionRequest, by: User) -> CorrectionRequest:
    locked = _locked_pending(correction)
    return _close(locked, state=CorrectionState.WITHDRAWN, by=by)


@transaction.atomic
def correction_accept(*, correction: CorrectionRequest, by: User, response: str = "") -> CorrectionRequest:
    """Write the proposed value to the member's record through the members' service, then close the request.
    Refused, with nothing changed, when the field changed since the request or the value is not valid (now)."""
    locked = _locked_pending(correction)
    member = Member.objects.select_for_update().get(pk=locked.member_id)
    if stored_text(member, locked.field) != locked.current_value:
        raise refuse(
            NON_FIELD_ERRORS,
            _(
                "The field has changed since the request was made (now: %(now)s). Reject the request, or ask the "
                "member to send a new one."
            )
            % {"now": display_value(locked.field, stored_text(member, locked.field))},
        )
    value = clean_proposed(member, locked.field, locked.proposed_value)
    try:
        member_update(member=member, by=by, data={locked.field: value})
    except ValidationError as error:
        raise refuse(
            NON_FIELD_ERRORS,
            _("The record refused the proposed value: %(reason)s") % {"reason": " ".join(error.messages)},
        ) from error
    return _close(locked, state=CorrectionState.ACCEPTED, by=by, response=(response or "").strip())


@transaction.atomic
def correction_reject(*, correction: CorrectionRequest, by: User, response: str) -> CorrectionRequest:
    response = (response or "").strip()
    if not response:
        raise refuse("response", _("Give the reason for rejecting the request."))
    locked = _locked_pending(correction)
    return _close(locked, state=CorrectionState.REJECTED, by=by, response=response)

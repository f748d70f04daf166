from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views.decorators.http import require_POST

from dangvu.accounts import policy
from dangvu.accounts.decorators import committee_staff_required, login_required, portal_account_required
from dangvu.lib.screens import Export, ExportColumn, history_of, object_or_404, render_list
from dangvu.notifications import selectors, services
from dangvu.notifications.forms import LogFilterForm, PreferenceForm, RuleFilterForm, RuleForm

INBOX_ROWS = 30


def _inbox_context(request):
    rows = list(selectors.inbox(request.user)[: INBOX_ROWS + 1])
    return {
        "notifications": rows[:INBOX_ROWS],
        "more": len(rows) > INBOX_ROWS,
        "unread": selectors.unread_count(request.user),
        "can_choose_digest": policy.may_choose_digest(request.user),
    }


@portal_account_required
def my_inbox(request):
    """The inbox of a portal account, on a phone."""
    return render(request, "notifications/portal/inbox.html", _inbox_context(request))


@login_required
def inbox(request):
    """The inbox of an office account (portal accounts get their phone page)."""
    if policy.is_member_account(request.user):
        return redirect("notifications:my")
    return render(request, "notifications/inbox.html", _inbox_context(request))


def _back_to_inbox(request):
    return redirect("notifications:my" if policy.is_member_account(request.user) else "notifications:inbox")


@require_POST
@login_required
def open_notification(request, pk: int):
    """Opening marks it read and goes to its page."""
    notification = object_or_404(selectors.notification_of, user=request.user, pk=pk)
    services.mark_read(notification=notification, by=request.user)
    if notification.url and url_has_allowed_host_and_scheme(notification.url, allowed_hosts={request.get_host()}):
        return redirect(notification.url)
    return _back_to_inbox(request)


@require_POST
@login_required
def mark_read(request, pk: int):
    notification = object_or_404(selectors.notification_of, user=request.user, pk=pk)
    services.mark_read(notification=notification, by=request.user)
    return _back_to_inbox(request)


@require_POST
@login_required
def mark_all_read(request):
    count = services.mark_all_read(by=request.user)
    messages.success(request, _("%(count)s notifications marked read.") % {"count": count})
    return _back_to_inbox(request)


@login_required
def preferences(request):
    if not policy.may_choose_digest(request.user):
        raise PermissionDenied
    form = PreferenceForm(request.POST or None, initial={"daily_digest": selectors.wants_digest(request.user)})
    if request.method == "POST" and form.is_valid():
        services.set_digest(by=request.user, daily_digest=form.cleaned_data["daily_digest"])
        messages.success(request, _("Saved."))
        return redirect("notifications:preferences")
    base = "portal/base.html" if policy.is_member_account(request.user) else "base.html"
    return render(request, "notifications/preferences.html", {"form": form, "base_template": base})


# Rules (committee staff) -------------------------------------------------------------------------------


def _rule_rows(rows):
    return [(rule, selectors.describe(rule)) for rule in rows]


RULE_EXPORT = Export(
    title=gettext_lazy("Notification rules"),
    columns=(
        ExportColumn("name", gettext_lazy("name"), width=40),
        ExportColumn("trigger", gettext_lazy("trigger"), width=30),
        ExportColumn("describe", gettext_lazy("rule"), value=selectors.describe, width=60),
        ExportColumn("active", gettext_lazy("active"), value=lambda r: _("yes") if r.active else _("no")),
        ExportColumn("organization", gettext_lazy("only for the subtree of"), width=30),
    ),
)


@committee_staff_required
def rule_list(request):
    form = RuleFilterForm(request.GET or None, user=request.user)
    return render_list(
        request,
        rows=selectors.rule_list(user=request.user, filters=form.filters()),
        template="notifications/rule_list.html",
        results_template="notifications/rule_results.html",
        form=form,
        export=RULE_EXPORT,
        load_page=_rule_rows,
        context={"can_create": True},
    )


@committee_staff_required
def rule_detail(request, pk: int):
    rule = object_or_404(selectors.rule_of, user=request.user, pk=pk)
    return render(
        request,
        "notifications/rule_detail.html",
        {
            "record": rule,
            "described": selectors.describe(rule),
            "trigger_label": dict(selectors.trigger_choices()).get(rule.trigger, rule.trigger),
            "can_edit": policy.may_edit_notification_rule(request.user, rule),
            "history": history_of(rule),
        },
    )


def _rule_form(request, rule):
    form = RuleForm(request.POST or None, user=request.user, instance=rule)
    if request.method == "POST" and form.is_valid():
        saved = form.save(by=request.user)
        messages.success(request, _("Saved."))
        return redirect("notifications:rule_detail", pk=saved.pk)
    return render(request, "notifications/rule_form.html", {"form": form, "record": rule})


@committee_staff_required
def rule_create(request):
    return _rule_form(request, None)


@committee_staff_required
def rule_edit(request, pk: int):
    rule = object_or_404(selectors.rule_of, user=request.user, pk=pk)
    if not policy.may_edit_notification_rule(request.user, rule):
        raise PermissionDenied
    return _rule_form(request, rule)


# The send log (committee staff) ----------------------------------------------------------------------------

LOG_EXPORT = Export(
    title=gettext_lazy("Send log"),
    columns=(
        ExportColumn("at", gettext_lazy("when"), value=lambda d: d.at.strftime("%d/%m/%Y %H:%M"), width=18),
        ExportColumn(
            "rule",
            gettext_lazy("rule"),
            value=lambda d: d.notification.rule.name if d.notification else _("Daily digest"),
            width=40,
        ),
        ExportColumn(
            "recipient",
            gettext_lazy("recipient"),
            value=lambda d: (d.notification.recipient if d.notification else d.digest.user).get_username(),
            width=20,
        ),
        ExportColumn("channel", gettext_lazy("channel"), value=lambda d: d.get_channel_display()),
        ExportColumn("ok", gettext_lazy("result"), value=lambda d: _("Sent") if d.ok else _("Failed")),
        ExportColumn("error", gettext_lazy("error"), width=50),
        ExportColumn(
            "title",
            pgettext_lazy("notification", "title"),
            value=lambda d: d.notification.title if d.notification else "",
            width=50,
        ),
    ),
)


@committee_staff_required
def send_log(request):
    form = LogFilterForm(request.GET or None, user=request.user)
    return render_list(
        request,
        rows=selectors.send_log(user=request.user, filters=form.filters()),
        template="notifications/log_list.html",
        results_template="notifications/log_results.html",
        form=form,
        export=LOG_EXPORT,
    )

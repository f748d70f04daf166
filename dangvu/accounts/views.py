"""The access log of sensitive personal data, for the committee's security officer."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dangvu.accounts import selectors
from dangvu.accounts.decorators import security_officer_required
from dangvu.accounts.forms import AccessLogFilterForm
from dangvu.lib.screens import Export, ExportColumn, render_list


def _record(row) -> str:
    record = row.member or row.candidate
    return record.full_name if record else (row.organization.name if row.organization else "")


LOG_EXPORT = Export(
    title=_("Sensitive data access log"),
    columns=(
        ExportColumn("at", _("When"), value=lambda row: f"{timezone.localtime(row.at):%H:%M %d/%m/%Y}", width=16),
        ExportColumn("user", _("Who"), value=lambda row: row.user.username if row.user else _("command line")),
        ExportColumn("purpose", _("Purpose"), value=lambda row: row.get_purpose_display(), width=24),
        ExportColumn("record", _("Record"), value=_record, width=26),
        ExportColumn("fields", _("Fields"), value=lambda row: ", ".join(row.field_labels()), width=30),
        ExportColumn("count", _("Rows"), width=8),
        ExportColumn("scope", _("Filters used"), width=40),
    ),
)


@security_officer_required
def sensitive_log(request):
    form = AccessLogFilterForm(request.GET or None, user=request.user)
    return render_list(
        request,
        rows=selectors.access_log(user=request.user, filters=form.filters()),
        template="accounts/sensitive_log.html",
        results_template="accounts/sensitive_log_results.html",
        form=form,
        export=LOG_EXPORT,
    )

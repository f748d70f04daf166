"""Screens of the work programme: list, form, detail with history, delete and restore (the screen kit)."""

from django.utils.translation import gettext_lazy as _

from dangvu.lib.screens import Export, ExportColumn, RecordScreens
from dangvu.workprogramme import forms, selectors, services

items = RecordScreens(
    namespace="workprogramme",
    name="item",
    get=selectors.item_get,
    list_selector=selectors.item_list,
    filter_form=forms.ItemFilterForm,
    record_form=forms.ItemForm,
    delete=lambda record, by: services.item_delete(item=record, by=by),
    restore=lambda record, by: services.item_restore(item=record, by=by),
    export=Export(
        _("Work programme"),
        columns=(
            ExportColumn("when", _("Time"), value=lambda r: r.when),
            ExportColumn("area", _("Area"), value=lambda r: r.get_area_display()),
            ExportColumn("title", _("Task"), width=60),
            ExportColumn("owner", _("Carried out by")),
            ExportColumn("state", _("State"), value=lambda r: r.get_state_display()),
            ExportColumn("organization", _("Committee"), value=lambda r: r.organization.name),
        ),
    ),
)

"""Screens of the mass-organization records: list, form, detail with history, delete and restore."""

from dangvu.lib.screens import RecordScreens
from dangvu.massorgs import forms, selectors, services
from dangvu.massorgs.rules import GRADE_FIELDS, GRADE_SCALES


def _figures_context(request, figures):
    labels = GRADE_SCALES[figures.kind]
    return {"grades": [(label, getattr(figures, name)) for label, name in zip(labels, GRADE_FIELDS, strict=True)]}


figures = RecordScreens(
    namespace="massorgs",
    name="figures",
    get=selectors.figures_get,
    list_selector=selectors.figures_list,
    filter_form=forms.FiguresFilterForm,
    record_form=forms.FiguresForm,
    delete=lambda record, by: services.figures_delete(figures=record, by=by),
    restore=lambda record, by: services.figures_restore(figures=record, by=by),
    detail_context=_figures_context,
)
models = RecordScreens(
    namespace="massorgs",
    name="model",
    get=selectors.model_get,
    list_selector=selectors.model_list,
    filter_form=forms.ModelFilterForm,
    record_form=forms.ModelForm,
    delete=lambda record, by: services.model_delete(model=record, by=by),
    restore=lambda record, by: services.model_restore(model=record, by=by),
)
registrations = RecordScreens(
    namespace="massorgs",
    name="registration",
    get=selectors.registration_get,
    list_selector=selectors.registration_list,
    filter_form=forms.RegistrationFilterForm,
    record_form=forms.RegistrationForm,
    delete=lambda record, by: services.registration_delete(registration=record, by=by),
    restore=lambda record, by: services.registration_restore(registration=record, by=by),
)

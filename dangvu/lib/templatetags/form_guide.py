"""Tags of the guided form partial (`includes/form.html`, `includes/error_summary.html`): see lib.form_guide."""

from django import template

from dangvu.lib import form_guide

register = template.Library()


@register.simple_tag
def form_sections(form):
    return form_guide.layout(form)


@register.simple_tag
def form_error_links(form):
    return form_guide.error_links(form)


@register.filter
def label_with_marker(row):
    return form_guide.label_with_marker(row)


@register.filter
def has_required(sections):
    return any(row.required for section in sections for row in section.rows)

"""The kit's form partial guides long forms: required markers, an error summary linking to each field, sections
declared on the form, and fields shown for one choice only (lib.form_guide, includes/form.html)."""

import json

import lxml.html
from django import forms
from django.template.loader import render_to_string
from django.utils import translation

from dangvu.lib.form_guide import clean_shown, error_links, layout


class Plain(forms.Form):
    name = forms.CharField(label="Tên")
    nickname = forms.CharField(label="Tên gọi khác", required=False)
    ok = forms.BooleanField(label="Đồng ý", required=False)


class Guided(forms.Form):
    way = forms.ChoiceField(label="Cách", choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect)
    only_a = forms.CharField(label="Chỉ A", required=False)
    only_b = forms.DateField(label="Chỉ B", required=False)
    kinds = forms.MultipleChoiceField(
        label="Loại", choices=[("x", "X"), ("y", "Y")], widget=forms.CheckboxSelectMultiple, required=False
    )
    loose = forms.CharField(label="Ngoài nhóm", required=False)
    secret = forms.CharField(widget=forms.HiddenInput, required=False)

    sections = (("Nhóm một", ("way", "only_a", "only_b")), ("Nhóm hai", ("kinds",)))
    shown_when = {"only_a": ("way", ("a",)), "only_b": ("way", ("b",))}
    required_when_shown = ("only_a", "only_b")
    label_when = {"loose": ("way", {"a": "Nhãn khi A", "b": "Nhãn khi B"}), "kinds": ("gone", {"a": "?"})}

    def clean(self):
        data = clean_shown(self, super().clean())
        if data.get("kinds") == ["y"]:
            raise forms.ValidationError("Cả biểu mẫu sai.")
        return data


def _render(form):
    with translation.override("vi"):
        html = render_to_string("includes/form.html", {"form": form})
    return lxml.html.fragment_fromstring(html, create_parent="div")


def test_a_form_without_sections_is_drawn_as_before_in_one_grid_with_its_field_ids():
    page = _render(Plain())
    assert not page.xpath(".//fieldset")
    (grid,) = page.xpath("./div[@class='fields']")
    assert [div.get("id") for div in grid.xpath("./div")] == ["field-name", "field-nickname", "field-ok"]
    assert not page.xpath(".//*[contains(@class, 'error-summary')]")


def test_only_required_fields_are_marked_and_the_legend_explains_the_marker():
    page = _render(Plain())
    assert page.xpath(".//*[@id='field-name']//label/span[@class='required-mark' and @aria-hidden='true']")
    assert page.xpath("string(.//*[@id='field-name']//label/span[@class='visually-hidden'])").strip() == "(bắt buộc)"
    assert not page.xpath(".//*[@id='field-nickname']//*[@class='required-mark']")
    assert " ".join(page.xpath("string(.//p[contains(@class, 'required-legend')])").split()) == "* bắt buộc"


def test_a_form_with_nothing_required_has_no_legend():
    class Optional(forms.Form):
        note = forms.CharField(required=False)

    assert not _render(Optional()).xpath(".//*[contains(@class, 'required-legend')]")


def test_sections_become_fieldsets_in_order_and_the_fields_in_none_follow_untitled():
    sections = layout(Guided())
    assert [(s.title, [r.field.name for r in s.rows]) for s in sections] == [
        ("Nhóm một", ["way", "only_a", "only_b"]),
        ("Nhóm hai", ["kinds"]),
        ("", ["loose"]),
    ]
    page = _render(Guided())
    assert page.xpath(".//fieldset[@class='form-section']/legend/text()") == ["Nhóm một", "Nhóm hai"]
    assert page.xpath(".//input[@type='hidden' and @name='secret']")


def test_a_field_shown_for_one_choice_says_so_and_is_marked_required():
    page = _render(Guided())
    (only_b,) = page.xpath(".//*[@id='field-only_b']")
    assert (only_b.get("data-shown-when"), only_b.get("data-shown-values")) == ("way", "b")
    assert only_b.xpath(".//*[@class='required-mark']")
    assert page.xpath(".//*[@id='field-loose']")[0].get("data-shown-when") is None


def test_a_field_whose_label_follows_a_choice_carries_its_labels_for_the_browser():
    page = _render(Guided())
    (loose,) = page.xpath(".//*[@id='field-loose']")
    assert loose.get("data-label-when") == "way"
    assert json.loads(loose.get("data-labels")) == {"a": "Nhãn khi A", "b": "Nhãn khi B"}
    assert loose.xpath("string(.//label)").startswith("Ngoài nhóm")  # its own label until the script picks one
    # Drawn again after a submit, the field has the label of the value chosen, even without the script.
    assert _render(Guided({"way": "b"})).xpath("string(.//*[@id='field-loose']//label)").startswith("Nhãn khi B:")
    # A choice that is not on the form changes nothing.
    assert page.xpath(".//*[@id='field-kinds']")[0].get("data-label-when") is None


def test_a_hidden_field_is_neither_judged_nor_kept_and_a_shown_one_is_required():
    form = Guided({"way": "a", "only_a": "", "only_b": "not a date"})
    assert set(form.errors) == {"only_a"}
    assert "only_b" not in form.cleaned_data
    form = Guided({"way": "b", "only_a": "kept?", "only_b": "01/02/2026"})
    assert form.is_valid(), form.errors
    assert "only_a" not in form.cleaned_data


def test_the_error_summary_counts_every_error_and_links_each_field_error_to_what_focuses_it():
    form = Guided({"way": "z", "secret": ""})
    links = error_links(form)
    assert [(link.label, link.target) for link in links] == [("Cách", "id_way_0")]
    form = Guided({"way": "a", "kinds": ["y"]})
    links = error_links(form)
    assert [(link.message, link.target) for link in links] == [
        ("Cả biểu mẫu sai.", ""),
        ("Trường này là bắt buộc.", "id_only_a"),
    ]
    page = _render(form)
    (summary,) = page.xpath("./div[contains(@class, 'error-summary')]")
    assert summary.get("role") == "alert" and summary.get("tabindex") == "-1"
    assert summary is page[0]  # at the top, before the fields
    assert " ".join(summary.xpath("string(.//*[@class='error-summary-title'])").split()) == "Có 2 lỗi cần sửa:"
    assert summary.xpath(".//li[1]/a") == []
    (link,) = summary.xpath(".//li[2]/a")
    assert link.get("href") == "#id_only_a" and link.get("data-focus-field") == "id_only_a"
    assert link.text_content().startswith("Chỉ A: ")


def test_a_checkbox_group_error_links_to_its_first_box():
    form = Guided({"way": "a", "only_a": "x", "kinds": ["q"]})
    assert [link.target for link in error_links(form)] == ["id_kinds_0"]


def test_a_page_that_shows_the_summary_itself_can_keep_the_partial_from_repeating_it():
    form = Guided({"way": "a"})
    html = render_to_string("includes/form.html", {"form": form, "error_summary_shown": True})
    assert "error-summary" not in html


def test_an_error_of_a_hidden_field_is_listed_without_a_link_since_nothing_shows_it():
    class Versioned(forms.Form):
        version = forms.IntegerField(widget=forms.HiddenInput)
        name = forms.CharField(required=False)

    links = error_links(Versioned({"version": "x"}))
    assert [(link.label, link.target) for link in links] == [("", "")]
    assert links[0].message

"""Report sentence templates cannot break reports: refused on save, replaced by the default when compiled."""

import io
import zipfile
from xml.etree import ElementTree

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from dangvu.reports import services
from dangvu.reports.compile import compile_report, sentence_context
from dangvu.reports.default_sentences import DEFAULTS
from dangvu.reports.docx_writer import write_docx
from dangvu.reports.models import Report, SentenceTemplate
from dangvu.reports.periods import parse_period
from dangvu.reports.sentences import ALLOWED_FILTERS, ALLOWED_TAGS, check, sample_context

pytestmark = pytest.mark.django_db

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"


def _refusal(text: str) -> str:
    sentence = SentenceTemplate.objects.get(key="organization.movement")
    with pytest.raises(ValidationError) as error:
        services.sentence_save(sentence=sentence, text=text, kinds="", by=None)
    return " ".join(error.value.message_dict["text"])


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("{{ org|count }} đảng viên", "count"),
        ('{% include "base.html" %}', "include"),
        ('{% extends "base.html" %}', "extends"),
        ("{% load static %}", "load"),
        ("{% debug %}", "debug"),
        ("{% url 'reports:list' %}", "url"),
        ("{% csrf_token %}", "csrf_token"),
        ("{% templatetag openblock %}", "templatetag"),
        ("{% for x in i.members %}{% for y in i.members %}{{ y }}{% endfor %}{% endfor %}", "for"),
        ("{{ i.members.admitted|upper }}", "upper"),
        ("{{ i.members.admitted|nosuchfilter }}", "nosuchfilter"),
        ("{% if i.members.admitted %}kết nạp", "endif"),
        ("{{ i.members.admited|count }} đảng viên", "i.members.admited"),
        ("{% if i.membres.died %}x{% endif %}", "i.membres.died"),
        ("{{ i.members|num }}", "num"),
        ("{{ i.members.__class__ }}", "__class__"),
        ("x" * 5000, "5000"),
    ],
)
def test_a_hostile_or_broken_template_is_refused_on_save_with_the_problem_named(personas, text, named):
    message = _refusal(text)
    assert named in message
    assert message.isascii() is False  # a Vietnamese sentence, not a bare exception


def test_the_refusal_of_a_tag_lists_the_tags_allowed(personas):
    assert "if" in _refusal("{% include 'x' %}") and ALLOWED_TAGS == ["if"]
    assert set(ALLOWED_FILTERS) == {"count", "default", "num", "pct"}


def test_every_shipped_default_sentence_passes_the_check():
    for _key, _section, _order, _kinds, text in DEFAULTS:
        check(text)


def test_the_sample_figures_name_every_variable_the_compile_passes(personas):
    period = parse_period("annual", "2026")
    real = sentence_context(organization=personas.committee, period=period, figures={"members.admitted": 1})
    assert set(sample_context()) == set(real)


def test_a_bad_template_put_into_the_database_directly_gives_the_default_sentence_and_a_warning(personas):
    SentenceTemplate.objects.filter(key="organization.movement").update(text="Kết nạp {{ org|count }} đồng chí.")
    SentenceTemplate.objects.filter(key="organization.badges").update(text='{% include "base.html" %}')
    compiled = compile_report(kind="monthly", period_key="2023-04", organization=None)
    organization = next(s.text for s in compiled.sections if s.key == "organization")
    assert "chưa kết nạp đảng viên mới" in organization  # the default movement sentence
    assert "Kết nạp" not in organization
    assert len(compiled.warnings) == 2
    assert "organization.movement" in compiled.warnings[0] and "count" in compiled.warnings[0]
    assert "organization.badges" in compiled.warnings[1]


def test_a_draft_made_with_a_broken_stored_template_opens_with_a_warning(personas, client):
    SentenceTemplate.objects.filter(key="organization.movement").update(text="{{ org|count }}")
    client.force_login(personas.staff)
    response = client.post(
        reverse("reports:create"),
        {"kind": "monthly", "period_key": "2023-04", "organization": personas.committee.pk},
        follow=True,
    )
    assert response.status_code == 200
    report = Report.objects.get()
    assert "chưa kết nạp đảng viên mới" in report.sections.get(key="organization").text
    shown = [str(m) for m in response.context["messages"]]
    assert any("organization.movement" in m for m in shown)


def test_quotes_and_ampersands_come_out_raw_in_the_docx(personas):
    personas.committee.name = 'Đảng bộ "Khối" Sở & Ngành'
    personas.committee.short_name = 'Khối "A & B"'
    personas.committee.save()
    SentenceTemplate.objects.filter(key="organization.movement").update(
        text="Trong {{ period }}, {{ org_short }} ({{ org }}) kết nạp {{ i.members.admitted|count }} đảng viên."
    )
    compiled = compile_report(kind="monthly", period_key="2023-04", organization=personas.committee)
    sentence = 'Trong tháng 4 năm 2023, Khối "A & B" (Đảng bộ "Khối" Sở & Ngành) kết nạp 00 đảng viên.'
    assert sentence in next(s.text for s in compiled.sections if s.key == "organization")
    with zipfile.ZipFile(io.BytesIO(write_docx(compiled))) as docx:
        root = ElementTree.fromstring(docx.read("word/document.xml"))
    text = "".join(node.text or "" for node in root.iter(W))
    assert sentence in text
    assert "&quot;" not in text and "&amp;" not in text


def test_the_sentence_screen_shows_the_refusal(personas, client):
    sentence = SentenceTemplate.objects.get(key="organization.movement")
    client.force_login(personas.staff)
    response = client.post(
        reverse("reports:sentence_edit", kwargs={"pk": sentence.pk}), {"text": "{{ org|count }}", "kinds": ""}
    )
    assert response.status_code == 200
    assert "count" in " ".join(response.context["form"].errors["text"])
    sentence.refresh_from_db()
    assert sentence.text != "{{ org|count }}"

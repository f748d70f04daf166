"""The sentence page speaks Vietnamese: each standard sentence by its name, the key and the template syntax only as
a hint for those who edit templates (issue 15 §9)."""

import re

import pytest
from django.urls import reverse

from dangvu.reports.default_sentences import DEFAULTS
from dangvu.reports.models import SentenceTemplate
from dangvu.reports.sentence_labels import SECTION_LABELS, SENTENCE_LABELS

pytestmark = pytest.mark.django_db


def test_every_standard_sentence_and_its_section_has_a_vietnamese_name():
    assert {key for key, *_rest in DEFAULTS} <= set(SENTENCE_LABELS)
    assert {section for _key, section, *_rest in DEFAULTS} <= set(SECTION_LABELS)


def test_the_sentence_page_names_sentences_and_keeps_keys_and_syntax_in_the_hint(client, personas):
    client.force_login(personas.staff)
    page = client.get(reverse("reports:sentences")).content.decode()
    assert "Học tập, quán triệt nghị quyết, chỉ thị" in page and "Công tác chính trị" in page
    assert "Mọi loại báo cáo" in page and "Báo cáo năm" in page  # kinds by name, not "annual,mid_term"
    outside_hints = re.sub(r"<details.*?</details>", "", page, flags=re.S)
    assert "ideology.study" not in outside_hints and "{{" not in outside_hints and "annual," not in outside_hints
    assert "<code>ideology.study</code>" in page


def test_the_sentence_form_is_titled_by_the_sentence_name(client, personas):
    sentence = SentenceTemplate.objects.get(key="ideology.study")
    client.force_login(personas.staff)
    page = client.get(reverse("reports:sentence_edit", kwargs={"pk": sentence.pk})).content.decode()
    assert "<h1>Học tập, quán triệt nghị quyết, chỉ thị</h1>" in page


def test_no_stored_sentence_writes_a_count_without_its_leading_zero():
    """One text never mixes "07 đảng viên" and "7 đảng viên" (or "00" and "0"): `num` is for sums of money only."""
    money = {"i.dues.collected", "i.dues.kept", "i.dues.remitted", "i.dues.due"}
    for sentence in SentenceTemplate.objects.all():
        for figure in re.findall(r"\{\{\s*([\w.]+)\|num\s*\}\}", sentence.text):
            assert figure in money, (sentence.key, figure)
    for key, _section, _order, _kinds, text in DEFAULTS:
        assert "|num" not in text, key

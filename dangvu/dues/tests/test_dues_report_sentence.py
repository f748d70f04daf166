"""The dues section of the reports: the default sentence is a valid template over the dues indicators."""

import importlib

import pytest

from dangvu.reports import sentences

migration = importlib.import_module("dangvu.dues.migrations.0003_report_dues_sentence")


def test_the_dues_sentence_uses_only_known_figures_and_reads_as_the_reports_do():
    sentences.check(migration.TEXT)
    text = sentences.render(migration.TEXT, sentences.sample_context())
    assert text.startswith("Công tác thu, nộp đảng phí được thực hiện theo quy định")
    assert "đạt 79,61% số phải thu" in text


def test_the_dues_sentence_says_nothing_when_no_dues_were_due():
    assert sentences.render(migration.TEXT, sentences.sample_context(zero=True)).strip() == ""


@pytest.mark.django_db
def test_the_migration_installed_the_sentence_in_the_organization_section():
    from dangvu.reports.models import SentenceTemplate

    sentence = SentenceTemplate.objects.get(key=migration.KEY)
    assert sentence.section == "organization"

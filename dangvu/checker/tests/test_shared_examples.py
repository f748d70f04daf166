"""The real reports come from ../shared: their absence fails CI instead of skipping the tests quietly."""

import pytest

from dangvu.checker.tests import builders


def test_missing_examples_fail_in_ci(monkeypatch, tmp_path):
    monkeypatch.setattr(builders, "EXAMPLES", tmp_path / "examples")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="../shared"):
        builders.require_examples()


def test_missing_examples_are_skipped_on_a_developers_machine(monkeypatch, tmp_path):
    monkeypatch.setattr(builders, "EXAMPLES", tmp_path / "examples")
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception):
        builders.require_examples()


def test_present_examples_are_used(monkeypatch, tmp_path):
    monkeypatch.setattr(builders, "EXAMPLES", tmp_path)
    monkeypatch.setenv("CI", "true")
    assert builders.require_examples() == tmp_path

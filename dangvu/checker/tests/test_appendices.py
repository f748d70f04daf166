"""Recall and precision on appendices in the real layout (three constructed ones and the shared example),
each with planted errors and traps listed in a machine-readable key. docs/checker.md publishes the table
`manage.py score_checker` prints."""

import json

import pytest

from dangvu.checker import scoring
from dangvu.checker.tests import builders


def _examples():
    """The shared example is scored when ../shared is there (and required in CI); the constructed ones always."""
    try:
        return builders.require_examples()
    except pytest.skip.Exception:
        return None


@pytest.fixture(scope="module")
def scores():
    return [scoring.score(path, key) for path, key in scoring.key_files(_examples())]


def test_there_are_at_least_three_constructed_appendices_with_forty_planted_errors():
    constructed = [key for _path, key in scoring.key_files(None)]
    planted = sum(len(json.loads(key.read_text(encoding="utf-8"))["errors"]) for key in constructed)
    assert len(constructed) >= 3 and planted >= 40


def test_the_keys_name_every_kind_of_error_the_checker_looks_for_in_an_appendix():
    kinds = {e["kind"] for _path, key in scoring.key_files(None) for e in json.loads(key.read_text())["errors"]}
    assert kinds >= {"sum", "average", "share", "percent", "remark", "mismatch", "body"}


def test_every_planted_error_is_found(scores):
    missed = [(s.name, e["line"], e["kind"], e["why"]) for s in scores for e in s.missed]
    assert not missed


def test_no_finding_is_false(scores):
    false = [(s.name, line, f.kind, f.message) for s in scores for line, f in s.false]
    assert not false


def test_the_shared_example_gives_five_of_five_and_nothing_else(scores):
    builders.require_examples()
    shared = next(s for s in scores if s.name == "phu-luc-tong-ket-nhiem-ky-mau.txt")
    assert (shared.planted, len(shared.hits), len(shared.false)) == (5, 5, 0)


def test_the_score_command_prints_the_table(capsys):
    from django.core.management import call_command

    call_command("score_checker", "--examples", str(builders.require_examples()))
    out = capsys.readouterr().out
    assert "| all | 45 | 45 | 0 | 100.0% | 100.0% |" in out


def test_most_one_digit_typos_in_an_appendix_are_flagged():
    path, key = next((p, k) for p, k in scoring.key_files(None) if p.name == "phu-luc-giua-nhiem-ky-dang-bo-huyen.txt")
    result = scoring.mutations(path, key)
    assert sum(result.made.values()) >= 50
    assert result.rate() >= 0.8
    assert result.rate("target") == result.rate("percent") == 1.0

"""The helpers apps declare their indicators with: a shared query read by several figures."""

import datetime as dt

import pytest

from dangvu.indicators import registry
from dangvu.indicators.registry import Computation, figure, shared_query


@pytest.fixture
def empty_registry(monkeypatch):
    monkeypatch.setattr(registry, "REGISTRY", {})
    return registry


def _computation() -> Computation:
    return Computation(organization=None, start=dt.date(2025, 1, 1), end=dt.date(2025, 12, 31))


def test_a_shared_query_runs_once_however_many_figures_read_it(empty_registry):
    runs = []

    @shared_query
    def counts(c):
        runs.append(c.end)
        return {"a": 3, "b": 4}

    figure(counts, "a", code="t.a", label="A", unit="u", group="g", doc="The a.")
    figure(counts, "b", code="t.b", label="B", unit="u", group="g", doc="The b.")
    c = _computation()
    assert (c.value("t.a"), c.value("t.b")) == (3, 4)
    assert runs == [dt.date(2025, 12, 31)]
    assert _computation().value("t.a") == 3 and len(runs) == 2  # a new computation runs it again


def test_a_figure_keeps_its_definition_as_the_indicators_doc(empty_registry):
    ind = figure(
        shared_query(lambda c: {"a": 1}), "a", code="t.a", label="A", unit="u", group="g", doc="The  a,\n counted."
    )
    assert (ind.code, ind.doc, ind.as_of_end, ind.is_rate) == ("t.a", "The a, counted.", False, False)


def test_a_figure_read_through_grouped_rows_counts_a_missing_group_or_field_as_zero(empty_registry):
    rows = shared_query(lambda c: {"cell": {"classes": 2, "participants": None}})
    for code, path in (("t.there", ("cell", "classes")), ("t.none", ("cell", "participants")), ("t.no", ("x", "y"))):
        figure(rows, path, code=code, label=code, unit="u", group="g", doc=code)
    c = _computation()
    assert [c.value(code) for code in ("t.there", "t.none", "t.no")] == [2, 0, 0]


def test_a_figure_of_a_name_the_query_does_not_give_fails_loudly(empty_registry):
    figure(shared_query(lambda c: {"a": 1}), "b", code="t.b", label="B", unit="u", group="g", doc="The b.")
    with pytest.raises(KeyError):
        _computation().value("t.b")

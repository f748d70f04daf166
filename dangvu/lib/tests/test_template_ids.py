"""Numbers are grouped in the house style (USE_THOUSAND_SEPARATOR: 9.652), which must never reach an id: an
element id, a form value or a query string with "9.652" breaks htmx targets, filters and posts once ids pass
999 (PostgreSQL's sequences reach that in any real database). Templates print ids with `|unlocalize`."""

import re
from pathlib import Path

from django.conf import settings
from django.template import Context, Template

BARE_ID = re.compile(r"\{\{\s*[\w.]*(?:\.pk|_id|\.id)\s*\}\}")


def _templates():
    root = Path(settings.BASE_DIR)
    yield from (root / "templates").rglob("*.html")
    yield from (root / "dangvu").glob("*/templates/**/*.html")


def test_no_template_prints_a_record_id_without_unlocalize():
    bare = {
        str(path.relative_to(settings.BASE_DIR)): BARE_ID.findall(path.read_text(encoding="utf-8"))
        for path in _templates()
    }
    assert {path: found for path, found in bare.items() if found} == {}


def test_an_unlocalized_id_is_printed_without_grouping_and_a_count_with_it():
    rendered = Template('{% load l10n %}<tr id="row-{{ pk|unlocalize }}">{{ pk }}</tr>').render(Context({"pk": 9652}))
    assert rendered == '<tr id="row-9652">9.652</tr>'


BARE_YEAR = re.compile(r"\{\{\s*[\w.]*\.year\s*\}\}")


def test_no_template_prints_a_year_grouped_like_a_count():
    """A year is a name, not a quantity: "2026", never "2.026" (templates print it with `|stringformat:"d"`)."""
    bare = {
        str(path.relative_to(settings.BASE_DIR)): BARE_YEAR.findall(path.read_text(encoding="utf-8"))
        for path in _templates()
    }
    assert {path: found for path, found in bare.items() if found} == {}

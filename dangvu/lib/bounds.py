"""Numbers from requests are bounded: an id or count too large for the database is "not found" or a form error.

A 20-digit id in a form field, a query string or a selector's `pk__in` list reached the database driver, which
cannot hold it (SQLite: OverflowError "Python int too large to convert to SQLite INTEGER", in any query;
PostgreSQL: NumericValueOutOfRange when such a number is saved): every such request was a server error.
Django 5 already answers `exact`/`gt`/`gte`/`lt`/`lte` on an IntegerField with "no rows" when the value is out
of the column's range; `install()` (run from lib/apps.py) closes the rest of the class in one place instead of
screen by screen:

- `in` on integer columns (`pk__in`, which ModelMultipleChoiceField and the selectors use) leaves the
  out-of-range values out: they cannot match a row;
- `exact` and `in` through a foreign key (`organization=…`, `organization__in=…`) do the same, with the range
  of the column the key points at;
- a plain `forms.IntegerField` declared without bounds gets the range of PostgreSQL's `integer` column (the
  smallest column Django makes for an IntegerField), so a huge count is a form error, not a failed save.
  Fields given bounds keep them (BigIntegerField's form field states the bigint range); a plain field that
  fills a SmallIntegerField must state `max_value=SMALLINT_MAX` itself, and a ModelForm's model validators
  add the column's range on PostgreSQL. (A PositiveBigIntegerField, unused here, would need its max stated.)

Path ids (`<int:pk>`) need nothing: the lookup they feed is an `exact`, answered with "not found" (404);
lib/tests/test_number_bounds.py requests every such URL with a 20-digit id to keep it so.
"""

import copy
import re

from django import forms
from django.core.exceptions import EmptyResultSet
from django.db import models
from django.db.models.fields.related_lookups import RelatedExact, RelatedIn
from django.db.models.lookups import In

INT_MIN, INT_MAX = -(2**31), 2**31 - 1
SMALLINT_MAX = 2**15 - 1  # a plain form field that fills a SmallIntegerField states it as its max_value
BIGINT_MAX = 2**63 - 1
_DIGITS = re.compile(r"[0-9]{1,19}")


def as_id(text) -> int | None:
    """A whole number written in a query string or a file (an id, a year, a label), or None.

    ASCII digits only: `"²".isdigit()` is true but `int("²")` fails; and at most a bigint.
    """
    text = str(text or "").strip()
    if not _DIGITS.fullmatch(text) or int(text) > BIGINT_MAX:
        return None
    return int(text)


def out_of_range(value, field, connection) -> bool:
    """Whether an int cannot be stored in (so cannot match) the integer column behind `field`."""
    if not isinstance(value, int) or isinstance(value, bool):
        return False
    while getattr(field, "is_relation", False) and getattr(field, "target_field", None) is not None:
        field = field.target_field
    if not isinstance(field, models.IntegerField):
        return False
    try:
        low, high = connection.ops.integer_field_range(field.get_internal_type())
    except KeyError:  # a column type the backend does not list: its driver is the judge
        return False
    return (low is not None and value < low) or (high is not None and value > high)


class _KeepsStorableValues:
    """An `in` lookup that drops the values no row can hold; with none left it matches nothing."""

    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value():
            field = self.lhs.output_field
            kept = [v for v in self.rhs if not out_of_range(v, field, connection)]
            if len(kept) != len(self.rhs):
                if not kept:
                    raise EmptyResultSet
                bounded = copy.copy(self)
                bounded.rhs = kept
                return super(_KeepsStorableValues, bounded).process_rhs(compiler, connection)
        return super().process_rhs(compiler, connection)


class BoundedIn(_KeepsStorableValues, In):
    pass


class BoundedRelatedIn(_KeepsStorableValues, RelatedIn):
    pass


class BoundedRelatedExact(RelatedExact):
    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value() and out_of_range(self.rhs, self.lhs.output_field, connection):
            raise EmptyResultSet
        return super().process_rhs(compiler, connection)


def _bounded_integer_init(original):
    def __init__(self, *, max_value=None, min_value=None, **kwargs):
        if not isinstance(self, forms.DecimalField | forms.FloatField):  # they bound themselves by their digits
            max_value = INT_MAX if max_value is None else max_value
            min_value = INT_MIN if min_value is None else min_value
        original(self, max_value=max_value, min_value=min_value, **kwargs)

    __init__.bounded = True
    return __init__


def install() -> None:
    models.IntegerField.register_lookup(BoundedIn)
    models.ForeignObject.register_lookup(BoundedRelatedIn)
    models.ForeignObject.register_lookup(BoundedRelatedExact)
    if not getattr(forms.IntegerField.__init__, "bounded", False):
        forms.IntegerField.__init__ = _bounded_integer_init(forms.IntegerField.__init__)

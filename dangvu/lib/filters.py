"""The optional filters of a list screen."""

from django.db.models import QuerySet


def where_given(qs: QuerySet, *, within=None, **lookups) -> QuerySet:
    """`qs` narrowed by each lookup that was given a value (an empty text, None or 0 means "any") and, when an
    organization is given `within`, to the rows of its subtree."""
    if within is not None:
        lookups["organization__path__startswith"] = within.path
    return qs.filter(**{lookup: value for lookup, value in lookups.items() if value})

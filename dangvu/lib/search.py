"""Accent-insensitive text search in the database, for columns that keep no folded copy of their own.

`field__vnfold__contains=fold(word)` compares the column folded the way `lib.vntext.fold` folds what the user
typed (lower case, no tones or vowel marks, đ as d), so "truong" finds "Trường" and "d" finds "Đảng":

- SQLite: `vn_fold(column)`, the Python function `fold` registered on every new connection (`register`);
- PostgreSQL: `lower(unaccent(column))`, with the unaccent extension (lib/migrations/0001_unaccent.py), whose
  rules map đ to d like the other marks.

It reads every candidate row, so it suits the short lists (organizations, models, classes, letters); the member
registry, candidates and documents keep an indexed `search_text` column instead.
"""

from django.db.backends.signals import connection_created
from django.db.models import CharField, Q, TextField, Transform

from dangvu.lib.vntext import fold


class VnFold(Transform):
    lookup_name = "vnfold"
    function = "lower"  # a database with no folding function: lower case only

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, function="vn_fold", **extra_context)

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, template="lower(unaccent(%(expressions)s))", **extra_context)


def register() -> None:
    CharField.register_lookup(VnFold)
    TextField.register_lookup(VnFold)
    connection_created.connect(_add_sqlite_function, dispatch_uid="dangvu.lib.search.vn_fold")


def _add_sqlite_function(sender, connection, **kwargs) -> None:
    if connection.vendor == "sqlite":
        connection.connection.create_function("vn_fold", 1, _fold_or_none, deterministic=True)


def _fold_or_none(text):
    return None if text is None else fold(text)


def words_in(query: str, *fields: str) -> Q:
    """Every word of `query` found (folded) in one of `fields`."""
    condition = Q()
    for word in fold(query).split():
        condition &= Q(*(Q(**{f"{field}__vnfold__contains": word}) for field in fields), _connector=Q.OR)
    return condition

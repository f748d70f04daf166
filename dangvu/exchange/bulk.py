"""Fast inserts for large imports: rows and their history rows by `executemany`, keys assigned up front.

Django's `bulk_create` prepares every value through the SQL compiler, which costs more than the
database itself at 100.000 members (each with two events, two spells and a history row for each
record). Here each column gets one adapter chosen once (dates and datetimes through the backend's
own `adapt_*` functions, everything else as is), primary keys are assigned from the table's current
maximum inside the import's transaction, and the sequences are reset afterwards where the backend
has them. The objects are the same model instances the importer checked; nothing else is derived here.
"""

from collections.abc import Callable, Sequence

from django.core.management.color import no_style
from django.db import connection, models
from django.utils import timezone

CHUNK = 5_000
# Fields whose Python values the database drivers take as they are.
PLAIN_FIELDS = (models.CharField, models.TextField, models.IntegerField, models.BooleanField, models.ForeignKey)


def _adapter(field: models.Field) -> Callable:
    ops = connection.ops
    if isinstance(field, models.DateTimeField):
        return ops.adapt_datetimefield_value
    if isinstance(field, models.DateField):
        return ops.adapt_datefield_value
    if isinstance(field, models.BinaryField):
        return lambda v: bytes(v) if v is not None else None
    if isinstance(field, models.FileField) or not isinstance(field, PLAIN_FIELDS):
        return lambda v: field.get_db_prep_save(v, connection)
    return lambda v: v


def _lock(model: type[models.Model]) -> None:
    """Keep other writers from taking the keys we are about to use (SQLite already holds its write lock)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"LOCK TABLE {connection.ops.quote_name(model._meta.db_table)} IN EXCLUSIVE MODE")


def assign_ids(model: type[models.Model], objs: Sequence[models.Model]) -> None:
    _lock(model)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT MAX({connection.ops.quote_name(model._meta.pk.column)}) "
            f"FROM {connection.ops.quote_name(model._meta.db_table)}"
        )
        start = (cursor.fetchone()[0] or 0) + 1
    for offset, obj in enumerate(objs):
        obj.pk = start + offset


def _execute(table: str, columns: list[str], rows) -> None:
    quote = connection.ops.quote_name
    sql = (
        f"INSERT INTO {quote(table)} ({', '.join(quote(c) for c in columns)}) "
        f"VALUES ({', '.join(['%s'] * len(columns))})"
    )
    with connection.cursor() as cursor:
        batch = []
        for row in rows:
            batch.append(row)
            if len(batch) >= CHUNK:
                cursor.executemany(sql, batch)
                batch = []
        if batch:
            cursor.executemany(sql, batch)


def insert(model: type[models.Model], objs: Sequence[models.Model], *, with_ids: bool) -> None:
    """Insert `objs`; with `with_ids` their primary keys were assigned by `assign_ids` and are written too."""
    now = timezone.now()
    fields = [f for f in model._meta.concrete_fields if with_ids or not f.primary_key]
    for field in fields:
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            for obj in objs:
                setattr(obj, field.attname, now)
    plan = [(field.attname, _adapter(field)) for field in fields]
    rows = (tuple(adapt(getattr(obj, name)) for name, adapt in plan) for obj in objs)
    _execute(model._meta.db_table, [f.column for f in fields], rows)
    if with_ids:
        reset_sequence(model)


def insert_history(model: type[models.Model], objs: Sequence[models.Model], *, user_id: int | None) -> None:
    """The "created" history row of each object, as django-simple-history's `bulk_create_with_history` writes it."""
    history = model.history.model
    now = timezone.now()
    constant = {"history_date": now, "history_type": "+", "history_change_reason": None, "history_user_id": user_id}
    fields = [f for f in history._meta.concrete_fields if not f.primary_key]
    sources = {f.attname: f for f in model._meta.concrete_fields}
    plan = []
    for field in fields:
        adapt = _adapter(field)
        if field.attname in constant:
            value = adapt(constant[field.attname])
            plan.append((None, lambda obj, value=value: value))
        elif isinstance(sources.get(field.attname), models.FileField):
            plan.append((field.attname, lambda v: (v.name or "") if v else ""))
        else:
            plan.append((field.attname, adapt))
    rows = (tuple(adapt(obj) if name is None else adapt(getattr(obj, name)) for name, adapt in plan) for obj in objs)
    _execute(history._meta.db_table, [f.column for f in fields], rows)


def reset_sequence(model: type[models.Model]) -> None:
    statements = connection.ops.sequence_reset_sql(no_style(), [model])
    if statements:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)

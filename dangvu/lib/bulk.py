"""Writing many rows at once, the one place that batches them and writes their "created" history rows.

`create` is Django's `bulk_create` in batches, through django-simple-history's `bulk_create_with_history`
when history rows are wanted. The rest is a faster path for large imports and the demo seed: rows and their
history rows by `executemany`, keys assigned up front. Django's `bulk_create` prepares every value through
the SQL compiler, which costs more than the database itself at 100.000 members (each with two events, two
spells and a history row for each record). Here each column gets one adapter chosen once (dates and
datetimes through the backend's own `adapt_*` functions, everything else as is), primary keys are assigned
from the table's current maximum inside the import's transaction, and the sequences are reset afterwards
where the backend has them. Nothing is derived here: the objects are written as the caller made them.
"""

from collections.abc import Callable, Iterable, Sequence

from django.core.management.color import no_style
from django.db import connection, models
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

CHUNK = 5_000
# Fields whose Python values the database drivers take as they are.
PLAIN_FIELDS = (models.CharField, models.TextField, models.IntegerField, models.BooleanField, models.ForeignKey)


def create(
    model: type[models.Model], objs, *, batch_size: int = CHUNK, history: bool = False, by=None
) -> list[models.Model]:
    """`bulk_create` `objs` `batch_size` at a time; with `history`, each one's "created" history row too,
    attributed to the user `by`."""
    objs = list(objs)
    if history:
        return bulk_create_with_history(objs, model, batch_size=batch_size, default_user=by)
    return model.objects.bulk_create(objs, batch_size=batch_size)


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


def execute(table: str, columns: Sequence[str], rows: Iterable[Sequence], batch_size: int = CHUNK) -> int:
    """INSERT `rows` (values already as the database takes them, in the order of the `columns`) into `table`
    with one `executemany` per `batch_size` rows. Returns the number of rows."""
    quote = connection.ops.quote_name
    sql = (
        f"INSERT INTO {quote(table)} ({', '.join(quote(c) for c in columns)}) "
        f"VALUES ({', '.join(['%s'] * len(columns))})"
    )
    count, batch = 0, []
    with connection.cursor() as cursor:
        for row in rows:
            batch.append(row)
            if len(batch) >= batch_size:
                cursor.executemany(sql, batch)
                count, batch = count + len(batch), []
        if batch:
            cursor.executemany(sql, batch)
    return count + len(batch)


def insert(
    model: type[models.Model], objs: Sequence[models.Model], *, with_ids: bool, history: bool = False, by=None
) -> None:
    """Insert `objs`; with `with_ids` their primary keys were assigned by `assign_ids` and are written too;
    with `history` (keys needed) each one's "created" history row too, attributed to the user `by`."""
    now = timezone.now()
    fields = [f for f in model._meta.concrete_fields if with_ids or not f.primary_key]
    for field in fields:
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            for obj in objs:
                setattr(obj, field.attname, now)
    plan = [(field.attname, _adapter(field)) for field in fields]
    rows = (tuple(adapt(getattr(obj, name)) for name, adapt in plan) for obj in objs)
    execute(model._meta.db_table, [f.column for f in fields], rows)
    if with_ids:
        reset_sequence(model)
    if history:
        _insert_history(model, objs, user_id=by.pk if by is not None else None)


def _insert_history(model: type[models.Model], objs: Sequence[models.Model], *, user_id: int | None) -> None:
    """The "created" history row of each object, as django-simple-history's `bulk_create_with_history` writes it
    (written here because that goes through `bulk_create`, the cost this path avoids)."""
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
    execute(history._meta.db_table, [f.column for f in fields], rows)


def reset_sequence(model: type[models.Model]) -> None:
    statements = connection.ops.sequence_reset_sql(no_style(), [model])
    if statements:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)


def _default(field: models.Field, now):
    return now if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False) else field.get_default()


def insert_rows(model: type[models.Model], rows: list[dict], batch_size: int = CHUNK) -> int:
    """Insert rows given as {attname: value}, without reading ids back (for rows nothing else points to).

    Each distinct value is prepared once by its field (as `bulk_create` would, which on SQLite also splits
    the rows into batches of 999 parameters and builds a model instance per row); missing fields take their
    defaults."""
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    now = timezone.now()
    defaults = {f.attname: _default(f, now) for f in fields}
    prepared: dict = {}

    def prep(field, value):
        key = (field.attname, value)
        if key not in prepared:
            prepared[key] = field.get_db_prep_save(value, connection)
        return prepared[key]

    values = ([prep(f, row.get(f.attname, defaults[f.attname])) for f in fields] for row in rows)
    return execute(model._meta.db_table, [f.column for f in fields], values, batch_size)


def insert_tuples(model: type[models.Model], columns: Sequence[str], rows: list[tuple], batch_size: int = CHUNK) -> int:
    """Like `insert_rows` for rows of plain integers and strings (already what the database takes) given as
    tuples in the order of `columns` (attnames); the other fields take their prepared defaults."""
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    by_name = {f.attname: f for f in fields}
    now = timezone.now()
    rest = [f for f in fields if f.attname not in columns]
    tail = tuple(f.get_db_prep_save(_default(f, now), connection) for f in rest)
    names = [by_name[c].column for c in columns] + [f.column for f in rest]
    return execute(model._meta.db_table, names, (tuple(row) + tail for row in rows), batch_size)

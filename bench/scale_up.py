"""Make a country-size PostgreSQL database out of a seeded province: copy it N times under the top committee.

    DATABASE_URL=postgres://... python bench/scale_up.py --copies 91

`seed_demo --size country` creates 5.6 M members one by one through the demo's life-event simulation, about
200 members a second on this machine (7 to 8 hours). Copying the province that `seed_demo --size province`
made, inside PostgreSQL with INSERT ... SELECT, takes minutes and gives the same shape of data 92 times over:

- every organization below the top committee is copied, with its id shifted by k × (the largest id + 1) in
  copy k, its level-2 path segment moved to a new slot under the top committee (the rest of the path kept),
  and its code suffixed with "~k";
- every row of the tables the indicator registry reads (members, events, spells, ratings, meetings, study
  sessions and attendance, inspections, discipline, letters, documents, cadres, mass organizations, training
  classes, organization events and versions) is copied with its id shifted the same way, and its foreign keys
  to copied tables shifted with it. A key to the top committee stays on the top committee; keys to tables
  that are not copied (users, rating seasons, scoring sheets) are kept. Rows that belong to the top committee
  itself in a table with a uniqueness rule on the organization (its documents, its own ratings) are not
  copied. Unique personal numbers (card, national ID, CV number) are left empty in the copies: no indicator
  reads them;
- tables no indicator reads are not copied: meeting attendance rows (the meetings carry their counts),
  criterion scores, training participants, candidates, history tables, reports.

Secondary indexes and uniqueness constraints of a table are dropped while it is filled and built again
afterwards, foreign-key triggers are off during the copy (session_replication_role = replica, the rows are
consistent by construction), then everything is VACUUMed and ANALYZEd (index-only scans need the
visibility map that VACUUM writes). Prints one JSON object with the rows per table and
the seconds taken.
"""

import argparse
import json
import time

from pages import setup_django

# The models whose rows are copied, parents before children (app_label.ModelName).
COPIED = [
    "organizations.Organization",
    "organizations.OrganizationEvent",
    "organizations.OrganizationVersion",
    "members.Member",
    "members.MemberEvent",
    "members.MembershipSpell",
    "ratings.MemberRating",
    "ratings.OrganizationRating",
    "meetings.Meeting",
    "education.StudySession",
    "education.StudyAttendance",
    "education.StudiedYear",
    "education.TrainingClass",
    "inspections.Inspection",
    "inspections.InspectionSubjectMember",
    "inspections.InspectedYear",
    "inspections.Discipline",
    "inspections.Letter",
    "documents.Document",
    "cadres.PoliticalConclusion",
    "cadres.CommitteeAppointment",
    "massorgs.MassOrgFigures",
    "massorgs.SkilledMobilisationModel",
    "massorgs.EmulationRegistration",
]


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


class ScaleUp:
    def __init__(self, cursor, copies: int):
        from django.apps import apps

        from dangvu.organizations.models import Organization

        self.cursor = cursor
        self.copies = copies
        self.models = [apps.get_model(label) for label in COPIED]
        self.Organization = Organization
        root = Organization.objects.get(depth=1)
        self.root_id = root.pk
        self.root_path = root.path
        self.children = list(
            Organization.objects.filter(depth=2, path__startswith=root.path)
            .order_by("path")
            .values_list("path", flat=True)
        )
        self.offsets = {}
        for model in self.models:
            cursor.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {quote(model._meta.db_table)}")  # noqa: S608
            self.offsets[model] = cursor.fetchone()[0]
        self.through = self._through_tables()

    def _through_tables(self) -> list:
        """Auto-created many-to-many tables between copied models (inspection ↔ subject organizations)."""
        found = []
        for model in self.models:
            for field in model._meta.many_to_many:
                through = field.remote_field.through
                if through._meta.auto_created and field.related_model in self.offsets:
                    found.append(through)
        return found

    def shifted(self, column: str, target) -> str:
        """SQL for a key column in copy k: shifted with its table, the top committee kept."""
        offset = self.offsets[target]
        if target is self.Organization:
            return f"CASE WHEN {column} = {self.root_id} THEN {column} ELSE {column} + k * {offset} END"
        return f"{column} + k * {offset}"

    def select_list(self, model) -> tuple[list[str], list[str], str]:
        """(columns, expressions, extra WHERE) copying `model`'s original rows into copy k."""
        columns, expressions, where = [], [], []
        for field in model._meta.concrete_fields:
            column = quote(field.column)
            columns.append(column)
            if field.primary_key:
                expressions.append(f"{column} + k * {self.offsets[model]}")
            elif field.is_relation and field.related_model in self.offsets:
                expressions.append(self.shifted(column, field.related_model))
            elif model is self.Organization and field.name == "path":
                expressions.append(self._moved_path())
            elif model is self.Organization and field.name == "code":
                expressions.append(f"LEFT({column}, {field.max_length - 4}) || '~' || k")
            elif field.unique and field.null:
                expressions.append("NULL")
            else:
                expressions.append(column)
        if model is self.Organization:
            where.append(f"depth >= 2 AND path LIKE '{self.root_path}%'")
        constrained = any("organization" in getattr(constraint, "fields", ()) for constraint in model._meta.constraints)
        if constrained and model is not self.Organization:
            where.append(f"organization_id <> {self.root_id}")
        where.append(f"id < {self.offsets[model]}")
        return columns, expressions, " AND ".join(where)

    def _moved_path(self) -> str:
        """Copy k puts the i-th level-2 organization into slot k × (number of level-2 organizations) + i; the
        slot number is written in the tree's alphabet digit by digit (SQL has no base-36 formatting)."""
        steplen, alphabet = self.Organization.steplen, self.Organization.alphabet
        prefix_length = len(self.root_path) + steplen

        def in_alphabet(number: str) -> str:
            return " || ".join(
                f"SUBSTR('{alphabet}', ({number} / {len(alphabet) ** power}) % {len(alphabet)} + 1, 1)"
                for power in reversed(range(steplen))
            )

        branches = " ".join(
            f"WHEN '{path}' THEN '{self.root_path}' || {in_alphabet(f'(k * {len(self.children)} + {index})')}"
            for index, path in enumerate(self.children, start=1)
        )
        return f"(CASE LEFT(path, {prefix_length}) {branches} END) || SUBSTR(path, {prefix_length + 1})"

    def copy_table(self, table: str, columns: list[str], expressions: list[str], where: str) -> int:
        cursor = self.cursor
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s AND indexname NOT IN "
            "(SELECT conname FROM pg_constraint WHERE conrelid = %s::regclass AND contype = 'p')",
            [table, table],
        )
        indexes = cursor.fetchall()
        cursor.execute(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = %s::regclass "
            "AND contype = 'u'",
            [table],
        )
        constraints = cursor.fetchall()
        for name, _ in constraints:
            cursor.execute(f"ALTER TABLE {quote(table)} DROP CONSTRAINT {quote(name)}")
        constraint_names = {name for name, _ in constraints}
        for name, _ in indexes:
            if name not in constraint_names:
                cursor.execute(f"DROP INDEX {quote(name)}")
        cursor.execute(
            f"INSERT INTO {quote(table)} ({', '.join(columns)}) "  # noqa: S608 (names from the models)
            f"SELECT {', '.join(expressions)} FROM {quote(table)} "
            f"CROSS JOIN generate_series(1, {self.copies}) AS k WHERE {where}"
        )
        inserted = cursor.rowcount
        for name, definition in constraints:
            cursor.execute(f"ALTER TABLE {quote(table)} ADD CONSTRAINT {quote(name)} {definition}")
        for name, definition in indexes:
            if name not in constraint_names:
                cursor.execute(definition)
        return inserted

    def run(self) -> dict:
        rows = {}
        self.cursor.execute("SET session_replication_role = replica")
        self.cursor.execute("SET maintenance_work_mem = '1GB'")
        for model in self.models:
            columns, expressions, where = self.select_list(model)
            started = time.perf_counter()
            rows[model._meta.db_table] = {
                "copied": self.copy_table(model._meta.db_table, columns, expressions, where),
                "seconds": round(time.perf_counter() - started, 1),
            }
        for through in self.through:
            columns, expressions = [], []
            for field in through._meta.concrete_fields:
                column = quote(field.column)
                columns.append(column)
                if field.primary_key:
                    expressions.append(f"{column} + k * (SELECT MAX(id) + 1 FROM {quote(through._meta.db_table)})")
                else:
                    expressions.append(self.shifted(column, field.related_model))
            started = time.perf_counter()
            offset_where = f"id <= (SELECT MAX(id) FROM {quote(through._meta.db_table)})"
            rows[through._meta.db_table] = {
                "copied": self.copy_table(through._meta.db_table, columns, expressions, offset_where),
                "seconds": round(time.perf_counter() - started, 1),
            }
        self.cursor.execute(
            f"UPDATE organizations_organization SET numchild = {len(self.children) * (self.copies + 1)} "
            f"WHERE id = {self.root_id}"
        )
        self.cursor.execute("SET session_replication_role = DEFAULT")
        for table in [m._meta.db_table for m in self.models] + [t._meta.db_table for t in self.through]:
            self.cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {quote(table)}))"
            )
        return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=91, help="copies added to the province (91: 92 in all)")
    args = parser.parse_args()
    setup_django()
    from django.db import connection, transaction

    from dangvu.members.models import ACTIVE_STATUSES, Member

    if connection.vendor != "postgresql":
        raise SystemExit("scale_up.py copies rows inside PostgreSQL: set DATABASE_URL to a PostgreSQL database")
    started = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        rows = ScaleUp(cursor, args.copies).run()
    copied_s = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")  # the visibility map too: index-only scans need it
    print(
        json.dumps(
            {
                "copies": args.copies,
                "tables": rows,
                "copy_s": round(copied_s, 1),
                "total_s": round(time.perf_counter() - started, 1),
                "current_members": Member.objects.filter(status__in=ACTIVE_STATUSES).count(),
            }
        )
    )


if __name__ == "__main__":
    main()

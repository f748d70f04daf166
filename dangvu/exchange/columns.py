"""The columns of the files we read and write, with their Vietnamese headers.

The member columns follow the party member register (Sổ danh sách đảng viên, Mẫu 7-HSĐV):
personal record, then the admission, the arrival for a member transferred in, and full
membership. Columns marked `export_only` are written for the reader and ignored on import
(they are derived from the events). Headers are matched on import after accent folding, so
"Ngay sinh", "NGÀY SINH" and "ngày  sinh" all find the date of birth.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from dangvu.lib.vntext import fold


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # lazy translation
    kind: str = "text"  # text, date, choice, bool, int
    max_length: int | None = None
    required: bool = False
    export_only: bool = False
    sensitive: bool = False
    width: int = 16

    @property
    def label(self) -> str:
        return str(self.header)


MEMBER_COLUMNS: tuple[Column, ...] = (
    Column("row_no", _("No."), kind="int", export_only=True, width=6),
    Column("full_name", _("Full name"), max_length=120, required=True, width=26),
    Column("aliases", _("Other names"), max_length=255),
    Column("sex", _("Sex"), kind="choice", required=True, width=8),
    Column("date_of_birth", _("Date of birth"), kind="date", required=True, width=12),
    Column("ethnicity", _("Ethnicity"), max_length=64, sensitive=True, width=10),
    Column("religion", _("Religion"), max_length=64, sensitive=True, width=10),
    Column("hometown", _("Hometown"), max_length=255, width=24),
    Column("place_of_birth", _("Place of birth"), max_length=255, width=24),
    Column("permanent_address", _("Permanent address"), max_length=255, width=28),
    Column("temporary_address", _("Temporary address"), max_length=255, width=28),
    Column("general_education", _("General education"), max_length=32, width=10),
    Column("professional_qualification", _("Professional qualification"), max_length=255, width=20),
    Column("political_theory_level", _("Political theory level"), kind="choice", width=14),
    Column("foreign_language", _("Foreign language"), max_length=120),
    Column("occupation_now", _("Current occupation"), max_length=255, width=20),
    Column("position", _("Post held"), max_length=255, width=20),
    Column("card_number", _("Party card number"), max_length=8, width=12),
    Column("cv_number", _("CV number"), max_length=9, width=12),
    Column("national_id", _("National ID number"), max_length=12, width=15),
    Column("phone", _("Phone"), max_length=20, width=13),
    Column("organization", _("Cell code"), max_length=32, required=True, width=10),
    Column("organization_name", _("Cell"), export_only=True, width=28),
    Column("admitted_on", _("Admission decision date"), kind="date", required=True, width=12),
    Column("admission_document_no", _("Admission decision number"), max_length=64, required=True, width=14),
    Column("cell_resolution_on", _("Cell resolution date"), kind="date", width=12),
    Column("ceremony_on", _("Admission ceremony date"), kind="date", width=12),
    Column("admitted_elsewhere", _("Admitted in (outside the committee)"), max_length=255, width=24),
    Column("arrived_on", _("Date the member arrived"), kind="date", width=12),
    Column("arrival_document_no", _("Transfer letter number"), max_length=64, width=14),
    Column("made_full_on", _("Full membership decision date"), kind="date", width=12),
    Column("full_document_no", _("Full membership decision number"), max_length=64, width=14),
    Column("status", _("Status"), export_only=True, width=16),
)

ORGANIZATION_COLUMNS: tuple[Column, ...] = (
    Column("code", _("Code"), max_length=32, required=True, width=10),
    Column("name", _("Name"), max_length=255, required=True, width=40),
    Column("short_name", _("Short name"), max_length=120, width=16),
    Column("kind", _("Kind"), kind="choice", required=True, width=22),
    Column("parent", _("Code of the organization above"), max_length=32, width=12),
    Column("founded_on", _("Founded on"), kind="date", required=True, width=12),
    Column("host_unit_type", _("Host unit type"), kind="choice", width=24),
    Column("host_unit_name", _("Host unit"), max_length=255, width=30),
    Column("ended_on", pgettext_lazy("organization", "Ended on"), kind="date", export_only=True, width=12),
    Column("members", _("Members"), kind="int", export_only=True, width=10),
    Column("probationary", _("Probationary"), kind="int", export_only=True, width=10),
)

COLUMN_SETS = {"members": MEMBER_COLUMNS, "organizations": ORGANIZATION_COLUMNS}


def header_key(text) -> str:
    """A header reduced for matching: folded, punctuation and spacing ignored."""
    return "".join(ch for ch in fold(str(text or "")) if ch.isalnum())


def header_lookup(columns: tuple[Column, ...]) -> dict[str, Column]:
    """Folded header (Vietnamese label, English label or key) -> column."""
    from django.utils import translation

    lookup: dict[str, Column] = {}
    for column in columns:
        lookup[header_key(column.key)] = column
        with translation.override("en"):
            lookup[header_key(str(column.header))] = column
        lookup[header_key(str(column.header))] = column
    return lookup

"""Shapes of the API's records. Reads come from the selectors, writes go to the services."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from rest_framework.validators import UniqueValidator

from dangvu.members.forms import SENSITIVE_FIELDS
from dangvu.members.models import EventKind, Member, MemberEvent, TransferMode
from dangvu.members.rules import BADGE_MILESTONES
from dangvu.members.services import ADMISSION_FIELDS, EVENT_FIELDS, PERSONAL_FIELDS
from dangvu.organizations.models import HostUnitType, Organization, OrganizationKind

# The personal record as the services take it, less the photo (served by its own scoped view) and the
# sensitive fields (added only for roles allowed to see them).
PERSONAL_READ_FIELDS = tuple(f for f in PERSONAL_FIELDS if f != "photo" and f not in SENSITIVE_FIELDS)
# What a new member's record carries besides the personal record: how and where the member joined.
JOINING_KEYS = (
    "join",
    "cell",
    "on",
    *ADMISSION_FIELDS,
    "external_place",
    "original_admitted_on",
    "original_document_no",
    "original_ceremony_on",
    "made_full_on",
)
DERIVED_FIELDS = (
    "status",
    "organization",
    "last_organization",
    "admitted_on",
    "probation_ends_on",
    "full_decision_due_on",
    "next_badge_on",
)


class OrganizationSerializer(serializers.ModelSerializer):
    parent = serializers.SerializerMethodField()

    class Meta:
        model = Organization
        fields = (
            "id",
            "code",
            "name",
            "short_name",
            "kind",
            "host_unit_type",
            "host_unit_name",
            "founded_on",
            "ended_on",
            "depth",
            "parent",
        )
        read_only_fields = fields

    def get_parent(self, org: Organization) -> int | None:
        parents = self.context.get("parents", {})
        if org.path[: -Organization.steplen] in parents:
            return parents[org.path[: -Organization.steplen]]
        parent = Organization.objects.get_parent(org) if org.depth > 1 else None
        return parent.pk if parent else None


class OrganizationFoundSerializer(serializers.Serializer):
    """A new organization under `parent`, founded on `on` (organizations.services.organization_found)."""

    parent = serializers.PrimaryKeyRelatedField(queryset=Organization.objects.none(), label=_("Parent organization"))
    code = serializers.CharField(max_length=32)
    name = serializers.CharField(max_length=255)
    short_name = serializers.CharField(max_length=120, required=False, allow_blank=True, default="")
    kind = serializers.ChoiceField(choices=OrganizationKind.choices)
    host_unit_type = serializers.ChoiceField(choices=HostUnitType.choices, default=HostUnitType.OTHER)
    host_unit_name = serializers.CharField(max_length=255, required=False, allow_blank=True, default="")
    on = serializers.DateField(label=_("Founded on"))
    document_no = serializers.CharField(max_length=64, required=False, allow_blank=True, default="")
    document_date = serializers.DateField(required=False, allow_null=True, default=None)
    note = serializers.CharField(required=False, allow_blank=True, default="")

    def __init__(self, *args, parents=None, **kwargs):
        super().__init__(*args, **kwargs)
        if parents is not None:
            self.fields["parent"].queryset = parents


class MemberListSerializer(serializers.ModelSerializer):
    class Meta:
        model = Member
        fields = ("id", *PERSONAL_READ_FIELDS, *DERIVED_FIELDS)
        read_only_fields = fields


class MemberSerializer(serializers.ModelSerializer):
    """The personal record; the sensitive fields only for those allowed to see them (Decree 13/2023)."""

    class Meta:
        model = Member
        fields = ("id", *PERSONAL_READ_FIELDS, *SENSITIVE_FIELDS, *DERIVED_FIELDS)
        read_only_fields = ("id", *DERIVED_FIELDS)
        extra_kwargs = {name: {"required": False} for name in PERSONAL_READ_FIELDS + SENSITIVE_FIELDS}

    def __init__(self, *args, show_sensitive: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("card_number", "cv_number", "national_id"):
            field = self.fields[name]
            field.validators = [v for v in field.validators if not isinstance(v, UniqueValidator)]
        if not show_sensitive:
            for name in SENSITIVE_FIELDS:
                self.fields.pop(name)


class MemberCreateSerializer(MemberSerializer):
    """A new member with the event that brings them into the registry (members.services.member_create)."""

    join = serializers.ChoiceField(
        choices=[EventKind.ADMITTED, EventKind.TRANSFERRED_IN], default=EventKind.ADMITTED, write_only=True
    )
    cell = serializers.PrimaryKeyRelatedField(queryset=Organization.objects.none(), write_only=True)
    on = serializers.DateField(write_only=True, help_text=_("Admission decision date / date of arrival"))
    document_no = serializers.CharField(max_length=64, write_only=True)
    document_date = serializers.DateField(required=False, allow_null=True, write_only=True)
    cell_resolution_on = serializers.DateField(required=False, allow_null=True, write_only=True)
    ceremony_on = serializers.DateField(required=False, allow_null=True, write_only=True)
    ceremony_place = serializers.CharField(max_length=255, required=False, allow_blank=True, write_only=True)
    over_age_approved = serializers.BooleanField(required=False, default=False, write_only=True)
    external_place = serializers.CharField(max_length=255, required=False, allow_blank=True, write_only=True)
    original_admitted_on = serializers.DateField(required=False, allow_null=True, write_only=True)
    original_document_no = serializers.CharField(max_length=64, required=False, allow_blank=True, write_only=True)
    original_ceremony_on = serializers.DateField(required=False, allow_null=True, write_only=True)
    made_full_on = serializers.DateField(required=False, allow_null=True, write_only=True)

    EVENT_KEYS = JOINING_KEYS

    class Meta(MemberSerializer.Meta):
        fields = MemberSerializer.Meta.fields + JOINING_KEYS
        extra_kwargs = {
            **MemberSerializer.Meta.extra_kwargs,
            "full_name": {"required": True},
            "sex": {"required": True},
            "date_of_birth": {"required": True},
        }

    def __init__(self, *args, cells=None, **kwargs):
        super().__init__(*args, **kwargs)
        if cells is not None:
            self.fields["cell"].queryset = cells

    def validate(self, data):
        if data.get("join") == EventKind.TRANSFERRED_IN:
            missing = {
                name: [_("Needed for a member transferred in.")]
                for name in ("external_place", "original_admitted_on", "original_document_no")
                if not data.get(name)
            }
            if missing:
                raise serializers.ValidationError(missing)
        return data

    def split(self) -> tuple[dict, dict]:
        """(personal data, first event) in the shapes `members.services.member_create` takes."""
        d = dict(self.validated_data)
        event = {key: d.pop(key) for key in self.EVENT_KEYS if key in d}
        for name in ("card_number", "cv_number", "national_id"):
            if d.get(name) == "":
                d[name] = None
        common = {
            "on": event["on"],
            "organization": event["cell"],
            "document_no": event["document_no"],
            "document_date": event.get("document_date"),
        }
        if event.get("join", EventKind.ADMITTED) == EventKind.ADMITTED:
            first = {
                "kind": EventKind.ADMITTED,
                **common,
                "cell_resolution_on": event.get("cell_resolution_on"),
                "ceremony_on": event.get("ceremony_on"),
                "ceremony_place": event.get("ceremony_place", ""),
                "over_age_approved": event.get("over_age_approved", False),
            }
        else:
            first = {
                "kind": EventKind.TRANSFERRED_IN,
                **common,
                "transfer_mode": TransferMode.OFFICIAL,
                "external_place": event["external_place"],
                "admission": {
                    "on": event["original_admitted_on"],
                    "external_place": event["external_place"],
                    "document_no": event["original_document_no"],
                    "ceremony_on": event.get("original_ceremony_on"),
                    "cell_resolution_on": event.get("cell_resolution_on"),
                    "over_age_approved": event.get("over_age_approved", False),
                    "made_full_on": event.get("made_full_on"),
                },
            }
        return d, first


class MemberEventSerializer(serializers.ModelSerializer):
    """A dated life event; recording one replays the member's history (members.services.member_event_record)."""

    kind = serializers.ChoiceField(choices=EventKind.choices)
    badge_years = serializers.ChoiceField(choices=BADGE_MILESTONES, required=False, allow_null=True)
    transfer_mode = serializers.ChoiceField(choices=TransferMode.choices, required=False, allow_blank=True)

    class Meta:
        model = MemberEvent
        fields = ("id", "kind", *EVENT_FIELDS)
        read_only_fields = ("id",)

    def __init__(self, *args, cells=None, **kwargs):
        super().__init__(*args, **kwargs)
        if cells is not None:
            self.fields["organization"].queryset = cells
            self.fields["counterpart"].queryset = cells

    def event_fields(self) -> dict:
        data = dict(self.validated_data)
        data.pop("kind")
        return {k: v for k, v in data.items() if v not in (None, "")}

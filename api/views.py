"""The REST API: organizations, members and their events, with the same scoping as the screens.

Reads go through the selectors (`organizations.selectors`, `members.selectors`), so a caller sees
exactly what the screens show them: invisible records are 404, a member account reads only its
own record. Writes go through the services, whose refusals come back as 400 with the field named.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, permissions, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from accounts.access import ensure_can_edit_organization
from accounts.models import SCOPED_ROLES, SensitiveDataAccess
from api import serializers as s
from lib.bounds import as_id
from members import services as member_services
from members.forms import MemberFilterForm
from members.models import Member
from members.selectors import MemberFilters, member_events, member_get, member_list
from organizations import services as organization_services
from organizations.models import Organization
from organizations.selectors import member_holding_choices, organization_list


class TreeUser(permissions.BasePermission):
    """Committee and inspection staff, secretaries: people who work on a subtree."""

    def has_permission(self, request, view) -> bool:
        user = request.user
        return bool(user and user.is_authenticated and user.role in SCOPED_ROLES and user.organization_id)


class Editor(permissions.BasePermission):
    def has_permission(self, request, view) -> bool:
        return bool(request.user and request.user.is_authenticated and request.user.can_edit_registry)


def _service_errors(error: ValidationError) -> serializers.ValidationError:
    if hasattr(error, "error_dict"):
        return serializers.ValidationError(error.message_dict)
    return serializers.ValidationError({"non_field_errors": error.messages})


ORGANIZATION_FILTERS = [
    OpenApiParameter("kind", str, description="Only organizations of this kind."),
    OpenApiParameter("under", int, description="Only this organization and those under it."),
    OpenApiParameter("active", bool, description="Only organizations that have not ended."),
]


@extend_schema_view(list=extend_schema(parameters=ORGANIZATION_FILTERS))
class OrganizationViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Organizations of the caller's part of the tree, in tree order."""

    serializer_class = s.OrganizationSerializer
    permission_classes = [TreeUser]
    queryset = Organization.objects.none()

    def get_queryset(self):
        qs = organization_list(user=self.request.user)
        params = self.request.query_params
        if params.get("kind"):
            qs = qs.filter(kind=params["kind"])
        if params.get("active") in ("true", "1"):
            qs = qs.filter(ended_on__isnull=True)
        under = params.get("under")
        if under:
            if as_id(under) is None:
                raise serializers.ValidationError({"under": ["Enter a whole number."]})
            top = organization_list(user=self.request.user).filter(pk=as_id(under)).first()
            qs = qs.filter(path__startswith=top.path) if top else qs.none()
        return qs

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if self.action == "list":
            context["parents"] = dict(organization_list(user=self.request.user).values_list("path", "pk"))
        return context

    @extend_schema(request=s.OrganizationFoundSerializer, responses={201: s.OrganizationSerializer})
    def create(self, request):
        """Found an organization under a parent in the caller's part of the tree."""
        if not request.user.can_edit_registry:
            raise PermissionDenied
        parents = organization_list(user=request.user, include_ended=False)
        form = s.OrganizationFoundSerializer(data=request.data, parents=parents)
        form.is_valid(raise_exception=True)
        data = dict(form.validated_data)
        parent = data.pop("parent")
        ensure_can_edit_organization(request.user, parent)
        try:
            org = organization_services.organization_found(parent=parent, by=request.user, **data)
        except ValidationError as error:
            raise _service_errors(error) from error
        return Response(s.OrganizationSerializer(org).data, status=status.HTTP_201_CREATED)


MEMBER_FILTERS = [
    OpenApiParameter("q", str, description="Name, card number or national ID (accents optional)."),
    OpenApiParameter("organization", int, description="Only members of this organization and those under it."),
    OpenApiParameter(
        "status",
        str,
        enum=["active", "all", "probationary", "full", "transferred_away", "left", "deceased"],
        description="Current members by default.",
    ),
    OpenApiParameter("sex", str, enum=["male", "female"]),
    OpenApiParameter("probationary", bool),
    OpenApiParameter("due_full", bool, description="Probation ends within 30 days."),
    OpenApiParameter("due_badge", bool, description="A badge falls due within 180 days."),
]


@extend_schema_view(
    list=extend_schema(parameters=MEMBER_FILTERS, responses=s.MemberListSerializer(many=True)),
    retrieve=extend_schema(responses=s.MemberSerializer),
    partial_update=extend_schema(request=s.MemberSerializer, responses=s.MemberSerializer),
)
class MemberViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    """Party members. Lists take the filters of the member list screen."""

    serializer_class = s.MemberSerializer
    queryset = Member.objects.none()
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]

    def get_permissions(self):
        if self.action in ("list", "create"):
            return [TreeUser()]
        return [permissions.IsAuthenticated()]

    def get_queryset(self):
        return member_list(user=self.request.user, filters=self._filters())

    def _filters(self) -> MemberFilters:
        user = self.request.user
        if not user.is_scoped:
            return MemberFilters(status="all")
        visible = organization_list(user=user)
        form = MemberFilterForm(
            self.request.query_params or None,
            organizations=visible,
            top_organizations=visible.filter(depth__lte=user.organization.depth + 1),
            show_sensitive_filters=user.can_view_sensitive,
        )
        if not form.is_bound:
            return MemberFilters()
        if not form.is_valid():
            raise serializers.ValidationError(form.errors)
        d = form.cleaned_data
        return MemberFilters(
            q=d["q"],
            organization=d["organization"],
            status=d["status"] or "active",
            sex=d["sex"],
            ethnic_minority=d.get("ethnic_minority"),
            probationary=d["probationary"],
            due_full=d["due_full"],
            due_badge=d["due_badge"],
        )

    def get_serializer_class(self):
        return s.MemberListSerializer if self.action == "list" else s.MemberSerializer

    def get_object(self) -> Member:
        try:
            member = member_get(user=self.request.user, pk=int(self.kwargs["pk"]))
        except (Member.DoesNotExist, ValueError) as missing:
            raise Http404 from missing
        return member

    def _show_sensitive(self, member: Member) -> bool:
        user = self.request.user
        return user.can_view_sensitive or user.member_id == member.pk

    def _ensure_can_edit(self, member: Member) -> None:
        organization = member.organization or member.last_organization
        if organization is None:
            raise PermissionDenied
        ensure_can_edit_organization(self.request.user, organization)

    def retrieve(self, request, pk=None):
        member = self.get_object()
        show = self._show_sensitive(member)
        if show and request.user.member_id != member.pk:
            SensitiveDataAccess.objects.create(user=request.user, member=member, purpose="api_member_detail")
        return Response(s.MemberSerializer(member, show_sensitive=show).data)

    @extend_schema(request=s.MemberCreateSerializer, responses={201: s.MemberSerializer})
    def create(self, request):
        """Add a member with the admission (or the transfer in) that brings them into the registry."""
        if not request.user.can_edit_registry:
            raise PermissionDenied
        form = s.MemberCreateSerializer(data=request.data, cells=member_holding_choices(user=request.user))
        form.is_valid(raise_exception=True)
        personal, first_event = form.split()
        try:
            member = member_services.member_create(by=request.user, data=personal, first_event=first_event)
        except ValidationError as error:
            raise _service_errors(error) from error
        return Response(s.MemberSerializer(member).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request, pk=None):
        """Correct the personal record; status, cell and dates follow from the events."""
        member = self.get_object()
        if not request.user.can_edit_registry:
            raise PermissionDenied
        self._ensure_can_edit(member)
        form = s.MemberSerializer(member, data=request.data, partial=True)
        form.is_valid(raise_exception=True)
        data = dict(form.validated_data)
        for name in ("card_number", "cv_number", "national_id"):
            if data.get(name) == "":
                data[name] = None
        try:
            member_services.member_update(member=member, by=request.user, data=data)
        except ValidationError as error:
            raise _service_errors(error) from error
        return Response(s.MemberSerializer(member).data)

    def destroy(self, request, pk=None):
        """Soft-delete a record entered by mistake; it can be restored on the screens."""
        member = self.get_object()
        if not request.user.can_edit_registry:
            raise PermissionDenied
        self._ensure_can_edit(member)
        member_services.member_delete(member=member, by=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(methods=["GET"], responses=s.MemberEventSerializer(many=True))
    @extend_schema(methods=["POST"], request=s.MemberEventSerializer, responses={201: s.MemberEventSerializer})
    @action(detail=True, methods=["get", "post"], serializer_class=s.MemberEventSerializer, pagination_class=None)
    def events(self, request, pk=None):
        """The member's events in order; POST records one (the whole history is replayed and checked)."""
        member = self.get_object()
        if request.method == "GET":
            return Response(s.MemberEventSerializer(member_events(member=member), many=True).data)
        if not request.user.can_edit_registry:
            raise PermissionDenied
        self._ensure_can_edit(member)
        form = s.MemberEventSerializer(data=request.data, cells=member_holding_choices(user=request.user))
        form.is_valid(raise_exception=True)
        try:
            event = member_services.member_event_record(
                member=member, kind=form.validated_data["kind"], by=request.user, **form.event_fields()
            )
        except ValidationError as error:
            raise _service_errors(error) from error
        return Response(s.MemberEventSerializer(event).data, status=status.HTTP_201_CREATED)

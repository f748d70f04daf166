"""The REST API: organizations, members and their events, with the same scoping as the screens.

Reads go through the selectors (`organizations.selectors`, `members.selectors`), so a caller sees
exactly what the screens show them: invisible records are 404, a member account reads only its
own record. Writes go through the services, whose refusals come back as 400 with the field named.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import render
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, permissions, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from dangvu.accounts.decorators import tree_user_required
from dangvu.accounts.models import Purpose
from dangvu.accounts.policy import ensure_may_edit, keeps_registry, works_on_tree
from dangvu.accounts.services import is_own_record, sensitive_access_log, shows_sensitive
from dangvu.api import serializers as s
from dangvu.api.docs import api_reference
from dangvu.lib.bounds import as_id
from dangvu.members import services as member_services
from dangvu.members.forms import MemberFilterForm
from dangvu.members.models import Member
from dangvu.members.selectors import MemberFilters, member_events, member_get, member_list
from dangvu.organizations import services as organization_services
from dangvu.organizations.models import Organization
from dangvu.organizations.selectors import member_holding_choices, organization_list


class TreeUser(permissions.BasePermission):
    """Committee and inspection staff, secretaries: people who work on a subtree."""

    def has_permission(self, request, view) -> bool:
        return works_on_tree(request.user)


class Editor(permissions.BasePermission):
    """Roles that change registry records; which records is asked per object (`ensure_may_edit`)."""

    def has_permission(self, request, view) -> bool:
        return keeps_registry(request.user)


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
        if not keeps_registry(request.user):
            raise PermissionDenied
        parents = organization_list(user=request.user, include_ended=False)
        form = s.OrganizationFoundSerializer(data=request.data, parents=parents)
        form.is_valid(raise_exception=True)
        data = dict(form.validated_data)
        parent = data.pop("parent")
        ensure_may_edit(request.user, parent)
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
        if not works_on_tree(user):
            return MemberFilters(status="all")
        form = MemberFilterForm(self.request.query_params or None, user=user)
        if form.is_bound and not form.is_valid():
            raise serializers.ValidationError(form.errors)
        return form.filters()

    def list(self, request, *args, **kwargs):
        response = super().list(request, *args, **kwargs)
        if request.query_params.get("ethnic_minority"):
            data = response.data
            member_services.log_list_filter(
                user=request.user,
                filters=self._filters(),
                count=data["count"] if isinstance(data, dict) else len(data),
                scope=request.query_params.urlencode(),
            )
        return response

    def get_serializer_class(self):
        return s.MemberListSerializer if self.action == "list" else s.MemberSerializer

    def get_object(self) -> Member:
        try:
            member = member_get(user=self.request.user, pk=int(self.kwargs["pk"]))
        except (Member.DoesNotExist, ValueError) as missing:
            raise Http404 from missing
        return member

    def _show_sensitive(self, member: Member | None) -> bool:
        return shows_sensitive(self.request.user, member)

    def _log(self, member: Member, purpose: str, fields) -> None:
        fields = [name for name in fields if name in s.SENSITIVE_FIELDS]
        if fields and not is_own_record(self.request.user, member):
            sensitive_access_log(user=self.request.user, purpose=purpose, member=member, fields=fields)

    def retrieve(self, request, pk=None):
        member = self.get_object()
        show = self._show_sensitive(member)
        if show:
            self._log(member, Purpose.API_READ, s.SENSITIVE_FIELDS)
        return Response(s.MemberSerializer(member, show_sensitive=show).data)

    @extend_schema(request=s.MemberCreateSerializer, responses={201: s.MemberSerializer})
    def create(self, request):
        """Add a member with the admission (or the transfer in) that brings them into the registry."""
        if not keeps_registry(request.user):
            raise PermissionDenied
        show = self._show_sensitive(None)
        form = s.MemberCreateSerializer(
            data=request.data, cells=member_holding_choices(user=request.user), show_sensitive=show
        )
        form.is_valid(raise_exception=True)
        personal, first_event = form.split()
        try:
            member = member_services.member_create(by=request.user, data=personal, first_event=first_event)
        except ValidationError as error:
            raise _service_errors(error) from error
        if show:
            self._log(member, Purpose.API_WRITE, s.SENSITIVE_FIELDS)
        return Response(s.MemberSerializer(member, show_sensitive=show).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request, pk=None):
        """Correct the personal record; status, cell and dates follow from the events."""
        member = self.get_object()
        ensure_may_edit(request.user, member)
        show = self._show_sensitive(member)
        form = s.MemberSerializer(member, data=request.data, partial=True, show_sensitive=show)
        form.is_valid(raise_exception=True)
        data = dict(form.validated_data)
        for name in ("card_number", "cv_number", "national_id"):
            if data.get(name) == "":
                data[name] = None
        try:
            member_services.member_update(member=member, by=request.user, data=data)
        except ValidationError as error:
            raise _service_errors(error) from error
        if show:
            # The answer carries the sensitive fields back, whichever were written.
            self._log(member, Purpose.API_WRITE, s.SENSITIVE_FIELDS)
        return Response(s.MemberSerializer(member, show_sensitive=show).data)

    def destroy(self, request, pk=None):
        """Soft-delete a record entered by mistake; it can be restored on the screens."""
        member = self.get_object()
        ensure_may_edit(request.user, member)
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
        ensure_may_edit(request.user, member)
        form = s.MemberEventSerializer(data=request.data, cells=member_holding_choices(user=request.user))
        form.is_valid(raise_exception=True)
        try:
            event = member_services.member_event_record(
                member=member, kind=form.validated_data["kind"], by=request.user, **form.event_fields()
            )
        except ValidationError as error:
            raise _service_errors(error) from error
        return Response(s.MemberEventSerializer(event).data, status=status.HTTP_201_CREATED)


@tree_user_required
def api_docs(request):
    """The API's reference as a page to read (behind a login), instead of a YAML file to download."""
    info, operations, shapes = api_reference()
    return render(request, "api/docs.html", {"info": info, "operations": operations, "shapes": shapes})

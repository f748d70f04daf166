from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from dangvu.members.models import Member, MemberEvent


@admin.register(Member)
class MemberAdmin(SimpleHistoryAdmin):
    """Superuser maintenance only; staff work through the scoped screens."""

    list_display = ("full_name", "status", "organization", "card_number")
    search_fields = ("search_text",)
    list_select_related = ("organization",)
    readonly_fields = ("status", "organization", "last_organization", "admitted_on")

    def has_module_permission(self, request):
        return request.user.is_superuser


@admin.register(MemberEvent)
class MemberEventAdmin(SimpleHistoryAdmin):
    list_display = ("member", "kind", "on", "organization")
    list_select_related = ("member", "organization")
    raw_id_fields = ("member", "organization", "counterpart")

    def has_module_permission(self, request):
        return request.user.is_superuser

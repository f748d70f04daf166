from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from dangvu.organizations.models import Organization


@admin.register(Organization)
class OrganizationAdmin(SimpleHistoryAdmin):
    """Superuser maintenance only; changes to the tree go through the organization screens."""

    list_display = ("code", "name", "kind", "ended_on")
    search_fields = ("code", "name")
    readonly_fields = ("path", "depth", "numchild")

    def has_module_permission(self, request):
        return request.user.is_superuser

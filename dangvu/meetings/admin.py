from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from dangvu.meetings.models import ScoringCriterion, ScoringSheet


class CriterionInline(admin.TabularInline):
    model = ScoringCriterion
    extra = 1


@admin.register(ScoringSheet)
class ScoringSheetAdmin(SimpleHistoryAdmin):
    """Each province's scoring sheet for the monthly meeting self-rating is data, kept here by the superuser."""

    list_display = ("name", "province", "valid_from", "valid_to")
    inlines = [CriterionInline]

    def has_module_permission(self, request):
        return request.user.is_superuser

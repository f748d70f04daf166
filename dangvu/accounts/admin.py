from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from dangvu.accounts.models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    fieldsets = BaseUserAdmin.fieldsets + ((_("Access"), {"fields": ("role", "organization", "member")}),)
    list_display = ("username", "get_full_name", "role", "organization", "is_active")
    raw_id_fields = ("organization", "member")

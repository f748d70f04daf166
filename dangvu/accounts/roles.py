"""The roles of an account. Defined once, here (no models: the menu reads them while apps load);
what each role may do is `accounts.policy`'s."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    COMMITTEE_STAFF = "committee_staff", _("Committee staff")
    INSPECTION_STAFF = "inspection_staff", _("Inspection staff")
    SECRETARY = "secretary", _("Base organization secretary")
    MEMBER = "member", _("Party member")
    # A member who keeps the records of one cell on the member portal (meetings, attendance, the rating sheet,
    # activation codes): `User.organization` is the cell. Not a tree role: the office screens answer as to a member.
    CELL_SECRETARY = "cell_secretary", _("Cell secretary")


# Roles that work on a subtree of organizations; a member account sees only its own record.
SCOPED_ROLES = (Role.COMMITTEE_STAFF, Role.INSPECTION_STAFF, Role.SECRETARY)
# Roles of the member portal: accounts tied to one member record.
PORTAL_ROLES = (Role.MEMBER, Role.CELL_SECRETARY)
# Roles allowed to change registry records in their subtree.
EDITOR_ROLES = (Role.COMMITTEE_STAFF, Role.SECRETARY)

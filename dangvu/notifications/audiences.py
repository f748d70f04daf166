"""Who receives: an audience of a rule and a chunk of occurrences, resolved to active accounts in a constant
number of queries per chunk (the keepers of committees, few and shared by thousands of occurrences, are cached
for the whole run)."""

from collections import defaultdict

from django.contrib.auth import get_user_model

from dangvu.accounts.roles import EDITOR_ROLES, PORTAL_ROLES, Role
from dangvu.members.models import ACTIVE_STATUSES
from dangvu.notifications.triggers import Audience, Occurrence

STEP = 4  # the organizations' materialised-path step (django-treebeard's default)


class Recipient(tuple):
    """(user id, e-mail)."""

    __slots__ = ()

    @property
    def id(self) -> int:
        return self[0]

    @property
    def email(self) -> str:
        return self[1]


def _recipients(rows) -> list[Recipient]:
    return [Recipient((pk, email or "")) for pk, email in rows]


class Resolver:
    """Resolves audiences for one run; caches organization paths and committee keepers."""

    def __init__(self):
        self.User = get_user_model()
        self.paths: dict[int, str] = {}
        self.keepers: dict[str, list[Recipient]] = {}  # organization path -> its staff/secretaries

    def _active(self):
        return self.User.objects.filter(is_active=True)

    def load_paths(self, organization_ids) -> None:
        from dangvu.organizations.models import Organization

        missing = {pk for pk in organization_ids if pk is not None and pk not in self.paths}
        if missing:
            self.paths.update(Organization.objects.filter(pk__in=missing).values_list("pk", "path"))

    def _load_keepers(self, paths) -> None:
        missing = {p for p in paths if p not in self.keepers}
        if not missing:
            return
        found = defaultdict(list)
        rows = self._active().filter(role__in=EDITOR_ROLES, organization__path__in=missing)
        for pk, email, path in rows.values_list("pk", "email", "organization__path").order_by("pk"):
            found[path].append(Recipient((pk, email or "")))
        for path in missing:
            self.keepers[path] = found.get(path, [])

    @staticmethod
    def ancestors(path: str) -> list[str]:
        """The path itself, then each ancestor up to the root."""
        return [path[:end] for end in range(len(path), 0, -STEP)]

    def _committees(self, path: str) -> list[str]:
        """The paths at or above `path` that have keepers, nearest first."""
        return [p for p in self.ancestors(path) if self.keepers.get(p)]

    def resolve(self, audience: str, occurrences: list[Occurrence]) -> dict[str, list[Recipient]]:
        """occurrence key -> its recipients."""
        result: dict[str, list[Recipient]] = {}
        if audience == Audience.MEMBER:
            member_ids = {o.member_id for o in occurrences if o.member_id}
            by_member = defaultdict(list)
            rows = self._active().filter(role__in=PORTAL_ROLES, member_id__in=member_ids)
            for pk, email, member_id in rows.values_list("pk", "email", "member_id"):
                by_member[member_id].append(Recipient((pk, email or "")))
            for o in occurrences:
                result[o.key] = by_member.get(o.member_id, [])
        elif audience in (Audience.CELL_MEMBERS, Audience.CELL_SECRETARY):
            org_ids = {o.organization_id for o in occurrences if o.organization_id}
            by_org = defaultdict(list)
            if audience == Audience.CELL_MEMBERS:
                rows = self._active().filter(
                    role__in=PORTAL_ROLES, member__organization_id__in=org_ids, member__status__in=ACTIVE_STATUSES
                )
                rows = rows.values_list("pk", "email", "member__organization_id")
            else:
                rows = self._active().filter(role=Role.CELL_SECRETARY, organization_id__in=org_ids)
                rows = rows.values_list("pk", "email", "organization_id")
            for pk, email, org_id in rows.order_by("pk"):
                by_org[org_id].append(Recipient((pk, email or "")))
            for o in occurrences:
                result[o.key] = by_org.get(o.organization_id, [])
        elif audience in (Audience.COMMITTEE, Audience.HIGHER_COMMITTEE):
            self.load_paths({o.organization_id for o in occurrences})
            all_paths = {
                p
                for o in occurrences
                if o.organization_id in self.paths
                for p in self.ancestors(self.paths[o.organization_id])
            }
            self._load_keepers(all_paths)
            level = 0 if audience == Audience.COMMITTEE else 1
            for o in occurrences:
                path = self.paths.get(o.organization_id)
                committees = self._committees(path) if path else []
                result[o.key] = self.keepers[committees[level]] if len(committees) > level else []
        elif audience == Audience.NAMED:
            ids = {pk for o in occurrences for pk in o.extra_recipient_ids}
            emails = dict(self._active().filter(pk__in=ids).values_list("pk", "email"))
            for o in occurrences:
                result[o.key] = [Recipient((pk, emails[pk] or "")) for pk in o.extra_recipient_ids if pk in emails]
        else:
            for o in occurrences:
                result[o.key] = []
        return result

    def in_subtree(self, occurrence: Occurrence, root_path: str) -> bool:
        path = self.paths.get(occurrence.organization_id)
        return path is not None and path.startswith(root_path)

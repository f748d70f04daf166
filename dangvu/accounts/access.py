"""Access follows the tree; changes follow ownership. The policy lives in `accounts.policy`; this module
re-exports it under the names the apps import."""

from dangvu.accounts.policy import (  # noqa: F401
    OWNER_RULES,
    Owner,
    ensure_may_edit,
    in_scope,
    is_committee_staff,
    is_member_account,
    keeps_registry,
    limit_to_scope,
    may_edit,
    may_see_sensitive,
    may_view,
    organization_filter,
    owner_of,
    scope_root_path,
    works_on_tree,
)

# Former names, kept so code written against them keeps working: ask `in_scope` and `ensure_may_edit`.
can_see_organization = in_scope


def ensure_can_edit_organization(user, organization) -> None:
    ensure_may_edit(user, organization)

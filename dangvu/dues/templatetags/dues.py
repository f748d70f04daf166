"""The member's dues block on the portal's "my party life" page."""

from django import template

from dangvu.dues.forms import this_month
from dangvu.dues.portal_cards import own_year

register = template.Library()


@register.inclusion_tag("dues/portal/_life_block.html")
def my_dues_block(member):
    """This year's dues of the member: due, paid, the months still owed (a few queries)."""
    year = this_month().year
    return {"member": member, "year": year, "summary": own_year(member, year)}

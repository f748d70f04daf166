"""Pagination that counts only when it has to."""

from collections.abc import Callable
from functools import cached_property

from django.core.cache import cache
from django.core.paginator import Page, Paginator

COUNT_CACHE_SECONDS = 3600


class ProbingPaginator(Paginator):
    """A Paginator that reads the first page before counting, and may remember counts.

    When the first page holds every row (a search for a card number, a small cell), its length is the count
    and the COUNT query, a scan of every candidate row, is not run; the rows it read are reused for page 1.
    Otherwise it counts as Paginator does, and with `count_key` (a function giving a cache key, called only
    when a count is needed) keeps the count in the cache under that key, so that paging through a long
    result, or coming back to it, does not count it again. The key must change whenever the count may: see
    members.selectors.member_list_count_key.
    """

    def __init__(self, object_list, per_page, *, count_key: Callable[[], str] | None = None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.count_key = count_key

    @cached_property
    def _first_rows(self) -> list:
        return list(self.object_list[: self.per_page + 1])

    @cached_property
    def count(self) -> int:
        if len(self._first_rows) <= self.per_page:
            return len(self._first_rows)
        if self.count_key is None:
            return super().count
        key = self.count_key()
        counted = cache.get(key)
        if counted is None:
            counted = super().count
            cache.set(key, counted, COUNT_CACHE_SECONDS)
        return counted

    def page(self, number) -> Page:
        number = self.validate_number(number)
        if number == 1:
            return self._get_page(self._first_rows[: self.per_page], number, self)
        return super().page(number)

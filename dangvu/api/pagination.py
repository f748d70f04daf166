from django.conf import settings
from rest_framework.pagination import PageNumberPagination


class Pagination(PageNumberPagination):
    """Pages of settings.PAGE_SIZE like the screens; a client may ask for up to 500 rows a page."""

    page_size = settings.PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = 500

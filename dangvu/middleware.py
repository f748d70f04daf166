"""Answers to a signed-in user are never stored by the browser or a proxy.

Nearly every page, export and API answer of a signed-in user carries personal data (names, dates of
birth, national ids, party records). Marking each view would leave the next one forgotten; one
middleware marks every answer of a signed-in user (session or API token) `no-store`, so neither
the browser's back-forward cache on a shared office computer nor a caching proxy keeps a copy.
Static files never reach it: WhiteNoise answers them earlier in the chain, with their own long cache.
"""

from django.utils.cache import add_never_cache_headers


class NoStoreForSignedInMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # Read after the view: DRF sets request.user when a token authenticates the call.
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
        return response

"""Answers to a signed-in user are never stored by the browser or a proxy.

Nearly every page, export and API answer of a signed-in user carries personal data (names, dates of
birth, national ids, party records). Marking each view would leave the next one forgotten; one
middleware marks every answer of a signed-in user (session or API token) `no-store`, so neither
the browser's back-forward cache on a shared office computer nor a caching proxy keeps a copy.
Static files never reach it: WhiteNoise answers them earlier in the chain, with their own long cache.
"""

import time

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


class IdleSessionMiddleware:
    """Slide a signed-in session's expiry forward, writing it at most once a minute.

    `SESSION_COOKIE_AGE` is the idle timeout. Django's `SESSION_SAVE_EVERY_REQUEST` would write the session
    row on every request: one more write per page, which on SQLite takes the database's only write lock.
    Touching a timestamp that is a minute old marks the session modified, so Django saves it with a new
    expiry; between two touches the idle timeout is off by at most a minute.
    """

    KEY = "_last_seen"
    GRANULARITY_SECONDS = 60

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        if session is not None and session.get("_auth_user_id"):
            now = int(time.time())
            if now - session.get(self.KEY, 0) >= self.GRANULARITY_SECONDS:
                session[self.KEY] = now
        return self.get_response(request)


def mark_session_seen(sender, request, user, **kwargs):
    """At login the session is written anyway: start its idle clock then (no extra write on the next page)."""
    if request is not None and hasattr(request, "session"):
        request.session[IdleSessionMiddleware.KEY] = int(time.time())

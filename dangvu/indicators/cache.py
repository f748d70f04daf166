"""Indicator figures remembered between requests until the records they count change.

The dashboard's charts and a term's targets compute the figures of eight years for a province: some forty
grouped queries over hundreds of thousands of rows, seconds on every visit. A change made through the services
leaves a new row in the model's history (or, for a model without history, a new row), so the largest key of
each model the figures count is their version; CACHE_SECONDS bounds what an edit outside the services (a bulk
import, a row changed in place) could leave unseen.
"""

import datetime as dt
import hashlib

from django.apps import apps
from django.core.cache import cache
from django.db.models import Max

from dangvu.indicators.registry import compute

# The records the figures count (members, the tree, ratings, meetings, inspections).
VERSIONED = [
    ("members", "Member"),
    ("members", "MemberEvent"),
    ("members", "MembershipSpell"),
    ("organizations", "Organization"),
    ("organizations", "OrganizationEvent"),
    ("ratings", "MemberRating"),
    ("ratings", "OrganizationRating"),
    ("meetings", "Meeting"),
    ("meetings", "Attendance"),
    ("inspections", "Inspection"),
]
CACHE_SECONDS = 600


def data_version() -> tuple:
    """One figure per model of VERSIONED, each read from the end of a primary-key index."""
    version = []
    for app_label, name in VERSIONED:
        model = apps.get_model(app_label, name)
        manager = getattr(model, "history", None) or model.objects
        version.append(manager.aggregate(v=Max("pk"))["v"])
    return tuple(version)


def remembered_compute(*, organization, start: dt.date, end: dt.date, codes: list[str], version: tuple) -> dict:
    """`compute`, remembered until the data it counts change (at most CACHE_SECONDS): see the module's docstring."""
    parts = (organization.pk if organization else None, start, end, tuple(codes), version)
    key = "indicator-figures:" + hashlib.sha256(repr(parts).encode()).hexdigest()
    values = cache.get(key)
    if values is None:
        values = compute(organization=organization, start=start, end=end, codes=codes)
        cache.set(key, values, CACHE_SECONDS)
    return values

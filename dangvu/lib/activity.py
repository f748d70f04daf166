"""Moved to `dangvu.members.activity`. Kept only while `inspections/indicators.py` imports it from here."""

from dangvu.members.activity import count_active_members  # noqa: F401

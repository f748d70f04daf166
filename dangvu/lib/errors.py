"""The error services raise for refused input: a Vietnamese message naming the field."""

from django.core.exceptions import ValidationError


def refuse(field: str, message: str) -> ValidationError:
    """A ValidationError bound to `field`, so forms show it beside the input and imports name the column."""
    return ValidationError({field: [message]})

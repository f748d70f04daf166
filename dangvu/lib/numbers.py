"""Numbers in the party's house style: 7.261; 79,61; 07 for counts below ten in report prose."""

import re
from decimal import ROUND_HALF_UP, Decimal


def format_int(value: int) -> str:
    """7261 -> "7.261"."""
    sign = "-" if value < 0 else ""
    return sign + f"{abs(int(value)):,}".replace(",", ".")


def format_count(value: int) -> str:
    """A count in report prose: below ten with a leading zero ("07"), else grouped ("1.905")."""
    if 0 <= value < 10:
        return f"{value:02d}"
    return format_int(value)


def round_half_up(value: float | Decimal, places: int = 2) -> Decimal:
    """Round the way reports do (79.605 -> 79.61), not banker's rounding."""
    quantum = Decimal(1).scaleb(-places)
    return Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)


def format_decimal(value: float | Decimal, places: int = 2) -> str:
    """79.61 -> "79,61"; 1234.5 -> "1.234,50"."""
    rounded = round_half_up(value, places)
    whole, _, fraction = f"{abs(rounded):.{places}f}".partition(".")
    sign = "-" if rounded < 0 else ""
    text = sign + format_int(int(whole))
    return f"{text},{fraction}" if places else text


def format_percent(value: float | Decimal, places: int = 2) -> str:
    """79.61 -> "79,61%"."""
    return format_decimal(value, places) + "%"


_COUNT_FIELD = re.compile(r"%\((\w+)\)d")


def house_format(template: str, values: dict) -> str:
    """`template % values` in the house style: each `%(name)d` figure grouped (8.180, not 8180).

    Years are never grouped: a template names them `%(year)s` and passes them as they are."""
    template = str(template)
    counts = set(_COUNT_FIELD.findall(template))
    grouped = {key: format_int(value) if key in counts else value for key, value in values.items()}
    return _COUNT_FIELD.sub(r"%(\1)s", template) % grouped

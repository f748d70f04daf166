"""Numbers in the party's house style: 7.261; 79,61; 07 for counts below ten in report prose."""

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

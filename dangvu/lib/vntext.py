"""Vietnamese text: accent folding for search and the Vietnamese order of names."""

import unicodedata
from functools import lru_cache

import icu


def fold(text: str) -> str:
    """Lower-case, strip tone and vowel marks, map đ to d: "Nguyễn Đức" -> "nguyen duc"."""
    text = (text or "").replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return " ".join(stripped.lower().split())


def normalize_name(text: str) -> str:
    """NFC form with single spaces and each word capitalised: "nguyễn  văn an" -> "Nguyễn Văn An"."""
    words = unicodedata.normalize("NFC", text or "").split()
    return " ".join(w[:1].upper() + w[1:].lower() for w in words)


def split_name(full_name: str) -> tuple[str, str, str]:
    """(family, middle, given) of a Vietnamese name; the given name is the last word."""
    words = normalize_name(full_name).split()
    if not words:
        return "", "", ""
    if len(words) == 1:
        return "", "", words[0]
    return words[0], " ".join(words[1:-1]), words[-1]


@lru_cache(maxsize=1)
def _collator() -> icu.Collator:
    return icu.Collator.createInstance(icu.Locale("vi_VN"))


def name_sort_key(full_name: str) -> bytes:
    """Bytes that order people the Vietnamese way: given name, then middle, then family name.

    Each part gets its own ICU sort key (Vietnamese letter order a ă â b c d đ e ê ...,
    tones after letters). ICU keys end with a 0x00 that never occurs inside a key, so
    comparing the joined bytes compares the parts one after another.
    """
    family, middle, given = split_name(full_name)
    collator = _collator()
    return b"".join(collator.getSortKey(part) for part in (given, middle, family))


def text_sort_key(text: str) -> bytes:
    """Bytes that order any text in Vietnamese letter order (a ă â b c d đ ...), e.g. labels in a menu."""
    return _collator().getSortKey(text)

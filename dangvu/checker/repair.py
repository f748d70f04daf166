"""Repair of text extracted from PDFs set in legacy Vietnamese fonts.

Only substitutions that are certain are made: the characters replaced never occur in Vietnamese
text, so each has exactly one reading. Headings whose accented capitals were dropped by the font
("K T QUẢ C NG TÁC") cannot be restored with certainty, so they are flagged and left as they are.
"""

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

# character -> replacement. Every key is a character that Vietnamese does not use.
CERTAIN_SUBSTITUTIONS: dict[str, str] = {
    "ƣ": "ư",  # U+01A3 LATIN SMALL LETTER OI, what legacy fonts map their ư glyph to
    "Ƣ": "Ư",  # U+01A2 LATIN CAPITAL LETTER OI
    "Ð": "Đ",  # U+00D0 ETH (Icelandic), drawn like Đ; Vietnamese uses U+0110
    "ð": "đ",  # U+00F0 small eth
    "\u00ad": "",  # soft hyphen
    "\u200b": "",  # zero-width space
    "\ufeff": "",  # byte-order mark inside text
    "\u00a0": " ",  # no-break space
    "ﬁ": "fi",
    "ﬂ": "fl",
}

# A Vietnamese syllable always has a vowel; these are the consonant clusters that start or end one.
# An upper-case line holding two or more of them on their own lost the vowels between.
_CONSONANT_FRAGMENTS = {
    *"BCDĐGHKLMNPQRSTVX",
    "CH",
    "GH",
    "KH",
    "NG",
    "NGH",
    "NH",
    "PH",
    "TH",
    "TR",
}
_ROMAN = re.compile(r"^[IVXLC]+\.?$")
_UNMAPPED = re.compile("[\ufffd\ue000-\uf8ff]")


@dataclass(frozen=True)
class Flag:
    line: int  # 1-based line number in the repaired text
    text: str
    reason: str  # "dropped_letters" or "unmapped_character"


@dataclass
class Repaired:
    text: str
    substitutions: Counter = field(default_factory=Counter)  # "ƣ→ư" -> count
    flags: list[Flag] = field(default_factory=list)


def repair_fragment(text: str) -> str:
    """The certain substitutions and NFC composition, for a piece of text (a DOCX run, a PDF word)."""
    for bad, good in CERTAIN_SUBSTITUTIONS.items():
        if bad in text:
            text = text.replace(bad, good)
    return unicodedata.normalize("NFC", text)


def repair_text(text: str) -> Repaired:
    """Repair `text` and flag the lines that need a person."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    counts: Counter = Counter()
    for bad, good in CERTAIN_SUBSTITUTIONS.items():
        n = text.count(bad)
        if n:
            counts[f"{bad}→{good}"] += n
            text = text.replace(bad, good)
    composed = unicodedata.normalize("NFC", text)
    if composed != text:
        counts["NFC"] += 1
        text = composed
    flags = [flag for number, line in enumerate(text.split("\n"), start=1) for flag in line_flags(number, line)]
    return Repaired(text=text, substitutions=counts, flags=flags)


def line_flags(number: int, line: str) -> list[Flag]:
    flags = []
    if has_dropped_letters(line):
        flags.append(Flag(number, line.strip(), "dropped_letters"))
    if _UNMAPPED.search(line):
        flags.append(Flag(number, line.strip(), "unmapped_character"))
    return flags


def has_dropped_letters(line: str) -> bool:
    """True for an upper-case line like "I  K T QUẢ C NG TÁC" or "PH  B  TH"."""
    letters = [c for c in line if c.isalpha()]
    if len(letters) < 4 or sum(c.isupper() for c in letters) < 0.8 * len(letters):
        return False
    words = [w.strip(",.:;!?()\"“”'*") for w in line.split()]
    words = [w for w in words if w]
    if words and _ROMAN.match(words[0]):
        words = words[1:]
    fragments = [w for w in words if w.isalpha() and w.upper() in _CONSONANT_FRAGMENTS]
    return len(fragments) >= 2

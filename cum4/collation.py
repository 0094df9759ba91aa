"""Vietnamese alphabetical order, the one order of units on every page and export.

The database's collation is not Vietnamese (PostgreSQL's default puts "Điện Biên" after
"Yên Bái", SQLite compares code points), so units are ordered in Python with
`vietnamese_key`: letters first, in the Vietnamese alphabet (a ă â b c d đ e ê g h i k l m n
o ô ơ p q r s t u ư v x y), then the tone marks in dictionary order (level, huyền, hỏi, ngã,
sắc, nặng), then the text itself so the order is total.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from cum4.models import Unit

T = TypeVar("T")

_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_RANK = {letter: index for index, letter in enumerate(_ALPHABET)}
# Marks that make another letter (ă â ê ô ơ ư) and the tone marks with their rank.
_LETTER_MARKS = {"\u0306": "\u0306", "\u0302": "\u0302", "\u031b": "\u031b"}
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


def _letters(text: str) -> list[tuple[str, int]]:
    """Each base character of `text` (lower case, with its letter marks) and its tone."""
    result: list[tuple[str, int]] = []
    for char in unicodedata.normalize("NFD", text.lower()):
        if char in _LETTER_MARKS and result:
            base, tone = result[-1]
            result[-1] = (unicodedata.normalize("NFC", base + char), tone)
        elif char in _TONES and result:
            base, _tone = result[-1]
            result[-1] = (base, _TONES[char])
        elif not unicodedata.combining(char):
            result.append((char, 0))
    return result


def vietnamese_key(text: str) -> tuple:
    """A sort key putting `text` in Vietnamese dictionary order ("Cao Bằng" < "Điện Biên" <
    "Hà Giang" < "Lai Châu" < "Lạng Sơn" < "Lào Cai")."""
    letters = _letters(text)
    # Characters outside the alphabet (spaces, digits) come before every letter, by code point.
    primary = tuple(
        (1, _RANK[base]) if base in _RANK else (0, ord(base[0])) for base, _tone in letters
    )
    tones = tuple(tone for _base, tone in letters)
    return primary, tones, text


def unit_key(unit: Unit) -> tuple:
    """The order of units everywhere: by province, then by name, then by code."""
    return vietnamese_key(unit.province), vietnamese_key(unit.name), unit.code


def by_unit(items: Iterable[T], unit: Callable[[T], Unit] = lambda item: item) -> list[T]:  # type: ignore[assignment,return-value]
    """`items` in the order of their units (`unit` picks an item's unit; default the item)."""
    return sorted(items, key=lambda item: unit_key(unit(item)))

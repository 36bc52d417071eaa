""" "Did you mean" suggestions for ids and keys."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING

from checker.errors import UsageError
from checker.inputs.textsafe import shown

if TYPE_CHECKING:
    from checker.errors import Message

__all__ = ["check_choice", "check_choices", "did_you_mean", "lookalike_note", "same_case", "suggest"]

_LEADING_ZEROS = re.compile(r"(?<!\d)0+(?=\d)")


def _fold(text: str) -> str:
    """Compare ids ignoring case, width, separators and leading zeros (``psc_oidc_2`` ~ ``PSC-OIDC-02``)."""
    folded = unicodedata.normalize("NFKC", text).casefold().replace("_", "-").replace(" ", "-")
    return _LEADING_ZEROS.sub("", folded)


def suggest(word: str, known: Iterable[str]) -> str | None:
    """The known value closest to ``word``, if any is close enough."""
    folded: dict[str, str] = {}
    for candidate in known:
        folded.setdefault(_fold(candidate), candidate)
    target = _fold(word)
    if target in folded:
        return folded[target]
    cutoff = 0.6 if len(target) <= 4 else 0.75
    match = difflib.get_close_matches(target, list(folded), n=1, cutoff=cutoff)
    return folded[match[0]] if match else None


def lookalike_note(word: str) -> Message | None:
    """Name the first non-ASCII character of an id (a Cyrillic ``С``, a full-width ``１``…), or None."""
    from checker.errors import msg

    for position, char in enumerate(word[:200], start=1):
        if not char.isascii():
            name = unicodedata.name(char, "?")
            return msg("hint.lookalike", position=position, char=char, code=f"U+{ord(char):04X}", name=name)
    return None


def did_you_mean(word: str, known: Iterable[str], *, lookalikes: bool = True) -> Message | None:
    """A hint ``did you mean `X`?`` (saying which look-alike character differs) or None."""
    from checker.errors import msg

    if len(word) > 200:
        return None
    found = suggest(word, known)
    if found is None or found == word:
        return None
    note = lookalike_note(word) if lookalikes else None  # a word (`conformé`) may hold letters beyond ASCII
    return msg("hint.did_you_mean_note", value=found, note=note) if note else msg("hint.did_you_mean", value=found)


def same_case(value: str, allowed: Iterable[str]) -> str:
    """The allowed value ``value`` names in another case (``elu`` → ``ELU``, ``JSON`` → ``json``), else ``value``."""
    known = list(allowed)
    if value in known:
        return value
    same = [k for k in known if k.casefold() == value.casefold()]
    return same[0] if len(same) == 1 else value


def check_choice(option: str, value: str, allowed: Iterable[str]) -> str:
    """Return ``value`` if allowed (in any case: the allowed spelling is returned), else raise a usage error."""
    from checker.errors import msg

    known = list(allowed)
    value = same_case(value, known)
    if value not in known:
        hint = did_you_mean(value, known) or msg("error.choose_one_of", choices=", ".join(known))
        raise UsageError(msg("error.unknown_value", option=option, value=shown(value), hint=hint))
    return value


def check_choices(option: str, values: Iterable[str], allowed: Iterable[str]) -> list[str]:
    """Each of ``values`` if all are allowed (see :func:`check_choice`)."""
    known = list(allowed)
    return [check_choice(option, v, known) for v in values]

"""Labels and messages in French (default) and English: one catalogue, no text hard-coded in templates.

Two conventions of the catalogue, kept here:

- **plurals**: a text with a ``{count}`` parameter may hold two forms, ``"{count} exigence|{count} exigences"``
  (one, other); the form follows the count and the language (French counts 0 and 1 as singular, English only 1);
- **terms**: a parameter may be a *term* (:func:`checker.model.message.term`), a code with its label; people read
  the label, machine formats (JSON, SARIF, JUnit, OSCAL: ``Translator(lang, codes=True)``) keep the code.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

__all__ = ["LANGS", "TERM", "Coded", "Entries", "Pairs", "Translator", "from_pairs", "message", "plural_form", "text"]

TERM = "text.term"
"""Catalogue key of a term (``checker.model.message.term``): a code and its label."""


class Coded(Protocol):
    """A message held as a catalogue key and parameters (``checker.model.message.Message`` is one)."""

    @property
    def key(self) -> str: ...

    @property
    def params(self) -> Mapping[str, Any]: ...


LANGS = ("fr", "en")

Entries = dict[str, dict[str, str]]
"""Key → ``{"fr": text, "en": text}``: a part of the catalogue (``checker.i18n.catalogue.CATALOGUE`` joins them)."""

Pairs = dict[str, tuple[str, str]]
"""Key → ``(French, English)``: the shorter spelling of the parts with many one-line texts (checks, terms)."""


def from_pairs(pairs: Mapping[str, tuple[str, str]], prefix: str = "") -> Entries:
    """Catalogue entries from ``(French, English)`` pairs, each key written under ``prefix``."""
    return {f"{prefix}{key}": {"fr": fr, "en": en} for key, (fr, en) in pairs.items()}


_LOADED: list[Mapping[str, Mapping[str, str]]] = []


def _catalogue() -> Mapping[str, Mapping[str, str]]:
    """The catalogue, imported on first use: ``--help`` and the options' choices (``LANGS``) need none of it."""
    if not _LOADED:
        from checker.i18n.catalogue import CATALOGUE

        _LOADED.append(CATALOGUE)
    return _LOADED[0]


def plural_form(lang: str, count: int) -> int:
    """0 for the singular form, 1 for the plural: French counts 0 and 1 as singular, English only 1."""
    if lang == "fr":
        return 0 if count in (0, 1) else 1
    return 0 if count == 1 else 1


def _choose(template: str, lang: str, params: Mapping[str, Any]) -> str:
    """The form of a ``one|other`` text that fits the ``count`` parameter (the text as it is without one)."""
    if "|" not in template or not isinstance(params.get("count"), int):
        return template
    forms = template.split("|")
    return forms[min(plural_form(lang, params["count"]), len(forms) - 1)]


def message(key: str, lang: str = "fr", **params: Any) -> str:
    """The text of ``key`` in ``lang`` with ``params`` filled in (falls back to French)."""
    entry = _catalogue()[key]
    template = _choose(entry.get(lang) or entry["fr"], lang, params)
    return template.format(**params) if params else template


def text(coded: Coded, lang: str = "fr") -> str:
    """The text of a coded message in ``lang``, its message parameters translated first."""
    return Translator(lang).text(coded)


class Translator:
    """Callable bound to one language; templates receive it as ``t``.

    ``codes=True`` is for machine formats: a term shows its code, not its label.
    """

    def __init__(self, lang: str = "fr", *, codes: bool = False) -> None:
        self.lang = lang
        self.codes = codes

    def __call__(self, key: str, **params: Any) -> str:
        return message(key, self.lang, **params)

    def text(self, message: Coded) -> str:
        """``message`` in this language, its message parameters translated first."""
        if message.key == TERM:
            label = message.params["label"]
            if self.codes:
                return str(message.params["code"])
            if isinstance(label, tuple):  # a list of terms reads « a, b », not « a ; b »
                return ", ".join(self.text(item) for item in label)
        return self(message.key, **{name: self._param(v) for name, v in message.params.items()})

    def _param(self, value: Any) -> Any:
        """A parameter as text: words and numbers as they are, a message translated, a tuple of messages joined."""
        if isinstance(value, str | int):
            return value
        if isinstance(value, tuple):
            return "; ".join(self.text(item) for item in value)
        return self.text(value)

    def labels(self, prefix: str) -> Mapping[str, str]:
        """Every label under ``prefix.`` (e.g. ``outcome``), keyed by the rest of the key."""
        start = prefix + "."
        return {k[len(start) :]: self(k) for k in _catalogue() if k.startswith(start)}

    @property
    def colon(self) -> str:
        """`` : `` in French (a space before), ``: `` in English."""
        return " : " if self.lang == "fr" else ": "

    @property
    def semicolon(self) -> str:
        """`` ; `` in French, ``; `` in English."""
        return " ; " if self.lang == "fr" else "; "

    def number(self, value: float, digits: int = 1) -> str:
        """``4,1`` in French, ``4.1`` in English (``digits`` decimals)."""
        out = f"{value:.{digits}f}"
        return out.replace(".", ",") if self.lang == "fr" else out

    def percent(self, value: float) -> str:
        """A score: ``4,1 %`` in French, ``4.1%`` in English."""
        return f"{self.number(value)} %" if self.lang == "fr" else f"{self.number(value)}%"

    def label(self, family: str, code: str | None) -> str:
        """The label of ``code`` in the catalogue family ``family`` (``obligation``, ``kind``…), the code if none."""
        if code is None:
            return "—"
        key = f"{family}.{code}"
        return self(key) if key in _catalogue() else code

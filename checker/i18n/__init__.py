"""Labels and messages in French (default) and English: one catalogue, no text hard-coded in templates."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

__all__ = ["LANGS", "Coded", "Translator", "message", "text"]


class Coded(Protocol):
    """A message held as a catalogue key and parameters (``checker.model.message.Message`` is one)."""

    @property
    def key(self) -> str: ...

    @property
    def params(self) -> Mapping[str, Any]: ...


LANGS = ("fr", "en")

_LOADED: list[Mapping[str, Mapping[str, str]]] = []


def _catalogue() -> Mapping[str, Mapping[str, str]]:
    """The catalogue, imported on first use: ``--help`` and the options' choices (``LANGS``) need none of it."""
    if not _LOADED:
        from checker.i18n.catalogue import CATALOGUE

        _LOADED.append(CATALOGUE)
    return _LOADED[0]


def message(key: str, lang: str = "fr", **params: Any) -> str:
    """The text of ``key`` in ``lang`` with ``params`` filled in (falls back to French)."""
    entry = _catalogue()[key]
    template = entry.get(lang) or entry["fr"]
    return template.format(**params) if params else template


def text(coded: Coded, lang: str = "fr") -> str:
    """The text of a coded message in ``lang``, its message parameters translated first."""
    return Translator(lang).text(coded)


class Translator:
    """Callable bound to one language; templates receive it as ``t``."""

    def __init__(self, lang: str = "fr") -> None:
        self.lang = lang

    def __call__(self, key: str, **params: Any) -> str:
        return message(key, self.lang, **params)

    def text(self, message: Coded) -> str:
        """``message`` in this language, its message parameters translated first."""
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

"""Labels and messages in French (default) and English: one catalogue, no text hard-coded in templates."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from checker.i18n.catalogue import CATALOGUE

if TYPE_CHECKING:  # pydantic stays unimported until a message is made
    from checker.model.message import Message

__all__ = ["LANGS", "Translator", "message", "text"]

LANGS = ("fr", "en")


def message(key: str, lang: str = "fr", **params: Any) -> str:
    """The text of ``key`` in ``lang`` with ``params`` filled in (falls back to French)."""
    entry = CATALOGUE[key]
    template = entry.get(lang) or entry["fr"]
    return template.format(**params) if params else template


def text(coded: Message, lang: str = "fr") -> str:
    """The text of a coded message in ``lang``, its message parameters translated first."""
    params = {k: v if isinstance(v, str | int) else text(v, lang) for k, v in coded.params.items()}
    return message(coded.code, lang, **params)


class Translator:
    """Callable bound to one language; templates receive it as ``t``."""

    def __init__(self, lang: str = "fr") -> None:
        self.lang = lang

    def __call__(self, key: str, **params: Any) -> str:
        return message(key, self.lang, **params)

    def text(self, coded: Message) -> str:
        """The text of a coded message in the translator's language."""
        return text(coded, self.lang)

    def labels(self, prefix: str) -> Mapping[str, str]:
        """Every label under ``prefix.`` (e.g. ``outcome``), keyed by the rest of the key."""
        start = prefix + "."
        return {k[len(start) :]: self(k) for k in CATALOGUE if k.startswith(start)}

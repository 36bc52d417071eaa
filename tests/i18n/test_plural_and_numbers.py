"""Counted words and numbers follow the language: ``1 désaccord``, ``2 désaccords``, ``0 écart``; ``4,1 %``, ``4.1%``.

Terms: a code with its label reads as the label for people and as the code in machine formats.
"""

from __future__ import annotations

import pytest

from checker.i18n import Translator, plural_form
from checker.i18n.catalogue import CATALOGUE
from checker.model.message import kind_terms, msg, term
from checker.referential.load import LoadedReferential


@pytest.mark.parametrize(
    ("lang", "count", "form"),
    [("fr", 0, 0), ("fr", 1, 0), ("fr", 2, 1), ("fr", 12, 1), ("en", 0, 1), ("en", 1, 0), ("en", 2, 1)],
)
def test_plural_form_follows_the_language(lang: str, count: int, form: int) -> None:
    assert plural_form(lang, count) == form


def test_counted_words_take_their_form() -> None:
    fr, en = Translator("fr"), Translator("en")
    assert [fr("count.disagreements", count=n) for n in (0, 1, 2)] == ["0 désaccord", "1 désaccord", "2 désaccords"]
    assert [en("count.disagreements", count=n) for n in (0, 1, 2)] == [
        "0 disagreements",
        "1 disagreement",
        "2 disagreements",
    ]
    assert fr("listing.count", count=1, title="T", version="v") == "1 exigence — T v"
    assert fr("listing.count", count=3, title="T", version="v") == "3 exigences — T v"
    assert en("assurance_n.typed", count=2) == "2 typed"  # one form is enough where the language has one


def test_every_counted_entry_has_one_or_two_forms_in_each_language() -> None:
    for key, entry in CATALOGUE.items():
        for lang, text in entry.items():
            if "|" in text:
                forms = text.split("|")
                assert len(forms) == 2 and all("{count}" in form for form in forms), (key, lang)


def test_numbers_follow_the_language() -> None:
    assert Translator("fr").percent(4.1) == "4,1 %"
    assert Translator("en").percent(4.1) == "4.1%"
    assert Translator("fr").percent(100.0) == "100,0 %"
    assert Translator("fr").number(0.25, 2) == "0,25"


def test_a_term_is_a_label_for_people_and_a_code_for_machines() -> None:
    why = msg("why.level", level=term("communaute", "Communauté PSC"), levels=term("communaute", "Communauté PSC"))
    assert Translator("fr").text(why) == "niveau Communauté PSC : l'exigence relève de Communauté PSC"
    assert Translator("fr", codes=True).text(why) == "niveau communaute : l'exigence relève de communaute"
    kinds = msg("reason.no_evidence", kinds=kind_terms(["certificate", "test_report"]))
    assert "(certificat, rapport de tests)" in Translator("fr").text(kinds)
    assert "(certificate, test report)" in Translator("en").text(kinds)
    assert "(certificate, test_report)" in Translator("en", codes=True).text(kinds)


def test_english_term_names_translate_the_bundled_labels(psc: LoadedReferential) -> None:
    """``ref.<family>.<id>``: French text equal to the bundled referential's label, so the name fits the term."""
    french = psc.labels
    for family, field in (("level", "levels"), ("actor", "actors"), ("theme", "themes"), ("parcours", "parcours")):
        for code, label in getattr(french, field).items():
            assert CATALOGUE[f"ref.{family}.{code}"]["fr"] == label, (family, code)
    for code, label in french.features.items():
        assert CATALOGUE[f"ref.feature.{code}"]["fr"] == label, code
    english = psc.labels_in("en")
    assert english.level("espace_de_confiance") == "PSC Trust Space"
    assert english.theme("oidc") == "OIDC request"
    assert psc.labels_in("fr").theme("oidc") == "Requête OIDC"


def test_another_edition_keeps_its_own_label_for_an_id_the_catalogue_names(mini: LoadedReferential) -> None:
    """The test referential calls ``communaute`` « Communauté »: not the bundled label, so no English name for it."""
    assert mini.labels.level("communaute") == "Communauté"
    assert mini.labels_in("en").level("communaute") == "Communauté"
    level = mini.term("level", "communaute")
    assert Translator("en").text(level) == "Communauté" and Translator("en", codes=True).text(level) == "communaute"

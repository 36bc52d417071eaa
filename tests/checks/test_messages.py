"""Check results hold coded messages: translated when shown, written as text in JSON, read back as that text."""

from __future__ import annotations

import json

from checker.i18n import Translator, text
from checker.model.message import TRANSLATOR, Message
from checker.model.report import CheckResult

_URL = "https://wallet.bas.psc.esante.gouv.fr/token"


def _check(code: str, /, **params: str | int | Message) -> Message:
    return Message(key=f"check.{code}", params=params)


def test_nested_messages_are_translated_in_the_same_language() -> None:
    issuer = _check("cert.issuer_ok", issuer="AC", environment=Message(key="env.bac_a_sable"))
    assert text(issuer, "fr") == "émis par « AC » (bac à sable)"
    assert Translator("en").text(issuer) == "issued by “AC” (sandbox)"
    assert text(Message.literal("déjà écrit {x}"), "en") == "déjà écrit {x}"


def test_equal_messages_hash_alike_whatever_the_parameter_order() -> None:
    a = _check("har.secret_param", url=_URL)
    b = Message(key="check.har.secret_param", params={"url": _URL})
    c = _check("cert.too_close", end="2027-01-01", days=30, left=3)
    d = _check("cert.too_close", left=3, days=30, end="2027-01-01")
    assert a == b and hash(a) == hash(b)
    assert c == d and hash(c) == hash(d)
    assert len({a, b, c, d}) == 2


def test_unordered_reasons_follow_the_alphabet_of_each_language() -> None:
    problems = [_check("har.secret_param", url=_URL), _check("har.token_call", url=_URL)]
    result = CheckResult(check="har.front_channel", status="contradicted", reasons=problems, unordered=True)
    assert [r.split(" ")[0] for r in result.texts("fr")] == ["client_secret", "le"]
    assert [r.split(" ")[0] for r in result.texts("en")] == ["client_secret", "the"]
    swapped = result.model_copy(update={"reasons": problems[::-1]})
    assert swapped.texts("fr") == result.texts("fr")
    ordered = result.model_copy(update={"unordered": False, "reasons": problems[::-1]})
    assert ordered.texts("fr") == result.texts("fr")[::-1]


def test_json_holds_text_in_the_given_language_and_reads_back_as_that_text() -> None:
    result = CheckResult(
        check="cert.validity",
        status="verified",
        reasons=[_check("cert.valid", name="CN", start="2026-01-01", end="2027-01-01")],
    )
    written = json.loads(result.model_dump_json(context={TRANSLATOR: Translator("en")}))
    assert written == {
        "check": "cert.validity",
        "status": "verified",
        "reasons": ["CN valid from 2026-01-01 to 2027-01-01"],
    }
    back = CheckResult.model_validate(written)
    assert back.reasons == [Message.literal("CN valid from 2026-01-01 to 2027-01-01")]
    assert back.texts("en") == result.texts("en")
    assert result.model_dump()["reasons"][0]["key"] == "check.cert.valid"  # in Python, the codes stay


def test_json_without_a_translator_keeps_codes_and_reads_back_the_same() -> None:
    """Between processes (portfolio workers) a result travels as codes and parameters, translated later."""
    result = CheckResult(check="x", status="not_checkable", reasons=[_check("read.empty")])
    written = json.loads(result.model_dump_json())
    assert written["reasons"] == [{"key": "check.read.empty", "params": {}}]
    assert CheckResult.model_validate(written) == result

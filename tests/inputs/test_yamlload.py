"""The strict loader: hostile YAML gives one clean InputError with file:line:column."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.errors import InputError
from checker.inputs.yamlload import load_yaml_file, load_yaml_text


def test_scalars_stay_as_written() -> None:
    data = load_yaml_text('a: NO\nb: 010\nc: 1.10\nd: 2024-01-31\ne: on\nf:\ng: "x"\n', "t.yaml").data
    assert data == {"a": "NO", "b": "010", "c": "1.10", "d": "2024-01-31", "e": "on", "f": None, "g": "x"}


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("a: 1\na: 2\n", "t.yaml:2:1 : clé `a` en double"),
        ("top:\n  x: 1\n  x: 2\n", "t.yaml:3:3 : clé `x` en double"),
        ("l:\n  - {k: 1, k: 2}\n", "clé `k` en double"),
        ("a: &x 1\nb: *x\n", "alias"),
        ("base: &b {x: 1}\nother:\n  <<: *b\n", "t.yaml:"),
        ("<<: {a: 1}\n", "clé de fusion"),
        ("? [a, b]\n: 1\n", "une clé doit être un simple texte"),
        ("a: [1, 2\n", "YAML invalide"),
        ("a: 'unterminated\n", "YAML invalide"),
    ],
)
def test_hostile_text_is_refused(text: str, fragment: str) -> None:
    with pytest.raises(InputError) as caught:
        load_yaml_text(text, "t.yaml")
    assert fragment in str(caught.value)


def test_billion_laughs_is_refused_quickly() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [{', '.join(['*' + prev] * 9)}]")
    with pytest.raises(InputError, match="alias"):
        load_yaml_text("\n".join(lines) + "\n", "bomb.yaml")


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        (b"", "vide"),
        (b"   \n\t\n", "vide"),
        ("a: é\n".encode("utf-16"), "UTF-16"),
        ("a: é\n".encode("latin-1"), "pas en UTF-8 valide"),
        (b"a: 1\x00\n", "NUL"),
    ],
)
def test_bad_bytes_are_refused(tmp_path: Path, raw: bytes, fragment: str) -> None:
    path = tmp_path / "f.yaml"
    path.write_bytes(raw)
    with pytest.raises(InputError, match=fragment):
        load_yaml_file(path)


def test_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_bytes(b"\xef\xbb\xbfa: 1\n")
    assert load_yaml_file(path).data == {"a": "1"}


def test_folder_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="c'est un dossier"):
        load_yaml_file(tmp_path)
    with pytest.raises(InputError, match="introuvable"):
        load_yaml_file(tmp_path / "absent.yaml")


def test_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("a: " + "x" * 2000 + "\n")
    with pytest.raises(InputError, match="trop volumineux"):
        load_yaml_file(path, max_bytes=1000)


def test_deep_nesting_is_a_clean_error() -> None:
    with pytest.raises(InputError):
        load_yaml_text("[" * 5000 + "]" * 5000, "deep.yaml")


def test_location_points_at_keys_and_items() -> None:
    doc = load_yaml_text("a:\n  b: 1\n  c: [x, y]\n", "t.yaml")
    assert str(doc.location(["a", "c", 1])) == "t.yaml:3:10"
    assert str(doc.location(["a", "b"], key=True)) == "t.yaml:2:3"
    assert str(doc.location(["a", "missing"])) == "t.yaml:2:3"


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_never_crash(tmp_path_factory: pytest.TempPathFactory, raw: bytes) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "f.yaml"
    path.write_bytes(raw)
    try:
        load_yaml_file(path)
    except InputError as error:
        assert str(error)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab: -[]{}&*!|>'\"\n\t#?,<")), max_size=200))
def test_random_yaml_like_text_never_crashes(text: str) -> None:
    try:
        load_yaml_text(text, "t.yaml")
    except InputError as error:
        assert "t.yaml" in str(error)

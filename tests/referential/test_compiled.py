"""The compiled referential: bundled forms kept fresh, the user cache used when intact and rebuilt when not."""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

import checker.inputs.yamlload
import checker.referential.compiled
import checker.referential.load
from checker.inputs.paths import referential_dir
from checker.model.referential import Referential
from checker.referential.compiled import BUNDLED, entry_bytes, read_entry
from checker.referential.load import compile_referential, load_referential
from tests.conftest import MINI, Cli

OK = "mini 1.10, 4 exigences"
FORGED = "mini 9.99"


def test_every_bundled_edition_has_its_compiled_form_up_to_date() -> None:
    """Fails when a bundled YAML, the models, the checks or the version changed since the last compilation.

    Regenerate with ``python -m checker.app.catalogue`` (and commit the files it writes).
    """
    sources = sorted(referential_dir().glob("*.yaml"))
    assert sorted(p.stem for p in BUNDLED.glob("*.json")) == [p.stem for p in sources], "one compiled form per YAML"
    stale = [p.name for p in sources if compile_referential(p) != (BUNDLED / f"{p.stem}.json").read_bytes()]
    assert not stale, f"stale compiled referential(s) {stale}: run `python -m checker.app.catalogue`"


@pytest.mark.parametrize("source", sorted(referential_dir().glob("*.yaml")), ids=lambda p: p.stem)
def test_the_compiled_form_is_the_model_the_yaml_gives(source: Path) -> None:
    raw = source.read_bytes()
    compiled = read_entry((BUNDLED / f"{source.stem}.json").read_bytes(), hashlib.sha256(raw).hexdigest())
    doc = checker.inputs.yamlload.load_yaml_file(source, max_bytes=len(raw))
    from_yaml = Referential.model_validate(doc.data)
    assert compiled == from_yaml
    assert compiled.model_fields_set == from_yaml.model_fields_set
    assert [r.model_fields_set for r in compiled.requirements] == [r.model_fields_set for r in from_yaml.requirements]


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch) -> None:
    """No edition held by this process: each command loads its referential again, as a new process would."""
    monkeypatch.setattr(checker.referential.load, "_LOADED", {})


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    target = tmp_path / "mine.yaml"
    shutil.copyfile(MINI, target)
    return target


def _cache() -> Path:
    return Path(os.environ["XDG_CACHE_HOME"]) / "psc-check" / "referentiel"


def _entry(path: Path) -> Path:
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return _cache() / f"{digest}-{checker.__version__}.json"


def _check(cli: Cli, path: Path) -> str:
    checker.referential.load._LOADED.clear()
    result = cli("referentiel", "check", path)
    assert result.code == 0, result.stderr
    return result.stdout


def _no_yaml(monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(*_args: object, **_kwargs: object) -> object:
        raise AssertionError("the YAML was parsed")

    monkeypatch.setattr(checker.inputs.yamlload, "load_yaml_text", refused)


@pytest.mark.usefixtures("fresh")
def test_a_user_referential_is_compiled_once_then_loaded_without_yaml(
    cli: Cli, copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert OK in _check(cli, copy)
    entry = _entry(copy)
    assert entry.is_file() and [p.name for p in _cache().iterdir()] == [entry.name], "no temporary file left"
    _no_yaml(monkeypatch)
    assert OK in _check(cli, copy)


@pytest.mark.usefixtures("fresh")
def test_the_bundled_edition_loads_without_yaml(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    _no_yaml(monkeypatch)
    result = cli("referentiel", "list", "--format", "json")
    assert result.code == 0 and '"id": "PSC-' in result.stdout
    assert not _cache().exists(), "the bundled edition needs no user cache"


def _forged_body(entry: bytes) -> bytes:
    assert b'"version":"1.10"' in entry
    return entry.replace(b'"version":"1.10"', b'"version":"9.99"')


def _tampered(entry: bytes, _copy: Path) -> bytes:
    """The body edited after it was written: its MAC no longer matches."""
    return _forged_body(entry)


def _corrupt(entry: bytes, _copy: Path) -> bytes:
    return entry[: len(entry) // 2]


def _other_version(entry: bytes, copy: Path) -> bytes:
    """A well-formed entry (its own MAC right) written by another psc-check version, for other content."""
    model = Referential.model_validate_json(_forged_body(entry).partition(b"\n")[2])
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(checker.referential.compiled, "__version__", "0.0.0-other")
        return entry_bytes(model, hashlib.sha256(copy.read_bytes()).hexdigest())


def _stale(entry: bytes, copy: Path) -> bytes:
    """A right entry for the file as it was before an edit (version 9.99), left under the edited file's name."""
    text = copy.read_text(encoding="utf-8")
    before = entry_bytes(
        Referential.model_validate_json(_forged_body(entry).partition(b"\n")[2]),
        hashlib.sha256(text.replace('version: "1.10"', 'version: "9.99"').encode()).hexdigest(),
    )
    assert read_entry(before, hashlib.sha256(text.replace('"1.10"', '"9.99"').encode()).hexdigest()) is not None
    return before


@pytest.mark.usefixtures("fresh")
@pytest.mark.parametrize("spoil", ["tampered", "corrupt", "other_version", "stale", "empty", "folder"])
def test_a_bad_entry_is_rebuilt_never_used(cli: Cli, copy: Path, monkeypatch: pytest.MonkeyPatch, spoil: str) -> None:
    assert OK in _check(cli, copy)
    entry = _entry(copy)
    good = entry.read_bytes()
    spoilers: dict[str, Callable[[], bytes | None]] = {
        "tampered": lambda: _tampered(good, copy),
        "corrupt": lambda: _corrupt(good, copy),
        "other_version": lambda: _other_version(good, copy),
        "stale": lambda: _stale(good, copy),
        "empty": lambda: b"",
        "folder": lambda: None,
    }
    bad = spoilers[spoil]()
    entry.unlink()
    if bad is None:
        entry.mkdir()  # not even a file: ignored, and the entry is left alone
    else:
        entry.write_bytes(bad)
        assert read_entry(bad, hashlib.sha256(copy.read_bytes()).hexdigest()) is None
    output = _check(cli, copy)
    assert OK in output and FORGED not in output
    if bad is not None:
        assert entry.read_bytes() == good, "the entry was rebuilt"


@pytest.mark.usefixtures("fresh")
def test_an_edited_referential_is_compiled_again(cli: Cli, copy: Path) -> None:
    assert OK in _check(cli, copy)
    first = _entry(copy)
    copy.write_text(copy.read_text(encoding="utf-8").replace('version: "1.10"', 'version: "1.11"'), encoding="utf-8")
    assert "mini 1.11" in _check(cli, copy)
    assert first.is_file() and _entry(copy).is_file() and first != _entry(copy)


@pytest.mark.usefixtures("fresh")
def test_an_edited_bundled_file_is_not_taken_for_the_bundled_edition(cli: Cli, tmp_path: Path) -> None:
    edited = tmp_path / "psc.yaml"
    text = (referential_dir() / "psc.yaml").read_text(encoding="utf-8")
    version = load_referential().version
    assert f"  version: {version}\n" in text
    edited.write_text(text.replace(f"  version: {version}\n", "  version: '77.0'\n", 1), encoding="utf-8")
    assert "psc 77.0" in _check(cli, edited)
    assert _entry(edited).is_file()


@pytest.mark.usefixtures("fresh")
def test_no_cache_reads_the_yaml_and_writes_nothing(cli: Cli, copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    parsed: list[str] = []
    real = checker.inputs.yamlload.load_yaml_text

    def counting(text: str, name: str) -> object:
        parsed.append(name)
        return real(text, name)

    monkeypatch.setattr(checker.inputs.yamlload, "load_yaml_text", counting)
    result = cli("--no-cache", "referentiel", "check", copy)
    assert result.code == 0 and OK in result.stdout
    assert parsed == [str(copy)]
    assert not _cache().exists()
    checker.referential.load._LOADED.clear()
    parsed.clear()
    assert cli("--no-cache", "referentiel", "list", "--format", "json").code == 0
    assert parsed == [str(referential_dir() / "psc.yaml")], "--no-cache skips the bundled compiled form too"
    assert "PSC_CHECK_NO_CACHE" not in os.environ, "the option holds for its run only"


@pytest.mark.usefixtures("fresh")
def test_the_variable_turns_the_cache_off(cli: Cli, copy: Path) -> None:
    result = cli("referentiel", "check", copy, env={"PSC_CHECK_NO_CACHE": "1"})
    assert result.code == 0 and OK in result.stdout
    assert not _cache().exists()
    assert OK in _check(cli, copy)
    assert _entry(copy).is_file()


@pytest.mark.usefixtures("fresh")
def test_an_unwritable_cache_folder_is_no_error(cli: Cli, copy: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would be\n", encoding="utf-8")
    os.environ["XDG_CACHE_HOME"] = str(blocked)  # put back by the autouse fixture's monkeypatch
    result = cli("referentiel", "check", copy)
    assert result.code == 0 and OK in result.stdout and not result.stderr
    assert blocked.read_text(encoding="utf-8").startswith("a file")

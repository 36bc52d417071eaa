"""A clean run parses each declaration once: the lines a report gives come from that first parse."""

from __future__ import annotations

import json

import pytest

import checker.inputs.yamlload
from tests.conftest import ROOT, Cli


@pytest.mark.parametrize("example", ["fs-standard", "osp-operator", "etablissement-fi-tiers"])
def test_a_clean_evaluation_never_parses_the_declaration_again(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, example: str
) -> None:
    composed: list[int] = []
    real = checker.inputs.yamlload._compose

    def counting(text: str) -> object:
        composed.append(len(text))
        return real(text)

    monkeypatch.setattr(checker.inputs.yamlload, "_compose", counting)
    result = cli(
        "evaluate", ROOT / "examples" / example / "declaration.yaml", "--as-of", "2026-11-28", "--format", "json"
    )
    assert result.code in (0, 1), result.stderr
    report = json.loads(result.stdout)
    assert report["findings"] and all(f["line"] >= 1 for f in report["findings"])
    assert report["problems"] == [], "a clean run: a problem would be located by a second parse, rightly"
    assert composed == [], "line numbers were computed by a second parse"


def test_the_lines_kept_are_those_a_second_parse_gives() -> None:
    text = (ROOT / "examples" / "fs-standard" / "declaration.yaml").read_text(encoding="utf-8")
    kept = checker.inputs.yamlload.load_yaml_text(text, "d.yaml")
    walked = checker.inputs.yamlload.YamlDocument("d.yaml", text, kept.data)  # no kept marks: the tree is walked
    paths: list[list[str | int]] = [[top] for top in kept.data]
    paths += [[top, inner] for top, value in kept.data.items() if isinstance(value, dict) for inner in value]
    paths += [["answers", "nope"], ["nope"], ["answers", 0]]
    assert len(paths) > 40
    for path in paths:
        for key in (True, False):
            assert kept.line_column(path, key=key) == walked.line_column(path, key=key), path

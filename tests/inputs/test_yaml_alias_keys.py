"""Issue 18, item 7: an alias is refused everywhere, mapping keys included."""

from __future__ import annotations

import pytest

from checker.errors import InputError
from checker.inputs.yamlload import load_yaml_text

REUSED_KEYS = {
    "alias as a key": "a:\n  &k name: 1\nb:\n  *k : x\n",
    "anchored key reused as a value": "&k name: 1\nother: *k\n",
    "anchored value reused as a key": "a: &k name\nb:\n  *k : x\n",
    "alias key in a flow mapping": "a: {&k x: 1}\nb: {*k : 2}\n",
}


@pytest.mark.parametrize("name", sorted(REUSED_KEYS))
def test_aliases_through_keys_are_refused_with_their_line(name: str) -> None:
    with pytest.raises(InputError) as caught:
        load_yaml_text(REUSED_KEYS[name], "d.yaml")
    assert "alias" in str(caught.value) and str(caught.value).startswith("d.yaml:"), str(caught.value)


def test_plain_keys_and_an_unused_anchor_still_load() -> None:
    assert load_yaml_text("a:\n  name: 1\nb:\n  name: x\n", "d.yaml").data == {"a": {"name": "1"}, "b": {"name": "x"}}

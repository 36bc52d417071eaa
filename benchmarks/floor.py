"""The floor: what a process pays before psc-check's own work, on the same terms as the CLI.

``python benchmarks/floor.py [FILE.yaml...]``: the interpreter, the cyclic garbage collector off (as the
``psc-check`` console script turns it off), ``import typer, yaml, pydantic`` (the libraries the CLI is built on),
then each file parsed with the loader the CLI parses with: libyaml's ``CBaseLoader`` (every scalar a string),
tuned as ``checker/inputs/yamlload.py`` tunes it (each node's tag answered directly). Without files it is the
import floor of ``referentiel list``. RESULTS.md quotes this file whole.
"""

import gc
import sys

gc.disable()

import pydantic  # noqa: E402, F401 - importing them is part of the floor
import typer  # noqa: E402, F401
import yaml  # noqa: E402
from yaml.resolver import BaseResolver  # noqa: E402

_TAGS = {
    yaml.ScalarNode: BaseResolver.DEFAULT_SCALAR_TAG,
    yaml.SequenceNode: BaseResolver.DEFAULT_SEQUENCE_TAG,
    yaml.MappingNode: BaseResolver.DEFAULT_MAPPING_TAG,
}


class FloorLoader(yaml.CBaseLoader):
    """The CLI's parser without its checks (aliases, merge keys, duplicates): libyaml and plain construction."""

    def resolve(self, kind: type[yaml.Node], value: object, implicit: object) -> str:
        return _TAGS[kind]

    def descend_resolver(self, current_node: object, current_index: object) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None


def parse(paths: list[str]) -> int:
    """Parse every file; the number of top-level keys read (so the work cannot be skipped)."""
    keys = 0
    for name in paths:
        with open(name, "rb") as handle:  # noqa: PTH123 - the floor imports nothing more than it must
            keys += len(yaml.load(handle.read().decode("utf-8"), Loader=FloorLoader))  # noqa: S506 - BaseLoader
    return keys


if __name__ == "__main__":
    parse(sys.argv[1:])

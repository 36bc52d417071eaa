"""What the benchmarks ran on: machine, operating system, Python, library versions, checkout state."""

from __future__ import annotations

import os
import platform
import subprocess
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

__all__ = ["LIBRARIES", "Checkout", "checkout_state", "describe", "load_average"]

LIBRARIES = (
    "psc-checker",
    "pydantic",
    "pydantic-core",
    "PyYAML",
    "typer",
    "openpyxl",
    "Jinja2",
    "cryptography",
    "orjson",
)


def _proc_field(path: str, name: str) -> str | None:
    try:
        for line in Path(path).read_text(encoding="utf-8", errors="replace").splitlines():
            key, _, value = line.partition(":")
            if key.strip() == name:
                return value.strip()
    except OSError:
        return None
    return None


def _memory() -> str:
    total = _proc_field("/proc/meminfo", "MemTotal")
    if total is None:
        return "unknown"
    return f"{int(total.split()[0]) / 2**20:.1f} GiB"


def _libyaml() -> str:
    try:
        from yaml import _yaml

        return str(_yaml.get_version_string())
    except ImportError:
        return "absent (pure-Python PyYAML)"


def _usable_cores() -> str:
    affinity = getattr(os, "sched_getaffinity", None)
    return str(len(affinity(0))) if affinity is not None else "unknown"


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


@dataclass(frozen=True)
class Checkout:
    commit: str
    """The full hash of HEAD (or what is known instead)."""
    dirty: bool
    """Uncommitted changes (tracked or untracked files not ignored)."""

    def text(self) -> str:
        if not self.dirty:
            return f"{self.commit} (clean: every measured file committed)"
        return f"{self.commit} **with uncommitted changes** (run with --dirty: these results describe no commit)"


def checkout_state(root: Path) -> Checkout:
    """HEAD's hash and whether the working tree differs from it."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True, check=True
        ).stdout.strip()
        changes = subprocess.run(
            ["git", "status", "--porcelain"], cwd=root, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return Checkout("not a git checkout", dirty=True)
    return Checkout(head, dirty=bool(changes))


def load_average() -> str:
    try:
        one, five, fifteen = os.getloadavg()
    except OSError:
        return "unknown"
    return f"{one:.2f} / {five:.2f} / {fifteen:.2f}"


def describe(root: Path) -> list[tuple[str, str]]:
    """(what, value) pairs describing the machine and the software measured."""
    rows = [
        ("CPU", _proc_field("/proc/cpuinfo", "model name") or platform.processor() or "unknown"),
        ("cores (os.cpu_count)", str(os.cpu_count())),
        ("cores usable by this process", _usable_cores()),
        ("memory", _memory()),
        ("system", f"{platform.system()} {platform.release()} ({platform.machine()})"),
        ("Python", f"{platform.python_implementation()} {platform.python_version()}"),
        ("libyaml", _libyaml()),
    ]
    rows += [(name, _version(name)) for name in LIBRARIES]
    rows.append(("checkout", checkout_state(root).text()))
    return rows

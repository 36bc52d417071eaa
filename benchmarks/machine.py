"""What the benchmarks ran on: machine, operating system, Python, library versions, checkout state."""

from __future__ import annotations

import os
import platform
import subprocess
from importlib import metadata
from pathlib import Path

__all__ = ["LIBRARIES", "describe", "load_average"]

LIBRARIES = ("psc-checker", "pydantic", "pydantic-core", "PyYAML", "typer", "openpyxl", "Jinja2", "cryptography")


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


def _checkout(root: Path) -> str:
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "not a git checkout"
    return f"{head}{' with uncommitted changes' if dirty else ''}"


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
    rows.append(("checkout", _checkout(root)))
    return rows

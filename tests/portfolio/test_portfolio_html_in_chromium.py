"""The portfolio HTML at 1280 px, as Chromium lays it out: no horizontal scroll, each score on one line.

The page is the one ``portfolio -o p.html`` writes; the test adds a measuring script to a copy (without the page's
Content-Security-Policy, which forbids scripts: the layout, not the policy, is under test) and reads the numbers
back from the DOM Chromium dumps.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT, Cli
from tests.office_support import program

pytestmark = pytest.mark.slow

WIDTH = 1280
_MEASURE = """<script>
window.addEventListener("load", () => {
  const root = document.documentElement;
  const lines = [...document.querySelectorAll("td.score")].map((cell) => {
    const range = document.createRange();
    range.selectNodeContents(cell);
    return [cell.textContent, range.getClientRects().length];
  });
  const out = document.createElement("pre");
  out.id = "measure";
  out.textContent = JSON.stringify({scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, lines});
  document.body.appendChild(out);
});
</script></body>"""


def _measure(page: Path, tmp: Path) -> dict[str, object]:
    text = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page.read_text(encoding="utf-8"))
    probe = tmp / "probe.html"
    probe.write_text(text.replace("</body>", _MEASURE), encoding="utf-8")
    browser = program("chromium-headless-shell")
    flags = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
    flags += ["--disable-component-update", "--disable-sync", f"--user-data-dir={tmp / 'chromium'}"]
    command = [browser, *flags, f"--window-size={WIDTH},1000", "--dump-dom", probe.as_uri()]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    found = re.search(r'<pre id="measure">(.*?)</pre>', done.stdout, re.S)
    assert found, done.stdout[-2000:]
    data: dict[str, object] = json.loads(found.group(1))
    return data


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_portfolio_page_fits_1280_px_and_scores_do_not_wrap(cli: Cli, tmp_path: Path, lang: str) -> None:
    page = tmp_path / "p.html"
    result = cli("portfolio", ROOT / "examples", "--as-of", "2026-11-28", "--lang", lang, "-o", page)
    assert result.code == 1, result.stderr
    seen = _measure(page, tmp_path)
    assert isinstance(seen["scrollWidth"], int) and isinstance(seen["clientWidth"], int)
    assert seen["scrollWidth"] <= seen["clientWidth"] <= WIDTH, f"horizontal scroll: {seen}"
    lines = seen["lines"]
    assert isinstance(lines, list) and len(lines) == 7
    assert all(count == 1 for _, count in lines), f"a score wraps: {lines}"

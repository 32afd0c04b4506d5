"""The writer's workflow: scaffolding a post, and live rebuilds that do not loop."""

from __future__ import annotations

import datetime as dt
import os
import re
import selectors
import subprocess
import sys
import time
from pathlib import Path

import yaml
from newpost import main, new_post

from sphinxblog.core.frontmatter import interpret, read_front_matter


def test_new_post_has_todays_date_valid_front_matter_and_a_slug_name(tmp_path):
    day = dt.date(2026, 11, 25)
    path = new_post(tmp_path, "Қазақстан: a first look", "travel, Қазақ тілі", day)
    assert path.name == "2026-11-25-qazaqstan-a-first-look.md"
    metadata, problems = interpret(read_front_matter(path.read_text(encoding="utf-8")))
    assert problems == []
    assert (metadata.title, metadata.date, metadata.tags) == (
        "Қазақстан: a first look", day, ("travel", "Қазақ тілі"),
    )  # fmt: skip


def test_new_post_refuses_to_overwrite(tmp_path, capsys):
    assert main(["--title", "Hello", "--folder", str(tmp_path)]) == 0
    path = next(tmp_path.glob("*-hello.md"))
    path.write_text("my words", encoding="utf-8")
    assert main(["--title", "Hello", "--folder", str(tmp_path)]) == 1
    assert "not overwriting" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == "my words"


def test_new_post_needs_a_title(tmp_path):
    assert main(["--title", "  ", "--folder", str(tmp_path)]) == 2


def test_new_post_front_matter_is_yaml_even_for_awkward_titles(tmp_path):
    path = new_post(tmp_path, 'Colons: "quotes" & #hashes', "", dt.date(2026, 1, 2))
    data = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
    assert data["title"] == 'Colons: "quotes" & #hashes'


def _lines_until(process, pattern: str, timeout: float, seen: list[str]) -> bool:
    """Read the process's output until a line matches *pattern* or time runs out."""
    selector = selectors.DefaultSelector()
    selector.register(process.stdout, selectors.EVENT_READ)
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if selector.select(timeout=0.2):
            line = process.stdout.readline()
            if not line:
                return False
            seen.append(re.sub(r"\x1b\[[0-9;]*m", "", line))
            if re.search(pattern, seen[-1]):
                return True
    return False


def test_live_rebuild_rebuilds_once_and_stays_idle(site, tmp_path):
    port = _free_port()
    command = [
        sys.executable, "-m", "sphinx_autobuild", str(site), str(tmp_path / "out"),
        "--host", "127.0.0.1", "--port", str(port), "-q",
    ]  # fmt: skip
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "NO_COLOR": "1"}
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env
    )
    seen: list[str] = []
    try:
        assert _lines_until(process, "Serving on", 120, seen), "".join(seen)  # first build
        time.sleep(2)  # let the watcher settle
        post = site / "posts" / "2020-04-12-sphinx-myst-blog-setup.md"
        post.write_text(post.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
        assert _lines_until(process, "Detected changes", 60, seen), "".join(seen)
        assert _lines_until(process, "Serving on", 120, seen), "".join(seen)
        _lines_until(process, "Detected changes", 8, seen)  # a loop would show here
    finally:
        process.terminate()
        process.wait(timeout=20)
    detected = [line for line in seen if "Detected changes" in line]
    assert len(detected) == 1, "".join(seen)
    assert "2020-04-12-sphinx-myst-blog-setup.md" in detected[0]


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_make_post_command_writes_into_posts(tmp_path):
    # what `make post TITLE=... TAGS=...` runs
    project = Path(__file__).resolve().parent.parent
    newpost = str(project / "tools" / "newpost.py")
    result = subprocess.run(
        [sys.executable, newpost, "--title", "From make", "--tags", "a, b"],
        cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(project / "_ext")},
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    written = list((tmp_path / "posts").glob("*-from-make.md"))
    assert len(written) == 1 and "wrote posts/" in result.stdout

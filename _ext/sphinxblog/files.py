"""Writing the blog's own files: only when their content changes, never half-written."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path


def replace_if_changed(path: Path, data: bytes) -> bool:
    """Write *data* to *path* unless it already holds it; whether it was written.

    An unchanged file keeps its time, so a file watcher (``sphinx-autobuild``)
    sees nothing happen; a changed one is written beside it and moved into
    place, so a killed build never leaves it half-written.
    """
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        path.parent.mkdir(parents=True, exist_ok=True)
    scratch = path.with_name(path.name + ".tmp")
    scratch.write_bytes(data)
    scratch.replace(path)
    return True

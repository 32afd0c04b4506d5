"""Mermaid diagrams, drawn when the site is built for the books, by a script in the pages.

A ```` ```mermaid ```` fence, Quarto's ```` ```{mermaid} ```` cell and the
``{mermaid}`` directive become a :class:`diagram`: a figure whose picture
(PDF for the PDF book, PNG for the ePub) mermaidx draws at build time, with
no browser and nothing but Python, kept beside the doctrees under the
digest of its source, so each is drawn once.  The web pages show the same
source to Mermaid itself, served from the site
(:mod:`sphinxblog.pages.diagrams`), which follows the reader's light or dark
mode.

Where mermaidx is not installed, every output shows the source in a
captioned code block, with an info message; a diagram Mermaid cannot read
does the same, with a ``blog.diagram`` warning at its line.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

#: where the pictures are kept, beside the doctrees
DRAWINGS_FOLDER = "blog-diagrams"
#: Mermaid's script, in the web pages' ``_static`` folder
MERMAID_SCRIPT = "blog-mermaid/mermaid.min.js"
#: what draws them at build time, and whose copy of Mermaid the pages load
RENDERER = "mermaidx"


class diagram(nodes.figure):  # noqa: N801 (docutils names nodes in lower case)
    """A diagram drawn: a figure of its picture, holding its ``kind`` and ``source``
    for the web pages, which draw it themselves."""


def renderer_installed() -> bool:
    """Whether the renderer is installed (asked without importing it: that takes time)."""
    return importlib.util.find_spec(RENDERER) is not None


def mermaid_script() -> Path | None:
    """The copy of Mermaid the renderer carries, where it is installed."""
    spec = importlib.util.find_spec(RENDERER)
    if spec is None or spec.origin is None:
        return None
    script = Path(spec.origin).parent / "assets" / "mermaid.js"
    return script if script.is_file() else None


def _write(path: Path, data: bytes) -> None:
    # whole or not at all: parallel readers may draw the same diagram
    partial = path.with_name(f"{path.name}.{os.getpid()}.part")
    partial.write_bytes(data)
    partial.replace(path)


def draw(env: BuildEnvironment, kind: str, source: str) -> tuple[str | None, str]:
    """The picture of a diagram, as an image URI with every format it has
    (``/…/<digest>.*``, from the source folder), drawn once; else ``None`` and why."""
    if kind != "mermaid":
        return None, "no renderer for it is installed"
    digest = hashlib.sha256(source.encode("utf-8")).hexdigest()[:32]
    folder = Path(env.doctreedir) / DRAWINGS_FOLDER
    base = folder / digest
    pictures = {".png": base.with_suffix(".png"), ".pdf": base.with_suffix(".pdf")}
    if not all(path.is_file() for path in pictures.values()):
        if not renderer_installed():
            return None, "no renderer for it is installed"
        import mermaidx

        try:
            drawing = mermaidx.render(source)
            drawn = {".png": drawing.png(scale=2), ".pdf": drawing.pdf()}
        except Exception as error:  # Mermaid's parse errors come as RuntimeError
            message = str(error).removeprefix("Mermaid rendering failed: ").removeprefix("Error: ")
            return None, f"Mermaid cannot draw it ({message.splitlines()[0].strip()})"
        folder.mkdir(parents=True, exist_ok=True)
        for suffix, data in drawn.items():
            _write(pictures[suffix], data)
    return "/" + Path(os.path.relpath(base, env.srcdir)).as_posix() + ".*", ""

"""Draw social cards: a script the build runs in a process of its own
(:mod:`sphinxblog.outputs.socialcards`), so that drawing goes on beside the
writing of the pages.

It is given a JSON file of the fonts and of each card's SVG drawing, size,
background, path and label (its post); it writes each picture under a name of
its own, then in its place, and the problems it met, each with its card's
label, into the same file with ``.out`` added.
It needs nothing of Sphinx or the blog, and holds none of the build's files
open: a build that is stopped leaves it to finish and end.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path


def draw(jobs_file: Path) -> list[tuple[str, str]]:
    """Draw the cards *jobs_file* names; the problems met: each card's label, and text."""
    import novasvg
    import novasvg.fonts

    jobs = json.loads(jobs_file.read_text(encoding="utf-8"))
    regular, bold = jobs["fonts"]
    # the family the drawings name (sphinxblog.core.cards.FAMILY)
    novasvg.fonts.add_font_face_from_file(jobs["family"], False, False, regular)
    novasvg.fonts.add_font_face_from_file(jobs["family"], True, False, bold)
    width, height, background, quality = (
        jobs["width"], jobs["height"], jobs["background"], jobs["quality"]
    )  # fmt: skip
    problems = []
    for svg, path, label in jobs["cards"]:
        partial = f"{path}.{os.getpid()}.part"
        try:
            bitmap = novasvg.Document.load_from_data(svg).render_to_bitmap(
                width, height, background
            )
            if not bitmap.write_to_jpg(partial, quality):
                raise OSError("the picture could not be written")
            os.replace(partial, path)
        except (OSError, ValueError, RuntimeError) as error:
            problems.append((label, f"{path}: {error}"))
            Path(partial).unlink(missing_ok=True)
    return problems


def main(arguments: list[str]) -> int:
    jobs_file = Path(arguments[0])
    problems = draw(jobs_file)
    Path(f"{jobs_file}.out").write_text(json.dumps(problems), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

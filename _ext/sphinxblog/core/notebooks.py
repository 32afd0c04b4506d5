"""Jupyter notebooks as posts: their front matter, and the notebook MyST-NB reads.

A notebook's front matter is a header at the top of its first cell (a Markdown
cell, or a raw cell as Quarto writes it) and the keys of the notebook's own
metadata that are not Jupyter's (``title``, ``authors``, ``date``, ``tags``…);
the cell's header wins where both give a key.  Lines are the lines of the
``.ipynb`` file, as an editor shows them, where the file is written as Jupyter
writes it (one line of the cell per line of the file).

A MyST text notebook (a ``.md`` file with a ``jupytext`` or ``file_format:
mystnb`` header, or a ``kernelspec``) is a Markdown post whose header says so.
Pure functions, tested without Sphinx.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
from collections.abc import Mapping
from typing import Any

from sphinxblog.core import headers
from sphinxblog.core.frontmatter import FrontMatter, read_front_matter
from sphinxblog.core.problems import Problem

__all__ = [
    "NOTEBOOK_SUFFIX",
    "is_notebook",
    "is_text_notebook",
    "notebook_for_myst",
    "read_notebook_front_matter",
    "text_notebook_for_myst",
    "text_notebook_head",
]

NOTEBOOK_SUFFIX = ".ipynb"

#: keys of a notebook's metadata that Jupyter, its extensions and its hosts write:
#: not front matter; the first three MyST-NB reads itself
JUPYTER_KEYS = frozenset({
    "kernelspec", "language_info", "jupytext", "widgets", "vscode", "colab", "kaggle",
    "toc", "toc-autonumbering", "toc-showcode", "toc-showmarkdowntxt", "toc-showtags",
    "celltoolbar", "varInspector", "nbTranslate", "latex_envs", "interpreter", "orig_nbformat",
    "accelerator", "gpuClass", "papermill", "execution", "nbsphinx", "source_map",
    "mystnb", "myst", "substitutions",
})  # fmt: skip
#: of those, what MyST-NB is given with the post's front matter
_FOR_MYST_NB = ("kernelspec", "language_info", "jupytext", "mystnb", "myst", "substitutions")

#: a MyST text notebook's header, as MyST-NB recognises it, or a kernel named
_TEXT_NOTEBOOK_KEY = re.compile(
    r"^(?:file_format:[ \t]*['\"]?mystnb|jupytext:|kernelspec:)", re.MULTILINE
)
_EMPTY = {"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}


def is_notebook(path: str | os.PathLike[str]) -> bool:
    """Whether the file at *path* is a Jupyter notebook (by its name)."""
    return os.fspath(path).endswith(NOTEBOOK_SUFFIX)


def _cell_text(cell: Mapping[str, Any]) -> str:
    source = cell.get("source", "")
    if isinstance(source, list):
        return "".join(part for part in source if isinstance(part, str))
    return source if isinstance(source, str) else ""


def _load(text: str) -> tuple[dict[str, Any] | None, Problem | None]:
    """The notebook in *text*, or the problem that keeps it from being one."""
    try:
        notebook = json.loads(text.lstrip("\ufeff"))
    except json.JSONDecodeError as error:
        message = f"the notebook is not JSON ({error.msg}); it is published empty"
        return None, Problem("notebook", message, error.lineno)
    cells = notebook.get("cells") if isinstance(notebook, dict) else None
    if not isinstance(cells, list) or not all(isinstance(cell, dict) for cell in cells):
        message = (
            "the file is not a Jupyter notebook (it has no list of cells); it is published empty"
        )
        return None, Problem("notebook", message, 1)
    if not isinstance(notebook.get("metadata"), dict):
        notebook["metadata"] = {}
    return notebook, None


def _header_cell(notebook: Mapping[str, Any]) -> int | None:
    """The index of the first cell with text, if it is Markdown or raw and opens
    with a header (``---``, ``+++`` or a JSON object)."""
    for index, cell in enumerate(notebook["cells"]):
        text = _cell_text(cell)
        if not text.strip():
            continue
        opens = text.lstrip().startswith(("---", "+++", "{"))
        return index if cell.get("cell_type") in {"markdown", "raw"} and opens else None
    return None


def _source_lines(text: str, cell: Mapping[str, Any], start: int = 0) -> tuple[list[int], int]:
    """The line of the file on which each line of *cell*'s source is written,
    looked for from *start*, and where the search ended; no lines where the file
    is not written one line of the cell per line."""
    source = cell.get("source")
    parts = source if isinstance(source, list) else [source]
    found: list[int] = []
    for part in parts:
        if not isinstance(part, str):
            return [], start
        written = [json.dumps(part, ensure_ascii=False), json.dumps(part)]
        place = min((p for p in (text.find(w, start) for w in written) if p >= 0), default=-1)
        if place < 0:
            return [], start
        line = text.count("\n", 0, place) + 1
        found += [line] * max(1, part.count("\n") + (not part.endswith("\n")))
        start = place + 1
    return found, start


def _cell_starts(text: str, cells: list[dict[str, Any]]) -> list[int] | None:
    """Each cell's first line of source in the file, as MyST-NB's ``source_map``
    takes it, where every cell's source is found written a line a line (else ``None``)."""
    starts: list[int] = []
    previous, offset = 0, text.find('"cells"')
    for cell in cells:
        places, offset = _source_lines(text, cell, offset) if _cell_text(cell) else ([], offset)
        if _cell_text(cell) and not places:
            return None
        # MyST-NB adds one to the start, and one to a line's index in the cell
        starts.append((places[0] if places else previous) - 2)
        previous = places[-1] if places else previous
    return starts


def _metadata_lines(text: str, keys: list[str]) -> dict[str, int]:
    """The line of each top-level key of the notebook's metadata, where it is
    written as Jupyter writes it (the metadata after the cells, indented by one)."""
    openings = list(re.finditer(r'^ "metadata": \{', text, re.MULTILINE))
    if not openings:
        return {}
    lines = {}
    for key in keys:
        found = re.compile(rf"^  {re.escape(json.dumps(key))}:", re.MULTILINE).search(
            text, openings[-1].end()
        )
        if found:
            lines[key] = text.count("\n", 0, found.start()) + 1
    return lines


def read_notebook_front_matter(text: str) -> FrontMatter:
    """The front matter of the notebook *text*: its first cell's header, then the
    front-matter keys of its metadata; lines are the file's."""
    notebook, problem = _load(text)
    if notebook is None:
        return FrontMatter(problems=(problem,) if problem else ())
    metadata = {
        key: value for key, value in notebook["metadata"].items() if key not in JUPYTER_KEYS
    }
    index = _header_cell(notebook)
    header = FrontMatter()
    if index is not None:
        cell = notebook["cells"][index]
        header = read_front_matter(_cell_text(cell))
        places, _end = _source_lines(text, cell, text.find('"cells"'))
        first = places[0] if places else None

        def place(line: int | None) -> int | None:
            if line is None or not places:
                return first
            return places[min(line, len(places)) - 1]

        header = dataclasses.replace(
            header,
            lines={key: place(line) or 1 for key, line in header.lines.items()},
            problems=tuple(dataclasses.replace(p, line=place(p.line)) for p in header.problems),
        )
    known = {key.casefold() for key in header.data}
    new = {key: value for key, value in metadata.items() if key.casefold() not in known}
    return dataclasses.replace(
        header,
        data={**header.data, **new},
        lines={**header.lines, **_metadata_lines(text, list(new))},
        form=header.form if header.span else "notebook",
    )


def _json_value(value: Any) -> Any:
    """*value* as JSON can hold it (YAML's sets, dates and keys that are not text
    become text)."""
    return json.loads(json.dumps(value, default=str, ensure_ascii=False))


def notebook_for_myst(text: str, front_matter: FrontMatter) -> str:
    """The notebook *text* as MyST-NB should read it: the first cell without its
    header, and the metadata holding the post's front matter (with Jupyter's
    keys MyST-NB reads).  A file that is no notebook becomes an empty one."""
    notebook, _problem = _load(text)
    if notebook is None:
        return json.dumps(_EMPTY)
    starts = _cell_starts(text, notebook["cells"])
    index = _header_cell(notebook)
    if index is not None and front_matter.span:
        cell = notebook["cells"][index]
        lines = _cell_text(cell).lstrip("\ufeff").splitlines(keepends=True)
        cell["source"] = "".join(lines[front_matter.span :])
        if starts is not None:
            starts[index] += front_matter.span
    metadata = notebook["metadata"]
    jupyter = {key: metadata[key] for key in _FOR_MYST_NB if key in metadata}
    if isinstance(jupyter.get("kernelspec"), dict) and "language_info" not in jupyter:
        jupyter["kernelspec"] = _with_language(jupyter["kernelspec"])
    if starts is not None:
        # MyST-NB numbers a cell's lines from there: warnings name the file's lines
        jupyter["source_map"] = starts
    if notebook.get("nbformat_minor", 0) >= 5 and notebook.get("nbformat") == 4:
        # ids as Jupyter gives them (nbformat warns on standard error of each missing)
        for index, cell in enumerate(notebook["cells"]):
            cell.setdefault("id", f"cell-{index}")
    # a header too big to read whole reaches MyST as its title alone, as a post's does
    values = front_matter.data if front_matter.myst_lines is None else {}
    if front_matter.myst_lines is not None and "title" in front_matter.data:
        values = {"title": front_matter.data["title"]}
    notebook["metadata"] = {**_json_value(values), **jupyter}
    return json.dumps(notebook, ensure_ascii=False)


# --- MyST text notebooks ---------------------------------------------------------------------


def text_notebook_head(head: str) -> bool:
    """Whether the start of a Markdown file, *head*, is a MyST text notebook's header."""
    if not head.lstrip("\ufeff").startswith("---"):
        return False
    end = head.find("\n---", 3)
    return bool(_TEXT_NOTEBOOK_KEY.search(head if end < 0 else head[:end]))


def is_text_notebook(data: Mapping[str, Any]) -> bool:
    """Whether a Markdown post whose front matter is *data* is a MyST text notebook."""
    jupytext = data.get("jupytext")
    form = jupytext.get("text_representation") if isinstance(jupytext, dict) else None
    return (
        data.get("file_format") == "mystnb"
        or (isinstance(form, dict) and form.get("format_name") == "myst")
        or isinstance(data.get("kernelspec"), dict)
    )


def text_notebook_for_myst(text: str, front_matter: FrontMatter) -> str:
    """A text notebook as MyST-NB reads it: its header as the blog read it (dates
    as text, which MyST-NB's notebook writer needs), saying it is a notebook,
    written in as many lines, so that every line keeps its number."""
    if front_matter.span < 3:
        return text
    data = front_matter.data
    if front_matter.myst_lines is not None:  # too big to read whole: what MyST-NB needs
        data = {key: data[key] for key in ("title", "kernelspec", "jupytext") if key in data}
    data = {**data, "file_format": "mystnb"}
    if isinstance(data.get("kernelspec"), dict):
        data["kernelspec"] = _with_language(data["kernelspec"])
    lines = text.lstrip("\ufeff").splitlines(keepends=True)
    header = headers.myst_header(data, front_matter.span)
    return "".join(line + "\n" for line in header) + "".join(lines[front_matter.span :])


def _with_language(kernelspec: dict[str, Any]) -> dict[str, Any]:
    """A kernel's language where only its name gives it (``python3``): MyST-NB
    highlights the cells by it, and warns of each cell without it."""
    name = kernelspec.get("name")
    if "language" in kernelspec or not isinstance(name, str) or not name.startswith("python"):
        return kernelspec
    return {**kernelspec, "language": "python"}

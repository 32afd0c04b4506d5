"""The site's own YAML files (the authors file, the tags file): read once, with the
line of what is wrong.

Pure: used by :mod:`sphinxblog.core.authors` and :mod:`sphinxblog.core.tagfile`.
"""

from __future__ import annotations

import yaml

from sphinxblog.core.problems import Problem

#: a site's file longer than this is not read (it is the site's own, but a mistake
#: should not stall the build)
MAX_BYTES = 1024 * 1024

#: libyaml's loader where PyYAML has it, then the pure-Python one, which reads
#: what libyaml refuses (``"\\ud800"``) and words its errors as before
_LOADERS: tuple[type[yaml.SafeLoader], ...] = (
    *((yaml.CSafeLoader,) if hasattr(yaml, "CSafeLoader") else ()),
    yaml.SafeLoader,
)


def compose(text: str) -> tuple[yaml.SafeLoader, yaml.Node | None]:
    """A loader of *text* and the node of its one document.

    The same loader then builds values from the node's parts: a loader per
    entry would read the whole file again for each, in time growing with the
    square of the file's length.
    """
    for loader_class in _LOADERS:
        loader = loader_class(text)
        try:
            return loader, loader.get_single_node()
        except yaml.YAMLError:
            loader.dispose()
            if loader_class is _LOADERS[-1]:
                raise
    raise AssertionError("unreachable")  # pragma: no cover


def read_yaml_file(
    text: str, what: str, subtype: str
) -> tuple[yaml.SafeLoader | None, yaml.Node | None, list[Problem]]:
    """*text* of the file *what* ("the tags file") composed: its loader and root node,
    or the problem that stopped it (too long, or not YAML), at its 1-based line."""
    if len(text.encode("utf-8")) > MAX_BYTES:
        return None, None, [Problem(subtype, f"{what} is longer than 1 MiB; not read", 1)]
    try:
        loader, root = compose(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problem = getattr(error, "problem", None) or str(error)
        return None, None, [Problem(subtype, f"{what} is not valid YAML: {problem}", line)]
    return loader, root, []

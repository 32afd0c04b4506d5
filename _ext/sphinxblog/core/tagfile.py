"""What a tag is about: its label and description, from a tags file or ``conf.py``.

The file is Docusaurus' ``tags.yml``: each tag as posts write it, mapped to its
``label`` (the name pages show) and ``description`` (shown on its page, in its
feed and as the page's description).  ``blog_tag_descriptions`` in ``conf.py``
gives the same, a tag mapped to a description or to such a mapping, and wins.
Tags are matched as the catalog matches them (:func:`~sphinxblog.core.values.tag_key`).

Pure: read by :mod:`sphinxblog.reading.scan`.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from sphinxblog.core.problems import Problem, short_repr
from sphinxblog.core.values import parse_text, tag_key
from sphinxblog.core.yamlfiles import read_yaml_file


@dataclass(frozen=True, order=True)
class TagInfo:
    """A tag's label (empty: its spelling in its oldest post) and description."""

    label: str = ""
    description: str = ""


def tag_info(value: object, where: str) -> tuple[TagInfo | None, list[str]]:
    """One tag's entry: a description alone, or a mapping with ``label`` and
    ``description`` (Docusaurus' ``permalink`` is left to the tag's own address)."""
    if value is None:
        return TagInfo(), []
    if isinstance(value, str):
        description, _problems = parse_text(value, "description")
        return TagInfo(description=description or ""), []
    if not isinstance(value, dict):
        return None, [f"{where} should be a description or a mapping with 'label' and "
                      f"'description', not {short_repr(value)}; it is ignored"]  # fmt: skip
    messages = []
    found = {}
    for field in ("label", "description"):
        text, problems = parse_text(value.get(field), field)
        if problems:
            messages.append(f"{where}: {field} {short_repr(value.get(field))} is not text")
        found[field] = text or ""
    return TagInfo(**found), messages


def parse_tags_file(text: str) -> tuple[dict[str, TagInfo], list[Problem]]:
    """The tags of a ``tags.yml`` by :func:`tag_key`, and what is wrong with it (lines
    1-based)."""
    loader, root, problems = read_yaml_file(text, "the tags file", "tags_file")
    if loader is None or root is None:
        return {}, problems
    try:
        data = loader.construct_document(root)
    except yaml.YAMLError as error:  # an unhashable key, an unknown tag
        return {}, [Problem("tags_file", f"the tags file cannot be read: {error}", 1)]
    if not isinstance(data, dict) or not isinstance(root, yaml.MappingNode):
        message = "the tags file should map each tag to its label and description"
        return {}, [Problem("tags_file", message, 1)]
    lines = {
        str(key_node.value): int(key_node.start_mark.line) + 1 for key_node, _value in root.value
    }
    tags: dict[str, TagInfo] = {}
    problems = []
    for key, value in data.items():
        line = lines.get(str(key), 1)
        if not isinstance(key, str | int | float) or isinstance(key, bool) or not str(key).strip():
            problems.append(Problem("tags_file", f"tag {short_repr(key)} is not a name", line))
            continue
        info, messages = tag_info(value, f"tag {str(key)!r}")
        problems += [Problem("tags_file", message, line) for message in messages]
        if info is not None:
            tags[tag_key(str(key))] = info
    return tags, problems


def tags_from_config(value: object) -> tuple[dict[str, TagInfo], list[str]]:
    """``blog_tag_descriptions``: a tag mapped to a description or to a mapping with
    ``label`` and ``description``."""
    if not isinstance(value, dict):
        return {}, ["blog_tag_descriptions should be a dict of tags"]
    tags: dict[str, TagInfo] = {}
    messages: list[str] = []
    for key, entry in value.items():
        info, found = tag_info(entry, f"blog_tag_descriptions[{str(key)!r}]")
        messages += found
        if info is not None and str(key).strip():
            tags[tag_key(str(key))] = info
    return tags, messages

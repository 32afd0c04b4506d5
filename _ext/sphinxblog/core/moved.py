"""What moving a blog in did to each post, and the summary a build prints of it.

A blog that comes from another generator is read by general rules and
translators; the warnings name each problem at its line, and this summary
says at the end of the build what happened overall: the posts read by the
kind of their header, the markup translated by kind, what was left or
dropped (with a warning), and the links that lead nowhere here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

#: how each kind of header is named in the summary
HEADER_NAMES = {
    "yaml": "YAML", "headless": "YAML with only its closing line (Hexo)", "toml": "TOML",
    "json": "JSON", "pelican": "Pelican's lines", "nikola": "Nikola's lines", "": "no header",
}  # fmt: skip


@dataclass(frozen=True)
class MovedIn:
    """One post's share of the summary."""

    #: the kind of its header (a :class:`~sphinxblog.core.frontmatter.FrontMatter` form,
    #: empty where it has none)
    header: str = "yaml"
    #: per kind of markup translated: how many lines it changed
    translated: tuple[tuple[str, int], ...] = ()
    #: per kind of markup: how many constructs were left or dropped, with a warning
    left: tuple[tuple[str, int], ...] = ()

    @property
    def foreign(self) -> bool:
        """Whether anything about the post came from another generator."""
        return self.header not in {"yaml"} or bool(self.translated or self.left)


def summary(records: Iterable[MovedIn], unresolved_links: int) -> list[str]:
    """The summary's lines, or none where no post came from another generator."""
    records = list(records)
    if not any(record.foreign for record in records) and not unresolved_links:
        return []
    headers = Counter(record.header for record in records)
    lines = [
        f"{_count(len(records), 'post')} read: "
        + ", ".join(
            f"{count} {HEADER_NAMES.get(form, form)}" for form, count in headers.most_common()
        )
    ]
    for title, field_name in (("markup translated", "translated"),
                              ("markup left or dropped, each with a warning", "left")):  # fmt: skip
        lines_per_kind: Counter[str] = Counter()
        posts_per_kind: Counter[str] = Counter()
        for record in records:
            for kind, count in getattr(record, field_name):
                lines_per_kind[kind] += count
                posts_per_kind[kind] += 1
        if lines_per_kind:
            unit = "line" if field_name == "translated" else "construct"
            lines.append(f"{title}: " + "; ".join(
                f"{kind} {_count(count, unit)} in {_count(posts_per_kind[kind], 'post')}"
                for kind, count in sorted(lines_per_kind.items(), key=lambda item: -item[1])
            ))  # fmt: skip
    if unresolved_links:
        lines.append(f"links that lead nowhere here: {unresolved_links} (blog.link warnings)")
    return lines


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"

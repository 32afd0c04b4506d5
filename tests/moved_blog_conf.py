"""The settings the test roots of blogs moved in from other generators share.

Each such root's ``conf.py`` takes them from here; a function, so that every
app gets lists of its own (sphinx-design appends to ``html_static_path``).
"""

from __future__ import annotations


def moved_blog_settings(year: int = 2024) -> dict[str, object]:
    return {
        "extensions": ["myst_parser", "sphinxblog"],
        "myst_enable_extensions": ["colon_fence", "deflist"],
        "myst_title_to_header": True,
        "exclude_patterns": ["_build"],
        "html_theme": "basic",
        "html_static_path": [],
        # an ePub without them is not valid EPUB 3
        "version": "1",
        "copyright": f"{year}, Blog Author",
    }

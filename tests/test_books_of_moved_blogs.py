"""The ePub of posts from every generator the blog reads is a valid book.

Each generator's test root (its headers, its markup, raw HTML of every kind
in ``test-from-more``) is built as an ePub and checked by EPUBCheck 5, which
nobody on this project wrote: nothing it reports is allowed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checkers import epubcheck_messages

ROOTS = sorted(
    path.name.removeprefix("test-")
    for path in (Path(__file__).parent / "roots").glob("test-from-*")
)


@pytest.mark.parametrize("root", ROOTS)
def test_the_epub_of_each_generators_posts_passes_epubcheck(builds, root):
    app = builds(root, "epub")
    assert epubcheck_messages(next(app.outdir.glob("*.epub"))) == []

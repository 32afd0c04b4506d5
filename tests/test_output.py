"""What each builder's output holds: one record that every module asks."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sphinxblog.reading.output import Output, output_of

ROOT = Path(__file__).parent / "roots" / "test-hostile-paths"  # with html_baseurl, page size 2

PAGES = {"pages": True, "feeds": True, "page_size": 2, "html": True, "html_files": True}
SITE = {**PAGES, "site": True, "sitemap": True, "search": True, "social_cards": True}
EXPECTED = {
    "html": Output("html", **SITE),
    "dirhtml": Output("dirhtml", **SITE),
    "json": Output("json", **PAGES, serialized=True, search=True),
    "singlehtml": Output(
        "singlehtml",
        html=True,
        html_files=True,
        single_page=True,
        writes_everything=True,
        search=True,
    ),
    "epub": Output(
        "epub",
        html=True,
        html_files=True,
        book=True,
        epub=True,
        starts_at_book=True,
        downloads_remote_images=True,
    ),
    "latex": Output(
        "latex",
        book=True,
        latex=True,
        starts_at_book=True,
        writes_everything=True,
        downloads_remote_images=True,
    ),
    "text": Output("text"),
}


@pytest.mark.parametrize("builder", EXPECTED)
def test_each_builder_is_described_once(make_app, tmp_path, builder):
    srcdir = Path(shutil.copytree(ROOT, tmp_path / "site"))
    app = make_app(builder, srcdir=srcdir, freshenv=True)
    assert output_of(app.builder) == EXPECTED[builder]
    assert output_of(app.builder) is output_of(app.builder)  # made at builder-inited, kept


def test_without_a_base_url_there_are_no_feeds_and_no_sitemap(make_app, tmp_path):
    srcdir = Path(shutil.copytree(ROOT, tmp_path / "site"))
    app = make_app("html", srcdir=srcdir, freshenv=True, confoverrides={"html_baseurl": ""})
    output = output_of(app.builder)
    assert (output.site, output.pages, output.feeds, output.sitemap) == (True, True, False, False)

"""The pure core: parsing, dates, slugs, posts and the catalog, with no Sphinx."""

VERSION = "0.1.0"

"""Sphinx configuration of the blog."""

import os
import sys

sys.path.insert(0, os.path.abspath("_ext"))

project = "Blog"
author = "The blog's authors"
copyright = "2019-2026, %s" % author
version = release = "1.0"
language = "en"

extensions = ["myst_parser", "sphinx_design", "sphinxblog"]

root_doc = "index"
source_suffix = {".md": "markdown"}
exclude_patterns = [
    "_build", ".venv", ".ci", "_ext", "tests", "README.md",
    ".pytest_cache", "Thumbs.db", ".DS_Store",
]  # fmt: skip

# A post's front-matter title is its page heading.
myst_title_to_header = True
myst_enable_extensions = ["colon_fence", "deflist"]

# --- the blog extension (see README.md) ---
blog_post_pattern = ["posts/**"]
blog_tags_folder = "tags"
blog_date_format = "%b %d, %Y"
blog_sidebar_posts = 5

# --- HTML ---
html_theme = "sphinx_book_theme"
html_title = project
html_static_path = ["_static"]
html_css_files = ["site.css"]
html_sidebars = {
    "**": [
        "navbar-logo.html",
        "icon-links.html",
        "search-button-field.html",
        "sbt-sidebar-nav.html",
        "blog-recent-posts.html",
    ]
}
html_theme_options = {
    "show_navbar_depth": 1,
    "home_page_in_toc": True,
}

"""Sphinx configuration of the blog."""

import contextlib
import io
import os
import sys
import uuid

# sphinxext-opengraph prints "matplotlib is not installed, social cards will not be
# generated" on standard output when imported; the blog makes no such cards with it
# (ogp_social_cards below), so it is imported here, quietly, before Sphinx loads it
with contextlib.redirect_stdout(io.StringIO()):
    import sphinxext.opengraph  # noqa: F401

sys.path.insert(0, os.path.abspath("_ext"))

project = "Blog"
author = "The blog's authors"
copyright = f"2019-2026, {author}"
version = release = "1.0"
language = "en"
# Kazakh for Sphinx's and the PyData theme's interface (Read the Docs sets the
# language with -D language=...); absolute, because Sphinx reads it from other
# folders too
locale_dirs = [os.path.abspath("locales")]

# sphinx_kazakh: Kazakh for Docutils, the search and the book theme (any site can load it)
extensions = [
    "myst_parser", "sphinx_design", "sphinxext.opengraph", "sphinx_copybutton", "sphinxblog",
    "sphinx_kazakh",
]  # fmt: skip

root_doc = "index"
source_suffix = {".md": "markdown", ".markdown": "markdown", ".mdx": "markdown"}
exclude_patterns = [
    "_build", ".venv", ".venv-bench", ".ci", "_ext", "bench", "tests", "docs", "README.md",
    ".pytest_cache", "Thumbs.db", ".DS_Store",
]  # fmt: skip

# A post's front-matter title is its page heading.
myst_title_to_header = True
# GitHub's Markdown: ~~struck~~, - [x] tasks, https:// addresses as links (not
# file names such as conf.py, which look like addresses to a fuzzy reader); math
# in $…$, $$…$$ and \begin{align} (MathML in the web pages and the ePub)
myst_enable_extensions = [
    "colon_fence", "deflist", "strikethrough", "tasklist", "linkify", "dollarmath", "amsmath",
]  # fmt: skip
myst_linkify_fuzzy_links = False

# A copy button on each code block of the web pages: it copies the commands, not
# their prompts ($, >>>, ..., In [1]:), their output or the lines' numbers
copybutton_prompt_text = r"\$ |>>> |\.\.\. |In \[\d*\]: | {2,5}\.\.\.: "
copybutton_prompt_is_regexp = True
copybutton_exclude = ".linenos, .gp, .go"

# headings get the ids other generators gave them (GitHub-style slugs), so old
# `#heading` links keep working
myst_heading_anchors = 6

# --- the blog extension (see docs/configuration.md) ---
blog_post_pattern = ["posts/**"]
blog_tags_folder = "tags"
blog_sidebar_posts = 5
# where links by old URLs that match no post here should go (the old site)
# blog_old_site_url = "https://old.example.org"

# --- HTML ---
html_theme = "sphinx_book_theme"
html_title = project
html_static_path = ["_static"]
templates_path = ["_templates"]
html_css_files = ["site.css"]
html_favicon = "_static/favicon.svg"
# light or dark as the reader's system prefers (an unset mode logs a console error)
html_context = {"default_mode": "auto"}
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

# Read the Docs gives the canonical URL of each version; elsewhere there is none
# unless given (-D html_baseurl=...), and the feeds and the blog's sitemap, which
# need absolute URLs, are left out: the blog says so once.
html_baseurl = os.environ.get("READTHEDOCS_CANONICAL_URL", "")

# social cards (OpenGraph, Twitter): a post's summary is its description; the
# blog gives them html_baseurl as the site's address
ogp_social_cards = {"enable": False}
ogp_enable_meta_description = True

# --- the book: PDF (make latexpdf) and ePub (make epub) ---
# book.md holds every post in its toctree; the website's sidebar does not.
# The blog starts the ePub there too and sets each chapter's language.
latex_engine = "xelatex"  # Kazakh needs Unicode fonts; pdflatex cannot set Қ
latex_documents = [("book", "blog.tex", project, author, "manual")]
latex_use_xindy = False
latex_domain_indices = False
latex_elements = {
    "printindex": "",
    # a book read on screen: no blank pages, no left and right pages
    "extraclassoptions": "openany,oneside",
    "fncychap": "",  # "Chapter 1" in the book's language, not "CHAPTER ONE"
    # the blog's name and authors; no release, on the title page or in the headers
    "maketitle": r"""
\makeatletter
\release{}\renewcommand{\releasename}{}\let\sphinxheadercomma\empty
\begin{titlepage}
  \centering\sffamily
  \vspace*{0.3\textheight}
  {\Huge\bfseries \@title\par}
  \vspace{2em}
  {\Large \@author\par}
\end{titlepage}
\makeatother
""",
    "preamble": r"\setcounter{secnumdepth}{0}",  # a post's sections are not numbered
}
epub_basename = "blog"
# epubcheck wants the OPF identifier and the NCX uid to be one string, which is
# also used as an XML id: a name without colons
epub_identifier = epub_uid = f"blog-{uuid.uuid5(uuid.NAMESPACE_URL, html_baseurl or project)}"
epub_scheme = "UUID"
# Sphinx leaves this behind in the output folder when the configuration changes
epub_exclude_files = [".buildinfo.bak"]
epub_use_index = False  # Sphinx would add an empty index page
# the table of contents lists the posts (a hidden toctree) and the indexes, not their sections
epub_tocscope = "includehidden"
epub_tocdepth = 1

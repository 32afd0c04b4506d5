extensions = ["myst_parser", "sphinxblog"]
myst_title_to_header = True
exclude_patterns = ["_build"]
# the site's theme and its navigation in the sidebar
html_theme = "sphinx_book_theme"
html_sidebars = {"**": ["sbt-sidebar-nav.html"]}
# later pages of listings, in folders of their own
blog_page_size = 1
# sphinx-design appends to this list: give each test app its own
html_static_path = []

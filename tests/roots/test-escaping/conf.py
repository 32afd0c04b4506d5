extensions = ["myst_parser", "sphinxblog"]
myst_title_to_header = True
exclude_patterns = ["_build"]
blog_sidebar_posts = 3
# the site's real theme: it writes page titles in places the basic theme has not
html_theme = "sphinx_book_theme"
html_sidebars = {"**": ["sbt-sidebar-nav.html", "blog-recent-posts.html"]}
blog_page_size = 1
# sphinx-design appends to this list: give each test app its own
html_static_path = []
# an ePub without them is not valid EPUB 3
version = "1"
copyright = "2020, Blog Author"

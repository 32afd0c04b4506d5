extensions = ["myst_parser", "sphinxblog"]
myst_title_to_header = True
exclude_patterns = ["_build"]
html_theme = "sphinx_book_theme"
html_static_path = []
html_baseurl = "https://blog.example.org/"
blog_feed_fulltext = True

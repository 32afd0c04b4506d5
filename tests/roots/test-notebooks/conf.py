extensions = ["myst_parser", "sphinxblog"]
myst_enable_extensions = ["colon_fence", "dollarmath", "amsmath"]
myst_title_to_header = True
exclude_patterns = ["_build"]
html_theme = "sphinx_book_theme"
# sphinx-design appends to this list: give each test app its own
html_static_path = []
html_baseurl = "https://blog.example.org/"
blog_feed_fulltext = True
# an ePub without them is not valid EPUB 3
version = "1"
copyright = "2024, Blog Author"

extensions = ["myst_parser", "sphinxblog", "sphinxext.opengraph"]
myst_title_to_header = True
exclude_patterns = ["_build"]
html_theme = "basic"
# sphinx-design appends to this list: give each test app its own
html_static_path = []
project = "Covers"
author = "Blog Author"
copyright = "2024, Blog Author"
# an ePub without it is not valid EPUB 3
version = "1"
html_baseurl = "https://blog.example.org/"
ogp_site_url = html_baseurl
ogp_social_cards = {"enable": False}
blog_feed_fulltext = True

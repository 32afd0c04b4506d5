extensions = ["myst_parser", "sphinxblog", "sphinxext.opengraph"]
myst_title_to_header = True
exclude_patterns = ["_build"]
html_theme = "basic"
# sphinx-design appends to this list: give each test app its own
html_static_path = []
project = "Feeds"
author = "Blog Author"
html_baseurl = "https://blog.example.org/kk/latest/"
ogp_site_url = html_baseurl
ogp_social_cards = {"enable": False}
blog_related_posts = 2

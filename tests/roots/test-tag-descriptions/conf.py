extensions = ["myst_parser", "sphinxblog", "sphinxext.opengraph"]
myst_title_to_header = True
exclude_patterns = ["_build"]
html_theme = "basic"
# sphinx-design appends to this list: give each test app its own
html_static_path = []
project = "Tags"
html_baseurl = "https://blog.example.org/"
ogp_social_cards = {"enable": False}
ogp_enable_meta_description = True
blog_tag_descriptions = {"travel": "Trips, near and far."}

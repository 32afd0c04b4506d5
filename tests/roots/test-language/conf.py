extensions = ["myst_parser", "sphinxblog"]
myst_title_to_header = True
exclude_patterns = ["_build"]
html_theme = "basic"
html_sidebars = {"**": ["blog-recent-posts.html"]}
# sphinx-design appends to this list: give each test app its own
html_static_path = []
project = "Languages"
author = "Blog Author"
language = "en"
blog_related_posts = 3
# an ePub without them is not valid EPUB 3
version = "1"
copyright = "2024, Blog Author"

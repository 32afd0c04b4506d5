extensions = ["myst_parser", "sphinxblog", "sphinx_kazakh"]
myst_title_to_header = True
exclude_patterns = ["_build"]
blog_sidebar_posts = 3
html_sidebars = {"**": ["blog-recent-posts.html"]}
html_theme = "basic"
# sphinx-design appends to this list: give each test app its own
html_static_path = []

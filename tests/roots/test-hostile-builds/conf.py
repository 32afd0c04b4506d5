import os
import sys

# the test-only extension beside this file, which stops a build where asked
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

extensions = ["myst_parser", "sphinxblog", "stopper"]
myst_title_to_header = True
exclude_patterns = ["_build"]
html_theme = "basic"
html_static_path = []
html_sidebars = {"**": ["blog-recent-posts.html"]}
html_baseurl = "https://blog.example.org/"
project = "Hostile builds"
author = "Blog Author"
blog_page_size = 2
blog_sidebar_posts = 2
latex_documents = [("book", "book.tex", "Book", "Author", "manual")]

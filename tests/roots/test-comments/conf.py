extensions = ["myst_parser", "sphinxblog"]
myst_title_to_header = True
exclude_patterns = ["_build"]
html_theme = "sphinx_book_theme"
# sphinx-design appends to this list: give each test app its own
html_static_path = []
project = "Comments"
author = "Blog Author"
copyright = "2024, Blog Author"
# an ePub without it is not valid EPUB 3
version = "1"
html_baseurl = "https://blog.example.org/"
language = "en"
blog_comments = {
    "provider": "giscus",
    "repo": "example/blog",
    "repo_id": "R_kgDOExample",
    "category": "Comments",
    "category_id": "DIC_kwDOExample",
}

extensions = ["myst_parser", "sphinxblog"]
myst_title_to_header = True
myst_enable_extensions = ["colon_fence", "deflist"]
exclude_patterns = ["_build"]
html_theme = "basic"
# sphinx-design appends to this list: give each test app its own
html_static_path = []
latex_documents = [("book", "book.tex", "Book", "Author", "manual")]
project = "Links"
version = release = "1"
copyright = "2026, Author"

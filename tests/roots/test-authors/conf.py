extensions = ["myst_parser", "sphinxblog"]
myst_title_to_header = True
exclude_patterns = ["_build"]
html_theme = "basic"
# sphinx-design appends to this list: give each test app its own
html_static_path = []
html_baseurl = "https://blog.example.org/"
latex_documents = [("book", "book.tex", "Book", "Author", "manual")]
epub_identifier = epub_uid = "authors-test"
epub_scheme = "UUID"
epub_use_index = False
epub_exclude_files = [".buildinfo.bak"]
epub_tocscope = "includehidden"
# EPUBCheck wants every one of these
project = "Authors test"
author = "Test Author"
copyright = "2025, Test Author"
version = release = "1"

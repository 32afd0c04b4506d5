extensions = ["myst_parser", "sphinxblog", "sphinx_kazakh"]
myst_title_to_header = True
exclude_patterns = ["_build"]
html_theme = "basic"
# sphinx-design appends to this list: give each test app its own
html_static_path = []
project = "Translations"
author = "Blog Author"
language = "en"
html_baseurl = "https://blog.example.org/"
latex_documents = [("book", "translations.tex", "Translations", "Blog Author", "manual")]
epub_identifier = epub_uid = "translations-test-book"
epub_scheme = "UUID"
copyright = "2020, Blog Author"
version = "1"

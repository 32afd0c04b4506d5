extensions = ["myst_parser", "sphinxblog"]
# as a site may have it: .markdown and .mdx are added by the extension
source_suffix = {".md": "markdown"}
myst_title_to_header = True
exclude_patterns = ["_build"]
html_theme = "basic"
# sphinx-design appends to this list: give each test app its own
html_static_path = []
suppress_warnings = ["toc.not_included"]
# the old site's addresses: Jekyll's default, and Hugo's
blog_old_url_patterns = ["/:year/:month/:day/:title:output_ext", "/posts/:slug/"]

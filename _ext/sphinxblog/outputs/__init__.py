"""Outputs: everything written besides the documents: feeds, later pages of long listings,
redirects, the sitemap, the search index, the templates' context.
"""

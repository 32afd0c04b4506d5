"""Rebuilding: which pages to write again, stale output to remove, builds that stopped before
their end.
"""

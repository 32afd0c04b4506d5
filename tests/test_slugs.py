"""Tag slugs, without Sphinx."""

from __future__ import annotations

import re

import pytest
from sphinxblog.slugs import assign_slugs, slugify


@pytest.mark.parametrize(
    ("tag", "slug"),
    [
        ("Python", "python"),
        ("Machine Learning", "machine-learning"),
        ("C", "c"),
        ("C++", "c-plus-plus"),
        ("C#", "c-sharp"),
        ("Қазақстан", "qazaqstan"),
        ("әділ", "adil"),
        ("саясат", "saiasat"),
        ("ӨҢІРЛЕР", "onirler"),
        ("../../etc", "etc"),
        ("<script>alert(1)</script>", "script-alert-1-script"),
    ],
)
def test_readable_ascii_slugs(tag, slug):
    assert slugify(tag) == slug


@pytest.mark.parametrize("tag", ["++", "!!!", "🎉", "...", "日本語", "x" * 500])
def test_slugs_are_never_empty_and_always_safe(tag):
    slug = slugify(tag)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug)
    assert len(slug) <= 60


def test_case_variants_share_a_slug():
    assert assign_slugs(["Python", "python", "PYTHON"]) == {"python": "python"}


def test_c_cpp_and_csharp_get_three_pages():
    slugs = assign_slugs(["C", "C++", "C#"])
    assert len(set(slugs.values())) == 3


def test_collisions_get_distinct_stable_slugs():
    slugs = assign_slugs(["c plus plus", "C++"])
    assert slugs["c plus plus"] == "c-plus-plus"  # spells the slug literally: keeps it
    assert re.fullmatch(r"c-plus-plus-[0-9a-f]{6}", slugs["c++"])
    assert assign_slugs(["C++", "c plus plus", "Rust"])["c++"] == slugs["c++"]


def test_the_tag_index_slug_is_reserved():
    assert assign_slugs(["index"])["index"] != "index"

"""Tag slugs, without Sphinx."""

from __future__ import annotations

import hashlib
import re

import pytest

from sphinxblog.core.slugs import assign_slugs, is_reserved, slugify
from sphinxblog.core.values import tag_key


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


def test_a_tag_spelling_another_tags_hashed_slug_does_not_take_it():
    alone = assign_slugs(["C++", "c plus plus"])
    slugs = assign_slugs(["C++", "c plus plus", alone["c++"]])
    assert slugs["c++"] == alone["c++"] == "c-plus-plus-372946"  # C++'s URL stays
    assert re.fullmatch(r"c-plus-plus-372946-[0-9a-f]{6}", slugs["c-plus-plus-372946"])
    assert len(set(slugs.values())) == 3


def test_slugs_stay_unique_when_hash_prefixes_meet():
    # two spellings of c-plus-plus whose hashes share their first six digits (found by trying)
    tags = ["C++", "c++" + "." * 978, "c++" + "." * 8550]
    digests = {hashlib.sha1(tag.encode()).hexdigest()[:6] for tag in tags[1:]}
    assert len(digests) == 1
    slugs = assign_slugs(tags)
    assert slugs["c++"] == "c-plus-plus"
    assert len(set(slugs.values())) == 3
    assert all(re.fullmatch(r"c-plus-plus-[0-9a-f]{8}", slugs[tag]) for tag in tags[1:])


@pytest.mark.parametrize(
    "tag", ["CON", "con", "Nul", "PRN", "aux", "COM1", "com9", "LPT1", "lpt9", "COM¹", "com0"]
)
def test_windows_device_names_are_no_slug(tag):
    slug = assign_slugs([tag])[tag_key(tag)]
    assert re.fullmatch(rf"{slugify(tag)}-[0-9a-f]{{6}}", slug)
    assert not is_reserved(slug)


@pytest.mark.parametrize(
    ("name", "reserved"),
    [
        ("con", True), ("CON.md", True), ("nul.tar.gz", True), ("Com1", True), ("aux ", True),
        ("index", True), ("console", False), ("con-txt", False), ("com10", False),
        ("lpt", False), ("python", False),
    ],
)  # fmt: skip
def test_reserved_names(name, reserved):
    assert is_reserved(name) is reserved

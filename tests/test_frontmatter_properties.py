"""Random front matter never breaks the parser: a post record always comes back,
and every problem is a known kind of warning."""

from __future__ import annotations

import datetime as dt
import string

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sphinxblog.core.frontmatter import FIELD_KEYS, read_front_matter
from sphinxblog.core.posts import Post, post_from_front_matter
from sphinxblog.core.problems import SUBTYPES
from sphinxblog.core.slugs import assign_slugs
from sphinxblog.core.values import MAX_TAGS, xml_safe

scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=200)
    | st.sampled_from(["2020-01-01", "2023-13-01", "Oct 10, 2020", "05/06/2020", "draft", ""])
    | st.dates()
    | st.datetimes(timezones=st.none() | st.timezones())
    | st.text(alphabet="ӘҒҚҢӨҰҮҺІәғқңөұүһі<>/.\\&#+ ", max_size=30)
)
values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=10), children, max_size=5)
    ),
    max_leaves=20,
)
keys = st.sampled_from(sorted(FIELD_KEYS)) | st.text(max_size=20)
front_matters = st.dictionaries(keys, values, max_size=12)


def check(post: Post, problems: list) -> None:
    assert isinstance(post, Post) and post.title
    assert post.date is None or isinstance(post.date, dt.date)
    assert all(isinstance(tag, str) and tag.strip() for tag in post.tags)
    assert all(isinstance(name, str) for name in post.authors)
    assert all(".." not in alias.split("/") for alias in post.aliases)
    texts = (post.title, post.summary or "", *post.tags, *post.authors)
    assert not any(xml_safe(text)[1] for text in texts)
    assert {problem.subtype for problem in problems} <= SUBTYPES.keys()
    slugs = assign_slugs(post.tags)
    assert len(set(slugs.values())) == len(slugs)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(front_matters)
def test_any_yaml_front_matter_gives_a_post_or_a_warning(data):
    text = "---\n" + yaml.safe_dump(data, allow_unicode=True) + "---\nBody\n"
    check(*post_from_front_matter("posts/random", read_front_matter(text), None))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=string.printable + "ӘәҚқ\u00a0\ufeff", max_size=300))
def test_any_text_after_the_fence_gives_a_post_or_a_warning(text):
    check(*post_from_front_matter("posts/random", read_front_matter("---\n" + text), None))


def test_huge_and_deep_values_are_survived():
    deep = "a: " + "[" * 5000 + "]" * 5000 + "\n"
    post, problems = post_from_front_matter("posts/x", read_front_matter(f"---\n{deep}---\n"), None)
    assert problems and post.title == "x"
    huge = "tags: [" + ", ".join(f"t{i}" for i in range(20000)) + "]\ntitle: " + "T" * 100000
    post, problems = post_from_front_matter(
        "posts/x", read_front_matter(f"---\n{huge}\n---\n"), None
    )
    assert post.tags == tuple(f"t{i}" for i in range(MAX_TAGS)) and len(post.title) == 100000
    assert "tags" in [p.subtype for p in problems]

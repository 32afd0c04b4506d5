"""Kazakh search: one stemmer in Python (index) and JavaScript (queries)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest
from conftest import PROJECT
from sphinxblog.search_kk import javascript, stem

POSTS = PROJECT / "posts"
SEED = "2019-06-18-simple-post"
ELECTIONS = "2025-06-09-saylau-zhane-azamattyq-qogam"
DOCS = "2026-10-17-qazaqsha-qujattama"
ALPHABET = "2021-03-14-learning-kazakh-alphabet"

# (query, post it must find): each query is a form the post does not contain
RECALL_PAIRS = [
    ("Қазақстанда", SEED), ("Қазақстанға", SEED), ("қазақстандық", SEED),
    ("бостандық", SEED), ("бостандықтар", SEED), ("құқықтар", SEED), ("құқығымыз", SEED),
    ("азаматтар", SEED), ("азаматтың", SEED), ("сайлаудың", SEED), ("сайлауда", SEED),
    ("парламенттен", SEED), ("президенттер", SEED), ("мемлекеттер", SEED),
    ("жүйелер", SEED), ("институттардың", SEED), ("судьялар", SEED), ("полицияның", SEED),
    ("сайлаулар", ELECTIONS), ("қоғамдар", ELECTIONS), ("азаматтардың", ELECTIONS),
    ("демократиялар", ELECTIONS), ("өзгерістің", ELECTIONS), ("мәселенің", ELECTIONS),
    ("құжаттамалар", DOCS), ("аудармалар", DOCS), ("сөйлемнің", DOCS), ("жобаның", DOCS),
    ("терминдер", DOCS), ("файлдар", DOCS), ("мәтіннің", DOCS),
    ("балалардың", ALPHABET), ("мектепке", ALPHABET),
]  # fmt: skip


def words_of(post: str) -> list[str]:
    text = (POSTS / f"{post}.md").read_text(encoding="utf-8")
    return re.findall(r"\w+", text.lower())


def retrieve(query: str, normalise) -> set[str]:
    """The posts whose words include the query, both normalised the same way."""
    posts = {path.stem for path in POSTS.glob("*.md")}
    return {post for post in posts if normalise(query) in {normalise(w) for w in words_of(post)}}


def scores(normalise) -> tuple[float, float]:
    found = [retrieve(query, normalise) for query, _post in RECALL_PAIRS]
    relevant = sum(post in hits for (_q, post), hits in zip(RECALL_PAIRS, found, strict=True))
    retrieved = sum(len(hits) for hits in found)
    return relevant / len(RECALL_PAIRS), (relevant / retrieved if retrieved else 1.0)


def test_queries_are_other_forms_than_the_posts_have():
    assert len(RECALL_PAIRS) >= 30
    for query, post in RECALL_PAIRS:
        assert query.lower() not in words_of(post), query


def test_recall_before_and_after_stemming():
    before = scores(str.lower)
    after = scores(stem)
    message = f"recall/precision without stemming {before}, with {after}"
    assert before[0] <= 0.1, message
    assert after[0] >= 0.9, message
    assert after[1] >= 0.5, message


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("балалар", "бала"), ("мектептер", "мектеп"), ("азаматтармыз", "азамат"),
        ("Қазақстанның", stem("Қазақстан")), ("Қазақстандықтар", stem("Қазақстан")),
        ("мектептар", "мектептар"),  # a back-vowel suffix on a front-vowel stem stays
        ("алар", "алар"),  # too short to strip
        ("Ownership", "ownership"),  # other scripts are only lower-cased
    ],
)  # fmt: skip
def test_stems(word, expected):
    assert stem(word) == expected


@pytest.mark.skipif(not shutil.which("node"), reason="Node.js is not installed")
def test_python_and_javascript_stem_alike():
    words = sorted({w for path in POSTS.glob("*.md") for w in words_of(path.stem)})
    words += [query for query, _post in RECALL_PAIRS]
    listed = json.dumps(words, ensure_ascii=False)
    script = javascript() + (
        f"\nconst s = new Stemmer();\nconsole.log(JSON.stringify({listed}.map(s.stemWord)));"
    )
    result = subprocess.run(["node", "-e", script], capture_output=True, text=True, check=True)
    assert json.loads(result.stdout) == [stem(word) for word in words]


@pytest.mark.sphinx(
    "html", testroot="basic", copy_test_root=True, freshenv=True, confoverrides={"language": "kk"}
)
def test_a_kazakh_site_indexes_stems_and_ships_the_stemmer(app):
    app.build()
    index = (app.outdir / "searchindex.js").read_text(encoding="utf-8")
    frozen = json.loads(index[index.index("(") + 1 : index.rindex(")")])
    assert stem("Қазақстан") in frozen["titleterms"]  # from "# Қазақстан туралы"
    assert stem("Тақырып") in frozen["terms"]  # from its text
    assert "KazakhTable" in (app.outdir / "_static" / "language_data.js").read_text(
        encoding="utf-8"
    )

"""The Kazakh extension (``sphinx_kazakh``): its search, one stemmer in Python (index) and
JavaScript (queries), and a plain Sphinx site in Kazakh without the blog."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys

import pytest
from docutils.languages import get_language
from sphinx.locale import get_translation

from conftest import PROJECT, read_html
from sphinx_kazakh import docutils_language
from sphinx_kazakh.search import javascript, stem

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

# the same words typed in the Latin alphabet of 2021, with its marks and without them
LATIN_PAIRS = [
    ("Qazaqstanda", SEED), ("qazaqstandyq", SEED), ("bostandyqtar", SEED), ("azamattar", SEED),
    ("sailaudyñ", SEED), ("sailaudyn", SEED), ("qūqyqtar", SEED), ("quqyqtar", SEED),
    ("demokratiialar", ELECTIONS), ("mäselenıñ", ELECTIONS), ("maselenin", ELECTIONS),
    ("qūjattamalar", DOCS), ("audarmalar", DOCS), ("balalardyñ", ALPHABET), ("mektepke", ALPHABET),
]  # fmt: skip


def search_index(outdir) -> dict:
    index = (outdir / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(index[index.index("(") + 1 : index.rindex(")")])


def words_of(post: str) -> list[str]:
    text = (POSTS / f"{post}.md").read_text(encoding="utf-8")
    return re.findall(r"\w+", text.lower())


def retrieve(query: str, normalise) -> set[str]:
    """The posts whose words include the query, both normalised the same way."""
    posts = {path.stem for path in POSTS.glob("*.md")}
    return {post for post in posts if normalise(query) in {normalise(w) for w in words_of(post)}}


def retrieve_prefix(query: str) -> set[str]:
    """The posts a query finds as the search page finds them: a word whose stem holds
    the query's stem (a partial match, for stems longer than two letters)."""
    posts = {path.stem for path in POSTS.glob("*.md")}
    wanted = stem(query)
    return {post for post in posts if any(wanted in stem(w) for w in words_of(post))}


def scores(normalise) -> tuple[float, float]:
    found = [retrieve(query, normalise) for query, _post in RECALL_PAIRS]
    relevant = sum(post in hits for (_q, post), hits in zip(RECALL_PAIRS, found, strict=True))
    retrieved = sum(len(hits) for hits in found)
    return relevant / len(RECALL_PAIRS), (relevant / retrieved if retrieved else 1.0)


def test_queries_are_other_forms_than_the_posts_have():
    assert len(RECALL_PAIRS) >= 30
    for query, post in RECALL_PAIRS:
        assert query.lower() not in words_of(post), query


def test_words_typed_in_latin_letters_find_the_posts_in_cyrillic():
    found = [post in retrieve_prefix(query) for query, post in LATIN_PAIRS]
    assert sum(found) >= 0.9 * len(LATIN_PAIRS), list(zip(LATIN_PAIRS, found, strict=True))
    assert all(not retrieve(query, str.lower) for query, _post in LATIN_PAIRS)


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
        ("балалар", "bala"), ("мектептер", "mektep"), ("азаматтармыз", "azamat"),
        ("Қазақстанның", stem("Қазақстан")), ("Қазақстандықтар", stem("Қазақстан")),
        ("мектептар", "mekteptar"),  # a back-vowel suffix on a front-vowel stem stays
        ("алар", "alar"),  # too short to strip
        ("Ownership", "ownership"),  # letters Kazakh does not write: only lower-cased
        # the Latin alphabet of 2021, with its marks and without them
        ("Qazaqstandyqtar", stem("Қазақстан")), ("qazaqstannyñ", stem("Қазақстан")),
        ("balalardyñ", "bala"), ("tılderı", stem("тілдері")), ("tilderi", stem("тілдері")),
        ("Şäkäriм", "sakarim"), ("python", "python"),
    ],
)  # fmt: skip
def test_stems(word, expected):
    assert stem(word) == expected


@pytest.mark.skipif(not shutil.which("node"), reason="Node.js is not installed")
def test_python_and_javascript_stem_alike():
    words = sorted({w for path in POSTS.glob("*.md") for w in words_of(path.stem)})
    words += [query for query, _post in RECALL_PAIRS + LATIN_PAIRS]
    words += ["Ownership", "python", "x86", "İnternet", "chai", "Şäkärım"]
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
    frozen = search_index(app.outdir)
    assert stem("Қазақстан") in frozen["titleterms"]  # from "# Қазақстан туралы"
    assert stem("Тақырып") in frozen["terms"]  # from its text
    assert "KazakhTable" in (app.outdir / "_static" / "language_data.js").read_text(
        encoding="utf-8"
    )


# --- a plain Sphinx site in Kazakh: the extension without the blog ---------------------------

kazakh_site = pytest.mark.sphinx("html", testroot="kazakh", copy_test_root=True, freshenv=True)
#: Docutils' warning for a language it has no module for (its rST parser's, for a language
#: without localised directive names, is another, which sphinx-build silences)
LACKING = "not supported: Docutils-generated text will be in English"


def pages_found(index: dict, query: str) -> set[str]:
    """The pages the search page lists for *query*, stemmed as its script stems it."""
    pages = set()
    for kind in ("terms", "titleterms"):
        hits = index[kind].get(stem(query), [])
        pages |= {index["docnames"][hit] for hit in ([hits] if isinstance(hits, int) else hits)}
    return pages


def test_docutils_finds_kazakh_by_its_tag():
    docutils_language.register()  # as the extension's setup() does
    assert get_language("kk").labels["contents"] == "Мазмұны"
    assert get_language("kk_KZ").bibliographic_fields["авторы"] == "author"


@kazakh_site
def test_docutils_labels_and_field_names_are_kazakh_without_a_warning(app):
    app.build()
    assert LACKING not in app.warning.getvalue()
    page = read_html(app.outdir, "index.html")
    assert page.select_one(".topic-title").get_text() == "Мазмұны"  # `.. contents::`
    assert app.env.metadata["index"]["author"] == "Әлия Серікқызы"  # from `:Авторы:`


@kazakh_site
def test_the_search_finds_other_forms_of_kazakh_words(app):
    app.build()
    index = search_index(app.outdir)
    # the pages say "Қазақстандықтар", "балалар"; readers type other forms
    assert pages_found(index, "Қазақстанның") == {"index"}
    assert pages_found(index, "балалардың") == {"school"}
    assert "және" not in index["terms"]  # a function word
    assert "KazakhTable" in (app.outdir / "_static" / "language_data.js").read_text(
        encoding="utf-8"
    )


@kazakh_site
def test_the_search_pages_script_gets_the_sites_kazakh(app):
    app.build()
    search = read_html(app.outdir, "search.html")
    assert search.select_one('script[src*="_static/translations.js"]') is not None
    script = (app.outdir / "_static" / "translations.js").read_text(encoding="utf-8")
    assert '"locale": "kk"' in script
    assert '"Search Results": "Іздеу нәтижелері"' in script  # from the site's sphinx.po


@kazakh_site
def test_other_domains_catalogs_come_from_the_site_then_the_extension(app):
    app.build()
    booktheme = get_translation("booktheme")
    assert booktheme("Contents") == "Мазмұн"  # the site's word
    assert booktheme("Print to PDF") == "PDF-ке басып шығару"  # the extension's catalog


def kazakh_site_copy(rootdir, tmp_path):
    srcdir = tmp_path / "kazakh"
    shutil.copytree(rootdir / "test-kazakh", srcdir)
    return srcdir


def test_a_broken_site_catalog_is_a_located_warning_and_the_extensions_own_is_kept(
    make_app, rootdir, tmp_path
):
    po = kazakh_site_copy(rootdir, tmp_path) / "locales" / "kk" / "LC_MESSAGES" / "booktheme.po"
    po.write_text('msgid "Contents"\nthis line is not gettext\n', encoding="utf-8")
    app = make_app("html", srcdir=po.parents[3])
    app.build()
    warnings = app.warning.getvalue()
    assert f"{po}:2: WARNING: message catalog not loaded" in warnings
    assert "[kazakh.catalog]" in warnings
    assert get_translation("booktheme")("Contents") == "Мазмұны"


@pytest.mark.parametrize(
    ("builder", "options", "page"),
    [
        ("html", {"parallel": 2}, "index.html"),  # read and written by forked workers
        ("html", {"confoverrides": {"language": "kk_KZ"}}, "index.html"),
        ("epub", {}, "index.xhtml"),
        ("latex", {}, "sphinx.tex"),
    ],
)  # fmt: skip
def test_every_builder_and_spelling_gets_docutils_kazakh(
    make_app, rootdir, tmp_path, builder, options, page
):
    app = make_app(builder, srcdir=kazakh_site_copy(rootdir, tmp_path), **options)
    app.build()
    assert LACKING not in app.warning.getvalue()
    assert "Мазмұны" in (app.outdir / page).read_text(encoding="utf-8")


# --- incremental builds of a Kazakh site equal clean ones ------------------------------------


def build_in_a_process(srcdir, *options: str) -> dict[str, bytes]:
    """Build *srcdir* as ``sphinx-build`` does (Sphinx keeps the files' checksums for the
    life of a process) and return every file of its output, by path."""
    outdir = srcdir / "_build" / "html"
    command = [
        sys.executable, "-m", "sphinx", "-q", "-W", "-b", "html", *options,
        "-d", str(srcdir / "_build" / "doctrees"), str(srcdir), str(outdir),
    ]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(PROJECT / "_ext")}
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return {
        path.relative_to(outdir).as_posix(): path.read_bytes()
        for path in outdir.rglob("*")
        if path.is_file() and path.name != ".buildinfo"
    }


def differing(ours: dict[str, bytes], clean: dict[str, bytes]) -> list[str]:
    return sorted(
        [f"left over: {name}" for name in ours.keys() - clean.keys()]
        + [f"missing: {name}" for name in clean.keys() - ours.keys()]
        + [f"differs: {name}" for name in ours.keys() & clean.keys() if ours[name] != clean[name]]
    )


def test_an_edited_kazakh_site_is_written_as_a_clean_build_writes_it(rootdir, tmp_path):
    """``translations.js`` is linked alike from the pages of both (Sphinx adds a checksum to
    the link only where the file is already there when the page is written)."""
    edited = kazakh_site_copy(rootdir, tmp_path / "edited")
    build_in_a_process(edited)
    with (edited / "school.rst").open("a", encoding="utf-8") as source:
        source.write("\nМектептерде оқушылар көп.\n")
    clean = shutil.copytree(edited, tmp_path / "clean", ignore=shutil.ignore_patterns("_build"))
    assert differing(build_in_a_process(edited), build_in_a_process(clean)) == []


def test_a_language_changed_and_back_leaves_no_other_languages_scripts(rootdir, tmp_path):
    site = kazakh_site_copy(rootdir, tmp_path / "switched")
    build_in_a_process(site)
    english = build_in_a_process(site, "-D", "language=en")
    assert "_static/english-stemmer.js" in english
    assert "_static/translations.js" not in english  # Sphinx has no English catalog
    switched_back = build_in_a_process(site)
    clean = shutil.copytree(site, tmp_path / "clean", ignore=shutil.ignore_patterns("_build"))
    # Sphinx's index keeps the words stemmed in English, each with no page (found by no
    # search): its incremental index never forgets a word
    assert differing(switched_back, build_in_a_process(clean)) == ["differs: searchindex.js"]

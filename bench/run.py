"""Benchmark: this blog against plain Sphinx + MyST and ABlog on the same corpus.

    python bench/run.py --posts 100 1000 --repeats 3

Each configuration builds the same generated posts with sphinx-book-theme:

- ``plain``: Sphinx + MyST, posts outside the toctree, linked from one page
  (the floor every blog extension stands on);
- ``plain-toctree``: the same with every post in a hidden glob toctree, which
  puts a link to every post into every page's sidebar;
- ``plain-stack``: ``plain`` with the rest of the site's stack (sphinx-design,
  copy buttons, OpenGraph tags, MyST's linkify, math and other syntax, the
  site's address): what the site pays before any of the blog's code runs;
- ``blog``: this project's extension, with this site's configuration;
- ``blog-one-page``: the same with ``blog_page_size = 0`` (no later listing pages);
- ``plain-pages``: ``plain`` plus the pages the blog adds, written out as plain
  Markdown: a page per tag with its posts' dates and summaries, the tag index
  and the archive, split into pages of 20 like the blog's, and written again
  after each edit where their text changed, as a generator script would (what
  Sphinx itself charges for the blog's extra pages);
- ``ablog``: ABlog with tag and year archives (needs bench/requirements.txt).

For each it measures, as medians over the repeats (configurations alternate
within a repeat): a clean build, a no-op rebuild, a rebuild after editing one
post's text, a rebuild after changing one post's tags, and a clean build with
``-j 2``; wall time, peak memory of the build process, and how many HTML pages
each rebuild rewrote.  It prints a table of ratios against ``plain`` and
writes it to bench/results.md (and the raw numbers to bench/results.json).
"""

from __future__ import annotations

import argparse
import compileall
import filecmp
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from corpus import with_notebooks, write_corpus  # noqa: E402

PROJECT = Path(__file__).resolve().parent.parent
#: the project's site files the ``blog`` configuration uses, copied once per run
SITE_FILES = (
    "conf.py", "index.md", "archive.md", "book.md", "_ext", "_static", "_templates", "locales",
)  # fmt: skip
MEASURES = ["clean", "noop", "body", "tags", "clean_j2"]
LABELS = {
    "clean": "clean build",
    "noop": "no-op rebuild",
    "body": "one post's text edited",
    "tags": "one post's tags edited",
    "clean_j2": "clean build, -j 2",
}
#: the address both blogs are built with (as Read the Docs gives one)
BASE_URL = "https://blog.example.org/"
BOOK_THEME = 'html_theme = "sphinx_book_theme"\nmyst_title_to_header = True\n'
EXCLUDE = 'exclude_patterns = ["_build"]\n'


def _plain(site: Path, posts: list[Path], toctree: bool) -> None:
    # with notebooks among the posts, the floor is Sphinx with MyST-NB, not running them
    notebooks = any(post.suffix == ".ipynb" for post in posts)
    parser = 'extensions = ["myst_nb"]\nnb_execution_mode = "off"\n' if notebooks else ""
    (site / "conf.py").write_text(
        (parser or 'extensions = ["myst_parser"]\n') + BOOK_THEME + EXCLUDE
        + 'suppress_warnings = ["toc.not_included"]\n',
        encoding="utf-8",
    )  # fmt: skip
    if toctree:
        index = "# Blog\n\n```{toctree}\n:hidden:\n:glob:\n\nposts/*\n```\n"
    else:
        index = "# Blog\n\n" + "".join(f"- [{p.stem}](posts/{p.name})\n" for p in posts)
    (site / "index.md").write_text(index, encoding="utf-8")


def _blog(site: Path, posts: list[Path]) -> None:
    snapshot = site.parents[2] / "project"  # <workdir>/sites-N/blog/site
    for name in SITE_FILES:
        if (snapshot / name).is_dir():
            shutil.copytree(snapshot / name, site / name)
        else:
            shutil.copy2(snapshot / name, site / name)
    # Sphinx and ABlog come byte-compiled from their wheels; the site's own
    # extension is compiled as any build after the first would find it, even
    # where PYTHONDONTWRITEBYTECODE keeps the builds from writing the cache
    compileall.compile_dir(site / "_ext", quiet=1)
    # a site with its address, as on Read the Docs: feeds, sitemap and social cards
    with (site / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write(f"\nhtml_baseurl = {BASE_URL!r}\n")


def _ablog(site: Path, posts: list[Path]) -> None:
    (site / "conf.py").write_text(
        'extensions = ["myst_parser", "ablog"]\n' + BOOK_THEME + EXCLUDE
        + 'blog_post_pattern = "posts/*"\nblog_path = "blog"\nblog_title = "Blog"\n'
        # its address, as the blog's: ABlog writes its feeds then
        + f"blog_baseurl = {BASE_URL!r}\n"
        # the book theme would otherwise make ABlog re-read every page (see NOTES)
        + "fontawesome_included = True\n"
        + 'html_sidebars = {"**": ["navbar-logo.html", "search-button-field.html", '
        '"sbt-sidebar-nav.html", "ablog/recentposts.html"]}\n',
        encoding="utf-8",
    )  # fmt: skip
    (site / "index.md").write_text(
        '# Blog\n\n```{postlist} 5\n:date: "%b %d, %Y"\n```\n', encoding="utf-8"
    )


def _blog_one_page(site: Path, posts: list[Path]) -> None:
    """The blog with every listing on one page: what pagination costs."""
    _blog(site, posts)
    with (site / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write("\nblog_page_size = 0\n")


#: posts per page of a listing, as the blog's default ``blog_page_size``
PAGE_SIZE = 20


def _front_matter(path: Path) -> dict:
    """Title, date, tags and first paragraph of a generated post (see corpus.py)."""
    text = path.read_text(encoding="utf-8")
    head, body = text.split("\n---\n", 1)
    fields = dict(line.split(": ", 1) for line in head.splitlines()[1:])
    return {
        "docname": f"posts/{path.stem}",
        "title": json.loads(fields["title"]),
        "date": fields["date"],
        "tags": json.loads(fields["tags"]),
        "summary": body.split("\n\n", 1)[0],
    }


def _write_if_changed(path: Path, text: str) -> None:
    """As a generator script would: an unchanged page keeps its time, so Sphinx skips it."""
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _listing_pages(site: Path, name: str, title: str, posts: list[dict], summaries: bool) -> None:
    chunks = [posts[at : at + PAGE_SIZE] for at in range(0, len(posts), PAGE_SIZE)]
    for number, chunk in enumerate(chunks, start=1):
        path = site / (f"{name}.md" if number == 1 else f"{name}/page/{number}.md")
        lines = [f"# {title} ({number}/{len(chunks)})\n"]
        year = None
        for post in chunk:
            if not summaries and post["date"][:4] != year:  # the archive's year headings
                year = post["date"][:4]
                lines.append(f"\n## {year}\n")
            lines.append(f"- {post['date']} {{doc}}`{post['title']} </{post['docname']}>`")
            if summaries:
                lines.append(f"\n  {post['summary']}\n")
        _write_if_changed(path, "\n".join(lines) + "\n")


def _listings(site: Path, posts: list[Path]) -> None:
    """The blog's extra pages as plain Markdown, (re)written like a generator script's."""
    entries = sorted(map(_front_matter, posts), key=lambda p: (p["date"], p["docname"]))[::-1]
    tags = sorted({tag for post in entries for tag in post["tags"]})
    index = ["# Tags\n"]
    for tag in tags:
        name = "tags/" + hashlib.sha1(tag.encode("utf-8")).hexdigest()[:10]  # a stable name
        tagged = [post for post in entries if tag in post["tags"]]
        _listing_pages(site, name, tag, tagged, summaries=True)
        index.append(f"- {{doc}}`{tag} </{name}>` {len(tagged)}")
    _write_if_changed(site / "tags" / "index.md", "\n".join(index) + "\n")
    _listing_pages(site, "archive", "Archive", entries, summaries=False)


#: the site's configuration besides the blog: the extensions and MyST syntax the site
#: loads for its writers, and its address (see conf.py)
STACK = (
    "import contextlib, io\n"
    "with contextlib.redirect_stdout(io.StringIO()):\n"
    "    import sphinxext.opengraph\n"
    'extensions = ["myst_parser", "sphinx_design", "sphinxext.opengraph", "sphinx_copybutton"]\n'
    'myst_enable_extensions = ["colon_fence", "deflist", "strikethrough", "tasklist", '
    '"linkify", "dollarmath", "amsmath"]\n'
    "myst_linkify_fuzzy_links = False\nmyst_heading_anchors = 6\n"
    'ogp_social_cards = {"enable": False}\nogp_enable_meta_description = True\n'
    f"html_baseurl = {BASE_URL!r}\n"
)


def _plain_stack(site: Path, posts: list[Path]) -> None:
    """The floor with the rest of the site's stack: what the blog's own code is
    measured against once the extensions every page of the site loads are paid for."""
    _plain(site, posts, toctree=False)
    with (site / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write(STACK)


def _plain_pages(site: Path, posts: list[Path]) -> None:
    """The floor plus the blog's extra pages as plain Markdown."""
    _plain(site, posts, toctree=False)
    _listings(site, posts)


CONFIGS = {
    "plain": lambda site, posts: _plain(site, posts, toctree=False),
    "plain-toctree": lambda site, posts: _plain(site, posts, toctree=True),
    "plain-stack": _plain_stack,
    "blog": _blog,
    "blog-one-page": _blog_one_page,
    "plain-pages": _plain_pages,
    "ablog": _ablog,
}
#: what a configuration runs after a post is edited, before rebuilding
REGENERATE = {"plain-pages": _listings}


def regenerate(config: str, site: Path, posts: list[Path]) -> None:
    if config in REGENERATE:
        REGENERATE[config](site, posts)


def build(site: Path, out: Path, jobs: int = 1) -> tuple[float, float]:
    """One sphinx-build in its own process: (wall seconds, peak memory in MiB).

    Its processor time (user and system, with ``-j`` children) is kept in
    :data:`CPU_SECONDS`: on a shared machine it moves far less than wall time."""
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-j", str(jobs)]
    command += ["-d", str(out / "doctrees"), str(site), str(out / "html")]
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"build failed in {site}:\n{process.stderr.read().decode()}")
    process.stderr.close()
    # ru_maxrss is the largest of the process and its waited-for children, in KiB
    CPU_SECONDS.append(usage.ru_utime + usage.ru_stime)
    return wall, usage.ru_maxrss / 1024


#: the processor time of each build, in order
CPU_SECONDS: list[float] = []


def html_mtimes(out: Path) -> dict[str, int]:
    return {
        str(path.relative_to(out)): path.stat().st_mtime_ns
        for path in (out / "html").rglob("*.html")
        if "_static" not in path.parts and path.name not in {"genindex.html", "search.html"}
    }


def rewritten(before: dict[str, int], after: dict[str, int]) -> int:
    return sum(1 for page, mtime in after.items() if before.get(page) != mtime)


def touch_later(path: Path) -> None:
    later = path.stat().st_mtime + 5
    os.utime(path, (later, later))


def measure(config: str, workdir: Path, corpus: list[Path]) -> dict[str, dict[str, float]]:
    site, out = workdir / config / "site", workdir / config / "out"
    shutil.rmtree(workdir / config, ignore_errors=True)
    (site / "posts").mkdir(parents=True)
    posts = [Path(shutil.copy2(path, site / "posts" / path.name)) for path in corpus]
    CONFIGS[config](site, posts)
    results: dict[str, dict[str, float]] = {}

    wall, memory = build(site, out)
    results["clean"] = {"seconds": wall, "mib": memory, "pages": len(html_mtimes(out))}
    results["clean"]["cpu"] = CPU_SECONDS[-1]
    before = html_mtimes(out)
    wall, memory = build(site, out)
    results["noop"] = {"seconds": wall, "mib": memory, "pages": rewritten(before, html_mtimes(out))}
    results["noop"]["cpu"] = CPU_SECONDS[-1]

    middle = posts[len(posts) // 2]
    text = middle.read_text(encoding="utf-8")
    middle.write_text(text + "\nOne more sentence, written later.\n", encoding="utf-8")
    touch_later(middle)
    regenerate(config, site, posts)
    before = html_mtimes(out)
    wall, memory = build(site, out)
    results["body"] = {"seconds": wall, "mib": memory, "pages": rewritten(before, html_mtimes(out))}
    results["body"]["cpu"] = CPU_SECONDS[-1]

    other = posts[len(posts) // 3]
    text = other.read_text(encoding="utf-8")
    start = text.index("tags: [")
    end = text.index("]", start)
    other.write_text(text[:start] + 'tags: ["retagged", "python"' + text[end:], encoding="utf-8")
    touch_later(other)
    regenerate(config, site, posts)
    before = html_mtimes(out)
    wall, memory = build(site, out)
    results["tags"] = {"seconds": wall, "mib": memory, "pages": rewritten(before, html_mtimes(out))}
    results["tags"]["cpu"] = CPU_SECONDS[-1]

    serial_html = workdir / config / "serial-html"
    shutil.copytree(out / "html", serial_html)
    shutil.rmtree(out)
    wall, memory = build(site, out, jobs=2)
    same = _same_pages(serial_html, out / "html")
    results["clean_j2"] = {"seconds": wall, "mib": memory, "pages": len(html_mtimes(out))}
    results["clean_j2"]["identical"] = same
    return results


def _same_pages(first: Path, second: Path) -> bool:
    pages = sorted(p.relative_to(first) for p in first.rglob("*.html") if "_static" not in p.parts)
    return all(
        (second / page).exists() and filecmp.cmp(first / page, second / page, shallow=False)
        for page in pages
        if page.name not in {"genindex.html", "search.html"}
    )


def median(runs: list[dict], measure_name: str, key: str) -> float:
    return statistics.median(run[measure_name][key] for run in runs)


def table(size: int, runs: dict[str, list[dict]]) -> str:
    configs = [c for c in CONFIGS if c in runs]
    header = "| measure | " + " | ".join(configs) + " |\n|---|" + "---|" * len(configs) + "\n"
    rows = []
    for name in MEASURES:
        cells = []
        for config in configs:
            seconds = median(runs[config], name, "seconds")
            ratio = seconds / median(runs["plain"], name, "seconds")
            cells.append(f"{seconds:.2f} s ({ratio:.2f}x)")
        rows.append(f"| {LABELS[name]} | " + " | ".join(cells) + " |")
    memory = [
        f"{median(runs[c], 'clean', 'mib'):.0f} MiB "
        f"({median(runs[c], 'clean', 'mib') / median(runs['plain'], 'clean', 'mib'):.2f}x)"
        for c in configs
    ]
    rows.append("| peak memory, clean build | " + " | ".join(memory) + " |")
    for name in ("clean", "noop", "body", "tags"):
        if all("cpu" in run[name] for c in configs for run in runs[c]):
            plain = median(runs["plain"], name, "cpu")
            cpu = {c: median(runs[c], name, "cpu") for c in configs}
            cells = [f"{cpu[c]:.2f} s ({cpu[c] / plain:.2f}x)" for c in configs]
            rows.append(f"| processor time: {LABELS[name]} | " + " | ".join(cells) + " |")
    for name in ("noop", "body", "tags"):
        pages = [f"{median(runs[c], name, 'pages'):.0f}" for c in configs]
        rows.append(f"| pages rewritten: {LABELS[name]} | " + " | ".join(pages) + " |")
    speedup = [
        f"{median(runs[c], 'clean', 'seconds') / median(runs[c], 'clean_j2', 'seconds'):.2f}x"
        for c in configs
    ]
    rows.append("| `-j 2` speed-up over `-j 1` | " + " | ".join(speedup) + " |")
    identical = [
        "yes" if all(r["clean_j2"]["identical"] for r in runs[c]) else "no" for c in configs
    ]
    rows.append("| `-j 2` pages identical to `-j 1` | " + " | ".join(identical) + " |")
    pages = [f"{median(runs[c], 'clean', 'pages'):.0f}" for c in configs]
    rows.append("| pages in the site | " + " | ".join(pages) + " |")
    # a blog writes more pages than the floor (tags, later listing pages): per
    # page, its cost is what the extension adds to the work Sphinx does anyway
    per_page = {
        c: median(runs[c], "clean", "seconds") / median(runs[c], "clean", "pages") for c in configs
    }
    cells = [
        f"{per_page[c] * 1000:.1f} ms ({per_page[c] / per_page['plain']:.2f}x)" for c in configs
    ]
    rows.append("| clean build per page in the site | " + " | ".join(cells) + " |")
    if "plain-pages" in runs:
        floor = median(runs["plain-pages"], "clean", "seconds")
        cells = [f"{median(runs[c], 'clean', 'seconds') / floor:.2f}x" for c in configs]
        rows.append("| clean build against `plain-pages` | " + " | ".join(cells) + " |")
    return f"### {size} posts\n\n" + header + "\n".join(rows) + "\n"


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--configs", nargs="+", default=list(CONFIGS), choices=list(CONFIGS))
    parser.add_argument(
        "--toctree-repeats", type=int, default=1,
        help="repeats for plain-toctree, whose build grows with the square of the posts",
    )  # fmt: skip
    parser.add_argument(
        "--notebooks", type=int, default=0,
        help="how many of the posts are Jupyter notebooks (not with ablog)",
    )  # fmt: skip
    parser.add_argument("--output", type=Path, default=Path(__file__).parent / "results.md")
    args = parser.parse_args()
    if args.notebooks and "ablog" in args.configs:
        parser.error("ABlog does not read these notebooks' front matter: leave it out")
    if "plain" not in args.configs:
        parser.error("ratios need the plain configuration")

    report = [
        "# Benchmark results\n",
        f"Machine: {machine()}. Run {time.strftime('%Y-%m-%d')} with "
        f"`python bench/run.py --posts {' '.join(map(str, args.posts))} "
        f"--repeats {args.repeats}"
        + ("" if args.configs == list(CONFIGS) else f" --configs {' '.join(args.configs)}")
        + (f" --notebooks {args.notebooks}" if args.notebooks else "")
        + "`. Medians; ratios against `plain`.\n",
    ]
    raw: dict[str, dict[str, list[dict]]] = {}
    with tempfile.TemporaryDirectory(prefix="blog-bench-") as tmp:
        workdir = Path(tmp)
        # one snapshot of the project, so editing it during a run changes nothing
        for name in SITE_FILES:
            source, target = PROJECT / name, workdir / "project" / name
            if source.is_dir():
                shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, target)
        for size in args.posts:
            corpus = write_corpus(workdir / f"corpus-{size}", size)
            corpus = with_notebooks(corpus, args.notebooks)
            runs: dict[str, list[dict]] = {config: [] for config in args.configs}
            for repeat in range(args.repeats):
                for config in args.configs:
                    if config == "plain-toctree" and repeat >= args.toctree_repeats:
                        continue
                    print(f"{size} posts, run {repeat + 1}: {config}", flush=True)
                    runs[config].append(measure(config, workdir / f"sites-{size}", corpus))
            raw[str(size)] = runs
            report.append(table(size, runs))
            print(report[-1], flush=True)
    args.output.write_text("\n".join(report), encoding="utf-8")
    args.output.with_suffix(".json").write_text(json.dumps(raw, indent=1), encoding="utf-8")
    print(f"written to {args.output}")


if __name__ == "__main__":
    main()

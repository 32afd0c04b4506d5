"""Two versions of the blog on the same corpus, built in turn: what a change costs.

    git worktree add ../before 1a11ec5
    python bench/compare.py ../before . --posts 1000 --repeats 8

``bench/run.py`` measures one version against plain Sphinx; two of its runs
of the same code can differ more than a change to the extension does. Here
each repeat takes the ``blog`` configuration's measures (a clean build with
its peak memory, a no-op rebuild, one post's text edited, one post's tags
edited, a clean build with ``-j 2``) for each version, one after the other
and in alternating order, so that the machine's drift falls on both alike.
It prints the medians with their range.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from run import LABELS, MEASURES, SITE_FILES, measure, write_corpus  # noqa: E402


def _snapshot(project: Path, target: Path) -> None:
    """The site files of *project*, as the ``blog`` configuration copies them."""
    for name in SITE_FILES:
        source = project / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            target.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)


def _cell(runs: list[dict], name: str, key: str, unit: str) -> str:
    values = [run[name][key] for run in runs]
    return f"{statistics.median(values):.2f} {unit} ({min(values):.2f}-{max(values):.2f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before", type=Path, help="a checkout of the version to compare with")
    parser.add_argument("after", type=Path, help="a checkout of the version measured")
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=8)
    args = parser.parse_args()
    versions = {"before": args.before.resolve(), "after": args.after.resolve()}
    runs: dict[str, list[dict]] = {name: [] for name in versions}
    with tempfile.TemporaryDirectory(prefix="blog-compare-") as tmp:
        workdir = Path(tmp)
        corpus = write_corpus(workdir / "corpus", args.posts)
        for name, project in versions.items():
            # run.py's blog configuration copies the site from <workdir>/project
            _snapshot(project, workdir / name / "project")
        for repeat in range(args.repeats):
            order = list(versions) if repeat % 2 == 0 else list(reversed(versions))
            for name in order:
                print(f"run {repeat + 1}: {name}", flush=True)
                runs[name].append(measure("blog", workdir / name / "sites", corpus))
    print(f"\n{args.posts} posts, {args.repeats} runs each: medians (range)\n")
    print("| measure | before | after |\n|---|---|---|")
    for name in MEASURES:
        cells = [_cell(runs[version], name, "seconds", "s") for version in versions]
        print(f"| {LABELS[name]} | {' | '.join(cells)} |")
    for name in ("clean", "noop", "body", "tags"):
        cells = [_cell(runs[version], name, "cpu", "s") for version in versions]
        print(f"| processor time: {LABELS[name]} | {' | '.join(cells)} |")
    cells = [_cell(runs[version], "clean", "mib", "MiB") for version in versions]
    print(f"| peak memory, clean build | {' | '.join(cells)} |")
    for name in ("body", "tags"):
        cells = [str(sorted({run[name]["pages"] for run in runs[v]})) for v in versions]
        print(f"| pages rewritten: {LABELS[name]} | {' | '.join(cells)} |")


if __name__ == "__main__":
    main()

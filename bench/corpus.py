"""A deterministic corpus of blog posts in the project's front-matter format."""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

ENGLISH_TAGS = [
    "python", "sphinx", "documentation", "travel", "books", "music", "cooking", "linux",
    "security", "testing", "databases", "web", "design", "history", "science", "math",
    "photography", "cycling", "hiking", "gardening", "C", "C++", "C#", "rust", "go",
    "javascript", "devops", "cloud", "ai", "statistics", "teaching", "writing", "open-source",
    "Kazakhstan", "Almaty", "Astana", "mountains", "winter", "summer", "family",
]  # fmt: skip
KAZAKH_TAGS = [
    "саясат", "демократия", "қазақ тілі", "мәдениет", "тарих", "білім", "ғылым", "әдебиет",
    "Қазақстан", "өнер",
]  # fmt: skip
TAGS = ENGLISH_TAGS + KAZAKH_TAGS

ENGLISH = (
    "The build reads every source file once and writes every page that changed. Writing a "
    "post should feel as light as writing a note, and the site should follow along without "
    "a second thought. Good tools disappear; the text is what stays. Each paragraph here is "
    "filler of a realistic length, with ordinary words and sentences of varied shape."
).split()
KAZAKH = (
    "Біз, Қазақстандықтар еркіндік пен бейбітшілікті сүйетін азаматтармыз. Өмірімізді "
    "жақсарту үшін бізде білім де, зор әлеует пен күш те бар. Мемлекет әрбір азаматтың "
    "құқықтары мен бостандықтарын қорғауы тиіс. Шынайы және әділ сайлау арқылы үкіметті "
    "таңдай аламыз."
).split()


def _paragraph(rng: random.Random, words: list[str], length: int) -> str:
    start = rng.randrange(len(words))
    chosen = [words[(start + i) % len(words)] for i in range(length)]
    return " ".join(chosen).rstrip(".,") + "."


#: every SERIES_EVERY posts, the first SERIES_LENGTH are the parts of a series
SERIES_EVERY, SERIES_LENGTH = 25, 4
#: every tenth post is the Kazakh version of the one before it (one story, two languages)
STORY_EVERY = 10


def _more_keys(number: int) -> str:
    """The series, part and translation keys of post *number*, as this blog reads them."""
    keys = ""
    if number % SERIES_EVERY < SERIES_LENGTH:
        keys += f'series: "Series {number // SERIES_EVERY}"\npart: {number % SERIES_EVERY + 1}\n'
    if number % STORY_EVERY == STORY_EVERY - 2:
        keys += f"translationKey: story-{number}\n"
    elif number % STORY_EVERY == STORY_EVERY - 1:
        keys += f"translationKey: story-{number - 1}\nlang: kk\n"
    return keys


def post_text(rng: random.Random, number: int, day: dt.date) -> str:
    tags = rng.sample(TAGS, rng.randint(1, 5))
    tag_list = ", ".join(f'"{tag}"' for tag in tags)
    # a story's first version is in English, its second in Kazakh
    story_part = number % STORY_EVERY - (STORY_EVERY - 2)
    kazakh = (rng.random() < 0.3 or story_part == 1) and story_part != 0
    title = f"Жазба {number}" if kazakh else f"Post number {number}"
    body = [
        _paragraph(rng, KAZAKH if kazakh else ENGLISH, 60),
        "## " + ("Негізгі ой" if kazakh else "The main point"),
        _paragraph(rng, ENGLISH, 80),
        _paragraph(rng, KAZAKH, 60),
        "```python\ndef greet(name):\n    return f'Сәлем, {name}!'\n```",
        "## " + ("Қорытынды" if kazakh else "To conclude"),
        _paragraph(rng, ENGLISH, 80),
        _paragraph(rng, KAZAKH if kazakh else ENGLISH, 60),
    ]
    return (
        f'---\ntitle: "{title}"\ndate: {day.isoformat()}\ntags: [{tag_list}]\n'
        + _more_keys(number)
        + "---\n"
        + "\n\n".join(body)
        + "\n"
    )


def write_corpus(folder: Path, count: int, seed: int = 2019) -> list[Path]:
    """Write *count* posts dated over ten years into *folder*; the same every time."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    first = dt.date(2016, 1, 1)
    paths = []
    for number in range(count):
        day = first + dt.timedelta(days=rng.randrange(3652))
        path = folder / f"post-{number:05}.md"
        path.write_text(post_text(rng, number, day), encoding="utf-8")
        paths.append(path)
    return paths


def as_notebook(text: str, number: int) -> str:
    """A generated post as a Jupyter notebook, written as Jupyter writes one: its header
    and text in a Markdown cell, its code in a code cell with the output stored."""
    fence = "```python\n"
    before, rest = text.split(fence, 1)
    code, after = rest.split("\n```", 1)
    cells = [
        {"cell_type": "markdown", "source": before.rstrip("\n")},
        {
            "cell_type": "code", "execution_count": 1, "source": code + "\n\ngreet('Әлем')",
            "outputs": [{
                "output_type": "execute_result", "execution_count": 1, "metadata": {},
                "data": {"text/plain": "'Сәлем, Әлем!'"},
            }],
        },
        {"cell_type": "markdown", "source": after.strip("\n")},
    ]  # fmt: skip
    for index, cell in enumerate(cells):
        cell["id"] = f"post-{number}-{index}"
        cell["metadata"] = {}
        lines = cell["source"].splitlines(keepends=True)
        cell["source"] = lines
    notebook = {
        "cells": cells,
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    return json.dumps(notebook, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def with_notebooks(paths: list[Path], count: int) -> list[Path]:
    """*paths* with the first *count* posts turned into notebooks (the posts the
    benchmark edits, in the middle and a third in, stay Markdown)."""
    result = []
    for number, path in enumerate(paths):
        if number < count:
            notebook = path.with_suffix(".ipynb")
            notebook.write_text(as_notebook(path.read_text(encoding="utf-8"), number), "utf-8")
            path.unlink()
            path = notebook
        result.append(path)
    return result

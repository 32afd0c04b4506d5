"""No text is lost silently: every word of a post reaches its page, or a warning names its line.

Posts are made at random from prose and every construct the translators know
(and some they do not), written on one line, over several, nested and left
unclosed. Each prose word is unique, so that where it went can be checked:
into the translated text (a property test of the pure translation), and
into the page Sphinx writes (one shared build of posts made the same way).
Words a construct hides on purpose (a comment) are not counted.
"""

from __future__ import annotations

import random
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sphinx.testing.util import SphinxTestApp

from conftest import read_html, warnings_of
from sphinxblog.migrate.markup import translate

ROOTS = Path(__file__).parent / "roots"
HEADER = ["---", "title: Mixed", "date: 2024-05-01", "---", ""]


@dataclass
class Post:
    """A post's lines as they are written, and the words a reader must find."""

    rng: random.Random
    lines: list[str] = field(default_factory=list)
    shown: list[str] = field(default_factory=list)
    hidden: list[str] = field(default_factory=list)
    count: int = 0

    def word(self) -> str:
        self.count += 1
        word = f"zq{self.count}{self.rng.choice('abcdefgh')}x"
        self.shown.append(word)
        return word

    def secret(self) -> str:
        self.count += 1
        word = f"zh{self.count}x"
        self.hidden.append(word)
        return word

    def text(self) -> str:
        return "\n".join([*HEADER, *self.lines, ""])

    def line_of(self, word: str) -> int:
        """The 1-based line of the file that holds *word*."""
        return next(n for n, line in enumerate(self.text().split("\n"), 1) if word in line)


def _prose(p: Post) -> list[str]:
    words = [p.word() for _ in range(p.rng.randint(1, 4))]
    if p.rng.random() < 0.3:
        words.insert(1, "`code`")
    return [" ".join(words) + "."]


def _hugo_comment(p: Post) -> list[str]:
    o, c = p.rng.choice([("<", ">"), ("%", "%")])
    if p.rng.random() < 0.5:
        return [f"{p.word()} {{{{{o} comment {c}}}}} {p.secret()} {{{{{o} /comment {c}}}}} "
                f"{p.word()}"]  # fmt: skip
    return [f"{{{{{o} comment {c}}}}}", p.secret(), f"{{{{{o} /comment {c}}}}}"]


def _hugo_highlight(p: Post) -> list[str]:
    if p.rng.random() < 0.5:
        return [f"{p.word()} {{{{< highlight go >}}}}x := {p.word()}{{{{< /highlight >}}}} "
                f"{p.word()}"]  # fmt: skip
    return ["{{< highlight go >}}", f"x := {p.word()}", "{{< /highlight >}}"]


def _hugo_unclosed_highlight(p: Post) -> list[str]:
    return ["{{< highlight py >}}", f"print({p.word()})"]


def _hugo_details(p: Post) -> list[str]:
    return [f'{{{{< details summary="{p.word()}" >}}}}', p.word(), "{{< /details >}}"]


def _hugo_unknown(p: Post) -> list[str]:
    o, c = p.rng.choice([("<", ">"), ("%", "%")])
    if p.rng.random() < 0.5:
        return [f"{{{{{o} notice info {c}}}}}{p.word()} {p.word()}{{{{{o} /notice {c}}}}}"]
    return [f"{{{{{o} notice", f'  kind="info" {c}}}}}', p.word(), f"{{{{{o} /notice {c}}}}}"]


def _docusaurus_admonition(p: Post) -> list[str]:
    kind = p.rng.choice(["note", "tip", "caution", "danger", "info"])
    form = p.rng.randrange(4)
    if form == 0:
        return [f":::{kind}[{p.word()}] {p.word()}", p.word(), f"{p.word()} :::"]
    if form == 1:
        return [f":::{kind} {p.word()}", "", p.word(), "", ":::"]
    if form == 2:
        return [f":::{kind} {p.word()} :::"]
    return [f":::{kind}[{p.word()}]", p.word(), ":::"]


def _docusaurus_nested(p: Post) -> list[str]:
    return ["::::info", p.word(), "", ":::tip", p.word(), ":::", "", p.word(), "::::"]


def _docusaurus_unclosed(p: Post) -> list[str]:
    return [":::note", p.word()]


def _details(p: Post) -> list[str]:
    return ["<details>", f"<summary>{p.word()}</summary>", "", p.word(), "", "</details>"]


def _tabs(p: Post) -> list[str]:
    return ["<Tabs>", f'<TabItem value="a" label="{p.word()}">', "", p.word(), "", "</TabItem>",
            f'<TabItem value="b" label="{p.word()}">', "", p.word(), "", "</TabItem>",
            "</Tabs>"]  # fmt: skip


def _jsx(p: Post) -> list[str]:
    if p.rng.random() < 0.5:
        return [f'{p.word()} <Highlight color="red">{p.word()}</Highlight> {p.word()}']
    return [f"{p.word()} {{/* {p.secret()} */}} {p.word()}"]


def _material(p: Post) -> list[str]:
    mark = p.rng.choice(["!!! note", "??? tip", "???+ warning"])
    if p.rng.random() < 0.3:
        return [f'=== "{p.word()}"', "", f"    {p.word()}", "", f'=== "{p.word()}"', "",
                f"    {p.word()}"]  # fmt: skip
    return [f'{mark} "{p.word()}"', "", f"    {p.word()}", f"    {p.word()}"]


def _liquid(p: Post) -> list[str]:
    form = p.rng.randrange(4)
    if form == 0:
        return ["{% highlight ruby %}", f"puts {p.word()}", "{% endhighlight %}"]
    if form == 1:
        return [f"{{% raw %}}{p.word()} {{{{ x }}}}{{% endraw %}} {p.word()}"]
    if form == 2:
        return [f"{p.word()} {{% include note.html %}} {p.word()}"]
    return [f"{p.word()} {{{{ page.title }}}} {p.word()}"]


def _pelican(p: Post) -> list[str]:
    return [f"See [{p.word()}]({{filename}}/posts/elsewhere.md) {p.word()}."]


def _fence(p: Post) -> list[str]:
    if p.rng.random() < 0.5:
        return [f'```js {{1}} title="{p.word()}.js"', f"let a = {p.word()}", "```"]
    return ["```python", f"print({p.word()})"]  # unclosed: the rest is code


def _hexo_code(p: Post) -> list[str]:
    form = p.rng.randrange(3)
    opening = ["{% codeblock lang:js %}", "{% code %}", ""][form] or (
        f"{{% codeblock {p.word()}.js https://example.org/x {p.word()} %}}"
    )
    closing = "{% endcode %}" if opening == "{% code %}" else "{% endcodeblock %}"
    return [opening, f"npm install --save {p.word()} <version number> **{p.word()}**", closing]


def _callout(p: Post) -> list[str]:
    return [f"> [!NOTE] {p.word()}", f"> {p.word()}"]


def _zola(p: Post) -> list[str]:
    if p.rng.random() < 0.5:
        return [f'{p.word()} {{{{ youtube(id="abc") }}}} {p.word()}']
    return ['{% note(kind="info") %}', p.word(), "{% end %}"]


def _vitepress(p: Post) -> list[str]:
    form = p.rng.randrange(6)
    if form == 4:
        return ["::: code-group", "", f"```sh [{p.word()}]", f"echo {p.word()}", "```",
                f"```sh [{p.word()} {p.word()}]", f"echo {p.word()}", "```", "", ":::"]  # fmt: skip
    if form == 5:
        return ["::: v-pre", f"{p.word()} {{{{ {p.word()} }}}} {p.word()}", ":::"]
    if form == 0:
        kind = p.rng.choice(["info", "tip", "warning", "danger"])
        return [f"::: {kind} {p.word()}", p.word(), ":::"]
    if form == 1:
        state = " {open}" if p.rng.random() < 0.5 else ""
        return [f"::: details {p.word()}{state}", p.word(), ":::"]
    if form == 2:
        return [":::: warning", p.word(), "", "::: tip", p.word(), ":::", "::::"]
    return [f"{p.word()} [[toc]] {p.word()}", f"{{{{ $frontmatter.title }}}} {p.word()}"]


def _mdc_block(p: Post) -> list[str]:
    form = p.rng.randrange(4)
    if form == 0:
        return ['::callout{icon="i-x" color="blue"}', "#title", p.word(), "#default", p.word(),
                "::"]  # fmt: skip
    if form == 1:
        return ["::warning", p.word(), "", ":::tip", p.word(), ":::", "::"]
    if form == 2:
        return [f'::read-more{{to="/posts/elsewhere" title="{p.word()}"}}', "",
                f'::video{{src="{p.word()}.mp4"}}']  # fmt: skip
    return ['::hero{title="x"}', p.word(), "::"]


def _mdc_inline(p: Post) -> list[str]:
    return [f'{p.word()} :kbd{{value="{p.word()}"}} :badge[{p.word()}]{{color="red"}} '
            f':icon{{name="i-x"}} :tooltip{{text="{p.word()}"}} {p.word()}']  # fmt: skip


def _obsidian_links(p: Post) -> list[str]:
    forms = (
        lambda: f"[[{p.word()}]]",
        lambda: f"[[{p.secret()}|{p.word()}]]",  # an alias's target is not shown
        lambda: f"[[{p.secret()}#{p.secret()}|{p.word()}]]",
        lambda: f"[[#{p.word()}]]",
        lambda: f"`[[{p.word()}]]`",
    )
    return [" ".join([p.word(), *(p.rng.choice(forms)() for _ in range(p.rng.randint(1, 3)))])]


def _obsidian_embed(p: Post) -> list[str]:
    if p.rng.random() < 0.5:
        return [f"![[{p.word()}.png|{'300' if p.rng.random() < 0.5 else p.word()}]]"]
    return [f"{p.word()} ![[{p.word()}.png|{p.word()}|200]] ![[{p.word()}]] {p.word()}"]


def _obsidian_callout(p: Post) -> list[str]:
    kind = p.rng.choice(["NOTE", "tip", "faq", "summary", "recipe", "IMPORTANT", "bug"])
    fold = p.rng.choice(["", "-", "+"])
    roll = p.rng.random()
    if roll < 0.25:  # a title alone
        return [f"> [!{kind}]{fold} {p.word()}"]
    if roll < 0.5:  # nested, with a wikilink
        return [f"> [!{kind}]{fold} {p.word()}", f"> {p.word()} [[{p.word()}]]",
                f"> > [!tip] {p.word()}", f"> > {p.word()}", f"> {p.word()}"]  # fmt: skip
    return [f">[!{kind}]{fold}", f"> {p.word()}", ">", f"> {p.word()}"]


def _quarto_callout(p: Post) -> list[str]:
    kind = p.rng.choice(["note", "tip", "warning", "caution", "important", ""])
    form = p.rng.randrange(4)
    options = ["", ' collapse="true"', ' collapse="false"', ' title="{}"'][form]
    options = options.format(p.word()) if form == 3 else options
    heading = [f"## {p.word()}"] if p.rng.random() < 0.5 else []
    closing = [":::"] if p.rng.random() < 0.9 else []  # unclosed: shown as written
    return [f"::: {{.callout{'-' * bool(kind)}{kind}{options}}}", *heading, p.word(), *closing]


def _quarto_div(p: Post) -> list[str]:
    if p.rng.random() < 0.5:
        return [":::: {.columns}", '::: {.column width="40%"}', p.word(), ":::",
                "::: {.column-margin}", p.word(), ":::", "::::"]  # fmt: skip
    label = p.rng.choice(["fig-a", "fig-b", "tbl-c", "sec-d"])
    figure = f"fig-{p.secret()}"  # a label is not shown
    spans = f"[{p.word()}]{{.smallcaps}} {p.word()} @{label} [-@{figure}] @fig-none"
    return [f"::: {{#{label}}}", f"![A figure](x.png){{#{figure}}}", "", p.word(), ":::", "", spans]


def _quarto_cell(p: Post) -> list[str]:
    language = p.rng.choice(["python", "r", "julia", "ojs", "mermaid", "{python"])
    prefix = "%%|" if language == "mermaid" else "//|" if language == "ojs" else "#|"
    opening = f"```{{{language}}}" + "}" * language.startswith("{")
    return [opening, f"{prefix} label: fig-{p.secret()}", f"{prefix} fig-cap: {p.word()}",
            f"{prefix} echo: false", f"x = {p.word()}", "```"]  # fmt: skip


def _aside(p: Post) -> list[str]:
    form = p.rng.randrange(3)
    if form == 0:
        return ["<Aside>", "", p.word(), "", "</Aside>"]
    if form == 1:
        return [f'<Aside type="tip">{p.word()} {p.word()}</Aside>']
    return [f'<Aside type="danger" title="{p.word()}"> {p.word()}', f"{p.word()} </Aside>"]


def _obsidian_marks(p: Post) -> list[str]:
    if p.rng.random() < 0.5:
        return [f"{p.word()} =={p.word()} {p.word()}== {p.word()} %%{p.secret()}%% {p.word()}"]
    return [f"{p.word()} %% {p.secret()}", p.secret(), f"{p.secret()} %% {p.word()}"]


def _foreign(p: Post) -> list[str]:
    return [f'{p.word()} [[{p.word()}]] :kbd{{value="{p.word()}"}} {p.word()}',
            "", "::note", p.word(), "::"]  # fmt: skip


CONSTRUCTS: list[Callable[[Post], list[str]]] = [
    _prose, _hugo_comment, _hugo_highlight, _hugo_unclosed_highlight, _hugo_details,
    _hugo_unknown, _docusaurus_admonition, _docusaurus_nested, _docusaurus_unclosed, _details,
    _tabs, _jsx, _material, _liquid, _pelican, _fence, _foreign, _hexo_code, _callout, _zola,
    _vitepress, _mdc_block, _mdc_inline, _obsidian_links, _obsidian_embed, _obsidian_callout,
    _quarto_callout, _quarto_div, _quarto_cell, _obsidian_marks, _aside,
]  # fmt: skip


def make_post(rng: random.Random) -> Post:
    post = Post(rng)
    for _ in range(rng.randint(2, 8)):
        post.lines += [*rng.choice(CONSTRUCTS)(post), ""]
    return post


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.randoms(use_true_random=False))
def test_translation_keeps_every_word_or_names_its_line(rng: random.Random) -> None:
    post = make_post(rng)
    out, problems = translate(post.text())
    warned = {problem.line for problem in problems}
    lost = [w for w in post.shown if w not in out and post.line_of(w) not in warned]
    assert not lost, f"{lost} lost without a warning in:\n{post.text()}\n---\n{out}"


#: posts of the shared build, each from its own seed
SEEDS = range(24)


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory):
    srcdir = tmp_path_factory.mktemp("mixed") / "src"
    shutil.copytree(ROOTS / "test-from-docusaurus", srcdir)
    shutil.rmtree(srcdir / "posts")
    (srcdir / "posts").mkdir()
    posts = {}
    for seed in SEEDS:
        post = make_post(random.Random(seed))
        (srcdir / "posts" / f"mix-{seed}.md").write_text(post.text(), encoding="utf-8")
        posts[seed] = post
    app = SphinxTestApp("html", srcdir=srcdir, status=None, warning=None)
    try:
        app.build()
    finally:
        app.cleanup()
    return app, posts


@pytest.mark.parametrize("seed", SEEDS)
def test_every_word_reaches_the_page_or_a_warning_names_its_line(mixed, seed: int) -> None:
    app, posts = mixed
    post = posts[seed]
    body = read_html(app.outdir, f"posts/mix-{seed}.html").select_one("div.body")
    text = body.get_text(" ")
    warned = {
        int(match[1])
        for line in warnings_of(app)
        if (match := re.match(rf"posts/mix-{seed}\.md:(\d+):", line))
    }
    lost = [w for w in post.shown if w not in text and post.line_of(w) not in warned]
    assert not lost, f"{lost} lost without a warning in:\n{post.text()}"
    # an unclosed block above a comment (warned) shows it as the block's text
    shown_hidden = [
        w for w in post.hidden if w in text and not any(n < post.line_of(w) for n in warned)
    ]
    assert not shown_hidden, f"a comment's words {shown_hidden} reached the page"


def test_a_hexo_code_block_is_code_never_markdown(mixed) -> None:
    app, posts = mixed
    found = [
        pre.get_text()
        for seed, post in posts.items()
        if "{% code" in post.text()
        for pre in read_html(app.outdir, f"posts/mix-{seed}.html").select("div.body pre")
    ]
    assert any("--save" in text and "<version number>" in text and "**" in text for text in found)

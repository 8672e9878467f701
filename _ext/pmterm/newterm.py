"""``python -m pmterm new "Name" --category slug``: start a new entry from a skeleton.

It writes ``glossary/<slug>.md`` with every part of an entry (definition, why,
practice, pitfalls, three related terms, two FAQs) for the author to fill in. It
refuses, with a message and exit status 1, a name or alias that an entry already
uses (in any letter case and Unicode form, compared with :func:`pmterm.names.name_key`),
a category that ``pmterm_categories`` in the project's ``conf.py`` does not
declare, and a file that already exists.

Nothing is built: the project's ``conf.py`` is evaluated the way Sphinx does, and
the existing entries' names and aliases are read from the opening lines of their
``pmterm`` directives, in every source file Sphinx would read.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sphinx
from sphinx.config import eval_config_file
from sphinx.util.matching import get_matching_files
from sphinx.util.tags import Tags

from .names import clean, name_key

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

OPENING = re.compile(r"^\s*(?::{3,}|`{3,})\s*\{pmterm\}(?P<name>.*)$")
OPTION = re.compile(r"^\s*:(?P<key>[\w-]+):(?:\s+(?P<value>.*))?$")
#: MyST reads option values as YAML; these starts (and ": " inside) need quotes.
YAML_SPECIAL = tuple("'\"{[&*!%@|>#`")
SUFFIXES = (".md",)


class RefusedError(Exception):
    """The entry cannot be written; the message says why."""


@dataclass(frozen=True)
class Entry:
    """A name or alias already in the glossary, and where."""

    spelled: str
    path: Path
    line: int


def slugify(name: str) -> str:
    """The file name for *name*: lower case, accents dropped from Latin letters, words
    joined by hyphens ("Product-Market Fit" gives ``product-market-fit``)."""
    decomposed = unicodedata.normalize("NFKD", name.replace("&", " and "))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = re.sub(r"['’]", "", unicodedata.normalize("NFC", plain).casefold())
    return "-".join(re.findall(r"[^\W_]+", plain))


def _option_value(raw: str) -> str:
    """An option's value as MyST reads it: YAML, so a quoted value loses its quotes."""
    raw = raw.strip()
    if len(raw) > 1 and raw[0] == raw[-1] == "'":
        return raw[1:-1].replace("''", "'")
    if len(raw) > 1 and raw[0] == raw[-1] == '"':
        try:
            return str(json.loads(raw))  # YAML's double-quoted escapes are JSON's, mostly
        except ValueError:
            return raw[1:-1]
    return raw


def existing_names(srcdir: Path, exclude: Sequence[str]) -> Iterator[Entry]:
    """Every name and alias of every ``pmterm`` directive in the project's sources."""
    from .directives import split_aliases

    for relative in sorted(get_matching_files(srcdir, exclude_patterns=exclude)):
        if not relative.endswith(SUFFIXES):
            continue
        path = srcdir / relative
        try:
            lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            continue
        for number, line in enumerate(lines, 1):
            opening = OPENING.match(line)
            if not opening:
                continue
            name = clean(opening["name"])
            if name:
                yield Entry(name, path, number)
            for offset, option_line in enumerate(lines[number:], 1):
                option = OPTION.match(option_line)
                if not option:
                    break
                if option["key"] == "aliases":
                    value = _option_value(option["value"] or "")
                    for alias in split_aliases(value):
                        yield Entry(alias, path, number + offset)


def project_config(srcdir: Path) -> dict[str, Any]:
    """The namespace of the project's ``conf.py``, evaluated as Sphinx does."""
    conf = srcdir / "conf.py"
    if not conf.is_file():
        raise RefusedError(f"no conf.py in {srcdir}; run the command in the project's folder")
    if sphinx.version_info < (8, 2):  # Sphinx 8.1 takes the file name as a str
        return eval_config_file(str(conf), Tags())  # type: ignore[arg-type]
    return eval_config_file(conf, Tags())


def _yaml_safe(value: str) -> str:
    if value.startswith(YAML_SPECIAL) or ": " in value or value.endswith(":"):
        return "'" + value.replace("'", "''") + "'"
    return value


def skeleton(name: str, category: str, aliases: Sequence[str]) -> str:
    """A complete entry with every part, its text to be written."""
    options = f":category: {category}\n"
    if aliases:
        options += f":aliases: {_yaml_safe(', '.join(aliases))}\n"
    steps = "".join(
        f"- **TODO: step {i}, in a few words.** TODO: how to do it, with an example or "
        "a number where it helps.\n"
        for i in range(1, 5)
    )
    pitfalls = "".join(
        f"- **TODO: mistake {i}, in a few words.** TODO: what it costs and what to do instead.\n"
        for i in range(1, 4)
    )
    related = "".join(
        f":::{{related}} TODO: related term {i}\n"
        "TODO: how the two relate, one line in lower case with no full stop\n:::\n\n"
        for i in range(1, 4)
    )
    faqs = "".join(
        f":::{{faq}} TODO: question {i} readers ask?\nTODO: a short answer.\n:::\n\n"
        for i in range(1, 3)
    )
    return (
        f"::::{{pmterm}} {name}\n{options}\n"
        f"TODO: one sentence that says what {name} is and stands on its own, under 160 "
        "characters. TODO: one to three more sentences on what it covers and where it "
        "comes from.\n\n"
        ":::{why}\nTODO: why a product manager should care, in one or two paragraphs.\n"
        ":::\n\n"
        f":::{{practice}}\n{steps}:::\n\n"
        f":::{{pitfalls}}\n{pitfalls}:::\n\n"
        f"{related}{faqs}".rstrip("\n")
        + "\n::::\n"
    )


def new_entry(
    srcdir: Path, name: str, category: str, aliases: Sequence[str] = (), folder: str = "glossary"
) -> Path:
    """Write the skeleton of a new entry and return its path, or raise :class:`RefusedError`."""
    name = clean(name)
    if not re.search(r"\w", name):
        raise RefusedError("the name needs at least one letter or digit")
    config = project_config(srcdir)
    declared = [c.get("slug") for c in config.get("pmterm_categories", []) if isinstance(c, dict)]
    if category not in declared:
        known = ", ".join(str(s) for s in declared) or "none"
        raise RefusedError(
            f'unknown category "{category}": conf.py declares {known} in pmterm_categories'
        )
    wanted = [name, *(clean(a) for a in aliases if clean(a))]
    keys: dict[str, str] = {}
    for spelled in wanted:
        key = name_key(spelled)
        if key in keys:
            raise RefusedError(
                f'"{spelled}" repeats "{keys[key]}" (names are compared in any letter case)'
            )
        keys[key] = spelled
    exclude = list(config.get("exclude_patterns", []))
    for entry in existing_names(srcdir, exclude):
        clash = keys.get(name_key(entry.spelled))
        if clash is not None:
            where = f"{entry.path.relative_to(srcdir).as_posix()}:{entry.line}"
            raise RefusedError(
                f'"{clash}" is already in the glossary as "{entry.spelled}" ({where}); '
                "names and aliases must be unique in any letter case"
            )
    slug = slugify(name)
    if not slug:
        raise RefusedError(f'cannot make a file name from "{name}"')
    path = srcdir / folder / f"{slug}.md"
    if path.exists():
        raise RefusedError(f"{path.relative_to(srcdir).as_posix()} already exists")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(skeleton(name, category, wanted[1:]), encoding="utf-8")
    return path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m pmterm", description="Tools for authors of a pmterm glossary."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    new = commands.add_parser("new", help="start a new entry from a complete skeleton")
    new.add_argument("name", help='the term\'s name as readers should see it ("Product Vision")')
    new.add_argument("--category", required=True, help="a slug from pmterm_categories")
    new.add_argument("--aliases", default="", help='other names, comma-separated ("PV, Vision")')
    new.add_argument("--root", default=".", help="the project folder (default: the current one)")
    new.add_argument("--dir", default="glossary", help="the entries' folder (default: glossary)")
    args = parser.parse_args(argv)
    root = Path(args.root).resolve()
    aliases = [a for a in (clean(p) for p in args.aliases.split(",")) if a]
    try:
        path = new_entry(root, args.name, args.category, aliases, args.dir)
    except RefusedError as refused:
        print(f"pmterm new: {refused}", file=sys.stderr)
        return 1
    print(
        f"Wrote {path.relative_to(root).as_posix()}: replace every TODO, and name three "
        "existing terms in the related parts (the build warns until you do)."
    )
    return 0

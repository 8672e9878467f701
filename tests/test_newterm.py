"""``python -m pmterm new``: a complete skeleton, and clear refusals."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import PROJECT, parse_warnings, sphinx_build
from pmterm.newterm import main, slugify

NAMES = PROJECT / "tests" / "roots" / "test-pmterm-names"
GRAPH = PROJECT / "tests" / "roots" / "test-pmterm-graph"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The names root: "Café Culture" (typed with a combining accent), aliases CC, Straße."""
    src = tmp_path / "src"
    shutil.copytree(NAMES, src)
    return src


def run(project: Path, *args: str) -> int:
    return main(["new", *args, "--root", str(project)])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        # the name in another case, typed precomposed: NFC and case folding
        (["CAFÉ CULTURE", "--category", "roles"], '"CAFÉ CULTURE" is already in the glossary'),
        (["shared  word", "--category", "roles"], '"shared word" is already in the glossary'),
        # an alias that folds to an existing alias (ß folds to ss)
        (["New One", "--category", "roles", "--aliases", "STRASSE"], '"STRASSE" is already'),
        (["New One", "--category", "roles", "--aliases", "new one"], '"new one" repeats'),
        (["New One", "--category", "nowhere"], 'unknown category "nowhere"'),
        (["Cafe", "--category", "roles"], "glossary/cafe.md already exists"),
        (["???", "--category", "roles"], "at least one letter or digit"),
    ],
)
def test_refusals_say_why_and_write_nothing(
    project: Path, args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = sorted(p.name for p in (project / "glossary").iterdir())
    assert run(project, *args) == 1
    err = capsys.readouterr().err
    assert err.startswith("pmterm new: ") and message in err, err
    assert sorted(p.name for p in (project / "glossary").iterdir()) == before


def test_the_clash_message_names_the_file_and_line(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(project, "New One", "--category", "roles", "--aliases", "cc") == 1
    assert '"cc" is already in the glossary as "CC" (glossary/cafe.md:3)' in capsys.readouterr().err


def test_a_quoted_alias_is_read_as_myst_reads_it(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "glossary" / "quoted.md").write_text(
        "::::{pmterm} Quoted\n:category: roles\n:aliases: '\"Odd\" Name, Other'\n\nQuoted.\n::::\n",
        encoding="utf-8",
    )
    assert run(project, "Another", "--category", "roles", "--aliases", '"odd" name') == 1
    assert '"\\"odd\\" name"' not in capsys.readouterr().err  # refused on the alias itself


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Product-Market Fit", "product-market-fit"),
        ("Build vs. Buy", "build-vs-buy"),
        ("Café Culture", "cafe-culture"),
        ("Customer's Voice", "customers-voice"),
        ("R&D Budget", "r-and-d-budget"),
        ("Дорожная карта", "дорожная-карта"),
    ],
)
def test_slugs(name: str, slug: str) -> None:
    assert slugify(name) == slug


def fill(text: str, related: list[str]) -> str:
    """What an author does: name three related terms and write every TODO."""
    for i, name in enumerate(related, 1):
        text = text.replace(f"TODO: related term {i}\n", f"{name}\n")
    return text.replace("TODO: ", "")


def test_the_skeleton_has_every_part_and_builds_once_filled(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "src"
    shutil.copytree(GRAPH, src)
    assert run(src, "Delta Lead", "--category", "roles", "--aliases", "DL, Lead: Delta") == 0
    assert "glossary/delta-lead.md" in capsys.readouterr().out
    path = src / "glossary" / "delta-lead.md"
    skeleton = path.read_text("utf-8")

    # Unfilled, the build fails under -W: each related part names no term yet.
    unfilled = sphinx_build(src, tmp_path / "unfilled")
    kinds = [w.type for w in parse_warnings(unfilled.warning.getvalue())]
    assert kinds == ["pmterm.unknown-related"] * 3

    path.write_text(fill(skeleton, ["Alpha", "Beta", "Gamma"]), "utf-8")
    app = sphinx_build(src, tmp_path / "filled")
    assert parse_warnings(app.warning.getvalue()) == []
    data = json.loads((app.outdir / "glossary.json").read_text("utf-8"))
    entry = next(t for t in data["terms"] if t["name"] == "Delta Lead")
    assert entry["aliases"] == ["DL", "Lead: Delta"]
    assert entry["category"]["slug"] == "roles"
    assert len(re.findall(r"[.!?](?:\s|$)", entry["definition"])) == 2
    assert (len(entry["why"]), len(entry["practice"]), len(entry["pitfalls"])) == (1, 4, 3)
    assert [r["name"] for r in entry["related"]] == ["Alpha", "Beta", "Gamma"]
    assert len(entry["faqs"]) == 2


def test_make_new_runs_the_command(tmp_path: Path) -> None:
    """The Makefile target passes NAME, CATEGORY and ALIASES through."""
    make = shutil.which("make")
    if make is None:
        pytest.skip("make not found")
    done = subprocess.run(
        [make, "-n", "new", "NAME=Delta Lead", "CATEGORY=roles", "ALIASES=DL"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert '-m pmterm new "Delta Lead" --category "roles"' in done.stdout
    assert '--aliases "DL"' in done.stdout


def test_python_m_pmterm_exits_with_the_status(project: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pmterm", "new", "café culture", "--category", "roles"],
        cwd=project,
        env={"PYTHONPATH": str(PROJECT / "_ext")},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert "already in the glossary" in done.stderr

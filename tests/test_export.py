"""glossary.json: valid against the shipped schema, complete, and reproducible."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import jsonschema
import pytest

from conftest import BASIC_TERMS, build_root
from pmterm.export import SCHEMA

if TYPE_CHECKING:
    from pathlib import Path


@pytest.fixture(scope="module")
def export(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    app, _ = build_root("pmterm-basic", tmp_path_factory)
    path = app.outdir / "glossary.json"
    return path, json.loads(path.read_text(encoding="utf-8"))


def test_export_matches_the_schema(export: tuple[Path, dict[str, Any]]) -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(export[1], schema, cls=jsonschema.Draft202012Validator)


def test_schema_rejects_a_term_missing_a_field(export: tuple[Path, dict[str, Any]]) -> None:
    broken = json.loads(json.dumps(export[1]))
    del broken["terms"][0]["summary"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, json.loads(SCHEMA.read_text("utf-8")))


def test_export_carries_every_part_of_a_term(export: tuple[Path, dict[str, Any]]) -> None:
    data = export[1]
    names = [t["name"] for t in data["terms"]]
    assert names == BASIC_TERMS
    alpha = next(t for t in data["terms"] if t["name"] == "Alpha Role")
    assert alpha["slug"] == "alpha"
    assert alpha["url"] == "glossary/alpha.html#term-Alpha-Role"
    assert alpha["category"] == {"slug": "roles", "name": "Roles & People"}
    assert alpha["aliases"] == ["AR", "First Role"]
    assert alpha["summary"] == "The alpha role owns what gets built."
    assert alpha["definition"].startswith(
        "The alpha role owns what gets built. It answers to the board.\n\n"
    )
    assert alpha["why"] == ["Why paragraph with a link."]
    assert alpha["practice"] == ["Step one", "Step two"]
    assert alpha["pitfalls"] == ["Pitfall one. Explained."]
    assert alpha["related"] == [
        {
            "name": "Beta Method",
            "url": "glossary/beta.html#term-Beta-Method",
            "note": "the method this role runs",
        },
        {
            "name": "Gamma Lead",
            "url": "glossary/gamma.html#term-Gamma-Lead",
            "note": "the role this one hands over to",
        },
    ]
    assert alpha["backlinks"]["related"][0] == {
        "name": "Beta Method",
        "url": "glossary/beta.html#related-beta-Alpha-Role",
        "note": "who runs it",
    }
    assert alpha["backlinks"]["pages"] == [
        {"name": "A page that cites terms", "url": "page.html#pmterm-ref-page-1"}
    ]
    assert alpha["faqs"][0] == {
        "question": "Is the alpha role senior?",
        "answer": "Yes, it reports to the board.",
    }
    assert data["aliases"] == {
        "AR": "Alpha Role",
        "ER": "Éclair Review",
        "First Role": "Alpha Role",
        "GM": "Gamma Lead",
    }
    assert [c["terms"] for c in data["categories"]] == [
        ["Alpha Role", "Gamma Lead"],
        ["2x2 Matrix", "Beta Method", "Éclair Review", "Дорожная карта"],
    ]


def test_two_clean_builds_write_identical_files(
    export: tuple[Path, dict[str, Any]], tmp_path_factory: pytest.TempPathFactory
) -> None:
    again, _ = build_root("pmterm-basic", tmp_path_factory)
    assert (again.outdir / "glossary.json").read_bytes() == export[0].read_bytes()

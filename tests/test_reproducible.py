"""The same sources give the same bytes: clean builds twice, and serial against parallel.

With Sphinx 9 even the search index of a parallel build is byte-identical to the
serial one; it is also compared parsed, so a failure names the entries that differ.
"""

from __future__ import annotations

import json
import shutil
from typing import TYPE_CHECKING, Any

from test_incremental import build, pages, synthetic_glossary

from conftest import PROJECT

if TYPE_CHECKING:
    from pathlib import Path


def outputs(outdir: Path) -> dict[str, bytes]:
    found = pages(outdir)
    for name in ("searchindex.js", "objects.inv"):
        found[name] = (outdir / name).read_bytes()
    return found


def search_index(outdir: Path) -> Any:
    script = (outdir / "searchindex.js").read_text("utf-8")
    return json.loads(script[script.index("(") + 1 : script.rindex(")")])


def test_two_clean_builds_are_byte_identical(tmp_path: Path) -> None:
    src = tmp_path / "src"
    shutil.copytree(PROJECT / "tests" / "roots" / "test-pmterm-basic", src)
    build(src, tmp_path / "one")
    build(src, tmp_path / "two")
    first, second = outputs(tmp_path / "one" / "html"), outputs(tmp_path / "two" / "html")
    assert first.keys() == second.keys()
    assert sorted(p for p in first if first[p] != second[p]) == []


def test_parallel_search_index_matches_serial(tmp_path: Path) -> None:
    synthetic_glossary(tmp_path / "src", 60)
    build(tmp_path / "src", tmp_path / "serial")
    build(tmp_path / "src", tmp_path / "parallel", parallel=2)
    serial, parallel = tmp_path / "serial" / "html", tmp_path / "parallel" / "html"
    assert (serial / "objects.inv").read_bytes() == (parallel / "objects.inv").read_bytes()
    assert search_index(serial) == search_index(parallel)
    assert (serial / "searchindex.js").read_bytes() == (parallel / "searchindex.js").read_bytes()

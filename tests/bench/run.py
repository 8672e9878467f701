"""Benchmark: the glossary at N terms against plain MyST pages on Sphinx's basic theme.

Usage: ``python tests/bench/run.py [N] [--also 150 250]`` (``make bench``).

Both sides build the same number of pages in the same run on the same machine,
so the ratios are what matters, not the seconds. The project side uses the real
``conf.py``, extension, static files and furo; its entries are generated in the
real authoring format with every part, three related terms, two FAQs, aliases and
a few term references. The baseline is the same pages as plain MyST (headings,
lists, links, two sphinx-design dropdowns) with the basic theme.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
WORDS = [
    "roadmap",
    "metric",
    "churn",
    "cohort",
    "backlog",
    "sprint",
    "pricing",
    "funnel",
    "persona",
    "discovery",
    "launch",
    "retention",
    "segment",
    "hypothesis",
    "experiment",
    "onboarding",
    "activation",
    "revenue",
    "interview",
    "prototype",
    "estimate",
    "release",
    "feedback",
    "survey",
    "dashboard",
]


def words(seed: int, count: int) -> str:
    return " ".join(WORDS[(seed * 7 + i * 3) % len(WORDS)] for i in range(count))


def categories() -> list[str]:
    namespace: dict[str, object] = {"__file__": str(PROJECT / "conf.py")}
    exec(compile((PROJECT / "conf.py").read_text("utf-8"), "conf.py", "exec"), namespace)
    return [c["slug"] for c in namespace["pmterm_categories"]]  # type: ignore[index, attr-defined]


def term_entry(i: int, n: int, slugs: list[str]) -> str:
    rel = [(i + 1) % n, (i * 7 + 3) % n, (i * 13 + 5) % n]
    rel = [r if r != i else (r + 2) % n for r in rel]
    refs = " ".join(
        f"{{term}}`Term {(i * k + 11) % n}`" for k in (3, 5, 17) if (i * k + 11) % n != i
    )
    related = "".join(
        f":::{{related}} Term {r}\n{words(i + r, 8)}\n:::\n\n" for r in dict.fromkeys(rel)
    )
    faqs = "".join(
        f":::{{faq}} How does {words(i + k, 3)} work for term {i}?\n{words(i + k, 40)}.\n:::\n\n"
        for k in (1, 2)
    )
    return (
        f"""::::{{pmterm}} Term {i}
:category: {slugs[i % len(slugs)]}
:aliases: T{i}, Alias {i}

Term {i} is a {words(i, 12)}. It also covers {words(i + 1, 30)}. See {refs}.

:::{{why}}
{words(i + 2, 60)}.

{words(i + 3, 50)}.
:::

:::{{practice}}
"""
        + "".join(f"- **Step {k}.** {words(i + k, 18)}\n" for k in range(5))
        + """:::

:::{pitfalls}
"""
        + "".join(f"- **Pitfall {k}.** {words(i + k + 9, 20)}\n" for k in range(4))
        + f""":::

{related}{faqs}::::
"""
    )


def baseline_page(i: int, n: int) -> str:
    rel = [(i + 1) % n, (i * 7 + 3) % n, (i * 13 + 5) % n]
    return (
        f"# Term {i}\n\n**Category:** x · **Also known as:** T{i}, Alias {i}\n\n"
        f"## Definition\n\nTerm {i} is a {words(i, 12)}. It also covers {words(i + 1, 30)}.\n\n"
        f"## Why it matters\n\n{words(i + 2, 60)}.\n\n{words(i + 3, 50)}.\n\n"
        "## How it works in practice\n\n"
        + "".join(f"- **Step {k}.** {words(i + k, 18)}\n" for k in range(5))
        + "\n## Common pitfalls\n\n"
        + "".join(f"- **Pitfall {k}.** {words(i + k + 9, 20)}\n" for k in range(4))
        + "\n## Related terms\n\n"
        + "".join(f"- [Term {r}](term-{r:04d}.md) — {words(i + r, 8)}\n" for r in rel)
        + "\n## Frequently asked questions\n\n"
        + "".join(
            f":::{{dropdown}} How does {words(i + k, 3)} work for term {i}?\n"
            f"{words(i + k, 40)}.\n:::\n\n"
            for k in (1, 2)
        )
    )


def make_project(root: Path, n: int) -> None:
    """The real site's configuration and extension with N synthetic terms."""
    root.mkdir(parents=True)
    for name in ("conf.py", "pyproject.toml", "index.md", "_ext", "_static", "about"):
        src = PROJECT / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, root / name)
    (root / "glossary").mkdir()
    slugs = categories()
    for i in range(n):
        (root / "glossary" / f"term-{i:04d}.md").write_text(term_entry(i, n, slugs), "utf-8")


def make_baseline(root: Path, n: int) -> None:
    root.mkdir(parents=True)
    (root / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_design"]\nmyst_enable_extensions = ["colon_fence"]\n'
        'html_theme = "basic"\nexclude_patterns = ["_build"]\n',
        "utf-8",
    )
    (root / "index.md").write_text(
        "# Baseline\n\n:::{toctree}\n:glob:\n:hidden:\n\nglossary/*\n:::\n", "utf-8"
    )
    (root / "glossary").mkdir()
    for i in range(n):
        (root / "glossary" / f"term-{i:04d}.md").write_text(baseline_page(i, n), "utf-8")


@dataclass
class Build:
    seconds: float
    peak_mib: float
    written: int


def sphinx(src: Path, out: Path) -> Build:
    """One sphinx-build run in a child process: wall time, peak RSS, pages written."""
    log = out.parent / "build.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    with log.open("w", encoding="utf-8") as stream:
        proc = subprocess.Popen(
            [sys.executable, "-m", "sphinx", "-b", "html", str(src), str(out)],
            stdout=stream,
            stderr=subprocess.STDOUT,
        )
        _, status, usage = os.wait4(proc.pid, 0)  # reaps the child with its own rusage
    seconds = time.perf_counter() - start
    output = log.read_text(encoding="utf-8")
    if status:
        sys.exit(f"sphinx-build failed on {src}:\n{output[-3000:]}")
    written = len(re.findall(r"^writing output\.\.\. \[\s*\d+%\] \S", output, re.M))
    return Build(seconds, usage.ru_maxrss / 1024, written)


def median_page_kib(out: Path) -> float:
    sizes = [p.stat().st_size for p in (out / "glossary").glob("term-*.html")]
    return statistics.median(sizes) / 1024


def measure(n: int, work: Path, full: bool) -> dict[str, float]:
    project, baseline = work / f"project-{n}", work / f"baseline-{n}"
    make_project(project, n)
    result: dict[str, float] = {}
    build = sphinx(project, project / "_build")
    result.update(time=build.seconds, mem=build.peak_mib, page=median_page_kib(project / "_build"))
    if not full:
        return result
    make_baseline(baseline, n)
    base = sphinx(baseline, baseline / "_build")
    result.update(
        b_time=base.seconds, b_mem=base.peak_mib, b_page=median_page_kib(baseline / "_build")
    )
    victim = project / "glossary" / f"term-{n // 2:04d}.md"
    text = victim.read_text("utf-8").replace(
        f"Term {n // 2} is a", f"Term {n // 2} is an edited", 1
    )
    victim.write_text(text, "utf-8")
    incremental = sphinx(project, project / "_build")
    noop = sphinx(project, project / "_build")
    result.update(
        inc_time=incremental.seconds,
        inc_written=incremental.written,
        noop_time=noop.seconds,
        noop_written=noop.written,
    )
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=1000)
    parser.add_argument(
        "--also", type=int, nargs="*", default=[150, 250], help="smaller sizes for growth"
    )
    args = parser.parse_args()
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs; building serially (no -j)")
    with tempfile.TemporaryDirectory(prefix="pmterm-bench-") as tmp:
        smaller = {
            m: measure(m, Path(tmp), full=False) for m in sorted(set(args.also)) if m < args.n
        }
        r = measure(args.n, Path(tmp), full=True)
    n = args.n
    print(f"\nN={n}            project (furo)   baseline (basic)   ratio")
    for label, key, unit, fmt in (
        ("full build", "time", "s", ".1f"),
        ("peak memory", "mem", "MiB", ".0f"),
        ("median page", "page", "KiB", ".1f"),
    ):
        mine, base = r[key], r[f"b_{key}"]
        print(f"{label:<15} {mine:8{fmt}} {unit:<6} {base:8{fmt}} {unit:<6}   {mine / base:5.2f}")
    print(
        f"edit one definition: {r['inc_time']:.1f} s ({r['inc_time'] / r['time']:.1%} of full), "
        f"{r['inc_written']:.0f} pages rewritten"
    )
    print(f"no-op rebuild:       {r['noop_time']:.1f} s, {r['noop_written']:.0f} pages rewritten")
    for m, small in smaller.items():
        print(
            f"growth N={n}/N={m}: time {r['time'] / small['time']:.2f} "
            f"(linear {n / m:.2f}), median page size {r['page'] / small['page']:.2f}"
        )
    print(f"pmterm/basic full-build time ratio at N={n}: {r['time'] / r['b_time']:.2f}")


if __name__ == "__main__":
    main()

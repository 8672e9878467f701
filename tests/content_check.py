"""The glossary's editorial bar, checked on ``glossary.json``.

Each rule names a defect readers would notice: a missing or thin part, a summary
too long for a list, two terms sharing a summary or a sentence (boilerplate), a
term nothing leads to (an orphan), the same question answered in two entries, an
alias that is another term's name, and stock phrases that could sit under any term.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from pmterm.summary import sentences

SUMMARY_MAX = 160
#: part -> (fewest, most) blocks; None for no upper bound
COUNTS: dict[str, tuple[int, int | None]] = {
    "definition": (2, 4),  # sentences
    "why": (1, 2),  # paragraphs
    "practice": (4, 6),  # steps
    "pitfalls": (3, 4),
    "related": (3, None),
    "faqs": (2, None),
}
#: Sentences shorter than this many words may repeat ("Usually not.").
BOILERPLATE_MIN_WORDS = 8
#: Phrases that fit any term, so they say nothing about this one.
STOCK_PHRASES = (
    "shared vocabulary",
    "common language",
    "aligns teams",
    "align the team",
    "drives value",
    "drive value",
    "best partner",
    "game-changer",
    "game changer",
    "fast-paced",
    "holistic",
    "seamless",
    "robust",
    "leverage synergies",
    "it's important to note",
    "it is important to note",
    "at the end of the day",
    "single source of truth",
)


_CONTRACTED_IS = r"\b(what|who|how|where|when|it|that|there)['’]s\b"


def _words(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def question_key(question: str) -> str:
    """A question compared without case, punctuation or the order of a pair it contrasts
    ("KPIs and OKRs" is "OKRs and KPIs"), with plurals folded."""
    text = re.sub(
        r"\b(what|who|how|where|when|it|that|there)['’]s\b", r"\1 is", question, flags=re.I
    )
    words = [w[:-1] if len(w) > 3 and w.endswith("s") else w for w in _words(text).split()]
    text = " ".join(words)
    match = re.search(r"between (.+?) and (.+)$", text)
    if match:
        pair = sorted((match[1], match[2]))
        text = text[: match.start()] + "between " + " and ".join(pair)
    return text


@dataclass(frozen=True, order=True)
class Problem:
    term: str
    rule: str
    detail: str = ""


def _count(term: dict[str, Any], part: str) -> int:
    if part == "definition":
        return len(sentences(term["definition"]))
    return len(term[part])


def _texts(term: dict[str, Any]) -> list[str]:
    texts = [term["definition"], *term["why"], *term["practice"], *term["pitfalls"]]
    texts += [r["note"] for r in term["related"]]
    texts += [f"{f['question']} {f['answer']}" for f in term["faqs"]]
    return texts


def check(data: dict[str, Any]) -> list[Problem]:
    """Every defect of the glossary in *data* (the parsed ``glossary.json``), sorted."""
    problems: list[Problem] = []
    summaries: dict[str, list[str]] = {}
    seen: dict[str, set[str]] = {}
    questions: dict[str, set[str]] = {}
    names = {_words(t["name"]): t["name"] for t in data["terms"]}
    for term in data["terms"]:
        name = term["name"]
        for alias in term["aliases"]:
            other = names.get(_words(alias))
            if other is not None and other != name:
                problems.append(Problem(name, "alias-is-a-name", f"{alias} (the term {other})"))
        for faq in term["faqs"]:
            questions.setdefault(question_key(faq["question"]), set()).add(name)
        for text in _texts(term):
            lowered = text.casefold()
            for phrase in STOCK_PHRASES:
                if phrase in lowered:
                    problems.append(Problem(name, "stock-phrase", phrase))
        for part, (fewest, most) in COUNTS.items():
            count = _count(term, part)
            if count == 0:
                problems.append(Problem(name, "missing-part", part))
            elif count < fewest:
                problems.append(Problem(name, "too-few", f"{part}: {count} < {fewest}"))
            elif most is not None and count > most:
                problems.append(Problem(name, "too-many", f"{part}: {count} > {most}"))
        if len(term["summary"]) > SUMMARY_MAX:
            problems.append(Problem(name, "long-summary", f"{len(term['summary'])} characters"))
        summaries.setdefault(term["summary"].casefold(), []).append(name)
        for text in _texts(term):
            for sentence in sentences(text):
                if len(sentence.split()) >= BOILERPLATE_MIN_WORDS:
                    seen.setdefault(sentence.casefold(), set()).add(name)
        backlinks = term["backlinks"]
        if not (backlinks["related"] or backlinks["terms"]):
            problems.append(Problem(name, "orphan"))
    for sharing in summaries.values():
        if len(sharing) > 1:
            detail = " / ".join(sorted(sharing))
            problems.extend(Problem(n, "shared-summary", detail) for n in sharing)
    for askers in questions.values():
        if len(askers) > 1:
            detail = " / ".join(sorted(askers))
            problems.extend(Problem(n, "repeated-question", detail) for n in sorted(askers))
    for sentence, users in seen.items():
        if len(users) > 1:
            problems.extend(Problem(n, "boilerplate", sentence[:80]) for n in sorted(users))
    return sorted(problems)

"""The summary is the definition's first sentence: where sentences end, case by case."""

from __future__ import annotations

import pytest

from pmterm.summary import first_sentence, sentences

CASES: list[tuple[str, str]] = [
    ("Coined by Dr. Marty Cagan. It stuck.", "Coined by Dr. Marty Cagan."),
    ("Popular in the U.S. and Europe. Less so elsewhere.", "Popular in the U.S. and Europe."),
    ("See Fig. 3 for the curve. It bends.", "See Fig. 3 for the curve."),
    ("Named by David J. Anderson in 2010. Kanban followed.", "Named by David J. Anderson in 2010."),
    ("Use a proxy, e.g. Revenue per seat. Then compare.", "Use a proxy, e.g. Revenue per seat."),
    ("Pick one, i.e. The cheapest. Then ship.", "Pick one, i.e. The cheapest."),
    ("Build vs. Buy is a choice. Make it early.", "Build vs. Buy is a choice."),
    ('Ask "Why?" Then act.', 'Ask "Why?"'),
    ("It works (mostly.) Then it fails.", "It works (mostly.)"),
    ("Growth was 40%. Then it slowed.", "Growth was 40%."),
    ("It shipped in version 2. 3 teams use it.", "It shipped in version 2."),
    ("Costs fell 2.5 times. Margins rose.", "Costs fell 2.5 times."),
    ("Really? Yes.", "Really?"),
    ("Stop! Think.", "Stop!"),
    ("It ends in a lower-case word. and goes on.", "It ends in a lower-case word. and goes on."),
    ("See No. 5 on the list. It matters.", "See No. 5 on the list."),
    ("It is a term. Its second sentence.", "It is a term."),
    ("Ends with the article a. Then more.", "Ends with the article a."),
    ("One line\u2028broken. Two.", "One line broken."),
    ("A single sentence without a full stop", "A single sentence without a full stop"),
    ("", ""),
]


@pytest.mark.parametrize(("text", "summary"), CASES, ids=[c[0][:30] for c in CASES])
def test_first_sentence(text: str, summary: str) -> None:
    assert first_sentence(text) == summary


def test_sentences_keep_every_word() -> None:
    text = "Coined by Dr. Marty Cagan. It stuck! Did it? Yes."
    assert sentences(text) == ["Coined by Dr. Marty Cagan.", "It stuck!", "Did it?", "Yes."]
    assert " ".join(sentences(text)) == text

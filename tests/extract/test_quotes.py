"""Direct quotations found in text: marks, paragraphs, and quotations that run on across paragraphs."""

from __future__ import annotations

from kg.extract.quotes import find_quotes


def test_a_quotation_within_a_paragraph() -> None:
    [q] = find_quotes('Holm said, "We will meet again soon," and left.')
    assert (q.text, q.open_ended, q.continued) == ("We will meet again soon", False, False)


def test_a_quotation_left_open_runs_on_into_a_paragraph_without_an_opening_mark() -> None:
    text = ('Holm said, "We learned a lot today.\n\nIt was a very emotional day for all of us." '
            'After the match, Lind said, "We were tired."')
    quotes = find_quotes(text)
    assert [(q.text, q.open_ended, q.continued) for q in quotes] == [
        ("We learned a lot today.", True, False),
        ("It was a very emotional day for all of us.", False, True),
        ("We were tired.", False, False)]


def test_a_paragraph_opening_its_own_quotation_is_no_continuation() -> None:
    quotes = find_quotes('Holm said, "We learned a lot today.\n\n"It was a long day," Lind said.')
    assert not any(q.continued for q in quotes)

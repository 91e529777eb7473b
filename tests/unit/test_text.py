"""Safe Markdown for user-supplied text: escapes and tables."""

import re

from hypothesis import given
from hypothesis import strategies as st

from components.text import markdown_table


def _cells(line: str) -> list[str]:
    """A table row's cells as a reader sees them: split on unescaped pipes, escapes removed."""
    return [
        re.sub(r"\\(.)", r"\1", cell).replace("\u2060", "").strip()
        for cell in re.split(r"(?<!\\)\|", line)[1:-1]
    ]


def test_a_table_has_a_header_an_alignment_row_and_one_line_per_row():
    text = markdown_table({"policy": ["a", "b"], "cost": ["1.0", "2.5"]}, right=("cost",))
    lines = text.splitlines()
    assert len(lines) == 4
    assert lines[1] == "| --- | ---: |"
    assert _cells(lines[0]) == ["policy", "cost"]
    assert _cells(lines[3]) == ["b", "2.5"]


def test_a_hostile_column_name_in_a_cell_stays_text():
    name = "[click](http://evil.example) | <b>x</b> **y**"
    text = markdown_table({"what it does": [f"left out: {name}"]})
    row = text.splitlines()[2]
    assert "](" not in row.replace("\\]\\(", "")
    assert "<b>" not in row
    assert _cells(row) == [f"left out: {name}"]


@given(
    st.lists(
        st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=20),
        min_size=1,
        max_size=5,
    )
)
def test_any_cell_text_reads_back_whole_in_its_own_cell(cells):
    text = markdown_table({"a": cells, "b": ["x"] * len(cells)})
    lines = text.splitlines()
    assert len(lines) == len(cells) + 2
    for line, cell in zip(lines[2:], cells, strict=True):
        assert _cells(line) == [cell.strip(), "x"]

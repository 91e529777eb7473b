"""The room's votes: one bar per answer, the right one marked after Reveal."""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import pandas as pd

from components.charts import OKABE_ITO


def votes_chart(
    labels: Sequence[str], counts: Sequence[int], *, correct: str | None = None
) -> alt.Chart:
    """Horizontal bars of the room's votes per answer, in the order the answers are asked.

    Parameters
    ----------
    labels : sequence of str
        The answers as the room read them.
    counts : sequence of int
        Votes per answer, same order.
    correct : str, optional
        The right answer's label, coloured and marked once revealed; None before Reveal, when
        every bar has the same neutral colour so the chart does not hint.
    """
    frame = pd.DataFrame(
        {
            "answer": list(labels),
            "votes": list(counts),
            "role": [
                "the answer" if correct is not None and label == correct else "other answers"
                for label in labels
            ],
        }
    )
    colours = (
        alt.Scale(
            domain=["the answer", "other answers"],
            range=[OKABE_ITO["bluish_green"], OKABE_ITO["grey"]],
        )
        if correct is not None
        else alt.Scale(domain=["other answers"], range=[OKABE_ITO["blue"]])
    )
    bars = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            # Large labels: the chart is read from the back of a room on a projector.
            y=alt.Y(
                "answer:N",
                sort=list(labels),
                title=None,
                axis=alt.Axis(labelLimit=460, labelFontSize=16),
            ),
            x=alt.X(
                "votes:Q",
                title="votes",
                axis=alt.Axis(tickMinStep=1, labelFontSize=14, titleFontSize=14),
            ),
            color=alt.Color("role:N", scale=colours, legend=None),
            tooltip=["answer", "votes"],
        )
    )
    numbers = bars.mark_text(align="left", dx=6, fontSize=20, fontWeight="bold").encode(
        text="votes:Q", color=alt.value("black")
    )
    return (bars + numbers).properties(height=alt.Step(44))

"""Reading the audit's leak findings in tests (the ones a user is asked about, medium or high),
and tables more than one test file builds."""


def leaks(report, severities=("high", "medium")):
    """The report's ``target_leak`` findings at these severities."""
    return [f for f in report.findings if f.kind == "target_leak" and f.severity in severities]


def leak_on(report, column, severities=("high", "medium")):
    """The first leak finding that names ``column``; fails with every finding if none does."""
    found = [f for f in leaks(report, severities) if column in f.columns]
    assert found, f"no leak on {column}: {[f.to_dict() for f in report.findings]}"
    return found[0]


def assessed_values(seed: int, n: int = 1500):
    """Houses whose assessed value is set from floor area and lot size plus an assessor's
    judgement: both weights positive, R² about 0.997, honest and no formula of the columns."""
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(seed)
    area = rng.normal(150, 40, n)
    lot = rng.normal(600, 150, n)
    return pd.DataFrame(
        {
            "area": area.round(),
            "lot": lot.round(),
            "age": rng.integers(0, 80, n),
            "assessed_value": 2000 * area + 300 * lot + rng.normal(0, 5000, n),
        }
    )


def growing_show(seed: int, *, gaps: bool = False):
    """A weekly show over ten seasons whose audience grows; the replay requests were kept
    for seasons 8 and 9 only, with (``gaps``) two episodes of those seasons never counted."""
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(seed)
    episodes = 10
    season = np.repeat(np.arange(1, 11), episodes)
    viewers = (2 + 0.8 * season + rng.normal(0, 0.4, season.size)).round(2)
    kept = (season >= 8) & (season <= 9)
    if gaps:
        kept[[73, 86]] = False
    return pd.DataFrame(
        {
            "airdate": pd.date_range("2010-08-01", periods=season.size, freq="7D").strftime(
                "%Y-%m-%d"
            ),
            "season": season,
            "episode": np.tile(np.arange(1, episodes + 1), 10),
            "replay_requests": np.where(
                kept, (viewers * 1.3 + rng.normal(0, 0.5)).round(1), np.nan
            ),
            "viewers_millions": viewers,
        }
    )


def wine_tastings(seed: int, *, sessions: int = 1):
    """Nine judges numbered 1 to 9, each rating the same eight bottles (two temperatures,
    skin contact or not) once per session; each judge has a severity of their own. With
    more than one session (a duplicate tasting) the table holds a ``session`` column."""
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(seed)
    rows = []
    for judge in range(1, 10):
        severity = rng.normal(0, 8)
        for session in range(1, sessions + 1):
            for bottle in range(1, 9):
                temp = "cold" if bottle <= 4 else "warm"
                contact = "yes" if bottle % 2 == 0 else "no"
                noise = rng.normal(0, 5)
                rows.append(
                    {
                        "judge": judge,
                        **({"session": session} if sessions > 1 else {}),
                        "bottle": bottle,
                        "temp": temp,
                        "contact": contact,
                        "response": round(
                            40 + 10 * (temp == "warm") + 8 * (contact == "yes") + severity + noise
                        ),
                    }
                )
    return pd.DataFrame(rows)


def promotion_exams(
    seed: int, names: tuple[str, ...] = ("Position", "Race", "Oral", "Written", "Combine")
):
    """Batch 79's firefighter promotion exams: the combined score is 60 % of the written exam
    (the target) and 40 % of the oral one, a separate exam weakly tied to the written.
    ``names``: position, race, oral, written and combined columns, in that order."""
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(seed)
    n = 150
    race = rng.choice(["B", "H", "W"], n, p=[0.2, 0.2, 0.6])
    written = np.clip(np.round(70 + 5 * (race == "W") + rng.normal(0, 9, n)), 40, 98)
    oral = np.round(np.clip(0.1 * (written - 70) + 75 + rng.normal(0, 12, n), 40, 98), 2)
    values = (
        rng.choice(["Captain", "Lieutenant"], n),
        race,
        oral,
        written,
        np.round(0.6 * written + 0.4 * oral, 3),
    )
    return pd.DataFrame(dict(zip(names, values, strict=True)))


def multicentre_trial(
    seed: int,
    per_arm: int | list[int] = 10,
    centre_sd: float = 6.0,
    dropouts: int = 0,
):
    """A multi-centre blood-pressure trial: eight centres numbered 1 to 8, each randomising
    ``per_arm`` patients to each arm (one number, or one per centre), each centre with a
    level of its own (sd ``centre_sd`` against 10 of noise); ``dropouts`` patients lost at
    random; the file shuffled."""
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(seed)
    sizes = [per_arm] * 8 if isinstance(per_arm, int) else per_arm
    rows = []
    for centre in range(1, 9):
        effect = rng.normal(0, centre_sd)
        for arm in ("placebo", "active"):
            for _ in range(sizes[centre - 1]):
                rows.append(
                    {
                        "centre": centre,
                        "arm": arm,
                        "age": int(rng.integers(30, 80)),
                        "sex": rng.choice(["F", "M"]),
                        "baseline_sbp": int(rng.normal(150, 12)),
                        "sbp_week12": int(rng.normal(150 - 8 * (arm == "active") + effect, 10)),
                    }
                )
    frame = pd.DataFrame(rows)
    if dropouts:
        frame = frame.drop(index=rng.choice(len(frame), dropouts, replace=False))
    frame = frame.sample(frac=1, random_state=seed).reset_index(drop=True)
    frame.insert(0, "patient_id", [f"P{i:04d}" for i in rng.permutation(len(frame)) + 1])
    return frame


def word_recall(
    seed: int, subjects: list, coding: str = "words", lost: int = 0, name: str = "Subject"
):
    """Batch 80's memory experiment (each subject recalls words of every kind: abstract or
    not, frequent or not, one row each), the conditions coded as words ("Yes"/"No"), as 0/1
    or as True/False, ``lost`` trials lost, the file shuffled."""
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(seed)
    code = {
        "words": lambda x: "Yes" if x else "No",
        "0/1": int,
        "True/False": bool,
    }[coding]
    rows = []
    for subject in subjects:
        memory = rng.normal(0, 10)
        for abstract in (1, 0):
            for frequent in (1, 0):
                percent = 42 - 3 * abstract + 2 * frequent + memory + rng.normal(0, 4)
                rows.append(
                    {
                        name: subject,
                        "Abstract": code(abstract),
                        "Frequent": code(frequent),
                        "Percent": int(np.clip(percent, 0, 100)),
                    }
                )
    frame = pd.DataFrame(rows)
    if lost:
        frame = frame.drop(index=rng.choice(len(frame), lost, replace=False))
    return frame.sample(frac=1, random_state=seed).reset_index(drop=True)

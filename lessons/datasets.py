"""Built-in datasets: seeded generators with planted truth, real data that ships with the
dependencies, and CSV loading for the learner's own files.

Every synthetic set is generated from a seed in well under a second, with no download. The
truth planted in each is documented in its generator's docstring so the lessons can rely on it
(and the unit tests check that it really behaves that way).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from lessons.csv_loading import DEFAULT_MAX_BYTES, LoadedCSV, load_csv
from lessons.errors import DataError
from lessons.event import positive_class

__all__ = [
    "BUILTIN_NAMES",
    "BUILTIN_TITLES",
    "DEFAULT_DATASET",
    "DEFAULT_MAX_BYTES",
    "DataError",
    "Dataset",
    "LoadedCSV",
    "describe",
    "load",
    "load_csv",
]

TASKS = ("binary", "multiclass", "regression")
PROBLEMS = ("classification", "regression", "forecasting", "ranking")


@dataclass(frozen=True)
class Dataset:
    """A dataset and what a lesson needs to know about it.

    Attributes
    ----------
    name : str
        URL-safe identifier (``?dataset=churn``).
    title : str
        Human name.
    frame : pandas.DataFrame
        The rows, one column of which is the target.
    target : str
        The column to predict.
    task : {"binary", "multiclass", "regression"}
        The shape of the target.
    problem : {"classification", "regression", "forecasting", "ranking"}
        How the prediction is used; forecasting and ranking have regression-shaped targets.
    time_column : str or None
        A column that orders rows in time; splits must respect it.
    group_column : str or None
        An entity that repeats across rows (customer, card, store, query).
    description : str
        What the rows are.
    teaches : str
        Which lesson the set was built for.
    post_outcome_columns : tuple of str
        Columns recorded only after the outcome: leaks by construction.
    source : str
        Where the data comes from.
    column_types : tuple of (column, type)
        The column types applied to an upload on the Your data page (see
        ``lessons.audit_types.apply_column_types``), so generated code can apply them again.
    event : object or None
        The label a binary score is about (the event of interest: churned, fraud, malignant).
        None means the minority class; see ``positive_class``.
    label_horizon : pandas.DateOffset or pandas.Timedelta or None
        How long after a row's time its label is settled: churn is "cancels within three
        months", so a row's label is a fact that lands three months after the row. A time
        split leaves a purge gap this long before each cut (``lessons.splits``). None when
        the label is known at the row's own time.
    """

    name: str
    title: str
    frame: pd.DataFrame = field(repr=False)
    target: str
    task: str
    problem: str
    time_column: str | None
    group_column: str | None
    description: str
    teaches: str
    post_outcome_columns: tuple[str, ...] = ()
    source: str = "synthetic (seeded generator)"
    column_types: tuple[tuple[str, str], ...] = ()
    event: object | None = None
    label_horizon: pd.DateOffset | pd.Timedelta | None = None

    @property
    def n_rows(self) -> int:
        return len(self.frame)

    @property
    def feature_columns(self) -> list[str]:
        """Every column except the target and post-outcome leaks."""
        excluded = {self.target, *self.post_outcome_columns}
        return [c for c in self.frame.columns if c not in excluded]

    @property
    def X(self) -> pd.DataFrame:
        return self.frame[self.feature_columns]

    @property
    def y(self) -> pd.Series:
        return self.frame[self.target]

    @property
    def cache_key(self) -> tuple:
        """Everything that changes the rows a lesson sees, as a small hashable key.

        A page caches a lesson's result on this, never on the name alone: an upload
        registered again with other columns kept out, other column types or another time
        column is the same file under the same name, but different data.
        """
        return (
            self.name,
            self.target,
            self.task,
            self.problem,
            self.time_column,
            self.group_column,
            self.n_rows,
            self.post_outcome_columns,
            self.column_types,
            self.event,
            # As text: Streamlit's cache hasher cannot read a pandas DateOffset.
            repr(self.label_horizon),
        )

    @property
    def positive_class(self) -> object | None:
        """The binary target's event of interest (``lessons.event.positive_class``); None
        for a multiclass or regression target."""
        if self.task != "binary":
            return None
        return positive_class(self.y, self.event)


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))


def make_churn(seed: int = 0, n_customers: int = 1500) -> pd.DataFrame:
    """Subscription customers observed monthly over 24 months (Jan 2023 to Dec 2024).

    Planted truth:

    - One row per customer per active month; ``customer_id`` repeats (median about 8 rows).
    - ``churned`` is 1 when the customer cancels within the next three months. Each customer
      has a hidden frailty that raises churn, lowers ``usage_hours`` and raises
      ``support_tickets``; usage also falls in the months before cancelling.
    - Drift: from January 2024 a cheaper competitor arrives. Churn rises for ``premium`` and
      discount-free customers, and the link between usage and churn weakens, so a model
      trained on 2023 scores worse on 2024 than a randomly shuffled split suggests.
    - ``exit_survey_score`` (1-5) is filled in after a cancellation request: present on most
      positive rows and on almost no negative ones. It does not exist at prediction time.
    """
    rng = np.random.default_rng(seed)
    n_months = 24
    horizon = n_months + 3
    frailty = rng.normal(0.0, 1.0, n_customers)
    plan = rng.choice(["basic", "standard", "premium"], n_customers, p=[0.45, 0.35, 0.20])
    base_fee = pd.Series(plan).map({"basic": 9.99, "standard": 14.99, "premium": 24.99})
    has_discount = rng.random(n_customers) < 0.3
    # Discounts are negotiated per customer, so a discounted fee nearly identifies its customer.
    fee = np.round(
        base_fee.to_numpy() * np.where(has_discount, rng.uniform(0.6, 0.95, n_customers), 1.0), 2
    )
    region = rng.choice(["north", "south", "east", "west"], n_customers)
    channel = rng.choice(["web", "app", "partner", "store"], n_customers, p=[0.4, 0.3, 0.2, 0.1])
    signup = rng.integers(-18, n_months - 1, n_customers)
    base_usage = rng.lognormal(2.6, 0.35, n_customers) * np.exp(-0.25 * frailty)

    month_idx = np.arange(horizon)
    competitor = (month_idx >= 12).astype(float)
    # Hazard per customer-month: frailty, plan and the competitor shock after month 12.
    logit = (
        -3.1
        + 0.85 * frailty[:, None]
        + 0.35 * (plan == "basic")[:, None]
        + competitor[None, :]
        * (
            0.9 * (plan == "premium")[:, None]
            + 0.5 * (~has_discount)[:, None]
            - 0.45 * frailty[:, None]
        )
    )
    active_from = np.maximum(signup, 0)
    hazard = _sigmoid(logit)
    draws = rng.random((n_customers, horizon)) < hazard
    draws &= month_idx[None, :] >= active_from[:, None]
    cancels = np.where(draws.any(axis=1), draws.argmax(axis=1), horizon + 10)

    cust, month = np.nonzero(
        (month_idx[None, :n_months] >= active_from[:, None])
        & (month_idx[None, :n_months] <= cancels[:, None])
    )
    months_to_cancel = cancels[cust] - month
    churned = (months_to_cancel <= 2).astype(int)
    tenure = month - signup[cust]
    pre_churn_dip = np.where(
        months_to_cancel <= 2,
        np.where(month >= 12, 0.9, 0.6) ** (3 - months_to_cancel),
        1.0,
    )
    usage = base_usage[cust] * (1 + 0.01 * month) * pre_churn_dip * rng.lognormal(0, 0.2, len(cust))
    tickets = rng.poisson(0.4 * np.exp(0.5 * frailty[cust]) + 0.8 * churned * (month < 12))
    days_since_login = np.round(rng.exponential(3 + 12 / (1 + usage / 10)), 0).astype(int)
    payment_failures = rng.poisson(0.1 + 0.15 * np.clip(frailty[cust], 0, None))

    survey_present = np.where(
        churned == 1, rng.random(len(cust)) < 0.9, rng.random(len(cust)) < 0.01
    )
    survey = np.where(survey_present, rng.integers(1, 6, len(cust)).astype(float), np.nan)

    frame = pd.DataFrame(
        {
            "customer_id": [f"C{c:05d}" for c in cust],
            "month": pd.date_range("2023-01-01", periods=n_months, freq="MS")[month],
            "plan": plan[cust],
            "monthly_fee": fee[cust],
            "has_discount": has_discount[cust],
            "region": region[cust],
            "signup_channel": channel[cust],
            "tenure_months": tenure,
            "usage_hours": np.round(usage, 1),
            "support_tickets": tickets,
            "days_since_last_login": days_since_login,
            "payment_failures": payment_failures,
            "exit_survey_score": survey,
            "churned": churned,
        }
    )
    return frame.sort_values(["month", "customer_id"], ignore_index=True)


def make_fraud(seed: int = 0, n_rows: int = 20_000) -> pd.DataFrame:
    """Card transactions over six months (Jan to Jun 2024) with about 1 % fraud.

    Planted truth: fraud is more likely for card-not-present, foreign, night-time and large
    transactions, in ``electronics`` and ``gift_cards``, far from home and in bursts
    (``txn_count_24h``). ``card_id`` repeats; ``transaction_id`` is a running identifier
    that carries no signal.
    """
    rng = np.random.default_rng(seed)
    n_cards = 2500
    card = rng.integers(0, n_cards, n_rows)
    start = pd.Timestamp("2024-01-01").value // 10**9
    seconds = np.sort(rng.integers(0, 182 * 86400, n_rows))
    ts = pd.to_datetime(start + seconds, unit="s")
    hour = ts.hour.to_numpy()
    categories = np.array(
        ["grocery", "restaurants", "travel", "electronics", "gift_cards", "fuel", "online_retail"]
    )
    cat = rng.choice(categories, n_rows, p=[0.25, 0.2, 0.08, 0.08, 0.04, 0.15, 0.2])
    amount = np.round(rng.lognormal(3.3, 1.0, n_rows), 2)
    card_present = rng.random(n_rows) < np.where(
        np.isin(cat, ["online_retail", "gift_cards"]), 0.05, 0.8
    )
    foreign = rng.random(n_rows) < 0.06
    distance = np.round(rng.exponential(8, n_rows) + foreign * rng.exponential(800, n_rows), 1)
    burst = rng.poisson(1.5, n_rows)
    night = (hour < 6).astype(float)
    logit = (
        -6.5
        + 1.2 * ~card_present
        + 1.3 * foreign
        + 0.9 * night
        + 0.45 * np.log1p(amount / 50)
        + 1.1 * np.isin(cat, ["electronics", "gift_cards"])
        + 0.25 * burst
        + 0.4 * (distance > 100)
    )
    fraud = (rng.random(n_rows) < _sigmoid(logit)).astype(int)
    burst = burst + fraud * rng.poisson(3, n_rows)
    return pd.DataFrame(
        {
            "transaction_id": np.arange(1, n_rows + 1),
            "timestamp": ts,
            "card_id": [f"K{c:05d}" for c in card],
            "amount": amount,
            "merchant_category": cat,
            "hour": hour,
            "card_present": card_present,
            "is_foreign": foreign,
            "distance_from_home_km": distance,
            "txn_count_24h": burst,
            "is_fraud": fraud,
        }
    )


def make_house_prices(seed: int = 0, n_rows: int = 1500) -> pd.DataFrame:
    """House sales: numeric and categorical features, a few missing values, a few outliers.

    Planted truth: ``price`` is about ``160 * sqft`` scaled by neighbourhood and condition,
    plus bathrooms, garage, pool and age effects with multiplicative noise. About 1 % of
    rows are outliers (price five times too high: typos and mansions). ``lot_size_sqft`` is
    missing on about 6 % of rows.
    """
    rng = np.random.default_rng(seed)
    hoods = np.array(["riverside", "old_town", "hillcrest", "industrial", "lakeside", "suburbs"])
    hood_factor = {
        "riverside": 1.25,
        "old_town": 1.1,
        "hillcrest": 1.35,
        "industrial": 0.75,
        "lakeside": 1.45,
        "suburbs": 1.0,
    }
    hood = rng.choice(hoods, n_rows, p=[0.15, 0.2, 0.15, 0.1, 0.1, 0.3])
    sqft = np.round(rng.lognormal(7.35, 0.3, n_rows), 0)
    bedrooms = np.clip(np.round(sqft / 550 + rng.normal(0, 0.7, n_rows)), 1, 7).astype(int)
    bathrooms = np.clip(np.round(bedrooms * 0.6 + rng.normal(0, 0.5, n_rows)), 1, 5).astype(int)
    year_built = rng.integers(1920, 2024, n_rows)
    condition = rng.choice(["poor", "fair", "good", "excellent"], n_rows, p=[0.08, 0.27, 0.45, 0.2])
    cond_factor = (
        pd.Series(condition)
        .map({"poor": 0.8, "fair": 0.92, "good": 1.0, "excellent": 1.12})
        .to_numpy()
    )
    garage = rng.random(n_rows) < 0.65
    pool = rng.random(n_rows) < 0.08
    lot = np.round(sqft * rng.uniform(1.5, 5, n_rows), -1)
    price = (
        160 * sqft * pd.Series(hood).map(hood_factor).to_numpy() * cond_factor
        + 12_000 * bathrooms
        + 18_000 * garage
        + 25_000 * pool
        - 400 * (2024 - year_built)
    ) * rng.lognormal(0, 0.1, n_rows)
    outlier = rng.random(n_rows) < 0.01
    price = np.where(outlier, price * 5, price)
    lot = np.where(rng.random(n_rows) < 0.06, np.nan, lot)
    return pd.DataFrame(
        {
            "sqft": sqft.astype(int),
            "bedrooms": bedrooms,
            "bathrooms": bathrooms,
            "year_built": year_built,
            "lot_size_sqft": lot,
            "neighborhood": hood,
            "condition": condition,
            "has_garage": garage,
            "has_pool": pool,
            "price": np.round(price, -2),
        }
    )


def make_store_demand(seed: int = 0, n_stores: int = 5) -> pd.DataFrame:
    """Daily unit sales for several stores from 2022-01-01 to 2024-12-31.

    Planted truth: ``sales = level_store * trend * weekly * yearly * holiday * promo * noise``
    with a 6 % yearly growth, weekends about 35 % busier, a December peak and a February
    trough, a 60 % lift on public holidays and a 25 % lift on promotion days. ``store_id``
    identifies the series.
    """
    rng = np.random.default_rng(seed)
    dates = pd.date_range("2022-01-01", "2024-12-31", freq="D")
    holidays = {(1, 1), (5, 1), (7, 4), (11, 28), (12, 24), (12, 25), (12, 31)}
    is_holiday = np.array([(d.month, d.day) in holidays for d in dates])
    t_years = (dates - dates[0]).days.to_numpy() / 365.25
    dow = dates.day_of_week.to_numpy()
    weekly = np.where(dow >= 5, 1.35, 1.0) * np.where(dow == 0, 0.9, 1.0)
    doy = dates.day_of_year.to_numpy()
    yearly = 1 + 0.18 * np.cos(2 * np.pi * (doy - 350) / 365.25)
    frames = []
    for store in range(n_stores):
        level = rng.uniform(80, 220)
        promo = rng.random(len(dates)) < 0.1
        noise = rng.lognormal(0, 0.08, len(dates))
        sales = (
            level
            * 1.06**t_years
            * weekly
            * yearly
            * np.where(is_holiday, 1.6, 1.0)
            * np.where(promo, 1.25, 1.0)
            * noise
        )
        frames.append(
            pd.DataFrame(
                {
                    "date": dates,
                    "store_id": f"S{store + 1:02d}",
                    "day_of_week": dates.day_name(),
                    "is_holiday": is_holiday,
                    "promo": promo,
                    "sales": np.round(sales).astype(int),
                }
            )
        )
    return pd.concat(frames, ignore_index=True).sort_values(["date", "store_id"], ignore_index=True)


def make_search_ranking(
    seed: int = 0, n_queries: int = 300, docs_per_query: int = 20
) -> pd.DataFrame:
    """Search queries, each with candidate documents and graded relevance 0-3.

    Planted truth: a hidden relevance score is driven mostly by ``text_match`` and
    ``title_match`` and weakly by ``prior_ctr`` and ``freshness_days`` (fresh is better);
    ``doc_length`` and ``pagerank`` carry little signal. Grades are the hidden score cut at
    per-query quantiles, so most candidates are 0 and a few are 3.
    """
    rng = np.random.default_rng(seed)
    n = n_queries * docs_per_query
    query = np.repeat(np.arange(n_queries), docs_per_query)
    text_match = rng.beta(2, 5, n)
    title_match = (rng.random(n) < 0.2 + 0.5 * text_match).astype(int)
    prior_ctr = np.clip(rng.beta(1.5, 20, n) + 0.03 * text_match, 0, 1)
    freshness = rng.integers(0, 720, n)
    doc_length = rng.integers(80, 5000, n)
    pagerank = rng.random(n)
    hidden = (
        3.0 * text_match
        + 1.0 * title_match
        + 8 * prior_ctr
        - 0.0008 * freshness
        + rng.normal(0, 0.35, n)
    )
    # Queries are contiguous blocks, so per-query quantiles are row-wise on a matrix.
    per_query = hidden.reshape(n_queries, docs_per_query)
    cuts = np.quantile(per_query, [0.55, 0.8, 0.93], axis=1).T
    relevance = (per_query[:, :, None] > cuts[:, None, :]).sum(axis=2).ravel()
    return pd.DataFrame(
        {
            "query_id": [f"Q{q:04d}" for q in query],
            "doc_id": [f"D{d:06d}" for d in rng.permutation(n)],
            "text_match": np.round(text_match, 4),
            "title_match": title_match,
            "prior_ctr": np.round(prior_ctr, 4),
            "freshness_days": freshness,
            "doc_length": doc_length,
            "pagerank": np.round(pagerank, 4),
            "relevance": relevance,
        }
    )


def _sklearn_frame(loader: Callable, target_name: str) -> pd.DataFrame:
    bunch = loader(as_frame=True)
    frame = bunch.frame.copy()
    return frame.rename(columns={"target": target_name})


def _breast_cancer(seed: int) -> pd.DataFrame:
    from sklearn.datasets import load_breast_cancer

    frame = _sklearn_frame(load_breast_cancer, "malignant")
    # scikit-learn codes benign as 1; the lessons predict the dangerous class.
    frame["malignant"] = 1 - frame["malignant"]
    return frame


def _diabetes(seed: int) -> pd.DataFrame:
    from sklearn.datasets import load_diabetes

    return _sklearn_frame(load_diabetes, "progression")


def _wine(seed: int) -> pd.DataFrame:
    from sklearn.datasets import load_wine

    frame = _sklearn_frame(load_wine, "cultivar")
    frame["cultivar"] = frame["cultivar"].map({0: "cultivar_a", 1: "cultivar_b", 2: "cultivar_c"})
    return frame


def _stocks(seed: int) -> pd.DataFrame:
    import plotly.data

    frame = plotly.data.stocks()
    frame["date"] = pd.to_datetime(frame["date"])
    frame["AAPL_next_week"] = frame["AAPL"].shift(-1)
    return frame.dropna(subset=["AAPL_next_week"]).reset_index(drop=True)


@dataclass(frozen=True)
class _Spec:
    make: Callable[[int], pd.DataFrame]
    title: str
    target: str
    task: str
    problem: str
    time_column: str | None
    group_column: str | None
    description: str
    teaches: str
    post_outcome_columns: tuple[str, ...] = ()
    source: str = "synthetic (seeded generator)"
    event: object | None = None
    label_horizon: pd.DateOffset | pd.Timedelta | None = None


_SPECS: dict[str, _Spec] = {
    "churn": _Spec(
        make_churn,
        "Subscription churn",
        "churned",
        "binary",
        "classification",
        "month",
        "customer_id",
        "Customers observed monthly over 24 months; will they cancel within three months?",
        "Time splits, group splits and a post-outcome leak: shuffled rows and repeated "
        "customers flatter the score, and a competitor arriving in 2024 shifts behaviour.",
        post_outcome_columns=("exit_survey_score",),
        event=1,
        # "Cancels within the next three months": a row's label is settled three months on.
        label_horizon=pd.DateOffset(months=3),
    ),
    "fraud": _Spec(
        make_fraud,
        "Card fraud",
        "is_fraud",
        "binary",
        "classification",
        "timestamp",
        "card_id",
        "Six months of card transactions; about 1 in 100 is fraud.",
        "Rare classes: stratified splits, and why accuracy is useless at 1 %.",
        event=1,
        # The label describes the transaction itself; this generator plants no chargeback delay.
    ),
    "house_prices": _Spec(
        make_house_prices,
        "House prices",
        "price",
        "regression",
        "regression",
        None,
        None,
        "House sales with size, rooms, neighbourhood and condition.",
        "Regression metrics and preprocessing: outliers pull RMSE, missing lot sizes need imputing.",
    ),
    "store_demand": _Spec(
        make_store_demand,
        "Store demand",
        "sales",
        "regression",
        "forecasting",
        "date",
        "store_id",
        "Daily sales of five stores over three years, with holidays and promotions.",
        "Forecasting: split by time, beat the seasonal naive baseline, score with MASE.",
        # The day's sales are known when the day closes: no label horizon.
    ),
    "search_ranking": _Spec(
        make_search_ranking,
        "Search ranking",
        "relevance",
        "regression",
        "ranking",
        None,
        "query_id",
        "300 search queries with 20 candidate documents each, graded 0 to 3.",
        "Ranking metrics: NDCG, MAP and hit@k care about order, not absolute scores.",
    ),
    "breast_cancer": _Spec(
        _breast_cancer,
        "Breast cancer (real)",
        "malignant",
        "binary",
        "classification",
        None,
        None,
        "569 tumour biopsies described by 30 cell measurements (Wisconsin data).",
        "The cost of a missed diagnosis: recall against precision on real data.",
        source="scikit-learn (real data)",
        event=1,
    ),
    "diabetes": _Spec(
        _diabetes,
        "Diabetes progression (real)",
        "progression",
        "regression",
        "regression",
        None,
        None,
        "442 patients, ten baseline measurements, disease progression one year later.",
        "Small data: one validation split is noisy, k-fold is steadier.",
        source="scikit-learn (real data)",
    ),
    "wine": _Spec(
        _wine,
        "Wine cultivars (real)",
        "cultivar",
        "multiclass",
        "classification",
        None,
        None,
        "178 wines, 13 chemical measurements, three cultivars.",
        "Multiclass classification on a tiny, easy table: when a simple model is enough.",
        source="scikit-learn (real data)",
    ),
    "stocks": _Spec(
        _stocks,
        "Tech stocks (real)",
        "AAPL_next_week",
        "regression",
        "forecasting",
        "date",
        None,
        "Weekly prices of six tech stocks in 2018-2019, normalised to 1 at the start.",
        "Time series: last week's value is a baseline that is hard to beat, and shuffling lies.",
        source="Plotly (real data)",
        # The target is next week's price: settled one week after the row.
        label_horizon=pd.Timedelta(weeks=1),
    ),
}

BUILTIN_NAMES: tuple[str, ...] = tuple(_SPECS)
BUILTIN_TITLES: dict[str, str] = {name: spec.title for name, spec in _SPECS.items()}
DEFAULT_DATASET = "churn"


def load(name: str, seed: int = 0) -> Dataset:
    """Build a built-in dataset.

    Parameters
    ----------
    name : str
        One of ``BUILTIN_NAMES``.
    seed : int, default=0
        Seed of the generator; real datasets ignore it.

    Returns
    -------
    Dataset

    Raises
    ------
    DataError
        If the name is unknown.
    """
    spec = _SPECS.get(name)
    if spec is None:
        raise DataError(
            f"There is no built-in dataset called {name!r}. Pick one of: {', '.join(BUILTIN_NAMES)}."
        )
    return Dataset(
        name=name,
        title=spec.title,
        frame=spec.make(seed),
        target=spec.target,
        task=spec.task,
        problem=spec.problem,
        time_column=spec.time_column,
        group_column=spec.group_column,
        description=spec.description,
        teaches=spec.teaches,
        post_outcome_columns=spec.post_outcome_columns,
        source=spec.source,
        event=spec.event,
        label_horizon=spec.label_horizon,
    )


def describe(dataset: Dataset) -> dict[str, object]:
    """One gallery row: the facts about a dataset that a learner compares."""
    y = dataset.y
    if dataset.task == "binary":
        balance = f"{y.mean():.1%} positive"
    elif dataset.task == "multiclass":
        balance = f"{y.nunique()} classes"
    else:
        balance = f"mean {y.mean():,.3g}"
    return {
        "dataset": dataset.name,
        "title": dataset.title,
        "rows": dataset.n_rows,
        "features": len(dataset.feature_columns),
        "target": dataset.target,
        "task": dataset.task,
        "problem": dataset.problem,
        "target balance": balance,
        "time column": dataset.time_column or "",
        "group column": dataset.group_column or "",
        "teaches": dataset.teaches,
        "source": dataset.source,
    }

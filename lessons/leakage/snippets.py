"""The code of each leak, leaky and honest, a few lines each, and their diff."""

from __future__ import annotations

import difflib

# The code, leaky and honest, a few lines each ------------------------------------------------

CODE: dict[str, tuple[str, str]] = {
    "preprocessing_scaler": (
        """prep = make_pipeline(SimpleImputer(), StandardScaler())
X_all = prep.fit_transform(X)            # every row
model = Ridge()
cross_val_score(model, X_all, y, cv=5)""",
        """prep = make_pipeline(SimpleImputer(), StandardScaler())
model = make_pipeline(prep, Ridge())     # fitted per fold
cross_val_score(model, X, y, cv=5)""",
    ),
    "feature_selection": (
        """X_top = SelectKBest(k=25).fit_transform(X, y)   # every row
model = LogisticRegression()
cross_val_score(model, X_top, y, cv=5)""",
        """model = make_pipeline(SelectKBest(k=25), LogisticRegression())
cross_val_score(model, X, y, cv=5)       # picks per fold""",
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
        """met = customers.sample(frac=0.5)         # the customers trained on
train = df[(df["month"] < val_start) & df["customer_id"].isin(met)]
valid = df[df["month"].between(val_start, test_start, inclusive="left")]
valid = valid[valid["customer_id"].isin(met)]     # customers met before
model = HistGradientBoostingClassifier().fit(train[inputs], train["churned"])
roc_auc_score(valid["churned"], model.predict_proba(valid[inputs])[:, 1])""",
        """met = customers.sample(frac=0.5)         # the customers trained on
train = df[(df["month"] < val_start) & df["customer_id"].isin(met)]
valid = df[df["month"].between(val_start, test_start, inclusive="left")]
valid = valid[~valid["customer_id"].isin(met)]    # customers never met
model = HistGradientBoostingClassifier().fit(train[inputs], train["churned"])
roc_auc_score(valid["churned"], model.predict_proba(valid[inputs])[:, 1])""",
    ),
    "duplicates": (
        """df = orders.merge(listings, on="house_id")   # fans out: copies
model = RandomForestRegressor()
cross_val_score(model, df[inputs], df["price"], cv=5)""",
        """df = orders.merge(listings, on="house_id")
df = df.drop_duplicates()                    # one row per sale
model = RandomForestRegressor()
cross_val_score(model, df[inputs], df["price"], cv=5)""",
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

"""Cached access to datasets. Lessons compute; this module decides what is cached and how."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from lessons import datasets


@st.cache_data(show_spinner=False, max_entries=64)
def builtin(name: str, seed: int) -> datasets.Dataset:
    """A built-in dataset, generated once per (name, seed) for every session."""
    return datasets.load(name, seed)


@st.cache_data(show_spinner="Building the dataset gallery…")
def gallery(seed: int) -> pd.DataFrame:
    """One row per built-in dataset with its computed facts."""
    return pd.DataFrame([datasets.describe(builtin(name, seed)) for name in datasets.BUILTIN_NAMES])

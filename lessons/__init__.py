"""The science of ML Spine: pure functions and small estimator-style objects, no streamlit."""

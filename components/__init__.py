"""Streamlit building blocks: each component owns its widgets and its session_state keys."""

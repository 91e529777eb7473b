"""Your data: upload a CSV, audit it for leaks and split traps, then run the lessons on it."""

import streamlit as st

from components import audit, page, sidebar, upload
from lessons.content import sections

page.setup()

text = sections("data")
st.title("Your data")
st.markdown(text["intro"])

st.subheader("1. Upload")
current = upload.uploader()
if current is None:
    st.info(text["empty"], icon=":material/upload_file:")
else:
    audit.preview(current)
    st.subheader("2. Columns and target")
    st.markdown(text["types"])
    types = audit.column_types(current)
    target = audit.target_picker(current, types)
    task = audit.task_picker(current)
    report = audit.run(current, target, types, sidebar.active_seed(), task) if target else None
    if report is not None:
        st.subheader("3. The audit")
        st.markdown(text["report"])
        audit.summary(report)
        audit.findings(report)
        st.subheader("4. How to split and score it")
        st.markdown(text["recommend"])
        audit.recommendation(report)
        st.subheader("5. Use this dataset in the lessons")
        st.markdown(text["use"])
        audit.use_in_lessons(current, report, types)

with st.expander("The audit's vocabulary"):
    st.markdown(text["vocabulary"])
    audit.glossary()

"""The one exception type the lessons raise for bad input."""


class DataError(ValueError):
    """Input a person can fix: the message says what is wrong and what to do.

    Components turn it into ``st.error``; the command-line tools print it on one line.
    """

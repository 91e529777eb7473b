"""``python -m lessons.audit FILE.csv --target COLUMN [--json]``."""

from lessons.audit.cli import exit_now, main

if __name__ == "__main__":
    exit_now(main())

"""``python -m lessons.audit FILE.csv --target COLUMN [--json]``."""

import sys

from lessons.audit.cli import main

if __name__ == "__main__":
    sys.exit(main())

"""The suite and the app run from any checkout: no absolute path of one machine in the tree."""

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# A home or work folder of one machine, or one particular virtualenv's interpreter. System
# paths that the project documents (Debian's /usr/bin/chromium, /usr/sbin/nginx) are fine.
MACHINE_PATH = re.compile(r"""["'`]/(?:work|home|Users|root|tmp)/|/\.venv/bin/python\b""")


def _tracked_text_files() -> list[Path]:
    listed = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout.split(b"\0")
    keep = {".py", ".toml", ".cfg", ".ini", ".sh", ""}
    paths = [ROOT / name.decode() for name in listed if name]
    return [p for p in paths if p.is_file() and (p.suffix in keep or p.name in {"Makefile", "run"})]


def test_no_absolute_path_of_one_checkout_or_machine():
    hits = []
    for path in _tracked_text_files():
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        for number, line in enumerate(text.splitlines(), start=1):
            if MACHINE_PATH.search(line):
                hits.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not hits, "use sys.executable or a path relative to the checkout:\n" + "\n".join(hits)

"""A small classroom in the test suite: three sessions at once, two walk the lessons (one on each
of the class's two datasets, so a session that saw its neighbour's data would show), one uploads.

The walkers take the home page and the pages with a main control; the other pages have their own
end-to-end tests. The full version (20 + 5 sessions, every page, three rounds, memory) runs in
`make bench`.
"""

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest

from bench.classroom import CONTROLS, run_round


@pytest.mark.slow
def test_a_small_classroom_shares_nothing_and_errs_nowhere(server):
    # Its own thread: the suite's synchronous Playwright already runs an event loop here.
    with ThreadPoolExecutor(max_workers=1) as pool:
        walk = run_round(server.url, walkers=2, uploaders=1, pages=("", *CONTROLS))
        report = pool.submit(asyncio.run, walk).result()
    assert report.errors == [], "\n".join(report.errors)
    assert report.pages_visited == 2 * (1 + len(CONTROLS))
    assert len(report.settle_seconds) >= 2 * len(CONTROLS)
    print(f"control-to-settled median {report.median:.2f} s, p95 {report.p95:.2f} s")

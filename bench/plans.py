"""Lesson plans: seconds to compute each plan's numbers from cold, and to render them."""

from __future__ import annotations

import time

from lessons import plans


def bench_plans() -> list[tuple[str, float, str]]:
    """Each lesson's plan built once from cold (wall and CPU seconds), then all seven rendered.

    ``plans.build`` runs on one thread, so the CPU seconds are what the wall time would be on
    an idle machine; the app caches each plan after its first build.
    """
    rows = []
    built = []
    for lesson in plans.LESSON_KEYS:
        start_cpu = time.process_time()
        plan = plans.build(lesson)
        rows.append((f"{lesson} numbers (cold), wall", plan.seconds, "s"))
        rows.append((f"{lesson} numbers (cold), CPU", time.process_time() - start_cpu, "s"))
        built.append(plan)
    start = time.perf_counter()
    plans.to_document(built, base_url="http://localhost:8501")
    rows.append(("all seven rendered to printable HTML", time.perf_counter() - start, "s"))
    return rows

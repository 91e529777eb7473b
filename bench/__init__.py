"""Benchmarks: `make bench` measures and prints; tests never assert a time.

Each module here exposes one or more ``bench_*()`` functions returning rows of
``(label, value, unit)`` or ``(label, seconds)``; ``python -m bench`` runs them all.
"""

"""Timing of the desk's use cases on a ten-year database: `python -m tests.benchmarks`."""

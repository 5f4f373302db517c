"""Benchmarks and their data generator; run from the repository root (python -m bench.…)."""

"""Tests of the user interface with pytest-qt, on the test run's own X display."""

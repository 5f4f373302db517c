"""The settings window, its fields and pages, and the own-practice form."""

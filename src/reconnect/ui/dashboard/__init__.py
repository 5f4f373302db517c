"""The dashboard window and its sections, figures and tables."""

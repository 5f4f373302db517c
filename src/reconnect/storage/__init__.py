"""Keeping the history: SQLAlchemy tables, migrations and the unit of work."""

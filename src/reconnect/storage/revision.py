"""The newest schema this version of Reconnect knows (without importing SQLAlchemy)."""

# Checked against the migration scripts by a test; comparing against it first means Alembic is
# only imported when there is work to do.
HEAD_REVISION = "0007"

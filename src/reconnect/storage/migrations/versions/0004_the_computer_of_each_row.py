"""the computer of each row

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 02:10:00.000000

Sessions and prompts get the name of the computer they were recorded on, so one history can be
shared by several computers through PostgreSQL. Rows already there belong to the computer that
runs this upgrade (its ``sync.computer_name``, handed over by ``open_database``, else its host
name). The columns are added in place on SQLite and PostgreSQL alike: on SQLite, rebuilding
``sessions`` with foreign keys on would cascade-delete every check-in.
"""

from __future__ import annotations

import platform
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import context, op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _this_computer() -> str:
    name = context.config.attributes.get("computer") or platform.node() or "this computer"
    return str(name)[:64]


def upgrade() -> None:
    name = _this_computer()
    for table in ("sessions", "prompts"):
        op.add_column(
            table,
            sa.Column("computer", sa.String(length=64), server_default="", nullable=False),
        )
        op.execute(sa.table(table, sa.column("computer")).update().values(computer=name))
    op.create_index(
        "ix_sessions_computer_local_date", "sessions", ["computer", "local_date"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_sessions_computer_local_date", table_name="sessions")
    # Dropped in place (SQLite 3.35 or newer), for the same reason as above.
    op.drop_column("prompts", "computer")
    op.drop_column("sessions", "computer")

"""covering index for the statistics

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 00:39:07.673358
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sessions_practice_id"))
        batch_op.create_index(
            "ix_sessions_practice_counts",
            ["practice_id", "started_at", "local_date", "outcome", "id"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("sessions", schema=None) as batch_op:
        batch_op.drop_index("ix_sessions_practice_counts")
        batch_op.create_index(batch_op.f("ix_sessions_practice_id"), ["practice_id"], unique=False)

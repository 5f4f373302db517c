"""initial history tables

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-21 22:31:16.316034
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sessions",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("practice_id", sa.String(length=40), nullable=False),
        sa.Column("practice_title", sa.String(length=120), nullable=False),
        sa.Column("trigger", sa.String(length=20), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=True),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("started_offset", sa.Integer(), nullable=False),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.Column("ended_offset", sa.Integer(), nullable=True),
        sa.Column("local_date", sa.Date(), nullable=False),
        sa.Column("local_hour", sa.SmallInteger(), nullable=False),
        sa.Column("local_weekday", sa.SmallInteger(), nullable=False),
        sa.CheckConstraint("local_hour BETWEEN 0 AND 23", name=op.f("ck_sessions_local_hour")),
        sa.CheckConstraint("local_weekday BETWEEN 0 AND 6", name=op.f("ck_sessions_local_weekday")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sessions")),
    )
    with op.batch_alter_table("sessions", schema=None) as batch_op:
        batch_op.create_index("ix_sessions_local_date", ["local_date"], unique=False)
        batch_op.create_index("ix_sessions_practice_id", ["practice_id"], unique=False)
        batch_op.create_index("ix_sessions_started_at", ["started_at"], unique=False)

    op.create_table(
        "checkins",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("session_id", sa.String(length=64), nullable=False),
        sa.Column("level", sa.SmallInteger(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("at_offset", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.CheckConstraint("level BETWEEN 0 AND 3", name=op.f("ck_checkins_level")),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name=op.f("fk_checkins_session_id_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checkins")),
        sa.UniqueConstraint("session_id", name=op.f("uq_checkins_session_id")),
    )
    op.create_table(
        "checkin_marks",
        sa.Column("checkin_id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("value", sa.String(length=40), nullable=False),
        sa.Column("position", sa.SmallInteger(), nullable=False),
        sa.CheckConstraint("kind IN ('body', 'feeling')", name=op.f("ck_checkin_marks_kind")),
        sa.ForeignKeyConstraint(
            ["checkin_id"],
            ["checkins.id"],
            name=op.f("fk_checkin_marks_checkin_id_checkins"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("checkin_id", "kind", "value", name=op.f("pk_checkin_marks")),
    )
    with op.batch_alter_table("checkin_marks", schema=None) as batch_op:
        batch_op.create_index("ix_checkin_marks_kind_value", ["kind", "value"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("checkin_marks", schema=None) as batch_op:
        batch_op.drop_index("ix_checkin_marks_kind_value")

    op.drop_table("checkin_marks")
    op.drop_table("checkins")
    with op.batch_alter_table("sessions", schema=None) as batch_op:
        batch_op.drop_index("ix_sessions_started_at")
        batch_op.drop_index("ix_sessions_practice_id")
        batch_op.drop_index("ix_sessions_local_date")

    op.drop_table("sessions")

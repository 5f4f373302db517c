"""The database tables, as SQLAlchemy 2 declarative models."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Named constraints let later migrations alter tables on SQLite (batch mode) and PostgreSQL alike.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


# The longest computer name (``core.settings.COMPUTER_NAME_LENGTH``).
COMPUTER_LENGTH = 64
DEFERRED_LENGTH = 120  # a calendar event's title is cut to fit


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class SessionRow(Base):
    """One break session. Times are naive UTC; the ``*_offset`` columns keep local offsets.

    ``local_date``, ``local_hour`` and ``local_weekday`` are derived from the start time and
    its offset when the row is written, so reports can group by them in plain SQL on any
    database. ``computer`` names the computer it was recorded on (a history shared through
    PostgreSQL holds several); its check-in belongs to the same computer.
    """

    __tablename__ = "sessions"
    __table_args__ = (
        CheckConstraint("local_hour BETWEEN 0 AND 23", name="local_hour"),
        CheckConstraint("local_weekday BETWEEN 0 AND 6", name="local_weekday"),
        Index("ix_sessions_started_at", "started_at"),
        Index("ix_sessions_local_date", "local_date"),
        # Covers the per-practice counts of the statistics (so they read only this index) and
        # finds each practice's latest title without sorting.
        Index(
            "ix_sessions_practice_counts",
            "practice_id",
            "started_at",
            "local_date",
            "outcome",
            "id",
        ),
        Index("ix_sessions_computer_local_date", "computer", "local_date"),
        # The start's first look: the end of this computer's last break (``first_look``).
        Index("ix_sessions_computer_ended_at", "computer", "ended_at"),
    )

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    practice_id: Mapped[str] = mapped_column(String(40))
    practice_title: Mapped[str] = mapped_column(String(120))
    trigger: Mapped[str] = mapped_column(String(20))
    outcome: Mapped[str | None] = mapped_column(String(20))
    started_at: Mapped[datetime] = mapped_column(DateTime())
    started_offset: Mapped[int] = mapped_column(Integer)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime())
    ended_offset: Mapped[int | None] = mapped_column(Integer)
    local_date: Mapped[date] = mapped_column(Date)
    local_hour: Mapped[int] = mapped_column(SmallInteger)
    local_weekday: Mapped[int] = mapped_column(SmallInteger)
    # The empty default only lets migration 0004 add the column in place (on SQLite a table
    # rebuild would cascade-delete check-ins); every row is written with its computer's name.
    computer: Mapped[str] = mapped_column(String(COMPUTER_LENGTH), server_default="")

    checkin: Mapped[CheckInRow | None] = relationship(
        back_populates="session", cascade="all, delete-orphan", passive_deletes=True
    )


class CheckInRow(Base):
    """The spark check-in after a session: at most one per session."""

    __tablename__ = "checkins"
    __table_args__ = (CheckConstraint("level BETWEEN 0 AND 3", name="level"),)

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    session_id: Mapped[str] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), unique=True
    )
    level: Mapped[int] = mapped_column(SmallInteger)
    at: Mapped[datetime] = mapped_column(DateTime())
    at_offset: Mapped[int] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")

    session: Mapped[SessionRow] = relationship(back_populates="checkin")
    marks: Mapped[list[CheckInMarkRow]] = relationship(
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="CheckInMarkRow.position",
    )


class CheckInMarkRow(Base):
    """A body area or feeling word named in a check-in; one row each, so SQL can count them."""

    __tablename__ = "checkin_marks"
    __table_args__ = (
        CheckConstraint("kind IN ('body', 'feeling')", name="kind"),
        Index("ix_checkin_marks_kind_value", "kind", "value"),
    )

    checkin_id: Mapped[str] = mapped_column(
        ForeignKey("checkins.id", ondelete="CASCADE"), primary_key=True
    )
    kind: Mapped[str] = mapped_column(String(8), primary_key=True)
    value: Mapped[str] = mapped_column(String(40), primary_key=True)
    position: Mapped[int] = mapped_column(SmallInteger)


class PromptRow(Base):
    """One offered break and its fate (see ``core.prompts``)."""

    __tablename__ = "prompts"
    __table_args__ = (
        Index("ix_prompts_offered_at", "offered_at"),
        # The start's first look: when this computer last let a break go (``first_look``).
        Index("ix_prompts_computer_fate_decided_at", "computer", "fate", "decided_at"),
    )

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    offered_at: Mapped[datetime] = mapped_column(DateTime())
    offered_offset: Mapped[int] = mapped_column(Integer)
    practice_id: Mapped[str] = mapped_column(String(40))
    practice_title: Mapped[str] = mapped_column(String(120))
    probability: Mapped[float | None] = mapped_column(Float)
    quiet: Mapped[bool] = mapped_column(Boolean, default=False)
    fate: Mapped[str | None] = mapped_column(String(20))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime())
    decided_offset: Mapped[int | None] = mapped_column(Integer)
    session_id: Mapped[str | None] = mapped_column(ForeignKey("sessions.id", ondelete="SET NULL"))
    computer: Mapped[str] = mapped_column(String(COMPUTER_LENGTH), server_default="")
    # What held the prompt back unseen when it came due (a call, a calendar event...).
    deferred_because: Mapped[str | None] = mapped_column(String(DEFERRED_LENGTH))
    # The experiment this offer belonged to (``core.experiments``); None for the usual offers.
    experiment_id: Mapped[str | None] = mapped_column(
        ForeignKey("experiments.id", ondelete="SET NULL")
    )


class ExperimentRow(Base):
    """Two practices compared over a planned number of breaks (``core.experiments``).

    Times are naive UTC with their local offsets, as in the other tables; its offers are the
    prompts that name it.
    """

    __tablename__ = "experiments"
    __table_args__ = (
        CheckConstraint("breaks >= 1", name="breaks"),
        Index("ix_experiments_started_at", "started_at"),
    )

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    practice_a: Mapped[str] = mapped_column(String(40))
    title_a: Mapped[str] = mapped_column(String(120))
    practice_b: Mapped[str] = mapped_column(String(40))
    title_b: Mapped[str] = mapped_column(String(120))
    breaks: Mapped[int] = mapped_column(Integer)
    seed: Mapped[int] = mapped_column(Integer)
    started_at: Mapped[datetime] = mapped_column(DateTime())
    started_offset: Mapped[int] = mapped_column(Integer)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime())
    ended_offset: Mapped[int | None] = mapped_column(Integer)
    stopped_early: Mapped[bool] = mapped_column(Boolean, default=False)

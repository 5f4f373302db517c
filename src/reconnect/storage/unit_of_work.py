"""A unit of work: one database session per use case, committed explicitly, then closed."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from types import TracebackType

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from reconnect.storage.boundary import database_errors, problem_of
from reconnect.storage.database import DATABASE_FILE_KEY, FileIdentity
from reconnect.storage.experiment_repository import ExperimentRepository
from reconnect.storage.history_repository import HistoryRepository
from reconnect.storage.prompt_repository import PromptRepository

log = logging.getLogger(__name__)


class UnitOfWork:
    """Open with ``with``; nothing is saved unless ``commit()`` is called.

    A database error inside the ``with`` block, or in ``commit``, leaves it as the app's own
    ``DatabaseProblem`` (``boundary.problem_of``): callers never see SQLAlchemy's errors.

    Args:
        session_factory: the database's session factory.
        reading: the use case only reads (a failure is told as a read, not a write).

    Example:
        with UnitOfWork(factory) as uow:
            uow.history.add(session)
            uow.commit()
    """

    def __init__(self, session_factory: sessionmaker[Session], *, reading: bool = False) -> None:
        self._factory = session_factory
        self._reading = reading
        self._session: Session | None = None

    def __enter__(self) -> UnitOfWork:
        self._session = self._factory()
        self.history = HistoryRepository(self._session)
        self.prompts = PromptRepository(self._session)
        self.experiments = ExperimentRepository(self._session)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        assert self._session is not None
        session, self._session = self._session, None
        try:
            try:
                session.rollback()
            finally:
                session.close()
        except SQLAlchemyError as error:
            if exc is None:
                raise problem_of(error, reading=self._reading) from error
            # The error that ended the work says more: it is the one raised, below.
            log.debug("a unit of work could not be rolled back: %s", type(error).__name__)
        if isinstance(exc, SQLAlchemyError):
            raise problem_of(exc, reading=self._reading) from exc

    def commit(self) -> None:
        """Make the work lasting.

        Raises:
            DatabaseProblem: the database file was moved, deleted or replaced since it was
                opened, or the database refused the work; nothing was written (the work is
                rolled back when the ``with`` ends).
        """
        assert self._session is not None, "commit() outside 'with'"
        file = self._session.info.get(DATABASE_FILE_KEY)
        if isinstance(file, FileIdentity) and (problem := file.problem()) is not None:
            raise problem
        with database_errors():
            self._session.commit()


@contextmanager
def read_session(session_factory: sessionmaker[Session]) -> Iterator[Session]:
    """A session for set-based reads (``stats_queries``), closed after the ``with`` block.

    Raises:
        DatabaseProblem: the history could not be read (told as a read).
    """
    with database_errors(reading=True), session_factory() as session:
        yield session

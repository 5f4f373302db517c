"""A unit of work: one database session per use case, committed explicitly, then closed."""

from __future__ import annotations

from types import TracebackType

from sqlalchemy.orm import Session, sessionmaker

from reconnect.storage.database import DATABASE_FILE_KEY, FileIdentity
from reconnect.storage.history_repository import HistoryRepository
from reconnect.storage.prompt_repository import PromptRepository


class UnitOfWork:
    """Open with ``with``; nothing is saved unless ``commit()`` is called.

    Example:
        with UnitOfWork(factory) as uow:
            uow.history.add(session)
            uow.commit()
    """

    def __init__(self, session_factory: sessionmaker[Session]) -> None:
        self._factory = session_factory
        self._session: Session | None = None

    def __enter__(self) -> UnitOfWork:
        self._session = self._factory()
        self.history = HistoryRepository(self._session)
        self.prompts = PromptRepository(self._session)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        assert self._session is not None
        self._session.rollback()
        self._session.close()
        self._session = None

    def commit(self) -> None:
        """Make the work lasting.

        Raises:
            DatabaseProblem: the database file was moved, deleted or replaced since it was
                opened; nothing was written (the work is rolled back when the ``with`` ends).
        """
        assert self._session is not None, "commit() outside 'with'"
        file = self._session.info.get(DATABASE_FILE_KEY)
        if isinstance(file, FileIdentity) and (problem := file.problem()) is not None:
            raise problem
        self._session.commit()

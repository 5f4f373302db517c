"""Records breaks with Reconnect's real storage stack until it is killed; run by the crash tests.

``python driver.py DATA_DIR`` runs once. ``python driver.py --fork-server`` imports everything
once and then, for each line ``RUN DATA_DIR`` on its input, forks a run: the run is a process of
its own (the test kills it with SIGKILL) that starts in milliseconds instead of a second. When a
run has ended the server says ``EXIT <pid> <wait status>``.

A run starts the way the app does (``bootstrap.build``, the database opened and migrated, what
the last run left tidied), then loops: offer a prompt, start a session, save a check-in, finish
the session. Each line is printed (and flushed) only after its step has returned, that is after
its commit:

    PID <pid>
    OPENING                              the database is about to be opened
    READY                                opened, migrated and tidied
    STARTED <session id>
    CONFIRMED <check-in id> <session id>
    FINISHED <session id>

What a check-in says follows from its session id alone (``expected_checkin``), so the test can
check every check-in it finds, confirmed or not, for being whole.
"""

from __future__ import annotations

import os
import random
import sys
import traceback
from typing import Any

from reconnect.core.vocabulary import BODY_AREAS, FEELING_WORDS

PRACTICES = ("hand-on-heart", "sunlight", "music-chills", "box-breath")


def expected_checkin(session_id: str) -> dict[str, Any]:
    """The check-in the driver saves for a session: level, body areas, feelings and note.

    A string seed is hashed with SHA-512, so every process derives the same answer.
    """
    rng = random.Random(f"checkin:{session_id}")
    # Notes from empty to a few pages of the database, so some rows spill into overflow pages.
    length = rng.choice((0, 12, 300, 1500, 3000))
    motif = "".join(rng.choice("abcdefghij klmnopqrstuvwxyz äöü💛") for _ in range(37))
    note = (motif * (length // len(motif) + 1))[:length].strip()
    return {
        "session": session_id,
        "level": rng.randint(0, 3),
        "body": sorted(rng.sample(BODY_AREAS, rng.randint(0, 4))),
        "feelings": sorted(rng.sample(FEELING_WORDS, rng.randint(0, 3))),
        "note": note,
    }


def _say(*words: str) -> None:
    # One write per line, and lines stay under PIPE_BUF: a line is either there whole or not.
    sys.stdout.write(" ".join(words) + "\n")
    sys.stdout.flush()


def record_until_killed(data_dir: str) -> None:
    from reconnect.app import bootstrap
    from reconnect.core.prompts import PromptFate
    from reconnect.core.sessions import Outcome, Trigger
    from reconnect.services.breaks import BreakRecords

    _say("PID", str(os.getpid()))
    context = bootstrap.build(data_dir, {})
    clock = context.clock
    practices = [p for p in (context.library.get(i) for i in PRACTICES) if p is not None]
    if len(practices) != len(PRACTICES):
        raise SystemExit(f"the library lacks one of {PRACTICES}")
    _say("OPENING")
    records = BreakRecords(context.database().session_factory)
    records.tidy_after_last_run(clock.now())
    _say("READY")
    turn = 0
    while True:
        practice = practices[turn % len(practices)]
        prompt = records.offer(practice, clock.now(), 0.3) if turn % 3 == 0 else None
        session = records.start(
            practice, Trigger.SCHEDULED, clock.now(), prompt.id if prompt else None
        )
        _say("STARTED", session.id)
        if turn % 3 == 1:
            # Some prompts are left undecided, as when the app dies while one is showing.
            records.offer(practice, clock.now(), 0.1)
        answer = expected_checkin(session.id)
        checkin = records.save_checkin(
            session.id,
            clock.now(),
            answer["level"],
            answer["body"],
            answer["feelings"],
            answer["note"],
        )
        _say("CONFIRMED", checkin.id, session.id)
        records.finish(session.id, clock.now(), Outcome.COMPLETED)
        _say("FINISHED", session.id)
        if prompt is not None and turn % 2:
            records.decide(prompt.id, PromptFate.STARTED, clock.now(), session.id)
        turn += 1


def fork_server() -> None:
    # Everything a run needs is imported before the first fork; nothing is opened yet.
    import reconnect.app.bootstrap
    import reconnect.services.breaks
    import reconnect.storage.database  # noqa: F401

    for line in sys.stdin:
        command, _, data_dir = line.strip().partition(" ")
        if command != "RUN":
            continue
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                record_until_killed(data_dir)
            except BaseException:
                traceback.print_exc()
                code = 1
            finally:
                sys.stderr.flush()
                os._exit(code)
        _, status = os.waitpid(pid, 0)
        _say("EXIT", str(pid), str(status))


if __name__ == "__main__":
    if sys.argv[1] == "--fork-server":
        fork_server()
    else:
        record_until_killed(sys.argv[1])

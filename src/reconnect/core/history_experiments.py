"""Experiments in the JSON history file: written with their offers, read back and checked.

The ``"experiments"`` list is optional: files written before experiments existed have none.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from reconnect.core.experiments import BREAKS_BOUNDS, Experiment
from reconnect.core.history_checks import Collector, kind, show
from reconnect.core.prompts import Prompt, PromptFate
from reconnect.core.sessions import Moment

MAX_EXPERIMENTS = 10_000
_KEYS = (
    "id",
    "practice_a",
    "title_a",
    "practice_b",
    "title_b",
    "breaks",
    "seed",
    "started_at",
    "ended_at",
    "stopped_early",
    "offers",
)
_OFFER_KEYS = (
    "id",
    "offered_at",
    "practice_id",
    "practice_title",
    "fate",
    "decided_at",
    "session_id",
)


@dataclass(frozen=True)
class ExportedExperiment:
    """An experiment with its offers (the prompts that name it), as the file carries them."""

    experiment: Experiment
    offers: tuple[Prompt, ...] = ()


def _time(moment: Moment | None) -> str | None:
    return None if moment is None else moment.isoformat()


def experiment_to_dict(exported: ExportedExperiment) -> dict[str, Any]:
    """One experiment and its offers, as in the JSON file's ``"experiments"`` list."""
    e = exported.experiment
    return {
        "id": e.id,
        "practice_a": e.practice_a,
        "title_a": e.title_a,
        "practice_b": e.practice_b,
        "title_b": e.title_b,
        "breaks": e.breaks,
        "seed": e.seed,
        "started_at": Moment.of(e.started_at).isoformat(),
        "ended_at": _time(Moment.of(e.ended_at)) if e.ended_at else None,
        "stopped_early": e.stopped_early,
        "offers": [
            {
                "id": p.id,
                "offered_at": p.offered.isoformat(),
                "practice_id": p.practice_id,
                "practice_title": p.practice_title,
                "fate": p.fate.value if p.fate else None,
                "decided_at": _time(p.decided),
                "session_id": p.session_id,
            }
            for p in exported.offers
        ],
    }


class _Bad(ValueError):
    """One value of an experiment can't be used (the message names it)."""


def _text(data: Mapping[str, Any], key: str, optional: bool = False) -> str | None:
    value = data.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, str) or not value.strip():
        raise _Bad(f'"{key}" must be text in quotes (got {kind(value)})')
    return value


def _moment(data: Mapping[str, Any], key: str, optional: bool = False) -> Moment | None:
    text = _text(data, key, optional)
    if text is None:
        return None
    try:
        return Moment.parse(text)
    except ValueError:
        raise _Bad(
            f'"{key}" must be a time like 2026-11-21T14:05:00+01:00 (got {show(text)})'
        ) from None


def _whole(data: Mapping[str, Any], key: str, low: int, high: int) -> int:
    value = data.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise _Bad(f'"{key}" must be a whole number from {low} to {high} (got {kind(value)})')
    return value


def _offer(value: Any, experiment_id: str) -> Prompt:
    if not isinstance(value, dict):
        raise _Bad(f"an offer must be an object {{...}} (got {kind(value)})")
    unknown = [key for key in value if key not in _OFFER_KEYS]
    if unknown:
        raise _Bad(f"an offer has unknown keys {', '.join(show(k) for k in unknown)}")
    fate = value.get("fate")
    if fate is not None and fate not in {f.value for f in PromptFate}:
        raise _Bad(f'an offer\'s "fate" is not one Reconnect knows (got {kind(fate)})')
    offered = _moment(value, "offered_at")
    assert offered is not None
    return Prompt(
        id=str(_text(value, "id")),
        offered=offered,
        practice_id=str(_text(value, "practice_id")),
        practice_title=str(_text(value, "practice_title")),
        fate=PromptFate(fate) if fate is not None else None,
        decided=_moment(value, "decided_at", optional=True),
        session_id=_text(value, "session_id", optional=True),
        experiment_id=experiment_id,
    )


def _experiment(value: Any) -> ExportedExperiment:
    if not isinstance(value, dict):
        raise _Bad(f"an experiment must be an object {{...}} (got {kind(value)})")
    unknown = [key for key in value if key not in _KEYS]
    if unknown:
        raise _Bad(f"an experiment has unknown keys {', '.join(show(k) for k in unknown)}")
    started = _moment(value, "started_at")
    ended = _moment(value, "ended_at", optional=True)
    assert started is not None
    stopped = value.get("stopped_early", False)
    if not isinstance(stopped, bool):
        raise _Bad(f'"stopped_early" must be true or false (got {kind(stopped)})')
    experiment = Experiment(
        id=str(_text(value, "id")),
        practice_a=str(_text(value, "practice_a")),
        title_a=str(_text(value, "title_a")),
        practice_b=str(_text(value, "practice_b")),
        title_b=str(_text(value, "title_b")),
        breaks=_whole(value, "breaks", BREAKS_BOUNDS[0], BREAKS_BOUNDS[1]),
        seed=_whole(value, "seed", 0, 2**31 - 1),
        started_at=started.local,
        ended_at=ended.local if ended else None,
        stopped_early=stopped,
    )
    offers = value.get("offers", [])
    if not isinstance(offers, list):
        raise _Bad(f'"offers" must be a list [...] (got {kind(offers)})')
    return ExportedExperiment(experiment, tuple(_offer(o, experiment.id) for o in offers))


def parse_experiments(value: Any, out: Collector) -> list[ExportedExperiment]:
    """The file's ``"experiments"`` list, checked; each problem is added to ``out``."""
    if not isinstance(value, list):
        out.add(None, f'"experiments" must be a list [...] (got {kind(value)})')
        return []
    if len(value) > MAX_EXPERIMENTS:
        out.add(None, f"the file has more than {MAX_EXPERIMENTS:,} experiments")
        return []
    found: list[ExportedExperiment] = []
    seen: set[str] = set()
    for number, item in enumerate(value, start=1):
        try:
            exported = _experiment(item)
        except _Bad as problem:
            out.add(None, f"experiment {number}: {problem}")
            continue
        if exported.experiment.id in seen:
            out.add(
                None, f"experiment {number}: its id {show(exported.experiment.id)} is there twice"
            )
        seen.add(exported.experiment.id)
        found.append(exported)
    return found


def experiments_json(experiments: Sequence[ExportedExperiment]) -> str:
    """The ``"experiments"`` entry of the JSON file, one experiment per line; empty for none."""
    import json

    if not experiments:
        return ""
    lines = ",\n".join(json.dumps(experiment_to_dict(e), ensure_ascii=False) for e in experiments)
    return f', "experiments": [\n{lines}\n]'

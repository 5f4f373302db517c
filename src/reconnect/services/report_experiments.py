"""An experiment comparing two practices, as a section of the report to share."""

from __future__ import annotations

from dataclasses import dataclass

from reconnect.core.experiments import ExperimentResult, points
from reconnect.core.i18n import number, plural, translate


@dataclass(frozen=True)
class ExperimentSummary:
    """One comparison of two practices and its plain result (issue 18, part 2)."""

    heading: str
    sentences: tuple[str, ...]


def experiment_summary(found: ExperimentResult) -> ExperimentSummary:
    """An experiment for the report: how far it went, each practice's counts, the plain
    result, and the likely ranges once there are enough check-ins."""
    a, b, experiment = found.a, found.b, found.experiment
    heading = translate("Report", "Comparing {a} and {b}").format(a=a.title, b=b.title)
    offered = plural(
        experiment.breaks,
        translate("Report", "{offered} of 1 break offered"),
        translate("Report", "{offered} of {count} breaks offered"),
        offered=number(found.offered),
    )
    if experiment.running:
        state = translate("Report", "Under way since {day}: {offered}.")
    elif experiment.stopped_early:
        state = translate("Report", "From {day} to {end}, stopped early: {offered}.")
    else:
        state = translate("Report", "From {day} to {end}: {offered}.")
    ended = experiment.ended_at or experiment.started_at
    sentences = [
        state.format(
            day=experiment.started_at.date().isoformat(),
            end=ended.date().isoformat(),
            offered=offered,
        ),
        translate(
            "Report",
            "{a}: {a_done} done, {a_sparks} of {a_checkins} check-ins with a spark. "
            "{b}: {b_done} done, {b_sparks} of {b_checkins} check-ins with a spark.",
        ).format(
            a=a.title,
            a_done=number(a.done),
            a_sparks=number(a.sparks),
            a_checkins=number(a.checkins),
            b=b.title,
            b_done=number(b.done),
            b_sparks=number(b.sparks),
            b_checkins=number(b.checkins),
        ),
        found.sentence,
    ]
    if found.range80 is not None and found.range95 is not None:
        sentences.append(
            translate(
                "Report",
                "The difference in spark rate ({a} minus {b}) likely lies between {low80} and "
                "{high80} points (80%), or between {low95} and {high95} points (95%).",
            ).format(
                a=a.title,
                b=b.title,
                low80=points(found.range80[0]),
                high80=points(found.range80[1]),
                low95=points(found.range95[0]),
                high95=points(found.range95[1]),
            )
        )
    return ExperimentSummary(heading, tuple(sentences))

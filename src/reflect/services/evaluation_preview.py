"""The preview of a return or a withdrawal: every field that will leave, in words, then the
facilitator's privacy notice. The command line prints it and the window shows it, line for
line, so both show the same thing.

Each line is a catalogue message (translated by the window, printed as it is by the command
line) with its parameters, or verbatim text (the facilitator's notice); a parameter that is
itself a message is translated too.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date

from reflect.core.evaluation import CountKey, EvaluationPlan, TextQuestion
from reflect.messages import Msg
from reflect.services.evaluation_draft import Draft, Quote, RatedFrom

COUNT_NAMES = {
    CountKey.ENTRIES_WRITTEN: Msg.EVALUATION_COUNT_ENTRIES_WRITTEN,
    CountKey.ACTIONS_STARTED: Msg.EVALUATION_COUNT_ACTIONS_STARTED,
    CountKey.ACTIONS_STOPPED: Msg.EVALUATION_COUNT_ACTIONS_STOPPED,
    CountKey.MEASURES_WITH_SIGNALS: Msg.EVALUATION_COUNT_MEASURES_WITH_SIGNALS,
}


@dataclass(frozen=True)
class Line:
    msg: Msg | None  # None: ``text`` is shown verbatim
    params: Mapping[str, object] = field(default_factory=dict)
    text: str = ""

    def render(self, translate: Callable[[Msg], str]) -> str:
        if self.msg is None:
            return self.text
        params = {
            key: translate(value) if isinstance(value, Msg) else value
            for key, value in self.params.items()
        }
        return translate(self.msg).format(**params)


BLANK = Line(None)


def english(msg: Msg) -> str:
    return msg.template


def as_text(lines: list[Line], translate: Callable[[Msg], str] = english) -> str:
    return "\n".join(line.render(translate) for line in lines)


def return_lines(draft: Draft) -> list[Line]:
    """Everything a return holds, in the order of the file, then the privacy notice."""
    point = draft.opening.point
    lines = [
        Line(
            Msg.EVALUATION_PREVIEW_TITLE, {"label": point.label, "programme": draft.programme_name}
        ),
        Line(Msg.EVALUATION_PREVIEW_TO, {"evaluator": draft.evaluator}),
        Line(Msg.EVALUATION_PREVIEW_ALSO, {"programme_id": draft.programme_id, "key": point.key}),
        BLANK,
    ]
    for rated in draft.rated:
        lines += _ratings(rated, draft.opening.opens)
    lines += _counts(draft)
    lines += _quotes(draft.quotes)
    answers = {answer.question_key: answer.text for answer in draft.answers}
    for question in draft.plan.questions:
        lines += _answer(question, answers.get(question.key, ""))
    return lines + notice_lines(draft.plan)


def withdrawal_lines(programme_name: str, plan: EvaluationPlan, evaluator: str) -> list[Line]:
    return [
        Line(Msg.EVALUATION_PREVIEW_WITHDRAWAL, {"programme": programme_name}),
        Line(Msg.EVALUATION_PREVIEW_TO, {"evaluator": evaluator}),
        BLANK,
        *notice_lines(plan),
    ]


def notice_lines(plan: EvaluationPlan) -> list[Line]:
    notice = [Line(None, text=line) for line in plan.privacy_notice.strip().splitlines()]
    return [Line(Msg.EVALUATION_PREVIEW_NOTICE), *notice]


def _ratings(rated: RatedFrom, opens: date | None) -> list[Line]:
    if rated.assessed is None:
        return [Line(Msg.EVALUATION_PREVIEW_NOT_RATED, {"framework": rated.framework_name}), BLANK]
    lines = [
        Line(Msg.EVALUATION_PREVIEW_RATINGS, {"framework": rated.framework_name}),
        Line(Msg.EVALUATION_PREVIEW_RATED_ON, {"day": rated.assessed.isoformat()}),
    ]
    if opens is not None and rated.assessed < opens:
        lines.append(Line(Msg.EVALUATION_PREVIEW_OLD_RATING))
    lines += [
        Line(Msg.EVALUATION_PREVIEW_RATING, {"domain": label, "score": score})
        for _domain_id, label, score in rated.scores
    ]
    return [*lines, BLANK]


def _counts(draft: Draft) -> list[Line]:
    if not draft.counts:
        return [Line(Msg.EVALUATION_PREVIEW_NO_COUNTS), BLANK]
    window = draft.window
    until = window.until.isoformat()
    if window.since is None:
        head = Line(Msg.EVALUATION_PREVIEW_COUNTS_ALL, {"until": until})
    else:
        head = Line(
            Msg.EVALUATION_PREVIEW_COUNTS, {"since": window.since.isoformat(), "until": until}
        )
    counted = [
        Line(Msg.EVALUATION_PREVIEW_COUNT, {"name": COUNT_NAMES[key], "number": number})
        for key, number in draft.counts
    ]
    return [head, *counted, BLANK]


def _quotes(quotes: tuple[Quote, ...]) -> list[Line]:
    if not quotes:
        return [Line(Msg.EVALUATION_PREVIEW_NO_QUOTES), BLANK]
    lines = [Line(Msg.EVALUATION_PREVIEW_QUOTES)]
    for quote in quotes:
        lines.append(Line(Msg.EVALUATION_PREVIEW_QUOTE, {"text": quote.text}))
        lines += [
            Line(
                Msg.EVALUATION_PREVIEW_QUOTE_WARNING,
                {"reason": span.reason, "found": quote.text[span.start : span.end]},
            )
            for span in quote.findings
        ]
    return [*lines, BLANK]


def _answer(question: TextQuestion, text: str) -> list[Line]:
    answer = (
        Line(Msg.EVALUATION_PREVIEW_ANSWER_TEXT, {"text": text})
        if text
        else Line(Msg.EVALUATION_PREVIEW_NOT_ANSWERED)
    )
    return [Line(Msg.EVALUATION_PREVIEW_ANSWER, {"question": question.text}), answer, BLANK]

"""The demo journal: a year of one made-up participant's inquiry, for first looks and demos.

The participant is a deputy director of integrated care in the fictional Fenmoor and Weald ICS,
working on discharge delays across three organisations (the Royal, the council's adult social
care, community health) and a local charity, Age Well Fenmoor. The year opens with her
application to an improvement leadership programme; the programme's nine months (six workshops,
seven trio sessions) end a few days before ``now``. Every person, place and figure is invented;
there are no patients, NHS numbers or dates of birth.

The set pieces are here; the short notes and progress updates that fill the weeks around them
are in ``demo_more``. She rates her system on the Cross-System Improvement Framework about once
a month, and on the five principles for system-wide improvement four times, so Insights has a
year of self-assessment to draw: slow rises, a plateau, and a dip when the council's figures
changed, from which the operating model recovers.

Everything is built from the small tables below and dated relative to ``now``, so the demo always
looks current. The peer coaching trio sessions are kept exactly as the Coaching page keeps them
(``core.coaching``: framework ``trio-session``, a response per field, and the committed action
as an action to start, linked to its session), so that page has sessions to show and follow up.
Ids come from ``stable_id("demo", ...)`` so a rebuilt demo has the same ids, and the only
randomness (the minutes past the hour) comes from a seeded generator made per call.
"""

from __future__ import annotations

import inspect
import random
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from reflect.core.action import Action, ActionKind, ActionStatus
from reflect.core.assessment import Assessment, Score
from reflect.core.clock import stable_id, to_text
from reflect.core.coaching import FRAMEWORK_ID as TRIO_FRAMEWORK
from reflect.core.coaching import CoachingSession, Role, Roles, to_responses
from reflect.core.contents import JournalContents
from reflect.core.entry import Entry, EntryKind, Response, normalize_tags
from reflect.core.inquiry import Inquiry, InquiryStatus, Wording
from reflect.services.demo_more import DASHBOARD as _DASHBOARD
from reflect.services.demo_more import DISCHARGE as _DISCHARGE
from reflect.services.demo_more import SHORT_ENTRIES, Short
from reflect.services.demo_more import VOLUNTARY as _VOLUNTARY

_SEED = 20240917

_START, _STOP, _CONTINUE = ActionKind.START, ActionKind.STOP, ActionKind.CONTINUE
_OPEN, _DONE, _DROPPED = ActionStatus.OPEN, ActionStatus.DONE, ActionStatus.DROPPED

_TRIO_MEMBERS = ("Dev", "Siân")
_PRESENTER, _COACH, _OBSERVER = Role.PRESENTER, Role.COACH, Role.OBSERVER


# ---------------------------------------------------------------------------------------------
# Tables. Times are (days before now, hour of the day); minutes are drawn from the seeded RNG.
# Bodies are wrapped here for the source's sake and unwrapped to one line per paragraph.
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _InquirySpec:
    key: str
    wordings: tuple[tuple[int, int, str], ...]  # (days ago, hour, question)
    why: str
    status: InquiryStatus = InquiryStatus.ACTIVE
    status_note: str = ""
    status_days_ago: int | None = None


@dataclass(frozen=True)
class _EntrySpec:
    key: str
    days_ago: int
    hour: int
    kind: EntryKind
    title: str
    tags: tuple[str, ...]
    inquiry: str | None
    body: str = ""
    framework: str | None = None
    responses: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class _Commitment:
    """The action a trio session committed to, as the Coaching page records it (a start)."""

    text: str
    status: ActionStatus
    due_in_days: int  # relative to today; negative is in the past
    closed_days_ago: int | None = None


@dataclass(frozen=True)
class _TrioSpec:
    """A trio session with Dev and Siân: ``roles`` are mine in rounds 1 to 3."""

    key: str
    days_ago: int
    tags: tuple[str, ...]
    inquiry: str
    roles: Roles
    issue: str
    questions: str
    insight: str
    action: _Commitment
    feedback: str = ""
    followup: str = ""  # how the previous session's action went
    extra: str = ""  # a line that fits no field, kept as the entry's body
    hour: int = 12


@dataclass(frozen=True)
class _ActionSpec:
    entry: str
    text: str
    kind: ActionKind
    status: ActionStatus
    due_in_days: int | None  # relative to today; negative is in the past
    closed_days_ago: int | None = None


@dataclass(frozen=True)
class _AssessmentSpec:
    days_ago: int
    hour: int
    note: str


@dataclass(frozen=True)
class _Assessed:
    """One framework's self-assessments: ``rows`` hold each domain's (score, evidence) pairs,
    one for each assessment in ``when``, in order."""

    framework: str
    id_parts: tuple[str, ...]
    when: tuple[_AssessmentSpec, ...]
    rows: tuple[tuple[str, tuple[tuple[int, str], ...]], ...]


_INQUIRIES = (
    _InquirySpec(
        _DISCHARGE,
        (
            (
                360,
                20,
                "How can I get the three organisations to agree one measure of discharge delay?",
            ),
            (
                170,
                20,
                "How might I build shared ownership of discharge delays across three "
                "organisations that each measure them differently?",
            ),
            (
                72,
                19,
                "What would it take for three organisations, and the people who wait, to "
                "own discharge delays together when each counts them its own way?",
            ),
        ),
        why="""
        Every week people who are well enough to leave hospital wait days for the next step,
        and every week the three organisations involved spend the first half of the meeting
        arguing about whose number is right. My role is supposed to join this up, with no line
        authority over any of it. If I can't build shared ownership here, I can't build it
        anywhere.
        """,
    ),
    _InquirySpec(
        _VOLUNTARY,
        (
            (
                214,
                8,
                "How might I bring voluntary and community partners into discharge "
                "planning as equals, not as a provider we ring at the last minute?",
            ),
            (
                100,
                20,
                "How might voluntary and community partners shape discharge planning as "
                "equals, from the first conversation rather than the last phone call?",
            ),
        ),
        why="""
        Age Well Fenmoor already does what we keep saying we need: getting people settled at
        home in the first three days. We treat them as a spare pair of hands. What they know
        about life after the front door closes is the piece all three statutory organisations
        are missing.
        """,
    ),
    _InquirySpec(
        _DASHBOARD,
        (
            (
                255,
                9,
                "How can I deliver a single system-wide discharge dashboard within six months?",
            ),
        ),
        why="""
        Our chief operating officer asked for one view of discharge across the system, and I
        thought one dashboard would end the arguments about whose figures are right.
        """,
        status=InquiryStatus.STOPPED,
        status_days_ago=157,
        status_note="""
        Stopped after the third trio session. The dashboard answered a question nobody at the
        huddle was asking, and each organisation would have kept reporting its own figures
        anyway: months of scoping had produced a specification, not a conversation. I handed the
        specification to the BI team as a backlog item and took back my Thursday mornings.
        Stopping was the right call. The time went into the Tuesday huddle, which is where
        shared ownership actually started.
        """,
    ),
)

_ENTRIES: tuple[_EntrySpec | _TrioSpec, ...] = (
    _EntrySpec(
        "before",
        268,
        21,
        EntryKind.NOTE,
        "Before we start",
        ("programme", "discharge"),
        _DISCHARGE,
        body="""
        First workshop on Thursday. We've been asked to bring the "personal inquiry question"
        from our applications, and mine is still embarrassingly practical: **why can't three
        organisations agree how many people are waiting to leave hospital?**

        What I'm hoping for from the programme:

        - people in the same odd position as me, responsible for the join but owning none of
          the parts
        - a way of thinking about improvement that isn't just another project plan
        - permission to be unsure in front of peers rather than in front of my board

        Slightly nervous about the peer coaching. I'm better at fixing other people's problems
        than talking about my own.
        """,
    ),
    _EntrySpec(
        "w1",
        262,
        16,
        EntryKind.REFLECTION,
        "Workshop 1: whose delay is it?",
        ("workshop", "discharge", "relationships"),
        _DISCHARGE,
        framework="gibbs",
        responses=(
            (
                "description",
                """
             First online workshop: about forty of us from all four nations. We each said our
             inquiry question out loud in breakout rooms of five. Mine got a knowing laugh from
             a council colleague in Yorkshire, which was oddly reassuring. The afternoon was
             about the difference between improving a service and improving a system.
             """,
            ),
            (
                "feelings",
                """
             Relieved at first: I'm not the only one whose meetings begin with an argument
             about numbers. Then uncomfortable when the facilitator asked who *benefits* from
             the current arrangement. I didn't like my own answer.
             """,
            ),
            (
                "evaluation",
                """
             Good: hearing that shared definitions are usually an outcome of trust rather than
             a precondition for it. Less good: I spent the breakout defending my question
             instead of listening to everyone else's.
             """,
            ),
            (
                "analysis",
                """
             I've been treating the disagreement about numbers as a technical problem. Each
             organisation's figure is accurate for what it counts. The argument is really about
             which organisation gets blamed. That's a relational problem wearing a measurement
             costume.
             """,
            ),
            (
                "conclusion",
                """
             My question is probably wrong, or at least too small. Agreeing one measure won't
             make anyone own the problem.
             """,
            ),
            (
                "action-plan",
                """
             Before the first trio session, ask each analyst to write down exactly how they
             count a delay, in their own words. Listen, don't correct.
             """,
            ),
        ),
    ),
    _EntrySpec(
        "numbers",
        259,
        8,
        EntryKind.PROGRESS,
        "",
        ("data", "measurement"),
        _DISCHARGE,
        body="""
        Same week, three numbers: 41, 63 and "about twenty".

        The Royal says 41 people with no criteria to reside. The council says 63 referrals
        waiting. Community health said "about twenty, but it depends what you mean by
        waiting". Nobody is wrong. Nobody is talking about the same people.
        """,
    ),
    _EntrySpec(
        "their",
        256,
        22,
        EntryKind.NOTE,
        "",
        ("relationships", "language"),
        None,
        body="""
        Caught myself saying *their* delays about the council three times in one meeting.

        If I do it, with a job title that literally says "integrated", what are the ward teams
        hearing from us?
        """,
    ),
    _EntrySpec(
        "dash-start",
        255,
        10,
        EntryKind.PROGRESS,
        "Scoping a system discharge dashboard",
        ("data", "dashboard"),
        _DASHBOARD,
        body="""
        Helen, our ICB chief operating officer, asked me to lead on a single discharge dashboard
        for the system within six months. I said yes and opened a second inquiry for it,
        because it feels connected to the first.

        First scoping meeting: eleven people, four of them from IT. Everyone agreed the
        dashboard was a good idea. Nobody agreed what it should show.
        """,
    ),
    _TrioSpec(
        "c1",
        248,
        ("trio", "coaching", "discharge"),
        _DISCHARGE,
        roles=(_PRESENTER, _COACH, _OBSERVER),
        issue="""
        How to get the three organisations to agree one shared measure of discharge delay within
        six months. I've never met two of the three analysts, delays are only discussed in a
        performance meeting so every number is a defence, and I have influence but no authority.
        """,
        questions="""
        - "What would change if all three numbers were right?"
        - "Who in each organisation loses something if the delays go down?"
        - "When did you last sit in a room with the person who compiles each number?"
        """,
        insight="""
        I've been trying to settle the numbers from a distance. Before anyone can agree one
        measure I need to understand how each is counted, from the people who count them.
        """,
        action=_Commitment(
            "Ask each organisation's analyst how they count a delay; meet Joanne (council "
            "brokerage) in person",
            _DONE,
            -235,
            233,
        ),
        feedback="""
        From Dev: I offered a solution twice, dressed up as a question. "Have you thought
        about…" is advice with a question mark on the end.
        """,
        extra="""
        First session, with Dev (hospice director in the Midlands) and Siân (health board, north
        Wales). Three rounds of about twenty minutes.
        """,
    ),
    _EntrySpec(
        "brokerage",
        244,
        9,
        EntryKind.PROGRESS,
        "Coffee with the council's head of brokerage",
        ("relationships", "discharge", "social-care"),
        _DISCHARGE,
        body="""
        Met Joanne at the council offices: the first time we've met anywhere other than a
        performance meeting.

        She walked me through a morning in brokerage. The referral arrives with half the
        information missing, someone chases the ward, the ward has moved the person to a
        different bed, the care provider's slot has gone. **The delay she counts starts when
        we think it has already been dealt with.**

        She said, "Every Tuesday I'm told my numbers are the problem." I've been in that
        meeting. I've probably said it.
        """,
    ),
    _EntrySpec(
        "waiting",
        240,
        7,
        EntryKind.NOTE,
        "",
        ("discharge", "language"),
        _DISCHARGE,
        body="""
        A discharge coordinator on one of the medical wards, when I asked what would help:

        > We don't have a delay problem. We have a waiting problem, and everyone's waiting for
        > someone else.

        Writing it down before I tidy it into something less true.
        """,
    ),
    _EntrySpec(
        "spreadsheet",
        234,
        14,
        EntryKind.PROGRESS,
        "The weekly delays spreadsheet",
        ("data", "measurement", "stopping"),
        _DISCHARGE,
        body="""
        Spent an hour finding out where the weekly delays spreadsheet comes from. It takes my
        team **half a day every Monday** to compile: three extracts, a lookup table nobody
        fully understands, and a tab of manual corrections.

        I checked who opens it. In the last eight weeks: the person who makes it, me, and
        someone who left the ICB months ago.

        This is going on the stop-list.
        """,
    ),
    _EntrySpec(
        "w2",
        220,
        17,
        EntryKind.REFLECTION,
        "Workshop 2: the Cross-System Improvement Framework",
        ("workshop", "csif", "framework"),
        _DISCHARGE,
        body="""
        Used the framework's six domains as prompts rather than a scorecard. The gap isn't in
        any one domain; it's in the joins between them.
        """,
        framework="csif",
        responses=(
            (
                "vision",
                """
             We have a shared ambition on paper ("home first" is on every slide) but no shared
             story of what good looks like on a Tuesday morning. Each organisation tells the
             story with itself doing the heavy lifting.
             """,
            ),
            (
                "operating-model",
                """
             Three performance regimes pulling different ways. The Royal is judged on flow, the
             council on spend per package, community health on bed occupancy. Nobody's
             incentives reward the handover.
             """,
            ),
            (
                "capability",
                """
             Plenty of improvement skill in the Royal, less in the council, and almost no time
             for anyone to use it across the join. The connections that matter, analyst to
             analyst and coordinator to broker, mostly don't exist.
             """,
            ),
            (
                "redesign",
                """
             We keep redesigning our own bits of the pathway. Nobody has ever mapped it end to
             end from the point of view of the person waiting.
             """,
            ),
            (
                "cqi",
                """
             Each organisation runs its own improvement projects with its own method. I've
             never seen a PDSA cycle here that crossed an organisational boundary.
             """,
            ),
            (
                "innovation",
                """
             More pilots than we can count and almost none scaled. Innovation isn't our
             constraint; attention is.
             """,
            ),
        ),
    ),
    _EntrySpec(
        "marcus",
        216,
        21,
        EntryKind.NOTE,
        "Coffee with Marcus at Age Well Fenmoor",
        ("voluntary-sector", "relationships"),
        None,
        body="""
        Marcus runs the home-from-hospital service at Age Well Fenmoor: ten volunteers and two
        paid staff who settle people at home in the first three days. Shopping in, heating on,
        someone checking in on day two.

        They hear about most people **on the day of discharge, at about four in the
        afternoon**, from whichever ward remembers them. They have spare capacity most Tuesdays
        that nobody uses.

        We mention "the voluntary sector" in every strategy and ring them at four o'clock.
        """,
    ),
    _EntrySpec(
        "vol-start",
        214,
        9,
        EntryKind.PROGRESS,
        "",
        ("voluntary-sector", "inquiry"),
        _VOLUNTARY,
        body="""
        Opened a new inquiry after the conversation with Marcus.

        It might turn out to be part of the discharge question rather than a separate one.
        Keeping it separate for now so it doesn't get swallowed by the numbers.
        """,
    ),
    _TrioSpec(
        "c2",
        206,
        ("trio", "coaching"),
        _DISCHARGE,
        roles=(_OBSERVER, _COACH, _PRESENTER),
        followup="""
        Done. I met Joanne and talked to all three analysts. Siân asked what I'd learnt that the
        numbers couldn't have told me: that every delay has a start time that depends on who you
        ask, and that everyone asking is afraid of being blamed.
        """,
        issue="""
        What to do with what the analysts told me: three honest definitions of a delay, and
        nobody willing to give theirs up.
        """,
        questions="""
        - "What did you learn that the numbers couldn't have told you?"
        - "Who would need to be in the room for the numbers to stop being a defence?"
        """,
        insight="""
        The numbers aren't the problem to solve; they're the evidence that nobody owns the
        handover.
        """,
        action=_Commitment(
            "Get the three analysts in one (virtual) room for an hour, no managers",
            _DONE,
            -192,
            200,
        ),
        feedback="""
        Coaching Dev (how to keep his hospice board interested in system work), I tried to ask
        only open questions. Siân counted eleven, two of them advice in disguise. Better than
        last time.
        """,
    ),
    _EntrySpec(
        "sian-idea",
        203,
        13,
        EntryKind.NOTE,
        "",
        ("trio", "social-care"),
        _DISCHARGE,
        body="""
        An idea from Siân, not for copying.

        In her health board a trusted assessor from social care sits on the ward two mornings a
        week, mentioned in passing as if it were obvious.

        Worth asking why we've never tried anything that puts a council person where the delay
        starts.
        """,
    ),
    _EntrySpec(
        "three-defs",
        200,
        20,
        EntryKind.NOTE,
        'Three definitions of "delayed"',
        ("measurement", "data"),
        _DISCHARGE,
        body="""
        After the analysts' hour, which went better than I dared hope:

        1. **The Royal:** a person who no longer meets the criteria to reside, counted at
           midnight each day.
        2. **The council:** a referral for a package of care not yet started, counted from the
           date the referral is *complete*.
        3. **Community health:** days between "medically optimised" and transfer to an
           intermediate care bed.

        Each one is a sensible measurement of the thing that organisation can control. None of
        them measures what the person experiences: **the time between being ready to go and
        being home.**

        Nobody in the room owned that number. Maybe that's the point. Priti suggested we stop
        comparing numbers and try talking about people instead, fifteen minutes a week.
        """,
    ),
    _EntrySpec(
        "dash-m4",
        197,
        15,
        EntryKind.PROGRESS,
        "",
        ("dashboard", "data"),
        _DASHBOARD,
        body="""
        Dashboard scoping meeting number four.

        We now have a 23-page specification and a draft with 46 tiles. When I asked which
        decision each tile would help someone make, the room went quiet. The honest answer for
        most of them is "none, but we'd feel better having it".
        """,
    ),
    _EntrySpec(
        "tuesdays",
        193,
        9,
        EntryKind.PROGRESS,
        "Tuesday capacity",
        ("voluntary-sector", "discharge", "data"),
        _VOLUNTARY,
        body="""
        Marcus sent me three months of Age Well's referral times. Almost all arrive on Thursday
        and Friday afternoons; **Tuesdays and Wednesdays are nearly empty**. Discharges from
        the Royal peak on Fridays, so none of this surprises anyone, but nobody had put the
        two side by side before.

        If even a handful of people who are ready on a Tuesday could go home on a Tuesday with
        Age Well's support, that eases the weekend a little and gives them a better start.
        """,
    ),
    _EntrySpec(
        "w3",
        178,
        16,
        EntryKind.REFLECTION,
        "Workshop 3: measuring learning as well as outcomes",
        ("workshop", "measurement", "learning"),
        _DISCHARGE,
        framework="what-so-what-now-what",
        responses=(
            (
                "what",
                """
             A workshop on measurement for improvement across systems. The line that stuck:
             measure learning as well as outcomes. We looked at examples where the outcome
             measure barely moved for a year while the system was quietly learning how to work
             together.
             """,
            ),
            (
                "so-what",
                """
             I've been treating the delay figures as the only proof that anything is happening.
             The huddle has changed who talks to whom, and that doesn't show up in any of the
             three numbers. If I only report outcomes, the board will decide the huddle has
             failed before it has had a chance to work.
             """,
            ),
            (
                "now-what",
                """
             Keep a simple learning log for the huddle: what got unblocked, who stayed on
             afterwards, what we learnt about the pathway. Report it next to the numbers, not
             instead of them. And stop compiling the weekly spreadsheet, which measures neither.
             """,
            ),
        ),
    ),
    _EntrySpec(
        "learning-log",
        174,
        8,
        EntryKind.PROGRESS,
        "",
        ("huddle", "measurement", "learning"),
        _DISCHARGE,
        body="""
        First week of the huddle learning log.

        - five people discussed, three unblocked
        - community health and brokerage stayed on for ten minutes to agree who phones the
          family
        - the "complete referral" date can be up to four days after the ward thinks it sent
          the referral

        That last line is worth more than a month of the spreadsheet.
        """,
    ),
    _EntrySpec(
        "reword",
        170,
        21,
        EntryKind.NOTE,
        "Rewording my question",
        ("inquiry", "reflection"),
        _DISCHARGE,
        body="""
        Changed my inquiry question tonight. The old one was about agreeing **one measure**.
        The huddle has shown me that the measures were never the problem: nobody owns the
        handover between them.

        The new wording puts ownership first and accepts that each organisation will keep
        measuring what it can control. Less tidy, more honest.
        """,
    ),
    _EntrySpec(
        "pdsa1",
        169,
        16,
        EntryKind.PROGRESS,
        "PDSA 1: a joint fifteen-minute huddle",
        ("pdsa", "huddle", "discharge"),
        _DISCHARGE,
        framework="pdsa",
        responses=(
            (
                "plan",
                """
             Change: a fifteen-minute video huddle every Tuesday at 9:15 with one person each
             from the Royal's discharge team, council brokerage and community health's transfer
             hub. Question: will people come, and will it unblock anything? Prediction: two of
             the three will attend regularly and we'll move at least two people a week who
             would otherwise wait. Data: attendance, and a tally of who we discussed and what
             happened next.
             """,
            ),
            (
                "do",
                """
             Four Tuesdays. Attendance 3, 3, 2, 3; seventeen people discussed. The first
             huddle opened with everyone defending their figures, so from week two I took the
             numbers off the agenda and we talked only about people and what they were waiting
             for.
             """,
            ),
            (
                "study",
                """
             Nine of the seventeen had something unblocked in the huddle itself, usually a
             missing form or a phone number. Better than predicted. The surprise was the
             conversations afterwards, when two people stayed on to sort something out between
             them.
             """,
            ),
            (
                "act",
                """
             Adapt: keep the huddle, keep it short, keep numbers out of it. Next cycle: a shared
             "ready to go" list that all three can see before the call.
             """,
            ),
        ),
    ),
    _TrioSpec(
        "c3",
        164,
        ("trio", "coaching", "stopping", "dashboard"),
        _DASHBOARD,
        roles=(_OBSERVER, _PRESENTER, _COACH),
        followup="""
        Done, and it went better than I dared hope. Three sensible definitions, each measuring
        what its own organisation controls, and Priti's idea of a fifteen-minute huddle came out
        of the hour.
        """,
        issue="""
        The dashboard: not how to deliver it but, for the first time, whether to.
        """,
        questions="""
        - "If the dashboard were live tomorrow, what would anyone do differently on Tuesday?"
        - "Who asked for it, and what were they worried about when they asked?"
        - "What would you do with Thursday mornings if it stopped?"
        """,
        insight="""
        The dashboard is my way of looking busy on a problem I'm already working on properly
        elsewhere. Helen asked for it because she couldn't see what was happening and had no
        better lever. The huddle is the better lever.
        """,
        action=_Commitment(
            "Talk to Helen about stopping the dashboard work, and offer her the huddle's "
            "learning log instead",
            _DONE,
            -157,
            160,
        ),
        extra="""
        Observing Siân coach Dev was a lesson in silence. She let a pause run for what felt like
        a minute, and Dev filled it with the real issue.
        """,
    ),
    _EntrySpec(
        "dash-sponsor",
        160,
        8,
        EntryKind.PROGRESS,
        "",
        ("dashboard", "governance", "stopping"),
        _DASHBOARD,
        body="""
        Talked to Helen about stopping the dashboard.

        I expected resistance. She said, "I asked for a dashboard because I couldn't see what
        was happening. If your huddle log tells me what's happening, I don't need forty-six
        tiles." We agreed to hand the specification to the BI team as a backlog item with no
        deadline, and I'll step down from the scoping group.
        """,
    ),
    _EntrySpec(
        "dash-stop",
        157,
        19,
        EntryKind.NOTE,
        "Stopping the dashboard inquiry",
        ("stopping", "dashboard", "inquiry"),
        _DASHBOARD,
        body="""
        Marked the dashboard inquiry as **stopped** today.

        It felt like failure for about five minutes and then like relief. The programme keeps
        saying that stopping is a real outcome. I didn't believe it until I wrote the status
        note.

        What I'm keeping from it: the specification forced the three analysts into one
        conversation, and the question *"which decision does this help someone make?"* is now
        on a sticky note above my desk.
        """,
    ),
    _EntrySpec(
        "freed",
        153,
        10,
        EntryKind.PROGRESS,
        "",
        ("stopping", "time", "discharge"),
        _DISCHARGE,
        body="""
        First Thursday morning without the dashboard meeting.

        Spent it on the ward with the discharge coordinator I quoted a few months ago. Two
        hours of watching the handover happen (and not happen) taught me more than the whole
        specification.
        """,
    ),
    _EntrySpec(
        "pdsa2",
        148,
        15,
        EntryKind.PROGRESS,
        'PDSA 2: a shared "ready to go" list',
        ("pdsa", "huddle", "data"),
        _DISCHARGE,
        framework="pdsa",
        responses=(
            (
                "plan",
                """
             Change: one shared list of people ready to leave, visible to all three
             organisations before the huddle, each adding the facts only they hold. Prediction:
             the huddle covers more people in the same fifteen minutes. Risk: information
             governance, so the list holds only what the huddle already shares out loud.
             """,
            ),
            (
                "do",
                """
             Three weeks on a shared sheet with fields agreed by the three IG leads as a
             temporary arrangement. Week one the list was half empty; by week three everyone
             updated it before nine.
             """,
            ),
            (
                "study",
                """
             Thirty-one people discussed in three huddles, up from about five a week. The time
             from "ready" to "referral complete" shrank for people on the list, though the
             numbers are small and I'm wary of reading too much into them. The learning log has
             more in it than the delay figures do.
             """,
            ),
            (
                "act",
                """
             Adopt the list. Ask the IG leads to turn the temporary arrangement into a proper
             information-sharing agreement.
             """,
            ),
        ),
    ),
    _EntrySpec(
        "tired",
        143,
        22,
        EntryKind.NOTE,
        "",
        ("wellbeing",),
        None,
        body="""
        Long week. All three organisations at their highest escalation level, and the huddle
        was cancelled twice.

        Noting it so future me remembers that this month's figures were not about the huddle.
        """,
    ),
    _EntrySpec(
        "w4",
        136,
        17,
        EntryKind.REFLECTION,
        "Workshop 4: relationships and trust",
        ("workshop", "relationships", "trust"),
        _DISCHARGE,
        framework="gibbs",
        responses=(
            (
                "description",
                """
             A workshop on the principles for system-wide improvement, built around "build
             relationships and trust" and "see diverse expertise as an asset". We worked in
             small groups on a case where a joint team had all the right governance and still
             didn't work.
             """,
            ),
            (
                "feelings",
                """
             Recognition, mostly. And some discomfort: I realised I've been telling the
             huddle's success as a story about my leadership, when it's really a story about
             Joanne, Priti and the coordinators.
             """,
            ),
            (
                "evaluation",
                """
             The case study was too tidy, but the conversation in my group was the most honest
             I've had on the programme. Someone said relational work *is* the work, not the
             thing you do before the work.
             """,
            ),
            (
                "analysis",
                """
             The huddle works because it is small, regular and low-stakes, and because the
             numbers were taken out of it. The performance meeting doesn't work because it is
             the opposite on every count. Trust grew where nobody had to defend a figure.
             """,
            ),
            (
                "conclusion",
                """
             Relationships aren't a soft precondition for solving the measurement problem;
             they're what makes any shared measure possible.
             """,
            ),
            (
                "action-plan",
                """
             Stop opening the meetings I chair with the numbers and start with one person's
             journey, anonymised. Invite Marcus to the huddle properly, as a member, not a
             guest.
             """,
            ),
        ),
    ),
    _EntrySpec(
        "marcus-huddle",
        131,
        9,
        EntryKind.PROGRESS,
        "Marcus joined the huddle",
        ("voluntary-sector", "huddle"),
        _VOLUNTARY,
        body="""
        Marcus came to the Tuesday huddle for the first time. He said almost nothing for ten
        minutes, then asked, "Does anyone know whether she has heating?" about a woman due to
        go home that afternoon.

        Nobody did. Age Well went round at two o'clock. That question is now a column on the
        shared list.
        """,
    ),
    _EntrySpec(
        "ig",
        127,
        14,
        EntryKind.NOTE,
        "Information governance is not the enemy",
        ("governance", "data"),
        _DISCHARGE,
        body="""
        Met the three IG leads to make the shared list permanent. I'd braced for a fight.
        Instead:

        - they'd been asked for years to "just share everything" and had said no to that,
          reasonably
        - a list with a narrow, agreed purpose and the fewest fields possible was easy to say
          yes to
        - they asked to be told if the purpose changes, which is fair

        **The blocker was never governance. Nobody had asked a specific question.**
        """,
    ),
    _TrioSpec(
        "c4",
        122,
        ("trio", "coaching", "governance", "measurement"),
        _DISCHARGE,
        roles=(_PRESENTER, _COACH, _OBSERVER),
        followup="""
        Done. Helen said she'd asked for a dashboard because she couldn't see what was
        happening, and the huddle log tells her. I've stepped down from the scoping group and
        stopped the dashboard inquiry.
        """,
        issue="""
        The ICB board wants "one number" on discharge that it can track. Any single figure will
        be one organisation's figure, and the other two will feel judged by it; the learning log
        is richer, but it isn't a number. How do I answer without undoing what the huddle has
        built?
        """,
        questions="""
        - "If you gave them the Royal's figure, who would feel judged by it on Tuesday?"
        - "What decision is the board trying to make with the number?"
        """,
        insight="""
        I've been treating the board's request as a reporting problem. It's a question about a
        decision, and I haven't asked the board which one.
        """,
        action=_Commitment(
            "Write a one-page board note with all three figures side by side", _DROPPED, -112, 117
        ),
        feedback="""
        From Siân: "You summarised back before asking the next question, and Dev heard
        himself." Pleased with that one.
        """,
        extra="Also, before the next board: ask the chair what decision the number is for.",
    ),
    _EntrySpec(
        "board",
        117,
        8,
        EntryKind.PROGRESS,
        "",
        ("governance", "board", "measurement"),
        _DISCHARGE,
        body="""
        What is the number for?

        I asked the board chair. Her answer: **whether to put more money into discharge
        support, and where.**

        That's a much better question than "how many delays are there?", and no single
        organisation's figure answers it. Dropping the one-pager; offering the board a short
        session with the huddle members instead.
        """,
    ),
    _EntrySpec(
        "pdsa3",
        111,
        16,
        EntryKind.PROGRESS,
        "PDSA 3: Age Well at the Tuesday huddle",
        ("pdsa", "voluntary-sector", "huddle"),
        _VOLUNTARY,
        framework="pdsa",
        responses=(
            (
                "plan",
                """
             Change: Age Well joins the huddle every Tuesday and takes referrals there and then
             for people going home that day or the next. Prediction: four to six referrals a
             week, earlier in the week than now. Data: referral day and time from Age Well's own
             log.
             """,
            ),
            (
                "do",
                """
             Five Tuesdays, and Marcus came to every one. Referrals made in the huddle each
             week: 4, 6, 3, 7 and 5.
             """,
            ),
            (
                "study",
                """
             Tuesday and Wednesday referrals went from almost none to about a quarter of Age
             Well's total. Volunteers said people were less anxious on arrival because someone
             had already phoned them. Fewer four o'clock calls on Fridays.
             """,
            ),
            (
                "act",
                """
             Adopt. Next: make the case to commissioning that Age Well is part of the discharge
             pathway, not an optional extra, before their contract comes up for renewal.
             """,
            ),
        ),
    ),
    _EntrySpec(
        "lang",
        106,
        21,
        EntryKind.NOTE,
        "",
        ("language", "relationships"),
        None,
        body="""
        Words I've stopped using this year:

        - "bed blockers"
        - "their delays"
        - "the voluntary sector will pick it up"

        Words I use more: "the handover", "ready to go", "who's waiting for whom".
        """,
    ),
    _EntrySpec(
        "vol-reword",
        100,
        21,
        EntryKind.NOTE,
        "",
        ("voluntary-sector", "inquiry"),
        _VOLUNTARY,
        body="""
        Reworded the voluntary-sector question.

        It's less about "bringing them in" now and more about them shaping the plan from the
        first conversation.

        Marcus read the old wording and said, kindly, that it sounded as if we were doing them
        a favour.
        """,
    ),
    _EntrySpec(
        "w5",
        94,
        16,
        EntryKind.REFLECTION,
        "Workshop 5: delivering change across the system",
        ("workshop", "csif", "framework"),
        _DISCHARGE,
        body="""
        Second time through the framework's domains. Compared with workshop 2 the gap has moved
        from "nobody talks" to "we talk, but our systems don't".
        """,
        framework="csif",
        responses=(
            (
                "vision",
                """
             The huddle now tells a story about itself ("we sort out who's waiting for whom").
             It's small, but it's shared, and people outside the huddle have started repeating
             it.
             """,
            ),
            (
                "operating-model",
                """
             Still three performance regimes. The shared list and the information-sharing
             agreement are the first pieces of operating model that belong to all three
             organisations.
             """,
            ),
            (
                "capability",
                """
             The coordinators and brokers know each other by name. Two of them have started
             their own Friday mini-huddle without asking me.
             """,
            ),
            (
                "redesign",
                """
             We mapped the pathway end to end for the first time, from the person's point of
             view, using the learning log rather than a workshop. The longest wait isn't where
             any of us thought: it's the two days between the ward's referral and the council
             recording it as complete.
             """,
            ),
            (
                "cqi",
                """
             Three PDSA cycles that crossed organisational boundaries. That's three more than
             last year.
             """,
            ),
            (
                "innovation",
                """
             Age Well at the huddle is the nearest thing we have to an innovation, and it cost
             nothing. I'm wary of turning it into a pilot with a logo.
             """,
            ),
        ),
    ),
    _EntrySpec(
        "dev-visit",
        88,
        13,
        EntryKind.NOTE,
        "",
        ("trio", "learning", "stopping"),
        None,
        body="""
        Stealing a habit from Dev's hospice.

        Dev invited me to sit in (virtually) on their weekly discharge meeting. They open every
        meeting by naming **what they stopped doing since last time**.
        """,
    ),
    _EntrySpec(
        "dip",
        84,
        22,
        EntryKind.NOTE,
        "",
        ("measurement", "data", "relationships"),
        _DISCHARGE,
        body="""
        The council's figure went up by a third this week, and for a day everyone believed it.

        What actually happened: the new case-management system dates a referral from when it's
        *received*, not when it's complete. The measurement changed; the waiting didn't. But the
        old reflexes came straight back: emails copied to directors, "their delays" again. We're
        less joined up under pressure than I thought.
        """,
    ),
    _TrioSpec(
        "c5",
        80,
        ("trio", "coaching", "measurement"),
        _DISCHARGE,
        roles=(_COACH, _PRESENTER, _OBSERVER),
        followup="""
        Dropped the one-pager. I asked the board chair what the number is for: whether to put
        more money into discharge support, and where. The board had a session with the huddle
        members instead.
        """,
        issue="""
        Keeping the three organisations together through a bad month in the figures. The
        council's new system pushed its delay figure up by a third overnight because of how
        referrals are dated, not because anything got worse, and the Royal's director has
        already asked, in writing, why the council is "going backwards".
        """,
        questions="""
        - "Who is best placed to correct the record, and is it you?"
        - "What would the huddle say about this month if you asked it?"
        """,
        insight="""
        A note the three analysts write together is harder to argue with than anything I could
        say. If I correct the record myself it becomes my argument, so until the note exists I
        say nothing in the performance meeting.
        """,
        action=_Commitment(
            "Ask Priti, Tom and Gareth for a joint note on the council's new figures",
            _DONE,
            -66,
            70,
        ),
        feedback="""
        From Dev: I still rush to fill silences. He timed my longest pause at four seconds.
        """,
    ),
    _EntrySpec(
        "reword2",
        72,
        20,
        EntryKind.NOTE,
        "Third go at my question",
        ("inquiry", "reflection"),
        _DISCHARGE,
        body="""
        Reworded the inquiry again after the trio. Two changes:

        1. **"the people who wait"** are in the question now. They were always the point and
           never in the sentence.
        2. It accepts that each organisation will keep counting its own way. Shared ownership
           has to survive three different numbers, because it's going to have to.

        > A good question should get harder to answer as you learn more, not easier.

        Siân, quoting someone she couldn't remember.
        """,
    ),
    _EntrySpec(
        "story",
        68,
        9,
        EntryKind.PROGRESS,
        "",
        ("huddle", "relationships", "voluntary-sector"),
        _DISCHARGE,
        body="""
        Three weeks of starting each huddle with one person's journey: no names, a sentence or
        two.

        This week: a woman in her eighties, ready to go home for nine days, waiting for a key
        safe to be fitted. Nine days, for a key safe. Age Well fitted one the next morning.
        Nobody in the room had known they could.
        """,
    ),
    _EntrySpec(
        "vol-contract",
        63,
        13,
        EntryKind.PROGRESS,
        "Talking to commissioning about Age Well",
        ("voluntary-sector", "commissioning"),
        _VOLUNTARY,
        body="""
        First conversation with commissioning about Age Well's contract. It ends in a few
        months and is currently a "befriending grant", which is why nobody thinks of it as part
        of discharge.

        They want evidence. I have the PDSA data, the learning log and a key-safe story. Agreed
        to put a short case together.
        """,
    ),
    _EntrySpec(
        "stop-list",
        58,
        21,
        EntryKind.NOTE,
        "My stop-list so far",
        ("stopping",),
        None,
        body="""
        Borrowed Dev's habit and wrote down what I've stopped since the programme began:

        - **the weekly delays spreadsheet** (half a day a week; three readers, one of whom had
          left)
        - **the dashboard inquiry** (a specification, not a conversation)
        - **opening meetings with the numbers**
        - saying "bed blockers", even as a joke

        Each one freed time or goodwill that went into the huddle. Stopping has done more for
        my inquiry than anything I started.
        """,
    ),
    _EntrySpec(
        "w6",
        52,
        17,
        EntryKind.REFLECTION,
        "Workshop 6: sustaining what works",
        ("workshop", "spread"),
        _DISCHARGE,
        framework="what-so-what-now-what",
        responses=(
            (
                "what",
                """
             The last content workshop, on sustaining and spreading improvement across
             organisations. We shared our inquiries in groups of two trios and heard how other
             systems kept things going after the enthusiasts moved on.
             """,
            ),
            (
                "so-what",
                """
             The huddle depends on about five people, me included. If two of them change jobs
             it stops, and none of the three organisations would notice for a month, because it
             isn't in anyone's operating model. That's the real test of shared ownership: does
             it survive without its founders?
             """,
            ),
            (
                "now-what",
                """
             Write the huddle into each organisation's discharge procedure, owned by a named
             role rather than a named person. Hand the chair to Joanne. Ask the analysts
             whether one shared measure could sit alongside their three.
             """,
            ),
        ),
    ),
    _EntrySpec(
        "mentor",
        49,
        13,
        EntryKind.COACHING,
        "Mentoring call: handing over the huddle",
        ("coaching", "mentoring", "leadership", "huddle"),
        _DISCHARGE,
        body="""
        Monthly call with Ruth, my programme mentor (a retired director of adult social care).
        She works through GROW, which I usually find too tidy; this time the tidiness helped.
        """,
        framework="grow",
        responses=(
            (
                "goal",
                """
             Hand the chair of the Tuesday huddle to Joanne within a month, without it looking
             as if I'm walking away from it.
             """,
            ),
            (
                "reality",
                """
             I've chaired every huddle since the first one. The directors talk about it as my
             project, which flatters me and makes it fragile. Joanne already does most of the
             unblocking; I mostly summarise.
             """,
            ),
            (
                "options",
                """
             Hand over at the next huddle and stop going. Co-chair for a while. Treat it as a
             test: Joanne chairs for four weeks and we see whether the huddle depends on me.
             Write the chair into the procedure as a role before anyone is in it.
             """,
            ),
            (
                "will",
                """
             Ask Joanne this week whether she'd chair for four weeks, as a PDSA cycle. When she
             does, say nothing in the first five minutes.
             """,
            ),
        ),
    ),
    _EntrySpec(
        "handover",
        45,
        11,
        EntryKind.PROGRESS,
        "",
        ("huddle", "leadership"),
        _DISCHARGE,
        body="""
        Joanne chaired the huddle today. I joined late on purpose.

        It ran better without me. She moved faster and asked the council's questions directly
        rather than through me.
        """,
    ),
    _TrioSpec(
        "c6",
        38,
        ("trio", "coaching", "voluntary-sector"),
        _VOLUNTARY,
        roles=(_COACH, _OBSERVER, _PRESENTER),
        followup="""
        Done. Priti, Tom and Gareth wrote the note together: the new system dates a referral from
        when it's received, not when it's complete. The argument stopped within a week, and the
        three of them kept talking; they're now working on one shared measure.
        """,
        issue="""
        The voluntary-sector inquiry: are we treating Age Well as an equal partner, or as a nicer
        kind of provider?
        """,
        questions="""
        - "If Age Well were an equal partner, what would they be allowed to say no to?"
        """,
        insight="""
        Partnership shows in who can change the plan, not in who's in the room. I couldn't
        answer Siân's question: we invite Age Well, we thank them, and we've never given them a
        say over anything.
        """,
        action=_Commitment(
            "Book a call with Siân about writing a voluntary partner into procedure",
            _DONE,
            -24,
            27,
        ),
        extra="""
        Siân offered to walk me through how her health board wrote a voluntary partner into its
        discharge procedure with a real say. After the call, ask Marcus what Age Well would want
        to be able to refuse.
        """,
    ),
    _EntrySpec(
        "pdsa4",
        33,
        15,
        EntryKind.PROGRESS,
        "PDSA 4: Joanne chairs, I step back",
        ("pdsa", "huddle", "leadership"),
        _DISCHARGE,
        framework="pdsa",
        responses=(
            (
                "plan",
                """
             Change: Joanne chairs the Tuesday huddle for four weeks; I attend as a participant
             and say nothing in the first five minutes. Question: does the huddle depend on me?
             Prediction: attendance holds and the huddle runs a little longer.
             """,
            ),
            (
                "do",
                """
             Four weeks. Attendance held every week, Age Well included. I missed one huddle
             altogether and it went ahead as normal.
             """,
            ),
            (
                "study",
                """
             It ran faster, not slower. Joanne's questions are more practical than mine. Two
             people told me afterwards they say more when I'm not chairing. Humbling, and
             exactly the point.
             """,
            ),
            (
                "act",
                """
             Adopt. Write the chair into the procedure as the council's brokerage lead, not as
             Joanne by name.
             """,
            ),
        ),
    ),
    _EntrySpec(
        "data-agree",
        26,
        10,
        EntryKind.PROGRESS,
        "One shared measure, alongside the three",
        ("measurement", "data", "governance"),
        _DISCHARGE,
        body="""
        The analysts proposed it, not me: **days from "ready to go" to home**, taken from the
        shared list and reported alongside each organisation's own figure rather than instead
        of it.

        Nobody's number goes away, so nobody has to lose an argument. The first month's median
        is six days. We don't know yet whether that's good; we know it's ours.
        """,
    ),
    _EntrySpec(
        "thanks",
        20,
        21,
        EntryKind.NOTE,
        "What the trio has given me",
        ("trio", "relationships", "reflection"),
        None,
        body="""
        Six sessions in, one to go. What Dev and Siân have given me, in no particular order:

        - a place to say "I don't know" without it becoming a risk on a register
        - the habit of asking what decision a number is for
        - Dev's stop-list ritual
        - Siân's silences

        I came in thinking the programme was about discharge. It has mostly been about how I
        lead when I'm not in charge.
        """,
    ),
    _EntrySpec(
        "final-prep",
        16,
        9,
        EntryKind.PROGRESS,
        "Preparing the inquiry report-back",
        ("programme", "inquiry"),
        _DISCHARGE,
        body="""
        Started the report-back for the closing session. Three slides at most:

        1. how the question changed (three wordings, and why)
        2. what moved: the huddle, the shared list, the learning log, one shared measure
        3. what I stopped, and what stopping made room for

        Resisting the urge to lead with the delay figures.
        """,
    ),
    _TrioSpec(
        "c7",
        10,
        ("trio", "coaching", "stopping"),
        _DISCHARGE,
        roles=(_PRESENTER, _OBSERVER, _COACH),
        followup="""
        Had the call with Siân: her health board gave its voluntary partner a named place in the
        discharge procedure and the right to turn down a referral it can't safely take. Marcus's
        first answer to what Age Well would refuse: same-day referrals after two o'clock.
        """,
        issue="""
        What happens after the programme: keeping the huddle and the shared measure going
        without the workshops and the trio to hold me to it.
        """,
        questions="""
        - "Which of your meetings would you cancel if the huddle were in everyone's procedure?"
        """,
        insight="""
        The next stop is a bigger one, and it isn't mine alone to make: the weekly performance
        meeting now mostly repeats the huddle a day later, with more defensiveness.
        """,
        action=_Commitment(
            "Propose to the three directors that we stop the weekly performance meeting and "
            "review delays monthly",
            _OPEN,
            9,
        ),
        extra="""
        The last session of the programme. We agreed to keep meeting as a trio every couple of
        months after it ends.
        """,
    ),
    _EntrySpec(
        "reread",
        5,
        22,
        EntryKind.NOTE,
        "",
        ("reflection",),
        _DISCHARGE,
        body="""
        Reread my first entry tonight. I wanted three organisations to agree one number.

        They didn't, and they don't need to. They've agreed to look after the handover
        together.
        """,
    ),
    _EntrySpec(
        "tuesday-run",
        3,
        8,
        EntryKind.PROGRESS,
        "",
        ("voluntary-sector",),
        _VOLUNTARY,
        body="""
        Age Well's Tuesday slots were full for the second week running.

        Marcus says the volunteers have started calling it "the Tuesday run".
        """,
    ),
)

# Actions from entries other than trio sessions; each session holds its own commitment.
_ACTIONS = (
    _ActionSpec(
        "apply",
        "Apply for a place on the improvement leadership programme",
        _START,
        _DONE,
        -345,
        340,
    ),
    _ActionSpec(
        "journal", "Continue writing something in this journal every week", _CONTINUE, _OPEN, None
    ),
    _ActionSpec(
        "phone",
        "Stop checking the delay figures before eight in the morning",
        _STOP,
        _DONE,
        None,
        331,
    ),
    _ActionSpec(
        "induction",
        "Finish the pre-reading and the five principles pre-work before the first workshop",
        _START,
        _DONE,
        -263,
        290,
    ),
    _ActionSpec(
        "spreadsheet",
        "Stop sending the weekly delays spreadsheet nobody opens",
        _STOP,
        _DONE,
        -180,
        176,
    ),
    _ActionSpec(
        "dash-start", "Deliver a single system-wide discharge dashboard", _START, _DROPPED, -75, 157
    ),
    _ActionSpec(
        "three-defs",
        "Try a joint fifteen-minute huddle on Tuesdays for four weeks",
        _START,
        _DONE,
        -170,
        169,
    ),
    _ActionSpec(
        "pdsa1",
        'Continue the Tuesday huddle and add a shared "ready to go" list',
        _CONTINUE,
        _DONE,
        -150,
        148,
    ),
    _ActionSpec(
        "w3",
        "Continue the huddle learning log and report it next to the numbers",
        _CONTINUE,
        _OPEN,
        27,
    ),
    _ActionSpec(
        "dash-sponsor", "Stop chairing the dashboard scoping group", _STOP, _DONE, -155, 157
    ),
    _ActionSpec(
        "freed",
        "Continue keeping Thursday mornings for thinking and ward visits",
        _CONTINUE,
        _OPEN,
        13,
    ),
    _ActionSpec(
        "w4", "Stop opening the meetings I chair with the numbers", _STOP, _DONE, -120, 110
    ),
    _ActionSpec(
        "w4",
        "Invite Marcus to the Tuesday huddle as a member, not a guest",
        _START,
        _DONE,
        -130,
        131,
    ),
    _ActionSpec(
        "ig",
        "Turn the shared list into a proper information-sharing agreement",
        _START,
        _DONE,
        -110,
        108,
    ),
    _ActionSpec(
        "vol-contract",
        "Send commissioning the case for Age Well's discharge role",
        _START,
        _OPEN,
        -3,
    ),
    _ActionSpec(
        "w6", "Write the huddle into each organisation's discharge procedure", _START, _OPEN, 11
    ),
    _ActionSpec(
        "final-prep", "Finish the three-slide report-back for the closing session", _START, _OPEN, 4
    ),
)

# The Cross-System Improvement Framework, about once a month. Most movement in improvement
# practice, least in the operating model, which dips when the council's figures change.
_CSIF_WHEN = (
    _AssessmentSpec(
        358,
        21,
        "The application's follow-up form asks for a rating on each domain. Done at my desk.",
    ),
    _AssessmentSpec(
        327, 20, "Since the discharge summit: a shared slogan, if not yet a shared story."
    ),
    _AssessmentSpec(
        296, 20, "Nothing moved, and that's honest: the programme hasn't started, and nor have we."
    ),
    _AssessmentSpec(
        260, 20, "After the first workshop. Same scores: this time I scored the system, not me."
    ),
    _AssessmentSpec(232, 20, "Before a week away. Conversations, not change yet."),
    _AssessmentSpec(
        199, 20, "The day after the analysts' hour: three honest definitions and an idea."
    ),
    _AssessmentSpec(
        166,
        19,
        "Just before the trio session on the dashboard. The huddle is the first thing "
        "that belongs to all three organisations.",
    ),
    _AssessmentSpec(
        138,
        20,
        "A flat month: escalation everywhere and the huddle cancelled twice. What moved held.",
    ),
    _AssessmentSpec(110, 20, "The information-sharing agreement moved the operating model."),
    _AssessmentSpec(
        77, 21, "A dip: the council's new system and the blame that followed. Scored it as it felt."
    ),
    _AssessmentSpec(
        46, 20, "A plateau, and I'll take it: the argument is over. Joanne chairs tomorrow."
    ),
    _AssessmentSpec(
        17,
        20,
        "Near the end of the programme. Most movement in improvement "
        "practice, least in the operating model.",
    ),
)

# One row per csif domain: a (score, evidence) pair for each assessment above, in order.
_CSIF_SCORES: tuple[tuple[str, tuple[tuple[int, str], ...]], ...] = (
    (
        "vision",
        (
            (1, "Three organisational strategies and no shared one."),
            (2, '"Home first" is on every slide now; each organisation casts itself as the hero.'),
            (2, "The slogan has stuck; nobody can say what it means on a ward."),
            (2, "Still no shared picture of a good Tuesday morning."),
            (2, "Three definitions of a delay, each sensible, none about the person waiting."),
            (2, "Priti's idea is about people, not numbers; nobody has tried it yet."),
            (3, "The huddle has a purpose all three teams repeat: who's waiting for whom."),
            (3, "The huddle's story held through two cancelled weeks."),
            (3, "The board now asks where to invest, not whose number is right."),
            (4, "People outside the huddle, Age Well included, describe it in its own words."),
            (4, "The shared story held through a bad month in the figures."),
            (4, "The three directors talk about the huddle as ours, not mine."),
        ),
    ),
    (
        "operating-model",
        (
            (1, "Three performance regimes; nothing belongs to all three organisations."),
            (1, "The summit's pledges went to three separate boards."),
            (1, "Still judged on three different things: flow, spend per package, bed occupancy."),
            (1, "Every meeting starts with an argument about whose number is right."),
            (1, "The weekly spreadsheet still takes half a day and nobody reads it."),
            (2, "The weekly spreadsheet is going; the performance meeting is unchanged."),
            (
                2,
                "The learning log goes to Helen; the performance meeting still has three figures.",
            ),
            (2, "Shared list on a temporary arrangement; no joint process yet."),
            (3, "Information-sharing agreement signed: the first jointly owned process."),
            (2, "The council's new system changed its figures and the blame reflexes came back."),
            (2, "The analysts' joint note ended the argument; we are still run as three."),
            (3, "One shared measure agreed, alongside the three organisations' own."),
        ),
    ),
    (
        "capability",
        (
            (1, "Improvement skill sits in the Royal; connections across the join barely exist."),
            (1, "The summit put the directors in a room, not the people who do the handover."),
            (1, "I know one of the three analysts; I've never met the other two."),
            (1, "The analysts have never been in one room."),
            (2, "I've met Joanne outside a performance meeting, and heard all three analysts."),
            (2, "The analysts have met once; coordinators and brokers still only email."),
            (3, "Coordinators and brokers know each other by name through the huddle."),
            (3, "When the huddle was cancelled, two coordinators phoned each other anyway."),
            (3, "Huddle members ran a PDSA cycle themselves."),
            (3, "A Friday mini-huddle started without me; still fragile."),
            (3, "The huddle still depends on about five people, me included."),
            (4, "Joanne chairs the huddle, and it runs better without me."),
        ),
    ),
    (
        "redesign",
        (
            (1, "Each organisation redesigns its own part; nobody has mapped the whole pathway."),
            (1, "The summit drew the pathway on a flipchart, from the organisations' side only."),
            (1, "The flipchart pathway is in a drawer."),
            (1, "Nobody has mapped the pathway from the point of view of the person waiting."),
            (1, "A delay starts when the ward thinks it has already been dealt with."),
            (1, "Three definitions written side by side; still no end-to-end view."),
            (1, "The huddle finds the gaps one person at a time; nobody has mapped them."),
            (2, "A morning on the ward showed where the handover happens and where it doesn't."),
            (2, "Age Well is now part of discharges arranged in the huddle."),
            (
                3,
                "Pathway mapped end to end from the learning log; the referral gap is the longest.",
            ),
            (3, "The key safe: one person's journey changed what the huddle asks."),
            (3, "The huddle is being written into each organisation's discharge procedure."),
        ),
    ),
    (
        "cqi",
        (
            (1, "No PDSA cycle here has ever crossed an organisational boundary."),
            (1, "Three improvement teams, three methods, no shared cycle."),
            (1, "Each organisation's improvement projects report to its own board."),
            (1, "Improvement here happens inside organisations, never across them."),
            (1, "Still no improvement cycle that crosses a boundary."),
            (2, "A fifteen-minute huddle planned as a test across all three organisations."),
            (3, "PDSA 1 done: a huddle across three organisations, numbers left out."),
            (3, "PDSA 2 (the shared list): thirty-one people discussed in three huddles."),
            (3, "Three cycles across organisations, reported next to the outcome figures."),
            (4, "Huddle members now propose the next cycle, not me."),
            (4, "Next cycle proposed by the members: does the huddle survive without me?"),
            (4, "PDSA 4 tested whether the huddle depends on me. It doesn't."),
        ),
    ),
    (
        "innovation",
        (
            (2, "More pilots than we can count, almost none scaled."),
            (2, "Two new pilots announced at the summit, neither funded beyond six months."),
            (2, "One of the summit pilots has quietly stopped."),
            (2, "Plenty of ideas; attention is the constraint, not innovation."),
            (2, "No new ideas needed yet; I need to understand the old ones."),
            (2, "Age Well's unused Tuesday capacity spotted, not yet used."),
            (2, "Nothing new, on purpose, while the huddle beds in."),
            (2, "Marcus invited to the huddle as a member, not a guest."),
            (3, "Age Well at the huddle cost nothing and moved referrals earlier in the week."),
            (3, "Earlier-in-the-week referrals have held for two months."),
            (3, "Making the case to commissioning rather than branding another pilot."),
            (3, "Age Well's case goes to commissioning: no logo, no pilot."),
        ),
    ),
)

# The five principles for system-wide improvement, four times: the programme's pre-work, after
# workshops 2 and 4 (which was built around them), and after Joanne took the chair.
_PRINCIPLES_WHEN = (
    _AssessmentSpec(300, 21, 'Pre-work for the induction call. Mostly "now and then".'),
    _AssessmentSpec(214, 20, "After workshop 2 and the coffee with Marcus."),
    _AssessmentSpec(134, 21, "After workshop 4, which was built around these principles."),
    _AssessmentSpec(
        31, 21, "Joanne in the chair, Age Well shaping the list, the analysts proposing a measure."
    ),
)

_PRINCIPLES_SCORES: tuple[tuple[str, tuple[tuple[int, str], ...]], ...] = (
    (
        "scope-and-goals",
        (
            (2, 'The scope was handed to me by the ICB: "sort out discharge delays".'),
            (2, "My question is still about one measure, which only I want."),
            (3, "The huddle's scope was set by the people in it: who's waiting for whom."),
            (
                3,
                "The board's question, where to invest, frames the work now, not my measure.",
            ),
        ),
    ),
    (
        "relationships",
        (
            (2, "I know the three directors; I barely know the people who do the handover."),
            (
                3,
                "Coffee with Joanne, calls with each analyst: none in a performance meeting.",
            ),
            (4, "Trust grew where nobody had to defend a figure."),
            (4, "The note on the council's figures was written by three analysts together."),
        ),
    ),
    (
        "diverse-expertise",
        (
            (1, "The voluntary sector appears in every strategy and at no meeting."),
            (2, "Marcus knows what happens after the front door closes; we ring him at four."),
            (3, "Marcus joins the huddle as a member from next week."),
            (
                4,
                "Marcus's heating question is on the shared list; the key safe came from Age Well.",
            ),
        ),
    ),
    (
        "shared-leadership",
        (
            (1, "Each organisation leads its own part, and I chair; nobody shares."),
            (1, "Every conversation still goes through me."),
            (2, "The huddle's success is told as my story, when it's Joanne's and Priti's."),
            (3, "Joanne chairs, and the huddle runs better. The directors still think it's mine."),
        ),
    ),
    (
        "improvement-mindset",
        (
            (2, "We plan and report; we rarely test anything small."),
            (2, "I've learnt the numbers are evidence, not the problem; nothing tested yet."),
            (
                3,
                "Two PDSA cycles across organisations; the learning log sits next to the numbers.",
            ),
            (4, "Four cycles, the last one testing my own part in it."),
        ),
    ),
)

# Each framework's assessments, and the parts of their ids (csif kept its ids from the start).
_ASSESSED: tuple[_Assessed, ...] = (
    _Assessed("csif", (), _CSIF_WHEN, _CSIF_SCORES),
    _Assessed("five-principles", ("five-principles",), _PRINCIPLES_WHEN, _PRINCIPLES_SCORES),
)


# ---------------------------------------------------------------------------------------------
# Building
# ---------------------------------------------------------------------------------------------


def build_demo_journal(now: datetime) -> JournalContents:
    """The whole demo journal, dated so that its last entry is a few days before ``now``."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    rng = random.Random(_SEED)
    inquiry_ids = {spec.key: _demo_id("inquiry", spec.key) for spec in _INQUIRIES}
    inquiries = tuple(_inquiry(spec, now, rng) for spec in _INQUIRIES)
    timeline = _timeline()
    built = [(spec.key, _entry(spec, now, rng, inquiry_ids)) for spec in timeline]
    entries = dict(built)
    actions = tuple(
        _action(_demo_id("action", str(n)), spec, now, rng, entries)
        for n, spec in enumerate(_ACTIONS)
    ) + tuple(
        _action(_demo_id("action", "trio", spec.key), _committed(spec), now, rng, entries)
        for spec in _ENTRIES
        if isinstance(spec, _TrioSpec)
    )
    assessments = sorted(
        (
            _assessment(assessed, n, spec, now, rng, inquiry_ids[_DISCHARGE])
            for assessed in _ASSESSED
            for n, spec in enumerate(assessed.when)
        ),
        key=lambda a: a.created,
    )
    return JournalContents(
        inquiries=inquiries,
        entries=tuple(entry for _, entry in built),
        actions=actions,
        assessments=tuple(assessments),
    )


def _timeline() -> list[_EntrySpec | _TrioSpec]:
    """The set pieces and the short entries together, oldest first."""
    specs = [*_ENTRIES, *(_short(spec) for spec in SHORT_ENTRIES)]
    return sorted(specs, key=lambda spec: (-spec.days_ago, spec.hour))


def _short(spec: Short) -> _EntrySpec:
    return _EntrySpec(
        spec.key,
        spec.days_ago,
        spec.hour,
        spec.kind,
        spec.title,
        spec.tags,
        spec.inquiry,
        spec.body,
    )


def _demo_id(*parts: str) -> str:
    return stable_id("demo", *parts)


def _at(now: datetime, days_ago: int, hour: int, rng: random.Random) -> str:
    """UTC text for ``hour`` o'clock (plus a few minutes) ``days_ago`` days before ``now``."""
    day = (now - timedelta(days=days_ago)).date()
    moment = datetime.combine(day, time(hour, rng.randrange(60)), tzinfo=now.tzinfo)
    return to_text(moment)


def _due(now: datetime, days: int) -> str:
    """A local calendar date ``days`` after today, where today is ``now``'s own date."""
    today: date = now.date()
    return (today + timedelta(days=days)).isoformat()


def _day(now: datetime, days_ago: int) -> str:
    """The local calendar date ``days_ago`` days before ``now``: the day ``_at`` dates."""
    return (now - timedelta(days=days_ago)).date().isoformat()


_BLOCK_START = re.compile(r"(?:[-*+]|\d+\.|#{1,6})\s")


def _prose(text: str) -> str:
    """Source text as a person would type it: one line per paragraph, list item or quote."""
    blocks = inspect.cleandoc(text).split("\n\n")
    return "\n\n".join(_unwrapped(block.splitlines()) for block in blocks)


def _unwrapped(lines: list[str]) -> str:
    joined: list[str] = []
    for raw in lines:
        line = raw.strip()
        if joined and line.startswith("> ") and joined[-1].startswith("> "):
            joined[-1] += " " + line[2:]
        elif joined and not line.startswith("> ") and not _BLOCK_START.match(line):
            joined[-1] += " " + line
        else:
            joined.append(line)
    return "\n".join(joined)


def _inquiry(spec: _InquirySpec, now: datetime, rng: random.Random) -> Inquiry:
    wordings = tuple(
        Wording(question=question, created=_at(now, days, hour, rng))
        for days, hour, question in spec.wordings
    )
    updated = wordings[-1].created
    if spec.status_days_ago is not None:
        updated = max(updated, _at(now, spec.status_days_ago, 19, rng))
    return Inquiry(
        id=_demo_id("inquiry", spec.key),
        wordings=wordings,
        why=_prose(spec.why),
        status=spec.status,
        status_note=_prose(spec.status_note),
        created=wordings[0].created,
        updated=updated,
    )


def _entry(
    spec: _EntrySpec | _TrioSpec, now: datetime, rng: random.Random, inquiry_ids: dict[str, str]
) -> Entry:
    if isinstance(spec, _TrioSpec):
        return _trio_entry(spec, now, rng, inquiry_ids[spec.inquiry])
    created = _at(now, spec.days_ago, spec.hour, rng)
    return Entry(
        id=_demo_id("entry", spec.key),
        kind=spec.kind,
        title=spec.title,
        body=_prose(spec.body),
        created=created,
        updated=created,
        tags=normalize_tags(spec.tags),
        inquiry_id=inquiry_ids[spec.inquiry] if spec.inquiry else None,
        framework_id=spec.framework,
        responses=tuple(Response(prompt, _prose(text)) for prompt, text in spec.responses),
    )


def _trio_session(spec: _TrioSpec, now: datetime, inquiry_id: str) -> CoachingSession:
    """The session as the Coaching page's form would hand it over, fields already tidy."""
    return CoachingSession(
        date=_day(now, spec.days_ago),
        members=_TRIO_MEMBERS,
        roles=spec.roles,
        issue=_prose(spec.issue),
        helpful_questions=_prose(spec.questions),
        insight=_prose(spec.insight),
        action_text=" ".join(spec.action.text.split()),
        action_due=_due(now, spec.action.due_in_days),
        feedback_as_coach=_prose(spec.feedback),
        followup=_prose(spec.followup),
        inquiry_id=inquiry_id,
    )


def _trio_entry(spec: _TrioSpec, now: datetime, rng: random.Random, inquiry_id: str) -> Entry:
    """A session kept as ``CoachingService.record`` keeps one: title and responses from it."""
    created = _at(now, spec.days_ago, spec.hour, rng)
    title, responses = to_responses(_trio_session(spec, now, inquiry_id))
    return Entry(
        id=_demo_id("entry", spec.key),
        kind=EntryKind.COACHING,
        title=title,
        body=_prose(spec.extra),
        created=created,
        updated=created,
        tags=normalize_tags(spec.tags),
        inquiry_id=inquiry_id,
        framework_id=TRIO_FRAMEWORK,
        responses=responses,
    )


def _committed(spec: _TrioSpec) -> _ActionSpec:
    """A session's commitment as the action ``CoachingService.record`` adds: one to start."""
    action = spec.action
    return _ActionSpec(
        spec.key,
        " ".join(action.text.split()),
        _START,
        action.status,
        action.due_in_days,
        action.closed_days_ago,
    )


def _action(
    action_id: str,
    spec: _ActionSpec,
    now: datetime,
    rng: random.Random,
    entries: dict[str, Entry],
) -> Action:
    source = entries[spec.entry]
    updated = source.created
    if spec.closed_days_ago is not None:
        updated = max(updated, _at(now, spec.closed_days_ago, 17, rng))
    return Action(
        id=action_id,
        text=spec.text,
        kind=spec.kind,
        status=spec.status,
        created=source.created,
        updated=updated,
        due=None if spec.due_in_days is None else _due(now, spec.due_in_days),
        entry_id=source.id,
        inquiry_id=source.inquiry_id,
    )


def _assessment(
    assessed: _Assessed,
    number: int,
    spec: _AssessmentSpec,
    now: datetime,
    rng: random.Random,
    inquiry_id: str,
) -> Assessment:
    scores = tuple(
        Score(domain_id=domain, score=rows[number][0], evidence=rows[number][1])
        for domain, rows in assessed.rows
    )
    return Assessment(
        id=_demo_id("assessment", *assessed.id_parts, str(number)),
        framework_id=assessed.framework,
        created=_at(now, spec.days_ago, spec.hour, rng),
        scores=scores,
        inquiry_id=inquiry_id,
        note=spec.note,
    )

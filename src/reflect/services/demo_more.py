"""The demo journal's short entries: the notes and progress updates between the big moments.

``demo_content`` holds the story's set pieces (workshops, trio sessions, PDSA cycles); this table
fills the year around them the way a real journal fills up: a line or two after a meeting, two
or three entries on a busy day, more in the week after a workshop, nothing at all on leave. The
first three months come before the programme starts, from the application to the week before
the first workshop. Times are (days before now, hour of the day), as in ``demo_content``; bodies
are wrapped here for the source's sake and unwrapped there, and an untitled entry's first
paragraph is short enough to be its title.
"""

from __future__ import annotations

from dataclasses import dataclass

from reflect.core.entry import EntryKind

# The inquiries an entry may belong to, by key.
DISCHARGE = "discharge"
VOLUNTARY = "voluntary"
DASHBOARD = "dashboard"

NOTE, PROGRESS = EntryKind.NOTE, EntryKind.PROGRESS


@dataclass(frozen=True)
class Short:
    key: str
    days_ago: int
    hour: int
    kind: EntryKind
    tags: tuple[str, ...]
    inquiry: str | None
    body: str
    title: str = ""


SHORT_ENTRIES: tuple[Short, ...] = (
    # Before the programme: the application, the summit, a fortnight away, the induction call.
    Short(
        "journal",
        362,
        21,
        NOTE,
        ("reflection", "programme"),
        None,
        """
        Starting a journal.

        The programme application asks how I reflect on my practice. The honest answer is "on
        the drive home", which I'd rather not put on a form.
        """,
    ),
    Short(
        "timed",
        361,
        11,
        PROGRESS,
        ("meetings", "discharge"),
        None,
        """
        Discharge performance meeting: forty minutes on whose figure is right, five on the
        people waiting. I timed it.
        """,
    ),
    Short(
        "apply",
        360,
        21,
        PROGRESS,
        ("programme", "inquiry"),
        DISCHARGE,
        """
        Sent my application for the improvement leadership programme: six workshops over about
        seven months, and a peer coaching trio.

        It asks for a personal inquiry question, so I've opened one here. It's the question I
        ask myself in every performance meeting.
        """,
        title="Applying to the programme",
    ),
    Short(
        "who-counts",
        356,
        18,
        NOTE,
        ("data", "measurement"),
        DISCHARGE,
        """
        Helen asked at the executive meeting why our delay figure never matches the region's.

        I said it depends who's counting. True, and no help to anyone.
        """,
    ),
    Short(
        "summit",
        352,
        10,
        PROGRESS,
        ("discharge", "summit"),
        DISCHARGE,
        """
        A hundred and twenty people, a keynote and a new slogan: "home first". Every
        organisation made a pledge.

        None of the pledges needs another organisation to keep it.
        """,
        title="The system discharge summit",
    ),
    Short(
        "summit-after",
        352,
        20,
        NOTE,
        ("relationships", "summit"),
        DISCHARGE,
        """
        Nobody who does the handover was at the summit.

        The coordinators and brokers were at work, doing it.
        """,
    ),
    Short(
        "phone",
        349,
        7,
        NOTE,
        ("wellbeing",),
        None,
        """
        Checked the delay figures on my phone before I was out of bed. Again.

        They're the same at seven as they will be at nine.
        """,
    ),
    Short(
        "picked-apart",
        345,
        14,
        PROGRESS,
        ("meetings", "social-care"),
        DISCHARGE,
        """
        The council's figure was picked apart for twenty minutes in the performance meeting.

        Their head of brokerage said nothing. I said nothing either, which is worse.
        """,
    ),
    Short(
        "place",
        340,
        17,
        PROGRESS,
        ("programme",),
        DISCHARGE,
        """
        Got a place. Forty of us from all four nations, and the first workshop is in about
        eleven weeks.

        The letter says to bring the inquiry question "and an open mind about it".
        """,
        title="A place on the programme",
    ),
    Short(
        "told-directors",
        338,
        12,
        NOTE,
        ("programme", "relationships"),
        DISCHARGE,
        """
        Told the three directors I'm on the programme.

        The Royal's director asked whether it would "sort out the council". Nobody laughed,
        least of all the council.
        """,
    ),
    Short(
        "bottom-quarter",
        334,
        9,
        PROGRESS,
        ("data", "measurement"),
        DISCHARGE,
        """
        The region's weekly figures put us in the bottom quarter again.

        Three emails within the hour, each explaining whose fault it wasn't.
        """,
    ),
    Short(
        "before-eight",
        331,
        21,
        NOTE,
        ("wellbeing",),
        None,
        """
        A week of not looking at the figures before eight. I missed nothing I could have
        changed.
        """,
    ),
    Short(
        "the-pack",
        329,
        15,
        PROGRESS,
        ("data",),
        DISCHARGE,
        """
        Asked how long the weekly delays pack takes to produce. "Not long", apparently.

        I didn't ask who reads it. Noting that I didn't.
        """,
    ),
    Short(
        "fortnight",
        326,
        16,
        NOTE,
        ("time",),
        None,
        """
        Handover note written before two weeks away: three pages.

        The honest version is one line: the three organisations still don't talk to each other.
        """,
    ),
    Short(
        "back-fortnight",
        311,
        8,
        NOTE,
        ("discharge",),
        DISCHARGE,
        """
        Back after a fortnight. Same three numbers, same argument, different week.
        """,
    ),
    Short(
        "pre-reading",
        309,
        20,
        NOTE,
        ("programme", "reading"),
        None,
        """
        Started the programme's pre-reading.

        Underlined one line twice: a system doesn't improve because each of its parts is told
        to.
        """,
    ),
    Short(
        "one-view",
        305,
        14,
        PROGRESS,
        ("data",),
        DISCHARGE,
        """
        Helen wants "one view of discharge" across the system.

        Noted, not promised. I suspect someone will promise it.
        """,
    ),
    Short(
        "induction",
        302,
        17,
        PROGRESS,
        ("programme",),
        DISCHARGE,
        """
        Ninety minutes, forty faces and a lot of "you're on mute".

        The pre-work is to rate how far the five principles for system-wide improvement show in
        our work now.
        """,
        title="Induction call",
    ),
    Short(
        "pre-work",
        300,
        19,
        NOTE,
        ("programme", "principles"),
        DISCHARGE,
        """
        Did the five principles pre-work.

        The low scores were the easiest to give, and the quickest.
        """,
    ),
    Short(
        "escalation",
        295,
        8,
        PROGRESS,
        ("discharge", "social-care"),
        DISCHARGE,
        """
        Third day of escalation at the Royal.

        The council put two extra brokers on for the week. Nobody outside the council knew
        until I asked.
        """,
    ),
    Short(
        "fixing",
        291,
        13,
        NOTE,
        ("leadership",),
        None,
        """
        Counted how often I fixed rather than asked in this morning's meeting: four times.

        The pre-reading would call that a habit.
        """,
    ),
    Short(
        "whoever",
        288,
        10,
        PROGRESS,
        ("discharge", "community-health"),
        DISCHARGE,
        """
        Asked community health's transfer hub who they ring first when an intermediate care bed
        frees up.

        "Whoever answers."
        """,
        title="Who rings whom",
    ),
    Short(
        "goodwill",
        288,
        21,
        NOTE,
        ("relationships",),
        DISCHARGE,
        """
        "Whoever answers" has stayed with me all day.

        It isn't a system. It's goodwill with a phone number.
        """,
    ),
    Short(
        "plain-words",
        284,
        20,
        NOTE,
        ("inquiry",),
        DISCHARGE,
        """
        Tried to put my inquiry question in plain words for the first workshop.

        Every version still ends with "one measure".
        """,
    ),
    Short(
        "live-with",
        281,
        11,
        PROGRESS,
        ("meetings", "measurement"),
        DISCHARGE,
        """
        The performance meeting's chair asked for "one number we can all live with".

        Nobody offered theirs.
        """,
    ),
    Short(
        "trio-named",
        277,
        16,
        NOTE,
        ("trio", "programme"),
        None,
        """
        Trio allocation came through: a hospice director in the Midlands and someone from a
        health board in north Wales.

        None of us works for the same kind of organisation, which I suspect is the point.
        """,
    ),
    Short(
        "lounge",
        274,
        9,
        PROGRESS,
        ("discharge", "wards"),
        DISCHARGE,
        """
        Twenty minutes in the Royal's discharge lounge: six chairs, four people, all waiting.

        Transport for two, a care package for the others. Nobody had been told how long.
        """,
    ),
    # Workshop 1 and the weeks after it: the first trio, Joanne, three definitions.
    Short(
        "camera-on",
        262,
        8,
        NOTE,
        ("workshop",),
        None,
        """
        Workshop day. Camera on, notebook open, phone in another room.
        """,
    ),
    Short(
        "who-benefits",
        262,
        21,
        NOTE,
        ("relationships", "reflection"),
        DISCHARGE,
        """
        Still turning over who benefits from things as they are.

        My answer hasn't improved since this afternoon: each of us benefits from being able to
        blame the others.
        """,
    ),
    Short(
        "knowing-laugh",
        261,
        9,
        PROGRESS,
        ("team", "workshop"),
        None,
        """
        Told my team about the knowing laugh in the breakout room.

        They laughed too, for the same reason.
        """,
    ),
    Short(
        "audit",
        258,
        14,
        PROGRESS,
        ("data", "measurement"),
        DISCHARGE,
        """
        Drafted an email asking the three analysts how each counts a delay.

        Didn't send it. It read like an audit.
        """,
    ),
    Short(
        "nineteen",
        252,
        11,
        PROGRESS,
        ("dashboard", "data"),
        DASHBOARD,
        """
        IT want a list of every data source before the dashboard can be scoped.

        There are nineteen, and two of them are the same spreadsheet.
        """,
    ),
    Short(
        "rehearsed",
        250,
        19,
        NOTE,
        ("trio",),
        None,
        """
        First trio session in two days.

        Rehearsed my issue in the car and it came out as a complaint.
        """,
    ),
    Short(
        "good-tired",
        248,
        20,
        NOTE,
        ("trio", "reflection"),
        None,
        """
        Tired after the trio in a way meetings never make me.

        Good tired, I think. I talked for twenty minutes and solved nothing, on purpose.
        """,
    ),
    Short(
        "asked-joanne",
        246,
        15,
        PROGRESS,
        ("relationships", "social-care"),
        DISCHARGE,
        """
        Asked Joanne for a coffee at the council offices.

        She sounded surprised to be asked, which tells me something.
        """,
    ),
    Short(
        "apologised",
        243,
        13,
        PROGRESS,
        ("data", "measurement"),
        DISCHARGE,
        """
        Rang two of the three analysts. Each explained their count in under five minutes.

        Both apologised for it, as if counting carefully were a fault.
        """,
    ),
    Short(
        "diagram",
        233,
        16,
        PROGRESS,
        ("data", "measurement"),
        DISCHARGE,
        """
        The council's analyst sent his definition in writing, with a diagram.

        Three definitions of a delay now, and all three are sensible.
        """,
    ),
    Short(
        "away-week",
        232,
        17,
        NOTE,
        ("time",),
        None,
        """
        Last day before a week away. Left the out-of-office vague on purpose.
        """,
    ),
    Short(
        "nothing-fell",
        221,
        9,
        NOTE,
        ("time",),
        None,
        """
        Back from a week away.

        Nothing fell over, which is either reassuring or a comment on my job.
        """,
    ),
    # Workshop 2: the framework, Marcus, the analysts' hour.
    Short(
        "one-domain",
        220,
        21,
        NOTE,
        ("csif", "framework"),
        DISCHARGE,
        """
        Six domains, and we've spent a year arguing inside one of them.
        """,
    ),
    Short(
        "helen-domains",
        219,
        8,
        PROGRESS,
        ("csif", "governance"),
        DISCHARGE,
        """
        Showed Helen the six domains.

        She went straight to the aligned operating model: "That's the one we haven't got."
        """,
    ),
    Short(
        "thirty-tiles",
        216,
        10,
        PROGRESS,
        ("dashboard",),
        DASHBOARD,
        """
        Dashboard meeting three. The draft has thirty tiles and a colour scheme.

        Nobody has asked who it's for.
        """,
    ),
    Short(
        "ward-sisters",
        212,
        14,
        PROGRESS,
        ("voluntary-sector", "wards"),
        VOLUNTARY,
        """
        Asked three ward sisters whether they'd heard of Age Well.

        One had. She rings them "when it's desperate".
        """,
    ),
    Short(
        "no-managers",
        204,
        9,
        PROGRESS,
        ("data", "relationships"),
        DISCHARGE,
        """
        Booked an hour with the three analysts, no managers.

        Two said yes within minutes. The third asked whether he was in trouble.
        """,
    ),
    Short(
        "fifteen-minutes",
        199,
        8,
        NOTE,
        ("huddle", "relationships"),
        DISCHARGE,
        """
        Priti's idea keeps coming back: stop comparing numbers and talk about people, fifteen
        minutes a week.
        """,
    ),
    # The huddle begins.
    Short(
        "stays-short",
        196,
        9,
        PROGRESS,
        ("huddle",),
        DISCHARGE,
        """
        Joanne and the transfer hub both said yes to a fifteen-minute huddle for four weeks.

        Their one condition: it stays fifteen minutes.
        """,
    ),
    Short(
        "huddle-one",
        192,
        10,
        PROGRESS,
        ("huddle", "data"),
        DISCHARGE,
        """
        First huddle. Ten minutes of everyone defending their figures, five of talking about
        people.

        Next week: people only.
        """,
    ),
    Short(
        "huddle-two",
        185,
        10,
        PROGRESS,
        ("huddle",),
        DISCHARGE,
        """
        Second huddle, no numbers on the agenda.

        A missing form, a wrong phone number and a key nobody knew who held: all sorted before
        the call ended.
        """,
    ),
    Short(
        "a-person",
        183,
        17,
        NOTE,
        ("relationships", "social-care"),
        DISCHARGE,
        """
        Joanne rang me about a person, not a figure. I think that's a first.
        """,
    ),
    Short(
        "evidence-of",
        180,
        20,
        NOTE,
        ("measurement", "workshop"),
        DISCHARGE,
        """
        Workshop 3 is on measurement. I have plenty of numbers and no idea what they're evidence
        of.
        """,
    ),
    Short(
        "inside-cover",
        178,
        21,
        NOTE,
        ("learning", "measurement"),
        None,
        """
        "Measure learning as well as outcomes." Written on the inside cover of my notebook.
        """,
    ),
    Short(
        "three-columns",
        177,
        9,
        PROGRESS,
        ("huddle", "learning"),
        DISCHARGE,
        """
        Set up a learning log for the huddle: one shared page, three columns.

        Who, what got unblocked, what we learnt.
        """,
    ),
    Short(
        "last-sheet",
        176,
        11,
        PROGRESS,
        ("stopping", "data"),
        DISCHARGE,
        """
        Sent the last weekly delays spreadsheet, with a note saying it was the last.

        Nobody replied.
        """,
    ),
    Short(
        "gone-down",
        175,
        13,
        NOTE,
        ("measurement", "learning"),
        DISCHARGE,
        """
        Described the huddle to my team as learning, not outcomes.

        Their first question was still "has the number gone down?"
        """,
    ),
    Short(
        "copied",
        173,
        19,
        NOTE,
        ("workshop", "learning"),
        None,
        """
        Sent my workshop 3 group the learning log's three columns. Two of them have copied it
        already.
        """,
    ),
    Short(
        "huddle-four",
        171,
        10,
        PROGRESS,
        ("huddle",),
        DISCHARGE,
        """
        Fourth huddle, the last of the test.

        Nobody asked whether we'd carry on. They just put next week in the diary.
        """,
    ),
    Short(
        "apologies",
        167,
        10,
        PROGRESS,
        ("dashboard",),
        DASHBOARD,
        """
        Sent apologies to dashboard meeting five.

        Spent the hour on a call the huddle needed instead. Nobody asked where I was.
        """,
    ),
    Short(
        "no-apology",
        163,
        8,
        NOTE,
        ("dashboard", "stopping"),
        DASHBOARD,
        """
        Drafting what to say to Helen about the dashboard.

        Every version opened with an apology. Deleted the apologies.
        """,
    ),
    Short(
        "empty-morning",
        155,
        21,
        NOTE,
        ("time", "stopping"),
        None,
        """
        Looked at next week's diary: a whole morning with nothing in it.

        It took me a minute to stop looking for something to fill it with.
        """,
    ),
    Short(
        "eleven-names",
        150,
        9,
        PROGRESS,
        ("huddle", "data"),
        DISCHARGE,
        """
        Eleven names on the shared list before nine this morning. In the first week there were
        four.
        """,
    ),
    # Escalation, then workshop 4 on relationships and trust.
    Short(
        "cancelled",
        146,
        7,
        PROGRESS,
        ("huddle",),
        DISCHARGE,
        """
        Huddle cancelled: all three organisations at their highest escalation level.

        Sent a two-line email so the list still got updated.
        """,
    ),
    Short(
        "desk-lunch",
        144,
        19,
        NOTE,
        ("wellbeing",),
        None,
        """
        Lunch at my desk four days running. Noticing it, not fixing it yet.
        """,
    ),
    Short(
        "phoned-anyway",
        141,
        9,
        PROGRESS,
        ("huddle", "relationships"),
        DISCHARGE,
        """
        Huddle cancelled again.

        Two coordinators phoned each other anyway, which is the best news of the week.
        """,
    ),
    Short(
        "in-a-diary",
        137,
        20,
        NOTE,
        ("workshop", "trust"),
        DISCHARGE,
        """
        Reading the five principles again before tomorrow's workshop.

        "Build relationships and trust" sounds obvious until you try to put it in a diary.
        """,
    ),
    Short(
        "unsee",
        136,
        21,
        NOTE,
        ("reflection", "leadership"),
        DISCHARGE,
        """
        I've been telling the huddle's story as mine. Writing it down so I can't unsee it.
        """,
    ),
    Short(
        "journey-first",
        135,
        9,
        PROGRESS,
        ("meetings", "stopping"),
        DISCHARGE,
        """
        Opened the discharge group I chair with one person's journey instead of the figures.

        Two people checked the agenda to see whether they'd missed something.
        """,
    ),
    Short(
        "member-not-guest",
        135,
        18,
        PROGRESS,
        ("voluntary-sector", "huddle"),
        VOLUNTARY,
        """
        Invited Marcus to the huddle as a member: his name on the list, not a guest slot.
        """,
    ),
    Short(
        "a-bit",
        133,
        13,
        NOTE,
        ("relationships", "huddle"),
        DISCHARGE,
        """
        Asked Joanne whether the huddle feels like mine. "A bit," she said, kindly.
        """,
    ),
    Short(
        "bracing",
        129,
        16,
        PROGRESS,
        ("governance",),
        DISCHARGE,
        """
        Booked the three IG leads for an hour about making the shared list permanent.

        Bracing for a fight.
        """,
    ),
    Short(
        "one-number",
        124,
        20,
        NOTE,
        ("board", "measurement"),
        DISCHARGE,
        """
        The board wants "one number" for discharge.

        Taking it to the trio before I answer, which is new for me.
        """,
    ),
    Short(
        "four-lines",
        119,
        9,
        PROGRESS,
        ("board", "governance"),
        DISCHARGE,
        """
        Emailed the board chair to ask what decision the number is for.

        Four lines. The longest I've ever spent on four lines.
        """,
    ),
    Short(
        "next-day",
        115,
        14,
        PROGRESS,
        ("voluntary-sector", "huddle"),
        VOLUNTARY,
        """
        Age Well took five referrals from the huddle this week, three of them for the next day.
        """,
    ),
    Short(
        "not-first",
        110,
        9,
        PROGRESS,
        ("meetings", "stopping"),
        DISCHARGE,
        """
        A month of opening meetings with a person's journey.

        The numbers still get discussed; they just don't go first.
        """,
    ),
    Short(
        "signed",
        108,
        11,
        PROGRESS,
        ("governance", "data"),
        DISCHARGE,
        """
        Information-sharing agreement signed by all three IG leads: nine fields, one purpose and
        a review date.
        """,
    ),
    Short(
        "board-session",
        103,
        10,
        PROGRESS,
        ("board", "huddle"),
        DISCHARGE,
        """
        Board session with the huddle members.

        Joanne, Priti and Marcus did most of the talking, and the chair asked Marcus the most
        questions.
        """,
    ),
    # Workshop 5, the pathway map, and the bad month in the figures.
    Short(
        "harder-to-score",
        94,
        21,
        NOTE,
        ("csif", "reflection"),
        DISCHARGE,
        """
        Second time through the six domains: easier to write about, harder to score.
        """,
    ),
    Short(
        "thats-mine",
        93,
        9,
        PROGRESS,
        ("huddle", "redesign"),
        DISCHARGE,
        """
        Took the one-page pathway map to the huddle.

        Joanne circled the two days between the ward's referral and "complete" and said,
        "That's mine."
        """,
    ),
    Short(
        "best-words",
        93,
        18,
        NOTE,
        ("relationships", "reflection"),
        DISCHARGE,
        """
        "That's mine." The two best words I've heard in a meeting this year.
        """,
    ),
    Short(
        "exclamation",
        93,
        21,
        NOTE,
        ("trio",),
        None,
        """
        Told Dev and Siân in the trio's chat.

        Siân replied with a single exclamation mark, which from her is a lot.
        """,
    ),
    Short(
        "by-invitation",
        91,
        12,
        PROGRESS,
        ("huddle", "capability"),
        DISCHARGE,
        """
        Sat in on the coordinators' own mini-huddle, by invitation.

        Ten minutes, three people, no agenda, and nothing for me to do.
        """,
    ),
    Short(
        "go-live",
        86,
        9,
        PROGRESS,
        ("data", "social-care"),
        DISCHARGE,
        """
        The council's new case-management system goes live this week.

        The analysts are braced. Nobody else has noticed.
        """,
    ),
    Short(
        "up-a-third",
        84,
        9,
        PROGRESS,
        ("data", "measurement"),
        DISCHARGE,
        """
        The council's delay figure is up by a third overnight.

        Three emails from directors before ten o'clock.
        """,
    ),
    Short(
        "not-replying",
        84,
        15,
        NOTE,
        ("relationships",),
        DISCHARGE,
        """
        Spent the afternoon not replying to the emails about the council's figure.

        Harder than replying.
        """,
    ),
    Short(
        "counts-from",
        83,
        8,
        PROGRESS,
        ("data", "measurement"),
        DISCHARGE,
        """
        Asked the council's analyst what changed.

        Not the waiting: the date a referral counts from.
        """,
    ),
    Short(
        "deleted",
        83,
        21,
        NOTE,
        ("language", "relationships"),
        DISCHARGE,
        """
        Caught myself typing "their delays" in a reply. Rewrote the email twice and sent
        neither.
        """,
    ),
    Short(
        "going-backwards",
        82,
        13,
        NOTE,
        ("relationships", "data"),
        DISCHARGE,
        """
        The Royal's director has asked in writing why the council is "going backwards".

        Not replying tonight.
        """,
    ),
    Short(
        "joint-note",
        79,
        9,
        PROGRESS,
        ("data", "measurement"),
        DISCHARGE,
        """
        Rang Priti, Tom and Gareth about a joint note on the council's new figures.

        All three said yes before I'd finished asking.
        """,
    ),
    Short(
        "full-house",
        76,
        10,
        PROGRESS,
        ("huddle",),
        DISCHARGE,
        """
        Full attendance at the huddle.

        Whatever was said in the performance meeting this week, the huddle talked about people.
        """,
    ),
    Short(
        "hardest-hour",
        74,
        15,
        PROGRESS,
        ("meetings", "measurement"),
        DISCHARGE,
        """
        Said nothing in the performance meeting about the council's figures.

        Hardest hour of the month.
        """,
    ),
    Short(
        "thanks-helpful",
        70,
        11,
        PROGRESS,
        ("data", "measurement"),
        DISCHARGE,
        """
        The analysts' note went round this morning, signed by all three.

        The Royal's director replied: "Thanks, helpful."
        """,
    ),
    Short(
        "five-stories",
        61,
        10,
        PROGRESS,
        ("voluntary-sector", "commissioning"),
        VOLUNTARY,
        """
        Asked Marcus for three stories for the case to commissioning.

        He sent five, each headed "no names".
        """,
    ),
    # Workshop 6, handing over the chair, and the end of the programme.
    Short(
        "carries-on",
        55,
        20,
        NOTE,
        ("programme", "workshop"),
        None,
        """
        Last content workshop this week. Strange to think of the programme ending while the
        huddle carries on.
        """,
    ),
    Short(
        "founders",
        52,
        21,
        NOTE,
        ("huddle", "spread"),
        DISCHARGE,
        """
        Would the huddle survive without its founders? Honest answer tonight: not yet.
        """,
    ),
    Short(
        "templates",
        51,
        9,
        PROGRESS,
        ("procedure", "huddle"),
        DISCHARGE,
        """
        Asked each organisation's procedure owner how the huddle could be written in.

        Three templates, and the same question from each: who owns it?
        """,
    ),
    Short(
        "ruth-booked",
        51,
        16,
        NOTE,
        ("mentoring",),
        None,
        """
        Booked the call with Ruth about handing over the huddle. The goal is clear; the nerve
        less so.
        """,
    ),
    Short(
        "wondering",
        50,
        13,
        PROGRESS,
        ("measurement", "data"),
        DISCHARGE,
        """
        Asked the analysts whether one shared measure could sit alongside their three.

        Priti said they'd been wondering when someone would ask.
        """,
    ),
    Short(
        "as-a-test",
        48,
        9,
        PROGRESS,
        ("huddle", "leadership"),
        DISCHARGE,
        """
        Asked Joanne to chair the huddle for four weeks, as a test.

        She said yes before I'd finished explaining the test.
        """,
    ),
    Short(
        "fair-test",
        45,
        19,
        NOTE,
        ("leadership",),
        None,
        """
        Off for a week from tomorrow: a fair test of whether the huddle needs me.
        """,
    ),
    Short(
        "two-lines",
        38,
        8,
        NOTE,
        ("huddle", "leadership"),
        DISCHARGE,
        """
        Back from a week away. The huddle ran without me, and Joanne sent a two-line summary.
        """,
    ),
    Short(
        "booked-sian",
        36,
        15,
        PROGRESS,
        ("voluntary-sector", "trio"),
        VOLUNTARY,
        """
        Booked the call with Siân about writing a voluntary partner into procedure.
        """,
    ),
    Short(
        "say-no",
        35,
        20,
        NOTE,
        ("voluntary-sector", "relationships"),
        VOLUNTARY,
        """
        Siân's question won't go away: what would Age Well be allowed to say no to?

        Right now, nothing.
        """,
    ),
    Short(
        "named-role",
        30,
        10,
        PROGRESS,
        ("procedure", "huddle"),
        DISCHARGE,
        """
        First draft of the huddle procedure.

        The chair is "the council's brokerage lead", not Joanne by name.
        """,
    ),
    Short(
        "key-safe-case",
        29,
        19,
        NOTE,
        ("voluntary-sector", "commissioning"),
        VOLUNTARY,
        """
        Wrote the case for Age Well: two pages and one story about a key safe.

        Not sent yet. Marcus should read it first.
        """,
    ),
    Short(
        "real-say",
        27,
        14,
        PROGRESS,
        ("voluntary-sector", "trio"),
        VOLUNTARY,
        """
        Call with Siân. Her health board lets its voluntary partner turn down referrals it can't
        safely take.

        That's what a real say looks like.
        """,
    ),
    Short(
        "nobody-argued",
        26,
        20,
        NOTE,
        ("measurement",),
        DISCHARGE,
        """
        Six days from ready to go to home: the first number this year that nobody has argued
        about.
        """,
    ),
    Short(
        "thinking",
        24,
        9,
        PROGRESS,
        ("voluntary-sector",),
        VOLUNTARY,
        """
        Asked Marcus what Age Well would want to be able to refuse. He's thinking about it,
        properly.
        """,
    ),
    Short(
        "before-me",
        22,
        14,
        PROGRESS,
        ("procedure",),
        DISCHARGE,
        """
        The Royal's procedure owner sent the huddle draft back with one change.

        A named role instead of a named person, throughout. She got there before me.
        """,
    ),
    Short(
        "after-two",
        18,
        10,
        PROGRESS,
        ("voluntary-sector",),
        VOLUNTARY,
        """
        Marcus's first answer: same-day referrals after two o'clock.

        Entirely reasonable, and nobody had ever asked.
        """,
    ),
    Short(
        "three-slides",
        16,
        19,
        NOTE,
        ("programme",),
        None,
        """
        Three slides is harder than thirty.
        """,
    ),
    Short(
        "sense-check",
        12,
        9,
        PROGRESS,
        ("programme", "trio"),
        None,
        """
        Sent the report-back slides to Dev and Siân for a sense check.

        Dev: "Cut the second slide in half."
        """,
    ),
    Short(
        "last-trio",
        12,
        20,
        NOTE,
        ("trio",),
        None,
        """
        Last trio of the programme the day after tomorrow. Not sure yet what I'll bring.
        """,
    ),
    Short(
        "sleep-on-it",
        10,
        20,
        NOTE,
        ("stopping",),
        DISCHARGE,
        """
        Proposing to stop the weekly performance meeting. Sleeping on it before I write a word.
        """,
    ),
    Short(
        "one-page",
        8,
        10,
        PROGRESS,
        ("stopping", "governance"),
        DISCHARGE,
        """
        Drafted the proposal for the three directors: review delays monthly, keep the huddle
        weekly. One page.
        """,
    ),
    Short(
        "in-drafts",
        7,
        15,
        PROGRESS,
        ("voluntary-sector", "commissioning"),
        VOLUNTARY,
        """
        Commissioning asked for Age Well's case by the end of the week.

        Marcus has read it. It's still in my drafts.
        """,
    ),
    Short(
        "see-you",
        4,
        9,
        PROGRESS,
        ("huddle",),
        DISCHARGE,
        """
        Joanne's huddle summary ended "see you next week". Nobody mentions the chair any more.
        """,
    ),
    Short(
        "keep-writing",
        2,
        20,
        NOTE,
        ("reflection", "programme"),
        None,
        """
        Closing session soon. What I'll miss is the trio; what I'll keep is writing this.
        """,
    ),
)

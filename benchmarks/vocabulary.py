"""The words a benchmark corpus is written in, ranked from most to least used.

Real English and the vocabulary of improvement work in health and care come first; a long tail
of made-up words follows, so that word frequencies fall off the way they do in real writing
(Zipf's law) and there are rare words to search for. Everything here is a constant: the corpus
generator draws from it with a seeded generator, so a corpus is the same on every machine.
"""

from __future__ import annotations

import random


def _words(text: str) -> list[str]:
    return text.split()


# The most frequent English words, roughly in order of use.
COMMON = _words(
    """
the of and to a in that is was it for on with as i be at by this had not are but from or have an
they which one you were her all she there would their we him been has when who will more no if
out so said what up its about into than them can only other new some could time these two may
then do first any my now such like our over man me even most made after also did many before
must through back years where much your way well down should because each just those people how
too little state good very make world still own see men work long get here between both life
being under never day same another know while last might us great old year off come since
against go came right used take three
"""
)

# Words of reflective writing about improvement across health and care systems.
DOMAIN = _words(
    """
team patient patients care discharge delay delays flow system systems ward wards board meeting
meetings workshop coaching trio question inquiry leadership improvement change changes data
measure measures dashboard council community hospital hospitals primary social staff nurse
nurses doctor doctors manager managers director partners partnership relationships trust
conversation conversations feedback learning reflection practice quality safety risk risks
pathway pathways capacity demand winter pressure pressures bed beds community discharge
integrated neighbourhood voluntary sector funding budget budgets plan plans planning strategy
priority priorities outcome outcomes evidence insight insights action actions progress review
reviews audit audits governance escalation huddle huddles handover handovers referral referrals
waiting lists clinic clinics therapy therapists pharmacy pharmacist carers families family
resident residents housing homes domiciliary reablement intermediate frailty falls dementia
mental health wellbeing prevention population inequalities equity access digital records shared
record information governance consent listening curiosity trust trusting humility courage
compassion kindness boundaries stopping starting continuing experiment experiments pdsa cycle
cycles hypothesis test tests run chart variation baseline target targets metric metrics report
reports story stories narrative purpose vision values culture behaviour behaviours habit habits
routine routines energy fatigue burnout resilience support supporting supported coach coached
observer presenter session sessions agenda minutes facilitator facilitation reflecting noticing
wondering assumption assumptions belief beliefs tension tensions conflict conflicts agreement
disagreement ownership accountability responsibility permission authority influence power
hierarchy silos silo boundary spanning network networks collaboration collaborative alliance
commissioning commissioner provider providers contract contracts specification procurement
tender estates workforce recruitment retention rota rotas shift shifts agency locum vacancy
vacancies induction training development mentoring supervision appraisal objectives goals
milestones timeline deadline deadlines delivery implementation spread scale sustain
sustainability adoption resistance readiness momentum stuck unstuck frustrated hopeful anxious
curious relieved proud tired energised worried calm surprised honest open defensive listening
heard seen valued ignored included excluded
"""
)

# Syllables for the made-up tail: pronounceable; a made-up word that spells a real one is skipped.
_ONSETS = _words("b br c ch d dr f fl g gr h j k kl l m n p pl qu r s sh st t th tr v w z")
_VOWELS = _words("a e i o u ai ea io ou y")
_CODAS = ["", "n", "r", "l", "s", "x", "nd", "rt", "m", "th"]
_TAIL_SEED = 7


def ranked_words(tail_size: int = 30_000) -> list[str]:
    """Every word, most used first: real ones, then ``tail_size`` made-up ones."""
    real = list(dict.fromkeys([*COMMON, *DOMAIN]))
    taken = set(real)
    syllables = [o + v + c for o in _ONSETS for v in _VOWELS for c in _CODAS]
    rng = random.Random(_TAIL_SEED)
    tail: list[str] = []
    while len(tail) < tail_size:
        word = "".join(rng.choice(syllables) for _ in range(rng.choice((2, 2, 3))))
        if word not in taken:
            taken.add(word)
            tail.append(word)
    return real + tail


TAGS = _words(
    """
workshop trio flow discharge data feedback stopping measures team board winter coaching learning
reflection relationships dashboard council community voluntary ownership curiosity experiment
pdsa huddle handover funding workforce strategy quality safety equity digital wellbeing housing
frailty culture governance spread sustain
"""
)

INQUIRIES = (
    "How might we own discharge delays together across the system?",
    "What would make stopping work feel safe for my team?",
    "How do we learn from data without turning it into blame?",
    "What does shared ownership of winter pressures look like?",
    "How can the voluntary sector be a partner, not a supplier?",
    "What helps a board hear what staff on the wards already know?",
    "How do I lead when I have no authority over the partners I need?",
    "What would it take for the dashboard to start conversations?",
)

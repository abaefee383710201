"""Entries as NMC reflective accounts and AoMRC reflections: the mapping of every framework the
forms name, the privacy scan over every field, and the warnings edited away or kept."""

from __future__ import annotations

from datetime import date

import pytest

from reflect.app import App
from reflect.core.entry import Response
from reflect.errors import BadInput, NotFound
from reflect.messages import Msg
from reflect.services.appraisal import (
    FORMS,
    Account,
    edited,
    field_hits,
    load_form,
    scan,
    unresolved,
)

TODAY = date(2026, 12, 3)


def texts(account: Account) -> dict[str, str]:
    return {f.id: f.text for f in account.fields}


def one(app: App, form_id: str, entry_id: str) -> Account:
    (account,) = app.appraisal.accounts(load_form(form_id), [entry_id])
    return account


def written(app: App, framework_id: str | None, answers: dict[str, str], body: str = "") -> str:
    responses = tuple(Response(prompt, text) for prompt, text in answers.items())
    return app.entries.write(body, framework_id=framework_id, responses=responses).id


NMC_ANSWERS = {
    "what-happened": "A course on sepsis.",
    "learned": "Early signs matter.",
    "changed-practice": "I check lactate sooner.",
    "code": "Preserve safety.",
}


def test_an_nmc_entry_fills_the_nmc_account_one_to_one(app: App) -> None:
    account = one(app, "nmc", written(app, "nmc-reflective-account", NMC_ANSWERS))
    assert texts(account) == NMC_ANSWERS
    labels = [f.label for f in account.fields]
    assert labels[0].startswith("What was the CPD activity")
    assert labels[3].startswith("How is this relevant to the Code?")


def test_an_nmc_entry_as_an_aomrc_reflection_leads_each_joined_prompt_with_its_label(
    app: App,
) -> None:
    account = one(app, "aomrc", written(app, "nmc-reflective-account", NMC_ANSWERS))
    assert texts(account) == {
        "outline": "A course on sepsis.",
        "learned": "Early signs matter.",
        "influence": "How my practice changed: I check lactate sooner.\n\n"
        "How it relates to the Code: Preserve safety.",
        "next-steps": "",
    }
    assert [f.label for f in account.fields] == [
        "Outline of the activity or event",
        "The most important thing I learned",
        "How it has influenced my practice",
        "Next steps",
    ]


def test_an_aomrc_entry_fills_the_aomrc_reflection_one_to_one(app: App) -> None:
    answers = {"outline": "O.", "learned": "L.", "influence": "I.", "next-steps": "N."}
    account = one(app, "aomrc", written(app, "aomrc-reflection", answers))
    assert texts(account) == answers
    nmc = one(app, "nmc", written(app, "aomrc-reflection", answers))
    assert (
        texts(nmc)["changed-practice"] == "How it has influenced my practice: I.\n\nNext steps: N."
    )


@pytest.mark.parametrize(
    ("form_id", "expected"),
    [
        ("nmc", {"what-happened": "W.", "learned": "S.", "changed-practice": "N.", "code": ""}),
        ("aomrc", {"outline": "W.", "learned": "S.", "influence": "N.", "next-steps": ""}),
    ],
)
def test_what_so_what_now_what(app: App, form_id: str, expected: dict[str, str]) -> None:
    entry_id = written(
        app, "what-so-what-now-what", {"what": "W.", "so-what": "S.", "now-what": "N."}
    )
    assert texts(one(app, form_id, entry_id)) == expected


def test_gibbs_prints_its_prompt_labels_never_their_ids(app: App) -> None:
    answers = {
        "description": "D.",
        "feelings": "F.",
        "evaluation": "E.",
        "analysis": "A.",
        "conclusion": "C.",
        "action-plan": "P.",
    }
    account = one(app, "nmc", written(app, "gibbs", answers))
    assert texts(account) == {
        "what-happened": "Description: D.\n\nFeelings: F.",
        "learned": "Evaluation: E.\n\nAnalysis: A.\n\nConclusion: C.",
        "changed-practice": "P.",
        "code": "",
    }
    aomrc = one(app, "aomrc", written(app, "gibbs", answers))
    assert texts(aomrc)["next-steps"] == "P."
    assert "action-plan" not in str(texts(aomrc))


def test_a_learning_log_entry(app: App) -> None:
    answers = {"learned": "L.", "unexpected": "U.", "made-worse": "M.", "next": "N."}
    account = one(app, "nmc", written(app, "learning-log", answers))
    assert texts(account) == {
        "what-happened": "What happened that nobody expected?: U.\n\n"
        "What did the change block or make worse?: M.",
        "learned": "L.",
        "changed-practice": "N.",
        "code": "",
    }
    assert texts(one(app, "aomrc", written(app, "learning-log", answers)))["next-steps"] == "N."


def test_an_entry_with_no_framework_puts_its_body_first_and_leaves_the_rest(app: App) -> None:
    entry_id = app.entries.write("I went to a course.\n\nIt helped.", title="Course").id
    for form_id in FORMS:
        values = list(texts(one(app, form_id, entry_id)).values())
        assert values == ["I went to a course.\n\nIt helped.", "", "", ""]


def test_a_framework_the_forms_do_not_map_goes_into_the_first_field_labelled(app: App) -> None:
    framework = app.frameworks.get("kolb")
    first, second = framework.prompts[:2]
    entry_id = written(app, "kolb", {first.id: "One.", second.id: "Two."}, body="Intro.")
    values = list(texts(one(app, "nmc", entry_id)).values())
    assert values[0] == f"Intro.\n\n{first.label}: One.\n\n{second.label}: Two."
    assert values[1:] == ["", "", ""]


def test_every_framework_and_prompt_the_forms_map_exists_in_the_catalogue(app: App) -> None:
    for form_id in FORMS:
        form = load_form(form_id)
        for framework_id, table in form.maps.items():
            framework = app.frameworks.get(framework_id)  # by id: a renamed file still maps
            for prompt_ids in table.values():
                for prompt_id in prompt_ids:
                    assert framework.prompt(prompt_id) is not None, (form_id, prompt_id)


def test_ids_may_be_typed_prefixes_and_unknown_ones_are_refused(app: App) -> None:
    entry_id = app.entries.write("Something.").id
    (account,) = app.appraisal.accounts(load_form("nmc"), [entry_id[:8]])
    assert account.entry_id == entry_id
    with pytest.raises(NotFound):
        app.appraisal.accounts(load_form("nmc"), [entry_id, "zzzz"])
    with pytest.raises(BadInput) as caught:
        app.appraisal.accounts(load_form("nmc"), [])
    assert caught.value.msg is Msg.APPRAISAL_NO_ENTRIES
    with pytest.raises(BadInput) as unknown:
        load_form("gmc")
    assert unknown.value.msg is Msg.APPRAISAL_UNKNOWN_FORM


def test_every_field_is_scanned_and_each_hit_names_its_account_field_and_span(app: App) -> None:
    answers = dict(NMC_ANSWERS, learned="Dr Patel showed me.", code="NHS number 943 476 5919.")
    plain = app.entries.write("Nothing to see.").id
    accounts = app.appraisal.accounts(
        load_form("nmc"), [plain, written(app, "nmc-reflective-account", answers)]
    )
    hits = scan(accounts, TODAY)
    assert [(h.account, h.field, h.text, h.reason) for h in hits] == [
        (1, "learned", "Dr Patel", Msg.LOOKS_LIKE_NAME),
        (1, "code", "943 476 5919", Msg.LOOKS_LIKE_NHS_NUMBER),
    ]
    learned = accounts[1].field("learned").text
    assert learned[hits[0].start : hits[0].end] == "Dr Patel"


def test_editing_a_field_removes_its_hit_and_kept_hits_do_not_hold_export(app: App) -> None:
    answers = dict(NMC_ANSWERS, learned="Dr Patel showed me.", code="Born 03/04/1961.")
    accounts = app.appraisal.accounts(
        load_form("nmc"), [written(app, "nmc-reflective-account", answers)]
    )
    hits = scan(accounts, TODAY)
    assert len(unresolved(hits, accounts, set())) == 2
    accounts = edited(accounts, 0, "learned", "A consultant showed me.")
    hits = scan(accounts, TODAY)
    assert [h.reason for h in hits] == [Msg.LOOKS_LIKE_DATE_OF_BIRTH]
    assert field_hits(0, "learned", accounts[0].field("learned").text, TODAY) == []
    kept = {hits[0].key(accounts)}
    assert unresolved(hits, accounts, kept) == []
    # Kept by its words in its field: text added before it does not un-keep it.
    accounts = edited(accounts, 0, "code", "Preserve safety. Born 03/04/1961.")
    assert unresolved(scan(accounts, TODAY), accounts, kept) == []

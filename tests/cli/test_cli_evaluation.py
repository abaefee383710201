"""``reflect evaluation due``, ``return`` and ``withdraw``: the participant's side, driven through
the real command line with no display and keys in an in-memory keyring (or, with no keyring at
all, a passphrase file)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import keyring.core
import pytest
from cli_harness import Reflect, assert_one_error, error_line

from evaluation_participant import NOTICE, Sealed, evaluator_card, plan, programme, with_evaluation
from fakes import MemoryKeyring, no_keyring
from pack_fixtures import signed_pack
from reflect.app import open_app
from reflect.exchange.identity import Identity
from reflect.messages import Msg
from reflect.paths import resolve_paths

pytest_plugins = ("cli_fixtures",)


@pytest.fixture(autouse=True)
def memory_keyring(monkeypatch: pytest.MonkeyPatch) -> MemoryKeyring:
    backend = MemoryKeyring()
    monkeypatch.setattr(keyring.core, "_keyring_backend", backend)
    return backend


@pytest.fixture
def sealed(reflect: Reflect, monkeypatch: pytest.MonkeyPatch) -> Sealed:
    """The journal has the programme (all its time points open by now) and an entry to quote."""
    app = open_app(resolve_paths(reflect.data_dir))
    try:
        found = with_evaluation(monkeypatch, app, (programme(), plan(evaluator_card())))
        app.entries.write("I met Jane Doe at the huddle and we agreed a plan.")
    finally:
        app.close()
    return found


def entry_id(reflect: Reflect) -> str:
    return str(reflect.json("list")[0]["id"])


def states(reflect: Reflect) -> dict[str, str]:
    return {row["time_point"]: row["state"] for row in reflect.json("evaluation", "due")}


def test_due_lists_each_time_point(reflect: Reflect, sealed: Sealed) -> None:
    rows = reflect.json("evaluation", "due")
    assert [(r["time_point"], r["opens"], r["state"]) for r in rows] == [
        ("start", "2026-01-10", "due"),
        ("middle", "2026-02-19", "due"),
        ("end", "2026-06-01", "due"),
    ]
    text = reflect.ok("evaluation", "due").out
    assert text.splitlines()[0] == "North cohort 3 (north-cohort-3)"
    assert "start" in text and "due now" in text


def test_nothing_is_written_without_consent(
    reflect: Reflect, sealed: Sealed, tmp_path: Path
) -> None:
    out = tmp_path / "start.reflecteval"
    for stdin in ("", "n\n"):
        refused = reflect("evaluation", "return", "start", "--out", str(out), stdin=stdin)
        assert refused.code == 1
        assert "Your Start return for North cohort 3" in refused.out  # the preview came first
        assert refused.err.endswith(error_line(Msg.EVALUATION_NO_CONSENT))
        assert not out.exists()
    assert sealed.calls == []
    assert states(reflect)["start"] == "due"


def test_a_return_shows_everything_then_is_written_on_yes(
    reflect: Reflect, sealed: Sealed, tmp_path: Path
) -> None:
    out = tmp_path / "end.reflecteval"
    written = reflect.ok(
        "evaluation", "return", "end", "--counts", "--quote", entry_id(reflect)[:8],
        "--answer", "changed=I ask for help sooner.", "--out", str(out), "--yes",
    ).out  # fmt: skip
    preview, _, last = written.rpartition("Wrote ")
    assert last.startswith(f"{out}. Send it to the evaluator by any channel")
    assert "Entries written: 1" in preview
    assert "“I met Jane Doe at the huddle and we agreed a plan.”" in preview
    assert "May identify someone (looks like a person's name): Jane Doe" in preview
    assert "What has changed for you?\n  I ask for help sooner." in preview
    assert NOTICE.splitlines()[-1] in preview
    (call,) = sealed.calls
    content = call["content"]
    assert content["quotes"] == ("I met Jane Doe at the huddle and we agreed a plan.",)
    assert json.loads(out.read_bytes())["content"]["time_point"] == "end"
    assert states(reflect) == {"start": "due", "middle": "due", "end": "sent"}


def test_a_quote_in_your_own_words_and_answering_yes(
    reflect: Reflect, sealed: Sealed, tmp_path: Path
) -> None:
    out = tmp_path / "middle.reflecteval"
    reflect.ok("evaluation", "return", "middle", "--quote-text", "I met a colleague.",
               "--out", str(out), stdin="y\n")  # fmt: skip
    assert sealed.calls[0]["content"]["quotes"] == ("I met a colleague.",)
    assert sealed.calls[0]["content"]["counts"] == ()  # none unless asked


def test_withdraw_then_no_more_returns(reflect: Reflect, sealed: Sealed, tmp_path: Path) -> None:
    shown = reflect.ok("evaluation", "withdraw", "--out", str(tmp_path / "w.reflecteval"), "--yes")
    assert "remove every return signed with your key" in shown.out
    assert set(states(reflect).values()) == {"withdrawn"}
    late = reflect(
        "evaluation", "return", "start", "--out", str(tmp_path / "e.reflecteval"), "--yes"
    )
    assert_one_error(late, Msg.EVALUATION_WITHDRAWN, programme="North cohort 3")
    assert not (tmp_path / "e.reflecteval").exists()


def test_bad_input_is_one_line_and_writes_nothing(
    reflect: Reflect, sealed: Sealed, tmp_path: Path
) -> None:
    out = str(tmp_path / "x.reflecteval")
    assert_one_error(
        reflect("evaluation", "return", "start", "--answer", "no equals sign", "--out", out),
        Msg.EVALUATION_BAD_ANSWER, option="--answer",
        example="--answer changed='More confident'",
    )  # fmt: skip
    assert_one_error(
        reflect("evaluation", "return", "later", "--out", out),
        Msg.EVALUATION_UNKNOWN_TIME_POINT, programme="North cohort 3", key="later",
        choices="start, middle, end",
    )  # fmt: skip
    assert_one_error(
        reflect("evaluation", "return", "start", "--programme", "nope", "--out", out),
        Msg.EVALUATION_NO_PROGRAMME, id="nope",
    )  # fmt: skip
    assert not Path(out).exists() and sealed.calls == []


def test_without_a_keyring_the_keys_file_passphrase_comes_from_the_environment(
    reflect: Reflect, sealed: Sealed, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(keyring.core, "_keyring_backend", no_keyring())
    monkeypatch.setenv("KEYS_PASS", "correct horse battery staple")
    out = tmp_path / "start.reflecteval"
    refused = reflect("evaluation", "return", "start", "--out", str(out), "--yes")
    assert refused.err.endswith(error_line(Msg.PASSPHRASE_NEEDS_TERMINAL))
    assert not out.exists()
    reflect.ok("evaluation", "return", "start", "--out", str(out), "--yes",
               "--passphrase-env", "KEYS_PASS")  # fmt: skip
    assert out.exists()


def test_no_programme_asks_for_an_evaluation(reflect: Reflect) -> None:
    assert reflect.ok("evaluation", "due").out == Msg.EVALUATION_NONE.template + "\n"
    assert reflect.json("evaluation", "due") == []
    assert_one_error(
        reflect("evaluation", "withdraw", "--out", "w.reflecteval", "--yes"), Msg.EVALUATION_NONE
    )


def test_with_a_real_pack_the_return_is_an_encrypted_file(reflect: Reflect, tmp_path: Path) -> None:
    pack = signed_pack(tmp_path, Identity.generate())  # docs/examples: it asks for an evaluation
    reflect.ok("pack", "install", str(pack))
    due = {row["time_point"]: row for row in reflect.json("evaluation", "due")}
    assert due["start"]["opens"] == "2026-10-21"  # with the first event
    today = date.today().isoformat()
    for key in ("start", "middle", "end", "six-months-after"):
        opens = due[key]["opens"]
        assert due[key]["state"] == ("due" if opens <= today else "not_yet_open")
    out = reflect.ok("evaluation", "return", "start", "--out", str(tmp_path / "start"), "--yes")
    written = tmp_path / "start.reflecteval"
    assert f"Wrote {written}." in out.out
    assert written.read_bytes().startswith(b"-----BEGIN AGE ENCRYPTED FILE-----")
    assert "Northfield University" in out.out  # the facilitator's privacy notice
    assert reflect.json("evaluation", "due")[0]["state"] == "sent"

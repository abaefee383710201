"""``reflect evaluation collect``: the evaluator's journal opens twelve participants' real,
encrypted returns across three time points (tests/evaluation_cohort.py; its figures are
worked by hand in tests/core/test_evaluation_stats.py), refuses a tampered, a foreign-programme
and a wrong-recipient file each with its own message, counts a repeated file once, honours a
withdrawal and writes the report, all through the real command line with no display."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from cli_harness import Reflect

from evaluation_cohort import install_for_evaluator, return_files
from reflect.app import open_app
from reflect.exchange.identity import Identity
from reflect.paths import resolve_paths

pytest_plugins = ("cli_fixtures",)
pytestmark = pytest.mark.usefixtures("keys_in_memory")


@pytest.fixture
def evaluator(reflect: Reflect, monkeypatch: pytest.MonkeyPatch) -> Identity:
    """This journal is the evaluator's: the programme is installed, its plan naming this
    journal's card as the evaluator's."""
    app = open_app(resolve_paths(reflect.data_dir))
    try:
        return install_for_evaluator(app, monkeypatch)
    finally:
        app.close()


def test_collect_reads_refuses_counts_once_honours_withdrawal_and_writes_the_report(
    reflect: Reflect, evaluator: Identity, tmp_path: Path, qapp: object
) -> None:
    paths = return_files(tmp_path / "in", evaluator)
    out = tmp_path / "report"
    summary = reflect.json("evaluation", "collect", *map(str, paths), "--out", str(out))
    # 28 returns (12 at the start, 4 at the middle, 11 at the end and P05's earlier one there)
    # + 1 withdrawal + 4 more files = 33 read. Kept: start 11 (P12 withdrew), middle 4, end 10
    # (P12 withdrew; P05's earlier return replaced) = 25, from P01–P11: 11 people.
    assert (summary["files"], summary["returns"], summary["people"]) == (33, 25, 11)
    assert (summary["duplicates"], summary["replaced"]) == (1, 1)
    assert (summary["withdrawn"], summary["removed"]) == (1, 2)  # P12's start and end
    refused = {Path(r["file"]).name: r["reason"] for r in summary["refused"]}
    assert refused == {
        "tampered.reflecteval": "EVAL_RETURN_DAMAGED",
        "foreign.reflecteval": "EVAL_RETURN_OTHER_PROGRAMME",
        "lost.reflecteval": "EVAL_RETURN_NOT_FOR_YOU",
    }
    assert all(r["message"].startswith(r["file"]) for r in summary["refused"])
    assert sorted(Path(p).name for p in summary["report"]) == sorted(p.name for p in out.iterdir())
    rows = list(csv.DictReader(io.StringIO((out / "evaluation-report.csv").read_text())))
    start, middle, end = rows[:3]  # influence at start, middle, end: worked by hand
    assert [start[k] for k in ("n", "median", "q1", "q3")] == ["11", "2", "1.5", "3.5"]
    assert middle["withheld"] == "true" and middle["n"] == ""
    assert [end[k] for k in ("n", "median", "q1", "q3")] == ["10", "3", "2.25", "4"]
    html = (out / "evaluation-report.html").read_text()
    assert "Words from someone who withdrew" not in html
    assert "Stopping the Tuesday report gave us time back." in html


def test_collect_says_the_same_in_words(
    reflect: Reflect, evaluator: Identity, tmp_path: Path, qapp: object
) -> None:
    paths = return_files(tmp_path / "in", evaluator)
    out = tmp_path / "report"
    lines = reflect.ok("evaluation", "collect", *map(str, paths), "--out", str(out)).out
    assert "Read 33 files: 25 returns from 11 people counted." in lines
    assert "Refused 3 files:" in lines
    assert f"  {tmp_path / 'in' / 'foreign.reflecteval'} is a return for another programme" in lines
    assert "Counted once: 1 repeated file." in lines
    assert "Withdrawals honoured: 1 person; 2 returns of theirs left out." in lines
    assert f"Wrote the report to {out}:" in lines and "  evaluation-report.pdf" in lines

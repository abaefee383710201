"""``python -m reflect`` as a real process (version, environment, stdin, exit codes, --debug),
and what happens with no command at all."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_harness import Reflect, error_line, run_process

from reflect import __version__
from reflect.messages import Msg
from reflect.paths import Paths, resolve_paths

pytest_plugins = ("cli_fixtures",)


def test_version() -> None:
    done = run_process("--version")

    assert (done.returncode, done.stdout, done.stderr) == (
        0,
        f"Reflect, version {__version__}\n",
        "",
    )


def test_no_command_opens_the_window_on_the_chosen_journal(
    reflect: Reflect, monkeypatch: pytest.MonkeyPatch
) -> None:
    # In-process with a stand-in window: a real window would run until someone closes it.
    launch = pytest.importorskip("reflect.ui.launch")
    opened: list[Paths] = []

    def fake_run(paths: Paths, **options: object) -> int:
        opened.append(paths)
        return 3

    monkeypatch.setattr(launch, "run", fake_run)

    result = reflect()

    assert result.code == 3  # the window's own exit code
    assert [p.data_dir for p in opened] == [reflect.data_dir]
    assert (result.out, result.err) == ("", "")


def test_the_window_opens_paints_and_quits_when_asked(tmp_path: Path) -> None:
    # The real window in a real process: how start-up is timed and a built bundle smoke-tested.
    pytest.importorskip("PySide6")
    data_dir = tmp_path / "journal"

    done = run_process(
        "--data-dir", str(data_dir), "--quit-after-paint", env={"QT_QPA_PLATFORM": "offscreen"}
    )

    assert done.returncode == 0, done.stderr
    assert resolve_paths(data_dir).db_path.is_file()


def test_the_data_dir_comes_from_the_environment(reflect: Reflect, tmp_path: Path) -> None:
    from_env = tmp_path / "from-env"

    done = run_process(
        "write", "Written where the environment says.", env={"REFLECT_DATA_DIR": str(from_env)}
    )

    assert done.returncode == 0, done.stderr
    (entry,) = reflect.entries(data_dir=from_env)
    assert entry["id"] == done.stdout.strip()
    assert entry["body"] == "Written where the environment says."
    assert not reflect.data_dir.exists()


def test_the_option_wins_over_the_environment(reflect: Reflect, tmp_path: Path) -> None:
    from_env, from_option = tmp_path / "from-env", tmp_path / "from-option"

    done = run_process(
        "--data-dir",
        str(from_option),
        "write",
        "Option wins.",
        env={"REFLECT_DATA_DIR": str(from_env)},
    )

    assert done.returncode == 0, done.stderr
    assert [e["id"] for e in reflect.entries(data_dir=from_option)] == [done.stdout.strip()]
    assert not from_env.exists()


def test_write_reads_standard_input(reflect: Reflect) -> None:
    done = run_process(
        "--data-dir",
        str(reflect.data_dir),
        "write",
        "--tag",
        "workshop",
        stdin="# After workshop 3\nRelationships first, measures second.\n",
    )

    assert done.returncode == 0, done.stderr
    (entry,) = reflect.entries()
    assert entry["id"] == done.stdout.strip()
    assert entry["title"] == "After workshop 3"
    assert entry["body"] == "Relationships first, measures second."
    assert entry["tags"] == ["workshop"]


def test_empty_standard_input_is_refused(reflect: Reflect) -> None:
    done = run_process("--data-dir", str(reflect.data_dir), "write", stdin="")

    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == error_line(Msg.EMPTY_ENTRY)


def test_a_known_error_exits_1_with_one_line(tmp_path: Path) -> None:
    done = run_process("--data-dir", str(tmp_path), "inquiry", "status", "ffffffff", "paused")

    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == error_line(Msg.INQUIRY_NOT_FOUND, id="ffffffff")


def test_debug_shows_the_traceback_of_a_known_error(tmp_path: Path) -> None:
    done = run_process(
        "--data-dir", str(tmp_path), "--debug", "inquiry", "status", "ffffffff", "paused"
    )

    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.startswith("Traceback (most recent call last):\n")
    assert done.stderr.rstrip().endswith("NotFound: No inquiry has the id ffffffff.")
    assert "inquiries.py" in done.stderr

"""``reflect connection``: logging people and organisations across the system, counting them by
sector per month, and keeping them through exports, imports, backups and restores."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from cli_harness import SAMPLES, Reflect, assert_one_error

from reflect.messages import Msg

pytest_plugins = ("cli_fixtures",)

OLD_EXPORT = SAMPLES / "reflect" / "journal-v1.json"


def add_three(reflect: Reflect, data_dir: Path | None = None) -> list[str]:
    inquiry = reflect.add_inquiry("How do we own delays together?", data_dir=data_dir)
    rows = [
        ("Ana Price, Age Well", "vcse", "2026-09-14", "Workshop 3", "Runs the home-from-hospital"),
        ("Fenmoor Council brokerage", "local-authority", "2026-09-30", "", ""),
        ("Dr Lee", "primary-care", "2026-10-02", "PCN board", ""),
    ]
    ids = []
    for name, sector, met, where, note in rows:
        args = ["connection", "add", name, "--sector", sector, "--date", met]
        args += ["--where", where, "--note", note, "--inquiry", inquiry]
        ids.append(reflect.ok(*args, data_dir=data_dir).out.strip())
    return ids


def test_connections_are_listed_newest_first_and_counted_by_sector_per_month(
    reflect: Reflect,
) -> None:
    ids = add_three(reflect)

    listed = reflect.json("connection", "list")
    assert [c["id"] for c in listed] == ids[::-1]
    assert listed[2]["name"] == "Ana Price, Age Well"
    assert (listed[2]["sector"], listed[2]["where"], listed[2]["met"]) == (
        "vcse",
        "Workshop 3",
        "2026-09-14",
    )
    lines = reflect.ok("connection", "list").out.splitlines()
    assert lines[0].startswith(ids[2][:8]) and "Dr Lee  (PCN board)" in lines[0]

    counts = reflect.json("connection", "counts")
    assert [(r["month"], r["total"]) for r in counts] == [("2026-09", 2), ("2026-10", 1)]
    assert (counts[0]["vcse"], counts[0]["local-authority"], counts[0]["trust"]) == (1, 1, 0)
    assert counts[1]["primary-care"] == 1
    table = reflect.ok("connection", "counts").out.splitlines()
    assert table[-1].split() == ["all", "0", "0", "1", "1", "1", "0", "3"]


def test_a_connection_without_a_date_is_met_today(reflect: Reflect) -> None:
    reflect.ok("connection", "add", "Ward 7 sister", "--sector", "trust")
    (only,) = reflect.json("connection", "list")
    assert only["met"] == date.today().isoformat()
    assert only["where"] == "" and only["inquiry_id"] is None


def test_bad_connections_get_one_message_and_change_nothing(reflect: Reflect) -> None:
    assert_one_error(reflect("connection", "add", "   ", "--sector", "icb"), Msg.EMPTY_CONNECTION)
    assert_one_error(
        reflect("connection", "add", "Someone", "--sector", "icb", "--date", "2026-02-30"),
        Msg.BAD_DATE,
        value="2026-02-30",
    )
    assert_one_error(
        reflect("connection", "add", "x" * 201, "--sector", "icb"),
        Msg.CONNECTION_TOO_LONG,
        field="name",
        limit=200,
    )
    assert reflect("connection", "add", "Someone", "--sector", "nhs").code == 2
    assert reflect.json("connection", "list") == []
    assert_one_error(
        reflect("connection", "delete", "abcd1234"), Msg.CONNECTION_NOT_FOUND, id="abcd1234"
    )


def test_delete_removes_one_connection(reflect: Reflect) -> None:
    ids = add_three(reflect)
    reflect.ok("connection", "delete", ids[1][:8])
    assert [c["id"] for c in reflect.json("connection", "list")] == [ids[2], ids[0]]


def test_connections_and_learning_entries_survive_json_export_and_import(
    reflect: Reflect, tmp_path: Path
) -> None:
    add_three(reflect)
    learned = reflect.write("## What did we learn?\nPaper lists win.", "--kind", "learning")
    out = tmp_path / "journal.json"
    reflect.ok("export", "json", "--out", str(out))
    fresh = tmp_path / "fresh"

    assert reflect.ok("import", "json", str(out), data_dir=fresh).out == "Imported 5 items.\n"

    assert reflect.json("connection", "list", data_dir=fresh) == reflect.json("connection", "list")
    assert reflect.snapshot(data_dir=fresh) == reflect.snapshot()
    (entry,) = [e for e in reflect.snapshot(data_dir=fresh)["entries"] if e["id"] == learned]
    assert (entry["kind"], entry["framework_id"]) == ("learning", "learning-log")
    again = reflect.ok("import", "json", str(out), data_dir=fresh)
    assert again.out == "Imported 0 items (5 already there).\n"


def test_an_export_written_before_connections_still_imports(reflect: Reflect) -> None:
    assert reflect.ok("import", "json", str(OLD_EXPORT)).out == "Imported 4 items.\n"

    snapshot = reflect.snapshot()
    assert snapshot["version"] == 2 and snapshot["connections"] == []
    assert [e["title"] for e in snapshot["entries"]] == ["Huddle"]
    assert [a["text"] for a in snapshot["actions"]] == ["Ask pharmacy to join"]
    assert [a["framework_id"] for a in snapshot["assessments"]] == ["csif"]


def test_connections_survive_a_backup_and_restore(reflect: Reflect, tmp_path: Path) -> None:
    ids = add_three(reflect)
    backup = Path(reflect.ok("backup", "--out", str(tmp_path / "copy.db")).out.strip())
    reflect.ok("connection", "delete", ids[0])
    reflect.ok("connection", "add", "Added after the backup", "--sector", "other")

    reflect.ok("restore", str(backup))

    assert [c["id"] for c in reflect.json("connection", "list")] == ids[::-1]


def test_edit_changes_only_what_is_given_and_keeps_the_rest(reflect: Reflect) -> None:
    ids = add_three(reflect)
    before = {c["id"]: c for c in reflect.json("connection", "list")}[ids[0]]

    reflect.ok("connection", "edit", ids[0][:8], "--name", "  Ana  Price ", "--sector", "trust")
    reflect.ok("connection", "edit", ids[0], "--where", "", "--date", "2026-10-05")

    after = {c["id"]: c for c in reflect.json("connection", "list")}[ids[0]]
    assert (after["name"], after["sector"], after["where"], after["met"]) == (
        "Ana Price",
        "trust",
        "",
        "2026-10-05",
    )
    assert after["note"] == before["note"] and after["inquiry_id"] == before["inquiry_id"]
    assert after["created"] == before["created"]
    counts = reflect.json("connection", "counts")
    assert [(r["month"], r["vcse"], r["trust"], r["total"]) for r in counts] == [
        ("2026-09", 0, 0, 1),
        ("2026-10", 0, 1, 2),
    ]
    assert reflect.json("connection", "list")[0]["id"] == ids[0]


def test_a_bad_edit_gets_one_message_and_changes_nothing(reflect: Reflect) -> None:
    ids = add_three(reflect)
    before = reflect.json("connection", "list")

    assert_one_error(reflect("connection", "edit", ids[0], "--name", " "), Msg.EMPTY_CONNECTION)
    assert_one_error(
        reflect("connection", "edit", ids[0], "--date", "2026-13-01"),
        Msg.BAD_DATE,
        value="2026-13-01",
    )
    assert_one_error(
        reflect("connection", "edit", ids[0], "--where", "w" * 201),
        Msg.CONNECTION_TOO_LONG,
        field="place",
        limit=200,
    )
    assert_one_error(
        reflect("connection", "edit", "abcd1234", "--name", "x"),
        Msg.CONNECTION_NOT_FOUND,
        id="abcd1234",
    )
    assert_one_error(
        reflect("connection", "edit", ids[0]),
        Msg.NOTHING_TO_EDIT,
        options="--name, --sector, --where, --date, --note",
    )
    assert reflect("connection", "edit", ids[0], "--sector", "nhs").code == 2

    assert reflect.json("connection", "list") == before

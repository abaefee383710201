#!/usr/bin/env bash
# Smoke-test a built Reflect bundle: does the frozen app do the things that break when freezing?
#
#   packaging/smoke.sh BUNDLE_DIR
#
# BUNDLE_DIR holds the `reflect` executable (dist/bundle/reflect, an unpacked .tar.gz, or
# /opt/reflect from the .deb). Every check runs in a scratch HOME and data folders; nothing
# touches the real journal or keyring. Checks:
#   1. --version prints this checkout's version; --help lists every command
#   2. the real window opens and paints, offscreen, and the app exits 0 (--quit-after-paint);
#      on Linux again on an X server (Xvfb), through the xcb plugin and the libraries it needs
#   3. write + search: SQLite with FTS5 inside the bundle; spelling: Hunspell and the British
#      English dictionary inside the bundle flag "recieve" and not "organisation"; PDF export
#      with no display; an encrypted journal (SQLCipher) written, searched and found sealed
#   4. keys in a passphrase file (keyring forced off): pyrage/age scrypt inside the bundle
#   5. keys in a real Secret Service (gnome-keyring in a private D-Bus session): keyring's
#      backends are discovered through entry points, the classic PyInstaller pitfall
#   6. a facilitator pack: build (signed), show, install into another journal, programme;
#      and one left in the machine-wide drop-in folder is installed when the window starts
#   7. no network: strace sees no AF_INET/AF_INET6 socket in a run of the window and the CLI
#   8. the trimmed bundle holds nothing that speaks to a network
# Steps 2b, 5 and 7 need Linux tools (xvfb-run, dbus-run-session, gnome-keyring-daemon,
# strace); where they are missing, set REFLECT_SMOKE_SKIP="x11 keyring network" to skip them
# knowingly. On Windows and macOS (Git Bash on Windows) step 5 only reports which store the
# native keyring gave, and steps 2b and 7 are skipped.
set -euo pipefail

bundle="${1:?usage: packaging/smoke.sh BUNDLE_DIR}"
bundle="$(cd "$bundle" && pwd)"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
skip=" ${REFLECT_SMOKE_SKIP:-} "
case "$(uname -s)" in
  Linux) os=linux ;;
  Darwin) os=macos; skip="$skip network " ;;
  *) os=windows; skip="$skip network " ;;
esac
reflect="$bundle/reflect"
[ -f "$reflect" ] || reflect="$bundle/reflect.exe"
[ -f "$reflect" ] || { echo "no reflect executable in $bundle" >&2; exit 1; }
contents="$bundle"  # what step 8 searches: on macOS, the whole Reflect.app
case "$bundle" in */Contents/MacOS) contents="$(cd "$bundle/../.." && pwd)" ;; esac

scratch="$(mktemp -d)"
cleanup() { rm -rf "$scratch"; }
trap cleanup EXIT
# A scratch home: the app, keyring and Qt write nowhere real.
export HOME="$scratch/home" XDG_CONFIG_HOME="$scratch/home/.config"
export XDG_DATA_HOME="$scratch/home/.local/share" XDG_CACHE_HOME="$scratch/home/.cache"
export QT_QPA_PLATFORM=offscreen REFLECT_PACKS_DIR="$scratch/no-packs"
mkdir -p "$HOME"
unset REFLECT_DATA_DIR
export SMOKE_PASSPHRASE="correct horse battery staple"

step() { echo "-- $*"; }
fail() { echo "SMOKE FAILED: $*" >&2; exit 1; }
skipped() { [[ "$skip" == *" $1 "* ]]; }
expect() {  # expect TEXT_TO_FIND OUTPUT
  [[ "$2" == *"$1"* ]] || fail "expected '$1' in: $2"
}
# The app must never hang a build: every run gets a deadline (macOS has no timeout(1)).
deadline() {
  if command -v timeout >/dev/null; then timeout 180 "$@"; else perl -e 'alarm 180; exec @ARGV' "$@"; fi
}
run() { deadline "$reflect" "$@"; }

step "1. --version and --help (every command's module is in the bundle)"
version="$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$root/src/reflect/__init__.py")"
expect "Reflect, version $version" "$(run --version)"
# --help imports every command's module, which the CLI otherwise loads late, by name.
help="$(run --help)"
for command in write search key pack programme receive export; do expect "  $command" "$help"; done

step "2. the window opens, paints and quits"
run --data-dir "$scratch/journal" --quit-after-paint || fail "the window did not start (exit $?)"
[ -f "$scratch/journal/journal.db" ] || fail "no journal.db after the window ran"

if skipped x11 || [ "$os" != linux ]; then
  step "2b. on an X server: skipped"
else
  step "2b. the same on an X server (Xvfb): the xcb plugin and the X libraries the bundle carries"
  command -v xvfb-run >/dev/null || fail "needs xvfb-run (apt-get install xvfb xauth)"
  QT_QPA_PLATFORM=xcb deadline xvfb-run -a "$reflect" --data-dir "$scratch/journal" \
    --quit-after-paint || fail "the window did not start on X (exit $?)"
fi

step "3. write and search (SQLite FTS5)"
run --data-dir "$scratch/journal" write "Relationships first, measures second." >/dev/null
expect "Relationships first" "$(run --data-dir "$scratch/journal" search relationship)"

step "3b. spell checking (Hunspell and resources/spelling/en_GB.dic inside the bundle)"
spelt="$(run --data-dir "$scratch/journal" spelling recieve organisation colour programme | tr -d '\r')"
[ "$spelt" = "recieve" ] || fail "expected only 'recieve' to be flagged, got: ${spelt:-nothing}"

step "3c. PDF export with no display (Qt's print support and the offscreen platform)"
deadline env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$reflect" --data-dir "$scratch/journal" \
  export pdf --out "$scratch/journal.pdf" >/dev/null || fail "export pdf failed (exit $?)"
[ "$(head -c 5 "$scratch/journal.pdf")" = "%PDF-" ] || fail "export pdf wrote no PDF"
if command -v pdftotext >/dev/null; then
  expect "Relationships first" "$(pdftotext "$scratch/journal.pdf" -)"
fi

step "3d. an encrypted journal (SQLCipher inside the bundle): encrypt, search, nothing plain"
run --data-dir "$scratch/sealed" write "Sealed words about Peregrine Tolworth." >/dev/null
SMOKE_JOURNAL_PASS="a smoke-test journal passphrase" run --data-dir "$scratch/sealed" \
  encrypt --passphrase-env SMOKE_JOURNAL_PASS >/dev/null || fail "encrypt failed (exit $?)"
expect "is encrypted" "$(run --data-dir "$scratch/sealed" lock-status)"
expect "Peregrine Tolworth" "$(REFLECT_JOURNAL_PASSPHRASE="a smoke-test journal passphrase" \
  run --data-dir "$scratch/sealed" search peregrine)"
if grep -rqa "Peregrine" "$scratch/sealed"; then fail "plain text left in the encrypted journal"; fi

step "4. keys in a passphrase file (no keyring)"
card="$(PYTHON_KEYRING_BACKEND=keyring.backends.fail.Keyring run --data-dir "$scratch/journal" \
  key show --name "Sam Okafor" --json --passphrase-env SMOKE_PASSPHRASE)"
expect '"store": "passphrase-file"' "$card"
[ -f "$scratch/journal/keys.age" ] || fail "no keys file (keys.age) in the journal folder"

# Run the bundle inside a private D-Bus session with an unlocked gnome-keyring; both end with
# the command. Any extra words before the reflect arguments (strace ...) wrap the executable.
with_keyring() {
  timeout 180 dbus-run-session -- bash -c '
    printf "%s" "$SMOKE_PASSPHRASE" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    exec "$@"' with-keyring "$@" 2>/dev/null
}

if skipped keyring; then
  step "5. keyring: skipped (REFLECT_SMOKE_SKIP)"
elif [ "$os" != linux ]; then
  step "5. keys in the native keyring (reported, not required)"
  card="$(run --data-dir "$scratch/keyring-journal" key show --name "Asha Patel" --json \
    --passphrase-env SMOKE_PASSPHRASE)"
  echo "   $(grep -E '"(store|where)"' <<<"$card" | tr -s ' ' | tr -d '\n')"
else
  step "5. keys in the system keyring (Secret Service via D-Bus)"
  command -v dbus-run-session >/dev/null && command -v gnome-keyring-daemon >/dev/null \
    || fail "needs dbus-run-session and gnome-keyring-daemon (apt-get install dbus gnome-keyring)"
  card="$(with_keyring "$reflect" --data-dir "$scratch/keyring-journal" \
    key show --name "Asha Patel" --json)" || fail "key show with a Secret Service failed"
  expect '"store": "keyring"' "$card"
  echo "   $(grep '"where"' <<<"$card" | tr -s ' ')"
fi

step "6. a facilitator pack: build, show, install"
pack="$scratch/cohort.reflectpack"
run --data-dir "$scratch/journal" pack build "$root/docs/examples/programme-pack.toml" \
  --out "$pack" --passphrase-env SMOKE_PASSPHRASE \
  | sed 's/^/   /'
expect "Leading Across Systems" "$(run --data-dir "$scratch/reader" pack show "$pack")"
expect "Installed" "$(run --data-dir "$scratch/reader" pack install "$pack")"
expect "Welcome session: your inquiry question" "$(run --data-dir "$scratch/reader" programme --json)"

step "6b. a pack left in the machine-wide folder is installed when the window starts"
# The machine-wide folder itself, redirected into scratch where the OS allows it (Linux reads
# XDG_CONFIG_DIRS, as /etc/xdg; Windows reads %PROGRAMDATA%); macOS's is fixed, so there
# REFLECT_PACKS_DIR stands in for it.
case "$os" in
  linux) dropin="$scratch/xdg/reflect/packs"; dropin_env=(XDG_CONFIG_DIRS="$scratch/xdg") ;;
  windows) dropin="$scratch/programdata/Reflect/packs"
    dropin_env=(PROGRAMDATA="$(cygpath -w "$scratch/programdata" 2>/dev/null || echo "$scratch/programdata")") ;;
  macos) dropin="$scratch/dropin"; dropin_env=(REFLECT_PACKS_DIR="$dropin") ;;
esac
mkdir -p "$dropin"
cp "$pack" "$dropin/"
deadline env -u REFLECT_PACKS_DIR "${dropin_env[@]}" "$reflect" \
  --data-dir "$scratch/dropin-journal" --quit-after-paint || fail "the window did not start"
expect "Leading Across Systems" "$(run --data-dir "$scratch/dropin-journal" programme)"

if skipped network; then
  step "7. no network: skipped (REFLECT_SMOKE_SKIP)"
else
  step "7. no network: no internet socket is ever opened"
  command -v strace >/dev/null || fail "needs strace (apt-get install strace)"
  trace="$scratch/strace"
  traced() { strace -f -qq -e trace=socket,connect -o "$trace.$1" "${@:2}"; }
  traced window timeout 180 "$reflect" --data-dir "$scratch/journal" --quit-after-paint
  if ! skipped x11; then # the real desktop path: Qt talks to the X server
    QT_QPA_PLATFORM=xcb deadline xvfb-run -a strace -f -qq -e trace=socket,connect \
      -o "$trace.x11" "$reflect" --data-dir "$scratch/journal" --quit-after-paint
  fi
  traced cli timeout 180 "$reflect" --data-dir "$scratch/reader" pack show "$pack" >/dev/null
  if ! skipped keyring; then # D-Bus: local sockets, which strace must see
    with_keyring strace -f -qq -e trace=socket,connect -o "$trace.keyring" \
      "$reflect" --data-dir "$scratch/keyring-journal" key show >/dev/null
    grep -q "AF_UNIX" "$trace.keyring" || fail "strace saw no D-Bus socket; is it tracing?"
  fi
  if grep -hE "AF_INET6?[,}]|PF_INET" "$trace".*; then
    fail "the bundle opened an internet socket (above)"
  fi
  seen="$(cat "$trace".* | grep -ohE "socket\(AF_[A-Z0-9]+" | sort | uniq -c | tr -s ' ')"
  echo "   sockets seen: ${seen:-none}"
fi

step "8. nothing in the bundle speaks to a network"
found="$(cd "$contents" && find . \( -iname '*Qt6Network*' -o -iname 'QtNetwork*' \
  -o -path '*/plugins/tls/*' -o -path '*/plugins/networkinformation/*' -o -iname '*qvnc*' \
  -o -iname '*tuiotouch*' -o -iname '_ssl*' -o -iname 'libssl*' -o -iname 'libqgtk3*' \) -print)"
[ -z "$found" ] || fail "networking pieces left in the bundle: $found"

echo "SMOKE PASSED: $reflect ($os)"

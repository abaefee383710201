#!/usr/bin/env bash
# Build Reflect.app, smoke-test it, wrap it in a .dmg; sign and notarize when credentials are
# given. Runs on macOS (CI: .github/workflows/installers.yml). See docs/packaging.md.
#
#   packaging/macos/build.sh [--no-smoke]
#
# Environment (all optional; without them the app is ad-hoc signed and not notarized, fine
# for testing, refused by Gatekeeper on other Macs):
#   REFLECT_MAC_SIGN_IDENTITY  "Developer ID Application: NAME (TEAMID)", in the keychain.
#                              Signs every binary and the .app (hardened runtime,
#                              packaging/macos/entitlements.plist), then the .dmg.
#   REFLECT_NOTARY_PROFILE     a notarytool keychain profile, made once with
#                              xcrun notarytool store-credentials PROFILE --apple-id ID \
#                                --team-id TEAMID --password APP_SPECIFIC_PASSWORD
#                              Notarizes the app and the .dmg and staples both tickets, so
#                              Gatekeeper accepts them on laptops that are offline.
#   REFLECT_PACK               a .reflectpack to put beside the app in the .dmg, with a note
#                              for IT: copy it to /Library/Application Support/Reflect/packs/
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
dist="$root/dist"
smoke=1
[ "${1:-}" = "--no-smoke" ] && smoke=0
identity="${REFLECT_MAC_SIGN_IDENTITY:-}"
profile="${REFLECT_NOTARY_PROFILE:-}"
if [ -n "$profile" ] && [ -z "$identity" ]; then
  echo "REFLECT_NOTARY_PROFILE needs REFLECT_MAC_SIGN_IDENTITY: Apple notarizes signed apps only" >&2
  exit 2
fi

"$root/packaging/bundle.sh"  # signs inside when REFLECT_MAC_SIGN_IDENTITY is set
app="$dist/bundle/Reflect.app"
version="$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$root/src/reflect/__init__.py")"
dmg="$dist/Reflect-$version-macos-$(uname -m).dmg"

codesign --verify --deep --strict "$app"
if [ "$smoke" = 1 ]; then
  "$root/packaging/smoke.sh" "$app/Contents/MacOS"
fi

notarize() {  # notarize FILE: submit, wait for Apple's verdict, fail on anything but Accepted
  xcrun notarytool submit "$1" --keychain-profile "$profile" --wait
}

if [ -n "$profile" ]; then
  echo "== notarizing Reflect.app"
  zip="$(mktemp -d)/Reflect.zip"
  ditto -c -k --keepParent "$app" "$zip"
  notarize "$zip"
  xcrun stapler staple "$app"
fi

echo "== $dmg"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
ditto "$app" "$stage/Reflect.app"
ln -s /Applications "$stage/Applications"
if [ -n "${REFLECT_PACK:-}" ]; then
  cp "$REFLECT_PACK" "$stage/"
  cat >"$stage/For IT - programme pack.txt" <<EOF
To give every user of this Mac the programme, copy $(basename "$REFLECT_PACK") to
/Library/Application Support/Reflect/packs/ (sudo mkdir -p that folder first).
Reflect installs it when each user next starts the app.
EOF
fi
rm -f "$dmg"
hdiutil create -volname "Reflect" -srcfolder "$stage" -ov -format UDZO "$dmg" >/dev/null
if [ -n "$identity" ]; then
  codesign --sign "$identity" --timestamp "$dmg"
fi
if [ -n "$profile" ]; then
  echo "== notarizing the .dmg"
  notarize "$dmg"
  xcrun stapler staple "$dmg"
  spctl --assess --type open --context context:primary-signature -v "$dmg"
fi
echo "bundle: $(du -sm "$app" | cut -f1) MB; dmg: $(( $(stat -f %z "$dmg") / 1048576 )) MB; $dmg"

#!/usr/bin/env bash
# The release check for Windows, run here under wine (docs/releasing.md): cross-builds amicus.exe
# for x86_64-pc-windows-gnu (the release itself is built for x86_64-pc-windows-msvc on a
# Windows runner), then under wine builds the shipped example from a folder whose name has
# spaces and accents, given with backslashes, and compares the PDF's page count and text with
# the Linux build's (scripts/release-check-linux.sh leaves nothing behind, so this builds the
# Linux reference with the development profile's `cargo run`).
#
# Slow (a release build) and not part of .ci/run. PROFILE=release builds with the release
# profile instead of `dist` (which is release plus thin LTO, a slower build); --no-build uses
# the amicus.exe already built with that profile. Needs: rustup target add
# x86_64-pc-windows-gnu; apt-get install gcc-mingw-w64-x86-64 wine64 poppler-utils.
# wine 8 lacks bcryptprimitives.dll (ProcessPrng): scripts/wine/processprng.c is compiled into
# a stand-in placed beside amicus.exe for this check only; it is never part of a release.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
target_dir=${CARGO_TARGET_DIR:-target}
profile=${PROFILE:-dist}
case $target_dir in /*) ;; *) target_dir="$repo/$target_dir" ;; esac
if [ "${1:-}" != "--no-build" ]; then
  start=$(date +%s)
  CARGO_TARGET_DIR="$target_dir" cargo build --locked --profile "$profile" --target x86_64-pc-windows-gnu
  echo "release build (windows-gnu): $(( $(date +%s) - start )) s"
fi
exe="$target_dir/x86_64-pc-windows-gnu/$profile/amicus.exe"
echo "amicus.exe: $(stat -c %s "$exe") bytes"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
folder="$work/Coalición por los derechos"
mkdir -p "$folder/bin" "$folder/submissions"
cp "$exe" "$folder/bin/"
x86_64-w64-mingw32-gcc -O2 -shared -o "$folder/bin/bcryptprimitives.dll" scripts/wine/processprng.c
cp -r submissions/kazakhstan-ccpr-2025 "$folder/submissions/"
export WINEPREFIX="$work/wine" WINEDEBUG=-all WINEARCH=win64
# Debian installs the 64-bit loader as /usr/lib/wine/wine64 (its `wine` wrapper asks for wine32).
wine64=$(command -v wine64 || echo /usr/lib/wine/wine64)
cd "$folder"
"$wine64" 'bin\amicus.exe' --version
"$wine64" 'bin\amicus.exe' check 'submissions\kazakhstan-ccpr-2025' || true
"$wine64" 'bin\amicus.exe' build 'submissions\kazakhstan-ccpr-2025' -o 'out\kazakhstan'
"$wine64" 'bin\amicus.exe' new --no-input --committee CAT --state "Côte d'Ivoire" --session 80 'submissions\nouvelle soumission'
"$wine64" 'bin\amicus.exe' check 'submissions\nouvelle soumission'
"$wine64" 'bin\amicus.exe' build 'submissions\nouvelle soumission'
windows_pdf="$folder/out/kazakhstan/report.pdf"
cd "$repo"
cargo run --quiet -- build submissions/kazakhstan-ccpr-2025 -o "$work/linux" >/dev/null
linux_pdf="$work/linux/report.pdf"
for pdf in "$linux_pdf" "$windows_pdf"; do pdfinfo "$pdf" | grep '^Pages'; done
if diff <(pdftotext "$linux_pdf" -) <(pdftotext "$windows_pdf" -) >/dev/null; then
  echo "release check (Windows under wine): same pages and text as on Linux"
else
  diff <(pdftotext "$linux_pdf" -) <(pdftotext "$windows_pdf" -) | head -40
  echo "the Windows PDF's text differs from the Linux one"; exit 1
fi

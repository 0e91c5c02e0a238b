#!/usr/bin/env bash
# The release check for Linux (docs/releasing.md): builds the static musl archive exactly as the
# release workflow does (`dist build`), unpacks it into an empty folder and, with a PATH that
# has no cargo and no Rust (env -i PATH=/usr/bin:/bin), runs `amicus new`, `amicus check` and
# `amicus build`, then reads the PDF back with poppler (pdfinfo, pdftotext). Prints the sizes
# of the archive and of the program.
#
# Slow (a release build: 17+ minutes on two cores) and not part of .ci/run. Needs dist
# (`cargo install cargo-dist --locked`), Debian's musl-tools (a C compiler for the musl target; the
# release workflow installs it too), the musl target (`rustup target add
# x86_64-unknown-linux-musl`) and poppler-utils. Usage: scripts/release-check-linux.sh [--no-build]
# (--no-build reuses the archive built last time).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
target_dir=${CARGO_TARGET_DIR:-target}
case $target_dir in /*) ;; *) target_dir="$repo/$target_dir" ;; esac
if [ "${1:-}" != "--no-build" ]; then
  start=$(date +%s)
  CARGO_TARGET_DIR="$target_dir" dist build --artifacts=local --target x86_64-unknown-linux-musl
  echo "release build: $(( $(date +%s) - start )) s"
fi
archive="$target_dir/distrib/amicus-x86_64-unknown-linux-musl.tar.xz"
(cd "$(dirname "$archive")" && sha256sum -c "$(basename "$archive").sha256")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/unpacked" "$work/home"
tar -xf "$archive" -C "$work/unpacked"
bin="$work/unpacked/amicus-x86_64-unknown-linux-musl/amicus"
echo "archive: $(stat -c %s "$archive") bytes; program: $(stat -c %s "$bin") bytes"
file "$bin" | grep -Eq 'statically linked|static-pie linked' || { file "$bin"; echo "not a static program"; exit 1; }
run() { env -i PATH=/usr/bin:/bin HOME="$work/home" "$bin" "$@"; }
cd "$work/home"
if env -i PATH=/usr/bin:/bin sh -c 'command -v cargo rustc' >/dev/null; then
  echo "cargo or rustc is on /usr/bin:/bin; the check would not show that Rust is not needed"; exit 1
fi
run --version
run new --no-input --committee CRPD --state "Freedonia" --session 30 --organisation "Freedonia Disability Rights Forum" submissions/first
run check submissions/first   # a new folder has TODOs: warnings, exit code 0
run build submissions/first
pdf=output/first/report.pdf
pdfinfo "$pdf" | grep -E '^(Pages|PDF version|Tagged|Title)'
pdftotext "$pdf" - | grep -q 'Freedonia' || { echo "the PDF does not read back"; exit 1; }
# The shipped example, for comparison with other platforms (scripts/release-check-windows.sh).
cp -r "$repo/submissions/kazakhstan-ccpr-2025" submissions/
run build submissions/kazakhstan-ccpr-2025
pdfinfo output/kazakhstan-ccpr-2025/report.pdf | grep -E '^Pages'
echo "release check (Linux): the static archive runs new, check and build without Rust; the PDF reads back"

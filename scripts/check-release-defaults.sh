#!/usr/bin/env bash
# A release binary started the way an operator might, with FAIRGOLD_ENV forgotten: it must run
# as production, so without its secrets it refuses to start, says why, and leaves no demo staff
# account (password in the README) behind. A debug build is the demo shop and fails this check.
#
#   scripts/check-release-defaults.sh target/release/fairgold
set -euo pipefail

bin=$(realpath "${1:?usage: $0 PATH-TO-RELEASE-BINARY}")
[ -x "$bin" ] || { echo "check-release-defaults: $bin is not an executable" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
port=$((20000 + RANDOM % 40000))

fail() {
  echo "check-release-defaults: FAIL: $*" >&2
  echo "--- its output:" >&2
  cat "$work/out" >&2
  exit 1
}

# No FAIRGOLD_ENV, no secrets, nothing from this shell's environment; a fresh data folder.
status=0
(cd "$work" && env -i PATH="$PATH" FAIRGOLD_LISTEN="127.0.0.1:$port" FAIRGOLD_DATA_DIR="$work/data" \
  DATABASE_URL="$work/data/fairgold.db" timeout -s TERM 15 "$bin") >"$work/out" 2>&1 || status=$?

# Demo staff accounts are `…@fairgold.test`; SQLite keeps text as is (the file or its WAL).
if compgen -G "$work/data/fairgold.db*" >/dev/null && grep -qa '@fairgold.test' "$work"/data/fairgold.db*; then
  fail "it created the demo staff accounts"
fi
[ "$status" -ne 124 ] || fail "it started and served (as development?) instead of refusing"
[ "$status" -ne 0 ] || fail "it exited 0 instead of refusing to start"
grep -q "refusing to start in production" "$work/out" || fail "no production refusal in its output"
grep -q "FAIRGOLD_ENV is not set, and a release build runs as production" "$work/out" \
  || fail "the refusal does not say that a release build runs as production"
grep -q "FAIRGOLD_ENV=development" "$work/out" || fail "the refusal does not name FAIRGOLD_ENV=development"
echo "check-release-defaults: ok: without FAIRGOLD_ENV, $bin refuses to start as production (exit $status)"

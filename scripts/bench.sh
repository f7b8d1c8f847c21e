#!/usr/bin/env bash
# Storefront speed and memory on this machine: start-up time, requests/s for the main public
# pages (wrk, loopback only), and the server's peak memory. Not part of the test suite.
#   scripts/bench.sh                      # SQLite, demo data
#   BENCH_DATABASE_URL=postgres://postgres:postgres@127.0.0.1:5432/fairgold_bench scripts/bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
cargo build --release --quiet
bin="$PWD/target/release/fairgold"
work=$(mktemp -d)
port=${BENCH_PORT:-18080}
duration=${BENCH_SECONDS:-10}
export FAIRGOLD_LISTEN="127.0.0.1:$port" FAIRGOLD_DATA_DIR="$work/data" RUST_LOG=warn
if [ -n "${BENCH_DATABASE_URL:-}" ]; then
  export DATABASE_URL="$BENCH_DATABASE_URL"
else
  export DATABASE_URL="$work/data/bench.db"
fi

# First start: migrations and demo seeding; then a second, ordinary start is timed.
"$bin" migrate >/dev/null
"$bin" seed --demo >/dev/null
start=$(date +%s%N)
"$bin" & pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$work"' EXIT
until curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; do sleep 0.005; done
ready=$(date +%s%N)
echo "start-up to first healthy answer: $(( (ready - start) / 1000000 )) ms"
echo "memory after start: $(awk '/VmRSS/ {print $2/1024 " MB"}' /proc/$pid/status)"

slug=$(curl -s "http://127.0.0.1:$port/api/v1/pieces?per_page=1" | sed -E 's/.*"slug":"([^"]+)".*/\1/')
for path in "/pieces" "/pieces?metal=yellow_gold&sort=price_asc&page=2" "/" "/pieces/$slug" "/api/v1/pieces"; do
  rps=$(wrk -t2 -c32 -d"${duration}s" "http://127.0.0.1:$port$path" | awk '/Requests\/sec/ {print $2}')
  printf '%-50s %10s requests/s\n' "$path" "$rps"
done
echo "peak memory (VmHWM): $(awk '/VmHWM/ {print $2/1024 " MB"}' /proc/$pid/status)"

#!/usr/bin/env bash
# Storefront speed and memory on this machine, from loopback only: a release build over a
# catalog of 10,000 pieces, on SQLite and then on PostgreSQL. Prints start-up time,
# requests/s and p99 latency (wrk, 64 connections) for a plaintext /healthz, the catalog page,
# a piece page and the API list, the server's peak memory, and checkouts/s (cart → hold →
# payment attempt → Stripe Checkout Session from a loopback fake). Then the wage ledger: a
# generated ledger of 50 artisans over 5 years (~200,000 entries) on a fresh database, timing
# `fairgold wages report` (a center's month; median of several runs) and `fairgold ledger
# verify` (the whole hash chain), each as an operator runs it (process start included).
# Then the same storefront with every request a page-cache miss (scripts/bench_random.lua:
# random filters on the page and the API, random search words), p50 and p99.
# Not part of the test suite.
#   scripts/bench.sh                   # both backends (PostgreSQL at $BENCH_PG_URL)
#   BENCH_BACKENDS=sqlite scripts/bench.sh
#   BENCH_PARTS=ledger scripts/bench.sh   # only the ledger (or only `storefront`)
set -euo pipefail
cd "$(dirname "$0")/.."
pieces=${BENCH_PIECES:-10000}
duration=${BENCH_SECONDS:-10}
connections=${BENCH_CONNECTIONS:-64}
backends=${BENCH_BACKENDS:-sqlite postgres}
pg_admin=${BENCH_PG_URL:-postgres://postgres:postgres@127.0.0.1:5432/postgres}
port=${BENCH_PORT:-18080}
parts=${BENCH_PARTS:-storefront ledger}
ledger_artisans=${BENCH_LEDGER_ARTISANS:-50}
ledger_years=${BENCH_LEDGER_YEARS:-5}
ledger_runs=${BENCH_LEDGER_RUNS:-7}

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
cargo build --release --quiet --bin fairgold --example bench_checkout
# The demo shop on loopback: a release build runs as production unless told otherwise.
export FAIRGOLD_ENV=development
target_dir="${CARGO_TARGET_DIR:-$PWD/target}"
bin="$target_dir/release/fairgold"
checkout_bench="$target_dir/release/examples/bench_checkout"
work=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

run_backend() {
  local backend=$1 url
  export FAIRGOLD_LISTEN="127.0.0.1:$port" FAIRGOLD_DATA_DIR="$work/$backend" RUST_LOG=warn
  if [ "$backend" = postgres ]; then
    psql -q "$pg_admin" -c "DROP DATABASE IF EXISTS fairgold_bench WITH (FORCE)" -c "CREATE DATABASE fairgold_bench"
    url="${pg_admin%/*}/fairgold_bench"
  else
    url="$work/$backend/bench.db"
  fi
  export DATABASE_URL="$url"
  local t0 t1
  t0=$(date +%s)
  "$bin" seed --demo --bench-pieces "$pieces" >/dev/null
  t1=$(date +%s)
  echo "== $backend: $((pieces + 60)) pieces (seeded in $((t1 - t0)) s), wrk -c$connections -d${duration}s"

  local start ready
  start=$(date +%s%N)
  "$bin" & pid=$!
  until curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; do sleep 0.002; done
  ready=$(date +%s%N)
  echo "start-up to first healthy answer: $(( (ready - start) / 1000000 )) ms; memory $(awk '/VmRSS/ {printf "%.1f MB", $2/1024}' /proc/$pid/status)"

  local slug
  slug=$(curl -s "http://127.0.0.1:$port/api/v1/pieces?per_page=1" | sed -E 's/.*"slug":"([^"]+)".*/\1/')
  printf '%-34s %12s %10s\n' path requests/s p99
  for path in /healthz /pieces "/pieces?metal=yellow_gold&sort=price_asc&page=40" "/pieces/$slug" /api/v1/pieces; do
    curl -s -o /dev/null "http://127.0.0.1:$port$path"   # the first render fills the cache
    wrk -t2 -c"$connections" -d"${duration}s" --latency "http://127.0.0.1:$port$path" > "$work/wrk.txt"
    printf '%-34s %12s %10s\n' "${path:0:34}" \
      "$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")" "$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")"
  done
  # Every request a cache miss (issue 16): random filters, random searches.
  printf '%-34s %12s %10s %10s\n' "cache misses (random URLs)" requests/s p50 p99
  for mode in page api search; do
    BENCH_MODE=$mode wrk -t1 -c"$connections" -d"${duration}s" --latency -s scripts/bench_random.lua \
      "http://127.0.0.1:$port" > "$work/wrk.txt"
    printf '%-34s %12s %10s %10s\n' "random $mode" "$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")" \
      "$(awk '$1 == "50%" {print $2}' "$work/wrk.txt")" "$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")"
    grep -E "Non-2xx" "$work/wrk.txt" || true
  done
  echo "peak memory (VmHWM): $(awk '/VmHWM/ {printf "%.1f MB", $2/1024}' /proc/$pid/status)"
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
  # Checkout: cart → hold → payment attempt → Checkout Session from a loopback Stripe fake.
  "$checkout_bench" "$bin" "$DATABASE_URL" "$port" "${BENCH_CHECKOUTS:-3000}" "${BENCH_CHECKOUT_CONCURRENCY:-32}"
  if [ "$backend" = postgres ]; then psql -q "$pg_admin" -c "DROP DATABASE IF EXISTS fairgold_bench WITH (FORCE)"; fi
}

# Milliseconds a command takes, from process start to exit.
ms() {
  local t0 t1
  t0=$(date +%s%N)
  "$@" >/dev/null
  t1=$(date +%s%N)
  echo $(( (t1 - t0) / 1000000 ))
}

# The median (and the range) of `ledger_runs` timings of a command.
median_ms() {
  local i times=()
  for ((i = 0; i < ledger_runs; i++)); do times+=("$(ms "$@")"); done
  printf '%s\n' "${times[@]}" | sort -n | awk '{ t[NR] = $1 } END { printf "%d ms (min %d, max %d, %d runs)", t[int((NR + 1) / 2)], t[1], t[NR], NR }'
}

run_ledger() {
  local backend=$1 url month
  export FAIRGOLD_DATA_DIR="$work/ledger-$backend" RUST_LOG=warn
  mkdir -p "$FAIRGOLD_DATA_DIR"
  if [ "$backend" = postgres ]; then
    psql -q "$pg_admin" -c "DROP DATABASE IF EXISTS fairgold_bench_ledger WITH (FORCE)" -c "CREATE DATABASE fairgold_bench_ledger"
    url="${pg_admin%/*}/fairgold_bench_ledger"
  else
    url="$FAIRGOLD_DATA_DIR/ledger.db"
  fi
  export DATABASE_URL="$url"
  "$bin" migrate >/dev/null
  echo "== $backend: wage ledger, $ledger_artisans artisans × $ledger_years years"
  "$bin" seed --bench-ledger --bench-artisans "$ledger_artisans" --bench-years "$ledger_years"
  # The last complete month: its wages, bonuses and payouts are all in.
  month=$(date -u -d "$(date -u +%Y-%m-15) -1 month" +%Y-%m)
  echo "wages report --center kolkata --month $month: $(median_ms "$bin" wages report --center kolkata --month "$month") (target ≤ 200 ms)"
  echo "wages report --center mumbai --month $month:  $(median_ms "$bin" wages report --center mumbai --month "$month")"
  echo "ledger verify:                              $(median_ms "$bin" ledger verify) (target ≤ 2000 ms)"
  "$bin" ledger verify
  # Month close (issue 13): one person asks, a second approves; the approval computes every
  # artisan's month from the register (≈ 78,000 days over five years) and the ledger, posts the
  # salaries, overtime and top-ups, and locks the month. Timed once: a month closes once.
  "$bin" wages close --center kolkata --month "$month" --as bench-finance-1@fairgold.test >/dev/null
  echo "wages close (approval) --center kolkata:     $(ms "$bin" wages close --center kolkata --month "$month" --as bench-finance-2@fairgold.test) ms (target ≤ 1000 ms)"
  echo "wages report after the close:               $(median_ms "$bin" wages report --center kolkata --month "$month") (target ≤ 200 ms)"
  echo "ledger verify after the close:              $(median_ms "$bin" ledger verify) (target ≤ 2000 ms)"
  # The close signed the ledger's head; the auditors' ZIP carries the published checkpoints.
  "$bin" ledger export --from "$month-01" --to "$(date -u -d "$month-01 +1 month -1 day" +%F)" --out "$work/audit.zip" >/dev/null
  python3 -c 'import sys, zipfile; open(sys.argv[2], "wb").write(zipfile.ZipFile(sys.argv[1]).read("checkpoints.json"))' \
    "$work/audit.zip" "$work/checkpoints.json"
  echo "ledger verify --checkpoints:                $(median_ms "$bin" ledger verify --checkpoints "$work/checkpoints.json") (target ≤ 2000 ms)"
  "$bin" ledger verify --checkpoints "$work/checkpoints.json"
  if [ "$backend" = postgres ]; then psql -q "$pg_admin" -c "DROP DATABASE IF EXISTS fairgold_bench_ledger WITH (FORCE)"; fi
}

for b in $backends; do
  case " $parts " in *" storefront "*) run_backend "$b" ;; esac
  case " $parts " in *" ledger "*) run_ledger "$b" ;; esac
done

#!/usr/bin/env bash
# Lighthouse accessibility and SEO scores of the public pages (demo data, debug build), with
# npm's lighthouse@12.2.3 and Debian's chromium. Not part of the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium; }
tools="$PWD/target/lighthouse"
[ -x "$tools/node_modules/.bin/lighthouse" ] || npm install --silent --prefix "$tools" lighthouse@12.2.3
work=$(mktemp -d)
port=${LH_PORT:-18090}
export FAIRGOLD_LISTEN="127.0.0.1:$port" FAIRGOLD_DATA_DIR="$work/data" DATABASE_URL="$work/data/lh.db" RUST_LOG=warn
export FAIRGOLD_BASE_URL="http://127.0.0.1:$port"
[ -n "${LH_NO_BUILD:-}" ] || cargo build --quiet
"${CARGO_TARGET_DIR:-target}/debug/fairgold" & pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$work"' EXIT
until curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; do sleep 0.05; done
base="http://127.0.0.1:$port"
slug=$(curl -s "$base/api/v1/pieces?per_page=1" | sed -E 's/.*"slug":"([^"]+)".*/\1/')
artisan=$(curl -s "$base/sitemap.xml" | grep -o '/artisans/[a-z0-9]*' | head -n 1)
printf '%-40s %13s %5s\n' page accessibility seo
for path in / /pieces "/pieces/${LH_PIECE:-handmade-box-chain}" "/pieces?metal=rose_gold&sort=price_desc" "/pieces/$slug" "$artisan" /about /impact /policies/shipping /transparency/ledger /no-such-page; do
  "$tools/node_modules/.bin/lighthouse" "$base$path" --quiet --output=json --output-path="$work/lh.json" \
    --only-categories=accessibility,seo --chrome-path=/usr/bin/chromium \
    --chrome-flags="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync" >/dev/null 2>&1 || true
  python3 - "$work/lh.json" "$path" <<'PY'
import json, sys
try:
    r = json.load(open(sys.argv[1]))
    c = r["categories"]
    # Lighthouse gives no score for a page that answers 4xx (runtimeError ERRORED_DOCUMENT_REQUEST).
    score = lambda cat: "n/a" if c[cat]["score"] is None else round(c[cat]["score"] * 100)
    why = f'  ({r["runtimeError"]["code"]})' if r.get("runtimeError") else ""
    print(f'{sys.argv[2][:40]:<40} {score("accessibility"):>13} {score("seo"):>5}{why}')
    for cat in ("accessibility", "seo"):
        for ref in c[cat]["auditRefs"]:
            a = r["audits"][ref["id"]]
            if a.get("score") is not None and a["score"] < 1 and ref["weight"] > 0:
                print(f'    {cat}: {a["id"]}: {a["title"]}')
except Exception as e:
    print(f'{sys.argv[2][:40]:<40} lighthouse failed: {e}')
PY
  rm -f "$work/lh.json"
done

#!/usr/bin/env bash
# `npm run bench`: every benchmark case side by side in one run (bench/run.mjs). Like `npm test`, it
# installs what it needs first — npm packages and the real-parts test rig (Docker engine, base
# images, Trivy, TruffleHog, fixture DB), which the full image scan case needs — and stops the rig's
# Docker engine afterwards only if this run started it. Arguments pass through: `npm run bench --
# dockerfile` runs one case and prints it without rewriting bench/results.json.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
engine_was_up=no
if docker version --format '{{.Server.Version}}' >/dev/null 2>&1; then engine_was_up=yes; fi
bash scripts/rig/setup.sh
if [ "$engine_was_up" = no ]; then trap 'bash scripts/rig/stop.sh >/dev/null 2>&1 || true' EXIT; fi
set -a
# shellcheck disable=SC1091
. "${MCG_RIG_CACHE:-$HOME/.cache/mcp-container-guard-test}/rig.env"
set +a
node bench/run.mjs "$@"

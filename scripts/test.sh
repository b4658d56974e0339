#!/usr/bin/env bash
# The whole test suite — the README's test command (`npm test`) and what CI runs (.ci/run).
# Installs everything it needs (npm packages, the real-parts test rig) and stops the rig's
# Docker engine afterwards. A tool that cannot be installed fails the run; nothing is skipped.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "npm ci"
  npm ci --no-audit --no-fund
fi

step "test rig (Docker engine, base images, Trivy, TruffleHog, fixture DB)"
# stop the rig's Docker engine afterwards only if this run started it (another session may use it)
engine_was_up=no
if docker version --format '{{.Server.Version}}' >/dev/null 2>&1; then engine_was_up=yes; fi
bash scripts/rig/setup.sh
if [ "$engine_was_up" = no ]; then trap 'bash scripts/rig/stop.sh >/dev/null 2>&1 || true' EXIT; fi
set -a
# shellcheck disable=SC1091
. "${MCG_RIG_CACHE:-$HOME/.cache/mcp-container-guard-test}/rig.env"
set +a

step "typecheck"
npx tsc -p tsconfig.json --noEmit
step "lint"
npx eslint .
step "tests"
npx vitest run

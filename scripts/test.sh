#!/usr/bin/env bash
# The whole test suite — the README's test command (`npm test`) and what CI runs (.ci/run).
# Installs everything it needs (npm packages, the real-parts test rig) and stops the rig's
# Docker engine afterwards. A tool that cannot be installed fails the run; nothing is skipped.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "npm packages and the test rig (Docker engine, base images, Trivy, TruffleHog, fixture DB)"
# shellcheck source=rig/use.sh
source scripts/rig/use.sh

step "typecheck"
npx tsc -p tsconfig.json --noEmit
step "lint"
npx eslint .
step "tests"
npx vitest run

#!/usr/bin/env bash
# The test suite. With no argument: the whole suite — the README's test command (`npm test`) and
# what CI runs (.ci/run): typecheck, lint and every tier. With tier names (unit, integration,
# differential, e2e; test/tiers.ts), only those tiers: `npm run test:unit` and its siblings.
# Installs what the tiers need (npm packages; the real-parts test rig for every tier but unit) and
# stops the rig's Docker engine afterwards. A tool that cannot be installed fails the run.
# Without the real corpus (../shared) its tests are reported as skipped, with the reason; under
# MCG_REQUIRE_CORPUS=1 (set by .ci/run) or CI=true a missing corpus fails them.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

projects=()
needs_rig=no
for tier in "$@"; do
  case "$tier" in
    unit) projects+=(--project unit) ;;
    integration | differential) projects+=(--project "$tier"); needs_rig=yes ;;
    e2e) projects+=(--project e2e --project e2e-probe); needs_rig=yes ;;
    *) echo "unknown test tier: $tier (unit, integration, differential, e2e)" >&2; exit 2 ;;
  esac
done
[ $# -eq 0 ] && needs_rig=yes

if [ "$needs_rig" = yes ]; then
  step "npm packages and the test rig (Docker engine, base images, Trivy, TruffleHog, fixture DB, oracles)"
  # shellcheck source=rig/use.sh
  source scripts/rig/use.sh
elif [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "npm packages"
  npm ci --no-audit --no-fund
fi

if [ $# -eq 0 ]; then
  step "typecheck"
  npx tsc -p tsconfig.json --noEmit
  step "lint"
  npx eslint .
fi
step "tests${1:+ ($*)}"
npx vitest run "${projects[@]}"

#!/usr/bin/env bash
# The README's first quickstart command (`npm run demo`): a full, real scan of the bundled flawed
# example — image build, Trivy and TruffleHog over the exported image, the in-process checks —
# using the test rig's Docker engine, scanner binaries and fixture vulnerability DB (this machine
# reaches no container registry and no vulnerability DB mirror).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
bash scripts/rig/setup.sh
set -a
# shellcheck disable=SC1091
. "${MCG_RIG_CACHE:-$HOME/.cache/mcp-container-guard-test}/rig.env"
set +a
exec node dist/cli.js scan examples/python-mcp-server --offline "$@"

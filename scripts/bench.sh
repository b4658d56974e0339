#!/usr/bin/env bash
# `npm run bench`: every benchmark case side by side in one run (bench/run.mjs). Like `npm test`, it
# installs what it needs first (npm packages and the test rig, whose Docker engine the full image
# scan case needs; scripts/rig/use.sh). Arguments pass through: `npm run bench -- dockerfile` runs
# one case and prints it without rewriting bench/results.json.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=rig/use.sh
source scripts/rig/use.sh
node bench/run.mjs "$@"

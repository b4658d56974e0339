#!/usr/bin/env bash
# The README's first quickstart command (`npm run demo`): a full, real scan of the bundled flawed
# example — image build, Trivy and TruffleHog over the exported image, the in-process checks —
# using the test rig's Docker engine, scanner binaries and fixture vulnerability DB (this machine
# reaches no container registry and no vulnerability DB mirror).
set -euo pipefail
cd "$(dirname "$0")/.."
# npm packages, the test rig and its environment (scripts/rig/use.sh); `exec` below replaces this
# shell, so the rig's Docker engine is left running for the next scan
# shellcheck source=rig/use.sh
source scripts/rig/use.sh
# the image's SBOM (CycloneDX 1.6) goes outside the repository; the CLI prints its path
sbom="${MCG_DEMO_SBOM:-${TMPDIR:-/tmp}/mcg-demo/sbom.cdx.json}"
mkdir -p "$(dirname "$sbom")"
exec node dist/cli.js scan examples/python-mcp-server --offline --sbom "$sbom" "$@"

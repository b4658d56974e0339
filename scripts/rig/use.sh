# Sourced by scripts/test.sh, scripts/bench.sh and scripts/demo.sh (from the repository root): installs the npm
# packages when the lockfile is newer, sets up the real-parts test rig, stops the rig's Docker engine
# when the calling script exits only if it was not running before (another session may use it), and
# exports the rig's environment (rig.env: tool paths, DOCKER_HOST, …).
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
mcg_engine_was_up=no
if docker version --format '{{.Server.Version}}' >/dev/null 2>&1; then mcg_engine_was_up=yes; fi
bash scripts/rig/setup.sh
if [ "$mcg_engine_was_up" = no ]; then trap 'bash scripts/rig/stop.sh >/dev/null 2>&1 || true' EXIT; fi
set -a
# shellcheck disable=SC1091
. "${MCG_RIG_CACHE:-$HOME/.cache/mcp-container-guard-test}/rig.env"
set +a

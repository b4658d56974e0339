#!/usr/bin/env bash
# BuildKit for the rig: Debian bookworm's docker.io (20.10) has no buildx
# package, so `DOCKER_BUILDKIT=1 docker build` fails out of the box. Build
# docker/buildx at a pinned version from the Go module proxy (its go.mod has
# no replace lines, so `go install …@v` works), cache it by version and link it
# as a Docker CLI plugin (/usr/local/lib/docker/cli-plugins/docker-buildx).
# It drives the daemon's built-in BuildKit (v0.8) through the `docker` driver.
# Prints the binary path on stdout.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

v="$MCG_RIG_BUILDX_VERSION"
dir="$MCG_RIG_CACHE/buildx/$v"
bin="$dir/buildx"
plugin_dir="${MCG_RIG_DOCKER_PLUGIN_DIR:-/usr/local/lib/docker/cli-plugins}"
mkdir -p "$MCG_RIG_CACHE/buildx"
exec 9>"$MCG_RIG_CACHE/buildx/.lock"
flock 9
if ! { [[ -x "$bin" ]] && "$bin" version 2>/dev/null | grep -q " $v "; }; then
  log "buildx $v: go install (a few minutes on 2 cores; log $MCG_RIG_LOGS/buildx-build.log)"
  start=$SECONDS
  mkdir -p "$dir"
  GOBIN="$dir" CGO_ENABLED=0 GOTOOLCHAIN=local GOFLAGS=-buildvcs=false "$GO_BIN" install -trimpath \
      -ldflags "-s -w -X github.com/docker/buildx/version.Version=$v -X github.com/docker/buildx/version.Package=github.com/docker/buildx" \
      "github.com/docker/buildx/cmd/buildx@$v" >"$MCG_RIG_LOGS/buildx-build.log" 2>&1 \
    || { tail -30 "$MCG_RIG_LOGS/buildx-build.log" >&2; die "buildx build failed"; }
  log "buildx $v built in $((SECONDS - start))s"
fi
mkdir -p "$plugin_dir"
ln -sfn "$bin" "$plugin_dir/docker-buildx"
echo "$bin"

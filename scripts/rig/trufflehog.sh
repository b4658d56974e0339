#!/usr/bin/env bash
# Build TruffleHog v3 at the pinned version from the Go module proxy and cache
# the binary keyed by version: $MCG_RIG_CACHE/trufflehog/<version>/trufflehog.
# `go install …@v` is refused because the module's go.mod has replace
# directives, so: go mod download the module, copy it to a writable dir and
# `go build` inside it (the replace lines then apply as main module).
# Prints the binary path on stdout.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

v="$MCG_RIG_TRUFFLEHOG_VERSION"
out_dir="$MCG_RIG_CACHE/trufflehog/$v"
# one build at a time (a second setup.sh waits for the first one's build)
mkdir -p "$MCG_RIG_CACHE/trufflehog"
exec 9>"$MCG_RIG_CACHE/trufflehog/.lock"
flock 9
bin="$out_dir/trufflehog"
if [[ -x "$bin" ]] && "$bin" --version 2>&1 | grep -q "$v"; then
  echo "$bin"; exit 0
fi

log "trufflehog $v: go mod download (module proxy)"
json="$("$GO_BIN" mod download -json "$MCG_RIG_TRUFFLEHOG_MODULE@v$v")"
src="$(printf '%s' "$json" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
[[ -n "$src" && -f "$src/go.mod" ]] || die "go mod download gave no module dir: $json"

work="$MCG_RIG_CACHE/trufflehog/src-$v"
rm -rf "$work"; mkdir -p "$work"
cp -r "$src/." "$work/"; chmod -R u+w "$work"

log "trufflehog $v: go build (several minutes on 2 cores; log $MCG_RIG_LOGS/trufflehog-build.log)"
mkdir -p "$out_dir"
start=$SECONDS
( cd "$work" && CGO_ENABLED=0 GOTOOLCHAIN=local GOFLAGS=-buildvcs=false "$GO_BIN" build -trimpath \
    -ldflags "-s -w -X github.com/trufflesecurity/trufflehog/v3/pkg/version.BuildVersion=$v" \
    -o "$bin.tmp" . ) >"$MCG_RIG_LOGS/trufflehog-build.log" 2>&1 \
  || { tail -30 "$MCG_RIG_LOGS/trufflehog-build.log" >&2; die "trufflehog build failed"; }
mv "$bin.tmp" "$bin"
rm -rf "$work"
log "trufflehog $v built in $((SECONDS - start))s: $("$bin" --version 2>&1 | head -1)"
echo "$bin"

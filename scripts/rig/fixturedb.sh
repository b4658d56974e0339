#!/usr/bin/env bash
# Build test/tools/fixturedb and write the fixture vulnerability DB into the
# rig's Trivy cache dir ($MCG_RIG_CACHE/trivy-cache/db/{trivy.db,metadata.json})
# plus advisories.json (the fixture list, for tests). Skipped when the
# program's source is unchanged.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

src="$REPO_ROOT/test/tools/fixturedb"
hash="$(cd "$src" && cat go.mod go.sum ./*.go | short_hash)"
stamp="$MCG_RIG_TRIVY_CACHE_DIR/db/.fixturedb-$hash"
if [[ -f "$stamp" && -f "$MCG_RIG_TRIVY_CACHE_DIR/db/trivy.db" && -f "$MCG_RIG_TRIVY_CACHE_DIR/db/metadata.json" ]]; then
  log "fixture DB current ($hash)"; exit 0
fi
bin="$MCG_RIG_CACHE/fixturedb/fixturedb-$hash"
if [[ ! -x "$bin" ]]; then
  log "building fixturedb"
  mkdir -p "$(dirname "$bin")"
  (cd "$src" && CGO_ENABLED=0 GOTOOLCHAIN=local GOFLAGS=-buildvcs=false "$GO_BIN" build -o "$bin.tmp" .) \
    >"$MCG_RIG_LOGS/fixturedb-build.log" 2>&1 \
    || { cat "$MCG_RIG_LOGS/fixturedb-build.log" >&2; die "fixturedb build failed"; }
  mv "$bin.tmp" "$bin"
fi
rm -rf "$MCG_RIG_TRIVY_CACHE_DIR/db"
"$bin" -cache-dir "$MCG_RIG_TRIVY_CACHE_DIR"
"$bin" -list >"$MCG_RIG_TRIVY_CACHE_DIR/advisories.json"
touch "$stamp"
log "fixture DB written to $MCG_RIG_TRIVY_CACHE_DIR/db ($(wc -c <"$MCG_RIG_TRIVY_CACHE_DIR/db/trivy.db") bytes)"

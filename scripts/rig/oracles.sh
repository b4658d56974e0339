#!/usr/bin/env bash
# Build the consumer oracles (DESIGN §9): every Go module in test/tools/*-oracle/ is built from
# the Go module proxy at the versions its go.mod pins, cached by a hash of its sources, and named
# in rig.env as MCG_ORACLE_<NAME> (test/tools/buildkit-oracle -> MCG_ORACLE_BUILDKIT).
# Prints one `KEY path` line per oracle on stdout (setup.sh writes them into rig.env); when
# rig.env already exists, its MCG_ORACLE_* lines are brought up to date too, so that running this
# script alone after adding or changing an oracle is enough (`source rig.env` then names it).
# Each oracle needs a complete go.sum: builds run with the module proxy's checksums, never -mod=mod.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

mkdir -p "$MCG_RIG_CACHE/oracles"
exec 9>"$MCG_RIG_CACHE/oracles/.lock"
flock 9
shopt -s nullglob
built=()
for src in "$REPO_ROOT"/test/tools/*-oracle; do
  [[ -f "$src/go.mod" ]] || continue
  name="$(basename "$src")"; name="${name%-oracle}"
  [[ -f "$src/go.sum" ]] || die "oracle $name has no go.sum: run \`go mod tidy\` in $src and commit go.sum"
  key="MCG_ORACLE_$(printf '%s' "$name" | tr 'a-z-' 'A-Z_')"
  hash="$(cd "$src" && find . -type f \( -name '*.go' -o -name go.mod -o -name go.sum \) -print0 | sort -z | xargs -0 cat | short_hash)"
  bin="$MCG_RIG_CACHE/oracles/$name-$hash"
  if [[ ! -x "$bin" ]]; then
    log "building oracle $name (log $MCG_RIG_LOGS/oracle-$name-build.log)"
    start=$SECONDS
    (cd "$src" && CGO_ENABLED=0 GOTOOLCHAIN=local GOFLAGS=-buildvcs=false "$GO_BIN" build -trimpath -o "$bin.tmp" .) \
      >"$MCG_RIG_LOGS/oracle-$name-build.log" 2>&1 \
      || { tail -30 "$MCG_RIG_LOGS/oracle-$name-build.log" >&2; die "oracle $name build failed"; }
    mv "$bin.tmp" "$bin"
    log "oracle $name built in $((SECONDS - start))s"
  fi
  echo "$key $bin"
  built+=("$key=\"$bin\"")
done
if [[ -f "$MCG_RIG_ENV_FILE" && ${#built[@]} -gt 0 ]]; then
  tmp="$MCG_RIG_ENV_FILE.oracles.tmp"
  { grep -v '^MCG_ORACLE_' "$MCG_RIG_ENV_FILE" || true; printf '%s\n' "${built[@]}"; } >"$tmp"
  mv "$tmp" "$MCG_RIG_ENV_FILE"
fi

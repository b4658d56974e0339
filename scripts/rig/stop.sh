#!/usr/bin/env bash
# Stop the dockerd that setup.sh started (by its pid, never by name).
# Images and the cache stay; the next setup.sh starts it again.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

pid=""
[[ -f "$MCG_RIG_DOCKERD_PID" ]] && pid="$(cat "$MCG_RIG_DOCKERD_PID")"
if [[ -z "$pid" ]] || ! kill -0 "$pid" 2>/dev/null; then
  log "no rig dockerd running (pidfile $MCG_RIG_DOCKERD_PID)"
  rm -f "$MCG_RIG_DOCKERD_PID" "$MCG_RIG_DOCKERD_PID.launcher"
  exit 0
fi
log "stopping dockerd pid $pid"
kill -TERM "$pid"
for ((i = 0; i < 30; i++)); do
  kill -0 "$pid" 2>/dev/null || { log "dockerd stopped"; rm -f "$MCG_RIG_DOCKERD_PID.launcher"; exit 0; }
  sleep 1
done
log "dockerd pid $pid still alive after 30s; sending KILL"
kill -KILL "$pid" 2>/dev/null || true
rm -f "$MCG_RIG_DOCKERD_PID" "$MCG_RIG_DOCKERD_PID.launcher"

#!/usr/bin/env bash
# Start the rig's dockerd (vfs storage driver) in the background unless a
# daemon already answers on the socket. Pidfile and log in the cache dir.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if docker_up; then
  log "dockerd already answering on $DOCKER_HOST"
  exit 0
fi
command -v dockerd >/dev/null || die "dockerd not installed (apt-get install docker.io)"

if [[ -f "$MCG_RIG_DOCKERD_PID" ]] && kill -0 "$(cat "$MCG_RIG_DOCKERD_PID")" 2>/dev/null; then
  log "dockerd pid $(cat "$MCG_RIG_DOCKERD_PID") running but not answering yet; waiting"
else
  rm -f "$MCG_RIG_DOCKERD_PID"
  # a stale socket from a killed daemon makes dockerd refuse to start
  [[ -S "$MCG_RIG_DOCKER_SOCK" ]] && rm -f "$MCG_RIG_DOCKER_SOCK"
  mkdir -p "$MCG_RIG_DOCKER_ROOT"
  log "starting dockerd --storage-driver=vfs (data root $MCG_RIG_DOCKER_ROOT, log $MCG_RIG_DOCKERD_LOG)"
  # setsid: own session, so it survives the calling shell / job.
  setsid dockerd \
      --storage-driver=vfs \
      --data-root "$MCG_RIG_DOCKER_ROOT" \
      --host "unix://$MCG_RIG_DOCKER_SOCK" \
      --pidfile "$MCG_RIG_DOCKERD_PID" \
      ${MCG_RIG_DOCKERD_EXTRA_ARGS:-} \
      </dev/null >>"$MCG_RIG_DOCKERD_LOG" 2>&1 8>&- &
  echo $! >"$MCG_RIG_DOCKERD_PID.launcher"
fi

for ((i = 0; i < MCG_RIG_DOCKERD_TIMEOUT; i++)); do
  if docker_up; then
    log "dockerd up after ${i}s: $(docker version --format 'server {{.Server.Version}}')"
    exit 0
  fi
  if ! kill -0 "$(cat "$MCG_RIG_DOCKERD_PID.launcher" 2>/dev/null || echo 0)" 2>/dev/null \
     && ! { [[ -f "$MCG_RIG_DOCKERD_PID" ]] && kill -0 "$(cat "$MCG_RIG_DOCKERD_PID")" 2>/dev/null; }; then
    tail -25 "$MCG_RIG_DOCKERD_LOG" >&2 || true
    die "dockerd exited during start-up (log above, full log $MCG_RIG_DOCKERD_LOG). If it complains about iptables/bridge, retry with MCG_RIG_DOCKERD_EXTRA_ARGS='--iptables=false --bridge=none'"
  fi
  sleep 1
done
tail -25 "$MCG_RIG_DOCKERD_LOG" >&2 || true
die "dockerd did not answer on $DOCKER_HOST within ${MCG_RIG_DOCKERD_TIMEOUT}s (log $MCG_RIG_DOCKERD_LOG)"

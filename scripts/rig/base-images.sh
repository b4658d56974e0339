#!/usr/bin/env bash
# Base images without a registry: debootstrap --variant=minbase bookworm,
# made to trust this machine's CA, then `docker import`ed as
#   debian:bookworm       (the minbase rootfs)
#   debian:bookworm-slim  (same, with docs/man/locales cut and dpkg told to
#                          keep them out, as the official slim variant does)
# Rebuilt only when the recipe (this file, the mirror, the CA files) changes.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

MIRROR="${MCG_RIG_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
SECURITY_MIRROR="${MCG_RIG_DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}"
SUITE=bookworm
shopt -s nullglob
CA_FILES=(/usr/local/share/ca-certificates/*.crt)
shopt -u nullglob

recipe="$( { cat "${BASH_SOURCE[0]}"; echo "$MIRROR $SECURITY_MIRROR"; \
             for f in "${CA_FILES[@]}"; do sha256sum "$f"; done; } | short_hash)"

if image_current debian:bookworm "$recipe" && image_current debian:bookworm-slim "$recipe"; then
  log "base images debian:bookworm{,-slim} current (recipe $recipe)"
  exit 0
fi

command -v debootstrap >/dev/null || die "debootstrap not installed"
work="$MCG_RIG_CACHE/rootfs"
tarball="$work/bookworm-$recipe.tar"
slim_tarball="$work/bookworm-slim-$recipe.tar"

# layer tar with entries named "bin/…", not "./bin/…" (as in official images;
# docker keeps the tar headers as given, and scanners report those paths)
pack() { (cd "$1" && find . -mindepth 1 -maxdepth 1 -printf '%P\0' | LC_ALL=C sort -z \
            | tar --numeric-owner --null -T - -cf "$2"); }

if [[ ! -f "$tarball" || ! -f "$slim_tarball" ]]; then
  rm -rf "$work"; mkdir -p "$work"
  root="$work/bookworm"
  log "debootstrap --variant=minbase $SUITE (about 1 minute; log $MCG_RIG_LOGS/debootstrap.log)"
  # ca-certificates is included so the images can trust this machine's CA
  # (the egress proxy in front of the package registries uses it).
  debootstrap --variant=minbase --include=ca-certificates "$SUITE" "$root" "$MIRROR" \
      >"$MCG_RIG_LOGS/debootstrap.log" 2>&1 \
    || { tail -20 "$MCG_RIG_LOGS/debootstrap.log" >&2; die "debootstrap failed"; }

  cat >"$root/etc/apt/sources.list" <<SRC
deb $MIRROR $SUITE main
deb $MIRROR $SUITE-updates main
deb $SECURITY_MIRROR $SUITE-security main
SRC
  # apt settings of the official Debian images (debuerreotype): no caches,
  # compressed lists, no translations; keeps layers small and realistic.
  cat >"$root/etc/apt/apt.conf.d/docker-clean" <<'CFG'
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
CFG
  echo 'Acquire::GzipIndexes "true";' >"$root/etc/apt/apt.conf.d/docker-gzip-indexes"
  echo 'Acquire::Languages "none";' >"$root/etc/apt/apt.conf.d/docker-no-languages"
  echo 'Apt::AutoRemove::SuggestsImportant "false";' >"$root/etc/apt/apt.conf.d/docker-autoremove-suggests"
  for f in "${CA_FILES[@]}"; do cp "$f" "$root/usr/local/share/ca-certificates/"; done
  chroot "$root" update-ca-certificates >/dev/null
  # trim what a container image does not carry
  rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/cache/apt/*.bin "$root"/var/lib/apt/lists/* \
         "$root"/var/log/*.log "$root"/var/log/apt/* "$root"/tmp/* "$root"/var/cache/debconf/*-old
  : >"$root/etc/hostname"; rm -f "$root/etc/resolv.conf"
  pack "$root" "$tarball"

  # slim: the official image's dpkg excludes, applied to what is there now
  mkdir -p "$root/etc/dpkg/dpkg.cfg.d"
  cat >"$root/etc/dpkg/dpkg.cfg.d/docker" <<'CFG'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/groff/*
path-exclude /usr/share/info/*
path-exclude /usr/share/lintian/*
path-exclude /usr/share/linda/*
path-exclude /usr/share/locale/*
CFG
  find "$root/usr/share/doc" -mindepth 1 -not -name copyright -not -type d -delete 2>/dev/null || true
  rm -rf "$root"/usr/share/man/* "$root"/usr/share/info/* "$root"/usr/share/locale/* \
         "$root"/usr/share/lintian/* "$root"/usr/share/groff/*
  pack "$root" "$slim_tarball"
  rm -rf "$root"
fi

import() { # tarball tag
  docker import --change 'CMD ["bash"]' --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --message "mcg rig: debootstrap --variant=minbase $SUITE (recipe $recipe)" "$1" "$2" >/dev/null
  image_stamp "$2" "$recipe"
  log "imported $2 ($(docker image inspect --format '{{.Size}}' "$2") bytes)"
}
import "$tarball" debian:bookworm
import "$slim_tarball" debian:bookworm-slim

#!/usr/bin/env bash
# System packages airstore needs besides Node and npm: libfuse2 for the FUSE mount.
# Debian/Ubuntu, as root (or through sudo).
set -euo pipefail
if [ "$(id -u)" -ne 0 ]; then exec sudo "$0" "$@"; fi
apt-get update
apt-get install -y libfuse2

#!/usr/bin/env bash
# Debian packages the tests use: python3-venv, headless Chromium for the browser tests of the views,
# util-linux's unshare (the full-disk test mounts a small tmpfs in its own namespace), and Virtuoso, the second
# SPARQL server `--store URL` is tested against (tests/test_virtuoso.py starts it with tools/virtuoso.sh).
set -euo pipefail
need=()
python3 -c "import venv, ensurepip" 2>/dev/null || need+=(python3-venv)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v unshare >/dev/null 2>&1 || need+=(util-linux)
command -v virtuoso-t >/dev/null 2>&1 || need+=(virtuoso-opensource)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
command -v chromium
command -v virtuoso-t

#!/usr/bin/env bash
# Debian packages the tests use: nothing yet beyond python3-venv; headless Chromium comes with the views.
set -euo pipefail
need=()
python3 -c "import venv, ensurepip" 2>/dev/null || need+=(python3-venv)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq "${need[@]}"
fi

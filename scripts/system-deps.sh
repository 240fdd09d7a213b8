#!/usr/bin/env bash
# Installs the Debian packages the tests use, when they are missing: Chromium for the browser tests,
# rsvg-convert and poppler for checking exported images and PDFs, networkx for reading GraphML back, icalendar
# for reading calendar files back, and redis-server for the shared-map servers' tests (each test starts its own).
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v rsvg-convert >/dev/null 2>&1 || need+=(librsvg2-bin)
command -v pdfinfo >/dev/null 2>&1 || need+=(poppler-utils)
/usr/bin/python3 -c 'import networkx' >/dev/null 2>&1 || need+=(python3-networkx)
/usr/bin/python3 -c 'import icalendar' >/dev/null 2>&1 || need+=(python3-icalendar)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing: ${need[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}"
fi

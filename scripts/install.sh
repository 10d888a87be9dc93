#!/usr/bin/env bash
# Installs what the harness and its own tests need on a fresh machine: the npm
# packages, and a Chromium for the browser tests. Playwright's own browser
# download is not reachable everywhere; Debian's chromium package is.
set -euo pipefail
cd "$(dirname "$0")/.."

npm ci --no-audit --no-fund

has_chromium() {
  [ -n "${UAT_BROWSER_PATH:-}" ] && [ -x "$UAT_BROWSER_PATH" ] && return 0
  [ -x /usr/bin/chromium ] && return 0
  node -e "const { chromium } = require('@playwright/test'); process.exit(require('node:fs').existsSync(chromium.executablePath()) ? 0 : 1)" 2>/dev/null
}

if has_chromium; then
  echo "install: Chromium found"
  exit 0
fi
if command -v apt-get >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "install: installing Debian's chromium"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
else
  echo "install: no Chromium found and no apt-get: install Chromium and set UAT_BROWSER_PATH to it, or run 'npx playwright install chromium'" >&2
  exit 1
fi

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

# Sign-off signatures are made and checked with OpenSSH's ssh-keygen.
needs_apt=()
has_chromium || needs_apt+=(chromium)
command -v ssh-keygen >/dev/null 2>&1 || needs_apt+=(openssh-client)
if [ ${#needs_apt[@]} -eq 0 ]; then
  echo "install: Chromium and ssh-keygen found"
  exit 0
fi
if command -v apt-get >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "install: installing Debian's ${needs_apt[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${needs_apt[@]}" >/dev/null
else
  echo "install: ${needs_apt[*]} missing and no apt-get: install Chromium (and set UAT_BROWSER_PATH to it) and OpenSSH's ssh-keygen" >&2
  exit 1
fi

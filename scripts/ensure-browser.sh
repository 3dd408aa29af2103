#!/usr/bin/env bash
# Browser tests run in Debian's Chromium; test tools cannot download browsers here.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/firefox-esr ]; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium and firefox-esr for the browser tests..."
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium firefox-esr >/dev/null
  exit 0
fi
echo "The browser tests need /usr/bin/chromium and /usr/bin/firefox-esr: run 'sudo apt-get install -y chromium firefox-esr'." >&2
exit 1

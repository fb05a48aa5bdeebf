#!/bin/sh
# Makes sure a Chromium the Playwright tests can drive is installed.
# Playwright cannot download its own browsers here, so the tests use Debian's Chromium.
set -eu

found_chromium() {
  if [ -x /usr/bin/chromium ]; then
    echo /usr/bin/chromium
    return 0
  fi
  command -v chromium 2>/dev/null && return 0
  return 1
}

if path=$(found_chromium); then
  exit 0
fi

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium is missing: installing Debian's chromium package with apt-get (about a minute)..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
  if path=$(found_chromium); then
    echo "Chromium installed at $path."
    exit 0
  fi
  echo "apt-get finished but no chromium command was found." >&2
  exit 1
fi

{
  echo "The end-to-end tests need Chromium, and it is not installed."
  echo "On Debian or Ubuntu, install it with:"
  echo ""
  echo "    sudo apt-get install chromium"
  echo ""
  echo "then run the tests again. (Playwright's own browser download is not used by this project.)"
} >&2
exit 1

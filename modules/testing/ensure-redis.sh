#!/bin/sh
# Makes sure redis-server is installed: the tests of several processes sharing one database start
# their own Redis on a free port (modules/testing/redis.ts). The app itself needs Redis only with
# REDIS_URL set.
set -eu

if command -v redis-server >/dev/null 2>&1; then
  exit 0
fi

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "redis-server is missing: installing Debian's redis-server package with apt-get..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq redis-server >/dev/null
  # Where the package's service starts, it listens on port 6379; the tests never use it.
  if command -v redis-server >/dev/null 2>&1; then
    echo "redis-server installed."
    exit 0
  fi
  echo "apt-get finished but no redis-server command was found." >&2
  exit 1
fi

{
  echo "The tests need redis-server, and it is not installed."
  echo "On Debian or Ubuntu, install it with:"
  echo ""
  echo "    sudo apt-get install redis-server"
  echo ""
  echo "then run the tests again."
} >&2
exit 1

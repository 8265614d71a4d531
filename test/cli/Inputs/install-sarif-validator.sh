#!/bin/sh
# install-sarif-validator.sh CACHE_DIR: installs the independent SARIF
# validator (@microsoft/sarif-multitool) into CACHE_DIR/node_modules, once.
# Prints the path of the sarif-multitool executable.
set -e
cache=${1:?usage: install-sarif-validator.sh CACHE_DIR}
mkdir -p "$cache"
bin="$cache/node_modules/.bin/sarif-multitool"
if [ ! -x "$bin" ]; then
  # Serialize concurrent lit workers on the same cache.
  (
    flock 9 2>/dev/null || true
    if [ ! -x "$bin" ]; then
      npm install --prefix "$cache" --no-audit --no-fund --loglevel=error \
        @microsoft/sarif-multitool >"$cache/npm-install.log" 2>&1 || {
        echo "install-sarif-validator: npm install failed, see $cache/npm-install.log" >&2
        exit 1
      }
    fi
  ) 9>"$cache/.lock"
fi
test -x "$bin"
echo "$bin"

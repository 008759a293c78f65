#!/bin/sh
# Checks citecheck's WARC files with warcio.js, a reader independent of ours (from the
# npm registry, version locked in package-lock.json; installed here on first use, which
# needs the registry).
#
#   tools/warcio-check/run.sh FILE_OR_DIR...
#
# Prints the number of files, records by type and payload digests checked, then any
# problem; exits 1 when there is one (see check.mjs for what is checked).
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
if [ ! -d "$HERE/node_modules/warcio" ]; then
  (cd "$HERE" && npm ci --no-audit --no-fund --loglevel=error)
fi
exec node "$HERE/check.mjs" "$@"

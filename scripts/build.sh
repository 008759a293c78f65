#!/usr/bin/env bash
# Configures and builds citecheck into ./build (Release, tests and benchmarks included).
# Extra configure flags come from $CITECHECK_BUILD_FLAGS or the arguments, e.g.
#   scripts/build.sh -DCITECHECK_WERROR=ON
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck disable=SC2086
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release ${CITECHECK_BUILD_FLAGS:-} "$@" >/dev/null
cmake --build build -j "$(nproc)"

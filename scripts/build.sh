#!/usr/bin/env bash
# Configures and builds citecheck into ./build (Release, tests included).
# Extra arguments go to the configure step, e.g. scripts/build.sh -DCITECHECK_WERROR=ON
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
cmake --build build -j "$(nproc)"

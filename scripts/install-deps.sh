#!/usr/bin/env bash
# Installs the Debian 12 packages citecheck builds, tests and runs with (see DEVELOPERS.md).
# Idempotent: when every package is already installed it does nothing, and it never
# touches the network in that case. Run as root (or through sudo).
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git ca-certificates
  libgumbo-dev libcurl4-openssl-dev libssl-dev libsqlite3-dev zlib1g-dev libbrotli-dev
  libxapian-dev xapian-tools
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libicu-dev libyaml-cpp-dev libtomlplusplus-dev
  libcmark-gfm-dev libcmark-gfm-extensions-dev libpoppler-cpp-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  clang libclang-rt-14-dev
  chromium python3 python3-jsonschema
  wrk
  nghttp2-server openssl
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi
echo "install-deps: installing ${missing[*]}" >&2
if [[ $(id -u) -ne 0 ]]; then
  SUDO=sudo
else
  SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"

#!/usr/bin/env bash
# Builds one libFuzzer target of fuzz/project with clang and runs it for a bounded
# time on its seed corpus. Exit codes: 0 no crash, 77 skipped (no clang/libFuzzer),
# anything else a build failure or a crash (libFuzzer prints the reproducer).
#
#   run_fuzzer.sh PROJECT_DIR BUILD_DIR TARGET SEED_CORPUS SECONDS CLANGXX CLANG
set -euo pipefail
project=$1 build=$2 target=$3 seeds=$4 seconds=${CITECHECK_FUZZ_SECONDS:-$5} cxx=${6:-} cc=${7:-}

if [[ -z "$cxx" || -z "$cc" || "$cxx" == *NOTFOUND* || "$cc" == *NOTFOUND* ]]; then
  echo "skipped: clang is not installed"
  exit 77
fi
mkdir -p "$build"
build=$(cd "$build" && pwd)
seeds=$(cd "$seeds" && pwd)
probe="$build/libfuzzer-probe"
if ! printf 'extern "C" int LLVMFuzzerTestOneInput(const unsigned char*, unsigned long) { return 0; }\n' |
    "$cxx" -fsanitize=fuzzer -x c++ - -o "$probe" 2>/dev/null; then
  echo "skipped: $cxx cannot link libFuzzer (install libclang-rt-dev)"
  exit 77
fi

generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
if [[ ! -f "$build/CMakeCache.txt" ]]; then
  cmake -S "$project" -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_C_COMPILER="$cc" >/dev/null
fi
cmake --build "$build" --target "$target" -j "$(nproc)"

# New inputs go to a corpus in the build directory; the committed seeds stay as they are.
corpus="$build/corpus-$target"
mkdir -p "$corpus"
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
cd "$build"
# libFuzzer exits with 77 on a crash by default: that code means "skipped" here.
"./$target" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -max_len=8192 \
  -error_exitcode=1 -timeout_exitcode=1 -print_final_stats=1 "$corpus" "$seeds"

#!/usr/bin/env bash
# Git pre-commit hook: checks the Markdown drafts staged for commit with citecheck and
# refuses the commit when one is below the minimum integrity or cannot be checked.
#
# Install:  cp docs/ci/pre-commit-hook.sh .git/hooks/pre-commit && chmod +x .git/hooks/pre-commit
# Skip once: git commit --no-verify
#
# It checks what is staged (not the working tree), from a copy of the index, so the
# reports name each draft by its path in the repository. For each draft it prints the
# text report and writes SARIF and HTML reports under $CITECHECK_REPORTS, for a SARIF
# viewer in the editor and for reading in a browser.
#
# Settings (environment):
#   CITECHECK                 the citecheck binary (default: citecheck from PATH)
#   CITECHECK_DRAFTS          extended regex of the paths that are drafts
#                             (default: ^(drafts|content|posts)/.*\.md$)
#   CITECHECK_MIN_INTEGRITY   minimum integrity score, 0 to 1 (default: 0.8)
#   CITECHECK_REPORTS         where the reports go, relative to the repository root
#                             (default: .citecheck/reports)
#   CITECHECK_ARGS            more arguments for `citecheck check`, split on spaces
#                             (e.g. "--config citecheck.toml")
set -euo pipefail

citecheck=${CITECHECK:-citecheck}
pattern=${CITECHECK_DRAFTS:-'^(drafts|content|posts)/.*\.md$'}
min_integrity=${CITECHECK_MIN_INTEGRITY:-0.8}
reports=${CITECHECK_REPORTS:-.citecheck/reports}
read -r -a extra_args <<< "${CITECHECK_ARGS:-}"

root=$(git rev-parse --show-toplevel)
drafts=()
while IFS= read -r -d '' path; do
  if [[ $path =~ $pattern ]]; then drafts+=("$path"); fi
done < <(git diff --cached --name-only -z --diff-filter=ACMR)
if [[ ${#drafts[@]} -eq 0 ]]; then
  exit 0
fi
if ! command -v "$citecheck" > /dev/null; then
  echo "pre-commit: $citecheck not found; set CITECHECK or skip with --no-verify" >&2
  exit 1
fi
# The report list is comma-separated: a comma in the reports' path would split it.
if [[ $root/$reports == *,* ]]; then
  echo "pre-commit: the reports directory must not contain a comma: $root/$reports" >&2
  exit 1
fi

staged=$(mktemp -d)
trap 'rm -rf "$staged"' EXIT
git checkout-index --prefix="$staged/" -- "${drafts[@]}"
mkdir -p "$root/$reports"

failed=0
for draft in "${drafts[@]}"; do
  name=$(printf '%s' "$draft" | tr -c 'A-Za-z0-9._-' '_')
  status=0
  (cd "$staged" && "$citecheck" check "$draft" --quiet --min-integrity "$min_integrity" \
      --data-dir "$root/.citecheck" "${extra_args[@]}" \
      --format "text,sarif=$root/$reports/$name.sarif,html=$root/$reports/$name.html") || status=$?
  case $status in
    0) ;;
    1) echo "pre-commit: $draft is below the minimum integrity ($min_integrity)" >&2; failed=1 ;;
    *) echo "pre-commit: $draft could not be checked (exit $status)" >&2; failed=1 ;;
  esac
done
if [[ $failed -ne 0 ]]; then
  echo "pre-commit: reports in $reports/; commit anyway with: git commit --no-verify" >&2
fi
exit "$failed"

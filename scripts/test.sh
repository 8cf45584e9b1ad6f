#!/usr/bin/env bash
# Sets up (with Chromium for the browser tests), then builds the packages and the docs site
# (TypeDoc, warnings as errors), type-checks, lints (Biome) and tests everything (the tests read
# the built site for its link check), checks the packages as they would be published
# (check-packages: publint, attw) and as a user installs them with npm (check-packaging: README
# examples, consumer type checks), and last runs the README's start command as a user would and
# checks what it serves (scripts/smoke-start.mjs). Every step runs even when an earlier one
# failed, so one run reports all that is wrong; the exit status is non-zero when any step failed.
# The last line is vitest's count as `vitest: N passed, N failed, N skipped`.
#
#   bash scripts/test.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/lib.sh
source scripts/lib.sh
setup --browser

failed=()
step() {
  local name=$1
  shift
  printf '\n[test] == %s: %s\n' "$name" "$*"
  local start=$SECONDS
  if "$@"; then
    printf '[test] == %s passed (%ss)\n' "$name" "$((SECONDS - start))"
  else
    printf '[test] == %s FAILED (%ss)\n' "$name" "$((SECONDS - start))"
    failed+=("$name")
  fi
}

report=$(mktemp -d)/vitest.json
trap 'rm -rf "$(dirname "$report")"' EXIT

step build pnpm build
step docs pnpm run docs
step typecheck pnpm typecheck
# Biome: the linter, and for now the format check of the files named in formatter.includes only.
step lint pnpm lint --colors=off
step test pnpm test --reporter=default --reporter=json --outputFile.json="$report"
step packages node scripts/check-packages.mjs
step packaging node scripts/check-packaging.mjs
# The start command builds again (it is run exactly as the README writes it, setup and all).
step smoke node scripts/smoke-start.mjs

printf '\n'
if [ "${#failed[@]}" -gt 0 ]; then
  printf '[test] failed steps: %s\n' "${failed[*]}"
else
  printf '[test] all steps passed\n'
fi
if [ -s "$report" ]; then
  node -e '
    const r = JSON.parse(require("node:fs").readFileSync(process.argv[1], "utf8"));
    const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
    console.log(`vitest: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
  ' "$report"
fi
[ "${#failed[@]}" -eq 0 ]

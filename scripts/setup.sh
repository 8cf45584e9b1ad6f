#!/usr/bin/env bash
# Sets up a checkout: pnpm 10, the workspace's packages (from the lockfile) and, with --browser,
# Chromium for the browser tests and PostgreSQL for the PostgreSQL suites. Safe to run again.
#
#   bash scripts/setup.sh [--browser]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/lib.sh
source scripts/lib.sh
setup "$@"

#!/usr/bin/env bash
# Sets up, builds, and starts the reference server (`pnpm start`).
#
#   bash scripts/start.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/lib.sh
source scripts/lib.sh
setup
pnpm build
exec pnpm start

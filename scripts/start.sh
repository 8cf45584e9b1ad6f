#!/usr/bin/env bash
# Sets up, builds the packages and the docs site, and starts the reference TextUs server on its
# embedded SQLite store (data/textus.db, created and seeded on first run), serving the docs site
# and the explorer beside the API. Ctrl-C stops it cleanly.
#
#   bash scripts/start.sh            # PORT=8080 by default
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/lib.sh
source scripts/lib.sh
setup
pnpm build
pnpm run docs
exec pnpm start

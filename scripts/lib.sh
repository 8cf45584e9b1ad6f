# Shared by scripts/setup.sh, test.sh and start.sh (sourced, not run): finds or installs pnpm 10,
# installs the workspace, installs PostgreSQL for the store's PostgreSQL runs and Chromium for the
# browser tests. Every step is idempotent, so running it on a machine that is already set up costs
# a few seconds.
#
# A fresh CI machine has Node 20 and npm only: no pnpm, and corepack does not work there.

# shellcheck shell=bash

PNPM_MAJOR=10

log() { printf '[setup] %s\n' "$*"; }

pnpm_major() {
  local version
  version=$("$@" --version 2>/dev/null) || return 1
  printf '%s\n' "${version%%.*}"
}

# Leaves a `pnpm` of major 10 on PATH: the one already there, else a global npm install, else a
# wrapper around `npx -y pnpm@10`. A wrapper, not a shell variable, because the root scripts call
# `pnpm` again (`pnpm build` runs `pnpm -r … build`).
ensure_pnpm() {
  if command -v pnpm >/dev/null 2>&1 && [ "$(pnpm_major pnpm)" = "$PNPM_MAJOR" ]; then
    log "pnpm $(pnpm --version) found at $(command -v pnpm)"
    return 0
  fi
  log "no pnpm $PNPM_MAJOR on PATH: npm i -g pnpm@$PNPM_MAJOR"
  if npm i -g "pnpm@$PNPM_MAJOR" --no-fund --no-audit --loglevel=error \
    && hash -r && command -v pnpm >/dev/null 2>&1 && [ "$(pnpm_major pnpm)" = "$PNPM_MAJOR" ]; then
    log "pnpm $(pnpm --version) installed at $(command -v pnpm)"
    return 0
  fi
  log "npm i -g failed (not root, or a read-only prefix?): falling back to npx -y pnpm@$PNPM_MAJOR"
  local dir="${TMPDIR:-/tmp}/hyperld-pnpm-bin"
  mkdir -p "$dir"
  printf '#!/usr/bin/env bash\nexec npx -y pnpm@%s "$@"\n' "$PNPM_MAJOR" >"$dir/pnpm"
  chmod +x "$dir/pnpm"
  export PATH="$dir:$PATH"
  hash -r
  if [ "$(pnpm_major pnpm)" != "$PNPM_MAJOR" ]; then
    log "error: could not get pnpm $PNPM_MAJOR by any means"
    return 1
  fi
  log "pnpm $(pnpm --version) through npx"
}

install_workspace() {
  if [ -f pnpm-lock.yaml ]; then
    log "pnpm install --frozen-lockfile"
    pnpm install --frozen-lockfile
  else
    log "no pnpm-lock.yaml: pnpm install"
    pnpm install
  fi
}

# Chromium from Debian for the browser tests. Skipped, with the reason printed, where it cannot be
# installed; a failed install is reported but does not stop the run: the browser tests say what
# they miss, and every other test still runs.
ensure_chromium() {
  if [ -x /usr/bin/chromium ]; then
    log "chromium found: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
    return 0
  fi
  if [ "$(id -u)" != 0 ]; then
    log "skipping chromium: /usr/bin/chromium is missing and installing it needs root (browser tests will not run)"
    return 0
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    log "skipping chromium: /usr/bin/chromium is missing and there is no apt-get (browser tests will not run)"
    return 0
  fi
  log "installing chromium with apt-get"
  if DEBIAN_FRONTEND=noninteractive apt-get update -qq \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null; then
    log "chromium installed: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
  else
    log "warning: apt-get could not install chromium (browser tests will not run)"
  fi
}

# PostgreSQL from Debian for the store's PostgreSQL runs (test/helpers/postgres.ts makes a
# throwaway cluster in a temporary directory; no system cluster is used). Skipped, with the reason
# printed, where it cannot be installed; a failed install is reported but does not stop the run: the
# PostgreSQL tests then print one line and skip.
ensure_postgres() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -n "$bin" ] && [ -x "$bin/initdb" ]; then
    log "postgresql found: $("$bin/postgres" --version 2>/dev/null || echo "$bin")"
    return 0
  fi
  if [ "$(id -u)" != 0 ]; then
    log "skipping postgresql: it is missing and installing it needs root (PostgreSQL tests will not run)"
    return 0
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    log "skipping postgresql: it is missing and there is no apt-get (PostgreSQL tests will not run)"
    return 0
  fi
  log "installing postgresql with apt-get"
  if DEBIAN_FRONTEND=noninteractive apt-get update -qq \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null; then
    log "postgresql installed"
  else
    log "warning: apt-get could not install postgresql (PostgreSQL tests will not run)"
  fi
}

# setup [--browser]
setup() {
  local browser=0 arg
  for arg in "$@"; do
    case "$arg" in
      --browser) browser=1 ;;
      *) log "unknown option: $arg (usage: setup.sh [--browser])"; return 2 ;;
    esac
  done
  ensure_pnpm
  install_workspace
  # The test set-up only: the start command runs on the embedded SQLite store and installs neither.
  if [ "$browser" = 1 ]; then
    ensure_chromium
    ensure_postgres
  fi
}

#!/usr/bin/env bash
# End-to-end suite (npm run test:e2e): a real n8n 2.41.1 with this package installed from its npm
# tarball, against the GHL sandbox and the partner simulators; regular mode, queue mode (Redis +
# 2 workers) and the editor in headless Chromium. Installs what is missing first (see
# scripts/lib/runtime.sh). Extra arguments go to jest, e.g. `npm run test:e2e -- -t OAuth2`.
# Writes test-results/e2e-results.json (jest --json) and test-results/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=lib/runtime.sh
source scripts/lib/runtime.sh

if [ ! -d node_modules ]; then
	runtime_log "installing dev dependencies (npm ci --ignore-scripts)"
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
fi
t0=$(date +%s)
runtime_install node n8n chromium redis
runtime_log "runtime ready in $(($(date +%s) - t0))s"

# Build and pack once; every stack installs this tarball.
npm run build --silent >/dev/null
pack_dir=.cache/e2e/pack-$$
rm -rf "$pack_dir" && mkdir -p "$pack_dir" test-results
trap 'rm -rf "$pack_dir"' EXIT
tgz=$(npm pack --silent --pack-destination "$pack_dir" 2>/dev/null | tail -1)
export E2E_PACKAGE_TGZ="$PWD/$pack_dir/$tgz"
export N8N_NODE N8N_HOST_DIR

t1=$(date +%s)
rc=0
npx jest -c test/e2e/jest.config.js --verbose --json --outputFile=test-results/e2e-results.json "$@" || rc=$?
runtime_log "e2e suite finished in $(($(date +%s) - t1))s (exit $rc)"
exit $rc

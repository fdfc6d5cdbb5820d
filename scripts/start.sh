#!/usr/bin/env bash
# npm start: a local n8n (2.41.1) with this package installed, the GHL sandbox, the partner
# simulators, credentials and templates. On a fresh clone it first installs what is missing:
# dev dependencies (npm ci --ignore-scripts), Node 24 + n8n + Debian build tools into .cache/
# (scripts/lib/runtime.sh). Ctrl-C stops everything it started.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=lib/runtime.sh
source scripts/lib/runtime.sh

if [ ! -d node_modules ]; then
	runtime_log "installing dev dependencies (npm ci --ignore-scripts)"
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
fi
runtime_install node n8n

runtime_log "building and packing n8n-nodes-ghl"
npm run build --silent >/dev/null
pack_dir=.cache/start/pack
rm -rf "$pack_dir" && mkdir -p "$pack_dir"
tgz=$(npm pack --silent --pack-destination "$pack_dir" 2>/dev/null | tail -1)
export E2E_PACKAGE_TGZ="$PWD/$pack_dir/$tgz"

# Safety net: whatever start.ts started and did not stop (it records n8n's PID here).
pid_file=.cache/start/n8n.pid
export START_PID_FILE="$PWD/$pid_file"
cleanup() {
	if [ -f "$pid_file" ]; then
		pid=$(cat "$pid_file")
		# n8n runs in its own process group (with its task runner); stop that group only.
		kill -TERM -- "-$pid" 2>/dev/null || true
		rm -f "$pid_file"
	fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

npx tsx scripts/start.ts

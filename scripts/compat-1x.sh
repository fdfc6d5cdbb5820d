#!/usr/bin/env bash
# Proves the package loads and runs under the latest n8n 1.x engine pair: installs
# n8n-core 1.122.48 + n8n-workflow 1.120.31 into .cache/compat-1x (once) and runs the
# foundation and workflow suites against them.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=.cache/compat-1x
if [ ! -f "$dir/.installed-1.122.48" ]; then
	mkdir -p "$dir"
	echo '{"name":"compat-1x","private":true}' > "$dir/package.json"
	(cd "$dir" && npm install --ignore-scripts --no-audit --no-fund --loglevel=error n8n-core@1.122.48 n8n-workflow@1.120.31)
	touch "$dir/.installed-1.122.48"
fi
GHL_TEST_ENGINE=n8n-1.x npx jest --config test/compat-1x.jest.config.js "$@"

#!/usr/bin/env bash
# npm test (and .ci/run): lint, typecheck, build, the packed-tarball scan, the repository alone (a copy of its
# tracked files with nothing beside it: scripts/standalone-check.sh), unit + workflow tests (jest), the
# same suites against the n8n 1.x engine pair, then the end-to-end suite against a real n8n
# (scripts/e2e.sh). Ends with one line "N passed, N failed" (jest + 1.x + e2e).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ]; then
	echo "[test] installing dev dependencies (npm ci --ignore-scripts)"
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
fi
mkdir -p test-results
rm -f test-results/unit-results.json test-results/compat-1x-results.json test-results/e2e-results.json test-results/standalone-results.json

echo "[test] lint"
npm run lint --silent
echo "[test] typecheck (every .ts file: tsconfig.test.json)"
npm run typecheck --silent
echo "[test] build"
npm run build --silent

echo "[test] runtime for the end-to-end suite (Node 24, n8n, Chromium, Redis; cached in .cache/)"
bash scripts/lib/runtime.sh node n8n chromium redis

echo "[test] scan the packed package as n8n's community-package scanner does"
npm run scan --silent

echo "[test] the repository on its own: a copy of the tracked files with nothing beside it"
standalone_rc=0
bash scripts/standalone-check.sh || standalone_rc=$?

echo "[test] jest (unit + workflow tests)"
unit_rc=0
npx jest --json --outputFile=test-results/unit-results.json || unit_rc=$?

echo "[test] jest against n8n-core / n8n-workflow 1.x"
compat_rc=0
bash scripts/compat-1x.sh --json --outputFile=test-results/compat-1x-results.json || compat_rc=$?

echo "[test] end-to-end (real n8n)"
e2e_rc=0
bash scripts/e2e.sh || e2e_rc=$?

# Sum both jest reports (a suite that could not run counts as one failure).
node -e '
const fs = require("fs");
let passed = 0, failed = 0;
for (const [name, file] of [["standalone copy", "test-results/standalone-results.json"], ["jest", "test-results/unit-results.json"], ["jest on n8n 1.x", "test-results/compat-1x-results.json"], ["e2e", "test-results/e2e-results.json"]]) {
	if (!fs.existsSync(file)) { failed += 1; console.log(`[test] ${name}: no results (${file} missing)`); continue; }
	const r = JSON.parse(fs.readFileSync(file, "utf8"));
	const f = r.numFailedTests + r.numRuntimeErrorTestSuites;
	console.log(`[test] ${name}: ${r.numPassedTests} passed, ${f} failed, ${r.numPendingTests} skipped (${r.numTotalTestSuites} suites)`);
	passed += r.numPassedTests; failed += f;
}
console.log(`${passed} passed, ${failed} failed`);
'
if [ "$standalone_rc" -ne 0 ] || [ "$unit_rc" -ne 0 ] || [ "$compat_rc" -ne 0 ] || [ "$e2e_rc" -ne 0 ]; then
	exit 1
fi

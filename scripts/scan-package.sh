#!/usr/bin/env bash
# What @n8n/scan-community-package checks in the published tarball, run before publishing:
# packs the package, then lints every packed .js file and package.json with
# @n8n/eslint-plugin-community-nodes "recommended" + no-console, eslint comments ignored.
set -euo pipefail
cd "$(dirname "$0")/.."
scan=.cache/scan
rm -rf "$scan" && mkdir -p "$scan"
npm pack --silent --pack-destination "$scan" >/dev/null
tar -xzf "$scan"/n8n-nodes-ghl-*.tgz -C "$scan"
npx eslint --no-inline-config --max-warnings 0 --config scripts/scan.eslint.config.mjs "$scan/package"
echo "scan: $(find "$scan/package" -name '*.js' | wc -l) packed .js files and package.json lint clean"

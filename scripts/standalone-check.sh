#!/usr/bin/env bash
# The repository stands on its own (part of npm test). Copies the files git tracks into an empty
# temporary folder, with nothing beside it (no ../shared), then there:
#   1. starts the sandbox as `npm run sandbox` does and makes one API call through it;
#   2. runs one workflow test file and the contract test in n8n-core against that copy.
# Writes jest's JSON report to test-results/standalone-results.json.
# node_modules is linked from this checkout: installed packages are not what is being checked.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
results="$root/test-results/standalone-results.json"
mkdir -p "$root/test-results"
rm -f "$results"

work=$(mktemp -d "${TMPDIR:-/tmp}/ghl-standalone.XXXXXX")
copy="$work/n8n-nodes-ghl"
sandbox_pid=""
cleanup() {
	# The sandbox runs in its own process group (npx → tsx → node): stop all of it.
	if [ -n "$sandbox_pid" ]; then kill -- "-$sandbox_pid" 2>/dev/null || true; fi
	rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$copy"
# Tracked files as they are in the working tree (a file deleted but not yet committed is skipped).
git ls-files -z | tar --null -T - --ignore-failed-read -cf - 2>/dev/null | tar -xf - -C "$copy"
ln -s "$root/node_modules" "$copy/node_modules"
if [ -e "$work/shared" ] || [ -e "$copy/../shared" ]; then
	echo "[standalone] $work/shared exists; the check needs an empty parent folder" >&2
	exit 1
fi
echo "[standalone] copied $(git ls-files | wc -l) tracked files to $copy (nothing beside it)"

cd "$copy"
log="$work/sandbox.log"
setsid npx tsx sandbox/cli.ts --port 0 >"$log" 2>&1 &
sandbox_pid=$!
for _ in $(seq 1 120); do
	grep -q '^SANDBOX_READY ' "$log" && break
	if ! kill -0 "$sandbox_pid" 2>/dev/null; then break; fi
	sleep 0.5
done
if ! grep -q '^SANDBOX_READY ' "$log"; then
	echo "[standalone] the sandbox did not start in the copy:" >&2
	sed 's/^/[standalone]   /' "$log" >&2
	exit 1
fi
ready=$(grep '^SANDBOX_READY ' "$log" | head -1 | cut -d' ' -f2-)
url=$(node -e 'console.log(JSON.parse(process.argv[1]).url)' "$ready")
location=$(node -e 'console.log(JSON.parse(process.argv[1]).locationId)' "$ready")
token=$(node -e 'console.log(JSON.parse(process.argv[1]).privateToken)' "$ready")
status=$(curl -s -o "$work/answer.json" -w '%{http_code}' -X POST "$url/contacts/search" \
	-H "Authorization: Bearer $token" -H 'Version: 2021-07-28' -H 'Content-Type: application/json' \
	--data "{\"locationId\":\"$location\",\"pageLimit\":1}")
if [ "$status" != "200" ] || ! grep -q '"contacts"' "$work/answer.json"; then
	echo "[standalone] POST /contacts/search through the copy's sandbox answered $status" >&2
	exit 1
fi
echo "[standalone] sandbox started from the copy; POST /contacts/search answered 200"
kill -- "-$sandbox_pid" 2>/dev/null || true
wait "$sandbox_pid" 2>/dev/null || true
sandbox_pid=""

echo "[standalone] one workflow test file and the contract test, run in the copy"
npx jest --rootDir "$copy" --runInBand test/nodes/task.test.ts test/contract.test.ts \
	--json --outputFile="$results"

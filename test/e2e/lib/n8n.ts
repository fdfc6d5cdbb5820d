/**
 * Driving a real n8n 2.x: its environment, its CLI (`import:*`, `execute`, `export:*`,
 * one cold boot each) and its REST APIs (owner setup, login, API key, public API).
 */
import { writeFileSync } from 'fs';
import path from 'path';
import { ENCRYPTION_KEY, OWNER, ensureDir, n8nEntry, nodeBinary } from './runtime';
import { runProcess, type RunResult } from './processes';

export interface N8nEnvOptions {
	userFolder: string;
	port: number;
	brokerPort: number;
	/** Base URL webhooks are served under (default http://127.0.0.1:<port>/). */
	webhookUrl?: string;
	queue?: { redisPort: number };
	extra?: NodeJS.ProcessEnv;
}

/** Environment for every n8n process of one instance (server, workers and CLI commands). */
export function n8nEnv(opts: N8nEnvOptions): NodeJS.ProcessEnv {
	const node = nodeBinary();
	const env: NodeJS.ProcessEnv = {
		// Only what n8n needs from ours; the machine's Node must not win over Node 24.
		PATH: `${path.dirname(node)}:${process.env.PATH ?? '/usr/bin:/bin'}`,
		HOME: process.env.HOME,
		LANG: process.env.LANG ?? 'C.UTF-8',
		TZ: process.env.TZ ?? 'UTC',
		N8N_USER_FOLDER: opts.userFolder,
		N8N_PORT: String(opts.port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_EDITOR_BASE_URL: `http://127.0.0.1:${opts.port}/`,
		N8N_WEBHOOK_URL: opts.webhookUrl ?? `http://127.0.0.1:${opts.port}/`,
		N8N_RUNNERS_BROKER_PORT: String(opts.brokerPort),
		N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		N8N_SECURE_COOKIE: 'false',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		// `execute` prints its result through the logger: keep info.
		N8N_LOG_LEVEL: 'info',
		// No calls to api.n8n.io at boot (the machine is offline).
		N8N_DISABLED_MODULES: 'mcp-registry',
		// Activation at boot is awaited before /healthz/readiness answers 200.
		N8N_USE_WORKFLOW_PUBLICATION_SERVICE: 'false',
		DB_SQLITE_POOL_SIZE: '2',
		NODE_ENV: 'production',
		...opts.extra,
	};
	if (opts.queue) {
		Object.assign(env, {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(opts.queue.redisPort),
			QUEUE_BULL_PREFIX: 'ghl-e2e',
			// Manual/CLI runs go to workers too, so every execution in queue mode is a worker's.
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
		});
	}
	return env;
}

export async function n8nCli(env: NodeJS.ProcessEnv, args: string[], timeoutMs = 120000): Promise<RunResult> {
	return await runProcess(nodeBinary(), [n8nEntry(), ...args], { env, timeoutMs, cwd: env.N8N_USER_FOLDER });
}

/** Runs an n8n CLI command and throws with its output when it exits non-zero. */
export async function n8nCliOk(env: NodeJS.ProcessEnv, args: string[], timeoutMs?: number): Promise<RunResult> {
	const result = await n8nCli(env, args, timeoutMs);
	if (result.code !== 0) {
		throw new Error(`n8n ${args.join(' ')} exited with ${result.code}\n${result.stdout}\n${result.stderr}`);
	}
	return result;
}

export function writeJsonFile(dir: string, name: string, data: unknown): string {
	const file = path.join(ensureDir(dir), name);
	writeFileSync(file, JSON.stringify(data, null, 2));
	return file;
}

// ---------------------------------------------------------------------------------------
// REST

export class RestError extends Error {
	constructor(
		message: string,
		public status: number,
		public body: string,
	) {
		super(message);
	}
}

/** A small client for one n8n instance: cookie session (/rest) and API key (/api/v1). */
export class N8nClient {
	cookie = '';
	apiKey = '';

	constructor(public baseUrl: string) {}

	/** `json` is the parsed body, typed as the caller expects it (T); undefined when the body is empty or not JSON. */
	async request<T = unknown>(
		method: string,
		urlPath: string,
		body?: unknown,
		{ auth = 'cookie', okStatuses }: { auth?: 'cookie' | 'apiKey' | 'none'; okStatuses?: number[] } = {},
	): Promise<{ status: number; json: T | undefined; text: string }> {
		const headers: Record<string, string> = { accept: 'application/json' };
		if (body !== undefined) headers['content-type'] = 'application/json';
		if (auth === 'cookie' && this.cookie) headers.cookie = this.cookie;
		if (auth === 'apiKey') headers['x-n8n-api-key'] = this.apiKey;
		const res = await fetch(`${this.baseUrl}${urlPath}`, {
			method,
			headers,
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(60000),
		});
		const setCookie = res.headers.getSetCookie?.() ?? [];
		const auth_ = setCookie.map((c) => c.split(';')[0]).find((c) => c.startsWith('n8n-auth='));
		if (auth_) this.cookie = auth_;
		const text = await res.text();
		let json: T | undefined;
		try {
			json = text ? JSON.parse(text) : undefined;
		} catch {
			json = undefined;
		}
		const ok = okStatuses ? okStatuses.includes(res.status) : res.ok;
		if (!ok) throw new RestError(`${method} ${urlPath} → ${res.status}: ${text.slice(0, 500)}`, res.status, text);
		return { status: res.status, json, text };
	}

	/** Creates the owner on a fresh instance, or logs in when it exists already. */
	async ensureOwner(owner = OWNER): Promise<void> {
		const settings = await this.request<{ data?: { userManagement?: { showSetupOnFirstLoad?: boolean } } }>('GET', '/rest/settings', undefined, {
			auth: 'none',
		});
		const showSetup = settings.json?.data?.userManagement?.showSetupOnFirstLoad;
		if (showSetup !== false) {
			try {
				await this.request('POST', '/rest/owner/setup', owner, { auth: 'none' });
				return;
			} catch (err) {
				if (!(err instanceof RestError) || err.status !== 400) throw err;
			}
		}
		await this.login(owner.email, owner.password);
	}

	async login(email: string, password: string): Promise<void> {
		try {
			await this.request('POST', '/rest/login', { emailOrLdapLoginId: email, password }, { auth: 'none' });
		} catch (err) {
			if (!(err instanceof RestError) || err.status !== 400) throw err;
			await this.request('POST', '/rest/login', { email, password }, { auth: 'none' });
		}
	}

	/** Creates an API key with every scope the instance offers (needs a session). */
	async createApiKey(label = `e2e-${Date.now()}`): Promise<string> {
		const scopes = (await this.request<{ data: string[] }>('GET', '/rest/api-keys/scopes')).json?.data;
		const created = await this.request<{ data?: { rawApiKey?: string } }>('POST', '/rest/api-keys', { label, scopes, expiresAt: null });
		const rawApiKey = created.json?.data?.rawApiKey;
		if (!rawApiKey) throw new Error(`POST /rest/api-keys answered ${created.status} without an API key`);
		this.apiKey = rawApiKey;
		return this.apiKey;
	}

	/** A public API call; the answer typed as the caller expects it (T), undefined when it is not JSON. */
	async api<T = unknown>(method: string, urlPath: string, body?: unknown): Promise<T | undefined> {
		return (await this.request<T>(method, `/api/v1${urlPath}`, body, { auth: 'apiKey' })).json;
	}
}

export async function waitReady(baseUrl: string): Promise<boolean> {
	try {
		const res = await fetch(`${baseUrl}/healthz/readiness`, { signal: AbortSignal.timeout(2000) });
		return res.status === 200;
	} catch {
		return false;
	}
}

/**
 * startStack(): the GHL sandbox (in-process) + a real n8n 2.41.1 with our package installed
 * from its npm tarball, two credentials pointing at the sandbox, an owner and an API key.
 * With `queueMode: true`: Redis + one main + two workers (EXECUTIONS_MODE=queue).
 *
 *   const stack = await startStack();
 *   const id = await stack.importWorkflow(json);
 *   const run = await stack.execute(id);          // `n8n execute --id`, the run read back by the public API
 *   await stack.activate(id);                     // public API
 *   await stack.waitForExecutions(id, 1, 30000);  // public API, includeData=true
 *   await stack.stop();
 */
import { randomBytes } from 'crypto';
import { cpSync, readFileSync, rmSync } from 'fs';
import path from 'path';
import { startSandbox } from '../../../sandbox';
import type { OAuthTokenResponse, Sandbox, SandboxOptions } from '../../../sandbox';
import { startPartners, type Partners } from '../../../sandbox/partners';
import { N8nClient, n8nCli, n8nCliOk, n8nEnv, waitReady, writeJsonFile } from './n8n';
import { installPackage } from './package';
import { ghlCredentialRefs, partnerCredentials } from './templates';
import { portInUse, startProcess, tail, waitFor, type Managed } from './processes';
import { E2E_CACHE, OWNER, RESULTS, e2ePorts, ensureDir, n8nEntry, nodeBinary, redisServerPath, type Ports } from './runtime';
import type { ExecutionJson, WorkflowJson } from './workflows';

export interface CredentialRef {
	id: string;
	name: string;
}

/** A credential as `n8n import:credentials` reads it (plain `data`: n8n encrypts it on import). */
export interface CredentialJson {
	id?: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

/** A credential as `n8n export:credentials --decrypted` writes it. */
export interface ExportedCredential {
	id: string;
	name: string;
	type: string;
	/** For an OAuth2 credential, oauthTokenData is the token response n8n stored. */
	data: { oauthTokenData?: OAuthTokenResponse; [field: string]: unknown };
}

export interface StackOptions {
	queueMode?: boolean;
	/** Extra options for the in-process sandbox (port defaults to a free one). */
	sandbox?: SandboxOptions;
	/** Start the partner simulators of sandbox/partners (default true, on a free port). */
	partners?: boolean | { port?: number; log?: boolean };
	/** Port block (default E2E_PORT_BASE or 5690). */
	portBase?: number;
	/** Number of workers in queue mode (default 2). */
	workers?: number;
	/** Extra environment for every n8n process. */
	env?: NodeJS.ProcessEnv;
}

export interface Stack {
	n8nUrl: string;
	sandbox: Sandbox;
	partners?: Partners;
	importWorkflow(json: WorkflowJson): Promise<string>;
	importCredential(json: CredentialJson | CredentialJson[]): Promise<void>;
	/** `n8n execute --id`; the execution it saved, read back with its data (public API). */
	/** `timeoutMs`: how long the `n8n execute` process may take (a full-scale bench run takes minutes). */
	execute(workflowId: string, timeoutMs?: number): Promise<ExecutionJson>;
	activate(workflowId: string): Promise<void>;
	executions(workflowId: string): Promise<ExecutionJson[]>;
	waitForExecutions(workflowId: string, count: number, timeoutMs: number): Promise<ExecutionJson[]>;
	webhookUrl(path: string): string;
	credentials: { pit: CredentialRef; oauth: CredentialRef };
	stop(): Promise<void>;

	// Beyond the core API
	queueMode: boolean;
	ports: Ports;
	userFolder: string;
	/** Environment of this instance's n8n processes (for extra CLI commands). */
	env: NodeJS.ProcessEnv;
	client: N8nClient;
	owner: typeof OWNER;
	apiKey: string;
	/** OAuth tokens the sandbox issued for the stored OAuth2 credential. */
	oauthTokens: OAuthTokenResponse;
	main: Managed;
	workers: Managed[];
	/** Any n8n CLI command against this instance (a cold boot each, ~3-5 s). */
	cli(args: string[], timeoutMs?: number): Promise<{ code: number | null; stdout: string; stderr: string }>;
	/** Several workflows in one `import:workflow --separate` (one boot instead of N). */
	importWorkflows(jsons: WorkflowJson[]): Promise<string[]>;
	deactivate(workflowId: string): Promise<void>;
	/** `export:credentials --decrypted` of one credential. */
	exportCredential(id: string): Promise<ExportedCredential>;
	/** Log text of the main process and the workers. */
	logs(): { main: string; workers: string[] };
}

/** The ids/names the templates reference (templates/src/lib.ts), so imported templates find them. */
const refs = ghlCredentialRefs();
export const PIT_CREDENTIAL: CredentialRef = refs.pit;
export const OAUTH_CREDENTIAL: CredentialRef = refs.oauth;
export const AGENCY_CREDENTIAL: CredentialRef = refs.agency;

/** Credential JSON for `n8n import:credentials` (plain `data`: n8n encrypts it on import). */
export function sandboxCredentials(
	sandbox: { url: string; demo: { privateToken: string; locationId: string; oauthClientId: string; oauthClientSecret: string } },
	oauthTokens: Record<string, unknown>,
	/** A Company token: adds the agency credential (the agency fan-out template uses it). */
	agencyTokens?: Record<string, unknown>,
): CredentialJson[] {
	/** The sandbox's demo app, connected: as n8n stores an OAuth2 credential after the consent flow. */
	const connected = (oauthTokenData: Record<string, unknown>) => ({
		clientId: sandbox.demo.oauthClientId,
		clientSecret: sandbox.demo.oauthClientSecret,
		baseUrl: sandbox.url,
		marketplace: 'apiHost',
		scopePreset: 'readWrite',
		oauthTokenData,
	});
	return [
		{
			...PIT_CREDENTIAL,
			type: 'ghlApi',
			data: { accessToken: sandbox.demo.privateToken, locationId: sandbox.demo.locationId, baseUrl: sandbox.url },
		},
		{ ...OAUTH_CREDENTIAL, type: 'ghlOAuth2Api', data: connected(oauthTokens) },
		...(agencyTokens ? [{ ...AGENCY_CREDENTIAL, type: 'ghlAgencyOAuth2Api', data: connected(agencyTokens) }] : []),
	];
}

/** A 16-character id like n8n's own. */
export function newId(): string {
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
	return [...randomBytes(16)].map((b) => alphabet[b % alphabet.length]).join('');
}

let locked: Promise<unknown> = Promise.resolve();
/** CLI commands share one broker port and the SQLite file: run them one at a time. */
function serial<T>(fn: () => Promise<T>): Promise<T> {
	const next = locked.then(fn, fn);
	locked = next.catch(() => undefined);
	return next;
}

function isFinished(execution: ExecutionJson): boolean {
	return !['new', 'running', 'waiting', 'unknown'].includes(String(execution.status)) || execution.finished === true;
}

export async function startStack(opts: StackOptions = {}): Promise<Stack> {
	const queueMode = !!opts.queueMode;
	const ports = e2ePorts(opts.portBase);
	nodeBinary();
	n8nEntry();
	const busy = [];
	const queuePorts = queueMode ? [ports.redis, ...ports.workers.slice(0, opts.workers ?? 2).flatMap((w) => [w.broker, w.health])] : [];
	for (const port of [ports.main, ports.mainBroker, ports.cliBroker, ...queuePorts]) {
		if (await portInUse(port)) busy.push(port);
	}
	if (busy.length) throw new Error(`Ports ${busy.join(', ')} are in use (another e2e stack running?); set E2E_PORT_BASE`);

	const userFolder = ensureDir(path.join(E2E_CACHE, `${queueMode ? 'queue' : 'regular'}-${Date.now()}-${process.pid}`));
	const logsDir = ensureDir(path.join(userFolder, 'logs'));
	const importDir = ensureDir(path.join(userFolder, 'import'));
	const cleanup: (() => Promise<void>)[] = [];
	const stopAll = async () => {
		for (const fn of cleanup.splice(0).reverse()) {
			try {
				await fn();
			} catch {
				// keep stopping the rest
			}
		}
	};
	/** Process logs go to test-results/e2e-logs/<user folder name>/ (CI artefacts, debugging). */
	const saveLogs = () => {
		try {
			cpSync(logsDir, path.join(ensureDir(path.join(RESULTS, 'e2e-logs')), path.basename(userFolder)), { recursive: true });
		} catch {
			// best effort
		}
	};

	try {
		const sandbox = await startSandbox({ port: 0, refreshGraceMs: 120_000, ...opts.sandbox });
		cleanup.push(() => sandbox.close());
		const partners =
			opts.partners === false ? undefined : await startPartners({ port: 0, ...(typeof opts.partners === 'object' ? opts.partners : {}) });
		cleanup.push(async () => partners?.close());

		installPackage(userFolder);
		const env = n8nEnv({
			userFolder,
			port: ports.main,
			brokerPort: ports.mainBroker,
			queue: queueMode ? { redisPort: ports.redis } : undefined,
			extra: opts.env,
		});
		const cliEnv = { ...env, N8N_RUNNERS_BROKER_PORT: String(ports.cliBroker) };

		// Credentials first: this first CLI boot also runs the DB migrations.
		const oauthTokens = sandbox.issueOAuthTokens();
		const credFile = writeJsonFile(importDir, 'credentials.json', [
			...sandboxCredentials(sandbox, oauthTokens, sandbox.issueOAuthTokens({ userType: 'Company' })),
			...(partners ? partnerCredentials() : []),
		]);
		await n8nCliOk(cliEnv, ['import:credentials', `--input=${credFile}`]);
		rmSync(credFile, { force: true });

		let redis: Managed | undefined;
		if (queueMode) {
			const redisServer = redisServerPath();
			if (!redisServer) throw new Error('redis-server not found: run `bash scripts/lib/runtime.sh redis`');
			redis = startProcess('redis', redisServer, ['--port', String(ports.redis), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', userFolder], {
				env: { PATH: process.env.PATH },
				logFile: path.join(logsDir, 'redis.log'),
			});
			cleanup.push(() => redis!.stop());
			await waitFor('redis', () => portInUse(ports.redis), { timeoutMs: 15000, onTimeout: () => tail(redis!.log()) });
		}

		const main = startProcess('n8n-main', nodeBinary(), [n8nEntry(), 'start'], {
			env,
			cwd: userFolder,
			logFile: path.join(logsDir, 'main.log'),
		});
		cleanup.push(() => main.stop());
		const workers: Managed[] = [];
		if (queueMode) {
			const count = opts.workers ?? 2;
			for (let i = 0; i < count; i++) {
				const workerPorts = ports.workers[i] ?? { broker: ports.redis + 10 + 2 * i, health: ports.redis + 11 + 2 * i };
				const worker = startProcess(`n8n-worker-${i + 1}`, nodeBinary(), [n8nEntry(), 'worker', '--concurrency=5'], {
					env: {
						...env,
						N8N_RUNNERS_BROKER_PORT: String(workerPorts.broker),
						QUEUE_HEALTH_CHECK_ACTIVE: 'true',
						QUEUE_HEALTH_CHECK_PORT: String(workerPorts.health),
						N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
					},
					cwd: userFolder,
					logFile: path.join(logsDir, `worker-${i + 1}.log`),
				});
				workers.push(worker);
				cleanup.push(() => worker.stop());
			}
		}

		const n8nUrl = `http://127.0.0.1:${ports.main}`;
		const bootTimeout = 180_000;
		await waitFor(
			'n8n main /healthz/readiness',
			async () => {
				if (main.exitCode !== undefined) throw new Error(`n8n exited with ${main.exitCode}:\n${tail(main.log())}`);
				return await waitReady(n8nUrl);
			},
			{ timeoutMs: bootTimeout, intervalMs: 300, onTimeout: () => tail(main.log()) },
		);
		for (const [i, worker] of workers.entries()) {
			const health = ports.workers[i]?.health ?? ports.redis + 11 + 2 * i;
			await waitFor(
				`${worker.name} readiness`,
				async () => {
					if (worker.exitCode !== undefined) throw new Error(`${worker.name} exited with ${worker.exitCode}:\n${tail(worker.log())}`);
					return await waitReady(`http://127.0.0.1:${health}`);
				},
				{ timeoutMs: bootTimeout, intervalMs: 300, onTimeout: () => tail(worker.log()) },
			);
		}

		const client = new N8nClient(n8nUrl);
		await client.ensureOwner(OWNER);
		const apiKey = await client.createApiKey();

		const cli = (args: string[], timeoutMs?: number) => serial(() => n8nCli(cliEnv, args, timeoutMs));

		const importWorkflows = async (jsons: WorkflowJson[]): Promise<string[]> => {
			const dir = ensureDir(path.join(importDir, `wf-${Date.now()}-${newId()}`));
			const ids = jsons.map((json, i) => {
				const id = json.id || newId();
				const workflow: WorkflowJson = {
					...json,
					id,
					name: json.name || `E2E workflow ${id}`,
					active: false,
					settings: json.settings ?? { executionOrder: 'v1' },
				};
				writeJsonFile(dir, `${String(i).padStart(3, '0')}-${id}.json`, workflow);
				return id;
			});
			await serial(() => n8nCliOk(cliEnv, ['import:workflow', '--separate', `--input=${dir}`]));
			rmSync(dir, { recursive: true, force: true });
			return ids;
		};

		/** Ids of the workflow's saved executions (without their data). */
		const executionIds = async (workflowId: string): Promise<string[]> => {
			const ids: string[] = [];
			let cursor: string | undefined;
			do {
				const query = new URLSearchParams({ workflowId, limit: '250' });
				if (cursor) query.set('cursor', cursor);
				const page = await client.api<{ data?: Array<{ id: string | number }>; nextCursor?: string | null }>('GET', `/executions?${query}`);
				ids.push(...(page?.data ?? []).map((e) => String(e.id)));
				cursor = page?.nextCursor ?? undefined;
			} while (cursor);
			return ids;
		};

		const executions = async (workflowId: string): Promise<ExecutionJson[]> => {
			const all: ExecutionJson[] = [];
			let cursor: string | undefined;
			do {
				const query = new URLSearchParams({ workflowId, includeData: 'true', limit: '250' });
				if (cursor) query.set('cursor', cursor);
				const page = await client.api<{ data?: ExecutionJson[]; nextCursor?: string | null }>('GET', `/executions?${query}`);
				all.push(...(page?.data ?? []));
				cursor = page?.nextCursor ?? undefined;
			} while (cursor);
			return all.sort((a, b) => Number(a.id) - Number(b.id));
		};

		const stack: Stack = {
			n8nUrl,
			sandbox,
			partners,
			queueMode,
			ports,
			userFolder,
			env,
			client,
			owner: OWNER,
			apiKey,
			oauthTokens,
			main,
			workers,
			credentials: { pit: { ...PIT_CREDENTIAL }, oauth: { ...OAUTH_CREDENTIAL } },
			cli,
			importWorkflows,
			async importWorkflow(json) {
				const [id] = await importWorkflows([json]);
				return id;
			},
			async importCredential(json) {
				const list = Array.isArray(json) ? json : [json];
				const file = writeJsonFile(importDir, `cred-${newId()}.json`, list.map((c) => ({ id: c.id || newId(), ...c })));
				await serial(() => n8nCliOk(cliEnv, ['import:credentials', `--input=${file}`]));
				rmSync(file, { force: true });
			},
			async execute(workflowId, timeoutMs = 180_000) {
				// The run is read back from n8n's DB (public API), not from the CLI's stdout: `n8n execute`
				// logs the whole run through its logger and exits right after, so a run of a few MB
				// (the DPD import's 200 purchases) reached the pipe cut off mid-JSON with exit code 0.
				const known = new Set(await executionIds(workflowId));
				const result = await cli(['execute', `--id=${workflowId}`, '--rawOutput'], timeoutMs);
				const started = (await executionIds(workflowId)).filter((id) => !known.has(id));
				if (started.length !== 1) {
					throw new Error(
						`n8n execute --id=${workflowId} (exit ${result.code}) saved ${started.length} execution(s), expected 1\nstdout: ${result.stdout.slice(-3000)}\nstderr: ${result.stderr.slice(-3000)}`,
					);
				}
				return await waitFor(`execution ${started[0]} to be finished`, async () => {
					const execution = await client.api<ExecutionJson>('GET', `/executions/${started[0]}?includeData=true`);
					return execution && isFinished(execution) ? execution : undefined;
				});
			},
			async activate(workflowId) {
				await client.api('POST', `/workflows/${workflowId}/activate`);
				await waitFor('workflow to be active', async () => (await client.api<WorkflowJson>('GET', `/workflows/${workflowId}`))?.active === true, {
					timeoutMs: 30000,
				});
			},
			async deactivate(workflowId) {
				await client.api('POST', `/workflows/${workflowId}/deactivate`);
			},
			executions,
			async waitForExecutions(workflowId, count, timeoutMs) {
				return await waitFor(
					`${count} finished execution(s) of ${workflowId}`,
					async () => {
						const list = await executions(workflowId);
						return list.length >= count && list.every(isFinished) ? list : undefined;
					},
					{ timeoutMs, intervalMs: 300 },
				);
			},
			webhookUrl(p) {
				return `${n8nUrl}/webhook/${p.replace(/^\/+/, '')}`;
			},
			async exportCredential(id) {
				const file = path.join(importDir, `export-${newId()}.json`);
				await serial(() => n8nCliOk(cliEnv, ['export:credentials', `--id=${id}`, '--decrypted', `--output=${file}`]));
				const data: ExportedCredential | ExportedCredential[] = JSON.parse(readFileSync(file, 'utf8'));
				rmSync(file, { force: true });
				return Array.isArray(data) ? data[0] : data;
			},
			logs() {
				return { main: main.log(), workers: workers.map((w) => w.log()) };
			},
			async stop() {
				await stopAll();
				saveLogs();
				if (!process.env.E2E_KEEP) rmSync(userFolder, { recursive: true, force: true });
			},
		};
		return stack;
	} catch (err) {
		await stopAll();
		saveLogs();
		throw err;
	}
}

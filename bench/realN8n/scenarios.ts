/**
 * The benchmark scenarios, each run in a real n8n (test/e2e/lib's stack: n8n 2.41.1 with this
 * package installed from its tarball) for this package's node and for n8n's built-in HighLevel node
 * (n8n-nodes-base.highLevel v2, unmodified, reaching the sandbox through redirect.ts), against the
 * same sandbox with the same limit and latency.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'fs';
import path from 'path';
import type { IDataObject } from 'n8n-workflow';
import type { RecordedRequest } from '../../sandbox';
import { codeNode, ghlNode, manualWorkflow, newId, runError } from '../../test/e2e/lib';
import type { CredentialRef, NodeJson, RunJson, Stack, WorkflowJson } from '../../test/e2e/lib';
import { ghlTriggerWorkflow, postDelivery, signedDelivery } from '../../test/e2e/lib/trigger';
import type { Redirect } from './redirect';

/** GHL's burst limit: 100 requests per 10 s per location. */
export const GHL_MAX = 100;
export const GHL_INTERVAL_MS = 10_000;

export interface BenchSettings {
	/**
	 * How much faster than real time the limit's window and the network latency run: 10 makes
	 * GHL's 100 per 10 s a 100 per 1 s window and a 500 ms answer 50 ms. Throughput as a fraction of
	 * the ceiling depends on latency ÷ window, so both are scaled together; 1 is full scale.
	 */
	timeScale: number;
	records: number;
	runs: number;
	/** Real-world latencies (ms); the sandbox waits latency ÷ timeScale. */
	latenciesMs: number[];
	returnAllContacts: number;
	overheadItems: number;
	deliveries: number;
}

export function settingsFromEnv(env = process.env): BenchSettings {
	const full = env.BENCH_SCALE === 'full';
	const number = (name: string, fallback: number) => (env[name] ? Number(env[name]) : fallback);
	return {
		// Factor 5: at 10 the pacer's unscaled jitter margin (≥ 50 ms) is 5 % of the window, which costs ceiling that GHL's real window does not.
		timeScale: number('BENCH_TIME_SCALE', full ? 1 : 5),
		records: number('BENCH_RECORDS', 5000),
		runs: number('BENCH_RUNS', 5),
		latenciesMs: env.BENCH_LATENCIES ? env.BENCH_LATENCIES.split(',').map(Number) : [0, 200, 500],
		returnAllContacts: number('BENCH_RETURN_ALL', 20_000),
		overheadItems: number('BENCH_OVERHEAD_ITEMS', 10_000),
		deliveries: number('BENCH_DELIVERIES', 400),
	};
}

export interface BenchContext {
	stack: Stack;
	redirect: Redirect;
	/** The built-in node's stored OAuth2 credential (tokens the sandbox issued). */
	builtIn: CredentialRef;
	settings: BenchSettings;
}

export type NodeKind = 'ours' | 'builtIn';

/** What one execution did, measured from outside n8n. */
export interface RunFigures {
	/** The node's own execution time in n8n (ms). */
	nodeMs: number;
	status: string;
	error?: string;
	outputItems: number;
	/** Requests that reached the sandbox's API. */
	calls: number;
	rateLimited: number;
	/** Peak RSS (MB) and CPU (ms) of the `n8n execute` process. */
	peakRssMb?: number;
	cpuMs?: number;
	/** Return All: the records read, and their size as JSON (MB). */
	records?: number;
	dataMb?: number;
}

function apiCalls(requests: RecordedRequest[]): RecordedRequest[] {
	return requests.filter((request) => !request.path.startsWith('/_sandbox'));
}

export function builtInNode(name: string, parameters: IDataObject, credential: CredentialRef): NodeJson {
	return {
		id: newId(),
		name,
		type: 'n8n-nodes-base.highLevel',
		typeVersion: 2,
		position: [0, 0],
		parameters,
		credentials: { highLevelOAuth2Api: credential },
	};
}

/** Items made by a Code node: `count` records from `make` (a JS expression of `i`). */
function records(count: number, make: string): NodeJson {
	return codeNode('Records', `return Array.from({ length: ${count} }, (_, i) => ({ json: ${make} }));`);
}

/** The stats file the preload script wrote for the last `n8n execute` process. */
function executeStats(statsDir: string): { peakRssMb: number; cpuMs: number } | undefined {
	const files = existsSync(statsDir) ? readdirSync(statsDir) : [];
	for (const file of files) {
		const stats = JSON.parse(readFileSync(path.join(statsDir, file), 'utf8')) as { argv: string[]; maxRssKb: number; userUs: number; systemUs: number };
		if (stats.argv[0] === 'execute') return { peakRssMb: stats.maxRssKb / 1024, cpuMs: (stats.userUs + stats.systemUs) / 1000 };
	}
	return undefined;
}

/** The run's output could not be read; the scenario is repeated. */
export class UnreadableRun extends Error {}

/** Runs `scenario` again (once) when its output could not be read. */
export async function again<T>(scenario: () => Promise<T>, log: (line: string) => void): Promise<T> {
	try {
		return await scenario();
	} catch (error) {
		if (!(error instanceof UnreadableRun)) throw error;
		log(`run output unreadable (${error.message.slice(0, 80)}…), running it again`);
		return await scenario();
	}
}

/** Executes a stored workflow with `n8n execute` and measures the node `nodeName`. */
export async function execute(ctx: BenchContext, workflowId: string, nodeName: string): Promise<RunFigures & { run: RunJson }> {
	const { sandbox } = ctx.stack;
	rmSync(ctx.redirect.statsDir, { recursive: true, force: true });
	mkdirSync(ctx.redirect.statsDir, { recursive: true });
	sandbox.requests.length = 0;
	const rejectedBefore = sandbox.stats().rateLimited;
	let run: RunJson;
	try {
		// A bulk write at full scale takes records ÷ 10/s (8 min for 5,000) and the built-in node at
		// 500 ms twice that: the process gets room for the slowest of them.
		const { records, timeScale, latenciesMs } = ctx.settings;
		const slowest = (records / 2) * (Math.max(0, ...latenciesMs) / 500 + 1) * (1000 / timeScale);
		run = await ctx.stack.execute(workflowId, Math.max(180_000, slowest + 300_000));
	} catch (error) {
		// \`n8n execute\` prints the run as one large write; a line its task runner prints meanwhile
		// can land inside it. The run itself happened: run it again once, from the same state.
		if (!/No run JSON|JSON/.test(String((error as Error).message))) throw error;
		throw new UnreadableRun(String((error as Error).message).slice(0, 200));
	}
	const task = run.data.resultData.runData[nodeName]?.[0];
	const calls = apiCalls(sandbox.requests);
	return {
		run,
		nodeMs: task?.executionTime ?? NaN,
		status: run.status ?? (run.finished ? 'success' : 'error'),
		error: runError(run),
		outputItems: task?.data?.main?.[0]?.length ?? 0,
		calls: calls.length,
		rateLimited: sandbox.stats().rateLimited - rejectedBefore,
		...executeStats(ctx.redirect.statsDir),
	};
}

/** Sandbox state for a run: seed data (unless kept), the scaled limit, the scaled latency on every request. */
export function prepareSandbox(ctx: BenchContext, options: { latencyMs: number; limit: boolean; keepData?: boolean }): void {
	const { sandbox } = ctx.stack;
	if (options.keepData) {
		sandbox.clearFaults();
	} else {
		sandbox.reset();
	}
	const scale = ctx.settings.timeScale;
	sandbox.setRateLimit(
		options.limit
			? { max: GHL_MAX, intervalMs: GHL_INTERVAL_MS / scale, daily: 10_000_000 }
			: { max: 1_000_000_000, intervalMs: 1000, daily: 1_000_000_000 },
	);
	const latency = Math.round(options.latencyMs / scale);
	if (latency > 0) sandbox.injectFault({ kind: 'latency', ms: latency, count: 1_000_000_000 });
}

// -------------------------------------------------------------------------------------------
// 1. Bulk write: Create or Update, with and without a tag

export interface BulkWriteRun extends RunFigures {
	written: number;
	lost: number;
	untagged: number;
}

export async function importBulkWrite(ctx: BenchContext, node: NodeKind, tagged: boolean): Promise<string> {
	const { stack, settings } = ctx;
	const emails = records(settings.records, "{ email: 'bulk' + i + '@bench.example.com' }");
	const step =
		node === 'ours'
			? ghlNode('GHL', { resource: 'contact', operation: 'upsert', email: '={{ $json.email }}', additionalFields: tagged ? { tags: 'bench' } : {} }, stack.credentials)
			: builtInNode('GHL', { resource: 'contact', operation: 'create', email: '={{ $json.email }}', additionalFields: tagged ? { tags: 'bench' } : {} }, ctx.builtIn);
	return await stack.importWorkflow(manualWorkflow(`bench bulk ${node} ${tagged ? 'tag' : 'plain'}`, [emails, step]));
}

export async function bulkWrite(ctx: BenchContext, workflowId: string, tagged: boolean, latencyMs: number): Promise<BulkWriteRun> {
	prepareSandbox(ctx, { latencyMs, limit: true });
	const figures = await execute(ctx, workflowId, 'GHL');
	const stored = (ctx.stack.sandbox.snapshot().contacts as Array<{ email?: string; tags: string[] }>).filter((contact) =>
		/^bulk\d+@bench\.example\.com$/.test(contact.email ?? ''),
	);
	const { run: _run, ...rest } = figures;
	void _run;
	return {
		...rest,
		written: stored.length,
		lost: ctx.settings.records - stored.length,
		untagged: tagged ? stored.filter((contact) => !contact.tags.includes('bench')).length : 0,
	};
}

// -------------------------------------------------------------------------------------------
// 2. Return All

/** Tops the demo location up to `total` contacts (through the API, quickly: no limit meanwhile). */
export async function fillLocation(ctx: BenchContext, total: number): Promise<void> {
	const { sandbox } = ctx.stack;
	sandbox.reset();
	sandbox.setRateLimit({ max: 1_000_000_000, intervalMs: 1000, daily: 1_000_000_000 });
	const existing = (sandbox.snapshot().contacts as Array<{ locationId: string }>).filter((contact) => contact.locationId === sandbox.demo.locationId).length;
	let next = 0;
	const missing = total - existing;
	const worker = async () => {
		while (next < missing) {
			const index = next++;
			const response = await fetch(`${sandbox.url}/contacts/`, {
				method: 'POST',
				headers: { Authorization: `Bearer ${sandbox.demo.privateToken}`, Version: '2021-07-28', 'Content-Type': 'application/json' },
				body: JSON.stringify({ locationId: sandbox.demo.locationId, firstName: `Reader${index}`, email: `reader${index}@bench.example.com` }),
			});
			if (!response.ok) throw new Error(`filling the location: ${response.status} ${await response.text()}`);
			await response.arrayBuffer();
		}
	};
	await Promise.all(Array.from({ length: 32 }, worker));
	sandbox.requests.length = 0;
}

export async function importReturnAll(ctx: BenchContext, node: NodeKind): Promise<string> {
	const step =
		node === 'ours'
			? ghlNode('GHL', { resource: 'contact', operation: 'getAll', returnAll: true }, ctx.stack.credentials)
			: builtInNode('GHL', { resource: 'contact', operation: 'getAll', returnAll: true }, ctx.builtIn);
	return await ctx.stack.importWorkflow(manualWorkflow(`bench return all ${node}`, [step]));
}

/**
 * The memory reference for Return All: n8n's own HTTP Request node reading the same contacts from
 * the same search endpoint, 500 a page, each page after the last contact's `searchAfter`. Its run
 * holds each contact once (inside one item per page), so its peak RSS is what n8n itself needs for
 * this data; a node that kept copies would sit above it by about their size.
 */
export async function importReturnAllReference(ctx: BenchContext, splitOut = false): Promise<string> {
	const { sandbox } = ctx.stack;
	const step: NodeJson = {
		id: newId(),
		name: splitOut ? 'Pages' : 'GHL',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position: [0, 0],
		parameters: {
			method: 'POST',
			url: `${sandbox.url}/contacts/search`,
			sendHeaders: true,
			headerParameters: {
				parameters: [
					{ name: 'Authorization', value: `Bearer ${sandbox.demo.privateToken}` },
					{ name: 'Version', value: '2021-07-28' },
				],
			},
			sendBody: true,
			specifyBody: 'json',
			jsonBody: JSON.stringify({ locationId: sandbox.demo.locationId, pageLimit: 500 }),
			options: {
				pagination: {
					pagination: {
						paginationMode: 'updateAParameterInEachRequest',
						parameters: { parameters: [{ type: 'body', name: 'searchAfter', value: '={{ $response.body.contacts[$response.body.contacts.length - 1].searchAfter }}' }] },
						paginationCompleteWhen: 'other',
						completeExpression: '={{ $response.body.contacts.length < 500 }}',
					},
				},
			},
		},
	};
	const split: NodeJson = { id: newId(), name: 'GHL', type: 'n8n-nodes-base.splitOut', typeVersion: 1, position: [0, 0], parameters: { fieldToSplitOut: 'contacts', options: {} } };
	return await ctx.stack.importWorkflow(manualWorkflow(`bench return all reference (HTTP Request${splitOut ? ' + Split Out' : ''})`, splitOut ? [step, split] : [step]));
}

/** The records a run's node put out, as JSON (MB), and how many: `key` reads records nested in each item (one item per page). */
export function outputData(run: RunJson, nodeName: string, key?: string): { records: number; dataMb: number } {
	const items = (run.data.resultData.runData[nodeName]?.[0]?.data?.main?.[0] ?? []) as Array<{ json: IDataObject }>;
	const records = key ? items.flatMap((item) => (Array.isArray(item.json[key]) ? (item.json[key] as IDataObject[]) : [])) : items.map((item) => item.json);
	return { records: records.length, dataMb: Buffer.byteLength(JSON.stringify(records)) / 2 ** 20 };
}

// -------------------------------------------------------------------------------------------
// 3. Node overhead: CPU per item, zero latency, no limit

export async function importOverhead(ctx: BenchContext, node: NodeKind, items: number, contactId: string): Promise<string> {
	const step =
		node === 'ours'
			? ghlNode('GHL', { resource: 'contact', operation: 'get', contactId: { __rl: true, mode: 'id', value: contactId } }, ctx.stack.credentials)
			: builtInNode('GHL', { resource: 'contact', operation: 'get', contactId }, ctx.builtIn);
	return await ctx.stack.importWorkflow(manualWorkflow(`bench overhead ${node} ${items}`, [records(items, '{ n: i }'), step]));
}

// -------------------------------------------------------------------------------------------
// 4. Trigger: signed deliveries verified and emitted per second; the replay check as history grows

export interface TriggerFigures {
	deliveries: number;
	/** Answered 200 and started an execution. */
	accepted: number;
	executions: number;
	seconds: number;
	perSecond: number;
	/** Median answer time (ms) of each successive batch: flat = the replay check does not grow with history. */
	batchMedianMs: number[];
	/** Replays of already accepted deliveries: answered 200 (GHL must not retry them) but no execution started. */
	replays: number;
	replayExecutions: number;
}

/** Executions of a workflow so far (public API, no data). */
async function executionCount(stack: Stack, workflowId: string): Promise<number> {
	let count = 0;
	let cursor: string | undefined;
	do {
		const query = new URLSearchParams({ workflowId, limit: '250' });
		if (cursor) query.set('cursor', cursor);
		const page = await stack.client.api<{ data?: unknown[]; nextCursor?: string | null }>('GET', `/executions?${query}`);
		count += page?.data?.length ?? 0;
		cursor = page?.nextCursor ?? undefined;
	} while (cursor);
	return count;
}

/**
 * `receiver` 'ghlTrigger': a workflow of the GHL Trigger alone. 'n8nWebhook': n8n's own Webhook node
 * alone (no checks at all), the reference for what n8n itself takes per delivery.
 */
export async function triggerThroughput(
	ctx: BenchContext,
	deliveries: number,
	batches = 4,
	inFlight = 8,
	receiver: 'ghlTrigger' | 'n8nWebhook' = 'ghlTrigger',
): Promise<TriggerFigures> {
	const { stack } = ctx;
	stack.sandbox.reset();
	// One node: each accepted delivery is one execution of one node.
	const { workflow, webhookPath: ghlPath, nodeName } = ghlTriggerWorkflow('bench trigger', stack, { events: ['ContactCreate'] });
	const settings = { executionOrder: 'v1', saveDataSuccessExecution: 'all', saveDataErrorExecution: 'all' };
	const plainPath = `bench-webhook-${newId()}`;
	const alone: WorkflowJson =
		receiver === 'ghlTrigger'
			? { ...workflow, nodes: workflow.nodes.filter((node) => node.name === nodeName), connections: {}, settings }
			: {
					id: newId(),
					name: 'bench n8n webhook',
					nodes: [
						{
							id: newId(),
							name: 'Webhook',
							type: 'n8n-nodes-base.webhook',
							typeVersion: 2,
							position: [0, 0],
							webhookId: newId(),
							parameters: { httpMethod: 'POST', path: plainPath, options: {} },
						},
					],
					connections: {},
					settings,
				};
	const webhookPath = receiver === 'ghlTrigger' ? ghlPath : plainPath;
	const id = await stack.importWorkflow(alone);
	await stack.activate(id);
	const url = stack.webhookUrl(webhookPath);
	const bodies = Array.from({ length: deliveries }, (_, index) =>
		signedDelivery({
			type: 'ContactCreate',
			locationId: stack.sandbox.demo.locationId,
			id: `bench${index}`,
			email: `trigger${index}@bench.example.com`,
			timestamp: new Date().toISOString(),
			webhookId: `bench-${newId()}-${index}`,
		}),
	);
	const times: number[] = new Array(deliveries);
	const statuses: number[] = new Array(deliveries);
	const started = performance.now();
	let next = 0;
	await Promise.all(
		Array.from({ length: inFlight }, async () => {
			while (next < deliveries) {
				const index = next++;
				const sent = performance.now();
				statuses[index] = await postDelivery(url, bodies[index]);
				times[index] = performance.now() - sent;
			}
		}),
	);
	const seconds = (performance.now() - started) / 1000;
	const size = Math.ceil(deliveries / batches);
	const batchMedianMs = Array.from({ length: batches }, (_, batch) => {
		const slice = times.slice(batch * size, (batch + 1) * size).sort((a, b) => a - b);
		return slice[Math.floor(slice.length / 2)];
	});
	const executions = await waitForCount(stack, id, statuses.filter((status) => status === 200).length);
	const replays = Math.min(100, deliveries);
	for (let index = 0; index < replays; index++) await postDelivery(url, bodies[index]);
	const afterReplays = await waitForCount(stack, id, executions);
	await stack.deactivate(id);
	const accepted = Math.min(executions, statuses.filter((status) => status === 200).length);
	return { deliveries, accepted, executions, seconds, perSecond: accepted / seconds, batchMedianMs, replays, replayExecutions: afterReplays - executions };
}

/** The execution count once it reaches `expected` and stays (or after 60 s). */
async function waitForCount(stack: Stack, workflowId: string, expected: number): Promise<number> {
	const deadline = Date.now() + 60_000;
	let count = await executionCount(stack, workflowId);
	while (count < expected && Date.now() < deadline) {
		await new Promise((resolve) => setTimeout(resolve, 500));
		count = await executionCount(stack, workflowId);
	}
	// A moment more: anything still arriving (a replay that was let through) is counted.
	await new Promise((resolve) => setTimeout(resolve, 1000));
	return await executionCount(stack, workflowId);
}
